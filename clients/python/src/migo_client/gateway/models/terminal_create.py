from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TerminalCreate")


@_attrs_define
class TerminalCreate:
    """
    Attributes:
        serial_number (str):
        model (str):
    """

    serial_number: str
    model: str

    def to_dict(self) -> dict[str, Any]:
        serial_number = self.serial_number

        model = self.model

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "serialNumber": serial_number,
                "model": model,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        serial_number = d.pop("serialNumber")

        model = d.pop("model")

        terminal_create = cls(
            serial_number=serial_number,
            model=model,
        )

        return terminal_create
