"""Read YAML keeping the line of every value, so dictionary errors can name file, line and entry.

Scalars are kept as text (no type guessing): `code: 072` stays "072" instead of becoming the integer 58.
Only PyYAML's safe composer is used; no tags, no Python objects.
"""

from __future__ import annotations

from pathlib import Path

import yaml

try:  # libyaml parses large dictionaries about ten times faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class Text(str):
    """A string that remembers where it stood in its file."""

    line: int

    def __new__(cls, value: str, line: int) -> Text:
        text = super().__new__(cls, value)
        text.line = line
        return text


class Mapping(dict):
    """A dict that remembers its first line."""

    line: int = 0


class Sequence(list):
    """A list that remembers its first line."""

    line: int = 0


class YamlSyntaxError(ValueError):
    """The file is not valid YAML; `line` is 0 when the parser could not tell."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


def _convert(node: yaml.Node, path: Path) -> object:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:null" or (node.value in ("", "~", "null") and not node.style):
            return None
        return Text(node.value, line)
    if isinstance(node, yaml.SequenceNode):
        items = Sequence(_convert(child, path) for child in node.value)
        items.line = line
        return items
    mapping = Mapping()
    mapping.line = line
    for key_node, value_node in node.value:
        key = _convert(key_node, path)
        if not isinstance(key, str):
            raise YamlSyntaxError(path, key_node.start_mark.line + 1, "mapping keys must be text")
        if key in mapping:
            raise YamlSyntaxError(path, key_node.start_mark.line + 1, f"key '{key}' appears twice")
        mapping[Text(str(key), key_node.start_mark.line + 1)] = _convert(value_node, path)
    return mapping


def read_yaml(path: Path) -> object:
    """Parse one YAML file into Mapping/Sequence/Text values (None for an empty file)."""
    try:
        with path.open(encoding="utf-8") as handle:
            node = yaml.compose(handle, Loader=_Loader)
    except UnicodeDecodeError as error:
        raise YamlSyntaxError(path, 0, f"not UTF-8 text ({error.reason} at byte {error.start})") from error
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlSyntaxError(path, line, f"invalid YAML: {error.problem or error.context}") from error
    return None if node is None else _convert(node, path)
