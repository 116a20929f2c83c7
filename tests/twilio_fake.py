"""A local fake of Twilio's Messages API on 127.0.0.1, for the sms / wa sender: the real API's path, form fields,
basic auth, answers and error shape (`{"code", "message", "more_info", "status"}`), as Twilio documents them."""

from __future__ import annotations

import base64
import json
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

ACCOUNT_SID = "AC" + "0" * 31 + "1"
AUTH_TOKEN = "fake-twilio-auth-token-" + secrets.token_hex(8)
PATH = f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"


@dataclass
class FakeTwilio:
    url: str = ""
    messages: list[dict[str, str]] = field(default_factory=list)
    # Statuses to answer before taking messages again (503: Twilio is down for a moment).
    script: list[int] = field(default_factory=list)
    error_message: str = "Internal Server Error"  # the scripted answers' message
    lock: threading.Lock = field(default_factory=threading.Lock)


def _error(status: int, code: int, message: str) -> tuple[int, dict[str, Any]]:
    return status, {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }


def _answer(fake: FakeTwilio, path: str, authorization: str, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
    expected = "Basic " + base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()
    if path != PATH:
        return _error(404, 20404, "The requested resource was not found")
    if authorization != expected:
        return _error(401, 20003, "Authenticate")
    if fake.script:
        return _error(fake.script.pop(0), 20500, fake.error_message)
    to, sender, body = form.get("To", ""), form.get("From", ""), form.get("Body", "")
    if not body:
        return _error(400, 21602, "Message body is required.")
    if to.startswith("whatsapp:") != sender.startswith("whatsapp:"):
        return _error(400, 63007, "Twilio could not find a Channel with the specified From address")
    number = to.removeprefix("whatsapp:")
    if not (number.startswith("+") and number[1:].isdigit() and 8 <= len(number) - 1 <= 15):
        return _error(400, 21211, f"Invalid 'To' Phone Number: {to}")
    fake.messages.append(form)
    sid = "SM" + secrets.token_hex(16)
    return 201, {"sid": sid, "account_sid": ACCOUNT_SID, "to": to, "from": sender, "body": body, "status": "queued"}


@contextmanager
def fake_twilio() -> Iterator[FakeTwilio]:
    fake = FakeTwilio()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("content-length") or 0)).decode()
            form = {name: values[0] for name, values in parse_qs(raw).items()}
            with fake.lock:
                status, answer = _answer(fake, self.path, self.headers.get("authorization", ""), form)
            payload = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
