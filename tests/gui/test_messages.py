"""Every screen text comes from the catalogue, in both languages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from desa_app.gui import i18n
from desa_app.gui.messages import CATALOGUE

GUI = Path(__file__).resolve().parents[2] / "desa_app" / "gui"
QT_TEXT_CALLS = {"setText", "setWindowTitle", "setToolTip", "setPlaceholderText",
                 "setTitle", "setSubTitle", "addItem", "setHorizontalHeaderLabels",
                 "QLabel", "QPushButton", "QCheckBox", "QGroupBox", "setStatusTip"}


def used_keys() -> set[tuple[str, int, str]]:
    found = set()
    for path in GUI.rglob("*.py"):
        for match in re.finditer(r'\bt\(\s*"([a-z0-9_.]+)"', path.read_text("utf-8")):
            line = path.read_text("utf-8")[: match.start()].count("\n") + 1
            found.add((str(path.relative_to(GUI)), line, match.group(1)))
    return found


def test_every_key_used_exists_in_both_languages() -> None:
    missing = [f"{file}:{line} {key}" for file, line, key in used_keys() if key not in CATALOGUE]
    assert missing == []
    empty = [key for key, (indonesian, english) in CATALOGUE.items()
             if not indonesian.strip() or not english.strip()]
    assert empty == []


def test_placeholders_match_between_languages() -> None:
    for key, (indonesian, english) in CATALOGUE.items():
        assert set(re.findall(r"{(\w+)}", indonesian)) == set(re.findall(r"{(\w+)}", english)), key


def literal_texts(path: Path) -> list[str]:
    """Plain string literals handed straight to Qt text setters (should be t(...))."""
    tree = ast.parse(path.read_text("utf-8"))
    bad = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        if name not in QT_TEXT_CALLS:
            continue
        for arg in node.args[:1]:
            if (isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                    and re.search(r"[A-Za-z]{3,}", arg.value)):
                bad.append(f"{path.name}:{node.lineno} {arg.value!r}")
    return bad


@pytest.mark.parametrize("path", sorted(GUI.rglob("*.py")), ids=lambda p: p.name)
def test_no_hard_coded_sentences(path: Path) -> None:
    assert literal_texts(path) == []


def test_switching_language() -> None:
    try:
        i18n.set_language("en")
        assert i18n.t("nav.settings") == "Settings"
        assert i18n.form_language() == "English"
    finally:
        i18n.set_language("id")
    assert i18n.t("nav.settings") == "Pengaturan"
