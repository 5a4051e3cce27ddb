"""What a typist's keystrokes mean for a choice question: pure functions, no widgets.

The paper prints a code beside every option; a typist copies the code (``12``), or,
when the paper has a ticked box without a code, starts a word of the label
(``tamat slta``, ``slta``). These rules decide which option that is, whether a longer
code could still follow (``1`` may become ``12``), and which codes a multiple choice
holds. The widgets in :mod:`desa_app.gui.form.inputs` and the table cells only display
what these functions decide, so the rules are tested without a screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from desa_app.core.instrument.model import ChoiceList, Field, FieldType
from desa_app.core.instrument.values_io import code_hint, parse_number
from desa_app.gui.i18n import t

_WORD_SPLIT = re.compile(r"[^0-9a-z]+")
MULTI_SEPARATORS = re.compile(r"[\s,;]+")


def _normal(text: str) -> str:
    """Lower case, punctuation as spaces: ``SLTA/Sederajat`` -> ``slta sederajat``."""
    return " ".join(part for part in _WORD_SPLIT.split(text.lower()) if part)


@dataclass(frozen=True)
class ChoiceGuess:
    """The options typed text can mean, best first."""

    codes: tuple[str, ...] = ()
    final: bool = False
    """True when the text is a complete code and no longer code starts with it: the
    answer can be committed at once, without waiting for Tab."""
    by_code: bool = True
    exact: bool = False
    """The text is itself one of the codes (``codes[0]``)."""

    @property
    def best(self) -> str | None:
        return self.codes[0] if self.codes else None

    @property
    def choice(self) -> str | None:
        """What Tab commits: the typed code, or the first label match. A partial code
        (``1`` where only 10-19 exist) commits nothing: it would be a guess."""
        if self.exact or not self.by_code:
            return self.best
        return None


def guess_choice(text: str, choices: ChoiceList, language: str = "") -> ChoiceGuess:
    """Text starting with a digit is a code (never a label: ``0.5`` must not mean the
    option "kurang 0,5 ha"); text starting with a letter is a code when it is one
    (``lain1``), else the start of the label or of any word in it."""
    typed = text.strip().lower()
    if not typed:
        return ChoiceGuess()
    names = [choice.name for choice in choices.choices]
    exact = [name for name in names if name.lower() == typed]
    longer = [name for name in names if name.lower().startswith(typed) and name.lower() != typed]
    if exact:
        return ChoiceGuess((exact[0], *longer), final=not longer, exact=True)
    if typed[0].isdigit():
        return ChoiceGuess(tuple(longer), final=False)
    wanted = _normal(typed)
    if not wanted:
        return ChoiceGuess(tuple(longer))
    starts, words = [], []
    for choice in choices.choices:
        label = _normal(choice.label.get(language))
        if label.startswith(wanted):
            starts.append(choice.name)
        elif f" {wanted}" in f" {label}":
            words.append(choice.name)
    return ChoiceGuess((*longer, *starts, *words), final=False, by_code=False)


@dataclass(frozen=True)
class MultiGuess:
    codes: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()


def guess_multi(text: str, choices: ChoiceList) -> MultiGuess:
    """Codes separated by spaces, commas or semicolons; each must be a code of the list
    (compared without case, stored as the list spells it). Repeats count once."""
    by_lower = {choice.name.lower(): choice.name for choice in choices.choices}
    codes: list[str] = []
    unknown: list[str] = []
    for token in MULTI_SEPARATORS.split(text.strip()):
        if not token:
            continue
        name = by_lower.get(token.lower())
        if name is None:
            unknown.append(token)
        elif name not in codes:
            codes.append(name)
    return MultiGuess(tuple(codes), tuple(unknown))


def codes_text(value: object) -> str:
    """How a stored choice answer is shown in its typing box: the codes only."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    return str(value)


def labels_text(value: object, choices: ChoiceList, language: str = "") -> str:
    """The meaning of the codes, shown beside the box: ``1. Baik · 3. Berwarna``."""
    if value is None or value == []:
        return ""
    codes = value if isinstance(value, list | tuple) else [value]
    parts = []
    for code in codes:
        choice = choices.by_name.get(str(code))
        parts.append(f"{code}. {choice.label.get(language)}" if choice else f"{code}. ?")
    return " · ".join(parts)


DATE_DIGITS = re.compile(r"^([0-9]{2})/?([0-9]{2})/?([0-9]{4})$"
                         r"|^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")


def date_parts(text: str) -> tuple[int, int, int] | None:
    """(day, month, year) of ``17081990``, ``17/08/1990`` or ``1/8/1990``."""
    match = DATE_DIGITS.match(text.strip())
    if not match:
        return None
    groups = [g for g in match.groups() if g is not None]
    day, month, year = (int(g) for g in groups)
    return day, month, year


_AUTO_SLASHES = re.compile(r"^[0-9]{0,2}$|^[0-9]{2}/[0-9]{0,2}$|^[0-9]{2}/[0-9]{2}/[0-9]{0,4}$")


def slash_date(text: str, before: str = "") -> str:
    """``12051980`` -> ``12/05/1980`` while typing (called when the text grew). A slash
    the typist adds where the box would have put one anyway is not doubled; slashes
    typed elsewhere (``1/8/1990``) are left exactly as typed."""
    if text.endswith("//") and before.endswith("/"):
        return before
    if "/" in text and not _AUTO_SLASHES.match(text):
        return text
    digits = text.replace("/", "")
    if not digits.isascii() or not digits.isdigit() or len(digits) > 8:
        return text
    parts = [digits[:2], digits[2:4], digits[4:]]
    formatted = "/".join(p for p in parts if p)
    if len(digits) in (2, 4):
        formatted += "/"
    return formatted


def interpret(field: Field, choices: ChoiceList | None, text: str,
              language: str = "") -> tuple[Any, str | None]:
    """What typed text means as the answer of ``field``: ``(answer, None)``, or
    ``(None, message)`` when it cannot be an answer (the message says how to write it).
    One rule for the question boxes and the table cells alike."""
    text = text.strip()
    if not text:
        return None, None
    if field.type is FieldType.SELECT_ONE and choices is not None:
        choice = guess_choice(text, choices, language).choice
        if choice is None:
            return None, t("input.no_such_code", text=text, hint=code_hint(choices, language))
        return choice, None
    if field.type is FieldType.SELECT_MULTIPLE and choices is not None:
        multi = guess_multi(text, choices)
        if multi.unknown:
            return None, t("input.no_such_codes", codes=", ".join(multi.unknown),
                           hint=code_hint(choices, language))
        return (list(multi.codes) or None), None
    if field.type in (FieldType.INTEGER, FieldType.DECIMAL):
        return parse_number(text, field.type)
    if field.type is FieldType.DATE:
        parts = date_parts(text)
        if parts is None:
            return None, t("input.date_format")
        day, month, year = parts
        try:
            return date(year, month, day).isoformat(), None
        except ValueError:
            return None, t("input.date_impossible", text=f"{day:02d}/{month:02d}/{year}")
    return text, None
