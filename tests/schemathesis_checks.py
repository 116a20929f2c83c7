"""A check schemathesis loads for tests/test_fuzzing.py (SCHEMATHESIS_HOOKS).

The Middleware answers a refused input with 409 and ownCode 5000 (seed 002), and 409 is also a state conflict,
which `positive_data_acceptance` must accept: on the Middleware that check alone would pass every refused
input. This one fails a request the documents allow that the Middleware refuses as input."""

from __future__ import annotations

import json
from typing import Any

import schemathesis

INVALID_BODY = 5000  # the Middleware's ownCode for a request its rules refuse as input


@schemathesis.check
def middleware_input_accepted(ctx: Any, response: Any, case: Any) -> None:
    if case.meta is None or not case.meta.generation.mode.is_positive or response.status_code != 409:
        return
    try:
        body = json.loads(response.content)
    except ValueError:
        return
    if isinstance(body, dict) and body.get("ownCode") == INVALID_BODY:
        raise AssertionError(f"Valid data was refused as input (409, ownCode 5000): {body.get('detail')}")
