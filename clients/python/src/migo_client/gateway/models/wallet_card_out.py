from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wallet_card_out_permissions_item import WalletCardOutPermissionsItem
from ..models.wallet_card_out_status import WalletCardOutStatus

T = TypeVar("T", bound="WalletCardOut")


@_attrs_define
class WalletCardOut:
    """A card in a cardholder's wallet: the card as `GET /cards/{cardId}` shows it, with the holder's own access
    to it.

        Attributes:
            card_id (UUID):
            masked_pan (str):
            bin_ (str):
            last4 (str):
            status (WalletCardOutStatus):
            alias (None | str):
            balance (None | str): Null when the calling cardholder was given the card without `view`.
            available_balance (None | str): Null when the calling cardholder was given the card without `view`.
            currency (str):
            expiry_month (int):
            expiry_year (int):
            embossed_name (None | str):
            owner_user_id (None | UUID):
            permissions (list[WalletCardOutPermissionsItem]): The wallet holder's permissions on the card (an owner's: all
                three), whoever reads the wallet.
            pin_set (bool):
            activated_at (datetime.datetime | None):
            created_at (datetime.datetime):
            is_owner (bool): The holder owns the card; false: its owner shared it with them.
    """

    card_id: UUID
    masked_pan: str
    bin_: str
    last4: str
    status: WalletCardOutStatus
    alias: None | str
    balance: None | str
    available_balance: None | str
    currency: str
    expiry_month: int
    expiry_year: int
    embossed_name: None | str
    owner_user_id: None | UUID
    permissions: list[WalletCardOutPermissionsItem]
    pin_set: bool
    activated_at: datetime.datetime | None
    created_at: datetime.datetime
    is_owner: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        card_id = str(self.card_id)

        masked_pan = self.masked_pan

        bin_ = self.bin_

        last4 = self.last4

        status = self.status.value

        alias: None | str
        alias = self.alias

        balance: None | str
        balance = self.balance

        available_balance: None | str
        available_balance = self.available_balance

        currency = self.currency

        expiry_month = self.expiry_month

        expiry_year = self.expiry_year

        embossed_name: None | str
        embossed_name = self.embossed_name

        owner_user_id: None | str
        if isinstance(self.owner_user_id, UUID):
            owner_user_id = str(self.owner_user_id)
        else:
            owner_user_id = self.owner_user_id

        permissions = []
        for permissions_item_data in self.permissions:
            permissions_item = permissions_item_data.value
            permissions.append(permissions_item)

        pin_set = self.pin_set

        activated_at: None | str
        if isinstance(self.activated_at, datetime.datetime):
            activated_at = self.activated_at.isoformat()
        else:
            activated_at = self.activated_at

        created_at = self.created_at.isoformat()

        is_owner = self.is_owner

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cardId": card_id,
                "maskedPan": masked_pan,
                "bin": bin_,
                "last4": last4,
                "status": status,
                "alias": alias,
                "balance": balance,
                "availableBalance": available_balance,
                "currency": currency,
                "expiryMonth": expiry_month,
                "expiryYear": expiry_year,
                "embossedName": embossed_name,
                "ownerUserId": owner_user_id,
                "permissions": permissions,
                "pinSet": pin_set,
                "activatedAt": activated_at,
                "createdAt": created_at,
                "isOwner": is_owner,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        card_id = UUID(d.pop("cardId"))

        masked_pan = d.pop("maskedPan")

        bin_ = d.pop("bin")

        last4 = d.pop("last4")

        status = WalletCardOutStatus(d.pop("status"))

        def _parse_alias(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        alias = _parse_alias(d.pop("alias"))

        def _parse_balance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        balance = _parse_balance(d.pop("balance"))

        def _parse_available_balance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        available_balance = _parse_available_balance(d.pop("availableBalance"))

        currency = d.pop("currency")

        expiry_month = d.pop("expiryMonth")

        expiry_year = d.pop("expiryYear")

        def _parse_embossed_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        embossed_name = _parse_embossed_name(d.pop("embossedName"))

        def _parse_owner_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_user_id_type_0 = UUID(data)

                return owner_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        owner_user_id = _parse_owner_user_id(d.pop("ownerUserId"))

        permissions = []
        _permissions = d.pop("permissions")
        for permissions_item_data in _permissions:
            permissions_item = WalletCardOutPermissionsItem(permissions_item_data)

            permissions.append(permissions_item)

        pin_set = d.pop("pinSet")

        def _parse_activated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activated_at_type_0 = datetime.datetime.fromisoformat(data)

                return activated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        activated_at = _parse_activated_at(d.pop("activatedAt"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        is_owner = d.pop("isOwner")

        wallet_card_out = cls(
            card_id=card_id,
            masked_pan=masked_pan,
            bin_=bin_,
            last4=last4,
            status=status,
            alias=alias,
            balance=balance,
            available_balance=available_balance,
            currency=currency,
            expiry_month=expiry_month,
            expiry_year=expiry_year,
            embossed_name=embossed_name,
            owner_user_id=owner_user_id,
            permissions=permissions,
            pin_set=pin_set,
            activated_at=activated_at,
            created_at=created_at,
            is_owner=is_owner,
        )

        wallet_card_out.additional_properties = d
        return wallet_card_out

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
