"""Desa Cantik and pembina data for the demo village.

Without it the demo opens on empty Desa Cantik and Pembinaan screens that a trainer has
to fill by hand before showing them; with it a new user sees what a village a few months
into the programme looks like: agents from the SK, activities, the SOP half done,
targets per dusun and a pembina visit with follow-ups. Everything goes through the same
services the screens use, so the audit log shows it like real work.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from desa_app.core import sop
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.models import Record
from desa_app.core.store.users import Actor

AGENTS = (
    ("Wahyuni", "kaur", "Kaur Perencanaan", "S1 Ekonomi; operator SIPD sejak 2021",
     "Mahir Excel dan aplikasi desa"),
    ("Rudi Hartono", "kasi", "Kasi Pemerintahan", "Mengelola data kependudukan desa",
     "Terbiasa dengan komputer"),
    ("Nur Aini", "mitra", "Kader PKK", "Mitra BPS pada Sensus Pertanian 2023",
     "Bisa mengetik dan memakai ponsel pintar"),
)
ACTIVITIES = (
    (44, "koordinasi", "Kepala desa, sekretaris desa, Agen Statistik",
     "Balai desa", "Pembagian tugas pendataan DDK per dusun."),
    (40, "sosialisasi", "Ketua RT dan RW, kader PKK", "Balai desa",
     "Sosialisasi pendataan keluarga dan jadwal kunjungan rumah."),
    (20, "pembinaan", "Agen Statistik, Pembina BPS Kabupaten", "Kantor desa",
     "Pembinaan cara mengisi bagian anggota keluarga dan memeriksa NIK."),
    (6, "monev", "Tim verifikasi, Agen Statistik", "Kantor desa",
     "Pemantauan kemajuan verifikasi; rekaman yang dikembalikan dibahas satu per satu."),
)


def seed_programme(store: VillageStore, admin: Actor, pembina: Actor, today: date) -> None:
    """Agents, activities, SOP dates, targets and a pembina visit, all dated before today."""
    year_start = max(date(today.year, 1, 2), today - timedelta(days=45))
    for name, kind, position, experience, competence in AGENTS:
        store.desa_cantik.add_agent(
            admin, name, kind, position=position, experience=experience,
            it_competence=competence, sk_number=f"141/{year_start.year}/SK-KADES",
            sk_date=year_start, training="Pelatihan Agen Statistik BPS Kabupaten",
            active_from=year_start)
    for days_ago, kind, participants, place, summary in ACTIVITIES:
        store.desa_cantik.add_activity(admin, today - timedelta(days=days_ago), kind,
                                       participants, place, summary)
    _sop(store, admin, year_start, today)
    _targets(store, admin)
    visit = store.pembina.add_visit(
        pembina, today - timedelta(days=21), "Kemajuan pendataan DDK dan mutu isian",
        "Operator desa, dua Agen Statistik",
        [("Lengkapi SK agen dengan tanggal berakhir masa tugas", today + timedelta(days=7)),
         ("Periksa ulang rekaman dengan NIK ganda", today - timedelta(days=3))])
    store.pembina.mark_follow_up(pembina, _follow_up_ids(store, pembina, visit)[-1], True)
    store.pembina.add_village_note(
        pembina, "Pekerjaan anggota keluarga banyak yang kosong di Dusun terakhir; mohon "
                 "dilengkapi sebelum diserahkan ke Diskominfo.")


def _sop(store: VillageStore, admin: Actor, start: date, today: date) -> None:
    """Plan the year from the SK; the data collection ran four days late, the steps after
    it moved along, and the step under way today has begun but not ended."""
    store.sop.plan_year(admin, start.year, start)
    shift = timedelta(0)
    for step, first, last in sop.plan(start):
        if first + shift > today:
            break
        end = last + shift + (timedelta(days=4) if step.key == "pendataan" else timedelta(0))
        store.sop.set_dates(admin, start.year, step.key, actual_start=first + shift,
                            actual_end=end if end < today else None)
        shift = end - last


def _targets(store: VillageStore, admin: Actor) -> None:
    """A target per dusun a little above what has been collected, as the SK would set."""
    with store.db.read() as session:
        counts = session.execute(
            select(Record.dusun, func.count()).where(
                Record.deleted.is_(False), Record.kind == "household",
                Record.dusun.is_not(None)).group_by(Record.dusun)).all()
    for dusun, count in counts:
        if dusun and dusun.strip():
            store.targets.set_target(admin, dusun, "", -(-count * 115 // 1000) * 10)


def _follow_up_ids(store: VillageStore, pembina: Actor, visit_id: int) -> list[int]:
    return [f.id for v in store.pembina.visits(pembina) if v.id == visit_id
            for f in v.follow_ups]
