from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.subscription_out import SubscriptionOut
    from ..models.verified_card import VerifiedCard


T = TypeVar("T", bound="VerifyCardOut")


@_attrs_define
class VerifyCardOut:
    """
    Attributes:
        verified (bool):
        card_token (None | str): Reusable for this client and userId; null when not verified.
        card (VerifiedCard):
        decline_code (None | str):
        decline_reason (None | str):
        subscription (None | SubscriptionOut): With shouldCreateSubscription: the new subscription; null when the first
            charge was declined.
    """

    verified: bool
    card_token: None | str
    card: VerifiedCard
    decline_code: None | str
    decline_reason: None | str
    subscription: None | SubscriptionOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.subscription_out import SubscriptionOut

        verified = self.verified

        card_token: None | str
        card_token = self.card_token

        card = self.card.to_dict()

        decline_code: None | str
        decline_code = self.decline_code

        decline_reason: None | str
        decline_reason = self.decline_reason

        subscription: dict[str, Any] | None
        if isinstance(self.subscription, SubscriptionOut):
            subscription = self.subscription.to_dict()
        else:
            subscription = self.subscription

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "verified": verified,
                "cardToken": card_token,
                "card": card,
                "declineCode": decline_code,
                "declineReason": decline_reason,
                "subscription": subscription,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.subscription_out import SubscriptionOut
        from ..models.verified_card import VerifiedCard

        d = dict(src_dict)
        verified = d.pop("verified")

        def _parse_card_token(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        card_token = _parse_card_token(d.pop("cardToken"))

        card = VerifiedCard.from_dict(d.pop("card"))

        def _parse_decline_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decline_code = _parse_decline_code(d.pop("declineCode"))

        def _parse_decline_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decline_reason = _parse_decline_reason(d.pop("declineReason"))

        def _parse_subscription(data: object) -> None | SubscriptionOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                subscription_type_0 = SubscriptionOut.from_dict(data)

                return subscription_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubscriptionOut, data)

        subscription = _parse_subscription(d.pop("subscription"))

        verify_card_out = cls(
            verified=verified,
            card_token=card_token,
            card=card,
            decline_code=decline_code,
            decline_reason=decline_reason,
            subscription=subscription,
        )

        verify_card_out.additional_properties = d
        return verify_card_out

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
