"""The composition root: where the domains are plugged into each other's ports, once per process, by whoever
starts one (the app factory, the `migo` command, the test suite). No domain wires itself on import.

- payments charges cards through processors (platform.processing); the cards domain's on-us processor charges
  the cards Migo issued, recognized by `cards.on_us.issued_here`.
- identity scopes a back-office operator to a Payment Link client the payments domain says is its partner's.
"""

from __future__ import annotations

from migo.cards import on_us
from migo.identity import operator_accounts
from migo.payments import service as payments
from migo.platform import processing

# Every domain's background jobs: the worker imports them to run them, a server process at start-up (a request
# that defers a job must not pay for loading the queue and its senders: 26 ms on a new process's first link).
TASK_MODULES = [
    "migo.notifications.tasks",
    "migo.identity.tasks",
    "migo.cards.tasks",
    "migo.payments.tasks",
    "migo.subscriptions.tasks",
    "migo.merchants.tasks",
    "migo.webhooks.tasks",
    "migo.backoffice.tasks",
]


def compose() -> None:
    """Plug the domains together (idempotent: registering again replaces what was registered)."""
    processing.register(on_us.OnUsProcessor(), issues=on_us.issued_here)
    operator_accounts.recognise_clients_with(payments.is_client_of_partner)
