"""Resolve every ``${reference}``, compile every expression and order the questions.

Reference rules (the ones XLSForm authors expect):

- ``${x}`` outside a node-set position means one value: x itself if it is at the top
  level or in a repeat that encloses the expression; inside a repeat, the sibling in the
  same instance. A repeated question referenced from outside its repeat must be
  wrapped in ``count()``, ``sum()``, ``max()`` ..., which is a definition error otherwise.
- In a node-set position (``count(${x})``, ``sum(${x})``, ``${x}[...]``) ``${x}`` means x in
  every instance of its repeat.
- Inside a filter ``${x}[pred]``, ``.`` is each item and ``${y}`` is y in that item's
  instance; ``current()`` is the question the rule belongs to.
"""

from __future__ import annotations

import heapq
from collections import defaultdict

from desa_app.core.instrument.errors import ProblemList
from desa_app.core.instrument.expr import ExpressionError, Getter, Ref, compile_expr
from desa_app.core.instrument.expr.values import Item, NodeSet
from desa_app.core.instrument.model import (
    Container,
    Expression,
    Field,
    FieldType,
    Instrument,
    Node,
    Repeat,
)
from desa_app.core.instrument.plan import CompiledCheck, NodePlan, Plan

Dependency = tuple[str, int]  # (question name, shared key prefix length)


class _Resolver:
    def __init__(
        self, instrument: Instrument, home: Node, deps: list[Dependency], cap: int
    ) -> None:
        self.instrument = instrument
        self.home = home
        self.deps = deps
        self.cap = cap

    def target(self, ref: Ref, source: str) -> Node:
        node = self.instrument.nodes.get(ref.name)
        if node is None:
            raise ExpressionError(f"isian ${{{ref.name}}} tidak ada", source, ref.pos)
        if isinstance(node, Container) and not isinstance(node, Repeat):
            raise ExpressionError(f"grup ${{{ref.name}}} tidak dapat dirujuk", source, ref.pos)
        return node

    def shares(self, node: Node, length: int) -> bool:
        home_chain = self.home.repeats
        node_chain = node.repeats
        return len(home_chain) >= length and all(
            a is b for a, b in zip(home_chain[:length], node_chain[:length], strict=False)
        )

    def single(self, ref: Ref, source: str) -> Getter:
        node = self.target(ref, source)
        if isinstance(node, Repeat):
            raise ExpressionError(
                f"pengulangan ${{{ref.name}}} hanya dapat dihitung: count(${{{ref.name}}})",
                source, ref.pos,
            )
        depth = node.depth
        if not self.shares(node, depth):
            outer = node.repeats[-1].name
            raise ExpressionError(
                f"${{{ref.name}}} ada di dalam pengulangan '{outer}'; di sini gunakan "
                f"count(), sum(), max() atau ${{{ref.name}}}[...]",
                source, ref.pos,
            )
        self.deps.append((node.name, min(depth, self.cap)))
        name = node.name
        if depth == 0:
            key: tuple[int, ...] = ()
            return lambda ctx: ctx.state.values.get((name, key), "")
        return lambda ctx: ctx.state.values.get((name, ctx.key[:depth]), "")

    def scope_length(self, node: Node) -> int:
        """How many enclosing instances a node-set shares with the expression's place.

        ``sum(${umur})`` inside a household sums that household's members; at the top it
        sums everybody's: the node-set spans every instance below the shared repeats.
        """
        home_chain, node_chain = self.home.repeats, node.repeats
        shared = 0
        while (shared < min(len(home_chain), len(node_chain))
               and home_chain[shared] is node_chain[shared]):
            shared += 1
        innermost = node_chain[-1].depth - 1 if node_chain else 0
        return min(shared, innermost)

    def nodeset(self, ref: Ref, source: str) -> Getter:
        node = self.target(ref, source)
        length = self.scope_length(node)
        self.deps.append((node.name, min(length, self.cap)))
        name = node.name
        if not node.repeats:
            key: tuple[int, ...] = ()
            return lambda ctx: NodeSet([Item(ctx.state.values.get((name, key), ""), key)])
        return lambda ctx: ctx.state.nodeset(name, ctx.key[:length])

    def for_items_of(self, ref: Ref, source: str) -> _Resolver:
        node = self.target(ref, source)
        length = self.scope_length(node)
        return _Resolver(self.instrument, node, self.deps, min(self.cap, length))


class _Binder:
    def __init__(self, instrument: Instrument, problems: ProblemList) -> None:
        self.instrument = instrument
        self.problems = problems
        self.plans: dict[str, NodePlan] = {}

    def compile(
        self, expr: Expression | None, home: Node, owner: Node, deps: list[Dependency]
    ) -> Getter | None:
        if expr is None:
            return None
        own: list[Dependency] = []
        resolver = _Resolver(self.instrument, home, own, home.depth)
        try:
            getter = compile_expr(expr.tree, expr.source, resolver)
        except ExpressionError as exc:
            self.problems.add(expr.line, owner.name, f"{expr.key}: {exc}")
            return None
        expr.getter = getter
        expr.dependencies = tuple(dict.fromkeys(name for name, _ in own))
        deps.extend(own)
        return getter

    def bind(self) -> Plan:
        value_deps: dict[str, list[Dependency]] = {}
        check_deps: dict[str, list[Dependency]] = {}
        for node in self.instrument.order:
            parent = node.parent
            parent_plan = self.plans.get(parent.name) if parent is not None else None
            plan = NodePlan(node, node.name, node.depth, parent_plan)
            plan.repeat = node.repeats[-1] if node.repeats else None
            self.plans[node.name] = plan
            values: list[Dependency] = []
            checks: list[Dependency] = []
            plan.relevant = self.compile(node.relevant, node, node, values)
            # Checks of a repeat speak about all its instances: they live one level up.
            check_home: Node = node
            if isinstance(node, Repeat):
                check_home = node.parent if node.parent is not None else node
                plan.repeat_count = self.compile(node.repeat_count, check_home, node, checks)
            plan.check_depth = check_home.depth
            for check in node.checks:
                getter = self.compile(check.rule, check_home, node, checks)
                if getter is not None:
                    plan.checks.append(CompiledCheck(getter, check))
            if isinstance(node, Field):
                self.bind_field(node, plan, values, checks)
            value_deps[node.name] = values
            check_deps[node.name] = checks
        self.link(value_deps, check_deps)
        order = self.topological_order(value_deps)
        for index, plan in enumerate(order):
            plan.index = index
        top = [self.plans[n.name] for n in self.instrument.root.children]
        return Plan(order, self.plans, top)

    def bind_field(
        self, node: Field, plan: NodePlan, values: list[Dependency], checks: list[Dependency]
    ) -> None:
        plan.calculation = self.compile(node.calculation, node, node, values)
        plan.constraint = self.compile(node.constraint, node, node, checks)
        plan.required = self.compile(node.required, node, node, checks)
        plan.choice_filter = self.compile(node.choice_filter, node, node, [])
        plan.default = self.compile(node.default_expr, node, node, [])
        if node.default is not None and node.default_expr is None:
            choices = self.instrument.choices_of(node)
            if node.type is FieldType.SELECT_ONE and choices and node.default not in (
                choices.by_name
            ):
                self.problems.add(
                    node.line, node.name, f"default '{node.default}' tidak ada di daftar pilihan"
                )

    def link(
        self, value_deps: dict[str, list[Dependency]], check_deps: dict[str, list[Dependency]]
    ) -> None:
        for name, deps in value_deps.items():
            dependent = self.plans[name]
            for target, prefix in dict.fromkeys(deps):
                self.plans[target].value_dependents.append((dependent, prefix))
            if dependent.parent is not None:
                dependent.parent.value_dependents.append((dependent, dependent.parent.depth))
        for name, deps in check_deps.items():
            dependent = self.plans[name]
            for target, prefix in dict.fromkeys(deps):
                self.plans[target].check_dependents.append(
                    (dependent, min(prefix, dependent.check_depth))
                )

    def topological_order(self, value_deps: dict[str, list[Dependency]]) -> list[NodePlan]:
        """Kahn's algorithm, keeping questionnaire order among independent questions."""
        position = {node.name: i for i, node in enumerate(self.instrument.order)}
        incoming: dict[str, int] = defaultdict(int)
        for plan in self.plans.values():
            for dependent, _ in plan.value_dependents:
                incoming[dependent.name] += 1
        ready = [(position[name], name) for name in self.plans if incoming[name] == 0]
        heapq.heapify(ready)
        order: list[NodePlan] = []
        while ready:
            _, name = heapq.heappop(ready)
            plan = self.plans[name]
            order.append(plan)
            for dependent, _ in plan.value_dependents:
                incoming[dependent.name] -= 1
                if incoming[dependent.name] == 0:
                    heapq.heappush(ready, (position[dependent.name], dependent.name))
        if len(order) < len(self.plans):
            stuck = [n for n in self.plans if incoming[n] > 0]
            for name in stuck:
                node = self.plans[name].node
                reads = ", ".join(
                    sorted({d for d, _ in value_deps[name] if incoming[d] > 0}) or ["grupnya"]
                )
                message = f"ketergantungan melingkar (relevant/calculation) lewat {reads}"
                self.problems.add(node.line, name, message)
        return order


def bind(instrument: Instrument, problems: ProblemList) -> None:
    """Compile the instrument's expressions and attach its evaluation plan."""
    binder = _Binder(instrument, problems)
    plan = binder.bind()
    instrument.plan = plan
