"""The year in pictures: one self-contained HTML page of charts over the published warehouse.

    annual-reports dashboard [--out dashboard.html]

Each chart is drawn by Plotly from one SQL query, printed under it. The page works offline:
Plotly's script is embedded once, and nothing is fetched from the network (no map tiles or
fonts; member countries are a ranked chart, not a map that would need a world outline).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from warehouse import settings


@dataclass(frozen=True)
class Chart:
    title: str
    sql: str
    draw: Callable[[pd.DataFrame], go.Figure]


def _bars(
    x: str, y: str, by: str, *, horizontal: bool = False
) -> Callable[[pd.DataFrame], go.Figure]:
    """Grouped bars of `y` over `x`, one trace per value of `by`."""

    def draw(frame: pd.DataFrame) -> go.Figure:
        figure = go.Figure()
        for key, rows in frame.groupby(by, sort=True):
            if horizontal:
                figure.add_bar(y=rows[x].astype(str), x=rows[y], name=str(key), orientation="h")
            else:
                figure.add_bar(x=rows[x].astype(str), y=rows[y], name=str(key))
        figure.update_layout(barmode="group", legend_title_text=by)
        if horizontal:
            figure.update_yaxes(autorange="reversed")
        return figure

    return draw


CHARTS = (
    Chart(
        "Members by region (institutions and companies by type), per report",
        """SELECT coalesce(m.region, replace(m.member_type, '_', ' ')) AS region_or_type,
       r.year, count(*) AS members
FROM members m JOIN reports r USING (report_id)
GROUP BY ALL ORDER BY r.year, region_or_type""",
        _bars("region_or_type", "members", "year"),
    ),
    Chart(
        "Joined, left and renamed between the last two reports",
        """WITH last_pair AS (
    SELECT organization, max(to_year) AS to_year FROM member_changes GROUP BY organization
)
SELECT c.organization || ' ' || c.from_year || '-' || c.to_year AS reports, c.change,
       count(*) AS members
FROM member_changes c JOIN last_pair USING (organization, to_year)
GROUP BY ALL ORDER BY reports, c.change""",
        _bars("change", "members", "reports"),
    ),
    Chart(
        "Events per month, organized and on partner stages",
        """SELECT strftime(month, '%Y-%m') AS month, kind, sum(event_count)::BIGINT AS events
FROM events_by_month GROUP BY ALL ORDER BY month, kind""",
        _bars("month", "events", "kind"),
    ),
    Chart(
        "Award winners by category and level",
        """SELECT category, level, count(*) AS winners FROM awards GROUP BY ALL
ORDER BY category, level""",
        _bars("category", "winners", "level"),
    ),
    Chart(
        "Member countries (the latest report of each organization), most members first",
        """WITH latest AS (
    SELECT report_id FROM reports QUALIFY row_number() OVER (
        PARTITION BY coalesce(publisher_id, organization) ORDER BY year DESC) = 1
)
SELECT coalesce(c.common_name, m.country, '(unknown)') AS country, count(*) AS members,
       'members' AS kind
FROM members m JOIN latest USING (report_id) LEFT JOIN countries c ON c.iso3 = m.country_iso3
GROUP BY ALL ORDER BY members DESC, country LIMIT 30""",
        _bars("country", "members", "kind", horizontal=True),
    ),
)


def dashboard_html(conn: duckdb.DuckDBPyConnection) -> str:
    """The page: every chart with its SQL; a chart without rows says so instead."""
    parts = []
    first = True
    for n, chart in enumerate(CHARTS):
        frame = conn.execute(chart.sql).df()
        parts.append(f"<section id='chart-{n}'><h2>{html.escape(chart.title)}</h2>")
        if len(frame):
            figure = chart.draw(frame)
            figure.update_layout(height=420, margin={"t": 30, "l": 60, "r": 20, "b": 60})
            parts.append(
                pio.to_html(
                    figure,
                    full_html=False,
                    include_plotlyjs=first,
                    div_id=f"figure-{n}",
                    config={"displaylogo": False},
                )
            )
            first = False
        else:
            parts.append("<p class='empty'>No rows yet.</p>")
        parts.append(f"<details><summary>SQL</summary><pre>{html.escape(chart.sql)}</pre>"
                     "</details></section>")  # fmt: skip
    reports = conn.execute(
        "SELECT string_agg(report_id, ', ' ORDER BY year, report_id) FROM reports"
    ).fetchall()[0][0]
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>The year in pictures</title>"
        "<style>body{font:14px/1.4 system-ui,sans-serif;margin:0 2em 3em}"
        "section{max-width:1100px}pre{background:#f6f6f6;padding:.5em}</style></head><body>"
        f"<h1>The year in pictures</h1><p>Reports: {html.escape(reports or 'none')}</p>"
        f"{''.join(parts)}</body></html>"
    )


def write_dashboard(out: Path, published: Path | None = None) -> Path:
    path = published or settings.published_path()
    if not path.is_file():
        raise FileNotFoundError(f"no published warehouse at {path}: run `make run` first")
    conn = duckdb.connect(str(path), read_only=True)
    try:
        page = dashboard_html(conn)
    finally:
        conn.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out
