"""The questionnaire model: an instrument is a tree of groups, repeats and questions.

The model is pure data built by the loader; compiled expressions are attached by the
binder (:mod:`desa_app.core.instrument.binder`) so that evaluating a record never parses
anything. Question names are unique across the whole instrument (as in XLSForm), which is
what lets ``${name}`` be resolved without paths.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any

from desa_app.core.instrument.expr import Expr, Getter
from desa_app.core.instrument.prefill_spec import Condition, FigureSpec

DEFAULT_LANGUAGE = ""
"""Key of the default-language text (``label``) in a :class:`Text` mapping."""


class FieldType(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    SELECT_ONE = "select_one"
    SELECT_MULTIPLE = "select_multiple"
    NOTE = "note"
    CALCULATE = "calculate"


class Severity(StrEnum):
    ERROR = "error"  # blocks submission
    WARNING = "warning"  # shown to the verifier, does not block


@dataclass(frozen=True)
class Text:
    """A text in several languages; falls back to the default language."""

    values: Mapping[str, str] = field(default_factory=dict)

    def get(self, language: str = DEFAULT_LANGUAGE) -> str:
        return self.values.get(language) or self.values.get(DEFAULT_LANGUAGE, "")

    def __bool__(self) -> bool:
        return any(self.values.values())

    def __str__(self) -> str:
        return self.get()


@dataclass
class Expression:
    """One expression of a definition: its text, tree, location and compiled form."""

    source: str
    tree: Expr
    line: int
    key: str  # which definition key it came from (relevant, constraint ...)
    getter: Getter | None = None  # set by the binder
    dependencies: tuple[str, ...] = ()  # question names it reads (set by the binder)


NUMERIC = frozenset({FieldType.INTEGER, FieldType.DECIMAL})


@dataclass
class Check:
    """A rule attached to a question or a repeat; fails when ``rule`` is false."""

    rule: Expression
    message: Text
    severity: Severity = Severity.ERROR


@dataclass(frozen=True)
class Choice:
    name: str
    label: Text
    extra: Mapping[str, Any] = field(default_factory=dict)  # prodeskel code, unit ...
    line: int = 0
    ddk: tuple[Condition, ...] = ()
    """Village forms: the DDK conditions of this row of a table (``ddk`` key)."""


@dataclass
class ChoiceList:
    name: str
    choices: tuple[Choice, ...]
    line: int = 0

    def __post_init__(self) -> None:
        self.by_name: dict[str, Choice] = {c.name: c for c in self.choices}

    def label(self, name: str, language: str = DEFAULT_LANGUAGE) -> str:
        choice = self.by_name.get(name)
        return choice.label.get(language) if choice else name


@dataclass(eq=False)
class Node:
    name: str
    label: Text = field(default_factory=Text)
    hint: Text = field(default_factory=Text)
    relevant: Expression | None = None
    appearance: str = ""
    line: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    """Non-XLSForm facts: ``no`` (item number on paper), ``prodeskel`` (website field)."""
    parent: Container | None = field(default=None, repr=False)
    checks: list[Check] = field(default_factory=list)
    spec: Mapping[str, Any] = field(default_factory=dict, repr=False)
    """The definition item as written (empty for generated cells): lets the XLSForm
    bridge and the codebook reproduce exactly what the author wrote."""

    @property
    def number(self) -> str:
        """The item number printed on the paper form (``1.7``, ``2.1.5``), if any."""
        return str(self.extra.get("no", ""))

    @cached_property
    def repeats(self) -> tuple[Repeat, ...]:
        """Enclosing repeats, outermost first (including this node if it is a repeat).

        Cached: the tree does not change once the loader has built it."""
        chain: list[Repeat] = []
        node: Node | None = self
        while node is not None:
            if isinstance(node, Repeat):
                chain.append(node)
            node = node.parent
        return tuple(reversed(chain))

    @cached_property
    def depth(self) -> int:
        """Number of repeat indices needed to address one instance of this node."""
        return len(self.repeats)

    def ancestors(self) -> Iterator[Container]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


@dataclass(eq=False)
class Field(Node):
    type: FieldType = FieldType.TEXT
    list_name: str | None = None
    required: Expression | None = None
    required_message: Text = field(default_factory=Text)
    constraint: Expression | None = None
    constraint_message: Text = field(default_factory=Text)
    calculation: Expression | None = None
    choice_filter: Expression | None = None
    default: str | None = None
    default_expr: Expression | None = None  # when the default is an expression
    read_only: bool = False
    from_ddk: FigureSpec | None = None
    """Village forms: how this figure is counted from verified DDK households."""

    @property
    def has_value(self) -> bool:
        return self.type is not FieldType.NOTE

    @property
    def is_computed(self) -> bool:
        return self.calculation is not None


@dataclass(eq=False)
class Container(Node):
    children: list[Node] = field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        """Every node below this one, in questionnaire order (depth first)."""
        for child in self.children:
            yield child
            if isinstance(child, Container):
                yield from child.walk()

    def fields(self) -> Iterator[Field]:
        return (node for node in self.walk() if isinstance(node, Field))


@dataclass(eq=False)
class Group(Container):
    pass


@dataclass(eq=False)
class Repeat(Container):
    repeat_count: Expression | None = None


@dataclass(frozen=True)
class MatrixColumn:
    """One column of a grid item: what is asked for every row (option) of the list."""

    name: str
    label: Text
    type: FieldType
    list_name: str | None = None
    spec: Mapping[str, Any] = field(default_factory=dict)  # the column's own keys


@dataclass(eq=False)
class Matrix(Group):
    """A "how many per option" item or a grid, expanded into ordinary questions.

    ``cells[(row, column)]`` names the generated question of each cell (column ``""``
    for a count-per-option item). Write-in rows (``lain1`` ...) come after the listed
    options and have a ``*_nama`` text question for the written name.
    """

    kind: str = "count_per_option"  # or "grid"
    list_name: str = ""
    columns: tuple[MatrixColumn, ...] = ()
    rows: tuple[str, ...] = ()
    other_rows: int = 0
    cells: dict[tuple[str, str], str] = field(default_factory=dict)
    row_names: dict[str, str] = field(default_factory=dict)  # write-in row -> name question


@dataclass(eq=False)
class Instrument:
    id: str
    version: str
    title: Text
    root: Group
    choice_lists: dict[str, ChoiceList]
    languages: tuple[str, ...] = ()
    kind: str = "household"
    source: str = ""
    settings: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.nodes: dict[str, Node] = {node.name: node for node in self.root.walk()}
        self.order: list[Node] = list(self.root.walk())
        self.plan: Any = None  # the evaluation plan, built by the binder

    def node(self, name: str) -> Node:
        return self.nodes[name]

    def field(self, name: str) -> Field:
        node = self.nodes[name]
        if not isinstance(node, Field):
            raise KeyError(name)
        return node

    def fields(self) -> Iterator[Field]:
        return self.root.fields()

    def choices_of(self, field: Field) -> ChoiceList | None:
        return self.choice_lists.get(field.list_name) if field.list_name else None
