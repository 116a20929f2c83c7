from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RotatePinRequest")


@_attrs_define
class RotatePinRequest:
    """
    Attributes:
        current_pin (str):
        new_pin (str): Four digits, not all equal and not a sequence.
    """

    current_pin: str
    new_pin: str

    def to_dict(self) -> dict[str, Any]:
        current_pin = self.current_pin

        new_pin = self.new_pin

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currentPin": current_pin,
                "newPin": new_pin,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        current_pin = d.pop("currentPin")

        new_pin = d.pop("newPin")

        rotate_pin_request = cls(
            current_pin=current_pin,
            new_pin=new_pin,
        )

        return rotate_pin_request
