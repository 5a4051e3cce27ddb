"""``desa-app init | demo | users | backup | restore | audit | db``: the village database."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desa_app.cli.common import (
    ENV_NEW_PASSWORD,
    ENV_PASSPHRASE,
    ENV_PASSWORD,
    UserError,
    ask_secret,
    default_database,
)
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.users import Actor
from desa_app.core.workflow import ROLE_LABELS, STATUS_LABELS, Role


def database_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_database()


def passphrase_for(path: Path) -> str | None:
    """Ask for the passphrase only when the file is encrypted."""
    if VillageStore.file_kind(path) == "opaque":
        return ask_secret("Kata sandi basis data", ENV_PASSPHRASE)
    return None


def open_from_args(args: argparse.Namespace, migrate: bool = True) -> VillageStore:
    path = database_path(args)
    return VillageStore.open(path, passphrase_for(path), migrate=migrate)


def login(store: VillageStore, username: str) -> Actor:
    return store.users.authenticate(username, ask_secret(f"Kata sandi {username}", ENV_PASSWORD))


def cmd_init(args: argparse.Namespace) -> int:
    path = database_path(args)
    passphrase = (ask_secret("Kata sandi basis data (enkripsi)", ENV_PASSPHRASE, confirm=True)
                  if args.encrypt else None)
    password = ask_secret(f"Kata sandi baru untuk {args.admin}", ENV_NEW_PASSWORD, confirm=True)
    store = VillageStore.create(path, args.village, args.admin, args.admin_name, password,
                                passphrase)
    village = store.village_info()
    store.close(backup=False)
    print(f"Basis data dibuat: {path}")
    print(f"Desa {village.name}, Kec. {village.kecamatan}, {village.kabupaten} ({village.code})"
          + (", terenkripsi" if passphrase else ""))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from desa_app.core.demo.build import DEMO_PASSWORD, TEAM, build_demo_village

    path = Path(args.out) if args.out else default_database()
    if args.households < 1 or args.households > 100_000:
        raise UserError("Jumlah keluarga harus 1 sampai 100.000.")
    passphrase = (ask_secret("Kata sandi basis data (enkripsi)", ENV_PASSPHRASE, confirm=True)
                  if args.encrypt else None)
    shown = [-1]

    def progress(done: int, total: int) -> None:
        percent = done * 100 // total
        if percent // 10 != shown[0] // 10:
            shown[0] = percent
            print(f"  {done:>6} / {total} keluarga ({percent}%)", flush=True)

    print(f"Membuat desa contoh dengan {args.households} keluarga di {path} ...")
    result = build_demo_village(path, args.households, args.seed, village_code=args.village,
                                passphrase=passphrase, progress=progress)
    print(f"Selesai: {result.households} keluarga, {result.people} anggota, "
          f"{result.errors} galat, {result.warnings} peringatan.")
    print(f"Pengguna contoh (kata sandi semua: {DEMO_PASSWORD}):")
    for username, display, role in TEAM:
        print(f"  {username:<10} {display:<28} {ROLE_LABELS[Role(role)]}")
    return 0


def _as_admin_with_new_password(args: argparse.Namespace,
                                change: Callable[[VillageStore, Actor, str], object]) -> None:
    """Log in as ``--as``, ask the new password for ``username``, apply ``change``."""
    store = open_from_args(args)
    try:
        actor = login(store, args.as_user)
        password = ask_secret(f"Kata sandi baru untuk {args.username}", ENV_NEW_PASSWORD,
                              confirm=True)
        change(store, actor, password)
    finally:
        store.close(backup=False)


def cmd_run(args: argparse.Namespace) -> int:
    from desa_app.gui.app import run

    return run(Path(args.db) if args.db else None)


def cmd_users_add(args: argparse.Namespace) -> int:
    _as_admin_with_new_password(args, lambda store, actor, password: store.users.add(
        actor, args.username, args.name, args.role, password))
    print(f"Pengguna ditambahkan: {args.username.lower()} ({ROLE_LABELS[Role(args.role)]})")
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    store = open_from_args(args)
    try:
        users = store.accounts()
    finally:
        store.close(backup=False)
    for user in users:
        state = "aktif" if user.active else "nonaktif"
        print(f"{user.username:<20} {user.display_name:<30} "
              f"{ROLE_LABELS[user.role]:<26} {state}")
    return 0


def cmd_users_passwd(args: argparse.Namespace) -> int:
    _as_admin_with_new_password(args, lambda store, actor, password:
                                store.users.reset_password(actor, args.username, password))
    print(f"Kata sandi {args.username} telah diganti.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    store = open_from_args(args)
    try:
        target = store.backup_file(Path(args.out) if args.out else None)
    finally:
        store.close(backup=False)
    print(f"Cadangan ditulis: {target}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    path = database_path(args)
    source = Path(args.file)
    passphrase = passphrase_for(source)
    aside = VillageStore.restore(path, source, passphrase)
    print(f"Basis data dipulihkan dari {source}.")
    if aside.exists():
        print(f"Berkas sebelumnya disimpan sebagai {aside}")
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    store = open_from_args(args)
    try:
        report = store.audit_chain()
    finally:
        store.close(backup=False)
    if report.ok:
        print(f"Log audit utuh: {report.events} kejadian, rantai hash cocok.")
        return 0
    print(f"Log audit RUSAK pada kejadian #{report.broken_at}: {report.reason}.")
    return 1


def cmd_db_check(args: argparse.Namespace) -> int:
    store = open_from_args(args, migrate=False)
    try:
        found = store.check()
    finally:
        store.close(backup=False)
    problems, report, revision, head = found.problems, found.audit, found.revision, found.head
    print(f"Berkas: {found.path}")
    print("Integritas: " + ("baik" if not problems else "RUSAK: " + "; ".join(problems)))
    print(f"Versi skema: {revision}" + ("" if revision == head else f" (terbaru {head})"))
    print("Log audit: " + (f"utuh ({report.events} kejadian)" if report.ok
                           else f"RUSAK pada kejadian #{report.broken_at}"))
    for status, label in STATUS_LABELS.items():
        print(f"  {label:<28} {found.records_by_status.get(status.value, 0):>7} keluarga")
    print(f"  Anggota keluarga terindeks  {found.people:>7}")
    return 0 if found.ok else 1


def register(commands: Any) -> None:
    def with_db(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument("--db", help=f"berkas basis data (bawaan: {default_database()})")
        return parser

    init = with_db(commands.add_parser("init", help="buat basis data desa baru"))
    init.add_argument("--village", required=True, help="kode desa Kemendagri, mis. 35.01.01.2001")
    init.add_argument("--admin", required=True, help="nama pengguna admin pertama")
    init.add_argument("--admin-name", required=True, help="nama lengkap admin")
    init.add_argument("--encrypt", action="store_true", help="enkripsi berkas dengan kata sandi")
    init.set_defaults(func=cmd_init)

    run = with_db(commands.add_parser("run", help="jalankan aplikasi desktop"))
    run.set_defaults(func=cmd_run)

    demo = commands.add_parser("demo", help="buat desa contoh (data rekaan) untuk latihan")
    demo.add_argument("--households", type=int, default=2000, help="jumlah keluarga")
    demo.add_argument("--seed", type=int, default=1, help="benih acak (hasil sama)")
    demo.add_argument("--out", help=f"berkas tujuan (bawaan: {default_database()})")
    demo.add_argument("--village", default="35.01.01.2001", help="kode desa Kemendagri")
    demo.add_argument("--encrypt", action="store_true", help="enkripsi berkas")
    demo.set_defaults(func=cmd_demo)

    users = commands.add_parser("users", help="pengguna").add_subparsers(
        dest="users_command", required=True)
    add = with_db(users.add_parser("add", help="tambah pengguna"))
    add.add_argument("username")
    add.add_argument("--name", required=True, help="nama lengkap")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--as", dest="as_user", required=True, help="admin yang menambahkan")
    add.set_defaults(func=cmd_users_add)
    listing = with_db(users.add_parser("list", help="daftar pengguna"))
    listing.set_defaults(func=cmd_users_list)
    passwd = with_db(users.add_parser("passwd", help="ganti kata sandi pengguna (oleh admin)"))
    passwd.add_argument("username")
    passwd.add_argument("--as", dest="as_user", required=True, help="admin yang mengganti")
    passwd.set_defaults(func=cmd_users_passwd)

    backup = with_db(commands.add_parser("backup", help="buat cadangan basis data"))
    backup.add_argument("--out", help="berkas tujuan (bawaan: folder backups/)")
    backup.set_defaults(func=cmd_backup)
    restore = with_db(commands.add_parser("restore", help="pulihkan dari berkas cadangan"))
    restore.add_argument("file")
    restore.set_defaults(func=cmd_restore)

    audit = commands.add_parser("audit", help="log audit").add_subparsers(
        dest="audit_command", required=True)
    verify = with_db(audit.add_parser("verify", help="periksa rantai hash log audit"))
    verify.set_defaults(func=cmd_audit_verify)

    db = commands.add_parser("db", help="basis data").add_subparsers(
        dest="db_command", required=True)
    check = with_db(db.add_parser("check", help="periksa integritas basis data"))
    check.set_defaults(func=cmd_db_check)
