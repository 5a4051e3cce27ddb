"""The world outside one record: the day it is judged on and the village it belongs to.

Kept apart from ``state.py`` so that code which only builds an environment (the store,
the CLI, the editor) does not need the evaluation machinery to name it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

Today = Callable[[], date]
"""Where an environment reads the day from (``date.today``: the laptop's local day)."""


class Environment:
    """Facts from outside the record: today's date and the village it belongs to.

    ``today`` is read when an expression asks for it, not when the environment is made:
    the editor keeps one environment for hours, and past midnight ages and date checks
    must use the new day. ``Environment(today=d)`` fixes the day (tests, ``--today``, a
    reference date); ``clock`` says where an unfixed day comes from.
    """

    __slots__ = ("_clock", "_fixed", "village")

    def __init__(self, today: date | None = None,
                 village: Mapping[str, str] | None = None, *,
                 clock: Today = date.today) -> None:
        self._fixed = today
        self._clock = clock
        self.village: Mapping[str, str] = {} if village is None else village

    @property
    def today(self) -> date:
        return self._clock() if self._fixed is None else self._fixed

    @property
    def fixed_today(self) -> date | None:
        """The day given to the constructor; None when it is read from the clock."""
        return self._fixed

    def pinned(self) -> Environment:
        """This environment with the day read now and held (one evaluation, one day)."""
        return self if self._fixed is not None else Environment(self.today, self.village)

    def __repr__(self) -> str:
        day = self._fixed.isoformat() if self._fixed is not None else "clock"
        return f"Environment(today={day}, village={dict(self.village)!r})"
