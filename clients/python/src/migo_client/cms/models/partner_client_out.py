from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partner_client_out_allowed_card_types_item import (
    PartnerClientOutAllowedCardTypesItem,
)
from ..models.partner_client_out_capturemode import PartnerClientOutCapturemode
from ..models.partner_client_out_channels_item import PartnerClientOutChannelsItem

if TYPE_CHECKING:
    from ..models.checkout_field_out import CheckoutFieldOut
    from ..models.client_callback_out import ClientCallbackOut
    from ..models.client_processor_out import ClientProcessorOut
    from ..models.client_velocity_out import ClientVelocityOut


T = TypeVar("T", bound="PartnerClientOut")


@_attrs_define
class PartnerClientOut:
    """
    Attributes:
        slug (str):
        display_name (str): The merchant's name on the hosted checkout.
        channels (list[PartnerClientOutChannelsItem]):
        currencies (list[str]): ISO 4217; the first is the default.
        min_amount (str):
        max_amount (str):
        processors (list[ClientProcessorOut]): In order of preference.
        reference_prefix (str):
        capture_mode (PartnerClientOutCapturemode):
        link_lifetime_seconds (int):
        max_attempts (int): Payment attempts per link.
        logo_url (None | str):
        brand_color (str):
        allowed_return_origins (list[str]): Where the checkout may send the customer back.
        default_return_url (None | str):
        velocity (ClientVelocityOut):
        allowed_brands (list[str]): BIN rules; empty: every brand.
        allowed_card_types (list[PartnerClientOutAllowedCardTypesItem]):
        allowed_countries (list[str]):
        checkout_fields (list[CheckoutFieldOut]): The customKeys the hosted checkout shows under the amount, in order,
            each with its label.
        callback_endpoints (list[ClientCallbackOut]): Its webhook endpoints, oldest first; the first is the one
            `callbackEndpoint` sets.
    """

    slug: str
    display_name: str
    channels: list[PartnerClientOutChannelsItem]
    currencies: list[str]
    min_amount: str
    max_amount: str
    processors: list[ClientProcessorOut]
    reference_prefix: str
    capture_mode: PartnerClientOutCapturemode
    link_lifetime_seconds: int
    max_attempts: int
    logo_url: None | str
    brand_color: str
    allowed_return_origins: list[str]
    default_return_url: None | str
    velocity: ClientVelocityOut
    allowed_brands: list[str]
    allowed_card_types: list[PartnerClientOutAllowedCardTypesItem]
    allowed_countries: list[str]
    checkout_fields: list[CheckoutFieldOut]
    callback_endpoints: list[ClientCallbackOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        display_name = self.display_name

        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.value
            channels.append(channels_item)

        currencies = self.currencies

        min_amount = self.min_amount

        max_amount = self.max_amount

        processors = []
        for processors_item_data in self.processors:
            processors_item = processors_item_data.to_dict()
            processors.append(processors_item)

        reference_prefix = self.reference_prefix

        capture_mode = self.capture_mode.value

        link_lifetime_seconds = self.link_lifetime_seconds

        max_attempts = self.max_attempts

        logo_url: None | str
        logo_url = self.logo_url

        brand_color = self.brand_color

        allowed_return_origins = self.allowed_return_origins

        default_return_url: None | str
        default_return_url = self.default_return_url

        velocity = self.velocity.to_dict()

        allowed_brands = self.allowed_brands

        allowed_card_types = []
        for allowed_card_types_item_data in self.allowed_card_types:
            allowed_card_types_item = allowed_card_types_item_data.value
            allowed_card_types.append(allowed_card_types_item)

        allowed_countries = self.allowed_countries

        checkout_fields = []
        for checkout_fields_item_data in self.checkout_fields:
            checkout_fields_item = checkout_fields_item_data.to_dict()
            checkout_fields.append(checkout_fields_item)

        callback_endpoints = []
        for callback_endpoints_item_data in self.callback_endpoints:
            callback_endpoints_item = callback_endpoints_item_data.to_dict()
            callback_endpoints.append(callback_endpoints_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "displayName": display_name,
                "channels": channels,
                "currencies": currencies,
                "minAmount": min_amount,
                "maxAmount": max_amount,
                "processors": processors,
                "referencePrefix": reference_prefix,
                "captureMode": capture_mode,
                "linkLifetimeSeconds": link_lifetime_seconds,
                "maxAttempts": max_attempts,
                "logoUrl": logo_url,
                "brandColor": brand_color,
                "allowedReturnOrigins": allowed_return_origins,
                "defaultReturnUrl": default_return_url,
                "velocity": velocity,
                "allowedBrands": allowed_brands,
                "allowedCardTypes": allowed_card_types,
                "allowedCountries": allowed_countries,
                "checkoutFields": checkout_fields,
                "callbackEndpoints": callback_endpoints,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.checkout_field_out import CheckoutFieldOut
        from ..models.client_callback_out import ClientCallbackOut
        from ..models.client_processor_out import ClientProcessorOut
        from ..models.client_velocity_out import ClientVelocityOut

        d = dict(src_dict)
        slug = d.pop("slug")

        display_name = d.pop("displayName")

        channels = []
        _channels = d.pop("channels")
        for channels_item_data in _channels:
            channels_item = PartnerClientOutChannelsItem(channels_item_data)

            channels.append(channels_item)

        currencies = cast(list[str], d.pop("currencies"))

        min_amount = d.pop("minAmount")

        max_amount = d.pop("maxAmount")

        processors = []
        _processors = d.pop("processors")
        for processors_item_data in _processors:
            processors_item = ClientProcessorOut.from_dict(processors_item_data)

            processors.append(processors_item)

        reference_prefix = d.pop("referencePrefix")

        capture_mode = PartnerClientOutCapturemode(d.pop("captureMode"))

        link_lifetime_seconds = d.pop("linkLifetimeSeconds")

        max_attempts = d.pop("maxAttempts")

        def _parse_logo_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        logo_url = _parse_logo_url(d.pop("logoUrl"))

        brand_color = d.pop("brandColor")

        allowed_return_origins = cast(list[str], d.pop("allowedReturnOrigins"))

        def _parse_default_return_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        default_return_url = _parse_default_return_url(d.pop("defaultReturnUrl"))

        velocity = ClientVelocityOut.from_dict(d.pop("velocity"))

        allowed_brands = cast(list[str], d.pop("allowedBrands"))

        allowed_card_types = []
        _allowed_card_types = d.pop("allowedCardTypes")
        for allowed_card_types_item_data in _allowed_card_types:
            allowed_card_types_item = PartnerClientOutAllowedCardTypesItem(
                allowed_card_types_item_data
            )

            allowed_card_types.append(allowed_card_types_item)

        allowed_countries = cast(list[str], d.pop("allowedCountries"))

        checkout_fields = []
        _checkout_fields = d.pop("checkoutFields")
        for checkout_fields_item_data in _checkout_fields:
            checkout_fields_item = CheckoutFieldOut.from_dict(checkout_fields_item_data)

            checkout_fields.append(checkout_fields_item)

        callback_endpoints = []
        _callback_endpoints = d.pop("callbackEndpoints")
        for callback_endpoints_item_data in _callback_endpoints:
            callback_endpoints_item = ClientCallbackOut.from_dict(
                callback_endpoints_item_data
            )

            callback_endpoints.append(callback_endpoints_item)

        partner_client_out = cls(
            slug=slug,
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
            callback_endpoints=callback_endpoints,
        )

        partner_client_out.additional_properties = d
        return partner_client_out

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
