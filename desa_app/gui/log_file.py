"""The app's log file: where "rincian dicatat di log" puts the details of a bug.

A screen shows one line when something breaks (``operation.Failure``); the traceback a
developer needs goes to ``desa-app.log`` in the user's log folder (platformdirs; on
Windows ``%LOCALAPPDATA%\\desa-app\\Logs``), rotated at 1 MB, three old files kept. Only
warnings and errors are written: a user's refusals ("kata sandi salah", a duplicate No
KK) carry names and numbers from the village's records and stay out of a file that is
not encrypted like the database. Uncaught exceptions (a bug in a Qt slot) are logged too
before the usual report.
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_dir

LOG_ENV = "DESA_APP_LOG_DIR"
LOG_NAME = "desa-app.log"
_logger = logging.getLogger("desa_app")


def log_dir() -> Path:
    return Path(os.environ.get(LOG_ENV) or user_log_dir("desa-app", appauthor=False))


def start_log(folder: Path | None = None) -> RotatingFileHandler:
    """Send desa_app's warnings and errors (with tracebacks) to the log file; returns
    the handler (``stop_log`` removes it). Safe to call twice: one file, one handler."""
    path = (folder or log_dir()) / LOG_NAME
    for handler in _logger.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return handler
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _logger.addHandler(handler)
    if _logger.level == logging.NOTSET or _logger.level > logging.WARNING:
        _logger.setLevel(logging.INFO)
    previous = sys.excepthook

    def log_uncaught(kind: type[BaseException], error: BaseException,
                     trace: TracebackType | None) -> None:
        _logger.critical("uncaught exception", exc_info=(kind, error, trace))
        previous(kind, error, trace)

    if getattr(sys.excepthook, "__name__", "") != "log_uncaught":
        sys.excepthook = log_uncaught
    return handler


def stop_log(handler: RotatingFileHandler) -> None:
    _logger.removeHandler(handler)
    handler.close()
