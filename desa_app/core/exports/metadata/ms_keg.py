"""MS-Keg (metadata kegiatan, Satu Data Indonesia): a draft for the DDK data collection.

The village is the organiser (penyelenggara) of a statistical activity: a complete
enumeration of its families. Diskominfo, as the regency's Walidata, registers such
activities with their MS-Keg. Everything the app knows is filled in (organiser, area,
year, method, units, schedule from the SOP plan, variables); what only people know (the
person in charge, contacts) is left empty for the village to complete, which is why the
file says it is a draft.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from desa_app.core.store.export_source import ExportSource
from desa_app.core.store.sop_tracker import StepInfo

TITLE = "Pendataan Data Dasar Keluarga Profil Desa"
SDI_STAGE = {
    "sk_tim": "Perencanaan kegiatan", "rapat_persiapan": "Perencanaan kegiatan",
    "pendataan": "Pengumpulan data", "serah_terima": "Pengumpulan data",
    "verifikasi_entri": "Pengolahan data", "laporan_kegiatan": "Analisis dan laporan",
    "laporan_kadis": "Diseminasi hasil", "rapat_penutupan": "Evaluasi",
}
"""Which stage of an MS-Keg schedule each SOP step belongs to."""


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def schedule(steps: Sequence[StepInfo]) -> list[dict[str, str]]:
    """The SOP steps that have a planned or actual date (an unplanned year gives none)."""
    rows = []
    for step in steps:
        dates = (step.planned_start, step.planned_end, step.actual_start, step.actual_end)
        if all(d is None for d in dates):
            continue
        rows.append({
            "tahap": SDI_STAGE.get(step.key, ""), "langkah_sop": step.label,
            "rencana_mulai": _day(step.planned_start),
            "rencana_selesai": _day(step.planned_end),
            "realisasi_mulai": _day(step.actual_start),
            "realisasi_selesai": _day(step.actual_end),
            "keluaran": step.output,
        })
    return rows


def activity_year(source: ExportSource, years: Sequence[int]) -> int:
    """The year the data describe (latest tahun pendataan), else the export's year."""
    return max(years) if years else source.exported_at.year


def ms_keg(source: ExportSource, variables: Sequence[Mapping[str, Any]],
           years: Sequence[int]) -> dict[str, Any]:
    village = source.village
    instrument = source.instrument
    year = activity_year(source, years)
    plan = schedule(source.store.sop.steps(source.actor, year))
    units = sorted({str(v["unit_observasi"]) for v in variables},
                   key=lambda u: (u != "Keluarga", u))
    return {
        "jenis_metadata": "MS-Keg (metadata kegiatan statistik sektoral)",
        "status": "Draf dibuat otomatis; lengkapi isian yang kosong sebelum diserahkan.",
        "dibuat_pada": source.exported_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "penyelenggara": {
            "instansi": f"Pemerintah Desa/Kelurahan {village.name}",
            "kode_wilayah": village.code,
            "alamat": village.title,
            "penanggung_jawab": "",
            "jabatan_penanggung_jawab": "",
            "telepon": "",
            "email": "",
        },
        "judul_kegiatan": TITLE,
        "tahun_kegiatan": year,
        "periode_data": sorted(set(years)),
        "cara_pengumpulan_data": "Pencacahan lengkap",
        "jenis_statistik": "Statistik sektoral",
        "latar_belakang": (
            "Profil Desa dan Kelurahan (Permendagri Nomor 12 Tahun 2007) memuat Data Dasar "
            "Keluarga yang dikumpulkan dari setiap keluarga di desa/kelurahan lalu "
            "dimasukkan ke aplikasi Prodeskel."),
        "tujuan": (
            "Menyediakan data dasar setiap keluarga dan anggotanya untuk Profil Desa dan "
            "Kelurahan serta perencanaan pembangunan desa."),
        "jadwal": plan,
        "catatan_jadwal": "" if plan else f"Rencana SOP tahun {year} belum diisi.",
        "desain_kegiatan": {
            "kegiatan_dilakukan": "Berulang",
            "frekuensi_penyelenggaraan": "Tahunan",
            "tipe_pengumpulan_data": "Cross-section",
            "cakupan_wilayah": "Seluruh wilayah desa/kelurahan",
            "metode_pengumpulan_data": "Wawancara oleh Pokja pendataan",
            "sarana_pengumpulan_data": "Formulir kertas (PAPI), dimasukkan ke aplikasi desa",
            "unit_pengumpulan_data": "Keluarga (Kartu Keluarga)",
            "pemeriksaan_data": "Verifikasi setiap keluarga oleh Tim Profil Desa",
        },
        "unit_observasi": units,
        "wilayah": {
            "kode": village.code, "desa_kelurahan": village.name,
            "kecamatan": village.kecamatan, "kabupaten_kota": village.kabupaten,
            "provinsi": village.provinsi,
        },
        "instrumen": {"id": instrument.id, "versi": instrument.version,
                      "judul": instrument.title.get()},
        "jumlah_variabel": len(variables),
        "variabel": [{"alias": v["alias"], "nama_variabel": v["nama_variabel"],
                      "nomor_rincian": v["nomor_rincian"]} for v in variables],
    }
