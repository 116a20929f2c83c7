"""64 concurrent transfers both ways among a few cards, with loads and unloads, through the API; then the
ledger's invariants, every card's balance as the approved calls add up, and exactly one entry per approved call."""

from __future__ import annotations

import asyncio
from collections import Counter
from decimal import Decimal

from sqlalchemy import func, select

from migo.cards.models import CardTransaction
from migo.platform.db import database
from tests.books import assert_books_sound
from tests.factories import activate_card, bearer, create_cardholder, create_tenant, provision_cards, signed

OPENING = Decimal("60")  # loaded on each card before the race
FUNDS = Decimal("25")  # each load or unload in the race
TRANSFER = Decimal("17.5")


async def test_concurrent_transfers_loads_and_unloads_keep_the_books(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=4, max_balance=None, funding="10000")
    holder = await create_cardholder(client, tenant)
    ids = [(await activate_card(client, cards, i, holder["userId"]))["cardId"] for i in range(4)]
    token = await tenant.app_token(client)
    for card_id in ids:
        body = {"type": "load", "amount": str(OPENING)}
        response = await signed(client, tenant, "PUT", f"/rest/cards/{card_id}/funds", body, token=token)
        assert response.status_code == 200

    # Each call as (method, path, body) and what it moves if approved: {card: change}.
    calls: list[tuple[str, str, dict[str, str], dict[str, Decimal]]] = []
    for index in range(64):
        if index % 8 == 0:  # loads and unloads, all on the first card
            kind, card_id = ("load" if index % 16 == 0 else "unload"), ids[index % 4]
            change = FUNDS if kind == "load" else -FUNDS
            body = {"type": kind, "amount": str(FUNDS)}
            calls.append(("PUT", f"/rest/cards/{card_id}/funds", body, {card_id: change}))
            continue
        source, target = ids[index % 4], ids[(index + 1 + index // 4) % 4]
        if source == target:
            target = ids[(index + 2) % 4]
        body = {"sourceCardId": source, "targetCardId": target, "amount": str(TRANSFER)}
        calls.append(("POST", "/rest/cards/transfer", body, {source: -TRANSFER, target: TRANSFER}))

    responses = await asyncio.gather(
        *(signed(client, tenant, method, path, body, token=token) for method, path, body, _ in calls)
    )
    statuses = [r.status_code for r in responses]
    assert set(statuses) <= {200, 422}, [r.text for r in responses if r.status_code not in (200, 422)]
    denied = [r.json()["error"]["code"] for r in responses if r.status_code == 422]
    assert set(denied) <= {7303}
    approved = [(body, moves) for (_, _, body, moves), r in zip(calls, responses, strict=True) if r.status_code == 200]

    # The last three cards are debited by their own transfers only, 17.5 at a time from 60: whatever the order,
    # each one's first three transfers out find at least 60 - 2 x 17.5 = 25 on it, and must be approved.
    transfers_out = Counter(body["sourceCardId"] for body, _ in approved if "sourceCardId" in body)
    assert all(transfers_out[card_id] >= 3 for card_id in ids[1:]), transfers_out

    # What the approved answers say moved is what moved, and nothing else did: each card's balance is its
    # opening load plus the changes of the calls approved on it.
    expected = dict.fromkeys(ids, OPENING)
    for _, moves in approved:
        for card_id, change in moves.items():
            expected[card_id] += change
    balances = {}
    for card_id in ids:
        shown = await client.get(f"/rest/cards/{card_id}", headers=bearer(token))
        balances[card_id] = Decimal(shown.json()["data"]["balance"])
    assert balances == expected

    await assert_books_sound()
    async with database.transaction() as session:
        by_status = await session.execute(
            select(CardTransaction.status, func.count())
            .where(CardTransaction.company_id == tenant.company_id)
            .group_by(CardTransaction.status)
        )
        recorded = Counter({status: count for status, count in by_status})
        with_entry = await session.scalar(
            select(func.count(func.distinct(CardTransaction.entry_id))).where(
                CardTransaction.company_id == tenant.company_id,
                CardTransaction.status == "approved",
                CardTransaction.entry_id.is_not(None),
            )
        )
    # One transaction per call, approved or denied, and one entry per approved one (and the four opening loads).
    assert recorded == Counter(approved=len(approved) + 4, denied=len(denied))
    assert with_entry == len(approved) + 4
