"""The documents say what the server enforces (issue 19), so that generated clients and fuzzers send what it
takes: here, that no text of a JSON request body may hold U+0000 (PostgreSQL text cannot; every input refuses it)."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from migo.platform.settings import get_settings
from migo.platform.wire import NO_NUL
from migo.surfaces.cms import build_cms
from migo.surfaces.gateway import build_gateway
from migo.surfaces.middleware import build_middleware

BUILDS = [build_middleware, build_gateway, build_cms]


def _free_text(schema: Any, schemas: dict[str, Any], where: str, seen: set[str]) -> list[tuple[str, dict[str, Any]]]:
    """Every string node of a request body that takes any text (no pattern, enum, const or format)."""
    if isinstance(schema, list):
        return [found for item in schema for found in _free_text(item, schemas, where, seen)]
    if not isinstance(schema, dict):
        return []
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return []
        return _free_text(schemas[name], schemas, name, seen | {name})
    found = []
    if schema.get("type") == "string":
        found.append((where, schema))
    for name, child in schema.get("properties", {}).items():
        found += _free_text(child, schemas, f"{where}.{name}", seen)
    for key in ("items", "additionalProperties", "anyOf", "oneOf", "allOf", "prefixItems"):
        if key in schema:
            found += _free_text(schema[key], schemas, where, seen)
    return found


@pytest.mark.parametrize("build", BUILDS)
def test_every_text_of_a_json_body_is_documented_without_nul(build):
    document = build(get_settings()).openapi()
    schemas = document["components"]["schemas"]
    bodies = [
        (f"{method.upper()} {path}", content["application/json"]["schema"])
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if isinstance(operation, dict)
        for content in [operation.get("requestBody", {}).get("content", {})]
        if "application/json" in content
    ]
    assert bodies
    unconstrained = [
        (operation, where)
        for operation, schema in bodies
        for where, node in _free_text(schema, schemas, operation, set())
        if not {"pattern", "enum", "const", "format"} & node.keys()
    ]
    assert unconstrained == []


def test_the_documented_pattern_refuses_nul_and_takes_any_other_text():
    schema = {"type": "string", "pattern": NO_NUL}
    jsonschema.validate("Tarjeta bloqueada: extravío 🛑\n", schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate("a\x00b", schema)
