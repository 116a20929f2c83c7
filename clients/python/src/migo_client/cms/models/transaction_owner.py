from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TransactionOwner")


@_attrs_define
class TransactionOwner:
    """
    Attributes:
        company_id (None | UUID): The partner's company: a card transaction's or a terminal payment's.
        client_slug (None | str): The Payment Link client: a link payment's.
        business_id (None | UUID): The merchant business: a terminal payment's, or a link payment's when its client
            settles to one.
    """

    company_id: None | UUID
    client_slug: None | str
    business_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        company_id: None | str
        if isinstance(self.company_id, UUID):
            company_id = str(self.company_id)
        else:
            company_id = self.company_id

        client_slug: None | str
        client_slug = self.client_slug

        business_id: None | str
        if isinstance(self.business_id, UUID):
            business_id = str(self.business_id)
        else:
            business_id = self.business_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "companyId": company_id,
                "clientSlug": client_slug,
                "businessId": business_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_company_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                company_id_type_0 = UUID(data)

                return company_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        company_id = _parse_company_id(d.pop("companyId"))

        def _parse_client_slug(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_slug = _parse_client_slug(d.pop("clientSlug"))

        def _parse_business_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                business_id_type_0 = UUID(data)

                return business_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        business_id = _parse_business_id(d.pop("businessId"))

        transaction_owner = cls(
            company_id=company_id,
            client_slug=client_slug,
            business_id=business_id,
        )

        transaction_owner.additional_properties = d
        return transaction_owner

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
