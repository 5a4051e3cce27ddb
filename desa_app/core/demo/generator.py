"""A realistic synthetic village for demos and benchmarks: DDK household records.

``generate_village`` yields one :class:`DemoHousehold` at a time (10,000 households take
a few seconds and little memory). Each household is built in stages so that every answer
agrees with the others the way the form's rules expect:

1. who lives there (:mod:`.people`) and their names (:mod:`.names`);
2. identity numbers: NIK from the kecamatan, birth date (+40 for women) and a serial
   unique in the village; No. KK from an issue date after the youngest member's birth;
3. member answers (:mod:`.biodata`), then household answers (:mod:`.answers`);
4. workflow status and verifier notes (:mod:`.workflow`).

About 1% of households get one planted warning (:mod:`.planting`) and one household
reuses the NIK of a person from an earlier household. No form is loaded or evaluated
here: that would cost far more than generating, and the tests do it instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from itertools import cycle
from random import Random

from desa_app.core.demo.answers import Facts, HouseholdWriter
from desa_app.core.demo.biodata import MemberWriter
from desa_app.core.demo.model import DemoHousehold
from desa_app.core.demo.names import name_household
from desa_app.core.demo.people import Person, build_around, build_household
from desa_app.core.demo.planting import (
    DUPLICATE_NIK,
    PLANTS,
    plant_identity,
    plant_rows,
    planted_member,
)
from desa_app.core.demo.regions import Village, build_village
from desa_app.core.demo.workflow import pick_status, write_notes
from desa_app.core.identity import normalize_code

_KK_EARLIEST = date(2005, 1, 1)
_MOVED_SHARE = 0.05
_MOVED_MIN_AGE = 25
_DESCENDANTS = frozenset({"4", "5", "23", "18"})


class _Numbers:
    """Issues NIK and No. KK numbers that are unique in the village."""

    def __init__(self, village: Village, rng: Random, today: date) -> None:
        self.village = village
        self.rng = rng
        self.today = today
        self.used: set[str] = set()

    def _unique(self, base: str) -> str:
        rng = self.rng
        while True:
            number = f"{base}{rng.randint(1, 400):04d}"
            if number in self.used:
                number = f"{base}{rng.randint(1, 9999):04d}"
            if number not in self.used:
                self.used.add(number)
                return number

    def nik(self, person: Person) -> None:
        """NIK for the person; some older people were registered in another kecamatan.

        Children and grandchildren of the head were registered here, with the family.
        """
        prefix = self.village.prefix
        if (
            self.village.neighbours
            and person.hubungan not in _DESCENDANTS
            and person.age(self.today) >= _MOVED_MIN_AGE
            and self.rng.random() < _MOVED_SHARE
        ):
            prefix, person.moved_from = self.rng.choice(self.village.neighbours)
        born = person.birth
        day = born.day + (40 if person.sex == "2" else 0)
        person.nik = self._unique(f"{prefix}{day:02d}{born:%m%y}")

    def kk(self, members: list[Person]) -> str:
        """No. KK issued (or last reissued) after the youngest member was born."""
        youngest = max(p.birth for p in members)
        low = min(self.today, max(_KK_EARLIEST, youngest + timedelta(days=14)))
        span = (self.today - low).days
        issued = low + timedelta(days=int(span * self.rng.random() ** 0.7))
        return self._unique(f"{self.village.prefix}{issued:%d%m%y}")


def _plan(rng: Random, households: int) -> tuple[dict[int, str], int | None]:
    """Which households get a planted warning, and which one reuses an earlier NIK."""
    duplicate = rng.randrange(max(1, households // 2), households) if households >= 2 else None
    count = max(1, round(households / 100)) if households >= 20 else 0
    candidates = [i for i in range(households) if i != duplicate]
    tags = list(PLANTS)
    rng.shuffle(tags)
    chosen = sorted(rng.sample(candidates, min(count, len(candidates))))
    return dict(zip(chosen, cycle(tags), strict=False)), duplicate


def generate_village(
    village_code: str, households: int, seed: int, *, today: date
) -> Iterator[DemoHousehold]:
    """Yield ``households`` DDK records of the village ``village_code`` (``35.01.01.2001``).

    The same seed (and ``today``) always yields the same records; ``ValueError`` if the
    code is not a current desa/kelurahan code. The random stream is seeded with the seed
    *and* the village code, so two villages generated with one seed are different
    villages, not the same families under other names.
    """
    dotted = normalize_code(village_code) or village_code
    village = build_village(dotted, Random(f"{seed}:{dotted}"))
    rng = Random(f"{seed}:{village.code}:households")
    return _generate(rng, village, households, today)


def village_dusun_names(village_code: str, seed: int) -> list[str]:
    """The dusun of the village :func:`generate_village` builds for this code and seed,
    in the village's order (the first is where the enumerators start)."""
    dotted = normalize_code(village_code) or village_code
    return list(build_village(dotted, Random(f"{seed}:{dotted}")).dusun_index)


def _generate(
    rng: Random, village: Village, households: int, today: date
) -> Iterator[DemoHousehold]:
    numbers = _Numbers(village, rng, today)
    member_writer = MemberWriter(village, today)
    household_writer = HouseholdWriter(village, today)
    planted, duplicate = _plan(rng, households)
    donors: list[Person] = []
    fallback: Person | None = None
    for index in range(households):
        tag = planted.get(index)
        if index == duplicate:
            donor = rng.choice(donors) if donors else fallback
            assert donor is not None  # household 0 always has an adult head
            members = build_around(rng, today, donor)
            tag = DUPLICATE_NIK
        else:
            members = build_household(rng, today, tag)
        agama = village.religion.pick(rng)
        style = village.style_for(agama)
        name_household(rng, style, members)
        for person in members:
            if not person.nik:
                numbers.nik(person)
        if tag is not None and tag != DUPLICATE_NIK:
            plant_identity(rng, tag, members, today)
        rows = member_writer.write(rng, members, agama, village.suku.pick(rng), style)
        if tag is not None:
            plant_rows(tag, members, rows, today)
        facts = Facts(members, rows, today, agama)
        answers = household_writer.write(rng, facts, numbers.kk(members), tag)
        answers["anggota"] = rows
        status = "submitted" if tag == DUPLICATE_NIK else pick_status(rng, tag)
        spot = None if tag in (None, DUPLICATE_NIK) else (tag, planted_member(tag, members, today))
        notes = write_notes(rng, status, members, answers, spot, today)
        yield DemoHousehold(answers, status, notes, tag)
        if fallback is None:
            fallback = members[0]
        if tag is None:
            donors.extend(
                p for p in members
                if p.hubungan == "4" and p.status_kawin == "0" and 20 <= p.age(today) <= 35
            )
