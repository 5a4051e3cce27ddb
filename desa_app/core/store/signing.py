"""The village's Ed25519 signing key: made once, kept in the database, signs packages.

Diskominfo must be able to tell that a package really comes from this village and was
not changed on the way (a flash disk, a WhatsApp group, an e-mail). The village signs the
package manifest with its own key; the public key's fingerprint is printed on the Berita
Acara and shown in Pengaturan, so an officer can compare it by eye with the one the
village registered. The private key never leaves the database (see ``SigningKey``).

Ed25519 because keys and signatures are small (32 and 64 bytes), signing is fast and
deterministic, and every tool (``cryptography``, OpenSSL, libsodium) can check it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from desa_app.core.clock import utcnow
from desa_app.core.errors import StoreError
from desa_app.core.messages import text
from desa_app.core.store.audit import record_event
from desa_app.core.store.database import Database
from desa_app.core.store.models import SigningKey

FINGERPRINT_BYTES = 20
"""160 bits: far beyond guessing, still short enough (10 groups) to compare by eye."""


class SigningError(StoreError):
    """A public key or signature that cannot be read (damaged or foreign file)."""


@dataclass(frozen=True)
class KeyPair:
    """The village key as raw 32-byte values (how ``signing_key`` stores them)."""

    public_key: bytes
    private_key: bytes = field(repr=False)
    created_at: datetime

    @property
    def fingerprint(self) -> str:
        return key_fingerprint(self.public_key)

    def sign(self, data: bytes) -> bytes:
        """A 64-byte Ed25519 signature of ``data``."""
        return Ed25519PrivateKey.from_private_bytes(self.private_key).sign(data)

    def public_pem(self) -> bytes:
        """The public key as PEM, so ``openssl pkeyutl -verify`` can check a package."""
        return Ed25519PublicKey.from_public_bytes(self.public_key).public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def key_fingerprint(public_key: bytes) -> str:
    """SHA-256 of the raw public key, first 20 bytes, upper-case hex in groups of 4.

    Example: ``1A2B 3C4D 5E6F 7081 92A3 B4C5 D6E7 F809 1A2B 3C4D``.
    """
    digest = hashlib.sha256(public_key).hexdigest().upper()[: FINGERPRINT_BYTES * 2]
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def same_fingerprint(a: str, b: str) -> bool:
    """Compare fingerprints as typed by people: spaces, dashes and case do not matter."""
    def clean(text: str) -> str:
        return "".join(ch for ch in text.upper() if ch.isalnum())

    return clean(a) == clean(b) and bool(clean(a))


def generate_key(at: datetime) -> KeyPair:
    """A new random key pair (not stored)."""
    private = Ed25519PrivateKey.generate()
    raw_private = private.private_bytes(serialization.Encoding.Raw,
                                        serialization.PrivateFormat.Raw,
                                        serialization.NoEncryption())
    raw_public = private.public_key().public_bytes(serialization.Encoding.Raw,
                                                   serialization.PublicFormat.Raw)
    return KeyPair(raw_public, raw_private, at)


def add_signing_key(session: Session, at: datetime, user_id: int | None = None) -> KeyPair:
    """Make the key inside the caller's write transaction (set-up, or first export).

    The creation is written to the audit log with the fingerprint, so a later change of
    key (a restored or copied database) can be traced.
    """
    pair = generate_key(at)
    session.add(SigningKey(public_key=pair.public_key, private_key=pair.private_key,
                           created_at=at))
    session.flush()
    record_event(session, at=at, user_id=user_id, action="signing_key.create",
                 entity="signing_key", entity_id=pair.fingerprint, detail={})
    return pair


def _stored(session: Session) -> KeyPair | None:
    row = session.execute(select(SigningKey).order_by(SigningKey.id).limit(1)).scalar()
    if row is None:
        return None
    return KeyPair(bytes(row.public_key), bytes(row.private_key), row.created_at)


def village_key(db: Database) -> KeyPair:
    """The village's key; a database made before schema 0004 gets one on first use."""
    with db.read() as session:
        pair = _stored(session)
    if pair is not None:
        return pair
    with db.write() as session:
        # Checked again under the write lock: two exports at once make one key only.
        return _stored(session) or add_signing_key(session, utcnow())


def sign(db: Database, data: bytes) -> bytes:
    """Sign ``data`` with the village key (made if missing)."""
    return village_key(db).sign(data)


def load_public_key(data: bytes) -> bytes:
    """Raw 32-byte public key from raw bytes or PEM (``signer.pub`` in a package)."""
    if len(data) == 32:
        return data
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as exc:
        raise SigningError(text("store.key_unreadable")) from exc
    if not isinstance(key, Ed25519PublicKey):
        raise SigningError(text("store.key_not_ed25519"))
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def verify(public_key: bytes, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` is this key's signature of exactly ``data``.

    A malformed key or signature counts as not matching: the caller reports it the same
    way ("tanda tangan tidak cocok").
    """
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True
