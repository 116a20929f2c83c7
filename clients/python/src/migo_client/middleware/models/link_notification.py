from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.link_notification_channel import LinkNotificationChannel
from ..models.link_notification_status import LinkNotificationStatus

T = TypeVar("T", bound="LinkNotification")


@_attrs_define
class LinkNotification:
    """The message Migo sent the link in, to `userId` on the link's channel: `queued` until the channel's
    provider takes it (retried with backoff meanwhile), then `sent` (at `sentAt`), or `failed` for good.

        Attributes:
            channel (LinkNotificationChannel):
            status (LinkNotificationStatus):
            sent_at (datetime.datetime | None):
    """

    channel: LinkNotificationChannel
    status: LinkNotificationStatus
    sent_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        status = self.status.value

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel": channel,
                "status": status,
                "sentAt": sent_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        channel = LinkNotificationChannel(d.pop("channel"))

        status = LinkNotificationStatus(d.pop("status"))

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sentAt"))

        link_notification = cls(
            channel=channel,
            status=status,
            sent_at=sent_at,
        )

        link_notification.additional_properties = d
        return link_notification

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
