"""OpenAPI links (issue 19): each POST links to the operations on what it answers, so that generated clients and
stateful fuzzers chain a created id into the next call."""

from __future__ import annotations

import pytest

from migo.platform.settings import get_settings
from migo.surfaces.cms import build_cms
from migo.surfaces.gateway import build_gateway
from migo.surfaces.middleware import build_middleware


def _links(document):
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                for name, link in response.get("links", {}).items():
                    yield f"{method.upper()} {path} {status}", name, link


@pytest.mark.parametrize("build", [build_middleware, build_gateway, build_cms])
def test_every_link_names_an_operation_and_fills_its_path(build):
    document = build(get_settings()).openapi()
    operations = {
        operation["operationId"]: path for path, methods in document["paths"].items() for operation in methods.values()
    }
    links = list(_links(document))
    assert links
    for source, name, link in links:
        target = operations[link["operationId"]]
        needed = {part[1:-1] for part in target.split("/") if part.startswith("{")}
        assert set(link["parameters"]) == needed, (source, name)
        for value in link["parameters"].values():
            assert value.startswith(("$response.body#/", "$request.path.")), (source, name)


@pytest.mark.parametrize(
    ("build", "create", "status", "expected"),
    [
        (build_gateway, "/users", "201", {"getCardholder": {"userId": "$response.body#/data/userId"}}),
        (build_gateway, "/leads", "201", {"submitLead": {"leadId": "$response.body#/data/id"}}),
        (
            build_gateway,
            "/cards/{cardId}/statements",
            "201",
            {"getCardStatement": {"cardId": "$request.path.cardId", "statementId": "$response.body#/data/statementId"}},
        ),
        (build_middleware, "/transactions", "200", {"refundTransaction": {"uid": "$response.body#/uid"}}),
        (build_middleware, "/v1/plans", "201", {"getPlan": {"planId": "$response.body#/id"}}),
        (build_cms, "/roles", "201", {"updateRole": {"roleId": "$response.body#/data/id"}}),
        # the created resource at the root, not below the path posted to
        (
            build_gateway,
            "/branches/{branchId}/terminals",
            "201",
            {"getTerminal": {"terminalId": "$response.body#/data/id"}},
        ),
        # an answer's field of a path parameter's name
        (
            build_gateway,
            "/cards/transfer",
            "200",
            {"getCardTransaction": {"transactionId": "$response.body#/data/transactionId"}},
        ),
        (build_gateway, "/auth/keys/rotate", "201", {"revokeSigningKey": {"keyId": "$response.body#/data/keyId"}}),
    ],
)
def test_a_create_links_to_what_it_made(build, create, status, expected):
    links = build(get_settings()).openapi()["paths"][create]["post"]["responses"][status]["links"]
    for name, parameters in expected.items():
        assert links[name] == {"operationId": name, "parameters": parameters}
