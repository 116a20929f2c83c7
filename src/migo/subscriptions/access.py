"""The subscriptions domain's one tenant-scoping helper: a merchant reads its own client's plans,
subscriptions and charges, and another merchant's ids answer as if they did not exist."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import Select, select

from .models import SHOWN_STATUSES, BillingSettings, Plan, Subscription, SubscriptionCharge

Row = TypeVar("Row", Plan, BillingSettings, Subscription, SubscriptionCharge)


def readable(merchant_slug: str, model: type[Row], *, include_hidden: bool = False) -> Select[Row]:
    """The rows of `model` that belong to the merchant's client (subscriptions: only those it may see, unless
    `include_hidden`: one whose first charge is still being confirmed, or was declined)."""
    statement = select(model).where(model.client_slug == merchant_slug)
    if model is Subscription and not include_hidden:
        statement = statement.where(Subscription.status.in_(SHOWN_STATUSES))
    return statement
