from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanUpdate")


@_attrs_define
class PlanUpdate:
    """
    Attributes:
        name (str | Unset):
        active (bool | Unset): false archives the plan: it takes no new subscribers.
        amount (int | Unset): A new price, for new subscriptions only.
    """

    name: str | Unset = UNSET
    active: bool | Unset = UNSET
    amount: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        active = self.active

        amount = self.amount

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if active is not UNSET:
            field_dict["active"] = active
        if amount is not UNSET:
            field_dict["amount"] = amount

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        active = d.pop("active", UNSET)

        amount = d.pop("amount", UNSET)

        plan_update = cls(
            name=name,
            active=active,
            amount=amount,
        )

        return plan_update
