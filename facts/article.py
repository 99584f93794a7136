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
    added, skipped = [], []
    position = Fact.objects.aggregate(last=Max("position"))["last"] or 0
    for title, paragraph in article.sections:
        slug = slugify(title)[:200]
        if not slug or Fact.objects.filter(slug=slug).exists():
            skipped.append(f"fact “{title}” (slug {slug!r} exists or is empty)")
            continue
        position += 1
        Fact.objects.create(
            title=title[:200],
            slug=slug,
            summary=first_sentence(paragraph),
            body=paragraph,
            claim=paragraph,
            category=category,
            position=position,
            published=False,
            status=Status.UNVERIFIED,
        )
        added.append(f"fact “{title}”")
    faq_position = FaqEntry.objects.aggregate(last=Max("position"))["last"] or 0
    for question, answer in article.questions:
        slug = slugify(question)[:100]
        if not slug or FaqEntry.objects.filter(slug=slug).exists():
            skipped.append(f"question “{question}” (slug {slug!r} exists or is empty)")
            continue
        faq_position += 1
        FaqEntry.objects.create(
            question=question[:300], slug=slug, answer=answer, position=faq_position, published=False
        )
        added.append(f"question “{question}”")
    return added, skipped
