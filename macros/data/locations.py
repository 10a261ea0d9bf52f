"""Where every loaded record came from: its file and the line of each of its values."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .problems import Problem
from .yamlload import Document


class Locations:
    """Remembers the file and line of every record loaded, so later checks can point at them."""

    def __init__(self) -> None:
        self._where: dict[int, tuple[str, Document, tuple[Any, ...]]] = {}
        self._keep: list[BaseModel] = []  # ids are only unique while the object lives

    def register(self, record: BaseModel, file: str, document: Document, path: tuple[Any, ...] = ()) -> None:
        self._where[id(record)] = (file, document, path)
        self._keep.append(record)
        for name in type(record).model_fields:
            value = getattr(record, name)
            items = enumerate(value) if isinstance(value, list) else [(None, value)]
            for index, item in items:
                if isinstance(item, BaseModel):
                    sub = path + ((name,) if index is None else (name, index))
                    self.register(item, file, document, sub)

    def file(self, record: BaseModel) -> str:
        return self._where[id(record)][0]

    def line(self, record: BaseModel, *names: Any) -> int:
        _, document, path = self._where[id(record)]
        return document.line_of(path + names)

    def records(self) -> Iterator[BaseModel]:
        return iter(self._keep)

    def problem(self, record: BaseModel, names: tuple[Any, ...], message: str) -> Problem:
        """A problem with a record, at the line of one of its names (or of the record itself)."""
        return Problem(self.file(record), self.line(record, *names), message)
