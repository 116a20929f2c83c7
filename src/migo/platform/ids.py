"""Identifiers: time-ordered UUIDs for rows, and short random strings for what people read."""

from __future__ import annotations

import os
import secrets
import string
import time
import uuid

_ALPHANUMERIC = string.ascii_letters + string.digits


def new_id() -> uuid.UUID:
    """A UUIDv7 (RFC 9562): time-ordered, so new rows land at the end of the primary-key index."""
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= ((rand >> 62) & 0xFFF) << 64  # 12 random bits
    value |= 0b10 << 62  # RFC 4122 variant
    value |= rand & ((1 << 62) - 1)
    return uuid.UUID(int=value)


def alphanumeric(length: int) -> str:
    return "".join(secrets.choice(_ALPHANUMERIC) for _ in range(length))


def prefixed(prefix: str, nbytes: int = 16) -> str:
    """`prefix_` + hex, for public identifiers such as client ids and signing key ids."""
    return f"{prefix}_{secrets.token_hex(nbytes)}"
