"""The signed package: built from small test parts, then checked and tampered with.

``standard_parts`` (the real workbook and PDFs) is not built here; these tests pin what
the package itself promises: every member listed and signed, the Berita Acara's data
fingerprint, atomic writing, and a checker that names exactly what was changed.
"""

from __future__ import annotations

import json
import shutil
import struct
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from desa_app.core import auth
from desa_app.core.demo.build import DEMO_PASSWORD, build_demo_village
from desa_app.core.exports import package_reader
from desa_app.core.exports.manifest import MANIFEST, PUBLIC_KEY, SIGNATURE, unsafe_name_reason
from desa_app.core.exports.package import (
    PackageContext,
    PackageError,
    PackagePart,
    build_package,
    verify_package,
)
from desa_app.core.exports.progress import ExportCancelled, Progress
from desa_app.core.store import signing
from desa_app.core.store.database import open_database
from desa_app.core.store.export_source import ExportSource
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.users import Actor

TODAY = date(2026, 11, 23)
DATA = "data/rekaman.csv"
BA = "dokumen/berita-acara.txt"
Members = dict[str, bytes]


@pytest.fixture(scope="module")
def village(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[VillageStore, Actor]]:
    path = tmp_path_factory.mktemp("paket") / "desa.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "SCRYPT_N", 2**8)
        build_demo_village(path, 30, seed=3, today=TODAY)
        store = VillageStore(open_database(path))
        actor = store.users.authenticate("admin", DEMO_PASSWORD)
    yield store, actor
    store.close(backup=False)


@pytest.fixture
def source(village: tuple[VillageStore, Actor]) -> ExportSource:
    store, actor = village
    return ExportSource(store, actor)


def write_records(path: Path, progress: Progress, context: PackageContext) -> None:
    rows = []
    for index, record in enumerate(context.source.records()):
        progress.step(index, 30)
        rows.append(f"{record.no_kk},{record.status.value}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def write_ba(path: Path, progress: Progress, context: PackageContext) -> None:
    path.write_text(f"{context.key_fingerprint}\n{context.data_fingerprint()}\n", "utf-8")


PARTS = [PackagePart(DATA, write_records), PackagePart(BA, write_ba)]


@pytest.fixture(scope="module")
def package(village: tuple[VillageStore, Actor],
            tmp_path_factory: pytest.TempPathFactory) -> Path:
    store, actor = village
    out = tmp_path_factory.mktemp("out") / "paket.zip"
    build_package(ExportSource(store, actor), out, PARTS)
    return out


def members(path: Path) -> Members:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, content: Members) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in content.items():
            archive.writestr(name, data)
    return path


def rebuilt(package: Path, tmp_path: Path, change: Callable[[Members], object]) -> Path:
    content = members(package)
    change(content)
    return write_zip(tmp_path / "diubah.zip", content)


def flip(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1:]


# -- a fresh package -------------------------------------------------------------------

def test_fresh_package_verifies_and_says_whose_it_is(package: Path,
                                                     source: ExportSource) -> None:
    report = verify_package(package)
    assert report.problems == [] and report.ok
    assert "Widoro" in report.village and report.period == [2026]
    assert report.records == source.count() > 0
    assert report.status_counts == {s.value: n for s, n in source.status_counts().items()}
    assert report.exported_by.endswith("(admin)")
    assert report.key_fingerprint == signing.village_key(source.store.db).fingerprint
    assert report.files_checked == len(members(package)) - 3
    # the operator reads the statuses as the app names them, not their codes
    named = {"verified": "Disetujui", "entered": "Sudah diinput ke Prodeskel",
             "draft": "Draf", "submitted": "Diserahkan ke Tim", "returned": "Dikembalikan"}
    line = next(line for line in report.summary_lines() if str(report.records) in line)
    for code, count in report.status_counts.items():
        assert f"{named[code]} {count}" in line and f"{code} {count}" not in line


def test_manifest_lists_every_other_member(package: Path) -> None:
    content = members(package)
    manifest = json.loads(content[MANIFEST])
    listed = {entry["name"] for entry in manifest["files"]}
    assert listed == set(content) - {MANIFEST, SIGNATURE, PUBLIC_KEY}
    assert {DATA, BA, "metadata/ms-var-ddk.json", "metadata/ms-var-ddk.csv",
            "metadata/ms-keg.json"} <= listed
    assert manifest["statuses_included"] == ["verified", "entered"]
    assert manifest["instruments"][0]["id"] == "ddk"
    assert manifest["exported_at"].endswith("Z")
    assert signing.verify(signing.load_public_key(content[PUBLIC_KEY]), content[MANIFEST],
                          content[SIGNATURE])


def test_berita_acara_prints_the_fingerprint_of_the_data_before_it(package: Path) -> None:
    content = members(package)
    manifest = json.loads(content[MANIFEST])
    key, data = content[BA].decode().splitlines()
    assert key == manifest["key_fingerprint"]
    (certified,) = manifest["data_fingerprints"]
    assert certified == {"for": BA, "sha256": data, "files": [DATA]}
    assert verify_package(package).data_fingerprint == data


def test_progress_only_moves_forward_and_ends_complete(source: ExportSource,
                                                       tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    build_package(source, tmp_path / "p.zip", PARTS,
                  Progress(lambda done, total, what: seen.append((done, total))))
    assert [d / t for d, t in seen] == sorted(d / t for d, t in seen)
    assert seen[-1][0] == seen[-1][1]


# -- tampering ------------------------------------------------------------------------

@pytest.mark.parametrize("name", [DATA, BA, "metadata/ms-var-ddk.csv"])
def test_a_changed_member_is_named(package: Path, tmp_path: Path, name: str) -> None:
    def change(content: Members) -> None:
        content[name] = flip(content[name])

    report = verify_package(rebuilt(package, tmp_path, change))
    assert not report.ok
    assert report.problems == [next(p for p in report.problems if name in p)]
    assert f"Berkas {name} berbeda dari manifest (SHA-256" in report.problems[0]


def test_a_member_of_another_size_is_named(package: Path, tmp_path: Path) -> None:
    def change(content: Members) -> None:
        content[DATA] += b"tambahan\n"

    report = verify_package(rebuilt(package, tmp_path, change))
    assert report.problems == [
        f"Berkas {DATA} berbeda dari manifest (ukuran "
        f"{len(members(package)[DATA]) + 9} bita, seharusnya "
        f"{len(members(package)[DATA])} bita)."]


@pytest.mark.parametrize("name", [MANIFEST, SIGNATURE])
def test_a_changed_manifest_or_signature_breaks_the_signature(
        package: Path, tmp_path: Path, name: str) -> None:
    def change(content: Members) -> None:
        content[name] = flip(content[name])

    report = verify_package(rebuilt(package, tmp_path, change))
    assert not report.ok and not report.signature_valid
    assert any(p.startswith("Tanda tangan manifest tidak cocok") for p in report.problems)


def test_a_changed_public_key_fails(package: Path, tmp_path: Path) -> None:
    def change(content: Members) -> None:
        content[PUBLIC_KEY] = content[PUBLIC_KEY].replace(b"MCowBQYDK2Vw", b"MCowBQYDK2Vx")

    report = verify_package(rebuilt(package, tmp_path, change))
    assert report.problems == ["Kunci publik penanda tangan tidak dapat dibaca."]
    assert not report.ok and not report.signature_valid


def test_added_and_removed_members_are_named(package: Path, tmp_path: Path) -> None:
    def change(content: Members) -> None:
        del content[DATA]
        content["data/sisipan.xlsx"] = b"bukan dari desa"

    report = verify_package(rebuilt(package, tmp_path, change))
    assert report.problems == [
        f"Berkas {DATA} tercantum di manifest tetapi tidak ada di paket.",
        "Berkas tambahan tidak tercantum di manifest: data/sisipan.xlsx."]


def test_a_package_resigned_with_another_key_fails_only_the_fingerprint_check(
        package: Path, tmp_path: Path) -> None:
    """Whoever has a key can sign; the fingerprint on paper tells whose key it must be."""
    original = verify_package(package).key_fingerprint
    other = signing.generate_key(datetime(2026, 11, 23))

    def change(content: Members) -> None:
        manifest = json.loads(content[MANIFEST])
        manifest["village"]["name"] = "Desa Lain"
        manifest["key_fingerprint"] = other.fingerprint
        content[MANIFEST] = json.dumps(manifest).encode()
        content[SIGNATURE] = other.sign(content[MANIFEST])
        content[PUBLIC_KEY] = other.public_pem()

    forged = rebuilt(package, tmp_path, change)
    assert verify_package(forged).ok
    report = verify_package(forged, expected_fingerprint=original)
    assert report.problems == [f"Sidik kunci penanda tangan {other.fingerprint} berbeda "
                               f"dengan yang diharapkan ({original})."]


def test_expected_fingerprint_is_compared_as_people_type_it(package: Path) -> None:
    fingerprint = verify_package(package).key_fingerprint
    assert verify_package(package, fingerprint.replace(" ", "").lower()).ok
    wrong = verify_package(package, "0000 " + fingerprint[5:])
    assert not wrong.ok and "berbeda dengan yang diharapkan" in wrong.problems[0]


# -- hostile files ---------------------------------------------------------------------

@pytest.mark.parametrize("name", ["../keluar.txt", "/etc/passwd", "data\\x.txt",
                                  "C:/windows/x.txt", "data/../../x", "data//x"])
def test_unsafe_names_are_rejected_before_reading(package: Path, tmp_path: Path,
                                                  name: str) -> None:
    def change(content: Members) -> None:
        content[name] = b"x"

    report = verify_package(rebuilt(package, tmp_path, change))
    assert report.manifest is None
    assert report.problems == [
        f"Nama berkas tidak aman di dalam paket: {name!r} "
        f"({unsafe_name_reason(name)})."]


def test_links_and_duplicate_names_are_rejected(package: Path, tmp_path: Path) -> None:
    path = shutil.copy(package, tmp_path / "p.zip")
    link = zipfile.ZipInfo("data/tautan")
    link.create_system = 3
    link.external_attr = 0o120777 << 16
    with pytest.warns(UserWarning), zipfile.ZipFile(path, "a") as archive:
        archive.writestr(link, "/etc/passwd")
        archive.writestr(DATA, b"kedua")
    report = verify_package(Path(path))
    assert report.manifest is None
    assert report.problems == [
        "Berkas data/tautan adalah tautan simbolik; paket tidak boleh berisi tautan.",
        f"Nama berkas ganda di dalam paket: {DATA}."]


def test_an_absurd_declared_size_is_rejected(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "besar.zip", {"data/x.csv": b"kecil"})
    raw = bytearray(path.read_bytes())
    central = raw.index(b"PK\x01\x02")
    raw[central + 24:central + 28] = struct.pack("<I", 0xFFFFFFF0)  # uncompressed size
    path.write_bytes(bytes(raw))
    report = verify_package(path)
    assert report.manifest is None
    assert report.problems[0].startswith("Berkas data/x.csv terlalu besar (4.294.967.280 bita")
    assert report.problems[1].startswith("Isi paket terlalu besar setelah dibuka")


def test_a_compression_bomb_is_rejected(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "bom.zip", {"data/nol.bin": bytes(8 << 20)})
    report = verify_package(path)
    assert len(report.problems) == 1 and "kemungkinan bom ZIP" in report.problems[0]


def test_too_many_members_are_rejected(tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package_reader, "MAX_MEMBERS", 3)
    path = write_zip(tmp_path / "banyak.zip", {f"d/{i}.txt": b"x" for i in range(4)})
    assert verify_package(path).problems == [
        "Paket berisi terlalu banyak berkas (4; paling banyak 3)."]


@pytest.mark.parametrize("content", [b"", b"bukan zip sama sekali", b"PK\x03\x04rusak"])
def test_not_a_zip_gives_a_message(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "paket.zip"
    path.write_bytes(content)
    assert verify_package(path).problems == ["Bukan berkas ZIP yang sah: paket.zip."]


def test_a_truncated_package_gives_a_message(package: Path, tmp_path: Path) -> None:
    path = tmp_path / "terpotong.zip"
    path.write_bytes(package.read_bytes()[: package.stat().st_size // 2])
    report = verify_package(path)
    assert not report.ok and report.problems == ["Bukan berkas ZIP yang sah: terpotong.zip."]


def test_a_damaged_member_is_named(package: Path, tmp_path: Path) -> None:
    raw = bytearray(package.read_bytes())
    with zipfile.ZipFile(package) as archive:
        info = archive.getinfo("metadata/ms-var-ddk.json")
    start = info.header_offset + 30 + len(info.filename) + 200  # inside its data
    raw[start] ^= 0xFF
    path = tmp_path / "rusak.zip"
    path.write_bytes(bytes(raw))
    report = verify_package(path)
    assert not report.ok
    assert "Berkas metadata/ms-var-ddk.json di dalam ZIP rusak" in report.problems[0]


def test_a_missing_file_gives_a_message(tmp_path: Path) -> None:
    report = verify_package(tmp_path / "tidak-ada.zip")
    assert not report.ok and report.problems[0].startswith("Berkas paket tidak ditemukan")


def test_a_package_without_signature_is_not_ok(package: Path, tmp_path: Path) -> None:
    report = verify_package(rebuilt(package, tmp_path, lambda c: c.pop(SIGNATURE)))
    assert report.problems == ["manifest.sig tidak ada; paket tidak ditandatangani."]


# -- writing safely --------------------------------------------------------------------

def _cancel_in_part(path: Path, progress: Progress, context: PackageContext) -> None:
    path.write_bytes(b"setengah")
    progress.cancel()
    progress.step(1, 2)


def _fail_in_part(path: Path, progress: Progress, context: PackageContext) -> None:
    raise RuntimeError("rusak")


@pytest.mark.parametrize(("parts", "error"), [
    ([PackagePart(DATA, write_records), PackagePart(BA, _cancel_in_part)], ExportCancelled),
    ([PackagePart(DATA, _fail_in_part)], RuntimeError),
])
def test_a_cancelled_or_failed_build_leaves_the_old_file(
        source: ExportSource, tmp_path: Path, parts: list[PackagePart],
        error: type[Exception]) -> None:
    out = tmp_path / "paket.zip"
    out.write_bytes(b"paket lama")
    with pytest.raises(error):
        build_package(source, out, parts)
    assert out.read_bytes() == b"paket lama"
    assert [p.name for p in tmp_path.iterdir()] == ["paket.zip"]


def test_cancel_while_packing_leaves_no_file(source: ExportSource, tmp_path: Path) -> None:
    def report(done: int, total: int, what: str) -> None:
        if what.startswith("Mengemas manifest"):
            progress.cancel()

    progress = Progress(report)
    with pytest.raises(ExportCancelled):
        build_package(source, tmp_path / "paket.zip", PARTS, progress)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_and_bad_part_names_are_refused(source: ExportSource,
                                                      tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="Folder tujuan tidak ada"):
        build_package(source, tmp_path / "tidak-ada" / "p.zip", PARTS)
    for name in ("../x.csv", MANIFEST, "data/", "metadata/ms-keg.json"):
        with pytest.raises(ValueError):
            build_package(source, tmp_path / "p.zip", [PackagePart(name, write_records)])
    with pytest.raises(ValueError):
        build_package(source, tmp_path / "p.zip", [PARTS[0], PARTS[0]])
    assert list(tmp_path.iterdir()) == []


def test_standard_parts_print_households_per_dusun() -> None:
    from desa_app.core.exports.package import _slugs

    assert _slugs(["Krajan", "krajan", "Krajan Wetan", ""]) == [
        ("Krajan", "krajan"), ("krajan", "krajan-2"), ("Krajan Wetan", "krajan-wetan"),
        ("", "tanpa-dusun")]
