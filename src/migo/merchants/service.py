"""What the rest of Migo asks of merchants: its one entry point.

- the review of a lead: the CMS calls the same `approve_lead` and `reject_lead` (with a `Rejection` per refused
  document) as the sandbox's approve endpoint, so an integrator testing alone sees what an operator's decision
  does;
- the ledger's verification: `MOVEMENT_SOURCES` (terminal payments, settlements and payouts);
- a processor's settlement file, conciliated by the back office: the companies' terminal payments by their
  processor reference, `terminal_payment_by_processor_reference`, and those captured in a period,
  `terminal_payments_captured_between` (as the payments domain's `ProcessorPayment`s).
- a partner's back office: its companies' terminal payments in the CMS's transaction search
  (`partner_terminal_payments`), one of them (`partner_terminal_payment`), and an operator's refund of one
  (`refund_for_partner`).
"""

from __future__ import annotations

from .back_office import (
    PartnerTerminalPayment,
    partner_terminal_payment,
    partner_terminal_payments,
    refund_for_partner,
)
from .leads import Rejection, approve_lead, reject_lead
from .processor_records import terminal_payment_by_processor_reference, terminal_payments_captured_between
from .reconciliation import MOVEMENT_SOURCES

__all__ = [
    "MOVEMENT_SOURCES",
    "PartnerTerminalPayment",
    "Rejection",
    "approve_lead",
    "partner_terminal_payment",
    "partner_terminal_payments",
    "refund_for_partner",
    "reject_lead",
    "terminal_payment_by_processor_reference",
    "terminal_payments_captured_between",
]
