from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.partner_client_update_allowed_card_types_type_0_item import (
    PartnerClientUpdateAllowedCardTypesType0Item,
)
from ..models.partner_client_update_capture_mode_type_0 import (
    PartnerClientUpdateCaptureModeType0,
)
from ..models.partner_client_update_channels_type_0_item import (
    PartnerClientUpdateChannelsType0Item,
)
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
            display_name (None | str | Unset):
            channels (list[PartnerClientUpdateChannelsType0Item] | None | Unset):
            currencies (list[str] | None | Unset):
            min_amount (int | None | str | Unset): Whole units, as links are.
            max_amount (int | None | str | Unset): Whole units, as links are.
            processors (list[ClientProcessorIn] | None | Unset):
            reference_prefix (None | str | Unset): Letters and digits; the references of links created from now on start
                with it.
            capture_mode (None | PartnerClientUpdateCaptureModeType0 | Unset):
            link_lifetime_seconds (int | None | Unset): 60 to 2592000 (1 minute to 30 days).
            max_attempts (int | None | Unset): 1 to 20.
            logo_url (None | str | Unset): https; null: none.
            brand_color (None | str | Unset): #rrggbb
            allowed_return_origins (list[str] | None | Unset):
            default_return_url (None | str | Unset): null: none.
            velocity (ClientVelocityIn | None | Unset):
            allowed_brands (list[str] | None | Unset):
            allowed_card_types (list[PartnerClientUpdateAllowedCardTypesType0Item] | None | Unset):
            allowed_countries (list[str] | None | Unset):
            checkout_fields (list[CheckoutFieldIn] | None | Unset): The customKeys the checkout shows, in order (distinct
                keys); a link without one, or whose value is not text, a number or true/false, shows nothing for it. [] shows
                none.
            callback_endpoint (CallbackEndpointIn | None | Unset): Where the client's Merchant Generic Callback goes: its
                callback endpoint (the first of `callbackEndpoints`) takes this URL and header, or is made for every event type;
                null removes it. The URL rules of the webhook endpoints apply.
    """

    display_name: None | str | Unset = UNSET
    channels: list[PartnerClientUpdateChannelsType0Item] | None | Unset = UNSET
    currencies: list[str] | None | Unset = UNSET
    min_amount: int | None | str | Unset = UNSET
    max_amount: int | None | str | Unset = UNSET
    processors: list[ClientProcessorIn] | None | Unset = UNSET
    reference_prefix: None | str | Unset = UNSET
    capture_mode: None | PartnerClientUpdateCaptureModeType0 | Unset = UNSET
    link_lifetime_seconds: int | None | Unset = UNSET
    max_attempts: int | None | Unset = UNSET
    logo_url: None | str | Unset = UNSET
    brand_color: None | str | Unset = UNSET
    allowed_return_origins: list[str] | None | Unset = UNSET
    default_return_url: None | str | Unset = UNSET
    velocity: ClientVelocityIn | None | Unset = UNSET
    allowed_brands: list[str] | None | Unset = UNSET
    allowed_card_types: (
        list[PartnerClientUpdateAllowedCardTypesType0Item] | None | Unset
    ) = UNSET
    allowed_countries: list[str] | None | Unset = UNSET
    checkout_fields: list[CheckoutFieldIn] | None | Unset = UNSET
    callback_endpoint: CallbackEndpointIn | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.callback_endpoint_in import CallbackEndpointIn
        from ..models.client_velocity_in import ClientVelocityIn

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        channels: list[str] | None | Unset
        if isinstance(self.channels, Unset):
            channels = UNSET
        elif isinstance(self.channels, list):
            channels = []
            for channels_type_0_item_data in self.channels:
                channels_type_0_item = channels_type_0_item_data.value
                channels.append(channels_type_0_item)

        else:
            channels = self.channels

        currencies: list[str] | None | Unset
        if isinstance(self.currencies, Unset):
            currencies = UNSET
        elif isinstance(self.currencies, list):
            currencies = self.currencies

        else:
            currencies = self.currencies

        min_amount: int | None | str | Unset
        if isinstance(self.min_amount, Unset):
            min_amount = UNSET
        else:
            min_amount = self.min_amount

        max_amount: int | None | str | Unset
        if isinstance(self.max_amount, Unset):
            max_amount = UNSET
        else:
            max_amount = self.max_amount

        processors: list[dict[str, Any]] | None | Unset
        if isinstance(self.processors, Unset):
            processors = UNSET
        elif isinstance(self.processors, list):
            processors = []
            for processors_type_0_item_data in self.processors:
                processors_type_0_item = processors_type_0_item_data.to_dict()
                processors.append(processors_type_0_item)

        else:
            processors = self.processors

        reference_prefix: None | str | Unset
        if isinstance(self.reference_prefix, Unset):
            reference_prefix = UNSET
        else:
            reference_prefix = self.reference_prefix

        capture_mode: None | str | Unset
        if isinstance(self.capture_mode, Unset):
            capture_mode = UNSET
        elif isinstance(self.capture_mode, PartnerClientUpdateCaptureModeType0):
            capture_mode = self.capture_mode.value
        else:
            capture_mode = self.capture_mode

        link_lifetime_seconds: int | None | Unset
        if isinstance(self.link_lifetime_seconds, Unset):
            link_lifetime_seconds = UNSET
        else:
            link_lifetime_seconds = self.link_lifetime_seconds

        max_attempts: int | None | Unset
        if isinstance(self.max_attempts, Unset):
            max_attempts = UNSET
        else:
            max_attempts = self.max_attempts

        logo_url: None | str | Unset
        if isinstance(self.logo_url, Unset):
            logo_url = UNSET
        else:
            logo_url = self.logo_url

        brand_color: None | str | Unset
        if isinstance(self.brand_color, Unset):
            brand_color = UNSET
        else:
            brand_color = self.brand_color

        allowed_return_origins: list[str] | None | Unset
        if isinstance(self.allowed_return_origins, Unset):
            allowed_return_origins = UNSET
        elif isinstance(self.allowed_return_origins, list):
            allowed_return_origins = self.allowed_return_origins

        else:
            allowed_return_origins = self.allowed_return_origins

        default_return_url: None | str | Unset
        if isinstance(self.default_return_url, Unset):
            default_return_url = UNSET
        else:
            default_return_url = self.default_return_url

        velocity: dict[str, Any] | None | Unset
        if isinstance(self.velocity, Unset):
            velocity = UNSET
        elif isinstance(self.velocity, ClientVelocityIn):
            velocity = self.velocity.to_dict()
        else:
            velocity = self.velocity

        allowed_brands: list[str] | None | Unset
        if isinstance(self.allowed_brands, Unset):
            allowed_brands = UNSET
        elif isinstance(self.allowed_brands, list):
            allowed_brands = self.allowed_brands

        else:
            allowed_brands = self.allowed_brands

        allowed_card_types: list[str] | None | Unset
        if isinstance(self.allowed_card_types, Unset):
            allowed_card_types = UNSET
        elif isinstance(self.allowed_card_types, list):
            allowed_card_types = []
            for allowed_card_types_type_0_item_data in self.allowed_card_types:
                allowed_card_types_type_0_item = (
                    allowed_card_types_type_0_item_data.value
                )
                allowed_card_types.append(allowed_card_types_type_0_item)

        else:
            allowed_card_types = self.allowed_card_types

        allowed_countries: list[str] | None | Unset
        if isinstance(self.allowed_countries, Unset):
            allowed_countries = UNSET
        elif isinstance(self.allowed_countries, list):
            allowed_countries = self.allowed_countries

        else:
            allowed_countries = self.allowed_countries

        checkout_fields: list[dict[str, Any]] | None | Unset
        if isinstance(self.checkout_fields, Unset):
            checkout_fields = UNSET
        elif isinstance(self.checkout_fields, list):
            checkout_fields = []
            for checkout_fields_type_0_item_data in self.checkout_fields:
                checkout_fields_type_0_item = checkout_fields_type_0_item_data.to_dict()
                checkout_fields.append(checkout_fields_type_0_item)

        else:
            checkout_fields = self.checkout_fields

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

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("displayName", UNSET))

        def _parse_channels(
            data: object,
        ) -> list[PartnerClientUpdateChannelsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                channels_type_0 = []
                _channels_type_0 = data
                for channels_type_0_item_data in _channels_type_0:
                    channels_type_0_item = PartnerClientUpdateChannelsType0Item(
                        channels_type_0_item_data
                    )

                    channels_type_0.append(channels_type_0_item)

                return channels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PartnerClientUpdateChannelsType0Item] | None | Unset, data)

        channels = _parse_channels(d.pop("channels", UNSET))

        def _parse_currencies(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                currencies_type_0 = cast(list[str], data)

                return currencies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        currencies = _parse_currencies(d.pop("currencies", UNSET))

        def _parse_min_amount(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        min_amount = _parse_min_amount(d.pop("minAmount", UNSET))

        def _parse_max_amount(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        max_amount = _parse_max_amount(d.pop("maxAmount", UNSET))

        def _parse_processors(data: object) -> list[ClientProcessorIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                processors_type_0 = []
                _processors_type_0 = data
                for processors_type_0_item_data in _processors_type_0:
                    processors_type_0_item = ClientProcessorIn.from_dict(
                        processors_type_0_item_data
                    )

                    processors_type_0.append(processors_type_0_item)

                return processors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ClientProcessorIn] | None | Unset, data)

        processors = _parse_processors(d.pop("processors", UNSET))

        def _parse_reference_prefix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference_prefix = _parse_reference_prefix(d.pop("referencePrefix", UNSET))

        def _parse_capture_mode(
            data: object,
        ) -> None | PartnerClientUpdateCaptureModeType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                capture_mode_type_0 = PartnerClientUpdateCaptureModeType0(data)

                return capture_mode_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartnerClientUpdateCaptureModeType0 | Unset, data)

        capture_mode = _parse_capture_mode(d.pop("captureMode", UNSET))

        def _parse_link_lifetime_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        link_lifetime_seconds = _parse_link_lifetime_seconds(
            d.pop("linkLifetimeSeconds", UNSET)
        )

        def _parse_max_attempts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_attempts = _parse_max_attempts(d.pop("maxAttempts", UNSET))

        def _parse_logo_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        logo_url = _parse_logo_url(d.pop("logoUrl", UNSET))

        def _parse_brand_color(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        brand_color = _parse_brand_color(d.pop("brandColor", UNSET))

        def _parse_allowed_return_origins(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allowed_return_origins_type_0 = cast(list[str], data)

                return allowed_return_origins_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        allowed_return_origins = _parse_allowed_return_origins(
            d.pop("allowedReturnOrigins", UNSET)
        )

        def _parse_default_return_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_return_url = _parse_default_return_url(d.pop("defaultReturnUrl", UNSET))

        def _parse_velocity(data: object) -> ClientVelocityIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                velocity_type_0 = ClientVelocityIn.from_dict(data)

                return velocity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClientVelocityIn | None | Unset, data)

        velocity = _parse_velocity(d.pop("velocity", UNSET))

        def _parse_allowed_brands(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allowed_brands_type_0 = cast(list[str], data)

                return allowed_brands_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        allowed_brands = _parse_allowed_brands(d.pop("allowedBrands", UNSET))

        def _parse_allowed_card_types(
            data: object,
        ) -> list[PartnerClientUpdateAllowedCardTypesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allowed_card_types_type_0 = []
                _allowed_card_types_type_0 = data
                for allowed_card_types_type_0_item_data in _allowed_card_types_type_0:
                    allowed_card_types_type_0_item = (
                        PartnerClientUpdateAllowedCardTypesType0Item(
                            allowed_card_types_type_0_item_data
                        )
                    )

                    allowed_card_types_type_0.append(allowed_card_types_type_0_item)

                return allowed_card_types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[PartnerClientUpdateAllowedCardTypesType0Item] | None | Unset, data
            )

        allowed_card_types = _parse_allowed_card_types(d.pop("allowedCardTypes", UNSET))

        def _parse_allowed_countries(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allowed_countries_type_0 = cast(list[str], data)

                return allowed_countries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        allowed_countries = _parse_allowed_countries(d.pop("allowedCountries", UNSET))

        def _parse_checkout_fields(
            data: object,
        ) -> list[CheckoutFieldIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                checkout_fields_type_0 = []
                _checkout_fields_type_0 = data
                for checkout_fields_type_0_item_data in _checkout_fields_type_0:
                    checkout_fields_type_0_item = CheckoutFieldIn.from_dict(
                        checkout_fields_type_0_item_data
                    )

                    checkout_fields_type_0.append(checkout_fields_type_0_item)

                return checkout_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CheckoutFieldIn] | None | Unset, data)

        checkout_fields = _parse_checkout_fields(d.pop("checkoutFields", UNSET))

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
