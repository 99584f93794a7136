"""The site's stylesheet, inlined in each page's <head>; a visitor's page gets only the rules it can use.

`make css` builds the whole (build/static/css/site.css: Bootstrap's parts the templates use and the site's
own rules, about 9 KB compressed). base.html inlines it whole; on the way out of a visitor's page
(core.middleware.SiteCSPMiddleware) `fit` keeps the rules whose classes, ids and elements the page has, so
the page carries 3 to 5 KB of CSS compressed and stays inside the first round trip of a phone's connection.
Nothing else is loaded, so nothing blocks the first paint and no script is needed, which the strict
Content-Security-Policy would forbid; the policy allows exactly the inlined text by its hash, not
'unsafe-inline'. A member's page, made for each request, keeps the whole: the cut would cost it a tenth to a
fifth of its time.

A selector is kept when the page's HTML has every class, id and element the selector names (tbody and the
like, which browsers add, count as there). What a visitor changes without a new page (:hover, :focus,
:checked, details[open]) is not looked at, nor what :not() and the like hold, so a rule is kept too often
rather than dropped. What this cannot see is a class a script adds: no script on the site adds one.
tests/browser/test_stylesheet.py compares every element's computed style with the whole stylesheet's.
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


# What a page offers a selector: ".name" for each class, "#name" for each id, "name" for each element, and the
# elements a browser adds itself. Attributes are found loosely and fast, in lower case as every template writes
# them (data-id= counts as an id): a token too many only keeps a rule the page cannot use. A value stops at "=",
# "<" or ">", so a member's text ending in "class=" just before a real class attribute cannot swallow it
# (Django escapes the quotes in what members write).
CLASS_ATTRIBUTE = re.compile(r"""class\s*=\s*(?:"([^"=<>]*)"|'([^'=<>]*)'|([^\s"'=<>`]+))""")
ID_ATTRIBUTE = re.compile(r"""id\s*=\s*(?:"([^"=<>]*)"|'([^'=<>]*)'|([^\s"'=<>`]+))""")
ELEMENT = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
ALWAYS_THERE = frozenset({"html", "head", "body", "tbody"})


def page_tokens(html: str, *, ids: bool = True) -> set[str]:
    """What the page offers; its ids only when asked (the stylesheet may name none)."""
    classes = set(" ".join(" ".join(value) for value in CLASS_ATTRIBUTE.findall(html)).split())
    tokens = {"." + name for name in classes} | ALWAYS_THERE
    tokens.update(map(str.lower, set(ELEMENT.findall(html))))
    if ids:
        tokens.update("#" + value for values in ID_ATTRIBUTE.findall(html) for value in values if value)
    return tokens


def needs(selector) -> frozenset[str]:
    """The classes, ids and elements a page must have for a selector (its text or tinycss2's tokens) to match.

    Only what stands in the selector itself: not what :not(), :nth-child() and the like hold, nor attribute
    tests, nor pseudo-classes and pseudo-elements, which a visitor changes without a new page."""
    tokens = tinycss2.parse_component_value_list(selector) if isinstance(selector, str) else selector
    wanted, previous = set(), None
    for token in tokens:
        if token.type == "literal" and token.value == "|":  # a namespace; none in our CSS, keeping is safe
            return frozenset()
        if token.type == "hash":
            wanted.add("#" + token.value)
        elif token.type == "ident" and previous == ".":
            wanted.add("." + token.value)
        elif token.type == "ident" and previous != ":":
            wanted.add(token.value.lower())
        previous = token.value if token.type == "literal" else None
    return frozenset(wanted)


def _selectors(prelude: list) -> tuple[tuple[frozenset[str], str], ...]:
    """Each selector of a list, with what it needs and its text; commas inside [...] or (...) are blocks' own."""
    parts = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return tuple((needs(part), tinycss2.serialize(part).strip()) for part in parts)


@dataclass(frozen=True)
class Rule:
    selectors: tuple[tuple[frozenset[str], str], ...]  # (what it needs, its text)
    block: str

    def fitted(self, tokens: frozenset[str]) -> str:
        kept = [text for wanted, text in self.selectors if wanted <= tokens]
        return ",".join(kept) + "{" + self.block + "}" if kept else ""

    def words(self) -> frozenset[str]:
        return frozenset().union(*(wanted for wanted, _text in self.selectors))


@dataclass(frozen=True)
class Group:  # @media, @supports: kept when a rule inside is
    prelude: str
    rules: tuple

    def fitted(self, tokens: frozenset[str]) -> str:
        inside = "".join(rule.fitted(tokens) for rule in self.rules)
        return self.prelude + "{" + inside + "}" if inside else ""

    def words(self) -> frozenset[str]:
        return frozenset().union(*(rule.words() for rule in self.rules))


@dataclass(frozen=True)
class Whole:  # @font-face, @keyframes, @page: kept as written (make css dropped the unused ones)
    text: str

    def fitted(self, tokens: frozenset[str]) -> str:
        return self.text

    def words(self) -> frozenset[str]:
        return frozenset()


def _parsed(nodes) -> tuple:
    rules = []
    for node in nodes:
        if node.type == "qualified-rule":
            rules.append(Rule(_selectors(node.prelude), tinycss2.serialize(node.content)))
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
    return frozenset().union(*(rule.words() for rule in _rules()))


@lru_cache(maxsize=512)
def for_tokens(tokens: frozenset[str]) -> tuple[str, str]:
    """The rules a page with these tokens can use, and the CSP source that allows them."""
    text = "".join(rule.fitted(tokens) for rule in _rules())
    if "</" in text:  # tinycss2 writes escapes out (\3c/ as </); nothing may end the <style> element
        raise ImproperlyConfigured(f"{settings.SITE_STYLESHEET} has a rule that would close <style>")
    return text, csp_source(text)


def for_page(html: str) -> tuple[str, str]:
    return for_tokens(frozenset(page_tokens(html, ids=_names_ids())) & _vocabulary())


@cache
def _names_ids() -> bool:
    """Whether a selector names an id: if none does, a page's ids are not looked for (our CSS names none)."""
    return any(word.startswith("#") for word in _vocabulary())


def fit(response) -> str:
    """Put the rules the page can use where base.html inlined the whole stylesheet; returns the CSP source
    that allows what the response now inlines (the whole stylesheet's when it inlines nothing of ours)."""
    whole = _inlined_whole()
    if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
        return whole_source()
    content = response.content
    start = content.find(b"<style>")
    end = start + len(whole)
    if start == -1 or content[start:end] != whole:
        return whole_source()
    text, source = for_page((content[:start] + content[end:]).decode("utf-8", "replace"))
    response.content = b"".join((content[:start], b"<style>", text.encode(), b"</style>", content[end:]))
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    return source


@cache
def _inlined_whole() -> bytes:
    return f"<style>{css()}</style>".encode()


@cache
def whole_source() -> str:
    """The CSP source of the whole stylesheet, for a page that inlines it uncut."""
    return csp_source(css())
