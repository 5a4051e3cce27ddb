"""Desa Cantik: agent register and rules, activities, attachments, and who may do what."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desa_app.core import errors as E
from desa_app.core.store.attachments import AttachmentDamaged
from desa_app.core.store.desa_cantik import DesaCantik, RuleResult
from desa_app.core.store.models import Activity, Agent, Attachment, AuditEvent
from desa_app.core.workflow import Role

from .attachment_files import EXE, PDF, Operation, png_bytes, write
from .conftest import Village, assert_only

TODAY = date(2026, 11, 23)  # the FakeClock's day


def service(village: Village) -> DesaCantik:
    return DesaCantik(village.store.db, village.clock)


def count(village: Village, model: type[Agent | Activity | Attachment | AuditEvent]) -> int:
    with village.store.db.read() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


# -- agent rules ----------------------------------------------------------------------------
def rules(village: Village, on: date | None = None) -> dict[str, RuleResult]:
    return {r.code: r for r in service(village).agent_rules(village.viewer, on)}


def test_no_agents_fails_both_rules(village: Village) -> None:
    result = rules(village)
    assert [r.ok for r in result.values()] == [False, False]
    assert all(r.message for r in result.values())


def test_one_aparat_agent_is_not_enough_for_the_sk(village: Village) -> None:
    service(village).add_agent(village.admin, name="Sari", kind="kaur", sk_number="1/2026")
    result = rules(village)
    assert not result["sk_banyak_agen"].ok
    assert result["ada_aparat"].ok


def test_two_mitra_on_one_sk_lack_an_aparat(village: Village) -> None:
    for name in ("Budi", "Ani"):
        service(village).add_agent(village.admin, name=name, kind="mitra", sk_number="1/2026")
    result = rules(village)
    assert result["sk_banyak_agen"].ok
    assert not result["ada_aparat"].ok
    assert "aparat" in result["ada_aparat"].message


def test_two_on_one_sk_with_a_kasi_hold_both(village: Village) -> None:
    desa = service(village)
    desa.add_agent(village.admin, name="Budi", kind="mitra", sk_number="1/2026")
    desa.add_agent(village.admin, name="Wati", kind="kasi", sk_number=" 1/2026 ")
    assert [r.ok for r in desa.agent_rules(village.admin)] == [True, True]


def test_agents_on_different_sks_do_not_count_together(village: Village) -> None:
    desa = service(village)
    desa.add_agent(village.admin, name="Budi", kind="kaur", sk_number="1/2026")
    desa.add_agent(village.admin, name="Wati", kind="kasi", sk_number="2/2026")
    assert not rules(village)["sk_banyak_agen"].ok


def test_an_agent_whose_period_ended_is_not_counted(village: Village) -> None:
    desa = service(village)
    desa.add_agent(village.admin, name="Budi", kind="mitra", sk_number="1/2026")
    kasi = desa.add_agent(village.admin, name="Wati", kind="kasi", sk_number="1/2026",
                          active_from=date(2026, 1, 1), active_to=date(2026, 6, 30))
    now = rules(village)
    assert not now["sk_banyak_agen"].ok and not now["ada_aparat"].ok
    earlier = rules(village, on=date(2026, 3, 1))
    assert earlier["sk_banyak_agen"].ok and earlier["ada_aparat"].ok
    assert [a.name for a in desa.list_agents(village.viewer, active_only=True)] == ["Budi"]
    assert len(desa.list_agents(village.viewer, on=date(2026, 3, 1))) == 2
    assert len(desa.list_agents(village.viewer)) == 2
    assert not kasi.active_on(TODAY)


def test_missing_sk_numbers_fail_with_an_sk_message(village: Village) -> None:
    desa = service(village)
    desa.add_agent(village.admin, name="Budi", kind="kaur")
    desa.add_agent(village.admin, name="Wati", kind="kasi")
    result = rules(village)["sk_banyak_agen"]
    assert not result.ok
    assert "SK" in result.message and "Budi" in result.message


# -- agent register -------------------------------------------------------------------------
@pytest.mark.parametrize(("fields", "message"), [
    ({"name": "  ", "kind": "kaur"}, "Nama agen wajib diisi"),
    ({"name": "Sari", "kind": "lurah"}, "Jenis agen tidak dikenal"),
    ({"name": "Sari", "kind": "kaur", "active_from": date(2026, 5, 1),
      "active_to": date(2026, 4, 30)}, "tidak boleh sebelum"),
    ({"name": "Sari", "kind": "kaur", "sk_date": date(2026, 11, 24)}, "hari ini"),
    ({"name": "Sari", "kind": "kaur", "sk_date": date(1926, 1, 1)}, "tidak masuk akal"),
])
def test_invalid_agents_leave_no_row_and_no_event(village: Village, fields: dict[str, object],
                                                  message: str) -> None:
    events = count(village, AuditEvent)
    with pytest.raises(E.InvalidInput, match=message):
        service(village).add_agent(village.admin, **fields)  # type: ignore[arg-type]
    assert count(village, Agent) == 0
    assert count(village, AuditEvent) == events


def test_update_and_remove_agent_are_audited(village: Village) -> None:
    desa = service(village)
    agent = desa.add_agent(village.admin, name=" Sari ", kind="kaur", position="Kaur Umum",
                           sk_date=date(2026, 1, 5), active_from=date(2026, 1, 5))
    assert agent.name == "Sari" and agent.aparat
    events = count(village, AuditEvent)
    with pytest.raises(E.InvalidInput):  # checked against the stored active_from
        desa.update_agent(village.admin, agent.id, active_to=date(2025, 12, 31))
    assert count(village, AuditEvent) == events
    changed = desa.update_agent(village.admin, agent.id, sk_number="7/2026", kind="kasi")
    assert (changed.sk_number, changed.kind, changed.name) == ("7/2026", "kasi", "Sari")
    desa.update_agent(village.admin, agent.id, sk_number="7/2026")  # no change, no event
    desa.remove_agent(village.admin, agent.id)
    assert desa.list_agents(village.admin) == []
    with village.store.db.read() as session:
        actions = list(session.execute(select(AuditEvent.action, AuditEvent.detail).where(
            AuditEvent.entity == "agent").order_by(AuditEvent.id)).all())
    assert [a for a, _ in actions] == ["agent.add", "agent.update", "agent.remove"]
    assert actions[1][1] == {"sk_number": ["", "7/2026"], "kind": ["kaur", "kasi"]}
    assert actions[2][1]["name"] == "Sari"  # the trace of a removed agent stays
    with pytest.raises(E.NotFound):
        desa.remove_agent(village.admin, agent.id)


# -- activities -----------------------------------------------------------------------------
def test_activities_are_listed_by_year_and_kind(village: Village) -> None:
    desa = service(village)
    desa.add_activity(village.enumerator, date(2025, 8, 1), "sosialisasi", "RT 1–3", "Balai",
                      "Sosialisasi pendataan")
    newest = desa.add_activity(village.admin, date(2026, 3, 2), "koordinasi", "Tim", "Kantor",
                               "Rapat koordinasi")
    desa.add_activity(village.verifier, date(2026, 2, 1), "monev", "", "", "Monev")
    assert desa.list_activities(village.viewer)[0].id == newest
    assert [a.kind for a in desa.list_activities(village.viewer, year=2026)] == [
        "koordinasi", "monev"]
    assert len(desa.list_activities(village.viewer, kind="sosialisasi")) == 1
    with pytest.raises(E.InvalidInput, match="Jenis kegiatan"):
        desa.add_activity(village.admin, TODAY, "pesta", "", "", "x")
    with pytest.raises(E.InvalidInput, match="hari ini"):
        desa.add_activity(village.admin, date(2026, 12, 1), "monev", "", "", "x")
    with pytest.raises(E.InvalidInput, match="Ringkasan"):
        desa.add_activity(village.admin, TODAY, "monev", "", "", " ")


def test_only_the_author_or_an_admin_changes_an_activity(village: Village,
                                                        tmp_path: Path) -> None:
    desa = service(village)
    mine = desa.add_activity(village.enumerator, TODAY, "pembinaan", "", "", "Pembinaan")
    with pytest.raises(E.PermissionDenied, match="pencatat"):
        desa.update_activity(village.verifier, mine, TODAY, "pembinaan", "", "", "Diubah")
    desa.update_activity(village.enumerator, mine, TODAY, "pembinaan", "Pokja", "", "Diubah")
    assert desa.list_activities(village.admin)[0].summary == "Diubah"
    desa.add_attachment(village.enumerator, "activity", mine, write(tmp_path, "a.png",
                                                                    png_bytes()))
    assert desa.list_activities(village.admin)[0].attachments == 1
    with pytest.raises(E.PermissionDenied):
        desa.delete_activity(village.enumerator2, mine)
    desa.delete_activity(village.admin, mine)
    assert count(village, Activity) == 0 and count(village, Attachment) == 0


# -- attachments ----------------------------------------------------------------------------
def activity(village: Village) -> int:
    return service(village).add_activity(village.admin, TODAY, "monev", "", "", "Monev")


def test_png_and_pdf_are_accepted_with_their_sha256(village: Village, tmp_path: Path) -> None:
    desa, owner = service(village), activity(village)
    png = desa.add_attachment(village.admin, "activity", owner,
                              write(tmp_path, "foto.png", png_bytes()))
    pdf = desa.add_attachment(village.admin, "activity", owner,
                              write(tmp_path, "notulen.pdf", PDF))
    assert (png.media_type, pdf.media_type) == ("image/png", "application/pdf")
    assert png.sha256 == hashlib.sha256(png_bytes()).hexdigest()
    assert pdf.size == len(PDF)
    assert desa.attachments(village.viewer, "activity", owner) == [png, pdf]
    assert desa.attachment_content(village.viewer, pdf.id) == PDF


@pytest.mark.parametrize(("name", "content", "message"), [
    ("program.png", EXE, "bukan foto JPEG/PNG"),
    ("kosong.pdf", b"", "bukan foto JPEG/PNG"),
    ("besar.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (10 * 1024 * 1024), "terlalu besar"),
])
def test_other_types_and_big_files_are_refused(village: Village, tmp_path: Path, name: str,
                                               content: bytes, message: str) -> None:
    owner = activity(village)
    with pytest.raises(E.InvalidInput, match=message):
        service(village).add_attachment(village.admin, "activity", owner,
                                        write(tmp_path, name, content))
    assert count(village, Attachment) == 0


def test_the_same_file_twice_on_one_owner_is_refused(village: Village, tmp_path: Path) -> None:
    desa, owner, other = service(village), activity(village), activity(village)
    desa.add_attachment(village.admin, "activity", owner, write(tmp_path, "a.png", png_bytes()))
    with pytest.raises(E.InvalidInput, match="sudah dilampirkan"):
        desa.add_attachment(village.admin, "activity", owner,
                            write(tmp_path, "salinan.png", png_bytes()))
    desa.add_attachment(village.admin, "activity", other, write(tmp_path, "a.png", png_bytes()))
    with pytest.raises(E.NotFound):
        desa.add_attachment(village.admin, "activity", 999, write(tmp_path, "a.pdf", PDF))
    with pytest.raises(E.InvalidInput):
        desa.add_attachment(village.admin, "record", owner, write(tmp_path, "a.pdf", PDF))
    with pytest.raises(E.InvalidInput, match="tidak dapat dibaca"):
        desa.add_attachment(village.admin, "activity", owner, tmp_path / "hilang.pdf")


def test_tampered_content_is_detected_on_read(village: Village, tmp_path: Path) -> None:
    desa = service(village)
    info = desa.add_attachment(village.admin, "activity", activity(village),
                               write(tmp_path, "notulen.pdf", PDF))
    village.store.db.engine.dispose()
    with sqlite3.connect(village.path) as connection:
        connection.execute("UPDATE attachment SET content = ? WHERE id = ?",
                           (PDF.replace(b"Count 0", b"Count 9"), info.id))
    connection.close()
    with pytest.raises(AttachmentDamaged, match="rusak") as caught:
        desa.attachment_content(village.admin, info.id)
    assert isinstance(caught.value, E.StoreError)
    desa.remove_attachment(village.admin, info.id)
    assert desa.attachments(village.admin, "activity", info.owner_id) == []


# -- permissions ----------------------------------------------------------------------------


def _agent(v: Village) -> int:
    return service(v).add_agent(v.admin, name="Sari", kind="kaur").id


def _attachment(v: Village, tmp: Path) -> int:
    return service(v).add_attachment(v.admin, "activity", activity(v),
                                     write(tmp, "a.pdf", PDF)).id


OPERATIONS: dict[str, tuple[Operation, set[Role]]] = {
    "add_agent": (lambda v, a, t: service(v).add_agent(a, name="Budi", kind="mitra"),
                  {Role.ADMIN}),
    "update_agent": (lambda v, a, t: service(v).update_agent(a, _agent(v), training="TOT"),
                     {Role.ADMIN}),
    "remove_agent": (lambda v, a, t: service(v).remove_agent(a, _agent(v)), {Role.ADMIN}),
    "list_agents": (lambda v, a, t: service(v).list_agents(a), set(Role)),
    "agent_rules": (lambda v, a, t: service(v).agent_rules(a), set(Role)),
    "add_activity": (lambda v, a, t: service(v).add_activity(a, TODAY, "monev", "", "", "x"),
                     {Role.ADMIN, Role.ENUMERATOR, Role.VERIFIER}),
    # someone else's activity: only an admin (author rule); own ones: see above
    "update_activity": (lambda v, a, t: service(v).update_activity(
        a, activity(v), TODAY, "monev", "", "", "y"), {Role.ADMIN}),
    "delete_activity": (lambda v, a, t: service(v).delete_activity(a, activity(v)),
                        {Role.ADMIN}),
    "list_activities": (lambda v, a, t: service(v).list_activities(a), set(Role)),
    "add_attachment": (lambda v, a, t: service(v).add_attachment(
        a, "activity", activity(v), write(t, "a.png", png_bytes())),
        {Role.ADMIN, Role.ENUMERATOR, Role.VERIFIER}),
    "attachments": (lambda v, a, t: service(v).attachments(a, "activity", activity(v)),
                    set(Role)),
    "attachment_content": (lambda v, a, t: service(v).attachment_content(
        a, _attachment(v, t)), set(Role)),
    "remove_attachment": (lambda v, a, t: service(v).remove_attachment(a, _attachment(v, t)),
                          {Role.ADMIN, Role.ENUMERATOR, Role.VERIFIER}),
}


@pytest.mark.parametrize("name", OPERATIONS)
def test_permissions(village: Village, tmp_path: Path, name: str) -> None:
    operation, allowed = OPERATIONS[name]
    assert_only(village, allowed, lambda actor: operation(village, actor, tmp_path))
