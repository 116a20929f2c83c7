from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CheckoutFieldIn")


@_attrs_define
class CheckoutFieldIn:
    """
    Attributes:
        label (str): What the customer reads: `Order`.
        key (str): The customKeys key whose value is shown.
    """

    label: str
    key: str

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        key = self.key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "label": label,
                "key": key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        label = d.pop("label")

        key = d.pop("key")

        checkout_field_in = cls(
            label=label,
            key=key,
        )

        return checkout_field_in
