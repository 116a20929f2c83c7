from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.plan_request_interval import PlanRequestInterval
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanRequest")


@_attrs_define
class PlanRequest:
    """
    Attributes:
        client (str):
        name (str):
        amount (int): Charged each period, in whole units of the currency.
        currency (str): ISO 4217, enabled for the client.
        interval (PlanRequestInterval):
        interval_count (int | Unset): Periods of `interval` per charge. Default: 1.
        trial_days (int | Unset):  Default: 0.
        grace_days (int | None | Unset): Left out: the client's default (billing settings).
        retry_days (list[int] | None | Unset): Left out: the client's default (billing settings).
    """

    client: str
    name: str
    amount: int
    currency: str
    interval: PlanRequestInterval
    interval_count: int | Unset = 1
    trial_days: int | Unset = 0
    grace_days: int | None | Unset = UNSET
    retry_days: list[int] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        client = self.client

        name = self.name

        amount = self.amount

        currency = self.currency

        interval = self.interval.value

        interval_count = self.interval_count

        trial_days = self.trial_days

        grace_days: int | None | Unset
        if isinstance(self.grace_days, Unset):
            grace_days = UNSET
        else:
            grace_days = self.grace_days

        retry_days: list[int] | None | Unset
        if isinstance(self.retry_days, Unset):
            retry_days = UNSET
        elif isinstance(self.retry_days, list):
            retry_days = self.retry_days

        else:
            retry_days = self.retry_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "client": client,
                "name": name,
                "amount": amount,
                "currency": currency,
                "interval": interval,
            }
        )
        if interval_count is not UNSET:
            field_dict["intervalCount"] = interval_count
        if trial_days is not UNSET:
            field_dict["trialDays"] = trial_days
        if grace_days is not UNSET:
            field_dict["graceDays"] = grace_days
        if retry_days is not UNSET:
            field_dict["retryDays"] = retry_days

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        client = d.pop("client")

        name = d.pop("name")

        amount = d.pop("amount")

        currency = d.pop("currency")

        interval = PlanRequestInterval(d.pop("interval"))

        interval_count = d.pop("intervalCount", UNSET)

        trial_days = d.pop("trialDays", UNSET)

        def _parse_grace_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        grace_days = _parse_grace_days(d.pop("graceDays", UNSET))

        def _parse_retry_days(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                retry_days_type_0 = cast(list[int], data)

                return retry_days_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        retry_days = _parse_retry_days(d.pop("retryDays", UNSET))

        plan_request = cls(
            client=client,
            name=name,
            amount=amount,
            currency=currency,
            interval=interval,
            interval_count=interval_count,
            trial_days=trial_days,
            grace_days=grace_days,
            retry_days=retry_days,
        )

        return plan_request
