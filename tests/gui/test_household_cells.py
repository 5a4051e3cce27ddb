"""What the household list's cells say, without a database: issue counts, RT/RW,
statuses, the last change in local time, counts grouped the reader's way."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

import pytest

from desa_app.core.store.queries import RecordRow
from desa_app.core.workflow import Status
from desa_app.gui.household_model import ISSUES, STATUS, UPDATED, display_text, format_count
from desa_app.gui.i18n import set_language


def test_counts_are_grouped_the_indonesian_way() -> None:
    assert format_count(1234) == "1.234"
    assert format_count(12) == "12"
    set_language("en")
    try:
        assert format_count(1234) == "1,234"
    finally:
        set_language("id")


def row(**changes: Any) -> RecordRow:
    values: dict[str, Any] = dict(
        id="x", status=Status.DRAFT, no_kk="3501011502150003", nama_kk="Suparman",
        dusun="Krajan", rt="002", rw="001", member_count=4, error_count=0, warning_count=0,
        revision=1, updated_at=datetime(2026, 11, 23, 1, 15), updated_by="Siti")
    values.update(changes)
    return RecordRow(**values)


def test_cells_say_what_officials_read(monkeypatch: pytest.MonkeyPatch) -> None:
    assert display_text(row(error_count=2), ISSUES) == "2 galat"
    assert display_text(row(warning_count=1), ISSUES) == "1 peringatan"
    assert display_text(row(error_count=2, warning_count=1), ISSUES) == "2 galat, 1 peringatan"
    assert display_text(row(error_count=None, warning_count=None), ISSUES) == ""
    assert display_text(row(), 3) == "002/001"
    assert display_text(row(status=Status.ENTERED), STATUS) == "Sudah diinput ke Prodeskel"


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset to set a zone")
def test_last_change_is_shown_in_local_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Jakarta")  # WIB, UTC+7
    time.tzset()
    try:
        assert display_text(row(), UPDATED) == "Siti, 23/11/2026 08:15"
    finally:
        monkeypatch.undo()
        time.tzset()
