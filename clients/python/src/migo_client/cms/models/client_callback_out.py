from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.client_callback_out_status import ClientCallbackOutStatus

T = TypeVar("T", bound="ClientCallbackOut")


@_attrs_define
class ClientCallbackOut:
    """One of the client's webhook endpoints: where its Merchant Generic Callback goes. The header's value is
    never shown.

        Attributes:
            id (UUID):
            url (str):
            auth_header_name (None | str):
            event_types (list[str]):
            status (ClientCallbackOutStatus): `disabled`: after a 410 Gone or an address that turned internal; the merchant
                enables it again.
            body_template (None | str): Its own callback body template; null: the flat body.
    """

    id: UUID
    url: str
    auth_header_name: None | str
    event_types: list[str]
    status: ClientCallbackOutStatus
    body_template: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        url = self.url

        auth_header_name: None | str
        auth_header_name = self.auth_header_name

        event_types = self.event_types

        status = self.status.value

        body_template: None | str
        body_template = self.body_template

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "authHeaderName": auth_header_name,
                "eventTypes": event_types,
                "status": status,
                "bodyTemplate": body_template,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        url = d.pop("url")

        def _parse_auth_header_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        auth_header_name = _parse_auth_header_name(d.pop("authHeaderName"))

        event_types = cast(list[str], d.pop("eventTypes"))

        status = ClientCallbackOutStatus(d.pop("status"))

        def _parse_body_template(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        body_template = _parse_body_template(d.pop("bodyTemplate"))

        client_callback_out = cls(
            id=id,
            url=url,
            auth_header_name=auth_header_name,
            event_types=event_types,
            status=status,
            body_template=body_template,
        )

        client_callback_out.additional_properties = d
        return client_callback_out

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
