"""Request bodies have a budget per route class, enforced while they stream in (issue 13 §2): a 100 MB body to
the unauthenticated token endpoint used to be read whole into memory before anything refused it."""

from __future__ import annotations

import json
import select
import socket
import time
from collections.abc import AsyncIterator
from urllib.parse import urlparse

import httpx
from fastapi import APIRouter, FastAPI, Request

from migo.platform.bodylimit import HOSTED_FORM_MAX_BYTES, accepts_upload, limit_surface, upload_paths
from migo.platform.envelope import install_error_handlers
from migo.platform.settings import get_settings
from migo.surfaces.cms import build_cms
from migo.surfaces.gateway import build_gateway
from migo.surfaces.middleware import build_middleware

MiB = 1024 * 1024


class Chunks:
    """A streamed request body of `total` bytes (no Content-Length: chunked), counting what was pulled."""

    def __init__(self, total: int, chunk: int = 64 * 1024) -> None:
        self.total, self.chunk, self.pulled = total, chunk, 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while self.pulled < self.total:
            self.pulled += self.chunk
            yield b" " * self.chunk


def _envelope_413(response: httpx.Response) -> None:
    assert response.status_code == 413
    assert response.headers["connection"] == "close"
    body = response.json()
    assert set(body) == {"statusCode", "message", "error"}
    assert body["statusCode"] == 413
    assert body["error"]["code"] == 7015 and body["error"]["name"] == "PAYLOAD_TOO_LARGE"
    assert "1048576 bytes" in body["error"]["detail"]


def _middleware_413(response: httpx.Response) -> None:
    assert response.status_code == 413
    body = response.json()
    assert set(body) - {"requestId", "docUrl"} == {"statusCode", "ownCode", "message", "detail"}
    assert body["statusCode"] == 413 and body["ownCode"] == 5018


async def test_a_declared_length_over_the_limit_is_refused_before_the_body_is_read(client):
    for path, check in (("/rest/auth/token", _envelope_413), ("/cms/rest/auth/token", _envelope_413)):
        body = Chunks(100 * MiB)
        response = await client.post(
            path, content=body, headers={"content-type": "application/json", "content-length": str(100 * MiB)}
        )
        check(response)
        assert body.pulled == 0
    body = Chunks(100 * MiB)
    refused = await client.post(
        "/transactions", content=body, headers={"content-type": "application/json", "content-length": str(100 * MiB)}
    )
    _middleware_413(refused)
    assert body.pulled == 0


async def test_a_chunked_body_stops_being_read_at_the_limit(client):
    for path, check in (
        ("/rest/auth/token", _envelope_413),
        ("/cms/rest/auth/token", _envelope_413),
        ("/transactions-hook", _middleware_413),
    ):
        body = Chunks(100 * MiB)
        check(await client.post(path, content=body, headers={"content-type": "application/json"}))
        assert body.pulled <= MiB + body.chunk  # the chunk that crossed the limit, and not one more


async def test_a_body_within_the_limit_reaches_the_endpoint(client):
    padded = json.dumps({"clientId": "x" * (MiB - 100), "clientSecret": "y"}).encode()
    assert len(padded) < MiB
    response = await client.post("/rest/auth/token", content=padded, headers={"content-type": "application/json"})
    assert response.status_code == 400 and response.json()["error"]["code"] == 7000  # validated, not refused


async def test_hosted_page_forms_have_a_smaller_budget_and_a_plain_answer(client):
    form = {"cardNumber": "4" * (HOSTED_FORM_MAX_BYTES + 1)}
    for path in ("/checkout/Ypo5z2zTpLqWoe3eVvZMH/pay", "/card-activation", "/"):
        response = await client.post(path, data=form)
        assert response.status_code == 413
        assert response.headers["content-type"].startswith("text/plain")
        assert "65536 bytes" in response.text
    chunked = Chunks(MiB, chunk=4096)
    response = await client.post(
        "/checkout/Ypo5z2zTpLqWoe3eVvZMH/pay",
        content=chunked,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 413 and response.headers["content-type"].startswith("text/plain")
    assert chunked.pulled <= HOSTED_FORM_MAX_BYTES + chunked.chunk


async def test_an_endpoint_opts_in_to_the_upload_budget():
    surface = FastAPI()
    install_error_handlers(surface, "envelope")

    @surface.post("/files")
    @accepts_upload
    async def upload_file(request: Request) -> dict[str, int]:
        return {"received": len(await request.body())}

    @surface.post("/notes")
    async def add_note(request: Request) -> dict[str, int]:
        return {"received": len(await request.body())}

    batches = APIRouter(prefix="/partners/{partnerId}")  # how every surface is built: included routers

    @batches.post("/batches")
    @accepts_upload
    async def upload_batch(partnerId: str, request: Request) -> dict[str, int]:  # noqa: N803
        return {"received": len(await request.body())}

    surface.include_router(batches)
    limit_surface(surface, "envelope", max_json_bytes=1000, max_upload_bytes=5000)
    assert upload_paths(surface.routes) == ["/files", "/partners/{partnerId}/batches"]
    root = FastAPI()
    root.mount("/rest", surface)  # mounted as in the root app: the surface's own paths still match
    transport = httpx.ASGITransport(app=root)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        assert (await http.post("/rest/files", content=b"x" * 4000)).json() == {"received": 4000}
        assert (await http.post("/rest/files", content=Chunks(4000, chunk=500))).json() == {"received": 4000}
        assert (await http.post("/rest/files", content=b"x" * 5001)).status_code == 413
        assert (await http.post("/rest/files", content=Chunks(6000, chunk=500))).status_code == 413
        assert (await http.post("/rest/partners/p1/batches", content=b"x" * 4000)).json() == {"received": 4000}
        too_big_for_json = await http.post("/rest/notes", content=b"x" * 4000)
        assert too_big_for_json.status_code == 413 and too_big_for_json.json()["error"]["code"] == 7015


async def test_each_surface_deployed_alone_limits_its_own_bodies():
    """CONTRACT §1: a surface is its own deployable ASGI app; without the root app around it, it still refuses
    an oversized body in its own shape."""
    settings = get_settings()
    alone = [(build_gateway(settings), "/auth/token", _envelope_413)]
    alone += [(build_cms(settings), "/auth/token", _envelope_413)]
    alone += [(build_middleware(settings), "/transactions", _middleware_413)]
    for app, path, shape in alone:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
            shape(await http.post(path, content=b"x" * (MiB + 1), headers={"content-type": "application/json"}))
            shape(await http.post(path, content=Chunks(2 * MiB), headers={"content-type": "application/json"}))


def test_a_real_server_answers_413_long_before_a_huge_chunked_body_is_sent(live_server):
    """Over a socket, as an attacker would send it: 100 MB chunked to the unauthenticated token endpoint. The
    server answers once 1 MiB has arrived, while most of the body was never sent (it is not buffered)."""
    address = urlparse(live_server)
    total, chunk = 100 * MiB, 64 * 1024
    sent, answer = 0, b""
    started = time.monotonic()
    with socket.create_connection((address.hostname, address.port), timeout=10) as connection:
        connection.sendall(
            b"POST /rest/auth/token HTTP/1.1\r\nHost: migo\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        piece = f"{chunk:x}\r\n".encode() + b" " * chunk + b"\r\n"
        while sent < total:
            readable, writable, _ = select.select([connection], [connection], [], 10)
            if readable:
                break
            if writable:
                try:
                    connection.sendall(piece)
                except (BrokenPipeError, ConnectionResetError):
                    break
                sent += chunk
        while not answer.endswith(b"}"):
            received = connection.recv(65536)
            if not received:
                break
            answer += received
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert b"connection: close" in answer.lower()
    assert json.loads(answer.split(b"\r\n\r\n", 1)[1])["error"]["code"] == 7015
    assert sent < 32 * MiB  # the rest was never sent: the socket buffers hold a few MiB at most
    assert time.monotonic() - started < 10
