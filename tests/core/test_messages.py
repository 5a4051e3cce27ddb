"""Core's messages come from one catalogue in Indonesian and English (``core/messages``).

Every key core uses exists in both languages with the same placeholders; no user-facing
error or validation issue is built from a literal sentence any more; and the language
switch really reaches errors raised by a real database and issues of a real record.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from desa_app.core import auth, messages
from desa_app.core import errors as E
from desa_app.core.instrument.registry import get_instrument
from desa_app.core.instrument.state import FormState
from desa_app.core.messages import CATALOGUE
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.village import init_village
from desa_app.core.workflow import Action, Role, Status, action_label, role_label, status_label

CORE = Path(__file__).resolve().parents[2] / "desa_app" / "core"
AREAS = ("errors", "store", "records", "programme", "workflow", "auth", "identity",
         "instrument", "exports")
KEY = re.compile(rf"^(?:{'|'.join(AREAS)})\.[a-z0-9_.]*[a-z0-9_]$")
# Whoever reads these is the author of a form definition (``desa-app forms check``), not
# a user of the app: they stay Indonesian-only, like the rest of the definition tooling.
AUTHOR_FACING = {"instrument/loader.py", "instrument/loader_values.py",
                 "instrument/loader_settings.py", "instrument/prefill_spec.py",
                 "instrument/matrix.py", "instrument/errors.py", "instrument/binder.py",
                 "instrument/yaml_lines.py", "profil/check.py"}


def core_files() -> Iterator[Path]:
    for path in sorted(CORE.rglob("*.py")):
        if "messages" not in path.relative_to(CORE).parts:
            yield path


def message_keys_used() -> set[tuple[str, str]]:
    """(file, key) for every string in core that names a message: ``text("k")`` and
    tables of keys (``_ROLE_KEYS``, ``LABELS``)."""
    found = set()
    for path in core_files():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and KEY.match(node.value)):
                found.add((str(path.relative_to(CORE)), node.value))
    return found


def test_the_scan_sees_the_keys() -> None:
    keys = {key for _, key in message_keys_used()}
    assert {"store.wrong_passphrase", "instrument.required", "errors.with_backup",
            "workflow.role.admin", "identity.nik_length"} <= keys
    assert len(keys) > 150


def test_every_key_used_exists_in_both_languages() -> None:
    missing = sorted(f"{file}: {key}" for file, key in message_keys_used()
                     if key not in CATALOGUE)
    assert missing == []
    empty = [key for key, (indonesian, english) in CATALOGUE.items()
             if not indonesian.strip() or not english.strip()]
    assert empty == []


def test_every_catalogue_key_is_used() -> None:
    used = {key for _, key in message_keys_used()}
    used |= {f"workflow.action.{action.value}" for action in Action}  # built from the enum
    assert sorted(set(CATALOGUE) - used) == []


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_placeholders_match_between_languages() -> None:
    for key, (indonesian, english) in CATALOGUE.items():
        assert placeholders(indonesian) == placeholders(english), key


def test_role_status_and_action_names_exist() -> None:
    for role in Role:
        assert role_label(role)
    for status in Status:
        assert status_label(status)
    for action in Action:
        assert action_label(action)


# -- no sentence built where an error or an issue is raised ------------------------------

def user_error_classes() -> set[str]:
    """StoreError and every class in core deriving from it (by name, to a fixed point)."""
    bases: dict[str, set[str]] = {}
    for path in core_files():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {getattr(b, "attr", None) or getattr(b, "id", "")
                                    for b in node.bases}
    found = {"StoreError"}
    while True:
        more = {name for name, of in bases.items() if of & found} - found
        if not more:
            return found
        found |= more


def is_sentence(node: ast.expr | None) -> bool:
    """A literal text, an f-string, text glued with + or %, or ``"...".format()``."""
    if node is None:
        return False
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return is_sentence(node.left) or is_sentence(node.right)
    if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "format":
        return is_sentence(getattr(node.func, "value", None))
    return False


def message_argument(call: ast.Call, position: int) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "message":
            return keyword.value
    return call.args[position] if len(call.args) > position else None


def sentences_built(path: Path, errors: set[str]) -> list[str]:
    bad = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        if name in errors:
            argument = message_argument(node, 0)
        elif name == "Issue":
            argument = message_argument(node, 4)
        else:
            continue
        if is_sentence(argument):
            bad.append(f"{path.name}:{node.lineno} {name}")
    return bad


def test_no_user_error_or_issue_is_built_from_a_literal() -> None:
    errors = user_error_classes()
    assert {"StoreError", "AuthError", "ExportCancelled", "PackageError",
            "AttachmentDamaged", "SigningError"} <= errors
    bad = [line for path in core_files() if str(path.relative_to(CORE)) not in AUTHOR_FACING
           for line in sentences_built(path, errors)]
    assert bad == []


def test_the_literal_scan_catches_an_offender(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text('raise E.NotFound(f"Rekaman {x} tidak ada.")\n'
                      'raise E.AuthError("salah " + who)\n'
                      'Issue(n, k, p, s, "Wajib diisi.", "required")\n'
                      'raise E.NotFound(text("records.not_found", record_id=x))\n')
    assert len(sentences_built(sample, {"NotFound", "AuthError"})) == 3


# -- the switch reaches a real database and a real record ------------------------------

@pytest.fixture
def english() -> Iterator[None]:
    """English for one test; Indonesian again afterwards whatever happens."""
    messages.set_language("en")
    try:
        yield
    finally:
        messages.set_language("id")


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[VillageStore]:
    monkeypatch.setattr(auth, "SCRYPT_N", 2**8)
    path = tmp_path / "desa.sqlite3"
    database = init_village(path, "35.01.01.2001", "admin", "Operator Desa", "rahasia123")
    village = VillageStore(database)
    yield village
    village.close(backup=False)


def test_a_wrong_password_in_english_and_back(store: VillageStore, english: None) -> None:
    with pytest.raises(E.AuthError) as caught:
        store.users.authenticate("admin", "salah-salah")
    assert str(caught.value) == "Wrong username or password."
    messages.set_language("id")
    with pytest.raises(E.AuthError) as caught:
        store.users.authenticate("admin", "salah-salah")
    assert str(caught.value) == "Nama pengguna atau kata sandi salah."


def test_a_permission_refusal_names_role_and_action_in_english(
        store: VillageStore, english: None) -> None:
    admin = store.users.authenticate("admin", "rahasia123")
    store.users.add(admin, "kominfo1", "Kominfo", "viewer", "rahasia123")
    viewer = store.users.authenticate("kominfo1", "rahasia123")
    with pytest.raises(E.PermissionDenied) as caught:
        store.users.add(viewer, "agen9", "Agen", "enumerator", "rahasia123")
    assert str(caught.value) == "The role Diskominfo may not manage users."


def test_opening_a_missing_database_and_the_backup_line(tmp_path: Path, english: None) -> None:
    with pytest.raises(E.DatabaseMissing) as caught:
        VillageStore.open(tmp_path / "tidak-ada.sqlite3")
    assert str(caught.value).startswith("Database not found: ")
    error = E.NotADatabase("Broken.", backup=tmp_path / "b.sqlite3")
    assert str(error) == f"Broken. Newest good backup: {tmp_path / 'b.sqlite3'}"


def test_a_required_answer_in_english_and_back(english: None) -> None:
    instrument = get_instrument("ddk")
    state = FormState(instrument)
    required = [issue for issue in state.issues() if issue.code == "required"]
    assert required and {issue.message for issue in required} >= {"Required."}
    messages.set_language("id")
    again = FormState(instrument)
    assert "Wajib diisi." in {issue.message for issue in again.issues()
                              if issue.code == "required"}


def test_the_gui_switch_drives_core() -> None:
    i18n = pytest.importorskip("desa_app.gui.i18n")
    try:
        i18n.set_language("en")
        assert messages.language() == "en"
        assert auth.password_problem("1234567") == "A password has at least 8 characters."
    finally:
        i18n.set_language("id")
    assert messages.language() == "id"
