from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TerminalCard")


@_attrs_define
class TerminalCard:
    """The card as the terminal read it (the sandbox terminal sends the number; a certified one would send
    the chip's encrypted track).

        Attributes:
            number (str): Spaces and dashes are ignored.
            expiry (str): MM/YY.
            cvv (None | str | Unset): Only when typed (MANUAL); a chip or a tap has none.
    """

    number: str
    expiry: str
    cvv: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        expiry = self.expiry

        cvv: None | str | Unset
        if isinstance(self.cvv, Unset):
            cvv = UNSET
        else:
            cvv = self.cvv

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "number": number,
                "expiry": expiry,
            }
        )
        if cvv is not UNSET:
            field_dict["cvv"] = cvv

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        number = d.pop("number")

        expiry = d.pop("expiry")

        def _parse_cvv(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cvv = _parse_cvv(d.pop("cvv", UNSET))

        terminal_card = cls(
            number=number,
            expiry=expiry,
            cvv=cvv,
        )

        return terminal_card
