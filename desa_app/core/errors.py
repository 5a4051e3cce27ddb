"""Errors a user can cause or meet with the database, each with a message to show.

They are kept apart from programming errors: the GUI shows these in a dialog (and may
offer the newest good backup), the CLI prints them on one line; anything else is a bug
and crashes with a report.
"""

from __future__ import annotations

from pathlib import Path

from desa_app.core.messages import text


class StoreError(Exception):
    """Base of all user-facing database errors; ``str()`` is the message to show."""

    def __init__(self, message: str, *, backup: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.backup = backup  # newest good backup to offer, when that helps

    def __str__(self) -> str:
        if self.backup is not None:
            return text("errors.with_backup", message=self.message, backup=self.backup)
        return self.message


class DatabaseMissing(StoreError):
    pass


class NotADatabase(StoreError):
    """Damaged, truncated, or not a desa-app database at all."""


class PassphraseRequired(StoreError):
    pass


class WrongPassphrase(StoreError):
    pass


class DiskFull(StoreError):
    pass


class ReadOnly(StoreError):
    pass


class DatabaseBusy(StoreError):
    pass


class NotFound(StoreError):
    pass


class PermissionDenied(StoreError):
    """The user's role may not do this (checked in core, not only in the GUI)."""


class WorkflowError(StoreError):
    """The record's status does not allow this step, or a rule of the step is not met."""


class AuthError(StoreError):
    """Wrong username/password, inactive account, or too many attempts."""


class InvalidInput(StoreError):
    """A value given to a command is not acceptable (unknown role, bad village code ...)."""
