"""CSV bulk charges (seed 000): a file of on-demand charges, `subscriptionId,amount,description,externalId`,
run as one of Migo's batches (platform.batches): refused whole when it is not such a file, then charged line
by line by the worker, each line once (its charge key is the batch's and the line's), a bad line reported and
skipped."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from migo.payments.schemas import parse_link_amount
from migo.platform import batches, security
from migo.platform.batches import Batch
from migo.platform.errors import MW_ERRORS, ApiError

from . import lifecycle
from .errors import SUBSCRIPTION_ERRORS

CSV = batches.CsvFile(
    kind="subscription_charges",
    columns=("subscriptionId", "amount", "description", "externalId"),
    subject="subscriptionId",
    reference="transactionUid",
)


def owner(merchant_slug: str) -> str:
    return f"client:{merchant_slug}"


def request_key(merchant_slug: str, idempotency_key: str | None) -> bytes | None:
    if idempotency_key is None:
        return None
    return security.keyed_hash(f"{merchant_slug}\n{idempotency_key}", purpose="subscription-bulk-charge")


def _line_error(detail: str) -> ApiError:
    return ApiError(MW_ERRORS.INVALID_BODY, detail)


def charger(merchant_slug: str, batch_id: uuid.UUID) -> batches.ProcessLine:
    """What the batch does with each of its lines: an on-demand charge, keyed by the batch and the line."""

    async def charge_line(fields: dict[str, str], line: int) -> batches.LineOutcome:
        subject = fields.get("subscriptionId") or None
        try:
            if fields.get("_cells") != str(len(CSV.columns)):
                raise _line_error(f"expected {len(CSV.columns)} columns: {','.join(CSV.columns)}")
            try:
                subscription_id = uuid.UUID(fields["subscriptionId"])
            except ValueError:
                raise _line_error("subscriptionId: not a subscription id") from None
            try:
                amount = parse_link_amount(
                    int(fields["amount"]) if fields["amount"].isascii() and fields["amount"].isdigit() else None
                )
            except (ValueError, TypeError):
                raise _line_error("amount: a whole number of the currency's unit, such as 100") from None
            description, external_id = fields["description"] or None, fields["externalId"] or None
            if description is not None and len(description) > 300:
                raise _line_error("description: at most 300 characters")
            if external_id is not None and len(external_id) > 200:
                raise _line_error("externalId: at most 200 characters")
            uid = await lifecycle.charge_now(
                merchant_slug,
                subscription_id,
                amount=amount,
                description=description,
                external_id=external_id,
                key=f"bulk:{batch_id.hex}:{line}",
            )
        except ApiError as refusal:
            return batches.LineOutcome.refused(subject, refusal)
        state = await lifecycle.charge_state(uid)
        if state.status == "denied":  # charged and declined: the line failed, its transaction stands
            declined = SUBSCRIPTION_ERRORS.CHARGE_DECLINED
            return batches.LineOutcome(False, subject, "denied", uid, declined.code, f"declined: {state.decline_code}")
        # approved, or pending (the processor did not answer: the worker finishes it, webhooks tell)
        return batches.LineOutcome(True, subject, state.status, uid)

    return charge_line


async def accept(
    session: AsyncSession, merchant_slug: str, data: bytes, idempotency_key: str | None
) -> tuple[Batch, bool]:
    """The upload read whole and stored as a batch (refused whole with a 79xx code otherwise); the same
    Idempotency-Key with the same file finds the batch it made. Returns it and whether it is new."""
    lines = batches.read_csv(data, CSV)
    return await batches.create(
        session,
        owner=owner(merchant_slug),
        spec=CSV,
        lines=lines,
        digest=batches.file_digest(data),
        request_key=request_key(merchant_slug, idempotency_key),
    )
