"""The app's own settings (not the village's): which database, which language, who last
logged in, where the main window was. A small JSON file in the user's config folder,
written atomically; fields unknown to a file are left at their defaults."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

CONFIG_ENV = "DESA_APP_CONFIG_DIR"


def config_dir() -> Path:
    return Path(os.environ.get(CONFIG_ENV) or user_config_dir("desa-app", appauthor=False))


def default_data_dir() -> Path:
    return Path(user_data_dir("desa-app", appauthor=False))


@dataclass
class AppSettings:
    database: str = ""
    language: str = "id"
    last_user: str = ""
    window_geometry: str = ""
    """The main window's normal (not maximized) geometry, "x,y,width,height"; empty on
    first start (older settings files lack it)."""
    window_maximized: str = ""
    """"1" when the main window was closed maximized, "0" when not, empty on first start."""

    @classmethod
    def load(cls) -> AppSettings:
        path = config_dir() / "settings.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()  # first run, or an unreadable file: start from defaults
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**{k: str(v) for k, v in known.items()})

    def save(self) -> None:
        folder = config_dir()
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / "settings.json.part"
        partial.write_text(json.dumps(asdict(self), indent=1), encoding="utf-8")
        partial.replace(folder / "settings.json")
