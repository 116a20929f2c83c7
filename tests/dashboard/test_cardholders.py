"""The dashboard's cardholders and cards (issue 17): the CMS cardholder search (a card's last four finds its
holder), a profile whose cards show only the masked number, and blocks and unblocks with a reason that are the
CMS's own, refused without the page's CSRF token or the permission, kept in the audit trail with before and after;
another partner's cardholder or card is not found; a platform operator's block is in the chosen partner's trail."""

from __future__ import annotations

import secrets
from typing import Any

import httpx

from tests.backoffice.test_audit import _trail
from tests.backoffice.test_operator_scopes import _global_operator_account
from tests.dashboard.signing_in import csrf_of, new_operator, sign_in, sign_in_as
from tests.factories import Tenant, activate_card, create_cardholder, create_tenant, provision_cards, signed


async def _holder_with_card(client: httpx.AsyncClient, tenant: Tenant) -> tuple[dict[str, Any], dict[str, Any], str]:
    """A cardholder with one loaded card: the cardholder, the card, and its number (for checking it never shows)."""
    cards = await provision_cards(tenant, count=1)
    holder = await create_cardholder(client, tenant, firstName="Lucía", lastName="Morales")
    card = await activate_card(client, cards, 0, holder["userId"])
    load = {"type": "load", "amount": "25"}
    loaded = await signed(client, tenant, "PUT", f"/rest/cards/{card['cardId']}/funds", load)
    assert loaded.status_code == 200, loaded.text
    return holder, card, cards.numbers[0]


async def test_a_cardholder_is_found_by_last4_and_its_profile_shows_the_masked_card_balance_and_movements(client):
    tenant = await create_tenant()
    holder, _, number = await _holder_with_card(client, tenant)
    await sign_in(client, tenant)
    found = await client.get("/dashboard/cardholders", params={"q": number[-4:]})
    assert found.status_code == 200 and f'href="/dashboard/cardholders/{holder["userId"]}"' in found.text
    assert "Lucía Morales" in found.text and "1 cardholder<" in found.text
    nothing = await client.get("/dashboard/cardholders", params={"q": "nobody-such", "status": "disabled"})
    assert "No cardholder matches these filters." in nothing.text

    page = await client.get(f"/dashboard/cardholders/{holder['userId']}")
    assert page.status_code == 200 and f"{number[:6]}******{number[-4:]}" in page.text
    assert number not in page.text  # the number itself never reaches a page
    assert "25.00" in page.text and "25.0000" not in page.text and "ACTIVE" in page.text
    assert 'data-confirm="Block the card ending' in page.text
    reads = await _trail(client, await tenant.operator_headers(client), action="getPartnerCardholder")
    assert [(r["resource"]["userId"], r["route"]) for r in reads] == [
        (holder["userId"], "/dashboard/cardholders/{userId}")  # personal data: the page's read is kept as the CMS's
    ]


async def test_blocks_need_the_pages_csrf_token_and_a_reason_and_are_audited_with_before_and_after(client):
    tenant = await create_tenant()
    holder, card, _ = await _holder_with_card(client, tenant)
    await sign_in(client, tenant)
    page = await client.get(f"/dashboard/cardholders/{holder['userId']}")
    block = f"/dashboard/cards/{card['cardId']}/block"
    form = {"reason": "Reported lost by phone", "holder": holder["userId"]}
    assert (await client.post(block, data=form)).status_code == 403  # no token: nothing changes
    assert (await client.post(block, data={**form, "csrf": "forged"})).status_code == 403
    assert (await client.post(block, data={**form, "csrf": csrf_of(page), "reason": "no"})).status_code == 400
    assert "ACTIVE" in (await client.get(f"/dashboard/cardholders/{holder['userId']}")).text

    done = await client.post(block, data={**form, "csrf": csrf_of(page)})
    assert done.status_code == 303 and done.headers["location"].endswith("?done=card-blocked")
    shown = await client.get(done.headers["location"])
    assert "Card blocked." in shown.text and "BLOCKED" in shown.text and "Unblock card" in shown.text
    again = await client.post(block, data={**form, "csrf": csrf_of(page)})
    assert again.status_code == 409  # the CMS's answer: it is blocked already
    unblock = f"/dashboard/cards/{card['cardId']}/unblock"
    assert (await client.post(unblock, data={**form, "csrf": csrf_of(page), "reason": "Found it"})).status_code == 303

    holder_block = f"/dashboard/cardholders/{holder['userId']}/block"
    blocked = await client.post(holder_block, data={"csrf": csrf_of(page), "reason": "Suspected account takeover"})
    assert blocked.status_code == 303
    shown = await client.get(blocked.headers["location"])
    assert "disabled" in shown.text and "Suspected account takeover" in shown.text
    assert "blocked with the cardholder" in shown.text and "Unblock cardholder" in shown.text
    unblocked = await client.post(
        f"/dashboard/cardholders/{holder['userId']}/unblock", data={"csrf": csrf_of(page), "reason": "Verified"}
    )
    assert unblocked.status_code == 303 and "Block cardholder" in (await client.get(unblocked.headers["location"])).text

    admin = await tenant.operator_headers(client)
    kept = await _trail(client, admin, resourceId=card["cardId"], sortOrder="ASC")
    assert [(r["action"], r["status"], r["changes"]) for r in kept] == [
        ("blockPartnerCard", 403, None),
        ("blockPartnerCard", 403, None),
        ("blockPartnerCard", 400, None),
        ("blockPartnerCard", 303, {"status": {"before": "ACTIVE", "after": "BLOCKED"}}),
        ("blockPartnerCard", 409, None),
        ("unblockPartnerCard", 303, {"status": {"before": "BLOCKED", "after": "ACTIVE"}}),
    ]
    [held] = await _trail(client, admin, action="blockPartnerCardholder")
    assert held["changes"] == {
        "status": {"before": "active", "after": "disabled"},
        "blockedCards": {"before": [], "after": [card["cardId"]]},
    }
    # The audit log page shows the same records, the change readable.
    log = await client.get("/dashboard/audit", params={"resource": card["cardId"]})
    assert log.status_code == 200 and "unblockPartnerCard" in log.text and "6 records<" in log.text
    assert "<del>ACTIVE</del> → <ins>BLOCKED</ins>" in log.text


async def test_permissions_are_the_cms_ones_and_another_partners_cardholder_is_not_found(client):
    tenant, other = await create_tenant(), await create_tenant()
    holder, card, _ = await _holder_with_card(client, tenant)
    theirs, their_card, _ = await _holder_with_card(client, other)
    await sign_in(client, tenant)
    page = await client.get(f"/dashboard/cardholders/{holder['userId']}")
    assert (await client.get(f"/dashboard/cardholders/{theirs['userId']}")).status_code == 404
    form = {"csrf": csrf_of(page), "reason": "Not yours to block", "holder": holder["userId"]}
    assert (await client.post(f"/dashboard/cards/{their_card['cardId']}/block", data=form)).status_code == 404
    taken = await client.post(f"/dashboard/cardholders/{theirs['userId']}/block", data=form)
    assert taken.status_code == 404
    assert theirs["userId"] not in (await client.get("/dashboard/cardholders")).text

    admin = await tenant.operator_headers(client)
    role = {"name": "cards-viewer", "description": "Reads cardholders", "permissions": ["cardholders.read"]}
    assert (await client.post("/cms/rest/roles", json=role, headers=admin)).status_code == 201
    viewer, payments_only = f"viewer.{secrets.token_hex(3)}", f"payer.{secrets.token_hex(3)}"
    await new_operator(client, tenant, viewer, "cards-viewer")
    role = {"name": "payments-viewer", "description": "Payments", "permissions": ["transactions.read"]}
    assert (await client.post("/cms/rest/roles", json=role, headers=admin)).status_code == 201
    await new_operator(client, tenant, payments_only, "payments-viewer")
    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as desk:
        await sign_in(desk, tenant, viewer)
        shown = await desk.get(f"/dashboard/cardholders/{holder['userId']}")
        assert shown.status_code == 200 and "Block card" not in shown.text and "Block cardholder" not in shown.text
        form = {"csrf": csrf_of(await desk.get("/dashboard/")), "reason": "No permission", "holder": holder["userId"]}
        assert (await desk.post(f"/dashboard/cards/{card['cardId']}/block", data=form)).status_code == 403
        assert (await desk.post(f"/dashboard/cardholders/{holder['userId']}/block", data=form)).status_code == 403
        assert (await desk.get("/dashboard/audit")).status_code == 403
        assert "Audit log</a>" not in shown.text and "Cardholders</a>" in shown.text
    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as desk:
        await sign_in(desk, tenant, payments_only)
        assert (await desk.get("/dashboard/cardholders")).status_code == 403
        assert (await desk.get(f"/dashboard/cardholders/{holder['userId']}")).status_code == 403
        assert "Cardholders</a>" not in (await desk.get("/dashboard/")).text


async def test_a_platform_operators_block_is_in_the_chosen_partners_trail(client):
    tenant = await create_tenant()
    holder, card, _ = await _holder_with_card(client, tenant)
    account, username = await _global_operator_account()
    await sign_in_as(client, account, username)
    assert (await client.get(f"/dashboard/cardholders/{holder['userId']}")).status_code == 404  # its own first
    partners = await client.get("/dashboard/partners")
    chosen = {"csrf": csrf_of(partners), "partnerId": str(tenant.partner_id)}
    assert (await client.post("/dashboard/partner", data=chosen)).status_code == 303
    page = await client.get(f"/dashboard/cardholders/{holder['userId']}")
    assert page.status_code == 200
    form = {"csrf": csrf_of(page), "reason": "Platform fraud check", "holder": holder["userId"]}
    assert (await client.post(f"/dashboard/cards/{card['cardId']}/block", data=form)).status_code == 303

    kept = await _trail(client, await tenant.operator_headers(client), resourceId=card["cardId"])
    assert [(r["action"], r["changes"]["status"]["after"]) for r in kept] == [("blockPartnerCard", "BLOCKED")]
    log = await client.get("/dashboard/audit", params={"resource": card["cardId"]})
    assert log.status_code == 200 and "blockPartnerCard" in log.text  # the chosen partner's trail
