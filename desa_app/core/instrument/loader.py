"""Strict loader: YAML (or an XLSForm read into the same shape) -> :class:`Instrument`.

Modelled on qutebrowser's ``configdata.yml`` loader: every key is known, every choice
list exists, every ``${reference}`` points at a question, and every problem is reported
with file, line and question name, all at once. A definition that loads is safe to fill.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from desa_app.core.instrument import keys as K
from desa_app.core.instrument.errors import FormDefinitionError, ProblemList
from desa_app.core.instrument.loader_settings import (
    check_index_settings,
    check_rekap,
    check_village_settings,
)
from desa_app.core.instrument.loader_values import ValueReader, line_of, scalar_text, truthy
from desa_app.core.instrument.matrix import expand_matrix, other_row_fields
from desa_app.core.instrument.model import (
    DEFAULT_LANGUAGE,
    NUMERIC,
    Choice,
    ChoiceList,
    Container,
    Field,
    FieldType,
    Group,
    Instrument,
    Node,
    Repeat,
    Text,
)
from desa_app.core.instrument.prefill_spec import Condition, SpecError, parse_where
from desa_app.core.instrument.yaml_lines import LineDict, YamlSyntaxError, load_yaml

NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
CHOICE_NAME_RE = re.compile(r"^[A-Za-z0-9_\-.]+$")


def load_instrument(path: str | Path) -> Instrument:
    """Read and check a YAML definition; raises FormDefinitionError listing all problems."""
    path = Path(path)
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FormDefinitionError(
            [_problem(source, 0, f"berkas tidak dapat dibaca: {exc.strerror or exc}")]
        ) from exc
    except UnicodeDecodeError as exc:
        raise FormDefinitionError([_problem(source, 0, "berkas bukan teks UTF-8")]) from exc
    return load_instrument_text(text, source)


def load_instrument_text(text: str, source: str = "<teks>") -> Instrument:
    try:
        data = load_yaml(text)
    except YamlSyntaxError as exc:
        raise FormDefinitionError([_problem(source, exc.line, str(exc))]) from exc
    return build_instrument(data, source)


def build_instrument(data: Any, source: str) -> Instrument:
    """Build and bind an instrument from already-parsed mappings (YAML or XLSForm)."""
    from desa_app.core.instrument.binder import bind

    problems = ProblemList(source)
    instrument = _Builder(problems).build(data)
    if instrument is not None:
        # Bind even after structural problems so one run reports reference errors too.
        bind(instrument, problems)
    problems.raise_if_any()
    assert instrument is not None
    return instrument


def _problem(source: str, line: int, message: str) -> Any:
    from desa_app.core.instrument.errors import DefinitionProblem

    return DefinitionProblem(source, line, "", message)


class _Builder(ValueReader):
    def __init__(self, problems: ProblemList) -> None:
        super().__init__(problems)
        self.choice_columns: frozenset[str] = K.CHOICE_KEYS

    # -- entry -----------------------------------------------------------------------
    def build(self, data: Any) -> Instrument | None:
        if not isinstance(data, Mapping):
            self.problems.add(line_of(data), "", "definisi harus berupa pemetaan (mapping)")
            return None
        self.unknown_keys(data, K.TOP_LEVEL_KEYS, "")
        for required in ("settings", "survey"):
            if required not in data:
                self.problems.add(line_of(data), "", f"bagian '{required}' tidak ada")
        settings = self.settings(data.get("settings") or {})
        self.choices(data.get("choices") or {})
        root = Group(name="__root__", line=line_of(data))
        survey = data.get("survey") or []
        if not isinstance(survey, list):
            self.problems.add(line_of(data, "survey"), "", "'survey' harus berupa daftar")
            survey = []
        self.fill_container(root, self.nest(survey))
        title = self.text(settings, "form_title") or Text({DEFAULT_LANGUAGE: settings.get(
            "form_id", "")})
        instrument = Instrument(
            id=str(settings.get("form_id", "")),
            version=str(settings.get("version", "")),
            title=title,
            root=root,
            choice_lists=self.choice_lists,
            languages=(self.default_language, *self.languages),
            kind=str(settings.get("kind", "household")),
            source=self.problems.source,
            settings=dict(settings),
        )
        self.check_unique_names(root)
        check_index_settings(instrument, self.problems)
        check_rekap(instrument, self.problems)
        check_village_settings(instrument, self.problems)
        return instrument

    # -- settings and choices --------------------------------------------------------
    def settings(self, settings: Any) -> Mapping[str, Any]:
        if not isinstance(settings, Mapping):
            self.problems.add(line_of(settings), "", "'settings' harus berupa pemetaan")
            return {}
        self.unknown_keys(settings, K.SETTINGS_KEYS, "", translatable=("form_title",))
        for required in ("form_id", "version"):
            if not str(settings.get(required, "")).strip():
                self.problems.add(line_of(settings), "", f"settings.{required} wajib diisi")
        form_id = str(settings.get("form_id", ""))
        if form_id and not NAME_RE.match(form_id):
            self.problems.add(line_of(settings, "form_id"), "", f"form_id '{form_id}' tidak sah")
        if settings.get("kind", "household") not in ("household", "village"):
            self.problems.add(
                line_of(settings, "kind"), "", "settings.kind harus 'household' atau 'village'"
            )
        self.default_language = str(settings.get("default_language") or "Indonesia")
        extra_columns = settings.get("choice_columns") or []
        if not isinstance(extra_columns, list):
            self.problems.add(line_of(settings, "choice_columns"), "", "harus berupa daftar")
            extra_columns = []
        self.choice_columns = K.CHOICE_KEYS | {str(c) for c in extra_columns}
        return settings

    def choices(self, choices: Any) -> None:
        if not isinstance(choices, Mapping):
            self.problems.add(line_of(choices), "", "'choices' harus berupa pemetaan")
            return
        for list_name, items in choices.items():
            line = line_of(choices, list_name)
            if not NAME_RE.match(str(list_name)):
                self.problems.add(line, "", f"nama daftar pilihan '{list_name}' tidak sah")
            if not isinstance(items, list) or not items:
                message = f"daftar pilihan '{list_name}' kosong atau bukan daftar"
                self.problems.add(line, "", message)
                continue
            built: list[Choice] = []
            seen: set[str] = set()
            for item in items:
                choice = self.choice(list_name, item)
                if choice is None:
                    continue
                if choice.name in seen:
                    self.problems.add(
                        choice.line, "", f"pilihan '{choice.name}' ganda di daftar '{list_name}'"
                    )
                seen.add(choice.name)
                built.append(choice)
            self.choice_lists[str(list_name)] = ChoiceList(str(list_name), tuple(built), line)

    def choice(self, list_name: str, item: Any) -> Choice | None:
        if not isinstance(item, Mapping):
            self.problems.add(line_of(item), "", f"pilihan di '{list_name}' harus berupa pemetaan")
            return None
        line = line_of(item)
        self.unknown_keys(item, self.choice_columns, "", translatable=("label",))
        name = scalar_text(item.get("name"))
        if not name or not CHOICE_NAME_RE.match(name):
            self.problems.add(line, "", f"pilihan di '{list_name}' tanpa 'name' yang sah: {name!r}")
            return None
        label = self.text(item, "label")
        if not label:
            self.problems.add(line, "", f"pilihan '{name}' di '{list_name}' tanpa label")
        extra = {k: v for k, v in item.items() if k not in ("name",) and not k.startswith("label")}
        if "prodeskel" in extra:
            extra["prodeskel"] = scalar_text(extra["prodeskel"])
        ddk: tuple[Condition, ...] = ()
        if "ddk" in item:
            try:
                ddk = parse_where(item["ddk"])
            except SpecError as error:
                self.problems.add(line_of(item, "ddk"), "", f"pilihan '{name}' di "
                                  f"'{list_name}': ddk: {error}")
        return Choice(name, label, extra, line, ddk)

    # -- survey structure ------------------------------------------------------------
    def nest(self, items: Iterable[Any]) -> list[Any]:
        """Turn flat begin/end pairs into nested ``children`` lists (both forms allowed)."""
        stack: list[tuple[Any, list[Any]]] = []
        top: list[Any] = []
        current = top
        for item in items:
            if not isinstance(item, Mapping):
                self.problems.add(line_of(item), "", "setiap baris survey harus berupa pemetaan")
                continue
            kind = self.type_word(item)
            if kind in ("begin_group", "begin_repeat") and "children" not in item:
                node = LineDict(item)
                node.line = line_of(item)
                node.key_lines = dict(getattr(item, "key_lines", {}))
                node["children"] = []
                current.append(node)
                stack.append((node, current))
                current = node["children"]
            elif kind in ("end_group", "end_repeat"):
                if not stack:
                    self.problems.add(line_of(item), "", f"'{kind}' tanpa pembukanya")
                    continue
                opener, parent = stack.pop()
                expected = "end_" + self.type_word(opener)[len("begin_"):]
                if kind != expected:
                    self.problems.add(
                        line_of(item), str(opener.get("name", "")),
                        f"'{kind}' menutup '{self.type_word(opener)}' baris {line_of(opener)}",
                    )
                current = parent
            else:
                current.append(item)
        for opener, _ in stack:
            self.problems.add(
                line_of(opener), str(opener.get("name", "")),
                f"'{self.type_word(opener)}' tidak pernah ditutup",
            )
        return top

    @staticmethod
    def type_word(item: Mapping[str, Any]) -> str:
        words = str(item.get("type", "")).split()
        if len(words) >= 2 and " ".join(words[:2]) in K.TYPE_ALIASES:
            return K.TYPE_ALIASES[" ".join(words[:2])]
        return K.TYPE_ALIASES.get(words[0], words[0]) if words else ""

    def fill_container(self, container: Container, items: list[Any]) -> None:
        for item in items:
            for node in self.node(item):
                node.parent = container
                container.children.append(node)

    def node(self, item: Any) -> list[Node]:
        """Build one survey item; a select with write-in rows yields several nodes."""
        line = line_of(item)
        name = scalar_text(item.get("name"))
        type_text = " ".join(str(item.get("type", "")).split())
        self.unknown_keys(item, K.FIELD_KEYS, name, translatable=K.TRANSLATABLE)
        if not type_text:
            self.problems.add(line, name, "'type' wajib diisi")
            return []
        if not name or not NAME_RE.match(name):
            self.problems.add(line, name, f"'name' tidak sah: {name!r} (huruf, angka, _)")
            return []
        kind = self.type_word(item)
        words = type_text.split()
        list_name = words[1] if len(words) == 2 and kind in K.LIST_TYPES else None
        valid_type = (
            (kind in K.BASE_TYPES and len(words) == 1)
            or (kind in ("begin_group", "begin_repeat"))
            or (kind in K.LIST_TYPES and list_name is not None)
        )
        if not valid_type:
            hint = ""
            if kind in K.LIST_TYPES:
                hint = f" (tulis '{kind} nama_daftar')"
            self.problems.add(line, name, f"tipe tidak dikenal: '{type_text}'{hint}")
            return []
        if list_name is not None and list_name not in self.choice_lists:
            hint = self.suggest(list_name, self.choice_lists)
            message = f"daftar pilihan tidak dikenal: '{list_name}'{hint}"
            self.problems.add(line_of(item, "type"), name, message)
            return []
        for key, allowed in K.ONLY_FOR.items():
            if key in item and kind not in allowed:
                message = f"'{key}' tidak berlaku untuk tipe {kind}"
                self.problems.add(line_of(item, key), name, message)
        common = self.common(item, name)
        self.check_appearance(item, name, kind)
        if kind in ("begin_group", "begin_repeat"):
            container: Container
            if kind == "begin_repeat":
                container = Repeat(
                    repeat_count=self.expression(item, "repeat_count", name), **common
                )
            else:
                container = Group(**common)
            children = item.get("children")
            if not isinstance(children, list):
                self.problems.add(line, name, "'children' harus berupa daftar")
                children = []
            self.fill_container(container, self.nest(children))
            if not container.children:
                self.problems.add(line, name, "grup/pengulangan tanpa isi")
            return [container]
        if "children" in item:
            self.problems.add(line_of(item, "children"), name, "'children' hanya untuk grup")
        if kind in ("count_per_option", "grid"):
            assert list_name is not None
            return [expand_matrix(self, item, kind, list_name, common)]
        field = self.field(item, kind, list_name, common)
        if kind in ("select_one", "select_multiple") and item.get("other_rows"):
            return [field, *other_row_fields(self, item, field)]
        return [field]

    def common(self, item: Mapping[str, Any], name: str) -> dict[str, Any]:
        extra = {key: item[key] for key in ("no", "prodeskel", "unit", "note") if key in item}
        if "no" in extra:
            extra["no"] = scalar_text(extra["no"])
        return {
            "name": name,
            "label": self.text(item, "label"),
            "hint": self.text(item, "hint"),
            "relevant": self.expression(item, "relevant", name),
            "appearance": str(item.get("appearance") or ""),
            "line": line_of(item),
            "extra": extra,
            "checks": self.checks(item, name),
            "spec": {k: v for k, v in item.items() if k != "children"},
        }

    def field(
        self, item: Mapping[str, Any], kind: str, list_name: str | None, common: dict[str, Any]
    ) -> Field:
        name = common["name"]
        field_type = FieldType(kind)
        if field_type is FieldType.CALCULATE and "calculation" not in item:
            self.problems.add(common["line"], name, "tipe calculate perlu 'calculation'")
        if field_type is not FieldType.NOTE and not common["label"] and kind != "calculate":
            self.problems.add(common["line"], name, "pertanyaan tanpa label")
        default = item.get("default")
        default_text = None if default is None else scalar_text(default)
        return Field(
            type=field_type,
            list_name=list_name,
            from_ddk=self.figure(item, name, allowed=field_type in NUMERIC),
            required=self.required(item, name),
            required_message=self.text(item, "required_message"),
            constraint=self.expression(item, "constraint", name),
            constraint_message=self.text(item, "constraint_message"),
            calculation=self.expression(item, "calculation", name),
            choice_filter=self.expression(item, "choice_filter", name, allow_columns=True),
            default=default_text,
            default_expr=self.default_expression(item, name, default_text),
            read_only=truthy(item.get("read_only")),
            **common,
        )

    def check_unique_names(self, root: Container) -> None:
        seen: dict[str, Node] = {}
        for node in root.walk():
            if node.name in seen:
                first = seen[node.name]
                self.problems.add(
                    node.line, node.name, f"nama ganda; sudah dipakai di baris {first.line}"
                )
            else:
                seen[node.name] = node
