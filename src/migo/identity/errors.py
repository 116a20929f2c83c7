"""The identity domain's error codes: users (71xx), keys and signatures (76xx), the back office's operators
and RBAC (78xx), and the Middleware's body credentials: the Payment Link hook's key pair (ownCode 2007) and an
application's clientId/clientSecret (2008)."""

from __future__ import annotations

from migo.platform.errors import domain_errors
from migo.platform.i18n import N_  # a message a customer also reads on a hosted page, translated there

identity_error = domain_errors("identity", gateway=(71, 76, 78), middleware=(range(2007, 2009),))


class IDENTITY_ERRORS:  # noqa: N801 - a namespace of constants, named like the platform's ERRORS
    # 71xx users
    USER_NOT_FOUND = identity_error(7100, "USER_NOT_FOUND", 404, "The user does not exist.")
    USERNAME_TAKEN = identity_error(7101, "USERNAME_TAKEN", 409, "The username is already registered.")
    USER_DISABLED = identity_error(7102, "USER_DISABLED", 403, N_("The user is disabled."))
    INVALID_OTP = identity_error(7103, "INVALID_OTP", 400, "The one-time code is not valid.")
    OTP_EXPIRED = identity_error(7104, "OTP_EXPIRED", 400, "The one-time code has expired; request a new one.")
    WEAK_PASSWORD = identity_error(7105, "WEAK_PASSWORD", 400, "The password does not meet the password policy.")

    # 76xx keys and signatures
    SIGNING_KEY_NOT_FOUND = identity_error(7600, "SIGNING_KEY_NOT_FOUND", 404, "The signing key does not exist.")
    INVALID_SIGNING_KEY = identity_error(7601, "INVALID_SIGNING_KEY", 400, "The signing key material is not valid.")
    INVALID_SIGNATURE = identity_error(7604, "INVALID_SIGNATURE", 401, "The request signature did not validate.")
    KEYS_EXPIRED = identity_error(7616, "KEYS_EXPIRED", 401, "The signing keys have expired; rotate them.")

    # 78xx back office operators and RBAC
    OPERATOR_TOKEN_REQUIRED = identity_error(
        7800, "OPERATOR_TOKEN_REQUIRED", 401, "An operator token is required in x-user-token."
    )
    PERMISSION_DENIED = identity_error(7801, "PERMISSION_DENIED", 403, "The operator lacks the required permission.")
    OPERATOR_DISABLED = identity_error(7802, "OPERATOR_DISABLED", 403, "The operator is disabled.")
    GRANT_EXCEEDS_OWN = identity_error(
        7803, "GRANT_EXCEEDS_OWN", 403, "An operator cannot grant or revoke a permission it does not hold."
    )
    OPERATOR_OUTRANKS_CALLER = identity_error(
        7804,
        "OPERATOR_OUTRANKS_CALLER",
        403,
        "The operator holds permissions the caller does not; only an operator who holds them all may change it.",
    )
    OPERATOR_NOT_FOUND = identity_error(7805, "OPERATOR_NOT_FOUND", 404, "The operator does not exist.")
    ROLE_NOT_FOUND = identity_error(7806, "ROLE_NOT_FOUND", 404, "The role does not exist.")
    SYSTEM_ROLE_READ_ONLY = identity_error(
        7807, "SYSTEM_ROLE_READ_ONLY", 409, "A system role cannot be changed; create a role of your own."
    )
    ROLE_NAME_TAKEN = identity_error(7808, "ROLE_NAME_TAKEN", 409, "A role by this name exists already.")
    OPERATOR_USERNAME_TAKEN = identity_error(
        7809, "OPERATOR_USERNAME_TAKEN", 409, "An operator of this partner has this username already."
    )
    OPERATOR_SELF_LOCKOUT = identity_error(
        7810,
        "OPERATOR_SELF_LOCKOUT",
        409,
        "An operator cannot disable itself nor give up its own `operators.manage` permission.",
    )
    OPERATOR_NOT_ACTIVE = identity_error(
        7811, "OPERATOR_NOT_ACTIVE", 409, "The operator is disabled; enable it before resetting its password."
    )
    PARTNER_NOT_FOUND = identity_error(7812, "PARTNER_NOT_FOUND", 404, "The partner does not exist.")
    CLIENT_NOT_OF_PARTNER = identity_error(
        7813, "CLIENT_NOT_OF_PARTNER", 404, "The partner has no Payment Link client by this slug."
    )
    PERMISSION_OUTSIDE_SCOPE = identity_error(
        7814, "PERMISSION_OUTSIDE_SCOPE", 400, "The roles grant permissions outside the operator's scope."
    )

    # The Middleware's `/transactions-hook` key pair (seed 002)
    INVALID_KEYS = identity_error(
        2007, "INVALID_KEYS", 401, "The publicKey/privateKey pair does not match an application."
    )
    # The Middleware's `POST /auth/token`: checked by the handler, like the hook's pair, so an ErrorResponseDto
    # (a bad access token or refresh token is the authorizer's bare 401, seed 002).
    INVALID_CLIENT_CREDENTIALS = identity_error(
        2008, "INVALID_CLIENT_CREDENTIALS", 401, "clientId and clientSecret do not match an active application."
    )
