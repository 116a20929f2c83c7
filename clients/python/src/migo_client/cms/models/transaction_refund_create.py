from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TransactionRefundCreate")


@_attrs_define
class TransactionRefundCreate:
    """
    Attributes:
        reason (str): Why: kept in the audit trail, and with a link payment's refund.
        amount (int | None | str | Unset): At most what is left to refund; all of it when left out. A link payment is
            refunded in whole units, as it was paid.
    """

    reason: str
    amount: int | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        amount: int | None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_amount(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        transaction_refund_create = cls(
            reason=reason,
            amount=amount,
        )

        return transaction_refund_create
