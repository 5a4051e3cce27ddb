"""Time as the database stores it: UTC without a zone (portable to any SQL database).

Records travel between laptops, so times are UTC; screens convert to local time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
