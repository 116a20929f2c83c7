from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.new_merchant_token_out_status import NewMerchantTokenOutStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewMerchantTokenOut")


@_attrs_define
class NewMerchantTokenOut:
    """
    Attributes:
        id (UUID):
        application_id (UUID): The Middleware application the token acts for.
        last4 (str): The token's last four characters, to tell it apart from the others.
        status (NewMerchantTokenOutStatus):
        created_at (datetime.datetime):
        token (str): The merchant token, shown in this answer only: Migo keeps its digest.
        revoked_at (datetime.datetime | None | Unset):
    """

    id: UUID
    application_id: UUID
    last4: str
    status: NewMerchantTokenOutStatus
    created_at: datetime.datetime
    token: str
    revoked_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        application_id = str(self.application_id)

        last4 = self.last4

        status = self.status.value

        created_at = self.created_at.isoformat()

        token = self.token

        revoked_at: None | str | Unset
        if isinstance(self.revoked_at, Unset):
            revoked_at = UNSET
        elif isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "applicationId": application_id,
                "last4": last4,
                "status": status,
                "createdAt": created_at,
                "token": token,
            }
        )
        if revoked_at is not UNSET:
            field_dict["revokedAt"] = revoked_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        application_id = UUID(d.pop("applicationId"))

        last4 = d.pop("last4")

        status = NewMerchantTokenOutStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        token = d.pop("token")

        def _parse_revoked_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        revoked_at = _parse_revoked_at(d.pop("revokedAt", UNSET))

        new_merchant_token_out = cls(
            id=id,
            application_id=application_id,
            last4=last4,
            status=status,
            created_at=created_at,
            token=token,
            revoked_at=revoked_at,
        )

        new_merchant_token_out.additional_properties = d
        return new_merchant_token_out

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
