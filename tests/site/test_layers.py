"""The import contracts (.importlinter, run by `make lint`) hold, and break when an import points up or two
modules import each other."""

import shutil
import subprocess
import sys
from configparser import ConfigParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGES = ConfigParser()
PACKAGES.read(ROOT / ".importlinter")
ROOT_PACKAGES = PACKAGES["importlinter"]["root_packages"].split()


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def test_the_project_keeps_its_layers():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("core/upward.py", "from facts.models import Fact"),
        ("core/kernel.py", "import pagecache"),
        ("pagecache/upward.py", "from outbox.models import Notice"),
        ("outbox/upward.py", "from members.models import User"),
        ("outbox/sideways.py", "from backup import make"),
        ("cranesclub/domain.py", "from facts.feeds import FactFeed"),
        ("members/upward.py", "import screenings.models"),
        ("facts/upward.py", "from discussion import services"),
        ("screenings/upward.py", "from discussion.models import Comment"),
        ("facts/sideways.py", "from screenings.models import Screening"),
    ],
)
def test_an_import_that_points_up_breaks_the_contract(tmp_path, module, line):
    copy_project(tmp_path)
    (tmp_path / module).write_text(line + "\n")

    result = lint_imports(tmp_path)

    assert result.returncode == 1
    assert "BROKEN" in result.stdout
    assert module.removesuffix(".py").replace("/", ".") in result.stdout


def test_two_modules_importing_each_other_break_the_contract_even_inside_a_function(tmp_path):
    copy_project(tmp_path)
    (tmp_path / "outbox" / "one.py").write_text("from outbox import two\n")
    (tmp_path / "outbox" / "two.py").write_text("def later():\n    from outbox import one\n")

    result = lint_imports(tmp_path)

    assert result.returncode == 1
    assert "No cycles are allowed in outbox" in result.stdout


def copy_project(tmp_path: Path) -> None:
    for package in ROOT_PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / ".importlinter", tmp_path)
