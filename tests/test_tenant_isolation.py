"""Tenant isolation over every route, generated from the apps' route tables (issue 13 §3).

Every endpoint whose path names an object (`/rest/cards/{cardId}`, `/transactions/{uid}`, …) is called by
tenant B, with B's own valid credentials, a valid body and a valid signature, naming tenant A's real objects.
It must answer as if they did not exist: a 404 in the surface's shape (DESIGN, security posture: a 404, not a
403, so that nothing tells B they exist).

The routes come from the root app (`migo.app.create_app()`), so a route added tomorrow is called as soon as it
exists. A path parameter nobody taught this module to fill fails `test_every_path_parameter_is_filled` until
the object is added to `World` and `PARAMETERS`, or, with a reason, to `EXEMPT`.

Routes with several ids are also called with A's id in one place and B's own ids in the others
(`/rest/cards/{B's card}/statements/{A's statement}`), so each id is checked on its own. A credential that a
route refuses whatever the id (a PIN route and an application token: 403 USER_TOKEN_REQUIRED) tells nothing about
A's objects; that is recognised by calling the route again with ids that exist nowhere and getting the same
refusal. Every route must still be reached, and answer 404, with at least one of B's credentials.

Finally every route is called again by B with B's own ids, in the same request shape and with each credential
that got the 404: the answer must not be a not-found (a 200, a 409 of a card's state, a 422 are all fine: the
id was found), or a route that answers 404 to everything would pass above. Routes that cannot be called with
the own ids generically are listed in `OWN_IDS_NOT_CALLED`, with the reason. One route per kind of object must
also succeed (2xx) for A, so the ids B named are real.

Ids in bodies, queries and headers (a transfer's `targetCardId`, a replay's `endpointId`, `?subjectId=`) are
covered in test_tenant_isolation_fields.py.
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel
from starlette.routing import Mount

from migo.cards.tasks import print_stock
from migo.platform import clock
from tests.factories import (
    Tenant,
    activate_card,
    bearer,
    branch_with_terminal,
    configure_payment_client,
    create_cardholder,
    create_link,
    create_tenant,
    merchant,
    provision_cards,
    sandbox_pay,
    signed,
    submitted_lead,
)
from tests.leakscan import known_secret

Surface = Literal["gateway", "cms", "middleware"]

# The root app's mounts that are API surfaces. A new mount with a FastAPI app fails the coverage test until
# it is named here (and given credentials below).
SURFACES: dict[str, Surface] = {"/rest": "gateway", "/cms/rest": "cms", "": "middleware"}

# The credentials of a tenant that each surface takes. A Gateway route may take both (`Caller`); a route that
# refuses one kind whatever the id is recognised as such (see the module's docstring).
CREDENTIALS: dict[Surface, tuple[str, ...]] = {
    "gateway": ("application token", "cardholder token"),
    "cms": ("operator token",),
    "middleware": ("merchant token",),
}

# Routes of the root app outside the API surfaces that have path parameters, and why they are not tenant-scoped.
NOT_TENANT_SCOPED_PAGES: dict[str, str] = {
    "/static": "the platform's public assets (Scalar's bundle, the favicon): nobody's object",
    "/guides/{name}": "the public guides (docs/*.md), the same for everyone: nobody's object",
    "/checkout/{uid}/pay": "the hosted checkout: the link's uid is the capability, with no tenant credential "
    "(CONTRACT §1); its scoping is the uid's 21 random characters",
    "/checkout/{uid}/verify": "the hosted checkout's 3-D Secure step: the uid is the capability (CONTRACT §1)",
    "/checkout/{uid}/card-options": "the hosted checkout's installments lookup: the uid is the capability "
    "(CONTRACT §1)",
    "/subscribe/{uid}": "the subscribe variant of the hosted checkout: the link's uid is the capability (CONTRACT §1)",
    "/subscribe/{uid}/verify": "its 3-D Secure step: the uid is the capability, and the card being verified must be "
    "the link's customer's, of the link's client",
    "/webhooks/volcan": "the card processor's inbound notices at seed 003's bare path: the Gateway's own receiver, "
    "authenticated by the processor's signature, no tenant credential (tests/webhooks/test_inbound_and_gateway.py)",
    "/webhooks/settlements": "the acquirer's inbound notices at seed 003's bare path: the Gateway's own receiver, "
    "authenticated by the acquirer's signature, no tenant credential (tests/webhooks/test_inbound_and_gateway.py)",
    "/dashboard": "the web dashboard: pages over the CMS's services, signed in with a session cookie rather than an "
    "API credential; every page's isolation is tested in tests/dashboard (another partner's payment, cardholder, "
    "card, batch, operator, webhook endpoint and lead answer 404)",
}


@dataclass
class World:
    """One tenant, its credentials, and one real object of every kind a path can name."""

    tenant: Tenant
    headers: dict[str, dict[str, str]]  # credential kind → headers
    card_id: str
    cardholder_id: str
    # A cardholder the CMS's routes name: blocking it (B's own, in the control calls) leaves the sessions of the
    # cardholder whose token the Gateway's routes are called with alone.
    cms_cardholder_id: str
    card_transaction_id: str
    statement_id: str
    external_card_id: str
    signing_key_id: str
    gateway_endpoint_id: str
    gateway_event_id: str
    link_uid: str
    suspension_id: str
    client_slug: str
    merchant_endpoint_id: str
    merchant_event_id: str
    # A merchant token besides the one the world calls with: revoking or rotating it leaves the world's credential.
    merchant_token_id: str
    plan_id: str
    subscription_id: str
    card_token: str
    batch_id: str
    conciliation_batch_id: str  # a processor's settlement file the partner's operator uploaded
    lead_id: str
    lead_document_id: str
    business_id: str
    branch_id: str
    terminal_id: str
    terminal_payment_id: str
    settlement_id: str
    operator_id: str
    cardholder_batch_id: str
    role_id: str  # a role of the partner's own (the system roles are every partner's)
    stock_batch_id: str  # a card stock batch printed through the CMS


# Which of a tenant's objects fills each path parameter, per surface (`endpointId` is a company's endpoint on
# the Gateway and a merchant client's on the Middleware).
PARAMETERS: dict[tuple[Surface, str], Callable[[World], str]] = {
    ("gateway", "cardId"): lambda world: world.card_id,
    ("gateway", "userId"): lambda world: world.cardholder_id,
    ("gateway", "transactionId"): lambda world: world.card_transaction_id,
    ("gateway", "statementId"): lambda world: world.statement_id,
    ("gateway", "externalCardId"): lambda world: world.external_card_id,
    ("gateway", "keyId"): lambda world: world.signing_key_id,
    ("gateway", "endpointId"): lambda world: world.gateway_endpoint_id,
    ("gateway", "eventId"): lambda world: world.gateway_event_id,
    ("gateway", "leadId"): lambda world: world.lead_id,
    ("gateway", "documentId"): lambda world: world.lead_document_id,
    ("gateway", "businessId"): lambda world: world.business_id,
    ("gateway", "branchId"): lambda world: world.branch_id,
    ("gateway", "terminalId"): lambda world: world.terminal_id,
    ("gateway", "paymentId"): lambda world: world.terminal_payment_id,
    ("gateway", "settlementId"): lambda world: world.settlement_id,
    ("cms", "leadId"): lambda world: world.lead_id,
    ("cms", "partnerId"): lambda world: str(world.tenant.partner_id),
    ("cms", "userId"): lambda world: world.cms_cardholder_id,
    ("cms", "cardId"): lambda world: world.card_id,
    ("cms", "documentId"): lambda world: world.lead_document_id,
    ("cms", "operatorId"): lambda world: world.operator_id,
    ("cms", "roleId"): lambda world: world.role_id,
    ("cms", "batchId"): lambda world: world.cardholder_batch_id,
    ("cms", "uid"): lambda world: world.link_uid,  # a link payment of the partner's client
    ("cms", "slug"): lambda world: world.client_slug,  # the Payment Link client configured for the partner
    ("cms", "tokenId"): lambda world: world.merchant_token_id,  # a merchant token of the partner's client
    ("middleware", "uid"): lambda world: world.link_uid,
    ("middleware", "suspensionId"): lambda world: world.suspension_id,
    ("middleware", "slug"): lambda world: world.client_slug,
    ("middleware", "endpointId"): lambda world: world.merchant_endpoint_id,
    ("middleware", "eventId"): lambda world: world.merchant_event_id,
    ("middleware", "tokenId"): lambda world: world.merchant_token_id,
    ("middleware", "planId"): lambda world: world.plan_id,
    ("middleware", "subscriptionId"): lambda world: world.subscription_id,
    ("middleware", "batchId"): lambda world: world.batch_id,
}
# Where one parameter names different kinds of object on different routes: (surface, name, a fragment of the
# route's path) → the object. A `batchId` is a cardholder batch's under `/cardholders/batch` (PARAMETERS), a
# settlement file's under `/conciliation` and a card stock batch's under `/card-stock`.
BY_ROUTE: dict[tuple[Surface, str, str], Callable[[World], str]] = {
    ("cms", "batchId", "/conciliation/"): lambda world: world.conciliation_batch_id,
    ("cms", "batchId", "/card-stock/"): lambda world: world.stock_batch_id,
}


@dataclass(frozen=True)
class Exempt:
    example: str  # a valid value, for a route that also names a tenant's object
    reason: str


# Path parameters that name nothing a tenant owns.
EXEMPT: dict[tuple[Surface, str], Exempt] = {
    ("middleware", "bin"): Exempt(
        "424242",
        "a BIN (a card's first 6-8 digits) is public reference data (brand, type, issuer, country), the same "
        "for every merchant; no tenant owns one",
    ),
}

# Not-found answers other than the surface's 404, per parameter. CONTRACT §5: a client slug the merchant does
# not own is answered as an unknown one, 409 with ownCode 5004 CLIENT_NOT_FOUND.
ALSO_NOT_FOUND: dict[tuple[Surface, str], set[tuple[int, int]]] = {
    ("middleware", "slug"): {(409, 5004)},
}


# Routes (as `METHOD /path`) that the own-ids control cannot call generically, and why. Empty today: every
# route with a path id finds B's own object when B names it.
OWN_IDS_NOT_CALLED: dict[str, str] = {}


def _last_month() -> dict[str, int]:
    now = clock.now()
    return {"month": 12, "year": now.year - 1} if now.month == 1 else {"month": now.month - 1, "year": now.year}


# A valid body per request model, as the caller (tenant B) would send it: B acting on its own behalf. Each is
# checked against its model first, so a body that stopped being valid fails here, not as a misleading 400.
BODIES: dict[str, Callable[[World], dict[str, Any]]] = {
    "CardholderUpdate": lambda own: {"firstName": "Mallory"},
    "UpdateCardRequest": lambda own: {"alias": "Mallory's now"},
    "FundsRequest": lambda own: {"type": "unload", "amount": "1.00"},
    "GrantRequest": lambda own: {"userId": own.cardholder_id, "permissions": ["view", "transact", "manage"]},
    "SetPinRequest": lambda own: {"pin": "4829"},
    "RotatePinRequest": lambda own: {"currentPin": "4829", "newPin": "5930"},
    "ResetPinRequest": lambda own: {"code": "123456", "newPin": "5930"},
    "StatementRequest": lambda own: _last_month(),
    "ExternalCardRequest": lambda own: {
        "cardNumber": "5555555555554444",
        "expiryMonth": 12,
        "expiryYear": clock.now().year + 3,
        "holderName": "MALLORY",
    },
    "EndpointUpdate": lambda own: {"url": "http://127.0.0.1:9/mallory"},
    "SandboxPayRequest": lambda own: {"cardNumber": "4242424242424242", "expiry": "12/34", "cvv": "123"},
    "PlanUpdate": lambda own: {"name": "Mallory's plan"},
    "ReplaceCardRequest": lambda own: {"cardToken": own.card_token},
    "ChargeRequest": lambda own: {"amount": 5},
    "AdvanceRequest": lambda own: {"days": 1},
    "LeadUpdate": lambda own: {"address": "Mallory's address"},
    "BranchCreate": lambda own: {"name": "Mallory's branch", "address": "Nowhere"},
    "TerminalCreate": lambda own: {"serialNumber": f"MALLORY-{secrets.token_hex(4)}", "model": "A920"},
    "BusinessClientLink": lambda own: {"clientSlug": own.client_slug},
    "CardStatusChange": lambda own: {"reason": "Mallory's reason"},
    "CardStockRequest": lambda own: {"count": 1},
    "TerminalPaymentCreate": lambda own: {
        "amount": "5.00",
        "currency": "GTQ",
        "entryMode": "CHIP",
        "card": {"number": "4242424242424242", "expiry": "12/34"},
        "reference": f"MALLORY-{secrets.token_hex(4)}",
    },
    "LeadRejection": lambda own: {"reasons": [{"documentId": own.lead_document_id, "reason": "Blurred."}]},
    "OperatorUpdate": lambda own: {"name": "Mallory"},
    "RoleUpdate": lambda own: {"description": "Mallory's role"},
    "TransactionRefundCreate": lambda own: {"amount": "1", "reason": "Mallory's refund"},
    "PartnerUpdate": lambda own: {"name": "Mallory's partner", "userAccessTtlSeconds": 600},
    "PartnerClientUpdate": lambda own: {"displayName": "Mallory's shop", "maxAmount": 500},
    "PartnerCompanyCreate": lambda own: {"name": "Mallory's company"},
    "PartnerApplicationCreate": lambda own: {"kind": "cms", "name": "Mallory's back office"},
}


# ---- the route table --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RouteCase:
    surface: Surface
    method: str
    template: str  # the full path as declared, mount included: /rest/cards/{cardId}
    params: tuple[str, ...]
    body_model: type[BaseModel] | None  # a required body; optional bodies are left out
    route: Any = field(compare=False)  # the route (its FastAPI route context): path format and regex

    @property
    def prefix(self) -> str:
        return next(mount for mount, surface in SURFACES.items() if surface == self.surface)

    def __str__(self) -> str:
        return f"{self.method} {self.template}"


def _api_routes(app: FastAPI) -> Iterator[Any]:
    """Every endpoint of a surface with its full path (FastAPI keeps included routers as branches)."""
    for context in iter_route_contexts(app.routes):
        if isinstance(context.original_route, APIRoute):
            yield context


def _required_body(route: APIRoute) -> type[BaseModel] | None:
    body = route.body_field
    if body is None or not body.field_info.is_required():
        return None
    return body.field_info.annotation  # type: ignore[no-any-return]


def route_cases(root: Any) -> tuple[list[RouteCase], list[str]]:
    """The API routes with path parameters, one case per method; and the paths of the root app's other routes
    that have path parameters (hosted pages, static files, a surface this module does not know)."""
    cases: list[RouteCase] = []
    others: list[str] = []
    for mount in root.routes:
        if not (isinstance(mount, Mount) and isinstance(mount.app, FastAPI) and mount.path in SURFACES):
            if getattr(mount, "param_convertors", None) or isinstance(getattr(mount, "app", None), FastAPI):
                others.append(mount.path)
            continue
        for context in _api_routes(mount.app):
            if not context.param_convertors:
                continue
            for method in sorted(context.methods - {"HEAD"}):
                cases.append(
                    RouteCase(
                        surface=SURFACES[mount.path],
                        method=method,
                        template=mount.path + context.path,
                        params=tuple(context.param_convertors),
                        body_model=_required_body(context.original_route),
                        route=context,
                    )
                )
    return cases, others


def _filled(case: RouteCase) -> bool:
    return all((case.surface, name) in PARAMETERS or (case.surface, name) in EXEMPT for name in case.params)


def _tenant_scoped(case: RouteCase) -> bool:
    return any((case.surface, name) in PARAMETERS for name in case.params)


def test_every_path_parameter_is_filled(app):
    """A route whose path names something this module cannot fill would escape the isolation test."""
    cases, others = route_cases(app)
    problems = [
        f"{case}: no tenant object fills {{{name}}}: create one in build_world and add ('{case.surface}', "
        f"'{name}') to PARAMETERS, or, if no tenant owns it, to EXEMPT with the reason"
        for case in cases
        for name in case.params
        if (case.surface, name) not in PARAMETERS and (case.surface, name) not in EXEMPT
    ]
    problems += [
        f"{case}: no example body for {case.body_model.__name__}: add one to BODIES"
        for case in cases
        if _tenant_scoped(case) and case.body_model is not None and case.body_model.__name__ not in BODIES
    ]
    problems += [
        f"{path}: a route of the root app outside the known API surfaces, with path parameters or an API of its "
        "own: add its surface to SURFACES and CREDENTIALS, or the reason it is nobody's to NOT_TENANT_SCOPED_PAGES"
        for path in others
        if path not in NOT_TENANT_SCOPED_PAGES
    ]
    if problems:
        pytest.fail("Routes the tenant-isolation test cannot call:\n" + "\n".join(problems))
    named = {(case.surface, name) for case in cases for name in case.params}
    stale = sorted((set(PARAMETERS) | set(EXEMPT)) - named) + sorted(set(NOT_TENANT_SCOPED_PAGES) - set(others))
    assert not stale, f"Entries for path parameters or routes that no longer exist: {stale}"
    # The enumeration itself works: routes we know of are among the cases.
    found = {str(case) for case in cases}
    for known in (
        "GET /rest/cards/{cardId}",
        "GET /rest/cards/transactions/{transactionId}",
        "GET /rest/users/{userId}/wallet",
        "GET /transactions/{uid}",
    ):
        assert known in found, f"{known} is missing from the enumerated routes: {sorted(found)}"


# ---- the two tenants --------------------------------------------------------------------------------------


def _data(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    payload = response.json()
    return payload["data"] if "statusCode" in payload and "data" in payload else payload


async def build_world(http: httpx.AsyncClient) -> World:
    """A tenant with one real object of every kind, made through the API as an integrator makes them."""
    tenant = await create_tenant()
    token = await tenant.app_token(http)
    app = bearer(token)
    cards = await provision_cards(tenant, count=1)
    card_id = (await activate_card(http, cards, 0, tenant.user_id))["cardId"]  # the tenant's own cardholder's
    loaded = await signed(http, tenant, "PUT", f"/rest/cards/{card_id}/funds", {"type": "load", "amount": "50"})
    transaction_id = _data(loaded)["transactionId"]
    statement = await http.post(f"/rest/cards/{card_id}/statements", json=_last_month(), headers=app)
    external = await http.post(
        f"/rest/users/{tenant.user_id}/external-cards",
        json={"cardNumber": "4000056655665556", "expiryMonth": 12, "expiryYear": 2034, "holderName": "ANA PEREZ"},
        headers=app,
    )
    # Loopback that refuses at once: nothing is delivered anywhere if a worker picks a delivery up.
    hook = {"url": "http://127.0.0.1:9/hooks", "eventTypes": ["*"]}
    gateway_endpoint = await http.post("/rest/webhook-endpoints", json=hook, headers=app)
    gateway_events = _data(await http.get("/rest/events", headers=app))

    await configure_payment_client(tenant)
    uid = (await create_link(http, tenant))["uid"]
    paid = await sandbox_pay(http, tenant, uid)
    assert _data(paid)["outcome"] == "approved"
    merchant_endpoint = await http.post("/v1/webhook-endpoints", json=hook, headers=merchant(tenant))
    merchant_events = _data(await http.get("/v1/events", headers=merchant(tenant)))
    merchant_token = _data(await http.post("/v1/merchant-tokens", headers=merchant(tenant)), 201)
    known_secret("merchant token", merchant_token["token"])
    suspension = await http.post(
        "/v1/suspensions",
        json={"client": tenant.client_slug, "userId": "50255550000", "type": "blocked", "reason": "chargebacks"},
        headers=merchant(tenant),
    )
    plan = await http.post(
        "/v1/plans",
        json={"client": tenant.client_slug, "name": "Gym", "amount": 100, "currency": "GTQ", "interval": "month"},
        headers=merchant(tenant),
    )
    subscribed = await http.post(
        "/v1/subscriptions/verify-card",
        json={
            "client": tenant.client_slug,
            "userId": "50224865444",
            "planId": _data(plan, 201)["id"],
            "shouldCreateSubscription": True,
            "card": {"cardNumber": "4242424242424242", "expiry": "12/34", "cvv": "123"},
        },
        headers=merchant(tenant),
    )
    subscription_id = _data(subscribed)["subscription"]["id"]
    bulk = await http.post(
        "/v1/subscriptions/charges/bulk",
        files={"file": ("c.csv", f"subscriptionId,amount,description,externalId\n{subscription_id},1,,\n".encode())},
        headers=merchant(tenant),
    )
    lead = await submitted_lead(http, app)
    await http.post(f"/rest/sandbox/leads/{lead['id']}/approve", headers=app)
    business = _data(await http.post(f"/rest/leads/{lead['id']}/promote", headers=app), 201)
    branch, terminal = await branch_with_terminal(http, app, business["id"])
    sale = {
        "amount": "20.00",
        "currency": "GTQ",
        "entryMode": "CONTACTLESS",
        "card": {"number": "4242424242424242", "expiry": "12/34"},
        "reference": "W-1",
    }
    payment = await signed(http, tenant, "POST", f"/rest/terminals/{terminal['id']}/payments", sale)
    settled = await http.post("/rest/sandbox/settlements/run", headers=app)
    await signed(http, tenant, "POST", f"/rest/terminals/{terminal['id']}/payments", {**sale, "reference": "W-2"})
    cardholder = await tenant.user_tokens(http)
    operator = await tenant.operator_headers(http)
    role = {"name": "auditors", "description": "The audit trail", "permissions": ["audit.read"]}
    own_role = _data(await http.post("/cms/rest/roles", json=role, headers=operator), 201)
    cardholder_batch = await http.post(
        f"/cms/rest/app/partners/{tenant.partner_id}/cardholders/batch",
        files={"file": ("h.csv", f"{CARDHOLDERS_HEADER}\nZoe,Ruiz,zoe@example.test,,,,,\n".encode())},
        headers=operator,
    )
    settlement_file = b"processorReference,amount,currency,status,settledAt\nPSP-1,20.00,GTQ,settled,2026-11-26\n"
    conciliation = await http.post(
        "/cms/rest/conciliation",
        data={"source": "sandbox"},
        files={"file": ("settlement.csv", settlement_file)},
        headers=operator,
    )
    stock = _data(
        await http.post(f"/cms/rest/app/partners/{tenant.partner_id}/card-stock", json={"count": 1}, headers=operator),
        201,
    )
    await print_stock(stock["batchId"])  # as the worker does: its embossing file is there once printed
    cms_cardholder = await create_cardholder(http, tenant)
    return World(
        tenant=tenant,
        headers={
            "application token": app,
            "cardholder token": bearer(cardholder["accessToken"]),
            "operator token": operator,
            "merchant token": merchant(tenant),
        },
        card_id=card_id,
        cardholder_id=str(tenant.user_id),
        cms_cardholder_id=cms_cardholder["userId"],
        card_transaction_id=transaction_id,
        statement_id=_data(statement, 201)["statementId"],
        external_card_id=_data(external, 201)["externalCardId"],
        signing_key_id=tenant.signing_key_id,
        gateway_endpoint_id=_data(gateway_endpoint, 201)["id"],
        gateway_event_id=gateway_events["items"][0]["eventId"],
        link_uid=uid,
        suspension_id=_data(suspension, 201)["id"],
        client_slug=tenant.client_slug,
        merchant_endpoint_id=_data(merchant_endpoint, 201)["id"],
        merchant_event_id=merchant_events["items"][0]["eventId"],
        merchant_token_id=merchant_token["id"],
        plan_id=_data(plan, 201)["id"],
        subscription_id=subscription_id,
        card_token=_data(subscribed)["cardToken"],
        batch_id=_data(bulk)["batchId"],
        conciliation_batch_id=_data(conciliation)["batchId"],
        lead_id=lead["id"],
        lead_document_id=lead["documents"][0]["id"],
        business_id=business["id"],
        branch_id=branch["id"],
        terminal_id=terminal["id"],
        terminal_payment_id=_data(payment, 201)["paymentId"],
        settlement_id=_data(settled)[0]["id"],
        operator_id=_data(await http.get("/cms/rest/me", headers=operator))["operatorId"],
        role_id=own_role["id"],
        cardholder_batch_id=_data(cardholder_batch)["batchId"],
        stock_batch_id=stock["batchId"],
    )


CARDHOLDERS_HEADER = "firstName,lastName,email,phone,documentType,documentNumber,birthDate,externalId"


# ---- calling a route --------------------------------------------------------------------------------------


def _value(case: RouteCase, name: str, world: World | None) -> str:
    """The id that fills `name`: the world's object, or (no world) one that exists nowhere."""
    key = (case.surface, name)
    if key in EXEMPT:
        return EXEMPT[key].example
    if world is None:
        return str(uuid.uuid4())
    for (surface, parameter, fragment), make in BY_ROUTE.items():
        if (surface, parameter) == key and fragment in case.route.path_format:
            return make(world)
    return PARAMETERS[key](world)


def _path(case: RouteCase, owners: dict[str, World | None]) -> str:
    values = {name: _value(case, name, owners[name]) for name in case.params}
    path = case.route.path_format.format(**values)
    assert case.route.path_regex.match(path), f"{case}: {path} does not reach this route"
    return case.prefix + path


async def call(
    http: httpx.AsyncClient, case: RouteCase, caller: World, credential: str, owners: dict[str, World | None]
) -> httpx.Response:
    """The route as `caller` calls it: its credential, a valid body, and on the Gateway a fresh signature over
    the exact request (money-moving routes need one; the others ignore it)."""
    path = _path(case, owners)
    headers = dict(caller.headers[credential])
    body = None
    if case.body_model is not None:
        make = BODIES.get(case.body_model.__name__)
        assert make is not None, f"{case}: no example body for {case.body_model.__name__} in BODIES"
        example = make(caller)
        case.body_model.model_validate(example)  # a stale example fails here, not as a 400 below
        body = json.dumps(example).encode()
    if case.surface == "gateway":
        key = secrets.token_hex(12)
        headers |= caller.tenant.signed_headers(body or b"", method=case.method, path=path, idempotency_key=key)
    elif body is not None:
        headers["content-type"] = "application/json"
    return await http.request(case.method, path, content=body, headers=headers)


def _payload(response: httpx.Response) -> dict[str, Any]:
    try:
        payload = response.json()
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}


def _answer(response: httpx.Response) -> tuple[int, Any]:
    """Status and business code: the envelope's `error.code`, or the Middleware's `ownCode`."""
    payload = _payload(response)
    error = payload.get("error")
    return response.status_code, error.get("code") if isinstance(error, dict) else payload.get("ownCode")


def describe(response: httpx.Response) -> str:
    status, code = _answer(response)
    return f"{status} (code {code}): {response.text[:200]}"


def is_not_found(case: RouteCase, response: httpx.Response) -> bool:
    """A 404 in the surface's shape, or a not-found answer ALSO_NOT_FOUND allows for one of its parameters."""
    payload = _payload(response)
    status, code = _answer(response)
    if payload.get("statusCode") != status:
        return False
    if case.surface == "middleware":
        accepted = {(404, 5001)}.union(*(ALSO_NOT_FOUND.get((case.surface, name), set()) for name in case.params))
        return (status, code) in accepted
    return status == 404 and isinstance(code, int) and str(payload["error"].get("name", "")).endswith("NOT_FOUND")


def variants(case: RouteCase, a: World, b: World) -> list[tuple[str, dict[str, World | None]]]:
    """Whose id fills each parameter: A's everywhere, and with several ids A's in one place and B's elsewhere."""
    scoped = [name for name in case.params if (case.surface, name) in PARAMETERS]
    found: list[tuple[str, dict[str, World | None]]] = [(f"A's {', '.join(scoped)}", dict.fromkeys(case.params, a))]
    if len(scoped) > 1:
        for name in scoped:
            others = ", ".join(other for other in scoped if other != name)
            found.append((f"A's {name} with B's own {others}", dict.fromkeys(case.params, b) | {name: a}))
    return found


async def _own_ids_not_found(
    http: httpx.AsyncClient, cases: list[RouteCase], reached: dict[RouteCase, list[str]], caller: World
) -> list[str]:
    """The calls of `cases` with the caller's own ids, in each credential that reached a not-found with another
    tenant's, that answered as if the ids did not exist."""
    failed: list[str] = []
    for case in cases:
        world, gone = caller, False
        for credential in reached.get(case, []):
            if gone:  # a deletion that succeeded left nothing for this credential: a tenant of its own
                world, gone = await build_world(http), False
            response = await call(http, case, world, credential, dict.fromkeys(case.params, world))
            if response.status_code == 404 or is_not_found(case, response):
                failed.append(f"{case} with B's {credential} and own {', '.join(case.params)}: {describe(response)}")
            gone = case.method == "DELETE" and response.is_success
    return failed


# ---- the test ---------------------------------------------------------------------------------------------


async def test_another_tenants_ids_are_not_found_on_any_route(app, client):
    a = await build_world(client)
    b = await build_world(client)
    cases = [case for case in route_cases(app)[0] if _filled(case) and _tenant_scoped(case)]
    # Deletions last: one that leaked would otherwise make A's object not found for the routes after it.
    cases.sort(key=lambda case: case.method == "DELETE")
    leaks: dict[RouteCase, list[str]] = {}
    reached: dict[RouteCase, list[str]] = {}  # the credentials of B that got a not-found
    for case in cases:
        for credential in CREDENTIALS[case.surface]:
            for label, owners in variants(case, a, b):
                response = await call(client, case, b, credential, owners)
                if is_not_found(case, response):
                    if credential not in reached.setdefault(case, []):
                        reached[case].append(credential)
                    continue
                # Refused whatever the id (this credential may never call this route): says nothing about A.
                control = await call(client, case, b, credential, dict.fromkeys(case.params))
                if response.status_code in (401, 403) and _answer(control) == _answer(response):
                    continue
                leaks.setdefault(case, []).append(
                    f"{case} with B's {credential} and {label}: answered {describe(response)}"
                )
    for case in cases:
        if case not in reached and case not in leaks:
            leaks[case] = [f"{case}: every credential of B was refused whatever the id; none reached the look-up"]

    # Every route again, with each credential of B that got the not-found, and B's own ids: they are found.
    # Deletions stay last (`cases` is sorted).
    own_not_found = await _own_ids_not_found(client, [c for c in cases if str(c) not in OWN_IDS_NOT_CALLED], reached, b)
    stale = set(OWN_IDS_NOT_CALLED) - {str(case) for case in cases}
    assert not stale, f"OWN_IDS_NOT_CALLED names routes that no longer exist: {sorted(stale)}"

    # And A's ids, the ones B named, are real: for one route per kind of object, A's own call succeeds. (A's
    # objects are untouched by B's calls above, unless one leaked.)
    wrong_ids: list[str] = []
    for key in sorted(PARAMETERS):
        candidates = [case for case in cases if key[0] == case.surface and key[1] in case.params]
        if not candidates:
            continue  # a stale entry: test_every_path_parameter_is_filled reports it
        case = min(candidates, key=lambda c: (c.method != "GET", len(c.params), c.template))
        credential = reached.get(case, CREDENTIALS[case.surface])[0]
        response = await call(client, case, a, credential, dict.fromkeys(case.params, a))
        if not 200 <= response.status_code < 300:
            wrong_ids.append(f"{case} with A's {credential} and own {key[1]}: answered {describe(response)}")

    found = [line for lines in leaks.values() for line in lines]
    report = []
    if found:
        report += [f"{len(found)} call(s) told tenant B about tenant A's objects (expected 404):", *found]
    if wrong_ids:
        report += ["With A's own ids these failed (wrong ids, or changed by a leak above):", *wrong_ids]
    if own_not_found:
        report += [
            "With B's own ids these answered not found (a route that cannot find anything passes the test above; "
            "if it cannot be called generically, add it to OWN_IDS_NOT_CALLED with the reason):",
            *own_not_found,
        ]
    if report:
        pytest.fail("\n".join(report))
