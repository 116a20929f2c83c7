from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.partner_application_create_kind import PartnerApplicationCreateKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnerApplicationCreate")


@_attrs_define
class PartnerApplicationCreate:
    """
    Attributes:
        kind (PartnerApplicationCreateKind): `cms`: the partner's operators sign in through it; `gateway`: one of its
            companies' backends call the Wallet Gateway with it.
        name (str):
        company_id (None | Unset | UUID): A Gateway application's company, one of the partner's (required); a CMS
            application takes none.
    """

    kind: PartnerApplicationCreateKind
    name: str
    company_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name

        company_id: None | str | Unset
        if isinstance(self.company_id, Unset):
            company_id = UNSET
        elif isinstance(self.company_id, UUID):
            company_id = str(self.company_id)
        else:
            company_id = self.company_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "name": name,
            }
        )
        if company_id is not UNSET:
            field_dict["companyId"] = company_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = PartnerApplicationCreateKind(d.pop("kind"))

        name = d.pop("name")

        def _parse_company_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                company_id_type_0 = UUID(data)

                return company_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        company_id = _parse_company_id(d.pop("companyId", UNSET))

        partner_application_create = cls(
            kind=kind,
            name=name,
            company_id=company_id,
        )

        return partner_application_create
