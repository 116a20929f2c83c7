from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payment_outcome_outcome import PaymentOutcomeOutcome
from ..models.payment_outcome_threeds import PaymentOutcomeThreeds

if TYPE_CHECKING:
    from ..models.transaction_out import TransactionOut


T = TypeVar("T", bound="PaymentOutcome")


@_attrs_define
class PaymentOutcome:
    """What one payment attempt came to, as the checkout shows it.

    Attributes:
        outcome (PaymentOutcomeOutcome):
        decline_code (None | str):
        decline_reason (None | str):
        three_ds (PaymentOutcomeThreeds):
        transaction (TransactionOut): A payment link and what happened to it. Amounts are whole units, like `amount` at
            creation.
    """

    outcome: PaymentOutcomeOutcome
    decline_code: None | str
    decline_reason: None | str
    three_ds: PaymentOutcomeThreeds
    transaction: TransactionOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.value

        decline_code: None | str
        decline_code = self.decline_code

        decline_reason: None | str
        decline_reason = self.decline_reason

        three_ds = self.three_ds.value

        transaction = self.transaction.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outcome": outcome,
                "declineCode": decline_code,
                "declineReason": decline_reason,
                "threeDs": three_ds,
                "transaction": transaction,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.transaction_out import TransactionOut

        d = dict(src_dict)
        outcome = PaymentOutcomeOutcome(d.pop("outcome"))

        def _parse_decline_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decline_code = _parse_decline_code(d.pop("declineCode"))

        def _parse_decline_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decline_reason = _parse_decline_reason(d.pop("declineReason"))

        three_ds = PaymentOutcomeThreeds(d.pop("threeDs"))

        transaction = TransactionOut.from_dict(d.pop("transaction"))

        payment_outcome = cls(
            outcome=outcome,
            decline_code=decline_code,
            decline_reason=decline_reason,
            three_ds=three_ds,
            transaction=transaction,
        )

        payment_outcome.additional_properties = d
        return payment_outcome

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
