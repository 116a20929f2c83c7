from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.partner_application_out import PartnerApplicationOut
    from ..models.partner_company_out import PartnerCompanyOut


T = TypeVar("T", bound="PartnerDetail")


@_attrs_define
class PartnerDetail:
    """
    Attributes:
        id (UUID):
        name (str):
        created_at (datetime.datetime):
        user_access_ttl_seconds (int): A cardholder's access token (Wallet Gateway), in seconds.
        user_refresh_ttl_seconds (int): A cardholder's refresh token, in seconds.
        operator_access_ttl_seconds (int): An operator's access token (CMS), in seconds.
        operator_refresh_ttl_seconds (int): An operator's refresh token, in seconds.
        locale (None | str): The language of its hosted pages (checkout, card activation) and card statements when a
            Payment Link names none: `es` or `en`; null: the customer's browser's (English for a statement).
        companies (list[PartnerCompanyOut]):
        applications (list[PartnerApplicationOut]):
    """

    id: UUID
    name: str
    created_at: datetime.datetime
    user_access_ttl_seconds: int
    user_refresh_ttl_seconds: int
    operator_access_ttl_seconds: int
    operator_refresh_ttl_seconds: int
    locale: None | str
    companies: list[PartnerCompanyOut]
    applications: list[PartnerApplicationOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        created_at = self.created_at.isoformat()

        user_access_ttl_seconds = self.user_access_ttl_seconds

        user_refresh_ttl_seconds = self.user_refresh_ttl_seconds

        operator_access_ttl_seconds = self.operator_access_ttl_seconds

        operator_refresh_ttl_seconds = self.operator_refresh_ttl_seconds

        locale: None | str
        locale = self.locale

        companies = []
        for companies_item_data in self.companies:
            companies_item = companies_item_data.to_dict()
            companies.append(companies_item)

        applications = []
        for applications_item_data in self.applications:
            applications_item = applications_item_data.to_dict()
            applications.append(applications_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "createdAt": created_at,
                "userAccessTtlSeconds": user_access_ttl_seconds,
                "userRefreshTtlSeconds": user_refresh_ttl_seconds,
                "operatorAccessTtlSeconds": operator_access_ttl_seconds,
                "operatorRefreshTtlSeconds": operator_refresh_ttl_seconds,
                "locale": locale,
                "companies": companies,
                "applications": applications,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.partner_application_out import PartnerApplicationOut
        from ..models.partner_company_out import PartnerCompanyOut

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        user_access_ttl_seconds = d.pop("userAccessTtlSeconds")

        user_refresh_ttl_seconds = d.pop("userRefreshTtlSeconds")

        operator_access_ttl_seconds = d.pop("operatorAccessTtlSeconds")

        operator_refresh_ttl_seconds = d.pop("operatorRefreshTtlSeconds")

        def _parse_locale(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        locale = _parse_locale(d.pop("locale"))

        companies = []
        _companies = d.pop("companies")
        for companies_item_data in _companies:
            companies_item = PartnerCompanyOut.from_dict(companies_item_data)

            companies.append(companies_item)

        applications = []
        _applications = d.pop("applications")
        for applications_item_data in _applications:
            applications_item = PartnerApplicationOut.from_dict(applications_item_data)

            applications.append(applications_item)

        partner_detail = cls(
            id=id,
            name=name,
            created_at=created_at,
            user_access_ttl_seconds=user_access_ttl_seconds,
            user_refresh_ttl_seconds=user_refresh_ttl_seconds,
            operator_access_ttl_seconds=operator_access_ttl_seconds,
            operator_refresh_ttl_seconds=operator_refresh_ttl_seconds,
            locale=locale,
            companies=companies,
            applications=applications,
        )

        partner_detail.additional_properties = d
        return partner_detail

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
