from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transaction_refund_out_status import TransactionRefundOutStatus

if TYPE_CHECKING:
    from ..models.partner_transaction_detail import PartnerTransactionDetail


T = TypeVar("T", bound="TransactionRefundOut")


@_attrs_define
class TransactionRefundOut:
    """
    Attributes:
        refund_id (UUID):
        status (TransactionRefundOutStatus): `pending` while the processor has not answered: Migo confirms it, and the
            merchant hears it.
        amount (str):
        created_at (datetime.datetime):
        transaction (PartnerTransactionDetail): One transaction, with what its kind tells (one of the three details, the
            others null).
    """

    refund_id: UUID
    status: TransactionRefundOutStatus
    amount: str
    created_at: datetime.datetime
    transaction: PartnerTransactionDetail
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        refund_id = str(self.refund_id)

        status = self.status.value

        amount = self.amount

        created_at = self.created_at.isoformat()

        transaction = self.transaction.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "refundId": refund_id,
                "status": status,
                "amount": amount,
                "createdAt": created_at,
                "transaction": transaction,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.partner_transaction_detail import PartnerTransactionDetail

        d = dict(src_dict)
        refund_id = UUID(d.pop("refundId"))

        status = TransactionRefundOutStatus(d.pop("status"))

        amount = d.pop("amount")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        transaction = PartnerTransactionDetail.from_dict(d.pop("transaction"))

        transaction_refund_out = cls(
            refund_id=refund_id,
            status=status,
            amount=amount,
            created_at=created_at,
            transaction=transaction,
        )

        transaction_refund_out.additional_properties = d
        return transaction_refund_out

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
