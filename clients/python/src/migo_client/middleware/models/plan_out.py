from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_out_interval import PlanOutInterval

T = TypeVar("T", bound="PlanOut")


@_attrs_define
class PlanOut:
    """
    Attributes:
        id (UUID):
        client (str):
        name (str):
        amount (int):
        currency (str):
        interval (PlanOutInterval):
        interval_count (int):
        trial_days (int):
        grace_days (int | None): null: the client's default applies.
        retry_days (list[int] | None): null: the client's default applies.
        active (bool):
        created_at (datetime.datetime):
        updated_at (datetime.datetime | None):
    """

    id: UUID
    client: str
    name: str
    amount: int
    currency: str
    interval: PlanOutInterval
    interval_count: int
    trial_days: int
    grace_days: int | None
    retry_days: list[int] | None
    active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        client = self.client

        name = self.name

        amount = self.amount

        currency = self.currency

        interval = self.interval.value

        interval_count = self.interval_count

        trial_days = self.trial_days

        grace_days: int | None
        grace_days = self.grace_days

        retry_days: list[int] | None
        if isinstance(self.retry_days, list):
            retry_days = self.retry_days

        else:
            retry_days = self.retry_days

        active = self.active

        created_at = self.created_at.isoformat()

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "client": client,
                "name": name,
                "amount": amount,
                "currency": currency,
                "interval": interval,
                "intervalCount": interval_count,
                "trialDays": trial_days,
                "graceDays": grace_days,
                "retryDays": retry_days,
                "active": active,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        client = d.pop("client")

        name = d.pop("name")

        amount = d.pop("amount")

        currency = d.pop("currency")

        interval = PlanOutInterval(d.pop("interval"))

        interval_count = d.pop("intervalCount")

        trial_days = d.pop("trialDays")

        def _parse_grace_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        grace_days = _parse_grace_days(d.pop("graceDays"))

        def _parse_retry_days(data: object) -> list[int] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                retry_days_type_0 = cast(list[int], data)

                return retry_days_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None, data)

        retry_days = _parse_retry_days(d.pop("retryDays"))

        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updatedAt"))

        plan_out = cls(
            id=id,
            client=client,
            name=name,
            amount=amount,
            currency=currency,
            interval=interval,
            interval_count=interval_count,
            trial_days=trial_days,
            grace_days=grace_days,
            retry_days=retry_days,
            active=active,
            created_at=created_at,
            updated_at=updated_at,
        )

        plan_out.additional_properties = d
        return plan_out

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
