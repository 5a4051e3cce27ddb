"""Live identity warnings while typing: which other live households already hold a NIK
or a No. KK, served by the person.nik and record.no_kk indexes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, update

from desa_app.core.store.models import Record
from desa_app.core.store.queries import IdentityHit
from desa_app.core.workflow import Role, Status

from .conftest import Village, assert_only


def test_nik_found_in_other_live_households(village: Village) -> None:
    records, queries = village.store.records, village.store.queries
    mine = village.other_household(dusun="Krajan", rt="002", rw="001")
    shared = mine["anggota"][1]["nik"]
    other = village.other_household(dusun="Ngasem", rt="004", rw="002")
    other["anggota"][2]["nik"] = shared  # the same person written into another household
    mine_id = records.create(village.enumerator, "ddk", mine).id
    other_id = records.create(village.enumerator, "ddk", other).id
    records.submit(village.enumerator, other_id)

    hits = queries.households_with_nik(village.enumerator, shared, mine_id)
    assert hits == [IdentityHit(
        record_id=other_id, no_kk=other["no_kk"], nama_kk=other["nama_kk"], dusun="Ngasem",
        rt="004", rw="002", status=Status.SUBMITTED, member=3,
        member_name=other["anggota"][2]["nama"])]
    # without exclusion the record being edited is found too, with its own member number
    both = queries.households_with_nik(village.enumerator, f"  {shared} ", None)
    assert sorted((h.record_id, h.member) for h in both) == sorted(
        [(mine_id, 2), (other_id, 3)])
    # a NIK only in the record being edited: nothing to warn about
    assert queries.households_with_nik(
        village.enumerator, mine["anggota"][0]["nik"], mine_id) == []
    assert queries.households_with_nik(village.enumerator, "", None) == []
    assert queries.households_with_nik(village.enumerator, shared[:10], None) == []  # exact


def test_no_kk_found_in_other_live_households(village: Village) -> None:
    records, queries = village.store.records, village.store.queries
    first = village.other_household()
    second = village.other_household(nama_kk="Kepala Dua", dusun="Kidul")
    second["no_kk"] = first["no_kk"]  # the same family card written twice
    first_id = records.create(village.enumerator, "ddk", first).id
    second_id = records.create(village.enumerator2, "ddk", second).id

    [hit] = queries.households_with_no_kk(village.enumerator, first["no_kk"], first_id)
    assert (hit.record_id, hit.nama_kk, hit.dusun, hit.status) == (
        second_id, "Kepala Dua", "Kidul", Status.DRAFT)
    assert hit.member is None and hit.member_name is None
    assert {h.record_id for h in queries.households_with_no_kk(
        village.viewer, f"{first['no_kk']}\n", None)} == {first_id, second_id}
    assert queries.households_with_no_kk(village.viewer, " ", None) == []


def test_deleted_and_village_records_are_not_hits(village: Village) -> None:
    records, queries = village.store.records, village.store.queries
    answers = village.other_household()
    nik, no_kk = answers["anggota"][0]["nik"], answers["no_kk"]
    gone = records.create(village.enumerator, "ddk", answers).id
    records.delete(village.admin, gone, "ganda")
    assert queries.households_with_nik(village.enumerator, nik, None) == []
    assert queries.households_with_no_kk(village.enumerator, no_kk, None) == []
    records.restore(village.admin, gone)
    assert len(queries.households_with_nik(village.enumerator, nik, None)) == 1
    with village.store.db.write() as session:  # as if it were not a household record
        session.execute(update(Record).where(Record.id == gone).values(kind="village"))
    assert queries.households_with_nik(village.enumerator, nik, None) == []
    assert queries.households_with_no_kk(village.enumerator, no_kk, None) == []


def test_every_role_that_may_view_may_look_up(village: Village) -> None:
    records = village.store.records
    answers = village.other_household()
    records.create(village.enumerator, "ddk", answers)
    queries = village.store.queries
    assert_only(village, set(Role), lambda actor: queries.households_with_nik(
        actor, answers["anggota"][0]["nik"], None))
    assert_only(village, set(Role), lambda actor: queries.households_with_no_kk(
        actor, answers["no_kk"], None))
    village.store.users.set_active(village.admin, "agen2", False)
    for call in (queries.households_with_nik, queries.households_with_no_kk):
        try:
            call(village.enumerator2, "1", None)
        except Exception as error:  # a deactivated account is refused, as in other reads
            assert "tidak aktif" in str(error)
        else:
            raise AssertionError("a deactivated account could look up identities")


@contextmanager
def statements(village: Village) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []
    engine = village.store.db.engine

    def remember(_conn: Any, _cursor: Any, sql: str, params: Any, _ctx: Any,
                 _many: bool) -> None:
        seen.append((sql, params))

    event.listen(engine, "before_cursor_execute", remember)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", remember)


def query_plans(village: Village, call: Callable[[], object]) -> list[str]:
    with statements(village) as seen:
        call()
    connection = village.store.db.raw_connection()
    try:
        cursor = connection.cursor()
        plans = []
        for sql, params in seen:
            if sql.lstrip().upper().startswith("SELECT"):
                cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
                plans += [str(row[-1]) for row in cursor.fetchall()]
        return plans
    finally:
        connection.close()


def test_lookups_use_the_indexes(village: Village) -> None:
    records, queries = village.store.records, village.store.queries
    for _ in range(3):
        records.create(village.enumerator, "ddk", village.other_household())
    answers = village.other_household()
    records.create(village.enumerator, "ddk", answers)
    calls = {
        "ix_person_nik": lambda: queries.households_with_nik(
            village.viewer, answers["anggota"][0]["nik"], "x"),
        "ix_record_no_kk": lambda: queries.households_with_no_kk(
            village.viewer, answers["no_kk"], "x"),
    }
    for statistics in (False, True):  # a fresh file has none until it is closed once
        if statistics:
            village.store.db.refresh_statistics(full=True)
        for index, call in calls.items():
            plans = query_plans(village, call)
            assert not [p for p in plans if p.startswith("SCAN")], plans
            assert any(f"USING INDEX {index}" in p for p in plans), plans
