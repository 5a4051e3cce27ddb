"""The demo village: its codes, neighbours, hamlets, enumerators and local customs.

Everything that is the same for all households of one village is decided once here, so
the per-household loop only draws from prepared tuples. Religion and ethnic group follow
the provinsi of the village code (a village in Bali is mostly Hindu, one in Sulawesi
Utara mostly Protestant), and each household is named in the style of its religion
there (Balinese names for Hindus, Minahasa family names for Christians in Sulawesi
Utara, Islamic or Javanese names for Muslims); within Java the default is a Muslim
Javanese or Sundanese village.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from random import Random

from desa_app.core.demo.names import DUSUN_NAMES, ENUMERATOR_NAMES, NameStyle
from desa_app.core.demo.pick import Weighted
from desa_app.core.identity import get_registry, normalize_code

# provinsi -> (naming style, family names, religion {agama code: weight}, suku weights)
_ISLAM = {"1": 97, "2": 2, "3": 1}
_Customs = tuple[str, str | None, Mapping[str, float], Mapping[str, float]]
_CUSTOMS: dict[str, _Customs] = {
    "11": ("melayu", None, {"1": 99, "2": 1}, {"Aceh": 90, "Jawa": 6, "Gayo": 4}),
    "12": ("kristen", "batak", {"2": 55, "1": 35, "3": 10},
           {"Batak": 80, "Nias": 10, "Jawa": 10}),
    "13": ("melayu", None, {"1": 99, "2": 1}, {"Minangkabau": 92, "Jawa": 5, "Mentawai": 3}),
    "31": ("jawa", None, {"1": 85, "2": 9, "3": 4, "5": 2},
           {"Betawi": 40, "Jawa": 40, "Sunda": 20}),
    "32": ("sunda", None, {"1": 98, "2": 1, "3": 1}, {"Sunda": 92, "Jawa": 8}),
    "33": ("jawa", None, _ISLAM, {"Jawa": 99, "Sunda": 1}),
    "34": ("jawa", None, {"1": 92, "3": 5, "2": 3}, {"Jawa": 100}),
    "35": ("jawa", None, _ISLAM, {"Jawa": 85, "Madura": 15}),
    "36": ("sunda", None, {"1": 98, "2": 2}, {"Sunda": 60, "Banten": 30, "Jawa": 10}),
    "51": ("bali", None, {"4": 90, "1": 8, "2": 2}, {"Bali": 95, "Jawa": 5}),
    "52": ("melayu", None, {"1": 96, "4": 3, "2": 1}, {"Sasak": 80, "Sumbawa": 15, "Bali": 5}),
    "53": ("kristen", "ntt", {"3": 55, "2": 35, "1": 10},
           {"Timor": 40, "Flores": 35, "Sumba": 25}),
    "71": ("kristen", "minahasa", {"2": 70, "1": 25, "3": 5},
           {"Minahasa": 75, "Sangihe": 15, "Gorontalo": 10}),
    "81": ("kristen", "ambon", {"2": 50, "1": 45, "3": 5}, {"Ambon": 80, "Buton": 10, "Kei": 10}),
}
_OUTER_DEFAULT: _Customs = (
    "melayu", None, {"1": 90, "2": 7, "3": 3}, {"Melayu": 70, "Jawa": 20, "Bugis": 10}
)
_BY_ISLAND: dict[str, Mapping[str, float]] = {
    "1": {"Melayu": 70, "Jawa": 25, "Minangkabau": 5},  # rest of Sumatra
    "6": {"Banjar": 45, "Dayak": 35, "Jawa": 20},
    "7": {"Bugis": 50, "Makassar": 25, "Toraja": 10, "Mandar": 15},
    "8": {"Ternate": 60, "Tidore": 40},
}
_PAPUA: _Customs = (
    "kristen", "papua", {"2": 70, "3": 15, "1": 15}, {"Papua": 85, "Jawa": 10, "Bugis": 5}
)

_ENUMERATOR_ROLES = (
    ("Perangkat Desa", "Kasi Pemerintahan"),
    ("Perangkat Desa", "Kaur Umum"),
    ("Perangkat Desa", "Sekretaris Desa"),
    ("Kader PKK", "Kader Posyandu"),
    ("Guru", "Anggota BPD"),
    ("Wiraswasta", "Ketua RT"),
)


@dataclass(frozen=True)
class Enumerator:
    """One member of the data collection team (H.13-H.15)."""

    name: str
    pekerjaan: str
    jabatan: str


@dataclass(frozen=True)
class Neighbourhood:
    """One RT of one RW of one dusun: what ends up in H.3-H.6."""

    dusun: str
    rw: str
    rt: str


@dataclass(frozen=True)
class Village:
    """What all households of the village share, prepared once per run."""

    code: str
    prefix: str
    """Kecamatan part of the code without dots: the first 6 digits of local NIK/No. KK."""
    place_of_birth: str
    """Short kabupaten/kota name written as tempat lahir of locally born people."""
    neighbours: tuple[tuple[str, str], ...]
    """``(prefix, kecamatan name)`` of the other kecamatan of the same kabupaten."""
    neighbourhoods: tuple[Neighbourhood, ...]
    team: tuple[Enumerator, ...]
    kind: str
    """Naming style of the majority (``jawa``, ``sunda``, ``melayu``, ``kristen``, ``bali``)."""
    styles: dict[str, NameStyle]
    """Naming style by agama code: a Muslim family in Bali is not named like a Hindu one."""
    religion: Weighted
    suku: Weighted
    dusun_index: dict[str, int]
    """Position of each dusun: enumerators are assigned to dusun in turn."""
    hazards: tuple[str, ...]
    """1.36 codes (rawan banjir, longsor ...) that apply to this village."""
    coastal: bool

    def style_for(self, agama: str) -> NameStyle:
        return self.styles.get(agama) or self.styles["1"]


def _customs(province: str) -> _Customs:
    if province in _CUSTOMS:
        return _CUSTOMS[province]
    if province.startswith("9"):
        return _PAPUA
    style, families, religion, suku = _OUTER_DEFAULT
    return style, families, religion, _BY_ISLAND.get(province[0], suku)


def _styles(kind: str, families: str | None) -> dict[str, NameStyle]:
    """Naming style per agama code, the village's own for its majority religion."""
    own = NameStyle(kind, families)
    christian = own if kind == "kristen" else NameStyle("kristen")
    return {
        "1": own if kind in ("jawa", "sunda", "melayu") else NameStyle("melayu"),
        "2": christian,
        "3": christian,
        "4": own if kind == "bali" else NameStyle("bali"),
        "5": NameStyle("kristen"),
        "6": NameStyle("kristen"),
        "7": own,
    }


def _short_name(name: str) -> str:
    for prefix in ("Kabupaten ", "Kota Administrasi ", "Kota "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def _neighbourhoods(rng: Random, dusun_names: list[str]) -> tuple[Neighbourhood, ...]:
    """Each dusun holds one or two RW, each RW two to four RT (at most 12 RT per RW)."""
    found: list[Neighbourhood] = []
    rw_number = 0
    for dusun in dusun_names:
        for _ in range(rng.choice((1, 1, 2))):
            rw_number += 1
            for rt_number in range(1, rng.randint(2, 4) + 1):
                found.append(Neighbourhood(dusun, f"{rw_number:03d}", f"{rt_number:03d}"))
    return tuple(found)


def build_village(code: str, rng: Random) -> Village:
    """Prepare the village; ``ValueError`` if ``code`` is not a current desa code."""
    registry = get_registry()
    dotted = normalize_code(code)
    if dotted is None or registry.level(dotted) != "desa":
        raise ValueError(f"Kode desa tidak dikenal: {code!r} (contoh: 35.01.01.2001)")
    kecamatan = dotted[:8]
    kabupaten = dotted[:5]
    neighbours = tuple(
        (child.replace(".", ""), name)
        for child, name in registry.children(kabupaten)
        if child != kecamatan
    )
    style_kind, families, religion, suku = _customs(dotted[:2])
    dusun_pool = list(DUSUN_NAMES[style_kind])
    if style_kind == "jawa":  # "Krajan" is the core hamlet of almost every Javanese desa
        dusun_names = ["Krajan", *rng.sample(dusun_pool[1:], rng.randint(2, 5))]
    else:
        dusun_names = rng.sample(dusun_pool, rng.randint(3, min(6, len(dusun_pool))))
    team_names = rng.sample(ENUMERATOR_NAMES, rng.randint(3, 5))
    team = tuple(
        Enumerator(name, *rng.choice(_ENUMERATOR_ROLES)) for name in team_names
    )
    hazard_pool = ("23", "27", "31", "26", "30")  # banjir, longsor, kekeringan, gempa, air
    hazards = tuple(rng.sample(hazard_pool, rng.choice((0, 1, 1, 2))))
    return Village(
        code=dotted,
        prefix=kecamatan.replace(".", ""),
        place_of_birth=_short_name(registry.name(kabupaten) or "") or "-",
        neighbours=neighbours,
        neighbourhoods=_neighbourhoods(rng, dusun_names),
        team=team,
        kind=style_kind,
        styles=_styles(style_kind, families),
        religion=Weighted(religion),
        suku=Weighted(suku),
        dusun_index={name: i for i, name in enumerate(dusun_names)},
        hazards=hazards,
        coastal=rng.random() < 0.2,
    )
