from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CancelRequest")


@_attrs_define
class CancelRequest:
    """
    Attributes:
        at_period_end (bool | Unset): true: it stays active until the period ends, then ends. Default: False.
    """

    at_period_end: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        at_period_end = self.at_period_end

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if at_period_end is not UNSET:
            field_dict["atPeriodEnd"] = at_period_end

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        at_period_end = d.pop("atPeriodEnd", UNSET)

        cancel_request = cls(
            at_period_end=at_period_end,
        )

        return cancel_request
