"""What the Pengguna page relies on: each change by the admin is refused to others, the
village always keeps one active admin, and every change is an audit event."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desa_app.core import errors as E
from desa_app.core.messages import text
from desa_app.core.store.models import AuditEvent

from .conftest import PASSWORD, Village


def actions(village: Village) -> list[str]:
    with village.store.db.read() as session:
        return list(session.execute(
            select(AuditEvent.action).order_by(AuditEvent.id)).scalars())


def test_each_change_is_an_audit_event(village: Village) -> None:
    users, admin = village.store.users, village.admin
    before = len(actions(village))
    users.set_active(admin, "agen1", False)
    with pytest.raises(E.AuthError):
        users.authenticate("agen1", PASSWORD)
    users.set_active(admin, "agen1", True)
    users.set_role(admin, "agen1", "verifier")
    users.reset_password(admin, "agen1", "sandi-baru-1")
    changed = [a for a in actions(village)[before:] if a.startswith("user.")]
    assert changed == ["user.deactivate", "user.activate", "user.role", "user.password_reset"]
    assert users.authenticate("agen1", "sandi-baru-1").role == "verifier"


def test_the_last_active_admin_is_kept(village: Village) -> None:
    users, admin = village.store.users, village.admin
    users.add(admin, "admin2", "Operator Dua", "admin", PASSWORD)
    users.set_role(admin, "admin2", "viewer")  # another admin is still there
    users.set_role(admin, "admin2", "admin")
    users.set_active(admin, "admin2", False)
    for refused in (lambda: users.set_active(admin, "admin", False),
                    lambda: users.set_role(admin, "admin", "enumerator")):
        with pytest.raises(E.InvalidInput) as error:
            refused()
        assert str(error.value) == text("store.last_admin")
    assert users.authenticate("admin", PASSWORD).role == "admin"


def test_only_the_admin_manages_accounts(village: Village) -> None:
    users = village.store.users
    for actor in (village.enumerator, village.verifier, village.pembina, village.viewer):
        with pytest.raises(E.PermissionDenied):
            users.set_active(actor, "agen2", False)
        with pytest.raises(E.PermissionDenied):
            users.set_role(actor, "agen2", "admin")
        with pytest.raises(E.PermissionDenied):
            users.add(actor, "baru1", "Baru", "viewer", PASSWORD)
