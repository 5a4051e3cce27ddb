"""Checking one cell: required, type, choice list, constraint, checks, repeat count.

Kept apart from the state so the rules of what makes an answer acceptable live in one
short place. Messages follow the language chosen (``core/messages``); a definition's own
message wins over the default.
"""

from __future__ import annotations

from desa_app.core.instrument.expr import Context
from desa_app.core.instrument.expr.values import to_bool, to_number
from desa_app.core.instrument.issues import Issue, Key, path_of
from desa_app.core.instrument.model import DEFAULT_LANGUAGE, FieldType, Severity, Text
from desa_app.core.instrument.plan import NodePlan
from desa_app.core.instrument.record_view import RecordView
from desa_app.core.instrument.values_io import is_empty, type_problem
from desa_app.core.messages import language, text

REQUIRED_DEFAULT = "instrument.required"
CONSTRAINT_DEFAULT = "instrument.constraint"
"""Message keys of the defaults (see ``core/messages/instrument.py``)."""


def _message(own: Text, fallback_key: str) -> str:
    """The definition's own message, else the default, in the language chosen now."""
    english = language() == "en"
    return own.get("English" if english else DEFAULT_LANGUAGE) or text(fallback_key)


def validate_cell(state: RecordView, plan: NodePlan, key: Key) -> list[Issue]:
    """Issues of one question (or repeat, at its parent level) in one instance."""
    node = plan.node
    if (plan.name, key) in state.hidden or (
        plan.check_depth < plan.depth
        and plan.parent is not None
        and (plan.parent.name, key) in state.hidden
    ):
        return []
    issues: list[Issue] = []

    def add(severity: Severity, message: str, code: str) -> None:
        issues.append(Issue(plan.name, key, path_of(node, key), severity, message, code))

    field_node = plan.field
    if field_node is not None:
        raw = state.raw.get((plan.name, key))
        value = state.values.get((plan.name, key))
        ctx = Context(state, key, value if value is not None else "", value)
        if is_empty(raw if field_node.calculation is None else value):
            if plan.required is not None and to_bool(plan.required(ctx)):
                add(Severity.ERROR, _message(field_node.required_message, REQUIRED_DEFAULT),
                    "required")
            return issues
        if field_node.calculation is None:
            problem = type_problem(field_node.type, raw, state.instrument.choices_of(field_node))
            if problem:
                add(Severity.ERROR, problem, "type")
                return issues
        if plan.constraint is not None and not to_bool(plan.constraint(ctx)):
            add(Severity.ERROR, _message(field_node.constraint_message, CONSTRAINT_DEFAULT),
                "constraint")
    else:
        ctx = Context(state, key, "", "")
    for compiled in plan.checks:
        if not to_bool(compiled.getter(ctx)):
            add(compiled.check.severity, _message(compiled.check.message, CONSTRAINT_DEFAULT),
                "check")
    if plan.repeat_count is not None:
        wanted = to_number(plan.repeat_count(ctx))
        have = state.instance_count(plan.name, key)
        if wanted == wanted and int(wanted) != have:  # NaN: count unknown yet
            add(Severity.ERROR, text("instrument.repeat_count", wanted=int(wanted), have=have),
                "repeat_count")
    return issues


__all__ = ["FieldType", "validate_cell"]
