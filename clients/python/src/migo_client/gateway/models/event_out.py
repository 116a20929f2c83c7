from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_out_data import EventOutData


T = TypeVar("T", bound="EventOut")


@_attrs_define
class EventOut:
    """
    Attributes:
        event_id (UUID):
        event_type (str): One of the catalog: `transaction.approved`, `transaction.authorized`, `transaction.captured`,
            `transaction.denied`, `transaction.refunded`, `transaction.refund_failed`, `transaction.reversed`,
            `transaction.expired`, `subscription.created`, `subscription.trial_will_end`, `subscription.renewed`,
            `subscription.renewal_failed`, `subscription.past_due`, `subscription.recovered`, `subscription.paused`,
            `subscription.resumed`, `subscription.cancelled`, `subscription.expired`, `lead.created`, `lead.submitted`,
            `lead.approved`, `lead.rejected`, `business.created`, `business.client_linked`, `branch.created`,
            `terminal.created`, `terminal.activated`, `terminal.deactivated`, `terminal_payment.approved`,
            `terminal_payment.denied`, `terminal_payment.reversed`, `terminal_payment.refunded`, `settlement.created`,
            `settlement.settled`, `payout.paid`, `cardholder.blocked`, `cardholder.unblocked`, `card.activated`,
            `card.blocked`, `card.unblocked`, `card.cancelled`, `card.funds_loaded`, `card.funds_unloaded`,
            `card.authorization`, `card.clearing`, `card.reversal`, `card.refund`, `transfer.approved`, `transfer.denied`,
            `statement.ready`.
        subject_id (str):
        occurred_at (datetime.datetime):
        data (EventOutData):
    """

    event_id: UUID
    event_type: str
    subject_id: str
    occurred_at: datetime.datetime
    data: EventOutData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_id = str(self.event_id)

        event_type = self.event_type

        subject_id = self.subject_id

        occurred_at = self.occurred_at.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eventId": event_id,
                "eventType": event_type,
                "subjectId": subject_id,
                "occurredAt": occurred_at,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.event_out_data import EventOutData

        d = dict(src_dict)
        event_id = UUID(d.pop("eventId"))

        event_type = d.pop("eventType")

        subject_id = d.pop("subjectId")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurredAt"))

        data = EventOutData.from_dict(d.pop("data"))

        event_out = cls(
            event_id=event_id,
            event_type=event_type,
            subject_id=subject_id,
            occurred_at=occurred_at,
            data=data,
        )

        event_out.additional_properties = d
        return event_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
