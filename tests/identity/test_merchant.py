"""Middleware merchant tokens and hook key pairs (seed 002)."""

from __future__ import annotations

import pytest

from migo.identity import applications
from migo.platform.db import database
from migo.platform.errors import ApiError
from migo.platform.secrets import Secret
from tests.factories import create_tenant
from tests.traced import untraced


async def test_raw_and_bearer_tokens_are_accepted(client):
    tenant = await create_tenant()
    for header in (tenant.merchant_token, f"Bearer {tenant.merchant_token}", f"bearer  {tenant.merchant_token}"):
        response = await client.get("/v1/me", headers={"Authorization": header})
        assert response.status_code == 200, header
        assert response.json()["client"] == tenant.client_slug
        assert response.json()["environment"] == "sandbox"


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer nope", "nope", "Basic abc"])
async def test_bad_merchant_token_is_exactly_unauthorized(client, header):
    headers = {} if header is None else {"Authorization": header}
    response = await client.get("/v1/me", headers=headers)
    assert response.status_code == 401
    assert untraced(response.json()) == {"message": "Unauthorized"}


async def test_key_pairs_authenticate_their_application():
    tenant = await create_tenant()
    async with database.transaction() as session:
        private_key = Secret(tenant.private_key)
        application = await applications.authenticate_key_pair(session, tenant.public_key, private_key)
        assert application.client_slug == tenant.client_slug
        for public, private in ((tenant.public_key, Secret("wrong")), ("pk_unknown", private_key)):
            with pytest.raises(ApiError) as refused:
                await applications.authenticate_key_pair(session, public, private)
            assert refused.value.error.code == 2007 and refused.value.error.status == 401


async def test_middleware_errors_are_error_response_dtos(client):
    missing = await client.get("/v1/nothing-here")
    assert missing.status_code == 404
    assert untraced(missing.json()) == {
        "statusCode": 404,
        "ownCode": 5001,
        "message": "The resource does not exist.",
        "detail": "Not Found",
    }
    wrong_method = await client.delete("/v1/me")
    assert wrong_method.status_code == 405
    assert wrong_method.json()["ownCode"] == 5002
