from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.test_event_type import TestEventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TestEventRequest")


@_attrs_define
class TestEventRequest:
    """
    Attributes:
        event_type (TestEventType | Unset):
    """

    event_type: TestEventType | Unset = UNSET

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
        event_type: TestEventType | Unset
        if isinstance(_event_type, Unset):
            event_type = UNSET
        else:
            event_type = TestEventType(_event_type)

        test_event_request = cls(
            event_type=event_type,
        )

        return test_event_request
