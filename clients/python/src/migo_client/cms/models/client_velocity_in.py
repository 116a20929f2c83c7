from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ClientVelocityIn")


@_attrs_define
class ClientVelocityIn:
    """
    Attributes:
        declines (int):
        window_minutes (int):
        suspension_minutes (int):
    """

    declines: int
    window_minutes: int
    suspension_minutes: int

    def to_dict(self) -> dict[str, Any]:
        declines = self.declines

        window_minutes = self.window_minutes

        suspension_minutes = self.suspension_minutes

        field_dict: dict[str, Any] = {}

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

        client_velocity_in = cls(
            declines=declines,
            window_minutes=window_minutes,
            suspension_minutes=suspension_minutes,
        )

        return client_velocity_in
