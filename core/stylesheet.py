"""The site's stylesheet, inlined in each page's <head> with only the rules that page can use.

`make css` builds the whole (build/static/css/site.css: Bootstrap's parts the templates use and the site's
own rules, about 9 KB compressed). base.html inlines it whole; on the way out (core.middleware.SiteCSPMiddleware)
`fit` keeps the rules whose classes, ids and elements the page has, so a page carries 3 to 5 KB of CSS
compressed and stays inside the first round trip of a phone's connection. Nothing else is loaded, so nothing
blocks the first paint and no script is needed, which the strict Content-Security-Policy would forbid; the
policy allows exactly the inlined text by its hash, not 'unsafe-inline'.

A selector is kept when the page has every class, id and element it names. What a visitor changes without a
new page (:hover, :focus, :checked, details[open]) is not looked at, and nothing inside :not() is required,
so a rule can only be kept too often, never dropped from a page that uses it. No script on the site adds classes.
"""

import base64
import hashlib
import re
from dataclasses import dataclass
from functools import cache, lru_cache

import tinycss2
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.safestring import SafeString, mark_safe


@cache
def css() -> SafeString:
    """The whole built stylesheet, read once per process."""
    try:
        text = settings.SITE_STYLESHEET.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ImproperlyConfigured(f"{settings.SITE_STYLESHEET} is missing: run `make css`") from None
    if "</" in text:  # could close the <style> element; our own CSS never needs it
        raise ImproperlyConfigured(f"{settings.SITE_STYLESHEET} contains '</'")
    # Sass marks a stylesheet with non-ASCII characters with a byte-order mark; in a page it is just a character.
    # Safe: the site's own built CSS, never a member's text, and it cannot end the element (above).
    return mark_safe(text.removeprefix("\ufeff"))  # noqa: S308  # nosec B308 B703


def csp_source(text: str) -> str:
    """The style-src source that allows this inlined text and nothing else inline."""
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


# What a page offers a selector: ".name" for each class, "#name" for each id, "name" for each element.
# Found loosely and fast (data-id= counts as an id): a token too many only keeps a rule the page cannot use.
CLASS_ATTRIBUTE = re.compile(r"""class=["']([^"']*)""")
ID_ATTRIBUTE = re.compile(r"""id=["']([^"']*)""")
ELEMENT = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
# What a selector needs, once its attribute tests and pseudo-classes are taken out.
NAME = re.compile(r"([.#]?)(-?[_a-zA-Z][\w-]*)")
ATTRIBUTE_TEST = re.compile(r"\[[^\]]*\]")
PSEUDO = re.compile(r"::?[\w-]+")


def page_tokens(html: str) -> set[str]:
    tokens = {"html", "body"}
    for classes in CLASS_ATTRIBUTE.findall(html):
        tokens.update("." + name for name in classes.split())
    tokens.update("#" + name for name in ID_ATTRIBUTE.findall(html))
    tokens.update(name.lower() for name in ELEMENT.findall(html))
    return tokens


def needs(selector: str) -> frozenset[str]:
    """The classes, ids and elements a page must have for `selector` to match anything in it."""
    if "\\" in selector:  # an escaped name; none in our CSS today, and keeping the rule is always safe
        return frozenset()
    plain = ATTRIBUTE_TEST.sub("", _without_arguments(selector))
    plain = PSEUDO.sub("", plain)
    return frozenset(kind + (name if kind else name.lower()) for kind, name in NAME.findall(plain))


def _without_arguments(selector: str) -> str:
    """The selector without what is inside :not(...), :nth-child(...) and the like."""
    out, depth = [], 0
    for char in selector:
        depth += char == "("
        if depth == 0:
            out.append(char)
        depth -= char == ")" and depth > 0
    return "".join(out)


def _split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas."""
    parts, depth, start = [], 0, 0
    for at, char in enumerate(prelude):
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            parts.append(prelude[start:at].strip())
            start = at + 1
    return [*parts, prelude[start:].strip()]


@dataclass(frozen=True)
class Rule:
    selectors: tuple[tuple[frozenset[str], str], ...]  # (what it needs, its text)
    block: str

    def fitted(self, tokens: frozenset[str]) -> str:
        kept = [text for wanted, text in self.selectors if wanted <= tokens]
        return ",".join(kept) + "{" + self.block + "}" if kept else ""


@dataclass(frozen=True)
class Group:  # @media, @supports: kept when a rule inside is
    prelude: str
    rules: tuple

    def fitted(self, tokens: frozenset[str]) -> str:
        inside = "".join(rule.fitted(tokens) for rule in self.rules)
        return self.prelude + "{" + inside + "}" if inside else ""


@dataclass(frozen=True)
class Whole:  # @font-face, @keyframes, @page: kept as written (make css dropped the unused ones)
    text: str

    def fitted(self, tokens: frozenset[str]) -> str:
        return self.text


def _parsed(nodes) -> tuple:
    rules = []
    for node in nodes:
        if node.type == "qualified-rule":
            selectors = tuple((needs(text), text) for text in _split_selectors(tinycss2.serialize(node.prelude)))
            rules.append(Rule(selectors, tinycss2.serialize(node.content)))
        elif node.type == "at-rule" and node.lower_at_keyword in ("media", "supports") and node.content is not None:
            inner = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
            rules.append(Group(f"@{node.at_keyword}{tinycss2.serialize(node.prelude)}", _parsed(inner)))
        elif node.type == "at-rule":
            rules.append(Whole(tinycss2.serialize([node])))
    return tuple(rules)


@cache
def _rules() -> tuple:
    return _parsed(tinycss2.parse_stylesheet(css(), skip_comments=True, skip_whitespace=True))


@cache
def _vocabulary() -> frozenset[str]:
    """Every token some selector needs: a page's other ids and classes cannot change what it gets."""
    words, rules = set(), list(_rules())
    while rules:
        rule = rules.pop()
        if isinstance(rule, Group):
            rules.extend(rule.rules)
        elif isinstance(rule, Rule):
            for wanted, _text in rule.selectors:
                words |= wanted
    return frozenset(words)


@lru_cache(maxsize=512)
def for_tokens(tokens: frozenset[str]) -> tuple[str, str]:
    """The rules a page with these tokens can use, and the CSP source that allows them."""
    text = "".join(rule.fitted(tokens) for rule in _rules())
    return text, csp_source(text)


def for_page(html: str) -> tuple[str, str]:
    return for_tokens(frozenset(page_tokens(html)) & _vocabulary())


def fit(response) -> str:
    """Put the rules the page can use where base.html inlined the whole stylesheet; returns the CSP source
    that allows what the response now inlines (the whole stylesheet's when it inlines nothing of ours)."""
    whole = _inlined_whole()
    if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
        return csp_source_of_whole()
    content = response.content
    start = content.find(b"<style>")
    end = start + len(whole)
    if start == -1 or content[start:end] != whole:
        return csp_source_of_whole()
    text, source = for_page((content[:start] + content[end:]).decode("utf-8", "replace"))
    response.content = b"".join((content[:start], b"<style>", text.encode(), b"</style>", content[end:]))
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    return source


@cache
def _inlined_whole() -> bytes:
    return f"<style>{css()}</style>".encode()


@cache
def csp_source_of_whole() -> str:
    return csp_source(css())
