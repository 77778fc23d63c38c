"""Reading the fields of one JSON object of a gold file, with errors that name file and place."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from newsgraph.errors import InputError

__all__ = ["Reader"]


class Reader:
    """Reads fields out of one JSON object, raising an InputError that names file and place.

    ``where`` names the object in the file (``gold``, ``actors[2]``, ``events[3]``) and ``hint``
    says where the format is documented.
    """

    def __init__(self, path: str, data: Mapping[str, Any], where: str, hint: str) -> None:
        self.path = path
        self.data = data
        self.where = where
        self.hint = hint

    def fail(self, problem: str) -> InputError:
        return InputError(self.path, f"{self.where}: {problem}", self.hint)

    def check_fields(self, required: Iterable[str], optional: Iterable[str]) -> None:
        allowed = set(required) | set(optional)
        unknown = sorted(set(self.data) - allowed)
        if unknown:
            raise self.fail(f"unknown field {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")
        missing = [name for name in required if name not in self.data]
        if missing:
            raise self.fail(f"missing field {missing[0]!r}")

    def text(self, name: str, *, nullable: bool = False) -> str | None:
        """The string field ``name``; None when it is absent (or null, when ``nullable``)."""
        if name not in self.data or (nullable and self.data[name] is None):
            return None
        value = self.data[name]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{name!r} must be a non-empty string, not {value!r}")
        return value

    def required_text(self, name: str) -> str:
        value = self.text(name)
        if value is None:
            raise self.fail(f"{name!r} must be a non-empty string")
        return value

    def count(self, name: str) -> int:
        value = self.data.get(name, 1)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise self.fail(f"{name!r} must be a whole number from 1, not {value!r}")
        return value

    def flag(self, name: str) -> bool:
        value = self.data.get(name, False)
        if not isinstance(value, bool):
            raise self.fail(f"{name!r} must be true or false, not {value!r}")
        return value

    def list_of(self, name: str) -> list[Any]:
        value = self.data.get(name, [])
        if not isinstance(value, list):
            raise self.fail(f"{name!r} must be a list")
        return value

    def child(self, value: Any, where: str, hint: str | None = None) -> Reader:
        if not isinstance(value, dict):
            problem = f"{self.where}: {where} must be an object, not {type(value).__name__}"
            raise InputError(self.path, problem, hint or self.hint)
        return Reader(self.path, value, where, hint or self.hint)
