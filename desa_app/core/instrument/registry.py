"""The shipped questionnaires, loaded once per process and looked up by id."""

from __future__ import annotations

import threading

from desa_app.core.instrument.loader import load_instrument
from desa_app.core.instrument.model import Instrument
from desa_app.core.paths import forms_dir

_cache: dict[str, Instrument] = {}
_lock = threading.Lock()


def shipped_ids() -> list[str]:
    return sorted(path.stem for path in forms_dir().glob("*.yaml"))


def get_instrument(form_id: str) -> Instrument:
    """The definition ``forms/<id>.yaml``; KeyError if there is none."""
    with _lock:
        if form_id not in _cache:
            path = forms_dir() / f"{form_id}.yaml"
            if not path.exists():
                raise KeyError(form_id)
            _cache[form_id] = load_instrument(path)
        return _cache[form_id]
