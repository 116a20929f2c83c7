"""Tenant isolation of the ids a request carries outside its path: bodies, queries and headers (issue 13 §3).

test_tenant_isolation.py calls every route with another tenant's ids in its path. An id also travels in a body
(a transfer's `targetCardId`, a replay's `endpointId`), a query (`?subjectId=`) or a header (`x-key-id`). Every
such field of every surface's OpenAPI, found by its name (`ID_NAME`), is in one of two tables: `COVERED`, with
the test that names another tenant's object in it, or `NOT_LOOKED_UP`, with why it names nothing a tenant owns.
A field added tomorrow fails `test_every_id_outside_the_path_is_covered_or_justified` until it is in one.

Each test below checks the answer another tenant's id gets against the answer an id that exists nowhere gets
(nothing tells B that A's object exists), that nothing changed (no money moved, nothing delivered, nothing
sent), and that the same request with B's own id does what it should (the field is looked up at all).
"""

from __future__ import annotations

import ast
import re
import secrets
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from starlette.routing import Mount

from migo.payments.router import HOOK_PATHS
from tests.books import assert_books_sound
from tests.factories import (
    OPERATOR_PASSWORD,
    USER_PASSWORD,
    activate_card,
    bearer,
    configure_payment_client,
    create_cardholder,
    create_tenant,
    merchant,
    provision_cards,
    signed,
)
from tests.test_tenant_isolation import SURFACES, World, _answer, _data, build_world

# Names of fields that name an object: `id`, `…Id`, `…Ids`, a header's `…-id`, a merchant client's slug, a
# cardholder's or operator's username, a card's number.
ID_NAME = re.compile(r"^(id|uid|client|slug|username|cardNumber)$|(Id|Ids|-id)$")

AUDIT_ISOLATION = "tests/backoffice/test_audit.py::test_an_operator_reads_its_partners_trail_with_audit_read_only"
# Fields (`METHOD /path location.name`) that a test names another tenant's object in: the test, in this module
# or as `tests/…py::test_name`.
# A partner's operator naming another partner in `partnerId`, on every route that takes one.
NAMED_PARTNER = (
    "tests/backoffice/test_global_operators.py::test_a_partners_operator_names_no_other_partner_on_any_route"
)

COVERED: dict[str, str] = {
    "GET /cms/rest/conciliation/{batchId}/progress query.partnerId": NAMED_PARTNER,
    "GET /cms/rest/conciliation/{batchId}/report query.partnerId": NAMED_PARTNER,
    "GET /cms/rest/conciliation/{batchId}/report.csv query.partnerId": NAMED_PARTNER,
    "GET /cms/rest/leads query.partnerId": NAMED_PARTNER,
    "GET /cms/rest/leads/{leadId} query.partnerId": NAMED_PARTNER,
    "GET /cms/rest/leads/{leadId}/documents/{documentId} query.partnerId": NAMED_PARTNER,
    "GET /cms/rest/operators query.partnerId": NAMED_PARTNER,
    "GET /cms/rest/operators/{operatorId} query.partnerId": NAMED_PARTNER,
    "GET /cms/rest/roles query.partnerId": NAMED_PARTNER,
    "GET /cms/rest/roles/{roleId} query.partnerId": NAMED_PARTNER,
    "GET /cms/rest/transactions/{uid} query.partnerId": NAMED_PARTNER,
    "PATCH /cms/rest/operators/{operatorId} query.partnerId": NAMED_PARTNER,
    "PATCH /cms/rest/roles/{roleId} query.partnerId": NAMED_PARTNER,
    "POST /cms/rest/conciliation query.partnerId": NAMED_PARTNER,
    "POST /cms/rest/leads/{leadId}/approve query.partnerId": NAMED_PARTNER,
    "POST /cms/rest/leads/{leadId}/reject query.partnerId": NAMED_PARTNER,
    "POST /cms/rest/operators body.partnerId": NAMED_PARTNER,
    "POST /cms/rest/operators/{operatorId}/reset-password query.partnerId": NAMED_PARTNER,
    "POST /cms/rest/roles body.partnerId": NAMED_PARTNER,
    "POST /cms/rest/transactions/{uid}/refund query.partnerId": NAMED_PARTNER,
    "POST /cms/rest/transactions/{uid}/capture query.partnerId": NAMED_PARTNER,
    "GET /cms/rest/audit query.operatorId": AUDIT_ISOLATION,
    "GET /cms/rest/audit query.partnerId": (
        "tests/backoffice/test_operator_scopes.py::"
        "test_a_global_operator_acts_on_every_partner_and_a_partner_operator_on_its_own"
    ),
    "GET /cms/rest/audit query.resourceId": AUDIT_ISOLATION,
    "GET /rest/settlements query.businessId": (
        "tests/merchants/test_pos_payments.py::test_ids_outside_the_path_name_only_the_callers_objects"
    ),
    "POST /rest/terminals/{terminalId}/payments body.settleTo.cardId": (
        "tests/merchants/test_pos_payments.py::test_ids_outside_the_path_name_only_the_callers_objects"
    ),
    "POST /rest/terminals/{terminalId}/payments header.x-key-id": (
        "tests/merchants/test_pos_payments.py::test_ids_outside_the_path_name_only_the_callers_objects"
    ),
    "POST /rest/terminals/{terminalId}/payments/{paymentId}/refund header.x-key-id": (
        "tests/merchants/test_pos_payments.py::test_ids_outside_the_path_name_only_the_callers_objects"
    ),
    "POST /rest/terminals/{terminalId}/payments/{paymentId}/reverse header.x-key-id": (
        "tests/merchants/test_pos_payments.py::test_ids_outside_the_path_name_only_the_callers_objects"
    ),
    "POST /rest/cards/transfer body.sourceCardId": "test_a_transfer_between_companies_is_refused_and_moves_nothing",
    "POST /rest/cards/transfer body.targetCardId": "test_a_transfer_between_companies_is_refused_and_moves_nothing",
    "POST /rest/cards/transfer header.x-key-id": "test_another_applications_signing_key_moves_no_money",
    "PUT /rest/cards/{cardId}/funds header.x-key-id": "test_another_applications_signing_key_moves_no_money",
    "POST /rest/auth/signature/verify header.x-key-id": (
        "tests/identity/test_signing.py::test_another_applications_key_does_not_verify"
    ),
    "POST /rest/cards/activate body.userId": "test_activation_names_neither_another_companys_cardholder_nor_card",
    "POST /rest/cards/activate body.cardNumber": "test_activation_names_neither_another_companys_cardholder_nor_card",
    "POST /rest/cards/{cardId}/users body.userId": "test_a_card_is_not_granted_to_another_companys_cardholder",
    "GET /rest/events query.subjectId": "test_events_about_another_tenants_subject_are_not_listed",
    "GET /v1/events query.subjectId": "test_events_about_another_tenants_subject_are_not_listed",
    "POST /rest/events/{eventId}/replay body.endpointId": "test_a_replay_to_another_tenants_endpoint_delivers_nothing",
    "POST /v1/events/{eventId}/replay body.endpointId": "test_a_replay_to_another_tenants_endpoint_delivers_nothing",
    "POST /rest/users body.username": "test_another_companys_username_is_free_here",
    "POST /rest/users/auth/login body.username": (
        "tests/identity/test_user_auth.py::test_users_of_another_company_cannot_log_in_here"
    ),
    "POST /rest/users/auth/otp body.username": "test_no_code_is_sent_to_nor_taken_for_another_companys_cardholder",
    "POST /rest/users/auth/password/reset body.username": (
        "test_no_code_is_sent_to_nor_taken_for_another_companys_cardholder"
    ),
    "GET /rest/sandbox/outbox query.username": "tests/identity/test_user_auth.py::test_outbox_is_scoped_to_the_company",
    "POST /cms/rest/auth/login body.username": "test_an_operator_signs_in_under_their_own_partners_application_only",
    "POST /cms/rest/auth/password/reset body.username": (
        "tests/identity/test_cms_operators.py::test_no_code_is_taken_for_another_partners_operator"
    ),
    "POST /cms/rest/operators body.username": (
        "tests/identity/test_cms_operators.py::test_another_partners_username_is_free_here"
    ),
    "GET /cms/rest/sandbox/outbox query.username": (
        "tests/identity/test_cms_operators.py::test_the_operator_outbox_is_scoped_to_the_partner"
    ),
    "POST /transactions body.client": "tests/payments/test_links.py::test_unknown_or_foreign_client_is_5004",
    "POST /transactions-hook body.client": "test_the_hook_creates_no_link_for_another_merchants_client",
    "POST /mw-default/transactions-hook body.client": "test_the_hook_creates_no_link_for_another_merchants_client",
    "POST /v1/suspensions body.client": "tests/payments/test_fraud_and_bins.py::test_suspensions_are_the_merchants_own",
    "GET /v1/suspensions query.userId": "test_suspensions_of_another_merchant_are_not_listed_by_user_id",
    "GET /cms/rest/transactions query.client": (
        "tests/backoffice/test_transactions.py::test_another_partners_transactions_are_never_listed_and_do_not_exist"
    ),
    "GET /cms/rest/transactions query.partnerId": (
        "tests/backoffice/test_transactions.py::test_another_partners_transactions_are_never_listed_and_do_not_exist"
    ),
    "POST /cms/rest/app/partners/{partnerId}/cardholders/batch body.companyId": (
        "tests/backoffice/test_cardholder_batches.py::"
        "test_the_same_key_and_file_is_the_same_batch_and_another_partner_sees_none"
    ),
    "POST /cms/rest/app/partners/{partnerId}/card-stock body.companyId": (
        "tests/backoffice/test_card_stock.py::test_another_partners_company_and_batch_do_not_exist"
    ),
    "POST /cms/rest/app/partners/{partnerId}/applications body.companyId": (
        "tests/backoffice/test_partner_applications.py::test_a_gateway_application_acts_for_a_company_of_the_partner"
    ),
    "POST /cms/rest/leads/{leadId}/reject body.reasons.documentId": (
        "tests/merchants/test_cms_review.py::test_a_rejection_naming_another_partners_document_changes_nothing"
    ),
    "POST /v1/bins/verify body.client": "test_bins_are_not_verified_against_another_merchants_client",
    "POST /v1/plans body.client": (
        "tests/subscriptions/test_subscriptions.py::test_another_merchants_client_plan_and_subscriptions_are_not_found"
    ),
    "POST /v1/subscriptions/verify-card body.client": (
        "tests/subscriptions/test_subscriptions.py::test_another_merchants_client_plan_and_subscriptions_are_not_found"
    ),
    "POST /v1/subscriptions/verify-card body.planId": (
        "tests/subscriptions/test_subscriptions.py::test_another_merchants_client_plan_and_subscriptions_are_not_found"
    ),
    "GET /v1/subscriptions query.userId": (
        "tests/subscriptions/test_subscriptions.py::test_another_merchants_client_plan_and_subscriptions_are_not_found"
    ),
    "GET /v1/subscriptions query.planId": (
        "tests/subscriptions/test_subscriptions.py::test_another_merchants_client_plan_and_subscriptions_are_not_found"
    ),
}

_CREDENTIAL = "the application's own client id: who is calling, proven by its clientSecret, not an object it names"
_NOTICE = (
    "an inbound notice of the card processor or the acquirer: no tenant's credential, signed with the platform's "
    "secret for that source; the notice may name any card or transaction, and its id applies once platform-wide"
)
_END_CUSTOMER = (
    "the merchant's end customer (a phone, or the merchant's own id for them): free text, compared only within "
    "the body's client, which must be the merchant's own (5004 otherwise)"
)
_MERCHANT_REFERENCE = "the merchant's own reference, stored on the link and echoed back; nothing is looked up by it"

# Fields that look like ids but name nothing a tenant owns, or nothing that is looked up: why.
_TAX_NUMBER = "the merchant's tax number, stored on the lead; nothing is looked up by it"
NOT_LOOKED_UP: dict[str, str] = {
    "POST /rest/auth/token body.clientId": _CREDENTIAL,
    "POST /rest/leads body.taxId": _TAX_NUMBER,
    "PATCH /rest/leads/{leadId} body.taxId": _TAX_NUMBER,
    "POST /cms/rest/auth/token body.clientId": _CREDENTIAL,
    "POST /auth/token body.clientId": _CREDENTIAL,
    "POST /rest/webhooks/volcan header.webhook-id": _NOTICE,
    "POST /rest/webhooks/volcan body.id": _NOTICE,
    "POST /rest/webhooks/volcan body.cardId": _NOTICE,
    "POST /rest/webhooks/volcan body.authorizationId": _NOTICE,
    "POST /rest/webhooks/settlements header.webhook-id": _NOTICE,
    "POST /rest/webhooks/settlements body.id": _NOTICE,
    "POST /rest/users/{userId}/external-cards body.cardNumber": (
        "the cardholder's card at another issuer, stored encrypted under the cardholder; nothing is looked up by it"
    ),
    "POST /v1/sandbox/transactions/{uid}/pay body.cardNumber": "the payer's card (a sandbox test card): nobody's",
    "POST /v1/suspensions body.userId": _END_CUSTOMER,
    "POST /v1/subscriptions/verify-card body.userId": _END_CUSTOMER,
    "POST /v1/subscriptions/verify-card body.externalId": _MERCHANT_REFERENCE,
    "POST /v1/subscriptions/verify-card body.card.cardNumber": "the payer's card (a sandbox test card): nobody's",
    "POST /v1/subscriptions/{subscriptionId}/charges body.externalId": _MERCHANT_REFERENCE,
    **{
        f"POST {path} body.{name}": reason
        for path in ("/transactions", *HOOK_PATHS)
        for name, reason in (
            ("userId", _END_CUSTOMER),
            ("externalId", _MERCHANT_REFERENCE),
            ("customerId", _MERCHANT_REFERENCE),
        )
    },
}


# ---- the fields ---------------------------------------------------------------------------------------------


def _fields(schema: dict[str, Any], components: dict[str, Any], at: str, seen: frozenset[str]) -> Iterator[str]:
    """The dotted names of a JSON schema's properties, nested ones included (`body.items.cardId`)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name not in seen:
            yield from _fields(components[name], components, at, seen | {name})
        return
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key, []):
            yield from _fields(option, components, at, seen)
    if isinstance(schema.get("items"), dict):
        yield from _fields(schema["items"], components, at, seen)
    for name, field in schema.get("properties", {}).items():
        yield f"{at}.{name}"
        yield from _fields(field, components, f"{at}.{name}", seen)


def request_fields(root: Any) -> set[str]:
    """Every query, header, cookie and body field of every operation of every API surface, as
    `METHOD /full/path location.name`."""
    found: set[str] = set()
    for mount in root.routes:
        if not (isinstance(mount, Mount) and isinstance(mount.app, FastAPI) and mount.path in SURFACES):
            continue
        spec = mount.app.openapi()
        components = spec.get("components", {}).get("schemas", {})
        schemes = spec.get("components", {}).get("securitySchemes", {})
        for path, operations in spec["paths"].items():
            for method, operation in operations.items():
                route = f"{method.upper()} {mount.path}{path}"
                found |= {
                    f"{route} {parameter['in']}.{parameter['name']}"
                    for parameter in operation.get("parameters", [])
                    if parameter["in"] != "path"  # test_tenant_isolation.py's
                }
                # Headers a security scheme carries are fields too (the request signature's x-key-id).
                found |= {
                    f"{route} {schemes[name]['in']}.{schemes[name]['name']}"
                    for requirement in operation.get("security", [])
                    for name in requirement
                    if schemes.get(name, {}).get("type") == "apiKey"
                }
                for content in operation.get("requestBody", {}).get("content", {}).values():
                    found |= {f"{route} {name}" for name in _fields(content["schema"], components, "body", frozenset())}
    return found


def _names_an_object(field: str) -> bool:
    return bool(ID_NAME.search(field.rsplit(".", 1)[-1]))


def _test_exists(reference: str) -> bool:
    if "::" not in reference:
        return callable(globals().get(reference)) and reference.startswith("test_")
    path, name = reference.split("::")
    source = Path(__file__).resolve().parent.parent / path
    if not source.is_file():
        return False
    return any(
        isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == name
        for node in ast.parse(source.read_text()).body
    )


def test_every_id_outside_the_path_is_covered_or_justified(app):
    """A body, query or header field named like an id escapes the isolation tests unless it is listed."""
    fields = {field for field in request_fields(app) if _names_an_object(field)}
    missing = sorted(fields - set(COVERED) - set(NOT_LOOKED_UP))
    assert not missing, (
        "Fields that name an object but no test names another tenant's in them: write the test and add the field "
        "to COVERED, or, if it names nothing a tenant owns, add it to NOT_LOOKED_UP with the reason:\n"
        + "\n".join(missing)
    )
    assert not set(COVERED) & set(NOT_LOOKED_UP), "a field is either covered or not looked up"
    stale = sorted((set(COVERED) | set(NOT_LOOKED_UP)) - fields)
    assert not stale, f"Entries for fields that no longer exist (or no longer look like ids): {stale}"
    unknown = sorted({test for test in COVERED.values() if not _test_exists(test)})
    assert not unknown, f"COVERED names tests that do not exist: {unknown}"


# ---- money ----------------------------------------------------------------------------------------------------


async def _balance(http: httpx.AsyncClient, world: World) -> str:
    card = await http.get(f"/rest/cards/{world.card_id}", headers=world.headers["application token"])
    return str(_data(card)["balance"])


async def test_a_transfer_between_companies_is_refused_and_moves_nothing(client):
    a, b = await build_world(client), await build_world(client)
    before = (await _balance(client, a), await _balance(client, b))
    nowhere = str(uuid.uuid4())

    # A signed call carries the application's Bearer; a cardholder's transfer adds their token as x-user-token.
    cardholder = b.headers["cardholder token"]["Authorization"].removeprefix("Bearer ")
    as_whom = {"the application": {}, "the cardholder": {"x-user-token": cardholder}}

    async def transfer(who: str, source: str, target: str) -> httpx.Response:
        body = {"sourceCardId": source, "targetCardId": target, "amount": "1"}
        return await signed(client, b.tenant, "POST", "/rest/cards/transfer", body, headers=as_whom[who])

    for credential in as_whom:
        # To A's card: the denial of any card outside B's company, the same as for a card that exists nowhere.
        to_a = await transfer(credential, b.card_id, a.card_id)
        assert _answer(to_a) == _answer(await transfer(credential, b.card_id, nowhere)) == (422, 7302), to_a.text
        # The denied transfer B's company records does not name A's card.
        recorded = re.search(r"transaction ([0-9a-f-]{36})", to_a.json()["error"]["detail"])
        assert recorded is not None, to_a.text
        kept = await client.get(f"/rest/cards/transactions/{recorded[1]}", headers=b.headers["application token"])
        assert _data(kept)["targetCardId"] is None and _data(kept)["status"] == "denied"
        # From A's card: not found, as a card that exists nowhere.
        from_a = await transfer(credential, a.card_id, b.card_id)
        assert _answer(from_a) == _answer(await transfer(credential, nowhere, b.card_id)), from_a.text
        assert from_a.status_code == 404, from_a.text
    assert (await _balance(client, a), await _balance(client, b)) == before
    # To a second card of B's own: approved (the refusals above were the target's).
    second = await provision_cards(b.tenant, count=1)
    own_target = (await activate_card(client, second, 0, b.tenant.user_id))["cardId"]
    own = await transfer("the application", b.card_id, own_target)
    assert own.status_code == 200 and _data(own)["status"] == "approved", own.text
    await assert_books_sound()


async def test_another_applications_signing_key_moves_no_money(client):
    """B's application token on a request signed with A's key (A's key id, A's secret): the key is not B's."""
    a, b = await build_world(client), await build_world(client)
    token = await b.tenant.app_token(client)
    before = (await _balance(client, a), await _balance(client, b))
    unload = f"/rest/cards/{b.card_id}/funds", {"type": "unload", "amount": "1"}
    transfer = "/rest/cards/transfer", {"sourceCardId": b.card_id, "targetCardId": a.card_id, "amount": "1"}
    for method, (path, body) in (("PUT", unload), ("POST", transfer)):
        with_a_key = await signed(client, a.tenant, method, path, body, token=token)
        assert _answer(with_a_key) == (401, 7604), with_a_key.text
    assert (await _balance(client, a), await _balance(client, b)) == before
    # B's own key: the unload is made (so the refusal above was the key's).
    own = await signed(client, b.tenant, "PUT", *unload, token=token)
    assert own.status_code == 200, own.text


# ---- cards and cardholders ----------------------------------------------------------------------------------


async def test_a_card_is_not_granted_to_another_companys_cardholder(client):
    a, b = await build_world(client), await build_world(client)
    path = f"/rest/cards/{b.card_id}/users"

    async def grant(credential: str, user_id: str) -> httpx.Response:
        body = {"userId": user_id, "permissions": ["view"]}
        return await client.post(path, json=body, headers=b.headers[credential])

    for credential in ("application token", "cardholder token"):  # the application, and the card's owner
        to_a = await grant(credential, a.cardholder_id)
        assert to_a.status_code == 404, to_a.text
        assert _answer(to_a) == _answer(await grant(credential, str(uuid.uuid4())))
    users = _data(await client.get(path, headers=b.headers["application token"]))
    assert [user["userId"] for user in users] == [b.cardholder_id]  # the owner only
    # A's cardholder sees only A's card.
    theirs = await client.get(f"/rest/users/{a.cardholder_id}/cards", headers=a.headers["application token"])
    assert [card["cardId"] for card in _data(theirs)] == [a.card_id]
    # B's own second cardholder is granted: the field is looked up in B's company.
    luis = await create_cardholder(client, b.tenant, firstName="Luis")
    own = await grant("application token", luis["userId"])
    assert own.status_code == 200, own.text


async def test_activation_names_neither_another_companys_cardholder_nor_card(client):
    a, b = await create_tenant(), await create_tenant()
    a_cards, b_cards = await provision_cards(a, count=1), await provision_cards(b, count=1)
    headers = bearer(await b.app_token(client))

    async def activate(user_id: Any, number: str, name: str) -> httpx.Response:
        body = {"userId": str(user_id), "cardNumber": number, "cardholderName": name}
        return await client.post("/rest/cards/activate", json=body, headers=headers)

    # A's cardholder, with B's own printed card: not found, as a cardholder who exists nowhere.
    for_a = await activate(a.user_id, b_cards.numbers[0], b_cards.name)
    assert for_a.status_code == 404, for_a.text
    assert _answer(for_a) == _answer(await activate(uuid.uuid4(), b_cards.numbers[0], b_cards.name))
    # A's printed card, for B's cardholder: refused as a valid number that was never printed.
    a_card = await activate(b.user_id, a_cards.numbers[0], a_cards.name)
    assert 400 <= a_card.status_code < 500, a_card.text
    assert _answer(a_card) == _answer(await activate(b.user_id, "4111111111111111", a_cards.name))
    # Nothing was activated: each card activates for its own company's cardholder.
    await activate_card(client, a_cards, 0, a.user_id)
    await activate_card(client, b_cards, 0, b.user_id)


async def test_another_companys_username_is_free_here(client):
    """Usernames are unique per company: a 409 here would tell B that A has a cardholder of that name."""
    a, b = await create_tenant(), await create_tenant()
    created = await create_cardholder(client, b, username=a.username)  # 201, or it raises
    assert created["userId"] != str(a.user_id)
    # In A's company the name is taken: the field is looked up, in the caller's company.
    taken = await client.post(
        "/rest/users",
        json={"username": a.username, "firstName": "Ana", "lastName": "Pérez", "email": "ana.2@example.test"},
        headers=bearer(await a.app_token(client)),
    )
    assert _answer(taken) == (409, 7101), taken.text


async def test_no_code_is_sent_to_nor_taken_for_another_companys_cardholder(client):
    a, b = await create_tenant(), await create_tenant()
    a_app, b_app = bearer(await a.app_token(client)), bearer(await b.app_token(client))

    async def outbox() -> list[dict[str, Any]]:
        found = await client.get("/rest/sandbox/outbox", params={"username": a.username}, headers=a_app)
        return list(_data(found)["items"])

    # B asks a code for A's cardholder: the answer an unknown username gets, and A's cardholder gets nothing.
    sent = await client.post("/rest/users/auth/otp", json={"username": a.username}, headers=b_app)
    ghost = await client.post("/rest/users/auth/otp", json={"username": f"ghost.{secrets.token_hex(3)}"}, headers=b_app)
    assert sent.status_code == ghost.status_code == 200 and _data(sent) == _data(ghost)
    assert await outbox() == []
    # A's cardholder's real code, presented through B's application, resets nothing.
    assert (await client.post("/rest/users/auth/otp", json={"username": a.username}, headers=a_app)).is_success
    found = re.search(r"\b(\d{6})\b", (await outbox())[0]["body"])
    assert found is not None
    reset = {"username": a.username, "code": found[1], "newPassword": "Mallory-pass-9"}
    refused = await client.post("/rest/users/auth/password/reset", json=reset, headers=b_app)
    assert _answer(refused) == (400, 7103), refused.text
    login = {"username": a.username, "password": USER_PASSWORD}
    assert (await client.post("/rest/users/auth/login", json=login, headers=a_app)).status_code == 200
    # The code is still A's to use, through A's application.
    mine = await client.post("/rest/users/auth/password/reset", json=reset, headers=a_app)
    assert mine.status_code == 200, mine.text


async def test_an_operator_signs_in_under_their_own_partners_application_only(client):
    a, b = await create_tenant(), await create_tenant()
    headers = bearer(await b.cms_token(client))

    async def login(username: str) -> httpx.Response:
        body = {"username": username, "password": OPERATOR_PASSWORD}
        return await client.post("/cms/rest/auth/login", json=body, headers=headers)

    theirs = await login(a.operator_username)
    assert theirs.status_code == 401 and _answer(theirs) == _answer(await login("op.nobody")), theirs.text
    await b.operator_headers(client)  # B's own operator signs in there
    await a.operator_headers(client)  # and A's under A's


# ---- events and webhooks ------------------------------------------------------------------------------------

WEBHOOK_SURFACES = {"gateway": ("/rest", "application token"), "middleware": ("/v1", "merchant token")}


def _endpoint_and_event(world: World, surface: str) -> tuple[str, str]:
    if surface == "gateway":
        return world.gateway_endpoint_id, world.gateway_event_id
    return world.merchant_endpoint_id, world.merchant_event_id


@pytest.mark.parametrize("surface", sorted(WEBHOOK_SURFACES))
async def test_a_replay_to_another_tenants_endpoint_delivers_nothing(client, surface):
    a, b = await build_world(client), await build_world(client)
    prefix, credential = WEBHOOK_SURFACES[surface]
    a_endpoint, _ = _endpoint_and_event(a, surface)
    b_endpoint, b_event = _endpoint_and_event(b, surface)

    async def deliveries(world: World, endpoint: str) -> int:
        log = await client.get(f"{prefix}/webhook-endpoints/{endpoint}/deliveries", headers=world.headers[credential])
        return int(_data(log)["meta"]["totalItems"])

    async def replay(endpoint: str) -> httpx.Response:
        path = f"{prefix}/events/{b_event}/replay"
        return await client.post(path, json={"endpointId": endpoint}, headers=b.headers[credential])

    before = (await deliveries(a, a_endpoint), await deliveries(b, b_endpoint))
    to_a = await replay(a_endpoint)
    assert to_a.status_code == 404 and _answer(to_a) == _answer(await replay(str(uuid.uuid4()))), to_a.text
    assert (await deliveries(a, a_endpoint), await deliveries(b, b_endpoint)) == before
    # To B's own endpoint: one delivery.
    own = await replay(b_endpoint)
    assert own.status_code == 202 and len(_data(own, 202)["deliveries"]) == 1, own.text
    assert await deliveries(b, b_endpoint) == before[1] + 1


async def test_events_about_another_tenants_subject_are_not_listed(client):
    a, b = await build_world(client), await build_world(client)

    async def events(world: World, surface: str, **query: str) -> set[str]:
        prefix, credential = WEBHOOK_SURFACES[surface]
        found = await client.get(f"{prefix}/events", params=query, headers=world.headers[credential])
        return {event["eventId"] for event in _data(found)["items"]}

    for surface, (prefix, credential) in WEBHOOK_SURFACES.items():
        listing = await client.get(f"{prefix}/events", headers=a.headers[credential])
        subjects = {event["subjectId"] for event in _data(listing)["items"]}
        assert subjects, f"{prefix}: A has no events to name"
        b_events = await events(b, surface)
        for subject in subjects:
            assert await events(a, surface, subjectId=subject), f"{prefix}: A's own events about {subject}"
            # B's own events about the same subject (if any) are fine; none of A's may show.
            listed = await events(b, surface, subjectId=subject)
            assert listed <= b_events, f"{prefix}/events?subjectId={subject} listed A's events to B"


# ---- payments -------------------------------------------------------------------------------------------------


async def test_suspensions_of_another_merchant_are_not_listed_by_user_id(client):
    a, b = await build_world(client), await build_world(client)

    async def listed(world: World, user_id: str) -> list[str]:
        found = await client.get("/v1/suspensions", params={"userId": user_id}, headers=world.headers["merchant token"])
        return [suspension["id"] for suspension in _data(found)["items"]]

    # Both merchants suspended the same end customer (build_world's): each lists its own only.
    assert await listed(a, "50255550000") == [a.suspension_id]
    assert await listed(b, "50255550000") == [b.suspension_id]
    only_a = {"client": a.client_slug, "userId": "50299990000", "type": "blocked", "reason": "fraud"}
    made = await client.post("/v1/suspensions", json=only_a, headers=a.headers["merchant token"])
    assert await listed(a, "50299990000") == [_data(made, 201)["id"]]
    assert await listed(b, "50299990000") == []


async def test_the_hook_creates_no_link_for_another_merchants_client(client):
    a, b = await create_tenant(), await create_tenant()
    await configure_payment_client(a)
    await configure_payment_client(b)
    link = {"amount": 100, "userId": "50224865444", "channel": "wa", "ads": []}
    keys = {"publicKey": b.public_key, "privateKey": b.private_key}
    for path in HOOK_PATHS:
        refused = await client.post(path, json={**link, **keys, "client": a.client_slug})
        assert refused.status_code == 409 and refused.json()["ownCode"] == 5004, refused.text
        own = await client.post(path, json={**link, **keys, "client": b.client_slug})
        assert own.status_code == 200, own.text
    assert (await client.get("/transactions", headers=merchant(a))).json()["meta"]["totalItems"] == 0


async def test_bins_are_not_verified_against_another_merchants_client(client):
    a, b = await create_tenant(), await create_tenant()
    await configure_payment_client(a)
    await configure_payment_client(b)

    async def verify(slug: str) -> httpx.Response:
        return await client.post("/v1/bins/verify", json={"client": slug, "bin": "424242"}, headers=merchant(b))

    theirs = await verify(a.client_slug)
    assert theirs.status_code == 409 and theirs.json()["ownCode"] == 5004, theirs.text
    assert _answer(theirs) == _answer(await verify("doesNotExist"))
    assert (await verify(b.client_slug)).status_code == 200
