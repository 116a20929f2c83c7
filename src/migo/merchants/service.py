"""What the rest of Migo asks of merchants: its one entry point. The CMS review of a lead calls the same
`approve_lead` and `reject_lead` (with a `Rejection` per refused document) as the sandbox's approve endpoint,
so an integrator testing alone sees what an operator's decision does."""

from __future__ import annotations

from .leads import Rejection, approve_lead, reject_lead

__all__ = ["Rejection", "approve_lead", "reject_lead"]
