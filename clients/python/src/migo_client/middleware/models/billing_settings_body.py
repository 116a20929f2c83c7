from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BillingSettingsBody")


@_attrs_define
class BillingSettingsBody:
    """A client's defaults for plans that leave graceDays or retryDays out.

    Attributes:
        grace_days (int): How long a past-due subscription stays usable.
        retry_days (list[int]): Days after the failed renewal on which it is tried again, ascending, within graceDays
            (for example [1, 3, 5]).
    """

    grace_days: int
    retry_days: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grace_days = self.grace_days

        retry_days = self.retry_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        billing_settings_body = cls(
            grace_days=grace_days,
            retry_days=retry_days,
        )

        billing_settings_body.additional_properties = d
        return billing_settings_body

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
