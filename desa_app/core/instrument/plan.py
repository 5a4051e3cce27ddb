"""The evaluation plan of an instrument: compiled rules in dependency order.

Built once per instrument by the binder. It answers the two questions incremental
recomputation needs: in which order must questions be computed (``order``), and when
question T changes in instance ``k``, which other questions must be recomputed, and in
which of their instances (``value_dependents`` / ``check_dependents`` with the length of
the key prefix they share with T).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desa_app.core.instrument.expr import Getter
from desa_app.core.instrument.model import Check, Field, FieldType, Node, Repeat


@dataclass(eq=False)
class CompiledCheck:
    getter: Getter
    check: Check


@dataclass(eq=False)
class NodePlan:
    node: Node
    name: str
    depth: int  # length of the instance key of this node
    parent: NodePlan | None  # enclosing container (None at top level)
    index: int = 0  # position in the dependency order
    relevant: Getter | None = None
    calculation: Getter | None = None
    constraint: Getter | None = None
    required: Getter | None = None
    checks: list[CompiledCheck] = field(default_factory=list)
    check_depth: int = 0  # key length at which checks are evaluated
    repeat_count: Getter | None = None
    default: Getter | None = None
    choice_filter: Getter | None = None
    value_dependents: list[tuple[NodePlan, int]] = field(default_factory=list)
    check_dependents: list[tuple[NodePlan, int]] = field(default_factory=list)
    repeat: Repeat | None = None  # innermost enclosing repeat (itself for a repeat)

    def __post_init__(self) -> None:
        # Plain attributes, not properties: these are read for every cell of every record.
        self.field: Field | None = self.node if isinstance(self.node, Field) else None
        self.field_type: FieldType | None = self.field.type if self.field else None
        self.is_repeat = isinstance(self.node, Repeat)

    @property
    def has_rules(self) -> bool:
        return bool(
            self.constraint or self.required or self.checks or self.repeat_count
            or self.field is not None
        )

    @property
    def checked_when_empty(self) -> bool:
        """Whether an unanswered cell can have an issue (required, or a group rule)."""
        if self.field is not None:
            return self.required is not None
        return bool(self.checks or self.repeat_count)


@dataclass
class Plan:
    order: list[NodePlan]
    by_name: dict[str, NodePlan]
    top_level: list[NodePlan]  # nodes directly under the root, in document order

    def __post_init__(self) -> None:
        self.issue_order = {
            plan.name: plan.node.line * 10_000 + i for i, plan in enumerate(self.order)
        }
        """Sort key of issues: questionnaire order (line), then dependency order."""

    def __getitem__(self, name: str) -> NodePlan:
        return self.by_name[name]
