"""Who lives in a demo household: relationships, sexes, birth dates, marital status.

The form warns when relationships and ages disagree (an anak kandung less than 12 years
younger than the head, a cucu less than 25, a parent not older than the head), so the
structure is built from the relationships outward with wide margins: children are
18-40 years younger than the head, spaced 1.5-5 years apart, their mother 18-44 at each
birth; the head's parents are 20-36 years older; grandchildren at least 37 years
younger. Sizes follow the Indonesian pattern (mode 3-4, few singles and few of 8-10).
About 12% of heads are women, mostly widows (janda).

Every draw uses the ``Random`` handed in, so a seed reproduces the village exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from desa_app.core.demo.pick import Weighted

YEAR_DAYS = 365.25

SIZES = Weighted({"1": 6, "2": 15, "3": 23, "4": 25, "5": 16, "6": 8, "7": 4,
                  "8": 1.7, "9": 0.8, "10": 0.5})
_OTHERS = Weighted({"15": 35, "19": 30, "11": 20, "22": 15})
_RANK = {"1": 0, "2": 1, "3": 1, "4": 2, "5": 2, "23": 2, "21": 3, "18": 4, "6": 5, "7": 5,
         "17": 6}

@dataclass(eq=False)
class Person:
    """One member while the household is being built (mutable until it is written out).

    ``sex`` and ``birth`` are what the record will say; ``nik`` is fixed from the true
    values when assigned, so a planted typo in either shows up as a NIK mismatch.
    """

    hubungan: str
    sex: str
    birth: date
    status_kawin: str
    mother: Person | None = None
    father: Person | None = None
    order: int = 0
    """Birth order among the head's (or the married child's) children, 0-based."""
    name: str = ""
    nik: str = ""
    moved_from: str | None = None
    """Kecamatan name when the NIK was issued elsewhere in the kabupaten."""

    def age(self, today: date) -> int:
        """Completed years on ``today``, as the form's ``age()`` counts them."""
        years = today.year - self.birth.year
        if (today.month, today.day) < (self.birth.month, self.birth.day):
            years -= 1
        return years


class _Builder:
    def __init__(self, rng: Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.members: list[Person] = []

    def born(self, years: float) -> date:
        """Birth date of someone ``years`` old (fractional), never after today."""
        days = max(0, int(years * YEAR_DAYS) + self.rng.randint(0, 30))
        return self.today - timedelta(days=days)

    def add(self, hubungan: str, sex: str, years: float, status: str) -> Person:
        person = Person(hubungan, sex, self.born(years), status)
        self.members.append(person)
        return person

    def adult_status(self, years: float) -> str:
        """Status of a child of the head: single until 25, then a few divorced/married."""
        if years < 25:
            return "0"
        draw = self.rng.random()
        return "0" if draw < 0.85 else "2" if draw < 0.95 else "1"

    def sex(self) -> str:
        return "1" if self.rng.random() < 0.51 else "2"

    def gaps(self, count: int, room: float) -> list[float]:
        """Years between consecutive births (at least 1.5), squeezed into ``room`` years."""
        gaps = [self.rng.uniform(1.5, 5.0) for _ in range(count)]
        total = sum(gaps)
        if total > room:
            factor = max(0.0, room - 1.5 * count) / (total - 1.5 * count)
            gaps = [1.5 + (g - 1.5) * factor for g in gaps]
        return gaps


def build_household(rng: Random, today: date, plant: str | None = None) -> list[Person]:
    """Members in Kartu Keluarga order (head, spouse, children, menantu, cucu, parents ...).

    ``plant`` (a tag from :mod:`.planting`) asks for a household that can carry that
    problem: a married couple with at least one anak kandung, or for
    ``warning_married_minor`` a very young couple; ``warning_age_child`` and
    ``warning_school_age`` are shaped here directly.
    """
    b = _Builder(rng, today)
    if plant == "warning_married_minor":
        _young_couple(b)
    else:
        size = int(SIZES.pick(rng))
        if plant is not None:
            size = max(size, 3)
        _household(b, size, plant)
    b.members.sort(key=lambda p: (_RANK.get(p.hubungan, 7), p.birth))
    return b.members


def _young_couple(b: _Builder) -> None:
    """Planted: a wife of 16-18 married to a head in his early twenties."""
    wife_years = b.rng.uniform(16.1, 18.8)
    head = b.add("1", "1", b.rng.uniform(20.5, 25.0), "1")
    wife = b.add("3", "2", wife_years, "1")
    if b.rng.random() < 0.5:
        baby = b.add("4", b.sex(), b.rng.uniform(0.0, wife_years - 16.05), "0")
        baby.father, baby.mother = head, wife


def _household(b: _Builder, size: int, plant: str | None) -> None:
    rng = b.rng
    female_head = plant is None and rng.random() < 0.12
    if size == 1:
        _single(b, female_head)
        return
    married = rng.random() < (0.12 if female_head else 0.94 if plant is None else 1.0)
    rest = size - 1 - (1 if married else 0)
    if plant is None and rest >= 2 and rng.random() < 0.14:
        _three_generations(b, female_head, married, rest)
        return
    parents = 0
    if plant is None and rest >= 1 and rng.random() < 0.10:
        parents = 2 if rest >= 3 and rng.random() < 0.3 else 1
    others = 1 if plant is None and rest - parents >= 1 and rng.random() < 0.07 else 0
    children = rest - parents - others
    if plant is not None:
        children = max(children, 1)
    head_sex = "2" if female_head else "1"
    head_cap = 68.0 if parents else 80.0
    if children:
        head, kids = _nuclear(b, head_sex, children, head_cap, plant)
    else:
        years = rng.uniform(21, 32) if rng.random() < 0.5 or parents else rng.uniform(55, 78)
        head = b.add("1", head_sex, min(years, head_cap), "1" if married else "0")
        kids = []
    head_years = (b.today - head.birth).days / YEAR_DAYS
    spouse = _spouse(b, head, head_years, kids) if married else None
    if not married:
        head.status_kawin = "2" if kids or head_years > 40 else "0"
    for kid in kids:
        kid.father = head if head.sex == "1" else spouse
        kid.mother = head if head.sex == "2" else spouse
    _parents(b, parents, head, head_years, spouse)
    for _ in range(others):
        _other(b, head_years)
    if plant == "warning_age_child":
        child = next(p for p in kids if p.hubungan == "4")
        child.birth = head.birth + timedelta(days=int(8 * YEAR_DAYS) + rng.randint(20, 200))
        child.status_kawin = "0"


def _single(b: _Builder, female: bool) -> None:
    rng = b.rng
    if rng.random() < (0.8 if female else 0.5):
        b.add("1", "2" if female else "1", rng.uniform(55, 85), "2")
    else:
        b.add("1", "2" if female else "1", rng.uniform(21, 38), "0")


def _nuclear(
    b: _Builder, head_sex: str, count: int, head_cap: float, plant: str | None
) -> tuple[Person, list[Person]]:
    """Head and ``count`` children; the head's age follows from the children's."""
    rng = b.rng
    first = rng.uniform(22, 34) if head_sex == "1" else rng.uniform(19, 30)
    first = min(first, 39.5 - 1.5 * (count - 1))  # room for every child 1.5 years apart
    gaps = b.gaps(count - 1, 39.5 - first)
    span = sum(gaps)
    school_age = plant == "warning_school_age"
    youngest = rng.uniform(8.3, 14.5) if school_age else 28 * rng.random() ** 1.6
    youngest = max(0.0, min(youngest, head_cap - first - span))
    head = b.add("1", head_sex, first + span + youngest, "1")
    kids: list[Person] = []
    years = youngest + span
    for order in range(count):
        draw = rng.random()
        hubungan = "4" if draw < 0.95 or plant else "5" if draw < 0.97 else "23"
        kids.append(b.add(hubungan, b.sex(), years, b.adult_status(years)))
        kids[-1].order = order
        if order < len(gaps):
            years -= gaps[order]
    return head, kids


def _spouse(b: _Builder, head: Person, head_years: float, kids: list[Person]) -> Person:
    """Wife (or husband of a female head) whose age fits every child's birth."""
    rng = b.rng
    if head.sex == "2":
        years = max(19.5, head_years + min(12.0, max(-3.0, rng.gauss(4, 3.5))))
        return b.add("2", "1", years, "1")
    oldest = max(((b.today - k.birth).days / YEAR_DAYS for k in kids), default=None)
    youngest = min(((b.today - k.birth).days / YEAR_DAYS for k in kids), default=None)
    low, high = -4.0, 12.0
    if oldest is not None and youngest is not None:
        high = min(high, head_years - oldest - 18.5)  # wife at least 18.5 at first birth
        low = max(low, head_years - youngest - 44.0)  # and at most 44 at the last
    gap = min(high, max(low, rng.gauss(4, 3.5)))
    return b.add("3", "2", max(19.5, head_years - gap), "1")


def _parents(
    b: _Builder, count: int, head: Person, head_years: float, spouse: Person | None
) -> None:
    """0-2 parents (ayah/ibu) or parents-in-law (mertua), 20-36 years older."""
    rng = b.rng
    if not count:
        return
    in_law = spouse is not None and rng.random() < 0.3
    base = head_years
    if in_law and spouse is not None:
        base = max(head_years, (b.today - spouse.birth).days / YEAR_DAYS)
    father_years = min(92.0, base + rng.uniform(22, 36))
    child = spouse if in_law and spouse is not None else head
    if count == 2:
        mother_years = max(base + 19.0, father_years - rng.uniform(0, 8))
        child.father = b.add("17" if in_law else "6", "1", father_years, "1")
        child.mother = b.add("17" if in_law else "7", "2", mother_years, "1")
        return
    sex = "2" if rng.random() < 0.7 else "1"
    hubungan = "17" if in_law else "7" if sex == "2" else "6"
    parent = b.add(hubungan, sex, min(92.0, base + rng.uniform(20, 36)), "2")
    if sex == "2":
        child.mother = parent
    else:
        child.father = parent


def _other(b: _Builder, head_years: float) -> None:
    """A nephew/niece, younger sibling, other relative or non-relative (pembantu ...)."""
    rng = b.rng
    hubungan = _OTHERS.pick(rng)
    if hubungan == "15":
        years = rng.uniform(3, max(4.0, min(25.0, head_years - 14)))
    elif hubungan == "11":
        years = max(15.0, head_years - rng.uniform(2, 14))
    elif hubungan == "19":
        years = rng.uniform(10, 70)
    else:
        years = rng.uniform(17, 50)
    status = "0" if years < 19 else "0" if rng.random() < 0.6 else rng.choice(("1", "2"))
    b.add(hubungan, b.sex(), years, status)


def _three_generations(b: _Builder, female_head: bool, married: bool, rest: int) -> None:
    """An older head, a married child (often with the menantu) and grandchildren."""
    rng = b.rng
    menantu = 1 if rest >= 3 and rng.random() < 0.85 else 0
    cucu = rest - 1 - menantu
    extra_child = 1 if cucu >= 3 and rng.random() < 0.4 else 0
    cucu -= extra_child
    head_years = max(rng.uniform(54, 78), 54.0 + 1.6 * cucu)
    head = b.add("1", "2" if female_head else "1", head_years, "1" if married else "2")
    spouse = _spouse(b, head, head_years, []) if married else None
    spouse_years = head_years if spouse is None else (b.today - spouse.birth).days / YEAR_DAYS
    mother_of_kids = head if female_head else spouse
    father_of_kids = spouse if female_head else head
    child_years = head_years - rng.uniform(20, 28)
    child_years = min(child_years, spouse_years - 19.0, head_years - 19.0)
    child_years = max(child_years, 19.0 + 1.5 * cucu + 2.5)
    child = b.add("4", b.sex(), child_years, "1")
    child.mother, child.father = mother_of_kids, father_of_kids
    partner: Person | None = None
    if menantu:
        partner_sex = "2" if child.sex == "1" else "1"
        shift = rng.uniform(0, 5)
        years = child_years - shift if partner_sex == "2" else child_years + shift
        partner = b.add("21", partner_sex, max(years, 19.0 + 1.5 * cucu + 2.5), "1")
    if extra_child:
        years = max(0.5, child_years - rng.uniform(2, 12))
        kid = b.add("4", b.sex(), years, b.adult_status(years))
        kid.mother, kid.father, kid.order = mother_of_kids, father_of_kids, 1
    parents = [p for p in (child, partner) if p is not None]
    youngest_parent = min((b.today - p.birth).days / YEAR_DAYS for p in parents)
    top = max(0.0, min(youngest_parent - 19.0, head_years - 37.0, 16.0))
    ages = sorted((rng.uniform(0, top) for _ in range(cucu)), reverse=True)
    for i in range(1, len(ages)):
        ages[i] = min(ages[i], ages[i - 1] - 1.2)
    if ages and ages[-1] < 0:
        ages = [a - ages[-1] for a in ages]
    mother = next((p for p in parents if p.sex == "2"), None)
    father = next((p for p in parents if p.sex == "1"), None)
    for order, years in enumerate(ages):
        grandchild = b.add("18", b.sex(), years, "0")
        grandchild.mother, grandchild.father, grandchild.order = mother, father, order


def build_around(rng: Random, today: date, donor: Person) -> list[Person]:
    """A young couple's new household that includes ``donor`` from an earlier household.

    This is how a NIK ends up in two Kartu Keluarga: a son or daughter marries and gets
    a new KK while still listed on the parents' one. The donor keeps name, sex, birth
    date and NIK; the partner and a possible baby are new.
    """
    b = _Builder(rng, today)
    donor_years = (today - donor.birth).days / YEAR_DAYS
    copy = Person("1" if donor.sex == "1" else "3", donor.sex, donor.birth, "1",
                  mother=donor.mother or donor.father, name=donor.name, nik=donor.nik,
                  moved_from=donor.moved_from)
    if donor.sex == "1":
        head = copy
        b.members.append(head)
        wife = b.add("3", "2", max(19.2, donor_years - rng.uniform(0, 5)), "1")
    else:
        head = b.add("1", "1", donor_years + rng.uniform(0.5, 5), "1")
        wife = copy
        b.members.append(wife)
    wife_years = (today - wife.birth).days / YEAR_DAYS
    if wife_years > 20 and rng.random() < 0.5:
        baby = b.add("4", b.sex(), rng.uniform(0, min(3.0, wife_years - 19.5)), "0")
        baby.father, baby.mother = head, wife
    b.members.sort(key=lambda p: (_RANK.get(p.hubungan, 7), p.birth))
    return b.members
