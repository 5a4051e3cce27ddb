"""The workbook's cell styles, shared by the DDK sheets and the village sheets."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font, PatternFill

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F5C99")
NAME_FONT = Font(italic=True, color="808080", size=8)
TITLE_FONT = Font(bold=True, size=12)
WRAP = Alignment(wrap_text=True, vertical="top")
