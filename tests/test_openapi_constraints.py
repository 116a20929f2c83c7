"""The documents say what the server enforces (issue 19), so that generated clients and fuzzers send what it
takes: no text of a request may hold U+0000 (PostgreSQL text cannot; every input refuses it), and the rules a
service enforces beyond a field's type (not null, one of two fields, a field for one kind, the password policy)."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from pydantic import BaseModel, ValidationError

from migo.identity.schemas import CardholderCreate, PasswordResetRequest, RotateKeysRequest
from migo.merchants.schemas import LeadUpdate
from migo.platform.money import Amount
from migo.platform.settings import get_settings
from migo.platform.wire import NO_NUL, ApiInput, _NullUndocumented
from migo.surfaces.cms import build_cms
from migo.surfaces.gateway import build_gateway
from migo.surfaces.middleware import build_middleware

BUILDS = [build_middleware, build_gateway, build_cms]


class Transfer(BaseModel):
    amount: Amount


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


# The rules the services enforce beyond a field's own type, stated in the documents (schemathesis's
# positive_data_acceptance check in tests/test_fuzzing.py holds every operation to them).


def test_a_field_that_cannot_be_cleared_is_documented_without_null_and_refuses_it():
    schema = LeadUpdate.model_json_schema()
    for name, field in schema["properties"].items():
        assert "null" not in json.dumps(field), name
    jsonschema.validate({"email": "ana@example.com"}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"email": None}, schema)
    with pytest.raises(ValidationError, match="cannot be null"):
        LeadUpdate.model_validate({"email": None})
    assert LeadUpdate.model_validate({}).model_fields_set == set()


def _input_models() -> list[type[ApiInput]]:
    for build in BUILDS:
        build(get_settings())  # every surface's routers, so every input model is defined
    found, pending = [], [ApiInput]
    while pending:
        for model in pending.pop().__subclasses__():
            found.append(model)
            pending.append(model)
    return found


def test_no_omittable_field_of_any_input_is_documented_with_null():
    omittable = [
        (model, field.alias or name)
        for model in _input_models()
        for name, field in model.model_fields.items()
        if any(isinstance(mark, _NullUndocumented) for mark in field.metadata)
    ]
    assert len(omittable) > 40
    for model, name in omittable:
        assert '"null"' not in json.dumps(model.model_json_schema()["properties"][name]), (model.__name__, name)


@pytest.mark.parametrize(
    ("body", "valid"),
    [
        ({"firstName": "Ana", "lastName": "Pérez"}, False),
        ({"firstName": "Ana", "lastName": "Pérez", "email": None, "phone": None}, False),
        ({"firstName": "Ana", "lastName": "Pérez", "phone": "+50224865444"}, True),
        ({"firstName": "Ana", "lastName": "Pérez", "email": None, "phone": "+50224865444"}, True),
        ({"firstName": "Ana", "lastName": "Pérez", "email": "ana@example.com"}, True),
    ],
)
def test_a_cardholder_is_documented_with_an_email_or_a_phone(body, valid):
    _check(CardholderCreate.model_json_schema(), body, valid)


@pytest.mark.parametrize(
    ("body", "valid"),
    [
        ({}, True),
        ({"algorithm": "HMAC-SHA256"}, True),
        ({"publicKey": "A" * 43 + "="}, False),
        ({"algorithm": "ED25519"}, False),
        ({"algorithm": "ED25519", "publicKey": None}, False),
        ({"algorithm": "ED25519", "publicKey": "A" * 43 + "="}, True),
        ({"algorithm": "ED25519", "publicKey": "not base64"}, False),
    ],
)
def test_a_signing_key_is_documented_with_its_public_key_exactly_when_ed25519(body, valid):
    _check(RotateKeysRequest.model_json_schema(), body, valid)


@pytest.mark.parametrize(
    ("password", "valid"),
    [("abcdefg1", True), ("1234567a", True), ("abcdefgh", False), ("12345678", False), ("abc1", False)],
)
def test_a_new_password_is_documented_with_the_policy(password, valid):
    _check(PasswordResetRequest.model_json_schema()["properties"]["newPassword"], password, valid)


@pytest.mark.parametrize(
    ("text", "valid"), [("1", True), ("0.0001", True), ("125.50", True), ("0", False), ("0.0", False)]
)
def test_an_amount_is_documented_greater_than_zero(text, valid):
    _check(Transfer.model_json_schema()["properties"]["amount"], text, valid)


@pytest.mark.parametrize("build", BUILDS)
def test_multipart_parts_are_never_null_and_the_needed_ones_are_required(build):
    document = build(get_settings()).openapi()
    uploads = {
        path: document["components"]["schemas"][media["schema"]["$ref"].rsplit("/", 1)[-1]]
        for path, operations in document["paths"].items()
        for operation in operations.values()
        for media in [operation.get("requestBody", {}).get("content", {}).get("multipart/form-data")]
        if media
    }
    assert uploads
    for path, body in uploads.items():
        assert "file" in body["required"], path
        assert "null" not in json.dumps(body), path


@pytest.mark.parametrize("build", BUILDS)
def test_free_text_parameters_are_documented_without_nul(build):
    document = build(get_settings()).openapi()
    parameters = [
        (path, parameter["name"], node)
        for path, operations in document["paths"].items()
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
        if parameter["in"] in ("path", "query")
        for node in [parameter["schema"], *parameter["schema"].get("anyOf", [])]
        if node.get("type") == "string"
    ]
    assert parameters
    assert [(path, name) for path, name, node in parameters if not {"pattern", "enum", "format"} & node.keys()] == []


def _check(schema: dict[str, Any], instance: Any, valid: bool) -> None:
    if valid:
        jsonschema.validate(instance, schema, cls=jsonschema.Draft202012Validator)
    else:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(instance, schema, cls=jsonschema.Draft202012Validator)
