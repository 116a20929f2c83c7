from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SandboxPayRequest")


@_attrs_define
class SandboxPayRequest:
    """
    Attributes:
        card_number (str):
        expiry (str): MM/YY
        cvv (str):
        cardholder_name (None | str | Unset):
        installments (int | Unset):  Default: 1.
        three_ds_code (None | str | Unset): Answer to the 3-D Secure challenge when the card asks for one (sandbox:
            123456).
    """

    card_number: str
    expiry: str
    cvv: str
    cardholder_name: None | str | Unset = UNSET
    installments: int | Unset = 1
    three_ds_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        card_number = self.card_number

        expiry = self.expiry

        cvv = self.cvv

        cardholder_name: None | str | Unset
        if isinstance(self.cardholder_name, Unset):
            cardholder_name = UNSET
        else:
            cardholder_name = self.cardholder_name

        installments = self.installments

        three_ds_code: None | str | Unset
        if isinstance(self.three_ds_code, Unset):
            three_ds_code = UNSET
        else:
            three_ds_code = self.three_ds_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cardNumber": card_number,
                "expiry": expiry,
                "cvv": cvv,
            }
        )
        if cardholder_name is not UNSET:
            field_dict["cardholderName"] = cardholder_name
        if installments is not UNSET:
            field_dict["installments"] = installments
        if three_ds_code is not UNSET:
            field_dict["threeDsCode"] = three_ds_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        card_number = d.pop("cardNumber")

        expiry = d.pop("expiry")

        cvv = d.pop("cvv")

        def _parse_cardholder_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cardholder_name = _parse_cardholder_name(d.pop("cardholderName", UNSET))

        installments = d.pop("installments", UNSET)

        def _parse_three_ds_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        three_ds_code = _parse_three_ds_code(d.pop("threeDsCode", UNSET))

        sandbox_pay_request = cls(
            card_number=card_number,
            expiry=expiry,
            cvv=cvv,
            cardholder_name=cardholder_name,
            installments=installments,
            three_ds_code=three_ds_code,
        )

        return sandbox_pay_request
