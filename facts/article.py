"""Reading an article in the seed's shape: a heading line, a blank line, a paragraph; "Q:"/"A:" pairs for the FAQ.

Paragraphs before the first heading (the introduction) and between sections (the conclusion) are skipped.
"""

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify

from facts.models import Category, Fact, FaqEntry, Status

MAX_HEADING_WORDS = 10
MAX_HEADING_LENGTH = 80
HEADING_END = tuple('.!?:;,"”')


class ArticleError(ValueError):
    pass


@dataclass
class Article:
    sections: list[tuple[str, str]] = field(default_factory=list)
    questions: list[tuple[str, str]] = field(default_factory=list)


def _blocks(text: str) -> list[tuple[int, str]]:
    """Groups of non-blank lines, each with the line number it starts on."""
    blocks, current, start = [], [], 0
    for number, line in enumerate(text.splitlines() + [""], start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append((start, " ".join(current)))
            current = []
    return blocks


def _is_heading(text: str) -> bool:
    return (
        len(text) <= MAX_HEADING_LENGTH
        and len(text.split()) <= MAX_HEADING_WORDS
        and not text.endswith(HEADING_END)
        and not re.match(r"^[QA]:", text)
    )


def parse_article(text: str) -> Article:
    article = Article()
    blocks = _blocks(text)
    index = 0
    while index < len(blocks):
        line, block = blocks[index]
        following = blocks[index + 1][1] if index + 1 < len(blocks) else None
        if block.startswith("Q:"):
            if following is None or not following.startswith("A:"):
                raise ArticleError(f"line {line}: the question has no “A:” answer after it.")
            article.questions.append((block[2:].strip(), following[2:].strip()))
            index += 2
        elif block.startswith("A:"):
            raise ArticleError(f"line {line}: an answer with no “Q:” question before it.")
        elif _is_heading(block):
            if following is None or _is_heading(following) or following.startswith(("Q:", "A:")):
                raise ArticleError(f"line {line}: the heading “{block}” has no paragraph under it.")
            article.sections.append((block, following))
            index += 2
        else:
            index += 1
    if not article.sections and not article.questions:
        raise ArticleError(
            "no facts found: expected a heading line, a blank line and a paragraph, or “Q:” and “A:” paragraphs."
        )
    return article


def first_sentence(paragraph: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", paragraph)
    return match.group(1) if match else paragraph


@transaction.atomic
def import_article(article: Article, *, category: Category) -> tuple[list[str], list[str]]:
    """Adds the article's facts and questions unpublished, for a curator to review. Returns (added, skipped)."""

    def fact(title: str, paragraph: str) -> dict:
        return {
            "title": title[:200],
            "summary": first_sentence(paragraph),
            "body": paragraph,
            "claim": paragraph,
            "category": category,
            "status": Status.UNVERIFIED,
        }

    def question(text: str, answer: str) -> dict:
        return {"question": text[:300], "answer": answer}

    facts_added, facts_skipped = _add_unpublished(Fact, "fact", article.sections, fact)
    questions_added, questions_skipped = _add_unpublished(FaqEntry, "question", article.questions, question)
    return facts_added + questions_added, facts_skipped + questions_skipped


def _add_unpublished(model, kind: str, items, fields) -> tuple[list[str], list[str]]:
    """One unpublished row per (heading, text), after the last position; a slug already in use is skipped."""
    added, skipped = [], []
    slug_length = model._meta.get_field("slug").max_length
    position = model.objects.aggregate(last=Max("position"))["last"] or 0
    for heading, text in items:
        slug = slugify(heading)[:slug_length]
        if not slug or model.objects.filter(slug=slug).exists():
            skipped.append(f"{kind} “{heading}” (slug {slug!r} exists or is empty)")
            continue
        position += 1
        model.objects.create(slug=slug, position=position, published=False, **fields(heading, text))
        added.append(f"{kind} “{heading}”")
    return added, skipped
