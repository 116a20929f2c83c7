from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_progress_status import BatchProgressStatus

if TYPE_CHECKING:
    from ..models.line_error import LineError


T = TypeVar("T", bound="BatchProgress")


@_attrs_define
class BatchProgress:
    """
    Attributes:
        batch_id (UUID):
        status (BatchProgressStatus):
        total (int):
        processed (int):
        succeeded (int):
        failed (int):
        errors (list[LineError]): One entry per failed line.
        failure (None | str): Why the batch as a whole failed (status `failed`).
    """

    batch_id: UUID
    status: BatchProgressStatus
    total: int
    processed: int
    succeeded: int
    failed: int
    errors: list[LineError]
    failure: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        batch_id = str(self.batch_id)

        status = self.status.value

        total = self.total

        processed = self.processed

        succeeded = self.succeeded

        failed = self.failed

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        failure: None | str
        failure = self.failure

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "batchId": batch_id,
                "status": status,
                "total": total,
                "processed": processed,
                "succeeded": succeeded,
                "failed": failed,
                "errors": errors,
                "failure": failure,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.line_error import LineError

        d = dict(src_dict)
        batch_id = UUID(d.pop("batchId"))

        status = BatchProgressStatus(d.pop("status"))

        total = d.pop("total")

        processed = d.pop("processed")

        succeeded = d.pop("succeeded")

        failed = d.pop("failed")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = LineError.from_dict(errors_item_data)

            errors.append(errors_item)

        def _parse_failure(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        failure = _parse_failure(d.pop("failure"))

        batch_progress = cls(
            batch_id=batch_id,
            status=status,
            total=total,
            processed=processed,
            succeeded=succeeded,
            failed=failed,
            errors=errors,
            failure=failure,
        )

        batch_progress.additional_properties = d
        return batch_progress

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
