"""Database commands of the CLI, run in-process on real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from desa_app.cli import main
from desa_app.cli.common import ENV_NEW_PASSWORD, ENV_PASSPHRASE, ENV_PASSWORD
from desa_app.core import auth
from desa_app.core import errors as E
from desa_app.core.store.database import open_database


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "SCRYPT_N", 2**8)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_init_users_and_check(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "desa.sqlite3")
    monkeypatch.setenv(ENV_NEW_PASSWORD, "admin-123")
    code, out, _ = run(capsys, "init", "--db", db, "--village", "3501012001", "--admin",
                       "Admin", "--admin-name", "Operator Desa")
    assert code == 0 and "Desa Widoro, Kec. Donorojo" in out
    monkeypatch.setenv(ENV_PASSWORD, "admin-123")
    monkeypatch.setenv(ENV_NEW_PASSWORD, "agen-1234")
    code, out, _ = run(capsys, "users", "add", "agen1", "--name", "Agen Satu", "--role",
                       "enumerator", "--as", "admin", "--db", db)
    assert code == 0 and "agen1 (Agen Statistik / Pokja)" in out
    code, out, _ = run(capsys, "users", "list", "--db", db)
    assert "agen1" in out and "Operator desa (admin)" in out
    monkeypatch.setenv(ENV_NEW_PASSWORD, "agen-baru-99")
    assert run(capsys, "users", "passwd", "agen1", "--as", "admin", "--db", db)[0] == 0
    monkeypatch.setenv(ENV_PASSWORD, "salah-salah")
    code, _, err = run(capsys, "users", "add", "x1", "--name", "X", "--role", "viewer",
                       "--as", "admin", "--db", db)
    assert code == 1 and "kata sandi salah" in err and "Traceback" not in err
    code, out, _ = run(capsys, "db", "check", "--db", db)
    assert code == 0 and "Log audit: utuh" in out


def test_init_refuses_bad_input_and_existing_files(capsys: pytest.CaptureFixture[str],
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "desa.sqlite3"
    monkeypatch.setenv(ENV_NEW_PASSWORD, "admin-123")
    code, _, err = run(capsys, "init", "--db", str(db), "--village", "99.99.99.9999",
                       "--admin", "admin", "--admin-name", "A")
    assert code == 1 and "tidak ada dalam daftar Kemendagri" in err and not db.exists()
    monkeypatch.setenv(ENV_NEW_PASSWORD, "123")
    code, _, err = run(capsys, "init", "--db", str(db), "--village", "3501012001",
                       "--admin", "admin", "--admin-name", "A")
    assert code == 1 and "minimal 8" in err and not db.exists()
    db.write_text("sudah ada")
    monkeypatch.setenv(ENV_NEW_PASSWORD, "admin-123")
    code, _, err = run(capsys, "init", "--db", str(db), "--village", "3501012001",
                       "--admin", "admin", "--admin-name", "A")
    assert code == 1 and "sudah ada" in err and db.read_text() == "sudah ada"


def test_encrypted_demo_village(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "demo.sqlite3"
    monkeypatch.setenv(ENV_PASSPHRASE, "kunci desa 1")
    code, out, _ = run(capsys, "demo", "--households", "30", "--seed", "3", "--out", str(db),
                       "--encrypt")
    assert code == 0 and "Selesai: 30 keluarga" in out and "desa12345" in out
    assert b"SQLite format 3" not in db.read_bytes()[:16]
    code, out, _ = run(capsys, "db", "check", "--db", str(db))
    assert code == 0 and "Integritas: baik" in out
    monkeypatch.setenv(ENV_PASSPHRASE, "kunci salah")
    code, _, err = run(capsys, "db", "check", "--db", str(db))
    assert code == 1 and "Kata sandi basis data salah" in err
    with pytest.raises(E.PassphraseRequired):
        open_database(db)


def test_commands_on_a_missing_or_damaged_database(capsys: pytest.CaptureFixture[str],
                                                   tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada.sqlite3"
    code, _, err = run(capsys, "db", "check", "--db", str(missing))
    assert code == 1 and "tidak ditemukan" in err and not missing.exists()
    damaged = tmp_path / "rusak.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    for args in (("db", "check"), ("audit", "verify"), ("backup",), ("users", "list")):
        code, _, err = run(capsys, *args, "--db", str(damaged))
        assert code == 1 and "rusak.sqlite3" in err and "Traceback" not in err
