"""A settlement's reports, as a finance team reconciles them: a CSV of its lines (one row per payment or refund,
with the totals row last) and a PDF with the issuer, the business, the period, the totals and the lines, on
numbered pages. `settlement_report` gathers what either needs, for the Gateway's and the back office's downloads."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from migo.identity import service as identity
from migo.platform.batches import spreadsheet_cell
from migo.platform.money import format_money
from migo.platform.pdf import NumberedPdf, latin1

from . import businesses, settlements
from .models import Business, Payout, Settlement, SettlementLine

CSV_COLUMNS = (
    "line",
    "source",
    "type",
    "reference",
    "payment",
    "occurredAt",
    "gross",
    "fee",
    "net",
    "currency",
    "settleTo",
)


def settlement_csv(settlement: Settlement, lines: Sequence[SettlementLine]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for line in lines:
        writer.writerow(
            (
                line.position,
                line.source,
                line.kind,
                spreadsheet_cell(line.reference),
                line.payment_id or line.link_uid,
                line.occurred_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                format_money(line.gross),
                format_money(line.fee),
                format_money(line.net),
                settlement.currency,
                f"card:{line.settle_to_card_id}" if line.settle_to_card_id else "balance",
            )
        )
    writer.writerow(
        (
            "",
            "",
            "total",
            "",
            "",
            "",
            format_money(settlement.gross),
            format_money(settlement.fees),
            format_money(settlement.net),
            settlement.currency,
            "",
        )
    )
    return out.getvalue()


def settlement_pdf(
    *,
    issuer: str,
    business: Business,
    settlement: Settlement,
    lines: Sequence[SettlementLine],
    payout: Payout | None,
) -> bytes:
    pdf = NumberedPdf(f"Settlement {settlement.id}")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Settlement report", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    stamp = "%Y-%m-%d %H:%M"
    first = min((line.occurred_at for line in lines), default=settlement.closed_until)
    period = f"{first.astimezone(UTC).strftime(stamp)} to {settlement.closed_until.astimezone(UTC).strftime(stamp)} UTC"
    facts = [
        ("Issuer", latin1(issuer)),
        ("Business", latin1(business.name)),
        ("Settlement", str(settlement.id)),
        ("Cutoff date", settlement.cutoff_date.isoformat()),
        ("Period", period),
        ("Settlement date", settlement.settlement_date.isoformat()),
        ("Status", settlement.status.replace("_", " ")),
        (
            "Pricing",
            f"{format_money(settlement.pricing_percent)}% + {format_money(settlement.pricing_fixed)} "
            f"{settlement.currency} per payment",
        ),
    ]
    if payout is not None:
        bank = f"{latin1(payout.bank_name)} ending {payout.account_number_last4}"
        facts.append(("Payout", f"{format_money(payout.amount)} {payout.currency} to {bank}, {payout.status}"))
    for label, value in facts:
        pdf.cell(40, 6, label)
        pdf.cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 11)
    for label, amount in (("Gross", settlement.gross), ("Fees", settlement.fees), ("Net", settlement.net)):
        pdf.cell(40, 7, label)
        pdf.cell(50, 7, f"{format_money(amount)} {settlement.currency}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    widths = (10, 24, 42, 36, 26, 26, 26)
    headings = ("#", "Type", "Reference", "Date (UTC)", "Gross", "Fee", "Net")

    def heading_row() -> None:
        pdf.set_font("Helvetica", "B", 9)
        for width, heading in zip(widths, headings, strict=True):
            pdf.cell(width, 7, heading, border="B", align="R" if heading in ("Gross", "Fee", "Net") else "L")
        pdf.ln()
        pdf.set_font("Helvetica", size=9)

    heading_row()
    for line in lines:
        if pdf.will_page_break(6):
            pdf.add_page()
            heading_row()
        pdf.cell(widths[0], 6, str(line.position))
        pdf.cell(widths[1], 6, f"{'POS' if line.source == 'terminal' else 'link'} {line.kind}")
        pdf.cell(widths[2], 6, latin1(line.reference[:22]))
        pdf.cell(widths[3], 6, line.occurred_at.astimezone(UTC).strftime(stamp))
        pdf.cell(widths[4], 6, format_money(line.gross), align="R")
        pdf.cell(widths[5], 6, format_money(line.fee), align="R")
        pdf.cell(widths[6], 6, format_money(line.net), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(sum(widths[:4]), 7, f"Total of {settlement.line_count} lines", border="T")
    pdf.cell(widths[4], 7, format_money(settlement.gross), border="T", align="R")
    pdf.cell(widths[5], 7, format_money(settlement.fees), border="T", align="R")
    pdf.cell(widths[6], 7, format_money(settlement.net), border="T", align="R", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@dataclass(frozen=True)
class Report:
    body: bytes | str
    media_type: str
    filename: str


async def settlement_report(session: AsyncSession, settlement: Settlement, kind: Literal["csv", "pdf"]) -> Report:
    """The settlement's CSV or PDF report (the PDF names its company as the issuer)."""
    lines = await settlements.lines_of(session, settlement)
    filename = f"settlement-{settlement.id}.{kind}"
    if kind == "csv":
        return Report(settlement_csv(settlement, lines), "text/csv; charset=utf-8", filename)
    pdf = settlement_pdf(
        issuer=await identity.company_name(session, settlement.company_id),
        business=await businesses.find_business(session, settlement.company_id, settlement.business_id),
        settlement=settlement,
        lines=lines,
        payout=(await settlements.payouts_of(session, [settlement.id])).get(settlement.id),
    )
    return Report(pdf, "application/pdf", filename)


def report_download(report: Report) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{report.filename}"'}
