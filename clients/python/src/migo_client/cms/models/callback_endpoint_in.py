from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CallbackEndpointIn")


@_attrs_define
class CallbackEndpointIn:
    """A Payment Link client's Merchant Generic Callback (seed 002), as its back office sets it: the URL and the
    static header that authenticates each delivery (its value is never shown back).

        Attributes:
            url (str): An http(s) URL of a public address: no credentials, whitespace, control characters or backslashes;
                private, loopback, link-local and other internal addresses and names are refused (the sandbox also accepts
                127.0.0.1, localhost and [::1]).
            auth_header_name (str): The static header Migo sends (seed 002).
            auth_header_value (str):
            body_template (None | str | Unset):
    """

    url: str
    auth_header_name: str
    auth_header_value: str
    body_template: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        auth_header_name = self.auth_header_name

        auth_header_value = self.auth_header_value

        body_template: None | str | Unset
        if isinstance(self.body_template, Unset):
            body_template = UNSET
        else:
            body_template = self.body_template

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "authHeaderName": auth_header_name,
                "authHeaderValue": auth_header_value,
            }
        )
        if body_template is not UNSET:
            field_dict["bodyTemplate"] = body_template

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        url = d.pop("url")

        auth_header_name = d.pop("authHeaderName")

        auth_header_value = d.pop("authHeaderValue")

        def _parse_body_template(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        body_template = _parse_body_template(d.pop("bodyTemplate", UNSET))

        callback_endpoint_in = cls(
            url=url,
            auth_header_name=auth_header_name,
            auth_header_value=auth_header_value,
            body_template=body_template,
        )

        return callback_endpoint_in
