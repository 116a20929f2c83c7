from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.terminal_payment_out_entrymode import TerminalPaymentOutEntrymode
from ..models.terminal_payment_out_status import TerminalPaymentOutStatus

if TYPE_CHECKING:
    from ..models.payment_card import PaymentCard
    from ..models.settle_to_out import SettleToOut


T = TypeVar("T", bound="TerminalPaymentOut")


@_attrs_define
class TerminalPaymentOut:
    """
    Attributes:
        payment_id (UUID):
        terminal_id (UUID):
        business_id (UUID):
        reference (str):
        status (TerminalPaymentOutStatus): `pending`: the processor has not answered yet; the payment resolves within
            minutes.
        auth_code (None | str):
        decline_code (None | str): Why it was denied: `insufficient_funds` (7303), `expired_card`, …
        amount (str):
        tip (str):
        refunded_amount (str):
        currency (str):
        entry_mode (TerminalPaymentOutEntrymode):
        card (PaymentCard):
        settle_to (SettleToOut):
        settlement_id (None | UUID):
        created_at (datetime.datetime):
        captured_at (datetime.datetime | None):
    """

    payment_id: UUID
    terminal_id: UUID
    business_id: UUID
    reference: str
    status: TerminalPaymentOutStatus
    auth_code: None | str
    decline_code: None | str
    amount: str
    tip: str
    refunded_amount: str
    currency: str
    entry_mode: TerminalPaymentOutEntrymode
    card: PaymentCard
    settle_to: SettleToOut
    settlement_id: None | UUID
    created_at: datetime.datetime
    captured_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        payment_id = str(self.payment_id)

        terminal_id = str(self.terminal_id)

        business_id = str(self.business_id)

        reference = self.reference

        status = self.status.value

        auth_code: None | str
        auth_code = self.auth_code

        decline_code: None | str
        decline_code = self.decline_code

        amount = self.amount

        tip = self.tip

        refunded_amount = self.refunded_amount

        currency = self.currency

        entry_mode = self.entry_mode.value

        card = self.card.to_dict()

        settle_to = self.settle_to.to_dict()

        settlement_id: None | str
        if isinstance(self.settlement_id, UUID):
            settlement_id = str(self.settlement_id)
        else:
            settlement_id = self.settlement_id

        created_at = self.created_at.isoformat()

        captured_at: None | str
        if isinstance(self.captured_at, datetime.datetime):
            captured_at = self.captured_at.isoformat()
        else:
            captured_at = self.captured_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "paymentId": payment_id,
                "terminalId": terminal_id,
                "businessId": business_id,
                "reference": reference,
                "status": status,
                "authCode": auth_code,
                "declineCode": decline_code,
                "amount": amount,
                "tip": tip,
                "refundedAmount": refunded_amount,
                "currency": currency,
                "entryMode": entry_mode,
                "card": card,
                "settleTo": settle_to,
                "settlementId": settlement_id,
                "createdAt": created_at,
                "capturedAt": captured_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.payment_card import PaymentCard
        from ..models.settle_to_out import SettleToOut

        d = dict(src_dict)
        payment_id = UUID(d.pop("paymentId"))

        terminal_id = UUID(d.pop("terminalId"))

        business_id = UUID(d.pop("businessId"))

        reference = d.pop("reference")

        status = TerminalPaymentOutStatus(d.pop("status"))

        def _parse_auth_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        auth_code = _parse_auth_code(d.pop("authCode"))

        def _parse_decline_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decline_code = _parse_decline_code(d.pop("declineCode"))

        amount = d.pop("amount")

        tip = d.pop("tip")

        refunded_amount = d.pop("refundedAmount")

        currency = d.pop("currency")

        entry_mode = TerminalPaymentOutEntrymode(d.pop("entryMode"))

        card = PaymentCard.from_dict(d.pop("card"))

        settle_to = SettleToOut.from_dict(d.pop("settleTo"))

        def _parse_settlement_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settlement_id_type_0 = UUID(data)

                return settlement_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        settlement_id = _parse_settlement_id(d.pop("settlementId"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

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

        terminal_payment_out = cls(
            payment_id=payment_id,
            terminal_id=terminal_id,
            business_id=business_id,
            reference=reference,
            status=status,
            auth_code=auth_code,
            decline_code=decline_code,
            amount=amount,
            tip=tip,
            refunded_amount=refunded_amount,
            currency=currency,
            entry_mode=entry_mode,
            card=card,
            settle_to=settle_to,
            settlement_id=settlement_id,
            created_at=created_at,
            captured_at=captured_at,
        )

        terminal_payment_out.additional_properties = d
        return terminal_payment_out

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
