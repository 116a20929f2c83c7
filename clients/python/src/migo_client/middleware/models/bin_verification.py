from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.bin_out import BinOut


T = TypeVar("T", bound="BinVerification")


@_attrs_define
class BinVerification:
    """
    Attributes:
        allowed (bool):
        reasons (list[str]):
        card (BinOut):
        installments (list[int]): What the client's processor offers this card.
    """

    allowed: bool
    reasons: list[str]
    card: BinOut
    installments: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allowed = self.allowed

        reasons = self.reasons

        card = self.card.to_dict()

        installments = self.installments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allowed": allowed,
                "reasons": reasons,
                "card": card,
                "installments": installments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bin_out import BinOut

        d = dict(src_dict)
        allowed = d.pop("allowed")

        reasons = cast(list[str], d.pop("reasons"))

        card = BinOut.from_dict(d.pop("card"))

        installments = cast(list[int], d.pop("installments"))

        bin_verification = cls(
            allowed=allowed,
            reasons=reasons,
            card=card,
            installments=installments,
        )

        bin_verification.additional_properties = d
        return bin_verification

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
