"""The Django and django-allauth installed, and pinned for every deployment, carry the security fixes asked for:
Django 5.2.20 (two high-severity fixes, one in the admin's changelists), django-allauth 65.22.1."""

import re
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AT_LEAST = {"django": (5, 2, 20), "django-allauth": (65, 22, 1)}


def numbers(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


@pytest.mark.parametrize(("package", "minimum"), AT_LEAST.items())
def test_installed_and_pinned_releases_carry_the_fixes(package, minimum):
    assert numbers(version(package)) >= minimum
    pinned = re.search(rf"^{package}==(\S+)", (ROOT / "requirements.txt").read_text(), re.MULTILINE | re.IGNORECASE)
    assert pinned and numbers(pinned.group(1)) >= minimum
