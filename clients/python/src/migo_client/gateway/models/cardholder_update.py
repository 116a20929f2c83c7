from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.cardholder_update_status import CardholderUpdateStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CardholderUpdate")


@_attrs_define
class CardholderUpdate:
    """
    Attributes:
        email (None | str | Unset):
        phone (None | str | Unset): E.164, such as +50224865444.
        document_type (None | str | Unset): DPI, PASSPORT, NIT, …
        document_number (None | str | Unset):
        birth_date (datetime.date | None | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
        status (CardholderUpdateStatus | Unset):
    """

    email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    document_type: None | str | Unset = UNSET
    document_number: None | str | Unset = UNSET
    birth_date: datetime.date | None | Unset = UNSET
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    status: CardholderUpdateStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        document_type: None | str | Unset
        if isinstance(self.document_type, Unset):
            document_type = UNSET
        else:
            document_type = self.document_type

        document_number: None | str | Unset
        if isinstance(self.document_number, Unset):
            document_number = UNSET
        else:
            document_number = self.document_number

        birth_date: None | str | Unset
        if isinstance(self.birth_date, Unset):
            birth_date = UNSET
        elif isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        first_name = self.first_name

        last_name = self.last_name

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if document_type is not UNSET:
            field_dict["documentType"] = document_type
        if document_number is not UNSET:
            field_dict["documentNumber"] = document_number
        if birth_date is not UNSET:
            field_dict["birthDate"] = birth_date
        if first_name is not UNSET:
            field_dict["firstName"] = first_name
        if last_name is not UNSET:
            field_dict["lastName"] = last_name
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_document_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_type = _parse_document_type(d.pop("documentType", UNSET))

        def _parse_document_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_number = _parse_document_number(d.pop("documentNumber", UNSET))

        def _parse_birth_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_date_type_0 = datetime.date.fromisoformat(data)

                return birth_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        birth_date = _parse_birth_date(d.pop("birthDate", UNSET))

        first_name = d.pop("firstName", UNSET)

        last_name = d.pop("lastName", UNSET)

        _status = d.pop("status", UNSET)
        status: CardholderUpdateStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = CardholderUpdateStatus(_status)

        cardholder_update = cls(
            email=email,
            phone=phone,
            document_type=document_type,
            document_number=document_number,
            birth_date=birth_date,
            first_name=first_name,
            last_name=last_name,
            status=status,
        )

        return cardholder_update
