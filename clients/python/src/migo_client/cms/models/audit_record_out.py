from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_record_out_outcome import AuditRecordOutOutcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_record_out_changes_type_0 import AuditRecordOutChangesType0
    from ..models.audit_record_out_resource import AuditRecordOutResource


T = TypeVar("T", bound="AuditRecordOut")


@_attrs_define
class AuditRecordOut:
    """
    Attributes:
        id (UUID):
        at (datetime.datetime):
        operator_id (None | UUID): None: the call named no operator (refused, or a sign-in).
        application_id (None | UUID):
        action (str): The operation, as the OpenAPI document names it: `approveLead`.
        method (str):
        route (str):
        resource (AuditRecordOutResource): The ids in the call's path: `{"leadId": "…"}`.
        resource_name (None | str): The resource's name as the call left it (a username, a role's, partner's or business
            name, an uploaded file's name); a later rename leaves it. None: it has none the trail keeps, or was not found.
        status (int):
        outcome (AuditRecordOutOutcome):
        origin_ip (str):
        request_id (str):
        changes (AuditRecordOutChangesType0 | None): What it changed: `{field: {before, after}}`.
        operator_username (None | str | Unset): The operator's username now (a platform operator's too); None when the
            call named none.
    """

    id: UUID
    at: datetime.datetime
    operator_id: None | UUID
    application_id: None | UUID
    action: str
    method: str
    route: str
    resource: AuditRecordOutResource
    resource_name: None | str
    status: int
    outcome: AuditRecordOutOutcome
    origin_ip: str
    request_id: str
    changes: AuditRecordOutChangesType0 | None
    operator_username: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_record_out_changes_type_0 import AuditRecordOutChangesType0

        id = str(self.id)

        at = self.at.isoformat()

        operator_id: None | str
        if isinstance(self.operator_id, UUID):
            operator_id = str(self.operator_id)
        else:
            operator_id = self.operator_id

        application_id: None | str
        if isinstance(self.application_id, UUID):
            application_id = str(self.application_id)
        else:
            application_id = self.application_id

        action = self.action

        method = self.method

        route = self.route

        resource = self.resource.to_dict()

        resource_name: None | str
        resource_name = self.resource_name

        status = self.status

        outcome = self.outcome.value

        origin_ip = self.origin_ip

        request_id = self.request_id

        changes: dict[str, Any] | None
        if isinstance(self.changes, AuditRecordOutChangesType0):
            changes = self.changes.to_dict()
        else:
            changes = self.changes

        operator_username: None | str | Unset
        if isinstance(self.operator_username, Unset):
            operator_username = UNSET
        else:
            operator_username = self.operator_username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "operatorId": operator_id,
                "applicationId": application_id,
                "action": action,
                "method": method,
                "route": route,
                "resource": resource,
                "resourceName": resource_name,
                "status": status,
                "outcome": outcome,
                "originIp": origin_ip,
                "requestId": request_id,
                "changes": changes,
            }
        )
        if operator_username is not UNSET:
            field_dict["operatorUsername"] = operator_username

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audit_record_out_changes_type_0 import AuditRecordOutChangesType0
        from ..models.audit_record_out_resource import AuditRecordOutResource

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_operator_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                operator_id_type_0 = UUID(data)

                return operator_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        operator_id = _parse_operator_id(d.pop("operatorId"))

        def _parse_application_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                application_id_type_0 = UUID(data)

                return application_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        application_id = _parse_application_id(d.pop("applicationId"))

        action = d.pop("action")

        method = d.pop("method")

        route = d.pop("route")

        resource = AuditRecordOutResource.from_dict(d.pop("resource"))

        def _parse_resource_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resource_name = _parse_resource_name(d.pop("resourceName"))

        status = d.pop("status")

        outcome = AuditRecordOutOutcome(d.pop("outcome"))

        origin_ip = d.pop("originIp")

        request_id = d.pop("requestId")

        def _parse_changes(data: object) -> AuditRecordOutChangesType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_0 = AuditRecordOutChangesType0.from_dict(data)

                return changes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditRecordOutChangesType0 | None, data)

        changes = _parse_changes(d.pop("changes"))

        def _parse_operator_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        operator_username = _parse_operator_username(d.pop("operatorUsername", UNSET))

        audit_record_out = cls(
            id=id,
            at=at,
            operator_id=operator_id,
            application_id=application_id,
            action=action,
            method=method,
            route=route,
            resource=resource,
            resource_name=resource_name,
            status=status,
            outcome=outcome,
            origin_ip=origin_ip,
            request_id=request_id,
            changes=changes,
            operator_username=operator_username,
        )

        audit_record_out.additional_properties = d
        return audit_record_out

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
