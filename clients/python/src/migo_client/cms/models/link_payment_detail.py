from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LinkPaymentDetail")


@_attrs_define
class LinkPaymentDetail:
    """
    Attributes:
        channel (str):
        authorized_amount (str):
        captured_amount (str):
        refunded_amount (str):
        processor (None | str):
        authorization_code (None | str):
        installments (int | None):
        decline_code (None | str):
        captured_at (datetime.datetime | None):
    """

    channel: str
    authorized_amount: str
    captured_amount: str
    refunded_amount: str
    processor: None | str
    authorization_code: None | str
    installments: int | None
    decline_code: None | str
    captured_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel

        authorized_amount = self.authorized_amount

        captured_amount = self.captured_amount

        refunded_amount = self.refunded_amount

        processor: None | str
        processor = self.processor

        authorization_code: None | str
        authorization_code = self.authorization_code

        installments: int | None
        installments = self.installments

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
                "channel": channel,
                "authorizedAmount": authorized_amount,
                "capturedAmount": captured_amount,
                "refundedAmount": refunded_amount,
                "processor": processor,
                "authorizationCode": authorization_code,
                "installments": installments,
                "declineCode": decline_code,
                "capturedAt": captured_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        channel = d.pop("channel")

        authorized_amount = d.pop("authorizedAmount")

        captured_amount = d.pop("capturedAmount")

        refunded_amount = d.pop("refundedAmount")

        def _parse_processor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        processor = _parse_processor(d.pop("processor"))

        def _parse_authorization_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        authorization_code = _parse_authorization_code(d.pop("authorizationCode"))

        def _parse_installments(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        installments = _parse_installments(d.pop("installments"))

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

        link_payment_detail = cls(
            channel=channel,
            authorized_amount=authorized_amount,
            captured_amount=captured_amount,
            refunded_amount=refunded_amount,
            processor=processor,
            authorization_code=authorization_code,
            installments=installments,
            decline_code=decline_code,
            captured_at=captured_at,
        )

        link_payment_detail.additional_properties = d
        return link_payment_detail

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
