"""What a test event of a catalogued type carries (`POST …/webhook-endpoints/{id}/test {eventType}`): the fields
the real event of that type carries, with made-up values, and `test: true` so a handler can tell it from a real
one. The values are fixed, so a handler's test can assert on them; the keys follow each domain's own payload
(tests/webhooks/test_test_events.py compares them with real events)."""

from __future__ import annotations

from typing import Any

_AT = "2026-01-01T12:00:00Z"
_CARD_ID = "00000000-0000-4000-8000-000000000001"
_USER_ID = "00000000-0000-4000-8000-000000000002"
_BUSINESS_ID = "00000000-0000-4000-8000-000000000003"

_TRANSACTION = {
    "uid": "TestTestTestTestTest0",
    "reference": "TEST000001SB",
    "status": "approved",
    "amount": 100,
    "currency": "GTQ",
    "externalId": "ORDER-TEST-1",
    "customKeys": {"orderId": "ORDER-TEST-1"},
    "userId": "50224865444",
    "channel": "web",
    "processor": "sandbox",
    "installments": 1,
    "authorizationCode": "000000",
    "last4": "4242",
    "brand": "visa",
    "capturedAmount": 100,
    "refundedAmount": 0,
}
_SUBSCRIPTION = {
    "id": "00000000-0000-4000-8000-000000000004",
    "client": "testClient",
    "planId": "00000000-0000-4000-8000-000000000005",
    "userId": "50224865444",
    "status": "active",
    "amount": 100,
    "currency": "GTQ",
    "interval": "month",
    "intervalCount": 1,
    "currentPeriodStart": _AT,
    "currentPeriodEnd": "2026-02-01T12:00:00Z",
    "trialEnd": None,
    "cancelAtPeriodEnd": False,
    "card": {"brand": "visa", "last4": "4242"},
    "renewal": {
        "attempts": 0,
        "lastAttemptAt": None,
        "nextRetryAt": None,
        "lastDeclineCode": None,
        "graceUntil": None,
    },
    "pausedAt": None,
    "endedAt": None,
    "externalId": None,
    "metadata": None,
    "createdAt": _AT,
}
_CARD_FUNDS = {
    "transactionId": "00000000-0000-4000-8000-000000000006",
    "type": "load",
    "status": "approved",
    "sourceCardId": None,
    "targetCardId": _CARD_ID,
    "amount": "25.0000",
    "currency": "GTQ",
    "denialCode": None,
}
_CARD_NETWORK = {"cardId": _CARD_ID, "authorizationId": "auth-test-1", "amount": "12.5000", "currency": "GTQ"}
_TERMINAL_PAYMENT = {
    "id": "00000000-0000-4000-8000-000000000007",
    "terminalId": "00000000-0000-4000-8000-000000000008",
    "businessId": _BUSINESS_ID,
    "reference": "POS-TEST-1",
    "status": "approved",
    "amount": "50.0000",
    "tip": "0.0000",
    "currency": "GTQ",
    "refundedAmount": "0.0000",
}
_SETTLEMENT = {
    "id": "00000000-0000-4000-8000-000000000009",
    "businessId": _BUSINESS_ID,
    "status": "pending",
    "currency": "GTQ",
    "cutoffDate": "2026-01-01",
    "settlementDate": "2026-01-02",
    "gross": "100.0000",
    "fees": "3.0000",
    "net": "97.0000",
    "lineCount": "1",
}

# By family (the part of the type before the dot); the status each type leaves is set below.
_FAMILIES: dict[str, dict[str, Any]] = {
    "transaction": _TRANSACTION,
    "subscription": _SUBSCRIPTION,
    "transfer": {**_CARD_FUNDS, "type": "transfer", "sourceCardId": _CARD_ID},
    "terminal_payment": _TERMINAL_PAYMENT,
    "settlement": _SETTLEMENT,
    "payout": {**_SETTLEMENT, "status": "paid", "payoutId": "00000000-0000-4000-8000-000000000010"},
    "cardholder": {"userId": _USER_ID, "status": "disabled", "reason": "A test event"},
    "lead": {"leadId": "00000000-0000-4000-8000-000000000011", "status": "SUBMITTED"},
    "business": {"businessId": _BUSINESS_ID, "leadId": "00000000-0000-4000-8000-000000000011", "name": "Test Shop"},
    "branch": {"id": "00000000-0000-4000-8000-000000000012", "businessId": _BUSINESS_ID},
    "terminal": {"id": "00000000-0000-4000-8000-000000000008", "branchId": "00000000-0000-4000-8000-000000000012"},
    "statement": {
        "statementId": "00000000-0000-4000-8000-000000000013",
        "cardId": _CARD_ID,
        "month": 1,
        "year": 2026,
        "status": "ready",
    },
}
_BY_TYPE: dict[str, dict[str, Any]] = {
    "transaction.authorized": {"status": "authorized", "capturedAmount": 0},
    "transaction.captured": {"status": "approved"},
    "transaction.denied": {"status": "denied", "authorizationCode": None, "capturedAmount": 0},
    "transaction.refunded": {"status": "refunded", "refundedAmount": 100, "refundId": _CARD_ID, "refundAmount": 100},
    "transaction.refund_failed": {"refundId": _CARD_ID, "refundAmount": 100, "failureCode": "processor_declined"},
    "transaction.reversed": {"status": "reversed", "capturedAmount": 0},
    "transaction.expired": {"status": "expired", "authorizationCode": None, "capturedAmount": 0},
    "subscription.created": {"status": "trialing", "trialEnd": "2026-01-15T12:00:00Z"},
    "subscription.trial_will_end": {"status": "trialing", "trialEnd": "2026-01-04T12:00:00Z"},
    "subscription.renewal_failed": {"status": "past_due"},
    "subscription.past_due": {"status": "past_due"},
    "subscription.paused": {"status": "paused", "pausedAt": _AT},
    "subscription.cancelled": {"status": "inactive", "endedAt": _AT},
    "subscription.expired": {"status": "expired", "endedAt": _AT},
    "transfer.denied": {"status": "denied", "denialCode": "7303"},
    "terminal_payment.denied": {"status": "denied"},
    "terminal_payment.reversed": {"status": "reversed"},
    "terminal_payment.refunded": {"status": "refunded", "refundedAmount": "50.0000"},
    "settlement.settled": {"status": "settled"},
    "cardholder.unblocked": {"status": "active"},
    "lead.created": {"status": "DRAFT"},
    "lead.approved": {"status": "APPROVED"},
    "lead.rejected": {"status": "REJECTED", "rejectedDocuments": ["00000000-0000-4000-8000-000000000014"]},
    "card.activated": {"cardId": _CARD_ID, "userId": _USER_ID, "last4": "4242", "status": "ACTIVE"},
    "card.blocked": {"cardId": _CARD_ID, "status": "BLOCKED", "previousStatus": "ACTIVE", "reason": "A test event"},
    "card.unblocked": {"cardId": _CARD_ID, "status": "ACTIVE", "previousStatus": "BLOCKED", "reason": "A test event"},
    "card.cancelled": {"cardId": _CARD_ID, "status": "CANCELLED", "previousStatus": "ACTIVE", "reason": "A test"},
    "card.funds_loaded": _CARD_FUNDS,
    "card.funds_unloaded": {**_CARD_FUNDS, "type": "unload", "sourceCardId": _CARD_ID, "targetCardId": None},
    "card.authorization": _CARD_NETWORK,
    "card.clearing": _CARD_NETWORK,
    "card.reversal": _CARD_NETWORK,
    "card.refund": _CARD_NETWORK,
}
# Types whose payload is not their family's.
_WHOLE: dict[str, dict[str, Any]] = {
    "terminal.activated": {"id": "00000000-0000-4000-8000-000000000008", "status": "ACTIVE"},
    "terminal.deactivated": {"id": "00000000-0000-4000-8000-000000000008", "status": "INACTIVE"},
    "business.client_linked": {"id": _BUSINESS_ID, "client": "testClient"},
}


def sample_data(event_type: str) -> dict[str, Any]:
    """The data of a test event of this catalogued type, marked `test: true`."""
    if event_type in _WHOLE:
        return {**_WHOLE[event_type], "test": True}
    family = event_type.split(".", 1)[0]
    return {**_FAMILIES.get(family, {}), **_BY_TYPE.get(event_type, {}), "test": True}


def subject_of(data: dict[str, Any]) -> str:
    """The test event's subject: its object's id as the real event's would be."""
    for key in ("uid", "cardId", "id", "transactionId", "userId", "leadId", "businessId", "statementId"):
        if isinstance(data.get(key), str):
            return str(data[key])
    return "test"
