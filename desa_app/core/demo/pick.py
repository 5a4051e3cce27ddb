"""Weighted random choices, prepared once and drawn many times.

``random.choices`` recomputes cumulative weights on every call unless given them; the
generator draws hundreds of codes per household, so each table of codes and weights is
turned into a :class:`Weighted` at import time and a draw is one ``bisect``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from itertools import accumulate
from random import Random


class Weighted:
    """Codes with relative weights, e.g. ``Weighted({"1": 80, "2": 8, "4": 4})``."""

    __slots__ = ("_cumulative", "_total", "codes")

    def __init__(self, weights: Mapping[str, float]) -> None:
        if not weights or min(weights.values()) < 0:
            raise ValueError("weights must be a non-empty mapping of non-negative numbers")
        self.codes: tuple[str, ...] = tuple(weights)
        self._cumulative = tuple(accumulate(weights.values()))
        self._total = self._cumulative[-1]

    def pick(self, rng: Random) -> str:
        """One code, with probability proportional to its weight."""
        return self.codes[bisect_right(self._cumulative, rng.random() * self._total)]

    def pick_some(self, rng: Random, count: int) -> list[str]:
        """``count`` distinct codes (fewer if the table is smaller), in code-table order."""
        chosen: set[str] = set()
        for _ in range(count * 4):
            if len(chosen) >= min(count, len(self.codes)):
                break
            chosen.add(self.pick(rng))
        return [code for code in self.codes if code in chosen]


def ticks(rng: Random, table: Mapping[str, float]) -> list[str]:
    """Independent tick boxes: each code is ticked with its own probability (0-1)."""
    return [code for code, chance in table.items() if rng.random() < chance]
