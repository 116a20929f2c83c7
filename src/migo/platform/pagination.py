"""List endpoints: `page`, `limit`, `sortBy`, `sortOrder`, `searchText` (seed 000) and one `meta` shape.

`sortBy` comes from a whitelist per list, mapped to a column: anything else is a validation error, and no
client text ever reaches SQL except as a bound parameter.
"""

# No `from __future__ import annotations` here: the query parameters below are annotated with a class
# built at run time (the sortBy enum), which FastAPI must see as a real type, not a string.
import enum
import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel
from sqlalchemy import ColumnElement, Select, SQLColumnExpression, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform.errors import ERRORS, ApiError

T = TypeVar("T")
MAX_LIMIT = 100


class SortOrder(enum.StrEnum):
    ASC = "ASC"
    DESC = "DESC"


class PageMeta(BaseModel):
    page: int
    limit: int
    totalItems: int  # noqa: N815
    totalPages: int  # noqa: N815


class Page(BaseModel, Generic[T]):
    items: list[T]
    meta: PageMeta

    @classmethod
    def model_parametrized_name(cls, params: tuple[Any, ...]) -> str:
        return f"{getattr(params[0], '__name__', 'Item')}Page"


@dataclass(frozen=True)
class PageRequest:
    page: int
    limit: int
    sort_by: str
    sort_order: SortOrder
    search_text: str | None


@dataclass(frozen=True)
class Listing:
    """What a list may be sorted and searched by."""

    name: str  # what it lists, as generated clients name its sort enum: `TransactionsSortBy`
    sortable: dict[str, Callable[[], SQLColumnExpression[Any]]]
    default_sort: str
    default_order: SortOrder = SortOrder.DESC
    searchable: tuple[Callable[[], SQLColumnExpression[Any]], ...] = ()
    # A unique column appended to every ordering, so pages never overlap or skip rows.
    tiebreaker: Callable[[], SQLColumnExpression[Any]] | None = None

    @functools.cached_property
    def sort_enum(self) -> Any:
        """The `sortBy` values as an enum of its own name: one per list, however many routes share it (the
        OpenAPI documents give every schema a unique, readable name)."""
        return enum.StrEnum(f"{self.name}SortBy", {name: name for name in self.sortable})

    def params(self) -> Any:
        """The FastAPI dependency that parses and checks a page request for this list."""
        sort_enum = self.sort_enum

        def page_request(
            page: Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")] = 1,
            limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page (at most 100).")] = 20,
            sortBy: Annotated[sort_enum | None, Query(description="Field to sort by.")] = None,  # type: ignore[valid-type]  # noqa: N803
            sortOrder: Annotated[str | None, Query(description="ASC or DESC.", pattern="^(ASC|DESC|asc|desc)$")] = None,  # noqa: N803
            searchText: Annotated[str | None, Query(max_length=100, description="Free-text search.")] = None,  # noqa: N803
        ) -> PageRequest:
            order = SortOrder(sortOrder.upper()) if sortOrder else self.default_order
            text = searchText.strip() if searchText else None
            sort_by = str(sortBy.value) if sortBy else self.default_sort  # type: ignore[attr-defined]
            return PageRequest(page, limit, sort_by, order, text or None)

        return Depends(page_request)

    async def fetch(
        self,
        session: AsyncSession,
        statement: Select[*tuple[Any, ...]],
        request: PageRequest,
        *,
        rows: bool = False,
        also_matching: ColumnElement[bool] | None = None,
    ) -> tuple[Sequence[Any], PageMeta]:
        """One page of `statement` (already scoped to the caller) and the page's meta: its first entity per
        row, or whole rows with `rows=True` (for statements that select several). `also_matching`: what else
        `searchText` matches, beside the searchable columns (a match another domain found)."""
        if request.sort_by not in self.sortable:
            raise ApiError(ERRORS.VALIDATION_ERROR, f"query.sortBy: must be one of {', '.join(self.sortable)}")
        if request.search_text and self.searchable:
            pattern = f"%{_escape_like(request.search_text)}%"
            matches = [column().ilike(pattern, escape="\\") for column in self.searchable]
            statement = statement.where(or_(*matches, *([also_matching] if also_matching is not None else [])))
        total = await session.scalar(select(func.count()).select_from(statement.order_by(None).subquery())) or 0
        column = self.sortable[request.sort_by]()
        ordering = column.asc() if request.sort_order is SortOrder.ASC else column.desc()
        result = await session.execute(
            statement.order_by(ordering, *([self.tiebreaker()] if self.tiebreaker else []))
            .limit(request.limit)
            .offset((request.page - 1) * request.limit)
        )
        page = result.all() if rows else result.scalars().all()
        meta = PageMeta(
            page=request.page,
            limit=request.limit,
            totalItems=total,
            totalPages=math.ceil(total / request.limit) if total else 0,
        )
        return page, meta


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
