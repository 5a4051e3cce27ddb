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
from desa_app.core.exports.runner import PDF_KINDS, run_export
from desa_app.core.store.export_source import ALL_STATUSES, VERIFIED, ExportSource


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
    store = open_from_args(args)
    try:
        actor = login(store, args.as_user)
        statuses = ALL_STATUSES if getattr(args, "all_statuses", False) else VERIFIED
        result: int = work(ExportSource(store, actor, statuses=statuses))
        return result
    finally:
        store.close(backup=False)


def _run(args: argparse.Namespace, what: str, suffix: str) -> int:
    out = _output(args.out, suffix)

    def work(source: ExportSource) -> int:
        outcome = run_export(what, source, out, _progress(),
                             pdf_kind=getattr(args, "kind", "laporan"))
        if what == "xlsx":
            print(f"Buku kerja ditulis: {out} ({outcome.households} keluarga)")
        elif what == "pdf":
            print(f"PDF ditulis: {out} ({outcome.pages} halaman)")
        else:
            print(f"Paket ditulis: {out} ({outcome.households} keluarga)")
            print(f"Sidik kunci desa: {outcome.key_fingerprint}")
        return 0

    return _with_source(args, work)


def cmd_xlsx(args: argparse.Namespace) -> int:
    return _run(args, "xlsx", ".xlsx")


def cmd_pdf(args: argparse.Namespace) -> int:
    return _run(args, "pdf", ".pdf")


def cmd_package(args: argparse.Namespace) -> int:
    return _run(args, "zip", ".zip")


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
    pdf.add_argument("kind", choices=PDF_KINDS,
                     help="keluarga: cetakan DDK; kosong: kuesioner kosong; laporan: "
                     "Laporan Kegiatan; berita-acara: Berita Acara Verifikasi")
    pdf.add_argument("out", help="berkas .pdf tujuan")
    pdf.set_defaults(func=cmd_pdf)
    package = common(export.add_parser("package", help="paket terverifikasi bertanda tangan"),
                     statuses=False)
    package.add_argument("out", help="berkas .zip tujuan")
    package.set_defaults(func=cmd_package)

    verify = commands.add_parser("verify-package", help="periksa paket ekspor")
    verify.add_argument("file")
    verify.add_argument("--fingerprint", help="sidik kunci desa yang diharapkan")
    verify.set_defaults(func=cmd_verify_package)
