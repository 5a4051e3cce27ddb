"""Bagian 2 of the DDK: one answer dictionary per household member (2.1-2.7).

Education and occupation follow age, as on a real Kartu Keluarga: toddlers are "belum
masuk TK" and "Belum Bekerja", school children "Sedang SD/SLTP/SLTA" and "Pelajar",
adults a mix that depends on their birth cohort (older villagers mostly finished SD or
less) and sex. Codes are the form's own (forms/ddk.yaml, lists ``pendidikan``,
``pekerjaan`` ...); the tables below say how often each is used.
"""

from __future__ import annotations

from datetime import date, timedelta
from random import Random
from typing import Any

from desa_app.core.demo.names import NameStyle
from desa_app.core.demo.people import Person
from desa_app.core.demo.pick import Weighted
from desa_app.core.demo.regions import Village

_STUDYING = frozenset({"2", "4", "7", "9", "11", "13", "15", "17", "19", "21"})
_LOW = frozenset({"3", "5", "6", "8", "29"})
_HIGH = frozenset({"12", "14", "16", "18", "20", "22", "30"})

_EDU_BORN_BEFORE_1960 = Weighted({"3": 15, "6": 25, "5": 40, "8": 10, "10": 8, "18": 2})
_EDU_BORN_1960_1980 = Weighted({"3": 4, "6": 12, "5": 35, "8": 22, "10": 20, "30": 2, "18": 5})
_EDU_BORN_AFTER_1980 = Weighted(
    {"3": 1, "6": 4, "5": 20, "8": 25, "10": 35, "12": 2, "30": 3, "18": 9, "20": 1}
)
_EDU_19_23 = Weighted({"10": 45, "17": 15, "15": 4, "8": 20, "5": 12})
_EDU_16_18 = Weighted({"9": 80, "8": 15, "5": 5})

_JOBS: dict[tuple[str, str], Weighted] = {
    ("1", "low"): Weighted({"1": 30, "2": 22, "42": 15, "25": 6, "24": 4, "22": 4, "9": 3,
                            "70": 3, "34": 5, "36": 5, "3": 2, "75": 1}),
    ("1", "mid"): Weighted({"32": 25, "34": 18, "1": 12, "8": 8, "70": 6, "42": 8, "11": 4,
                            "84": 4, "41": 2, "16": 2, "17": 2, "108": 3, "3": 3, "89": 1}),
    ("1", "high"): Weighted({"5": 20, "19": 15, "32": 25, "34": 12, "84": 10, "33": 5, "41": 4,
                             "112": 2, "18": 3, "16": 2, "17": 1, "92": 1}),
    ("2", "low"): Weighted({"39": 45, "1": 12, "2": 14, "8": 8, "22": 3, "42": 4, "27": 3,
                            "26": 2, "79": 2, "3": 3, "36": 4}),
    ("2", "mid"): Weighted({"39": 30, "32": 20, "8": 12, "34": 10, "78": 5, "80": 2, "84": 5,
                            "3": 4, "67": 4, "37": 5, "1": 3}),
    ("2", "high"): Weighted({"19": 22, "5": 18, "14": 8, "13": 8, "32": 16, "84": 12, "39": 10,
                             "34": 6}),
}
_JOBS_OLD = {"1": Weighted({"1": 45, "36": 25, "40": 10, "34": 5, "9": 5, "2": 10}),
             "2": Weighted({"39": 55, "1": 15, "36": 15, "8": 10, "40": 5})}
_JOBS_DROPOUT = Weighted({"2": 25, "42": 25, "37": 30, "32": 10, "27": 5, "24": 5})
_BLOOD = Weighted({"4": 55, "0": 16, "1": 12, "2": 13, "3": 4})
_KB = Weighted({"3": 52, "1": 18, "4": 10, "2": 9, "7": 6, "5": 5})
_CACAT_FISIK = Weighted({"1": 25, "2": 15, "3": 20, "4": 30, "5": 10})
_CACAT_MENTAL = Weighted({"1": 40, "3": 40, "2": 20})
_PERANGKAT = Weighted({"3": 40, "4": 30, "5": 25, "2": 5})
_FARMING = frozenset({"1", "2", "9"})


def education(rng: Random, age: int, birth_year: int) -> str:
    """Pendidikan (2.1.14) that fits the age, so none of the form's age checks fire."""
    if age < 3:
        return "1"
    if age <= 4:
        return "1" if rng.random() < 0.55 else "2"
    if age == 5:
        return "2" if rng.random() < 0.75 else "1"
    if age == 6:
        return "2" if rng.random() < 0.5 else "4"
    if age <= 12:
        return "7" if age == 12 and rng.random() < 0.3 else "4"
    if age <= 15:
        return "4" if age == 13 and rng.random() < 0.15 else "7"
    if age <= 18:
        return _EDU_16_18.pick(rng)
    if age <= 23:
        code = _EDU_19_23.pick(rng)
        return "30" if age >= 21 and rng.random() < 0.04 else code
    if birth_year < 1960:
        return _EDU_BORN_BEFORE_1960.pick(rng)
    if birth_year < 1980:
        return _EDU_BORN_1960_1980.pick(rng)
    return _EDU_BORN_AFTER_1980.pick(rng)


def occupation(rng: Random, age: int, sex: str, pendidikan: str, coastal: bool) -> str:
    """Mata pencaharian (2.1.15): children under 10 only ever Belum Bekerja or Pelajar."""
    if pendidikan in _STUDYING and pendidikan != "2":
        return "38"
    if age < 10:
        return "37"
    if age < 19:
        return _JOBS_DROPOUT.pick(rng)
    if age >= 60:
        return _JOBS_OLD[sex].pick(rng)
    if age < 25 and rng.random() < 0.2:
        return "37"
    if coastal and sex == "1" and pendidikan in _LOW and rng.random() < 0.3:
        return "10"
    tier = "low" if pendidikan in _LOW else "high" if pendidikan in _HIGH else "mid"
    return _JOBS[(sex, tier)].pick(rng)


def kb_relevant(person: Person, age: int) -> bool:
    """2.1.17 is asked of married women 15-49 and married men 15+ (the form's rule)."""
    if person.status_kawin != "1":
        return False
    return (person.sex == "2" and 15 <= age <= 49) or (person.sex == "1" and age >= 15)


class MemberWriter:
    """Writes the member dictionaries of one household (one instance per village)."""

    def __init__(self, village: Village, today: date) -> None:
        self.village = village
        self.today = today
        self.kab = village.prefix[:4]

    def write(
        self, rng: Random, members: list[Person], agama: str, suku: str, style: NameStyle
    ) -> list[dict[str, Any]]:
        """One dict per member, in KK order; ``style`` names parents living elsewhere."""
        return [
            self._member(rng, index, person, agama, suku, style)
            for index, person in enumerate(members)
        ]

    def _member(
        self, rng: Random, index: int, person: Person, agama: str, suku: str,
        style: NameStyle,
    ) -> dict[str, Any]:
        age = person.age(self.today)
        born = person.birth
        data: dict[str, Any] = {
            "no_urut": index + 1,
            "nik": person.nik,
            "nama": person.name,
            "jenis_kelamin": person.sex,
            "hubungan": person.hubungan,
            "tempat_lahir": person.moved_from or self.village.place_of_birth,
            "tgl_lahir": born.isoformat(),
        }
        if rng.random() < (0.85 if born.year >= 1995 else 0.4 if born.year >= 1980 else 0.1):
            data["akta_lahir"] = (
                f"{self.kab}-LT-{born:%d%m%Y}-{rng.randint(1, 9999):04d}"
            )
            registered = born + timedelta(days=rng.randint(3, 400))
            data["tgl_pencatatan"] = min(registered, self.today).isoformat()
        pendidikan = education(rng, age, born.year)
        pekerjaan = occupation(rng, age, person.sex, pendidikan, self.village.coastal)
        data.update(
            status_kawin=person.status_kawin,
            agama=agama,
            gol_darah=_BLOOD.pick(rng),
            kewarganegaraan="1",
            suku=suku if person.moved_from is None else self.village.suku.pick(rng),
            pendidikan=pendidikan,
            pekerjaan=pekerjaan,
        )
        parent = person.mother or person.father
        if parent is not None:
            data["nama_ortu"] = parent.name
        elif rng.random() < 0.85:
            data["nama_ortu"] = style.adult(rng, "2", born.year - 25)
        if kb_relevant(person, age) and person.sex == "2" and rng.random() < 0.55:
            data["akseptor_kb"] = [_KB.pick(rng)]
        self._extras(rng, data, age, pekerjaan, person)
        return data

    def _extras(
        self, rng: Random, data: dict[str, Any], age: int, pekerjaan: str, person: Person
    ) -> None:
        """Disabilities and memberships: rare, and only where they make sense."""
        if rng.random() < (0.025 if age >= 65 else 0.006):
            data["cacat_fisik"] = [_CACAT_FISIK.pick(rng)]
        if rng.random() < 0.004:
            data["cacat_mental"] = [_CACAT_MENTAL.pick(rng)]
        if age < 17:
            return
        if pekerjaan == "41":
            data["lembaga_pemerintahan"] = _PERANGKAT.pick(rng)
        elif rng.random() < 0.003:
            data["lembaga_pemerintahan"] = "9"
        groups: list[str] = []
        draw = rng.random
        if person.sex == "2" and person.status_kawin == "1":
            if draw() < 0.3:
                groups.append("8")
            if draw() < 0.04:
                groups.append("22")
        if pekerjaan in _FARMING and draw() < 0.3:
            groups.append("25")
        if draw() < 0.12:
            groups.append("19")
        if age <= 30 and person.status_kawin == "0" and draw() < 0.12:
            groups.append("11")
        if person.hubungan == "1" and person.sex == "1":
            if draw() < 0.02:
                groups.append("1")
            if draw() < 0.05:
                groups.append("17")
        if groups:
            data["lembaga_kemasyarakatan"] = sorted(groups, key=int)
        if pekerjaan == "8" and draw() < 0.3:
            data["lembaga_ekonomi"] = ["11"]
        elif pekerjaan == "34" and draw() < 0.2:
            data["lembaga_ekonomi"] = [rng.choice(("5", "11", "48", "29"))]
        elif person.sex == "2" and draw() < 0.02:
            data["lembaga_ekonomi"] = ["28"]
