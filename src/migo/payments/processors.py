"""Processors: who authorizes, captures, voids and refunds a card payment.

The checkout talks to a `Processor`; a client's configuration names the processors it uses. The built-in
`sandbox` processor behaves deterministically by test card (Stripe's numbering, testcards.py) and keeps no
state of its own: a pending 3-D Secure challenge is a reference that carries its scenario under a MAC, the
way a real acquirer's reference would point at its own records.
"""

from __future__ import annotations

import base64
import hmac
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, Protocol

from migo.platform import security
from migo.platform.ids import alphanumeric

from .testcards import BY_NUMBER, THREE_DS_PASS_CODE

AuthorizationStatus = Literal["approved", "declined", "requires_action"]

# Decline codes and the reason a customer reads on the result page.
DECLINE_REASONS = {
    "generic_decline": "Your bank declined the payment.",
    "insufficient_funds": "The card does not have enough funds.",
    "expired_card": "The card has expired.",
    "incorrect_cvc": "The security code (CVV) is not correct.",
    "processing_error": "The payment could not be processed. Please try again.",
    "authentication_failed": "The card's verification (3-D Secure) failed.",
    "card_not_allowed": "This merchant does not accept this card.",
    "test_card_in_production": "This is a test card; use a real card.",
    "live_card_in_sandbox": "This is a sandbox: pay with one of the test cards.",
}


@dataclass(frozen=True)
class CardData:
    """A card as the customer typed it: held in memory for one authorization, never stored as such."""

    number: str
    expiry_month: int
    expiry_year: int
    cvv: str
    holder_name: str | None = None

    def __repr__(self) -> str:  # never let a PAN or CVV reach a log through a repr
        return f"CardData(last4={self.number[-4:]})"


@dataclass(frozen=True)
class Authorization:
    status: AuthorizationStatus
    reference: str | None = None  # the processor's id for this payment (or for the pending challenge)
    authorization_code: str | None = None
    decline_code: str | None = None


class ProcessorError(Exception):
    """The processor could not be reached or answered nonsense: nothing happened on its side."""


class Processor(Protocol):
    name: str

    async def authorize(
        self, card: CardData, *, amount: Decimal, currency: str, installments: int, capture: bool
    ) -> Authorization: ...

    async def authenticate(self, challenge: str, code: str) -> Authorization:
        """Complete a 3-D Secure challenge started by `authorize` (status `requires_action`)."""
        ...

    async def capture(self, reference: str, amount: Decimal) -> str: ...

    async def void(self, reference: str) -> str: ...

    async def refund(self, reference: str, amount: Decimal) -> str: ...


class SandboxProcessor:
    """The built-in simulator: every test card has one outcome; any other card is declined."""

    name = "sandbox"

    async def authorize(
        self, card: CardData, *, amount: Decimal, currency: str, installments: int, capture: bool
    ) -> Authorization:
        test_card = BY_NUMBER.get(card.number)
        if test_card is None:
            return Authorization("declined", decline_code="live_card_in_sandbox")
        outcome = test_card.outcome
        if outcome == "approved":
            return self._approved()
        if outcome.startswith("3ds_challenge"):
            return Authorization("requires_action", reference=self._challenge(outcome))
        return Authorization("declined", reference=f"sbx_{alphanumeric(20)}", decline_code=outcome)

    async def authenticate(self, challenge: str, code: str) -> Authorization:
        outcome = self._open_challenge(challenge)
        if outcome is None:
            raise ProcessorError("unknown 3-D Secure challenge")
        if not hmac.compare_digest(code.strip(), THREE_DS_PASS_CODE):
            return Authorization("declined", decline_code="authentication_failed")
        if outcome == "3ds_challenge_declined":
            return Authorization("declined", decline_code="generic_decline")
        return self._approved()

    async def capture(self, reference: str, amount: Decimal) -> str:
        return f"sbx_cap_{alphanumeric(16)}"

    async def void(self, reference: str) -> str:
        return f"sbx_void_{alphanumeric(16)}"

    async def refund(self, reference: str, amount: Decimal) -> str:
        return f"sbx_re_{alphanumeric(16)}"

    @staticmethod
    def _approved() -> Authorization:
        code = "".join(ch for ch in alphanumeric(40) if ch.isdigit())[:6].rjust(6, "0")
        return Authorization("approved", reference=f"sbx_{alphanumeric(20)}", authorization_code=code)

    @staticmethod
    def _mac(body: str) -> str:
        digest = security.keyed_hash(body, purpose="sandbox-processor-challenge")
        return base64.urlsafe_b64encode(digest[:18]).decode()

    def _challenge(self, outcome: str) -> str:
        body = f"{alphanumeric(16)}.{outcome}"
        return f"sbx3ds.{body}.{self._mac(body)}"

    def _open_challenge(self, challenge: str) -> str | None:
        parts = challenge.split(".")
        if len(parts) != 4 or parts[0] != "sbx3ds":
            return None
        body = f"{parts[1]}.{parts[2]}"
        return parts[2] if hmac.compare_digest(parts[3], self._mac(body)) else None


_PROCESSORS: dict[str, Processor] = {"sandbox": SandboxProcessor()}


def processor_named(name: str) -> Processor:
    try:
        return _PROCESSORS[name]
    except KeyError:
        raise ProcessorError(f"no processor named {name!r}") from None


def known_processors() -> list[str]:
    return sorted(_PROCESSORS)
