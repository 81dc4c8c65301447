"""The Dagster UI, in a real browser, over an instance that has ingested one report.

A folder of one report and one unreadable (empty) file is ingested into a throwaway Dagster
instance (in a subprocess, as `annual-reports ingest` does it; the empty file first), and
`dagster-webserver` serves the project's definitions over it. Headless Chromium checks what a
person would look for: the four assets in the catalog and the lineage graph, the report's
partition materialized, the blocking checks passed on it and skipped (not "execution failed")
on the quarantined file, the warning check shown as a warning with its offending rows as a
table in place, and the warehouse asset's row count and column schema.

Run it alone with `.venv/bin/pytest -m browser`. Without /usr/bin/chromium it is skipped, except
when CI is set: CI must run it. A failing step saves a screenshot to out/ui-failure-<step>.png."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from pipelines.checks import RULES
from tests.ui_support import (
    CHROMIUM_ARGS,
    DISMISS_COMMUNITY_NUX,
    UNREADABLE,
    Sandbox,
    Webserver,
    on_failure,
    require_chromium,
)
from warehouse import descriptions

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(300)]

ASSETS = ["parsed_report", "report_records", "warehouse_tables", "analyst_views"]
PARTITION = "wego_2021_annual_report"
QUARANTINED = UNREADABLE.removesuffix(".pdf")  # its partition
WARNING_CHECK = "headline_figures_reconcile"  # the sample's "7 new members" against 8 profiles
BLOCKING_CHECKS = [
    "member_totals_reconcile",
    "required_fields_present",
    "no_duplicate_members",
    "records_have_provenance",
]
TIMEOUT_MS = 30_000


@pytest.fixture(scope="module")
def chromium() -> Path:
    return require_chromium()


@pytest.fixture(scope="module")
def server(chromium: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Webserver]:
    sandbox = Sandbox(tmp_path_factory.mktemp("dagster_ui")).create()
    sandbox.add_unreadable()
    webserver = Webserver(sandbox)
    try:
        # ingested first, then served: started together, both created the fresh instance's
        # run storage at once, and the webserver's schema check failed (alembic CommandError)
        stdout = sandbox.ingest()
        assert "1 quarantined" in stdout, stdout
        webserver.start()
        yield webserver
    finally:
        webserver.stop()


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Browser]:
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser, server: Webserver) -> Iterator[Page]:
    context = browser.new_context(base_url=server.url, viewport={"width": 1400, "height": 900})
    context.add_init_script(DISMISS_COMMUNITY_NUX)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_catalog_and_lineage_show_the_assets(page: Page, server: Webserver, tmp_path: Path):
    with on_failure(page, "catalog", server, tmp_path):
        response = page.goto("/assets")
        assert response is not None and response.ok, response
        for name in ASSETS:
            link = page.locator(f'a[href="/assets/{name}"]')
            expect(link).to_be_visible()
            expect(link).to_contain_text(name)
        # the unpartitioned views asset was refreshed by the ingest
        rows = page.locator('[class*="VirtualizedTable_row"]')
        row = rows.filter(has=page.locator('a[href="/assets/analyst_views"]'))
        expect(row).to_contain_text("Materialized")

    with on_failure(page, "lineage", server, tmp_path):
        page.goto("/locations/pipelines.definitions/asset-groups/reports/lineage")
        for name in ("parsed_report", "report_records", "warehouse_tables"):
            expect(page.get_by_text(name, exact=True).first).to_be_visible()
        # both partitioned nodes of the group: the report's partition is materialized, the
        # quarantined file's is not
        expect(page.get_by_text("50% filled")).to_have_count(2)


def test_report_partition_is_materialized(page: Page, server: Webserver, tmp_path: Path):
    with on_failure(page, "partitions", server, tmp_path):
        page.goto("/assets/report_records?view=partitions")
        expect(page.get_by_text("Materialized (1)")).to_be_visible()
        expect(page.get_by_text("Missing (1)")).to_be_visible()  # the quarantined file
        expect(page.get_by_text("Failed (0)")).to_be_visible()
        page.get_by_text(PARTITION, exact=True).first.click()
        expect(page).to_have_url(f"{server.url}/assets/report_records?view=partitions"
                                 f"&partition={PARTITION}")  # fmt: skip
        header = page.locator(f'[data-tooltip="{PARTITION}"]').filter(has_text="Materialized")
        expect(header).to_be_visible()
        expect(page.get_by_text("Latest materialization")).to_be_visible()
        expect(page.get_by_text("records/members", exact=True)).to_be_visible()


def test_report_checks_passed(page: Page, server: Webserver, tmp_path: Path):
    with on_failure(page, "checks", server, tmp_path):
        page.goto("/assets/report_records?view=checks")
        expect(page.get_by_text(f"Checks ({len(RULES)})")).to_be_visible()
        for name in BLOCKING_CHECKS:
            # the list row: the check's name, then its status over all partitions under it:
            # skipped on the quarantined file's, never failed
            expect(page.locator(f'[title="{name}"] + span')).to_have_text("Skipped")
        # one check's detail: its latest execution passed, on the report's partition
        page.locator(f'[title="{BLOCKING_CHECKS[0]}"]').first.click()
        expect(page).to_have_url(f"{server.url}/assets/report_records?view=checks"
                                 f"&checkDetail={BLOCKING_CHECKS[0]}")  # fmt: skip
        expect(page.get_by_text("This is a blocking asset check.")).to_be_visible()
        result = page.get_by_text("Evaluation result", exact=True).locator("xpath=..")
        expect(result).to_contain_text("Passed")
        expect(page.get_by_text(PARTITION, exact=True)).to_be_visible()


def _check_row_icon(page: Page, name: str) -> str:
    """The icon beside a check in the checks list (Dagster's icon names)."""
    row = page.locator(f'[title="{name}"]').locator("xpath=../..")
    return str(row.get_by_role("img").first.get_attribute("aria-label"))


def test_a_warning_shows_as_a_warning_with_its_rows_in_place(
    page: Page, server: Webserver, tmp_path: Path
):
    with on_failure(page, "warning", server, tmp_path):
        page.goto(f"/assets/report_records?view=checks&checkDetail={WARNING_CHECK}")
        expect(page.get_by_text("This is a non-blocking asset check.")).to_be_visible()
        expect(page.locator(f'[title="{WARNING_CHECK}"]').first).to_be_visible()
        assert _check_row_icon(page, WARNING_CHECK) == "warning_outline"  # yellow, not red
        result = page.get_by_text("Evaluation result", exact=True).locator("xpath=..")
        expect(result.get_by_role("img", name="warning_outline")).to_be_visible()
        expect(result.get_by_role("img", name="cancel")).to_have_count(0)
        # the offending rows: a table on the page itself, no "[Show Markdown]" to click
        rows = page.locator("table").filter(has=page.get_by_text("stated", exact=True))
        expect(rows.get_by_text("new_members", exact=True)).to_be_visible()
        expect(rows.get_by_text("scope", exact=True)).to_be_visible()
        expect(page.get_by_text("Show Markdown")).to_have_count(0)


def test_checks_are_skipped_for_the_quarantined_file(page: Page, server: Webserver, tmp_path: Path):
    with on_failure(page, "skipped", server, tmp_path):
        page.goto(f"/assets/report_records?view=checks&checkDetail={BLOCKING_CHECKS[0]}")
        expect(page.get_by_text("This is a blocking asset check.")).to_be_visible()
        page.get_by_text("Partitions", exact=True).nth(
            1
        ).click()  # the check's tab, not the asset's
        expect(page.get_by_text("Skipped (1)")).to_be_visible()
        expect(page.get_by_text("Passed (1)")).to_be_visible()
        expect(page.get_by_text("Execution Failed (0)")).to_be_visible()
        expect(page.get_by_text("Failed (0)", exact=True)).to_be_visible()
        expect(page.get_by_text(QUARANTINED, exact=True).first).to_be_visible()


def test_the_warehouse_asset_shows_row_count_and_column_schema(
    page: Page, server: Webserver, tmp_path: Path
):
    with on_failure(page, "columns", server, tmp_path):
        page.goto("/assets/warehouse_tables")
        count = page.get_by_text("Row count", exact=True).locator("xpath=..")
        expect(count).to_contain_text(re.compile(r"Row count\s*[1-9][0-9]*"))
        expect(page.get_by_text("Columns", exact=True)).to_be_visible()
        # DuckDB's own columns: a table's column, its SQL type, its description from the docs
        name = page.get_by_text("members.member_type", exact=True)
        expect(name).to_be_visible()
        row = page.locator("tr").filter(has=name)
        expect(row).to_contain_text("VARCHAR")
        expect(row).to_contain_text("non-nullable")
        described = descriptions.load()["members"]["columns"]["member_type"]
        expect(row).to_contain_text(described[:40])
