"""Export commands of the CLI, in-process on a small demo village."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desa_app.cli import main
from desa_app.cli.common import ENV_PASSWORD
from desa_app.core import auth
from desa_app.core.demo.build import DEMO_PASSWORD, build_demo_village


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-export") / "desa.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "SCRYPT_N", 2**8)
        build_demo_village(path, 40, seed=9)
    return path


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_PASSWORD, DEMO_PASSWORD)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def verified_count(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return int(con.execute("SELECT count(*) FROM record WHERE deleted = 0 AND kind = "
                               "'household' AND status IN ('verified', 'entered')")
                   .fetchone()[0])


def test_xlsx_with_progress(capsys: pytest.CaptureFixture[str], demo: Path,
                            tmp_path: Path) -> None:
    out = tmp_path / "ddk.xlsx"
    code, stdout, err = run(capsys, "export", "xlsx", str(out), "--db", str(demo), "--as",
                            "admin")
    assert code == 0 and f"({verified_count(demo)} keluarga)" in stdout
    assert "100%" in err
    assert load_workbook(out, read_only=True).sheetnames[0] == "DDK01 Keluarga"


def test_pdf_kinds(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path) -> None:
    for kind in ("kosong", "berita-acara"):
        out = tmp_path / f"{kind}.pdf"
        code, stdout, err = run(capsys, "export", "pdf", kind, str(out), "--db", str(demo),
                                "--as", "tim1")
        assert code == 0, err
        pages = len(PdfReader(out).pages)
        assert f"({pages} halaman)" in stdout


def test_package_and_verify(capsys: pytest.CaptureFixture[str], demo: Path,
                            tmp_path: Path) -> None:
    out = tmp_path / "paket.zip"
    code, stdout, err = run(capsys, "export", "package", str(out), "--db", str(demo), "--as",
                            "admin")
    assert code == 0, err
    fingerprint = stdout.split("Sidik kunci desa: ")[1].strip()
    code, stdout, _ = run(capsys, "verify-package", str(out), "--fingerprint", fingerprint)
    assert code == 0 and "Sidik kunci penanda tangan" in stdout
    code, stdout, _ = run(capsys, "verify-package", str(out), "--fingerprint",
                          "0000 " * 10)
    assert code == 1

    tampered = tmp_path / "ubah.zip"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith(".xlsx"):
                data = data[:-1] + bytes([data[-1] ^ 1])
            target.writestr(info, data)
    code, stdout, err = run(capsys, "verify-package", str(tampered))
    assert code == 1 and ".xlsx" in stdout and "Traceback" not in err


def test_user_mistakes_are_one_line(capsys: pytest.CaptureFixture[str], demo: Path,
                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(capsys, "export", "xlsx", str(tmp_path / "ddk.txt"), "--db", str(demo),
                       "--as", "admin")
    assert code == 1 and "berakhiran .xlsx" in err
    code, _, err = run(capsys, "export", "xlsx", str(tmp_path / "no" / "ddk.xlsx"), "--db",
                       str(demo), "--as", "admin")
    assert code == 1 and "Folder tujuan tidak ada" in err
    code, _, err = run(capsys, "export", "xlsx", str(tmp_path / "ddk.xlsx"), "--db", str(demo),
                       "--as", "agen1")
    assert code == 1 and "Traceback" not in err and not (tmp_path / "ddk.xlsx").exists()
    not_zip = tmp_path / "bukan.zip"
    not_zip.write_text("ini bukan zip")
    code, stdout, err = run(capsys, "verify-package", str(not_zip))
    assert code == 1 and "Traceback" not in err and stdout.strip()
    monkeypatch.setenv(ENV_PASSWORD, "salah-sandi")
    code, _, err = run(capsys, "export", "xlsx", str(tmp_path / "ddk.xlsx"), "--db", str(demo),
                       "--as", "admin")
    assert code == 1 and "kata sandi salah" in err
