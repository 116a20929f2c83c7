from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partner_transaction_detail_kind import PartnerTransactionDetailKind
from ..models.partner_transaction_detail_status import PartnerTransactionDetailStatus

if TYPE_CHECKING:
    from ..models.card_transaction_detail import CardTransactionDetail
    from ..models.link_payment_detail import LinkPaymentDetail
    from ..models.terminal_payment_detail import TerminalPaymentDetail
    from ..models.transaction_owner import TransactionOwner


T = TypeVar("T", bound="PartnerTransactionDetail")


@_attrs_define
class PartnerTransactionDetail:
    """One transaction, with what its kind tells (one of the three details, the others null).

    Attributes:
        kind (PartnerTransactionDetailKind):
        uid (str): A link payment's uid, or a card transaction's or terminal payment's id.
        amount (str): A terminal payment's is what the card was charged: the amount and the tip.
        currency (str):
        status (PartnerTransactionDetailStatus):
        created_at (datetime.datetime):
        reference (None | str):
        external_id (None | str):
        user_id (None | str): A link payment's end customer (`userId`), or the user id of a card transaction's card
            owner.
        masked_card (None | str): BIN, six asterisks, last four: when the BIN is known.
        card_last_4 (None | str):
        card_brand (None | str):
        owner (TransactionOwner):
        link_payment (LinkPaymentDetail | None):
        card_transaction (CardTransactionDetail | None):
        terminal_payment (None | TerminalPaymentDetail):
    """

    kind: PartnerTransactionDetailKind
    uid: str
    amount: str
    currency: str
    status: PartnerTransactionDetailStatus
    created_at: datetime.datetime
    reference: None | str
    external_id: None | str
    user_id: None | str
    masked_card: None | str
    card_last_4: None | str
    card_brand: None | str
    owner: TransactionOwner
    link_payment: LinkPaymentDetail | None
    card_transaction: CardTransactionDetail | None
    terminal_payment: None | TerminalPaymentDetail
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.card_transaction_detail import CardTransactionDetail
        from ..models.link_payment_detail import LinkPaymentDetail
        from ..models.terminal_payment_detail import TerminalPaymentDetail

        kind = self.kind.value

        uid = self.uid

        amount = self.amount

        currency = self.currency

        status = self.status.value

        created_at = self.created_at.isoformat()

        reference: None | str
        reference = self.reference

        external_id: None | str
        external_id = self.external_id

        user_id: None | str
        user_id = self.user_id

        masked_card: None | str
        masked_card = self.masked_card

        card_last_4: None | str
        card_last_4 = self.card_last_4

        card_brand: None | str
        card_brand = self.card_brand

        owner = self.owner.to_dict()

        link_payment: dict[str, Any] | None
        if isinstance(self.link_payment, LinkPaymentDetail):
            link_payment = self.link_payment.to_dict()
        else:
            link_payment = self.link_payment

        card_transaction: dict[str, Any] | None
        if isinstance(self.card_transaction, CardTransactionDetail):
            card_transaction = self.card_transaction.to_dict()
        else:
            card_transaction = self.card_transaction

        terminal_payment: dict[str, Any] | None
        if isinstance(self.terminal_payment, TerminalPaymentDetail):
            terminal_payment = self.terminal_payment.to_dict()
        else:
            terminal_payment = self.terminal_payment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "uid": uid,
                "amount": amount,
                "currency": currency,
                "status": status,
                "createdAt": created_at,
                "reference": reference,
                "externalId": external_id,
                "userId": user_id,
                "maskedCard": masked_card,
                "cardLast4": card_last_4,
                "cardBrand": card_brand,
                "owner": owner,
                "linkPayment": link_payment,
                "cardTransaction": card_transaction,
                "terminalPayment": terminal_payment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.card_transaction_detail import CardTransactionDetail
        from ..models.link_payment_detail import LinkPaymentDetail
        from ..models.terminal_payment_detail import TerminalPaymentDetail
        from ..models.transaction_owner import TransactionOwner

        d = dict(src_dict)
        kind = PartnerTransactionDetailKind(d.pop("kind"))

        uid = d.pop("uid")

        amount = d.pop("amount")

        currency = d.pop("currency")

        status = PartnerTransactionDetailStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("externalId"))

        def _parse_user_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_id = _parse_user_id(d.pop("userId"))

        def _parse_masked_card(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        masked_card = _parse_masked_card(d.pop("maskedCard"))

        def _parse_card_last_4(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        card_last_4 = _parse_card_last_4(d.pop("cardLast4"))

        def _parse_card_brand(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        card_brand = _parse_card_brand(d.pop("cardBrand"))

        owner = TransactionOwner.from_dict(d.pop("owner"))

        def _parse_link_payment(data: object) -> LinkPaymentDetail | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                link_payment_type_0 = LinkPaymentDetail.from_dict(data)

                return link_payment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LinkPaymentDetail | None, data)

        link_payment = _parse_link_payment(d.pop("linkPayment"))

        def _parse_card_transaction(data: object) -> CardTransactionDetail | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                card_transaction_type_0 = CardTransactionDetail.from_dict(data)

                return card_transaction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CardTransactionDetail | None, data)

        card_transaction = _parse_card_transaction(d.pop("cardTransaction"))

        def _parse_terminal_payment(data: object) -> None | TerminalPaymentDetail:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                terminal_payment_type_0 = TerminalPaymentDetail.from_dict(data)

                return terminal_payment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TerminalPaymentDetail, data)

        terminal_payment = _parse_terminal_payment(d.pop("terminalPayment"))

        partner_transaction_detail = cls(
            kind=kind,
            uid=uid,
            amount=amount,
            currency=currency,
            status=status,
            created_at=created_at,
            reference=reference,
            external_id=external_id,
            user_id=user_id,
            masked_card=masked_card,
            card_last_4=card_last_4,
            card_brand=card_brand,
            owner=owner,
            link_payment=link_payment,
            card_transaction=card_transaction,
            terminal_payment=terminal_payment,
        )

        partner_transaction_detail.additional_properties = d
        return partner_transaction_detail

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
