"""The code's release, in every page, fragment and kept value's key: a deploy that changes what an entry
holds (a template, a view, a stylesheet's hashed name, a library) never reads one the code before it stored."""

import hashlib
from functools import cache
from pathlib import Path

from django.conf import settings

# What pages are made of; tests, docs and benchmarks are not, nor what a running site writes.
SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".svg"}
SKIPPED = {".venv", "node_modules", "staticfiles", "media", "backups", "tests", "benchmarks", "docs", "__pycache__"}
LOCKS = ("requirements.txt", "package-lock.json")


def digest_of(root: Path) -> str:
    """A digest of the project's source files under `root` and of its pinned dependencies."""
    digest = hashlib.sha256()
    for path in sorted(_sources(root)):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def _sources(root: Path):
    for path in root.iterdir():
        if path.name.startswith(".") or path.name in SKIPPED:
            continue
        if path.is_dir():
            yield from _sources(path)
        elif path.suffix in SUFFIXES or path.name in LOCKS:
            yield path


@cache
def release() -> str:
    return digest_of(Path(settings.BASE_DIR))
