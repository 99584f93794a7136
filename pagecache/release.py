"""The code's release, in every page, fragment and kept value's key: a deploy that changes what an entry
holds (a template, a view, a stylesheet's hashed name, a library) never reads one the code before it stored.

It is a digest of the project's own apps, templates and static files and of its locked dependencies,
worked out once as each process starts (PageCacheConfig.ready), so a worker serves under the release
it was started with, whatever a deploy does to the files meanwhile.
"""

import hashlib
import os
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings

SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".svg"}
LOCKS = ("requirements.txt", "package-lock.json")


def digest_of(root: Path, folders) -> str:
    """A digest of the source files under `folders` and of the lock files in `root`. What cannot be read is
    left out rather than stopping the site."""
    digest = hashlib.sha256()
    files = sorted({*(f for folder in folders for f in _sources(Path(folder))), *(root / name for name in LOCKS)})
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        digest.update(str(path.relative_to(root)).encode() + b"\0" + data + b"\0")
    return digest.hexdigest()[:12]


def _sources(folder: Path):
    for top, folders, files in os.walk(folder):  # unreadable folders are skipped
        folders[:] = [name for name in folders if name != "__pycache__" and not name.startswith(".")]
        yield from (Path(top) / name for name in files if Path(name).suffix in SUFFIXES)


def project_folders() -> list[Path]:
    """The installed apps that are the project's own, its template folders and its static folders."""
    root = Path(settings.BASE_DIR).resolve()
    folders = [Path(app.path) for app in apps.get_app_configs()]
    folders += [Path(folder) for engine in settings.TEMPLATES for folder in engine.get("DIRS", [])]
    folders += [Path(entry[1] if isinstance(entry, tuple) else entry) for entry in settings.STATICFILES_DIRS]
    return [folder for folder in folders if folder.resolve().is_relative_to(root) and not _installed(folder)]


def _installed(folder: Path) -> bool:
    """Installed packages (a virtualenv inside the project too) count through the lock files instead."""
    return bool({"site-packages", "node_modules"} & set(folder.resolve().parts))


@cache
def release() -> str:
    return digest_of(Path(settings.BASE_DIR).resolve(), project_folders())
