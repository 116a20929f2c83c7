"""Creating Payment Links (seed 002), field by field and error row by error row."""

from __future__ import annotations

import asyncio
import re

import httpx
import pytest
from sqlalchemy import select

from migo.app import create_app
from migo.payments.models import PaymentTransaction
from migo.platform.db import database
from migo.platform.settings import get_settings
from tests.factories import configure_payment_client, create_link, create_tenant, merchant
from tests.traced import untraced

UID = re.compile(r"^[A-Za-z0-9]{21}$")


def body(tenant, **fields):
    return {"amount": 100, "userId": "50224865444", "channel": "wa", "client": tenant.client_slug, "ads": [], **fields}


async def stored(uid: str) -> PaymentTransaction:
    async with database.transaction() as session:
        found = await session.scalar(select(PaymentTransaction).where(PaymentTransaction.uid == uid))
    assert found is not None
    return found


async def test_create_answers_uid_reference_and_upper_case_url(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    response = await client.post("/transactions", json=body(tenant, amount=1), headers=merchant(tenant))
    assert response.status_code == 200, response.text
    answer = response.json()
    assert set(answer) == {"uid", "reference", "URL"}
    assert UID.match(answer["uid"])
    assert answer["reference"] == "CAMPGT000001SB"
    assert answer["URL"] == f"{get_settings().public_url}/?orderId={answer['uid']}"
    second = await create_link(client, tenant)
    assert second["reference"] == "CAMPGT000002SB"


async def test_bearer_prefix_is_tolerated_and_bad_tokens_answer_the_bare_401(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    response = await client.post("/transactions", json=body(tenant), headers=merchant(tenant, bearer_prefix=True))
    assert response.status_code == 200
    for headers in ({}, {"Authorization": "nope"}, {"Authorization": "Bearer "}):
        refused = await client.post("/transactions", json=body(tenant), headers=headers)
        assert refused.status_code == 401
        assert refused.json() == {"message": "Unauthorized"}


async def test_optional_fields_are_kept_as_seed_002_says(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    custom = {"orderId": "A-17", "nested": {"list": [1, "two", None]}, "emoji": "🛒"}
    answer = await create_link(
        client,
        tenant,
        currency="USD",
        externalId="order-17",
        createdBy="shop@example.com",
        customKeys=custom,
        customerId="C-99",
        subscriptionData={"plan": "gold", "cycle": 1},
        processorAmount={"sandbox": 90},
    )
    transaction = await stored(answer["uid"])
    assert transaction.currency == "USD"
    assert transaction.custom_keys == custom
    assert transaction.additional_data == {"clientCode": "C-99", "subscriptionInfo": {"plan": "gold", "cycle": 1}}
    assert transaction.external_id == "order-17" and transaction.created_by == "shop@example.com"
    assert transaction.processor_amounts == {"sandbox": 90}
    shown = (await client.get(f"/transactions/{answer['uid']}", headers=merchant(tenant))).json()
    assert shown["customKeys"] == custom and shown["additionalData"]["clientCode"] == "C-99"
    assert shown["status"] == "pending" and shown["amount"] == 100 and shown["URL"] == answer["URL"]


@pytest.mark.parametrize("currency", [None, "EUR", "usd"])
async def test_currency_missing_or_not_enabled_is_silently_the_clients_first(client, currency):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    fields = {} if currency is None else {"currency": currency}
    answer = await create_link(client, tenant, **fields)
    expected = "USD" if currency == "usd" else "GTQ"
    assert (await stored(answer["uid"])).currency == expected


@pytest.mark.parametrize(
    "change",
    [
        {"amount": None},
        {"userId": None},
        {"channel": None},
        {"client": None},
        {"amount": "100"},
        {"amount": True},
        {"amount": -5},
        {"amount": 0},
        {"amount": 100.5},
        {"userId": ""},
        {"ads": "none"},
        {"customKeys": ["not", "an", "object"]},
        {"processorAmount": {"sandbox": "10"}},
        {"unknownField": 1},
        {"channel": "pigeon"},  # not enabled for the client
        {"processorAmount": {"other": 10}},  # not a processor of the client
    ],
)
async def test_invalid_bodies_are_409_5000_and_create_nothing(client, change):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    payload = body(tenant)
    for key, value in change.items():
        if value is None:
            payload.pop(key)
        else:
            payload[key] = value
    response = await client.post("/transactions", json=payload, headers=merchant(tenant))
    assert response.status_code == 409, response.text
    answer = response.json()
    assert (
        answer["ownCode"] == 5000
        and answer["statusCode"] == 409
        and set(untraced(answer))
        == {
            "statusCode",
            "ownCode",
            "message",
            "detail",
        }
    )
    listed = (await client.get("/transactions", headers=merchant(tenant))).json()
    assert listed["meta"]["totalItems"] == 0


async def test_amount_with_a_zero_fraction_is_that_integer(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    response = await client.post("/transactions", json=body(tenant, amount=100.0), headers=merchant(tenant))
    assert response.status_code == 200
    assert (await stored(response.json()["uid"])).amount == 100


async def test_unknown_or_foreign_client_is_5004(client):
    tenant, other = await create_tenant(), await create_tenant()
    await configure_payment_client(tenant)
    await configure_payment_client(other)
    for slug in ("doesNotExist", other.client_slug):
        response = await client.post("/transactions", json=body(tenant, client=slug), headers=merchant(tenant))
        assert response.status_code == 409 and response.json()["ownCode"] == 5004


@pytest.mark.parametrize("change", [{"amount": 100001}, {"processorAmount": {"sandbox": 101}}])
async def test_amount_out_of_range_or_processor_amount_above_amount_is_2003(client, change):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    response = await client.post("/transactions", json=body(tenant, **change), headers=merchant(tenant))
    assert response.status_code == 409 and response.json()["ownCode"] == 2003


async def test_below_the_minimum_is_2003(client):
    tenant = await create_tenant()
    from decimal import Decimal

    await configure_payment_client(tenant, min_amount=Decimal(10))
    response = await client.post("/transactions", json=body(tenant, amount=9), headers=merchant(tenant))
    assert response.status_code == 409 and response.json()["ownCode"] == 2003


async def test_hook_authenticates_with_the_key_pair_and_answers_without_reference(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    keys = {"publicKey": tenant.public_key, "privateKey": tenant.private_key}
    for path in ("/transactions-hook", "/mw-default/transactions-hook"):
        response = await client.post(path, json={**body(tenant), **keys, "createdBy": "operator@example.com"})
        assert response.status_code == 200, response.text
        assert set(response.json()) == {"uid", "URL"}
        assert UID.match(response.json()["uid"])
    wrong = await client.post("/transactions-hook", json={**body(tenant), **keys, "privateKey": "wrong"})
    assert wrong.status_code == 401
    assert wrong.json()["ownCode"] == 2007 and wrong.json()["statusCode"] == 401
    missing = await client.post("/transactions-hook", json=body(tenant))
    assert missing.status_code == 409 and missing.json()["ownCode"] == 5000


async def test_hook_answers_cors_preflight_and_cross_origin_posts(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    preflight = await client.options(
        "/transactions-hook",
        headers={
            "Origin": "https://shop.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    keys = {"publicKey": tenant.public_key, "privateKey": tenant.private_key}
    posted = await client.post(
        "/transactions-hook", json={**body(tenant), **keys}, headers={"Origin": "https://x.example"}
    )
    assert posted.headers["access-control-allow-origin"] == "*"
    refused = await client.post("/transactions-hook", json=body(tenant), headers={"Origin": "https://x.example"})
    assert refused.headers["access-control-allow-origin"] == "*"  # a browser can read the error too
    other = await client.post("/transactions", json=body(tenant), headers={**merchant(tenant), "Origin": "https://x"})
    assert "access-control-allow-origin" not in other.headers


async def test_list_and_get_are_scoped_to_the_merchants_client(client):
    tenant, other = await create_tenant(), await create_tenant()
    await configure_payment_client(tenant)
    await configure_payment_client(other)
    mine = [await create_link(client, tenant, externalId=f"o-{i}") for i in range(3)]
    theirs = await create_link(client, other)
    listed = (await client.get("/transactions", headers=merchant(tenant), params={"limit": 2})).json()
    assert listed["meta"]["totalItems"] == 3 and len(listed["items"]) == 2
    assert listed["items"][0]["uid"] == mine[-1]["uid"]  # newest first
    found = (await client.get("/transactions", headers=merchant(tenant), params={"searchText": "o-1"})).json()
    assert [t["uid"] for t in found["items"]] == [mine[1]["uid"]]
    foreign = await client.get(f"/transactions/{theirs['uid']}", headers=merchant(tenant))
    assert foreign.status_code == 404 and foreign.json()["ownCode"] == 5001


async def test_two_hundred_parallel_creations_get_consecutive_distinct_references(app):
    tenant = await create_tenant()
    await configure_payment_client(tenant, reference_prefix="RACE")
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:

        async def one(i: int) -> str:
            answer = await create_link(http, tenant, externalId=str(i))
            return answer["reference"]

        references = await asyncio.gather(*(one(i) for i in range(200)))
    numbers = sorted(int(ref.removeprefix("RACE").removesuffix("SB")) for ref in references)
    assert numbers == list(range(1, 201))


async def test_a_rolled_back_creation_gives_its_number_back(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    await create_link(client, tenant)
    refused = await client.post(
        "/transactions", json=body(tenant, returnUrl="https://evil.example/x"), headers=merchant(tenant)
    )
    assert refused.status_code == 409
    assert (await create_link(client, tenant))["reference"] == "CAMPGT000002SB"


def test_app_factory_builds():  # the surface mounts the payments routers without import cycles
    assert create_app() is not None


@pytest.mark.parametrize(
    "raw",
    [
        b'{"customKeys": {"x": 1e400}}',  # Infinity once parsed
        b'{"customKeys": {"x": "\\ud800"}}',  # a lone surrogate
        b'{"subscriptionData": {"deep": ' + b'{"a": ' * 5000 + b"1" + b"}" * 5000 + b"}}",  # deeper than a parser goes
    ],
)
async def test_json_the_database_cannot_store_is_409_5000_not_500(client, raw):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    slug = tenant.client_slug.encode()
    fields = b'"amount": 100, "userId": "50224865444", "channel": "wa", "client": "' + slug + b'", '
    body = b"{" + fields + raw[1:]
    response = await client.post(
        "/transactions", content=body, headers={**merchant(tenant), "content-type": "application/json"}
    )
    assert response.status_code == 409, response.text
    assert response.json()["ownCode"] == 5000


async def test_references_grow_past_six_digits_without_truncation(client):
    from sqlalchemy import update

    from migo.payments.models import PaymentClient

    tenant = await create_tenant()
    configured = await configure_payment_client(tenant)
    async with database.transaction() as session:  # as if 999,999 links had been created
        await session.execute(
            update(PaymentClient).where(PaymentClient.id == configured.id).values(reference_sequence=999_999)
        )
    assert (await create_link(client, tenant))["reference"] == "CAMPGT1000000SB"


async def _client_row_is_free(client_id: object) -> bool:
    """Whether another transaction can lock the client's row (its reference counter) at once."""
    from sqlalchemy.exc import OperationalError

    from migo.payments.models import PaymentClient

    async with database.side_transaction() as other:
        try:
            await other.execute(
                select(PaymentClient.id).where(PaymentClient.id == client_id).with_for_update(nowait=True)
            )
        except OperationalError:
            return False
    return True


@pytest.mark.parametrize("last_write", [True, False])
async def test_a_link_that_is_the_last_write_commits_with_its_insert(last_write):
    """The reference counter is held only while the server commits when nothing follows the link (no
    Idempotency-Key answer to store): the COMMIT rides with the insert, and the row is free when it answers."""
    from migo.identity.models import Application
    from migo.payments import links
    from migo.payments.schemas import LinkFields

    tenant = await create_tenant()
    configured = await configure_payment_client(tenant)
    async with database.transaction() as session:
        application_id = await session.scalar(
            select(Application.id).where(Application.client_slug == tenant.client_slug)
        )
        fields = LinkFields.model_validate(
            {"amount": 100, "userId": "50224865444", "channel": "wa", "client": tenant.client_slug}
        )
        created = await links.create_link(
            session,
            application_id=application_id,
            merchant_slug=tenant.client_slug,
            fields=fields,
            via="transactions",
            last_write=last_write,
        )
        assert await _client_row_is_free(configured.id) is last_write
    async with database.transaction() as session:
        stored = await session.scalar(select(PaymentTransaction.reference).where(PaymentTransaction.uid == created.uid))
    assert stored == created.reference == "CAMPGT000001SB"


async def test_a_keyed_link_is_replayed_with_its_reference_and_the_next_number_follows(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    body = {"amount": 100, "userId": "50224865444", "channel": "wa", "client": tenant.client_slug, "ads": []}
    headers = {**merchant(tenant), "Idempotency-Key": "link-once"}
    first = await client.post("/transactions", json=body, headers=headers)
    again = await client.post("/transactions", json=body, headers=headers)
    assert first.status_code == again.status_code == 200, again.text
    assert again.json() == first.json() and first.json()["reference"] == "CAMPGT000001SB"
    assert (await create_link(client, tenant))["reference"] == "CAMPGT000002SB"
