"""Writing files so that a crash, a full disk or a cancelled export never leaves a
half-written file under the real name (a village hands these files on as final)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desa_app.core.messages import text


def fsync_path(path: Path) -> None:
    """Make a file (or a rename, for a folder) survive a power cut."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDWR
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return  # folders cannot be opened on Windows; the rename is still atomic
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``.

    On any exception (including a cancelled export) the temporary file is removed and
    an existing ``target`` is left exactly as it was.
    """
    target = Path(target)
    if not target.parent.is_dir():
        raise FileNotFoundError(text("exports.folder_missing", parent=target.parent))
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        yield partial
        fsync_path(partial)
        partial.replace(target)
        fsync_path(target.parent)
    finally:
        partial.unlink(missing_ok=True)
