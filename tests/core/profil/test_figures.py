"""The "hitung dari DDK" figures against direct counts on a demo village.

Two independent checks: plain SQL over the stored export values (``json_each``) for the
headline figures (people by sex, KK, religion), and, for *every* figure of every shipped
village form, a deliberately naive evaluation written here (one loop per figure, no
grouping) over the same verified households.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

import pytest

from desa_app.core.instrument.model import Field, Instrument
from desa_app.core.instrument.prefill_spec import Condition
from desa_app.core.instrument.registry import get_instrument
from desa_app.core.profil.check import check_figures
from desa_app.core.profil.figures import figure_fields
from desa_app.core.profil.service import Profil, village_instruments

from .conftest import TODAY, DemoVillage

DONE = "deleted = 0 AND kind = 'household' AND status IN ('verified', 'entered')"


def sql(demo: DemoVillage, query: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(demo.path) as con:
        return con.execute(query).fetchall()


def households(demo: DemoVillage) -> list[dict[str, Any]]:
    return [json.loads(text) for (text,) in sql(
        demo, f"SELECT export_answers FROM record WHERE {DONE}")]


def naive_age(born: Any, on: date) -> int | None:
    if not isinstance(born, str):
        return None
    year, month, day = (int(part) for part in born.split("-"))
    if (year, month, day) > (on.year, on.month, on.day):
        return None
    return on.year - year - (1 if (on.month, on.day) < (month, day) else 0)


def naive_holds(condition: Condition, value: Any) -> bool:
    blank = value in (None, "", [])
    if condition.answered is not None:
        if blank == condition.answered:
            return False
        if blank:
            return True
    if blank:
        return False
    ticked = [str(v).strip().lower() for v in (value if isinstance(value, list) else [value])]
    if condition.codes and not any(v in {c.lower() for c in condition.codes} for v in ticked):
        return False
    if condition.excluded and any(v in {c.lower() for c in condition.excluded}
                                  for v in ticked):
        return False
    if condition.minimum is not None and float(value) < condition.minimum:
        return False
    return not (condition.maximum is not None and float(value) > condition.maximum)


def naive_figure(field: Field, ddk: Instrument, data: list[dict[str, Any]],
                 on: date) -> float:
    spec = field.from_ddk
    assert spec is not None
    members_repeat = ddk.settings["person_index"]["repeat"]
    in_members = {f.name for f in ddk.fields()
                  if any(r.name == members_repeat for r in f.repeats)} | {"umur"}
    per_person = spec.unit == "anggota" or (spec.sum is not None and spec.sum in in_members)
    total = 0.0
    for household in data:
        units = ([{**household, **person, "umur": naive_age(person.get("tgl_lahir"), on)}
                  for person in household.get(members_repeat, [])]
                 if per_person else [household])
        for unit in units:
            if all(naive_holds(c, unit.get(c.question)) for c in spec.where):
                if spec.sum is None:
                    total += 1
                elif unit.get(spec.sum) not in (None, ""):
                    total += float(unit[spec.sum])
    return total


@pytest.fixture(scope="module")
def counted(demo: DemoVillage) -> dict[str, Any]:
    profil = Profil(demo.store)
    return {form.id: profil.ddk_figures(demo.actors["agen1"], form, 2026, today=TODAY)
            for form in village_instruments()}


def test_shipped_village_forms_exist_and_name_real_ddk_questions() -> None:
    forms = {form.id for form in village_instruments()}
    assert {"potensi", "perkembangan"} <= forms
    ddk = get_instrument("ddk")
    for form in village_instruments():
        assert form.settings.get("prefill_from") == "ddk"
        assert figure_fields(form), f"{form.id} has no figure counted from DDK"
        assert check_figures(form, ddk) == []


def test_counted_over_verified_households_only(demo: DemoVillage,
                                               counted: dict[str, Any]) -> None:
    ((expected_households,),) = sql(demo, f"SELECT count(*) FROM record WHERE {DONE}")
    ((expected_people,),) = sql(
        demo, f"SELECT count(*) FROM record, json_each(record.export_answers, '$.anggota') "
              f"WHERE {DONE}")
    ((all_records,),) = sql(demo, "SELECT count(*) FROM record WHERE deleted = 0")
    assert 0 < expected_households < all_records  # the demo has every status
    for figures in counted.values():
        assert (figures.households, figures.people) == (expected_households, expected_people)
        assert figures.on == TODAY  # 31 Dec 2026 is later than today


def _figure_named_by_spec(form: Instrument, unit: str, where: dict[str, str]) -> str:
    """The question whose from_ddk is exactly this count (names are the form's business)."""
    for field in figure_fields(form):
        spec = field.from_ddk
        assert spec is not None
        shape = {c.question: "/".join(sorted(c.codes)) for c in spec.where}
        if spec.unit == unit and spec.sum is None and shape == where:
            return field.name
    raise AssertionError(f"{form.id}: no figure counting {unit} where {where}")


def test_headline_figures_equal_plain_sql(demo: DemoVillage, counted: dict[str, Any]) -> None:
    people = f"FROM record, json_each(record.export_answers, '$.anggota') AS p WHERE {DONE}"
    by_sex = dict(sql(demo, f"SELECT json_extract(p.value, '$.jenis_kelamin'), count(*) "
                            f"{people} GROUP BY 1"))
    heads = dict(sql(demo, f"SELECT json_extract(p.value, '$.jenis_kelamin'), count(*) {people}"
                           " AND json_extract(p.value, '$.hubungan') = '1' GROUP BY 1"))
    ((families,),) = sql(demo, f"SELECT count(*) FROM record WHERE {DONE}")
    potensi = get_instrument("potensi")
    values = counted["potensi"].values
    assert values[_figure_named_by_spec(potensi, "anggota", {"jenis_kelamin": "1"})] \
        == by_sex["1"]
    assert values[_figure_named_by_spec(potensi, "anggota", {"jenis_kelamin": "2"})] \
        == by_sex["2"]
    perkembangan = get_instrument("perkembangan")
    kk = counted["perkembangan"].values
    assert sum(heads.values()) == families  # one head per household in the demo
    for sex in ("1", "2"):
        name = _figure_named_by_spec(perkembangan, "anggota",
                                     {"hubungan": "1", "jenis_kelamin": sex})
        assert kk[name] == heads.get(sex, 0)


def test_every_figure_equals_a_naive_count(demo: DemoVillage,
                                           counted: dict[str, Any]) -> None:
    ddk = get_instrument("ddk")
    data = households(demo)
    checked = nonzero = 0
    for form in village_instruments():
        values = counted[form.id].values
        assert set(values) == {f.name for f in figure_fields(form)}
        for field in figure_fields(form):
            expected = naive_figure(field, ddk, data, TODAY)
            assert values[field.name] == pytest.approx(expected), field.name
            checked += 1
            nonzero += expected != 0
    assert checked > 100 and nonzero > 50  # the demo exercises most figures


def test_ages_are_taken_at_the_end_of_the_record_year(demo: DemoVillage) -> None:
    """For 2025 the ages are those of 31 Dec 2025: a child born in 2026 is not counted."""
    potensi = get_instrument("potensi")
    last_year = Profil(demo.store).ddk_figures(demo.actors["agen1"], potensi, 2025,
                                               today=TODAY)
    assert last_year.on == date(2025, 12, 31)
    ddk = get_instrument("ddk")
    data = households(demo)
    for field in figure_fields(potensi):
        assert field.from_ddk is not None
        if any(c.question == "umur" for c in field.from_ddk.where):
            assert last_year.values[field.name] == pytest.approx(
                naive_figure(field, ddk, data, date(2025, 12, 31))), field.name
