"""The editor's mixins share declarations (gui/form/parts.py); a declaration must never
be what runs. A no-op stub left in one mixin once shadowed the real journal writer of
another, so nothing typed reached the recovery journal."""

from __future__ import annotations

import inspect

from desa_app.gui.form.editor import FormEditor
from desa_app.gui.form.parts import EditorParts


def test_every_shared_method_is_implemented_by_a_mixin_or_the_editor() -> None:
    declared = [name for name, member in vars(EditorParts).items()
                if inspect.isfunction(member) and name != "widget"]
    assert declared
    for name in declared:
        owner = next(cls for cls in FormEditor.__mro__ if name in vars(cls))
        assert owner is not EditorParts, f"{name} has no implementation"


def test_no_mixin_shadows_another_with_a_stub() -> None:
    for cls in FormEditor.__mro__:
        if not cls.__module__.startswith("desa_app.gui.form") or cls is EditorParts:
            continue
        for name, member in vars(cls).items():
            if inspect.isfunction(member):
                source = inspect.getsource(member).strip()
                assert not source.endswith(": ..."), f"{cls.__name__}.{name} is a stub"
