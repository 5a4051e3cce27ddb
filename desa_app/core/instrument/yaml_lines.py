"""A YAML reader that remembers line numbers and refuses duplicate keys.

PyYAML silently keeps the last of two equal keys; in a questionnaire that hides a typo,
so duplicates are an error here. Every mapping and list remembers the line it starts on
(1-based) so the loader can say exactly where a problem is.
"""

from __future__ import annotations

from typing import Any

import yaml


class LineDict(dict[str, Any]):
    line: int = 0
    key_lines: dict[str, int]


class LineList(list[Any]):
    line: int = 0


class YamlSyntaxError(Exception):
    def __init__(self, message: str, line: int) -> None:
        self.line = line
        super().__init__(message)


# libyaml's parser is several times faster than the pure-Python one on a 4 GB laptop;
# both give node marks, so line numbers work the same.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    pass


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key_text = str(key)
        if key_text in result:
            raise YamlSyntaxError(
                f"kunci '{key_text}' ditulis dua kali", key_node.start_mark.line + 1
            )
        result[key_text] = loader.construct_object(value_node, deep=True)
        result.key_lines[key_text] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
# Keep "yes"/"no"/"on" and dates as text: `required: yes` is read by the loader itself, and
# a choice named `no` must not become False.
# (a copy: assigning into the inherited dict would change every SafeLoader in the process)
_LineLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> Any:
    """Parse YAML text; raises YamlSyntaxError with a line number on any problem."""
    try:
        return yaml.load(text, Loader=_LineLoader)
    except YamlSyntaxError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlSyntaxError(f"YAML tidak sah: {exc.problem or exc}", line) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"YAML tidak sah: {exc}", 0) from exc
