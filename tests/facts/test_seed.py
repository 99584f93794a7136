"""The catalogue file itself, before any site loads it: each fact's status follows the rubric, every source
can be found, and no two records contradict each other on a claim the file marks as shared."""

import copy
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.utils.text import slugify

from core import film
from facts.catalogue import read_seed
from facts.models import EXAMPLES, Status

STATUS_WORD = re.compile(r"\b(" + "|".join(Status.values) + r")\b", re.IGNORECASE)
CURATING = Path(__file__).resolve().parents[2] / "docs" / "curating.md"


@pytest.fixture
def seed() -> dict:
    return copy.deepcopy(read_seed())


def slug_of(record: dict) -> str:
    return record.get("slug") or slugify(record["title"])


def fact(data: dict, slug: str) -> dict:
    return next(record for record in data["facts"] if slug_of(record) == slug)


def verified_without_a_linked_source(data: dict) -> list[str]:
    """The rubric: a fact is verified only where a source it cites, with a link, states the claim."""
    return [
        slug_of(record)
        for record in data["facts"]
        if record["status"] == Status.VERIFIED and not any(source.get("url") for source in record.get("sources", []))
    ]


def other_statuses_named(data: dict) -> list[tuple[str, str]]:
    """Facts whose summary or body names a status other than their own ("…so it stays unverified")."""
    named = []
    for record in data["facts"]:
        for word in STATUS_WORD.findall(f"{record['summary']}\n{record['body']}"):
            if word.lower() != record["status"]:
                named.append((slug_of(record), word.lower()))
    return named


def _text(record: dict, names=("summary", "body", "answer", "text")) -> str:
    return " ".join(record.get(name, "") for name in names).lower().replace("’", "'")


def _public_text(record: dict) -> str:
    """All a record says in the club's words (a fact's claim is the article's, and may be wrong)."""
    return _text(record, ("summary", "body", "status_note", "answer", "text"))


def contradictions(data: dict) -> list[str]:
    """Records that share a claim (`shares:`) but do not say it in their text as the file's `shared_claims`
    words it (a fact's note is not enough), or say anywhere what it denies."""
    claims = data.get("shared_claims", {})
    records = data["facts"] + data["faq"] + data.get("texts", [])
    sharing = {key: [r for r in records if key in r.get("shares", [])] for key in claims}
    found = [
        f"{key} is shared by {len(them)} record(s), not two or more" for key, them in sharing.items() if len(them) < 2
    ]
    for record in records:
        for key in record.get("shares", []):
            if key not in claims:
                found.append(f"{slug_of(record)} shares {key}, which the file does not define")
    for key, claim in claims.items():
        for record in sharing[key]:
            if not any(words.lower() in _text(record) for words in claim["says"]):
                found.append(f"{slug_of(record)} does not say {key} ({claim['claim']})")
            text = _public_text(record)
            found += [f"{slug_of(record)} says '{words}', against {key}" for words in claim["denies"] if words in text]
    return found


def sources_nobody_can_find(data: dict) -> list[str]:
    """Sources with neither a link nor where they were printed, and links to a site's home page, not a record."""
    found = []
    for source in {id(s): s for record in data["facts"] for s in record.get("sources", [])}.values():
        if not source.get("url") and not source.get("printed"):
            found.append(f"{source['title']}: no link, and not said where it was printed")
        elif source.get("url") and urlsplit(source["url"]).path in ("", "/"):
            found.append(f"{source['title']}: links to a home page ({source['url']})")
    return found


def test_the_catalogue_file_follows_the_rubric(seed):
    assert verified_without_a_linked_source(seed) == []
    assert other_statuses_named(seed) == []
    assert contradictions(seed) == []
    assert sources_nobody_can_find(seed) == []


def test_a_verified_fact_whose_sources_have_no_link_fails(seed):
    palme = fact(seed, "palme-dor-winner")
    palme["sources"] = [{**source, "url": None} for source in palme["sources"]]
    assert verified_without_a_linked_source(seed) == ["palme-dor-winner"]


def test_a_body_that_names_another_status_fails(seed):
    memory = fact(seed, "preservation-of-memory")  # an opinion, as its body once said it stayed unverified
    memory["body"] += " So it stays unverified."
    assert other_statuses_named(seed) == [("preservation-of-memory", "unverified")]
    fact(seed, "palme-dor-winner")["summary"] += " Verified by the palmarès."
    assert ("palme-dor-winner", "verified") not in other_statuses_named(seed), "its own status may be named"


def test_two_facts_that_contradict_each_other_on_a_shared_claim_fail(seed):
    camera = fact(seed, "groundbreaking-cinematography")
    # The second check's wording, which the third check found against Influential Filmmaking Techniques.
    camera["body"] = camera["body"].replace(" had not seen since the silent era.", " had not seen.")
    assert contradictions(seed) == [
        f"groundbreaking-cinematography does not say moving-camera ({seed['shared_claims']['moving-camera']['claim']})"
    ]
    fact(seed, "based-on-a-play")["body"] += " It is the play of the same name."
    assert "based-on-a-play says 'play of the same name', against rozovs-play" in contradictions(seed)


def test_a_shared_claim_needs_two_records_and_a_record_a_known_claim(seed):
    fact(seed, "influential-filmmaking-techniques")["shares"] = ["moving-kamera"]
    assert set(contradictions(seed)) == {
        "moving-camera is shared by 1 record(s), not two or more",
        "influential-filmmaking-techniques shares moving-kamera, which the file does not define",
    }


def test_a_source_nobody_can_find_fails(seed):
    source = fact(seed, "box-office-success")["sources"][0]
    source["url"] = "https://awards.bafta.org/"
    assert sources_nobody_can_find(seed) == [f"{source['title']}: links to a home page (https://awards.bafta.org/)"]
    source["url"] = None
    assert sources_nobody_can_find(seed) == [f"{source['title']}: no link, and not said where it was printed"]
    source["printed"] = "Iskusstvo kino, no. 12 (1957), p. 3"
    assert sources_nobody_can_find(seed) == []


def test_each_status_has_its_example_in_the_file_and_in_the_curators_guide(seed):
    guide = CURATING.read_text(encoding="utf-8")
    for status, slug in EXAMPLES.items():
        record = fact(seed, slug)
        assert record["status"] == status, slug
        assert f"| {status.value} |" in guide and record["title"] in guide, slug


def test_the_home_pages_credits_and_milestones_agree_with_the_catalogue(seed):
    performances = fact(seed, "heartfelt-performances")
    for role, actor in film.CAST:
        assert actor in performances["summary"], actor
        assert role in performances["summary"] + performances["body"], role
    play = fact(seed, "based-on-a-play")
    assert "Forever Alive" in film.PLAY and "Vechno zhivye" in film.PLAY and "1943" in film.PLAY
    assert "Forever Alive (Vechno zhivye, 1943)" in play["summary"] and play["status"] != Status.REFUTED
    assert film.WRITER in play["summary"]
    assert film.COMPOSER in fact(seed, "critically-acclaimed-soundtrack")["summary"]
    assert film.CINEMATOGRAPHER in fact(seed, "groundbreaking-cinematography")["summary"]
    assert film.DIRECTOR in fact(seed, "groundbreaking-cinematography")["body"]
    catalogue = " ".join(_public_text(record) for record in seed["facts"])
    for date, _ in film.MILESTONES:
        assert date.lower() in catalogue, date
    synopsis = next(text for text in seed["texts"] if text["slug"] == "synopsis")
    assert "only-soviet-palme" in synopsis["shares"]
