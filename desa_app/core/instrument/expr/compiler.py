"""Turn an expression tree into a chain of Python closures.

Compiling once at load time (instead of walking the tree on every evaluation) is what
keeps a full household evaluation within a few milliseconds. Nothing here uses
``eval``: every node becomes a small closure over already-compiled children.

How ``${name}`` is read depends on where the expression lives (sibling in the same
repeat instance, or all instances inside ``count()``/``sum()``); the compiler leaves that
to a :class:`Resolver` supplied by the form model.
"""

from __future__ import annotations

from typing import Protocol

from desa_app.core.instrument.expr.ast import (
    Binary,
    Call,
    Column,
    Dot,
    Expr,
    Filter,
    Number,
    Ref,
    String,
    Unary,
)
from desa_app.core.instrument.expr.context import Context, EvalState, Getter
from desa_app.core.instrument.expr.errors import ExpressionError
from desa_app.core.instrument.expr.functions import FUNCTIONS, compile_regex
from desa_app.core.instrument.expr.values import (
    Item,
    NodeSet,
    Value,
    arithmetic,
    compare,
    to_bool,
    to_number,
)


class Resolver(Protocol):
    """Supplied by the form model: knows what each ``${name}`` means at this place."""

    def single(self, ref: Ref, source: str) -> Getter:
        """``${name}`` where one value is wanted (a sibling or an enclosing-level answer)."""
        ...

    def nodeset(self, ref: Ref, source: str) -> Getter:
        """``${name}`` where a node-set is wanted: every instance within the scope."""
        ...

    def for_items_of(self, ref: Ref, source: str) -> Resolver:
        """Resolver for a predicate ``${name}[...]``: relative to each item of name."""
        ...


def compile_expr(expr: Expr, source: str, resolver: Resolver) -> Getter:
    """Compile a parsed expression; raises ExpressionError for bad calls or references."""
    return _Compiler(source).compile(expr, resolver)


class _Compiler:
    def __init__(self, source: str) -> None:
        self.source = source

    def error(self, message: str, node: Expr) -> ExpressionError:
        return ExpressionError(message, self.source, node.pos)

    def compile(self, node: Expr, resolver: Resolver, want_nodeset: bool = False) -> Getter:
        if isinstance(node, Number):
            number = node.value
            return lambda ctx: number
        if isinstance(node, String):
            text = node.value
            return lambda ctx: text
        if isinstance(node, Dot):
            return lambda ctx: ctx.dot
        if isinstance(node, Column):
            column = node.name
            # choice_filter: ``.`` is the mapping of the choice's columns
            return lambda ctx: ctx.dot.get(column, "") if isinstance(ctx.dot, dict) else ""
        if isinstance(node, Ref):
            if want_nodeset:
                return resolver.nodeset(node, self.source)
            return resolver.single(node, self.source)
        if isinstance(node, Filter):
            return self.compile_filter(node, resolver)
        if isinstance(node, Unary):
            operand = self.compile(node.operand, resolver)
            return lambda ctx: -to_number(operand(ctx))
        if isinstance(node, Binary):
            return self.compile_binary(node, resolver)
        if isinstance(node, Call):
            return self.compile_call(node, resolver, want_nodeset)
        raise self.error("Bentuk ekspresi tidak dikenal", node)

    def compile_filter(self, node: Filter, resolver: Resolver) -> Getter:
        if not isinstance(node.base, Ref):
            raise self.error("Penyaring [...] hanya boleh mengikuti ${nama_isian}", node)
        base = resolver.nodeset(node.base, self.source)
        predicate = self.compile(node.predicate, resolver.for_items_of(node.base, self.source))

        def run(ctx: Context) -> Value:
            items = base(ctx)
            assert isinstance(items, NodeSet)
            kept = NodeSet()
            for item in items:
                inner = Context(ctx.state, item.key, item.value, ctx.cur)
                result = predicate(inner)
                if isinstance(result, float) and not isinstance(result, bool):
                    # XPath: a number predicate selects by position (1-based)
                    if result == len(kept) + 1:
                        kept.append(item)
                elif to_bool(result):
                    kept.append(item)
            return kept

        return run

    def compile_binary(self, node: Binary, resolver: Resolver) -> Getter:
        left = self.compile(node.left, resolver)
        right = self.compile(node.right, resolver)
        op = node.op
        if op == "and":
            return lambda ctx: to_bool(left(ctx)) and to_bool(right(ctx))
        if op == "or":
            return lambda ctx: to_bool(left(ctx)) or to_bool(right(ctx))
        if op in ("=", "!=", "<", "<=", ">", ">="):
            return lambda ctx: compare(op, left(ctx), right(ctx))
        return lambda ctx: arithmetic(op, left(ctx), right(ctx))

    def compile_call(self, node: Call, resolver: Resolver, want_nodeset: bool) -> Getter:
        function = FUNCTIONS.get(node.name)
        if function is None:
            raise self.error(f"Fungsi tidak dikenal: {node.name}()", node)
        count = len(node.args)
        if count < function.min_args or (
            function.max_args is not None and count > function.max_args
        ):
            expected = (
                str(function.min_args)
                if function.min_args == function.max_args
                else f"{function.min_args}–{function.max_args or 'banyak'}"
            )
            raise self.error(
                f"Fungsi {node.name}() perlu {expected} argumen, diberi {count}", node
            )
        literal = node.args[1] if node.name == "regex" else None
        if isinstance(literal, String) and compile_regex(literal.value) is None:
            raise self.error("Pola regex tidak sah", literal)
        args: list[Getter] = []
        for index, arg in enumerate(node.args):
            takes = function.takes_nodeset(index)
            if takes and not _can_be_nodeset(arg) and node.name not in ("min", "max"):
                raise self.error(f"{node.name}() perlu ${{nama_isian}} sebagai argumen", arg)
            args.append(self.compile(arg, resolver, want_nodeset=takes))
        impl = function.impl
        if node.name == "distinct-values" and not want_nodeset:
            raise self.error("distinct-values() hanya dapat dipakai di dalam count()", node)
        if node.name == "if":
            cond, then, other = args
            return lambda ctx: then(ctx) if to_bool(cond(ctx)) else other(ctx)

        def run(ctx: Context) -> Value:
            return impl(ctx, [arg(ctx) for arg in args])

        return run


def _can_be_nodeset(node: Expr) -> bool:
    return isinstance(node, Ref | Filter) or (
        isinstance(node, Call) and node.name == "distinct-values"
    )


__all__ = ["Context", "EvalState", "Getter", "Item", "Resolver", "compile_expr"]
