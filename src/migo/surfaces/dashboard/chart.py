"""The home's chart of daily volume, drawn on the server as SVG: no chart library, no script, and it reads the
same in every browser and in a screenshot."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from markupsafe import Markup, escape

from migo.platform.money import display_money

WIDTH, HEIGHT, AXIS = 600, 160, 20


def daily_volume_svg(days: list[date], daily: dict[date, Decimal], currency: str) -> Markup:
    """One bar per day (oldest first), each with its day and amount as a tooltip; the largest day labelled."""
    largest = max(daily.values(), default=Decimal(0))
    slot = WIDTH / len(days)
    bars = []
    for n, day in enumerate(days):
        amount = daily.get(day, Decimal(0))
        height = float(amount / largest) * (HEIGHT - AXIS) if largest else 0.0
        label = f"{day.isoformat()}: {display_money(amount, currency)}"
        bars.append(
            f'<rect x="{n * slot + 1:.1f}" y="{HEIGHT - AXIS - height:.1f}" width="{slot - 2:.1f}" '
            f'height="{max(height, 1.0):.1f}" class="bar{" today" if n == len(days) - 1 else ""}">'
            f"<title>{escape(label)}</title></rect>"
        )
    caption = f"Daily volume, last {len(days)} days ({currency}); largest day {display_money(largest, currency)}"
    # Every value put in is a number or escaped here.
    return Markup(  # noqa: S704
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(caption)}" '
        f'preserveAspectRatio="none">{"".join(bars)}'
        f'<text x="0" y="{HEIGHT - 4}" class="axis">{escape(days[0].strftime("%d %b"))}</text>'
        f'<text x="{WIDTH}" y="{HEIGHT - 4}" class="axis end">{escape(days[-1].strftime("%d %b"))}</text></svg>'
    )
