"""Durability tests: real files, real child processes, real SIGKILLs."""

from __future__ import annotations

import pytest

from desa_app.core import auth


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fast password hashes; each hash records its own cost, so verifying still works
    (also in the child processes, which only log in)."""
    monkeypatch.setattr(auth, "SCRYPT_N", 2**8)
