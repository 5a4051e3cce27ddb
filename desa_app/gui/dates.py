"""Dates between Python and a QDateEdit.

PySide6 converts a ``datetime.date`` to a QDate at run time, but its stubs want a QDate,
and ``QDate.toPython()`` is typed ``object``; these two say what really passes.
"""

from __future__ import annotations

from datetime import date

from desa_app.gui.qt import QtCore


def to_qdate(day: date) -> QtCore.QDate:
    """A Python date for ``QDateEdit.setDate``."""
    return QtCore.QDate(day.year, day.month, day.day)


def from_qdate(day: QtCore.QDate) -> date:
    """What a QDateEdit holds, as the ``datetime.date`` core expects."""
    return date(day.year(), day.month(), day.day())
