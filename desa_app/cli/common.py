"""What every command shares: user errors, the database path, asking for secrets.

Secrets (passwords, the database passphrase) are asked at the terminal without echo,
or read from environment variables for scripts and tests; never from the command line,
where they would stay in the shell history.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

ENV_PASSPHRASE = "DESA_APP_PASSPHRASE"
ENV_PASSWORD = "DESA_APP_PASSWORD"
ENV_NEW_PASSWORD = "DESA_APP_NEW_PASSWORD"


class UserError(Exception):
    """A problem the user can fix; printed on one line without a traceback."""


def default_database() -> Path:
    return Path(user_data_dir("desa-app", appauthor=False)) / "desa.sqlite3"


def ask_secret(prompt: str, env: str, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise UserError(f"{prompt} diperlukan: jalankan di terminal atau isi variabel {env}.")
    value = getpass.getpass(f"{prompt}: ")
    if confirm and getpass.getpass(f"Ulangi {prompt.lower()}: ") != value:
        raise UserError("Kedua isian tidak sama.")
    return value
