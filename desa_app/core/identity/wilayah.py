"""Kemendagri region codes (kode wilayah administrasi pemerintahan).

The app is used offline in village offices, so the official code list ships as two CSV
files under ``resources/wilayah/`` instead of being fetched from a web service:

* ``wilayah_kemendagri_2025.csv`` (``kode,nama``) -- the current list: provinsi ``PP``,
  kabupaten/kota ``PP.KK``, kecamatan ``PP.KK.CC`` and desa/kelurahan ``PP.KK.CC.DDDD``.
* ``kecamatan_historis_2016_2023.csv`` (``kode,edisi``) -- kecamatan codes that appeared in
  earlier editions of the list.  A NIK or No. KK keeps the kecamatan code of the place where
  it was *first* issued, for life.  Kecamatan get split, merged and moved to new provinces
  (e.g. the Papua split of 2022), so a perfectly valid old NIK can carry a code that is no
  longer in the current list.  Rejecting those would reject real residents.

Codes are stored keyed by their dotted form; every public method also accepts the undotted
digits people type from a KTP (``3505012001``).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Final, Literal, get_args

from desa_app.core.identity.wilayah_files import (
    CODES_CURRENT_RX,
    CODES_KECAMATAN_RX,
    EDITIONS_RX,
    GROUP_SIZES,
    WilayahDataError,
    check_current_row,
    check_historic_row,
    dotted_well_formed,
    gc_paused,
    is_digits,
    load_table,
)
from desa_app.core.paths import resources_dir

__all__ = [
    "HISTORIC_FILENAME",
    "WILAYAH_FILENAME",
    "Level",
    "WilayahDataError",
    "WilayahRegistry",
    "default_resources_dir",
    "get_registry",
    "normalize_code",
]

Level = Literal["provinsi", "kabupaten", "kecamatan", "desa"]
_LEVELS: Final[tuple[str, ...]] = get_args(Level)

WILAYAH_FILENAME: Final = "wilayah_kemendagri_2025.csv"
HISTORIC_FILENAME: Final = "kecamatan_historis_2016_2023.csv"

# The dotted form is unambiguous by length alone: 2, 5, 8 or 13 characters.
_LEVEL_BY_DOTTED_LEN: Final[dict[int, Level]] = {
    2: "provinsi",
    5: "kabupaten",
    8: "kecamatan",
    13: "desa",
}
_DOTTED_LEN_BY_LEVEL: Final[dict[str, int]] = {lv: n for n, lv in _LEVEL_BY_DOTTED_LEN.items()}
_UNDOTTED_LENGTHS: Final[frozenset[int]] = frozenset({2, 4, 6, 10})


def normalize_code(code: str) -> str | None:
    """Return the dotted form of a region code, or ``None`` if it is not well formed.

    Accepts ``35.05.01.2001`` as well as the undotted ``3505012001``, ``350501``, ``3505``
    and ``35`` (surrounding whitespace is ignored), because operators copy codes both from
    Kemendagri lists (dotted) and from NIK/KK numbers (undotted).  Only the shape is
    checked here; whether the code exists is :meth:`WilayahRegistry.exists`.
    """
    text = code.strip()
    if "." in text:
        return text if dotted_well_formed(text) else None
    if len(text) not in _UNDOTTED_LENGTHS or not is_digits(text):
        return None
    parts: list[str] = []
    pos = 0
    for size in GROUP_SIZES:
        if pos >= len(text):
            break
        parts.append(text[pos : pos + size])
        pos += size
    return ".".join(parts)


def _parent_of(dotted: str) -> str | None:
    cut = dotted.rfind(".")
    return dotted[:cut] if cut > 0 else None


def default_resources_dir() -> Path:
    """The ``resources/`` directory next to the ``desa_app`` package in the repo root."""
    return resources_dir()


# --------------------------------------------------------------------------- registry


class WilayahRegistry:
    """Lookup of region codes: the current Kemendagri list plus historic kecamatan codes.

    Methods reflect the *current* list (``name``, ``exists``, ``level``, ``parent``,
    ``children``, ``lineage``, ``search``) and answer ``None``/``[]``/``False`` for unknown
    or malformed codes instead of raising: they are called on whatever the user typed.
    Only ``is_kecamatan_*`` and ``historic_editions`` consult the historic list.

    Instances are read-only after construction and safe to share between threads.
    """

    def __init__(self, names: dict[str, str], historic_editions: dict[str, str]) -> None:
        """Build from parsed data keyed by dotted code; normally use :meth:`load`.

        ``historic_editions`` maps a kecamatan code to its space-separated edition years.
        """
        self._names = names
        self._historic = historic_editions
        self._lock = threading.Lock()
        # Built lazily: most sessions never browse the tree or search, so start-up should
        # not pay for indexes over ~90k rows.
        self._children: dict[str, list[tuple[str, str]]] | None = None
        self._search_index: list[tuple[str, str, str]] | None = None

    @classmethod
    def load(cls, resources_dir: Path | None = None) -> WilayahRegistry:
        """Read both CSV files from ``resources_dir/wilayah`` (default: the repo's resources).

        Raises :class:`WilayahDataError` naming the file (and line) that is missing or
        malformed.
        """
        base = (resources_dir or default_resources_dir()) / "wilayah"
        with gc_paused():
            return cls._load_from(base)

    @classmethod
    def _load_from(cls, base: Path) -> WilayahRegistry:
        names = load_table(
            base / WILAYAH_FILENAME,
            ("kode", "nama"),
            CODES_CURRENT_RX,
            None,
            check_current_row,
        )
        historic = load_table(
            base / HISTORIC_FILENAME,
            ("kode", "edisi"),
            CODES_KECAMATAN_RX,
            EDITIONS_RX,
            check_historic_row,
        )
        return cls(names, historic)

    def __len__(self) -> int:
        """Number of codes in the current list."""
        return len(self._names)

    def name(self, code: str) -> str | None:
        """Official name of a current code, e.g. ``"Kabupaten Blitar"`` for ``35.05``."""
        dotted = normalize_code(code)
        return None if dotted is None else self._names.get(dotted)

    def exists(self, code: str) -> bool:
        """True if the code is in the current list (historic-only kecamatan are not)."""
        dotted = normalize_code(code)
        return dotted is not None and dotted in self._names

    def level(self, code: str) -> Level | None:
        """Administrative level of a current code; ``None`` if unknown or malformed."""
        dotted = normalize_code(code)
        if dotted is None or dotted not in self._names:
            return None
        return _LEVEL_BY_DOTTED_LEN[len(dotted)]

    def parent(self, code: str) -> str | None:
        """Dotted code of the parent region; ``None`` for a provinsi or an unknown code."""
        dotted = normalize_code(code)
        if dotted is None or dotted not in self._names:
            return None
        return _parent_of(dotted)

    def children(self, code: str | None) -> list[tuple[str, str]]:
        """Direct sub-regions ``(code, name)`` sorted by code; ``[]`` for unknown codes.

        ``None`` or an empty string lists the provinsi, so cascading pickers need no
        special case for the top level.
        """
        if code is None or not code.strip():
            key = ""
        else:
            dotted = normalize_code(code)
            if dotted is None:
                return []
            key = dotted
        return list(self._children_index().get(key, ()))

    def lineage(self, code: str) -> list[tuple[str, str]]:
        """``(code, name)`` from the provinsi down to the code itself; ``[]`` if unknown."""
        dotted = normalize_code(code)
        if dotted is None or dotted not in self._names:
            return []
        chain: list[tuple[str, str]] = []
        current: str | None = dotted
        while current is not None:
            name = self._names.get(current)
            if name is not None:  # tolerate a gap rather than hide the rest of the chain
                chain.append((current, name))
            current = _parent_of(current)
        chain.reverse()
        return chain

    def is_kecamatan_known(self, code6: str) -> bool:
        """True if ``code6`` is a current kecamatan or one from an earlier edition.

        This is the check for the first six digits of a NIK/No. KK: they record where the
        number was first issued and never change, so codes of since-split or renumbered
        kecamatan must still be accepted.
        """
        dotted = normalize_code(code6)
        if dotted is None or len(dotted) != 8:
            return False
        return dotted in self._names or dotted in self._historic

    def is_kecamatan_historic_only(self, code6: str) -> bool:
        """True if ``code6`` appears only in the historic list, not in the current one.

        Lets the UI say "kode lama" instead of showing the name of whatever current
        region (if any) now uses a similar code.
        """
        dotted = normalize_code(code6)
        if dotted is None or len(dotted) != 8:
            return False
        return dotted in self._historic and dotted not in self._names

    def historic_editions(self, code6: str) -> tuple[int, ...]:
        """Edition years of the historic list in which the kecamatan code appears."""
        dotted = normalize_code(code6)
        editions = None if dotted is None else self._historic.get(dotted)
        return () if editions is None else tuple(int(year) for year in editions.split())

    def search(
        self, text: str, level: Level | None = None, limit: int = 20
    ) -> list[tuple[str, str]]:
        """Case-insensitive substring search on names, in code order.

        Returns at most ``limit`` ``(code, name)`` pairs; blank ``text`` returns ``[]``
        rather than the first ``limit`` rows of the country.
        """
        if level is not None and level not in _LEVELS:
            raise ValueError(f"Tingkat wilayah tidak dikenal: {level!r}")
        needle = text.strip().casefold()
        if not needle or limit <= 0:
            return []
        wanted_len = None if level is None else _DOTTED_LEN_BY_LEVEL[level]
        found: list[tuple[str, str]] = []
        for code, name, folded in self._search_entries():
            if needle in folded and (wanted_len is None or len(code) == wanted_len):
                found.append((code, name))
                if len(found) >= limit:
                    break
        return found

    def _children_index(self) -> dict[str, list[tuple[str, str]]]:
        index = self._children
        if index is None:
            with self._lock:
                index = self._children
                if index is None:
                    built: dict[str, list[tuple[str, str]]] = {}
                    for code, name in sorted(self._names.items()):
                        built.setdefault(_parent_of(code) or "", []).append((code, name))
                    self._children = index = built
        return index

    def _search_entries(self) -> list[tuple[str, str, str]]:
        entries = self._search_index
        if entries is None:
            with self._lock:
                entries = self._search_index
                if entries is None:
                    entries = [
                        (code, name, name.casefold()) for code, name in sorted(self._names.items())
                    ]
                    self._search_index = entries
        return entries


_registry_cache: dict[Path, WilayahRegistry] = {}
_registry_lock = threading.Lock()


_default_registry: list[WilayahRegistry] = []


def get_registry(resources_dir: Path | None = None) -> WilayahRegistry:
    """Shared registry for ``resources_dir`` (default: the repo's ``resources/``).

    Loaded on first use and cached per directory, so the NIK checks run on every form
    field do not re-read 90k rows, and tests can point at their own files without
    disturbing the default.  A failed load is not cached: fixing the file and retrying
    works without restarting the app.
    """
    if resources_dir is None and _default_registry:
        return _default_registry[0]  # hot path: called for every NIK check
    key = (resources_dir or default_resources_dir()).resolve()
    registry = _registry_cache.get(key)
    if registry is None:
        with _registry_lock:
            registry = _registry_cache.get(key)
            if registry is None:
                registry = WilayahRegistry.load(key)
                _registry_cache[key] = registry
    if resources_dir is None and not _default_registry:
        _default_registry.append(registry)
    return registry
