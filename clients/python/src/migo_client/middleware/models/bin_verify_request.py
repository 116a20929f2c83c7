from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BinVerifyRequest")


@_attrs_define
class BinVerifyRequest:
    """
    Attributes:
        client (str):
        bin_ (str):
    """

    client: str
    bin_: str

    def to_dict(self) -> dict[str, Any]:
        client = self.client

        bin_ = self.bin_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "client": client,
                "bin": bin_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        client = d.pop("client")

        bin_ = d.pop("bin")

        bin_verify_request = cls(
            client=client,
            bin_=bin_,
        )

        return bin_verify_request
