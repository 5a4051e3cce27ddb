"""DDK 1.6 (production tables), 1.7 (livestock) and 1.8 (fishing tools) of one household.

Farming households fill a few rows of 1.6 A with harvested area and yearly output that
fit their land class (padi sawah about 1 kg per m2 per year over two seasons); many
households list a few fruit trees in the yard; fish ponds and sea fishing are rarer, and
more common in coastal villages. Livestock is mostly a handful of free-range chickens
and a few goats. Cells are named as the loader expands the tables:
``produksi_pangan_7_luas``, ``ternak_4``, ``alat_ikan_6``.
"""

from __future__ import annotations

from random import Random
from typing import Any

from desa_app.core.demo.pick import Weighted
from desa_app.core.demo.regions import Village

# code -> kg per m2 per year
_PANGAN = Weighted({"7": 50, "1": 20, "9": 10, "3": 6, "11": 5, "2": 4, "10": 3, "8": 2})
_PANGAN_YIELD = {"7": 1.1, "1": 0.6, "9": 2.0, "3": 0.2, "11": 0.8, "2": 0.15, "10": 1.5,
                 "8": 0.35}
_LAND_M2 = {"1": (1000, 4500), "2": (5000, 10000), "3": (10000, 30000)}
# code -> kg per tree per year
_BUAH = Weighted({"14": 30, "3": 20, "8": 15, "25": 10, "4": 8, "23": 7, "11": 5, "22": 5})
_BUAH_YIELD = {"14": 15, "3": 40, "8": 20, "25": 30, "4": 30, "23": 40, "11": 25, "22": 15}
_OBAT = ("1", "2", "9", "19", "16")
_KEBUN = Weighted({"1": 25, "3": 20, "4": 20, "10": 15, "15": 10, "8": 5, "2": 5})
_NO_TREES = frozenset({"10", "15"})  # tembakau, tebu: counted by area, not trees
_HUTAN = Weighted({"1": 70, "5": 20, "6": 10})
_IKAN_KOLAM = Weighted({"34": 35, "37": 30, "33": 15, "31": 10, "39": 10})
_IKAN_LAUT = Weighted({"16": 30, "3": 25, "26": 20, "25": 15, "11": 10})
_PASAR = Weighted({"Dijual ke tengkulak": 40, "Dikonsumsi sendiri": 20, "Dijual ke pasar": 20,
                   "Sebagian dijual, sebagian dikonsumsi": 15, "Dijual ke KUD": 5})
_LAIN_TERNAK = ("Burung perkutut", "Burung lovebird", "Entok")


def _round(value: float) -> int:
    """Output as people state it: whole kilos, rounded to tens above a hundred."""
    return int(round(value, -1)) if value >= 100 else max(1, round(value))


def production(
    rng: Random, answers: dict[str, Any], land: str | None, farmer: bool, village: Village,
    muslim: bool,
) -> set[str]:
    """Fill 1.6-1.8 into ``answers``; return the livestock codes kept (for 1.15)."""
    if land is not None:
        low, high = _LAND_M2[land]
        area = rng.randint(low, high)
        crops = sorted({_PANGAN.pick(rng) for _ in range(rng.choice((1, 1, 2, 3)))}, key=int)
        for crop in crops:
            share = int(round(area / len(crops), -1))
            answers[f"produksi_pangan_{crop}_luas"] = share
            answers[f"produksi_pangan_{crop}_produksi"] = _round(
                share * _PANGAN_YIELD[crop] * rng.uniform(0.7, 1.3)
            )
            answers[f"produksi_pangan_{crop}_pemasaran"] = _PASAR.pick(rng)
        if rng.random() < 0.2:
            crop = _KEBUN.pick(rng)
            if crop not in _NO_TREES:
                answers[f"produksi_kebun_{crop}_pohon"] = rng.randint(10, 300)
            answers[f"produksi_kebun_{crop}_luas"] = rng.randint(10, 100) * 100
            answers[f"produksi_kebun_{crop}_produksi"] = rng.randint(20, 200) * 10
            answers[f"produksi_kebun_{crop}_pemasaran"] = "Dijual ke tengkulak"
    if rng.random() < 0.4:
        for fruit in {_BUAH.pick(rng) for _ in range(rng.choice((1, 1, 2)))}:
            trees = rng.randint(1, 15)
            answers[f"produksi_buah_{fruit}_pohon"] = trees
            answers[f"produksi_buah_{fruit}_produksi"] = _round(
                trees * _BUAH_YIELD[fruit] * rng.uniform(0.5, 1.2)
            )
            answers[f"produksi_buah_{fruit}_pemasaran"] = (
                "Dikonsumsi sendiri" if rng.random() < 0.7 else "Dijual ke pasar"
            )
    if rng.random() < 0.05:
        herb = rng.choice(_OBAT)
        answers[f"produksi_obat_{herb}_luas"] = rng.randint(1, 10) * 10
        answers[f"produksi_obat_{herb}_produksi"] = rng.randint(5, 50)
        answers[f"produksi_obat_{herb}_pemasaran"] = "Dikonsumsi sendiri"
    if farmer and rng.random() < 0.15:
        wood = _HUTAN.pick(rng)
        answers[f"produksi_hutan_{wood}_produksi"] = rng.randint(1, 10)
        answers[f"produksi_hutan_{wood}_pemasaran"] = "Dipakai sendiri"
    livestock = _livestock(rng, answers, farmer, village, muslim)
    if answers.get("ternak_4", 0) >= 8 and rng.random() < 0.3:
        answers["produksi_ternak_3_produksi"] = rng.randint(1, 10) * 10
        answers["produksi_ternak_3_pemasaran"] = "Dijual ke warung"
    _fish(rng, answers, village)
    return livestock


def _livestock(
    rng: Random, answers: dict[str, Any], farmer: bool, village: Village, muslim: bool
) -> set[str]:
    """1.7: counts only for animals kept (blank, not 0, for the rest); pigs and dogs are
    kept by non-Muslim households only (dogs rarely by Muslim ones)."""
    draw = rng.random
    counts: dict[str, int] = {}
    if draw() < 0.55:
        counts["4"] = min(40, 2 + int(rng.expovariate(1 / 6)))
    if draw() < (0.3 if farmer else 0.12):
        counts["8"] = rng.randint(1, 6)
    if draw() < (0.25 if farmer else 0.05):
        counts["1"] = rng.randint(1, 3)
    if draw() < 0.08:
        counts["6"] = rng.randint(3, 15)
    if draw() < (0.12 if village.kind == "sunda" else 0.04):
        counts["9"] = rng.randint(1, 8)
    if draw() < 0.15:
        counts["15"] = rng.randint(1, 2)
    pork = not muslim
    if pork and draw() < 0.3:
        counts["3"] = rng.randint(1, 5)
    if draw() < (0.2 if pork else 0.02):
        counts["14"] = rng.randint(1, 2)
    if draw() < 0.01:
        counts["2"] = rng.randint(1, 2)
    if draw() < 0.01:
        counts["12"] = rng.randint(2, 10)
    if draw() < 0.005:
        counts["5"] = rng.randint(5, 30) * 100
    for code in sorted(counts, key=int):
        answers[f"ternak_{code}"] = counts[code]
    if draw() < 0.01:
        answers["ternak_lain1_nama"] = rng.choice(_LAIN_TERNAK)
        answers["ternak_lain1"] = rng.randint(1, 4)
    return set(counts)


def _fish(rng: Random, answers: dict[str, Any], village: Village) -> None:
    """1.6 G and 1.8: a backyard pond inland, sea fishing on the coast."""
    at_sea = village.coastal and rng.random() < 0.2
    if not at_sea and rng.random() >= 0.05:
        return
    fish = (_IKAN_LAUT if at_sea else _IKAN_KOLAM).pick(rng)
    answers[f"produksi_ikan_{fish}_produksi"] = rng.randint(5, 300) * 10
    answers[f"produksi_ikan_{fish}_pemasaran"] = _PASAR.pick(rng)
    if at_sea:
        answers["alat_ikan_4"] = rng.randint(1, 3)
        if rng.random() < 0.5:
            answers["alat_ikan_6"] = 1
    elif rng.random() < 0.3:
        answers["alat_ikan_6"] = 1
