"""The one font family every PDF uses: DejaVu Sans, shipped in ``resources/fonts``.

The 14 standard PDF fonts only cover Latin-1, and a resident's name may hold any letter
(Arabic-script names, Chinese-Indonesian names, typographic apostrophes), so every text
is set in a TrueType font that is embedded (subset) in the file. Registration is global
in reportlab, so it is done once per process, guarded by a lock because the GUI writes
PDFs from a background thread.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desa_app.core.paths import resources_dir

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) and its family mapping, once per process.

    The family mapping lets ``<b>`` in a Paragraph pick the bold file; there is no
    italic file, so italic maps to the upright faces rather than to a Latin-1 font.
    """
    global _registered
    with _lock:
        if _registered:
            return
        folder = resources_dir() / "fonts"
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
        for bold, italic in ((0, 0), (0, 1), (1, 0), (1, 1)):
            addMapping(FONT, bold, italic, FONT_BOLD if bold else FONT)
        _registered = True
