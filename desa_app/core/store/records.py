"""How a saved record's answers and history are fingerprinted: content and revision hashes.

What the answers mean (counts, export values, key fields, people) is derived by
:func:`desa_app.core.instrument.facts.derive_facts`.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from desa_app.core.store.audit import canonical_json


def content_hash(answers: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(answers).encode("utf-8")).hexdigest()


def revision_hash(parent: str | None, content: str, author_id: int, at: datetime,
                  reason: str) -> str:
    """Links a revision to its parent: the history laptops will later merge by."""
    body = canonical_json([parent, content, author_id, at.isoformat(), reason])
    return hashlib.sha256(body.encode("utf-8")).hexdigest()
