from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TestEventOut")


@_attrs_define
class TestEventOut:
    """
    Attributes:
        event_id (UUID):
        event_type (str):
        endpoint_id (UUID):
    """

    event_id: UUID
    event_type: str
    endpoint_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_id = str(self.event_id)

        event_type = self.event_type

        endpoint_id = str(self.endpoint_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eventId": event_id,
                "eventType": event_type,
                "endpointId": endpoint_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        event_id = UUID(d.pop("eventId"))

        event_type = d.pop("eventType")

        endpoint_id = UUID(d.pop("endpointId"))

        test_event_out = cls(
            event_id=event_id,
            event_type=event_type,
            endpoint_id=endpoint_id,
        )

        test_event_out.additional_properties = d
        return test_event_out

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
