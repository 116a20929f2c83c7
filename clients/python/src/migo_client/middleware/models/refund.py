from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.refund_status import RefundStatus

T = TypeVar("T", bound="Refund")


@_attrs_define
class Refund:
    """A refund of a link: `pending` until the processor answers, then `succeeded` (with
    `transaction.refunded`) or `failed` (with `transaction.refund_failed` and its `failureCode`).

        Attributes:
            refund_id (UUID):
            status (RefundStatus):
            amount (int):
            reason (None | str):
            failure_code (None | str):
            created_at (datetime.datetime):
            resolved_at (datetime.datetime | None):
    """

    refund_id: UUID
    status: RefundStatus
    amount: int
    reason: None | str
    failure_code: None | str
    created_at: datetime.datetime
    resolved_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        refund_id = str(self.refund_id)

        status = self.status.value

        amount = self.amount

        reason: None | str
        reason = self.reason

        failure_code: None | str
        failure_code = self.failure_code

        created_at = self.created_at.isoformat()

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "refundId": refund_id,
                "status": status,
                "amount": amount,
                "reason": reason,
                "failureCode": failure_code,
                "createdAt": created_at,
                "resolvedAt": resolved_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        refund_id = UUID(d.pop("refundId"))

        status = RefundStatus(d.pop("status"))

        amount = d.pop("amount")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_failure_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        failure_code = _parse_failure_code(d.pop("failureCode"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolvedAt"))

        refund = cls(
            refund_id=refund_id,
            status=status,
            amount=amount,
            reason=reason,
            failure_code=failure_code,
            created_at=created_at,
            resolved_at=resolved_at,
        )

        refund.additional_properties = d
        return refund

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
