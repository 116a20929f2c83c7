from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReplaceCardRequest")


@_attrs_define
class ReplaceCardRequest:
    """
    Attributes:
        card_token (str):
    """

    card_token: str

    def to_dict(self) -> dict[str, Any]:
        card_token = self.card_token

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cardToken": card_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        card_token = d.pop("cardToken")

        replace_card_request = cls(
            card_token=card_token,
        )

        return replace_card_request
