"""What the answer tree and the cell checks read from a record's state.

``FormState`` (``state.py``) is built from ``answer_tree.py`` and ``validation.py``; they
only need to read and fill its cells. Naming that as a protocol here keeps the imports
in one direction: state → answer_tree/validation → record_view.
"""

from __future__ import annotations

from typing import Any, Protocol

from desa_app.core.instrument.expr.context import EvalState
from desa_app.core.instrument.issues import Key
from desa_app.core.instrument.model import Instrument
from desa_app.core.instrument.plan import Plan

Cell = tuple[str, Key]
"""One answer's place: the question's name and its repeat instance key."""


class RecordView(EvalState, Protocol):
    """The cells of one record: answers as typed (``raw``), as expressions read them
    (``values``), repeat counts, hidden cells and answers the definition does not know."""

    instrument: Instrument
    plan: Plan
    raw: dict[Cell, Any]
    counts: dict[Cell, int]
    values: dict[Cell, Any]
    hidden: set[Cell]
    unknown_answers: dict[Cell, dict[str, Any]]

    def instance_count(self, repeat: str, parent_key: Key = ()) -> int: ...
