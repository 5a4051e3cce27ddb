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

    @property
    def field(self) -> Field | None:
        return self.node if isinstance(self.node, Field) else None

    @property
    def field_type(self) -> FieldType | None:
        return self.node.type if isinstance(self.node, Field) else None

    @property
    def is_repeat(self) -> bool:
        return isinstance(self.node, Repeat)

    @property
    def has_rules(self) -> bool:
        return bool(
            self.constraint or self.required or self.checks or self.repeat_count
            or isinstance(self.node, Field)
        )


@dataclass
class Plan:
    order: list[NodePlan]
    by_name: dict[str, NodePlan]
    top_level: list[NodePlan]  # nodes directly under the root, in document order

    def __getitem__(self, name: str) -> NodePlan:
        return self.by_name[name]
