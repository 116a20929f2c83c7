from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="BillingSettingsRequest")


@_attrs_define
class BillingSettingsRequest:
    """
    Attributes:
        grace_days (int): How long a past-due subscription stays usable.
        retry_days (list[int]): Days after the failed renewal on which it is tried again, ascending, within graceDays
            (for example [1, 3, 5]).
    """

    grace_days: int
    retry_days: list[int]

    def to_dict(self) -> dict[str, Any]:
        grace_days = self.grace_days

        retry_days = self.retry_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "graceDays": grace_days,
                "retryDays": retry_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        grace_days = d.pop("graceDays")

        retry_days = cast(list[int], d.pop("retryDays"))

        billing_settings_request = cls(
            grace_days=grace_days,
            retry_days=retry_days,
        )

        return billing_settings_request
