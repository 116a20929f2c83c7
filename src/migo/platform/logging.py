"""Logs with the request id on every line, and card data and secrets redacted before they are written: JSON
where they are collected (a file, a pipe, a service manager: CONTRACT §2), human-readable lines when standard
output is a terminal a person reads."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog

from migo.platform import pan

# Field names whose values never reach a log, matched word by word ("clientSecret", "pin_digest",
# "x-user-token"), so "company_id" is not mistaken for a PAN.
_SENSITIVE_WORDS = frozenset(
    {"pan", "cvv", "cvc", "pin", "password", "secret", "token", "authorization", "otp", "signature", "cookie"}
)
_SENSITIVE_JOINED = frozenset({"cardnumber", "privatekey", "codedigest", "code"})
_WORD = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def is_sensitive_key(key: str) -> bool:
    words = [word.lower() for word in _WORD.findall(key)]
    return bool(_SENSITIVE_WORDS.intersection(words)) or "".join(words) in _SENSITIVE_JOINED


_DIGIT_RUN = re.compile(r"(?<![0-9])([0-9][ -]?){12,18}[0-9](?![0-9])")


def mask_card_numbers(text: str) -> str:
    """Replace anything that looks like a PAN (13-19 digits passing Luhn) by its BIN…last4 form."""

    def replace(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group(0))
        if not pan.is_valid(digits):
            return match.group(0)
        return f"{digits[:6]}…{digits[-4:]}"

    return _DIGIT_RUN.sub(replace, text)


def _redact(value: Any) -> Any:
    if isinstance(value, str):
        return mask_card_numbers(value)
    if isinstance(value, dict):
        return {k: "[REDACTED]" if is_sensitive_key(str(k)) else _redact(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_redact(v) for v in value]
    return value


def redact_processor(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    for key, value in list(event_dict.items()):
        if key != "event" and is_sensitive_key(key):
            event_dict[key] = "[REDACTED]"
        else:
            event_dict[key] = _redact(value)
    return event_dict


# procrastinate's lines for a periodic job of the maintenance queue that ran without trouble (deferred, started,
# succeeded): one set a minute per sweep, saying nothing. A sweep that did something says so itself, and one
# that failed is still logged (a warning or an error).
_QUIET_ACTIONS = frozenset({"periodic_task_deferred", "start_job", "job_success"})
MAINTENANCE_QUEUE = "maintenance"


def quiet_idle_maintenance(record: logging.LogRecord) -> bool:
    """A logging filter: False for procrastinate's routine lines about a maintenance job, and for its line per
    periodic task registered (every server process and worker loads the task modules at start)."""
    if record.levelno <= logging.INFO and getattr(record, "action", None) == "registering_periodic_task":
        return False
    job = getattr(record, "job", None)
    return not (
        record.levelno <= logging.INFO
        and getattr(record, "action", None) in _QUIET_ACTIONS
        and isinstance(job, dict)
        and job.get("queue") == MAINTENANCE_QUEUE
    )


def configure_logging(level: str = "INFO", *, terminal: bool | None = None) -> None:
    """`terminal` (default: whether standard output is one) chooses readable lines over JSON."""
    if terminal is None:
        terminal = sys.stdout.isatty()
    renderer: Any = structlog.dev.ConsoleRenderer(colors=True) if terminal else structlog.processors.JSONRenderer()
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
        redact_processor,
    ]
    structlog.configure(
        processors=[*shared, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        # No file given: structlog then prints to sys.stdout as it is at each line (a test's capture, say), not
        # to the object it was at configuration, whichever module happened to import structlog first.
        logger_factory=structlog.PrintLoggerFactory(),
        cache_logger_on_first_use=True,
    )
    # Libraries that log through the standard library (uvicorn, procrastinate) go through the same
    # processors, so their lines are JSON and redacted too.
    formatter = structlog.stdlib.ProcessorFormatter(
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
        foreign_pre_chain=[*shared[:-1], structlog.stdlib.add_logger_name, redact_processor],
    )
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(formatter)
    handler.addFilter(quiet_idle_maintenance)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "procrastinate"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # We write our own access line with the request id; uvicorn's would duplicate it.
    logging.getLogger("uvicorn.access").disabled = True
