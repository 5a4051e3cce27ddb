"""Whole records typed from paper, the way a village official does it all afternoon.

Twenty demo households (1 to 10 members, every table item, multiple choices, dates,
two-digit codes, write-ins and blanks) are typed into a fresh database with key events
only, each sent to ``QApplication.focusWidget()``, walking the paper in the order the
keyboard contract gives (docs/keyboard.md); then Ctrl+S. What the core stored must be
exactly what the paper says. The same for one Potensi and one Perkembangan record.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from random import Random
from typing import Any

import pytest

from desa_app.core import auth
from desa_app.core.demo.generator import generate_village
from desa_app.core.demo.profil import POTENSI_TYPED
from desa_app.core.instrument.model import Field, FieldType, Instrument, Matrix
from desa_app.core.profil.service import Profil
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.village import init_village
from desa_app.gui.form.editor import FormEditor
from desa_app.gui.qt import Qt
from desa_app.gui.session import AppSession

from .typist import (
    Cell,
    Typist,
    cells_of,
    enrich,
    press,
    relevant_only,
    sample_value,
    show_active,
)

PASSWORD = "rahasia123"
VILLAGE = "35.01.01.2001"
HOUSEHOLDS = 20


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "SCRYPT_N", 2**8)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AppSession]:
    db = init_village(tmp_path / "desa.sqlite3", VILLAGE, "admin", "Operator", PASSWORD)
    store = VillageStore(db)
    admin = store.users.authenticate("admin", PASSWORD)
    store.users.add(admin, "agen1", "Agen Satu", "enumerator", PASSWORD)
    yield AppSession(store, store.users.authenticate("agen1", PASSWORD))
    store.close(backup=False)


def shown_editor(qtbot: Any, session: AppSession, instrument_id: str) -> FormEditor:
    editor: FormEditor = show_active(qtbot, FormEditor(session, instrument_id))
    return editor


def paper_households(instrument: Instrument) -> list[dict[str, Any]]:
    """Demo households of 1-10 members, enriched where demo data is thin, plus one
    household that has every table item of the form."""
    today = date.today()
    village = {"code": VILLAGE}
    rng = Random(11)
    by_size: dict[int, dict[str, Any]] = {}
    others: list[dict[str, Any]] = []
    for household in generate_village(VILLAGE, 3000, 3, today=today):
        if household.deliberate is not None:
            continue
        size = len(household.answers.get("anggota", []))
        if size not in by_size:
            by_size[size] = household.answers
        elif len(others) < HOUSEHOLDS:
            others.append(household.answers)
        if len(by_size) == 10 and len(others) >= HOUSEHOLDS:
            break
    chosen = {**{str(n): a for n, a in by_size.items()},
              **{f"x{i}": a for i, a in enumerate(others[: HOUSEHOLDS - 1 - len(by_size)])}}
    papers = [relevant_only(instrument, enrich(instrument, answers, rng), today, village)
              for answers in list(chosen.values())[: HOUSEHOLDS - 1]]
    full = enrich(instrument, next(iter(chosen.values())), Random(5), tables=1.0,
                  writeins=1.0)
    papers.append(relevant_only(instrument, full, today, village))
    return papers


def coverage(instrument: Instrument, papers: list[dict[str, Any]]) -> dict[str, bool]:
    cells = [cell for paper in papers for cell in cells_of(instrument, paper)]
    names = {name for name, _key in cells}
    values = {cell: value for paper in papers for cell, value in cells_of(instrument,
                                                                           paper).items()}
    tables = [node for node in instrument.order if isinstance(node, Matrix)]
    return {
        "every table": all(any(c in names for c in t.cells.values()) for t in tables),
        "write-in rows": any(n in names for t in tables for n in t.row_names.values()),
        "multiple choice": any(instrument.field(n).type is FieldType.SELECT_MULTIPLE
                               for n in names),
        "dates": any(instrument.field(n).type is FieldType.DATE for n in names),
        "two-digit codes": any(isinstance(v, str) and len(v) >= 2 and v.isdigit()
                               and instrument.field(c[0]).type is FieldType.SELECT_ONE
                               for c, v in values.items()),
        "choice write-ins": any(instrument.field(n).extra.get("other_of") for n in names),
        "decimals": any(isinstance(v, float) for v in values.values()),
        "1 to 10 members": {len(p.get("anggota", [])) for p in papers} >= set(range(1, 11)),
    }


def compare(instrument: Instrument, got: dict[str, Any], paper: dict[str, Any]) -> str:
    stored, wanted = cells_of(instrument, got), cells_of(instrument, paper)
    wrong = {cell: (stored.get(cell), value) for cell, value in wanted.items()
             if stored.get(cell) != value}
    extra = {cell: value for cell, value in stored.items() if cell not in wanted}
    return f"wrong (stored, paper): {wrong}; not on paper: {extra}" if wrong or extra else ""


def test_twenty_households_typed_from_paper(qtbot: Any, session: AppSession) -> None:
    editor = shown_editor(qtbot, session, "ddk")
    instrument = editor.instrument
    papers = paper_households(instrument)
    assert len(papers) == HOUSEHOLDS
    covered = coverage(instrument, papers)
    assert all(covered.values()), covered
    admin = session.store.users.authenticate("admin", PASSWORD)
    session.store.set_dusun_names(admin, sorted({str(p["dusun"]) for p in papers}))
    records = session.store.records
    for number, paper in enumerate(papers):
        editor.load(None)
        editor.focus_first()  # what the form host does when a new household opens
        typist = Typist(qtbot, editor, seed=number)
        typist.fill(cells_of(instrument, paper), len(paper.get("anggota", [])))
        with qtbot.waitSignal(editor.saved, timeout=10_000):
            press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not editor.saving)
        assert editor.record_id is not None
        got = records.load(session.actor, editor.record_id).answers
        problem = compare(instrument, got, paper)
        assert not problem, f"household {number + 1}: {problem}"
    assert session.store.queries.page(session.actor).total == HOUSEHOLDS


def village_paper(instrument: Instrument, typed: dict[str, Any], rng: Random
                  ) -> dict[str, Any]:
    """A village record as the office's papers give it: typed facts, and in every
    table a few rows, as numbers or codes."""
    answers = {name: value for name, value in typed.items() if name in instrument.nodes}
    for node in instrument.order:
        if isinstance(node, Matrix):
            for row in rng.sample(list(node.rows), k=min(2, len(node.rows))):
                name = node.row_names.get(row)
                if name is not None:
                    answers[name] = "Lainnya dari buku desa"
                for column in node.columns:
                    answers[node.cells[(row, column.name)]] = sample_value(
                        instrument, instrument.field(node.cells[(row, column.name)]), rng)
        elif isinstance(node, Field) and node.type in (FieldType.INTEGER, FieldType.DECIMAL) \
                and not node.is_computed and not node.read_only and rng.random() < 0.1 \
                and not isinstance(node.parent, Matrix):
            answers[node.name] = sample_value(instrument, node, rng)
    return answers


@pytest.mark.parametrize("instrument_id,typed", [("potensi", POTENSI_TYPED),
                                                 ("perkembangan", {"bulan": 10})])
def test_village_record_typed_from_paper(qtbot: Any, session: AppSession,
                                         instrument_id: str, typed: dict[str, Any]) -> None:
    year = date.today().year
    record = Profil(session.store).create(session.actor, instrument_id, year)
    editor = shown_editor(qtbot, session, instrument_id)
    instrument = editor.instrument
    editor.load(record.id)
    start = cells_of(instrument, editor.state.to_json())  # the year, set at creation
    paper_answers = dict(village_paper(instrument, typed, Random(7)))
    intended: dict[Cell, Any] = {**start, **cells_of(instrument, paper_answers)}
    paper = relevant_only(instrument, {**editor.state.to_json(), **paper_answers},
                          date.today(), {"code": VILLAGE})
    intended = {cell: value for cell, value in cells_of(instrument, paper).items()}
    editor.focus_first()
    typist = Typist(qtbot, editor, seed=3)
    typist.fill(intended, 0)
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editor.saving)
    got = session.store.records.load(session.actor, record.id).answers
    problem = compare(instrument, got, paper)
    assert not problem, problem
    assert typist.stops > 100
