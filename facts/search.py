"""Search that forgives: accents, case, and the spellings of a name that the catalogue file lists as one
(`spellings:`, such as Samoilova and Samoylova). A fact keeps its searchable text folded in a column of its
own (Fact.search_text, derived on save), and a query is folded the same way, so a plain `contains` finds it
on SQLite and PostgreSQL alike, with no extension and no collation of either."""

import re
import unicodedata
from functools import cache

from facts import seed

# Letters that Unicode does not decompose into a base letter and an accent.
LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"})
WORD = re.compile(r"\w+")
# The fields a search looks in.
SEARCHED = ("title", "summary", "body")


@cache
def spellings() -> dict[str, str]:
    """Each spelling the catalogue lists, folded, to the first of its group."""
    table = {}
    for group in seed.read().get("spellings", []):
        first, *others = [_letters(name) for name in group]
        table.update({name: first for name in others})
    return table


def _letters(text: str) -> str:
    """Lower case, without accents: "Palmarès" is "palmares", "Mieczysław" is "mieczyslaw"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(LETTERS)


def fold(text: str) -> str:
    """The words of `text`, folded, each listed spelling of a name as the first of its group, one space apart."""
    table = spellings()
    return " ".join(table.get(word, word) for word in WORD.findall(_letters(text)))


def search_text(fact) -> str:
    """What Fact.search_text holds for `fact` (or a row of it from a migration)."""
    return fold(" ".join(getattr(fact, name) for name in SEARCHED))


def refresh(model) -> int:
    """Fold again the facts whose search text is not what the code and the file make of it now (after the
    spellings changed); returns how many. The catalogue loader runs it on every deploy."""
    stale = [
        (fact.pk, text)
        for fact in model.objects.only("pk", "search_text", *SEARCHED)
        if (text := search_text(fact)) != fact.search_text
    ]
    for pk, text in stale:
        model.objects.filter(pk=pk).update(search_text=text)
    return len(stale)
