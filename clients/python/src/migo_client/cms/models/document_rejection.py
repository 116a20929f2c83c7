from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="DocumentRejection")


@_attrs_define
class DocumentRejection:
    """
    Attributes:
        document_id (UUID): A document of the lead.
        reason (str): Why it is refused, for the merchant.
    """

    document_id: UUID
    reason: str

    def to_dict(self) -> dict[str, Any]:
        document_id = str(self.document_id)

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "documentId": document_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        document_id = UUID(d.pop("documentId"))

        reason = d.pop("reason")

        document_rejection = cls(
            document_id=document_id,
            reason=reason,
        )

        return document_rejection
