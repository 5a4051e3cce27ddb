"""Schema version of a village database: where it is, and bringing it to the newest.

Alembic from the very first table: every database records its revision, and the app
upgrades an older one (after a backup) when it opens it. Alembic itself is imported only
when a migration is needed: it costs a fifth of a second at every start otherwise.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0004"
"""The newest revision in ``migrations/versions`` (a test checks they agree)."""


def alembic_config(connection: Any = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return HEAD


def alembic_head() -> str:
    """The head as Alembic reads it from the migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return str(head)


def current_revision(connection: Any) -> str | None:
    if "alembic_version" not in inspect(connection).get_table_names():
        return None
    value = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(value) if value is not None else None


def upgrade(connection: Any, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), revision)


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config()).walk_revisions()
    return {script.revision for script in scripts}
