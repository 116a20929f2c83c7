from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TerminalPaymentDetail")


@_attrs_define
class TerminalPaymentDetail:
    """
    Attributes:
        amount (str): Before the tip.
        tip (str):
        refunded_amount (str):
        entry_mode (str):
        terminal_id (UUID):
        branch_id (UUID):
        authorization_code (None | str):
        decline_code (None | str):
        captured_at (datetime.datetime | None):
    """

    amount: str
    tip: str
    refunded_amount: str
    entry_mode: str
    terminal_id: UUID
    branch_id: UUID
    authorization_code: None | str
    decline_code: None | str
    captured_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        tip = self.tip

        refunded_amount = self.refunded_amount

        entry_mode = self.entry_mode

        terminal_id = str(self.terminal_id)

        branch_id = str(self.branch_id)

        authorization_code: None | str
        authorization_code = self.authorization_code

        decline_code: None | str
        decline_code = self.decline_code

        captured_at: None | str
        if isinstance(self.captured_at, datetime.datetime):
            captured_at = self.captured_at.isoformat()
        else:
            captured_at = self.captured_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "tip": tip,
                "refundedAmount": refunded_amount,
                "entryMode": entry_mode,
                "terminalId": terminal_id,
                "branchId": branch_id,
                "authorizationCode": authorization_code,
                "declineCode": decline_code,
                "capturedAt": captured_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        tip = d.pop("tip")

        refunded_amount = d.pop("refundedAmount")

        entry_mode = d.pop("entryMode")

        terminal_id = UUID(d.pop("terminalId"))

        branch_id = UUID(d.pop("branchId"))

        def _parse_authorization_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        authorization_code = _parse_authorization_code(d.pop("authorizationCode"))

        def _parse_decline_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decline_code = _parse_decline_code(d.pop("declineCode"))

        def _parse_captured_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                captured_at_type_0 = datetime.datetime.fromisoformat(data)

                return captured_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        captured_at = _parse_captured_at(d.pop("capturedAt"))

        terminal_payment_detail = cls(
            amount=amount,
            tip=tip,
            refunded_amount=refunded_amount,
            entry_mode=entry_mode,
            terminal_id=terminal_id,
            branch_id=branch_id,
            authorization_code=authorization_code,
            decline_code=decline_code,
            captured_at=captured_at,
        )

        terminal_payment_detail.additional_properties = d
        return terminal_payment_detail

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
