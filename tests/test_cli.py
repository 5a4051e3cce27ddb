"""The command line, run in-process on the real shipped forms and real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desa_app.cli import main
from desa_app.core.instrument.codebook import codebook_markdown
from desa_app.core.instrument.loader import load_instrument
from desa_app.core.paths import docs_dir, forms_dir

EXAMPLE = forms_dir() / "examples" / "ddk_contoh.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_forms_check_passes_on_every_shipped_form(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "forms", "check")
    assert code == 0
    assert "OK  ddk.yaml: Data Dasar Keluarga" in out


def test_forms_check_reports_a_bad_form_with_its_location(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "rusak.yaml"
    bad.write_text(
        "settings: {form_id: r, version: '1'}\nsurvey:\n"
        "  - {type: text, name: a, label: A, relevant: '${b}'}\n"
    )
    code, _, err = run(capsys, "forms", "check", str(bad))
    assert code == 1
    assert f"{bad}:3: isian 'a': relevant: isian ${{b}} tidak ada" in err
    assert "Traceback" not in err


def test_committed_codebook_is_current() -> None:
    """docs/codebook is generated; regenerate with `desa-app forms doc` after form edits."""
    for path in sorted(forms_dir().glob("*.yaml")):
        instrument = load_instrument(path)
        committed = docs_dir() / "codebook" / f"{instrument.id}.md"
        assert committed.read_text(encoding="utf-8") == codebook_markdown(instrument), (
            f"{committed} is stale: run `desa-app forms doc`"
        )


def test_forms_doc_writes_codebooks(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "forms", "doc", "ddk", "--out", str(tmp_path))
    assert code == 0 and "ddk.md" in out
    text = (tmp_path / "ddk.md").read_text(encoding="utf-8")
    assert "| 2.1.5 | `jenis_kelamin` |" in text and "1 Laki-laki [web 0]" in text


def test_export_then_import_through_the_cli(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    xlsx = tmp_path / "ddk.xlsx"
    code, out, _ = run(capsys, "forms", "export-xlsform", "ddk", str(xlsx),
                       "--village", "3501012001")
    assert code == 0 and xlsx.exists()
    assert "village.csv" in out and "wilayah.csv" in out
    village = (tmp_path / "village.csv").read_text(encoding="utf-8")
    assert "code,35.01.01.2001" in village and "kecamatan,Donorojo" in village
    back = tmp_path / "ddk.yaml"
    code, _, _ = run(capsys, "forms", "import-xlsform", str(xlsx), str(back))
    assert code == 0
    assert load_instrument(back).id == "ddk"


def test_try_checks_a_record(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "forms", "try", "ddk", str(EXAMPLE), "--village",
                       "35.01.01.2001", "--today", "2026-11-23")
    assert code == 0 and "0 galat, 0 peringatan" in out and "8 anggota" in out
    record = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    record["anggota"][1]["nik"] = record["anggota"][0]["nik"]
    broken = tmp_path / "rekaman.json"
    broken.write_text(json.dumps(record), encoding="utf-8")
    code, out, _ = run(capsys, "forms", "try", "ddk", str(broken), "--today", "2026-11-23")
    assert code == 1
    assert "GALAT       2.1.2 Nomor Induk Kependudukan (NIK), anggota ke-2: NIK ganda" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("forms", "check", "tidak_ada"), "Formulir 'tidak_ada' tidak ditemukan"),
        (("forms", "export-xlsform", "ddk", "x.xlsx", "--village", "99.99"),
         "Kode desa «99.99» tidak ada"),
        (("forms", "import-xlsform", "hilang.xlsx", "x.yaml"), "Berkas tidak ditemukan"),
        (("forms", "try", "ddk", "hilang.json"), "Berkas jawaban tidak dapat dibaca"),
    ],
)
def test_user_mistakes_give_one_clear_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...], message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *args)
    assert code == 1 and message in err and "Traceback" not in err


def test_try_refuses_malformed_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "rusak.json"
    bad.write_text("{bukan json", encoding="utf-8")
    code, _, err = run(capsys, "forms", "try", "ddk", str(bad))
    assert code == 1 and "bukan JSON yang sah" in err
    bad.write_text("[1, 2]", encoding="utf-8")
    code, _, err = run(capsys, "forms", "try", "ddk", str(bad))
    assert code == 1 and "satu objek JSON" in err
