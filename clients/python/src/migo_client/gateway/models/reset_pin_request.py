from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ResetPinRequest")


@_attrs_define
class ResetPinRequest:
    """
    Attributes:
        code (str): The code sent by `/users/auth/otp` with purpose `pin_reset`.
        new_pin (str): Four digits, not all equal and not a sequence.
    """

    code: str
    new_pin: str

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        new_pin = self.new_pin

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "newPin": new_pin,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        new_pin = d.pop("newPin")

        reset_pin_request = cls(
            code=code,
            new_pin=new_pin,
        )

        return reset_pin_request
