from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OutboxMessage")


@_attrs_define
class OutboxMessage:
    """
    Attributes:
        id (UUID):
        channel (str):
        recipient (str):
        subject (str):
        body (None | str):
        status (str):
        created_at (datetime.datetime):
    """

    id: UUID
    channel: str
    recipient: str
    subject: str
    body: None | str
    status: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        channel = self.channel

        recipient = self.recipient

        subject = self.subject

        body: None | str
        body = self.body

        status = self.status

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "channel": channel,
                "recipient": recipient,
                "subject": subject,
                "body": body,
                "status": status,
                "createdAt": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        channel = d.pop("channel")

        recipient = d.pop("recipient")

        subject = d.pop("subject")

        def _parse_body(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        body = _parse_body(d.pop("body"))

        status = d.pop("status")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        outbox_message = cls(
            id=id,
            channel=channel,
            recipient=recipient,
            subject=subject,
            body=body,
            status=status,
            created_at=created_at,
        )

        outbox_message.additional_properties = d
        return outbox_message

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
