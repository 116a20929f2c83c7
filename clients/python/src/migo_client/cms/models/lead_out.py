from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lead_out_status import LeadOutStatus

if TYPE_CHECKING:
    from ..models.bank_account_out import BankAccountOut
    from ..models.contact_out import ContactOut
    from ..models.document_out import DocumentOut


T = TypeVar("T", bound="LeadOut")


@_attrs_define
class LeadOut:
    """
    Attributes:
        id (UUID):
        status (LeadOutStatus):
        requirements (list[str]): What is still due before the lead can be submitted, e.g. `documents.BANK_PROOF`,
            `bankAccount`.
        business_name (str):
        legal_name (str):
        tax_id (str):
        country (str):
        email (str):
        phone (str):
        address (str):
        contact (ContactOut):
        bank_account (BankAccountOut | None):
        documents (list[DocumentOut]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime | None):
    """

    id: UUID
    status: LeadOutStatus
    requirements: list[str]
    business_name: str
    legal_name: str
    tax_id: str
    country: str
    email: str
    phone: str
    address: str
    contact: ContactOut
    bank_account: BankAccountOut | None
    documents: list[DocumentOut]
    created_at: datetime.datetime
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.bank_account_out import BankAccountOut

        id = str(self.id)

        status = self.status.value

        requirements = self.requirements

        business_name = self.business_name

        legal_name = self.legal_name

        tax_id = self.tax_id

        country = self.country

        email = self.email

        phone = self.phone

        address = self.address

        contact = self.contact.to_dict()

        bank_account: dict[str, Any] | None
        if isinstance(self.bank_account, BankAccountOut):
            bank_account = self.bank_account.to_dict()
        else:
            bank_account = self.bank_account

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

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
                "id": id,
                "status": status,
                "requirements": requirements,
                "businessName": business_name,
                "legalName": legal_name,
                "taxId": tax_id,
                "country": country,
                "email": email,
                "phone": phone,
                "address": address,
                "contact": contact,
                "bankAccount": bank_account,
                "documents": documents,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bank_account_out import BankAccountOut
        from ..models.contact_out import ContactOut
        from ..models.document_out import DocumentOut

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = LeadOutStatus(d.pop("status"))

        requirements = cast(list[str], d.pop("requirements"))

        business_name = d.pop("businessName")

        legal_name = d.pop("legalName")

        tax_id = d.pop("taxId")

        country = d.pop("country")

        email = d.pop("email")

        phone = d.pop("phone")

        address = d.pop("address")

        contact = ContactOut.from_dict(d.pop("contact"))

        def _parse_bank_account(data: object) -> BankAccountOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                bank_account_type_0 = BankAccountOut.from_dict(data)

                return bank_account_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BankAccountOut | None, data)

        bank_account = _parse_bank_account(d.pop("bankAccount"))

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = DocumentOut.from_dict(documents_item_data)

            documents.append(documents_item)

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

        lead_out = cls(
            id=id,
            status=status,
            requirements=requirements,
            business_name=business_name,
            legal_name=legal_name,
            tax_id=tax_id,
            country=country,
            email=email,
            phone=phone,
            address=address,
            contact=contact,
            bank_account=bank_account,
            documents=documents,
            created_at=created_at,
            updated_at=updated_at,
        )

        lead_out.additional_properties = d
        return lead_out

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
