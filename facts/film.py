"""The film the club is devoted to: credits shown on the home page."""

TITLE = "The Cranes Are Flying"
ORIGINAL_TITLE = "Летят журавли (Letyat zhuravli)"
YEAR = 1957
STUDIO = "Mosfilm"
RUNTIME_MINUTES = 97

CREDITS = [
    ("Director", "Mikhail Kalatozov"),
    ("Screenplay", "Viktor Rozov, from his play Forever Alive (Vechno zhivye, 1943)"),
    ("Cinematography", "Sergei Urusevsky"),
    ("Music", "Mieczysław Weinberg (credited as M. Vainberg)"),
    ("Veronika", "Tatiana Samoilova"),
    ("Boris", "Aleksey Batalov"),
    ("Fyodor Ivanovich", "Vasily Merkuryev"),
    ("Mark", "Aleksandr Shvorin"),
]

MILESTONES = [
    ("12 October 1957", "Soviet premiere"),
    ("18 May 1958", "Palme d'Or at the 11th Cannes Film Festival"),
    ("2018", "2K restoration shown at the Berlinale"),
]
