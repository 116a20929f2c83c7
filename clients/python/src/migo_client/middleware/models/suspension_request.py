from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.suspension_request_type import SuspensionRequestType
from ..types import UNSET, Unset

T = TypeVar("T", bound="SuspensionRequest")


@_attrs_define
class SuspensionRequest:
    """
    Attributes:
        client (str):
        user_id (str):
        type_ (SuspensionRequestType):
        reason (str):
        until (datetime.datetime | None | Unset): When it ends by itself (ISO 8601 with a time zone); never when left
            out.
    """

    client: str
    user_id: str
    type_: SuspensionRequestType
    reason: str
    until: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        client = self.client

        user_id = self.user_id

        type_ = self.type_.value

        reason = self.reason

        until: None | str | Unset
        if isinstance(self.until, Unset):
            until = UNSET
        elif isinstance(self.until, datetime.datetime):
            until = self.until.isoformat()
        else:
            until = self.until

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "client": client,
                "userId": user_id,
                "type": type_,
                "reason": reason,
            }
        )
        if until is not UNSET:
            field_dict["until"] = until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        client = d.pop("client")

        user_id = d.pop("userId")

        type_ = SuspensionRequestType(d.pop("type"))

        reason = d.pop("reason")

        def _parse_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.datetime.fromisoformat(data)

                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        until = _parse_until(d.pop("until", UNSET))

        suspension_request = cls(
            client=client,
            user_id=user_id,
            type_=type_,
            reason=reason,
            until=until,
        )

        return suspension_request
