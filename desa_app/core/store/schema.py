"""Schema version of a village database: where it is, and bringing it to the newest.

Alembic from the very first table: every database records its revision, and the app
upgrades an older one (after a backup) when it opens it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Any = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Any) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Any, revision: str = "head") -> None:
    command.upgrade(alembic_config(connection), revision)


def known_revisions() -> set[str]:
    scripts = ScriptDirectory.from_config(alembic_config()).walk_revisions()
    return {script.revision for script in scripts}
