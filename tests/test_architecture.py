"""The dependency rules of DESIGN.md, enforced: core never sees Qt, gui sees it only via qt.py."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desa_app"


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", "") == "__import__"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.append((node.lineno, str(node.args[0].value)))
    return found


def offenders(folder: Path, forbidden: tuple[str, ...], allowed: set[Path]) -> list[str]:
    bad = []
    for path in sorted(folder.rglob("*.py")):
        if path in allowed:
            continue
        for line, module in imported_modules(path):
            if module == forbidden or module.startswith(forbidden):
                bad.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}")
    return bad


def test_core_never_imports_qt_or_gui() -> None:
    assert offenders(PACKAGE / "core", ("PySide6", "desa_app.gui", "shiboken6"), set()) == []


def test_gui_imports_qt_only_through_the_shim() -> None:
    gui = PACKAGE / "gui"
    if not gui.exists():
        return
    assert offenders(gui, ("PySide6", "shiboken6"), {gui / "qt.py"}) == []


def test_the_checker_itself_catches_an_offender(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text("import os\nfrom PySide6.QtWidgets import QWidget\n")
    (tmp_path / "sneaky.py").write_text("def f():\n    import PySide6.QtCore\n")
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path.parent
    try:
        found = offenders(tmp_path, ("PySide6",), set())
    finally:
        PACKAGE = saved
    assert len(found) == 2 and "bad.py:2" in found[0] and "sneaky.py:2" in found[1]
