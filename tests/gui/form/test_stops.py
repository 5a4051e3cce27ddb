"""The Tab order without a screen: paper order, members one after another, back and
forth the same way (gui/form/stops.py)."""

from __future__ import annotations

import pytest

from desa_app.core.instrument.model import Matrix
from desa_app.core.instrument.registry import get_instrument
from desa_app.gui.form.stops import Stop, StopOrder, matrix_order


@pytest.mark.parametrize("instrument_id", ["ddk", "potensi", "perkembangan"])
@pytest.mark.parametrize("members", [0, 1, 3])
def test_forward_and_back_are_the_same_walk(instrument_id: str, members: int) -> None:
    order = StopOrder(get_instrument(instrument_id))
    forward = list(order.walk(None, +1, members))
    backward = list(order.walk(None, -1, members))
    assert backward == forward[::-1]
    inside = order.end - order.start
    outside = len(order.sequence) - inside
    assert len(forward) == outside + inside * members  # each member's questions once
    for index in range(1, len(forward) - 1):  # from any place, one step each way
        assert next(order.walk(forward[index], +1, members)) == forward[index + 1]
        assert next(order.walk(forward[index], -1, members)) == forward[index - 1]


def test_ddk_order_is_the_paper_order() -> None:
    instrument = get_instrument("ddk")
    order = StopOrder(instrument)
    walk = [stop.name for stop in order.walk(None, +1, 2)]
    assert walk[:3] == ["no_kk", "nama_kk", "alamat"]
    lahan = matrix_order(instrument.nodes["lahan"])  # type: ignore[arg-type]
    start = walk.index(lahan[0])
    assert walk[start:start + len(lahan)] == lahan  # a table: cell by cell, row by row
    members = [stop for stop in order.walk(None, +1, 2) if stop.key]
    assert members[0] == Stop("no_urut", (0,))
    assert {stop.key for stop in members} == {(0,), (1,)}
    first_of_second = next(i for i, stop in enumerate(members) if stop.key == (1,))
    assert all(stop.key == (0,) for stop in members[:first_of_second])


def test_table_write_in_names_come_first_on_their_row() -> None:
    instrument = get_instrument("ddk")
    table = instrument.nodes["air_minum"]
    assert isinstance(table, Matrix)
    cells = matrix_order(table)
    name = table.row_names["lain1"]
    assert cells.index(name) + 1 == cells.index(table.cells[("lain1", "kondisi")])
