"""What the rest of Migo asks of the back office: its one entry point.

- the audit trail of the CMS: the surface's `AuditTrail` middleware (endpoints mark a sensitive read with
  platform.auditing's `audited_read` and say what an action changed with its `record_changes`).
"""

from __future__ import annotations

from .audit import AuditTrail

__all__ = ["AuditTrail"]
