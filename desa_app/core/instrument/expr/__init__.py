"""The XLSForm expression language: parser, syntax tree, compiler and function library."""

from desa_app.core.instrument.expr.ast import Expr, Ref, references, to_source
from desa_app.core.instrument.expr.compiler import Context, Getter, Resolver, compile_expr
from desa_app.core.instrument.expr.errors import ExpressionError
from desa_app.core.instrument.expr.parser import parse

__all__ = [
    "Context",
    "Expr",
    "ExpressionError",
    "Getter",
    "Ref",
    "Resolver",
    "compile_expr",
    "parse",
    "references",
    "to_source",
]

# Registers the identity functions (nik-valid, wilayah-name ...) in the function table.
from desa_app.core.instrument.expr import identity_functions as _identity  # noqa: F401
