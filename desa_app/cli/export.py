"""``desa-app export xlsx|pdf|package`` and ``desa-app verify-package``.

The same core exporters as the GUI's Ekspor page; progress goes to the terminal. Every
export is recorded in the audit log with who made it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desa_app.cli.common import UserError
from desa_app.cli.db import login, open_from_args
from desa_app.core.exports.progress import Progress
from desa_app.core.exports.source import ALL_STATUSES, VERIFIED, ExportSource
from desa_app.core.store.facade import VillageStore


def _progress() -> Progress:
    shown = [-1]

    def report(done: int, total: int, what: str) -> None:
        percent = done * 100 // total if total else 100
        if percent // 10 != shown[0] // 10:
            shown[0] = percent
            print(f"  {percent:>3}%  {what}", file=sys.stderr, flush=True)

    return Progress(report)


def _output(path: str, suffix: str) -> Path:
    out = Path(path)
    if out.suffix.lower() != suffix:
        raise UserError(f"Nama berkas tujuan harus berakhiran {suffix}: {out}")
    if not out.parent.is_dir():
        raise UserError(f"Folder tujuan tidak ada: {out.parent}")
    return out


def _with_source(args: argparse.Namespace, work: Any) -> int:
    store = VillageStore(open_from_args(args))
    try:
        actor = login(store, args.as_user)
        statuses = ALL_STATUSES if getattr(args, "all_statuses", False) else VERIFIED
        result: int = work(ExportSource(store, actor, statuses=statuses))
        return result
    finally:
        store.close(backup=False)


def cmd_xlsx(args: argparse.Namespace) -> int:
    from desa_app.core.exports.workbook import write_workbook

    out = _output(args.out, ".xlsx")

    def work(source: ExportSource) -> int:
        result = write_workbook(source, out, _progress())
        source.log("xlsx", out, {"households": result.households})
        print(f"Buku kerja ditulis: {out} ({result.households} keluarga)")
        return 0

    return _with_source(args, work)


def cmd_pdf(args: argparse.Namespace) -> int:
    from desa_app.core.exports import pdf

    out = _output(args.out, ".pdf")

    def work(source: ExportSource) -> int:
        progress = _progress()
        if args.kind == "keluarga":
            pages = pdf.write_households(source, out, progress, args.record or None)
        elif args.kind == "kosong":
            pages = pdf.write_blank(source.instrument, out, source.village, progress)
        elif args.kind == "laporan":
            pages = pdf.write_laporan(source, out, progress)
        else:
            from desa_app.core.exports.signing import key_fingerprint, village_key

            key = village_key(source.store.db)
            pages = pdf.write_berita_acara(source, out, progress=progress,
                                           key_fingerprint=key_fingerprint(key.public_key))
        source.log("pdf", out, {"kind": args.kind, "pages": pages})
        print(f"PDF ditulis: {out} ({pages} halaman)")
        return 0

    return _with_source(args, work)


def cmd_package(args: argparse.Namespace) -> int:
    from desa_app.core.exports.package import build_package, standard_parts

    out = _output(args.out, ".zip")

    def work(source: ExportSource) -> int:
        result = build_package(source, out, standard_parts(source), _progress())
        source.log("package", out, {"sha256": result.sha256})
        print(f"Paket ditulis: {out}")
        print(f"Sidik kunci desa: {result.key_fingerprint}")
        return 0

    return _with_source(args, work)


def cmd_verify_package(args: argparse.Namespace) -> int:
    from desa_app.core.exports.package import verify_package

    report = verify_package(Path(args.file), args.fingerprint)
    for line in report.summary_lines():
        print(line)
    return 0 if report.ok else 1


def register(commands: Any) -> None:
    export = commands.add_parser("export", help="ekspor data desa").add_subparsers(
        dest="export_command", required=True)

    def common(parser: argparse.ArgumentParser, statuses: bool = True
               ) -> argparse.ArgumentParser:
        parser.add_argument("--db", help="berkas basis data")
        parser.add_argument("--as", dest="as_user", required=True,
                            help="pengguna yang mengekspor (kata sandi ditanyakan)")
        if statuses:
            parser.add_argument("--all-statuses", action="store_true",
                                help="sertakan semua status (bawaan: hanya yang disetujui)")
        return parser

    xlsx = common(export.add_parser("xlsx", help="buku kerja Excel untuk Prodeskel"))
    xlsx.add_argument("out", help="berkas .xlsx tujuan")
    xlsx.set_defaults(func=cmd_xlsx)
    pdf = common(export.add_parser("pdf", help="dokumen PDF"))
    pdf.add_argument("kind", choices=["keluarga", "kosong", "laporan", "berita-acara"],
                     help="keluarga: cetakan DDK; kosong: kuesioner kosong; laporan: "
                     "Laporan Kegiatan; berita-acara: Berita Acara Verifikasi")
    pdf.add_argument("out", help="berkas .pdf tujuan")
    pdf.add_argument("--record", action="append", help="hanya rekaman ini (boleh berulang)")
    pdf.set_defaults(func=cmd_pdf)
    package = common(export.add_parser("package", help="paket terverifikasi bertanda tangan"),
                     statuses=False)
    package.add_argument("out", help="berkas .zip tujuan")
    package.set_defaults(func=cmd_package)

    verify = commands.add_parser("verify-package", help="periksa paket ekspor")
    verify.add_argument("file")
    verify.add_argument("--fingerprint", help="sidik kunci desa yang diharapkan")
    verify.set_defaults(func=cmd_verify_package)
