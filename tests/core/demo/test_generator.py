"""The demo village generator on the real engine and the real identity checks.

Every generated record is evaluated with ``FormState`` on ``forms/ddk.yaml``: plain
records must be free of issues, planted ones must carry exactly the warning they claim,
and identity numbers must hold up to the same checks the form uses.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desa_app.core.demo import (
    DUPLICATE_NIK,
    PLANTS,
    STATUSES,
    DemoHousehold,
    generate_village,
)
from desa_app.core.demo import names as demo_names
from desa_app.core.identity import check_kk, check_nik, get_registry
from desa_app.core.instrument.loader import load_instrument
from desa_app.core.instrument.model import Instrument, Severity
from desa_app.core.instrument.state import Environment, FormState

FORM = Path(__file__).resolve().parents[3] / "forms" / "ddk.yaml"
TODAY = date(2026, 11, 23)
CODE = "35.01.01.2001"  # Widoro, Kec. Donorojo, Kab. Pacitan
PREFIX = "350101"
SEED = 20261123

# tag -> (question the warning sits on, part of its message)
EXPECTED_WARNING = {
    "warning_age_child": ("hubungan", "Anak kandung kurang dari 12 tahun"),
    "warning_married_minor": ("status_kawin", "di bawah umur 19 tahun"),
    "warning_nik_sex": ("nik", "Jenis kelamin tidak cocok dengan NIK"),
    "warning_nik_birthdate": ("nik", "Tanggal lahir tidak cocok"),
    "warning_nama_kk": ("nama_kk", "Nama kepala keluarga berbeda"),
    "warning_income_zeros": ("penghasilan", "Lebih dari Rp 1 miliar"),
    "warning_school_age": ("pendidikan", "Belum masuk TK pada umur"),
}


@pytest.fixture(scope="module")
def ddk() -> Instrument:
    return load_instrument(FORM)


@pytest.fixture(scope="module")
def sample() -> list[DemoHousehold]:
    return list(generate_village(CODE, 300, SEED, today=TODAY))


@pytest.fixture(scope="module")
def evaluated(ddk: Instrument, sample: list[DemoHousehold]) -> list[FormState]:
    env = Environment(today=TODAY, village={"code": CODE})
    return [FormState(ddk, household.answers, env) for household in sample]


@pytest.fixture(scope="module")
def village_2000() -> list[DemoHousehold]:
    return list(generate_village(CODE, 2000, SEED + 1, today=TODAY))


def members(household: DemoHousehold) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = household.answers["anggota"]
    return rows


def assert_planted(household: DemoHousehold, state: FormState) -> None:
    assert household.deliberate is not None
    name, fragment = EXPECTED_WARNING[household.deliberate]
    issues = state.issues()
    assert [i.severity for i in issues] == [Severity.WARNING], issues
    assert issues[0].name == name and fragment in issues[0].message, issues


# -- the form's rules -----------------------------------------------------------------------
def test_no_record_has_an_error(evaluated: list[FormState]) -> None:
    for state in evaluated:
        assert not state.has_errors, state.issues(Severity.ERROR)


def test_plain_records_have_no_warnings_and_planted_ones_exactly_theirs(
    sample: list[DemoHousehold], evaluated: list[FormState]
) -> None:
    planted = 0
    for household, state in zip(sample, evaluated, strict=True):
        if household.deliberate in (None, DUPLICATE_NIK):
            assert state.issues() == [], (household.deliberate, state.issues())
        else:
            assert_planted(household, state)
            planted += 1
    assert planted == 3  # 1% of 300


def test_every_kind_of_planted_warning(ddk: Instrument) -> None:
    env = Environment(today=TODAY, village={"code": CODE})
    planted = [h for h in generate_village(CODE, 700, SEED, today=TODAY)
               if h.deliberate not in (None, DUPLICATE_NIK)]
    assert sorted(h.deliberate or "" for h in planted) == sorted(PLANTS)
    assert set(EXPECTED_WARNING) == set(PLANTS)
    for household in planted:
        assert household.status in ("draft", "submitted", "returned")
        assert_planted(household, FormState(ddk, household.answers, env))


def test_only_questions_of_the_form_and_only_relevant_ones(evaluated: list[FormState]) -> None:
    for state in evaluated:
        assert not state.unknown_answers
        hidden = [cell for cell in state.raw if not state.is_relevant(*cell)]
        assert hidden == []


def test_records_round_trip_through_the_form_state(
    sample: list[DemoHousehold], evaluated: list[FormState]
) -> None:
    for household, state in zip(sample[:20], evaluated[:20], strict=True):
        assert state.to_json() == household.answers


# -- identity numbers -----------------------------------------------------------------------
def test_niks_match_birth_date_and_sex_and_are_unique_but_one(
    sample: list[DemoHousehold],
) -> None:
    seen: Counter[str] = Counter()
    registry = get_registry()
    moved = 0
    for household in sample:
        for row in members(household):
            seen[row["nik"]] += 1
            if household.deliberate in ("warning_nik_sex", "warning_nik_birthdate"):
                continue
            result = check_nik(row["nik"], sex=row["jenis_kelamin"],
                               birth_date=date.fromisoformat(row["tgl_lahir"]), today=TODAY)
            assert result.ok, (row, result.messages())
            if not row["nik"].startswith(PREFIX):  # moved in from elsewhere in the kabupaten
                moved += 1
                assert row["nik"][:4] == PREFIX[:4]
                assert registry.exists(row["nik"][:6])
                assert TODAY.year - int(row["tgl_lahir"][:4]) >= 25
                assert row["hubungan"] not in ("4", "5", "18", "23")
    twice = [nik for nik, count in seen.items() if count > 1]
    assert len(twice) == 1 and seen[twice[0]] == 2
    assert moved > 0


def test_the_duplicate_nik_is_the_same_person_in_a_later_submitted_household(
    sample: list[DemoHousehold],
) -> None:
    tagged = [i for i, h in enumerate(sample) if h.deliberate == DUPLICATE_NIK]
    assert len(tagged) == 1
    household = sample[tagged[0]]
    assert household.status == "submitted"
    for row in members(household):
        earlier = [r for h in sample[: tagged[0]] for r in members(h) if r["nik"] == row["nik"]]
        if earlier:
            (first,) = earlier
            assert (first["nama"], first["tgl_lahir"], first["jenis_kelamin"]) == (
                row["nama"], row["tgl_lahir"], row["jenis_kelamin"])
            break
    else:
        pytest.fail("no NIK of the duplicate household appears earlier")


def test_kk_numbers_valid_local_and_unique(sample: list[DemoHousehold]) -> None:
    numbers = [h.answers["no_kk"] for h in sample]
    assert len(set(numbers)) == len(numbers)
    for household in sample:
        number = household.answers["no_kk"]
        result = check_kk(number, today=TODAY)
        assert result.ok and number.startswith(PREFIX), result.messages()
        assert result.issue_date is not None
        youngest = max(date.fromisoformat(r["tgl_lahir"]) for r in members(household))
        assert youngest <= result.issue_date <= TODAY


# -- structure and realism ------------------------------------------------------------------
def test_household_structure(village_2000: list[DemoHousehold]) -> None:
    sizes = [len(members(h)) for h in village_2000]
    assert min(sizes) >= 1 and max(sizes) <= 10
    assert 3.0 <= sum(sizes) / len(sizes) <= 4.5
    counts = Counter(sizes)
    assert counts[3] + counts[4] > counts[1] + counts[8] + counts[9] + counts[10]
    female_heads = 0
    for household in village_2000:
        rows = members(household)
        heads = [r for r in rows if r["hubungan"] == "1"]
        assert len(heads) == 1 and rows[0] is heads[0]
        head = heads[0]
        female_heads += head["jenis_kelamin"] == "2"
        if household.deliberate != "warning_nama_kk":
            assert household.answers["nama_kk"] == head["nama"]
        spouses = [r for r in rows if r["hubungan"] in ("2", "3")]
        assert len(spouses) <= 1
        for spouse in spouses:
            assert spouse["hubungan"] == ("3" if head["jenis_kelamin"] == "1" else "2")
        assert [r["no_urut"] for r in rows] == list(range(1, len(rows) + 1))
    assert 0.08 <= female_heads / len(village_2000) <= 0.16


def test_children_carry_the_mothers_name_and_kb_only_for_married_women(
    village_2000: list[DemoHousehold],
) -> None:
    for household in village_2000[:500]:
        rows = members(household)
        wives = [r for r in rows if r["hubungan"] == "3"]
        for row in rows:
            if row["hubungan"] == "4" and wives and household.deliberate is None:
                assert row["nama_ortu"] == wives[0]["nama"]
            if "akseptor_kb" in row:
                age = TODAY.year - int(row["tgl_lahir"][:4])
                assert row["jenis_kelamin"] == "2" and row["status_kawin"] == "1"
                assert 14 <= age <= 50


def test_status_proportions_and_notes(village_2000: list[DemoHousehold]) -> None:
    shares = Counter(h.status for h in village_2000)
    assert set(shares) <= set(STATUSES)
    wanted = {"draft": 0.15, "submitted": 0.20, "returned": 0.10, "verified": 0.40,
              "entered": 0.15}
    for status, share in wanted.items():
        assert abs(shares[status] / len(village_2000) - share) < 0.04, shares
    resolved = 0
    for household in village_2000:
        if household.status == "returned":
            assert any(not note.resolved for note in household.notes)
            assert 1 <= len(household.notes) <= 2
        else:
            assert all(note.resolved for note in household.notes)
        if household.status in ("verified", "entered") and household.notes:
            resolved += 1
        for note in household.notes:
            assert note.text
            if note.field_path is not None:
                assert answered(household.answers, note.field_path), note
    done = shares["verified"] + shares["entered"]
    assert 0.05 <= resolved / done <= 0.16


def answered(answers: dict[str, Any], path: str) -> bool:
    """``anggota[2]/nik`` (1-based) or ``no_kk`` names an answer that is there."""
    if "/" not in path:
        return path in answers
    repeat, name = path.split("/")
    index = int(repeat.removeprefix("anggota[").removesuffix("]")) - 1
    return name in answers["anggota"][index]


def test_name_pools_are_large_enough() -> None:
    assert len(demo_names.MALE_GIVEN) >= 150
    assert len(demo_names.FEMALE_GIVEN) >= 150
    assert len(demo_names.FAMILY_NAMES) >= 100
    assert not set(demo_names.MALE_GIVEN) & set(demo_names.FEMALE_GIVEN)


# -- determinism, size, bad input -----------------------------------------------------------
def test_same_seed_same_village_and_different_seed_different() -> None:
    first = list(generate_village(CODE, 60, 5, today=TODAY))
    again = list(generate_village(CODE, 60, 5, today=TODAY))
    other = list(generate_village(CODE, 60, 6, today=TODAY))
    assert first == again
    assert [h.answers for h in first] != [h.answers for h in other]


def test_other_regions_follow_the_form_too(ddk: Instrument) -> None:
    for code in ("51.01.01.1006", "12.01.01.1001", "91.03.01.1001", "32.01.01.1001"):
        env = Environment(today=TODAY, village={"code": code})
        for household in generate_village(code, 40, 3, today=TODAY):
            state = FormState(ddk, household.answers, env)
            if household.deliberate is None:
                assert state.issues() == [], (code, state.issues())


def test_small_villages_and_unknown_codes() -> None:
    assert list(generate_village(CODE, 0, 1, today=TODAY)) == []
    (only,) = generate_village(CODE, 1, 1, today=TODAY)
    assert only.deliberate is None
    with pytest.raises(ValueError, match="Kode desa"):
        next(generate_village("35.01.01", 5, 1, today=TODAY))
    with pytest.raises(ValueError, match="Kode desa"):
        next(generate_village("99.99.99.9999", 5, 1, today=TODAY))


def test_ten_thousand_households() -> None:
    count = sum(1 for _ in generate_village(CODE, 10_000, 42, today=TODAY))
    assert count == 10_000
