from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.event_type_filter import EventTypeFilter
from ..types import UNSET, Unset

T = TypeVar("T", bound="EndpointCreate")


@_attrs_define
class EndpointCreate:
    """
    Attributes:
        url (str): An http(s) URL of a public address: no credentials, whitespace, control characters or backslashes;
            private, loopback, link-local and other internal addresses and names are refused (the sandbox also accepts
            127.0.0.1, localhost and [::1]).
        event_types (list[EventTypeFilter]): Event types to receive, or ["*"] for all. The catalog:
            `transaction.approved`, `transaction.authorized`, `transaction.captured`, `transaction.denied`,
            `transaction.refunded`, `transaction.refund_failed`, `transaction.reversed`, `transaction.expired`,
            `subscription.created`, `subscription.trial_will_end`, `subscription.renewed`, `subscription.renewal_failed`,
            `subscription.past_due`, `subscription.recovered`, `subscription.paused`, `subscription.resumed`,
            `subscription.cancelled`, `subscription.expired`, `lead.created`, `lead.submitted`, `lead.approved`,
            `lead.rejected`, `business.created`, `business.client_linked`, `branch.created`, `terminal.created`,
            `terminal.activated`, `terminal.deactivated`, `terminal_payment.approved`, `terminal_payment.denied`,
            `terminal_payment.reversed`, `terminal_payment.refunded`, `settlement.created`, `settlement.settled`,
            `payout.paid`, `cardholder.blocked`, `cardholder.unblocked`, `card.activated`, `card.blocked`, `card.unblocked`,
            `card.cancelled`, `card.funds_loaded`, `card.funds_unloaded`, `card.authorization`, `card.clearing`,
            `card.reversal`, `card.refund`, `transfer.approved`, `transfer.denied`, `statement.ready`.
        auth_header_name (None | str | Unset): The static header Migo sends (seed 002).
        auth_header_value (None | str | Unset):
        signing_secret (None | str | Unset): A Standard Webhooks secret (whsec_…) to sign deliveries with.
        generate_signing_secret (bool | Unset): Let Migo generate the signing secret (shown once). Default: False.
        description (None | str | Unset):
        body_template (None | str | Unset):
    """

    url: str
    event_types: list[EventTypeFilter]
    auth_header_name: None | str | Unset = UNSET
    auth_header_value: None | str | Unset = UNSET
    signing_secret: None | str | Unset = UNSET
    generate_signing_secret: bool | Unset = False
    description: None | str | Unset = UNSET
    body_template: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item = event_types_item_data.value
            event_types.append(event_types_item)

        auth_header_name: None | str | Unset
        if isinstance(self.auth_header_name, Unset):
            auth_header_name = UNSET
        else:
            auth_header_name = self.auth_header_name

        auth_header_value: None | str | Unset
        if isinstance(self.auth_header_value, Unset):
            auth_header_value = UNSET
        else:
            auth_header_value = self.auth_header_value

        signing_secret: None | str | Unset
        if isinstance(self.signing_secret, Unset):
            signing_secret = UNSET
        else:
            signing_secret = self.signing_secret

        generate_signing_secret = self.generate_signing_secret

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        body_template: None | str | Unset
        if isinstance(self.body_template, Unset):
            body_template = UNSET
        else:
            body_template = self.body_template

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "eventTypes": event_types,
            }
        )
        if auth_header_name is not UNSET:
            field_dict["authHeaderName"] = auth_header_name
        if auth_header_value is not UNSET:
            field_dict["authHeaderValue"] = auth_header_value
        if signing_secret is not UNSET:
            field_dict["signingSecret"] = signing_secret
        if generate_signing_secret is not UNSET:
            field_dict["generateSigningSecret"] = generate_signing_secret
        if description is not UNSET:
            field_dict["description"] = description
        if body_template is not UNSET:
            field_dict["bodyTemplate"] = body_template

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        url = d.pop("url")

        event_types = []
        _event_types = d.pop("eventTypes")
        for event_types_item_data in _event_types:
            event_types_item = EventTypeFilter(event_types_item_data)

            event_types.append(event_types_item)

        def _parse_auth_header_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        auth_header_name = _parse_auth_header_name(d.pop("authHeaderName", UNSET))

        def _parse_auth_header_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        auth_header_value = _parse_auth_header_value(d.pop("authHeaderValue", UNSET))

        def _parse_signing_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        signing_secret = _parse_signing_secret(d.pop("signingSecret", UNSET))

        generate_signing_secret = d.pop("generateSigningSecret", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_body_template(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        body_template = _parse_body_template(d.pop("bodyTemplate", UNSET))

        endpoint_create = cls(
            url=url,
            event_types=event_types,
            auth_header_name=auth_header_name,
            auth_header_value=auth_header_value,
            signing_secret=signing_secret,
            generate_signing_secret=generate_signing_secret,
            description=description,
            body_template=body_template,
        )

        return endpoint_create
