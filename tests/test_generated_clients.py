"""Generated clients must work (issue 19, seed 003 names openapi-python-client): each surface's OpenAPI document
generates a client at the generator's default settings without a single warning, every operation becomes a
module of it, and seed 002's flow runs through the generated Middleware client against a live server."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from openapi_python_client.strings import snake_case

from migo.platform.settings import get_settings
from migo.surfaces.documents import SURFACES, openapi_documents
from tests.factories import configure_payment_client, create_tenant


@dataclass(frozen=True)
class Generated:
    document: dict[str, Any]
    output: str  # what the generator printed (stdout and stderr)
    project: Path  # the generated project: its package beside README.md and pyproject.toml
    package: str


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Generated]:
    """One client per surface, generated as an integrator would: `openapi-python-client generate` with no
    config file. Its post-hooks run `ruff` from PATH: this interpreter's."""
    root = tmp_path_factory.mktemp("clients")
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    clients = {}
    for surface, document in openapi_documents(get_settings()).items():
        path = root / f"{surface}.json"
        path.write_text(json.dumps(document))
        project = root / surface
        run = subprocess.run(
            [Path(bin_dir) / "openapi-python-client", "generate", "--path", path, "--output-path", project],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=300,
        )
        assert run.returncode == 0, run.stdout + run.stderr
        (package,) = [child.name for child in project.iterdir() if (child / "__init__.py").exists()]
        clients[surface] = Generated(document, run.stdout + run.stderr, project, package)
    return clients


@pytest.fixture
def importable(generated: dict[str, Generated]) -> Iterator[Callable[[str], Any]]:
    """Imports modules of the generated packages, as an installed client would be."""
    paths = [str(client.project) for client in generated.values()]
    sys.path[:0] = paths
    yield importlib.import_module
    for path in paths:
        sys.path.remove(path)


@pytest.mark.parametrize("surface", SURFACES)
def test_the_generator_warns_about_nothing(generated, surface):
    output = generated[surface].output
    assert "warning" not in output.lower(), output


@pytest.mark.parametrize("surface", SURFACES)
def test_every_operation_becomes_a_module_that_imports(generated, importable, surface):
    client = generated[surface]
    modules = {module.stem: module for module in (client.project / client.package / "api").glob("*/*.py")}
    operations = [
        operation["operationId"]
        for item in client.document["paths"].values()
        for method, operation in item.items()
        if method in {"get", "put", "post", "delete", "patch"}
    ]
    assert operations
    assert [operation for operation in operations if snake_case(operation) not in modules] == []
    for operation in operations:
        module = modules[snake_case(operation)]
        importable(f"{client.package}.api.{module.parent.name}.{module.stem}")


def test_binary_answers_are_read_as_files(generated, importable):
    """The statement PDF is bytes to the client, never parsed as JSON."""
    client = generated["gateway"]
    download = importable(f"{client.package}.api.cards.download_card_statement")
    pdf = b"%PDF-1.7\n%%EOF\n"
    answer = download._parse_response(client=None, response=httpx.Response(200, content=pdf))
    assert answer.payload.read() == pdf


async def test_seed_002_through_the_generated_middleware_client(generated, importable, live_server):
    """Create a link, pay it in the sandbox, read it, refund it: seed 002 with nothing but generated code."""
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    package = generated["middleware"].package
    models = importable(f"{package}.models")
    create = importable(f"{package}.api.payment_links.create_transaction")
    pay = importable(f"{package}.api.sandbox.pay_transaction_in_sandbox")
    read = importable(f"{package}.api.payments.get_transaction")
    refund = importable(f"{package}.api.payments.refund_transaction")
    # Seed 002: the raw token in Authorization, no scheme.
    merchant = importable(package).AuthenticatedClient(base_url=live_server, token=tenant.merchant_token, prefix="")
    stranger = importable(package).AuthenticatedClient(base_url=live_server, token="not-a-token", prefix="")

    body = models.CreateLinkRequest(amount=100, user_id="50224865444", channel="wa", client=tenant.client_slug, ads=[])
    refused = await create.asyncio_detailed(client=stranger, body=body)
    assert refused.status_code == 401 and refused.parsed == models.UnauthorizedResponse(message="Unauthorized")

    link = await create.asyncio(client=merchant, body=body)
    assert isinstance(link, models.CreatedLink), link
    assert link.url.endswith(f"/?orderId={link.uid}")

    card = models.SandboxPayRequest(card_number="4242424242424242", expiry="12/34", cvv="123")
    outcome = await pay.asyncio(link.uid, client=merchant, body=card)
    assert isinstance(outcome, models.PaymentOutcome), outcome
    assert outcome.outcome == "approved"

    read_back = await read.asyncio(link.uid, client=merchant)
    assert isinstance(read_back, models.TransactionDetail), read_back
    assert (read_back.reference, read_back.status, read_back.amount) == (link.reference, "approved", 100)

    partial = await refund.asyncio(link.uid, client=merchant, body=models.RefundRequest(amount=30, reason="one back"))
    assert isinstance(partial, models.RefundOut), partial
    assert partial.amount == 30 and partial.transaction.status == "approved"
    too_much = await refund.asyncio(link.uid, client=merchant, body=models.RefundRequest(amount=71))
    assert isinstance(too_much, models.ErrorResponseDto) and too_much.own_code == 5014, too_much
    rest = await refund.asyncio(link.uid, client=merchant)  # no body: all that is left
    assert isinstance(rest, models.RefundOut) and rest.amount == 70 and rest.transaction.status == "refunded"

    missing = await read.asyncio("x" * 21, client=merchant)
    assert isinstance(missing, models.ErrorResponseDto) and missing.status_code == 404, missing


async def test_the_middleware_jwt_flow_through_the_generated_client(generated, importable, live_server):
    """Seed 000's "JWT flow shared across all three APIs", on the Middleware: clientId/clientSecret for a token
    pair, the access token as Bearer on a merchant call, a refresh, and the spent refresh token refused with the
    bare 401 the client models."""
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    package = generated["middleware"].package
    models = importable(f"{package}.models")
    issue = importable(f"{package}.api.authentication.issue_access_token")
    refresh = importable(f"{package}.api.authentication.refresh_access_token")
    create = importable(f"{package}.api.payment_links.create_transaction")
    anonymous = importable(package).Client(base_url=live_server)

    wrong = await issue.asyncio(
        client=anonymous, body=models.ClientCredentials(client_id=tenant.middleware_client_id, client_secret="nope")
    )
    assert isinstance(wrong, models.ErrorResponseDto) and wrong.own_code == 2008, wrong
    credentials = models.ClientCredentials(
        client_id=tenant.middleware_client_id, client_secret=tenant.middleware_client_secret
    )
    pair = await issue.asyncio(client=anonymous, body=credentials)
    assert isinstance(pair, models.TokenPair) and pair.token_type == "Bearer" and pair.expires_in == 1800, pair

    merchant = importable(package).AuthenticatedClient(base_url=live_server, token=pair.access_token)
    body = models.CreateLinkRequest(amount=100, user_id="50224865444", channel="wa", client=tenant.client_slug, ads=[])
    link = await create.asyncio(client=merchant, body=body)
    assert isinstance(link, models.CreatedLink), link

    renewed = await refresh.asyncio(client=anonymous, body=models.RefreshRequest(refresh_token=pair.refresh_token))
    assert isinstance(renewed, models.TokenPair) and renewed.refresh_token != pair.refresh_token, renewed
    spent = await refresh.asyncio_detailed(
        client=anonymous, body=models.RefreshRequest(refresh_token=pair.refresh_token)
    )
    assert spent.status_code == 401 and spent.parsed == models.UnauthorizedResponse(message="Unauthorized")
