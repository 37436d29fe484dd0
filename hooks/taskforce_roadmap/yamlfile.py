"""Read a YAML file into plain data plus the line of every field, refusing duplicate keys.

PyYAML silently keeps the last of two equal keys, which would lose an editor's text without a
word; and its constructed objects forget where they came from. Walking the node tree keeps both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import RubricError

FieldPath = tuple[str | int, ...]
# libyaml's parser when PyYAML has it (several times faster); node marks work the same.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def format_path(path: FieldPath) -> str:
    """`("stages", "3", 2, "cites")` → `stages.3[2].cites`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


class Document:
    """One parsed YAML file: its data (keys as strings, as in JSON) and a line for each field."""

    def __init__(self, path: Path, shown_as: str):
        self.path = path
        self.name = shown_as
        self.lines: dict[FieldPath, int] = {}
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise RubricError(shown_as, 1, "(file)", f"cannot be read: {e}") from None
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            self.data: Any = {} if node is None else self._walk(loader, node, ())
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            line = mark.line + 1 if mark else 1
            raise RubricError(shown_as, line, "(syntax)", f"{e.problem or e.context}") from None
        finally:
            loader.dispose()

    def _walk(self, loader, node: yaml.Node, path: FieldPath) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise RubricError(self.name, key_node.start_mark.line + 1, format_path(path),
                                      "a key must be a plain word or number")
                key = str(loader.construct_object(key_node))
                if key in out:
                    raise RubricError(self.name, key_node.start_mark.line + 1,
                                      format_path(path + (key,)),
                                      f"duplicate key (first at line {self.lines[path + (key,)]})")
                self.lines[path + (key,)] = key_node.start_mark.line + 1
                out[key] = self._walk(loader, value_node, path + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self._walk(loader, item, path + (i,)) for i, item in enumerate(node.value)]
        return loader.construct_object(node)

    def line(self, path: FieldPath) -> int:
        """The line of a field, or of its nearest ancestor that exists."""
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.lines:
                return self.lines[path[:cut]]
        return 1

    def error(self, path: FieldPath, problem: str) -> RubricError:
        return RubricError(self.name, self.line(path), format_path(path), problem)
