from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_hook_link_request_custom_keys_type_0 import (
        CreateHookLinkRequestCustomKeysType0,
    )
    from ..models.create_hook_link_request_processor_amount_type_0 import (
        CreateHookLinkRequestProcessorAmountType0,
    )
    from ..models.create_hook_link_request_subscription_data_type_0 import (
        CreateHookLinkRequestSubscriptionDataType0,
    )


T = TypeVar("T", bound="CreateHookLinkRequest")


@_attrs_define
class CreateHookLinkRequest:
    """`POST /transactions-hook`: the application's key pair travels in the body.

    Attributes:
        amount (int): Subtotal in whole units of the currency; inside the client's range.
        user_id (str): The end customer in your domain, kept verbatim: on sms and wa a phone (8 to 15 digits, with or
            without a leading +), on email an email address, where Migo sends the link; on web and app any id.
        channel (str): How the link reaches the customer (wa, sms, email: Migo sends it; web, app: you deliver it); must
            be enabled for the client.
        client (str): Your client slug.
        private_key (str): Your private key.
        public_key (str): Your public key.
        ads (list[Any] | None | Unset): Reserved: send [] or leave out.
        currency (None | str | Unset): ISO 4217; missing or not enabled for the client: the client's first currency.
        processor_amount (CreateHookLinkRequestProcessorAmountType0 | None | Unset): Processor name → amount charged
            when that processor is used; each ≤ amount.
        custom_keys (CreateHookLinkRequestCustomKeysType0 | None | Unset): Your data, kept verbatim.
        external_id (None | str | Unset): Your id for this payment.
        created_by (None | str | Unset): Who created it (shown in dashboards).
        customer_id (None | str | Unset): Stored as additionalData.clientCode.
        subscription_data (CreateHookLinkRequestSubscriptionDataType0 | None | Unset): Stored as
            additionalData.subscriptionInfo.
        return_url (None | str | Unset): Where the checkout sends the customer back; its origin must be allowed for the
            client.
        locale (None | str | Unset): The language of the checkout: `es` or `en`. Left out: the partner's default, else
            the customer's browser's.
    """

    amount: int
    user_id: str
    channel: str
    client: str
    private_key: str
    public_key: str
    ads: list[Any] | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    processor_amount: CreateHookLinkRequestProcessorAmountType0 | None | Unset = UNSET
    custom_keys: CreateHookLinkRequestCustomKeysType0 | None | Unset = UNSET
    external_id: None | str | Unset = UNSET
    created_by: None | str | Unset = UNSET
    customer_id: None | str | Unset = UNSET
    subscription_data: CreateHookLinkRequestSubscriptionDataType0 | None | Unset = UNSET
    return_url: None | str | Unset = UNSET
    locale: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.create_hook_link_request_custom_keys_type_0 import (
            CreateHookLinkRequestCustomKeysType0,
        )
        from ..models.create_hook_link_request_processor_amount_type_0 import (
            CreateHookLinkRequestProcessorAmountType0,
        )
        from ..models.create_hook_link_request_subscription_data_type_0 import (
            CreateHookLinkRequestSubscriptionDataType0,
        )

        amount = self.amount

        user_id = self.user_id

        channel = self.channel

        client = self.client

        private_key = self.private_key

        public_key = self.public_key

        ads: list[Any] | None | Unset
        if isinstance(self.ads, Unset):
            ads = UNSET
        elif isinstance(self.ads, list):
            ads = self.ads

        else:
            ads = self.ads

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        processor_amount: dict[str, Any] | None | Unset
        if isinstance(self.processor_amount, Unset):
            processor_amount = UNSET
        elif isinstance(
            self.processor_amount, CreateHookLinkRequestProcessorAmountType0
        ):
            processor_amount = self.processor_amount.to_dict()
        else:
            processor_amount = self.processor_amount

        custom_keys: dict[str, Any] | None | Unset
        if isinstance(self.custom_keys, Unset):
            custom_keys = UNSET
        elif isinstance(self.custom_keys, CreateHookLinkRequestCustomKeysType0):
            custom_keys = self.custom_keys.to_dict()
        else:
            custom_keys = self.custom_keys

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = self.customer_id

        subscription_data: dict[str, Any] | None | Unset
        if isinstance(self.subscription_data, Unset):
            subscription_data = UNSET
        elif isinstance(
            self.subscription_data, CreateHookLinkRequestSubscriptionDataType0
        ):
            subscription_data = self.subscription_data.to_dict()
        else:
            subscription_data = self.subscription_data

        return_url: None | str | Unset
        if isinstance(self.return_url, Unset):
            return_url = UNSET
        else:
            return_url = self.return_url

        locale: None | str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        else:
            locale = self.locale

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "userId": user_id,
                "channel": channel,
                "client": client,
                "privateKey": private_key,
                "publicKey": public_key,
            }
        )
        if ads is not UNSET:
            field_dict["ads"] = ads
        if currency is not UNSET:
            field_dict["currency"] = currency
        if processor_amount is not UNSET:
            field_dict["processorAmount"] = processor_amount
        if custom_keys is not UNSET:
            field_dict["customKeys"] = custom_keys
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by
        if customer_id is not UNSET:
            field_dict["customerId"] = customer_id
        if subscription_data is not UNSET:
            field_dict["subscriptionData"] = subscription_data
        if return_url is not UNSET:
            field_dict["returnUrl"] = return_url
        if locale is not UNSET:
            field_dict["locale"] = locale

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.create_hook_link_request_custom_keys_type_0 import (
            CreateHookLinkRequestCustomKeysType0,
        )
        from ..models.create_hook_link_request_processor_amount_type_0 import (
            CreateHookLinkRequestProcessorAmountType0,
        )
        from ..models.create_hook_link_request_subscription_data_type_0 import (
            CreateHookLinkRequestSubscriptionDataType0,
        )

        d = dict(src_dict)
        amount = d.pop("amount")

        user_id = d.pop("userId")

        channel = d.pop("channel")

        client = d.pop("client")

        private_key = d.pop("privateKey")

        public_key = d.pop("publicKey")

        def _parse_ads(data: object) -> list[Any] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ads_type_0 = cast(list[Any], data)

                return ads_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | Unset, data)

        ads = _parse_ads(d.pop("ads", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_processor_amount(
            data: object,
        ) -> CreateHookLinkRequestProcessorAmountType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                processor_amount_type_0 = (
                    CreateHookLinkRequestProcessorAmountType0.from_dict(data)
                )

                return processor_amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateHookLinkRequestProcessorAmountType0 | None | Unset, data)

        processor_amount = _parse_processor_amount(d.pop("processorAmount", UNSET))

        def _parse_custom_keys(
            data: object,
        ) -> CreateHookLinkRequestCustomKeysType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_keys_type_0 = CreateHookLinkRequestCustomKeysType0.from_dict(
                    data
                )

                return custom_keys_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateHookLinkRequestCustomKeysType0 | None | Unset, data)

        custom_keys = _parse_custom_keys(d.pop("customKeys", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("externalId", UNSET))

        def _parse_created_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_by = _parse_created_by(d.pop("createdBy", UNSET))

        def _parse_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_id = _parse_customer_id(d.pop("customerId", UNSET))

        def _parse_subscription_data(
            data: object,
        ) -> CreateHookLinkRequestSubscriptionDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                subscription_data_type_0 = (
                    CreateHookLinkRequestSubscriptionDataType0.from_dict(data)
                )

                return subscription_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateHookLinkRequestSubscriptionDataType0 | None | Unset, data)

        subscription_data = _parse_subscription_data(d.pop("subscriptionData", UNSET))

        def _parse_return_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        return_url = _parse_return_url(d.pop("returnUrl", UNSET))

        def _parse_locale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        locale = _parse_locale(d.pop("locale", UNSET))

        create_hook_link_request = cls(
            amount=amount,
            user_id=user_id,
            channel=channel,
            client=client,
            private_key=private_key,
            public_key=public_key,
            ads=ads,
            currency=currency,
            processor_amount=processor_amount,
            custom_keys=custom_keys,
            external_id=external_id,
            created_by=created_by,
            customer_id=customer_id,
            subscription_data=subscription_data,
            return_url=return_url,
            locale=locale,
        )

        return create_hook_link_request
