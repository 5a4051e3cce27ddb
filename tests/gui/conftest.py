"""Fixtures of every GUI test: cheap password hashing (scrypt at full strength makes each
login take a second) and a fresh village with one account of every role."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desa_app.core import auth
from desa_app.core.store.facade import VillageStore

from .village import make_village


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "SCRYPT_N", 2**8)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[VillageStore]:
    """A fresh village: admin, agen1, tim1, bps1 and kominfo1 (password ``PASSWORD``)."""
    store = make_village(tmp_path)
    yield store
    store.close(backup=False)
