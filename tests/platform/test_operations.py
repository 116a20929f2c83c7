"""Liveness, readiness and metrics."""

from __future__ import annotations

from migo.platform import migrations


async def test_health(client):
    response = await client.get("/health")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


async def test_ready_when_the_schema_is_at_head(client):
    response = await client.get("/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready" and body["migrations"]["current"] == migrations.head_revision()


async def test_not_ready_when_migrations_lag(client, monkeypatch):
    monkeypatch.setattr(migrations, "head_revision", lambda: "9999_future")
    response = await client.get("/ready")
    assert response.status_code == 503
    assert response.json()["migrations"]["head"] == "9999_future"


async def test_metrics_count_requests_by_route_template(client):
    await client.get("/rest/errors")
    await client.get("/rest/keys-that-do-not-exist")
    response = await client.get("/metrics")
    assert response.status_code == 200
    text = response.text
    assert 'migo_http_requests_total{method="GET",route="/rest/errors",status="200"}' in text
    assert "keys-that-do-not-exist" not in text  # unmatched paths do not become labels
    assert 'route="/rest/*",status="404"' in text
    assert "migo_http_request_duration_seconds_bucket" in text
