"""The processors' notices (seed 003: `/webhooks/volcan` and `/webhooks/settlements`, at the root and under the
Gateway's `/rest`) and the Gateway's
webhook API: a notice is signed with its source's secret, stored raw and applied once; card notices move
the card's money through the ledger and reach a company's webhook endpoints as events."""

from __future__ import annotations

import json
import secrets
import uuid
from decimal import Decimal

from sqlalchemy import func, select

from migo.cards.models import Card
from migo.ledger import service as ledger
from migo.ledger.models import Entry, Hold
from migo.platform import clock
from migo.platform.db import database
from migo.platform.secrets import Secret
from migo.webhooks import signatures
from migo.webhooks.inbound import secret_of
from migo.webhooks.models import InboundNotice
from tests.books import assert_books_sound
from tests.factories import (
    activate_card,
    bearer,
    configure_payment_client,
    create_cardholder,
    create_link,
    create_tenant,
    provision_cards,
    sandbox_pay,
    signed,
)
from tests.receiver import webhook_receiver
from tests.traced import untraced
from tests.webhooks.test_delivery import drain


def _id(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(6)}"


async def _active_cards(client, *, load: str | None = "500", count: int = 1):
    """A tenant with `count` active cards (each its own cardholder), the first loaded with `load`."""
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=count)
    ids = []
    for index in range(count):
        holder = await create_cardholder(client, tenant, firstName=f"Holder{index}")
        ids.append((await activate_card(client, cards, index, holder["userId"]))["cardId"])
    if load is not None:
        loaded = await signed(client, tenant, "PUT", f"/rest/cards/{ids[0]}/funds", {"type": "load", "amount": load})
        assert loaded.status_code == 200, loaded.text
    return tenant, ids


def signed_notice(
    body: dict | bytes, secret: Secret | None, *, message_id: str | None = None, timestamp: int | None = None
) -> tuple[bytes, dict[str, str]]:
    """A notice as its sender signs it (Standard Webhooks, `webhook-id` = the notice id); no headers without
    a secret."""
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = {"content-type": "application/json"}
    if secret is not None:
        message_id = message_id or (body.get("id", "") if isinstance(body, dict) else "")
        stamp = timestamp or int(clock.now().timestamp())
        headers |= signatures.headers([secret], message_id, stamp, raw)
    return raw, headers


async def volcan(client, secret: Secret | str | None = "sandbox", prefix: str = "/rest", **body):
    raw, headers = signed_notice(body, secret_of("volcan") if isinstance(secret, str) else secret)
    return await client.post(f"{prefix}/webhooks/volcan", content=raw, headers=headers)


async def notice(client, **body) -> dict:
    """A Volcan notice with the right secret; its receipt."""
    response = await volcan(client, **{"id": _id("vn"), **body})
    assert response.status_code == 200, response.text
    envelope = response.json()
    assert envelope["statusCode"] == 200 and set(envelope["data"]) == {"noticeId", "duplicate", "outcome"}
    return envelope["data"]


async def settlement(client, prefix: str = "/rest", **body):
    raw, headers = signed_notice(body, secret_of("settlements"))
    return await client.post(f"{prefix}/webhooks/settlements", content=raw, headers=headers)


async def money(card_id) -> tuple[Decimal, Decimal]:
    """The card account's (balance, available), from the ledger."""
    async with database.transaction() as session:
        card = await session.get(Card, uuid.UUID(str(card_id)))
        assert card is not None
        account = await ledger.get_account(session, card.account_id)
        return account.balance, await ledger.available(session, card.account_id)


async def hold_of(card_id, authorization_id: str) -> Hold | None:
    async with database.transaction() as session:
        return await ledger.hold_by_reference(session, f"network-auth:{card_id}:{authorization_id}")


async def holds_on(card_id) -> int:
    async with database.transaction() as session:
        card = await session.get(Card, uuid.UUID(str(card_id)))
        assert card is not None
        return await session.scalar(select(func.count()).where(Hold.account_id == card.account_id)) or 0


async def register(client, tenant, url: str, event_types: list[str]) -> tuple[str, dict]:
    token = await tenant.app_token(client)
    response = await client.post(
        "/rest/webhook-endpoints", json={"url": url, "eventTypes": event_types}, headers=bearer(token)
    )
    assert response.status_code == 201, response.text
    envelope = response.json()
    assert envelope["statusCode"] == 201 and envelope["data"]["status"] == "enabled"
    return token, envelope["data"]


def assert_error(response, status: int, code: int) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["statusCode"] == status and body["error"]["code"] == code, body
    assert set(untraced(body["error"])) == {"code", "name", "detail"}


async def test_authorization_clearing_reversal_and_declines_move_the_card_through_the_ledger(client):
    _, (card,) = await _active_cards(client, load="500")
    assert await money(card) == (Decimal("500"), Decimal("500"))

    first = {"id": _id("vn"), "type": "authorization", "cardId": card, "authorizationId": "A1"}
    first |= {"amount": "200", "currency": "GTQ", "merchantName": "Super Despensa"}
    approved = await volcan(client, **first)
    assert approved.status_code == 200, approved.text
    assert approved.json()["data"] == {"noticeId": first["id"], "duplicate": False, "outcome": "approved"}
    assert await money(card) == (Decimal("500"), Decimal("300"))  # a hold: balance unchanged

    again = await volcan(client, **first)
    assert again.status_code == 200
    assert again.json()["data"] == {"noticeId": first["id"], "duplicate": True, "outcome": "approved"}
    assert await money(card) == (Decimal("500"), Decimal("300"))
    assert await holds_on(card) == 1

    cleared = await notice(client, type="clearing", cardId=card, authorizationId="A1", amount="150.50", currency="GTQ")
    assert cleared["outcome"] == "cleared" and cleared["duplicate"] is False
    assert await money(card) == (Decimal("349.50"), Decimal("349.50"))  # the 49.50 not cleared is released
    hold = await hold_of(card, "A1")
    assert hold is not None and hold.status == "posted" and hold.entry_id is not None

    held = await notice(client, type="authorization", cardId=card, authorizationId="A2", amount=100, currency="GTQ")
    assert held["outcome"] == "approved"
    assert await money(card) == (Decimal("349.50"), Decimal("249.50"))
    reversed_ = await notice(client, type="reversal", cardId=card, authorizationId="A2")
    assert reversed_["outcome"] == "reversed"
    assert await money(card) == (Decimal("349.50"), Decimal("349.50"))
    assert (await hold_of(card, "A2")).status == "voided"

    too_much = await notice(
        client, type="authorization", cardId=card, authorizationId="A3", amount="349.51", currency="GTQ"
    )
    assert too_much["outcome"] == "declined:insufficient_funds"
    assert await hold_of(card, "A3") is None
    assert await money(card) == (Decimal("349.50"), Decimal("349.50"))

    unknown = await notice(
        client, type="authorization", cardId=str(uuid.uuid4()), authorizationId="A4", amount="1", currency="GTQ"
    )
    assert unknown["outcome"] == "rejected:unknown_card"
    wrong_currency = await notice(
        client, type="authorization", cardId=card, authorizationId="A5", amount="1", currency="USD"
    )
    assert wrong_currency["outcome"] == "declined:currency_mismatch"
    assert await holds_on(card) == 2  # A1 (posted) and A2 (voided) only
    await assert_books_sound()


async def test_a_notice_with_a_wrong_missing_or_stale_signature_is_refused_and_not_stored(client, frozen_clock):
    _, (card,) = await _active_cards(client, load="100")
    body = {"id": _id("vn"), "type": "authorization", "cardId": card, "authorizationId": "S1"}
    body |= {"amount": "10", "currency": "GTQ"}

    assert_error(await volcan(client, secret=None, **body), 401, 7604)
    assert_error(await volcan(client, secret=signatures.generate_secret(), **body), 401, 7604)
    assert_error(await volcan(client, secret=secret_of("settlements"), **body), 401, 7604)  # another source's
    settlement_body = {"id": _id("sn"), "processor": "sandbox", "currency": "GTQ", "amount": "1"}
    raw, headers = signed_notice({**settlement_body, "settlementDate": "2026-11-26"}, secret_of("volcan"))
    assert_error(await client.post("/rest/webhooks/settlements", content=raw, headers=headers), 401, 7604)
    # A captured notice: its body changed, sent after the tolerance, or signed under another notice's id.
    raw, headers = signed_notice(body, secret_of("volcan"))
    altered = raw.replace(b'"10"', b'"99"')
    assert_error(await client.post("/rest/webhooks/volcan", content=altered, headers=headers), 401, 7604)
    stale = int(frozen_clock.now().timestamp()) - 301
    raw, headers = signed_notice(body, secret_of("volcan"), timestamp=stale)
    assert_error(await client.post("/rest/webhooks/volcan", content=raw, headers=headers), 401, 7604)
    for malformed in ("9" * 5000, "-1", "1.7e9"):  # not Unix seconds: refused before any arithmetic
        raw, headers = signed_notice(body, secret_of("volcan"))
        headers["webhook-timestamp"] = malformed
        assert_error(await client.post("/rest/webhooks/volcan", content=raw, headers=headers), 401, 7604)
    raw, headers = signed_notice(body, secret_of("volcan"), message_id=_id("vn"))
    assert_error(await client.post("/rest/webhooks/volcan", content=raw, headers=headers), 401, 7604)
    assert await money(card) == (Decimal("100"), Decimal("100"))
    async with database.transaction() as session:
        stored = await session.scalar(select(func.count()).where(InboundNotice.notice_id == body["id"]))
    assert stored == 0

    accepted = await volcan(client, **body)
    assert accepted.json()["data"] == {"noticeId": body["id"], "duplicate": False, "outcome": "approved"}
    assert await money(card) == (Decimal("100"), Decimal("90"))

    for bad in (
        {**body, "id": _id("vn"), "type": "refund"},
        {**body, "id": _id("vn"), "cardId": "not-a-uuid"},
        {**body, "id": _id("vn"), "amount": 10.5},
        {**body, "id": _id("vn"), "amount": "0"},
        {**body, "id": _id("vn"), "currency": "gtq"},
        {k: v for k, v in body.items() if k != "authorizationId"},
    ):
        assert_error(await volcan(client, **bad), 400, 7000)
    raw, headers = signed_notice({**body, "id": ""}, secret_of("volcan"), message_id="vn-empty")
    assert_error(await client.post("/rest/webhooks/volcan", content=raw, headers=headers), 400, 7000)
    raw, headers = signed_notice(b"{not json", secret_of("volcan"), message_id="vn-garbage")
    assert_error(await client.post("/rest/webhooks/volcan", content=raw, headers=headers), 400, 7000)
    assert await money(card) == (Decimal("100"), Decimal("90"))

    # A field the processor added later is accepted, and kept in the raw copy.
    newer = {**body, "id": _id("vn"), "authorizationId": "S2", "networkTraceId": "trace-77"}
    assert (await notice(client, **newer))["outcome"] == "approved"
    async with database.transaction() as session:
        raw = await session.scalar(select(InboundNotice.raw_body).where(InboundNotice.notice_id == newer["id"]))
    assert raw is not None and "trace-77" in raw


async def test_a_repeated_notice_answers_exactly_the_first_outcome(client):
    _, (card,) = await _active_cards(client, load=None)
    body = {"id": _id("vn"), "type": "reversal", "cardId": card, "authorizationId": "never-authorized"}
    first = await notice(client, **body)
    assert first["outcome"] == "rejected:no_pending_authorization"
    again = await notice(client, **body)
    assert again == {**first, "duplicate": True}


async def test_the_receivers_answer_at_the_bare_paths_seed_003_names_as_under_rest(client):
    """`/webhooks/volcan` and `/webhooks/settlements` are the Gateway's receivers themselves: a notice applied at
    one path is a duplicate at the other, and a refusal is the Gateway's envelope."""
    _, (card,) = await _active_cards(client, load="100")
    body = {"id": _id("vn"), "type": "authorization", "cardId": card, "authorizationId": "B1"}
    body |= {"amount": "30", "currency": "GTQ"}
    bare = await volcan(client, prefix="", **body)
    assert bare.status_code == 200, bare.text
    assert bare.json()["data"] == {"noticeId": body["id"], "duplicate": False, "outcome": "approved"}
    under_rest = await volcan(client, **body)
    assert under_rest.json()["data"] == {"noticeId": body["id"], "duplicate": True, "outcome": "approved"}
    assert await money(card) == (Decimal("100"), Decimal("70"))
    assert_error(await volcan(client, secret=None, prefix="", **{**body, "id": _id("vn")}), 401, 7604)

    settled = {"id": _id("settle"), "processor": "sandbox", "currency": "GTQ", "amount": "1"}
    settled |= {"settlementDate": "2026-11-26"}
    first = await settlement(client, prefix="", **settled)
    assert first.status_code == 200, first.text
    assert first.json()["data"] == {"noticeId": settled["id"], "duplicate": False, "outcome": "applied"}
    assert (await settlement(client, **settled)).json()["data"]["duplicate"] is True
    assert_error(await settlement(client, prefix="", **{**settled, "settlementDate": "26/11/2026"}), 400, 7000)
    await assert_books_sound()


async def test_the_bare_receivers_are_documented_once_in_the_gateway_as_a_second_server(client):
    gateway = (await client.get("/rest/openapi.json")).json()["paths"]
    middleware = (await client.get("/openapi.json")).json()["paths"]
    for path in ("/webhooks/volcan", "/webhooks/settlements"):
        servers = [server["url"] for server in gateway[path]["post"]["servers"]]
        assert servers == ["/rest", "/"]
        assert path not in middleware
    for prefix in ("", "/rest"):  # a receiver takes POSTs only, in the Gateway's envelope at either path
        assert_error(await client.get(f"{prefix}/webhooks/volcan"), 405, 7006)


async def test_split_clearings_of_one_authorization_each_move_their_amount(client):
    _, (card,) = await _active_cards(client, load="100")
    common = {"cardId": card, "authorizationId": "C1", "currency": "GTQ"}
    assert (await notice(client, type="authorization", amount="100", **common))["outcome"] == "approved"
    assert (await notice(client, type="clearing", amount="60", **common))["outcome"] == "cleared"
    assert await money(card) == (Decimal("40"), Decimal("40"))
    second = await notice(client, type="clearing", amount="40", **common)  # a second shipment
    assert second["outcome"] == "cleared"
    assert await money(card) == (Decimal("0"), Decimal("0"))
    again = await notice(client, type="authorization", amount="5", **common)  # the same authorization id
    assert again["outcome"] == "rejected:duplicate_authorization"


async def test_settlement_notices_apply_once(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    link = await create_link(client, tenant)
    assert (await sandbox_pay(client, tenant, link["uid"])).status_code == 200
    async with database.transaction() as session:
        from migo.payments import clients

        clearing = await clients.clearing_account(session, "sandbox", "GTQ")
        before = (await ledger.get_account(session, clearing)).balance
    assert before < 0

    notice_id = _id("settle")
    body = {"id": notice_id, "processor": "sandbox", "currency": "GTQ", "amount": "100"}
    body |= {"settlementDate": "2026-11-26", "transactions": [link["uid"]]}
    applied = await settlement(client, **body)
    assert applied.status_code == 200, applied.text
    assert applied.json()["data"] == {"noticeId": notice_id, "duplicate": False, "outcome": "applied"}
    again = await settlement(client, **body)
    assert again.json()["data"] == {"noticeId": notice_id, "duplicate": True, "outcome": "applied"}
    async with database.transaction() as session:
        entries = await session.scalar(
            select(func.count()).where(Entry.reference == f"acquirer-settlement:sandbox:{notice_id}")
        )
        after = (await ledger.get_account(session, clearing)).balance
        stored = await session.scalar(select(InboundNotice).where(InboundNotice.notice_id == notice_id))
    assert entries == 1
    assert after == before + Decimal("100")
    assert stored is not None and stored.source == "settlements" and stored.entry_id is not None

    unknown = await settlement(client, **{**body, "id": _id("settle"), "processor": "acme"})
    assert unknown.json()["data"]["outcome"] == "rejected:unknown_processor"
    assert_error(await settlement(client, **{**body, "settlementDate": "26/11/2026"}), 400, 7000)
    await assert_books_sound()


async def test_card_events_reach_the_companys_gateway_endpoint_and_no_one_elses(client):
    tenant, (card,) = await _active_cards(client, load="300")
    other = await create_tenant()
    other_token = await other.app_token(client)
    with webhook_receiver() as receiver:
        token, endpoint = await register(client, tenant, receiver.url, ["card.authorization", "card.clearing"])
        assert endpoint["eventTypes"] == ["card.authorization", "card.clearing"]
        _, foreign = await register(client, other, receiver.url, ["*"])
        approved = await notice(
            client, type="authorization", cardId=card, authorizationId="G1", amount="25", currency="GTQ"
        )
        assert approved["outcome"] == "approved"
        await drain()
    assert len(receiver.requests) == 1  # not the loads nor the activation, nor to the other company's endpoint
    body = receiver.requests[0].json
    assert body["eventType"] == "card.authorization" and body["eventId"] == receiver.requests[0].headers["webhook-id"]
    assert body["cardId"] == card and body["status"] == "approved" and body["authorizationId"] == "G1"
    assert body["amount"] == "25.0000" and body["currency"] == "GTQ" and body["declineReason"] is None

    listed = await client.get("/rest/events", params={"type": "card.authorization"}, headers=bearer(token))
    assert listed.status_code == 200, listed.text
    items = listed.json()["data"]["items"]
    assert [(e["eventId"], e["subjectId"]) for e in items] == [(body["eventId"], card)]
    assert items[0]["data"]["status"] == "approved"
    everything = (await client.get("/rest/events", headers=bearer(other_token))).json()
    assert everything["statusCode"] == 200 and everything["data"]["meta"]["totalItems"] == 0

    path = f"/rest/webhook-endpoints/{endpoint['id']}"
    assert_error(await client.get(path, headers=bearer(other_token)), 404, 7005)
    assert_error(await client.patch(path, json={"eventTypes": ["*"]}, headers=bearer(other_token)), 404, 7005)
    assert_error(await client.delete(path, headers=bearer(other_token)), 404, 7005)
    assert_error(await client.get(f"{path}/deliveries", headers=bearer(other_token)), 404, 7005)
    assert_error(await client.post(f"/rest/events/{body['eventId']}/replay", headers=bearer(other_token)), 404, 7005)
    mine = (await client.get(path, headers=bearer(token))).json()["data"]
    assert mine["eventTypes"] == ["card.authorization", "card.clearing"] and mine["status"] == "enabled"
    assert (await client.get(f"/rest/webhook-endpoints/{foreign['id']}", headers=bearer(token))).status_code == 404
    assert_error(await client.get("/rest/events"), 401, 7001)


async def test_gateway_endpoint_management_in_the_envelope(client):
    tenant, (card,) = await _active_cards(client, load="300")
    with webhook_receiver() as receiver:
        token, endpoint = await register(client, tenant, receiver.url, ["card.reversal"])
        path = f"/rest/webhook-endpoints/{endpoint['id']}"
        patched = await client.patch(
            path, json={"eventTypes": ["card.clearing", "card.authorization"]}, headers=bearer(token)
        )
        assert patched.status_code == 200, patched.text
        assert patched.json()["statusCode"] == 200
        assert patched.json()["data"]["eventTypes"] == ["card.authorization", "card.clearing"]
        assert_error(await client.patch(path, json={"eventTypes": ["no.such"]}, headers=bearer(token)), 400, 7000)

        paused = await client.post(f"{path}/pause", headers=bearer(token))
        assert paused.status_code == 200 and paused.json()["data"]["status"] == "paused"
        await notice(client, type="authorization", cardId=card, authorizationId="M1", amount="10", currency="GTQ")
        await notice(client, type="clearing", cardId=card, authorizationId="M1", amount="10", currency="GTQ")
        await notice(client, type="reversal", cardId=card, authorizationId="M1")  # not subscribed (and no hold)
        await drain()
        assert receiver.requests == []
        resumed = await client.post(f"{path}/resume", headers=bearer(token))
        assert resumed.status_code == 200 and resumed.json()["data"]["status"] == "enabled"
        await drain()
        # Queued deliveries go out together, in no guaranteed order.
        assert sorted(r.json["eventType"] for r in receiver.requests) == ["card.authorization", "card.clearing"]

        log = await client.get(f"{path}/deliveries", params={"sortOrder": "ASC"}, headers=bearer(token))
        assert log.status_code == 200, log.text
        deliveries = log.json()["data"]["items"]
        assert sorted(d["eventId"] for d in deliveries) == sorted(receiver.event_ids())  # sent concurrently
        assert all(d["status"] == "delivered" and d["attempts"] == 1 for d in deliveries)
        assert all([a["statusCode"] for a in d["attemptLog"]] == [200] for d in deliveries)

        listed = (await client.get("/rest/webhook-endpoints", headers=bearer(token))).json()["data"]
        assert [e["id"] for e in listed["items"]] == [endpoint["id"]]
        deleted = await client.delete(path, headers=bearer(token))
        assert deleted.status_code == 204 and deleted.content == b""
        assert_error(await client.get(path, headers=bearer(token)), 404, 7005)
        assert_error(await client.post(f"{path}/resume", headers=bearer(token)), 404, 7005)
        listed = (await client.get("/rest/webhook-endpoints", headers=bearer(token))).json()["data"]
        assert listed["items"] == []
        await notice(client, type="authorization", cardId=card, authorizationId="M2", amount="10", currency="GTQ")
        await drain()
    assert len(receiver.requests) == 2  # nothing after the endpoint was deleted
    await assert_books_sound()


async def test_a_transfer_between_cards_is_delivered_to_an_endpoint_subscribed_to_everything(client):
    tenant, (source, target) = await _active_cards(client, load="100", count=2)
    with webhook_receiver() as receiver:
        _, endpoint = await register(client, tenant, receiver.url, ["*"])
        assert endpoint["eventTypes"] == ["*"]
        transfer = await signed(
            client,
            tenant,
            "POST",
            "/rest/cards/transfer",
            {"sourceCardId": source, "targetCardId": target, "amount": "40", "description": "lunch"},
        )
        assert transfer.status_code == 200, transfer.text
        transaction = transfer.json()["data"]
        await drain()
    bodies = [r.json for r in receiver.requests]
    assert [b["eventType"] for b in bodies] == ["transfer.approved"]
    assert {k: bodies[0][k] for k in ("transactionId", "status", "sourceCardId", "targetCardId", "amount")} == {
        "transactionId": transaction["transactionId"],
        "status": "approved",
        "sourceCardId": source,
        "targetCardId": target,
        "amount": "40.0000",
    }
    assert await money(target) == (Decimal("40"), Decimal("40"))
    await assert_books_sound()


async def test_a_notice_is_stored_raw_before_it_is_applied_and_a_failed_application_is_retried(client, monkeypatch):
    from migo.cards import network

    _, (card,) = await _active_cards(client, load="100")
    body = {"id": _id("vn"), "type": "authorization", "cardId": card, "authorizationId": "R1"}
    body |= {"amount": "10", "currency": "GTQ"}
    real = network.authorize

    async def broken(*args, **kwargs):
        raise RuntimeError("the card service fell over")

    monkeypatch.setattr(network, "authorize", broken)
    failed = await volcan(client, **body)
    assert failed.status_code == 500
    async with database.transaction() as session:
        kept = await session.scalar(select(InboundNotice).where(InboundNotice.notice_id == body["id"]))
    assert kept is not None and kept.outcome == "received" and '"R1"' in kept.raw_body  # kept, not applied
    assert await money(card) == (Decimal("100"), Decimal("100"))

    monkeypatch.setattr(network, "authorize", real)
    retried = await volcan(client, **body)
    assert retried.json()["data"] == {"noticeId": body["id"], "duplicate": False, "outcome": "approved"}
    assert await money(card) == (Decimal("100"), Decimal("90"))
    assert (await volcan(client, **body)).json()["data"]["duplicate"] is True


def test_outside_the_sandbox_a_receiver_needs_its_own_whsec_secret(monkeypatch):
    import pytest
    from pydantic import ValidationError

    from migo.platform.errors import ApiError
    from migo.platform.settings import Settings
    from migo.webhooks import inbound

    def production(**secrets: str) -> None:
        settings = Settings(environment="production", secret_key="k" * 32, **secrets)
        monkeypatch.setattr(inbound, "get_settings", lambda: settings)

    production()
    with pytest.raises(ApiError) as unset:
        secret_of("volcan")
    assert unset.value.error.code == 8001  # out of service, never open
    production(volcan_webhook_secret="s3cret")
    with pytest.raises(ApiError):
        secret_of("volcan")
    configured = signatures.generate_secret().reveal()
    production(volcan_webhook_secret=configured)
    assert secret_of("volcan") == Secret(configured)
    with pytest.raises(ValidationError) as same:
        Settings(volcan_webhook_secret=configured, settlements_webhook_secret=configured)
    assert configured not in str(same.value)
