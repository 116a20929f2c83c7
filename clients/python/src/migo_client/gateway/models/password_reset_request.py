from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PasswordResetRequest")


@_attrs_define
class PasswordResetRequest:
    """
    Attributes:
        username (str):
        code (str):
        new_password (str): A password has 8 to 128 characters with at least one letter and one digit.
    """

    username: str
    code: str
    new_password: str

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        code = self.code

        new_password = self.new_password

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
                "code": code,
                "newPassword": new_password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        username = d.pop("username")

        code = d.pop("code")

        new_password = d.pop("newPassword")

        password_reset_request = cls(
            username=username,
            code=code,
            new_password=new_password,
        )

        return password_reset_request
