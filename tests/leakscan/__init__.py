"""A suite-wide check that no PAN, CVV, PIN or secret reaches a log line or an error answer (issue 13 §4).

The plugin (plugin.py) captures, for the whole session, every log line the app writes, every answer with
status >= 400 it sends in-process, and the logs of the real servers the tests start (capture.py); at the end
it scans them all (scanner.py, where the rules are) and fails the run if anything leaked, naming the kind,
where, and the test. `pytest --no-leakscan` turns it off.

What counts: a Luhn-valid 13-19 digit number standing alone (plain or grouped as cards are printed); any
secret the tests know whose value looks random (8+ characters mixing letters and digits), wherever it
appears; and short or word-like secrets (CVVs, PINs, OTP codes, a weak test password) only beside the name
of their field (`"pin": "4827"`, `cvv=737`, `input_value='4827'`, `PIN 4827`), because "123" or "4827"
turn up by chance in timestamps and amounts. So a test sends a CVV or PIN in a field named for it; a value
it needs looked for everywhere must be long and random.

Tests and factories tell it about secrets it cannot see go by in a request or an answer:

    from tests.leakscan import known_secret, public_value
    known_secret("private key", tenant.private_key)
    public_value(tenant.public_key)  # looks like a secret, is not one
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tests.leakscan.capture import COLLECTOR


def known_secret(kind: str, value: object) -> None:
    """Look for `value` (a PAN, CVV, PIN, password, token, key…) in everything the app writes."""
    COLLECTOR.known.add(kind, value)


def public_value(value: object) -> None:
    """`value` is not a secret, even if a test sends it in a secret field."""
    COLLECTOR.known.add_public(value)


def server_log(name: str) -> Path:
    """A file for the output of a server or worker process the test starts; scanned at the end of the session."""
    handle, name_on_disk = tempfile.mkstemp(prefix=f"{name}-", suffix=".log", dir=COLLECTOR.server_logs_directory())
    os.close(handle)
    path = Path(name_on_disk)
    COLLECTOR.server_logs.append((path, COLLECTOR.test))
    return path


def record_output(text: str, where: str) -> None:
    """Output of a process the test ran and read itself (it is scanned like a log)."""
    COLLECTOR.record(text, where)


__all__ = ["known_secret", "public_value", "record_output", "server_log"]
