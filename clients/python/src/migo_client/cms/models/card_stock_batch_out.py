from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.card_stock_batch_out_status import CardStockBatchOutStatus

T = TypeVar("T", bound="CardStockBatchOut")


@_attrs_define
class CardStockBatchOut:
    """
    Attributes:
        batch_id (UUID):
        company_id (UUID):
        count (int):
        printed (int): Printed so far: the worker prints a run a chunk at a time.
        status (CardStockBatchOutStatus): Its embossing file is there once `done`.
        embossed_name (None | str):
        channel (str): Where it was printed: `cms`, `cli` (`migo cards print`) or `system`.
        printed_by (None | str): The operator's id when on the CMS.
        created_at (datetime.datetime):
    """

    batch_id: UUID
    company_id: UUID
    count: int
    printed: int
    status: CardStockBatchOutStatus
    embossed_name: None | str
    channel: str
    printed_by: None | str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        batch_id = str(self.batch_id)

        company_id = str(self.company_id)

        count = self.count

        printed = self.printed

        status = self.status.value

        embossed_name: None | str
        embossed_name = self.embossed_name

        channel = self.channel

        printed_by: None | str
        printed_by = self.printed_by

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "batchId": batch_id,
                "companyId": company_id,
                "count": count,
                "printed": printed,
                "status": status,
                "embossedName": embossed_name,
                "channel": channel,
                "printedBy": printed_by,
                "createdAt": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        batch_id = UUID(d.pop("batchId"))

        company_id = UUID(d.pop("companyId"))

        count = d.pop("count")

        printed = d.pop("printed")

        status = CardStockBatchOutStatus(d.pop("status"))

        def _parse_embossed_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        embossed_name = _parse_embossed_name(d.pop("embossedName"))

        channel = d.pop("channel")

        def _parse_printed_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        printed_by = _parse_printed_by(d.pop("printedBy"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        card_stock_batch_out = cls(
            batch_id=batch_id,
            company_id=company_id,
            count=count,
            printed=printed,
            status=status,
            embossed_name=embossed_name,
            channel=channel,
            printed_by=printed_by,
            created_at=created_at,
        )

        card_stock_batch_out.additional_properties = d
        return card_stock_batch_out

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
