from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ClientVelocityOut")


@_attrs_define
class ClientVelocityOut:
    """
    Attributes:
        declines (int): This many declines of one end customer…
        window_minutes (int): …within this many minutes…
        suspension_minutes (int): …suspend the customer for this many minutes.
    """

    declines: int
    window_minutes: int
    suspension_minutes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        declines = self.declines

        window_minutes = self.window_minutes

        suspension_minutes = self.suspension_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "declines": declines,
                "windowMinutes": window_minutes,
                "suspensionMinutes": suspension_minutes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        declines = d.pop("declines")

        window_minutes = d.pop("windowMinutes")

        suspension_minutes = d.pop("suspensionMinutes")

        client_velocity_out = cls(
            declines=declines,
            window_minutes=window_minutes,
            suspension_minutes=suspension_minutes,
        )

        client_velocity_out.additional_properties = d
        return client_velocity_out

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
