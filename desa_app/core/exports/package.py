"""The signed verified package: data, documents and metadata in one ``.zip``.

What a village hands to Diskominfo must arrive whole and be provably the village's:
every file is listed in ``manifest.json`` with its SHA-256, the manifest is signed with
the village's Ed25519 key (``manifest.sig``, key in ``signer.pub``), and the Berita Acara,
written last, prints the key fingerprint and the fingerprint of the data it certifies.
The package appears under its real name only when complete (``atomic_output``): a
cancel, a crash or a full disk leaves no package and an older one untouched.

Parts are written by the workbook and PDF exporters; this module only composes them, so
a new document is one more :class:`PackagePart`. :func:`verify_package` lives in
:mod:`package_reader` and is re-exported here.
"""

from __future__ import annotations

import errno
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desa_app.core.errors import StoreError
from desa_app.core.exports.manifest import (
    MANIFEST,
    PUBLIC_KEY,
    RESERVED,
    SIGNATURE,
    FileDigest,
    RecordSummary,
    build_manifest,
    data_fingerprint,
    file_digest,
    manifest_bytes,
    summarise,
    unsafe_name_reason,
)
from desa_app.core.exports.metadata import metadata_names, write_metadata
from desa_app.core.exports.package_reader import VerifyReport, verify_package
from desa_app.core.exports.progress import Progress
from desa_app.core.files import atomic_output
from desa_app.core.messages import text
from desa_app.core.store import signing
from desa_app.core.store.export_source import ExportSource

STEP = 1000
"""Resolution of one stage in the overall progress (a stage's own steps are scaled)."""
STORED_SUFFIXES = (".xlsx", ".zip", ".png", ".jpg", ".jpeg")
"""Already compressed: stored as they are instead of compressing them again."""


class PackageError(StoreError):
    """The package could not be written (folder missing, disk full, ...)."""


@dataclass
class PackageContext:
    """What a part may know while it is written: the key and the files before it."""

    source: ExportSource
    key_fingerprint: str
    summary: RecordSummary
    files: dict[str, FileDigest] = field(default_factory=dict)
    certified: list[dict[str, Any]] = field(default_factory=list)
    current: str = ""

    def data_fingerprint(self) -> str:
        """SHA-256 over the sorted (name, sha256) of the members written so far.

        Recorded in the manifest (which part asked, which files it covers) so a checker
        can match the number printed on the Berita Acara with the files in the package.
        """
        hashes = {name: digest.sha256 for name, digest in self.files.items()}
        value = data_fingerprint(hashes)
        self.certified.append({"for": self.current, "sha256": value,
                               "files": sorted(hashes)})
        return value

    @property
    def years(self) -> list[int]:
        return sorted(self.summary.years)


ZipStamp = tuple[int, int, int, int, int, int]
PartWriter = Callable[[Path, Progress, PackageContext], None]


@dataclass(frozen=True)
class PackagePart:
    """One member of the package: its path in the zip and how to write it to a file."""

    name: str
    write: PartWriter
    title: str = ""  # what the progress bar says while it is written


@dataclass(frozen=True)
class PackageResult:
    path: Path
    size: int
    sha256: str  # of the whole zip, to note beside the hand-over
    key_fingerprint: str
    data_fingerprint: str  # over every listed file
    records: int
    files: dict[str, FileDigest]
    manifest: dict[str, Any]


class _Stage(Progress):
    """One stage's view of the overall progress: its 0..total maps onto its slice."""

    def __init__(self, parent: Progress, index: int, stages: int, title: str) -> None:
        super().__init__()
        self._parent, self._index, self._stages, self._title = parent, index, stages, title

    def cancel(self) -> None:
        self._parent.cancel()

    @property
    def cancelled(self) -> bool:
        return self._parent.cancelled

    def step(self, done: int, total: int, what: str = "") -> None:
        share = min(STEP, done * STEP // total) if total > 0 else 0
        self._parent.step(self._index * STEP + share, self._stages * STEP,
                          what or self._title)


def _check_parts(parts: Sequence[PackagePart], reserved: set[str]) -> None:
    """Part names come from code: a bad one is a programming error, not a user's."""
    seen = set(reserved)
    for part in parts:
        reason = unsafe_name_reason(part.name)
        if reason is not None or part.name.endswith("/"):
            raise ValueError(f"bad package member name {part.name!r}: {reason}")
        if part.name in seen:
            raise ValueError(f"package member {part.name!r} given twice or reserved")
        seen.add(part.name)


def _zip(folder: Path, names: Sequence[str], target: Path, stamp: ZipStamp,
         progress: Progress) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for index, name in enumerate(names):
            progress.step(index, len(names), text("exports.step.packing", name=name))
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o100644 << 16  # a plain file, never a link
            info.compress_type = (zipfile.ZIP_STORED if name.endswith(STORED_SUFFIXES)
                                  else zipfile.ZIP_DEFLATED)
            with (folder / name).open("rb") as src, archive.open(info, "w") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
        progress.step(len(names), len(names), text("exports.step.package_done"))


def build_package(source: ExportSource, out: Path, parts: Sequence[PackagePart],
                  progress: Progress | None = None) -> PackageResult:
    """Write the signed package ``out`` from ``parts`` plus metadata and manifest."""
    progress = progress or Progress()
    out = Path(out)
    if not out.parent.is_dir():
        raise PackageError(text("exports.folder_missing", parent=out.parent))
    _check_parts(parts, {*RESERVED, *metadata_names(source.instrument)})
    key = signing.village_key(source.store.db)
    stages = len(parts) + 3  # summary, parts, metadata, zip
    try:
        with tempfile.TemporaryDirectory(prefix="desa-paket-") as temp:
            folder = Path(temp)
            first = _Stage(progress, 0, stages, text("exports.step.reading"))
            first.step(0, 1)
            summary = summarise(source, lambda done, total: first.step(done, total))
            context = PackageContext(source, key.fingerprint, summary)
            for index, part in enumerate(parts, start=1):
                stage = _Stage(progress, index, stages,
                               part.title or text("exports.step.writing", name=part.name))
                stage.step(0, 1)
                _write_part(folder, part, stage, context)
            meta = _Stage(progress, stages - 2, stages, text("exports.step.metadata"))
            meta.step(0, 1)
            for name in write_metadata(source, folder, context.years):
                context.files[name] = file_digest(folder / name)
            return _seal(source, out, folder, context, key,
                         _Stage(progress, stages - 1, stages, text("exports.step.package")))
    except OSError as exc:
        reason = "disk penuh" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
        raise PackageError(text("exports.package_unwritable", out=out, reason=reason)) from exc


def _write_part(folder: Path, part: PackagePart, progress: Progress,
                context: PackageContext) -> None:
    target = folder / part.name
    target.parent.mkdir(parents=True, exist_ok=True)
    context.current = part.name
    part.write(target, progress, context)
    if not target.is_file():
        raise RuntimeError(f"package part {part.name!r} wrote no file")
    context.files[part.name] = file_digest(target)


def _seal(source: ExportSource, out: Path, folder: Path, context: PackageContext,
          key: signing.KeyPair, progress: Progress) -> PackageResult:
    """Manifest, signature, public key; then the zip, atomically under ``out``."""
    progress.step(0, 1)
    manifest = build_manifest(source, context.summary, context.files, key.fingerprint,
                              context.certified)
    raw = manifest_bytes(manifest)
    (folder / MANIFEST).write_bytes(raw)
    (folder / SIGNATURE).write_bytes(key.sign(raw))
    (folder / PUBLIC_KEY).write_bytes(key.public_pem())
    names = [*context.files, MANIFEST, SIGNATURE, PUBLIC_KEY]
    at = source.exported_at
    stamp = (at.year, at.month, at.day, at.hour, at.minute, at.second)
    with atomic_output(out) as partial:
        _zip(folder, names, partial, stamp, progress)
        whole = file_digest(partial)
    hashes = {name: digest.sha256 for name, digest in context.files.items()}
    return PackageResult(out, whole.size, whole.sha256, key.fingerprint,
                         data_fingerprint(hashes), context.summary.count,
                         dict(context.files), manifest)


def _slug(name: str) -> str:
    """A dusun name as a safe, readable file name part ("Krajan Wetan" -> krajan-wetan)."""
    slug = "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())
    return slug or "tanpa-dusun"


def _slugs(names: list[str]) -> list[tuple[str, str]]:
    """Each dusun with a file name part, numbered when two names read the same."""
    seen: dict[str, int] = {}
    pairs = []
    for name in names:
        slug = _slug(name)
        seen[slug] = seen.get(slug, 0) + 1
        pairs.append((name, slug if seen[slug] == 1 else f"{slug}-{seen[slug]}"))
    return pairs


def standard_parts(source: ExportSource) -> list[PackagePart]:
    """The real package: Prodeskel workbook, the household forms as one PDF per dusun
    (reportlab holds a whole document in memory: a village in one file would need
    ~600 MB; per dusun it is a fraction, and the Tim prints per dusun anyway), the
    report, and the Berita Acara (last).

    The exporters are imported when a part is written: building the list costs nothing
    and a package of test parts does not load reportlab or openpyxl.
    """

    def workbook(path: Path, progress: Progress, context: PackageContext) -> None:
        from desa_app.core.exports.workbook import write_workbook

        write_workbook(source, path, progress)

    def households(dusun: str) -> PartWriter:
        def write(path: Path, progress: Progress, context: PackageContext) -> None:
            from desa_app.core.exports.pdf import write_households

            write_households(source.of_dusun(dusun), path, progress)

        return write

    def laporan(path: Path, progress: Progress, context: PackageContext) -> None:
        from desa_app.core.exports.pdf import write_laporan

        write_laporan(source, path, progress)

    def berita_acara(path: Path, progress: Progress, context: PackageContext) -> None:
        from desa_app.core.exports.pdf import write_berita_acara

        write_berita_acara(source, path, key_fingerprint=context.key_fingerprint,
                           data_fingerprint=context.data_fingerprint(), progress=progress)

    return [
        PackagePart("data/prodeskel-ddk.xlsx", workbook, text("exports.step.workbook")),
        *(PackagePart(f"dokumen/keluarga/ddk-keluarga-{slug}.pdf", households(dusun),
                      text("exports.step.household_forms",
                           dusun=dusun or text("exports.step.no_dusun")))
          for dusun, slug in _slugs(source.dusun_names())),
        PackagePart("dokumen/laporan-kegiatan.pdf", laporan, text("exports.step.laporan")),
        PackagePart("dokumen/berita-acara-verifikasi.pdf", berita_acara,
                    text("exports.step.berita_acara")),
    ]


__all__ = ["PackageContext", "PackageError", "PackagePart", "PackageResult", "VerifyReport",
           "build_package", "standard_parts", "verify_package"]
