from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_out_interval import SubscriptionOutInterval
from ..models.subscription_out_status import SubscriptionOutStatus

if TYPE_CHECKING:
    from ..models.card_summary import CardSummary
    from ..models.renewal import Renewal
    from ..models.subscription_out_metadata_type_0 import SubscriptionOutMetadataType0


T = TypeVar("T", bound="SubscriptionOut")


@_attrs_define
class SubscriptionOut:
    """
    Attributes:
        id (UUID):
        client (str):
        plan_id (UUID):
        user_id (str):
        status (SubscriptionOutStatus):
        amount (int):
        currency (str):
        interval (SubscriptionOutInterval):
        interval_count (int):
        current_period_start (datetime.datetime):
        current_period_end (datetime.datetime):
        trial_end (datetime.datetime | None):
        cancel_at_period_end (bool):
        card (CardSummary):
        renewal (Renewal): Renewal tracking: the attempts at the unpaid period while the subscription is past due.
        paused_at (datetime.datetime | None):
        ended_at (datetime.datetime | None):
        external_id (None | str):
        metadata (None | SubscriptionOutMetadataType0):
        created_at (datetime.datetime):
    """

    id: UUID
    client: str
    plan_id: UUID
    user_id: str
    status: SubscriptionOutStatus
    amount: int
    currency: str
    interval: SubscriptionOutInterval
    interval_count: int
    current_period_start: datetime.datetime
    current_period_end: datetime.datetime
    trial_end: datetime.datetime | None
    cancel_at_period_end: bool
    card: CardSummary
    renewal: Renewal
    paused_at: datetime.datetime | None
    ended_at: datetime.datetime | None
    external_id: None | str
    metadata: None | SubscriptionOutMetadataType0
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.subscription_out_metadata_type_0 import (
            SubscriptionOutMetadataType0,
        )

        id = str(self.id)

        client = self.client

        plan_id = str(self.plan_id)

        user_id = self.user_id

        status = self.status.value

        amount = self.amount

        currency = self.currency

        interval = self.interval.value

        interval_count = self.interval_count

        current_period_start = self.current_period_start.isoformat()

        current_period_end = self.current_period_end.isoformat()

        trial_end: None | str
        if isinstance(self.trial_end, datetime.datetime):
            trial_end = self.trial_end.isoformat()
        else:
            trial_end = self.trial_end

        cancel_at_period_end = self.cancel_at_period_end

        card = self.card.to_dict()

        renewal = self.renewal.to_dict()

        paused_at: None | str
        if isinstance(self.paused_at, datetime.datetime):
            paused_at = self.paused_at.isoformat()
        else:
            paused_at = self.paused_at

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        external_id: None | str
        external_id = self.external_id

        metadata: dict[str, Any] | None
        if isinstance(self.metadata, SubscriptionOutMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "client": client,
                "planId": plan_id,
                "userId": user_id,
                "status": status,
                "amount": amount,
                "currency": currency,
                "interval": interval,
                "intervalCount": interval_count,
                "currentPeriodStart": current_period_start,
                "currentPeriodEnd": current_period_end,
                "trialEnd": trial_end,
                "cancelAtPeriodEnd": cancel_at_period_end,
                "card": card,
                "renewal": renewal,
                "pausedAt": paused_at,
                "endedAt": ended_at,
                "externalId": external_id,
                "metadata": metadata,
                "createdAt": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.card_summary import CardSummary
        from ..models.renewal import Renewal
        from ..models.subscription_out_metadata_type_0 import (
            SubscriptionOutMetadataType0,
        )

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        client = d.pop("client")

        plan_id = UUID(d.pop("planId"))

        user_id = d.pop("userId")

        status = SubscriptionOutStatus(d.pop("status"))

        amount = d.pop("amount")

        currency = d.pop("currency")

        interval = SubscriptionOutInterval(d.pop("interval"))

        interval_count = d.pop("intervalCount")

        current_period_start = datetime.datetime.fromisoformat(
            d.pop("currentPeriodStart")
        )

        current_period_end = datetime.datetime.fromisoformat(d.pop("currentPeriodEnd"))

        def _parse_trial_end(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trial_end_type_0 = datetime.datetime.fromisoformat(data)

                return trial_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        trial_end = _parse_trial_end(d.pop("trialEnd"))

        cancel_at_period_end = d.pop("cancelAtPeriodEnd")

        card = CardSummary.from_dict(d.pop("card"))

        renewal = Renewal.from_dict(d.pop("renewal"))

        def _parse_paused_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paused_at_type_0 = datetime.datetime.fromisoformat(data)

                return paused_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paused_at = _parse_paused_at(d.pop("pausedAt"))

        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("endedAt"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("externalId"))

        def _parse_metadata(data: object) -> None | SubscriptionOutMetadataType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = SubscriptionOutMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubscriptionOutMetadataType0, data)

        metadata = _parse_metadata(d.pop("metadata"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        subscription_out = cls(
            id=id,
            client=client,
            plan_id=plan_id,
            user_id=user_id,
            status=status,
            amount=amount,
            currency=currency,
            interval=interval,
            interval_count=interval_count,
            current_period_start=current_period_start,
            current_period_end=current_period_end,
            trial_end=trial_end,
            cancel_at_period_end=cancel_at_period_end,
            card=card,
            renewal=renewal,
            paused_at=paused_at,
            ended_at=ended_at,
            external_id=external_id,
            metadata=metadata,
            created_at=created_at,
        )

        subscription_out.additional_properties = d
        return subscription_out

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
