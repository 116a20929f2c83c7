"""The processor port: what payments asks of whoever authorizes, captures, voids and refunds a card payment,
and the registry of the processors this process knows.

It lives in the platform so that a domain other than payments can implement a processor without importing
payments: the cards domain charges the cards Migo issued itself (on-us, `ON_US_PROCESSOR`). The composition
root (migo.composition) registers that processor, with the check that tells a card Migo issued from another
issuer's; payments registers its own sandbox simulator.

Every call carries an idempotency key derived from the attempt or operation the caller saved before calling
(Hyperswitch's attempt-first rule): a retried call gets the first answer, `lookup` tells what became of a call
whose answer was lost, and `cancel` makes one the processor never received never take effect.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform.secrets import CardNumber, Cvv, Secret

AuthorizationStatus = Literal["approved", "declined", "requires_action"]
Initiator = Literal["customer", "merchant"]
OperationStatus = Literal["succeeded", "failed"]

# The processor that charges cards Migo issued, through the ledger (no card network in between).
ON_US_PROCESSOR = "migo"


@dataclass(frozen=True)
class CardData:
    """A card as the customer typed it: held in memory for one authorization, never stored as such (its number
    and CVV mask themselves)."""

    number: CardNumber  # digits only
    expiry_month: int
    expiry_year: int
    cvv: Cvv | None  # None: a stored card, charged without its CVV (which is never stored)
    holder_name: str | None = None


@dataclass(frozen=True)
class Authorization:
    """The answer to an authorization or to a 3-D Secure challenge."""

    status: AuthorizationStatus
    reference: str | None = None  # the processor's id for this payment (or for the pending challenge)
    authorization_code: str | None = None
    decline_code: str | None = None


@dataclass(frozen=True)
class OperationResult:
    """The answer to a capture, a refund or a void."""

    status: OperationStatus
    reference: str | None = None
    failure_code: str | None = None


class ProcessorError(Exception):
    """The processor did not answer (or answered nonsense): what happened on its side is not known until a
    `lookup` with the call's idempotency key tells."""


class Processor(Protocol):
    name: str

    async def authorize(
        self,
        card: CardData,
        *,
        amount: Decimal,
        currency: str,
        installments: int,
        capture: bool,
        key: str,
        initiator: Initiator = "customer",
        descriptor: str | None = None,
    ) -> Authorization:
        """An amount of 0 only verifies the card (nothing is held or charged). A merchant-initiated charge of
        a stored card (`initiator="merchant"`: a renewal) is exempt from 3-D Secure, as the networks make it
        once the card was verified with the customer present. `descriptor`: the merchant's name as the
        cardholder's statement shows it (a soft descriptor; not part of what makes two requests one)."""
        ...

    async def authenticate(self, challenge: str, code: Secret, *, key: str) -> Authorization:
        """Answer a 3-D Secure challenge started by `authorize` (status `requires_action`)."""
        ...

    async def capture(self, reference: str, amount: Decimal, *, key: str) -> OperationResult: ...

    async def void(self, reference: str, *, key: str) -> OperationResult: ...

    async def refund(self, reference: str, amount: Decimal, *, key: str) -> OperationResult: ...

    async def lookup(self, key: str) -> Authorization | OperationResult | None:
        """What the call made with `key` came to; None when the processor has no record of it (yet)."""
        ...

    async def cancel(self, key: str) -> None:
        """Make the call with `key`, which the processor has no record of, never take effect: a request still
        in transit is refused when it lands (a technical cancel by idempotency key). Raises ProcessorError
        when it cannot be done now, or when the call did land meanwhile (look it up again)."""
        ...


CENT_OF_CENT = Decimal("0.0001")  # NUMERIC(20,4): the precision every amount is kept at


def request_digest(*parts: object) -> bytes:
    """What a request asked, for a processor to tell a retry from a reused key: an amount counts by its value
    (60 and 60.0000, as read back from the database, are one amount)."""
    canonical = (f"{part.quantize(CENT_OF_CENT):f}" if isinstance(part, Decimal) else str(part) for part in parts)
    return hashlib.sha256("\n".join(canonical).encode()).digest()


# (session, a card number or its leading digits) → whether Migo issued it.
IssuerCheck = Callable[[AsyncSession, str], Awaitable[bool]]

_PROCESSORS: dict[str, Processor] = {}
_issuer_check: IssuerCheck | None = None


def register(processor: Processor, *, issues: IssuerCheck | None = None) -> None:
    """Make `processor` known by its name (registering a name again replaces it). `issues`: the on-us
    processor's check of which cards are Migo's own; a card it recognizes is routed to that processor."""
    global _issuer_check
    if issues is not None:
        if processor.name != ON_US_PROCESSOR:
            raise ValueError(f"the on-us processor is named {ON_US_PROCESSOR!r}")
        _issuer_check = issues
    _PROCESSORS[processor.name] = processor


def processor_named(name: str) -> Processor:
    try:
        return _PROCESSORS[name]
    except KeyError:
        raise ProcessorError(f"no processor named {name!r}") from None


def known_processors() -> list[str]:
    return sorted(_PROCESSORS)


async def issued_by_us(session: AsyncSession, number: str) -> bool:
    """Whether a card program of Migo issued this card (a full number, or the leading digits being typed):
    False when no on-us processor is registered."""
    return _issuer_check is not None and ON_US_PROCESSOR in _PROCESSORS and await _issuer_check(session, number)
