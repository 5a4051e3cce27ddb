"""Tests for the Kemendagri region-code registry, on the real resource files."""

from __future__ import annotations

import csv
import shutil
import threading
from pathlib import Path

import pytest

from desa_app.core.identity import (
    WilayahDataError,
    WilayahRegistry,
    default_resources_dir,
    get_registry,
    normalize_code,
)
from desa_app.core.identity.wilayah import HISTORIC_FILENAME, WILAYAH_FILENAME

REAL_DIR = default_resources_dir() / "wilayah"


def _real_codes(filename: str) -> dict[str, str]:
    """Read a real resource file independently of the module under test."""
    with (REAL_DIR / filename).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return {row[0]: row[1] for row in rows[1:]}


@pytest.fixture(scope="module")
def registry() -> WilayahRegistry:
    return get_registry()


def _write_resources(
    base: Path,
    current: str = "kode,nama\n35,Jawa Timur\n35.01,Kabupaten Pacitan\n",
    historic: str = "kode,edisi\n35.01.01,2018 2022 2023\n",
    encoding: str = "utf-8",
) -> Path:
    folder = base / "wilayah"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / WILAYAH_FILENAME).write_bytes(current.encode(encoding))
    (folder / HISTORIC_FILENAME).write_bytes(historic.encode(encoding))
    return base


# --------------------------------------------------------------------------- normalize_code


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("35.05.01.2001", "35.05.01.2001"),
        ("3505012001", "35.05.01.2001"),
        ("350501", "35.05.01"),
        ("35.05.01", "35.05.01"),
        ("3505", "35.05"),
        ("35.05", "35.05"),
        ("35", "35"),
        ("  35.05.01 \n", "35.05.01"),
        (" 3505012001\t", "35.05.01.2001"),
    ],
)
def test_normalize_code_accepts_dotted_and_undotted(raw: str, expected: str) -> None:
    assert normalize_code(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "3",
        "350",
        "35050",
        "3505012",
        "35050120011",
        "35.5",
        "35.05.1",
        "35.05.01.201",
        "35.05.01.20011",
        "35.05.01.2001.01",
        "3505.01",
        "35..05",
        "35.05.",
        ".35",
        "35-05",
        "35 05",
        "ab",
        "35.0a",
        "٣٥",  # Arabic-Indic digits: str.isdigit() says yes, a region code says no
    ],
)
def test_normalize_code_rejects_malformed(raw: str) -> None:
    assert normalize_code(raw) is None


# --------------------------------------------------------------------------- real data


def test_first_load_of_real_files_through_get_registry(tmp_path: Path) -> None:
    # A copy in a fresh directory guarantees this is a first, uncached load.
    shutil.copytree(REAL_DIR, tmp_path / "wilayah")
    loaded = get_registry(tmp_path)
    assert len(loaded) == 91_599
    assert loaded.name("35") == "Jawa Timur"
    assert loaded.is_kecamatan_known("91.01.01")
    assert get_registry(tmp_path) is loaded  # cached


def test_default_registry_is_cached_and_complete(registry: WilayahRegistry) -> None:
    assert get_registry() is registry
    assert len(registry) == len(_real_codes(WILAYAH_FILENAME))


def test_desa_name_level_parent_lineage(registry: WilayahRegistry) -> None:
    for code in ("35.01.01.2001", "3501012001"):
        assert registry.exists(code)
        assert registry.name(code) == "Widoro"
        assert registry.level(code) == "desa"
        assert registry.parent(code) == "35.01.01"
        assert registry.lineage(code) == [
            ("35", "Jawa Timur"),
            ("35.01", "Kabupaten Pacitan"),
            ("35.01.01", "Donorojo"),
            ("35.01.01.2001", "Widoro"),
        ]


def test_levels_and_parents_of_each_tier(registry: WilayahRegistry) -> None:
    assert registry.level("35") == "provinsi"
    assert registry.level("3501") == "kabupaten"
    assert registry.level("350101") == "kecamatan"
    assert registry.parent("35") is None
    assert registry.parent("35.01") == "35"
    assert registry.parent("350101") == "35.01"
    assert registry.lineage("35") == [("35", "Jawa Timur")]


def test_unknown_and_malformed_codes_answer_empty(registry: WilayahRegistry) -> None:
    for code in ("99.99.99", "99", "35.01.99.9999", "xx", ""):
        assert not registry.exists(code)
        assert registry.name(code) is None
        assert registry.level(code) is None
        assert registry.parent(code) is None
        assert registry.lineage(code) == []
    assert registry.children("99.99") == []
    assert registry.children("not a code") == []


def test_quoted_name_with_comma_and_trailing_space(registry: WilayahRegistry) -> None:
    assert registry.name("12.07.28.1007") == "Lubuk Pakam I,II"
    assert registry.name("52.02.10.2004") == "Jurang Jaler"  # trailing space in the CSV


def test_children_of_kecamatan(registry: WilayahRegistry) -> None:
    expected = sorted(
        (code, name.strip())
        for code, name in _real_codes(WILAYAH_FILENAME).items()
        if code.startswith("35.01.01.")
    )
    kids = registry.children("350101")
    assert kids == expected
    assert ("35.01.01.2001", "Widoro") in kids
    assert all(registry.level(code) == "desa" for code, _ in kids)
    assert registry.children("35.01.01.2001") == []  # a desa has no children


def test_children_of_root_are_the_provinces(registry: WilayahRegistry) -> None:
    provinces = registry.children(None)
    assert provinces == registry.children("")
    assert ("35", "Jawa Timur") in provinces
    assert len(provinces) == 38
    assert provinces == sorted(provinces)


def test_children_result_is_a_copy(registry: WilayahRegistry) -> None:
    registry.children("35.01.01").clear()
    assert registry.children("35.01.01")


def test_search_is_case_insensitive_substring(registry: WilayahRegistry) -> None:
    hits = registry.search("pacitan")
    assert ("35.01", "Kabupaten Pacitan") in hits
    assert ("35.01.04", "Pacitan") in hits
    assert registry.search("PaCiTaN") == hits
    assert registry.search("  pacitan ") == hits
    assert hits == sorted(hits)


def test_search_level_filter_and_limit(registry: WilayahRegistry) -> None:
    kecamatan = registry.search("pacitan", level="kecamatan")
    assert kecamatan and all(registry.level(code) == "kecamatan" for code, _ in kecamatan)
    assert ("35.01.04", "Pacitan") in kecamatan
    assert len(registry.search("a", limit=5)) == 5
    assert registry.search("a", limit=0) == []
    assert registry.search("") == []
    assert registry.search("zzzz-tidak-ada") == []
    with pytest.raises(ValueError):
        registry.search("pacitan", level="dusun")  # type: ignore[arg-type]


def test_historic_only_kecamatan(registry: WilayahRegistry) -> None:
    # 91.01 (Merauke) moved to Papua Selatan (93.01) in 2022: old NIKs still carry 91.01.xx.
    historic = _real_codes(HISTORIC_FILENAME)
    current = _real_codes(WILAYAH_FILENAME)
    assert "91.01.01" in historic and "91.01.01" not in current

    for code in ("91.01.01", "910101"):
        assert registry.is_kecamatan_known(code)
        assert registry.is_kecamatan_historic_only(code)
        assert not registry.exists(code)
    assert registry.historic_editions("910101") == (2018, 2022)


def test_current_kecamatan_is_known_but_not_historic_only(registry: WilayahRegistry) -> None:
    assert registry.is_kecamatan_known("350101")
    assert not registry.is_kecamatan_historic_only("350101")
    assert not registry.is_kecamatan_known("999999")
    assert not registry.is_kecamatan_historic_only("999999")
    # Only 6-digit codes are kecamatan codes.
    assert not registry.is_kecamatan_known("3501")
    assert not registry.is_kecamatan_known("3501012001")


# --------------------------------------------------------------------------- bad files


def test_malformed_code_reports_line_number(tmp_path: Path) -> None:
    base = _write_resources(
        tmp_path,
        current="kode,nama\n35,Jawa Timur\n35.01,Kabupaten Pacitan\n35.0X,Rusak\n",
    )
    with pytest.raises(WilayahDataError, match="rusak pada baris 4") as info:
        get_registry(base)
    assert WILAYAH_FILENAME in str(info.value)
    assert info.value.line == 4


@pytest.mark.parametrize(
    ("current", "line", "reason"),
    [
        ("kode,nama\n35,Jawa Timur\n35.01,Pacitan,extra\n", 3, "2 kolom"),
        ("kode,nama\n35,Jawa Timur\n35.01,\n", 3, "nama kosong"),
        ("kode,nama\n35,Jawa Timur\n35,Jawa Timur\n", 3, "ganda"),
        ("code,name\n35,Jawa Timur\n", 1, "judul kolom"),
        ('kode,nama\n35,Jawa Timur\n35.01,"Pacitan\n35.02,Ponorogo\n', 3, "format CSV"),
        ("kode,nama\n 35 ,Jawa Timur\n35.01.1,Rusak\n", 3, "kode tidak sah"),
    ],
)
def test_malformed_current_file_variants(
    tmp_path: Path, current: str, line: int, reason: str
) -> None:
    base = _write_resources(tmp_path, current=current)
    with pytest.raises(WilayahDataError, match=f"baris {line}.*{reason}"):
        WilayahRegistry.load(base)


def test_malformed_historic_file_names_that_file(tmp_path: Path) -> None:
    base = _write_resources(tmp_path, historic="kode,edisi\n35.01.01,2018\n35.01.02,dua\n")
    with pytest.raises(WilayahDataError, match="baris 3") as info:
        WilayahRegistry.load(base)
    assert HISTORIC_FILENAME in str(info.value)


def test_invalid_utf8_reports_line_number(tmp_path: Path) -> None:
    base = _write_resources(tmp_path)
    path = base / "wilayah" / WILAYAH_FILENAME
    path.write_bytes(b"kode,nama\n35,Jawa Timur\n35.01,Kabupaten \xff\n")
    with pytest.raises(WilayahDataError, match=r"baris 3.*UTF-8"):
        WilayahRegistry.load(base)


@pytest.mark.parametrize("current", ["", "kode,nama\n", "kode,nama\n\n"])
def test_empty_file_is_rejected(tmp_path: Path, current: str) -> None:
    base = _write_resources(tmp_path, current=current)
    with pytest.raises(WilayahDataError, match=WILAYAH_FILENAME):
        WilayahRegistry.load(base)


def test_missing_file_is_named(tmp_path: Path) -> None:
    base = _write_resources(tmp_path)
    (base / "wilayah" / HISTORIC_FILENAME).unlink()
    with pytest.raises(WilayahDataError, match="tidak ditemukan") as info:
        get_registry(base)
    assert HISTORIC_FILENAME in str(info.value)
    assert info.value.line is None


def test_failed_load_is_not_cached(tmp_path: Path) -> None:
    base = _write_resources(tmp_path, current="kode,nama\n35,Jawa Timur\n3X,Rusak\n")
    with pytest.raises(WilayahDataError):
        get_registry(base)
    _write_resources(tmp_path)  # the operator restores the file
    assert get_registry(base).name("3501") == "Kabupaten Pacitan"


def test_tolerated_irregularities(tmp_path: Path) -> None:
    # BOM, CRLF, blank lines, padded cells and quoted commas are all harmless.
    base = _write_resources(
        tmp_path,
        current=(
            "\ufeffkode,nama\r\n35,Jawa Timur\r\n\r\n 35.01 , Kabupaten Pacitan \r\n"
            '35.01.01,"Donorojo, Lama"\r\n'
        ),
    )
    loaded = WilayahRegistry.load(base)
    assert loaded.lineage("350101") == [
        ("35", "Jawa Timur"),
        ("35.01", "Kabupaten Pacitan"),
        ("35.01.01", "Donorojo, Lama"),
    ]
    assert loaded.is_kecamatan_known("35.01.01")


def test_concurrent_first_use_loads_once(tmp_path: Path) -> None:
    base = _write_resources(tmp_path)
    results: list[WilayahRegistry] = []
    lock = threading.Lock()

    def worker() -> None:
        loaded = get_registry(base)
        loaded.children(None)
        with lock:
            results.append(loaded)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8
    assert all(loaded is results[0] for loaded in results)
