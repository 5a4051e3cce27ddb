"""The Laporan Kegiatan shows the same figures as Beranda (the dashboard)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from desa_app.core.exports.pdf import write_laporan
from desa_app.core.exports.pdf.layout import local_day
from desa_app.core.exports.pdf.styles import number
from desa_app.core.store.dashboard import Dashboard
from desa_app.core.store.export_source import ExportSource
from desa_app.core.store.models import Record
from desa_app.core.workflow import STATUS_LABELS, Status

from .conftest import pdf_text


def test_totals_equal_the_dashboard(source: ExportSource, tmp_path: Path) -> None:
    out = tmp_path / "laporan.pdf"
    pages = write_laporan(source, out)
    assert pages == len(PdfReader(out).pages)
    text = pdf_text(out)
    dashboard = Dashboard(source.store.db)
    figures = dashboard.progress(source.actor)
    people = dashboard.population(source.actor, local_day(source.exported_at))
    assert f"Rekaman keluarga tercatat {number(figures.total)}" in text
    for status in Status:
        assert f"{STATUS_LABELS[status]} {number(figures.by_status[status])}" in text
    assert f"Dikembalikan, menunggu perbaikan {number(figures.returned_waiting)}" in text
    if figures.target is not None:
        assert f"Target jumlah keluarga {number(figures.target)}" in text
    for dusun in figures.dusun:
        target = number(dusun.target) if dusun.target is not None else "—"
        assert (f"{dusun.dusun} {target} {number(dusun.recorded)} {number(dusun.done)}"
                in text)
    assert f"Keluarga (KK) {number(people.kk)}" in text
    assert f"Penduduk (jiwa) {number(people.penduduk)}" in text
    assert f"Laki-laki {number(people.male)}" in text
    assert f"Perempuan {number(people.female)}" in text
    for group in people.pyramid:
        assert (f"{group.label} {number(group.male)} {number(group.female)} "
                f"{number(group.male + group.female)}") in text


def test_desa_cantik_and_the_sop_schedule(source: ExportSource, tmp_path: Path) -> None:
    out = tmp_path / "laporan.pdf"
    write_laporan(source, out)
    text = pdf_text(out)
    for agent in source.store.desa_cantik.list_agents(source.actor):
        assert agent.name in text
    steps = source.store.sop.steps(source.actor, local_day(source.exported_at).year)
    late = [s for s in steps if s.late]
    assert late, "the demo village has a late SOP step"
    for step in late:
        assert f"Terlambat {step.days_late} hari" in text


def test_unfinished_records_are_listed(source: ExportSource, tmp_path: Path) -> None:
    out = tmp_path / "laporan.pdf"
    write_laporan(source, out)
    text = pdf_text(out)
    with source.store.db.read() as session:
        rows = session.execute(select(Record.no_kk, Record.status).where(
            Record.deleted.is_(False), Record.kind == "household")).all()
    unfinished = {no_kk for no_kk, status in rows
                  if status in ("returned", "submitted", "draft")}
    finished = {no_kk for no_kk, status in rows if status in ("verified", "entered")}
    assert unfinished and finished
    appendix = text[text.index("Lampiran. Daftar Rekaman"):]
    assert all(no_kk in appendix for no_kk in unfinished)
    assert not any(no_kk in appendix for no_kk in finished)
