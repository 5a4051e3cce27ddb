"""The audit chain detects tampering; logins slow down; passwords never appear in clear."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest

from desa_app.cli import main
from desa_app.core import auth
from desa_app.core import errors as E

from .conftest import PASSWORD, Village


def tamper(path: Path, sql: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute(sql)
    connection.commit()
    connection.close()


def some_history(village: Village) -> str:
    records = village.store.records
    record = records.create(village.enumerator, "ddk", village.household())
    records.save(village.enumerator, record.id, village.household(rt="005"), "ubah RT")
    records.submit(village.enumerator, record.id)
    return record.id


def test_chain_is_intact_after_normal_work(village: Village) -> None:
    some_history(village)
    report = village.store.audit_report(village.admin)
    assert report.ok and report.events >= 12


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("UPDATE audit_event SET detail = '{\"reason\": \"lain\"}' WHERE action = 'record.save'",
         "isi kejadian telah diubah"),
        ("UPDATE audit_event SET user_id = 1 WHERE action = 'record.submit'",
         "isi kejadian telah diubah"),
        ("DELETE FROM audit_event WHERE action = 'record.save'", "tautan"),
    ],
)
def test_tampering_with_one_row_is_detected_and_located(
    village: Village, sql: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    some_history(village)
    village.store.db.engine.dispose()
    with sqlite3.connect(village.path) as connection:
        target = connection.execute(
            "SELECT min(id) FROM audit_event WHERE action IN ('record.save', 'record.submit')"
            " AND id > (SELECT min(id) FROM audit_event WHERE action = 'record.save') - 1"
        ).fetchone()[0]
    tamper(village.path, sql)
    report = village.store.audit_report(village.admin)
    assert not report.ok and reason in report.reason
    if "DELETE" in sql:
        assert report.broken_at == target + 1  # the event after the deleted one
    else:
        assert report.broken_at is not None and report.broken_at >= target
    assert main(["audit", "verify", "--db", str(village.path)]) == 1
    assert f"RUSAK pada kejadian #{report.broken_at}" in capsys.readouterr().out


def test_wrong_passwords_slow_down_and_reset_after_success(village: Village) -> None:
    users = village.store.users
    for _ in range(auth.FREE_ATTEMPTS):
        with pytest.raises(E.AuthError, match="kata sandi salah"):
            users.authenticate("agen1", "salah-salah")
    with pytest.raises(E.AuthError, match=r"coba lagi dalam \d+ detik"):
        users.authenticate("agen1", PASSWORD)  # even the right one must wait
    village.clock.advance(seconds=5)
    assert users.authenticate("agen1", PASSWORD).username == "agen1"
    with pytest.raises(E.AuthError, match="kata sandi salah"):
        users.authenticate("agen1", "salah")  # counter was reset by the success
    assert users.authenticate("agen1", PASSWORD).username == "agen1"


def test_waits_grow_but_are_capped(village: Village) -> None:
    now = village.clock.now
    waits = [(auth.lockout_after(n, now) or now) - now for n in range(1, 20)]
    assert waits[: auth.FREE_ATTEMPTS - 1] == [waits[0]] * (auth.FREE_ATTEMPTS - 1)
    assert all(a <= b for a, b in itertools.pairwise(waits))
    assert max(waits) == auth.MAX_DELAY


def test_unknown_user_and_admin_reset(village: Village) -> None:
    users = village.store.users
    with pytest.raises(E.AuthError, match="Nama pengguna atau kata sandi salah"):
        users.authenticate("tidakada", PASSWORD)
    users.reset_password(village.admin, "agen1", "baru-12345")
    with pytest.raises(E.AuthError):
        users.authenticate("agen1", PASSWORD)
    assert users.authenticate("agen1", "baru-12345").username == "agen1"
    with pytest.raises(E.PermissionDenied):
        users.reset_password(village.verifier, "agen1", "lagi-12345")
    with pytest.raises(E.InvalidInput, match="minimal 8"):
        users.reset_password(village.admin, "agen1", "pendek")
    users.change_own_password(village.enumerator, "baru-12345", "sendiri-123")
    assert users.authenticate("agen1", "sendiri-123").username == "agen1"


def test_user_rules(village: Village) -> None:
    users = village.store.users
    with pytest.raises(E.InvalidInput, match="sudah dipakai"):
        users.add(village.admin, "AGEN1", "Lagi", "viewer", PASSWORD)
    with pytest.raises(E.InvalidInput, match="Nama pengguna"):
        users.add(village.admin, "a b", "Spasi", "viewer", PASSWORD)
    with pytest.raises(E.InvalidInput, match="Peran tidak dikenal"):
        users.add(village.admin, "raja", "Raja", "raja", PASSWORD)
    with pytest.raises(E.InvalidInput, match="hanya angka"):
        users.add(village.admin, "angka", "Angka", "viewer", "12345678")
    with pytest.raises(E.InvalidInput, match="Admin aktif terakhir"):
        users.set_active(village.admin, "admin", False)
    with pytest.raises(E.InvalidInput, match="Admin aktif terakhir"):
        users.set_role(village.admin, "admin", "viewer")
    assert [u.username for u in users.list(village.viewer)] == [
        "admin", "agen1", "agen2", "bps1", "kominfo1", "tim1", "tim2"]


def test_no_password_is_stored_or_logged_in_clear(village: Village) -> None:
    village.store.users.reset_password(village.admin, "tim1", "Rahasia-Tim-99")
    with pytest.raises(E.AuthError):
        village.store.users.authenticate("tim1", "Salah-Tebak-77")
    village.store.db.engine.dispose()
    blob = village.path.read_bytes()
    wal = village.path.with_name(village.path.name + "-wal")
    if wal.exists():
        blob += wal.read_bytes()
    for secret in (PASSWORD, "Rahasia-Tim-99", "Salah-Tebak-77"):
        assert secret.encode() not in blob
    with sqlite3.connect(village.path) as connection:
        hashes = [row[0] for row in connection.execute("SELECT password_hash FROM app_user")]
    assert all(h.startswith("scrypt$") for h in hashes)
