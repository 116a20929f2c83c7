from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClientProcessorIn")


@_attrs_define
class ClientProcessorIn:
    """
    Attributes:
        name (str):
        brands (list[str] | Unset):
        installments (list[int] | Unset):
    """

    name: str
    brands: list[str] | Unset = UNSET
    installments: list[int] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        brands: list[str] | Unset = UNSET
        if not isinstance(self.brands, Unset):
            brands = self.brands

        installments: list[int] | Unset = UNSET
        if not isinstance(self.installments, Unset):
            installments = self.installments

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if brands is not UNSET:
            field_dict["brands"] = brands
        if installments is not UNSET:
            field_dict["installments"] = installments

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        brands = cast(list[str], d.pop("brands", UNSET))

        installments = cast(list[int], d.pop("installments", UNSET))

        client_processor_in = cls(
            name=name,
            brands=brands,
            installments=installments,
        )

        return client_processor_in
