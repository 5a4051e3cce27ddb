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
        return f"-{wrap(expr.operand, to_source(expr.operand), UNARY_PRECEDENCE, False)}"
    if isinstance(expr, Binary):
        level = PRECEDENCE[expr.op]
        left = wrap(expr.left, to_source(expr.left), level, False)
        right = wrap(expr.right, to_source(expr.right), level, True)
        return f"{left} {expr.op} {right}"
    if isinstance(expr, Filter):
        return f"{to_source(expr.base)}[{to_source(expr.predicate)}]"
    raise TypeError(f"unknown expression node {type(expr).__name__}")


PRECEDENCE = {"or": 1, "and": 2, "=": 3, "!=": 3, "<": 4, "<=": 4, ">": 4, ">=": 4,
              "+": 5, "-": 5, "*": 6, "div": 6, "mod": 6}
UNARY_PRECEDENCE = 7


def wrap(expr: Expr, text: str, parent_level: int, right_side: bool) -> str:
    """Parenthesise a sub-expression only where precedence requires it."""
    if isinstance(expr, Binary):
        level = PRECEDENCE[expr.op]
    elif isinstance(expr, Unary):
        level = UNARY_PRECEDENCE
    else:
        return text
    needs = level < parent_level or (right_side and level == parent_level)
    return f"({text})" if needs else text
