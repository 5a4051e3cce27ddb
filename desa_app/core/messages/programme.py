"""Desa Cantik (agents, activities), the Pembina's visits and the SOP calendar.

Each entry is ``key: ("Indonesia", "English")``; see ``core/messages/__init__.py``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "programme.label.planned_start": ("Rencana mulai", "Planned start"),
    "programme.label.planned_end": ("Rencana selesai", "Planned end"),
    "programme.label.actual_start": ("Realisasi mulai", "Actual start"),
    "programme.label.actual_end": ("Realisasi selesai", "Actual end"),
    "programme.label.planned": ("rencana", "the plan"),
    "programme.label.actual": ("realisasi", "the actual dates"),
    "programme.rule_sk_missing": ("Nomor SK belum diisi untuk: {names}.",
                                  "The SK number is not filled in for: {names}."),
    "programme.activity_date_required": (
        "Tanggal kegiatan wajib diisi.",
        "The activity date is required.",
    ),
    "programme.activity_kind_unknown": (
        "Jenis kegiatan tidak dikenal: {kind} (pilih: {kinds}).",
        "Unknown kind of activity: {kind} (choose: {kinds}).",
    ),
    "programme.activity_not_found": (
        "Kegiatan {activity_id} tidak ditemukan.",
        "Activity {activity_id} was not found.",
    ),
    "programme.activity_not_yours": (
        "Hanya pencatat kegiatan ini atau operator desa yang dapat mengubah atau menghapusnya.",
        "Only whoever recorded this activity or the village operator can change or delete it.",
    ),
    "programme.agent_end_before_start": (
        "Tanggal akhir masa aktif tidak boleh sebelum tanggal mulainya.",
        "The end of the active period cannot be before its start.",
    ),
    "programme.agent_kind_unknown": (
        "Jenis agen tidak dikenal: {kind} (pilih: {kinds}).",
        "Unknown kind of agent: {kind} (choose: {kinds}).",
    ),
    "programme.agent_not_found": (
        "Agen {agent_id} tidak ditemukan.",
        "Agent {agent_id} was not found.",
    ),
    "programme.date_after_today": (
        "{label} tidak boleh melewati hari ini ({not_after:%d-%m-%Y}).",
        "{label} cannot be later than today ({not_after:%d-%m-%Y}).",
    ),
    "programme.date_implausible": (
        "{label} {value:%d-%m-%Y} tidak masuk akal.",
        "{label} {value:%d-%m-%Y} is not plausible.",
    ),
    "programme.date_required_type": ("{label} harus berupa tanggal.", "{label} must be a date."),
    "programme.follow_up_before_visit": (
        "Batas waktu tindak lanjut tidak boleh sebelum tanggal kunjungan.",
        "The follow-up deadline cannot be before the visit date.",
    ),
    "programme.follow_up_not_found": (
        "Tindak lanjut {follow_up_id} tidak ditemukan.",
        "Follow-up {follow_up_id} was not found.",
    ),
    "programme.label.active_from": ("Aktif sejak", "Active from"),
    "programme.label.active_until": ("Aktif sampai", "Active until"),
    "programme.label.activity_date": ("Tanggal kegiatan", "Activity date"),
    "programme.label.activity_summary": ("Ringkasan kegiatan", "Activity summary"),
    "programme.label.agent_kind": ("Jenis agen", "Kind of agent"),
    "programme.label.agent_name": ("Nama agen", "Agent's name"),
    "programme.label.experience": ("Pengalaman", "Experience"),
    "programme.label.follow_up": ("Tindak lanjut", "Follow-up"),
    "programme.label.follow_up_due": ("Batas waktu tindak lanjut", "Follow-up deadline"),
    "programme.label.it_competence": ("Kompetensi TI", "IT competence"),
    "programme.label.met": ("Yang ditemui", "People met"),
    "programme.label.note": ("Catatan", "Note"),
    "programme.label.participants": ("Peserta", "Participants"),
    "programme.label.place": ("Tempat", "Place"),
    "programme.label.position": ("Jabatan", "Position"),
    "programme.label.sk_date": ("Tanggal SK", "SK date"),
    "programme.label.sk_number": ("Nomor SK", "SK number"),
    "programme.label.start_date": ("Tanggal mulai", "Start date"),
    "programme.label.training": ("Pelatihan", "Training"),
    "programme.label.visit_date": ("Tanggal kunjungan", "Visit date"),
    "programme.label.visit_topic": ("Topik kunjungan", "Visit topic"),
    "programme.rule_need_aparat": (
        "Minimal satu agen harus aparat desa/kelurahan (kaur, kasi atau staf).",
        "At least one agent must be a village official (kaur, kasi or staff).",
    ),
    "programme.rule_no_active_agent": (
        "Belum ada Agen Statistik yang aktif; catat agen dari SK.",
        "There is no active Agen Statistik yet; record the agents from the SK.",
    ),
    "programme.rule_sk_one_agent_count": (
        "SK {sk} menetapkan {count} agen.",
        "SK {sk} appoints {count} agents.",
    ),
    "programme.rule_sk_several_agents": (
        "Setiap SK hanya menetapkan satu agen; SK harus menetapkan lebih dari satu Agen Statistik.",
        "Each SK appoints only one agent; an SK must appoint more than one Agen Statistik.",
    ),
    "programme.sop_end_before_start": (
        "Tanggal selesai {label} tidak boleh sebelum tanggal mulainya.",
        "The end date of {label} cannot be before its start.",
    ),
    "programme.sop_start_year": (
        "Tanggal mulai harus jatuh pada tahun {year}.",
        "The start date must fall in the year {year}.",
    ),
    "programme.sop_step_unknown": ("Langkah SOP tidak dikenal: {key}.", "Unknown SOP step: {key}."),
    "programme.target_dusun_required": (
        "Nama dusun wajib diisi (paling banyak 120 karakter).",
        "The dusun name is required (at most 120 characters).",
    ),
    "programme.target_not_found": (
        "Target untuk {where} tidak ditemukan.",
        "No target found for {where}.",
    ),
    "programme.target_positive": (
        "Target jumlah keluarga harus bilangan bulat positif.",
        "The target number of households must be a positive whole number.",
    ),
    "programme.target_rt_format": (
        "RT ditulis dengan 1 sampai 3 angka, atau kosong untuk seluruh dusun.",
        "RT is written with 1 to 3 digits, or left empty for the whole dusun.",
    ),
    "programme.text_required": ("{label} wajib diisi.", "{label} is required."),
    "programme.text_too_long": (
        "{label} terlalu panjang (paling banyak {limit} karakter).",
        "{label} is too long (at most {limit} characters).",
    ),
    "programme.text_too_long_plain": ("{label} terlalu panjang.", "{label} is too long."),
    "programme.text_type": ("{label} harus berupa teks.", "{label} must be text."),
    "programme.village_note_not_found": (
        "Catatan {note_id} tidak ditemukan.",
        "Note {note_id} was not found.",
    ),
    "programme.village_note_resolved": (
        "Catatan ini sudah ditandai selesai.",
        "This note is already marked resolved.",
    ),
    "programme.visit_date_required": (
        "Tanggal kunjungan wajib diisi.",
        "The visit date is required.",
    ),
    "programme.visit_not_found": (
        "Kunjungan {visit_id} tidak ditemukan.",
        "Visit {visit_id} was not found.",
    ),
    "programme.year_implausible": (
        "Tahun {year} tidak masuk akal.",
        "The year {year} is not plausible.",
    ),
}
