from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.otp_request_body_purpose import OtpRequestBodyPurpose
from ..types import UNSET, Unset

T = TypeVar("T", bound="OtpRequestBody")


@_attrs_define
class OtpRequestBody:
    """
    Attributes:
        username (str):
        purpose (OtpRequestBodyPurpose | Unset):  Default: OtpRequestBodyPurpose.PASSWORD_RESET.
    """

    username: str
    purpose: OtpRequestBodyPurpose | Unset = OtpRequestBodyPurpose.PASSWORD_RESET

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        purpose: str | Unset = UNSET
        if not isinstance(self.purpose, Unset):
            purpose = self.purpose.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
            }
        )
        if purpose is not UNSET:
            field_dict["purpose"] = purpose

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        username = d.pop("username")

        _purpose = d.pop("purpose", UNSET)
        purpose: OtpRequestBodyPurpose | Unset
        if isinstance(_purpose, Unset):
            purpose = UNSET
        else:
            purpose = OtpRequestBodyPurpose(_purpose)

        otp_request_body = cls(
            username=username,
            purpose=purpose,
        )

        return otp_request_body
