"""Builds one API surface: its own FastAPI app, OpenAPI 3.1 document, offline reference page and error style."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from scalar_fastapi import AgentScalarConfig, get_scalar_api_reference
from starlette.requests import Request

from migo.platform.bodylimit import REQUIRED_PART_MARK, limit_surface
from migo.platform.envelope import (
    ErrorEnvelope,
    ErrorResponseDto,
    Style,
    UnauthorizedResponse,
    install_error_handlers,
)
from migo.platform.settings import Settings
from migo.platform.wire import NO_NUL

STATIC_PREFIX = "/static"
SCALAR_JS = f"{STATIC_PREFIX}/vendor/scalar/standalone.js"
# The error catalog's codes (`7303`, `INSUFFICIENT_FUNDS`) read whole, not broken over two lines.
_REFERENCE_CSS = ".markdown table td code, .markdown table th code { white-space: nowrap; }"
FAVICON = f"{STATIC_PREFIX}/favicon.svg"


def operation_id(route: APIRoute) -> str:
    """Generated clients read `issueAccessToken`, not `issue_access_token_rest_auth_token_post`."""
    head, *rest = route.name.split("_")
    return head + "".join(word.capitalize() for word in rest)


def build_surface(
    *,
    title: str,
    description: str,
    style: Style,
    routers: Sequence[APIRouter],
    settings: Settings,
    version: str = "1.0.0",
    tags: list[dict[str, Any]] | None = None,
) -> FastAPI:
    error_model = ErrorResponseDto if style == "middleware" else ErrorEnvelope
    app = FastAPI(
        title=title,
        description=description,
        version=version,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        openapi_tags=tags,
        generate_unique_id_function=operation_id,
        responses={"default": {"model": error_model, "description": "Error"}},
        # Observability is Prometheus and structured logs (platform.observability); FastAPI's OpenTelemetry
        # hooks would otherwise look for a provider in the environment on every request.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    install_error_handlers(app, style)
    for router in routers:
        app.include_router(router)
    limit_surface(
        app, style, max_json_bytes=settings.max_json_body_bytes, max_upload_bytes=settings.max_upload_body_bytes
    )

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
                tags=app.openapi_tags,
            )
            _drop_fastapi_validation_responses(schema)
            _declare_error_responses(schema, style)
            _plain_optional_bodies(schema)
            _multipart_parts(schema)
            _no_nul_in_parameters(schema)
            _declare_request_signing(schema)
            _name_schemas_by_title(schema)
            _link_created_resources(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    @app.get("/docs", include_in_schema=False)
    async def reference_page(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        # The bundle and favicon are served by the root app at /static: the page needs no internet.
        return get_scalar_api_reference(
            openapi_url=f"{root}/openapi.json",
            title=f"{title} — API reference",
            scalar_js_url=SCALAR_JS,
            scalar_favicon_url=FAVICON,
            with_default_fonts=False,
            telemetry=False,
            # Nothing on the page reaches outside services: no "Ask AI", no "Generate MCP", no "Deploy" toolbar.
            agent=AgentScalarConfig(disabled=True),
            show_developer_tools="never",
            overrides={"mcp": {"disabled": True}},
            custom_css=_REFERENCE_CSS,
        )

    return app


_SIGNED_STRING = (
    "The bytes signed are exactly: the timestamp, `\\n`, the method in upper case, `\\n`, the path with its query "
    "as sent (percent-encoding kept, e.g. `/rest/cards/{cardId}/funds`), `\\n`, the `Idempotency-Key` header's "
    "value (or nothing), `\\n`, then the raw body bytes as sent. `x-signature` is the base64 of the HMAC-SHA256 of "
    "those bytes with an HMAC key's secret, or of their Ed25519 signature with an Ed25519 key. A signature works "
    "once: sent again it is refused (7604) unless it carries the same Idempotency-Key, which replays the first "
    "answer."
)
# A signed call's three headers, as security schemes a signed operation needs all at once (with its bearer).
REQUEST_SIGNING: dict[str, dict[str, str]] = {
    "RequestSignatureKeyId": {"name": "x-key-id", "description": "The id of the application's signing key."},
    "RequestSignatureTimestamp": {
        "name": "x-timestamp",
        "description": "Unix seconds when the request was signed; within 5 minutes of the server's clock.",
    },
    "RequestSignature": {"name": "x-signature", "description": "The request's signature. " + _SIGNED_STRING},
}
_SIGNING_HEADERS = {scheme["name"] for scheme in REQUEST_SIGNING.values()}


def _declare_request_signing(schema: dict[str, Any]) -> None:
    """A signed operation (one that reads `x-signature`) says so the way generators and readers understand: it
    needs its bearer token and the three signing headers together (one security requirement), declared as
    security schemes rather than parameters, since a transport adds them over the exact bytes it sends."""
    signed = False
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            parameters = operation.get("parameters", [])
            if not any(p.get("in") == "header" and p["name"] == "x-signature" for p in parameters):
                continue
            signed = True
            operation["parameters"] = [
                p for p in parameters if not (p.get("in") == "header" and p["name"] in _SIGNING_HEADERS)
            ]
            # The bearer and the signature together; another way in (a terminal's own credentials) stays beside
            # it; the cardholder's x-user-token only adds to the bearer, so it is no alternative of its own.
            others = [r for r in operation.get("security", []) if not set(r) & {"HTTPBearer", "APIKeyHeader"}]
            operation["security"] = [{"HTTPBearer": [], **{name: [] for name in REQUEST_SIGNING}}, *others]
    if signed:
        schemes = schema.setdefault("components", {}).setdefault("securitySchemes", {})
        for name, header in REQUEST_SIGNING.items():
            schemes[name] = {"type": "apiKey", "in": "header", **header}


def _drop_fastapi_validation_responses(schema: dict[str, Any]) -> None:
    """FastAPI documents a 422 we never send (validation errors are 400, or 409 in the Middleware)."""
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            responses = operation.get("responses", {})
            if "HTTPValidationError" in str(responses.get("422", {})):
                del responses["422"]
    schemas = schema.get("components", {}).get("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)


_MUTATING = frozenset({"post", "put", "patch", "delete"})
# The status a refused input answers: the envelope's VALIDATION_ERROR, the Middleware's INVALID_BODY (seed 002).
_VALIDATION_STATUS: dict[Style, str] = {"envelope": "400", "middleware": "409"}
_ERROR_DESCRIPTIONS: dict[Style, dict[str, str]] = {
    "envelope": {
        "400": "The request is invalid, or a rule refused it: `error.code` says which",
        "401": "The credentials are missing or not valid",
        "403": "This credential may not perform this action",
        "404": "The resource does not exist, or belongs to another tenant",
        "409": "The request conflicts with the resource's state, or reuses an Idempotency-Key with another request",
    },
    "middleware": {
        "401": 'The merchant token is missing or not valid: exactly `{"message": "Unauthorized"}`',
        "404": "The resource does not exist, or belongs to another merchant",
        "409": "The request is invalid (ownCode 5000), breaks a rule of the client, conflicts with the resource's "
        "state, or reuses an Idempotency-Key with another request: `ownCode` says which",
    },
}


def _declare_error_responses(schema: dict[str, Any], style: Style) -> None:
    """Each operation's failures as declared responses in the surface's error shape, so a generated client
    parses each into a typed error rather than guessing from `default`. What an operation can answer follows
    from what it takes: parameters or a body can be refused (400, or 409 in the Middleware), a path id can be
    unknown (404), credentials can be refused (401) or lack the right (403, Gateway and CMS), a change can
    conflict (409). A route declares its own business failures (422 on money movements) by status and
    description only; their shape is the surface's, filled in here. `default` stays for the rest (429, 503)."""
    error_model = ErrorResponseDto if style == "middleware" else ErrorEnvelope
    # Seed 002: a bad merchant token answers exactly `{"message": "Unauthorized"}`, no ErrorResponseDto.
    bare_401 = UnauthorizedResponse.__name__
    schemas = schema.setdefault("components", {}).setdefault("schemas", {})
    if style == "middleware":
        schemas[bare_401] = UnauthorizedResponse.model_json_schema()
    for path, item in schema.get("paths", {}).items():
        for method, operation in item.items():
            secured = bool(operation.get("security"))
            statuses = set()
            if operation.get("parameters") or "requestBody" in operation:
                statuses.add(_VALIDATION_STATUS[style])
            if "{" in path:
                statuses.add("404")
            if secured:
                statuses.update({"401", "403"} if style == "envelope" else {"401"})
            if method in _MUTATING:
                statuses.add("409")
            responses = operation["responses"]
            for status in statuses:
                responses.setdefault(status, {"description": _ERROR_DESCRIPTIONS[style][status]})
            for status, response in responses.items():
                if status[0] in "45" and "content" not in response:
                    bare = style == "middleware" and status == "401" and secured
                    body = bare_401 if bare else error_model.__name__
                    response["content"] = {"application/json": {"schema": {"$ref": f"#/components/schemas/{body}"}}}
            # Success first, then the failures by status, `default` last: the order a reader looks for.
            operation["responses"] = dict(
                sorted(responses.items(), key=lambda entry: (entry[0] == "default", entry[0]))
            )


def _multipart_parts(schema: dict[str, Any]) -> None:
    """A multipart body's parts as a form sends them: text or a file, never null (a part is left out instead),
    and the `REQUIRED_PART` ones required."""
    components = schema.get("components", {}).get("schemas", {})
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            media = operation.get("requestBody", {}).get("content", {}).get("multipart/form-data")
            reference = (media or {}).get("schema", {}).get("$ref", "")
            body = components.get(reference.removeprefix(_SCHEMA_REF))
            for name, part in (body or {}).get("properties", {}).items():
                choices = [choice for choice in part.get("anyOf", []) if choice != {"type": "null"}]
                if len(choices) == 1:
                    del part["anyOf"]
                    part.update(choices[0])
                if part.get("default", ...) is None:
                    del part["default"]
                if part.pop(REQUIRED_PART_MARK, False):
                    body.setdefault("required", []).append(name)


def _link_created_resources(schema: dict[str, Any]) -> None:
    """OpenAPI links from each POST to the operations on what it answers, so that generated clients and stateful
    fuzzers chain an id into the next call: `POST /users` answers `data.userId`, which `GET /users/{userId}`,
    `PATCH /users/{userId}` and `POST /users/{userId}/cards`… take. An answer's field fills the path parameter of
    its name (`transactionId`, `keyId`, `businessId`); a POST to a collection also fills the collection's item
    parameter with an answer's `id` (`POST /leads` → `/leads/{leadId}`, `POST /branches/{branchId}/terminals` →
    `/terminals/{terminalId}`); the POST's own path parameters pass through."""
    components = schema.get("components", {}).get("schemas", {})
    paths = schema.get("paths", {})
    parameter_names = {name for path in paths for name in _path_parameters(path)}
    for creator, item in paths.items():
        responses = item.get("post", {}).get("responses", {})
        success = next((responses[code] for code in ("201", "200") if code in responses), None)
        if success is None:
            continue
        answer = _resolve(components, success.get("content", {}).get("application/json", {}).get("schema", {}))
        pointer = ""
        if "data" in answer.get("properties", {}):  # the envelope: the resource is its `data`
            answer, pointer = _resolve(components, answer["properties"]["data"]), "/data"
        fields = answer.get("properties", {})
        own = _path_parameters(creator)
        answered = {name: f"$response.body#{pointer}/{name}" for name in fields if name in parameter_names}
        if "id" in fields:  # the item of the collection posted to: below it, or at the root (`/terminals/{…}`)
            collection = creator.rsplit("/", 1)[-1]
            for path in paths:
                if path.startswith(creator + "/{"):
                    below = path[len(creator) + 2 :]
                elif path.split("/{", 1)[0].endswith("/" + collection) and "{" in path:
                    below = path.split("/{", 1)[1]
                else:
                    continue
                answered.setdefault(below.split("}", 1)[0], f"$response.body#{pointer}/id")
        answered = {name: value for name, value in answered.items() if name not in own}
        mapping = {**answered, **{name: f"$request.path.{name}" for name in own}}
        links = {}
        for path, operations in paths.items():
            needed = _path_parameters(path)
            if not set(needed) & answered.keys() or not set(needed) <= mapping.keys():
                continue
            parameters = {name: mapping[name] for name in needed}
            for operation in operations.values():
                links[operation["operationId"]] = {"operationId": operation["operationId"], "parameters": parameters}
        if links:
            success["links"] = links


def _path_parameters(path: str) -> list[str]:
    return [part[1:-1] for part in path.split("/") if part.startswith("{") and part.endswith("}")]


def _resolve(components: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    reference = schema.get("$ref", "")
    return components.get(reference.removeprefix(_SCHEMA_REF), {}) if reference else schema


def _no_nul_in_parameters(schema: dict[str, Any]) -> None:
    """A free-text path or query parameter says what the server enforces: no NUL (PostgreSQL text cannot hold
    it; 7000), as `wire.NO_NUL` says it of every text of a JSON body."""
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") not in ("path", "query"):
                    continue
                param_schema = parameter.get("schema", {})
                for node in [param_schema, *param_schema.get("anyOf", [])]:
                    if node.get("type") == "string" and not {"pattern", "enum", "const", "format"} & node.keys():
                        node["pattern"] = NO_NUL


def _plain_optional_bodies(schema: dict[str, Any]) -> None:
    """An optional JSON body is documented as its model, not `anyOf: [model, null]`: `required: false` already
    says it may be left out, and openapi-python-client sends its "left out" marker as the body of the null form
    (a TypeError in the generated client)."""
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            body = operation.get("requestBody")
            if not body or body.get("required"):
                continue
            for media in body.get("content", {}).values():
                alternatives = media.get("schema", {}).get("anyOf", [])
                models = [choice for choice in alternatives if choice != {"type": "null"}]
                if len(alternatives) == 2 and len(models) == 1:
                    media["schema"] = models[0]


_SCHEMA_REF = "#/components/schemas/"


def _name_schemas_by_title(schema: dict[str, Any]) -> None:
    """Each schema is keyed by its title: `BranchOutResponse` (envelope.CustomResponse names its instances),
    not pydantic's `CustomResponse_BranchOut_`, so generators that name classes after keys (oapi-codegen) and
    those that read titles (openapi-python-client) agree on one readable name."""
    schemas: dict[str, Any] = schema.get("components", {}).get("schemas", {})
    titles = Counter(body.get("title", name) for name, body in schemas.items())
    renames = {
        name: body["title"]
        for name, body in schemas.items()
        if body.get("title", name) != name and titles[body["title"]] == 1 and body["title"] not in schemas
    }
    if not renames:
        return
    schema["components"]["schemas"] = dict(
        sorted(((renames.get(name, name), body) for name, body in schemas.items()), key=lambda entry: entry[0])
    )

    def rename_refs(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.removeprefix(_SCHEMA_REF) in renames:
                node["$ref"] = _SCHEMA_REF + renames[ref.removeprefix(_SCHEMA_REF)]
            for value in node.values():
                rename_refs(value)
        elif isinstance(node, list):
            for value in node:
                rename_refs(value)

    rename_refs(schema)
