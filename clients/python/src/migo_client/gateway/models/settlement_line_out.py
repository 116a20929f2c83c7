from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.settlement_line_out_kind import SettlementLineOutKind
from ..models.settlement_line_out_source import SettlementLineOutSource

T = TypeVar("T", bound="SettlementLineOut")


@_attrs_define
class SettlementLineOut:
    """
    Attributes:
        line (int):
        source (SettlementLineOutSource): A terminal's payment, or a linked client's link.
        kind (SettlementLineOutKind):
        reference (str):
        payment_id (None | UUID): The terminal payment (`source` terminal).
        link_uid (None | str): The Payment Link's uid (`source` link).
        occurred_at (datetime.datetime):
        gross (str):
        fee (str):
        net (str):
        settle_to_card_id (None | UUID):
    """

    line: int
    source: SettlementLineOutSource
    kind: SettlementLineOutKind
    reference: str
    payment_id: None | UUID
    link_uid: None | str
    occurred_at: datetime.datetime
    gross: str
    fee: str
    net: str
    settle_to_card_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line = self.line

        source = self.source.value

        kind = self.kind.value

        reference = self.reference

        payment_id: None | str
        if isinstance(self.payment_id, UUID):
            payment_id = str(self.payment_id)
        else:
            payment_id = self.payment_id

        link_uid: None | str
        link_uid = self.link_uid

        occurred_at = self.occurred_at.isoformat()

        gross = self.gross

        fee = self.fee

        net = self.net

        settle_to_card_id: None | str
        if isinstance(self.settle_to_card_id, UUID):
            settle_to_card_id = str(self.settle_to_card_id)
        else:
            settle_to_card_id = self.settle_to_card_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line": line,
                "source": source,
                "kind": kind,
                "reference": reference,
                "paymentId": payment_id,
                "linkUid": link_uid,
                "occurredAt": occurred_at,
                "gross": gross,
                "fee": fee,
                "net": net,
                "settleToCardId": settle_to_card_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        line = d.pop("line")

        source = SettlementLineOutSource(d.pop("source"))

        kind = SettlementLineOutKind(d.pop("kind"))

        reference = d.pop("reference")

        def _parse_payment_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payment_id_type_0 = UUID(data)

                return payment_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        payment_id = _parse_payment_id(d.pop("paymentId"))

        def _parse_link_uid(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        link_uid = _parse_link_uid(d.pop("linkUid"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurredAt"))

        gross = d.pop("gross")

        fee = d.pop("fee")

        net = d.pop("net")

        def _parse_settle_to_card_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settle_to_card_id_type_0 = UUID(data)

                return settle_to_card_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        settle_to_card_id = _parse_settle_to_card_id(d.pop("settleToCardId"))

        settlement_line_out = cls(
            line=line,
            source=source,
            kind=kind,
            reference=reference,
            payment_id=payment_id,
            link_uid=link_uid,
            occurred_at=occurred_at,
            gross=gross,
            fee=fee,
            net=net,
            settle_to_card_id=settle_to_card_id,
        )

        settlement_line_out.additional_properties = d
        return settlement_line_out

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
