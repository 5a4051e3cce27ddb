"""Command line of desa-app.

Every command reports a user's mistake (a bad file, a wrong password, a damaged
database) as one clear Indonesian message and exit code 1, never a traceback; exit code
2 is a usage error. Programming errors are not caught here: they must be seen.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desa_app.cli import db as db_commands
from desa_app.cli import export as export_commands
from desa_app.cli import forms as forms_commands
from desa_app.cli.common import UserError
from desa_app.core.errors import StoreError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="desa-app", description="Profil Desa dan Kelurahan")
    commands = parser.add_subparsers(dest="command", required=True)
    forms_commands.register(commands)
    db_commands.register(commands)
    export_commands.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result: int = args.func(args)
    except (UserError, StoreError) as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return 1
    return result


if __name__ == "__main__":
    sys.exit(main())
