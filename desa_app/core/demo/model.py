"""What the demo generator hands out: plain data, no database, no form state.

The store (written separately) decides how to save a household; this module only fixes
the shape: the answers as ``FormState`` JSON, where the record stands in the
verification workflow, the verifier's notes, and which deliberate problem (if any) was
planted so a demo or a test can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

STATUSES = ("draft", "submitted", "returned", "verified", "entered")
"""Workflow states, in order: being filled, sent to the verifier, sent back with notes,
accepted by the verifier, entered into Prodeskel."""


@dataclass(frozen=True)
class DemoNote:
    """A verifier's review note on a record."""

    field_path: str | None
    """Issue-style path (``anggota[2]/tgl_lahir``, 1-based) or ``None`` for the record."""
    text: str
    """Indonesian, as a verifier writes it."""
    resolved: bool


@dataclass(frozen=True)
class DemoHousehold:
    """One generated DDK record."""

    answers: dict[str, Any]
    """FormState JSON: top-level answers plus ``"anggota"``, a list of member dicts."""
    status: str
    """One of :data:`STATUSES`."""
    notes: tuple[DemoNote, ...]
    """Returned records have at least one unresolved note; some verified ones resolved."""
    deliberate: str | None
    """``None`` or the tag of the planted problem (see :mod:`.planting`)."""
