"""Rules that close holes a review found: each would otherwise be a leak, a lockout or a 500."""

from __future__ import annotations

import asyncio
import secrets
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text

from migo.cards.tasks import render_statement
from migo.ledger import service as ledger
from migo.platform.db import database
from migo.platform.pdf import latin1
from tests.factories import (
    activate_card,
    bearer,
    create_cardholder,
    create_tenant,
    login,
    provision_cards,
    signed,
)
from tests.traced import untraced


async def test_every_card_error_code_answers_as_catalogued(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=1)
    holder = await create_cardholder(client, tenant)
    card = await activate_card(client, cards, 0, holder["userId"])
    token = await login(client, tenant, holder["username"])
    app_token = await tenant.app_token(client)
    unknown = uuid.uuid4()

    missing_card = await client.get(f"/rest/cards/{unknown}", headers=bearer(app_token))
    assert untraced(missing_card.json()["error"]) == {
        "code": 7200,
        "name": "CARD_NOT_FOUND",
        "detail": "The card does not exist.",
    }
    no_pin = await client.post(f"/rest/cards/{card['cardId']}/pin/verify", json={"pin": "4827"}, headers=bearer(token))
    assert no_pin.status_code == 409 and no_pin.json()["error"]["code"] == 7210
    no_link = await client.delete(f"/rest/users/{holder['userId']}/external-cards/{unknown}", headers=bearer(token))
    assert no_link.status_code == 404 and no_link.json()["error"]["code"] == 7218
    no_transaction = await client.get(f"/rest/cards/transactions/{unknown}", headers=bearer(app_token))
    assert no_transaction.status_code == 404 and no_transaction.json()["error"]["code"] == 7300


async def test_a_company_without_a_program_has_no_card_stock():
    from migo.cards import programs
    from migo.platform.errors import ApiError

    tenant = await create_tenant()
    async with database.transaction() as session:
        with pytest.raises(ApiError) as missing:
            await programs.print_cards(session, tenant.company_id, 1)
    assert missing.value.error.code == 7221 and missing.value.error.status == 409


async def test_cardholders_cannot_move_company_money(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=1)
    holder = await create_cardholder(client, tenant)
    card = await activate_card(client, cards, 0, holder["userId"])
    token = await login(client, tenant, holder["username"])
    response = await signed(
        client,
        tenant,
        "PUT",
        f"/rest/cards/{card['cardId']}/funds",
        {"type": "load", "amount": "10"},
        headers={"x-user-token": token},
    )
    assert response.status_code == 403 and response.json()["error"]["code"] == 7004


async def test_idempotency_keys_do_not_cross_cardholders(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=1)
    ana = await create_cardholder(client, tenant)
    bob = await create_cardholder(client, tenant, firstName="Bob")
    card = await activate_card(client, cards, 0, ana["userId"])
    ana_token = await login(client, tenant, ana["username"])
    bob_token = await login(client, tenant, bob["username"])
    path = f"/rest/cards/{card['cardId']}/statements"
    body = {"month": 1, "year": 2026}
    mine = await client.post(path, json=body, headers={**bearer(ana_token), "Idempotency-Key": "same"})
    assert mine.status_code == 201
    theirs = await client.post(path, json=body, headers={**bearer(bob_token), "Idempotency-Key": "same"})
    assert theirs.status_code == 404  # Bob's own try, refused for his lack of access: not Ana's stored answer


async def test_rotating_without_permission_spends_no_pin_try(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=1)
    owner = await create_cardholder(client, tenant)
    helper = await create_cardholder(client, tenant, firstName="Hugo")
    card = await activate_card(client, cards, 0, owner["userId"])
    owner_token = await login(client, tenant, owner["username"])
    helper_token = await login(client, tenant, helper["username"])
    path = f"/rest/cards/{card['cardId']}"
    await client.put(f"{path}/pin", json={"pin": "4827"}, headers=bearer(owner_token))
    await client.post(
        f"{path}/users",
        json={"userId": helper["userId"], "permissions": ["view", "transact"]},
        headers=bearer(owner_token),
    )
    for _ in range(4):
        refused = await client.post(
            f"{path}/pin/rotate", json={"currentPin": "4827", "newPin": "3071"}, headers=bearer(helper_token)
        )
        assert refused.status_code == 403
    assert (
        await client.post(f"{path}/pin/verify", json={"pin": "4827"}, headers=bearer(owner_token))
    ).status_code == 200


async def test_backend_activations_are_not_capped_per_address(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=25)
    holder = await create_cardholder(client, tenant)
    for index in range(25):  # one backend address, many successful activations
        await activate_card(client, cards, index, holder["userId"])


async def test_webview_failures_are_limited_per_address(client, frozen_clock):
    tenant = await create_tenant()
    holders = [await create_cardholder(client, tenant, firstName=f"H{i}") for i in range(5)]
    statuses = []
    for attempt in range(21):
        holder = holders[attempt % 5]
        response = await client.post(
            "/card-activation",
            data={"userId": holder["userId"], "cardNumber": "4242424242424242", "cardholderName": "X"},
        )
        statuses.append(response.status_code)
    assert statuses[:20] == [400] * 20 and statuses[20] == 429


async def test_long_emails_make_long_usernames(client):
    tenant = await create_tenant()
    email = "a" * 200 + "@example.com"
    user = await create_cardholder(client, tenant, email=email)
    assert user["username"] == email


async def test_statements_render_names_outside_latin1(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=1, name="LUKASZ NOWAK")
    holder = await create_cardholder(client, tenant, firstName="Łukasz", lastName="Nowak 東京")
    card = await activate_card(client, cards, 0, holder["userId"])
    token = await tenant.app_token(client)
    requested = await client.post(
        f"/rest/cards/{card['cardId']}/statements", json={"month": 1, "year": 2026}, headers=bearer(token)
    )
    statement_id = requested.json()["data"]["statementId"]
    await render_statement(statement_id=statement_id)
    status = await client.get(f"/rest/cards/{card['cardId']}/statements/{statement_id}", headers=bearer(token))
    assert status.json()["data"]["status"] == "ready"
    assert latin1("Łukasz Pérez") == "?ukasz Pérez"


async def test_same_reference_on_other_accounts_at_once_applies_once():
    async with database.transaction() as session:
        bank = await ledger.open_account(
            session, kind="bank_clearing", currency="GTQ", company_id=None, allow_negative=True
        )
        accounts = [await ledger.open_account(session, kind="card", currency="GTQ", company_id=None) for _ in range(4)]
    reference = f"race:{secrets.token_hex(6)}"

    async def post(target):
        async with database.transaction() as session:
            return await ledger.post_entry(
                session, reference=reference, kind="t", legs=ledger.transfer_legs(bank.id, target, Decimal(1))
            )

    results = await asyncio.gather(*(post(account.id) for account in accounts))
    assert sorted(r.outcome for r in results) == ["duplicate", "duplicate", "duplicate", "posted"]
    assert len({r.entry_id for r in results}) == 1


async def test_entries_and_postings_cannot_be_edited():
    async with database.transaction() as session:
        entry_id = await session.scalar(text("SELECT id FROM ledger_entries LIMIT 1"))
    assert entry_id is not None
    for statement in (
        "UPDATE ledger_entries SET description = 'edited' WHERE id = :id",
        "DELETE FROM ledger_postings WHERE entry_id = :id",
    ):
        with pytest.raises(Exception, match="immutable"):
            async with database.transaction() as session:
                await session.execute(text(statement), {"id": entry_id})
