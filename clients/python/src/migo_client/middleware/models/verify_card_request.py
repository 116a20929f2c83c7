from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.card_input import CardInput
    from ..models.verify_card_request_metadata_type_0 import (
        VerifyCardRequestMetadataType0,
    )


T = TypeVar("T", bound="VerifyCardRequest")


@_attrs_define
class VerifyCardRequest:
    """
    Attributes:
        client (str):
        user_id (str):
        plan_id (None | Unset | UUID): Required with shouldCreateSubscription.
        should_create_subscription (bool | Unset):  Default: False.
        card (CardInput | None | Unset): Sandbox only: the card as typed.
        card_token (None | str | Unset): A card this client already verified for this userId.
        three_ds_code (None | str | Unset): Sandbox: the answer to a 3-D Secure test card's challenge (123456 passes).
        external_id (None | str | Unset):
        metadata (None | Unset | VerifyCardRequestMetadataType0):
    """

    client: str
    user_id: str
    plan_id: None | Unset | UUID = UNSET
    should_create_subscription: bool | Unset = False
    card: CardInput | None | Unset = UNSET
    card_token: None | str | Unset = UNSET
    three_ds_code: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    metadata: None | Unset | VerifyCardRequestMetadataType0 = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.card_input import CardInput
        from ..models.verify_card_request_metadata_type_0 import (
            VerifyCardRequestMetadataType0,
        )

        client = self.client

        user_id = self.user_id

        plan_id: None | str | Unset
        if isinstance(self.plan_id, Unset):
            plan_id = UNSET
        elif isinstance(self.plan_id, UUID):
            plan_id = str(self.plan_id)
        else:
            plan_id = self.plan_id

        should_create_subscription = self.should_create_subscription

        card: dict[str, Any] | None | Unset
        if isinstance(self.card, Unset):
            card = UNSET
        elif isinstance(self.card, CardInput):
            card = self.card.to_dict()
        else:
            card = self.card

        card_token: None | str | Unset
        if isinstance(self.card_token, Unset):
            card_token = UNSET
        else:
            card_token = self.card_token

        three_ds_code: None | str | Unset
        if isinstance(self.three_ds_code, Unset):
            three_ds_code = UNSET
        else:
            three_ds_code = self.three_ds_code

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, VerifyCardRequestMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "client": client,
                "userId": user_id,
            }
        )
        if plan_id is not UNSET:
            field_dict["planId"] = plan_id
        if should_create_subscription is not UNSET:
            field_dict["shouldCreateSubscription"] = should_create_subscription
        if card is not UNSET:
            field_dict["card"] = card
        if card_token is not UNSET:
            field_dict["cardToken"] = card_token
        if three_ds_code is not UNSET:
            field_dict["threeDsCode"] = three_ds_code
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.card_input import CardInput
        from ..models.verify_card_request_metadata_type_0 import (
            VerifyCardRequestMetadataType0,
        )

        d = dict(src_dict)
        client = d.pop("client")

        user_id = d.pop("userId")

        def _parse_plan_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plan_id_type_0 = UUID(data)

                return plan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        plan_id = _parse_plan_id(d.pop("planId", UNSET))

        should_create_subscription = d.pop("shouldCreateSubscription", UNSET)

        def _parse_card(data: object) -> CardInput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                card_type_0 = CardInput.from_dict(data)

                return card_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CardInput | None | Unset, data)

        card = _parse_card(d.pop("card", UNSET))

        def _parse_card_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        card_token = _parse_card_token(d.pop("cardToken", UNSET))

        def _parse_three_ds_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        three_ds_code = _parse_three_ds_code(d.pop("threeDsCode", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("externalId", UNSET))

        def _parse_metadata(
            data: object,
        ) -> None | Unset | VerifyCardRequestMetadataType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = VerifyCardRequestMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VerifyCardRequestMetadataType0, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        verify_card_request = cls(
            client=client,
            user_id=user_id,
            plan_id=plan_id,
            should_create_subscription=should_create_subscription,
            card=card,
            card_token=card_token,
            three_ds_code=three_ds_code,
            external_id=external_id,
            metadata=metadata,
        )

        return verify_card_request
