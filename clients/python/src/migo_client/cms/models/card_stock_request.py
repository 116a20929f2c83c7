from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CardStockRequest")


@_attrs_define
class CardStockRequest:
    """
    Attributes:
        count (int): Cards to print: 1 to 10,000.
        company_id (None | Unset | UUID): The partner's company; omit it when it has only one.
        embossed_name (None | str | Unset): The name to emboss on every card (upper-cased); omit it for instant-issue
            cards.
    """

    count: int
    company_id: None | Unset | UUID = UNSET
    embossed_name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        company_id: None | str | Unset
        if isinstance(self.company_id, Unset):
            company_id = UNSET
        elif isinstance(self.company_id, UUID):
            company_id = str(self.company_id)
        else:
            company_id = self.company_id

        embossed_name: None | str | Unset
        if isinstance(self.embossed_name, Unset):
            embossed_name = UNSET
        else:
            embossed_name = self.embossed_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "count": count,
            }
        )
        if company_id is not UNSET:
            field_dict["companyId"] = company_id
        if embossed_name is not UNSET:
            field_dict["embossedName"] = embossed_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        count = d.pop("count")

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

        def _parse_embossed_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        embossed_name = _parse_embossed_name(d.pop("embossedName", UNSET))

        card_stock_request = cls(
            count=count,
            company_id=company_id,
            embossed_name=embossed_name,
        )

        return card_stock_request
