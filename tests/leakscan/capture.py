"""What the leak scan reads, captured where it is produced, and the secrets it looks for.

- **Log lines of the app in the test process.** structlog writes through `PrintLogger` (platform/logging.py) and
  the standard library's records through the root handler's `ProcessorFormatter`: both are wrapped at class
  level, so every logger sees it whenever it was configured or cached, and what is recorded is the exact line
  the app writes (after its redactor).
- **Answers of the app in the test process.** Every `httpx.ASGITransport` wraps its app in `RecordingApp`: an
  answer with status >= 400 is recorded (status line, headers, body). On the way it *harvests* secrets: the
  values of secret fields in requests (`cvv`, `pin`, `password`, `code`, `clientSecret`, `cardNumber`, the
  `Authorization`/`x-user-token`/`x-view-token` headers, …) and in successful answers (`accessToken`,
  `refreshToken`, `secret`, `privateKey`, `cvv`, `viewToken`, the sandbox outbox's OTP codes).
- **Logs of real `migo serve` / `migo worker` processes.** tests/live.py sends their stdout and stderr to a file
  from `server_log()`; the files are read at the end of the session.
- **Secrets made outside HTTP** (tenants, printed cards, the sandbox test cards) are registered by the factories
  with `known_secret()`; values that look secret but are public (client ids, public keys) with `public_value()`.
"""

from __future__ import annotations

import bisect
import json
import logging
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from tests.leakscan.scanner import KnownSecrets, is_redaction, normalized_key

_BODY_LIMIT = 1 << 20  # bytes of a request or an answer kept for the scan
_HARVEST_LIMIT = 256 << 10  # successful answers parsed for secrets only up to this size

_REQUEST_FIELDS = {
    "PAN": ("cardnumber", "pan"),
    "CVV": ("cvv", "cvc", "cvv2", "cvc2", "securitycode"),
    "PIN": ("pin", "newpin", "currentpin", "oldpin"),
    "OTP code": ("code", "otp", "otpcode"),
    "password": ("password", "newpassword", "currentpassword", "oldpassword"),
    "secret": ("clientsecret", "secret", "signingsecret", "webhooksecret", "authheadervalue"),
    "private key": ("privatekey",),
    "token": ("accesstoken", "refreshtoken", "viewtoken", "token", "merchanttoken"),
}
REQUEST_FIELD_KINDS = {key: kind for kind, keys in _REQUEST_FIELDS.items() for key in keys}
# In answers `code` is an error or permission code, not an OTP: those come from the sandbox outbox instead.
ANSWER_FIELD_KINDS = {key: kind for key, kind in REQUEST_FIELD_KINDS.items() if key != "code"}
_SECRET_HEADERS = {b"authorization": "token", b"x-user-token": "token", b"x-view-token": "token"}
_OTP = re.compile(r"(?<![0-9])[0-9]{6}(?![0-9])")


@dataclass(frozen=True)
class Record:
    text: str
    where: str
    test: str | None


@dataclass
class Collector:
    """Everything the session's scan reads: texts the app produced, server log files, known secrets."""

    known: KnownSecrets = field(default_factory=KnownSecrets)
    records: list[Record] = field(default_factory=list)
    server_logs: list[tuple[Path, str | None]] = field(default_factory=list)
    active: bool = False
    installed: bool = False
    test: str | None = None
    # When each test started (wall clock), to attribute a server's log line by its timestamp.
    timeline: list[tuple[float, str | None]] = field(default_factory=list)
    server_log_dir: Path | None = None  # made with the first server log

    def record(self, text: str, where: str) -> None:
        if self.active and text:
            self.records.append(Record(text, where, self.test))

    @contextmanager
    def isolated(self) -> Iterator[Collector]:
        """Records, secrets and server logs of their own for a while (the scan's own test), then the session's."""
        saved = self.records, self.known, self.server_logs
        self.records, self.known, self.server_logs = [], KnownSecrets(), []
        try:
            yield self
        finally:
            self.records, self.known, self.server_logs = saved

    def enter_test(self, nodeid: str | None) -> None:
        self.test = nodeid
        self.timeline.append((time.time(), nodeid))

    def test_at(self, timestamp: float) -> str | None:
        index = bisect.bisect_right([start for start, _ in self.timeline], timestamp) - 1
        return self.timeline[index][1] if index >= 0 else None

    def server_logs_directory(self) -> Path:
        if self.server_log_dir is None:
            self.server_log_dir = Path(tempfile.mkdtemp(prefix="migo-leakscan-"))
        return self.server_log_dir

    # -- answers ---------------------------------------------------------------------------------------------

    def exchange(
        self, scope: dict[str, Any], request: bytes, status: int, headers: list[tuple[bytes, bytes]], body: bytes
    ) -> None:
        """One request and its answer, seen by `RecordingApp`."""
        request_headers = scope.get("headers") or []
        self._harvest_request(scope, request_headers, request)
        path = scope.get("path", "")
        if status >= 400:
            lines = [f"{name.decode('latin-1')}: {value.decode('latin-1')}" for name, value in headers]
            text = "\n".join([*lines, "", body.decode("utf-8", "replace")])
            self.record(text, f"answer {scope.get('method', '?')} {_route_of(scope, path)} → {status}")
        elif len(body) <= _HARVEST_LIMIT and _is_json(headers):
            try:
                answer = json.loads(body)
            except ValueError:
                return
            self._harvest(answer, ANSWER_FIELD_KINDS)
            if path.endswith("/sandbox/outbox"):
                for otp in _OTP.findall(json.dumps(_outbox_bodies(answer))):
                    self.known.add("OTP code", otp)

    def _harvest_request(self, scope: dict[str, Any], headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        for name, value in headers:
            kind = _SECRET_HEADERS.get(name.lower())
            if kind:
                text = value.decode("latin-1").strip()
                scheme, _, credentials = text.partition(" ")
                self.known.add(kind, credentials.strip() if scheme.lower() == "bearer" else text)
        query = scope.get("query_string") or b""
        if query:
            self._harvest(dict(parse_qsl(query.decode("latin-1"))), REQUEST_FIELD_KINDS)
        if not body:
            return
        content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"").decode("latin-1")
        if "form-urlencoded" in content_type:
            self._harvest(dict(parse_qsl(body.decode("utf-8", "replace"))), REQUEST_FIELD_KINDS)
        elif not content_type.startswith("multipart/"):
            with suppress(ValueError):
                self._harvest(json.loads(body), REQUEST_FIELD_KINDS)

    def _harvest(self, value: Any, kinds: dict[str, str], kind: str | None = None) -> None:
        """The value of a secret field is that secret, as are the items of a list it holds
        (`{"pin": "4827"}`, `{"clientSecret": ["…"]}`); an object it holds is looked into afresh (an OpenAPI
        document's `"pin": {"description": …}` holds no PIN)."""
        if isinstance(value, dict):
            for key, item in value.items():
                self._harvest(item, kinds, kinds.get(normalized_key(str(key))))
        elif isinstance(value, list):
            for item in value:
                self._harvest(item, kinds, kind)
        elif kind and isinstance(value, str | int | float) and not is_redaction(str(value)):
            self.known.add(kind, value)


def _route_of(scope: dict[str, Any], path: str) -> str:
    """The route template that answered (`/rest/cards/{cardId}/pin`), so one leak on many ids is one entry."""
    route = scope.get("route")
    template = getattr(route, "path", None)
    if template is None or type(route).__name__ == "Mount":
        return path
    return f"{scope.get('root_path', '')}{template}"


def _is_json(headers: list[tuple[bytes, bytes]]) -> bool:
    return any(k.lower() == b"content-type" and b"json" in v for k, v in headers)


def _outbox_bodies(answer: Any) -> list[Any]:
    items = ((answer or {}).get("data") or {}).get("items") or []
    return [item.get("body") for item in items if isinstance(item, dict)]


COLLECTOR = Collector()


class RecordingApp:
    """A pure-ASGI wrapper that shows the collector each request and its answer, changing neither."""

    def __init__(self, app: Callable[..., Any]) -> None:
        self.app = app

    def __getattr__(self, name: str) -> Any:
        return getattr(self.app, name)

    async def __call__(self, scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]) -> None:
        if scope["type"] != "http" or not COLLECTOR.active:
            await self.app(scope, receive, send)
            return
        request, body = bytearray(), bytearray()
        start: dict[str, Any] = {}

        async def receiving() -> dict[str, Any]:
            message = await receive()
            if message["type"] == "http.request":
                request.extend(message.get("body", b"")[: _BODY_LIMIT - len(request)])
            return message

        async def sending(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                start.update(status=message["status"], headers=list(message.get("headers") or []))
            elif message["type"] == "http.response.body":
                body.extend(message.get("body", b"")[: _BODY_LIMIT - len(body)])
            await send(message)

        path = scope["path"]  # the routers below rewrite root_path in this very dict
        try:
            await self.app(scope, receiving, sending)
        finally:
            COLLECTOR.exchange(
                {**scope, "path": path}, bytes(request), start.get("status", 0), start.get("headers", []), bytes(body)
            )


# -- installing the capture ----------------------------------------------------------------------------------


def install() -> None:
    """Wrap the log writers and the in-process transport, once per process."""
    import httpx
    import structlog

    if getattr(httpx.ASGITransport, "_leakscan", False):
        return

    for logger_class in (structlog.PrintLogger, structlog.WriteLogger):
        original = logger_class.msg

        def msg(self: Any, message: str, _original: Any = original) -> None:
            COLLECTOR.record(str(message), "log line")
            _original(self, message)

        for name, value in list(vars(logger_class).items()):
            if value is original:
                setattr(logger_class, name, msg)

    original_format = structlog.stdlib.ProcessorFormatter.format

    def format_record(self: Any, record: logging.LogRecord) -> str:
        line = original_format(self, record)
        COLLECTOR.record(line, f"log line ({record.name})")
        return line

    structlog.stdlib.ProcessorFormatter.format = format_record  # type: ignore[method-assign]

    original_init = httpx.ASGITransport.__init__

    def init(self: httpx.ASGITransport, app: Any, *args: Any, **kwargs: Any) -> None:
        original_init(self, RecordingApp(app), *args, **kwargs)

    httpx.ASGITransport.__init__ = init  # type: ignore[method-assign]
    httpx.ASGITransport._leakscan = True  # type: ignore[attr-defined]
