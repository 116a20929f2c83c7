from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.catalog_entry import CatalogEntry


T = TypeVar("T", bound="ErrorCatalog")


@_attrs_define
class ErrorCatalog:
    """
    Attributes:
        errors (list[CatalogEntry]):
        payment_link_errors (list[CatalogEntry]):
    """

    errors: list[CatalogEntry]
    payment_link_errors: list[CatalogEntry]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        payment_link_errors = []
        for payment_link_errors_item_data in self.payment_link_errors:
            payment_link_errors_item = payment_link_errors_item_data.to_dict()
            payment_link_errors.append(payment_link_errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errors": errors,
                "paymentLinkErrors": payment_link_errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.catalog_entry import CatalogEntry

        d = dict(src_dict)
        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = CatalogEntry.from_dict(errors_item_data)

            errors.append(errors_item)

        payment_link_errors = []
        _payment_link_errors = d.pop("paymentLinkErrors")
        for payment_link_errors_item_data in _payment_link_errors:
            payment_link_errors_item = CatalogEntry.from_dict(
                payment_link_errors_item_data
            )

            payment_link_errors.append(payment_link_errors_item)

        error_catalog = cls(
            errors=errors,
            payment_link_errors=payment_link_errors,
        )

        error_catalog.additional_properties = d
        return error_catalog

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
