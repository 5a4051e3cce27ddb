"""Where an expression is evaluated, and what it may read there.

Kept apart from the compiler so the function table (``functions.py``) can name the
context it is called with without importing the compiler that imports it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from desa_app.core.instrument.expr.values import Value


class EvalState(Protocol):
    """What expressions may read from the record being evaluated, besides answers."""

    @property
    def today(self) -> date: ...

    @property
    def village(self) -> Mapping[str, str]: ...


@dataclass(slots=True)
class Context:
    """Where an expression is evaluated: record state, repeat instance, ``.``, ``current()``."""

    state: Any
    key: tuple[int, ...]
    dot: Any
    cur: Any


Getter = Callable[[Context], Value]
