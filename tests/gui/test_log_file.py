"""The log file promised by "rincian dicatat di log": a bug in background work leaves its
traceback in desa-app.log; a user's refusal (which names people and numbers) does not."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desa_app.core.errors import StoreError
from desa_app.gui.log_file import LOG_NAME, start_log, stop_log
from desa_app.gui.operation import BackgroundOp, Failure
from desa_app.gui.qt import QWidget


@pytest.fixture
def log_folder(tmp_path: Path) -> Iterator[Path]:
    hook = sys.excepthook
    handler = start_log(tmp_path)
    yield tmp_path
    stop_log(handler)
    sys.excepthook = hook


def run_failing(qtbot: Any, error: BaseException) -> Failure:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[Failure] = []

    def work() -> None:
        raise error

    handle = BackgroundOp(parent, work).failure(seen.append).run()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert not handle.running
    return seen[0]


def test_a_bug_leaves_its_traceback_in_the_log_file(qtbot: Any, log_folder: Path) -> None:
    failure = run_failing(qtbot, KeyError("t03048"))

    assert not failure.is_user_error and "rincian dicatat di log" in failure.message
    written = (log_folder / LOG_NAME).read_text("utf-8")
    assert "Traceback (most recent call last)" in written and "KeyError: 't03048'" in written


def test_a_refusal_with_personal_data_stays_out_of_the_file(qtbot: Any,
                                                            log_folder: Path) -> None:
    failure = run_failing(qtbot, StoreError("No KK 3501011502150003 sudah dipakai Suparman."))

    assert failure.is_user_error
    path = log_folder / LOG_NAME
    assert "3501011502150003" not in (path.read_text("utf-8") if path.exists() else "")


def test_starting_twice_keeps_one_handler(log_folder: Path) -> None:
    assert start_log(log_folder) is start_log(log_folder)
