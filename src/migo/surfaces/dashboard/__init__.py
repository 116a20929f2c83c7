"""The web dashboard at /dashboard: server-rendered pages over the same services, permissions and scopes as the
CMS API, for operators and for merchants' users (an operator scoped to one Payment Link client)."""

from .app import build_dashboard

__all__ = ["build_dashboard"]
