"""The review workflow through the service layer: statuses, notes, duties, history."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text

from desa_app.core import errors as E
from desa_app.core.store.models import AuditEvent, Person, Record
from desa_app.core.workflow import Status

from .conftest import Village


def submitted(village: Village) -> str:
    record = village.store.records.create(village.enumerator, "ddk", village.household())
    village.store.records.submit(village.enumerator, record.id)
    return record.id


def test_full_path_draft_to_entered(village: Village) -> None:
    records = village.store.records
    record = records.create(village.enumerator, "ddk", village.household())
    assert record.status is Status.DRAFT and record.revision == 1
    assert records.submit(village.enumerator, record.id) is Status.SUBMITTED
    assert records.return_record(village.verifier, record.id, "Cek tanggal lahir anak kedua",
                                 "anggota[4]/tgl_lahir") is Status.RETURNED
    records.save(village.enumerator, record.id, village.household(alamat="RT 2"), "perbaikan")
    assert records.submit(village.enumerator, record.id) is Status.SUBMITTED
    assert records.verify(village.verifier, record.id) is Status.VERIFIED
    assert records.mark_entered(village.admin, record.id, date(2026, 12, 1)) is Status.ENTERED
    with village.store.db.read() as session:
        row = session.get(Record, record.id)
        assert row is not None and row.entered_on == date(2026, 12, 1)
        assert row.entered_by == village.admin.id
        actions = list(session.execute(
            select(AuditEvent.action).where(AuditEvent.entity_id == record.id)).scalars())
    assert actions == ["record.create", "record.submit", "record.return", "record.save",
                       "record.submit", "record.verify", "record.mark_entered"]


def test_return_needs_a_note(village: Village) -> None:
    record_id = submitted(village)
    with pytest.raises(E.WorkflowError, match="minimal satu catatan"):
        village.store.records.return_record(village.verifier, record_id)
    village.store.records.add_note(village.pembina, record_id, "NIK ibu perlu dicek")
    assert village.store.records.return_record(village.verifier, record_id) is Status.RETURNED


def test_nobody_verifies_what_they_created_or_last_edited(village: Village) -> None:
    record_id = submitted(village)
    records = village.store.records
    records.save(village.verifier, record_id, village.household(rt="003"), "koreksi Tim")
    with pytest.raises(E.WorkflowError, match="Pemisahan tugas"):
        records.verify(village.verifier, record_id)
    assert records.verify(village.verifier2, record_id) is Status.VERIFIED


def test_submission_is_refused_while_errors_remain(village: Village) -> None:
    answers = village.household()
    answers["anggota"][1]["nik"] = "12345"
    record = village.store.records.create(village.enumerator, "ddk", answers)
    with pytest.raises(E.WorkflowError, match=r"Masih ada \d+ galat: anggota\[2\]/nik"):
        village.store.records.submit(village.enumerator, record.id)
    assert village.store.records.load(village.enumerator, record.id).status is Status.DRAFT


def test_duplicate_nik_in_the_village_blocks_verification(village: Village) -> None:
    first = submitted(village)
    other = village.household(no_kk="3501010101200001", nama_kk="Lain")
    other["anggota"] = other["anggota"][:1]
    other["anggota"][0]["nama"] = "Lain"
    second = village.store.records.create(village.enumerator, "ddk", other)
    village.store.records.submit(village.enumerator, second.id)
    nik = other["anggota"][0]["nik"]
    duplicates = village.store.queries.duplicate_niks(village.viewer)
    assert set(duplicates) == {nik} and len(duplicates[nik]) == 2
    with pytest.raises(E.WorkflowError, match=f"NIK ganda .*{nik}"):
        village.store.records.verify(village.verifier, second.id)
    village.store.records.delete(village.admin, first, "rekaman ganda")
    assert village.store.queries.duplicate_niks(village.viewer) == {}
    assert village.store.records.verify(village.verifier, second.id) is Status.VERIFIED


def test_status_rules(village: Village) -> None:
    record_id = submitted(village)
    records = village.store.records
    with pytest.raises(E.WorkflowError, match="tidak dapat diubah"):
        records.save(village.enumerator, record_id, village.household(rt="9"))
    with pytest.raises(E.WorkflowError, match="Tidak dapat menandai"):
        records.mark_entered(village.admin, record_id)
    with pytest.raises(E.WorkflowError, match="menyerahkan"):
        records.submit(village.admin, record_id)
    records.verify(village.verifier, record_id)
    with pytest.raises(E.WorkflowError):
        records.save(village.verifier, record_id, village.household(rt="9"))
    records.return_record(village.verifier2, record_id, "Dibuka lagi: salah RT")
    assert records.load(village.viewer, record_id).status is Status.RETURNED


def test_history_keeps_every_version_chained_by_hash(village: Village) -> None:
    records = village.store.records
    record = records.create(village.enumerator, "ddk", village.household())
    records.save(village.enumerator, record.id, village.household(rt="005"), "RT salah")
    unchanged = records.save(village.enumerator, record.id, village.household(rt="005"))
    assert unchanged.revision == 2  # nothing changed, no new revision
    records.save(village.enumerator2, record.id, village.household(rt="004"), "pindah")
    history = records.history(village.pembina, record.id)
    assert [(h.revision, h.answers["rt"], h.reason) for h in history] == [
        (1, village.household()["rt"], "dibuat"),
        (2, "005", "RT salah"), (3, "004", "pindah")]
    assert history[0].parent_hash is None
    assert [h.parent_hash for h in history[1:]] == [h.hash for h in history[:-1]]
    assert history[2].author_id == village.enumerator2.id
    with village.store.db.read() as session:
        row = session.get(Record, record.id)
        assert row is not None and row.head_hash == history[-1].hash and row.revision == 3


def test_optimistic_concurrency(village: Village) -> None:
    records = village.store.records
    record = records.create(village.enumerator, "ddk", village.household())
    records.save(village.enumerator2, record.id, village.household(rt="7"), "", 1)
    with pytest.raises(E.WorkflowError, match="sudah diubah orang lain"):
        records.save(village.enumerator, record.id, village.household(rt="8"), "", 1)


def test_person_index_and_key_fields_follow_saves(village: Village) -> None:
    records = village.store.records
    record = records.create(village.enumerator, "ddk", village.household())
    answers = village.household(nama_kk="Suparman Baru")
    answers["anggota"] = answers["anggota"][:3]
    records.save(village.enumerator, record.id, answers)
    with village.store.db.read() as session:
        row = session.get(Record, record.id)
        assert row is not None
        assert (row.nama_kk, row.member_count, row.no_kk) == (
            "Suparman Baru", 3, answers["no_kk"])
        names = list(session.execute(select(Person.name).where(Person.record_id == record.id)
                                     .order_by(Person.position)).scalars())
    assert names == [m["nama"] for m in answers["anggota"]]
    assert village.store.queries.search_people(village.viewer, "Rina") == []  # removed
    assert village.store.queries.search_people(village.viewer, "And")[0].position == 2


def test_soft_delete_and_restore(village: Village) -> None:
    records = village.store.records
    record = records.create(village.enumerator, "ddk", village.household())
    with pytest.raises(E.InvalidInput, match="alasan"):
        records.delete(village.admin, record.id, "  ")
    records.delete(village.admin, record.id, "keluarga pindah")
    assert village.store.queries.page(village.viewer).total == 0
    assert village.store.queries.page(village.viewer, deleted=True).total == 1
    with pytest.raises(E.WorkflowError, match="sudah dihapus"):
        records.save(village.enumerator, record.id, village.household(rt="5"))
    records.restore(village.admin, record.id)
    assert village.store.queries.page(village.viewer).total == 1
    with village.store.db.read() as session:
        assert session.execute(text("SELECT count(*) FROM record")).scalar_one() == 1


def test_notes_are_append_only(village: Village) -> None:
    record_id = submitted(village)
    records = village.store.records
    with pytest.raises(E.InvalidInput):
        records.add_note(village.verifier, record_id, " ")
    note = records.add_note(village.verifier, record_id, "Periksa RT", "rt")
    records.resolve_note(village.verifier, note)
    with pytest.raises(E.WorkflowError, match="sudah ditandai selesai"):
        records.resolve_note(village.verifier2, note)
    (saved,) = records.notes(village.viewer, record_id)
    assert saved.text == "Periksa RT" and saved.field_path == "rt"
    assert saved.resolved_by == village.verifier.id
