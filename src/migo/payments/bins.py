"""BINs: what the first digits of a card say about it. The brand comes from the IIN ranges (always); the
type, issuer and country from the BIN table, loaded from a CSV (`migo bins load`; the project ships one)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import pan

from .models import BinRange, PaymentClient

SHIPPED_CSV = Path(__file__).with_name("data") / "bins.csv"
CARD_TYPES = ("credit", "debit", "prepaid")


@dataclass(frozen=True)
class BinInfo:
    bin: str
    brand: str
    type: str  # credit | debit | prepaid | unknown
    issuer: str | None
    country: str | None


async def lookup(session: AsyncSession, digits: str) -> BinInfo:
    """The most specific BIN row for these leading digits (8, then 6), else what the IIN ranges tell."""
    candidates = [digits[:8], digits[:6]] if len(digits) >= 8 else [digits[:6]]
    row = await session.scalar(
        select(BinRange).where(BinRange.bin.in_(candidates)).order_by(func.length(BinRange.bin).desc()).limit(1)
    )
    if row is None:
        return BinInfo(digits[:6], pan.brand_of(digits), "unknown", None, None)
    return BinInfo(row.bin, row.brand, row.type, row.issuer, row.country)


def refusals(client: PaymentClient, info: BinInfo) -> list[str]:
    """Why the client's BIN rules refuse this card (empty: accepted)."""
    reasons = []
    if client.allowed_brands and info.brand not in client.allowed_brands:
        reasons.append(f"brand {info.brand} is not accepted")
    if client.allowed_card_types and info.type not in client.allowed_card_types:
        reasons.append(f"card type {info.type} is not accepted")
    if client.allowed_countries and info.country not in client.allowed_countries:
        reasons.append(f"issuer country {info.country or 'unknown'} is not accepted")
    return reasons


def read_csv(path: Path) -> list[dict[str, str | None]]:
    """Rows of a BIN CSV (bin,brand,type,issuer,country), checked; ValueError names the first bad line."""
    rows = []
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or "bin" not in [name.strip().lower() for name in reader.fieldnames]:
            raise ValueError(f"{path}:1: the first line must be the header bin,brand,type,issuer,country")
        for line, record in enumerate(reader, start=2):
            bin_digits = (record.get("bin") or "").strip()
            card_type = (record.get("type") or "").strip().lower()
            country = (record.get("country") or "").strip().upper() or None
            if not (bin_digits.isdigit() and len(bin_digits) in (6, 8)):
                raise ValueError(f"{path}:{line}: bin must be 6 or 8 digits")
            if card_type not in CARD_TYPES:
                raise ValueError(f"{path}:{line}: type must be one of {', '.join(CARD_TYPES)}")
            if country is not None and not (len(country) == 2 and country.isalpha()):
                raise ValueError(f"{path}:{line}: country must be an ISO 3166 alpha-2 code")
            brand = (record.get("brand") or "").strip().lower() or pan.brand_of(bin_digits)
            issuer = (record.get("issuer") or "").strip()[:120] or None
            rows.append({"bin": bin_digits, "brand": brand, "type": card_type, "issuer": issuer, "country": country})
    return rows


async def load(session: AsyncSession, rows: list[dict[str, str | None]]) -> int:
    """Insert or update these BIN rows; returns how many."""
    if rows:
        statement = insert(BinRange).values(rows)
        await session.execute(
            statement.on_conflict_do_update(
                index_elements=[BinRange.bin],
                set_={c: statement.excluded[c] for c in ("brand", "type", "issuer", "country")},
            )
        )
    return len(rows)


async def load_shipped_if_empty(session: AsyncSession) -> None:
    """A new database gets the shipped table; an operator's own table is never overwritten."""
    if await session.scalar(select(func.count()).select_from(BinRange)) == 0:
        await load(session, read_csv(SHIPPED_CSV))
