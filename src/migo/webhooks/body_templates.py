"""An endpoint's own callback body (seed 002: customKeys are "available … to Generic Callback templates").

A merchant whose system expects another shape than the flat body writes a small Jinja template over the same
fields the flat body carries (`eventId`, `eventType`, the event's fields such as `uid`, `reference`, `status`,
`amount`, `currency`, `customKeys`, and `occurredAt`), which must render JSON:

    {"order": {{ customKeys.orderId | tojson }}, "paid": {{ (status == "approved") | tojson }}}

The template runs in Jinja's immutable sandbox with no globals, a short list of filters and no loops, macros,
includes, calls, multiplication or powers: it shapes one event's fields and cannot be made to run long or grow large.
A field the event lacks renders as JSON null through `tojson`. A template is checked when it is saved (it must
compile and render JSON for a sample event); one that fails on a real event fails that attempt with the reason,
and the delivery is retried as any failure is, so a corrected template delivers it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from jinja2 import Template, Undefined, nodes
from jinja2.exceptions import SecurityError, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_TEMPLATE_CHARS = 4000
MAX_BODY_BYTES = 64 * 1024
# What shaping a body needs; the rest (center, indent, wordwrap, format, …) can build large strings or reach
# into objects, and is left out.
FILTERS = ("tojson", "default", "upper", "lower", "trim", "string", "length", "replace", "truncate", "first", "last")
_REFUSED_NODES = (
    nodes.For,
    nodes.Macro,
    nodes.CallBlock,
    nodes.FilterBlock,
    nodes.Include,
    nodes.Import,
    nodes.FromImport,
    nodes.Extends,
    nodes.Block,
    nodes.Mul,
    nodes.Pow,
    nodes.Assign,
    nodes.AssignBlock,
    nodes.With,
    nodes.Call,  # a method call ("x".ljust(10 ** 9)): filters are what a template calls
)
# A transaction event's fields, for the check when a template is saved.
_SAMPLE = {
    "eventId": "00000000-0000-0000-0000-000000000000",
    "eventType": "transaction.approved",
    "uid": "Ypo5z2zTpLqWoe3eVvZMH",
    "reference": "CAMPGT020007SB",
    "status": "approved",
    "amount": 100,
    "currency": "GTQ",
    "userId": "50224865444",
    "externalId": "ORDER-1",
    "customKeys": {},
    "occurredAt": "2026-01-01T00:00:00Z",
}


class BodyTemplateError(ValueError):
    """Why a template cannot be used, or failed for one event."""


def _json_default(value: Any) -> Any:
    if isinstance(value, Undefined):
        return None  # a field this event lacks
    raise TypeError(f"{type(value).__name__} is not JSON")


def _environment() -> ImmutableSandboxedEnvironment:
    environment = ImmutableSandboxedEnvironment(autoescape=False)
    environment.globals.clear()
    environment.tests.clear()
    environment.tests.update({"defined": lambda value: not isinstance(value, Undefined)})
    environment.filters = {name: environment.filters[name] for name in FILTERS}
    environment.policies["json.dumps_function"] = lambda value, **kwargs: json.dumps(
        value, default=_json_default, ensure_ascii=False, **kwargs
    )
    environment.policies["json.dumps_kwargs"] = {"sort_keys": False}
    return environment


_ENVIRONMENT = _environment()


def check(text: str) -> str:
    """The template, when it compiles within the limits and renders JSON for a sample transaction event."""
    if len(text) > MAX_TEMPLATE_CHARS:
        raise BodyTemplateError(f"at most {MAX_TEMPLATE_CHARS} characters")
    try:
        parsed = _ENVIRONMENT.parse(text)
    except TemplateError as error:
        raise BodyTemplateError(f"does not compile: {error}") from None
    refused = next(iter(parsed.find_all(_REFUSED_NODES)), None)
    if refused is not None:
        raise BodyTemplateError(f"{type(refused).__name__.lower()} is not allowed in a body template")
    render(text, _SAMPLE)
    return text


@lru_cache(maxsize=256)
def _compiled(text: str) -> Template:
    return _ENVIRONMENT.from_string(text)


def render(text: str, fields: dict[str, Any]) -> bytes:
    """The body this template makes of these fields: compact JSON, at most MAX_BODY_BYTES."""
    try:
        rendered = _compiled(text).render(fields)
    except (TemplateError, SecurityError, TypeError, ValueError, ArithmeticError) as error:
        raise BodyTemplateError(f"failed: {error}") from None
    try:
        body = json.dumps(json.loads(rendered), separators=(",", ":"), ensure_ascii=False).encode()
    except ValueError as error:
        raise BodyTemplateError(f"does not render JSON: {error}") from None
    if len(body) > MAX_BODY_BYTES:
        raise BodyTemplateError(f"renders more than {MAX_BODY_BYTES} bytes")
    return body
