"""Tenant filters are written in one place per domain (issue 13 §3): each domain's `access.readable` (and the
events' and webhooks' owners). A filter on a tenant column anywhere else bypasses the helper, unless it is
one of the reads below that are not a tenant's own, each with its reason. The generated test of every route
(test_tenant_isolation.py) checks the outcome; this one keeps the code honest about where it is decided."""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "src" / "migo"
# Columns that say whose a row is.
TENANT_COLUMNS = frozenset({"company_id", "partner_id", "application_id", "client_slug", "client_id", "slug"})
SCOPING_HELPERS = {
    "cards/access.py",
    "identity/access.py",
    "payments/access.py",
    "events/service.py",  # events.readable
    "webhooks/service.py:Owner",  # the webhooks' owner: a merchant client or a company
}
# (file, function): why this filter is not a tenant reading its own rows.
NOT_A_TENANT_READ = {
    ("identity/applications.py", "authenticate_client"): "client credentials: finding who is calling",
    ("identity/signing.py", "rotate_keys"): "a write to the calling application's own keys",
    ("payments/clients.py", "configure_client"): "the operator's CLI provisions a client by its slug",
    (
        "payments/clients.py",
        "<module>",
    ): "client_for_merchant and link_client_for_merchant accept only the merchant's own slug",
    ("payments/service.py", "client_exists"): "the sandbox provisions its client by its slug, once",
    ("payments/suspensions.py", "_in_force"): "suspensions of a client already the merchant's own",
    ("payments/suspensions.py", "apply_velocity_rule"): "the declines of a link's own client",
    ("sandbox/seed.py", "_ensure_application"): "the sandbox tenant, provisioned by the platform",
    ("webhooks/service.py", "_redirect_signing_secret"): "the hosted checkout signs for the link's own client",
}


def _tenant_filters(tree: ast.AST) -> list[tuple[str, str, int]]:
    """(enclosing class or function, dotted, the comparison, line) of each `Model.<tenant column> == value`, a join
    (a column compared with another model's column) excepted."""
    found = []

    def column(node: ast.expr) -> bool:
        return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id[:1].isupper()

    def visit(node: ast.AST, owner: str) -> None:
        for child in ast.iter_child_nodes(node):
            name = owner
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = child.name if owner == "<module>" else f"{owner}.{child.name}"
            if isinstance(child, ast.Compare):
                sides = [child.left, *child.comparators]
                tenant = [s for s in sides if column(s) and s.attr in TENANT_COLUMNS]  # type: ignore[union-attr]
                if tenant and not all(column(s) for s in sides):
                    found.append((name, ast.unparse(child), child.lineno))
            visit(child, name)

    visit(tree, "<module>")
    return found


def test_tenant_filters_are_written_only_in_the_scoping_helpers():
    bypassing = []
    for path in sorted(SOURCE.rglob("*.py")):
        relative = path.relative_to(SOURCE).as_posix()
        if relative.startswith("migrations/") or relative in SCOPING_HELPERS:
            continue
        for owner, comparison, line in _tenant_filters(ast.parse(path.read_text())):
            if f"{relative}:{owner.split('.')[0]}" in SCOPING_HELPERS or (relative, owner) in NOT_A_TENANT_READ:
                continue
            bypassing.append(f"{relative}:{line} in {owner}: {comparison}")
    assert bypassing == [], "filter through the domain's access.readable:\n" + "\n".join(bypassing)


def test_the_exceptions_still_exist():
    """An exception whose code is gone must leave the list, so the list cannot grow stale and hide a bypass."""
    present = set()
    for path in sorted(SOURCE.rglob("*.py")):
        relative = path.relative_to(SOURCE).as_posix()
        present |= {(relative, owner) for owner, _, _ in _tenant_filters(ast.parse(path.read_text()))}
    assert set(NOT_A_TENANT_READ) <= present, set(NOT_A_TENANT_READ) - present
