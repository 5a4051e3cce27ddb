"""Answers as nested JSON (repeats as lists) <-> the flat cells of a form state.

The store keeps a record as this nested JSON: it is what a person would write by hand
and what older and newer form versions can both read. Answers to questions the form
does not (or no longer) have are collected, not dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from desa_app.core.instrument.issues import Key
from desa_app.core.instrument.model import Container, FieldType, Node, Repeat
from desa_app.core.instrument.plan import NodePlan
from desa_app.core.instrument.record_view import RecordView
from desa_app.core.instrument.values_io import is_empty

JUNK = "__nilai_tidak_dikenal__"
"""Holds a repeat instance that was not a mapping at all, so it is written back as it was."""


def _level(state: RecordView, container_children: Iterable[Any]) -> list[NodePlan]:
    return [state.plan.by_name[c.name] for c in container_children]


@lru_cache(maxsize=128)
def _names_at_level(plans: tuple[NodePlan, ...]) -> frozenset[str]:
    """Question names stored in one JSON object: this level and its groups, not repeats."""
    names: set[str] = set()
    for plan in plans:
        names.add(plan.name)
        node = plan.node
        if isinstance(node, Container) and not isinstance(node, Repeat):
            names.update(n.name for n in _walk_level(node))
    return frozenset(names)


def _walk_level(container: Container) -> Iterable[Node]:
    for child in container.children:
        yield child
        if isinstance(child, Container) and not isinstance(child, Repeat):
            yield from _walk_level(child)


def load_answers(
    state: RecordView, answers: Mapping[str, Any], key: Key, plans: list[NodePlan], owner: str
) -> None:
    """Fill ``state.raw`` and ``state.counts`` from one JSON object (``owner``: its repeat)."""
    _load_level(state, answers, key, plans)
    known = _names_at_level(tuple(plans))
    unknown = {name: value for name, value in answers.items() if name not in known}
    if unknown:
        state.unknown_answers[(owner, key)] = unknown


def _load_level(
    state: RecordView, answers: Mapping[str, Any], key: Key, plans: list[NodePlan]
) -> None:
    for plan in plans:
        node = plan.node
        if isinstance(node, Repeat):
            instances = answers.get(plan.name) or []
            if not isinstance(instances, list):
                instances = [instances]
            state.counts[(plan.name, key)] = len(instances)
            children = _level(state, node.children)
            for index, instance in enumerate(instances):
                if isinstance(instance, Mapping):
                    load_answers(state, instance, (*key, index), children, plan.name)
                else:
                    state.unknown_answers[(plan.name, (*key, index))] = {JUNK: instance}
            continue
        if plan.field is not None and plan.name in answers:
            value = answers[plan.name]
            if not is_empty(value) and plan.field.type is not FieldType.CALCULATE:
                state.raw[(plan.name, key)] = value
        if isinstance(node, Container):
            _load_level(state, answers, key, _level(state, node.children))


def dump_answers(
    state: RecordView, plans: list[NodePlan], key: Key, relevant_only: bool, owner: str = ""
) -> Any:
    """One JSON object; with ``relevant_only`` only what is relevant, with calculations."""
    data: dict[str, Any] = {}
    if not relevant_only:
        kept = state.unknown_answers.get((owner, key), {})
        if JUNK in kept:
            return kept[JUNK]
        data.update(kept)
    _dump_level(state, plans, key, relevant_only, data)
    return data


def _dump_level(
    state: RecordView, plans: list[NodePlan], key: Key, relevant_only: bool, data: dict[str, Any]
) -> None:
    for plan in plans:
        node = plan.node
        if relevant_only and (plan.name, key[: plan.depth]) in state.hidden:
            continue
        if isinstance(node, Repeat):
            children = _level(state, node.children)
            instances = [
                dump_answers(state, children, (*key, i), relevant_only, plan.name)
                for i in range(state.instance_count(plan.name, key))
            ]
            if instances or not relevant_only:
                data[plan.name] = instances
        elif plan.field is not None:
            store = state.values if relevant_only else state.raw
            value = store.get((plan.name, key))
            if value is not None:
                data[plan.name] = value
        elif isinstance(node, Container):
            _dump_level(state, _level(state, node.children), key, relevant_only, data)
