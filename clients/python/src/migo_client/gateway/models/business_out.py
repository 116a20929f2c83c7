from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.business_out_status import BusinessOutStatus

if TYPE_CHECKING:
    from ..models.bank_account_out import BankAccountOut
    from ..models.pricing import Pricing


T = TypeVar("T", bound="BusinessOut")


@_attrs_define
class BusinessOut:
    """
    Attributes:
        id (UUID):
        lead_id (UUID):
        name (str):
        status (BusinessOutStatus):
        pricing (Pricing):
        payout (BankAccountOut):
        clients (list[str]): The Payment Link clients (slugs) whose captures this business's settlements take.
        created_at (datetime.datetime):
    """

    id: UUID
    lead_id: UUID
    name: str
    status: BusinessOutStatus
    pricing: Pricing
    payout: BankAccountOut
    clients: list[str]
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        lead_id = str(self.lead_id)

        name = self.name

        status = self.status.value

        pricing = self.pricing.to_dict()

        payout = self.payout.to_dict()

        clients = self.clients

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "leadId": lead_id,
                "name": name,
                "status": status,
                "pricing": pricing,
                "payout": payout,
                "clients": clients,
                "createdAt": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bank_account_out import BankAccountOut
        from ..models.pricing import Pricing

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        lead_id = UUID(d.pop("leadId"))

        name = d.pop("name")

        status = BusinessOutStatus(d.pop("status"))

        pricing = Pricing.from_dict(d.pop("pricing"))

        payout = BankAccountOut.from_dict(d.pop("payout"))

        clients = cast(list[str], d.pop("clients"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        business_out = cls(
            id=id,
            lead_id=lead_id,
            name=name,
            status=status,
            pricing=pricing,
            payout=payout,
            clients=clients,
            created_at=created_at,
        )

        business_out.additional_properties = d
        return business_out

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
