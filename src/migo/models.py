"""Every table, imported once so Alembic and the tests see the whole schema."""

from __future__ import annotations

from migo.backoffice import models as backoffice_models
from migo.cards import models as cards_models
from migo.events import models as events_models
from migo.identity import models as identity_models
from migo.ledger import models as ledger_models
from migo.merchants import models as merchants_models
from migo.notifications import models as notifications_models
from migo.payments import models as payments_models
from migo.platform import batches, idempotency, ratelimit, state
from migo.platform.db import Base
from migo.subscriptions import models as subscriptions_models
from migo.webhooks import models as webhooks_models

metadata = Base.metadata

__all__ = [
    "backoffice_models",
    "batches",
    "cards_models",
    "events_models",
    "idempotency",
    "identity_models",
    "ledger_models",
    "merchants_models",
    "metadata",
    "notifications_models",
    "payments_models",
    "ratelimit",
    "state",
    "subscriptions_models",
    "webhooks_models",
]
