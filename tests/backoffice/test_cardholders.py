"""A partner's cardholders and cards on the CMS (issue 16): search the cardholders of every company of the
partner, read one with its cards (masked, with balances), block and unblock a card with a reason; another
partner's cardholders and cards do not exist for the operator; each change is in the audit trail."""

from __future__ import annotations

import uuid

from tests.backoffice.test_audit import _trail
from tests.factories import activate_card, bearer, create_cardholder, create_tenant, provision_cards, signed
from tests.merchants.test_cms_review import _data, _error, _operator


async def test_support_finds_a_cardholder_reads_its_cards_and_blocks_one(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=1)
    holder = await create_cardholder(client, tenant, firstName="Lucía", lastName="Morales", phone="+50255550101")
    card = await activate_card(client, cards, 0, holder["userId"])
    await signed(client, tenant, "PUT", f"/rest/cards/{card['cardId']}/funds", {"type": "load", "amount": "25"})
    support = await _operator(client, tenant, "support")
    base = f"/cms/rest/app/partners/{tenant.partner_id}"

    found = _data(await client.get(f"{base}/cardholders", params={"searchText": "morales"}, headers=support))
    assert [item["userId"] for item in found["items"]] == [holder["userId"]]
    assert found["items"][0]["companyId"] == str(tenant.company_id)
    detail = _data(await client.get(f"{base}/cardholders/{holder['userId']}", headers=support))
    [held] = detail["cards"]
    assert held["cardId"] == card["cardId"] and held["balance"] == "25.0000" and held["status"] == "ACTIVE"
    assert [(m["amount"], m["balanceAfter"]) for m in held["recentMovements"]] == [("25.0000", "25.0000")]
    assert held["maskedPan"] == f"{cards.numbers[0][:6]}******{cards.numbers[0][-4:]}"
    assert cards.numbers[0] not in str(detail)

    blocked = await client.post(
        f"{base}/cards/{card['cardId']}/block", json={"reason": "Reported lost by phone"}, headers=support
    )
    assert _data(blocked) == {"cardId": card["cardId"], "status": "BLOCKED", "previousStatus": "ACTIVE"}
    app = bearer(await tenant.app_token(client))
    assert _data(await client.get(f"/rest/cards/{card['cardId']}", headers=app))["status"] == "BLOCKED"
    _error(
        await client.post(f"{base}/cards/{card['cardId']}/block", json={"reason": "again"}, headers=support), 409, 7208
    )
    unblocked = await client.post(
        f"{base}/cards/{card['cardId']}/unblock", json={"reason": "Found it"}, headers=support
    )
    assert _data(unblocked)["status"] == "ACTIVE"

    kept = await _trail(client, await tenant.operator_headers(client), resourceId=card["cardId"], sortOrder="ASC")
    assert [(r["action"], r["status"], r["changes"]) for r in kept] == [
        ("blockPartnerCard", 200, {"status": {"before": "ACTIVE", "after": "BLOCKED"}}),
        ("blockPartnerCard", 409, None),
        ("unblockPartnerCard", 200, {"status": {"before": "BLOCKED", "after": "ACTIVE"}}),
    ]
    reads = await _trail(client, await tenant.operator_headers(client), action="getPartnerCardholder")
    assert [r["resource"]["userId"] for r in reads] == [holder["userId"]]  # personal data: the read is kept


async def test_another_partners_cardholders_and_cards_do_not_exist(client):
    tenant, other = await create_tenant(), await create_tenant()
    cards = await provision_cards(tenant, count=1)
    holder = await create_cardholder(client, tenant)
    card = await activate_card(client, cards, 0, holder["userId"])
    theirs = await other.operator_headers(client)
    own = f"/cms/rest/app/partners/{other.partner_id}"
    mine = f"/cms/rest/app/partners/{tenant.partner_id}"
    _error(await client.get(f"{mine}/cardholders", headers=theirs), 404, 7812)
    _error(await client.get(f"{own}/cardholders/{holder['userId']}", headers=theirs), 404, 7100)
    body = {"reason": "Mallory was here"}
    _error(await client.post(f"{own}/cards/{card['cardId']}/block", json=body, headers=theirs), 404, 7200)
    _error(await client.post(f"{own}/cards/{uuid.uuid4()}/block", json=body, headers=theirs), 404, 7200)
    listed = _data(await client.get(f"{own}/cardholders", headers=theirs))["items"]
    assert [item["userId"] for item in listed] == [str(other.user_id)]  # their own cardholder only
    app = bearer(await tenant.app_token(client))
    assert _data(await client.get(f"/rest/cards/{card['cardId']}", headers=app))["status"] == "ACTIVE"


async def test_the_last_four_of_a_card_finds_its_owner(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=2)
    holder = await create_cardholder(client, tenant, firstName="Marta", lastName="Quiñónez", phone="+50255550177")
    await activate_card(client, cards, 0, holder["userId"])
    support = await _operator(client, tenant, "support")
    path = f"/cms/rest/app/partners/{tenant.partner_id}/cardholders"
    last4 = cards.numbers[0][-4:]
    found = _data(await client.get(path, params={"searchText": last4}, headers=support))
    assert holder["userId"] in [item["userId"] for item in found["items"]]
    # A card still in stock (no owner) finds nobody; another partner's operator finds nothing.
    unowned = _data(await client.get(path, params={"searchText": cards.numbers[1][-4:]}, headers=support))
    assert holder["userId"] not in [item["userId"] for item in unowned["items"]]
    other = await create_tenant()
    theirs = f"/cms/rest/app/partners/{other.partner_id}/cardholders"
    stranger = _data(
        await client.get(theirs, params={"searchText": last4}, headers=await other.operator_headers(client))
    )
    assert holder["userId"] not in [item["userId"] for item in stranger["items"]]
