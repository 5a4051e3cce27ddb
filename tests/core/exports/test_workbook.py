"""The Prodeskel workbook, opened again with openpyxl and compared with the database."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from desa_app.core import auth
from desa_app.core.demo.build import DEMO_PASSWORD, build_demo_village
from desa_app.core.exports.progress import ExportCancelled, Progress
from desa_app.core.exports.workbook import write_workbook
from desa_app.core.instrument.registry import get_instrument
from desa_app.core.instrument.state import FormState
from desa_app.core.store.database import open_database
from desa_app.core.store.export_source import ALL_STATUSES, ExportSource
from desa_app.core.store.facade import VillageStore
from desa_app.core.workflow import Status

SENTINEL = 424242
LIVE_VERIFIED = "deleted = 0 AND kind = 'household' AND status IN ('verified', 'entered')"
FORMULAS = {"alamat": "=HYPERLINK(\"http://x\",\"klik\")", "pekerjaan_pengisi": "@SUM(A1)",
            "jabatan_pengisi": "+62 812", "sumber_data_1": "-1+1"}


@pytest.fixture(scope="module")
def village(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, VillageStore]]:
    path = tmp_path_factory.mktemp("workbook") / "desa.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "SCRYPT_N", 2**8)
        build_demo_village(path, 120, seed=5)
        store = VillageStore(open_database(path))
        _plant_formulas_and_hidden_answer(store)
        yield path, store
        store.close(backup=False)


def _plant_formulas_and_hidden_answer(store: VillageStore) -> None:
    """A draft gets formula-like text and an answer to a question that is not asked."""
    agen = store.users.authenticate("agen1", DEMO_PASSWORD)
    with sqlite3.connect(store.db.path) as con:
        record_id = con.execute(
            "SELECT id FROM record WHERE status = 'draft' AND kind = 'household' "
            "AND created_by = ? ORDER BY id",
            (agen.id,)).fetchone()[0]
    answers = store.records.load(agen, record_id).answers
    answers.update(FORMULAS)
    state = FormState(get_instrument("ddk"), answers)
    hidden = next(f for f in state.instrument.fields() if f.depth == 0 and f.has_value
                  and not f.is_computed and not state.is_relevant(f.name)
                  and f.type.value == "integer")
    answers[hidden.name] = SENTINEL
    store.records.save(agen, record_id, answers, "uji ekspor")
    store.planted = (record_id, hidden.name)  # type: ignore[attr-defined]


def _export(store: VillageStore, out: Path, **options: Any) -> Path:
    admin = store.users.authenticate("admin", DEMO_PASSWORD)
    write_workbook(ExportSource(store, admin, **options), out)
    return out


@pytest.fixture(scope="module")
def verified_book(village: tuple[Path, VillageStore], tmp_path_factory: pytest.TempPathFactory
                  ) -> Path:
    return _export(village[1], tmp_path_factory.mktemp("xlsx") / "ddk.xlsx")


@pytest.fixture(scope="module")
def full_book(village: tuple[Path, VillageStore], tmp_path_factory: pytest.TempPathFactory
              ) -> Path:
    return _export(village[1], tmp_path_factory.mktemp("xlsx") / "semua.xlsx",
                   statuses=ALL_STATUSES)


def _rows(path: Path, sheet: str) -> list[dict[str, Any]]:
    """Data rows keyed by the header (row 2); codes under "<header> [kode]"."""
    ws = load_workbook(path, read_only=True)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[1]
    return [dict(zip(header, row, strict=False)) for row in rows[2:]]


def test_sheets_in_prodeskel_order(verified_book: Path) -> None:
    names = load_workbook(verified_book, read_only=True).sheetnames
    assert names[:2] == ["DDK01 Keluarga", "DDK02 Anggota"]
    assert names[-2:] == ["Kode", "Rekap"]
    assert "1.7 Kepemilikan Jenis Ternak" in names and "1.4 Sumber Air Minum yang" in names
    assert all(len(name) <= 31 for name in names)


def test_one_row_per_verified_household_and_member(
        village: tuple[Path, VillageStore], verified_book: Path) -> None:
    path, _ = village
    with sqlite3.connect(path) as con:
        expected = {r[0]: json.loads(r[1]) for r in con.execute(
            f"SELECT no_kk, answers FROM record WHERE {LIVE_VERIFIED}")}
    households = _rows(verified_book, "DDK01 Keluarga")
    assert sorted(r["No KK"] for r in households) == sorted(expected)
    members = _rows(verified_book, "DDK02 Anggota")
    assert len(members) == sum(len(a.get("anggota", [])) for a in expected.values())
    by_nik = {m["nik"]: (answers, m) for answers in expected.values()
              for m in answers.get("anggota", [])}
    sexes = {"1": ("0", "Laki-laki"), "2": ("1", "Perempuan")}  # website codes 0/1
    for row in members:
        answers, member = by_nik[row["2.1.2 Nomor Induk Kependudukan (NIK)"]]
        assert row["2.1.3 Nama Lengkap"] == member["nama"]
        assert row["No KK"] == answers["no_kk"]
        code, label = sexes[member["jenis_kelamin"]]
        assert row["2.1.5 Jenis Kelamin [kode]"] == code
        assert row["2.1.5 Jenis Kelamin"] == label


def test_multiple_answers_as_codes_and_labels(village: tuple[Path, VillageStore],
                                              verified_book: Path) -> None:
    path, _ = village
    instrument = get_instrument("ddk")
    choices = instrument.choices_of(instrument.field("aset_lain"))
    assert choices is not None
    with sqlite3.connect(path) as con:
        stored = {r[0]: json.loads(r[1]).get("aset_lain") for r in con.execute(
            f"SELECT no_kk, export_answers FROM record WHERE {LIVE_VERIFIED}")}
    header = next(c for c in _rows(verified_book, "DDK01 Keluarga")[0] if c and
                  c.endswith("[kode]") and "Aset Lainnya" in c)
    checked = 0
    for row in _rows(verified_book, "DDK01 Keluarga"):
        codes = stored[row["No KK"]]
        if codes:
            assert row[header] == ";".join(codes)
            assert row[header.removesuffix(" [kode]")] == "; ".join(
                choices.label(c) for c in codes)
            checked += 1
    assert checked > 10


def test_grid_rows_carry_their_option(verified_book: Path) -> None:
    rows = _rows(verified_book, "1.7 Kepemilikan Jenis Ternak")
    option = "1.7 Kepemilikan Jenis Ternak Keluarga Tahun Ini"
    assert rows and all(r["Kode baris"] and r[option] for r in rows)
    assert all(isinstance(r["Jumlah"], int) and r["Jumlah"] > 0 for r in rows)
    cows = [r for r in rows if r["Kode baris"] == "1"]
    assert cows and {r[option] for r in cows} == {"Sapi"}


def test_verified_only_by_default_and_status_column_with_every_status(
        village: tuple[Path, VillageStore], verified_book: Path, full_book: Path) -> None:
    path, _ = village
    with sqlite3.connect(path) as con:
        live = con.execute("SELECT count(*) FROM record WHERE deleted = 0 AND "
                           "kind = 'household'").fetchone()[0]
    assert "Status" not in _rows(verified_book, "DDK01 Keluarga")[0]
    every = _rows(full_book, "DDK01 Keluarga")
    assert len(every) == live
    assert {r["Status"] for r in every} >= {"Draf", "Disetujui", "Dikembalikan"}


def test_formula_like_text_is_inert(full_book: Path) -> None:
    rows = _rows(full_book, "DDK01 Keluarga")
    texts = {v for r in rows for v in r.values() if isinstance(v, str)}
    assert set(FORMULAS.values()) <= texts  # written exactly as typed
    with zipfile.ZipFile(full_book) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in book.read(name) and b"<f " not in book.read(name)
    ws = load_workbook(full_book)["DDK01 Keluarga"]
    cells = [c for row in ws.iter_rows(min_row=3) for c in row
             if c.value in FORMULAS.values()]
    assert len(cells) == len(FORMULAS)
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_answers_to_questions_not_asked_are_not_exported(
        village: tuple[Path, VillageStore], full_book: Path) -> None:
    _, store = village
    record_id, hidden = store.planted  # type: ignore[attr-defined]
    with sqlite3.connect(store.db.path) as con:
        answers, exported = con.execute(
            "SELECT answers, export_answers FROM record WHERE id = ?", (record_id,)).fetchone()
    assert json.loads(answers)[hidden] == SENTINEL  # kept in the database
    assert hidden not in json.loads(exported)
    book = load_workbook(full_book, read_only=True)
    assert not any(SENTINEL in row for sheet in book.worksheets
                   for row in sheet.iter_rows(values_only=True))


def test_rekap_equals_direct_counts(village: tuple[Path, VillageStore],
                                    verified_book: Path) -> None:
    path, _ = village
    with sqlite3.connect(path) as con:
        households = con.execute(f"SELECT count(*) FROM record WHERE {LIVE_VERIFIED}"
                                 ).fetchone()[0]
        sexes = dict(con.execute(
            "SELECT p.sex, count(*) FROM person p JOIN record r ON r.id = p.record_id "
            f"WHERE r.{LIVE_VERIFIED.replace(' AND ', ' AND r.')} GROUP BY p.sex").fetchall())
    ws = load_workbook(verified_book, read_only=True)["Rekap"]
    rows = {row[0]: row[1:4] for row in ws.iter_rows(values_only=True) if row and row[0]}
    assert rows["Jumlah kepala keluarga (KK)"][2] == households
    assert rows["Jumlah penduduk"] == (sexes.get("1", 0), sexes.get("2", 0),
                                       sum(sexes.values()))
    ages = [v for k, v in rows.items() if (k[0].isdigit() and "-" in k) or k == "75+"]
    assert sum(v[2] for v in ages) + (rows.get("Umur tidak diketahui") or (0, 0, 0))[2] \
        == sum(sexes.values())


def test_codes_sheet_lists_every_code(verified_book: Path) -> None:
    rows = _rows_from_first_header(verified_book, "Kode")
    instrument = get_instrument("ddk")
    assert len(rows) == sum(len(c.choices) for c in instrument.choice_lists.values())
    assert ("jenis_kelamin", "1", "Laki-laki", "0") in rows


def _rows_from_first_header(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    ws = load_workbook(path, read_only=True)[sheet]
    return list(ws.iter_rows(min_row=2, values_only=True))


def test_cancelled_export_leaves_the_old_file(village: tuple[Path, VillageStore],
                                              tmp_path: Path) -> None:
    _, store = village
    out = tmp_path / "ddk.xlsx"
    out.write_bytes(b"versi lama")
    progress = Progress()
    progress.cancel()
    admin = store.users.authenticate("admin", DEMO_PASSWORD)
    with pytest.raises(ExportCancelled):
        write_workbook(ExportSource(store, admin), out, progress)
    assert out.read_bytes() == b"versi lama"
    assert [p.name for p in tmp_path.iterdir()] == ["ddk.xlsx"]


def test_missing_folder_is_a_clear_error(village: tuple[Path, VillageStore],
                                         tmp_path: Path) -> None:
    _, store = village
    admin = store.users.authenticate("admin", DEMO_PASSWORD)
    with pytest.raises(FileNotFoundError, match="Folder tujuan tidak ada"):
        write_workbook(ExportSource(store, admin), tmp_path / "tidak-ada" / "ddk.xlsx")


def test_enumerators_cannot_export(village: tuple[Path, VillageStore]) -> None:
    from desa_app.core import errors as E

    _, store = village
    agen = store.users.authenticate("agen1", DEMO_PASSWORD)
    with pytest.raises(E.StoreError):
        ExportSource(store, agen, statuses=frozenset({Status.VERIFIED}))


def test_a_blank_draft_is_exported_with_every_status(tmp_path: Path) -> None:
    """A household created but not yet filled has no export values to speak of; it must
    still be listed (one row, status Draf), not break the export."""
    from desa_app.core.store.village import init_village

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "SCRYPT_N", 2**8)
        store = VillageStore(init_village(tmp_path / "desa.sqlite3", "35.01.01.2001",
                                          "admin", "Operator", "rahasia123"))
        admin = store.users.authenticate("admin", "rahasia123")
    try:
        store.records.create(admin, "ddk", {})
        with sqlite3.connect(store.db.path) as con:
            con.execute("UPDATE record SET export_answers = '{}'")
        out = tmp_path / "draf.xlsx"
        write_workbook(ExportSource(store, admin, statuses=ALL_STATUSES), out)
        rows = _rows(out, "DDK01 Keluarga")
        assert [r["Status"] for r in rows] == ["Draf"]
    finally:
        store.close(backup=False)
