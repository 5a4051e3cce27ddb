"""Validation results: where (question and instance), how bad, and what to tell the user."""

from __future__ import annotations

from dataclasses import dataclass

from desa_app.core.instrument.model import Node, Severity

Key = tuple[int, ...]


@dataclass(frozen=True)
class Issue:
    name: str  # question (or repeat) name
    key: Key  # repeat instance indices, 0-based
    path: str  # human-readable: anggota[2]/nik (1-based)
    severity: Severity
    message: str  # ready to show, in the language chosen when it was made (core/messages)
    code: str  # required, constraint, check, type, repeat_count

    @property
    def blocks_submission(self) -> bool:
        return self.severity is Severity.ERROR


def path_of(node: Node, key: Key) -> str:
    """``anggota[2]/nik`` for the NIK of the second member; ``no_kk`` at the top."""
    pairs = zip(node.repeats, key, strict=False)
    parts = [f"{repeat.name}[{index + 1}]" for repeat, index in pairs]
    if not node.repeats or node.repeats[-1] is not node or len(key) < node.depth:
        parts.append(node.name)
    return "/".join(parts)
