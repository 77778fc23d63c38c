"""The API's description for Swagger UI 4, which reads OpenAPI 3.0 but not 3.1 (FastAPI writes
3.1): the same document with 3.1's spellings put as 3.0 spells them. ``/openapi.json`` stays 3.1;
only ``/docs`` reads this one."""

from __future__ import annotations

from typing import Any

__all__ = ["as_openapi30"]


def as_openapi30(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of an OpenAPI 3.1 ``document`` as 3.0.3: ``anyOf`` with ``{"type": "null"}`` becomes
    ``nullable``, ``examples`` lists in schemas become one ``example``."""
    converted: dict[str, Any] = _convert(document)
    converted["openapi"] = "3.0.3"
    return converted


def _convert(value: Any) -> Any:
    if isinstance(value, list):
        return [_convert(item) for item in value]
    if not isinstance(value, dict):
        return value
    found = {key: _convert(item) for key, item in value.items()}
    options = found.get("anyOf")
    if isinstance(options, list) and {"type": "null"} in options:
        rest = [option for option in options if option != {"type": "null"}]
        del found["anyOf"]
        if len(rest) == 1:
            only = rest[0]
            # A $ref cannot carry siblings in 3.0: wrap it.
            found.update({"allOf": [only]} if "$ref" in only else only)
        else:
            found["anyOf"] = rest
        found["nullable"] = True
    if found.get("type") == "null":
        del found["type"]
        found["nullable"] = True
    if isinstance(found.get("examples"), list) and "schema" not in found and "content" not in found:
        examples = found.pop("examples")
        if examples:
            found["example"] = examples[0]
    return found
