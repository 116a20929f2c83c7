from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.new_partner_application_out_kind import NewPartnerApplicationOutKind

T = TypeVar("T", bound="NewPartnerApplicationOut")


@_attrs_define
class NewPartnerApplicationOut:
    """
    Attributes:
        id (UUID):
        kind (NewPartnerApplicationOutKind):
        name (str):
        client_id (str):
        client_slug (None | str): A Middleware application's Payment Link client.
        company_id (None | UUID): A Gateway application's company.
        status (str):
        created_at (datetime.datetime):
        partner_id (UUID):
        client_secret (str): Shown in this answer only (and in its replays under the same Idempotency-Key, for 24 hours,
            to the same operator): Migo keeps its hash alone.
    """

    id: UUID
    kind: NewPartnerApplicationOutKind
    name: str
    client_id: str
    client_slug: None | str
    company_id: None | UUID
    status: str
    created_at: datetime.datetime
    partner_id: UUID
    client_secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind.value

        name = self.name

        client_id = self.client_id

        client_slug: None | str
        client_slug = self.client_slug

        company_id: None | str
        if isinstance(self.company_id, UUID):
            company_id = str(self.company_id)
        else:
            company_id = self.company_id

        status = self.status

        created_at = self.created_at.isoformat()

        partner_id = str(self.partner_id)

        client_secret = self.client_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "name": name,
                "clientId": client_id,
                "clientSlug": client_slug,
                "companyId": company_id,
                "status": status,
                "createdAt": created_at,
                "partnerId": partner_id,
                "clientSecret": client_secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = NewPartnerApplicationOutKind(d.pop("kind"))

        name = d.pop("name")

        client_id = d.pop("clientId")

        def _parse_client_slug(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_slug = _parse_client_slug(d.pop("clientSlug"))

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

        status = d.pop("status")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        partner_id = UUID(d.pop("partnerId"))

        client_secret = d.pop("clientSecret")

        new_partner_application_out = cls(
            id=id,
            kind=kind,
            name=name,
            client_id=client_id,
            client_slug=client_slug,
            company_id=company_id,
            status=status,
            created_at=created_at,
            partner_id=partner_id,
            client_secret=client_secret,
        )

        new_partner_application_out.additional_properties = d
        return new_partner_application_out

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
