"""Deliberate problems planted in about 1% of the demo households.

A demo of the verifier's screen needs something to verify. Each planted household gets
exactly ONE problem that the form reports as a *warning* (never an error, so the record
can still be submitted), of the kind real enumerators produce: a child's birth year that
puts them 8 years after the head, a married 17-year-old, a jenis kelamin box ticked
wrong, a birth date copied a few days off, the head's name in old spelling, income typed
with three zeros too many, a pendidikan not updated since the child was a toddler.

Three problems shape the household itself (:func:`.people.build_household`: the child
born 8 years after the head, the young couple, a school-age child), two change a recorded
value after the NIK was issued from the true one (here), one a member answer (here) and
two a top-level answer (:mod:`.answers`).
"""

from __future__ import annotations

from datetime import date, timedelta
from random import Random
from typing import Any

from desa_app.core.demo.people import Person

PLANTS = (
    "warning_age_child",
    "warning_married_minor",
    "warning_nik_sex",
    "warning_nik_birthdate",
    "warning_nama_kk",
    "warning_income_zeros",
    "warning_school_age",
)
"""Tags of the planted warnings, as they appear in ``DemoHousehold.deliberate``."""

DUPLICATE_NIK = "duplicate_nik"
"""Tag of the one household that reuses a NIK of an earlier household."""


def _child(members: list[Person]) -> int:
    return next(i for i, p in enumerate(members) if p.hubungan == "4")


def _school_child(members: list[Person], today: date) -> int:
    """The youngest anak kandung of school age (8-14): its KK entry was never updated."""
    return max(
        (i for i, p in enumerate(members) if p.hubungan == "4" and 8 <= p.age(today) <= 14),
        key=lambda i: members[i].birth,
    )


def plant_identity(rng: Random, tag: str, members: list[Person], today: date) -> None:
    """After NIKs are issued: change the recorded sex or birth date of one member."""
    if tag == "warning_nik_sex":
        child = members[_child(members)]
        child.sex = "2" if child.sex == "1" else "1"
    elif tag == "warning_nik_birthdate":
        person = members[0]
        age = person.age(today)
        for shift in rng.sample((-3, -2, -1, 1, 2, 3), 6):
            moved = person.birth + timedelta(days=shift)
            trial = Person(person.hubungan, person.sex, moved, person.status_kawin)
            if trial.age(today) == age:
                person.birth = moved
                return
        raise AssertionError("no birth date shift keeps the age")  # 6 shifts cannot all cross


def plant_rows(tag: str, members: list[Person], rows: list[dict[str, Any]], today: date) -> None:
    """After the member answers are written: leave one child's pendidikan stale."""
    if tag == "warning_school_age":
        rows[_school_child(members, today)]["pendidikan"] = "1"


def planted_member(tag: str, members: list[Person], today: date) -> int | None:
    """Index of the member the planted problem sits on (``None``: a top-level answer)."""
    if tag in ("warning_nama_kk", "warning_income_zeros"):
        return None
    if tag == "warning_nik_birthdate":
        return 0
    if tag == "warning_married_minor":
        return next(i for i, p in enumerate(members) if p.hubungan == "3")
    if tag == "warning_age_child":
        head_age = members[0].age(today)
        return next(
            i for i, p in enumerate(members)
            if p.hubungan == "4" and head_age - p.age(today) < 12
        )
    if tag == "warning_school_age":
        return _school_child(members, today)
    return _child(members)
