"""Reads manifests the way hogctl does, for the schema test, and maps schema errors to positions.

hogctl reads plain scalars by YAML 1.2's core schema: only `true`/`false` are booleans, so `no`,
`on` and `yes` stay text, and `0123` or `1.0` stay the text written where a string is expected.
PyYAML implements YAML 1.1, so this loader replaces its implicit resolvers. The tags map as the
schemas document: `!env X` and `!file X` become the string `X`, `!input {...}` the mapping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml
from jsonschema import Draft202012Validator, validators


class PlainInt(int):
    """An integer read from a plain scalar; `text` is what was written (`0123`)."""

    text: str


class PlainFloat(float):
    """A float read from a plain scalar; `text` is what was written (`1.0`)."""

    text: str


PLAIN_NUMBERS = (PlainInt, PlainFloat)


class ManifestLoader(yaml.SafeLoader):
    """A SafeLoader with YAML 1.2 core scalar resolution and hogctl's tags."""

    yaml_implicit_resolvers: dict = {}

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        # (tag, argument, line, column) of every `!env`/`!file`/`!input`, 1-based.
        self.tags_used: list[tuple[str, Any, int, int]] = []


CORE_RESOLVERS = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", "<"),
]
for _tag, _pattern, _first in CORE_RESOLVERS:
    ManifestLoader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


def _construct_int(loader: ManifestLoader, node: yaml.ScalarNode) -> PlainInt:
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        number = PlainInt(int(text[2:], 8))
    elif text.startswith("0x"):
        number = PlainInt(int(text[2:], 16))
    else:
        number = PlainInt(int(text, 10))
    number.text = text
    return number


def _construct_float(loader: ManifestLoader, node: yaml.ScalarNode) -> PlainFloat:
    text = loader.construct_scalar(node)
    lowered = text.lower()
    if lowered.endswith(".inf"):
        number = PlainFloat("-inf" if text.startswith("-") else "inf")
    elif lowered == ".nan":
        number = PlainFloat("nan")
    else:
        number = PlainFloat(text)
    number.text = text
    return number


def _record(loader: ManifestLoader, node: yaml.Node, value: Any) -> Any:
    mark = node.start_mark
    loader.tags_used.append((node.tag, value, mark.line + 1, mark.column + 1))
    return value


def _construct_text_tag(loader: ManifestLoader, node: yaml.Node) -> str:
    return _record(loader, node, loader.construct_scalar(node))


def _construct_input(loader: ManifestLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return _record(loader, node, loader.construct_mapping(node, deep=True))
    return _record(loader, node, {"value": loader.construct_scalar(node)})


ManifestLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
ManifestLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
ManifestLoader.add_constructor("!env", _construct_text_tag)
ManifestLoader.add_constructor("!file", _construct_text_tag)
ManifestLoader.add_constructor("!input", _construct_input)


@dataclass
class Document:
    data: Any
    node: yaml.Node


@dataclass
class ManifestFile:
    path: Path
    documents: list[Document]
    tags_used: list[tuple[str, Any, int, int]] = field(default_factory=list)


def load_manifest(path: Path) -> ManifestFile:
    """Every YAML document of `path`, with its node tree for positions. Empty documents are skipped."""
    loader = ManifestLoader(path.read_bytes().decode("utf-8"))
    documents = []
    try:
        while loader.check_node():
            node = loader.get_node()
            data = loader.construct_document(node)
            if data is not None:
                documents.append(Document(data, node))
        return ManifestFile(path, documents, loader.tags_used)
    finally:
        loader.dispose()


def _plain_number_as_text(check):
    """String keywords see a plain number's text: hogctl reads `id: 0123` as the text `0123`."""

    def on_text(validator, value, instance, schema):
        if isinstance(instance, PLAIN_NUMBERS):
            instance = instance.text
        yield from check(validator, value, instance, schema)

    return on_text


def _is_string(_checker, instance) -> bool:
    return isinstance(instance, (str, *PLAIN_NUMBERS))


def _is_integer(_checker, instance) -> bool:
    # A written `1.0` is not an integer for hogctl, although JSON Schema would accept it.
    return isinstance(instance, int) and not isinstance(instance, bool)


ManifestValidator = validators.extend(
    Draft202012Validator,
    validators={
        keyword: _plain_number_as_text(Draft202012Validator.VALIDATORS[keyword])
        for keyword in ("pattern", "minLength", "maxLength", "format")
    },
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine_many(
        {"string": _is_string, "integer": _is_integer}
    ),
)


def position(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _key_text(key: Any) -> str:
    return getattr(key, "text", None) or str(key)


def _node_at(root: yaml.Node, path: Iterable[Any]) -> yaml.Node:
    node = root
    for step in path:
        if isinstance(node, yaml.MappingNode):
            matches = [value for key, value in node.value if key.value == _key_text(step)]
            if not matches:
                return node
            node = matches[-1]  # a repeated key: the last one wins, as when constructing
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return node
    return node


def _key_node_at(root: yaml.Node, path: list[Any]) -> yaml.Node | None:
    """The key node of the mapping entry at `path`, if the last step is a mapping key."""
    if not path:
        return None
    parent = _node_at(root, path[:-1])
    if not isinstance(parent, yaml.MappingNode):
        return None
    keys = [key for key, _ in parent.value if key.value == _key_text(path[-1])]
    return keys[-1] if keys else None


def _key_nodes(mapping: yaml.Node) -> list[yaml.Node]:
    return [key for key, _ in mapping.value] if isinstance(mapping, yaml.MappingNode) else []


def error_positions(error, root: yaml.Node) -> set[tuple[int, int]]:
    """Where hogctl reports this schema error, by the conventions in docs/schemas.md.

    The value for type, enum, range and pattern errors; the unknown key for closed mappings; the
    mapping's first key (or its start, for an empty or flow mapping) for a missing field; the key
    for a field the function's `type` does not allow (the schema's `if`/`then`).
    Errors inside `anyOf`/`oneOf` add their own positions.
    """
    node = _node_at(root, error.absolute_path)
    keys = _key_nodes(node)
    entry_key = _key_node_at(root, list(error.absolute_path))
    if "then" in error.absolute_schema_path and entry_key is not None:
        positions = {position(entry_key)}
    elif error.validator == "required":
        positions = {position(keys[0]) if keys else position(node), position(node)}
    elif error.validator == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        positions = {position(key) for key in keys if key.value not in known}
    elif error.validator == "propertyNames":
        positions = {position(key) for key in keys if key.value == _key_text(error.instance)}
    else:
        positions = {position(node)}
    for sub_error in error.context or []:
        positions |= error_positions(sub_error, root)
    return positions
