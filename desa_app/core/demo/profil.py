"""Potensi and Perkembangan records for the demo village.

A trainer opening the demo should find the Profil Desa page as a village would have it a
few months into the year: the Potensi filled (general data typed from the village
office's records, population figures counted from the approved DDK households, one
figure corrected by hand) and approved by the Tim, and the Perkembangan still a draft.
Everything goes through the real services, so the history and the audit log show it as
ordinary work.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from desa_app.core.instrument.state import FormState
from desa_app.core.profil import refresh
from desa_app.core.profil.service import Profil
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.users import Actor

POTENSI_TYPED: dict[str, Any] = {
    "bulan": 10, "tahun_pembentukan": 1912, "t01011a": 412.5,
    "t01011": "Sutrisno", "t01008": "Wahyuni", "t01009": "Perangkat desa",
    "t01010": "Kaur Perencanaan",
    "t01018": "Sendang", "t01019": "Klepu", "t01020": "Gedompol", "t01021": "Kalak",
    "t01022": "Donorojo", "t01023": "Donorojo", "t01024": "Donorojo",
    "t01025": "Punung", "t01027": "1", "t01028": "Perdes 4/2016", "t01030": "1",
    "t01013": "Buku induk kependudukan desa", "t01014": "RPJMDes 2021-2027",
    # I.2 luas menurut penggunaan (jumlahnya = luas desa)
    "t03048": 35.0, "t03050": 62.5, "t04055": 110.0, "t04056": 48.0, "t04057": 21.5,
    "t06068": 40.0, "t07076": 8.0, "t07075a": "2", "t07078": 2.0, "t07080": 1.5, "t07081": 0.5,
    "t07083": 2.5, "t07085": 1.5, "t07089": 9.0, "t08104": 30.0, "t08109": 40.5,
    # I.3 iklim
    "t09113": 1850.0, "t09114": 6, "t09115": 78.0, "t09116": 27.0, "t09117": 320.0,
}
PERKEMBANGAN_TYPED: dict[str, Any] = {"bulan": 10}
MANUAL_CORRECTION = 3
"""The demo's Pokja corrected one counted figure by hand (a family that moved in after
the DDK round), so the page shows what a manual figure looks like."""


def _typed(state: FormState, answers: dict[str, Any]) -> None:
    for name, value in answers.items():
        if name in state.instrument.nodes:  # a later form version may drop an item
            state.set(name, value)


def _fill(profil: Profil, agen: Actor, instrument_id: str, year: int, today: date,
          typed: dict[str, Any], at: datetime) -> tuple[str, FormState]:
    record = profil.create(agen, instrument_id, year)
    store = profil.store
    state = store.records.form_state(agen, record.id)
    _typed(state, typed)
    figures = profil.ddk_figures(agen, state.instrument, year, today=today)
    changes = refresh.compare(state, figures.values)
    refresh.apply(state, figures.values, [c.name for c in changes if c.proposed],
                  figures.facts(at))
    store.records.save(agen, record.id, state.to_json(), "hitung dari DDK")
    return record.id, state


def seed_profil(store: VillageStore, agen: Actor, tim: Actor, today: date) -> None:
    """This year's Potensi (approved) and Perkembangan (draft) for the demo village."""
    profil = Profil(store)
    year = today.year
    potensi_id, state = _fill(profil, agen, "potensi", year, today, POTENSI_TYPED,
                              store.clock())
    counted = next((name for name, value in refresh.applied_values(state).items()
                    if isinstance(value, int) and value > 10), None)
    if counted is not None:
        state.set(counted, int(state.answer(counted)) + MANUAL_CORRECTION)
        store.records.save(agen, potensi_id, state.to_json(), "koreksi pindah datang")
    if not state.has_errors:
        store.records.submit(agen, potensi_id)
        store.records.verify(tim, potensi_id)
    _fill(profil, agen, "perkembangan", year, today, PERKEMBANGAN_TYPED, store.clock())
