"""Every failure path answers in the surface's envelope (CONTRACT §2)."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import APIRouter

from migo.identity.schemas import TokenPair
from migo.platform.envelope import CustomResponse, ok
from migo.platform.errors import ERRORS, ApiError
from migo.platform.settings import get_settings
from migo.platform.surface import build_surface
from tests.factories import bearer, create_tenant
from tests.leakscan import known_secret
from tests.traced import untraced


async def test_validation_errors_list_every_problem(client):
    response = await client.post("/rest/auth/token", json={"clientId": "", "unexpected": 1})
    assert response.status_code == 400
    body = response.json()
    assert body["statusCode"] == 400 and body["error"]["code"] == 7000 and body["error"]["name"] == "VALIDATION_ERROR"
    detail = body["error"]["detail"]
    assert "body.clientId" in detail and "body.clientSecret" in detail and "body.unexpected" in detail


async def test_malformed_json_is_a_validation_error(client):
    response = await client.post(
        "/rest/auth/token", content=b'{"clientId": ', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["error"]["detail"]


async def test_invalid_input_never_echoes_the_value(client):
    secret_like = "s3cr3t-value-that-must-not-echo"
    response = await client.post("/rest/auth/token", json={"clientId": 12345, "clientSecret": [secret_like]})
    assert response.status_code == 400
    assert secret_like not in response.text


async def test_not_found_and_method_not_allowed_on_gateway_and_cms(client):
    for prefix in ("/rest", "/cms/rest"):
        missing = await client.get(f"{prefix}/no/such/path")
        assert missing.status_code == 404
        assert missing.json()["statusCode"] == 404 and missing.json()["error"]["code"] == 7005
        wrong = await client.put(f"{prefix}/auth/token")
        assert wrong.status_code == 405
        assert untraced(wrong.json()["error"]) == {
            "code": 7006,
            "name": "METHOD_NOT_ALLOWED",
            "detail": "Method Not Allowed",
        }


async def test_unexpected_exceptions_are_500_in_the_envelope_without_details(capfd):
    router = APIRouter()

    @router.get("/explode")
    async def explode() -> None:
        raise RuntimeError("database password is hunter2")

    for style, key in (("envelope", "error"), ("middleware", "ownCode")):
        app = build_surface(title="t", description="d", style=style, routers=[router], settings=get_settings())
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            response = await http.get("/explode")
        assert response.status_code == 500
        assert "hunter2" not in response.text and "Traceback" not in response.text
        body = response.json()
        assert body["statusCode"] == 500
        if style == "envelope":
            assert untraced(body[key]) == {
                "code": 8000,
                "name": "INTERNAL_ERROR",
                "detail": "An unexpected error occurred; it was logged.",
            }
        else:
            assert body[key] == 5009
    assert "unhandled_error" in capfd.readouterr().out


async def test_an_api_errors_fields_join_the_envelopes_error_and_leave_the_middlewares_shape_alone():
    router = APIRouter()

    @router.post("/deny")
    async def deny() -> None:
        raise ApiError(ERRORS.CONFLICT, "Denied.", fields={"transactionId": "t-1", "status": "denied"})

    bodies, schemas = {}, {}
    for style in ("envelope", "middleware"):
        app = build_surface(title="t", description="d", style=style, routers=[router], settings=get_settings())
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            bodies[style] = (await http.post("/deny")).json()
        schemas[style] = app.openapi()["components"]["schemas"]
    doc_url = f"{get_settings().public_url}/errors#code-{ERRORS.CONFLICT.code}"
    assert bodies["envelope"]["error"] == {
        "code": ERRORS.CONFLICT.code,
        "name": ERRORS.CONFLICT.name,
        "detail": "Denied.",
        "transactionId": "t-1",
        "status": "denied",
        "docUrl": doc_url,
    }
    assert set(bodies["middleware"]) == {"statusCode", "ownCode", "message", "detail", "docUrl"}
    documented = schemas["envelope"]["ErrorBody"]
    assert {"transactionId", "status"} <= set(documented["properties"])
    assert documented["required"] == ["code", "name", "detail"]
    assert "ErrorBody" not in schemas["middleware"]  # the Middleware documents its ErrorResponseDto only


async def test_an_answer_that_fails_its_model_is_logged_without_its_values(app, capfd):
    """A bug that makes an answer miss its model (FastAPI's ResponseValidationError) or a model built with
    bad data (Pydantic's ValidationError) is a 500 whose log says where and why, never the values: their
    error text repeats the whole answer, tokens included (issue 13 §4, found by the leak scan)."""
    token = "rt_Zq81LmXw0PvBn3KcT7yHs2"
    known_secret("refresh token", token)
    router = APIRouter()

    @router.post("/answer", response_model=CustomResponse[TokenPair])
    async def answer() -> Any:
        return ok({"accessToken": "a", "refreshToken": token})  # expiresIn missing

    @router.post("/build")
    async def build() -> Any:
        return ok(TokenPair(access_token="a", refresh_token=token))  # type: ignore[call-arg]

    surface = build_surface(title="t", description="d", style="envelope", routers=[router], settings=get_settings())
    transport = httpx.ASGITransport(app=surface, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        for path in ("/answer", "/build"):
            refused = await http.post(path)
            assert refused.status_code == 500 and token not in refused.text
    logged = capfd.readouterr().out
    assert logged.count('"unhandled_error"') == 2 and "ResponseValidationError" in logged
    assert "response.data.expiresIn: Field required" in logged and "test_envelope.py:" in logged  # why, where
    assert token not in logged


async def test_request_ids_are_echoed_or_generated(client):
    given = await client.get("/health", headers={"x-request-id": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    generated = await client.get("/health")
    assert len(generated.headers["x-request-id"]) == 32
    hostile = await client.get("/health", headers={"x-request-id": "bad id\twith spaces"})
    assert hostile.headers["x-request-id"] != "bad id\twith spaces"
    failing = await client.get("/rest/nowhere", headers={"x-request-id": "trace-404"})
    assert failing.headers["x-request-id"] == "trace-404"


async def test_pagination_parameters_are_checked(client):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    for params in ({"limit": 101}, {"limit": 0}, {"page": 0}, {"sortBy": "secret"}, {"sortOrder": "sideways"}):
        response = await client.get("/rest/auth/keys", params=params, headers=bearer(token))
        assert response.status_code == 400, params
        assert response.json()["error"]["code"] == 7000
    fine = await client.get(
        "/rest/auth/keys", params={"limit": 100, "sortBy": "expiresAt", "sortOrder": "ASC"}, headers=bearer(token)
    )
    assert fine.status_code == 200
    assert fine.json()["data"]["meta"] == {"page": 1, "limit": 100, "totalItems": 1, "totalPages": 1}


async def test_error_catalog_is_served_on_gateway_and_cms(client):
    for prefix in ("/rest", "/cms/rest"):
        response = await client.get(f"{prefix}/errors")
        assert response.status_code == 200
        data = response.json()["data"]
        codes = {entry["code"]: entry for entry in data["errors"]}
        assert codes[7604] == {
            "code": 7604,
            "name": "INVALID_SIGNATURE",
            "httpStatus": 401,
            "message": "The request signature did not validate.",
        }
        assert codes[7616]["name"] == "KEYS_EXPIRED"
        assert all(7000 <= code <= 8099 for code in codes)
        own = {entry["code"] for entry in data["paymentLinkErrors"]}
        assert {2002, 2003, 2004, 2005, 2006, 2007, 5000, 5004} <= own


async def test_nul_characters_are_refused_not_500(client):
    body = await client.post("/rest/auth/token", json={"clientId": "a\u0000b", "clientSecret": "x"})
    assert body.status_code == 400 and body.json()["error"]["code"] == 7000
    query = await client.get("/rest/errors?x=%00")
    assert query.status_code == 200  # no database behind it: harmless
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    searched = await client.get("/rest/users", params={"searchText": "a\u0000"}, headers=bearer(token))
    assert searched.status_code == 400 and searched.json()["error"]["code"] == 7000
    path = await client.get("/rest/auth/keys/key%00x", headers=bearer(token))
    assert path.status_code == 400


async def test_a_lost_database_is_503_not_500():
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    router = APIRouter()

    @router.get("/busy")
    async def busy() -> None:
        raise PoolTimeout("QueuePool limit reached")

    app = build_surface(title="t", description="d", style="envelope", routers=[router], settings=get_settings())
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        response = await http.get("/busy")
    assert response.status_code == 503 and response.headers["retry-after"] == "1"
    assert response.json()["error"]["code"] == 8001


async def test_the_middleware_answers_any_authentication_failure_like_its_authorizer():
    from migo.platform.errors import ERRORS, ApiError

    router = APIRouter()

    @router.get("/expired")
    async def expired() -> None:
        raise ApiError(ERRORS.TOKEN_EXPIRED)

    app = build_surface(title="t", description="d", style="middleware", routers=[router], settings=get_settings())
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        response = await http.get("/expired")
    assert response.status_code == 401 and response.json() == {"message": "Unauthorized"}


async def test_paths_no_mount_matches_still_answer_in_the_surface_shape(client):
    gateway = await client.get("/rest/cards/a%0Ab/cvv")
    assert gateway.status_code == 404 and gateway.json()["error"]["code"] == 7005
    middleware = await client.get("/v1/a%0Ab")
    assert middleware.status_code == 404 and middleware.json()["ownCode"] == 5001


async def test_an_error_names_its_request_and_links_its_catalog_entry_which_is_served(client):
    tenant = await create_tenant()
    gateway = await client.get("/rest/cards/not-a-card", headers=bearer(await tenant.app_token(client)))
    error = gateway.json()["error"]
    assert error["requestId"] == gateway.headers["x-request-id"]
    assert error["docUrl"] == f"{get_settings().public_url}/errors#code-{error['code']}"
    middleware = await client.post("/transactions", json={}, headers={"Authorization": tenant.merchant_token})
    assert middleware.status_code == 409 and middleware.json()["requestId"] == middleware.headers["x-request-id"]
    assert middleware.json()["docUrl"].endswith("/errors#code-5000")
    bare = await client.post("/transactions", json={}, headers={"Authorization": "nope"})
    assert untraced(bare.json()) == {"message": "Unauthorized"}  # seed 002's bare 401 stays exactly so

    page = await client.get("/errors")
    assert page.status_code == 200
    for code in (error["code"], 5000, 7303):
        assert f'id="code-{code}"' in page.text, code
