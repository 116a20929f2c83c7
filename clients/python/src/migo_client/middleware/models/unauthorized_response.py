from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UnauthorizedResponse")


@_attrs_define
class UnauthorizedResponse:
    """The Middleware's answer to a bad merchant token, exactly (seed 002): no `ownCode`.

    Attributes:
        message (Literal['Unauthorized']):
    """

    message: Literal["Unauthorized"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        message = cast(Literal["Unauthorized"], d.pop("message"))
        if message != "Unauthorized":
            raise ValueError(
                f"message must match const 'Unauthorized', got '{message}'"
            )

        unauthorized_response = cls(
            message=message,
        )

        unauthorized_response.additional_properties = d
        return unauthorized_response

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
