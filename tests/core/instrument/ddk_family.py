"""A realistic DDK household and helpers to build variants of it, shared by the tests
of the DDK definition (structure and household in ``test_ddk_form``, rules in
``test_ddk_rules``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from desa_app.core.instrument.issues import Issue
from desa_app.core.instrument.model import (
    Instrument,
    Severity,
)
from desa_app.core.instrument.state import Environment, FormState

FORM = Path(__file__).resolve().parents[3] / "forms" / "ddk.yaml"
TODAY = date(2026, 11, 23)
VILLAGE = {"code": "35.01.01.2001", "name": "Widoro"}  # Kec. Donorojo, Kab. Pacitan
DONOROJO = "350101"


def new_state(ddk: Instrument) -> FormState:
    return FormState.new(ddk, Environment(today=TODAY, village=VILLAGE))


def nik(born: str, sex: str, serial: int, prefix: str = DONOROJO) -> str:
    """A NIK as Dukcapil builds it: kecamatan, DDMMYY (women +40), serial."""
    year, month, day = (int(part) for part in born.split("-"))
    if sex == "2":
        day += 40
    return f"{prefix}{day:02d}{month:02d}{year % 100:02d}{serial:04d}"


def member(
    nama: str, sex: str, hubungan: str, born: str | None, serial: int, **answers: Any
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "nik": nik(born or "1990-01-01", sex, serial), "nama": nama, "jenis_kelamin": sex,
        "hubungan": hubungan, "tgl_lahir": born, "kewarganegaraan": "1",
    }
    data.update(answers)
    return data


HEAD = member("Budi Santoso", "1", "1", "1980-05-12", 1, status_kawin="1",
              pendidikan="10", pekerjaan="1", agama="1")
WIFE = member("Siti Aminah", "2", "3", "1984-08-03", 2, status_kawin="1",
              pendidikan="8", pekerjaan="39", akseptor_kb=["3"])
SON = member("Agus Santoso", "1", "4", "2010-01-15", 3, status_kawin="0",
             pendidikan="9", pekerjaan="38")
DAUGHTER = member("Dewi Santoso", "2", "4", "2015-06-20", 4, status_kawin="0",
                  pendidikan="4", pekerjaan="38")
GRANDMOTHER = member("Sumini", "2", "7", "1955-02-10", 5, status_kawin="2",
                     pendidikan="5", pekerjaan="40")
BABY = member("Bayu Santoso", "1", "4", "2025-09-01", 6, status_kawin="0",
              pendidikan="1", pekerjaan="37", tgl_pencatatan="2025-09-20")
FAMILY = [HEAD, WIFE, SON, DAUGHTER, GRANDMOTHER, BABY]


def fill(state: FormState, members: Iterable[dict[str, Any]]) -> list[tuple[int, ...]]:
    keys = []
    for answers in members:
        key = state.add_instance("anggota")
        for name, value in answers.items():
            state.set(name, value, key)
        keys.append(key)
    return keys


def household(ddk: Instrument, members: Iterable[dict[str, Any]] = FAMILY) -> FormState:
    state = new_state(ddk)
    state.set("no_kk", "3501011203150001")  # Donorojo, issued 12-03-2015
    state.set("nama_kk", "BUDI  santoso")  # case and spacing differ from the member name
    state.set("kode_desa", VILLAGE["code"])
    state.set("rt", "003")
    state.set("rw", "01")
    state.set("penghasilan", "2.500.000")
    state.set("pengeluaran", 1800000)
    state.set("status_rumah", "1")
    state.set("air_minum_2_kondisi", ["1"])
    state.set("lahan_1_kelas", "2")
    state.set("produksi_pangan_7_luas", 2500)
    state.set("produksi_pangan_7_produksi", "1200,5")
    state.set("produksi_pangan_7_pemasaran", "Tengkulak")
    state.set("ternak_4", 12)
    state.set("ternak_lain1_nama", "Entok")
    state.set("ternak_lain1", 3)
    state.set("dinding", ["1"])
    state.set("phbs", "1")
    fill(state, members)
    return state


def at(state: FormState, path: str, severity: Severity | None = None) -> list[Issue]:
    return [i for i in state.issues(severity) if i.path == path]


def messages(state: FormState, path: str, severity: Severity | None = None) -> list[str]:
    return [i.message for i in at(state, path, severity)]


def numbers(nodes: Iterable[Any]) -> set[str]:
    return {node.number for node in nodes if node.number}
