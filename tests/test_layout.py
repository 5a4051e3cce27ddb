"""How the suite is laid out, enforced: tests mirror the package (``tests/gui/form/`` for
``desa_app/gui/form/`` …), and test modules never import each other (shared fixtures live
in ``conftest.py``, shared helpers in modules not named ``test_*``)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
PACKAGE = TESTS.parent / "desa_app"


def test_test_folders_mirror_the_package() -> None:
    for tree in ("core", "gui"):
        for folder in sorted((TESTS / tree).rglob("*")):
            if not folder.is_dir() or folder.name == "__pycache__":
                continue
            relative = folder.relative_to(TESTS)
            assert (PACKAGE / relative).is_dir() or _topic(relative), (
                f"tests/{relative} has no package desa_app/{relative}")


def _topic(relative: Path) -> bool:
    """Folders grouping tests of one concern inside a mirrored package (durability of the
    store, one folder per PDF document …) are fine when their parent is mirrored."""
    return (PACKAGE / relative.parent).is_dir() and relative.name in {
        "durability"}


def test_test_modules_do_not_import_each_other() -> None:
    bad = []
    for path in sorted(TESTS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                last = node.module.rsplit(".", 1)[-1]
                if last.startswith("test_"):
                    bad.append(f"{path.relative_to(TESTS)}:{node.lineno} imports {node.module}")
    assert bad == []
