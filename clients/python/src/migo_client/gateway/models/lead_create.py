from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bank_account_in import BankAccountIn
    from ..models.contact import Contact


T = TypeVar("T", bound="LeadCreate")


@_attrs_define
class LeadCreate:
    """
    Attributes:
        business_name (str):
        legal_name (str):
        tax_id (str):
        country (str): ISO 3166-1 alpha-2, such as GT.
        email (str):
        phone (str): E.164, such as +50224865444.
        address (str):
        contact (Contact):
        bank_account (BankAccountIn | None | Unset):
    """

    business_name: str
    legal_name: str
    tax_id: str
    country: str
    email: str
    phone: str
    address: str
    contact: Contact
    bank_account: BankAccountIn | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.bank_account_in import BankAccountIn

        business_name = self.business_name

        legal_name = self.legal_name

        tax_id = self.tax_id

        country = self.country

        email = self.email

        phone = self.phone

        address = self.address

        contact = self.contact.to_dict()

        bank_account: dict[str, Any] | None | Unset
        if isinstance(self.bank_account, Unset):
            bank_account = UNSET
        elif isinstance(self.bank_account, BankAccountIn):
            bank_account = self.bank_account.to_dict()
        else:
            bank_account = self.bank_account

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "businessName": business_name,
                "legalName": legal_name,
                "taxId": tax_id,
                "country": country,
                "email": email,
                "phone": phone,
                "address": address,
                "contact": contact,
            }
        )
        if bank_account is not UNSET:
            field_dict["bankAccount"] = bank_account

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bank_account_in import BankAccountIn
        from ..models.contact import Contact

        d = dict(src_dict)
        business_name = d.pop("businessName")

        legal_name = d.pop("legalName")

        tax_id = d.pop("taxId")

        country = d.pop("country")

        email = d.pop("email")

        phone = d.pop("phone")

        address = d.pop("address")

        contact = Contact.from_dict(d.pop("contact"))

        def _parse_bank_account(data: object) -> BankAccountIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                bank_account_type_0 = BankAccountIn.from_dict(data)

                return bank_account_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BankAccountIn | None | Unset, data)

        bank_account = _parse_bank_account(d.pop("bankAccount", UNSET))

        lead_create = cls(
            business_name=business_name,
            legal_name=legal_name,
            tax_id=tax_id,
            country=country,
            email=email,
            phone=phone,
            address=address,
            contact=contact,
            bank_account=bank_account,
        )

        return lead_create
