"""Generate a Markdown codebook from a definition: item, label, type, codes and rules.

The codebook is what a verifier or a Diskominfo analyst reads to know what a column
means. It is generated (``desa-app forms doc``) so it can never drift from the form; a
test fails if the committed copy is stale.
"""

from __future__ import annotations

from desa_app.core.instrument.model import (
    ChoiceList,
    Container,
    Field,
    FieldType,
    Instrument,
    Matrix,
    Node,
    Repeat,
    Severity,
)
from desa_app.core.instrument.prefill_spec import parse_figure
from desa_app.core.instrument.values_io import digits_width

GENERATED_NOTE = (
    "<!-- Dibuat otomatis oleh `desa-app forms doc` dari definisi formulir. "
    "Jangan diubah manual: ubah YAML-nya lalu jalankan perintah itu lagi. -->"
)

TYPE_NAMES = {
    FieldType.TEXT: "teks", FieldType.INTEGER: "bilangan bulat", FieldType.DECIMAL: "angka",
    FieldType.DATE: "tanggal", FieldType.SELECT_ONE: "pilih satu",
    FieldType.SELECT_MULTIPLE: "pilih banyak", FieldType.NOTE: "catatan",
    FieldType.CALCULATE: "dihitung",
}


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _codes(choices: ChoiceList, limit: int | None = None) -> str:
    parts = []
    for choice in choices.choices[:limit]:
        web = choice.extra.get("prodeskel")
        suffix = f" [web {web}]" if web not in (None, "", choice.name) else ""
        unit = f" ({choice.extra['unit']})" if choice.extra.get("unit") else ""
        parts.append(f"{choice.name} {choice.label.get()}{unit}{suffix}")
    return "; ".join(parts)


class _Writer:
    def __init__(self, instrument: Instrument) -> None:
        self.instrument = instrument
        self.lines: list[str] = []

    def write(self) -> str:
        ins = self.instrument
        self.lines += [
            GENERATED_NOTE, "", f"# Buku kode: {ins.title.get()}", "",
            f"- Id formulir: `{ins.id}`, versi `{ins.version}`",
            f"- Jenis: {'per keluarga' if ins.kind == 'household' else 'per desa'}",
            f"- Jumlah pertanyaan: {sum(1 for f in ins.fields() if f.has_value)}; "
            f"daftar pilihan: {len(ins.choice_lists)}",
            "",
            "Kolom *Aturan*: **wajib** = harus diisi; *relevan jika* = hanya ditanyakan bila "
            "syaratnya terpenuhi (jawaban lain disimpan tetapi tidak diekspor); **galat** "
            "menghalangi penyerahan, *peringatan* hanya ditampilkan ke pemeriksa.",
            "",
        ]
        self.container(ins.root, level=2)
        self.choice_lists()
        return "\n".join(self.lines).rstrip() + "\n"

    def container(self, container: Container, level: int) -> None:
        table_open = False
        for node in container.children:
            if isinstance(node, Matrix):
                table_open = False
                self.matrix(node, level)
            elif isinstance(node, Container):
                table_open = False
                self.heading(node, level)
                self.container(node, min(level + 1, 4))
            elif isinstance(node, Field):
                if not table_open:
                    self.lines += ["| No | Nama | Pertanyaan | Tipe | Kode | Aturan |",
                                   "|---|---|---|---|---|---|"]
                    table_open = True
                self.lines.append(self.field_row(node))
        if table_open:
            self.lines.append("")

    def heading(self, node: Container, level: int) -> None:
        number = f"{node.number} " if node.number else ""
        kind = " (berulang)" if isinstance(node, Repeat) else ""
        self.lines += ["", f"{'#' * level} {number}{node.label.get() or node.name}{kind}", ""]
        notes = self.rules(node)
        if notes:
            self.lines += [f"Aturan: {notes}", ""]
        if node.hint:
            self.lines += [f"_{node.hint.get()}_", ""]

    def matrix(self, node: Matrix, level: int) -> None:
        self.heading(node, level)
        choices = self.instrument.choice_lists[node.list_name]
        first_cells = [self.instrument.field(node.cells[(node.rows[0], c.name)])
                       for c in node.columns]
        if node.kind == "count_per_option":
            what = f"satu bilangan per pilihan, isian `{node.name}_KODE`"
        else:
            cols = ", ".join(
                f"`{c.name}` {c.label.get()} ({TYPE_NAMES[c.type]})" for c in node.columns
            )
            what = f"tabel, isian `{node.name}_KODE_KOLOM`; kolom: {cols}"
        self.lines += [f"- Bentuk: {what}", f"- Baris (`{choices.name}`): {_codes(choices)}"]
        if node.other_rows:
            self.lines.append(f"- Baris isian lain: {node.other_rows} (`{node.name}_lainN_nama`)")
        for column, cell in zip(node.columns, first_cells, strict=True):
            rules = self.rules(cell)
            label = f"kolom `{column.name}`" if column.name else "setiap sel"
            if rules:
                self.lines.append(f"- Aturan {label}: {rules}")
            figure = (column.spec if column.name else node.spec).get("from_ddk")
            if figure is not None:
                described = parse_figure(figure).describe()
                self.lines.append(f"- Dari DDK, {label}: {_escape(described)}, per baris:")
        rows = [c for c in choices.choices if c.ddk]
        if rows and any(self.instrument.field(cell).from_ddk for cell in node.cells.values()):
            self.lines += [f"  - {c.name}: " + _escape("; ".join(d.describe() for d in c.ddk))
                           for c in rows]
        self.lines.append("")

    def field_row(self, field: Field) -> str:
        choices = self.instrument.choices_of(field)
        codes = f"`{choices.name}`: {_codes(choices, 12)}" if choices else ""
        if choices and len(choices.choices) > 12:
            codes += f" … ({len(choices.choices)} kode, lihat daftar di bawah)"
        kind = TYPE_NAMES[field.type]
        extras = [f"web `{field.extra['prodeskel']}`"] if field.extra.get("prodeskel") else []
        if field.extra.get("unit"):
            extras.append(f"satuan {field.extra['unit']}")
        if extras:
            kind += " (" + ", ".join(extras) + ")"
        cells = [field.number, f"`{field.name}`", field.label.get(), kind, codes,
                 self.rules(field)]
        return "| " + " | ".join(_escape(c) for c in cells) + " |"

    def rules(self, node: Node) -> str:
        parts: list[str] = []
        if isinstance(node, Field):
            if node.required is not None:
                parts.append("**wajib**" if node.required.source == "true()"
                             else f"**wajib jika** `{node.required.source}`")
            if node.calculation is not None:
                parts.append(f"= `{node.calculation.source}`")
            if node.from_ddk is not None and "row" not in node.extra:
                parts.append(f"dari DDK: {node.from_ddk.describe()}")
            if node.default is not None:
                parts.append(f"awal `{node.default}`")
            if node.read_only:
                parts.append("tidak diketik (hanya baca)")
            width = digits_width(node.appearance) if node.type is FieldType.TEXT else None
            if width is not None:
                parts.append(f"disimpan {width} angka (`3` → `{'3'.zfill(width)}`)")
            if node.constraint is not None:
                message = node.constraint_message.get()
                parts.append(f"**galat** bila tidak `{node.constraint.source}`"
                             + (f" («{message}»)" if message else ""))
        if node.relevant is not None:
            parts.append(f"*relevan jika* `{node.relevant.source}`")
        if isinstance(node, Repeat) and node.repeat_count is not None:
            parts.append(f"jumlah = `{node.repeat_count.source}`")
        for check in node.checks:
            level = "**galat**" if check.severity is Severity.ERROR else "*peringatan*"
            parts.append(f"{level} bila tidak `{check.rule.source}` («{check.message.get()}»)")
        return "; ".join(parts)

    def choice_lists(self) -> None:
        long_lists = [c for c in self.instrument.choice_lists.values() if len(c.choices) > 12]
        if not long_lists:
            return
        self.lines += ["", "## Daftar pilihan panjang", ""]
        for choices in long_lists:
            self.lines += [f"### `{choices.name}`", "", "| Kode | Label | Kode web |",
                           "|---|---|---|"]
            for choice in choices.choices:
                web = choice.extra.get("prodeskel", "")
                self.lines.append(f"| {choice.name} | {_escape(choice.label.get())} | {web} |")
            self.lines.append("")


def codebook_markdown(instrument: Instrument) -> str:
    return _Writer(instrument).write()
