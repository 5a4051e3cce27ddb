"""The blank paper questionnaire, printed from the definition for house-to-house work.

Nothing here knows a question: every item comes from the instrument (its number, label,
hint, type, choices), so a new form version prints correctly without code changes. How
many digit boxes a number gets is read from the definition's own rules: a text that
must match ``[0-9]{16}`` (NIK, No. KK) gets 16 boxes, an integer limited to
``. <= 1000000000`` gets 10. Members are collected on a landscape roster (one row each)
and one set of detail pages, which the village copies once per member.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
)

from desa_app.core import messages
from desa_app.core.exports.pdf.blank_grids import (
    DEFAULT_DIGITS,
    box_count,
    matrix_table,
    roster,
)
from desa_app.core.exports.pdf.layout import LANDSCAPE, PORTRAIT, PORTRAIT_WIDTH, build_pdf
from desa_app.core.exports.pdf.styles import (
    BODY,
    HEADING,
    HINT,
    SMALL,
    SUBHEADING,
    SUBTITLE,
    TITLE,
    grid_style,
    para,
    text,
)
from desa_app.core.exports.pdf.widgets import choice_table, digit_boxes, writing_line
from desa_app.core.exports.progress import Progress
from desa_app.core.files import atomic_output
from desa_app.core.instrument.model import (
    Container,
    Field,
    FieldType,
    Group,
    Instrument,
    Matrix,
    Node,
    Repeat,
)
from desa_app.core.store.export_source import VillageHeader

ITEM_WIDTHS = (18 * mm, 76 * mm, PORTRAIT_WIDTH - 94 * mm)
NO_VILLAGE = "Desa ..................., Kec. ..................., Kab./Kota ..................."
INSTRUCTIONS = (
    "Tulis satu angka pada setiap kotak. Angka ditulis rata kanan (mis. RT 3 ditulis 003).",
    "Pada daftar pilihan beri tanda ✓ pada kotak ☐ yang sesuai. Untuk pertanyaan dengan "
    "satu jawaban tulis juga kodenya pada kotak Kode.",
    "Tanggal ditulis tanggal/bulan/tahun, mis. 09/07/1966.",
    "Pada tabel, isi hanya baris yang dimiliki atau dihasilkan keluarga.",
    "Bagian anggota keluarga: tulis semua anggota pada daftar anggota, lalu isi satu set "
    "halaman rincian untuk setiap anggota (gandakan halaman rincian sesuai jumlah anggota).",
)


def write_blank(instrument: Instrument, out: Path, village: VillageHeader | None = None,
                progress: Progress | None = None) -> int:
    """Write the blank questionnaire of ``instrument`` to ``out``; returns the page count."""
    progress = progress or Progress()
    form = BlankForm(instrument)
    title = f"{instrument.title.get()} – Kuesioner Kosong"
    with atomic_output(out) as partial:
        return build_pdf(partial, form.story(village, progress), title=title,
                         village=village.title if village else NO_VILLAGE,
                         printed_on=date.today())


class BlankForm:
    """The story of one blank questionnaire."""

    def __init__(self, instrument: Instrument) -> None:
        self.instrument = instrument
        self.write_ins: dict[str, list[Field]] = {}
        for field in instrument.fields():
            parent = field.extra.get("other_of")
            if parent:
                self.write_ins.setdefault(str(parent), []).append(field)

    def story(self, village: VillageHeader | None, progress: Progress) -> Iterator[Any]:
        sections = self.instrument.root.children
        progress.step(0, len(sections), messages.text("exports.step.blank"))
        yield from self._cover()
        for index, node in enumerate(sections):
            if isinstance(node, Repeat):
                yield from self._members(node)
            elif isinstance(node, Group) and not isinstance(node, Matrix):
                yield from self._band(node.label.get())
                yield from self._items(node)
            else:
                yield from self._node(node)
            progress.step(index + 1, len(sections),
                          messages.text("exports.step.blank_section", n=index + 1,
                                        total=len(sections)))

    def _cover(self) -> Iterator[Any]:
        yield para(self.instrument.title.get(), TITLE)
        yield para("Profil Desa dan Kelurahan – kuesioner untuk pendataan dari rumah ke rumah",
                   SUBTITLE)
        yield para(f"Versi formulir {self.instrument.version}", SUBTITLE)
        yield Spacer(1, 3 * mm)
        rows = [[para("<b>Petunjuk pengisian</b>", BODY, markup=True)]]
        rows += [[para(f"{n}. {line}", SMALL)] for n, line in enumerate(INSTRUCTIONS, 1)]
        yield Table(rows, colWidths=[PORTRAIT_WIDTH], style=grid_style(
            ("BOX", (0, 0), (-1, -1), 0.6, "#8c8c8c"),
            ("BACKGROUND", (0, 0), (-1, -1), "#f3f6f9"), header=False, lines=False))

    def _band(self, title: str) -> Iterator[Any]:
        yield CondPageBreak(40 * mm)
        band = Table([[para(title, HEADING)]], colWidths=[PORTRAIT_WIDTH], style=grid_style(
            ("BACKGROUND", (0, 0), (-1, -1), "#c9d8e6"), header=False, lines=False))
        band.keepWithNext = True
        yield band

    def _items(self, container: Container) -> Iterator[Any]:
        for node in container.children:
            yield from self._node(node)

    def _group(self, group: Container) -> Iterator[Any]:
        """A numbered sub-group: its title kept on the page of its first item."""
        title = para(f"{group.number}  {group.label.get()}".strip(), SUBHEADING)
        items = list(self._items(group))
        while items and isinstance(items[0], CondPageBreak):
            items.pop(0)
        yield CondPageBreak(50 * mm)
        yield KeepTogether([title, *items[:1]])
        yield from items[1:]

    def _node(self, node: Node) -> Iterator[Any]:
        if isinstance(node, Matrix):
            heading = [para(f"<b>{text(node.number)}</b>  {text(node.label.get())}",
                            SUBHEADING, markup=True)]
            if node.hint:
                heading.append(para(node.hint.get(), HINT))
            yield CondPageBreak(50 * mm)
            yield KeepTogether([*heading, matrix_table(self.instrument, node, PORTRAIT_WIDTH,
                                                        ITEM_WIDTHS[0])])
        elif isinstance(node, Repeat):
            yield from self._members(node)
        elif isinstance(node, Container):
            yield from self._group(node)
        elif isinstance(node, Field) and self._printed(node):
            yield self._item(node)

    def _printed(self, field: Field) -> bool:
        if field.extra.get("other_of") in self.write_ins and self._is_choice(
                str(field.extra["other_of"])):
            return False  # printed as write-in lines of its question's choice list
        return field.type is not FieldType.CALCULATE or bool(field.number)

    def _is_choice(self, name: str) -> bool:
        node = self.instrument.nodes.get(name)
        return isinstance(node, Field) and node.list_name is not None

    def _item(self, field: Field) -> Table:
        """One question: number, label with its hint, the place for the answer, and the
        options below (all on one table so they never part)."""
        label: list[Any] = [para(field.label.get(), BODY)]
        if field.hint:
            label.append(para(field.hint.get(), HINT))
        if field.type is FieldType.NOTE:
            return Table([[label]], colWidths=[PORTRAIT_WIDTH])
        rows: list[list[Any]] = [[para(f"<b>{text(field.number)}</b>", BODY, markup=True),
                                  label, self._answer(field)]]
        choices = self.instrument.choices_of(field)
        commands: list[tuple[Any, ...]] = [("LINEBELOW", (0, -1), (-1, -1), 0.4, "#8c8c8c"),
                                           ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                           ("NOSPLIT", (0, 0), (-1, -1))]
        if choices is not None:
            extra = [w.label.get() for w in self.write_ins.get(field.name, [])]
            rows.append(["", choice_table(choices, PORTRAIT_WIDTH - ITEM_WIDTHS[0] - 6,
                                          extra), ""])
            commands += [("SPAN", (1, 1), (2, 1)), ("LEFTPADDING", (1, 1), (1, 1), 0)]
        return Table(rows, colWidths=list(ITEM_WIDTHS), style=grid_style(
            *commands, header=False, lines=False))

    def _answer(self, field: Field) -> Any:
        unit = str(field.extra.get("unit", ""))
        width = ITEM_WIDTHS[2] - 6
        if field.type is FieldType.SELECT_ONE:
            choices = self.instrument.choices_of(field)
            digits = max((len(c.name) for c in choices.choices), default=1) if choices else 2
            return digit_boxes([digits], prefix="Kode")
        if field.type is FieldType.SELECT_MULTIPLE:
            return para("Centang semua yang sesuai.", HINT)
        if field.type is FieldType.DATE:
            return [digit_boxes([2, 2, 4], "/"), para("tanggal / bulan / tahun", HINT)]
        if field.type in (FieldType.INTEGER, FieldType.DECIMAL):
            count = box_count(field) or DEFAULT_DIGITS
            groups = [count, 2] if field.type is FieldType.DECIMAL else [count]
            return digit_boxes(groups, ",", suffix=unit)
        fixed = box_count(field) if field.type is FieldType.TEXT else None
        if fixed:
            return digit_boxes([fixed])
        return writing_line(width)

    # -- members ---------------------------------------------------------------------
    def _members(self, repeat: Repeat) -> Iterator[Any]:
        yield NextPageTemplate(LANDSCAPE)
        yield PageBreak()
        yield para(f"{repeat.label.get()} – Daftar Anggota", HEADING)
        yield from roster(self.instrument, repeat)
        yield NextPageTemplate(PORTRAIT)
        yield PageBreak()
        yield from self._band(f"{repeat.label.get()} – Rincian Anggota")
        yield para("Isi satu set halaman rincian ini untuk setiap anggota keluarga, sesuai "
                   "nomor urut pada daftar anggota.", HINT)
        yield Spacer(1, 2 * mm)
        yield Table([[digit_boxes([2], prefix="Anggota ke-"), "Nama:",
                      writing_line(100 * mm)]],
                    colWidths=[45 * mm, 14 * mm, PORTRAIT_WIDTH - 59 * mm], hAlign="LEFT",
                    style=grid_style(("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                     header=False, lines=False))
        yield from self._items(repeat)
