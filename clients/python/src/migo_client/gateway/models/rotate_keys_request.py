from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.rotate_keys_request_algorithm import RotateKeysRequestAlgorithm
from ..types import UNSET, Unset

T = TypeVar("T", bound="RotateKeysRequest")


@_attrs_define
class RotateKeysRequest:
    """
    Attributes:
        algorithm (RotateKeysRequestAlgorithm | Unset):  Default: RotateKeysRequestAlgorithm.HMAC_SHA256.
        public_key (None | str | Unset): ED25519 only: the raw 32-byte public key, base64.
        expires_in_days (int | Unset):  Default: 365.
    """

    algorithm: RotateKeysRequestAlgorithm | Unset = (
        RotateKeysRequestAlgorithm.HMAC_SHA256
    )
    public_key: None | str | Unset = UNSET
    expires_in_days: int | Unset = 365

    def to_dict(self) -> dict[str, Any]:
        algorithm: str | Unset = UNSET
        if not isinstance(self.algorithm, Unset):
            algorithm = self.algorithm.value

        public_key: None | str | Unset
        if isinstance(self.public_key, Unset):
            public_key = UNSET
        else:
            public_key = self.public_key

        expires_in_days = self.expires_in_days

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if algorithm is not UNSET:
            field_dict["algorithm"] = algorithm
        if public_key is not UNSET:
            field_dict["publicKey"] = public_key
        if expires_in_days is not UNSET:
            field_dict["expiresInDays"] = expires_in_days

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _algorithm = d.pop("algorithm", UNSET)
        algorithm: RotateKeysRequestAlgorithm | Unset
        if isinstance(_algorithm, Unset):
            algorithm = UNSET
        else:
            algorithm = RotateKeysRequestAlgorithm(_algorithm)

        def _parse_public_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        public_key = _parse_public_key(d.pop("publicKey", UNSET))

        expires_in_days = d.pop("expiresInDays", UNSET)

        rotate_keys_request = cls(
            algorithm=algorithm,
            public_key=public_key,
            expires_in_days=expires_in_days,
        )

        return rotate_keys_request
