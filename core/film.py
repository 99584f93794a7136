"""The film the club is devoted to: its credits, told once for the home page and for structured data."""

TITLE = "The Cranes Are Flying"
ORIGINAL_TITLE = "Летят журавли (Letyat zhuravli)"
YEAR = 1957
STUDIO = "Mosfilm"
COUNTRY = "Soviet Union"
# Sources differ with the version: 95 minutes (English Wikipedia), 97 (Russian Wikipedia) and 98 for Mosfilm's
# 2K restoration, the version the Berlinale showed in 2018 and the one named here.
RUNTIME_MINUTES = 98
RUNTIME_VERSION = "the 2018 restoration"

DIRECTOR = "Mikhail Kalatozov"
WRITER = "Viktor Rozov"
PLAY = "Forever Alive (Vechno zhivye, 1943)"
CINEMATOGRAPHER = "Sergei Urusevsky"
COMPOSER = "Mieczysław Weinberg"
# Role, actor; the first three are the leads.
CAST = [
    ("Veronika", "Tatiana Samoilova"),
    ("Boris", "Aleksey Batalov"),
    ("Fyodor Ivanovich", "Vasily Merkuryev"),
    ("Mark", "Aleksandr Shvorin"),
]
LEADS = CAST[:3]

CREDITS = [
    ("Director", DIRECTOR),
    ("Screenplay", f"{WRITER}, from his play {PLAY}"),
    ("Cinematography", CINEMATOGRAPHER),
    ("Music", f"{COMPOSER} (credited as M. Vainberg)"),
    *CAST,
]

AWARD = "Palme d'Or, Cannes Film Festival 1958"
MILESTONES = [
    ("12 October 1957", "Soviet premiere"),
    ("18 May 1958", "Palme d'Or at the 11th Cannes Film Festival"),
    ("2018", "2K restoration shown at the Berlinale"),
]


def as_work() -> dict:
    """The film as a schema.org Movie, short: for events that show it."""
    return {"@type": "Movie", "name": TITLE, "dateCreated": str(YEAR)}
