"""Whatever answers a DDK record holds (typos, wrong types, junk from a file), the form
state never crashes, and what it saves reads back to the same state."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desa_app.core.instrument.loader import load_instrument
from desa_app.core.instrument.model import FieldType
from desa_app.core.instrument.state import Environment, FormState
from desa_app.core.paths import forms_dir

DDK = load_instrument(forms_dir() / "ddk.yaml")
ENV = Environment(today=date(2026, 11, 23), village={"code": "35.01.01.2001"})
TOP = [f.name for f in DDK.fields() if not f.repeats and f.type is not FieldType.CALCULATE]
MEMBER = [f.name for f in DDK.fields() if f.repeats and f.type is not FieldType.CALCULATE]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
    st.sampled_from(["", "1", "2", "0", "-1", "3501014507900001", "1990-02-29", "31/12/1990",
                     "1.500.000", "12,5", "abc", "99", "2026-11-23"]),
)
values = st.one_of(scalars, st.lists(scalars, max_size=4),
                   st.dictionaries(st.text(max_size=5), scalars, max_size=2))
members = st.dictionaries(st.sampled_from(MEMBER), values, max_size=12)
records = st.fixed_dictionaries(
    {}, optional={"anggota": st.one_of(st.lists(members, max_size=5), values)}
).flatmap(lambda base: st.dictionaries(st.sampled_from(TOP), values, max_size=15).map(
    lambda top: {**top, **base}))


def snapshot(state: FormState) -> tuple[Any, ...]:
    return (sorted(map(repr, state.values.items())), sorted(map(repr, state.hidden)),
            sorted(map(repr, state.issues())))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=records)
def test_any_record_loads_validates_and_round_trips(record: dict[str, Any]) -> None:
    state = FormState(DDK, record, ENV)
    state.issues()
    state.export_values()
    saved = state.to_json()
    again = FormState(DDK, saved, ENV)
    assert snapshot(again) == snapshot(state)
    assert again.to_json() == saved


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(st.tuples(st.booleans(), st.sampled_from(TOP + MEMBER), values),
                      max_size=20))
def test_any_sequence_of_edits_never_crashes(edits: list[tuple[bool, str, Any]]) -> None:
    state = FormState.new(DDK, ENV)
    for add_member, name, value in edits:
        if add_member:
            state.add_instance("anggota")
        count = state.instance_count("anggota")
        if name in MEMBER:
            if not count:
                continue
            state.set(name, value, (len(name) % count,))
        else:
            state.set(name, value)
    fresh = FormState(DDK, state.to_json(), ENV)
    assert snapshot(fresh) == snapshot(state)
