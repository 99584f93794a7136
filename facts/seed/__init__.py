"""The catalogue's one copy, catalogue.yaml beside this file: facts.catalogue loads its records into the
database, and facts.search reads the spellings it lists."""

from pathlib import Path

import yaml

FILE = Path(__file__).resolve().parent / "catalogue.yaml"


def read(path: Path = FILE) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))
