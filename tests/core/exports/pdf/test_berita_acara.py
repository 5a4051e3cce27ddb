"""The Berita Acara states the counts by status, the package size and the fingerprints."""

from __future__ import annotations

import hashlib
from pathlib import Path

from desa_app.core.exports.pdf import write_berita_acara
from desa_app.core.exports.pdf.berita_acara import fingerprint_groups, terbilang
from desa_app.core.exports.pdf.styles import number
from desa_app.core.store.export_source import ExportSource
from desa_app.core.workflow import STATUS_LABELS, Status

from .conftest import compact, pdf_text

KEY = hashlib.sha256(b"kunci tim").hexdigest().upper()
DATA = hashlib.sha256(b"isi paket").hexdigest()


def test_counts_package_and_fingerprints(source: ExportSource, tmp_path: Path) -> None:
    out = tmp_path / "ba.pdf"
    assert write_berita_acara(source, out, key_fingerprint=KEY, data_fingerprint=DATA) == 1
    text = pdf_text(out)
    counts = source.status_counts()
    for status in Status:
        assert f"{STATUS_LABELS[status]} {number(counts[status])}" in text
    assert f"Jumlah seluruh rekaman {number(sum(counts.values()))}" in text
    records = list(source.records())
    people = sum(len(r.answers.get("anggota") or []) for r in records)
    assert f"{number(len(records))} keluarga dengan {number(people)} anggota" in text
    assert KEY in compact(text) and DATA in compact(text)
    for heading in ("BERITA ACARA", "Ketua Tim Verifikasi", "Kepala Desa", "Pada hari ini"):
        assert heading in text


def test_without_data_fingerprint(source: ExportSource, tmp_path: Path) -> None:
    out = tmp_path / "ba.pdf"
    write_berita_acara(source, out, key_fingerprint=KEY)
    text = pdf_text(out)
    assert KEY in compact(text) and "isi paket data" not in text


def test_numbers_in_words_and_fingerprint_groups() -> None:
    assert terbilang(23) == "dua puluh tiga"
    assert terbilang(2026) == "dua ribu dua puluh enam"
    assert terbilang(11) == "sebelas" and terbilang(100) == "seratus"
    assert terbilang(1999) == "seribu sembilan ratus sembilan puluh sembilan"
    assert terbilang(2_500_000) == "dua juta lima ratus ribu"
    assert fingerprint_groups("ab cd\nef0123456789") == [["abcd", "ef01", "2345", "6789"]]
    lines = fingerprint_groups("0" * 64)
    assert [len(line) for line in lines] == [8, 8]
