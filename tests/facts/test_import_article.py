from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from facts.article import ArticleError, parse_article
from facts.models import Fact, FaqEntry, Status

pytestmark = pytest.mark.django_db

ARTICLE = """An introduction that is not a fact. It runs on for a sentence or two.

Golden Bear Winner

The film won a golden bear. Or so the article says.

Long Takes

The camera rarely cuts.

In conclusion, a paragraph that belongs to no heading.

Q: Is it long?

A: About an hour and a half.
"""


def import_text(tmp_path, text, *args) -> str:
    path = tmp_path / "article.txt"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    out = StringIO()
    call_command("import_article", str(path), *args, stdout=out)
    return out.getvalue()


def test_parse_pairs_headings_with_paragraphs_and_skips_the_rest():
    article = parse_article(ARTICLE)
    assert article.sections == [
        ("Golden Bear Winner", "The film won a golden bear. Or so the article says."),
        ("Long Takes", "The camera rarely cuts."),
    ]
    assert article.questions == [("Is it long?", "About an hour and a half.")]


def test_import_adds_unpublished_unverified_facts_and_reports_them(tmp_path):
    out = import_text(tmp_path, ARTICLE)
    assert "added   fact “Golden Bear Winner”" in out
    assert "Imported 3 item(s)" in out
    fact = Fact.objects.get(slug="golden-bear-winner")
    assert fact.published is False
    assert fact.status == Status.UNVERIFIED
    assert fact.summary == "The film won a golden bear."
    assert fact.category.slug == "imported"
    assert FaqEntry.objects.get(slug="is-it-long").published is False


def test_importing_twice_skips_what_is_there(tmp_path):
    import_text(tmp_path, ARTICLE)
    out = import_text(tmp_path, ARTICLE)
    assert "Imported 0 item(s)" in out
    assert "skipped 3" in out
    assert Fact.objects.count() == 2


def test_import_continues_positions_after_existing_facts(tmp_path, make_fact):
    make_fact(position=39)
    import_text(tmp_path, ARTICLE)
    assert Fact.objects.get(slug="golden-bear-winner").position == 40


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "no facts found"),
        ("Just one long paragraph without any heading at all, which is not an article.", "no facts found"),
        ("Intro.\n\nLonely Heading\n\nAnother Heading\n\nA paragraph.", "“Lonely Heading” has no paragraph"),
        ("Heading At The End", "“Heading At The End” has no paragraph"),
        ("Q: A question with no answer?", "has no “A:” answer"),
        ("A: An answer to nothing.", "no “Q:” question"),
    ],
)
def test_malformed_articles_are_rejected_with_a_clear_message(tmp_path, text, message):
    with pytest.raises(CommandError, match=message):
        import_text(tmp_path, text)
    assert Fact.objects.count() == 0


def test_parse_reports_the_line_number():
    with pytest.raises(ArticleError, match="line 3"):
        parse_article("Intro.\n\nLonely Heading\n\nOther Heading\n\nText.")


def test_binary_and_missing_files_are_rejected(tmp_path):
    with pytest.raises(CommandError, match="not UTF-8"):
        import_text(tmp_path, b"\xff\xfe\x00binary")
    with pytest.raises(CommandError, match="cannot read"):
        call_command("import_article", str(tmp_path / "missing.txt"))
