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

T = TypeVar("T", bound="SettleToBalance")


@_attrs_define
class SettleToBalance:
    """
    Attributes:
        type_ (Literal['BALANCE']):
    """

    type_: Literal["BALANCE"]

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["BALANCE"], d.pop("type"))
        if type_ != "BALANCE":
            raise ValueError(f"type must match const 'BALANCE', got '{type_}'")

        settle_to_balance = cls(
            type_=type_,
        )

        return settle_to_balance
