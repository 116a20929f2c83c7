from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.client_config_capturemode import ClientConfigCapturemode

if TYPE_CHECKING:
    from ..models.checkout_field_config import CheckoutFieldConfig
    from ..models.processor_config import ProcessorConfig


T = TypeVar("T", bound="ClientConfig")


@_attrs_define
class ClientConfig:
    """
    Attributes:
        client (str):
        display_name (str):
        channels (list[str]):
        currencies (list[str]):
        default_currency (str):
        min_amount (int):
        max_amount (int):
        capture_mode (ClientConfigCapturemode):
        processors (list[ProcessorConfig]):
        link_lifetime_seconds (int):
        max_attempts (int):
        allowed_brands (list[str]):
        allowed_card_types (list[str]):
        allowed_countries (list[str]):
        allowed_return_origins (list[str]):
        default_return_url (None | str):
        checkout_fields (list[CheckoutFieldConfig]): The customKeys the hosted checkout shows under the amount (set by
            your back office).
    """

    client: str
    display_name: str
    channels: list[str]
    currencies: list[str]
    default_currency: str
    min_amount: int
    max_amount: int
    capture_mode: ClientConfigCapturemode
    processors: list[ProcessorConfig]
    link_lifetime_seconds: int
    max_attempts: int
    allowed_brands: list[str]
    allowed_card_types: list[str]
    allowed_countries: list[str]
    allowed_return_origins: list[str]
    default_return_url: None | str
    checkout_fields: list[CheckoutFieldConfig]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client = self.client

        display_name = self.display_name

        channels = self.channels

        currencies = self.currencies

        default_currency = self.default_currency

        min_amount = self.min_amount

        max_amount = self.max_amount

        capture_mode = self.capture_mode.value

        processors = []
        for processors_item_data in self.processors:
            processors_item = processors_item_data.to_dict()
            processors.append(processors_item)

        link_lifetime_seconds = self.link_lifetime_seconds

        max_attempts = self.max_attempts

        allowed_brands = self.allowed_brands

        allowed_card_types = self.allowed_card_types

        allowed_countries = self.allowed_countries

        allowed_return_origins = self.allowed_return_origins

        default_return_url: None | str
        default_return_url = self.default_return_url

        checkout_fields = []
        for checkout_fields_item_data in self.checkout_fields:
            checkout_fields_item = checkout_fields_item_data.to_dict()
            checkout_fields.append(checkout_fields_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client": client,
                "displayName": display_name,
                "channels": channels,
                "currencies": currencies,
                "defaultCurrency": default_currency,
                "minAmount": min_amount,
                "maxAmount": max_amount,
                "captureMode": capture_mode,
                "processors": processors,
                "linkLifetimeSeconds": link_lifetime_seconds,
                "maxAttempts": max_attempts,
                "allowedBrands": allowed_brands,
                "allowedCardTypes": allowed_card_types,
                "allowedCountries": allowed_countries,
                "allowedReturnOrigins": allowed_return_origins,
                "defaultReturnUrl": default_return_url,
                "checkoutFields": checkout_fields,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.checkout_field_config import CheckoutFieldConfig
        from ..models.processor_config import ProcessorConfig

        d = dict(src_dict)
        client = d.pop("client")

        display_name = d.pop("displayName")

        channels = cast(list[str], d.pop("channels"))

        currencies = cast(list[str], d.pop("currencies"))

        default_currency = d.pop("defaultCurrency")

        min_amount = d.pop("minAmount")

        max_amount = d.pop("maxAmount")

        capture_mode = ClientConfigCapturemode(d.pop("captureMode"))

        processors = []
        _processors = d.pop("processors")
        for processors_item_data in _processors:
            processors_item = ProcessorConfig.from_dict(processors_item_data)

            processors.append(processors_item)

        link_lifetime_seconds = d.pop("linkLifetimeSeconds")

        max_attempts = d.pop("maxAttempts")

        allowed_brands = cast(list[str], d.pop("allowedBrands"))

        allowed_card_types = cast(list[str], d.pop("allowedCardTypes"))

        allowed_countries = cast(list[str], d.pop("allowedCountries"))

        allowed_return_origins = cast(list[str], d.pop("allowedReturnOrigins"))

        def _parse_default_return_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        default_return_url = _parse_default_return_url(d.pop("defaultReturnUrl"))

        checkout_fields = []
        _checkout_fields = d.pop("checkoutFields")
        for checkout_fields_item_data in _checkout_fields:
            checkout_fields_item = CheckoutFieldConfig.from_dict(
                checkout_fields_item_data
            )

            checkout_fields.append(checkout_fields_item)

        client_config = cls(
            client=client,
            display_name=display_name,
            channels=channels,
            currencies=currencies,
            default_currency=default_currency,
            min_amount=min_amount,
            max_amount=max_amount,
            capture_mode=capture_mode,
            processors=processors,
            link_lifetime_seconds=link_lifetime_seconds,
            max_attempts=max_attempts,
            allowed_brands=allowed_brands,
            allowed_card_types=allowed_card_types,
            allowed_countries=allowed_countries,
            allowed_return_origins=allowed_return_origins,
            default_return_url=default_return_url,
            checkout_fields=checkout_fields,
        )

        client_config.additional_properties = d
        return client_config

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
