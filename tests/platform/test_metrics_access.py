"""/metrics is not public in production (issue 13 §2): Prometheus scrapes it with a bearer token, and without
one configured it is not served at all. The sandbox keeps it open."""

from __future__ import annotations

import secrets

import httpx
import pytest

from migo.app import create_app
from migo.platform.settings import Settings

TOKEN = secrets.token_urlsafe(32)


def _client(settings: Settings) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=create_app(settings), raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


def _production(**overrides: object) -> Settings:
    return Settings(environment="production", secret_key=secrets.token_urlsafe(32), **overrides)


async def test_production_serves_metrics_only_to_the_bearer_of_the_token():
    async with _client(_production(metrics_token=TOKEN)) as http:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"x-metrics-token": TOKEN}):
            refused = await http.get("/metrics", headers=headers)
            assert refused.status_code == 401, headers
            assert refused.json() == {"message": "Unauthorized"}
            assert refused.headers["www-authenticate"] == "Bearer"
            assert "migo_http_requests_total" not in refused.text
        scraped = await http.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
        assert scraped.status_code == 200 and "migo_http_requests_total" in scraped.text


@pytest.mark.parametrize("token", [None, ""])
async def test_production_without_a_token_has_no_metrics(token):
    async with _client(_production(metrics_token=token)) as http:
        for headers in ({}, {"Authorization": "Bearer "}):
            missing = await http.get("/metrics", headers=headers)
            assert missing.status_code == 404
            assert missing.json()["ownCode"] == 5001 and "migo_http" not in missing.text


async def test_the_sandbox_keeps_metrics_open(client):
    opened = await client.get("/metrics")
    assert opened.status_code == 200 and "migo_http_requests_total" in opened.text


async def test_a_token_set_in_the_sandbox_is_required_there_too():
    async with _client(Settings(environment="sandbox", metrics_token=TOKEN)) as http:
        assert (await http.get("/metrics")).status_code == 401
        assert (await http.get("/metrics", headers={"Authorization": f"bearer {TOKEN}"})).status_code == 200
