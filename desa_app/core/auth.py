"""Passwords: memory-hard hashing (scrypt) and slowing down repeated wrong guesses.

A village laptop is shared and sometimes lost; the database holds every resident's NIK.
Passwords are never stored or logged in clear: only ``scrypt$N$r$p$salt$hash``. After a
few wrong passwords each further attempt must wait longer (up to 5 minutes).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from desa_app.core.messages import text

SCRYPT_N = 2**14  # 16 MiB of memory per hash (r=8): costly to brute-force, fine on 4 GB
SCRYPT_R = 8
SCRYPT_P = 1
FREE_ATTEMPTS = 3
MAX_DELAY = timedelta(minutes=5)
MIN_LENGTH = 8


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R,
                            p=SCRYPT_P, dklen=32, maxmem=64 * 1024 * 1024)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt),
                                n=int(n), r=int(r), p=int(p), dklen=len(expected),
                                maxmem=64 * 1024 * 1024)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def password_problem(password: str) -> str | None:
    """Why a new password is not acceptable (in the language chosen now), or None."""
    if len(password) < MIN_LENGTH:
        return text("auth.password_too_short", length=MIN_LENGTH)
    if password.isdigit():
        return text("auth.password_only_digits")
    return None


def lockout_after(failed_attempts: int, now: datetime) -> datetime | None:
    """When the next attempt is allowed after this many consecutive failures."""
    if failed_attempts < FREE_ATTEMPTS:
        return None
    delay = timedelta(seconds=2 ** (failed_attempts - FREE_ATTEMPTS + 1))
    return now + min(delay, MAX_DELAY)
