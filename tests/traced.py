"""Error bodies carry what differs per request (`requestId`) and per deployment (`docUrl`): tests that compare a
whole error body compare it without them (tests/platform/test_envelope.py checks them)."""

from __future__ import annotations

from typing import Any

TRACE = ("requestId", "docUrl")


def untraced(body: Any) -> Any:
    """The error body (a Middleware ErrorResponseDto, an envelope, or an envelope's `error`) without its trace;
    any other JSON as it is."""
    if not isinstance(body, dict):
        return body
    kept = {key: value for key, value in body.items() if key not in TRACE}
    if isinstance(kept.get("error"), dict):
        kept["error"] = untraced(kept["error"])
    return kept
