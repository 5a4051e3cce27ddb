"""A demo village shared by the Profil tests (built once per module, fixed seed)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desa_app.core import auth
from desa_app.core.demo.build import DEMO_PASSWORD, build_demo_village
from desa_app.core.store.database import open_database
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.users import Actor

TODAY = date(2026, 11, 23)


class Ticking:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 8, 0)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@dataclass
class DemoVillage:
    path: Path
    store: VillageStore
    actors: dict[str, Actor]


def open_demo(tmp_path_factory: pytest.TempPathFactory, households: int) -> DemoVillage:
    path = tmp_path_factory.mktemp("profil") / "desa.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "SCRYPT_N", 2**8)
        build_demo_village(path, households, seed=11, today=TODAY, clock=Ticking())
        store = VillageStore(open_database(path), Ticking())
        actors = {name: store.users.authenticate(name, DEMO_PASSWORD)
                  for name in ("admin", "agen1", "tim1", "tim2", "bps1", "kominfo1")}
    return DemoVillage(path, store, actors)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoVillage]:
    village = open_demo(tmp_path_factory, 150)
    yield village
    village.store.close(backup=False)
