"""One typed settings object, read from `MIGO_*` environment variables (and `DATABASE_URL`)."""

from __future__ import annotations

import os
import secrets
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, IPvAnyNetwork, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from migo.platform.files import write_private_file


def default_home() -> Path:
    """Where local state lives when MIGO_HOME is unset: the project's `.migo` for a source checkout (found from
    this package's own place, `<root>/src/migo`), a per-user data folder for an installed package. Never the
    current directory's: a command run from another folder would otherwise start a second embedded database
    and write a second master secret there."""
    package = Path(__file__).resolve().parents[1]
    root = package.parents[1]
    if package.parent.name == "src" and (root / "pyproject.toml").is_file():
        return root / ".migo"
    data = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data) / "migo"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MIGO_", extra="ignore", hide_input_in_errors=True)

    environment: Literal["sandbox", "production"] = "sandbox"
    # Unset: the embedded PostgreSQL under `home`/pg is started (see platform.embedded).
    database_url: str | None = Field(default=None, validation_alias=AliasChoices("DATABASE_URL", "MIGO_DATABASE_URL"))
    public_url: str = "http://127.0.0.1:8000"
    # The master secret every server key is derived from. Required in production; in the sandbox it is
    # generated once and kept in `home`/secret_key so credentials survive restarts.
    secret_key: SecretStr | None = None
    home: Path = Field(default_factory=default_home)
    log_level: str = "INFO"
    # Connections per server process, all kept open: an overflow connection is closed when it is handed
    # back, and under load that meant a new PostgreSQL backend every few requests (measured: ~15 % fewer
    # transfers/s with 10 + 10 overflow than with 20 + 0).
    db_pool_size: int = 20
    db_max_overflow: int = 0
    web_concurrency: int = 2
    # Worker processes `migo worker` runs (platform.supervisor), and the jobs each runs at once.
    worker_processes: int = Field(default=2, ge=1)
    worker_concurrency: int = 8

    # Token lifetimes for applications (seed 003: access 30 min, refresh 7 days). Cardholder and operator
    # token lifetimes are configured per partner, these are the defaults a new partner gets.
    app_access_ttl_seconds: int = 30 * 60
    app_refresh_ttl_seconds: int = 7 * 24 * 3600
    user_access_ttl_seconds: int = 15 * 60
    user_refresh_ttl_seconds: int = 30 * 24 * 3600
    operator_access_ttl_seconds: int = 15 * 60
    operator_refresh_ttl_seconds: int = 12 * 3600
    signature_tolerance_seconds: int = 300
    # The secrets (`whsec_…`, one each) the card processor and the acquirer sign their notices with (derived
    # from the master secret in the sandbox when unset).
    volcan_webhook_secret: SecretStr | None = None
    settlements_webhook_secret: SecretStr | None = None
    idempotency_ttl_seconds: int = 24 * 3600
    # The reverse proxies (addresses or CIDRs, comma-separated) whose X-Forwarded-For / X-Forwarded-Proto the
    # server believes. Empty: nobody's, and every per-address rate limit counts the connecting address. A
    # client that could set X-Forwarded-For itself would pick a fresh address for every try.
    trusted_proxies: Annotated[list[IPvAnyNetwork], NoDecode] = []
    # What Prometheus sends as `Authorization: Bearer <token>` to scrape /metrics. Unset, /metrics is open in
    # the sandbox and absent (404) in production: request rates, routes and error counts are not public.
    metrics_token: SecretStr | None = None
    # The sandbox delivers webhooks to loopback (127.0.0.1, localhost, [::1]) so integrators can receive on
    # their own machine; a sandbox hosted for the public sets this false, or any integrator could make the
    # server POST to the services of its own host. Production never delivers to loopback.
    sandbox_loopback_webhooks: bool = True
    # Request body budgets (platform.bodylimit): JSON APIs, and the endpoints that opt in as uploads.
    max_json_body_bytes: int = Field(default=1024 * 1024, gt=0)
    max_upload_body_bytes: int = Field(default=20 * 1024 * 1024, gt=0)
    # Where uploaded files (KYC documents) are kept: a folder under `home` (`local`), or an S3-compatible bucket
    # (`s3`: AWS S3, MinIO, Ceph, R2, ...; `s3_endpoint_url` unset means AWS). Files are sealed (AES-GCM)
    # before they reach either.
    storage: Literal["local", "s3"] = "local"
    s3_bucket: str | None = None
    s3_endpoint_url: str | None = None
    s3_region: str = "us-east-1"
    s3_access_key_id: SecretStr | None = None  # unset: boto3's own chain (environment, instance role, ...)
    s3_secret_access_key: SecretStr | None = None
    s3_prefix: str = ""  # prepended to every key, for a bucket shared with other data
    # The processor that charges terminal (POS) payments of cards Migo did not issue (Migo's own are charged
    # on-us, through the ledger).
    pos_processor: str = "sandbox"
    # The days settlements are not credited on, besides Saturdays and Sundays: ISO dates, comma-separated
    # (`MIGO_SETTLEMENT_HOLIDAYS=2026-12-25,2027-01-01`).
    settlement_holidays: Annotated[list[date], NoDecode] = []
    # Business days from a settlement's credit to the money's arrival at the business's bank (seed 003: T+1
    # to T+3, depending on the bank).
    payout_delay_business_days: int = Field(default=1, ge=1, le=3)
    # The senders of notifications (payment links sent by sms, wa or email; see notifications.senders). A
    # channel with no provider configured goes to the sandbox outbox in the sandbox, and fails in production.
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str = "Migo <no-reply@localhost>"
    smtp_starttls: bool = True
    # Twilio's Messages API for sms and wa; `twilio_api_url` points elsewhere only to test against a fake.
    twilio_account_sid: str | None = None
    twilio_auth_token: SecretStr | None = None
    twilio_sms_from: str | None = None  # +E.164
    twilio_whatsapp_from: str | None = None  # +E.164 of the WhatsApp sender, without `whatsapp:`
    twilio_api_url: str = "https://api.twilio.com"

    @field_validator("trusted_proxies", "settlement_holidays", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        return [item.strip() for item in value.split(",") if item.strip()] if isinstance(value, str) else value

    @field_validator(
        "metrics_token",
        "smtp_host",
        "smtp_username",
        "smtp_password",
        "twilio_account_sid",
        "twilio_auth_token",
        mode="before",
    )
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        # `MIGO_METRICS_TOKEN=` must not turn into a token that an empty `Bearer ` matches, nor `MIGO_SMTP_HOST=`
        # into a server to connect to.
        return None if value == "" else value

    @model_validator(mode="after")
    def _s3_needs_a_bucket(self) -> Settings:
        if self.storage == "s3" and not self.s3_bucket:
            raise ValueError("MIGO_STORAGE=s3 needs MIGO_S3_BUCKET")
        return self

    @model_validator(mode="after")
    def _inbound_secrets_are_distinct(self) -> Settings:
        # One secret for both receivers would let a notice signed for one be accepted by the other.
        volcan, settlements = self.volcan_webhook_secret, self.settlements_webhook_secret
        if volcan is not None and settlements is not None and volcan == settlements:
            raise ValueError("MIGO_VOLCAN_WEBHOOK_SECRET and MIGO_SETTLEMENTS_WEBHOOK_SECRET must differ")
        return self

    @property
    def is_sandbox(self) -> bool:
        return self.environment == "sandbox"

    @property
    def webhooks_to_loopback(self) -> bool:
        return self.is_sandbox and self.sandbox_loopback_webhooks

    @property
    def secret_file(self) -> Path:
        return (self.home / "secret_key").resolve()

    def has_master_secret(self) -> bool:
        """Whether a master secret is set here (MIGO_SECRET_KEY, or the sandbox's file), before one is made."""
        return self.secret_key is not None or (self.is_sandbox and self.secret_file.exists())

    def master_secret(self) -> bytes:
        if self.secret_key is not None:
            return self.secret_key.get_secret_value().encode()
        if not self.is_sandbox:
            raise RuntimeError("MIGO_SECRET_KEY must be set in production")
        path = self.secret_file
        if not path.exists():
            write_private_file(path, secrets.token_urlsafe(48), replace=False)
        return path.read_text().strip().encode()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
