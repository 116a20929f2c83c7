"""Wire conventions shared by every schema: camelCase names, ISO 8601 UTC timestamps, strict inputs."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    PlainSerializer,
    WithJsonSchema,
    model_validator,
)
from pydantic.alias_generators import to_camel
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from .errors import ERRORS, ApiError


def format_timestamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# Timestamps are ISO 8601 in UTC with a `Z` (seed 000): "2026-11-26T05:34:57Z".
UtcDateTime = Annotated[
    datetime,
    PlainSerializer(format_timestamp, return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time", "examples": ["2026-11-26T05:34:57Z"]}),
]


def _not_null(value: Any) -> Any:
    if value is None:
        raise PydanticCustomError("not_null", "cannot be null (leave it out to keep it)")
    return value


class _NullUndocumented:
    """The field's JSON schema without the `null` branch of its `T | None`: generated clients and fuzzers then
    never send the null that `_not_null` refuses."""

    def __get_pydantic_json_schema__(self, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        schema = handler(core_schema)
        kept = [branch for branch in schema.get("anyOf", []) if branch != {"type": "null"}]
        if len(kept) == 1:
            return {**kept[0], **{key: value for key, value in schema.items() if key != "anyOf"}}
        if kept:
            schema["anyOf"] = kept
        return schema


T = TypeVar("T")

# A field of a PATCH that can be left out (it keeps its value) but not cleared: null is refused with the field's
# name, and the documents do not offer it.
Omittable = Annotated[T | None, AfterValidator(_not_null), _NullUndocumented()]


def field_for_kind(kind: str, field: str, *, required_with: str, absent_with: str) -> dict[str, Any]:
    """A model's `json_schema_extra` stating a rule its service enforces: `field` (wire names) is required when
    `kind` is `required_with`, and left out (or null) when it is `absent_with`. As `if`/`then`/`else` rather than a
    `oneOf` of two shapes, so that generated clients keep one model for the body."""
    return {
        "if": {"properties": {kind: {"const": required_with}}, "required": [kind]},
        "then": {"properties": {field: {"not": {"type": "null"}}}, "required": [field]},
        "else": {"properties": {kind: {"const": absent_with}, field: {"type": "null"}}},
    }


def one_of_required(*fields: str) -> dict[str, Any]:
    """A model's `json_schema_extra`: at least one of `fields` (wire names) is sent and not null, which its service
    enforces; as `if`/`then` chains for the reason `field_for_kind` gives."""
    first, *others = fields
    sent = {"properties": {first: {"not": {"type": "null"}}}, "required": [first]}
    return {"if": {"not": sent}, "then": one_of_required(*others)} if others else sent


@dataclass(frozen=True)
class CatalogName:
    """`Annotated[str, CatalogName(title, names)]`: a name of a catalog (event types, permission codes), text on
    the way in (its service refuses a name outside the catalog with 7000, naming the catalog), and in the documents
    one enum schema, `title`, that every field of it refers to, so that generated clients share one enum."""

    title: str
    names: tuple[str, ...]

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.str_schema(max_length=60, ref=self.title)

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> Any:
        reference = handler(schema)  # a $ref to the definition made of the core schema's `ref`
        definition = handler.resolve_ref_schema(reference)
        definition.clear()
        definition.update({"type": "string", "enum": list(self.names), "title": self.title})
        return reference


class ApiModel(BaseModel):
    """What the platform answers with: camelCase on the wire."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, from_attributes=True)


class ApiInput(BaseModel):
    """What a client sends: camelCase, and an unknown field is an error rather than silently dropped.

    A validation error's text never repeats the input (`input_value='4827'`): inputs carry PINs, CVVs,
    passwords and card numbers, and an error's text ends up in logs and tracebacks."""

    model_config = ConfigDict(alias_generator=to_camel, extra="forbid", hide_input_in_errors=True)

    @model_validator(mode="before")
    @classmethod
    def _no_nul_characters(cls, data: Any) -> Any:
        if contains_nul(data):
            raise ValueError("text cannot contain NUL (\\u0000) characters")
        return data

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        """The documents say what `_no_nul_characters` enforces, so that generated clients and fuzzers send
        what the server takes: every free text field of the input matches `NO_NUL`."""
        schema = handler(core_schema)
        _forbid_nul(handler.resolve_ref_schema(schema))
        _drop_null_defaults(handler.resolve_ref_schema(schema))
        return schema


NO_NUL = "^[^\\u0000]*$"
# An email address as every input takes it: something@somewhere.tld, no whitespace and no NUL.
EMAIL_PATTERN = r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$"


def _forbid_nul(schema: Any) -> None:
    """`NO_NUL` on each free text node of a JSON schema (one of an input model's own; nested models are theirs)."""
    if isinstance(schema, list):
        for item in schema:
            _forbid_nul(item)
        return
    if not isinstance(schema, dict):
        return
    if schema.get("type") == "string" and not {"pattern", "enum", "const", "format"} & schema.keys():
        schema["pattern"] = NO_NUL
    for key in ("properties", "$defs"):
        for child in schema.get(key, {}).values():
            _forbid_nul(child)
    for key in ("items", "additionalProperties", "anyOf", "oneOf", "allOf", "prefixItems"):
        if key in schema:
            _forbid_nul(schema[key])


def _drop_null_defaults(schema: dict[str, Any]) -> None:
    """`"default": null` off the properties that do not take null (`Omittable` ones): left out is their default."""
    for child in schema.get("properties", {}).values():
        if child.get("default", ...) is None and not _takes_null(child):
            del child["default"]


def _takes_null(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "null" or any(branch.get("type") == "null" for branch in schema.get("anyOf", []))


def contains_nul(value: Any) -> bool:
    """PostgreSQL text cannot hold U+0000: refuse it at the door instead of failing at the database."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(contains_nul(k) or contains_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(contains_nul(item) for item in value)
    return False


# What a configuration lacks, as a service finds it: (the fields at fault, in snake_case; what they need).
FieldProblem = tuple[tuple[str, ...], str]


def invalid_body(problems: Sequence[FieldProblem], sent: Collection[str]) -> ApiError:
    """A 400 saying every problem at once as the body's fields name them (`body.maxAmount: needs …`): the fields
    at fault that the caller sent, or all of them when it sent none (the stored rest is what a rule refuses)."""
    described = []
    for fields, need in problems:
        named = [name for name in fields if name in sent] or list(fields)
        described.append(f"{', '.join(f'body.{to_camel(name)}' for name in named)}: needs {need}")
    return ApiError(ERRORS.VALIDATION_ERROR, "; ".join(described))


def patch_changes(body: BaseModel) -> dict[str, Any]:
    """The fields a PATCH sent, by their Python names, as parsed (an amount a Decimal, not its wire string); the
    fields that cannot be cleared are `Omittable`, which refuses their null."""
    return {name: getattr(body, name) for name in body.model_fields_set}
