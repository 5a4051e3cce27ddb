"""The whole review cycle with two users, every step also tried by the wrong role."""

from __future__ import annotations

from datetime import date

import pytest

from desa_app.core import errors as E
from desa_app.core.instrument.diff import answer_changes
from desa_app.core.instrument.registry import get_instrument
from desa_app.core.store.verification import Verification
from desa_app.core.workflow import Status

from .conftest import Village


def test_full_cycle_with_wrong_roles_refused(village: Village) -> None:
    records = village.store.records
    verification = Verification(village.store.db, village.clock)
    record = records.create(village.enumerator, "ddk", village.other_household())
    rid = record.id

    with pytest.raises(E.PermissionDenied):
        records.submit(village.pembina, rid)
    with pytest.raises(E.PermissionDenied):
        records.submit(village.verifier, rid)  # a draft is not the Tim's to hand in
    records.submit(village.enumerator, rid)
    assert [q.record_id for q in verification.queue(village.verifier)] == [rid]

    with pytest.raises(E.PermissionDenied):
        records.return_record(village.enumerator, rid, "x")
    with pytest.raises(E.PermissionDenied):
        records.return_record(village.pembina, rid, "x")
    records.add_note(village.verifier, rid, "Tanggal lahir tidak sesuai KK", "anggota[3]/tgl_lahir")
    records.add_note(village.verifier, rid, "Alamat kurang lengkap", "alamat")
    assert records.return_record(village.verifier, rid) is Status.RETURNED

    notes = records.notes(village.enumerator, rid)  # the enumerator sees them
    assert [(n.field_path, n.resolved_at) for n in notes] == [
        ("anggota[3]/tgl_lahir", None), ("alamat", None)]
    returned_first = village.store.queries.page(village.enumerator, returned_first=True)
    assert returned_first.rows[0].id == rid

    answers = records.load(village.enumerator, rid).answers
    answers["anggota"][2]["tgl_lahir"] = "2000-02-20"
    answers["anggota"][2]["nik"] = answers["anggota"][2]["nik"][:6] + "200200" + \
        answers["anggota"][2]["nik"][12:]
    answers["alamat"] = "Dusun Krajan RT 002 RW 001, Widoro"
    records.save(village.enumerator, rid, answers, "perbaikan sesuai catatan")
    with pytest.raises(E.PermissionDenied):
        records.resolve_note(village.pembina, notes[0].id)
    for note in notes:
        records.resolve_note(village.enumerator, note.id)
    records.submit(village.enumerator, rid)

    changes = verification.changes_since_return(village.verifier, rid)
    by_path = {c.path: c for c in changes}
    assert set(by_path) == {"alamat", "anggota[3]/tgl_lahir", "anggota[3]/nik"}
    assert by_path["anggota[3]/tgl_lahir"].old == "20/01/2000"
    assert by_path["anggota[3]/tgl_lahir"].new == "20/02/2000"
    assert "2.1.8 Tanggal Lahir" in by_path["anggota[3]/tgl_lahir"].label
    assert by_path["alamat"].who == "Agen1"

    with pytest.raises(E.PermissionDenied):
        records.verify(village.enumerator, rid)
    with pytest.raises(E.PermissionDenied):
        records.verify(village.admin, rid)
    assert records.verify(village.verifier, rid) is Status.VERIFIED

    with pytest.raises(E.PermissionDenied):
        verification.mark_entered(village.enumerator, [rid], date(2026, 12, 1))
    result = verification.mark_entered(village.admin, [rid], date(2026, 12, 1))
    assert result.done == [rid] and result.refused == []
    assert verification.entry_progress(village.viewer) == {"verified": 0, "entered": 1}


def test_bulk_approval_only_takes_records_without_warnings(village: Village) -> None:
    records = village.store.records
    verification = Verification(village.store.db, village.clock)
    clean = records.create(village.enumerator, "ddk", village.other_household()).id
    odd = village.other_household()
    odd["anggota"][2]["tgl_lahir"] = "1990-01-20"  # anak 15 years younger than the head
    warned = records.create(village.enumerator, "ddk", odd).id
    for rid in (clean, warned):
        records.submit(village.enumerator, rid)
    candidates = verification.bulk_candidates(village.verifier, [clean, warned])
    assert candidates.done == [clean] and candidates.refused[0][0] == warned
    with pytest.raises(E.PermissionDenied):
        verification.bulk_verify(village.pembina, [clean])
    result = verification.bulk_verify(village.verifier, [clean, warned])
    assert result.done == [clean] and [r[0] for r in result.refused] == [warned]
    assert records.load(village.viewer, warned).status is Status.SUBMITTED
    queue = verification.queue(village.verifier, with_warnings=True)
    assert [q.record_id for q in queue] == [warned]


def test_diff_speaks_the_questionnaire(village: Village) -> None:
    instrument = get_instrument("ddk")
    old = {"jenis_kelamin_x": "1", "status_rumah": "1", "anggota": [{"jenis_kelamin": "1"}]}
    new = {"status_rumah": "4", "anggota": [{"jenis_kelamin": "2"}, {"nama": "Baru"}]}
    changes = {c.path: c for c in answer_changes(instrument, old, new)}
    assert changes["status_rumah"].old == "1. Milik Sendiri"
    assert changes["status_rumah"].new == "4. Sewa/Kontrak"
    assert changes["anggota[1]/jenis_kelamin"].new == "2. Perempuan"
    assert changes["anggota[2]"].new == "(baru)"
    assert changes["jenis_kelamin_x"].new == ""  # a question this version does not know
