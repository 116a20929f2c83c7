"""The leak scan itself (tests/leakscan): its rules on plain text, and its capture end to end on a small app."""

from __future__ import annotations

import json
import logging

import httpx
import pytest
import structlog
from fastapi import FastAPI, HTTPException

from tests.leakscan import known_secret, server_log
from tests.leakscan.capture import COLLECTOR
from tests.leakscan.plugin import scan
from tests.leakscan.scanner import KnownSecrets, Scanner, find_card_numbers, mask


def _scanner(**secrets: str) -> Scanner:
    known = KnownSecrets()
    for kind, value in secrets.items():
        known.add(kind, value)
    return Scanner(known)


@pytest.mark.parametrize(
    "text",
    [
        '{"cardNumber": "4111111111111111"}',
        "card 4111 1111 1111 1111 declined",
        "card 4111-1111-1111-1111 declined",
        "amex 3782 822463 10005",
        "/rest/cards/4111111111111111/funds",
        "cardNumber=4111111111111111&cvv=737",
        "card=4111111111111111 123",  # a PAN and a CVV after it
    ],
)
def test_a_luhn_valid_card_number_is_found_plain_or_grouped(text):
    assert [digits for _, _, digits in find_card_numbers(text)] in (["4111111111111111"], ["378282246310005"])


@pytest.mark.parametrize(
    "text",
    [
        '{"maskedPan": "411111…1111", "last4": "1111"}',
        "411111******1111",
        "4111 11** **** 1111",
        "4111111111111112",  # fails Luhn
        'placeholder="0000 0000 0000 0000"',
        "4444444444444444 4444",
        '"requestId": "a4111111111111111b"',  # inside a hex id
        "a6e0c9f4-1234-5678-9012-123456789012",  # a UUID's digit groups
        "2026-11-26 2026-11-27",  # dates
    ],
)
def test_masked_forms_and_numbers_that_are_not_cards_are_not_flagged(text):
    assert find_card_numbers(text) == []


def test_a_known_long_secret_is_found_anywhere_and_shown_masked():
    secret = "q8Zx-3vTnY0pLmKc_7RfWs2bHd9eGaJ4"
    scanner = _scanner(token=secret)
    [finding] = scanner.scan(f'Authorization: Bearer {secret} refused for "client"')
    assert finding.rule == "known secret" and finding.kind == "token" and finding.value == secret
    assert secret not in finding.excerpt and mask(secret) in finding.excerpt
    # percent-encoded in a query string, too
    assert scanner.scan(f"GET /x?token={secret.replace('-', '%2D')}")


def test_a_long_secret_is_found_by_its_longest_run_even_when_the_rest_is_mangled():
    key = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ7x1mQwl3zTbFvNcY0q2sLaPh8RkDyEuWi6oGtHf5Ue\n-----END"
    logged = json.dumps({"event": "bad key", "key": key})  # the newlines escaped: the whole value is not there
    assert key not in logged
    [finding] = _scanner(**{"private key": key}).scan(logged)
    assert finding.kind == "private key" and "MC4CAQ" not in finding.excerpt


def test_short_secrets_count_only_in_the_field_that_names_them():
    scanner = _scanner(CVV="737", PIN="4827", code="048213")
    leaks = [
        '{"cvv": "737"}',
        "cvv=737",
        "SetPinRequest(pin='4827')",
        "[type=string_pattern_mismatch, input_value='4827', input_type=str]",
        "PIN 4827 is too weak",
        '{"code": "048213"}',
    ]
    for text in leaks:
        assert [f.value for f in scanner.scan(text)] in (["737"], ["4827"], ["048213"]), text
    harmless = [
        '"timestamp": "2026-11-30T06:58:40.737000Z"',
        '"duration_ms": 4827.1',
        '"amount": "4827.0000"',
        "/rest/cards/737/pin",
        '{"statusCode": 409, "code": 7211}',
        "body.pin: String should match pattern '^[0-9]{4}$'",
    ]
    for text in harmless:
        assert scanner.scan(text) == [], text


def test_a_known_secret_that_is_a_word_or_a_number_counts_only_beside_its_field():
    scanner = _scanner(password="password", secret="not-a-secret", PIN="83917265")
    for text in [
        '"detail": "The username or password is not correct."',
        '"path": "/rest/users/auth/password/reset"',
        '"amount": "83917265.0000"',
        "this is not-a-secret at all",
    ]:
        assert scanner.scan(text) == [], text
    for text in ['{"password": "password"}', "bad secret not-a-secret", "input_value=83917265"]:
        assert [f.rule for f in scanner.scan(text)] == ["known secret in a field"], text


def test_a_secret_field_with_any_literal_value_is_a_leak_and_a_redaction_is_not():
    scanner = _scanner()
    for text in ["RotatePinRequest(current_pin='1357', new_pin='2468')", '{"clientSecret": "s3cr3t"}', "password=x1y2"]:
        assert scanner.scan(text), text
    for text in [
        '{"pin": "[REDACTED]", "clientSecret": "[REDACTED]"}',
        "LoginRequest(username='ana', password=SecretStr('**********'))",
        '{"pinSet": true, "pin_attempts": 2, "password": null}',
        '{"maskedPan": "489551…1234", "cardNumber": "489551******1234"}',
    ]:
        assert scanner.scan(text) == [], text


def test_public_values_are_never_secrets():
    known = KnownSecrets()
    known.add("private key", "pk_public_looking_1234567890")
    known.add_public("pk_public_looking_1234567890")
    assert Scanner(known).scan("pk_public_looking_1234567890") == []


async def test_the_capture_sees_logs_error_answers_and_server_logs_and_names_the_test(app, request, tmp_path):
    """End to end on a throwaway app, in a collector of its own so the session's scan stays clean."""
    if not COLLECTOR.installed:
        pytest.skip("the leak scan is off (--no-leakscan)")
    toy = FastAPI()
    password, cvv = "Tr0ub4dor-and-3", "737"

    @toy.post("/pay")
    async def pay(body: dict) -> dict:
        structlog.get_logger("migo.test").info(f"paying with cvv={body['cvv']}")
        logging.getLogger("migo.test").warning("login for %s", body["password"])
        raise HTTPException(422, f"no account for password {body['password']}")

    with COLLECTOR.isolated():
        known_secret("password", password)
        log = server_log("migo-serve")
        log.write_text('{"event": "request", "path": "/rest/cards/4111111111111111/funds"}\n')
        transport = httpx.ASGITransport(app=toy)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            answer = await http.post("/pay", json={"cvv": cvv, "password": password})
        assert answer.status_code == 422
        result = scan(COLLECTOR)
    found = {(leak.kind, " ".join(leak.where.replace(",", "").split()[:2])) for leak in result.leaks}
    assert ("CVV", "log line") in found  # structlog, harvested from the request body
    assert ("password", "log line") in found  # the standard library's logging
    assert ("password", "answer POST") in found  # the 422 answer
    assert ("PAN", "server log") in found
    assert {test for leak in result.leaks for test in leak.tests} == {request.node.nodeid}
    assert not any(password in leak.excerpt or "4111111111111111" in leak.excerpt for leak in result.leaks)
