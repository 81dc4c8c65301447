"""The Dagster UI, in a real browser, over an instance that has ingested one report.

One report is ingested into a throwaway Dagster instance (in a subprocess, as `annual-reports
ingest` does it), `dagster-webserver` serves the project's definitions over it, and headless
Chromium checks what a person would look for: the four assets in the catalog and the lineage
graph, the report's partition materialized, and the blocking checks passed.

Run it alone with `.venv/bin/pytest -m browser`. Without /usr/bin/chromium it is skipped, except
when CI is set: CI must run it. A failing step saves a screenshot to out/ui-failure-<step>.png."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from pipelines.checks import RULES
from tests.ui_support import (
    CHROMIUM_ARGS,
    DISMISS_COMMUNITY_NUX,
    Sandbox,
    Webserver,
    on_failure,
    require_chromium,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(300)]

ASSETS = ["parsed_report", "report_records", "warehouse_tables", "analyst_views"]
PARTITION = "wego_2021_annual_report"
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
    sandbox.ingest()
    webserver = Webserver(sandbox)
    try:
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
        # both partitioned nodes of the group: their one partition is materialized
        expect(page.get_by_text("100% filled")).to_have_count(2)


def test_report_partition_is_materialized(page: Page, server: Webserver, tmp_path: Path):
    with on_failure(page, "partitions", server, tmp_path):
        page.goto("/assets/report_records?view=partitions")
        expect(page.get_by_text("Materialized (1)")).to_be_visible()
        expect(page.get_by_text("Missing (0)")).to_be_visible()
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
            # the list row: the check's name, then its latest status under it
            expect(page.locator(f'[title="{name}"] + span')).to_have_text("Succeeded")
        # one check's detail: its latest execution passed, on the report's partition
        page.locator(f'[title="{BLOCKING_CHECKS[0]}"]').first.click()
        expect(page).to_have_url(f"{server.url}/assets/report_records?view=checks"
                                 f"&checkDetail={BLOCKING_CHECKS[0]}")  # fmt: skip
        expect(page.get_by_text("This is a blocking asset check.")).to_be_visible()
        result = page.get_by_text("Evaluation result", exact=True).locator("xpath=..")
        expect(result).to_contain_text("Passed")
        expect(page.get_by_text(PARTITION, exact=True)).to_be_visible()
