"""Screens run background work only through ``operation.BackgroundOp``, enforced.

Each screen once had its own busy flag and its own failure handling (five variants, one
with a wrong signature nobody noticed). Now ``operation.py`` is the one door and
``worker.py`` its private engine: no other module in ``desa_app/gui`` may reach the
engine (importing ``worker``, ``run_in_background``), define its own
``set_busy``/``_set_busy``, or keep a busy flag of its own (``self.busy = False``,
``self.backup_running = True``); a ``BusyBar``'s ``active`` is that flag.
"""

from __future__ import annotations

import ast
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "desa_app" / "gui"
ENGINE = {"operation.py", "worker.py"}
ENGINE_NAMES = {"run_in_background"}
BUSY_METHODS = {"set_busy", "_set_busy"}


def _is_busy_flag(target: ast.expr, value: ast.expr | None) -> bool:
    """``self.<something busy or running> = True/False``."""
    return (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
            and target.value.id == "self"
            and ("busy" in target.attr.lower() or target.attr.endswith("_running"))
            and isinstance(value, ast.Constant) and isinstance(value.value, bool))


def _assignments(node: ast.AST) -> list[tuple[ast.expr, ast.expr | None]]:
    if isinstance(node, ast.Assign):
        return [(target, node.value) for target in node.targets]
    if isinstance(node, ast.AnnAssign):
        return [(node.target, node.value)]
    return []


def offences(source: str, name: str) -> list[str]:
    """What in one module's source breaks the rule, as ``name:line what``."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source, filename=name)):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.ImportFrom) and node.module:
            names = {alias.name for alias in node.names}
            if node.module == "desa_app.gui.worker" or (
                    node.module == "desa_app.gui" and "worker" in names):
                found.append(f"{name}:{line} imports the worker")
            elif names & ENGINE_NAMES:
                found.append(f"{name}:{line} imports {sorted(names & ENGINE_NAMES)}")
        elif isinstance(node, ast.Import) and any(
                alias.name == "desa_app.gui.worker" for alias in node.names):
            found.append(f"{name}:{line} imports the worker")
        elif (isinstance(node, ast.Name) and node.id in ENGINE_NAMES) or (
                isinstance(node, ast.Attribute) and node.attr in ENGINE_NAMES):
            found.append(f"{name}:{line} uses run_in_background")
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) \
                and node.name in BUSY_METHODS:
            found.append(f"{name}:{line} defines its own {node.name}")
        elif any(_is_busy_flag(target, value) for target, value in _assignments(node)):
            found.append(f"{name}:{line} keeps its own busy flag")
    return found


def test_no_screen_runs_background_work_by_itself() -> None:
    found: list[str] = []
    for path in sorted(GUI.rglob("*.py")):
        if path.parent == GUI and path.name in ENGINE:
            continue
        found += offences(path.read_text(encoding="utf-8"), str(path.relative_to(GUI)))
    assert found == []


def test_the_rule_catches_each_kind_of_offence() -> None:
    bad = '\n'.join([
        "from desa_app.gui.worker import run_in_background",  # 1
        "from desa_app.gui import worker",  # 2
        "import desa_app.gui.worker",  # 3
        "class Page:",  # 4
        "    def __init__(self):",  # 5
        "        self.busy = False",  # 6
        "        self.backup_running: bool = True",  # 7
        "    def _set_busy(self, busy):",  # 8
        "        worker.run_in_background(lambda: 1, print, print)",  # 9
        "        self.busy_label = None",  # a widget, not a flag: allowed
        "        self.loading = True",  # not a busy flag by name: allowed
    ])
    lines = [int(entry.split(":")[1].split()[0]) for entry in offences(bad, "bad.py")]
    assert sorted(set(lines)) == [1, 2, 3, 6, 7, 8, 9]
