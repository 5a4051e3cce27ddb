"""The village's dusun list: kept in village.settings by the operator, tidied, audited,
and merged with the dusun already written in live household records."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desa_app.core import errors as E
from desa_app.core.store.models import AuditEvent
from desa_app.core.store.village import DUSUN_SETTING, clean_dusun_names, village_info
from desa_app.core.workflow import Role

from .conftest import Village, assert_only


def settings_events(village: Village) -> list[AuditEvent]:
    with village.store.db.read() as session:
        return list(session.execute(select(AuditEvent).where(
            AuditEvent.action == "settings.change").order_by(AuditEvent.id)).scalars())


def test_names_are_trimmed_deduplicated_and_sorted(village: Village) -> None:
    store = village.store
    kept = store.set_dusun_names(village.admin, [
        "  Krajan ", "", "Dusun 10", "krajan", "Dusun  2", "   ", "Ngasem", "KRAJAN"])
    assert kept == ["Dusun 2", "Dusun 10", "Krajan", "Ngasem"]
    assert store.saved_dusun_names() == kept
    assert village_info(store.db).settings[DUSUN_SETTING] == kept
    assert store.dusun_names() == kept


def test_saving_writes_one_audit_event_and_only_when_it_changes(village: Village) -> None:
    store = village.store
    store.set_dusun_names(village.admin, ["Krajan", "Ngasem"])
    store.set_dusun_names(village.admin, [" Ngasem", "Krajan", "KRAJAN"])  # the same list
    [event] = settings_events(village)
    assert event.user_id == village.admin.id and event.entity == "village"
    assert event.detail == {"before": {DUSUN_SETTING: None},
                            "after": {DUSUN_SETTING: ["Krajan", "Ngasem"]}}
    store.set_dusun_names(village.admin, ["Krajan"])
    assert settings_events(village)[-1].detail["before"] == {
        DUSUN_SETTING: ["Krajan", "Ngasem"]}
    assert store.audit_report(village.admin).ok


def test_only_the_operator_may_change_the_list(village: Village) -> None:
    assert_only(village, {Role.ADMIN},
                lambda actor: village.store.set_dusun_names(actor, ["Krajan"]))
    village.store.users.set_active(village.admin, "agen1", False)
    with pytest.raises(E.PermissionDenied):
        village.store.set_dusun_names(village.enumerator, ["Lain"])
    assert village.store.saved_dusun_names() == ["Krajan"]


def test_bad_names_are_refused_and_nothing_is_written(village: Village) -> None:
    store = village.store
    with pytest.raises(E.InvalidInput):
        store.set_dusun_names(village.admin, ["x" * 121])
    with pytest.raises(E.InvalidInput):
        store.set_dusun_names(village.admin, ["Krajan", 3])  # type: ignore[list-item]
    assert store.saved_dusun_names() == [] and settings_events(village) == []
    assert clean_dusun_names(["x" * 120]) == ["x" * 120]


def test_dusun_used_by_live_records_are_added(village: Village) -> None:
    store = village.store
    store.set_dusun_names(village.admin, ["Krajan", "Ngasem"])
    records = store.records
    records.create(village.enumerator, "ddk", village.other_household(dusun="Sumberejo"))
    records.create(village.enumerator, "ddk", village.other_household(dusun=" krajan"))
    gone = records.create(village.enumerator, "ddk", village.other_household(dusun="Lama")).id
    records.create(village.enumerator, "ddk", village.other_household(dusun=""))
    records.delete(village.admin, gone, "salah desa")
    assert store.dusun_names() == ["Krajan", "Ngasem", "Sumberejo"]
    assert store.saved_dusun_names() == ["Krajan", "Ngasem"]  # records do not change it
    records.restore(village.admin, gone)
    assert store.dusun_names() == ["Krajan", "Lama", "Ngasem", "Sumberejo"]


def test_a_hand_edited_setting_does_not_break_reading(village: Village) -> None:
    from desa_app.core.store.village import update_settings

    update_settings(village.store.db, village.admin, {DUSUN_SETTING: "Krajan"})
    assert village.store.saved_dusun_names() == []
    update_settings(village.store.db, village.admin, {DUSUN_SETTING: ["B", None, "a", 5]})
    assert village.store.saved_dusun_names() == ["a", "B"]
