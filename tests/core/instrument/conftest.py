"""Small helpers to build a form from YAML text inside a test."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from datetime import date

import pytest

from desa_app.core.instrument.loader import load_instrument, load_instrument_text
from desa_app.core.instrument.model import Instrument
from desa_app.core.instrument.state import Environment, FormState

TODAY = date(2026, 11, 23)

HEADER = """\
settings: {form_id: t, version: "1", form_title: Tes}
choices:
  jk:
    - {name: 1, label: Laki-laki, prodeskel: 0}
    - {name: 2, label: Perempuan, prodeskel: 1}
  ya:
    - {name: 1, label: Ya}
    - {name: 2, label: Tidak}
survey:
"""


def form_from(survey: str, header: str = HEADER) -> Instrument:
    """An instrument whose survey is the given YAML list (indented freely)."""
    body = textwrap.indent(textwrap.dedent(survey).strip("\n"), "  ")
    return load_instrument_text(header + body + "\n", "tes.yaml")


@pytest.fixture
def make_state() -> Callable[..., FormState]:
    def build(survey: str, answers: dict[str, object] | None = None) -> FormState:
        instrument = form_from(survey)
        env = Environment(today=TODAY, village={"code": "35.01.01.2001", "name": "Sendang"})
        if answers is None:
            return FormState.new(instrument, env)
        return FormState(instrument, answers, env)

    return build


@pytest.fixture(scope="module")
def ddk() -> Instrument:
    """The shipped DDK definition, loaded from its file (not the registry's cached copy)."""
    from .ddk_family import FORM

    return load_instrument(FORM)
