"""Wire shapes of recurring billing on the Middleware (camelCase; amounts in whole units, as links take them)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from migo.payments.schemas import CardInput, ChallengeAnswer, LinkAmount, SavedCardToken
from migo.platform.wire import ApiInput, ApiModel, Omittable, UtcDateTime

from .periods import MAX_COUNT, shortest_period_days

Name = Annotated[str, Field(min_length=1, max_length=120)]
ClientSlug = Annotated[str, Field(min_length=1, max_length=100)]
UserId = Annotated[str, Field(min_length=1, max_length=200)]
GraceDays = Annotated[int, Field(ge=0, le=60, description="How long a past-due subscription stays usable.")]
RetryDays = Annotated[
    list[Annotated[int, Field(ge=1, le=60)]],
    Field(
        max_length=10,
        description="Days after the failed renewal on which it is tried again, ascending, within graceDays "
        "(for example [1, 3, 5]).",
    ),
]


def _check_cadence(grace_days: int | None, retry_days: list[int] | None) -> None:
    if retry_days is None:
        return
    if retry_days != sorted(set(retry_days)):
        raise ValueError("retryDays: ascending, each day once")
    if grace_days is not None and retry_days and retry_days[-1] > grace_days:
        raise ValueError("retryDays: every retry falls within graceDays")


class PlanRequest(ApiInput):
    client: ClientSlug
    name: Name
    amount: LinkAmount = Field(description="Charged each period, in whole units of the currency.")
    currency: Annotated[str, Field(pattern=r"^[A-Za-z]{3}$")] = Field(description="ISO 4217, enabled for the client.")
    interval: Literal["day", "week", "month", "year"]
    interval_count: Annotated[int, Field(ge=1, le=365)] = Field(1, description="Periods of `interval` per charge.")
    trial_days: Annotated[int, Field(ge=0, le=730)] = 0
    grace_days: GraceDays | None = Field(None, description="Left out: the client's default (billing settings).")
    retry_days: RetryDays | None = Field(None, description="Left out: the client's default (billing settings).")

    @model_validator(mode="after")
    def _cadence(self) -> PlanRequest:
        if self.interval_count > MAX_COUNT[self.interval]:
            raise ValueError(f"intervalCount: a period is at most a year ({MAX_COUNT[self.interval]} {self.interval}s)")
        shortest = shortest_period_days(self.interval, self.interval_count)
        if self.grace_days is not None and self.grace_days > shortest:
            raise ValueError(f"graceDays: at most the plan's shortest period ({shortest} days)")
        _check_cadence(self.grace_days, self.retry_days)
        return self


class PlanUpdate(ApiInput):
    name: Omittable[Name] = None
    active: Omittable[bool] = Field(None, description="false archives the plan: it takes no new subscribers.")
    amount: Omittable[LinkAmount] = Field(None, description="A new price, for new subscriptions only.")


class PlanOut(ApiModel):
    id: uuid.UUID
    client: str
    name: str
    amount: int
    currency: str
    interval: Literal["day", "week", "month", "year"]
    interval_count: int
    trial_days: int
    grace_days: int | None = Field(description="null: the client's default applies.")
    retry_days: list[int] | None = Field(description="null: the client's default applies.")
    active: bool
    created_at: UtcDateTime
    updated_at: UtcDateTime | None


class BillingSettingsBody(ApiModel):
    """A client's defaults for plans that leave graceDays or retryDays out."""

    grace_days: GraceDays
    retry_days: RetryDays

    @model_validator(mode="after")
    def _cadence(self) -> BillingSettingsBody:
        _check_cadence(self.grace_days, self.retry_days)
        return self


class BillingSettingsRequest(BillingSettingsBody, ApiInput):
    pass


class VerifyCardRequest(ApiInput):
    client: ClientSlug
    user_id: UserId
    plan_id: uuid.UUID | None = Field(None, description="Required with shouldCreateSubscription.")
    should_create_subscription: bool = False
    card: CardInput | None = Field(None, description="Sandbox only: the card as typed.")
    card_token: SavedCardToken | None = Field(None, description="A card this client already verified for this userId.")
    three_ds_code: ChallengeAnswer | None = Field(
        None, description="Sandbox: the answer to a 3-D Secure test card's challenge (123456 passes)."
    )
    external_id: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    metadata: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _one_card(self) -> VerifyCardRequest:
        if (self.card is None) == (self.card_token is None):
            raise ValueError("send either card or cardToken")
        if self.should_create_subscription and self.plan_id is None:
            raise ValueError("planId: required with shouldCreateSubscription")
        return self


class CardSummary(ApiModel):
    brand: str
    last4: str


class VerifiedCard(CardSummary):
    exp_month: int
    exp_year: int


class Renewal(ApiModel):
    """Renewal tracking: the attempts at the unpaid period while the subscription is past due."""

    attempts: int
    last_attempt_at: UtcDateTime | None
    next_retry_at: UtcDateTime | None
    last_decline_code: str | None
    grace_until: UtcDateTime | None = Field(description="While past_due: when it expires if still unpaid.")


class SubscriptionOut(ApiModel):
    id: uuid.UUID
    client: str
    plan_id: uuid.UUID
    user_id: str
    status: Literal["trialing", "active", "past_due", "paused", "inactive", "expired"]
    amount: int
    currency: str
    interval: Literal["day", "week", "month", "year"]
    interval_count: int
    current_period_start: UtcDateTime
    current_period_end: UtcDateTime
    trial_end: UtcDateTime | None
    cancel_at_period_end: bool
    card: CardSummary
    renewal: Renewal
    paused_at: UtcDateTime | None
    ended_at: UtcDateTime | None
    external_id: str | None
    metadata: dict[str, Any] | None
    created_at: UtcDateTime


class VerifyCardOut(ApiModel):
    verified: bool
    card_token: str | None = Field(description="Reusable for this client and userId; null when not verified.")
    card: VerifiedCard
    decline_code: str | None
    decline_reason: str | None
    subscription: SubscriptionOut | None = Field(
        description="With shouldCreateSubscription: the new subscription; null when the first charge was declined."
    )


class CancelRequest(ApiInput):
    at_period_end: bool = Field(False, description="true: it stays active until the period ends, then ends.")


class ReplaceCardRequest(ApiInput):
    card_token: SavedCardToken


class ChargeRequest(ApiInput):
    amount: LinkAmount
    description: Annotated[str, Field(max_length=300)] | None = None
    external_id: Annotated[str, Field(min_length=1, max_length=200)] | None = None


class AdvanceRequest(ApiInput):
    days: Annotated[int, Field(ge=1, le=3660)] = Field(description="How far to move the subscription's clock.")
