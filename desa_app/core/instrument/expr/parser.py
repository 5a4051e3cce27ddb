"""Hand-written tokenizer and recursive-descent parser for the XLSForm expression subset.

Grammar (lowest to highest precedence), as in XPath 1.0::

    or_expr   := and_expr ('or' and_expr)*
    and_expr  := eq_expr ('and' eq_expr)*
    eq_expr   := rel_expr (('=' | '!=') rel_expr)*
    rel_expr  := add_expr (('<' | '<=' | '>' | '>=') add_expr)*
    add_expr  := mul_expr (('+' | '-') mul_expr)*
    mul_expr  := unary (('*' | 'div' | 'mod') unary)*
    unary     := '-' unary | postfix
    postfix   := primary ('[' or_expr ']')*
    primary   := NUMBER | STRING | '${' NAME '}' | '.' | NAME '(' args ')' | '(' or_expr ')'

Location paths (``/data/x``, ``..``) are deliberately not supported: questions are named
with ``${name}`` only, which keeps definitions readable and lets the loader check every
reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
from desa_app.core.instrument.expr.errors import ExpressionError

MAX_DEPTH = 30
"""Deeper nesting than this is surely a mistake and would exhaust Python's stack."""

_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*(?::[A-Za-z_][A-Za-z0-9_\-]*)?")
_REF_RE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_NUMBER_RE = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")
_SYMBOLS = ("!=", "<=", ">=", "=", "<", ">", "+", "-", "*", "(", ")", "[", "]", ",")
_WORD_OPERATORS = {"and", "or", "div", "mod"}


@dataclass(frozen=True)
class Token:
    kind: str  # NUMBER, STRING, REF, NAME, DOT, OP, EOF
    text: str
    pos: int


def tokenize(source: str) -> list[Token]:
    """Split an expression into tokens; raises ExpressionError on a stray character."""
    tokens: list[Token] = []
    i = 0
    n = len(source)
    while i < n:
        ch = source[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "'\"":
            end = source.find(ch, i + 1)
            if end < 0:
                raise ExpressionError("Tanda kutip tidak ditutup", source, i)
            tokens.append(Token("STRING", source[i + 1 : end], i))
            i = end + 1
            continue
        if ch == "$":
            match = _REF_RE.match(source, i)
            if not match:
                raise ExpressionError("Rujukan harus berbentuk ${nama_isian}", source, i)
            tokens.append(Token("REF", match.group(1), i))
            i = match.end()
            continue
        number = _NUMBER_RE.match(source, i)
        if number and (ch != "." or number.end() > i + 1):
            tokens.append(Token("NUMBER", number.group(0), i))
            i = number.end()
            continue
        if ch == ".":
            if source.startswith("..", i):
                raise ExpressionError("'..' tidak didukung; gunakan ${nama_isian}", source, i)
            tokens.append(Token("DOT", ".", i))
            i += 1
            continue
        name = _NAME_RE.match(source, i)
        if name:
            tokens.append(Token("NAME", name.group(0), i))
            i = name.end()
            continue
        for symbol in _SYMBOLS:
            if source.startswith(symbol, i):
                tokens.append(Token("OP", symbol, i))
                i += len(symbol)
                break
        else:
            raise ExpressionError(f"Karakter tidak dikenal {ch!r}", source, i)
    tokens.append(Token("EOF", "", n))
    return tokens


class _Parser:
    def __init__(self, source: str, allow_columns: bool) -> None:
        self.source = source
        self.allow_columns = allow_columns
        self.tokens = tokenize(source)
        self.index = 0
        self.depth = 0

    # -- helpers -------------------------------------------------------------------
    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def error(self, message: str, token: Token | None = None) -> ExpressionError:
        return ExpressionError(message, self.source, (token or self.token).pos)

    def at_op(self, *ops: str) -> bool:
        token = self.token
        if token.kind == "OP":
            return token.text in ops
        return token.kind == "NAME" and token.text in _WORD_OPERATORS and token.text in ops

    def expect_op(self, op: str) -> Token:
        if not self.at_op(op):
            found = self.token.text or "akhir ekspresi"
            raise self.error(f"Diharapkan '{op}', ditemukan '{found}'")
        return self.advance()

    # -- grammar -------------------------------------------------------------------
    def parse(self) -> Expr:
        if self.token.kind == "EOF":
            raise self.error("Ekspresi kosong")
        expr = self.or_expr()
        if self.token.kind != "EOF":
            raise self.error(f"Sisa teks tidak dipahami: '{self.token.text}'")
        return expr

    def binary_level(self, ops: tuple[str, ...], next_level: str) -> Expr:
        parse_next = getattr(self, next_level)
        left: Expr = parse_next()
        while self.at_op(*ops):
            op = self.advance()
            right = parse_next()
            left = Binary(op.pos, op.text, left, right)
        return left

    def or_expr(self) -> Expr:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error("Ekspresi terlalu dalam bersarang")
        try:
            return self.binary_level(("or",), "and_expr")
        finally:
            self.depth -= 1

    def and_expr(self) -> Expr:
        return self.binary_level(("and",), "eq_expr")

    def eq_expr(self) -> Expr:
        return self.binary_level(("=", "!="), "rel_expr")

    def rel_expr(self) -> Expr:
        return self.binary_level(("<", "<=", ">", ">="), "add_expr")

    def add_expr(self) -> Expr:
        return self.binary_level(("+", "-"), "mul_expr")

    def mul_expr(self) -> Expr:
        return self.binary_level(("*", "div", "mod"), "unary")

    def unary(self) -> Expr:
        if self.at_op("-"):
            op = self.advance()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise self.error("Ekspresi terlalu dalam bersarang")
            try:
                return Unary(op.pos, "-", self.unary())
            finally:
                self.depth -= 1
        return self.postfix()

    def postfix(self) -> Expr:
        expr = self.primary()
        while self.at_op("["):
            bracket = self.advance()
            predicate = self.or_expr()
            self.expect_op("]")
            expr = Filter(bracket.pos, expr, predicate)
        return expr

    def primary(self) -> Expr:
        token = self.token
        if token.kind == "NUMBER":
            self.advance()
            return Number(token.pos, float(token.text))
        if token.kind == "STRING":
            self.advance()
            return String(token.pos, token.text)
        if token.kind == "REF":
            self.advance()
            return Ref(token.pos, token.text)
        if token.kind == "DOT":
            self.advance()
            return Dot(token.pos)
        if token.kind == "NAME":
            if token.text in _WORD_OPERATORS:
                raise self.error(f"Operator '{token.text}' tanpa nilai di depannya")
            self.advance()
            if not self.at_op("(") and self.allow_columns:
                return Column(token.pos, token.text)
            if not self.at_op("("):
                raise self.error(
                    f"Nama '{token.text}' tidak dikenal; rujukan isian ditulis ${{{token.text}}}",
                    token,
                )
            self.advance()
            args: list[Expr] = []
            if not self.at_op(")"):
                args.append(self.or_expr())
                while self.at_op(","):
                    self.advance()
                    args.append(self.or_expr())
            self.expect_op(")")
            return Call(token.pos, token.text, tuple(args))
        if self.at_op("("):
            self.advance()
            expr = self.or_expr()
            self.expect_op(")")
            return expr
        found = token.text or "akhir ekspresi"
        raise self.error(f"Diharapkan nilai, ditemukan '{found}'")


def parse(source: str, *, allow_columns: bool = False) -> Expr:
    """Parse expression text into a tree. Raises only ExpressionError on bad input.

    ``allow_columns`` admits bare names (choice columns), which only a ``choice_filter``
    may use.
    """
    if not isinstance(source, str):
        raise ExpressionError("Ekspresi harus berupa teks", str(source), 0)
    try:
        return _Parser(source, allow_columns).parse()
    except RecursionError:  # only if the caller is already deep in its own stack
        raise ExpressionError("Ekspresi terlalu dalam bersarang", source, 0) from None
