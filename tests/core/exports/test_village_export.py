"""Potensi and Perkembangan leave the village with the DDK: one workbook sheet per
section and a chapter of the Laporan Kegiatan, each figure marked "dari DDK" or "manual".

The records are made the way the Profil page makes them: created for a year, answers
saved, "hitung dari DDK" applied on a FormState, a figure then typed over by hand,
submitted by the enumerator and approved by the Tim.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from desa_app.core import auth
from desa_app.core.demo.build import DEMO_PASSWORD, build_demo_village
from desa_app.core.exports.columns import BAD_SHEET_CHARS
from desa_app.core.exports.pdf import write_laporan
from desa_app.core.exports.village import sheet_prefixes, village_reports
from desa_app.core.exports.village_sheets import sheet_names
from desa_app.core.exports.workbook import write_workbook
from desa_app.core.instrument.model import Container, Instrument
from desa_app.core.instrument.registry import get_instrument
from desa_app.core.profil import refresh
from desa_app.core.profil.service import Profil, village_instruments
from desa_app.core.store.database import open_database
from desa_app.core.store.export_source import ALL_STATUSES, ExportSource
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.models import Record
from desa_app.core.store.users import Actor
from desa_app.core.workflow import Status

TODAY = date(2026, 11, 23)
YEAR = 2026
HOUSEHOLDS = 30
POTENSI = {"t01011": "=Pak Kades", "t01027": "1", "t01011a": 12345.5, "t14_1_luas": 12.5}
"""Text that looks like a formula, a select answer, a decimal, a grid cell."""
TYPED_OVER = {"potensi": {"t14_1_kk_produsen": 99}, "perkembangan": {"k01004": 500}}
"""DDK figures typed over by hand after the count: they must read "manual"."""
HEADER = ("No", "Butir", "Nama pertanyaan", "Kode situs Prodeskel", "Nilai", "Label",
          "Satuan", "Asal")


@dataclass
class Village:
    store: VillageStore
    admin: Actor
    figures: dict[str, dict[str, int | float]]


def _clear_village_records(store: VillageStore, admin: Actor) -> None:
    """The demo may come with village records of its own; these tests want only theirs."""
    with store.db.read() as session:
        ids = list(session.execute(select(Record.id).where(
            Record.kind == "village", Record.deleted.is_(False))).scalars())
    for record_id in ids:
        store.records.delete(admin, record_id, "uji ekspor profil")


def _make(store: VillageStore, agen: Actor, tim: Actor, form_id: str,
          answers: dict[str, Any]) -> dict[str, int | float]:
    """Create, fill, count from DDK, type one figure over, submit and approve."""
    profil = Profil(store)
    record = profil.create(agen, form_id, YEAR)
    store.records.save(agen, record.id, {**record.answers, **answers}, "isian uji")
    state = store.records.form_state(agen, record.id)
    figures = profil.ddk_figures(agen, state.instrument, YEAR, TODAY)
    refresh.apply(state, figures.values, figures.values, figures.facts(store.clock()))
    for name, value in TYPED_OVER[form_id].items():
        assert figures.values[name] != value
        state.set(name, value)
    store.records.save(agen, record.id, state.to_json(), "hitung dari DDK")
    store.records.submit(agen, record.id)
    store.records.verify(tim, record.id)
    return figures.values


@pytest.fixture(scope="module")
def village(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Village]:
    path = tmp_path_factory.mktemp("profil-ekspor") / "desa.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "SCRYPT_N", 2**8)
        build_demo_village(path, HOUSEHOLDS, seed=7, today=TODAY, workers=1)
        store = VillageStore(open_database(path))
        admin, agen, tim = (store.users.authenticate(name, DEMO_PASSWORD)
                            for name in ("admin", "agen1", "tim1"))
    _clear_village_records(store, admin)
    figures = {"potensi": _make(store, agen, tim, "potensi", POTENSI),
               "perkembangan": _make(store, agen, tim, "perkembangan", {})}
    # next year's Potensi is still a draft: only an export for checking shows it
    draft = Profil(store).create(agen, "potensi", YEAR + 1)
    store.records.save(agen, draft.id, {**draft.answers, "t01011": "Kades Baru"}, "draf")
    yield Village(store, admin, figures)
    store.close(backup=False)


def _book(village: Village, out: Path, **options: Any) -> Path:
    write_workbook(ExportSource(village.store, village.admin, **options), out)
    return out


@pytest.fixture(scope="module")
def verified_book(village: Village, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _book(village, tmp_path_factory.mktemp("xlsx") / "disetujui.xlsx")


def _sections(form: Instrument) -> list[Container]:
    return [node for node in form.root.children if isinstance(node, Container)]


def _sheet(path: Path | Any, start: str) -> list[tuple[Any, ...]]:
    """The values of the sheet whose name starts with ``start`` (a path or an open book)."""
    book = load_workbook(path, read_only=True) if isinstance(path, Path) else path
    name = next(n for n in book.sheetnames if n.startswith(start))
    rows = [tuple(row) for row in book[name].iter_rows(values_only=True)]
    width = max(len(row) for row in rows)  # read-only rows stop at their last value
    return [row + (None,) * (width - len(row)) for row in rows]


def _questions(rows: list[tuple[Any, ...]]) -> dict[str, dict[str, Any]]:
    """Question rows of a section sheet keyed by question name (grid tables skipped)."""
    names = {f.name for form in village_instruments() for f in form.fields()}
    return {row[2]: dict(zip(HEADER, row + (None,) * len(HEADER), strict=False))
            for row in rows[3:] if len(row) > 2 and row[2] in names}


def test_one_sheet_per_section_between_the_ddk_sheets_and_kode(verified_book: Path) -> None:
    names = load_workbook(verified_book, read_only=True).sheetnames
    village = [n for n in names if n.startswith(("P ", "K "))]
    potensi, perkembangan = get_instrument("potensi"), get_instrument("perkembangan")
    assert len([n for n in village if n.startswith("P ")]) == len(_sections(potensi))
    assert len([n for n in village if n.startswith("K ")]) == len(_sections(perkembangan))
    assert {"P I.1 Data Umum dan Batas", "P II.1 Pertanian Tanaman Pangan",
            "K II.2 Pengangguran"} <= set(village)
    assert names[-2:] == ["Kode", "Rekap"]
    first = names.index(village[0])
    assert names[first:first + len(village)] == village  # together, before Kode
    assert names[0] == "DDK01 Keluarga" and first > 1
    assert all(len(n) <= 31 and not BAD_SHEET_CHARS.search(n) for n in names)
    assert len({n.casefold() for n in names}) == len(names)


def test_sheet_names_stay_unique_and_valid(village: Village) -> None:
    assert sheet_prefixes(village_instruments()) == {"perkembangan": "K", "potensi": "P"}
    made_up = [cast(Instrument, SimpleNamespace(id=name)) for name in ("pasar", "pasar2")]
    assert sheet_prefixes(made_up) == {"pasar": "PAS", "pasar2": "PAS2"}
    reports = village_reports(ExportSource(village.store, village.admin))
    taken = ["P I.1 Data Umum dan Batas"]
    planned = [name for _, _, name in sheet_names([*reports, *reports], taken)]
    assert len(planned) == 2 * sum(len(r.sections) for r in reports)
    assert len({n.casefold() for n in [*planned, *taken]}) == len(planned) + 1
    assert "P I.1 Data Umum dan Batas (2)" in planned
    assert all(len(n) <= 31 and not BAD_SHEET_CHARS.search(n) for n in planned)


def test_answers_with_labels_units_and_origin(village: Village, verified_book: Path) -> None:
    rows = _sheet(verified_book, "P I.1 ")
    title = rows[0][0]
    assert "Potensi Desa/Kelurahan tahun 2026" in title and "Disetujui" in title
    assert "Widoro" in title
    assert rows[3][:len(HEADER)] == HEADER
    questions = _questions(rows)
    assert questions["t01011"]["Nilai"] == "=Pak Kades"  # text, never a formula
    assert questions["t01027"]["Nilai"] == "1" and questions["t01027"]["Label"] == "Ada"
    assert questions["t01027"]["Kode situs Prodeskel"] == "t01027"
    area = questions["t01011a"]
    assert (area["Nilai"], area["Satuan"], area["Asal"]) == (12345.5, "Ha", None)
    book = load_workbook(verified_book)
    sheet = book[next(n for n in book.sheetnames if n.startswith("P I.1 "))]
    cells = {c.value: c for row in sheet.iter_rows() for c in row}
    assert cells["=Pak Kades"].data_type == "s"
    assert cells[12345.5].number_format == "#,##0.##"

    grid = _sheet(verified_book, "P II.1 ")
    header = next(r for r in grid if r[:2] == ("Kode", "Rincian"))
    jagung = dict(zip(header, next(r for r in grid if r[:2] == ("1", "Jagung")), strict=False))
    assert jagung["Luas produksi (Ha)"] == 12.5
    assert (jagung["Keluarga produsen (KK)"], jagung["Asal"]) == (99, "manual")
    counted = village.figures["potensi"]
    padi = dict(zip(header, next(r for r in grid if r[1] == "Padi sawah"), strict=False))
    assert (padi["Keluarga produsen (KK)"], padi["Asal"]) == (counted["t14_7_kk_produsen"],
                                                             "dari DDK")


def test_figures_from_ddk_are_the_counted_ones(village: Village, verified_book: Path) -> None:
    book = load_workbook(verified_book, read_only=True)
    for form_id, prefix in (("potensi", "P "), ("perkembangan", "K ")):
        counted = village.figures[form_id]
        seen = {"dari DDK": 0, "manual": 0}
        for name in (n for n in book.sheetnames if n.startswith(prefix)):
            for question, row in _questions(_sheet(book, name)).items():
                if row["Asal"] == "dari DDK":
                    assert row["Nilai"] == counted[question]
                    seen["dari DDK"] += 1
                elif row["Asal"] == "manual":
                    assert row["Nilai"] == TYPED_OVER[form_id][question]
                    seen["manual"] += 1
        assert seen["dari DDK"] > 0
        assert seen["manual"] == (1 if form_id == "perkembangan" else 0)  # potensi: grid


def test_unapproved_records_only_in_an_export_for_checking(village: Village,
                                                           tmp_path: Path) -> None:
    full = _book(village, tmp_path / "semua.xlsx", statuses=ALL_STATUSES)
    title = _sheet(full, "P I.1 ")[0][0]
    assert "tahun 2027" in title and "Draf" in title
    assert _questions(_sheet(full, "P I.1 "))["t01011"]["Nilai"] == "Kades Baru"
    verified_title = _sheet(_book(village, tmp_path / "ok.xlsx"), "P I.1 ")[0][0]
    assert "tahun 2026" in verified_title
    # no record with the chosen status: no sheet at all, not an empty one
    entered = _book(village, tmp_path / "diinput.xlsx", statuses=frozenset({Status.ENTERED}))
    names = load_workbook(entered, read_only=True).sheetnames
    assert not [n for n in names if n.startswith(("P ", "K "))]


def _pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def _pdf_text(path: Path) -> str:
    return " ".join(_pages(path))


def test_laporan_chapter(village: Village, tmp_path: Path) -> None:
    out = tmp_path / "laporan.pdf"
    write_laporan(ExportSource(village.store, village.admin), out)
    pages = _pages(out)
    text = " ".join(pages)
    chapter = text[text.index("5. Profil Desa dan Kelurahan"):text.index("Lampiran.")]
    assert "Potensi Desa/Kelurahan" in chapter and "Perkembangan Desa/Kelurahan" in chapter
    assert "Tahun 2026; status Disetujui" in chapter
    assert "I.1 Data Umum dan Batas Wilayah" in chapter
    assert "Nama Kepala Desa/Lurah =Pak Kades" in chapter
    assert "Penetapan batas 1 – Ada" in chapter
    assert "Luas Desa/Kelurahan 12.345,5 Ha" in chapter
    assert "Jagung 12,5 99 manual" in chapter
    assert "dari DDK" in chapter
    assert "Kades Baru" not in chapter  # next year's draft is not approved
    # long tables go on over pages: each later page starts with a table's title and header
    first = next(i for i, page in enumerate(pages) if "5. Profil Desa dan Kelurahan" in page)
    last = next(i for i, page in enumerate(pages) if page.startswith("Lampiran."))
    assert last - first > 2
    for page in pages[first + 1:last]:
        start = page[:300]
        assert "Butir Nilai Satuan Asal" in start or "Kode Rincian" in start, start


def test_laporan_says_when_there_is_nothing(village: Village, tmp_path: Path) -> None:
    out = tmp_path / "laporan.pdf"
    write_laporan(ExportSource(village.store, village.admin,
                               statuses=frozenset({Status.ENTERED})), out)
    text = _pdf_text(out)
    assert "Belum ada Potensi Desa/Kelurahan yang disetujui Tim." in text
    assert "Belum ada Perkembangan Desa/Kelurahan yang disetujui Tim." in text
