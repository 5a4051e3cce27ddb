"""The village signing key: made at set-up (or on first use), stable, and really signing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from desa_app.core import auth
from desa_app.core.clock import utcnow
from desa_app.core.store import signing
from desa_app.core.store.database import Database, open_database
from desa_app.core.store.models import AuditEvent, SigningKey
from desa_app.core.store.village import init_village


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "SCRYPT_N", 2**8)


def new_village(path: Path) -> Database:
    return init_village(path, "35.01.01.2001", "admin", "Operator Desa", "rahasia123")


def key_rows(db: Database) -> int:
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(SigningKey)).scalar_one())


def test_set_up_makes_one_key_that_stays_across_reopening(tmp_path: Path) -> None:
    path = tmp_path / "desa.sqlite3"
    db = new_village(path)
    assert key_rows(db) == 1
    first = signing.village_key(db)
    assert len(first.public_key) == 32 and len(first.private_key) == 32
    assert signing.village_key(db) == first and key_rows(db) == 1
    db.close(backup=False)

    reopened = open_database(path)
    try:
        assert signing.village_key(reopened) == first and key_rows(reopened) == 1
        with reopened.read() as session:
            logged = session.execute(select(AuditEvent.entity_id).where(
                AuditEvent.action == "signing_key.create")).scalars().all()
        assert logged == [first.fingerprint]
    finally:
        reopened.close(backup=False)


def test_an_older_database_gets_its_key_on_first_use(tmp_path: Path) -> None:
    db = new_village(tmp_path / "desa.sqlite3")
    try:
        with db.write() as session:  # as a database made before schema 0004
            session.execute(delete(SigningKey))
        made = signing.village_key(db)
        assert key_rows(db) == 1 and signing.village_key(db) == made
    finally:
        db.close(backup=False)


def test_a_signature_verifies_only_with_its_key_and_its_data(tmp_path: Path) -> None:
    db = new_village(tmp_path / "desa.sqlite3")
    try:
        data = b'{"desa": "Widoro"}'
        signature = signing.sign(db, data)
        key = signing.village_key(db)
        assert len(signature) == 64
        assert signing.verify(key.public_key, data, signature)
        assert not signing.verify(key.public_key, data + b" ", signature)
        assert not signing.verify(key.public_key, data, bytes([signature[0] ^ 1]) + signature[1:])
        other = signing.generate_key(key.created_at)
        assert not signing.verify(other.public_key, data, signature)
        assert not signing.verify(b"pendek", data, signature)
    finally:
        db.close(backup=False)


def test_fingerprint_is_short_stable_and_comparable_by_eye() -> None:
    key = bytes(range(32))
    fingerprint = signing.key_fingerprint(key)
    assert re.fullmatch(r"([0-9A-F]{4} ){9}[0-9A-F]{4}", fingerprint)
    assert fingerprint == signing.key_fingerprint(bytes(range(32)))
    assert fingerprint != signing.key_fingerprint(bytes(range(1, 33)))
    assert signing.same_fingerprint(fingerprint, fingerprint.replace(" ", "-").lower())
    assert not signing.same_fingerprint(fingerprint, "")


def test_public_key_reads_from_pem_or_raw_and_refuses_rubbish() -> None:
    pair = signing.generate_key(utcnow())
    assert pair.public_pem().startswith(b"-----BEGIN PUBLIC KEY-----")
    assert signing.load_public_key(pair.public_pem()) == pair.public_key
    assert signing.load_public_key(pair.public_key) == pair.public_key
    with pytest.raises(signing.SigningError, match="tidak dapat dibaca"):
        signing.load_public_key(b"bukan kunci")
    assert repr(pair.private_key) not in repr(pair)  # never lands in a log by accident
