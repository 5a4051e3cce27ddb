"""The store derives a record's counts, export values and key fields itself, on every
save, create, bulk write and workflow step; nothing a screen computed can reach it."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from desa_app.core.instrument.facts import RecordFacts, derive_facts
from desa_app.core.instrument.registry import get_instrument
from desa_app.core.store import service
from desa_app.core.store.bulk import BulkRecord, prepare, write_records
from desa_app.core.store.models import Person, Record
from desa_app.core.store.service import village_environment

from .conftest import EXAMPLE, Village

AT = datetime(2026, 11, 23, 9, 0, 0)


def stored_facts(village: Village, record_id: str) -> tuple[Record, RecordFacts]:
    """The record row and what derive_facts makes of its stored answers now."""
    with village.store.db.read() as session:
        row = session.get(Record, record_id)
        assert row is not None
        facts = derive_facts(get_instrument(row.instrument_id), row.answers,
                             village_environment(session))
        session.expunge(row)
    return row, facts


def assert_row_matches(village: Village, record_id: str) -> RecordFacts:
    row, facts = stored_facts(village, record_id)
    assert (row.error_count, row.warning_count) == (facts.errors, facts.warnings)
    assert row.export_answers == facts.export_values
    keys = facts.keys
    assert (row.no_kk, row.nama_kk, row.dusun, row.rt, row.rw, row.member_count) == (
        keys.no_kk, keys.nama_kk, keys.dusun, keys.rt, keys.rw, keys.member_count)
    with village.store.db.read() as session:
        people = session.execute(select(Person.position, Person.nik, Person.name)
                                 .where(Person.record_id == record_id)
                                 .order_by(Person.position)).all()
    assert [tuple(p) for p in people] == [(p.position, p.nik, p.name) for p in facts.people]
    return facts


def test_the_store_takes_answers_only(village: Village) -> None:
    """The summary parameter is gone: a count computed elsewhere has no way in."""
    records = village.store.records
    assert not hasattr(service, "Summary")
    lie: dict[str, Any] = {"summary": object()}
    with pytest.raises(TypeError):
        records.create(village.enumerator, "ddk", village.household(), **lie)
    record = records.create(village.enumerator, "ddk", village.household())
    with pytest.raises(TypeError):
        records.save(village.enumerator, record.id, village.household(rt="9"), **lie)


def test_create_and_save_store_the_facts_of_the_saved_answers(village: Village) -> None:
    records = village.store.records
    record = records.create(village.enumerator, "ddk", village.household(no_kk="12"))
    facts = assert_row_matches(village, record.id)
    assert facts.errors >= 1
    answers = village.household()
    answers["anggota"] = answers["anggota"][:2]
    records.save(village.enumerator, record.id, answers, "dua anggota")
    facts = assert_row_matches(village, record.id)
    assert facts.keys.member_count == 2


def test_a_workflow_step_replaces_numbers_it_did_not_derive(village: Village) -> None:
    """Whatever the row says (an older app, a hand edit), submit and verify judge the
    answers again and store what they found."""
    records = village.store.records
    record = records.create(village.enumerator, "ddk", village.other_household())
    with village.store.db.write() as session:
        session.execute(update(Record).where(Record.id == record.id).values(
            error_count=99, warning_count=42, export_answers={"palsu": 1},
            member_count=0, nama_kk="Salah"))
    records.submit(village.enumerator, record.id)
    assert_row_matches(village, record.id)
    with village.store.db.write() as session:
        session.execute(update(Record).where(Record.id == record.id).values(
            error_count=0, warning_count=0, export_answers=None))
    records.verify(village.verifier, record.id)
    assert_row_matches(village, record.id)


def test_submit_refuses_on_the_stores_own_count(village: Village) -> None:
    from desa_app.core import errors as E

    records = village.store.records
    record = records.create(village.enumerator, "ddk", village.household(no_kk="12"))
    with village.store.db.write() as session:
        session.execute(update(Record).where(Record.id == record.id).values(error_count=0))
    with pytest.raises(E.WorkflowError, match="galat"):
        records.submit(village.enumerator, record.id)


def test_bulk_writes_derive_their_facts(village: Village) -> None:
    ddk = get_instrument("ddk")
    plain = BulkRecord(answers=village.other_household(no_kk="12"),
                       created_by=village.enumerator.id)
    with village.store.db.read() as session:
        env = village_environment(session)
    prepared = prepare(ddk, [BulkRecord(answers=village.other_household(),
                                        created_by=village.enumerator.id)], env)
    with village.store.db.write() as session:
        ids = write_records(session, ddk, [plain, *prepared], AT)
    assert assert_row_matches(village, ids[0]).errors >= 1
    assert assert_row_matches(village, ids[1]).errors == prepared[0].facts.errors


def test_bulk_refuses_facts_prepared_for_another_form(village: Village) -> None:
    potensi = get_instrument("potensi")
    with village.store.db.read() as session:
        env = village_environment(session)
    prepared = prepare(potensi, [BulkRecord(answers={}, created_by=village.admin.id)], env)
    with village.store.db.write() as session, pytest.raises(ValueError, match="potensi"):
        write_records(session, get_instrument("ddk"), prepared, AT)


def _variant(choices: dict[str, Any]) -> dict[str, Any]:
    answers = copy.deepcopy(EXAMPLE)
    members = answers["anggota"][: choices["members"]]
    for index in choices["no_nik"]:
        if index < len(members):
            members[index].pop("nik", None)
    for index in choices["born_later"]:
        if index < len(members):
            members[index]["tgl_lahir"] = "2031-01-01"
    answers["anggota"] = members
    answers.update(choices["top"])
    return answers


VARIANTS = st.fixed_dictionaries({
    "members": st.integers(0, len(EXAMPLE["anggota"])),
    "no_nik": st.sets(st.integers(0, 7), max_size=3),
    "born_later": st.sets(st.integers(0, 7), max_size=2),
    "top": st.fixed_dictionaries({}, optional={
        "no_kk": st.sampled_from(["", "12", "3501010101010001", EXAMPLE["no_kk"]]),
        "rt": st.sampled_from(["", "3", "003"]),
        "nama_kk": st.sampled_from(["", "Suparman", "Bu Sri"]),
        "penghasilan": st.sampled_from(["", "1", "99"]),
    }),
})


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(choices=VARIANTS)
def test_stored_facts_always_equal_derive_facts(village: Village,
                                                choices: dict[str, Any]) -> None:
    records = village.store.records
    record = records.create(village.enumerator, "ddk", _variant(choices))
    assert_row_matches(village, record.id)
    records.save(village.enumerator, record.id, _variant({**choices, "members": 1}))
    assert_row_matches(village, record.id)
