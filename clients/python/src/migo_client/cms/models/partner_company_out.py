from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.card_program_out import CardProgramOut


T = TypeVar("T", bound="PartnerCompanyOut")


@_attrs_define
class PartnerCompanyOut:
    """
    Attributes:
        id (UUID):
        name (str):
        created_at (datetime.datetime):
        card_program (CardProgramOut | None): None until the company's program is provisioned.
    """

    id: UUID
    name: str
    created_at: datetime.datetime
    card_program: CardProgramOut | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.card_program_out import CardProgramOut

        id = str(self.id)

        name = self.name

        created_at = self.created_at.isoformat()

        card_program: dict[str, Any] | None
        if isinstance(self.card_program, CardProgramOut):
            card_program = self.card_program.to_dict()
        else:
            card_program = self.card_program

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "createdAt": created_at,
                "cardProgram": card_program,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.card_program_out import CardProgramOut

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_card_program(data: object) -> CardProgramOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                card_program_type_0 = CardProgramOut.from_dict(data)

                return card_program_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CardProgramOut | None, data)

        card_program = _parse_card_program(d.pop("cardProgram"))

        partner_company_out = cls(
            id=id,
            name=name,
            created_at=created_at,
            card_program=card_program,
        )

        partner_company_out.additional_properties = d
        return partner_company_out

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
