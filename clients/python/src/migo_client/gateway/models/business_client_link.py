from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BusinessClientLink")


@_attrs_define
class BusinessClientLink:
    """
    Attributes:
        client_slug (str): A client of the company's partner.
    """

    client_slug: str

    def to_dict(self) -> dict[str, Any]:
        client_slug = self.client_slug

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "clientSlug": client_slug,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        client_slug = d.pop("clientSlug")

        business_client_link = cls(
            client_slug=client_slug,
        )

        return business_client_link
