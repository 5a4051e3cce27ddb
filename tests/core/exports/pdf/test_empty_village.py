"""A village that has just been set up (no households, agents or targets) still gets
readable documents: empty charts say so instead of drawing axes around nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from desa_app.core import auth
from desa_app.core.exports import pdf
from desa_app.core.store.export_source import ExportSource
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.village import init_village

from .conftest import pdf_text


def test_new_village(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "SCRYPT_N", 2**8)
    store = VillageStore(init_village(tmp_path / "baru.sqlite3", "35.01.01.2001", "admin",
                                      "Operator", "rahasia123"))
    try:
        source = ExportSource(store, store.users.authenticate("admin", "rahasia123"))
        laporan = tmp_path / "laporan.pdf"
        assert pdf.write_laporan(source, laporan) > 1
        text = pdf_text(laporan)
        assert "Belum ada data." in text and "Belum ada Agen Statistik" in text
        assert "Rekaman keluarga tercatat 0" in text
        households = tmp_path / "keluarga.pdf"
        assert pdf.write_households(source, households) == 1
        berita = tmp_path / "ba.pdf"
        assert pdf.write_berita_acara(source, berita, key_fingerprint="AB12CD34") == 1
        assert "0 keluarga dengan 0 anggota" in pdf_text(berita)
    finally:
        store.close(backup=False)
