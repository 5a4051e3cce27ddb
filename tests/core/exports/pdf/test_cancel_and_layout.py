"""Every writer is atomic and cancellable; dates and numbers read as Indonesians write."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from desa_app.core.exports import pdf
from desa_app.core.exports.pdf.layout import build_pdf, hari_indonesia, tanggal_indonesia
from desa_app.core.exports.pdf.styles import number, para
from desa_app.core.exports.progress import ExportCancelled, Progress
from desa_app.core.instrument.registry import get_instrument
from desa_app.core.store.export_source import ExportSource

from .conftest import pdf_text

Writer = Callable[[ExportSource, Path, Progress | None], int]
WRITERS: dict[str, Writer] = {
    "keluarga": lambda s, out, p: pdf.write_households(s, out, p),
    "kosong": lambda s, out, p: pdf.write_blank(get_instrument("ddk"), out, s.village, p),
    "laporan": lambda s, out, p: pdf.write_laporan(s, out, p),
    "berita-acara": lambda s, out, p: pdf.write_berita_acara(s, out, key_fingerprint="AB12",
                                                             progress=p),
}


def test_kinds_are_the_cli_names() -> None:
    assert set(pdf.PDF_KINDS) == {"keluarga", "kosong", "laporan", "berita-acara"}
    assert set(pdf.PDF_KINDS) == set(WRITERS)


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_cancelled_export_leaves_no_file(kind: str, source: ExportSource,
                                         tmp_path: Path) -> None:
    progress = Progress()
    progress.cancel()
    out = tmp_path / "baru.pdf"
    with pytest.raises(ExportCancelled):
        WRITERS[kind](source, out, progress)
    assert list(tmp_path.iterdir()) == []
    existing = tmp_path / "lama.pdf"
    existing.write_bytes(b"berkas lama")
    with pytest.raises(ExportCancelled):
        WRITERS[kind](source, existing, progress)
    assert existing.read_bytes() == b"berkas lama"
    assert [p.name for p in tmp_path.iterdir()] == ["lama.pdf"]


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_progress_is_reported_and_cancel_stops_midway(kind: str, source: ExportSource,
                                                      tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    WRITERS[kind](source, tmp_path / "a.pdf", Progress(lambda *step: seen.append(step)))
    assert len(seen) >= 2 and all(what for _, _, what in seen)
    assert seen[-1][0] == seen[-1][1]  # the last step reports the whole work done

    calls: list[int] = []
    progress = Progress()

    def report(done: int, total: int, what: str) -> None:
        calls.append(done)
        if len(calls) == 2:
            progress.cancel()

    progress = Progress(report)
    existing = tmp_path / "a.pdf"
    before = existing.read_bytes()
    with pytest.raises(ExportCancelled):
        WRITERS[kind](source, existing, progress)
    assert existing.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_indonesian_dates_and_numbers() -> None:
    assert tanggal_indonesia(date(2026, 11, 23)) == "23 November 2026"
    assert [tanggal_indonesia(date(2026, m, 1)).split()[1] for m in range(1, 13)] == [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
        "September", "Oktober", "November", "Desember"]
    assert hari_indonesia(date(2026, 11, 23)) == "Senin"
    assert hari_indonesia(date(2026, 11, 29)) == "Minggu"
    assert number(2_950_000) == "2.950.000" and number(1.5) == "1,5"
    assert number(2026, group_small=False) == "2026" and number(5573) == "5.573"


def test_any_name_prints_as_typed(tmp_path: Path) -> None:
    name = "Ṣiti Nur’aini Łukasz Ŋgurah & <Ölçer>"
    out = tmp_path / "nama.pdf"
    assert build_pdf(out, [para(name)], title="Uji", village="Desa Ĉibodas",
                     printed_on=date(2026, 11, 23)) == 1
    text = pdf_text(out)
    assert name in text and "Desa Ĉibodas" in text and "Halaman 1 dari 1" in text
