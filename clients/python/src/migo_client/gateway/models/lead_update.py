from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bank_account_in import BankAccountIn
    from ..models.contact import Contact


T = TypeVar("T", bound="LeadUpdate")


@_attrs_define
class LeadUpdate:
    """The fields to change; those left out stay as they are.

    Attributes:
        business_name (str | Unset):
        legal_name (str | Unset):
        tax_id (str | Unset):
        email (str | Unset):
        phone (str | Unset): E.164, such as +50224865444.
        address (str | Unset):
        contact (Contact | Unset):
        bank_account (BankAccountIn | Unset):
    """

    business_name: str | Unset = UNSET
    legal_name: str | Unset = UNSET
    tax_id: str | Unset = UNSET
    email: str | Unset = UNSET
    phone: str | Unset = UNSET
    address: str | Unset = UNSET
    contact: Contact | Unset = UNSET
    bank_account: BankAccountIn | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        business_name = self.business_name

        legal_name = self.legal_name

        tax_id = self.tax_id

        email = self.email

        phone = self.phone

        address = self.address

        contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contact, Unset):
            contact = self.contact.to_dict()

        bank_account: dict[str, Any] | Unset = UNSET
        if not isinstance(self.bank_account, Unset):
            bank_account = self.bank_account.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if business_name is not UNSET:
            field_dict["businessName"] = business_name
        if legal_name is not UNSET:
            field_dict["legalName"] = legal_name
        if tax_id is not UNSET:
            field_dict["taxId"] = tax_id
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if address is not UNSET:
            field_dict["address"] = address
        if contact is not UNSET:
            field_dict["contact"] = contact
        if bank_account is not UNSET:
            field_dict["bankAccount"] = bank_account

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bank_account_in import BankAccountIn
        from ..models.contact import Contact

        d = dict(src_dict)
        business_name = d.pop("businessName", UNSET)

        legal_name = d.pop("legalName", UNSET)

        tax_id = d.pop("taxId", UNSET)

        email = d.pop("email", UNSET)

        phone = d.pop("phone", UNSET)

        address = d.pop("address", UNSET)

        _contact = d.pop("contact", UNSET)
        contact: Contact | Unset
        if isinstance(_contact, Unset):
            contact = UNSET
        else:
            contact = Contact.from_dict(_contact)

        _bank_account = d.pop("bankAccount", UNSET)
        bank_account: BankAccountIn | Unset
        if isinstance(_bank_account, Unset):
            bank_account = UNSET
        else:
            bank_account = BankAccountIn.from_dict(_bank_account)

        lead_update = cls(
            business_name=business_name,
            legal_name=legal_name,
            tax_id=tax_id,
            email=email,
            phone=phone,
            address=address,
            contact=contact,
            bank_account=bank_account,
        )

        return lead_update
