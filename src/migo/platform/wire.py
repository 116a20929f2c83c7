"""Wire conventions shared by every schema: camelCase names, ISO 8601 UTC timestamps, strict inputs."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, PlainSerializer, WithJsonSchema
from pydantic.alias_generators import to_camel


def format_timestamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# Timestamps are ISO 8601 in UTC with a `Z` (seed 000): "2026-11-26T05:34:57Z".
UtcDateTime = Annotated[
    datetime,
    PlainSerializer(format_timestamp, return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time", "examples": ["2026-11-26T05:34:57Z"]}),
]


class ApiModel(BaseModel):
    """What the platform answers with: camelCase on the wire."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, from_attributes=True)


class ApiInput(BaseModel):
    """What a client sends: camelCase, and an unknown field is an error rather than silently dropped."""

    model_config = ConfigDict(alias_generator=to_camel, extra="forbid")
