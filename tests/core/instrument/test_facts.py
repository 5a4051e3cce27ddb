"""derive_facts: one evaluation gives what the store keeps of a record; the environment's
day is read when used, so a long-lived editor judges ages on the day it is now."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desa_app.core.instrument.environment import Environment
from desa_app.core.instrument.facts import KeyFields, PersonRow, derive_facts
from desa_app.core.instrument.model import Instrument, Severity
from desa_app.core.instrument.state import FormState
from desa_app.core.paths import forms_dir

from .conftest import form_from

EXAMPLE = json.loads((forms_dir() / "examples" / "ddk_contoh.json").read_text("utf-8"))
VILLAGE = {"code": "35.01.01.2001", "name": "Sendang"}
YESTERDAY = date(2026, 11, 23)


class DayClock:
    """The laptop's calendar, moved by the test (midnight passes in one line)."""

    def __init__(self, day: date) -> None:
        self.day = day
        self.reads = 0

    def __call__(self) -> date:
        self.reads += 1
        return self.day

    def next_day(self) -> None:
        self.day += timedelta(days=1)


AGE_FORM = """
- {type: date, name: lahir, label: Tanggal lahir}
- {type: calculate, name: umur, calculation: "age(${lahir})"}
- {type: integer, name: tahun, label: Tahun,
   constraint: ". <= number(format-date(today(), '%Y'))"}
"""


# -- Environment -----------------------------------------------------------------------
def test_an_environment_without_a_day_reads_its_clock_at_each_use() -> None:
    clock = DayClock(YESTERDAY)
    env = Environment(village=VILLAGE, clock=clock)
    assert env.today == YESTERDAY and env.fixed_today is None
    clock.next_day()
    assert env.today == YESTERDAY + timedelta(days=1)


def test_an_environment_without_a_day_or_clock_reads_the_calendar() -> None:
    assert Environment(village=VILLAGE).today == date.today()


def test_a_given_day_stays_fixed_and_pinning_holds_the_day_read() -> None:
    clock = DayClock(YESTERDAY)
    fixed = Environment(today=date(2025, 12, 31), village=VILLAGE, clock=clock)
    clock.next_day()
    assert fixed.today == date(2025, 12, 31) and fixed.pinned() is fixed
    live = Environment(village=VILLAGE, clock=clock)
    pinned = live.pinned()
    clock.next_day()
    assert pinned.today == YESTERDAY + timedelta(days=1) != live.today
    assert pinned.village == VILLAGE


def test_a_long_lived_editor_state_computes_age_with_the_new_day() -> None:
    """The editor builds its environment once; past midnight a birth date typed (or a
    record opened) is judged on the new day, not on the day the editor was built."""
    instrument = form_from(AGE_FORM)
    clock = DayClock(YESTERDAY)
    env = Environment(village=VILLAGE, clock=clock)  # built "yesterday"
    state = FormState.new(instrument, env)
    clock.next_day()  # midnight: 24 November
    state.set("lahir", "2000-11-24")
    assert state.value("umur") == 26
    reopened = FormState(instrument, {"lahir": "2000-11-25"}, env)
    assert reopened.value("umur") == 25
    clock.next_day()
    assert FormState(instrument, {"lahir": "2000-11-25"}, env).value("umur") == 26


# -- derive_facts ----------------------------------------------------------------------
def test_facts_of_the_example_household_match_one_evaluation(ddk: Instrument) -> None:
    env = Environment(today=YESTERDAY, village=VILLAGE)
    facts = derive_facts(ddk, EXAMPLE, env)
    state = FormState(ddk, EXAMPLE, env)
    assert list(facts.issues) == state.issues()
    assert facts.errors == len(state.issues(Severity.ERROR))
    assert facts.warnings == len(state.issues(Severity.WARNING))
    assert facts.export_values == state.export_values()
    assert facts.today == YESTERDAY
    assert facts.keys == KeyFields(
        no_kk=EXAMPLE["no_kk"], nama_kk=EXAMPLE["nama_kk"], dusun=EXAMPLE["dusun"],
        rt=EXAMPLE["rt"], rw=EXAMPLE["rw"], member_count=len(EXAMPLE["anggota"]))
    first = EXAMPLE["anggota"][0]
    assert facts.people[0] == PersonRow(0, first["nik"], first["nama"],
                                        first["jenis_kelamin"], first["tgl_lahir"])
    assert len(facts.people) == len(EXAMPLE["anggota"])


def test_facts_count_errors_and_warnings(ddk: Instrument) -> None:
    broken = {**EXAMPLE, "no_kk": "12"}
    facts = derive_facts(ddk, broken, Environment(today=YESTERDAY, village=VILLAGE))
    assert facts.errors >= 1
    assert any(i.name == "no_kk" for i in facts.issues_of(Severity.ERROR))
    assert facts.errors + facts.warnings == len(facts.issues)


def test_one_evaluation_is_judged_on_one_day() -> None:
    """A clock that turns at every read still gives one day to the whole record."""

    class TurningClock(DayClock):
        def __call__(self) -> date:
            self.next_day()
            return super().__call__()

    instrument = form_from("""
    - {type: calculate, name: a, calculation: "format-date(today(), '%Y-%m-%d')"}
    - {type: calculate, name: b, calculation: "format-date(today(), '%Y-%m-%d')"}
    """)
    clock = TurningClock(YESTERDAY)
    facts = derive_facts(instrument, {}, Environment(village=VILLAGE, clock=clock))
    assert clock.reads == 1
    assert facts.export_values == {"a": facts.today.isoformat(), "b": facts.today.isoformat()}


def test_derive_facts_reads_the_day_at_each_call() -> None:
    instrument = form_from(AGE_FORM)
    clock = DayClock(date(2026, 12, 31))
    env = Environment(village=VILLAGE, clock=clock)
    assert derive_facts(instrument, {"tahun": 2027}, env).errors == 1
    clock.next_day()  # new year
    later = derive_facts(instrument, {"tahun": 2027}, env)
    assert later.errors == 0 and later.today == date(2027, 1, 1)


def test_key_fields_follow_the_definitions_settings() -> None:
    village_form = form_from("""
    - type: begin_group
      name: umum
      label: Umum
      children:
        - {type: integer, name: tahun, label: Tahun}
        - {type: text, name: catatan, label: Catatan}
    """, 'settings: {form_id: p, version: "1", form_title: P, kind: village, '
         "record_keys: {period: tahun}}\nsurvey:\n")
    facts = derive_facts(village_form, {"tahun": 2026, "catatan": " x "},
                         Environment(today=YESTERDAY))
    assert facts.keys == KeyFields(None, None, None, None, None, 0, period="2026")
    assert facts.people == ()
    plain = form_from("- {type: text, name: kk, label: KK}")
    assert derive_facts(plain, {"kk": "1"}, Environment(today=YESTERDAY)).keys == KeyFields(
        None, None, None, None, None, 0)


def test_key_fields_are_cut_to_their_columns_and_blank_is_none(ddk: Instrument) -> None:
    answers: dict[str, Any] = {**EXAMPLE, "nama_kk": "  ", "rt": "0123456789",
                               "anggota": [{"nama": "A" * 300}, "not a member"]}
    facts = derive_facts(ddk, answers, Environment(today=YESTERDAY, village=VILLAGE))
    assert facts.keys.nama_kk is None and facts.keys.rt == "01234567"
    assert facts.keys.member_count == 2
    assert [(p.position, p.name) for p in facts.people] == [(0, "A" * 200)]


@pytest.fixture(scope="module")
def small_household() -> Instrument:
    return form_from("""
    - {type: text, name: kk, label: KK, required: true, constraint: "string-length(.) = 4"}
    - type: begin_repeat
      name: anggota
      label: Anggota
      children:
        - {type: text, name: nama, label: Nama, required: true}
        - {type: date, name: lahir, label: Lahir}
        - {type: calculate, name: umur, calculation: "age(${lahir})"}
        - type: integer
          name: anak
          label: Anak
          checks: [{rule: ". < 20", message: "Banyak sekali", severity: warning}]
    """, 'settings: {form_id: k, version: "1", form_title: K, '
         "record_keys: {no_kk: kk, members: anggota}, "
         "person_index: {repeat: anggota, name: nama, birth_date: lahir}}\nsurvey:\n")


MEMBER = st.fixed_dictionaries({}, optional={
    "nama": st.sampled_from(["", "Sri", "Budi"]),
    "lahir": st.sampled_from(["1990-02-28", "2030-01-01", "bukan tanggal"]),
    "anak": st.integers(-1, 30),
})
ANSWERS = st.fixed_dictionaries({}, optional={
    "kk": st.sampled_from(["", "1234", "12", "abcd"]),
    "anggota": st.lists(MEMBER, max_size=4),
})


@settings(max_examples=60, deadline=None)
@given(answers=ANSWERS)
def test_facts_agree_with_a_fresh_evaluation(small_household: Instrument,
                                             answers: dict[str, Any]) -> None:
    env = Environment(today=YESTERDAY)
    facts = derive_facts(small_household, answers, env)
    state = FormState(small_household, answers, env)
    assert list(facts.issues) == state.issues()
    assert (facts.errors, facts.warnings) == (len(state.issues(Severity.ERROR)),
                                              len(state.issues(Severity.WARNING)))
    assert facts.export_values == state.export_values()
    assert facts.keys.member_count == len(answers.get("anggota", []))
    assert [p.position for p in facts.people] == list(range(len(answers.get("anggota", []))))
