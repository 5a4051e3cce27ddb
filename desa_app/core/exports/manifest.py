"""The package manifest: what a signed package holds, and the rules both ends share.

``manifest.json`` lists every other file of the package with its size and SHA-256 and
says whose data it is (village, period, record counts, who exported when). The village
signs its exact bytes (``manifest.sig``), so one signature covers every file. The writer
(:mod:`package`) and the checker (:mod:`package_reader`) both use this module, so the two
can never disagree on a name rule or on how the data fingerprint is computed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desa_app import __version__
from desa_app.core.messages import text
from desa_app.core.store.export_source import ExportSource
from desa_app.core.workflow import Status

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PUBLIC_KEY = "signer.pub"
RESERVED = frozenset({MANIFEST, SIGNATURE, PUBLIC_KEY})
"""Members that describe the package and so cannot be listed in its manifest."""
FORMAT = "desa-app-paket"
FORMAT_VERSION = 1
YEAR_FIELD = "tahun"
"""The form's "Tahun" (H.12, year of the data collection): the period of a record."""
CHUNK = 1 << 20
DRIVE = re.compile(r"^[A-Za-z]:")


def unsafe_name_reason(name: str) -> str | None:
    """Why a member name could escape a folder or fool a reader on unpacking, or None.

    Checked on both sides: the writer refuses such a part, the reader refuses a package
    holding one before it reads anything else.
    """
    if not name or any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return text("exports.name.control")
    if "\\" in name:
        return text("exports.name.backslash")
    if name.startswith("/"):
        return text("exports.name.absolute")
    if DRIVE.match(name):
        return text("exports.name.drive")
    parts = name.rstrip("/").split("/")
    if ".." in parts:
        return text("exports.name.dotdot")
    if any(part in ("", ".") for part in parts):
        return text("exports.name.empty_part")
    return None


@dataclass(frozen=True)
class FileDigest:
    size: int
    sha256: str


def file_digest(path: Path) -> FileDigest:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return FileDigest(size, digest.hexdigest())


def data_fingerprint(hashes: Mapping[str, str]) -> str:
    """SHA-256 over the sorted ``(name, sha256)`` pairs, in ``sha256sum`` line format.

    So an officer can recompute it from the manifest (or ``sha256sum`` output) without
    this app: lines ``<sha256>  <name>\\n`` sorted by name, hashed as UTF-8.
    """
    text = "".join(f"{hashes[name]}  {name}\n" for name in sorted(hashes))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class RecordSummary:
    """What the exported records cover: how many, which years, which form versions."""

    count: int = 0
    years: set[int] = field(default_factory=set)
    versions: Counter[tuple[str, str]] = field(default_factory=Counter)


def _year(value: Any) -> int | None:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if 1900 <= year <= 2200 else None


def summarise(source: ExportSource, report: Callable[[int, int], None]) -> RecordSummary:
    """One pass over the records; ``report(done, total)`` now and then (may cancel)."""
    summary = RecordSummary()
    total = source.count()
    for record in source.records():
        summary.count += 1
        year = _year(record.answers.get(YEAR_FIELD))
        summary.years.add(year if year is not None else record.updated_at.year)
        summary.versions[(record.instrument_id, record.instrument_version)] += 1
        if summary.count % 200 == 0:
            report(summary.count, total)
    return summary


def iso_utc(source: ExportSource) -> str:
    return source.exported_at.strftime("%Y-%m-%dT%H:%M:%SZ")


def build_manifest(source: ExportSource, summary: RecordSummary,
                   files: Mapping[str, FileDigest], key_fingerprint: str,
                   certified: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    village = source.village
    instrument = source.instrument
    counts = source.status_counts()
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "village": {"code": village.code, "name": village.name,
                    "kecamatan": village.kecamatan, "kabupaten": village.kabupaten,
                    "provinsi": village.provinsi},
        "period": sorted(summary.years),
        "instrument": {"id": instrument.id, "version": instrument.version,
                       "title": instrument.title.get()},
        "instruments": [{"id": form_id, "version": version, "records": n}
                        for (form_id, version), n in sorted(summary.versions.items())],
        "statuses_included": [s.value for s in Status if s in source.statuses],
        "status_counts": {s.value: counts.get(s, 0) for s in Status},
        "records_exported": summary.count,
        "exported_at": iso_utc(source),
        "exported_by": {"username": source.actor.username,
                        "display_name": source.actor.display_name},
        "app_version": __version__,
        "key_fingerprint": key_fingerprint,
        "data_fingerprints": [dict(entry) for entry in certified],
        "files": [{"name": name, "size": files[name].size, "sha256": files[name].sha256}
                  for name in sorted(files)],
    }


def manifest_bytes(manifest: Mapping[str, Any]) -> bytes:
    """The exact bytes that are signed (UTF-8, indented for people, keys in fixed order)."""
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
