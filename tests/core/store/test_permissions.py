"""Every role × every action: the matrix as specified, and enforced by core itself."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from desa_app.core import errors as E
from desa_app.core.store.users import Actor
from desa_app.core.store.village import update_settings
from desa_app.core.workflow import Action, Role, allowed

from .conftest import PASSWORD, Village, actor_of

# The specification, written out by hand (not read from the code it checks):
# Y = allowed. Columns: admin, enumerator, verifier, pembina, viewer.
SPEC = """
view            Y Y Y Y Y
create          Y Y . . .
edit            Y Y Y . .
submit          Y Y . . .
return          . . Y . .
verify          . . Y . .
mark_entered    Y . Y . .
delete          Y . . . .
restore         Y . . . .
add_note        Y Y Y Y .
resolve_note    Y Y Y . .
manage_users    Y . . . .
change_settings Y . . . .
backup          Y Y Y . .
restore_backup  Y . . . .
export          Y . Y . Y
view_audit      Y . . Y .
manage_visits   Y . . Y .
manage_agents   Y . . . .
log_activity    Y Y Y . .
manage_sop      Y . . . .
set_targets     Y . . . .
"""
ROLES = [Role.ADMIN, Role.ENUMERATOR, Role.VERIFIER, Role.PEMBINA, Role.VIEWER]
EXPECTED = {
    (Role(role), Action(line.split()[0])): mark == "Y"
    for line in SPEC.strip().splitlines()
    for role, mark in zip(ROLES, line.split()[1:], strict=True)
}


def test_spec_covers_every_role_and_action() -> None:
    assert set(EXPECTED) == {(r, a) for r in Role for a in Action}


@pytest.mark.parametrize(("role", "action"), sorted(EXPECTED, key=str))
def test_matrix(role: Role, action: Action) -> None:
    assert allowed(role, action) is EXPECTED[(role, action)]


def prepared(village: Village, status: str) -> str:
    """A record created by enumerator 2, brought to ``status`` by other people."""
    records = village.store.records
    record = records.create(village.enumerator2, "ddk", village.other_household())
    if status in ("submitted", "verified", "entered", "deleted"):
        records.submit(village.enumerator2, record.id)
    if status in ("verified", "entered"):
        records.verify(village.verifier2, record.id)
    if status == "entered":
        records.mark_entered(village.verifier2, record.id)
    if status == "deleted":
        records.delete(village.admin, record.id, "uji")
    return record.id


def perform(village: Village, action: Action, actor: Actor) -> Callable[[], object]:
    """The service call for an action, on a record in the status that action needs."""
    records = village.store.records
    if action is Action.VIEW:
        rid = prepared(village, "draft")
        return lambda: records.load(actor, rid)
    if action is Action.CREATE:
        return lambda: records.create(actor, "ddk", village.household())
    if action is Action.EDIT:
        status = "submitted" if actor.role is Role.VERIFIER else "draft"
        rid = prepared(village, status)
        return lambda: records.save(actor, rid, village.household(rt="011"), "uji")
    if action is Action.SUBMIT:
        rid = prepared(village, "draft")
        return lambda: records.submit(actor, rid)
    if action is Action.RETURN:
        rid = prepared(village, "submitted")
        return lambda: records.return_record(actor, rid, "Perbaiki RT")
    if action is Action.VERIFY:
        rid = prepared(village, "submitted")
        return lambda: records.verify(actor, rid)
    if action is Action.MARK_ENTERED:
        rid = prepared(village, "verified")
        return lambda: records.mark_entered(actor, rid)
    if action is Action.DELETE:
        rid = prepared(village, "draft")
        return lambda: records.delete(actor, rid, "ganda")
    if action is Action.RESTORE:
        rid = prepared(village, "deleted")
        return lambda: records.restore(actor, rid)
    if action is Action.ADD_NOTE:
        rid = prepared(village, "submitted")
        return lambda: records.add_note(actor, rid, "catatan")
    if action is Action.RESOLVE_NOTE:
        note = records.add_note(village.verifier2, prepared(village, "submitted"), "cek")
        return lambda: records.resolve_note(actor, note)
    if action is Action.MANAGE_USERS:
        return lambda: village.store.users.add(actor, "baru1", "Baru", "viewer", PASSWORD)
    if action is Action.CHANGE_SETTINGS:
        return lambda: update_settings(village.store.db, actor, {"tim": "SK 12/2026"})
    if action is Action.BACKUP:
        return lambda: village.store.backup(actor)
    if action is Action.VIEW_AUDIT:
        return lambda: village.store.audit_report(actor)
    day = date(2026, 11, 2)
    if action is Action.MANAGE_VISITS:
        return lambda: village.store.pembina.add_visit(actor, day, "Pembinaan DDK", "Kasi", [])
    if action is Action.MANAGE_AGENTS:
        return lambda: village.store.desa_cantik.add_agent(actor, "Sri Wahyuni", "kasi")
    if action is Action.LOG_ACTIVITY:
        return lambda: village.store.desa_cantik.add_activity(
            actor, day, "sosialisasi", "Pokja", "Balai desa", "Sosialisasi DDK")
    if action is Action.MANAGE_SOP:
        return lambda: village.store.sop.plan_year(actor, 2027, date(2027, 1, 4))
    if action is Action.SET_TARGETS:
        return lambda: village.store.targets.set_target(actor, "Krajan", "", 120)
    raise LookupError(action)


SERVICE_ACTIONS = [a for a in Action if a not in (Action.EXPORT, Action.RESTORE_BACKUP)]


@pytest.mark.parametrize("action", SERVICE_ACTIONS, ids=str)
def test_core_enforces_the_matrix_for_every_role(village: Village, action: Action) -> None:
    for role in Role:
        actor = actor_of(village, role)
        call = perform(village, action, actor)
        if EXPECTED[(role, action)]:
            call()  # must succeed: no permission or workflow error for the allowed roles
        else:
            with pytest.raises(E.PermissionDenied, match="tidak berwenang"):
                call()


def test_a_deactivated_account_can_do_nothing(village: Village) -> None:
    village.store.users.set_active(village.admin, "agen1", False)
    with pytest.raises(E.PermissionDenied, match="tidak aktif"):
        village.store.records.create(village.enumerator, "ddk", village.household())
    with pytest.raises(E.AuthError, match="dinonaktifkan"):
        village.store.users.authenticate("agen1", PASSWORD)


def test_a_changed_role_applies_at_once(village: Village) -> None:
    village.store.users.set_role(village.admin, "agen1", "viewer")
    with pytest.raises(E.PermissionDenied):
        village.store.records.create(village.enumerator, "ddk", village.household())
