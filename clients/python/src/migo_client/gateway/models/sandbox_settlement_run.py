from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SandboxSettlementRun")


@_attrs_define
class SandboxSettlementRun:
    """
    Attributes:
        cutoff_date (datetime.date | None | Unset): The business day the run closes (default: today, UTC); it settles
            the next business day.
    """

    cutoff_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        cutoff_date: None | str | Unset
        if isinstance(self.cutoff_date, Unset):
            cutoff_date = UNSET
        elif isinstance(self.cutoff_date, datetime.date):
            cutoff_date = self.cutoff_date.isoformat()
        else:
            cutoff_date = self.cutoff_date

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if cutoff_date is not UNSET:
            field_dict["cutoffDate"] = cutoff_date

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_cutoff_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cutoff_date_type_0 = datetime.date.fromisoformat(data)

                return cutoff_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        cutoff_date = _parse_cutoff_date(d.pop("cutoffDate", UNSET))

        sandbox_settlement_run = cls(
            cutoff_date=cutoff_date,
        )

        return sandbox_settlement_run
