"""All screen texts, one module per area, merged into one catalogue (see ``gui/i18n.py``)."""

from __future__ import annotations

from desa_app.gui.messages import (
    common,
    exports,
    form,
    households,
    profil,
    programme,
    setup,
    typing,
    users,
    verification,
)

CATALOGUE: dict[str, tuple[str, str]] = {}
for _module in (common, setup, households, form, typing, verification, programme, exports,
                profil, users):
    _overlap = CATALOGUE.keys() & _module.MESSAGES.keys()
    if _overlap:
        raise KeyError(f"duplicate message keys: {sorted(_overlap)}")
    CATALOGUE.update(_module.MESSAGES)
