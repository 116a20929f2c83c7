from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.settlement_out_status import SettlementOutStatus

if TYPE_CHECKING:
    from ..models.payout_out import PayoutOut


T = TypeVar("T", bound="SettlementOut")


@_attrs_define
class SettlementOut:
    """
    Attributes:
        id (UUID):
        business_id (UUID):
        cutoff_date (datetime.date):
        settlement_date (datetime.date): The business day the net is credited.
        status (SettlementOutStatus):
        currency (str):
        gross (str):
        fees (str):
        net (str):
        line_count (int):
        payout (None | PayoutOut):
        created_at (datetime.datetime):
        settled_at (datetime.datetime | None):
        paid_out_at (datetime.datetime | None):
    """

    id: UUID
    business_id: UUID
    cutoff_date: datetime.date
    settlement_date: datetime.date
    status: SettlementOutStatus
    currency: str
    gross: str
    fees: str
    net: str
    line_count: int
    payout: None | PayoutOut
    created_at: datetime.datetime
    settled_at: datetime.datetime | None
    paid_out_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.payout_out import PayoutOut

        id = str(self.id)

        business_id = str(self.business_id)

        cutoff_date = self.cutoff_date.isoformat()

        settlement_date = self.settlement_date.isoformat()

        status = self.status.value

        currency = self.currency

        gross = self.gross

        fees = self.fees

        net = self.net

        line_count = self.line_count

        payout: dict[str, Any] | None
        if isinstance(self.payout, PayoutOut):
            payout = self.payout.to_dict()
        else:
            payout = self.payout

        created_at = self.created_at.isoformat()

        settled_at: None | str
        if isinstance(self.settled_at, datetime.datetime):
            settled_at = self.settled_at.isoformat()
        else:
            settled_at = self.settled_at

        paid_out_at: None | str
        if isinstance(self.paid_out_at, datetime.datetime):
            paid_out_at = self.paid_out_at.isoformat()
        else:
            paid_out_at = self.paid_out_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "businessId": business_id,
                "cutoffDate": cutoff_date,
                "settlementDate": settlement_date,
                "status": status,
                "currency": currency,
                "gross": gross,
                "fees": fees,
                "net": net,
                "lineCount": line_count,
                "payout": payout,
                "createdAt": created_at,
                "settledAt": settled_at,
                "paidOutAt": paid_out_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.payout_out import PayoutOut

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        business_id = UUID(d.pop("businessId"))

        cutoff_date = datetime.date.fromisoformat(d.pop("cutoffDate"))

        settlement_date = datetime.date.fromisoformat(d.pop("settlementDate"))

        status = SettlementOutStatus(d.pop("status"))

        currency = d.pop("currency")

        gross = d.pop("gross")

        fees = d.pop("fees")

        net = d.pop("net")

        line_count = d.pop("lineCount")

        def _parse_payout(data: object) -> None | PayoutOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payout_type_0 = PayoutOut.from_dict(data)

                return payout_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PayoutOut, data)

        payout = _parse_payout(d.pop("payout"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_settled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settled_at_type_0 = datetime.datetime.fromisoformat(data)

                return settled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        settled_at = _parse_settled_at(d.pop("settledAt"))

        def _parse_paid_out_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_out_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_out_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_out_at = _parse_paid_out_at(d.pop("paidOutAt"))

        settlement_out = cls(
            id=id,
            business_id=business_id,
            cutoff_date=cutoff_date,
            settlement_date=settlement_date,
            status=status,
            currency=currency,
            gross=gross,
            fees=fees,
            net=net,
            line_count=line_count,
            payout=payout,
            created_at=created_at,
            settled_at=settled_at,
            paid_out_at=paid_out_at,
        )

        settlement_out.additional_properties = d
        return settlement_out

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
