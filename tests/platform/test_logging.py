"""Logs are JSON, carry the request id, and never carry card data or secrets (CONTRACT §2)."""

from __future__ import annotations

import json

from migo.platform.logging import mask_card_numbers, redact_processor
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
