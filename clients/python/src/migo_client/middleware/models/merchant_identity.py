from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.merchant_identity_environment import MerchantIdentityEnvironment

T = TypeVar("T", bound="MerchantIdentity")


@_attrs_define
class MerchantIdentity:
    """
    Attributes:
        client (str):
        application_id (UUID):
        environment (MerchantIdentityEnvironment):
    """

    client: str
    application_id: UUID
    environment: MerchantIdentityEnvironment
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client = self.client

        application_id = str(self.application_id)

        environment = self.environment.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client": client,
                "applicationId": application_id,
                "environment": environment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        client = d.pop("client")

        application_id = UUID(d.pop("applicationId"))

        environment = MerchantIdentityEnvironment(d.pop("environment"))

        merchant_identity = cls(
            client=client,
            application_id=application_id,
            environment=environment,
        )

        merchant_identity.additional_properties = d
        return merchant_identity

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
