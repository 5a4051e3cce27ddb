"""The page every PDF shares: village header, document title, "Halaman n dari m".

Page totals are not known until the last page is laid out. Instead of keeping every
page in memory until the end (the usual reportlab recipe, far too heavy for a printout
of thousands of households), each footer draws "Halaman n dari " followed by a PDF form
XObject that is only defined once the total is known: one form for the whole document,
or one per *part* when a document is a bundle of separate papers (one household each).

The story is streamed: writers hand over a generator of flowables, which reportlab
consumes a few at a time (:class:`StreamedStory`), so memory stays flat and the
generator's ``progress.step`` calls arrive while the pages are being laid out (the GUI
can show progress and cancel).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import ActionFlowable, BaseDocTemplate, Frame, PageTemplate

from desa_app.core.exports.pdf.fonts import FONT, FONT_BOLD
from desa_app.core.exports.pdf.styles import ACCENT, INK, RULE
from desa_app.core.store.dashboard import local_date

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

PORTRAIT = "portrait"
LANDSCAPE = "landscape"
MARGIN = 15 * mm
TOP = 22 * mm  # header band above the frame
BOTTOM = 15 * mm  # footer band below the frame
PORTRAIT_WIDTH = A4[0] - 2 * MARGIN
LANDSCAPE_WIDTH = A4[1] - 2 * MARGIN
LOOKAHEAD = 40
"""Flowables held ahead of the layout: enough for reportlab's keep-with-next chains."""


def tanggal_indonesia(day: date) -> str:
    """A date as an Indonesian letter writes it: ``23 November 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def hari_indonesia(day: date) -> str:
    """The Indonesian name of the weekday (``Senin`` ... ``Minggu``)."""
    return DAYS[day.weekday()]


def tanggal_angka(value: date) -> str:
    """A short date for tables: ``06-02-2000``."""
    return f"{value.day:02d}-{value.month:02d}-{value.year}"


def local_day(moment: datetime) -> date:
    """The official's calendar day of a stored UTC time (the export's own moment)."""
    return local_date(moment, None)


class StartPart(ActionFlowable):  # type: ignore[misc]
    """Begins a part with its own page numbers and header line (one household).

    Put it first on a fresh page (after :class:`PageBreakIfNotEmpty`)."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def apply(self, doc: Any) -> None:
        doc.start_part(self.label)


class StreamedStory(list[Any]):
    """A story list that refills itself from a generator as reportlab consumes it.

    reportlab's ``build`` only ever looks at the first few items (``len``, ``[0]``,
    ``del [0]``, inserts at the front), so a short buffer in front of a generator is
    indistinguishable from the whole list, and no document needs to exist in memory.
    """

    def __init__(self, source: Iterable[Any]) -> None:
        super().__init__()
        self._source: Iterator[Any] | None = iter(source)

    def _fill(self) -> None:
        while self._source is not None and list.__len__(self) < LOOKAHEAD:
            try:
                self.append(next(self._source))
            except StopIteration:
                self._source = None

    def __len__(self) -> int:
        self._fill()
        return list.__len__(self)

    def __getitem__(self, index: Any) -> Any:
        self._fill()
        return list.__getitem__(self, index)


@dataclass
class _Part:
    label: str
    first_page: int
    form: str


class PdfDocument(BaseDocTemplate):  # type: ignore[misc]
    """A4 with a village header and page numbers; portrait and landscape templates."""

    def __init__(self, path: Path, *, title: str, village: str, printed_on: date) -> None:
        super().__init__(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=TOP, bottomMargin=BOTTOM, title=title, author="desa-app",
                         creator="desa-app (Profil Desa dan Kelurahan)", lang="id-ID")
        self.document_title = title
        self.village = village
        self.printed_on = printed_on
        self.parts: list[_Part] = []
        templates = []
        for name, size in ((PORTRAIT, A4), (LANDSCAPE, landscape(A4))):
            frame = Frame(MARGIN, BOTTOM, size[0] - 2 * MARGIN, size[1] - TOP - BOTTOM,
                          id=name, leftPadding=0, rightPadding=0, topPadding=0,
                          bottomPadding=0)
            templates.append(PageTemplate(id=name, frames=[frame], pagesize=size,
                                          onPageEnd=self._decorate))
        self.addPageTemplates(templates)

    # -- parts -----------------------------------------------------------------------
    def start_part(self, label: str) -> None:
        self.parts.append(_Part(label, self.page, f"pages{len(self.parts)}"))

    def _part(self) -> _Part:
        if not self.parts:
            self.parts.append(_Part("", 1, "pages0"))
        return self.parts[-1]

    # -- page decoration -----------------------------------------------------------------
    def _decorate(self, canvas: Any, doc: Any) -> None:
        """Header and footer, drawn when a page ends (its part is known by then)."""
        width, height = doc.pageTemplate.pagesize
        part = self._part()
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.setFont(FONT_BOLD, 8.5)
        top = height - 10 * mm
        title = fit_text(self.document_title, FONT, 8.5, width * 0.4)
        room = width - 2 * MARGIN - canvas.stringWidth(title, FONT, 8.5) - 8 * mm
        canvas.drawString(MARGIN, top, fit_text(self.village, FONT_BOLD, 8.5, room))
        canvas.setFillColor(INK)
        canvas.setFont(FONT, 8.5)
        canvas.drawRightString(width - MARGIN, top, title)
        if part.label:
            canvas.setFont(FONT, 8)
            canvas.drawString(MARGIN, top - 4.2 * mm,
                              fit_text(part.label, FONT, 8, width - 2 * MARGIN))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, height - TOP + 3 * mm, width - MARGIN, height - TOP + 3 * mm)
        canvas.line(MARGIN, BOTTOM - 4 * mm, width - MARGIN, BOTTOM - 4 * mm)
        canvas.setFont(FONT, 7.5)
        canvas.drawString(MARGIN, BOTTOM - 8 * mm,
                          f"Dicetak {tanggal_indonesia(self.printed_on)} dengan desa-app")
        label = f"Halaman {self.page - part.first_page + 1} dari "
        right = width - MARGIN - 12 * mm
        canvas.drawString(right - canvas.stringWidth(label, FONT, 7.5), BOTTOM - 8 * mm, label)
        canvas.translate(right, BOTTOM - 8 * mm)
        canvas.doForm(part.form)
        canvas.restoreState()

    def finish(self) -> int:
        """Define every "dari m" form now that the totals are known; save; page count."""
        canvas = self.canv
        pages = int(canvas.getPageNumber()) - 1
        parts = self.parts or [_Part("", 1, "pages0")]
        for index, part in enumerate(parts):
            end = parts[index + 1].first_page - 1 if index + 1 < len(parts) else pages
            canvas.beginForm(part.form)
            canvas.setFont(FONT, 7.5)
            canvas.setFillColor(INK)
            canvas.drawString(0, 0, str(end - part.first_page + 1))
            canvas.endForm()
        canvas.save()
        return pages


def fit_text(value: str, font: str, size: float, width: float) -> str:
    """Cut a header text that would run into its neighbour, with an ellipsis."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(value, font, size) <= width:
        return value
    while value and stringWidth(value + "…", font, size) > width:
        value = value[:-1]
    return value + "…"


def build_pdf(out: Path, story: Iterable[Any], *, title: str, village: str,
              printed_on: date) -> int:
    """Lay out ``story`` (streamed) into ``out``; returns the number of pages written."""
    document = PdfDocument(out, title=title, village=village, printed_on=printed_on)
    document._doSave = 0  # reportlab's own hook: we save after defining the page totals
    document.build(StreamedStory(story))
    return document.finish()
