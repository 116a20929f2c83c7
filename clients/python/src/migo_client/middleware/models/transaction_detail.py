from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transaction_detail_capturemode import TransactionDetailCapturemode
from ..models.transaction_detail_status import TransactionDetailStatus

if TYPE_CHECKING:
    from ..models.link_notification import LinkNotification
    from ..models.transaction_detail_additionaldata import (
        TransactionDetailAdditionaldata,
    )
    from ..models.transaction_detail_custom_keys_type_0 import (
        TransactionDetailCustomKeysType0,
    )
    from ..models.transaction_detail_processor_amount_type_0 import (
        TransactionDetailProcessorAmountType0,
    )


T = TypeVar("T", bound="TransactionDetail")


@_attrs_define
class TransactionDetail:
    """A payment link, with how Migo's message carrying it went.

    Attributes:
        uid (str):
        reference (str):
        status (TransactionDetailStatus):
        client (str):
        amount (int):
        currency (str):
        user_id (str):
        channel (str):
        external_id (None | str):
        created_by (None | str):
        custom_keys (None | TransactionDetailCustomKeysType0):
        processor_amount (None | TransactionDetailProcessorAmountType0):
        additional_data (TransactionDetailAdditionaldata):
        capture_mode (TransactionDetailCapturemode):
        authorized_amount (int):
        captured_amount (int):
        refunded_amount (int):
        processor (None | str):
        installments (int | None):
        authorization_code (None | str):
        last4 (None | str):
        brand (None | str):
        decline_code (None | str):
        attempts (int):
        url (str):
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
        authorized_at (datetime.datetime | None):
        captured_at (datetime.datetime | None):
        notification (LinkNotification | None): Links on sms, wa and email only; null for the channels the merchant
            delivers itself.
    """

    uid: str
    reference: str
    status: TransactionDetailStatus
    client: str
    amount: int
    currency: str
    user_id: str
    channel: str
    external_id: None | str
    created_by: None | str
    custom_keys: None | TransactionDetailCustomKeysType0
    processor_amount: None | TransactionDetailProcessorAmountType0
    additional_data: TransactionDetailAdditionaldata
    capture_mode: TransactionDetailCapturemode
    authorized_amount: int
    captured_amount: int
    refunded_amount: int
    processor: None | str
    installments: int | None
    authorization_code: None | str
    last4: None | str
    brand: None | str
    decline_code: None | str
    attempts: int
    url: str
    created_at: datetime.datetime
    expires_at: datetime.datetime
    authorized_at: datetime.datetime | None
    captured_at: datetime.datetime | None
    notification: LinkNotification | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.link_notification import LinkNotification
        from ..models.transaction_detail_custom_keys_type_0 import (
            TransactionDetailCustomKeysType0,
        )
        from ..models.transaction_detail_processor_amount_type_0 import (
            TransactionDetailProcessorAmountType0,
        )

        uid = self.uid

        reference = self.reference

        status = self.status.value

        client = self.client

        amount = self.amount

        currency = self.currency

        user_id = self.user_id

        channel = self.channel

        external_id: None | str
        external_id = self.external_id

        created_by: None | str
        created_by = self.created_by

        custom_keys: dict[str, Any] | None
        if isinstance(self.custom_keys, TransactionDetailCustomKeysType0):
            custom_keys = self.custom_keys.to_dict()
        else:
            custom_keys = self.custom_keys

        processor_amount: dict[str, Any] | None
        if isinstance(self.processor_amount, TransactionDetailProcessorAmountType0):
            processor_amount = self.processor_amount.to_dict()
        else:
            processor_amount = self.processor_amount

        additional_data = self.additional_data.to_dict()

        capture_mode = self.capture_mode.value

        authorized_amount = self.authorized_amount

        captured_amount = self.captured_amount

        refunded_amount = self.refunded_amount

        processor: None | str
        processor = self.processor

        installments: int | None
        installments = self.installments

        authorization_code: None | str
        authorization_code = self.authorization_code

        last4: None | str
        last4 = self.last4

        brand: None | str
        brand = self.brand

        decline_code: None | str
        decline_code = self.decline_code

        attempts = self.attempts

        url = self.url

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        authorized_at: None | str
        if isinstance(self.authorized_at, datetime.datetime):
            authorized_at = self.authorized_at.isoformat()
        else:
            authorized_at = self.authorized_at

        captured_at: None | str
        if isinstance(self.captured_at, datetime.datetime):
            captured_at = self.captured_at.isoformat()
        else:
            captured_at = self.captured_at

        notification: dict[str, Any] | None
        if isinstance(self.notification, LinkNotification):
            notification = self.notification.to_dict()
        else:
            notification = self.notification

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uid": uid,
                "reference": reference,
                "status": status,
                "client": client,
                "amount": amount,
                "currency": currency,
                "userId": user_id,
                "channel": channel,
                "externalId": external_id,
                "createdBy": created_by,
                "customKeys": custom_keys,
                "processorAmount": processor_amount,
                "additionalData": additional_data,
                "captureMode": capture_mode,
                "authorizedAmount": authorized_amount,
                "capturedAmount": captured_amount,
                "refundedAmount": refunded_amount,
                "processor": processor,
                "installments": installments,
                "authorizationCode": authorization_code,
                "last4": last4,
                "brand": brand,
                "declineCode": decline_code,
                "attempts": attempts,
                "URL": url,
                "createdAt": created_at,
                "expiresAt": expires_at,
                "authorizedAt": authorized_at,
                "capturedAt": captured_at,
                "notification": notification,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.link_notification import LinkNotification
        from ..models.transaction_detail_additionaldata import (
            TransactionDetailAdditionaldata,
        )
        from ..models.transaction_detail_custom_keys_type_0 import (
            TransactionDetailCustomKeysType0,
        )
        from ..models.transaction_detail_processor_amount_type_0 import (
            TransactionDetailProcessorAmountType0,
        )

        d = dict(src_dict)
        uid = d.pop("uid")

        reference = d.pop("reference")

        status = TransactionDetailStatus(d.pop("status"))

        client = d.pop("client")

        amount = d.pop("amount")

        currency = d.pop("currency")

        user_id = d.pop("userId")

        channel = d.pop("channel")

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("externalId"))

        def _parse_created_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_by = _parse_created_by(d.pop("createdBy"))

        def _parse_custom_keys(data: object) -> None | TransactionDetailCustomKeysType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_keys_type_0 = TransactionDetailCustomKeysType0.from_dict(data)

                return custom_keys_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TransactionDetailCustomKeysType0, data)

        custom_keys = _parse_custom_keys(d.pop("customKeys"))

        def _parse_processor_amount(
            data: object,
        ) -> None | TransactionDetailProcessorAmountType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                processor_amount_type_0 = (
                    TransactionDetailProcessorAmountType0.from_dict(data)
                )

                return processor_amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TransactionDetailProcessorAmountType0, data)

        processor_amount = _parse_processor_amount(d.pop("processorAmount"))

        additional_data = TransactionDetailAdditionaldata.from_dict(
            d.pop("additionalData")
        )

        capture_mode = TransactionDetailCapturemode(d.pop("captureMode"))

        authorized_amount = d.pop("authorizedAmount")

        captured_amount = d.pop("capturedAmount")

        refunded_amount = d.pop("refundedAmount")

        def _parse_processor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        processor = _parse_processor(d.pop("processor"))

        def _parse_installments(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        installments = _parse_installments(d.pop("installments"))

        def _parse_authorization_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        authorization_code = _parse_authorization_code(d.pop("authorizationCode"))

        def _parse_last4(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last4 = _parse_last4(d.pop("last4"))

        def _parse_brand(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        brand = _parse_brand(d.pop("brand"))

        def _parse_decline_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decline_code = _parse_decline_code(d.pop("declineCode"))

        attempts = d.pop("attempts")

        url = d.pop("URL")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expiresAt"))

        def _parse_authorized_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                authorized_at_type_0 = datetime.datetime.fromisoformat(data)

                return authorized_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        authorized_at = _parse_authorized_at(d.pop("authorizedAt"))

        def _parse_captured_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                captured_at_type_0 = datetime.datetime.fromisoformat(data)

                return captured_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        captured_at = _parse_captured_at(d.pop("capturedAt"))

        def _parse_notification(data: object) -> LinkNotification | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                notification_type_0 = LinkNotification.from_dict(data)

                return notification_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LinkNotification | None, data)

        notification = _parse_notification(d.pop("notification"))

        transaction_detail = cls(
            uid=uid,
            reference=reference,
            status=status,
            client=client,
            amount=amount,
            currency=currency,
            user_id=user_id,
            channel=channel,
            external_id=external_id,
            created_by=created_by,
            custom_keys=custom_keys,
            processor_amount=processor_amount,
            additional_data=additional_data,
            capture_mode=capture_mode,
            authorized_amount=authorized_amount,
            captured_amount=captured_amount,
            refunded_amount=refunded_amount,
            processor=processor,
            installments=installments,
            authorization_code=authorization_code,
            last4=last4,
            brand=brand,
            decline_code=decline_code,
            attempts=attempts,
            url=url,
            created_at=created_at,
            expires_at=expires_at,
            authorized_at=authorized_at,
            captured_at=captured_at,
            notification=notification,
        )

        transaction_detail.additional_properties = d
        return transaction_detail

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
