"""A hook key pair's amount range (seed 002: a pair that lives in a browser is scoped "to the specific client
and amount range you need so that exposure is bounded"). The pair is identity's; which amounts its client takes
is ours: the range is checked here when an operator sets it, and by `links.create_link` on every link."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from migo.identity import service as identity
from migo.platform.errors import ApiError

from . import clients
from .errors import PAYMENT_ERRORS


async def scope_key_pair(
    session: AsyncSession, public_key: str, min_amount: Decimal | None, max_amount: Decimal | None
) -> identity.KeyPair:
    """Scope the pair to `min_amount`..`max_amount` (either None: the client's own bound; both: unscoped). A
    range outside the client's, upside down, or not in whole units is 2003 and changes nothing."""
    pair = await identity.key_pair(session, public_key)
    client = await clients.client_for_merchant(session, pair.client_slug, pair.client_slug)
    low = client.min_amount if min_amount is None else min_amount
    high = client.max_amount if max_amount is None else max_amount
    if low % 1 or high % 1 or not client.min_amount <= low <= high <= client.max_amount:
        raise ApiError(
            PAYMENT_ERRORS.AMOUNT_OUT_OF_RANGE,
            f"minAmount/maxAmount: a key pair's range must be whole units inside its client's "
            f"{int(client.min_amount)}..{int(client.max_amount)}, low to high (asked {low}..{high}).",
        )
    return await identity.set_key_pair_range(session, public_key, min_amount, max_amount)
