from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.terminal_payment_create_entrymode import TerminalPaymentCreateEntrymode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.settle_to_balance import SettleToBalance
    from ..models.settle_to_prepaid_card import SettleToPrepaidCard
    from ..models.terminal_card import TerminalCard


T = TypeVar("T", bound="TerminalPaymentCreate")


@_attrs_define
class TerminalPaymentCreate:
    """`CreateTerminalPaymentInput` (seed 003: no top-level installments; a terminal payment is one charge).

    Attributes:
        amount (int | str):
        currency (str):
        entry_mode (TerminalPaymentCreateEntrymode):
        card (TerminalCard): The card as the terminal read it (the sandbox terminal sends the number; a certified one
            would send
            the chip's encrypted track).
        reference (str): The terminal's receipt number: one payment per reference and terminal.
        tip (int | None | str | Unset): Added to the amount charged; settled with it.
        settle_to (SettleToBalance | SettleToPrepaidCard | Unset): Where the settlement credits this payment's net: the
            business balance (default) or a prepaid card.
    """

    amount: int | str
    currency: str
    entry_mode: TerminalPaymentCreateEntrymode
    card: TerminalCard
    reference: str
    tip: int | None | str | Unset = UNSET
    settle_to: SettleToBalance | SettleToPrepaidCard | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.settle_to_balance import SettleToBalance

        amount: int | str
        amount = self.amount

        currency = self.currency

        entry_mode = self.entry_mode.value

        card = self.card.to_dict()

        reference = self.reference

        tip: int | None | str | Unset
        if isinstance(self.tip, Unset):
            tip = UNSET
        else:
            tip = self.tip

        settle_to: dict[str, Any] | Unset
        if isinstance(self.settle_to, Unset):
            settle_to = UNSET
        elif isinstance(self.settle_to, SettleToBalance):
            settle_to = self.settle_to.to_dict()
        else:
            settle_to = self.settle_to.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "currency": currency,
                "entryMode": entry_mode,
                "card": card,
                "reference": reference,
            }
        )
        if tip is not UNSET:
            field_dict["tip"] = tip
        if settle_to is not UNSET:
            field_dict["settleTo"] = settle_to

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.settle_to_balance import SettleToBalance
        from ..models.settle_to_prepaid_card import SettleToPrepaidCard
        from ..models.terminal_card import TerminalCard

        d = dict(src_dict)

        def _parse_amount(data: object) -> int | str:
            return cast(int | str, data)

        amount = _parse_amount(d.pop("amount"))

        currency = d.pop("currency")

        entry_mode = TerminalPaymentCreateEntrymode(d.pop("entryMode"))

        card = TerminalCard.from_dict(d.pop("card"))

        reference = d.pop("reference")

        def _parse_tip(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        tip = _parse_tip(d.pop("tip", UNSET))

        def _parse_settle_to(
            data: object,
        ) -> SettleToBalance | SettleToPrepaidCard | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                settle_to_type_0 = SettleToBalance.from_dict(data)

                return settle_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            settle_to_type_1 = SettleToPrepaidCard.from_dict(data)

            return settle_to_type_1

        settle_to = _parse_settle_to(d.pop("settleTo", UNSET))

        terminal_payment_create = cls(
            amount=amount,
            currency=currency,
            entry_mode=entry_mode,
            card=card,
            reference=reference,
            tip=tip,
            settle_to=settle_to,
        )

        return terminal_payment_create
