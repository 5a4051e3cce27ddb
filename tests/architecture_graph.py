"""The import graph of desa_app, read with ``ast`` (lazy and TYPE_CHECKING imports too).

Shared by the architecture tests; it names modules by dotted path and resolves
``from package import name`` to the module ``package.name`` when that module exists.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desa_app"


@dataclass(frozen=True)
class Import:
    source: str  # importing module
    target: str  # imported module of desa_app (resolved)
    line: int


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(root: Path = PACKAGE) -> dict[str, Path]:
    return {module_name(path, root): path for path in sorted(root.rglob("*.py"))}


def _resolve(name: str, known: dict[str, Path]) -> str | None:
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def _package_of(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def imports(root: Path = PACKAGE) -> list[Import]:
    """Every import of a desa_app module by a desa_app module, wherever it is written."""
    known = modules(root)
    top = root.name
    found: list[Import] = []
    for module, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = _package_of(module, path).split(".")
                    anchor = anchor[: len(anchor) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    targets.append(full if full in known else base)
            for target in targets:
                if target.split(".")[0] != top:
                    continue
                resolved = _resolve(target, known)
                if resolved and resolved != module:
                    found.append(Import(module, resolved, node.lineno))
    return found


def cycles(edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan, iterative)."""
    graph: dict[str, set[str]] = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
        graph.setdefault(b, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def package_edges(found: Iterable[Import], packages: set[str]) -> set[tuple[str, str]]:
    """Package P → Q when a module inside P imports one inside Q, at every nesting level
    (``core.instrument.expr`` → ``core.store`` also counts as ``core.instrument`` → ...)."""
    edges: set[tuple[str, str]] = set()
    for imp in found:
        for p in packages:
            if not _inside(imp.source, p) or _inside(imp.target, p):
                continue
            for q in packages:
                if _inside(imp.target, q) and not _inside(imp.source, q) and not _inside(p, q) \
                        and not _inside(q, p):
                    edges.add((p, q))
    return edges


def _inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")
