"""Sandbox test cards: deterministic outcomes by card number, with Stripe's numbering so integrators
recognise them. The sandbox processor behaves by this table; production refuses these numbers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Outcome = Literal[
    "approved",
    "generic_decline",
    "insufficient_funds",
    "expired_card",
    "incorrect_cvc",
    "processing_error",
    "lost_card",
    "stolen_card",
    "charges_declined",
    "3ds_challenge_approved",
    "3ds_challenge_declined",
]

THREE_DS_PASS_CODE = "123456"


@dataclass(frozen=True)
class SandboxCard:
    number: str
    brand: str
    outcome: Outcome
    description: str


TEST_CARDS: tuple[SandboxCard, ...] = (
    SandboxCard("4242424242424242", "visa", "approved", "Approves"),
    SandboxCard("5555555555554444", "mastercard", "approved", "Approves"),
    SandboxCard("4000000000000002", "visa", "generic_decline", "Declines (generic decline)"),
    SandboxCard("4000000000009995", "visa", "insufficient_funds", "Declines (insufficient funds)"),
    SandboxCard("4000000000000069", "visa", "expired_card", "Declines (expired card)"),
    SandboxCard("4000000000000127", "visa", "incorrect_cvc", "Declines (incorrect CVC)"),
    SandboxCard("4000000000000119", "visa", "processing_error", "Fails (processing error)"),
    SandboxCard("4000000000009987", "visa", "lost_card", "Declines (lost card: a hard decline)"),
    SandboxCard("4000000000009979", "visa", "stolen_card", "Declines (stolen card: a hard decline)"),
    SandboxCard(
        "4000000000000341",
        "visa",
        "charges_declined",
        "Verifies (the zero-amount check passes), then declines every charge: drives a subscription's grace path",
    ),
    SandboxCard(
        "4000000000003220", "visa", "3ds_challenge_approved", f"3-D Secure challenge ({THREE_DS_PASS_CODE}), approves"
    ),
    SandboxCard(
        "4000008400001629", "visa", "3ds_challenge_declined", f"3-D Secure challenge ({THREE_DS_PASS_CODE}), declines"
    ),
)

BY_NUMBER = {card.number: card for card in TEST_CARDS}
