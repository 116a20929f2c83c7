"""Plans, cards and subscriptions for the recurring-billing tests, through the Middleware as an integrator."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import select

from migo.events.models import Event
from migo.platform.db import database
from tests.factories import Tenant, configure_payment_client, create_tenant, merchant

APPROVE = "4242424242424242"
CHARGES_DECLINED = "4000000000000341"  # verifies, then every charge is declined


async def billing_tenant() -> Tenant:
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    return tenant


async def create_plan(http: httpx.AsyncClient, tenant: Tenant, **fields: Any) -> dict[str, Any]:
    body = {
        "client": tenant.client_slug,
        "name": "Gym",
        "amount": 100,
        "currency": "GTQ",
        "interval": "month",
        **fields,
    }
    response = await http.post("/v1/plans", json=body, headers=merchant(tenant))
    assert response.status_code == 201, response.text
    return response.json()


async def verify_card(
    http: httpx.AsyncClient,
    tenant: Tenant,
    *,
    card: str = APPROVE,
    plan: dict[str, Any] | None = None,
    user_id: str = "50224865444",
    expiry: str = "12/34",
    cvv: str = "123",
    **fields: Any,
) -> httpx.Response:
    body: dict[str, Any] = {
        "client": tenant.client_slug,
        "userId": user_id,
        "shouldCreateSubscription": plan is not None,
        **({"planId": plan["id"]} if plan else {}),
        **fields,
    }
    if "cardToken" not in fields:
        body["card"] = {"cardNumber": card, "expiry": expiry, "cvv": cvv, "cardholderName": "Ana Lopez"}
    return await http.post("/v1/subscriptions/verify-card", json=body, headers=merchant(tenant))


async def subscribe(http: httpx.AsyncClient, tenant: Tenant, plan: dict[str, Any], **fields: Any) -> dict[str, Any]:
    response = await verify_card(http, tenant, plan=plan, **fields)
    assert response.status_code == 200, response.text
    subscription = response.json()["subscription"]
    assert subscription is not None, response.text
    return subscription


async def advance(http: httpx.AsyncClient, tenant: Tenant, subscription_id: str, days: int) -> dict[str, Any]:
    response = await http.post(
        f"/v1/sandbox/subscriptions/{subscription_id}/advance", json={"days": days}, headers=merchant(tenant)
    )
    assert response.status_code == 200, response.text
    return response.json()


async def subscription_events(subscription_id: str) -> list[str]:
    async with database.transaction() as session:
        rows = await session.scalars(
            select(Event.type).where(Event.subject_id == subscription_id).order_by(Event.created_at, Event.id)
        )
        return list(rows)


async def charges_of(http: httpx.AsyncClient, tenant: Tenant, subscription_id: str) -> list[dict[str, Any]]:
    """The Middleware transactions of a subscription's charges, oldest first."""
    found: list[dict[str, Any]] = []
    page = 1
    while True:
        params = {"limit": 100, "page": page, "sortOrder": "ASC"}
        listed = await http.get("/transactions", params=params, headers=merchant(tenant))
        assert listed.status_code == 200, listed.text
        items = listed.json()["items"]
        found += [
            t for t in items if t["additionalData"].get("subscriptionInfo", {}).get("subscriptionId") == subscription_id
        ]
        if len(items) < 100:
            return found
        page += 1
