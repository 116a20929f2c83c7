from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_rejection import DocumentRejection


T = TypeVar("T", bound="LeadRejection")


@_attrs_define
class LeadRejection:
    """A back-office reviewer's refusal: the documents named fall due again (the lead goes back to
    `DOCUMENTS_PENDING`); with no document named, the lead itself is refused (`REJECTED`, final).

        Attributes:
            reasons (list[DocumentRejection]):
            reason (None | str | Unset): Why the lead itself is refused (no document named), or a note on the decision: kept
                in the audit trail, not shown to the merchant.
    """

    reasons: list[DocumentRejection]
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reasons": reasons,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.document_rejection import DocumentRejection

        d = dict(src_dict)
        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = DocumentRejection.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        lead_rejection = cls(
            reasons=reasons,
            reason=reason,
        )

        return lead_rejection
