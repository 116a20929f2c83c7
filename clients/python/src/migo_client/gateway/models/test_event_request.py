from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.test_event_request_eventtype import TestEventRequestEventtype
from ..types import UNSET, Unset

T = TypeVar("T", bound="TestEventRequest")


@_attrs_define
class TestEventRequest:
    """
    Attributes:
        event_type (TestEventRequestEventtype | Unset): `webhook.test` (the default: says only that it is a test), or a
            catalogued type, sent with that type's fields, made-up values and `test: true`. The catalog:
            `transaction.approved`, `transaction.authorized`, `transaction.captured`, `transaction.denied`,
            `transaction.refunded`, `transaction.refund_failed`, `transaction.reversed`, `transaction.expired`,
            `subscription.created`, `subscription.trial_will_end`, `subscription.renewed`, `subscription.renewal_failed`,
            `subscription.past_due`, `subscription.recovered`, `subscription.paused`, `subscription.resumed`,
            `subscription.cancelled`, `subscription.expired`, `lead.created`, `lead.submitted`, `lead.approved`,
            `lead.rejected`, `business.created`, `business.client_linked`, `branch.created`, `terminal.created`,
            `terminal.activated`, `terminal.deactivated`, `terminal_payment.approved`, `terminal_payment.denied`,
            `terminal_payment.reversed`, `terminal_payment.refunded`, `settlement.created`, `settlement.settled`,
            `payout.paid`, `cardholder.blocked`, `cardholder.unblocked`, `card.activated`, `card.blocked`, `card.unblocked`,
            `card.cancelled`, `card.funds_loaded`, `card.funds_unloaded`, `card.authorization`, `card.clearing`,
            `card.reversal`, `card.refund`, `transfer.approved`, `transfer.denied`, `statement.ready`. Default:
            TestEventRequestEventtype.WEBHOOK_TEST.
    """

    event_type: TestEventRequestEventtype | Unset = (
        TestEventRequestEventtype.WEBHOOK_TEST
    )

    def to_dict(self) -> dict[str, Any]:
        event_type: str | Unset = UNSET
        if not isinstance(self.event_type, Unset):
            event_type = self.event_type.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if event_type is not UNSET:
            field_dict["eventType"] = event_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _event_type = d.pop("eventType", UNSET)
        event_type: TestEventRequestEventtype | Unset
        if isinstance(_event_type, Unset):
            event_type = UNSET
        else:
            event_type = TestEventRequestEventtype(_event_type)

        test_event_request = cls(
            event_type=event_type,
        )

        return test_event_request
