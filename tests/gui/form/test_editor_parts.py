"""The editor is composed of parts, never of mixins: when it was five mixins sharing
thirty-odd attributes typed ``Any``, a no-op stub in one shadowed the real journal
writer of another and nothing typed reached the recovery journal. Now each part is its
own object whose constructor says what it needs, with types, and parts use each other
only through public methods."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import re
from pathlib import Path

from desa_app.gui.form import parts
from desa_app.gui.form.ddk_flow import DdkFlow
from desa_app.gui.form.display import FormDisplay
from desa_app.gui.form.editor import FormEditor
from desa_app.gui.form.journal_flow import JournalFlow
from desa_app.gui.form.layout import FormWidgets
from desa_app.gui.form.member_flow import MemberFlow
from desa_app.gui.form.navigation_flow import NavigationFlow
from desa_app.gui.form.note_flow import NoteFlow
from desa_app.gui.form.saving import SaveFlow
from desa_app.gui.form.typing_flow import TypingFlow
from desa_app.gui.qt import QWidget

PARTS = [NavigationFlow, JournalFlow, TypingFlow, SaveFlow, MemberFlow, NoteFlow, DdkFlow,
         FormDisplay]
ANY = re.compile(r"\bAny\b")


def test_the_editor_has_no_mixins() -> None:
    assert FormEditor.__bases__ == (QWidget,)
    ours = [cls for cls in FormEditor.__mro__ if cls.__module__.startswith("desa_app")]
    assert ours == [FormEditor]


def test_every_part_is_created_by_the_editor() -> None:
    source = inspect.getsource(FormEditor.__init__)
    for part in PARTS:
        assert f"{part.__name__}(" in source, f"{part.__name__} is not built by the editor"


def test_each_part_says_what_it_needs_with_types() -> None:
    for part in PARTS:
        parameters = list(inspect.signature(part.__init__).parameters.values())[1:]
        assert parameters, f"{part.__name__} is given nothing"
        for parameter in parameters:
            annotation = parameter.annotation
            assert annotation is not inspect.Parameter.empty, \
                f"{part.__name__}({parameter.name}) has no type"
            assert not ANY.search(str(annotation)), f"{part.__name__}({parameter.name}) is Any"


def test_what_parts_share_is_typed() -> None:
    for shared in (parts.EditorContext, parts.OpenRecord, FormWidgets):
        fields = dataclasses.fields(shared)
        assert fields
        for field in fields:
            assert not ANY.search(str(field.type)), f"{shared.__name__}.{field.name} is Any"


def _part_modules() -> list[Path]:
    return [Path(inspect.getfile(part)) for part in PARTS] + [
        Path(inspect.getfile(FormEditor)), Path(inspect.getfile(parts))]


def test_no_attribute_of_a_part_is_typed_any() -> None:
    for path in _part_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Attribute):
                annotation = ast.unparse(node.annotation)
                assert annotation != "Any", f"{path.name}: {ast.unparse(node.target)}: Any"


def test_no_part_has_a_stub_that_could_run() -> None:
    """Only a Protocol (never inherited by a part) may declare ``...`` bodies."""
    for part in [*PARTS, FormEditor]:
        for name, member in vars(part).items():
            if not inspect.isfunction(member):
                continue
            body = ast.parse(inspect.getsource(member).strip()).body[0]
            assert isinstance(body, ast.FunctionDef)
            statements = [s for s in body.body
                          if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant)
                                  and isinstance(s.value.value, str))]
            only = ast.unparse(statements[0]) if len(statements) == 1 else ""
            assert only not in ("...", "pass", "raise NotImplementedError"), \
                f"{part.__name__}.{name} is a stub"


def test_parts_never_reach_into_another_objects_private_attributes() -> None:
    for path in _part_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") \
                    and not node.attr.startswith("__"):
                owner = node.value
                assert isinstance(owner, ast.Name) and owner.id in ("self", "cls"), \
                    f"{path.name}:{node.lineno}: {ast.unparse(node)}"
