from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.terminal_created_status import TerminalCreatedStatus

if TYPE_CHECKING:
    from ..models.terminal_credentials import TerminalCredentials


T = TypeVar("T", bound="TerminalCreated")


@_attrs_define
class TerminalCreated:
    """
    Attributes:
        id (UUID):
        branch_id (UUID):
        business_id (UUID):
        serial_number (str):
        model (str):
        status (TerminalCreatedStatus):
        terminal_key_id (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime | None):
        credentials (TerminalCredentials):
    """

    id: UUID
    branch_id: UUID
    business_id: UUID
    serial_number: str
    model: str
    status: TerminalCreatedStatus
    terminal_key_id: str
    created_at: datetime.datetime
    updated_at: datetime.datetime | None
    credentials: TerminalCredentials
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        branch_id = str(self.branch_id)

        business_id = str(self.business_id)

        serial_number = self.serial_number

        model = self.model

        status = self.status.value

        terminal_key_id = self.terminal_key_id

        created_at = self.created_at.isoformat()

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        credentials = self.credentials.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "branchId": branch_id,
                "businessId": business_id,
                "serialNumber": serial_number,
                "model": model,
                "status": status,
                "terminalKeyId": terminal_key_id,
                "createdAt": created_at,
                "updatedAt": updated_at,
                "credentials": credentials,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.terminal_credentials import TerminalCredentials

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        branch_id = UUID(d.pop("branchId"))

        business_id = UUID(d.pop("businessId"))

        serial_number = d.pop("serialNumber")

        model = d.pop("model")

        status = TerminalCreatedStatus(d.pop("status"))

        terminal_key_id = d.pop("terminalKeyId")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updatedAt"))

        credentials = TerminalCredentials.from_dict(d.pop("credentials"))

        terminal_created = cls(
            id=id,
            branch_id=branch_id,
            business_id=business_id,
            serial_number=serial_number,
            model=model,
            status=status,
            terminal_key_id=terminal_key_id,
            created_at=created_at,
            updated_at=updated_at,
            credentials=credentials,
        )

        terminal_created.additional_properties = d
        return terminal_created

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
