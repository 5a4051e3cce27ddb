"""Where the app finds what it ships: form definitions and resources.

Both live next to the package (``forms/`` and ``resources/`` at the project root), and an
installer puts them in the same place relative to the package, so one rule serves a
checkout, an editable install and the packaged app.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def forms_dir() -> Path:
    return PROJECT_ROOT / "forms"


def resources_dir() -> Path:
    return PROJECT_ROOT / "resources"


def docs_dir() -> Path:
    return PROJECT_ROOT / "docs"
