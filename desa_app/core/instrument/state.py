"""The state of one record being filled: answers, relevance, calculations and issues.

Answers of every repeat instance are stored flat, keyed by ``(question, instance key)``
where the key holds one 0-based index per enclosing repeat. After one answer changes only
the questions that depend on it are recomputed (in the plan's dependency order, and only
in the instances that share the changed instance's scope), then only the rules that read
something that changed are re-checked.

Non-relevant answers stay in ``raw`` (nothing typed is thrown away) but read as empty in
expressions, are not validated and are not exported.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desa_app.core.instrument.answer_tree import dump_answers, load_answers
from desa_app.core.instrument.environment import Environment as Environment  # re-exported
from desa_app.core.instrument.expr import Context
from desa_app.core.instrument.expr.values import Item, NodeSet, to_bool
from desa_app.core.instrument.issues import Issue, Key
from desa_app.core.instrument.model import (
    Container,
    FieldType,
    Instrument,
    Repeat,
    Severity,
)
from desa_app.core.instrument.plan import NodePlan, Plan
from desa_app.core.instrument.record_view import Cell
from desa_app.core.instrument.validation import validate_cell
from desa_app.core.instrument.values_io import (
    answer_of,
    as_answer,
    expression_answer,
    renumber,
)


@dataclass
class ChangeSet:
    """What one edit changed, so a screen updates only those widgets."""

    values: set[Cell] = field(default_factory=set)
    relevance: set[Cell] = field(default_factory=set)
    issues: set[Cell] = field(default_factory=set)
    structure: bool = False  # repeat instances added/removed: redraw everything


class FormState:
    def __init__(
        self,
        instrument: Instrument,
        answers: Mapping[str, Any] | None = None,
        env: Environment | None = None,
    ) -> None:
        self.instrument = instrument
        self.plan: Plan = instrument.plan
        self.env = env or Environment()
        self.raw: dict[Cell, Any] = {}
        self.counts: dict[Cell, int] = {}
        self.values: dict[Cell, Any] = {}
        self.hidden: set[Cell] = set()
        self.cell_issues: dict[Cell, list[Issue]] = {}
        self.unknown_answers: dict[Cell, dict[str, Any]] = {}
        """Answers to questions this version does not have, per JSON object (repeat name
        and instance key; ``""`` and ``()`` at the top): kept and written back."""
        if answers:
            load_answers(self, answers, (), self.plan.top_level, "")
        self.recompute_all()

    # -- creation ------------------------------------------------------------------------
    @classmethod
    def new(cls, instrument: Instrument, env: Environment | None = None) -> FormState:
        """A blank record with the definition's defaults filled in."""
        state = cls(instrument, None, env)
        state._apply_defaults(state.plan.top_level, ())
        state.recompute_all()
        return state

    # -- what expressions read (EvalState) ---------------------------------------------
    @property
    def today(self) -> date:
        return self.env.today

    @property
    def village(self) -> Mapping[str, str]:
        return self.env.village

    def keys_under(self, repeat: Repeat, prefix: Key) -> list[Key]:
        """Instance keys of ``repeat`` that start with ``prefix``."""
        chain = repeat.repeats
        if len(prefix) >= len(chain):
            return [prefix[: len(chain)]]
        keys: list[Key] = [prefix]
        for level in range(len(prefix), len(chain)):
            name = chain[level].name
            keys = [(*k, i) for k in keys for i in range(self.counts.get((name, k), 0))]
        return keys

    def keys_of(self, plan: NodePlan, prefix: Key = ()) -> list[Key]:
        if plan.repeat is None:
            return [()]
        return self.keys_under(plan.repeat, prefix)

    def nodeset(self, name: str, prefix: Key) -> NodeSet:
        plan = self.plan.by_name[name]
        keys = self.keys_of(plan, prefix)
        if plan.is_repeat:
            return NodeSet(Item("", k) for k in keys)
        values = self.values
        return NodeSet(Item(values.get((name, k), ""), k) for k in keys)

    # -- reading -------------------------------------------------------------------------
    def answer(self, name: str, key: Key = ()) -> Any:
        """What was typed (also when the question is not relevant now)."""
        return self.raw.get((name, key))

    def value(self, name: str, key: Key = ()) -> Any:
        """The effective value: empty when not relevant, computed for calculations."""
        return self.values.get((name, key))

    def is_relevant(self, name: str, key: Key = ()) -> bool:
        return (name, key) not in self.hidden

    def instance_count(self, repeat: str, parent_key: Key = ()) -> int:
        return self.counts.get((repeat, parent_key), 0)

    def issues(self, severity: Severity | None = None) -> list[Issue]:
        order = self.plan.issue_order
        found = [
            issue
            for issues in self.cell_issues.values()
            for issue in issues
            if severity is None or issue.severity is severity
        ]
        return sorted(found, key=lambda i: (i.key[:1], order.get(i.name, 0), i.key))

    def issues_for(self, name: str, key: Key = ()) -> list[Issue]:
        return list(self.cell_issues.get((name, key), ()))

    @property
    def has_errors(self) -> bool:
        return any(i.blocks_submission for issues in self.cell_issues.values() for i in issues)

    def available_choices(self, name: str, key: Key = ()) -> list[str]:
        """Choice names offered for a select question after its ``choice_filter``."""
        plan = self.plan.by_name[name]
        field_node = plan.field
        choices = self.instrument.choices_of(field_node) if field_node else None
        if choices is None:
            return []
        if plan.choice_filter is None:
            return [c.name for c in choices.choices]
        kept = []
        for choice in choices.choices:
            columns = {"name": choice.name, "label": choice.label.get(), **choice.extra}
            ctx = Context(self, key, columns, self.values.get((name, key), ""))
            if to_bool(plan.choice_filter(ctx)):
                kept.append(choice.name)
        return kept

    # -- writing -------------------------------------------------------------------------
    def set(self, name: str, value: Any, key: Key = ()) -> ChangeSet:
        """Store one answer (converted to its type, see ``values_io.answer_of``) and
        recompute what depends on it. Also for ``read_only`` questions: the definition
        marks them not typeable on screen; what the program sets is stored."""
        plan = self.plan.by_name[name]
        field_node = plan.field
        if field_node is None or field_node.type in (FieldType.NOTE, FieldType.CALCULATE):
            raise ValueError(f"{name} is not an answerable question")
        self._check_key(plan, key)
        stored = answer_of(field_node, value)
        cell = (name, key)
        if stored is None:
            self.raw.pop(cell, None)
        else:
            self.raw[cell] = stored
        return self._propagate([cell])

    def add_instance(
        self, repeat: str, parent_key: Key = (), answers: Mapping[str, Any] | None = None,
        index: int | None = None,
    ) -> Key:
        """Append (or insert at ``index``) one repeat instance, with defaults or answers."""
        plan = self.plan.by_name[repeat]
        node = plan.node
        assert isinstance(node, Repeat)
        count = self.instance_count(repeat, parent_key)
        position = count if index is None else max(0, min(index, count))
        self._shift(node, parent_key, position, +1)
        self.counts[(repeat, parent_key)] = count + 1
        key = (*parent_key, position)
        if answers:
            load_answers(self, answers, key, self._children(node), repeat)
        else:
            self._apply_defaults(self._children(node), key)
        self.recompute_all()
        return key

    def remove_instance(self, repeat: str, key: Key) -> dict[str, Any]:
        """Delete one instance and return its answers (so the screen can offer undo)."""
        node = self.plan.by_name[repeat].node
        assert isinstance(node, Repeat)
        removed: dict[str, Any] = dump_answers(
            self, self._children(node), key, relevant_only=False, owner=repeat
        )
        parent_key, position = key[:-1], key[-1]
        self._shift(node, parent_key, position, -1)
        self.counts[(repeat, parent_key)] = self.instance_count(repeat, parent_key) - 1
        self.recompute_all()
        return removed

    # -- serialisation -------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """All answers, relevant or not, as nested JSON (repeats as lists)."""
        data: dict[str, Any] = dump_answers(self, self.plan.top_level, (), relevant_only=False)
        return data

    def export_values(self) -> dict[str, Any]:
        """Relevant answers and calculated values only: what leaves the village."""
        data: dict[str, Any] = dump_answers(self, self.plan.top_level, (), relevant_only=True)
        return data

    # -- evaluation ----------------------------------------------------------------------
    def recompute_all(self) -> ChangeSet:
        self.values.clear()
        self.hidden.clear()
        self.cell_issues.clear()
        for plan in self.plan.order:
            for key in self.keys_of(plan):
                self._compute(plan, key)
        raw = self.raw
        for plan in self.plan.order:
            if not plan.has_rules:
                continue
            when_empty = plan.checked_when_empty
            for key in self._check_keys(plan):
                # An unanswered cell without a rule for emptiness cannot have an issue.
                if when_empty or (plan.name, key) in raw or plan.calculation is not None:
                    self._validate(plan, key)
        return ChangeSet(structure=True)

    def _compute(self, plan: NodePlan, key: Key) -> bool:
        """Recompute relevance and value of one cell; True if either changed."""
        cell = (plan.name, key)
        parent = plan.parent
        raw = self.raw.get(cell, "")
        if parent is not None and (parent.name, key[: parent.depth]) in self.hidden:
            relevant = False
        elif plan.relevant is not None:
            relevant = to_bool(plan.relevant(Context(self, key, raw, raw)))
        else:
            relevant = True
        changed = (cell in self.hidden) == relevant
        if relevant:
            self.hidden.discard(cell)
        else:
            self.hidden.add(cell)
        if plan.field is None:
            return changed
        old = self.values.get(cell)
        if not relevant:
            new = None
        elif plan.calculation is not None:
            new = expression_answer(plan.calculation(Context(self, key, raw, raw)))
        else:
            new = None if raw == "" else raw
        if new is None:
            self.values.pop(cell, None)
        else:
            self.values[cell] = new
        return changed or old != new or type(old) is not type(new)

    def _propagate(self, origins: Iterable[Cell]) -> ChangeSet:
        changes = ChangeSet()
        queue: list[tuple[int, str, Key]] = []
        queued: set[Cell] = set()
        for name, key in origins:
            heapq.heappush(queue, (self.plan.by_name[name].index, name, key))
            queued.add((name, key))
            changes.values.add((name, key))
        while queue:
            _, name, key = heapq.heappop(queue)
            plan = self.plan.by_name[name]
            was_hidden = (name, key) in self.hidden
            if not self._compute(plan, key) and (name, key) not in changes.values:
                continue
            if was_hidden != ((name, key) in self.hidden):
                changes.relevance.add((name, key))
            changes.values.add((name, key))
            for dependent, prefix in plan.value_dependents:
                for dep_key in self.keys_of(dependent, key[:prefix]):
                    cell = (dependent.name, dep_key)
                    if cell not in queued:
                        queued.add(cell)
                        heapq.heappush(queue, (dependent.index, dependent.name, dep_key))
        to_check: set[tuple[str, Key]] = set(changes.values)
        for name, key in changes.values:
            for dependent, prefix in self.plan.by_name[name].check_dependents:
                to_check.update(
                    (dependent.name, k) for k in self._check_keys(dependent, key[:prefix])
                )
        for name, key in to_check:
            plan = self.plan.by_name[name]
            if len(key) == plan.check_depth and plan.has_rules:
                before = self.cell_issues.get((name, key))
                self._validate(plan, key)
                if before != self.cell_issues.get((name, key)):
                    changes.issues.add((name, key))
        return changes

    def _check_keys(self, plan: NodePlan, prefix: Key = ()) -> list[Key]:
        if plan.check_depth == plan.depth:
            return self.keys_of(plan, prefix)
        parent = plan.parent
        return self.keys_of(parent, prefix) if parent is not None else [()]

    def _validate(self, plan: NodePlan, key: Key) -> None:
        cell = (plan.name, key)
        self.cell_issues.pop(cell, None)
        issues = validate_cell(self, plan, key)
        if issues:
            self.cell_issues[cell] = issues

    def _check_key(self, plan: NodePlan, key: Key) -> None:
        if len(key) != plan.depth or key not in self.keys_of(plan, key[:-1] if key else ()):
            raise KeyError(f"{plan.name} has no instance {key}")

    # -- structure helpers ---------------------------------------------------------------
    def _shift(self, repeat: Repeat, parent_key: Key, position: int, delta: int) -> None:
        """Renumber instances at/after ``position`` of ``repeat`` (delete it if delta<0)."""
        depth = repeat.depth
        inside = {n.name for n in repeat.walk()} | {repeat.name}

        def moved(store: dict[Cell, Any]) -> dict[Cell, Any]:
            return renumber(store, inside, depth, parent_key, position, delta)

        self.raw = moved(self.raw)
        self.counts = moved(self.counts)
        self.unknown_answers = moved(self.unknown_answers)

    def _children(self, container: Container) -> list[NodePlan]:
        return [self.plan.by_name[c.name] for c in container.children]

    def _apply_defaults(self, plans: Iterable[NodePlan], key: Key) -> None:
        """Defaults of the questions at this level, including those inside groups."""
        for plan in plans:
            node = plan.node
            if isinstance(node, Container) and not isinstance(node, Repeat):
                self._apply_defaults(self._children(node), key)
                continue
            field_node = plan.field
            if field_node is None or field_node.default is None:
                continue
            if plan.default is not None:
                value = expression_answer(plan.default(Context(self, key, "", "")))
            else:
                value = field_node.default
            stored = answer_of(field_node, as_answer(field_node, value))
            if stored is not None:
                self.raw[(plan.name, key)] = stored
