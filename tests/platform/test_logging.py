"""Logs are JSON, carry the request id, and never carry card data or secrets (CONTRACT §2)."""

from __future__ import annotations

import json
import logging

import structlog

from migo.platform.errors import ERRORS
from migo.platform.logging import configure_logging, mask_card_numbers, redact_processor
from tests.factories import OPERATOR_PASSWORD, USER_PASSWORD, create_tenant


def test_card_numbers_are_masked_wherever_they_appear():
    assert mask_card_numbers("charged 4242424242424242 ok") == "charged 424242…4242 ok"
    assert mask_card_numbers("4242 4242 4242 4242") == "424242…4242"
    assert mask_card_numbers("order 1234567890123") == "order 1234567890123"  # not Luhn-valid: not a PAN


def test_sensitive_fields_are_redacted():
    event = redact_processor(
        None,
        "info",
        {"event": "x", "password": "p", "clientSecret": "s", "nested": {"cvv": "123", "pin": "1234"}, "amount": 5},
    )
    assert event["password"] == event["clientSecret"] == "[REDACTED]"
    assert event["nested"] == {"cvv": "[REDACTED]", "pin": "[REDACTED]"}
    assert event["amount"] == 5


async def test_a_full_sign_in_flow_logs_no_secret(client, capfd):
    tenant = await create_tenant()
    await tenant.user_tokens(client)
    await tenant.operator_headers(client)
    await client.post("/rest/auth/token", json={"clientId": tenant.gateway_client_id, "clientSecret": "wrong-" * 3})
    out = capfd.readouterr().out
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    requests = [line for line in lines if line.get("event") == "request"]
    assert requests and all(len(line["request_id"]) == 32 for line in requests)
    for secret in (
        USER_PASSWORD,
        OPERATOR_PASSWORD,
        tenant.gateway_client_secret,
        tenant.signing_secret,
        "wrong-wrong-",
    ):
        assert secret not in out


def _request_lines(out: str) -> list[dict]:
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return [line for line in lines if line.get("event") == "request"]


async def test_a_failed_request_line_carries_the_error_code_it_was_answered_with(client, capfd):
    capfd.readouterr()
    await client.post("/rest/auth/token", json={"clientId": "nobody", "clientSecret": "wrong-" * 3})
    await client.get("/v1/me")  # the Middleware's bare 401: no code in its body, the catalog's in the log
    await client.get("/health")
    failed_token, bare, healthy = _request_lines(capfd.readouterr().out)
    token_error = failed_token["status"], failed_token["error_code"], failed_token["error_name"]
    assert token_error == (401, ERRORS.INVALID_CREDENTIALS.code, ERRORS.INVALID_CREDENTIALS.name)
    assert (bare["status"], bare["error_code"], bare["error_name"]) == (401, 7001, "UNAUTHORIZED")
    assert healthy["status"] == 200 and "error_code" not in healthy


def test_an_idle_maintenance_job_is_not_logged_and_a_failed_one_is(capfd):
    """procrastinate's lines for a periodic sweep that ran fine (deferred, started, succeeded) say nothing
    every minute, nor its line per periodic task registered at each process's start; a failure, and any other
    queue's jobs, are still logged."""
    configure_logging("INFO", terminal=False)
    capfd.readouterr()
    worker = logging.getLogger("procrastinate.worker")
    sweep = {"queue": "maintenance", "task_name": "payments.sweep"}
    logging.getLogger("procrastinate.periodic").info(
        "deferred", extra={"action": "periodic_task_deferred", "job": sweep}
    )
    worker.info("Starting job", extra={"action": "start_job", "job": sweep})
    worker.info("Job ended: Success", extra={"action": "job_success", "job": sweep})
    worker.error("Job payments.sweep ended: Error", extra={"action": "job_error", "job": sweep})
    worker.info("Job webhooks.x ended: Success", extra={"action": "job_success", "job": {"queue": "webhooks"}})
    logging.getLogger("procrastinate.periodic").info(
        "Registering task payments.sweep", extra={"action": "registering_periodic_task", "task": "payments.sweep"}
    )
    logged = [json.loads(line) for line in capfd.readouterr().out.splitlines() if line.startswith("{")]
    assert [line["event"] for line in logged] == ["Job payments.sweep ended: Error", "Job webhooks.x ended: Success"]


def test_a_terminal_reads_lines_and_anything_else_json(capfd):
    try:
        configure_logging("INFO", terminal=True)
        structlog.get_logger("migo.test").info("card_printed", count=2)
        line = capfd.readouterr().out.strip()
        assert not line.startswith("{") and "card_printed" in line and "count" in line
    finally:
        configure_logging("INFO", terminal=False)
    structlog.get_logger("migo.test").info("card_printed", count=2)
    assert json.loads(capfd.readouterr().out)["count"] == 2
