"""A fresh village database per test, with one user of every role."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desa_app.core import auth
from desa_app.core import errors as E
from desa_app.core.paths import forms_dir
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.users import Actor
from desa_app.core.store.village import init_village
from desa_app.core.workflow import Role

EXAMPLE = json.loads((forms_dir() / "examples" / "ddk_contoh.json").read_text("utf-8"))
PASSWORD = "rahasia123"


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests create many users; the hash records its cost, so checks still work."""
    monkeypatch.setattr(auth, "SCRYPT_N", 2**8)


class FakeClock:
    """A clock the test moves forward (lock-outs, daily backups)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 8, 0, 0)

    def __call__(self) -> datetime:
        self.now += timedelta(microseconds=1)
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Village:
    store: VillageStore
    path: Path
    clock: FakeClock
    admin: Actor
    enumerator: Actor
    enumerator2: Actor
    verifier: Actor
    verifier2: Actor
    pembina: Actor
    viewer: Actor

    serial: int = 0

    def household(self, **changes: Any) -> dict[str, Any]:
        """The example household (same NIKs every time: a duplicate of the last one)."""
        answers = copy.deepcopy(EXAMPLE)
        answers.update(changes)
        return answers

    def other_household(self, **changes: Any) -> dict[str, Any]:
        """The example household with NIKs and No. KK of its own (no duplicates)."""
        answers = self.household(**changes)
        for member in answers["anggota"]:
            self.serial += 1
            member["nik"] = member["nik"][:12] + f"{1000 + self.serial:04d}"
        answers.setdefault("no_kk", EXAMPLE["no_kk"])
        answers["no_kk"] = answers["no_kk"][:12] + f"{2000 + self.serial:04d}"
        return answers


@pytest.fixture
def village(tmp_path: Path) -> Iterator[Village]:
    clock = FakeClock()
    path = tmp_path / "desa.sqlite3"
    db = init_village(path, "35.01.01.2001", "admin", "Operator Desa", PASSWORD, clock=clock)
    store = VillageStore(db, clock)
    admin = store.users.authenticate("admin", PASSWORD)
    people = {
        "enumerator": ("agen1", "enumerator"), "enumerator2": ("agen2", "enumerator"),
        "verifier": ("tim1", "verifier"), "verifier2": ("tim2", "verifier"),
        "pembina": ("bps1", "pembina"), "viewer": ("kominfo1", "viewer"),
    }
    actors = {}
    for key, (username, role) in people.items():
        store.users.add(admin, username, username.title(), role, PASSWORD)
        actors[key] = store.users.authenticate(username, PASSWORD)
    yield Village(store, path, clock, admin, **actors)
    store.close(backup=False)


def actor_of(village: Village, role: Role) -> Actor:
    return {Role.ADMIN: village.admin, Role.ENUMERATOR: village.enumerator,
            Role.VERIFIER: village.verifier, Role.PEMBINA: village.pembina,
            Role.VIEWER: village.viewer}[role]


def assert_only(village: Village, allowed: set[Role], call: Callable[[Actor], object]) -> None:
    """``call`` succeeds for every role in ``allowed`` and is refused for every other."""
    for role in Role:
        actor = actor_of(village, role)
        if role in allowed:
            call(actor)
        else:
            with pytest.raises(E.PermissionDenied):
                call(actor)

