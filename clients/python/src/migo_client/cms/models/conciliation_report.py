from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.amount_mismatch import AmountMismatch
    from ..models.missing_on_our_side import MissingOnOurSide
    from ..models.missing_on_theirs import MissingOnTheirs


T = TypeVar("T", bound="ConciliationReport")


@_attrs_define
class ConciliationReport:
    """
    Attributes:
        batch_id (UUID):
        source (str): The processor whose file it is.
        settled_from (datetime.date | None): The first day (UTC) of the file's settledAt; None: no good line.
        settled_to (datetime.date | None): The last day (UTC) of the file's settledAt, inclusive.
        matched (int): Lines whose payment has the same amount and currency.
        amount_mismatch (list[AmountMismatch]):
        missing_on_our_side (list[MissingOnOurSide]): Lines whose reference names no payment of ours (nor of the
            partner's) for this processor.
        missing_on_theirs (list[MissingOnTheirs]): Our captures by this processor within settledFrom..settledTo that no
            `settled` line names.
    """

    batch_id: UUID
    source: str
    settled_from: datetime.date | None
    settled_to: datetime.date | None
    matched: int
    amount_mismatch: list[AmountMismatch]
    missing_on_our_side: list[MissingOnOurSide]
    missing_on_theirs: list[MissingOnTheirs]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        batch_id = str(self.batch_id)

        source = self.source

        settled_from: None | str
        if isinstance(self.settled_from, datetime.date):
            settled_from = self.settled_from.isoformat()
        else:
            settled_from = self.settled_from

        settled_to: None | str
        if isinstance(self.settled_to, datetime.date):
            settled_to = self.settled_to.isoformat()
        else:
            settled_to = self.settled_to

        matched = self.matched

        amount_mismatch = []
        for amount_mismatch_item_data in self.amount_mismatch:
            amount_mismatch_item = amount_mismatch_item_data.to_dict()
            amount_mismatch.append(amount_mismatch_item)

        missing_on_our_side = []
        for missing_on_our_side_item_data in self.missing_on_our_side:
            missing_on_our_side_item = missing_on_our_side_item_data.to_dict()
            missing_on_our_side.append(missing_on_our_side_item)

        missing_on_theirs = []
        for missing_on_theirs_item_data in self.missing_on_theirs:
            missing_on_theirs_item = missing_on_theirs_item_data.to_dict()
            missing_on_theirs.append(missing_on_theirs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "batchId": batch_id,
                "source": source,
                "settledFrom": settled_from,
                "settledTo": settled_to,
                "matched": matched,
                "amountMismatch": amount_mismatch,
                "missingOnOurSide": missing_on_our_side,
                "missingOnTheirs": missing_on_theirs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.amount_mismatch import AmountMismatch
        from ..models.missing_on_our_side import MissingOnOurSide
        from ..models.missing_on_theirs import MissingOnTheirs

        d = dict(src_dict)
        batch_id = UUID(d.pop("batchId"))

        source = d.pop("source")

        def _parse_settled_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settled_from_type_0 = datetime.date.fromisoformat(data)

                return settled_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        settled_from = _parse_settled_from(d.pop("settledFrom"))

        def _parse_settled_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settled_to_type_0 = datetime.date.fromisoformat(data)

                return settled_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        settled_to = _parse_settled_to(d.pop("settledTo"))

        matched = d.pop("matched")

        amount_mismatch = []
        _amount_mismatch = d.pop("amountMismatch")
        for amount_mismatch_item_data in _amount_mismatch:
            amount_mismatch_item = AmountMismatch.from_dict(amount_mismatch_item_data)

            amount_mismatch.append(amount_mismatch_item)

        missing_on_our_side = []
        _missing_on_our_side = d.pop("missingOnOurSide")
        for missing_on_our_side_item_data in _missing_on_our_side:
            missing_on_our_side_item = MissingOnOurSide.from_dict(
                missing_on_our_side_item_data
            )

            missing_on_our_side.append(missing_on_our_side_item)

        missing_on_theirs = []
        _missing_on_theirs = d.pop("missingOnTheirs")
        for missing_on_theirs_item_data in _missing_on_theirs:
            missing_on_theirs_item = MissingOnTheirs.from_dict(
                missing_on_theirs_item_data
            )

            missing_on_theirs.append(missing_on_theirs_item)

        conciliation_report = cls(
            batch_id=batch_id,
            source=source,
            settled_from=settled_from,
            settled_to=settled_to,
            matched=matched,
            amount_mismatch=amount_mismatch,
            missing_on_our_side=missing_on_our_side,
            missing_on_theirs=missing_on_theirs,
        )

        conciliation_report.additional_properties = d
        return conciliation_report

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
