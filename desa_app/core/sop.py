"""The village SOP for the Profil Desa cycle, as data, and a calendar plan from it.

The steps, their standard durations and the document each one produces come from the
village's SOP (Tim by SK, Pokja collects, Tim verifies and enters into Prodeskel, reports).
Kept free of Qt and of the database so the GUI, the store (``store/sop_tracker.py``) and
printed schedules all read the same list.

Plans use calendar days, not working days: the SOP gives rough standard durations, the
village shifts dates by hand anyway (``SopTracker.set_dates``), and holidays differ per
region, so a working-day calendar would look precise without being so.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Unit(StrEnum):
    """Units the SOP states durations in (Indonesian words, shown as they are)."""

    HOUR = "jam"
    DAY = "hari"
    MONTH = "bulan"


@dataclass(frozen=True)
class Duration:
    """One standard duration of the SOP, kept in its own unit (a month is not 30 days)."""

    amount: int
    unit: Unit
    what: str = ""  # which part of the step, when a step has several (drafting, checks)

    def text(self) -> str:
        base = f"{self.amount} {self.unit.value}"
        return f"{self.what} {base}" if self.what else base


@dataclass(frozen=True)
class Step:
    """One SOP step: its key (stored in ``sop_step.step``), label, durations, output."""

    key: str
    label: str
    durations: tuple[Duration, ...]
    output: str  # the document that shows the step was done

    @property
    def duration_text(self) -> str:
        return ", ".join(d.text() for d in self.durations)

    def end(self, start: date) -> date:
        """Last calendar day of the step when it starts on ``start`` (inclusive).

        Months are added on the calendar (5 Jan + 1 month ends on 4 Feb); days and hours
        are summed and rounded up to whole days, so "1 day + 3 hours" takes 2 days.
        """
        months = sum(d.amount for d in self.durations if d.unit is Unit.MONTH)
        hours = sum(d.amount * (24 if d.unit is Unit.DAY else 1)
                    for d in self.durations if d.unit is not Unit.MONTH)
        after = add_months(start, months) + timedelta(days=math.ceil(hours / 24))
        return max(start, after - timedelta(days=1))


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (31 Jan + 1 → 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _d(amount: int, unit: Unit, what: str = "") -> Duration:
    return Duration(amount, unit, what)


STEPS: tuple[Step, ...] = (
    Step("sk_tim", "Penetapan Tim Profil Desa dengan SK Kepala Desa",
         (_d(1, Unit.DAY, "penyusunan draf"), _d(3, Unit.HOUR, "pemeriksaan")), "SK Tim"),
    Step("rapat_persiapan", "Rapat persiapan", (_d(1, Unit.DAY),),
         "Daftar hadir dan notulen rapat"),
    Step("pendataan", "Pendataan oleh Pokja", (_d(1, Unit.MONTH),),
         "Formulir isian (data manual)"),
    Step("serah_terima", "Penyerahan data manual dari Pokja kepada Tim", (_d(1, Unit.DAY),),
         "Berita acara serah terima"),
    Step("verifikasi_entri", "Verifikasi dan entri data ke Prodeskel", (_d(1, Unit.MONTH),),
         "Data terverifikasi di Prodeskel"),
    Step("laporan_kegiatan", "Penyusunan laporan kegiatan", (_d(1, Unit.DAY),),
         "Laporan kegiatan"),
    Step("laporan_kadis", "Pelaporan kepada Kepala Dinas", (_d(1, Unit.DAY),),
         "Surat laporan ke Kepala Dinas"),
    Step("rapat_penutupan", "Rapat penutupan", (_d(1, Unit.DAY),),
         "Notulen rapat penutupan"),
)
"""The steps in the order the SOP prescribes."""

BY_KEY: dict[str, Step] = {step.key: step for step in STEPS}


def step(key: str) -> Step:
    """The step with this key; KeyError for an unknown one (callers turn it into a message)."""
    return BY_KEY[key]


def plan(year_start: date) -> list[tuple[Step, date, date]]:
    """Every step with its planned first and last day, one after another from ``year_start``.

    Each step starts the day after the previous one ends (calendar days, see module doc).
    """
    result: list[tuple[Step, date, date]] = []
    start = year_start
    for item in STEPS:
        end = item.end(start)
        result.append((item, start, end))
        start = end + timedelta(days=1)
    return result
