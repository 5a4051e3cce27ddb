"""The Tab order of a questionnaire: every question and table cell in paper order.

Tab walks the definition, not the widgets: the household questions, then for each
member (the repeat) the member's questions, then whatever follows the repeat; table
items are walked cell by cell, row by row. Whether a place is a stop right now
(relevant, typed rather than automatic, editable) is the caller's ``is_stop``; this
module only knows the order. No widgets: the order is tested without a screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from desa_app.core.instrument.issues import Key
from desa_app.core.instrument.model import Field, Instrument, Matrix, Repeat


@dataclass(frozen=True)
class Stop:
    name: str
    key: Key = ()


def matrix_order(matrix: Matrix) -> list[str]:
    """A table's cells row by row: the write-in name (on write-in rows), then the columns."""
    cells = []
    for row in matrix.rows:
        name = matrix.row_names.get(row)
        if name is not None:
            cells.append(name)
        cells.extend(matrix.cells[(row, column.name)] for column in matrix.columns)
    return cells


class StopOrder:
    """Positions of the questions of one instrument; one repeat level (the members)."""

    def __init__(self, instrument: Instrument) -> None:
        self.sequence: list[str] = []
        self.repeat: Repeat | None = next(
            (node for node in instrument.order if isinstance(node, Repeat) and node.depth == 1),
            None)
        inside: list[bool] = []
        placed: set[str] = set()
        for node in instrument.order:
            if isinstance(node, Matrix):
                names = matrix_order(node)
                placed.update(names)
            elif isinstance(node, Field) and node.name not in placed:
                names = [node.name]
            else:
                continue
            self.sequence.extend(names)
            inside.extend([self.repeat is not None and self.repeat in node.repeats] * len(names))
        positions = [index for index, flag in enumerate(inside) if flag]
        self.start = positions[0] if positions else len(self.sequence)
        self.end = positions[-1] + 1 if positions else len(self.sequence)
        self.position = {name: index for index, name in enumerate(self.sequence)}

    def in_repeat(self, name: str) -> bool:
        position = self.position.get(name, -1)
        return self.start <= position < self.end

    def walk(self, stop: Stop | None, delta: int, members: int) -> Iterator[Stop]:
        """Every place after (``delta`` +1) or before (-1) ``stop``, in paper order:
        the members' questions once per member, in member order."""
        size, start, end = len(self.sequence), self.start, self.end
        if stop is None or stop.name not in self.position:
            position, member = (-1, -1) if delta > 0 else (size, members)
        else:
            position = self.position[stop.name]
            member = stop.key[0] if self.in_repeat(stop.name) and stop.key else -1
        segments: list[tuple[int, int, int | None]] = []  # first, last (inclusive), member
        if delta > 0:
            if start <= position < end:
                segments.append((position + 1, end - 1, member))
                segments += [(start, end - 1, m) for m in range(member + 1, members)]
                segments.append((end, size - 1, None))
            elif position < start:
                segments.append((position + 1, start - 1, None))
                segments += [(start, end - 1, m) for m in range(members)]
                segments.append((end, size - 1, None))
            else:
                segments.append((position + 1, size - 1, None))
        else:
            if start <= position < end:
                segments.append((position - 1, start, member))
                segments += [(end - 1, start, m) for m in range(member - 1, -1, -1)]
                segments.append((start - 1, 0, None))
            elif position >= end:
                segments.append((position - 1, end, None))
                segments += [(end - 1, start, m) for m in range(members - 1, -1, -1)]
                segments.append((start - 1, 0, None))
            else:
                segments.append((position - 1, 0, None))
        step = 1 if delta > 0 else -1
        for first, last, which in segments:
            if (last - first) * step < 0:
                continue
            for index in range(first, last + step, step):
                yield Stop(self.sequence[index], () if which is None else (which,))

    def next(self, stop: Stop | None, delta: int, members: int,
             is_stop: Callable[[Stop], bool]) -> Stop | None:
        for candidate in self.walk(stop, delta, members):
            if is_stop(candidate):
                return candidate
        return None

    def first_of_member(self, member: int, is_stop: Callable[[Stop], bool]) -> Stop | None:
        for position in range(self.start, self.end):
            candidate = Stop(self.sequence[position], (member,))
            if is_stop(candidate):
                return candidate
        return None

    def first_at_or_after(self, names: set[str], key: Key,
                          is_stop: Callable[[Stop], bool]) -> Stop | None:
        """The first stop among ``names`` (a group's or a table's questions)."""
        for name in self.sequence:
            if name in names:
                candidate = Stop(name, key if self.in_repeat(name) else ())
                if is_stop(candidate):
                    return candidate
        return None
