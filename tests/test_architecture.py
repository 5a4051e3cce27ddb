"""The dependency rules of DESIGN.md and docs/architecture.md, enforced.

Core never sees Qt, gui sees it only via qt.py; core's packages depend in one direction
(``CORE_LAYERS``, lowest first) and no files or packages import each other in a cycle,
counting lazy imports inside functions and ``TYPE_CHECKING`` imports.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.architecture_graph import Import, cycles, imports, modules, package_edges

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


CORE_LAYERS: list[tuple[str, ...]] = [
    # foundation: what every layer may use (the version, paths, the clock, atomic files,
    # errors a user can meet; core messages)
    ("desa_app", "desa_app.core", "desa_app.core.errors", "desa_app.core.paths",
     "desa_app.core.clock", "desa_app.core.files", "desa_app.core.messages"),
    ("desa_app.core.identity",),  # NIK / No KK / Kemendagri codes
    ("desa_app.core.instrument",),  # the questionnaire engine, a record's facts
    ("desa_app.core.workflow", "desa_app.core.auth", "desa_app.core.sop"),  # rules
    ("desa_app.core.store",),  # the village database, audit log, signing key
    ("desa_app.core.profil",),  # village-level records, figures counted from DDK
    ("desa_app.core.exports",),  # workbook, PDFs, package
    ("desa_app.core.demo",),  # the demo village, built through the store like any user
]
"""Core's packages, lowest first: a module may import its own layer and those below."""


def layer_of(module: str) -> int | None:
    best: tuple[int, int] | None = None  # (prefix length, layer)
    for number, prefixes in enumerate(CORE_LAYERS):
        for prefix in prefixes:
            if module == prefix or module.startswith(prefix + "."):
                if prefix in ("desa_app", "desa_app.core") and module != prefix:
                    continue  # the package roots themselves, not everything under them
                if best is None or len(prefix) > best[0]:
                    best = (len(prefix), number)
    return None if best is None else best[1]


def upward(found: list[Import]) -> list[str]:
    bad = []
    for imp in found:
        if not imp.source.startswith("desa_app.core"):
            continue
        mine, theirs = layer_of(imp.source), layer_of(imp.target)
        if mine is None:
            bad.append(f"{imp.source} is in no layer of CORE_LAYERS")
        elif theirs is None or theirs > mine:
            bad.append(f"{imp.source}:{imp.line} imports {imp.target} (a higher layer)")
    return sorted(set(bad))


def test_core_packages_depend_in_one_direction() -> None:
    assert upward(imports()) == []


def test_no_import_cycles_between_files() -> None:
    assert cycles((i.source, i.target) for i in imports()) == []


def test_no_import_cycles_between_packages() -> None:
    found = imports()
    known = modules()
    packages = {m for m, path in known.items() if path.name == "__init__.py"}
    # top-level modules of core (workflow, auth, sop …) count as packages of their own
    packages |= {m for m in known if m.count(".") == 2 and m.startswith("desa_app.core.")}
    assert cycles(package_edges(found, packages)) == []


def test_the_graph_sees_lazy_and_type_only_imports(tmp_path: Path) -> None:
    root = tmp_path / "desa_app"
    (root / "core" / "low").mkdir(parents=True)
    (root / "core" / "high").mkdir()
    for folder in (root, root / "core", root / "core" / "low", root / "core" / "high"):
        (folder / "__init__.py").write_text("")
    (root / "core" / "low" / "a.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from desa_app.core.high import b\n")
    (root / "core" / "high" / "b.py").write_text(
        "def f():\n    from desa_app.core.low.a import x\n")
    found = imports(root)
    pairs = {(i.source, i.target) for i in found}
    assert ("desa_app.core.low.a", "desa_app.core.high.b") in pairs
    assert ("desa_app.core.high.b", "desa_app.core.low.a") in pairs
    assert cycles(pairs) == [["desa_app.core.high.b", "desa_app.core.low.a"]]
    packages = {"desa_app.core.low", "desa_app.core.high"}
    assert cycles(package_edges(found, packages)) == [["desa_app.core.high",
                                                       "desa_app.core.low"]]
    assert layer_of("desa_app.core.store.audit") == 4
    assert upward([Import("desa_app.core.store.x", "desa_app.core.exports.y", 3)]) == [
        "desa_app.core.store.x:3 imports desa_app.core.exports.y (a higher layer)"]


# -- the GUI and CLI reach the store through VillageStore only ----------------------------

STORE_DOORS: dict[str, frozenset[str]] = {
    "desa_app.core.store.facade": frozenset({"VillageStore", "BackupFile", "FileCheck"}),
    # data types and constants the doors hand out or take
    "desa_app.core.store.users": frozenset({"Actor", "UserInfo", "USERNAME_RE"}),
    "desa_app.core.store.queries": frozenset({"Page", "RecordRow"}),
    "desa_app.core.store.models": frozenset({"Village", "ReviewNote", "ACTIVITY_KINDS"}),
    "desa_app.core.store.village": frozenset({"DUSUN_NAME_LIMIT"}),
    "desa_app.core.store.service": frozenset({"RecordData"}),
    "desa_app.core.store.verification": frozenset({"BatchResult", "QueueItem"}),
    "desa_app.core.store.dashboard": frozenset({"Breakdown", "Population", "Progress",
                                                "WeekCount", "DusunProgress"}),
    "desa_app.core.store.desa_cantik": frozenset({"APARAT_KINDS", "AgentInfo",
                                                  "ActivityInfo"}),
    "desa_app.core.store.pembina": frozenset({"FollowUpInfo", "VillageNoteInfo",
                                              "VisitInfo"}),
    "desa_app.core.store.attachments": frozenset({"AttachmentInfo"}),
    "desa_app.core.store.sop_tracker": frozenset({"StepInfo", "TargetInfo"}),
    # what every exporter reads (it takes the VillageStore and the actor)
    "desa_app.core.store.export_source": frozenset({"ALL_STATUSES", "VERIFIED",
                                                    "ExportSource"}),
    # Profil Desa sits above the store: its data types and the shipped village forms;
    # the service itself is built once, by AppSession.profil (below)
    "desa_app.core.profil.service": frozenset({"DdkFigures", "ProfilRow",
                                               "village_instruments"}),
}
"""What desa_app/gui and desa_app/cli may import from the store (and profil's service),
by name. Not listed, so never imported: ``database`` (Database, open_database),
``sqlite``, ``schema``, ``backup``, ``audit``, the services (Records, Users, Queries,
Verification, Dashboard, Profil ...) and the ``store`` package's modules as a whole."""

SERVICE_COMPOSERS = {("desa_app/gui/session.py", "desa_app.core.profil.service", "Profil")}
"""Profil is built in one place: the session (``VillageStore`` may not import profil)."""


def _guarded(module: str) -> bool:
    return (module == "desa_app.core.store" or module.startswith("desa_app.core.store.")
            or module == "desa_app.core.profil.service")


def store_door_offenders(folders: list[Path]) -> list[str]:
    """Imports of the store beyond ``STORE_DOORS`` (lazy ones included) and any ``.db``
    attribute (``store.db``) in the given folders; ``args.db`` (the CLI option) aside."""
    bad = []
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            where = path.relative_to(PACKAGE.parent).as_posix()
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    bad.extend(f"{where}:{node.lineno} imports {alias.name}"
                               for alias in node.names if _guarded(alias.name))
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    for alias in node.names:
                        module, name = node.module, alias.name
                        if not _guarded(module) and _guarded(f"{module}.{name}"):
                            bad.append(f"{where}:{node.lineno} imports {module}.{name}")
                        elif (_guarded(module)
                              and name not in STORE_DOORS.get(module, frozenset())
                              and (where, module, name) not in SERVICE_COMPOSERS):
                            bad.append(f"{where}:{node.lineno} imports {name} from {module}")
                elif (isinstance(node, ast.Attribute) and node.attr == "db"
                      and not (isinstance(node.value, ast.Name) and node.value.id == "args")):
                    bad.append(f"{where}:{node.lineno} uses .db ({ast.unparse(node)})")
    return bad


def test_gui_and_cli_use_the_store_only_through_the_facade() -> None:
    assert store_door_offenders([PACKAGE / "gui", PACKAGE / "cli"]) == []


def test_the_store_door_check_catches_each_way_round(tmp_path: Path) -> None:
    global PACKAGE
    folder = tmp_path / "gui"
    folder.mkdir()
    (folder / "bad.py").write_text(
        "from desa_app.core.store.facade import VillageStore\n"  # fine
        "from desa_app.core.store import backup as B\n"
        "import desa_app.core.store.sqlite\n"
        "def f(session):\n"
        "    from desa_app.core.store.database import open_database\n"
        "    from desa_app.core.store.verification import QueueItem, Verification\n"
        "    from desa_app.core.profil.service import Profil\n"
        "    return session.store.db.path, args.db\n")
    saved, PACKAGE = PACKAGE, tmp_path / "desa_app"
    try:
        found = store_door_offenders([folder])
    finally:
        PACKAGE = saved
    assert [line.split(" ", 1)[0] for line in found] == [
        "gui/bad.py:2", "gui/bad.py:3", "gui/bad.py:5", "gui/bad.py:6", "gui/bad.py:7",
        "gui/bad.py:8"], found
    assert "Verification" in found[3] and "QueueItem" not in found[3]


def test_the_store_facade_never_reaches_above_the_store() -> None:
    """``VillageStore.profil`` cannot exist: not even a lazy import of profil or exports
    from the facade (the layer rule above also says so for the whole store)."""
    for name in ("facade.py", "facade_files.py"):
        for line, module in imported_modules(PACKAGE / "core" / "store" / name):
            assert not module.startswith(("desa_app.core.profil", "desa_app.core.exports",
                                          "desa_app.gui")), f"{name}:{line} {module}"
