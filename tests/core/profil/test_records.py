"""Village-level records: one per year, the ordinary workflow, and "hitung dari DDK"
keeping what people typed by hand."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from desa_app.core import errors as E
from desa_app.core.instrument.registry import get_instrument
from desa_app.core.instrument.state import FormState
from desa_app.core.profil import refresh
from desa_app.core.profil.figures import figure_fields
from desa_app.core.profil.service import Profil
from desa_app.core.store.verification import Verification
from desa_app.core.workflow import Status

from .conftest import TODAY, DemoVillage

YEAR = 2024  # the demo seeds the current year's records; these tests use their own year


def _state(demo: DemoVillage, record_id: str) -> FormState:
    return demo.store.records.form_state(demo.actors["agen1"], record_id)


def _save(demo: DemoVillage, record_id: str, state: FormState) -> None:
    demo.store.records.save(demo.actors["agen1"], record_id, state.to_json(), "uji")


def _verify_one_more_household(demo: DemoVillage) -> None:
    """Changes the DDK counts: one more approved household."""
    with sqlite3.connect(demo.path) as con:
        ids = [r for (r,) in con.execute(
            "SELECT id FROM record WHERE kind = 'household' AND deleted = 0 AND "
            "status = 'submitted' ORDER BY id")]
    for record_id in ids:
        for verifier in ("tim1", "tim2"):
            try:
                demo.store.records.verify(demo.actors[verifier], record_id)
                return
            except E.WorkflowError:
                continue
    raise AssertionError("no submitted household could be verified")


@pytest.fixture()
def potensi(demo: DemoVillage) -> Any:
    record = Profil(demo.store).create(demo.actors["agen1"], "potensi", YEAR)
    yield record
    demo.store.records.delete(demo.actors["admin"], record.id, "akhir uji")


def test_one_record_per_instrument_and_year(demo: DemoVillage, potensi: Any) -> None:
    profil = Profil(demo.store)
    with pytest.raises(E.WorkflowError, match="sudah ada"):
        profil.create(demo.actors["agen1"], "potensi", YEAR)
    other = profil.create(demo.actors["agen1"], "perkembangan", YEAR)  # another instrument
    rows = {(r.instrument_id, r.year) for r in profil.rows(demo.actors["bps1"])}
    assert {("potensi", str(YEAR)), ("perkembangan", str(YEAR))} <= rows
    # changing the year of the Perkembangan to a year that has one is refused too
    second = profil.create(demo.actors["agen1"], "perkembangan", YEAR + 1)
    answers = dict(second.answers, tahun=YEAR)
    with pytest.raises(E.WorkflowError, match="sudah ada"):
        demo.store.records.save(demo.actors["agen1"], second.id, answers, "ubah tahun")
    assert demo.store.records.load(demo.actors["agen1"], second.id).answers["tahun"] == YEAR + 1
    # a deleted record frees its year; restoring it then is refused
    demo.store.records.delete(demo.actors["admin"], other.id, "salah")
    third = profil.create(demo.actors["agen1"], "perkembangan", YEAR)
    with pytest.raises(E.WorkflowError, match="sudah ada"):
        demo.store.records.restore(demo.actors["admin"], other.id)
    for record_id in (second.id, third.id):
        demo.store.records.delete(demo.actors["admin"], record_id, "akhir uji")


def test_village_records_stay_out_of_the_household_list(demo: DemoVillage,
                                                        potensi: Any) -> None:
    queries = demo.store.queries
    page = queries.page(demo.actors["agen1"], limit=1000)
    assert potensi.id not in {row.id for row in page.rows}
    ((households,),) = sqlite3.connect(demo.path).execute(
        "SELECT count(*) FROM record WHERE kind = 'household' AND deleted = 0").fetchall()
    assert page.total == households == sum(queries.status_counts(demo.actors["agen1"]).values())


def test_manual_values_survive_recounting(demo: DemoVillage, potensi: Any) -> None:
    profil = Profil(demo.store)
    form = get_instrument("potensi")
    agen = demo.actors["agen1"]
    first = profil.ddk_figures(agen, form, YEAR, today=TODAY)
    state = _state(demo, potensi.id)
    changes = refresh.compare(state, first.values)
    assert changes and all(c.proposed and c.origin is refresh.Origin.EMPTY
                           for c in changes if c.computed != 0)
    refresh.apply(state, first.values, [c.name for c in changes if c.proposed],
                  first.facts(demo.store.clock()))
    _save(demo, potensi.id, state)
    # a person corrects two figures by hand
    names = [f.name for f in figure_fields(form) if first.values[f.name] > 0]
    manual, untouched = names[0], names[1]
    state = _state(demo, potensi.id)
    assert refresh.origin(state, manual) is refresh.Origin.DDK
    state.set(manual, first.values[manual] + 7)
    _save(demo, potensi.id, state)

    _verify_one_more_household(demo)
    second = profil.ddk_figures(agen, form, YEAR, today=TODAY)
    assert second.households == first.households + 1
    state = _state(demo, potensi.id)
    assert refresh.origin(state, manual) is refresh.Origin.MANUAL
    by_name = {c.name: c for c in refresh.compare(state, second.values)}
    assert by_name[manual].origin is refresh.Origin.MANUAL and not by_name[manual].proposed
    refresh.apply(state, second.values, [c.name for c in by_name.values() if c.proposed])
    assert state.answer(manual) == first.values[manual] + 7  # kept
    assert state.answer(untouched) == second.values[untouched]  # recounted
    assert refresh.origin(state, manual) is refresh.Origin.MANUAL
    _save(demo, potensi.id, state)
    # what DDK gave is saved with the record, but never exported
    stored = demo.store.records.load(agen, potensi.id).answers
    assert stored[refresh.PREFILL_KEY]["nilai"][untouched] == second.values[untouched]
    assert stored[refresh.PREFILL_KEY]["keluarga"] == first.households
    assert refresh.PREFILL_KEY not in _state(demo, potensi.id).export_values()
    # the user may still choose to take the count
    state = _state(demo, potensi.id)
    refresh.apply(state, second.values, [manual])
    assert refresh.origin(state, manual) is refresh.Origin.DDK


def test_undo_puts_back_answers_and_origins(demo: DemoVillage, potensi: Any) -> None:
    form = get_instrument("potensi")
    figures = Profil(demo.store).ddk_figures(demo.actors["agen1"], form, YEAR, today=TODAY)
    state = _state(demo, potensi.id)
    name = next(n for n, v in figures.values.items() if v)
    state.set(name, 123456)
    before = state.to_json()
    _, previous = refresh.apply(state, figures.values, list(figures.values))
    assert state.answer(name) == figures.values[name]
    refresh.undo(state, previous)
    assert state.to_json() == before
    assert refresh.origin(state, name) is refresh.Origin.MANUAL


def test_same_workflow_as_households(demo: DemoVillage, potensi: Any) -> None:
    records, actors = demo.store.records, demo.actors
    state = _state(demo, potensi.id)
    for field in form_required(state):
        state.set(field, "Contoh" if state.instrument.field(field).type == "text" else 1)
    _save(demo, potensi.id, state)
    assert records.submit(actors["agen1"], potensi.id) is Status.SUBMITTED
    queue = Verification(demo.store.db).queue(actors["tim1"])
    item = next(i for i in queue if i.record_id == potensi.id)
    assert (item.instrument_id, item.period) == ("potensi", str(YEAR))
    with pytest.raises(E.PermissionDenied):
        records.verify(actors["bps1"], potensi.id)
    assert records.verify(actors["tim1"], potensi.id) is Status.VERIFIED


def form_required(state: FormState) -> list[str]:
    """Questions whose missing answer is an error (to make the record submittable)."""
    return sorted({i.name for i in state.issues() if i.severity.value == "error"})
