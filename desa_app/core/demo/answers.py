"""Kepala formulir and Bagian 1 of the DDK (H.1-H.20, 1.1-1.36) for one household.

Frequencies are those of a rural Javanese village, not uniform draws: most houses are
owned, walled with brick and roofed with tiles; water comes from a well; one family in
two keeps a few free-range chickens; the crime and conflict items (1.26-1.35) are almost
always left blank, as a real enumerator leaves them. Items the form only asks in some
households (1.16-1.19 and 1.24 need a woman of 10-54 or a child under five) are only
answered there. Production tables (1.6, 1.8) are in :mod:`.produksi`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random
from typing import Any

from desa_app.core.demo.people import Person
from desa_app.core.demo.pick import Weighted, ticks
from desa_app.core.demo.produksi import production
from desa_app.core.demo.regions import Village

_RUMAH = Weighted({"1": 80, "2": 8, "3": 5, "4": 4, "5": 3})
_RUMAH_YOUNG = Weighted({"1": 35, "2": 45, "3": 8, "4": 8, "5": 4})
_AIR = Weighted({"2": 38, "3": 25, "5": 12, "1": 8, "6": 7, "11": 10})
_AIR_BAD = (["2"], ["3"], ["4"], ["2", "3"], ["3", "4"])
_LAHAN_OWNED = Weighted({"1": 65, "2": 25, "3": 10})
_TANAH_BY_CLASS = {
    "1": Weighted({"2": 40, "3": 25, "4": 20, "5": 15}),
    "2": Weighted({"6": 25, "7": 25, "8": 20, "9": 15, "10": 15}),
    "3": Weighted({"11": 95, "12": 5}),
}
_DINDING = (Weighted({"1": 80, "2": 8, "3": 10, "4": 2}), Weighted({"1": 45, "2": 20, "3": 35}))
_LANTAI = (Weighted({"1": 55, "2": 37, "3": 4, "4": 4}), Weighted({"2": 50, "4": 35, "3": 15}))
_ATAP = (Weighted({"1": 85, "2": 7, "3": 6, "4": 2}), Weighted({"1": 65, "2": 20, "3": 15}))
_PHBS = Weighted({"1": 82, "2": 9, "4": 4, "3": 5})
_MAKAN = Weighted({"3": 84, "2": 13, "4": 3})
_BEROBAT = Weighted({"2": 86, "5": 7, "3": 4, "1": 2, "6": 1})
_GIZI = Weighted({"2": 88, "3": 7, "4": 4, "1": 1})
_SAKIT = Weighted({"2": 40, "1": 30, "5": 15, "9": 15})
_PENYAKIT = Weighted({"6": 25, "1": 15, "5": 15, "13": 20, "3": 8, "12": 7, "7": 5, "2": 5})
_PERSALINAN = Weighted({"6": 40, "3": 25, "1": 15, "2": 8, "4": 7, "9": 5})
_RARE_CRIME = (("pencurian", "1", 0.015), ("perjudian", "1", 0.004), ("miras_narkoba", "1", 0.004),
               ("kdrt", "3", 0.003), ("perkelahian", "2", 0.002))
_SOURCES = ("Wawancara dengan kepala keluarga", "KTP anggota keluarga", "Data RT setempat")
_JOBLESS = frozenset({"36", "37"})


@dataclass
class Facts:
    """What the household items are derived from, computed once per household."""

    members: list[Person]
    rows: list[dict[str, Any]]
    today: date
    agama: str
    ages: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.ages = [p.age(self.today) for p in self.members]

    @property
    def head(self) -> Person:
        return self.members[0]

    @property
    def has_wus(self) -> bool:
        return any(10 <= a <= 54 and p.sex == "2" for p, a in zip(self.members, self.ages,
                                                                   strict=True))

    def jobs(self) -> set[str]:
        return {row["pekerjaan"] for row in self.rows}


def _hamlet(dusun: str) -> str:
    """``Dusun Krajan``; names that already say what they are stay as they are."""
    return dusun if dusun.startswith(("Dusun ", "Banjar ", "Lingkungan ")) else f"Dusun {dusun}"


def _rupiah(amount: float, step: int = 50_000) -> int:
    return max(step, round(amount / step) * step)


class HouseholdWriter:
    """Writes the top-level answers of one household; one instance per village."""

    def __init__(self, village: Village, today: date) -> None:
        self.village = village
        self.today = today
        self.last_month_end = today.replace(day=1) - timedelta(days=1)

    def write(self, rng: Random, facts: Facts, no_kk: str, plant: str | None) -> dict[str, Any]:
        answers = self._header(rng, facts, no_kk)
        if plant == "warning_nama_kk":
            answers["nama_kk"] = misspell(facts.head.name)
        self._economy(rng, facts, answers)
        if plant == "warning_income_zeros":
            income = answers["penghasilan"]
            answers["penghasilan"] = income * (1000 if income >= 1_100_000 else 10_000)
        self._health(rng, facts, answers)
        self._welfare(rng, facts, answers)
        return answers

    def _header(self, rng: Random, facts: Facts, no_kk: str) -> dict[str, Any]:
        village = self.village
        place = rng.choice(village.neighbourhoods)
        enumerator = village.team[village.dusun_index[place.dusun] % len(village.team)]
        # Collection runs over this month and the last; a newborn fixes it to this month.
        newborn = max(p.birth for p in facts.members) > self.last_month_end
        when = self.today if newborn or rng.random() < 0.6 else self.last_month_end
        month, year = when.month, when.year
        answers: dict[str, Any] = {
            "no_kk": no_kk,
            "nama_kk": facts.head.name,
            "alamat": f"{_hamlet(place.dusun)} RT {place.rt} RW {place.rw}",
            "rt": place.rt,
            "rw": place.rw,
            "dusun": place.dusun,
            "kode_desa": village.code,
            "bulan": month,
            "tahun": year,
            "nama_pengisi": enumerator.name,
            "pekerjaan_pengisi": enumerator.pekerjaan,
            "jabatan_pengisi": enumerator.jabatan,
            "sumber_data_1": "Kartu Keluarga",
        }
        if rng.random() < 0.7:
            answers["sumber_data_2"] = rng.choice(_SOURCES)
        if rng.random() < 0.85:
            answers["ttd_kk"] = facts.head.name
        return answers

    def _economy(self, rng: Random, facts: Facts, answers: dict[str, Any]) -> None:
        """1.1-1.15: money, house, water, land, production, livestock, assets."""
        jobs = facts.jobs()
        earners = sum(
            1 for row, age in zip(facts.rows, facts.ages, strict=True)
            if age >= 17 and row["pekerjaan"] not in {"37", "38", "39"}
        )
        income = math.exp(rng.gauss(math.log(2_300_000), 0.55)) * (1 + 0.35 * max(0, earners - 1))
        answers["penghasilan"] = _rupiah(income)
        answers["pengeluaran"] = _rupiah(income * rng.uniform(0.65, 1.05))
        poor = income < 1_500_000
        young = facts.ages[0] < 30
        rumah = (_RUMAH_YOUNG if young else _RUMAH).pick(rng)
        answers["status_rumah"] = rumah
        source = _AIR.pick(rng)
        answers[f"air_minum_{source}_kondisi"] = ["1"] if rng.random() < 0.88 else list(
            rng.choice(_AIR_BAD)
        )
        if source != "11" and rng.random() < 0.35:
            answers["air_minum_11_kondisi"] = ["1"]
        farmer = "1" in jobs or "9" in jobs
        land = _LAHAN_OWNED.pick(rng) if farmer else None
        if land is not None:
            answers["lahan_1_kelas"] = land
            if rng.random() < 0.2:
                answers["lahan_2_kelas"] = _LAHAN_OWNED.pick(rng)
        elif rng.random() < 0.6:
            answers["lahan_1_kelas"] = "4"
        livestock = production(rng, answers, land, farmer, self.village, facts.agama == "1")
        if land is not None:
            answers["aset_tanah"] = _TANAH_BY_CLASS[land].pick(rng)
        else:
            answers["aset_tanah"] = "2" if rumah == "1" and rng.random() < 0.6 else "1"
        if rng.random() < 0.25:
            uses = ticks(rng, {"3": 0.6, "4": 0.5 if farmer else 0.0, "1": 0.1, "2": 0.2})
            if uses:
                answers["pemanfaatan_air"] = uses
        if rng.random() < 0.02:
            answers["lembaga_pendidikan"] = [rng.choice(("7", "1", "6"))]
        transport = ticks(rng, {"1": 0.06, "2": 0.01, "4": 0.1 if self.village.coastal else 0.0,
                                "7": 0.25})
        if transport:
            answers["aset_transportasi"] = transport
        tools = ticks(rng, {"1": 0.01, "2": 0.03 if farmer else 0.0, "10": 0.01})
        if tools:
            answers["aset_produksi"] = tools
        answers["dinding"] = [_DINDING[poor].pick(rng)]
        answers["lantai"] = [_LANTAI[poor].pick(rng)]
        answers["atap"] = [_ATAP[poor].pick(rng)]
        rich = income > 6_000_000
        motor = rng.random() < (0.55 if poor else 0.85)
        assets = ticks(rng, {
            "1": 0.9, "2": 1.0 if motor else 0.0, "3": 0.3 if rich else 0.04,
            "10": 1.0 if livestock & {"1", "2"} else 0.0,
            "11": 0.8 if livestock & {"3", "8", "9"} else 0.0,
            "12": 0.2, "13": 0.6 if rich else 0.3, "16": 0.55 if rumah == "1" else 0.0,
            "17": 0.1, "26": 0.5 if "8" in jobs else 0.0, "30": 0.02, "31": 0.92, "34": 0.12,
        })
        if assets:
            answers["aset_lain"] = assets
        head_row = facts.rows[0]
        taxes = ticks(rng, {"1": 0.75 if rumah == "1" else 0.0, "4": 0.6 if motor else 0.0,
                            "5": 0.15})
        if taxes:
            head_row["wajib_pajak"] = taxes

    def _health(self, rng: Random, facts: Facts, answers: dict[str, Any]) -> None:
        """1.16-1.25; pregnancy, birth and baby items only where the form asks them."""
        babies = sum(1 for a in facts.ages if a < 5)
        if facts.has_wus and babies:
            checks = ticks(rng, {"1": 0.7, "2": 0.4, "5": 0.6, "3": 0.1, "4": 0.1})
            answers["ibu_hamil"] = [*(checks or ["5"]), "9", "12"]
            place = _PERSALINAN.pick(rng)
            answers["tempat_persalinan"] = [place]
            helper = "1" if place in ("1", "2") and rng.random() < 0.6 else (
                "4" if place == "9" else "2"
            )
            answers[f"penolong_persalinan_{helper}"] = babies
        if babies:
            answers["bayi"] = ["2"] if rng.random() < 0.92 else ["2", rng.choice(("5", "6"))]
            if min(facts.ages) >= 1 and rng.random() < 0.8:
                answers["imunisasi"] = ["10"]
            elif min(facts.ages) >= 1:
                answers["imunisasi"] = ["1", "2", "3", "4", "5", "6", "7", "8"]
            else:
                answers["imunisasi"] = ["1", "2", "3"]
            answers["gizi_balita"] = _GIZI.pick(rng)
        disabled = [r for r in facts.rows if "cacat_fisik" in r or "cacat_mental" in r]
        sick = [_SAKIT.pick(rng)] if rng.random() < 0.04 else []
        if any("cacat_fisik" in r for r in disabled):
            sick.append("10")
        if any("cacat_mental" in r for r in disabled):
            sick.append("11")
        if sick:
            answers["penderita_sakit"] = sorted(set(sick), key=int)
        answers["phbs"] = _PHBS.pick(rng)
        answers["pola_makan"] = _MAKAN.pick(rng)
        answers["kebiasaan_berobat"] = _BEROBAT.pick(rng)
        if rng.random() < (0.15 if max(facts.ages) >= 60 else 0.05):
            answers["penyakit"] = [_PENYAKIT.pick(rng)]

    def _welfare(self, rng: Random, facts: Facts, answers: dict[str, Any]) -> None:
        """1.26-1.36: crime items almost always blank; 1.36 follows the household."""
        for name, code, chance in _RARE_CRIME:
            if rng.random() < chance:
                answers[name] = [code]
        head = facts.head
        problems: list[str] = []
        if any(a > 60 for a in facts.ages) and rng.random() < 0.7:
            problems.append("3")
        if head.status_kawin == "2" and rng.random() < 0.8:
            problems.append("12" if head.sex == "2" else "13")
        if head.sex == "2" and rng.random() < 0.9:
            problems.append("21")
        idle = any(
            19 <= a < 60 and row["pekerjaan"] in _JOBLESS
            for row, a in zip(facts.rows, facts.ages, strict=True)
        )
        if idle and rng.random() < 0.5:
            problems.append("19")
        if any("cacat_fisik" in r for r in facts.rows):
            problems.append("7")
        if any("cacat_mental" in r for r in facts.rows):
            problems.append("8")
        problems.extend(h for h in self.village.hazards if rng.random() < 0.3)
        if rng.random() < 0.03:
            problems.append("14")
        if problems:
            answers["masalah_sejahtera"] = sorted(set(problems), key=int)


def misspell(name: str) -> str:
    """The head's name as often mis-copied onto the form (old spelling, dropped part)."""
    for old, new in (("u", "oe"), ("j", "dj"), ("y", "j"), ("hm", "chm"), ("i", "ie")):
        if old in name:
            return name.replace(old, new, 1)
    parts = name.split()
    if len(parts) > 1:
        return " ".join(parts[:-1])
    return name + "h"
