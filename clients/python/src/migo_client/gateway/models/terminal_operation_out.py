from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.terminal_operation_out_kind import TerminalOperationOutKind
from ..models.terminal_operation_out_status import TerminalOperationOutStatus

if TYPE_CHECKING:
    from ..models.terminal_payment_out import TerminalPaymentOut


T = TypeVar("T", bound="TerminalOperationOut")


@_attrs_define
class TerminalOperationOut:
    """
    Attributes:
        operation_id (UUID):
        kind (TerminalOperationOutKind):
        status (TerminalOperationOutStatus):
        amount (str):
        payment (TerminalPaymentOut):
        created_at (datetime.datetime):
        completed_at (datetime.datetime | None):
    """

    operation_id: UUID
    kind: TerminalOperationOutKind
    status: TerminalOperationOutStatus
    amount: str
    payment: TerminalPaymentOut
    created_at: datetime.datetime
    completed_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        operation_id = str(self.operation_id)

        kind = self.kind.value

        status = self.status.value

        amount = self.amount

        payment = self.payment.to_dict()

        created_at = self.created_at.isoformat()

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "operationId": operation_id,
                "kind": kind,
                "status": status,
                "amount": amount,
                "payment": payment,
                "createdAt": created_at,
                "completedAt": completed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.terminal_payment_out import TerminalPaymentOut

        d = dict(src_dict)
        operation_id = UUID(d.pop("operationId"))

        kind = TerminalOperationOutKind(d.pop("kind"))

        status = TerminalOperationOutStatus(d.pop("status"))

        amount = d.pop("amount")

        payment = TerminalPaymentOut.from_dict(d.pop("payment"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completedAt"))

        terminal_operation_out = cls(
            operation_id=operation_id,
            kind=kind,
            status=status,
            amount=amount,
            payment=payment,
            created_at=created_at,
            completed_at=completed_at,
        )

        terminal_operation_out.additional_properties = d
        return terminal_operation_out

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
