from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BranchCreate")


@_attrs_define
class BranchCreate:
    """
    Attributes:
        name (str):
        address (str):
    """

    name: str
    address: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        address = self.address

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "address": address,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        address = d.pop("address")

        branch_create = cls(
            name=name,
            address=address,
        )

        return branch_create
