"""The household printout: one household's members and answers, page counts of bundles."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from desa_app.core.exports.pdf import write_households
from desa_app.core.store.export_source import ALL_STATUSES, ExportRecord, ExportSource
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.users import Actor

from .conftest import page_texts, pdf_text


def _records(source: ExportSource, members: int = 2) -> list[ExportRecord]:
    """Households of the source with at least ``members`` members, in walking order."""
    return [r for r in source.records() if len(r.answers.get("anggota") or []) >= members]


def test_printout_names_every_member_with_nik(source: ExportSource, tmp_path: Path) -> None:
    record = max(_records(source), key=lambda r: len(r.answers["anggota"]))
    out = tmp_path / "keluarga.pdf"
    pages = write_households(source, out, record_ids=[record.id])
    assert pages == len(PdfReader(out).pages)
    text = pdf_text(out)
    assert record.no_kk in text and record.nama_kk in text
    for member in record.answers["anggota"]:
        assert member["nama"] in text
        assert member["nik"] in text
    assert f"Halaman 1 dari {pages}" in text
    for heading in ("Identitas Keluarga", "Bagian 1. Data Keluarga",
                    "Bagian 2. Data Anggota Keluarga", "Kepala Keluarga", "Pengisi/Pendata",
                    "Tim Verifikasi"):
        assert heading in text
    assert "1 – Laki-laki" in text or "2 – Perempuan" in text  # choices as code – label


def test_each_household_starts_a_new_page_with_its_own_numbers(
        source: ExportSource, tmp_path: Path) -> None:
    chosen = _records(source, members=1)[:3]
    single = []
    for index, record in enumerate(chosen):
        single.append(write_households(source, tmp_path / f"{index}.pdf",
                                       record_ids=[record.id]))
    out = tmp_path / "tiga.pdf"
    pages = write_households(source, out, record_ids=[r.id for r in reversed(chosen)])
    texts = page_texts(out)
    assert pages == len(texts) == sum(single)
    first = 0
    for record, count in zip(chosen, single, strict=True):  # walking order, not the ids'
        assert f"No. KK {record.no_kk}" in texts[first]
        assert f"Halaman 1 dari {count}" in texts[first]
        assert f"Halaman {count} dari {count}" in texts[first + count - 1]
        first += count


def test_every_record_of_the_source_by_default(store: VillageStore, admin: Actor,
                                               tmp_path: Path) -> None:
    source = ExportSource(store, admin)
    out = tmp_path / "semua.pdf"
    pages = write_households(source, out)
    text = pdf_text(out)
    assert pages == len(PdfReader(out).pages) >= source.count()
    assert all(r.no_kk in text for r in source.records())
    everything = ExportSource(store, admin, statuses=ALL_STATUSES)
    outside = [r for r in everything.records() if r.status not in source.statuses]
    assert outside and not any(f"No. KK {r.no_kk}" in text for r in outside)


def test_no_household_chosen_gives_one_explaining_page(source: ExportSource,
                                                      tmp_path: Path) -> None:
    out = tmp_path / "kosong.pdf"
    assert write_households(source, out, record_ids=[]) == 1
    assert "Tidak ada keluarga" in pdf_text(out)
