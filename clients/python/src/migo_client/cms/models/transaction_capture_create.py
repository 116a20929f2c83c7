from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TransactionCaptureCreate")


@_attrs_define
class TransactionCaptureCreate:
    """
    Attributes:
        amount (int | None | str | Unset): At most what was authorized, in whole units as the link was paid; all of it
            when left out.
    """

    amount: int | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount: int | None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_amount(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        transaction_capture_create = cls(
            amount=amount,
        )

        return transaction_capture_create
