from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.suspension_out_source import SuspensionOutSource

T = TypeVar("T", bound="SuspensionOut")


@_attrs_define
class SuspensionOut:
    """
    Attributes:
        id (UUID):
        user_id (str):
        type_ (str):
        reason (str):
        source (SuspensionOutSource):
        until (datetime.datetime | None):
        lifted_at (datetime.datetime | None):
        lift_reason (None | str):
        active (bool):
        created_at (datetime.datetime):
    """

    id: UUID
    user_id: str
    type_: str
    reason: str
    source: SuspensionOutSource
    until: datetime.datetime | None
    lifted_at: datetime.datetime | None
    lift_reason: None | str
    active: bool
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        user_id = self.user_id

        type_ = self.type_

        reason = self.reason

        source = self.source.value

        until: None | str
        if isinstance(self.until, datetime.datetime):
            until = self.until.isoformat()
        else:
            until = self.until

        lifted_at: None | str
        if isinstance(self.lifted_at, datetime.datetime):
            lifted_at = self.lifted_at.isoformat()
        else:
            lifted_at = self.lifted_at

        lift_reason: None | str
        lift_reason = self.lift_reason

        active = self.active

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "userId": user_id,
                "type": type_,
                "reason": reason,
                "source": source,
                "until": until,
                "liftedAt": lifted_at,
                "liftReason": lift_reason,
                "active": active,
                "createdAt": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        user_id = d.pop("userId")

        type_ = d.pop("type")

        reason = d.pop("reason")

        source = SuspensionOutSource(d.pop("source"))

        def _parse_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.datetime.fromisoformat(data)

                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        until = _parse_until(d.pop("until"))

        def _parse_lifted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lifted_at_type_0 = datetime.datetime.fromisoformat(data)

                return lifted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        lifted_at = _parse_lifted_at(d.pop("liftedAt"))

        def _parse_lift_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        lift_reason = _parse_lift_reason(d.pop("liftReason"))

        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        suspension_out = cls(
            id=id,
            user_id=user_id,
            type_=type_,
            reason=reason,
            source=source,
            until=until,
            lifted_at=lifted_at,
            lift_reason=lift_reason,
            active=active,
            created_at=created_at,
        )

        suspension_out.additional_properties = d
        return suspension_out

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
