"""The expression parser: trees, positions, and clear errors for every kind of bad input."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desa_app.core.instrument.expr import ExpressionError, parse, references, to_source
from desa_app.core.instrument.expr.ast import Binary, Call, Column, Expr, Filter, Ref, Unary


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("1 + 2 * 3", "1 + (2 * 3)"),
        ("(1 + 2) * 3", "(1 + 2) * 3"),
        ("${a} div 2 mod 3", "(${a} div 2) mod 3"),
        ("${a} = 1 or ${b} != 'x' and . > 3", "(${a} = 1) or ((${b} != 'x') and (. > 3))"),
        ("-${a} + 1", "(-${a}) + 1"),
        ("1 - (2 - 3)", "1 - (2 - 3)"),
        ("-(1 + 2)", "-(1 + 2)"),
        ("not(${a} = '')", "not(${a} = '')"),
        ("count(${nik}[. = current()]) <= 1", "count(${nik}[. = current()]) <= 1"),
        ("selected(${x}, \"it's\")", "selected(${x}, \"it's\")"),
        ("jr:choice-name(${a}, '${a}')", "jr:choice-name(${a}, '${a}')"),
        (".5 + 10.25", "0.5 + 10.25"),
        ("count-selected(.)>=2", "count-selected(.) >= 2"),
    ],
)
def test_parses_to_expected_tree(source: str, expected: str) -> None:
    assert shape(parse(source)) == expected
    assert shape(parse(to_source(parse(source)))) == expected  # minimal parens keep the tree


def shape(tree: Expr) -> str:
    """Fully parenthesised rendering that shows how the parser grouped things."""
    if isinstance(tree, Binary):
        parts = [shape(tree.left), shape(tree.right)]
        parts = [f"({p})" if isinstance(c, Binary | Unary) else p
                 for p, c in zip(parts, (tree.left, tree.right), strict=True)]
        return f"{parts[0]} {tree.op} {parts[1]}"
    if isinstance(tree, Unary):
        inner = shape(tree.operand)
        return f"-({inner})" if isinstance(tree.operand, Binary | Unary) else f"-{inner}"
    if isinstance(tree, Call):
        return f"{tree.name}({', '.join(shape(a) for a in tree.args)})"
    if isinstance(tree, Filter):
        return f"{shape(tree.base)}[{shape(tree.predicate)}]"
    return to_source(tree)


def test_word_operators_need_an_operand_before_them() -> None:
    tree = parse("${a} and ${b}")
    assert isinstance(tree, Binary) and tree.op == "and"
    with pytest.raises(ExpressionError, match="Operator 'and'"):
        parse("and 1")


def test_positions_point_into_the_source() -> None:
    tree = parse("1 + count(${x}[. > 2])")
    assert isinstance(tree, Binary) and tree.pos == 2
    call = tree.right
    assert isinstance(call, Call) and call.pos == 4
    assert isinstance(call.args[0], Filter) and call.args[0].pos == 14
    assert isinstance(call.args[0].base, Ref) and call.args[0].base.pos == 10


def test_references_lists_each_question_once_in_order() -> None:
    assert references(parse("${b} + ${a} + sum(${b}) + ${c}[${a} = 1]")) == ["b", "a", "c"]


def test_bare_names_only_in_choice_filters() -> None:
    with pytest.raises(ExpressionError, match=r"\$\{kab\}"):
        parse("kab = ${x}")
    tree = parse("kab = ${x}", allow_columns=True)
    assert isinstance(tree, Binary) and isinstance(tree.left, Column)


@pytest.mark.parametrize(
    ("source", "message", "column"),
    [
        ("", "Ekspresi kosong", 1),
        ("1 +", "Diharapkan nilai", 4),
        ("${a", "Rujukan harus berbentuk", 1),
        ("${a.b}", "Rujukan harus berbentuk", 1),
        ("'abc", "Tanda kutip tidak ditutup", 1),
        ("1 2", "Sisa teks", 3),
        ("foo(1,", "Diharapkan nilai", 7),
        ("(1 + 2", "Diharapkan ')'", 7),
        ("../x", "'..' tidak didukung", 1),
        ("1 # 2", "Karakter tidak dikenal", 3),
        ("${a}[1", "Diharapkan ']'", 7),
    ],
)
def test_errors_say_what_and_where(source: str, message: str, column: int) -> None:
    with pytest.raises(ExpressionError) as info:
        parse(source)
    assert message in info.value.message
    assert info.value.pos + 1 == column
    assert f"kolom {column}" in str(info.value)


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    with pytest.raises(ExpressionError, match="terlalu dalam"):
        parse("(" * 500 + "1" + ")" * 500)
    with pytest.raises(ExpressionError, match="terlalu dalam"):
        parse("-" * 500 + "1")


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_text_raises_only_expression_error(source: str) -> None:
    with contextlib.suppress(ExpressionError):
        parse(source)


ALPHABET = [*list("${}()[].,'\"=!<>+-*/ 0123456789abxyz_"), "and", "or", "div", "mod", "${a}"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=25).map("".join))
def test_expression_like_text_raises_only_expression_error(source: str) -> None:
    try:
        tree = parse(source)
    except ExpressionError:
        return
    # whatever parses must print back to text that parses to the same tree
    assert _strip_pos(parse(to_source(tree))) == _strip_pos(tree)


def _strip_pos(tree: Expr) -> str:
    return shape(tree)
