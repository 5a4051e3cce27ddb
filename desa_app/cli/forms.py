"""``desa-app forms ...``: check, document, convert and try questionnaire definitions."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from desa_app.cli.common import UserError
from desa_app.core.instrument.codebook import codebook_markdown
from desa_app.core.instrument.errors import FormDefinitionError
from desa_app.core.instrument.loader import load_instrument
from desa_app.core.instrument.model import Instrument, Severity
from desa_app.core.instrument.places import place_of
from desa_app.core.instrument.state import Environment, FormState
from desa_app.core.paths import docs_dir, forms_dir
from desa_app.core.store.facade import VillageStore


def shipped_forms() -> list[Path]:
    return sorted(forms_dir().glob("*.yaml"))


def resolve_form(name: str) -> Path:
    """A form given as a path, or as the id of a shipped form (``ddk``)."""
    path = Path(name)
    if path.exists():
        return path
    candidate = forms_dir() / f"{name}.yaml"
    if candidate.exists():
        return candidate
    known = ", ".join(p.stem for p in shipped_forms()) or "-"
    raise UserError(f"Formulir '{name}' tidak ditemukan (yang tersedia: {known}).")


def cmd_check(args: argparse.Namespace) -> int:
    paths = [resolve_form(f) for f in args.forms] or shipped_forms()
    if not paths:
        raise UserError(f"Tidak ada formulir di {forms_dir()}.")
    failed = 0
    for path in paths:
        try:
            instrument = load_instrument(path)
        except FormDefinitionError as exc:
            failed += 1
            print(exc, file=sys.stderr)
            continue
        figure_problems = _figure_problems(instrument)
        if figure_problems:
            failed += 1
            print(f"{path}: from_ddk tidak cocok dengan formulir sumber "
                  f"({len(figure_problems)} masalah):", file=sys.stderr)
            for problem in figure_problems:
                print(f"  - {problem}", file=sys.stderr)
            continue
        questions = sum(1 for f in instrument.fields() if f.has_value)
        figures = sum(1 for f in instrument.fields() if f.from_ddk is not None)
        counted = f", {figures} dihitung dari DDK" if figures else ""
        print(f"OK  {path.name}: {instrument.title.get()} versi {instrument.version}, "
              f"{questions} pertanyaan, {len(instrument.choice_lists)} daftar pilihan{counted}")
    return 1 if failed else 0


def _figure_problems(instrument: Instrument) -> list[str]:
    """``from_ddk`` checked against the household form it names (a shipped form)."""
    source_id = str(instrument.settings.get("prefill_from") or "")
    if not source_id:
        return []
    from desa_app.core.profil.check import check_figures

    try:
        source = load_instrument(resolve_form(source_id))
    except (UserError, FormDefinitionError) as exc:
        return [f"settings.prefill_from '{source_id}': {exc}"]
    return check_figures(instrument, source)


def cmd_doc(args: argparse.Namespace) -> int:
    out_dir = Path(args.out) if args.out else docs_dir() / "codebook"
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in [resolve_form(f) for f in args.forms] or shipped_forms():
        instrument = _load(path)
        target = out_dir / f"{instrument.id}.md"
        target.write_text(codebook_markdown(instrument), encoding="utf-8")
        print(f"Buku kode ditulis: {target}")
    return 0


def cmd_export_xlsform(args: argparse.Namespace) -> int:
    from desa_app.core.instrument.xlsform.export import export_xlsform

    instrument = _load(resolve_form(args.form))
    village = VillageStore.village_names(args.village) if args.village else None
    for written in export_xlsform(instrument, Path(args.out), village):
        print(f"Ditulis: {written}")
    return 0


def cmd_import_xlsform(args: argparse.Namespace) -> int:
    from desa_app.core.instrument.xlsform.importer import import_xlsform

    source = Path(args.xlsx)
    if not source.exists():
        raise UserError(f"Berkas tidak ditemukan: {source}")
    try:
        import_xlsform(source, Path(args.out))
    except FormDefinitionError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Definisi ditulis: {args.out}")
    return 0


def cmd_try(args: argparse.Namespace) -> int:
    """Check one record (JSON answers) against a form, as the app does before submission."""
    instrument = _load(resolve_form(args.form))
    path = Path(args.answers)
    try:
        answers = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserError(f"Berkas jawaban tidak dapat dibaca: {path} ({exc.strerror})") from exc
    except ValueError as exc:
        raise UserError(f"Berkas jawaban bukan JSON yang sah: {path} ({exc})") from exc
    if not isinstance(answers, dict):
        raise UserError("Berkas jawaban harus berisi satu objek JSON.")
    env = Environment(today=date.fromisoformat(args.today) if args.today else date.today(),
                      village=VillageStore.village_names(args.village) if args.village else {})
    state = FormState(instrument, answers, env)
    _print_summary(instrument, state)
    return 1 if state.has_errors else 0


def _print_summary(instrument: Instrument, state: FormState) -> None:
    repeats = [plan.name for plan in instrument.plan.order if plan.is_repeat and plan.depth == 1]
    counts = ", ".join(f"{state.instance_count(name)} {name}" for name in repeats)
    print(f"{instrument.title.get()}: {len(state.raw)} jawaban" + (f", {counts}" if counts else ""))
    issues = state.issues()
    errors = [i for i in issues if i.severity is Severity.ERROR]
    print(f"{len(errors)} galat, {len(issues) - len(errors)} peringatan")
    for issue in issues:
        mark = "GALAT     " if issue.severity is Severity.ERROR else "peringatan"
        place = place_of(instrument, issue.name, issue.key)
        print(f"  {mark}  {place}: {issue.message}")


def _load(path: Path) -> Instrument:
    try:
        return load_instrument(path)
    except FormDefinitionError as exc:
        raise UserError(str(exc)) from exc


def register(commands: Any) -> None:
    forms = commands.add_parser("forms", help="definisi formulir").add_subparsers(
        dest="forms_command", required=True
    )
    check = forms.add_parser("check", help="periksa definisi formulir")
    check.add_argument("forms", nargs="*", help="berkas atau id (bawaan: semua di forms/)")
    check.set_defaults(func=cmd_check)
    doc = forms.add_parser("doc", help="buat buku kode Markdown di docs/codebook")
    doc.add_argument("forms", nargs="*")
    doc.add_argument("--out", help="folder tujuan")
    doc.set_defaults(func=cmd_doc)
    export = forms.add_parser("export-xlsform", help="tulis formulir sebagai XLSForm")
    export.add_argument("form")
    export.add_argument("out")
    export.add_argument("--village", help="kode desa untuk village.csv")
    export.set_defaults(func=cmd_export_xlsform)
    importer = forms.add_parser("import-xlsform", help="baca XLSForm menjadi YAML")
    importer.add_argument("xlsx")
    importer.add_argument("out")
    importer.set_defaults(func=cmd_import_xlsform)
    trial = forms.add_parser("try", help="periksa satu rekaman JSON terhadap formulir")
    trial.add_argument("form")
    trial.add_argument("answers")
    trial.add_argument("--village", help="kode desa rekaman (mis. 35.01.01.2001)")
    trial.add_argument("--today", help="tanggal acuan YYYY-MM-DD (bawaan: hari ini)")
    trial.set_defaults(func=cmd_try)
