"""64 concurrent transfers both ways among a few cards, with loads and unloads, through the API; then the
ledger's invariants, and exactly one entry per approved call."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from migo.cards.models import CardTransaction
from migo.ledger import service as ledger
from migo.platform.db import database
from tests.factories import activate_card, create_cardholder, create_tenant, provision_cards, signed


async def test_concurrent_transfers_loads_and_unloads_keep_the_books(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=4, max_balance=None, funding="10000")
    holder = await create_cardholder(client, tenant)
    ids = [(await activate_card(client, cards, i, holder["userId"]))["cardId"] for i in range(4)]
    token = await tenant.app_token(client)
    for card_id in ids:
        response = await signed(
            client, tenant, "PUT", f"/rest/cards/{card_id}/funds", {"type": "load", "amount": "60"}, token=token
        )
        assert response.status_code == 200

    async def call(index: int):
        if index % 8 == 0:
            body = {"type": "load" if index % 16 == 0 else "unload", "amount": "25"}
            return await signed(client, tenant, "PUT", f"/rest/cards/{ids[index % 4]}/funds", body, token=token)
        source, target = ids[index % 4], ids[(index + 1 + index // 4) % 4]
        if source == target:
            target = ids[(index + 2) % 4]
        body = {"sourceCardId": source, "targetCardId": target, "amount": "17.5"}
        return await signed(client, tenant, "POST", "/rest/cards/transfer", body, token=token)

    responses = await asyncio.gather(*(call(i) for i in range(64)))
    statuses = [r.status_code for r in responses]
    assert set(statuses) <= {200, 422}, [r.text for r in responses if r.status_code not in (200, 422)]
    denied = [r.json()["error"]["code"] for r in responses if r.status_code == 422]
    assert set(denied) <= {7303}
    approved = statuses.count(200)

    async with database.transaction() as session:
        report = await ledger.check_invariants(session)
        recorded = await session.scalar(
            select(func.count())
            .select_from(CardTransaction)
            .where(CardTransaction.company_id == tenant.company_id, CardTransaction.status == "approved")
        )
        with_entry = await session.scalar(
            select(func.count(func.distinct(CardTransaction.entry_id))).where(
                CardTransaction.company_id == tenant.company_id,
                CardTransaction.status == "approved",
                CardTransaction.entry_id.is_not(None),
            )
        )
    assert report.ok, report
    assert recorded == with_entry == approved + 4  # and the four initial loads
