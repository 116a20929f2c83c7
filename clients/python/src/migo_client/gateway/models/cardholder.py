from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cardholder_registrationmode import CardholderRegistrationmode
from ..models.cardholder_status import CardholderStatus

T = TypeVar("T", bound="Cardholder")


@_attrs_define
class Cardholder:
    """
    Attributes:
        user_id (UUID):
        username (str):
        first_name (str):
        last_name (str):
        email (None | str):
        phone (None | str):
        document_type (None | str):
        document_number (None | str):
        birth_date (datetime.date | None):
        status (CardholderStatus):
        registration_mode (CardholderRegistrationmode):
        password_set (bool):
        created_at (datetime.datetime):
        updated_at (datetime.datetime | None):
    """

    user_id: UUID
    username: str
    first_name: str
    last_name: str
    email: None | str
    phone: None | str
    document_type: None | str
    document_number: None | str
    birth_date: datetime.date | None
    status: CardholderStatus
    registration_mode: CardholderRegistrationmode
    password_set: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        username = self.username

        first_name = self.first_name

        last_name = self.last_name

        email: None | str
        email = self.email

        phone: None | str
        phone = self.phone

        document_type: None | str
        document_type = self.document_type

        document_number: None | str
        document_number = self.document_number

        birth_date: None | str
        if isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        status = self.status.value

        registration_mode = self.registration_mode.value

        password_set = self.password_set

        created_at = self.created_at.isoformat()

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userId": user_id,
                "username": username,
                "firstName": first_name,
                "lastName": last_name,
                "email": email,
                "phone": phone,
                "documentType": document_type,
                "documentNumber": document_number,
                "birthDate": birth_date,
                "status": status,
                "registrationMode": registration_mode,
                "passwordSet": password_set,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = UUID(d.pop("userId"))

        username = d.pop("username")

        first_name = d.pop("firstName")

        last_name = d.pop("lastName")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        def _parse_document_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        document_type = _parse_document_type(d.pop("documentType"))

        def _parse_document_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        document_number = _parse_document_number(d.pop("documentNumber"))

        def _parse_birth_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_date_type_0 = datetime.date.fromisoformat(data)

                return birth_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        birth_date = _parse_birth_date(d.pop("birthDate"))

        status = CardholderStatus(d.pop("status"))

        registration_mode = CardholderRegistrationmode(d.pop("registrationMode"))

        password_set = d.pop("passwordSet")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updatedAt"))

        cardholder = cls(
            user_id=user_id,
            username=username,
            first_name=first_name,
            last_name=last_name,
            email=email,
            phone=phone,
            document_type=document_type,
            document_number=document_number,
            birth_date=birth_date,
            status=status,
            registration_mode=registration_mode,
            password_set=password_set,
            created_at=created_at,
            updated_at=updated_at,
        )

        cardholder.additional_properties = d
        return cardholder

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
