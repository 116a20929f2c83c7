from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.partner_client_update_allowed_card_types_item import (
    PartnerClientUpdateAllowedCardTypesItem,
)
from ..models.partner_client_update_capturemode import PartnerClientUpdateCapturemode
from ..models.partner_client_update_channels_item import PartnerClientUpdateChannelsItem
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.callback_endpoint_in import CallbackEndpointIn
    from ..models.checkout_field_in import CheckoutFieldIn
    from ..models.client_processor_in import ClientProcessorIn
    from ..models.client_velocity_in import ClientVelocityIn


T = TypeVar("T", bound="PartnerClientUpdate")


@_attrs_define
class PartnerClientUpdate:
    """The fields to change; those left out stay as they are. The rules of `migo clients configure` apply: a
    value they refuse is a 400 naming the field, and nothing changes.

        Attributes:
            display_name (str | Unset):
            channels (list[PartnerClientUpdateChannelsItem] | Unset):
            currencies (list[str] | Unset):
            min_amount (int | str | Unset): Whole units, as links are.
            max_amount (int | str | Unset): Whole units, as links are.
            processors (list[ClientProcessorIn] | Unset):
            reference_prefix (str | Unset): Letters and digits; the references of links created from now on start with it.
            capture_mode (PartnerClientUpdateCapturemode | Unset):
            link_lifetime_seconds (int | Unset): 60 to 2592000 (1 minute to 30 days).
            max_attempts (int | Unset): 1 to 20.
            logo_url (None | str | Unset): https; null: none.
            brand_color (str | Unset): #rrggbb
            allowed_return_origins (list[str] | Unset):
            default_return_url (None | str | Unset): null: none.
            velocity (ClientVelocityIn | Unset):
            allowed_brands (list[str] | Unset):
            allowed_card_types (list[PartnerClientUpdateAllowedCardTypesItem] | Unset):
            allowed_countries (list[str] | Unset):
            checkout_fields (list[CheckoutFieldIn] | Unset): The customKeys the checkout shows, in order (distinct keys); a
                link without one, or whose value is not text, a number or true/false, shows nothing for it. [] shows none.
            callback_endpoint (CallbackEndpointIn | None | Unset): Where the client's Merchant Generic Callback goes: its
                callback endpoint (the first of `callbackEndpoints`) takes this URL and header, or is made for every event type;
                null removes it. The URL rules of the webhook endpoints apply.
    """

    display_name: str | Unset = UNSET
    channels: list[PartnerClientUpdateChannelsItem] | Unset = UNSET
    currencies: list[str] | Unset = UNSET
    min_amount: int | str | Unset = UNSET
    max_amount: int | str | Unset = UNSET
    processors: list[ClientProcessorIn] | Unset = UNSET
    reference_prefix: str | Unset = UNSET
    capture_mode: PartnerClientUpdateCapturemode | Unset = UNSET
    link_lifetime_seconds: int | Unset = UNSET
    max_attempts: int | Unset = UNSET
    logo_url: None | str | Unset = UNSET
    brand_color: str | Unset = UNSET
    allowed_return_origins: list[str] | Unset = UNSET
    default_return_url: None | str | Unset = UNSET
    velocity: ClientVelocityIn | Unset = UNSET
    allowed_brands: list[str] | Unset = UNSET
    allowed_card_types: list[PartnerClientUpdateAllowedCardTypesItem] | Unset = UNSET
    allowed_countries: list[str] | Unset = UNSET
    checkout_fields: list[CheckoutFieldIn] | Unset = UNSET
    callback_endpoint: CallbackEndpointIn | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.callback_endpoint_in import CallbackEndpointIn

        display_name = self.display_name

        channels: list[str] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = []
            for channels_item_data in self.channels:
                channels_item = channels_item_data.value
                channels.append(channels_item)

        currencies: list[str] | Unset = UNSET
        if not isinstance(self.currencies, Unset):
            currencies = self.currencies

        min_amount: int | str | Unset
        if isinstance(self.min_amount, Unset):
            min_amount = UNSET
        else:
            min_amount = self.min_amount

        max_amount: int | str | Unset
        if isinstance(self.max_amount, Unset):
            max_amount = UNSET
        else:
            max_amount = self.max_amount

        processors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.processors, Unset):
            processors = []
            for processors_item_data in self.processors:
                processors_item = processors_item_data.to_dict()
                processors.append(processors_item)

        reference_prefix = self.reference_prefix

        capture_mode: str | Unset = UNSET
        if not isinstance(self.capture_mode, Unset):
            capture_mode = self.capture_mode.value

        link_lifetime_seconds = self.link_lifetime_seconds

        max_attempts = self.max_attempts

        logo_url: None | str | Unset
        if isinstance(self.logo_url, Unset):
            logo_url = UNSET
        else:
            logo_url = self.logo_url

        brand_color = self.brand_color

        allowed_return_origins: list[str] | Unset = UNSET
        if not isinstance(self.allowed_return_origins, Unset):
            allowed_return_origins = self.allowed_return_origins

        default_return_url: None | str | Unset
        if isinstance(self.default_return_url, Unset):
            default_return_url = UNSET
        else:
            default_return_url = self.default_return_url

        velocity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.velocity, Unset):
            velocity = self.velocity.to_dict()

        allowed_brands: list[str] | Unset = UNSET
        if not isinstance(self.allowed_brands, Unset):
            allowed_brands = self.allowed_brands

        allowed_card_types: list[str] | Unset = UNSET
        if not isinstance(self.allowed_card_types, Unset):
            allowed_card_types = []
            for allowed_card_types_item_data in self.allowed_card_types:
                allowed_card_types_item = allowed_card_types_item_data.value
                allowed_card_types.append(allowed_card_types_item)

        allowed_countries: list[str] | Unset = UNSET
        if not isinstance(self.allowed_countries, Unset):
            allowed_countries = self.allowed_countries

        checkout_fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.checkout_fields, Unset):
            checkout_fields = []
            for checkout_fields_item_data in self.checkout_fields:
                checkout_fields_item = checkout_fields_item_data.to_dict()
                checkout_fields.append(checkout_fields_item)

        callback_endpoint: dict[str, Any] | None | Unset
        if isinstance(self.callback_endpoint, Unset):
            callback_endpoint = UNSET
        elif isinstance(self.callback_endpoint, CallbackEndpointIn):
            callback_endpoint = self.callback_endpoint.to_dict()
        else:
            callback_endpoint = self.callback_endpoint

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if channels is not UNSET:
            field_dict["channels"] = channels
        if currencies is not UNSET:
            field_dict["currencies"] = currencies
        if min_amount is not UNSET:
            field_dict["minAmount"] = min_amount
        if max_amount is not UNSET:
            field_dict["maxAmount"] = max_amount
        if processors is not UNSET:
            field_dict["processors"] = processors
        if reference_prefix is not UNSET:
            field_dict["referencePrefix"] = reference_prefix
        if capture_mode is not UNSET:
            field_dict["captureMode"] = capture_mode
        if link_lifetime_seconds is not UNSET:
            field_dict["linkLifetimeSeconds"] = link_lifetime_seconds
        if max_attempts is not UNSET:
            field_dict["maxAttempts"] = max_attempts
        if logo_url is not UNSET:
            field_dict["logoUrl"] = logo_url
        if brand_color is not UNSET:
            field_dict["brandColor"] = brand_color
        if allowed_return_origins is not UNSET:
            field_dict["allowedReturnOrigins"] = allowed_return_origins
        if default_return_url is not UNSET:
            field_dict["defaultReturnUrl"] = default_return_url
        if velocity is not UNSET:
            field_dict["velocity"] = velocity
        if allowed_brands is not UNSET:
            field_dict["allowedBrands"] = allowed_brands
        if allowed_card_types is not UNSET:
            field_dict["allowedCardTypes"] = allowed_card_types
        if allowed_countries is not UNSET:
            field_dict["allowedCountries"] = allowed_countries
        if checkout_fields is not UNSET:
            field_dict["checkoutFields"] = checkout_fields
        if callback_endpoint is not UNSET:
            field_dict["callbackEndpoint"] = callback_endpoint

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.callback_endpoint_in import CallbackEndpointIn
        from ..models.checkout_field_in import CheckoutFieldIn
        from ..models.client_processor_in import ClientProcessorIn
        from ..models.client_velocity_in import ClientVelocityIn

        d = dict(src_dict)
        display_name = d.pop("displayName", UNSET)

        _channels = d.pop("channels", UNSET)
        channels: list[PartnerClientUpdateChannelsItem] | Unset = UNSET
        if _channels is not UNSET:
            channels = []
            for channels_item_data in _channels:
                channels_item = PartnerClientUpdateChannelsItem(channels_item_data)

                channels.append(channels_item)

        currencies = cast(list[str], d.pop("currencies", UNSET))

        def _parse_min_amount(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        min_amount = _parse_min_amount(d.pop("minAmount", UNSET))

        def _parse_max_amount(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        max_amount = _parse_max_amount(d.pop("maxAmount", UNSET))

        _processors = d.pop("processors", UNSET)
        processors: list[ClientProcessorIn] | Unset = UNSET
        if _processors is not UNSET:
            processors = []
            for processors_item_data in _processors:
                processors_item = ClientProcessorIn.from_dict(processors_item_data)

                processors.append(processors_item)

        reference_prefix = d.pop("referencePrefix", UNSET)

        _capture_mode = d.pop("captureMode", UNSET)
        capture_mode: PartnerClientUpdateCapturemode | Unset
        if isinstance(_capture_mode, Unset):
            capture_mode = UNSET
        else:
            capture_mode = PartnerClientUpdateCapturemode(_capture_mode)

        link_lifetime_seconds = d.pop("linkLifetimeSeconds", UNSET)

        max_attempts = d.pop("maxAttempts", UNSET)

        def _parse_logo_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        logo_url = _parse_logo_url(d.pop("logoUrl", UNSET))

        brand_color = d.pop("brandColor", UNSET)

        allowed_return_origins = cast(list[str], d.pop("allowedReturnOrigins", UNSET))

        def _parse_default_return_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_return_url = _parse_default_return_url(d.pop("defaultReturnUrl", UNSET))

        _velocity = d.pop("velocity", UNSET)
        velocity: ClientVelocityIn | Unset
        if isinstance(_velocity, Unset):
            velocity = UNSET
        else:
            velocity = ClientVelocityIn.from_dict(_velocity)

        allowed_brands = cast(list[str], d.pop("allowedBrands", UNSET))

        _allowed_card_types = d.pop("allowedCardTypes", UNSET)
        allowed_card_types: list[PartnerClientUpdateAllowedCardTypesItem] | Unset = (
            UNSET
        )
        if _allowed_card_types is not UNSET:
            allowed_card_types = []
            for allowed_card_types_item_data in _allowed_card_types:
                allowed_card_types_item = PartnerClientUpdateAllowedCardTypesItem(
                    allowed_card_types_item_data
                )

                allowed_card_types.append(allowed_card_types_item)

        allowed_countries = cast(list[str], d.pop("allowedCountries", UNSET))

        _checkout_fields = d.pop("checkoutFields", UNSET)
        checkout_fields: list[CheckoutFieldIn] | Unset = UNSET
        if _checkout_fields is not UNSET:
            checkout_fields = []
            for checkout_fields_item_data in _checkout_fields:
                checkout_fields_item = CheckoutFieldIn.from_dict(
                    checkout_fields_item_data
                )

                checkout_fields.append(checkout_fields_item)

        def _parse_callback_endpoint(data: object) -> CallbackEndpointIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                callback_endpoint_type_0 = CallbackEndpointIn.from_dict(data)

                return callback_endpoint_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CallbackEndpointIn | None | Unset, data)

        callback_endpoint = _parse_callback_endpoint(d.pop("callbackEndpoint", UNSET))

        partner_client_update = cls(
            display_name=display_name,
            channels=channels,
            currencies=currencies,
            min_amount=min_amount,
            max_amount=max_amount,
            processors=processors,
            reference_prefix=reference_prefix,
            capture_mode=capture_mode,
            link_lifetime_seconds=link_lifetime_seconds,
            max_attempts=max_attempts,
            logo_url=logo_url,
            brand_color=brand_color,
            allowed_return_origins=allowed_return_origins,
            default_return_url=default_return_url,
            velocity=velocity,
            allowed_brands=allowed_brands,
            allowed_card_types=allowed_card_types,
            allowed_countries=allowed_countries,
            checkout_fields=checkout_fields,
            callback_endpoint=callback_endpoint,
        )

        return partner_client_update
