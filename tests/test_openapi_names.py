"""Generated clients name a class after each schema: every schema of a surface's OpenAPI document has a unique,
readable title (issue 19: seven enums all titled `SortBy`, two `listResponse`s, names leaking module paths)."""

from __future__ import annotations

from collections import Counter

import pytest

from migo.platform.settings import get_settings
from migo.surfaces.cms import build_cms
from migo.surfaces.gateway import build_gateway
from migo.surfaces.middleware import build_middleware


@pytest.mark.parametrize("build", [build_middleware, build_gateway, build_cms])
def test_every_schema_has_a_unique_readable_name(build):
    schemas = build(get_settings()).openapi()["components"]["schemas"]
    titles = Counter(schema.get("title", name) for name, schema in schemas.items())
    assert [title for title, count in titles.items() if count > 1] == []
    assert [name for name in schemas if name.startswith("migo__")] == []
    assert "TransactionsSortBy" in schemas or "CardholdersSortBy" in schemas or "RolesSortBy" in schemas
