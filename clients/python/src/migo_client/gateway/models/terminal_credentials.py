from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TerminalCredentials")


@_attrs_define
class TerminalCredentials:
    """
    Attributes:
        terminal_key_id (str):
        terminal_secret (str): Shown this once: store it on the terminal.
    """

    terminal_key_id: str
    terminal_secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        terminal_key_id = self.terminal_key_id

        terminal_secret = self.terminal_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "terminalKeyId": terminal_key_id,
                "terminalSecret": terminal_secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        terminal_key_id = d.pop("terminalKeyId")

        terminal_secret = d.pop("terminalSecret")

        terminal_credentials = cls(
            terminal_key_id=terminal_key_id,
            terminal_secret=terminal_secret,
        )

        terminal_credentials.additional_properties = d
        return terminal_credentials

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
