"""The one error type the expression parser and compiler raise."""

from __future__ import annotations


class ExpressionError(Exception):
    """A malformed expression, with the offset of the problem inside the source text.

    The message is Indonesian because form authors (and, through the form checker, the
    village operators) read it.
    """

    def __init__(self, message: str, source: str, pos: int) -> None:
        self.message = message
        self.source = source
        self.pos = max(0, min(pos, len(source)))
        super().__init__(f"{message} (kolom {self.pos + 1} dalam «{source}»)")
