"""Schemathesis over the three OpenAPI documents, against a live server: no 5xx, and every answer matches
its documented schema, status code and content type. Bounded so the suite stays fast; every endpoint added
later is fuzzed too."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.factories import OPERATOR_PASSWORD, configure_payment_client, create_tenant
from tests.live import running_server

# The checks, and the operations excused from one of them (with why), are in the configuration; one check is ours.
CONFIG = Path(__file__).with_name("schemathesis.toml")
CHECKS_MODULE = Path(__file__).with_name("schemathesis_checks.py")
MAX_EXAMPLES = os.environ.get("MIGO_FUZZ_EXAMPLES", "25")


def _schemathesis(
    schema_url: str, headers: dict[str, str], phases: str = "examples,fuzzing,stateful"
) -> subprocess.CompletedProcess[str]:
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "--config-file",
        str(CONFIG),
        "run",
        schema_url,
        "--max-examples",
        MAX_EXAMPLES,
        "--seed",
        "20261126",
        # One worker: CPython 3.11's parser is not thread-safe under hypothesis' lambda descriptions
        # ("AST constructor recursion depth mismatch"), which crashed runs with two.
        "--workers",
        "1",
        "--generation-with-security-parameters",
        "false",
        "--no-color",
        "--suppress-health-check",
        "all",
        "--request-timeout",
        "20",
        "--phases",
        phases,
    ]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    environment = {**os.environ, "SCHEMATHESIS_HOOKS": str(CHECKS_MODULE)}
    return subprocess.run(command, capture_output=True, text=True, timeout=600, env=environment)


# The fuzzer hammers the token endpoints, which limit tries per address (60 in 5 minutes): on the suite's shared
# server it would spend 127.0.0.1's budget and the tests after it would be refused. It gets a server of its own
# that trusts 127.0.0.1 as a proxy, and speaks from an address of its own (limits are kept in the database the
# whole run shares: an address another test rotates through would find its budget spent).
FUZZER_ADDRESS = {"X-Forwarded-For": "198.18.0.7"}  # a range no other test speaks from


@pytest.fixture(scope="module")
def fuzz_server() -> Iterator[str]:
    with running_server({"MIGO_TRUSTED_PROXIES": "127.0.0.1"}) as base:
        yield base


@pytest.fixture(scope="module")
async def credentials(fuzz_server):
    tenant = await create_tenant()
    await configure_payment_client(tenant)  # so the fuzzer reaches the Middleware's payment rules
    async with httpx.AsyncClient(base_url=fuzz_server) as http:
        app_token = await tenant.app_token(http)
        cms_token = await tenant.cms_token(http)
        # The Middleware application's access token, not the merchant token: the fuzzer finds the merchant
        # token's id in `GET /v1/merchant-tokens` and revokes it, and then everything after is a 401.
        merchant_token = (await tenant.middleware_tokens(http))["accessToken"]
        login = await http.post(
            "/cms/rest/auth/login",
            json={"username": tenant.operator_username, "password": OPERATOR_PASSWORD},
            headers={"Authorization": f"Bearer {cms_token}"},
        )
    return {
        "/rest": {"Authorization": f"Bearer {app_token}"},
        "/cms/rest": {"Authorization": f"Bearer {cms_token}", "x-user-token": login.json()["data"]["accessToken"]},
        "": {"Authorization": merchant_token},
    }


@pytest.mark.parametrize("prefix", ["", "/rest", "/cms/rest"])
def test_fuzz_surface(fuzz_server, credentials, prefix):
    result = _schemathesis(f"{fuzz_server}{prefix}/openapi.json", {**credentials[prefix], **FUZZER_ADDRESS})
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


@pytest.mark.parametrize("prefix", ["", "/rest", "/cms/rest"])
def test_coverage_phase_matches_the_documents(fuzz_server, credentials, prefix):
    """Schemathesis's coverage phase: the documented boundaries of every field, and each operation called
    without its credentials, where the answer must be the documented 401 (the Middleware's bare one included)."""
    headers = {**credentials[prefix], **FUZZER_ADDRESS}
    result = _schemathesis(f"{fuzz_server}{prefix}/openapi.json", headers, phases="coverage")
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
