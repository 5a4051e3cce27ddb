"""One demo village for every PDF test (built once: it takes a second or two), and
helpers to read a PDF back as text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from desa_app.core import auth
from desa_app.core.demo.build import DEMO_PASSWORD, build_demo_village
from desa_app.core.store.database import open_database
from desa_app.core.store.export_source import ExportSource
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.users import Actor

TODAY = date(2026, 11, 23)
HOUSEHOLDS = 30


@pytest.fixture(scope="package")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VillageStore]:
    path: Path = tmp_path_factory.mktemp("pdf") / "desa.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "SCRYPT_N", 2**8)
        build_demo_village(path, HOUSEHOLDS, seed=7, today=TODAY, workers=1)
        village = VillageStore(open_database(path))
        yield village
        village.close(backup=False)


@pytest.fixture(scope="package")
def admin(store: VillageStore) -> Actor:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "SCRYPT_N", 2**8)
        return store.users.authenticate("admin", DEMO_PASSWORD)


@pytest.fixture
def source(store: VillageStore, admin: Actor) -> ExportSource:
    return ExportSource(store, admin)


def page_texts(path: Path) -> list[str]:
    """Each page's text with runs of whitespace made one space (tables and forms put
    line breaks between cells)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def pdf_text(path: Path) -> str:
    return " ".join(page_texts(path))


def compact(text: str) -> str:
    """Text without any whitespace, for values printed in groups (fingerprints)."""
    return re.sub(r"\s+", "", text)
