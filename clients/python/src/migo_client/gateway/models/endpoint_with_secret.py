from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.endpoint_with_secret_status import EndpointWithSecretStatus

T = TypeVar("T", bound="EndpointWithSecret")


@_attrs_define
class EndpointWithSecret:
    """
    Attributes:
        id (UUID):
        url (str):
        event_types (list[str]):
        auth_header_name (None | str):
        auth_header_value_hint (None | str): The last four characters of the header value.
        signed (bool):
        status (EndpointWithSecretStatus):
        disabled_reason (None | str): Why deliveries stopped: a 410 Gone answer, or an address that is, or came to
            resolve to, an internal one; enable the endpoint to deliver again.
        description (None | str):
        body_template (None | str): The endpoint's own callback body; null: the flat body.
        created_at (datetime.datetime):
        updated_at (datetime.datetime | None):
        signing_secret (None | str): Shown once: when generated or rotated by Migo.
    """

    id: UUID
    url: str
    event_types: list[str]
    auth_header_name: None | str
    auth_header_value_hint: None | str
    signed: bool
    status: EndpointWithSecretStatus
    disabled_reason: None | str
    description: None | str
    body_template: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime | None
    signing_secret: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        url = self.url

        event_types = self.event_types

        auth_header_name: None | str
        auth_header_name = self.auth_header_name

        auth_header_value_hint: None | str
        auth_header_value_hint = self.auth_header_value_hint

        signed = self.signed

        status = self.status.value

        disabled_reason: None | str
        disabled_reason = self.disabled_reason

        description: None | str
        description = self.description

        body_template: None | str
        body_template = self.body_template

        created_at = self.created_at.isoformat()

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        signing_secret: None | str
        signing_secret = self.signing_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "eventTypes": event_types,
                "authHeaderName": auth_header_name,
                "authHeaderValueHint": auth_header_value_hint,
                "signed": signed,
                "status": status,
                "disabledReason": disabled_reason,
                "description": description,
                "bodyTemplate": body_template,
                "createdAt": created_at,
                "updatedAt": updated_at,
                "signingSecret": signing_secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        url = d.pop("url")

        event_types = cast(list[str], d.pop("eventTypes"))

        def _parse_auth_header_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        auth_header_name = _parse_auth_header_name(d.pop("authHeaderName"))

        def _parse_auth_header_value_hint(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        auth_header_value_hint = _parse_auth_header_value_hint(
            d.pop("authHeaderValueHint")
        )

        signed = d.pop("signed")

        status = EndpointWithSecretStatus(d.pop("status"))

        def _parse_disabled_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabledReason"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_body_template(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        body_template = _parse_body_template(d.pop("bodyTemplate"))

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

        def _parse_signing_secret(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        signing_secret = _parse_signing_secret(d.pop("signingSecret"))

        endpoint_with_secret = cls(
            id=id,
            url=url,
            event_types=event_types,
            auth_header_name=auth_header_name,
            auth_header_value_hint=auth_header_value_hint,
            signed=signed,
            status=status,
            disabled_reason=disabled_reason,
            description=description,
            body_template=body_template,
            created_at=created_at,
            updated_at=updated_at,
            signing_secret=signing_secret,
        )

        endpoint_with_secret.additional_properties = d
        return endpoint_with_secret

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
