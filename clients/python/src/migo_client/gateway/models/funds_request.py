from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.funds_request_type import FundsRequestType
from ..types import UNSET, Unset

T = TypeVar("T", bound="FundsRequest")


@_attrs_define
class FundsRequest:
    """
    Attributes:
        type_ (FundsRequestType):
        amount (int | str):
        description (None | str | Unset):
    """

    type_: FundsRequestType
    amount: int | str
    description: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        amount: int | str
        amount = self.amount

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "amount": amount,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = FundsRequestType(d.pop("type"))

        def _parse_amount(data: object) -> int | str:
            return cast(int | str, data)

        amount = _parse_amount(d.pop("amount"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        funds_request = cls(
            type_=type_,
            amount=amount,
            description=description,
        )

        return funds_request
