"""Our expressions rewritten as the XPath that ODK Collect and Enketo evaluate.

Most of the language is XLSForm already and passes through unchanged. What differs:

- A repeated question used as a node-set is written as an absolute path, because
  pyxform would turn ``${x}`` inside the same repeat into the sibling ``../x``.
- Inside a filter ``${x}[...]``, references are paths relative to each item (``../jk``).
- Our extension functions become plain XPath: ``age()`` arithmetic on days, the NIK
  checks as regular expressions (ODK has no region list, so the prefix check is only a
  shape check there), wilayah lookups and ``village()`` as ``pulldata()`` from CSV
  attachments written next to the form.
"""

from __future__ import annotations

from desa_app.core.instrument.expr.ast import (
    PRECEDENCE,
    UNARY_PRECEDENCE,
    Binary,
    Call,
    Column,
    Dot,
    Expr,
    Filter,
    Number,
    Ref,
    String,
    Unary,
    to_source,
    wrap,
)
from desa_app.core.instrument.expr.functions import FUNCTIONS
from desa_app.core.instrument.model import Instrument, Node

ROOT = "data"  # pyxform's default name of the instance root

_NIK_DAY = "(0[1-9]|[12][0-9]|3[01]|4[1-9]|[56][0-9]|7[01])"
_KK_DAY = "(0[1-9]|[12][0-9]|3[01])"
_MONTH = "(0[1-9]|1[0-2])"
_UPPER = "'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"
_LOWER = "'abcdefghijklmnopqrstuvwxyz'"

PULLDATA_FILES = {"wilayah-exists": "wilayah", "wilayah-name": "wilayah", "village": "village"}


def absolute_path(node: Node) -> str:
    names = [ancestor.name for ancestor in node.ancestors() if ancestor.parent is not None]
    return "/" + "/".join([ROOT, *reversed(names), node.name])


def _path_names(node: Node) -> list[str]:
    names = [a.name for a in node.ancestors() if a.parent is not None]
    return [*reversed(names), node.name]


def relative_path(from_item: Node, target: Node) -> str:
    """Path from a node-set item (the filter's context node) to a question."""
    start, goal = _path_names(from_item), _path_names(target)
    common = 0
    while common < min(len(start), len(goal)) - 1 and start[common] == goal[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + goal[common:])


class _Translator:
    def __init__(self, instrument: Instrument) -> None:
        self.instrument = instrument
        self.used_files: set[str] = set()

    def expr(self, node: Expr, item: Node | None = None, nodeset: bool = False) -> str:
        if isinstance(node, Number | String | Dot | Column):
            return to_source(node)
        if isinstance(node, Ref):
            return self.ref(node, item, nodeset)
        if isinstance(node, Filter):
            assert isinstance(node.base, Ref)
            base_node = self.instrument.nodes[node.base.name]
            base = self.ref(node.base, item, nodeset=True)
            return f"{base}[{self.expr(node.predicate, base_node)}]"
        if isinstance(node, Unary):
            operand = self.expr(node.operand, item)
            return f"-{wrap(node.operand, operand, UNARY_PRECEDENCE, False)}"
        if isinstance(node, Binary):
            level = PRECEDENCE[node.op]
            left = wrap(node.left, self.expr(node.left, item), level, False)
            right = wrap(node.right, self.expr(node.right, item), level, True)
            return f"{left} {node.op} {right}"
        if isinstance(node, Call):
            return self.call(node, item)
        raise TypeError(type(node).__name__)

    def ref(self, ref: Ref, item: Node | None, nodeset: bool) -> str:
        target = self.instrument.nodes[ref.name]
        if item is not None and target.repeats and not nodeset:
            return relative_path(item, target)
        if nodeset and target.repeats:
            # Absolute: right for one level of repeats (the DDK). Inside nested repeats our
            # engine scopes the node-set to the enclosing instance; ODK would see them all.
            return absolute_path(target)
        return "${" + ref.name + "}"

    def call(self, call: Call, item: Node | None) -> str:
        function = FUNCTIONS[call.name]
        args = [
            self.expr(arg, item, nodeset=function.takes_nodeset(i))
            for i, arg in enumerate(call.args)
        ]
        name = call.name
        if name == "age":
            on = f"decimal-date-time({args[1]})" if len(args) > 1 else "decimal-date-time(today())"
            return f"int(({on} - decimal-date-time({args[0]})) div 365.25)"
        if name == "position":
            return "position(..)"
        if name == "upper-case":
            return f"translate({args[0]}, {_LOWER}, {_UPPER})"
        if name == "lower-case":
            return f"translate({args[0]}, {_UPPER}, {_LOWER})"
        if name in PULLDATA_FILES:
            self.used_files.add(PULLDATA_FILES[name])
        if name == "village":
            return f"pulldata('village', 'value', 'key', {args[0]})"
        if name == "wilayah-name":
            return f"pulldata('wilayah', 'nama', 'kode', {args[0]})"
        if name == "wilayah-exists":
            return f"pulldata('wilayah', 'kode', 'kode', {args[0]}) != ''"
        if name == "wilayah-parent":
            a = args[0]
            return f"if(string-length({a}) = 13, substr({a}, 0, 8), " \
                f"substr({a}, 0, string-length({a}) - 3))"
        nik = args[0] if args else ""
        if name in ("nik-valid", "kk-valid"):
            day = _NIK_DAY if name == "nik-valid" else _KK_DAY
            return (f"regex({nik}, '^[1-9][0-9]{{5}}{day}{_MONTH}[0-9]{{2}}[0-9]{{4}}$')"
                    f" and substr({nik}, 12, 16) != '0000'")
        if name == "nik-region-known":
            return f"regex({nik}, '^[1-9][0-9]{{5}}')"
        if name == "nik-date-valid":
            return f"regex({nik}, '^[0-9]{{6}}{_NIK_DAY}{_MONTH}[0-9]{{6}}$')"
        if name == "nik-sex":
            return f"if(number(substr({nik}, 6, 8)) > 40, '2', '1')"
        if name == "nik-matches-sex":
            sex = args[1]
            return f"({sex} = '' or if(number(substr({nik}, 6, 8)) > 40, '2', '1') = {sex})"
        if name == "nik-matches-birthdate":
            born = args[1]
            return f"({born} = '' or substr({nik}, 8, 12) = format-date({born}, '%m%y'))"
        return f"{name}({', '.join(args)})"


class XPathWriter:
    """Translates expressions of one instrument; remembers which CSV files they need."""

    def __init__(self, instrument: Instrument) -> None:
        self._translator = _Translator(instrument)

    @property
    def used_files(self) -> set[str]:
        return self._translator.used_files

    def translate(self, tree: Expr, source: str | None = None) -> str:
        """ODK text of an expression; the author's own text when nothing had to change."""
        translated = self._translator.expr(tree)
        if source is not None and translated == to_source(tree):
            return source
        return translated
