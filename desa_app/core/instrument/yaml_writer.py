"""Write a definition (plain mappings and lists) as readable YAML.

Used by ``import-xlsform``. Choices and short questions come out one per line in flow
style, groups and repeats as nested ``children`` blocks, so the result reads like the
hand-written files in ``forms/``.
"""

from __future__ import annotations

from typing import Any

import yaml


class _Flow(dict[str, Any]):
    """A mapping written on one line."""


class _Dumper(yaml.SafeDumper):
    pass


def _represent_flow(dumper: yaml.SafeDumper, data: _Flow) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(_Flow, _represent_flow)
_Dumper.add_representer(str, _represent_str)


def _item(item: dict[str, Any]) -> dict[str, Any]:
    if "children" in item:
        block = {k: v for k, v in item.items() if k != "children"}
        block["children"] = [_item(child) for child in item["children"]]
        return block
    simple = all(not isinstance(v, list | dict) for v in item.values())
    if simple and len(str(item)) <= 160:
        return _Flow(item)
    return {
        key: [_Flow(v) if isinstance(v, dict) else v for v in value]
        if isinstance(value, list) else value
        for key, value in item.items()
    }


def dump_definition(definition: dict[str, Any], header: str = "") -> str:
    data = {
        "settings": definition.get("settings", {}),
        "choices": {
            name: [_Flow(choice) for choice in choices]
            for name, choices in definition.get("choices", {}).items()
        },
        "survey": [_item(item) for item in definition.get("survey", [])],
    }
    if not data["choices"]:
        del data["choices"]
    text = yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
        default_flow_style=False,
    )
    return header + text
