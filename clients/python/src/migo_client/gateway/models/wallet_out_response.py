from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.wallet_out import WalletOut


T = TypeVar("T", bound="WalletOutResponse")


@_attrs_define
class WalletOutResponse:
    """
    Attributes:
        status_code (int):
        message (str):
        data (WalletOut):
    """

    status_code: int
    message: str
    data: WalletOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status_code = self.status_code

        message = self.message

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "statusCode": status_code,
                "message": message,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.wallet_out import WalletOut

        d = dict(src_dict)
        status_code = d.pop("statusCode")

        message = d.pop("message")

        data = WalletOut.from_dict(d.pop("data"))

        wallet_out_response = cls(
            status_code=status_code,
            message=message,
            data=data,
        )

        wallet_out_response.additional_properties = d
        return wallet_out_response

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
