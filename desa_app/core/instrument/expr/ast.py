"""Syntax tree of the XLSForm expression language.

Every node carries the character offset where it starts so that a definition error can
point at the exact spot in the YAML string that is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Expr:
    """Base class of all expression nodes."""

    pos: int

    def children(self) -> tuple[Expr, ...]:
        return ()

    def walk(self) -> Iterator[Expr]:
        """Yield this node and every node below it, depth first."""
        yield self
        for child in self.children():
            yield from child.walk()


@dataclass(frozen=True)
class Number(Expr):
    value: float


@dataclass(frozen=True)
class String(Expr):
    value: str


@dataclass(frozen=True)
class Ref(Expr):
    """``${name}``: a reference to another question by its unique name."""

    name: str


@dataclass(frozen=True)
class Column(Expr):
    """A bare name inside a ``choice_filter``: a column of the choice being filtered."""

    name: str


@dataclass(frozen=True)
class Dot(Expr):
    """``.``: the value of the question the expression belongs to."""


@dataclass(frozen=True)
class Call(Expr):
    name: str
    args: tuple[Expr, ...] = field(default=())

    def children(self) -> tuple[Expr, ...]:
        return self.args


@dataclass(frozen=True)
class Unary(Expr):
    op: str
    operand: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.operand,)


@dataclass(frozen=True)
class Binary(Expr):
    op: str
    left: Expr
    right: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.left, self.right)


@dataclass(frozen=True)
class Filter(Expr):
    """``${members}[predicate]``: keep the items of a node-set for which the predicate holds."""

    base: Expr
    predicate: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.base, self.predicate)


def references(expr: Expr) -> list[str]:
    """Names of all questions an expression mentions, in order of appearance, without repeats."""
    seen: dict[str, None] = {}
    for node in expr.walk():
        if isinstance(node, Ref):
            seen.setdefault(node.name, None)
    return list(seen)


def to_source(expr: Expr) -> str:
    """Render a tree back to expression text (fully parenthesised where it matters)."""
    if isinstance(expr, Number):
        value = expr.value
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(expr, String):
        quote = "'" if "'" not in expr.value else '"'
        return f"{quote}{expr.value}{quote}"
    if isinstance(expr, Ref):
        return "${" + expr.name + "}"
    if isinstance(expr, Dot):
        return "."
    if isinstance(expr, Column):
        return expr.name
    if isinstance(expr, Call):
        return f"{expr.name}({', '.join(to_source(a) for a in expr.args)})"
    if isinstance(expr, Unary):
        return f"-{_wrap(expr.operand)}"
    if isinstance(expr, Binary):
        return f"{_wrap(expr.left)} {expr.op} {_wrap(expr.right)}"
    if isinstance(expr, Filter):
        return f"{_wrap(expr.base)}[{to_source(expr.predicate)}]"
    raise TypeError(f"unknown expression node {type(expr).__name__}")


def _wrap(expr: Expr) -> str:
    text = to_source(expr)
    return f"({text})" if isinstance(expr, Binary | Unary) else text
