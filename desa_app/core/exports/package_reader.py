"""Checking a signed package: is it whole, unchanged and signed by the expected village?

Diskominfo (and the village itself, before sending) opens packages that travelled over
flash disks and chat groups, so the file is treated as hostile: its table of contents is
judged first (member count, names that could escape a folder, links, encryption,
declared sizes and compression ratios) and nothing is read before it passes. Members are
then hashed as streams, never extracted to disk. Every finding is an Indonesian sentence
naming the file, so the person checking knows exactly what is wrong.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desa_app.core.exports.manifest import (
    CHUNK,
    FORMAT,
    MANIFEST,
    PUBLIC_KEY,
    RESERVED,
    SIGNATURE,
    FileDigest,
    data_fingerprint,
    unsafe_name_reason,
)
from desa_app.core.messages import text
from desa_app.core.store import signing
from desa_app.core.workflow import Status, status_label

MAX_MEMBERS = 10_000
MAX_MEMBER_SIZE = 1 << 30  # 1 GiB
MAX_TOTAL_SIZE = 2 << 30  # 2 GiB unpacked
MAX_RATIO = 100
"""Real members (xlsx, PDF, JSON, CSV) compress far less; a bomb compresses 1000:1."""
RATIO_FROM = 1 << 20  # small files may compress well without being suspicious
MAX_SMALL = {MANIFEST: 16 << 20, SIGNATURE: 1024, PUBLIC_KEY: 4096}
ALLOWED_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
SHA256 = re.compile(r"^[0-9a-f]{64}$")
READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
               NotImplementedError, RuntimeError)


@dataclass
class VerifyReport:
    """The outcome of a check: every problem found, and the manifest for display."""

    path: Path
    problems: list[str] = field(default_factory=list)
    manifest: dict[str, Any] | None = None
    signature_valid: bool = False
    key_fingerprint: str = ""  # of the public key inside the package
    files_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and self.signature_valid and self.manifest is not None

    def _get(self, key: str) -> Any:
        return self.manifest.get(key) if self.manifest is not None else None

    @property
    def village(self) -> str:
        village = self._get("village")
        if not isinstance(village, dict):
            return ""
        return (f"Desa {village.get('name', '')} ({village.get('code', '')}), "
                f"Kec. {village.get('kecamatan', '')}, {village.get('kabupaten', '')}, "
                f"{village.get('provinsi', '')}")

    @property
    def exported_at(self) -> str:
        return str(self._get("exported_at") or "")

    @property
    def exported_by(self) -> str:
        who = self._get("exported_by")
        if not isinstance(who, dict):
            return ""
        return f"{who.get('display_name', '')} ({who.get('username', '')})"

    @property
    def period(self) -> list[int]:
        period = self._get("period")
        return [p for p in period if isinstance(p, int)] if isinstance(period, list) else []

    @property
    def status_counts(self) -> dict[str, int]:
        counts = self._get("status_counts")
        return dict(counts) if isinstance(counts, dict) else {}

    @property
    def records(self) -> int:
        count = self._get("records_exported")
        return count if isinstance(count, int) else 0

    @property
    def data_fingerprint(self) -> str:
        """The data fingerprint printed on the Berita Acara (the last one handed out)."""
        entries = self._get("data_fingerprints")
        if isinstance(entries, list) and entries and isinstance(entries[-1], dict):
            return str(entries[-1].get("sha256", ""))
        return ""

    def summary_lines(self) -> list[str]:
        """What the CLI prints and the Ekspor page shows: the verdict's details, then
        what the package says about itself (only when its manifest could be read)."""
        lines = [f"- {problem}" for problem in self.problems]
        if self.manifest is not None:
            counts = ", ".join(f"{_status_name(k)} {v}" for k, v in self.status_counts.items())
            lines += [text("exports.check.village", village=self.village),
                      text("exports.check.exported", at=self.exported_at, by=self.exported_by),
                      text("exports.check.records", records=self.records)
                      + (text("exports.check.status_counts", counts=counts) if counts else ""),
                      text("exports.check.files_checked", files=self.files_checked)]
        if self.key_fingerprint:
            lines.append(text("exports.check.key_fingerprint", fingerprint=self.key_fingerprint))
        if self.data_fingerprint:
            lines.append(text("exports.check.data_fingerprint", fingerprint=self.data_fingerprint))
        return lines


def _size(value: int) -> str:
    return f"{value:,} bita".replace(",", ".")


def _is_link(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def _table_problems(infos: list[zipfile.ZipInfo]) -> list[str]:
    """Everything wrong with the table of contents; checked before any member is read."""
    if len(infos) > MAX_MEMBERS:
        return [text("exports.check.too_many_files", count=len(infos), limit=MAX_MEMBERS)]
    problems: list[str] = []
    seen: set[str] = set()
    folded: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        reason = unsafe_name_reason(name)
        if reason is not None:
            problems.append(text("exports.check.unsafe_name", name=name, reason=reason))
        if name in seen or name.casefold() in folded:
            problems.append(text("exports.check.duplicate_name", name=name))
        seen.add(name)
        folded.add(name.casefold())
        if _is_link(info):
            problems.append(text("exports.check.symlink", name=name))
        if info.flag_bits & 0x1:
            problems.append(text("exports.check.encrypted", name=name))
        if info.compress_type not in ALLOWED_METHODS:
            problems.append(text("exports.check.compression", name=name))
        limit = MAX_SMALL.get(name, MAX_MEMBER_SIZE)
        if info.file_size > limit:
            problems.append(text("exports.check.file_too_big",
                                 name=name, size=_size(info.file_size), limit=_size(limit)))
        elif (info.file_size > RATIO_FROM
              and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            ratio = info.file_size // max(info.compress_size, 1)
            problems.append(text("exports.check.zip_bomb", name=name, ratio=ratio))
        total += info.file_size
    if total > MAX_TOTAL_SIZE:
        problems.append(text("exports.check.total_too_big",
                             size=_size(total), limit=_size(MAX_TOTAL_SIZE)))
    return problems


def _hash_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> FileDigest | None:
    """SHA-256 of one member read as a stream (zipfile stops at the declared size and
    checks the CRC); None when the member is damaged."""
    digest = hashlib.sha256()
    size = 0
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except READ_ERRORS:
        return None
    return FileDigest(size, digest.hexdigest())


def _read_small(archive: zipfile.ZipFile, name: str, names: set[str]) -> bytes | None:
    if name not in names:
        return None
    try:
        return archive.read(name)
    except READ_ERRORS:
        return None


def _parse_manifest(raw: bytes, report: VerifyReport) -> list[dict[str, Any]] | None:
    """The manifest's file list, or None (with the reason reported) when unusable."""
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        report.problems.append(text("exports.check.manifest_not_json", manifest=MANIFEST))
        return None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        report.problems.append(text("exports.check.manifest_foreign", manifest=MANIFEST))
        return None
    report.manifest = manifest
    files = manifest.get("files")
    if not isinstance(files, list) or not all(
            isinstance(f, dict) and isinstance(f.get("name"), str)
            and isinstance(f.get("size"), int) and isinstance(f.get("sha256"), str)
            and SHA256.match(f["sha256"]) for f in files):
        report.problems.append(text("exports.check.manifest_list_format", manifest=MANIFEST))
        return None
    return files


def _check_signature(raw: bytes, signature: bytes | None, public: bytes | None,
                     expected: str | None, report: VerifyReport) -> None:
    if signature is None:
        report.problems.append(text("exports.check.signature_missing", signature=SIGNATURE))
    if public is None:
        report.problems.append(text("exports.check.public_key_missing", public_key=PUBLIC_KEY))
        return
    try:
        key = signing.load_public_key(public)
    except signing.SigningError as exc:
        report.problems.append(str(exc))
        return
    report.key_fingerprint = signing.key_fingerprint(key)
    if signature is not None:
        report.signature_valid = signing.verify(key, raw, signature)
        if not report.signature_valid:
            report.problems.append(
                text("exports.check.signature_mismatch",
                     manifest=MANIFEST, signature=SIGNATURE, public_key=PUBLIC_KEY))
    if expected is not None and not signing.same_fingerprint(report.key_fingerprint,
                                                             expected):
        report.problems.append(
            text("exports.check.key_unexpected",
                 expected=expected, fingerprint=report.key_fingerprint))


def _check_files(listed: list[dict[str, Any]], digests: dict[str, FileDigest],
                 report: VerifyReport) -> None:
    names = [entry["name"] for entry in listed]
    for name in sorted({n for n in names if names.count(n) > 1}):
        report.problems.append(text("exports.check.listed_twice", name=name, manifest=MANIFEST))
    for entry in listed:
        name, size, sha = entry["name"], entry["size"], entry["sha256"]
        actual = digests.get(name)
        if actual is None:
            report.problems.append(text("exports.check.listed_not_present", name=name))
        elif actual.size != size:
            report.problems.append(text("exports.check.size_differs",
                                        name=name, size=_size(actual.size), expected=_size(size)))
        elif actual.sha256 != sha:
            report.problems.append(text("exports.check.hash_differs",
                                        name=name, actual=actual.sha256[:16], expected=sha[:16]))
        else:
            report.files_checked += 1
    extra = sorted(set(digests) - set(names) - RESERVED)
    if extra:
        report.problems.append(text("exports.check.extra_files", names=", ".join(extra)))


def _check_data_fingerprints(listed: list[dict[str, Any]], report: VerifyReport) -> None:
    hashes = {entry["name"]: entry["sha256"] for entry in listed}
    entries = report.manifest.get("data_fingerprints", []) if report.manifest else []
    for entry in entries if isinstance(entries, list) else []:
        covered = entry.get("files") if isinstance(entry, dict) else None
        if (not isinstance(covered, list) or not all(c in hashes for c in covered)
                or data_fingerprint({c: hashes[c] for c in covered}) != entry.get("sha256")):
            what = entry.get("for", "?") if isinstance(entry, dict) else "?"
            report.problems.append(text("exports.check.data_fingerprint_mismatch",
                                        what=what, manifest=MANIFEST))


def verify_package(path: Path, expected_fingerprint: str | None = None) -> VerifyReport:
    """Check a package without unpacking it; ``report.ok`` only if nothing is wrong."""
    report = VerifyReport(Path(path))
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        report.problems.append(text("exports.check.package_missing", path=path))
        return report
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        report.problems.append(text("exports.check.not_zip", name=Path(path).name))
        return report
    with archive:
        infos = archive.infolist()
        report.problems += _table_problems(infos)
        if report.problems:
            return report
        digests: dict[str, FileDigest] = {}
        for info in infos:
            digest = _hash_member(archive, info)
            if digest is None:
                report.problems.append(text("exports.check.zip_damaged", filename=info.filename))
            else:
                digests[info.filename] = digest
        names = set(digests)
        raw = _read_small(archive, MANIFEST, names)
        signature = _read_small(archive, SIGNATURE, names)
        public = _read_small(archive, PUBLIC_KEY, names)
    if raw is None:
        report.problems.append(text("exports.check.manifest_missing", manifest=MANIFEST))
        return report
    _check_signature(raw, signature, public, expected_fingerprint, report)
    listed = _parse_manifest(raw, report)
    if listed is None:
        return report
    stated = report.manifest.get("key_fingerprint") if report.manifest else None
    if report.key_fingerprint and stated != report.key_fingerprint:
        report.problems.append(text("exports.check.manifest_key_differs",
                                    stated=stated, fingerprint=report.key_fingerprint))
    _check_files(listed, digests, report)
    _check_data_fingerprints(listed, report)
    return report


def _status_name(code: str) -> str:
    """"Disetujui" for ``verified``; a status this version does not know stays as written
    (a package from a newer desa-app)."""
    return status_label(code) if code in {status.value for status in Status} else code
