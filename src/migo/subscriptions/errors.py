"""The subscriptions domain's codes (77xx), answered on the Middleware as `ownCode`s."""

from __future__ import annotations

from migo.platform.errors import domain_errors

subscription_error = domain_errors("subscriptions", gateway=(77,))


class SUBSCRIPTION_ERRORS:  # noqa: N801 - a namespace of constants, named like the platform's ERRORS
    PLAN_INACTIVE = subscription_error(7701, "PLAN_INACTIVE", 409, "The plan is archived and takes no new subscribers.")
    CURRENCY_NOT_ENABLED = subscription_error(
        7702, "CURRENCY_NOT_ENABLED", 409, "The currency is not enabled for the client."
    )
    INVALID_SUBSCRIPTION_TRANSITION = subscription_error(
        7703, "INVALID_SUBSCRIPTION_TRANSITION", 409, "The subscription's status does not allow this."
    )
    CARD_DATA_SANDBOX_ONLY = subscription_error(
        7704,
        "CARD_DATA_SANDBOX_ONLY",
        400,
        "Raw card data is accepted only in the sandbox: send a cardToken, or subscribe on the hosted page.",
    )
    SUBSCRIPTION_NOT_CHARGEABLE = subscription_error(
        7705, "SUBSCRIPTION_NOT_CHARGEABLE", 409, "Only a trialing, active or past-due subscription can be charged."
    )
    CHARGE_DECLINED = subscription_error(7706, "CHARGE_DECLINED", 402, "The card was charged and the charge declined.")
    CHARGE_IN_PROGRESS = subscription_error(
        7707,
        "CHARGE_IN_PROGRESS",
        409,
        "A charge of the subscription is being confirmed with the processor; try again shortly.",
    )
