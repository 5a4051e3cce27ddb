"""Satu Data Indonesia metadata of an export: MS-Var per variable and an MS-Keg draft.

Written into the package as JSON (for machines; UTF-8, indented, keys in a fixed order so
two exports of the same form compare line by line) and MS-Var also as CSV, which an
analyst at Diskominfo opens in Excel (UTF-8 with BOM, so Excel shows "—" and "²" right).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desa_app.core.exports.metadata.ms_keg import ms_keg
from desa_app.core.exports.metadata.ms_var import exported_fields, ms_var
from desa_app.core.instrument.model import Instrument
from desa_app.core.store.export_source import ExportSource

CSV_COLUMNS = (
    ("nomor_rincian", "Nomor rincian"), ("alias", "Alias"),
    ("nama_variabel", "Nama variabel"), ("konsep", "Konsep"), ("definisi", "Definisi"),
    ("kelompok", "Kelompok"), ("unit_observasi", "Unit observasi"),
    ("referensi_waktu", "Referensi waktu"), ("tipe_data", "Tipe data"),
    ("satuan", "Satuan"), ("klasifikasi_isian", "Klasifikasi isian"),
    ("wajib_diisi", "Wajib diisi"), ("aturan_validasi", "Aturan validasi"),
    ("relevan_jika", "Relevan jika"), ("kalimat_pertanyaan", "Kalimat pertanyaan"),
    ("rumus", "Rumus"), ("kolom_prodeskel", "Kolom Prodeskel"), ("catatan", "Catatan"),
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""Excel runs a cell starting with these as a formula; such text is written quoted."""


def ms_var_name(instrument: Instrument, extension: str) -> str:
    return f"metadata/ms-var-{instrument.id}.{extension}"


MS_KEG_NAME = "metadata/ms-keg.json"


def write_json(data: Any, path: Path) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    path.write_bytes(text.encode("utf-8"))


def _codes(domain: dict[str, Any] | None) -> str:
    if not domain:
        return ""
    parts = []
    for code in domain["kode"]:
        text = f"{code['kode']}={code['label']}"
        if "satuan" in code:
            text += f" ({code['satuan']})"
        if "kode_prodeskel" in code:
            text += f" [Prodeskel {code['kode_prodeskel']}]"
        parts.append(text)
    return "; ".join(parts)


def _rules(rules: list[dict[str, str]]) -> str:
    return " | ".join(
        f"{r['jenis']} ({r['tingkat']}): {r['aturan']}" + (f" «{r['pesan']}»" if r["pesan"] else "")
        for r in rules)


def _cell(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_START) else value


def csv_row(entry: dict[str, Any]) -> list[str]:
    flat = dict(entry)
    flat["klasifikasi_isian"] = _codes(entry["klasifikasi_isian"])
    flat["aturan_validasi"] = _rules(entry["aturan_validasi"])
    return [_cell(str(flat[key])) for key, _ in CSV_COLUMNS]


def write_ms_var_csv(entries: Sequence[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([title for _, title in CSV_COLUMNS])
        writer.writerows(csv_row(entry) for entry in entries)


def metadata_names(instrument: Instrument) -> list[str]:
    """The package members :func:`write_metadata` writes (reserved for it)."""
    return [ms_var_name(instrument, "json"), ms_var_name(instrument, "csv"), MS_KEG_NAME]


def write_metadata(source: ExportSource, folder: Path, years: Sequence[int]) -> list[str]:
    """Write the three metadata files under ``folder``; returns their relative names."""
    entries = ms_var(source.instrument)
    writers: list[Callable[[Path], None]] = [
        lambda p: write_json(entries, p),
        lambda p: write_ms_var_csv(entries, p),
        lambda p: write_json(ms_keg(source, entries, years), p),
    ]
    names = metadata_names(source.instrument)
    for name, write in zip(names, writers, strict=True):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        write(target)
    return names


__all__ = ["MS_KEG_NAME", "exported_fields", "metadata_names", "ms_keg", "ms_var",
           "ms_var_name", "write_json", "write_metadata", "write_ms_var_csv"]
