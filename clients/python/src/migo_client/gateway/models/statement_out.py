from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.statement_out_status import StatementOutStatus

T = TypeVar("T", bound="StatementOut")


@_attrs_define
class StatementOut:
    """
    Attributes:
        statement_id (UUID):
        card_id (UUID):
        month (int):
        year (int):
        status (StatementOutStatus):
        created_at (datetime.datetime):
        ready_at (datetime.datetime | None):
    """

    statement_id: UUID
    card_id: UUID
    month: int
    year: int
    status: StatementOutStatus
    created_at: datetime.datetime
    ready_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        statement_id = str(self.statement_id)

        card_id = str(self.card_id)

        month = self.month

        year = self.year

        status = self.status.value

        created_at = self.created_at.isoformat()

        ready_at: None | str
        if isinstance(self.ready_at, datetime.datetime):
            ready_at = self.ready_at.isoformat()
        else:
            ready_at = self.ready_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "statementId": statement_id,
                "cardId": card_id,
                "month": month,
                "year": year,
                "status": status,
                "createdAt": created_at,
                "readyAt": ready_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        statement_id = UUID(d.pop("statementId"))

        card_id = UUID(d.pop("cardId"))

        month = d.pop("month")

        year = d.pop("year")

        status = StatementOutStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_ready_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ready_at_type_0 = datetime.datetime.fromisoformat(data)

                return ready_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ready_at = _parse_ready_at(d.pop("readyAt"))

        statement_out = cls(
            statement_id=statement_id,
            card_id=card_id,
            month=month,
            year=year,
            status=status,
            created_at=created_at,
            ready_at=ready_at,
        )

        statement_out.additional_properties = d
        return statement_out

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
