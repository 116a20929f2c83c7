"""Seed 002 with the SDK: create a Payment Link, pay it in the sandbox as a shopper would in the hosted checkout,
read it back, and refund part of it.

    MIGO_URL=http://127.0.0.1:8000 MIGO_MERCHANT_TOKEN=... MIGO_CLIENT=your-client-slug python examples/seed_002.py
"""

import os

from migo_client import middleware_client
from migo_client.middleware.api.payment_links import create_transaction
from migo_client.middleware.api.payments import get_transaction, refund_transaction
from migo_client.middleware.api.sandbox import pay_transaction_in_sandbox
from migo_client.middleware.models import (
    CreatedLink,
    CreateLinkRequest,
    PaymentOutcome,
    RefundOut,
    RefundRequest,
    SandboxPayRequest,
    TransactionDetail,
)

merchant = middleware_client(os.environ["MIGO_URL"], merchant_token=os.environ["MIGO_MERCHANT_TOKEN"])

order = CreateLinkRequest(amount=100, user_id="50224865444", channel="wa", client=os.environ["MIGO_CLIENT"], ads=[])
link = create_transaction.sync(client=merchant, body=order)
assert isinstance(link, CreatedLink), link
print(f"link {link.uid} ({link.reference}): {link.url}")

card = SandboxPayRequest(card_number="4242424242424242", expiry="12/34", cvv="123")
outcome = pay_transaction_in_sandbox.sync(link.uid, client=merchant, body=card)
assert isinstance(outcome, PaymentOutcome), outcome
print(f"paid: {outcome.outcome}")

paid = get_transaction.sync(link.uid, client=merchant)
assert isinstance(paid, TransactionDetail), paid
print(f"read back: {paid.status}, amount {paid.amount}")

refund = refund_transaction.sync(link.uid, client=merchant, body=RefundRequest(amount=30, reason="one item back"))
assert isinstance(refund, RefundOut), refund
print(f"refunded {refund.amount}; the link is {refund.transaction.status}")
