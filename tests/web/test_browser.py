"""The pages in a real headless Chromium (Debian's package, driven by Playwright) against a real
uvicorn server: what a person sees and clicks. Each test saves a screenshot of its page under
test-artifacts/screenshots/.

Skipped, saying why, where Chromium is not installed (CI installs it: see .ci/run).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factories import REPO
from newsgraph.web.bench import serving

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright==1.65.2)")

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not found on PATH; install it with `apt-get install -y chromium` to run browser tests"
)
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def base_url(web_db: tuple[Path, dict[str, str]]) -> Iterator[str]:
    with serving(web_db[0]) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        opened = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield opened
        opened.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.dialogs = dialogs
    yield opened
    context.close()


def shoot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


PAGES = [
    ("home", "/", "What the database holds"),
    ("articles", "/documents", "Articles"),
    ("actors", "/actors", "Actors"),
    ("actor", "/actors/country:KEN", "Kenya"),
    ("timeline", "/timeline", "Timeline"),
    ("stories", "/stories", "Stories"),
    ("story", "/stories/story_velka", "Shelling of Velka"),
    ("search", "/search?q=fire", "Search quotations and events"),
]


@pytest.mark.parametrize(("name", "url", "heading"), PAGES, ids=[name for name, _, _ in PAGES])
def test_each_page_opens_with_its_heading(page: Any, name: str, url: str, heading: str) -> None:
    page.goto(url)
    playwright_api.expect(page.locator("h1")).to_have_text(heading)
    shoot(page, name)


def test_the_article_page_highlights_and_shows_raw_text_on_demand(page: Any, ids: dict[str, str]) -> None:
    page.goto(f"/documents/{ids['doc_a']}")
    playwright_api.expect(page.locator("h1")).to_have_text("Norland accuses Sudmark of shelling border town")
    assert page.locator(".clean-text .quote").count() > 0
    assert page.locator(".clean-text a.actor").count() > 0
    raw = page.locator("#raw-text pre")
    playwright_api.expect(raw).to_be_hidden()
    page.get_by_text("Raw text as read").click()
    playwright_api.expect(raw).to_be_visible()
    playwright_api.expect(raw).to_contain_text("Piotr Lund")
    shoot(page, "article")


def test_clicking_an_event_in_the_timeline_opens_its_sentence(page: Any, ids: dict[str, str]) -> None:
    page.goto("/timeline?type=ASSAULT&status=denied")
    row = page.locator(".event-row").filter(has_text="did not fire a single shell")
    sentence = row.locator("blockquote.evidence").inner_text().strip()
    row.locator("a.sentence-link").first.click()
    page.wait_for_url(re.compile(r"/documents/.+#event-"))
    focused = page.locator(".clean-text .focus")
    playwright_api.expect(focused.first).to_be_in_viewport()
    assert "".join(focused.all_inner_texts()).strip() == sentence
    shoot(page, "article-event-sentence")


def test_a_clustered_event_links_to_its_sentence_in_every_article(page: Any, ids: dict[str, str]) -> None:
    page.goto("/timeline?type=ASSAULT&status=denied&outlet=Example Wire")
    links = page.locator(".event-row").filter(has_text="Sudmark denied on Tuesday").first.locator("a.sentence-link")
    assert sorted(links.all_inner_texts()) == ["Example Daily, 2026-03-10", "Example Wire, 2026-03-11"]
    links.filter(has_text="Example Daily").click()
    page.wait_for_url(re.compile(rf"#event-{ids['asserted']}$"))
    assert "shelling the border town of Velka" in "".join(page.locator(".clean-text .focus").all_inner_texts())


def test_filtering_the_timeline_keeps_only_the_chosen_type(page: Any) -> None:
    page.goto("/timeline")
    before = page.locator(".event-row").count()
    page.select_option("select[name=type]", "ASSAULT")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"type=ASSAULT"))
    types = page.locator(".event-row .type").all_inner_texts()
    assert types and set(types) == {"ASSAULT"} and len(types) < before
    playwright_api.expect(page.locator("select[name=type]")).to_have_value("ASSAULT")
    shoot(page, "timeline-filtered")


def test_an_article_containing_a_script_shows_it_as_text(page: Any) -> None:
    page.goto("/documents?outlet=Example Blog <i>Tech</i>")
    page.get_by_role("link", name="Council <b>warns</b> of <script>alert('title')</script> risks").click()
    playwright_api.expect(page.locator("h1")).to_have_text("Council <b>warns</b> of <script>alert('title')</script> risks")
    playwright_api.expect(page.locator(".clean-text")).to_contain_text("the code <script>alert('pwned')</script> had been")
    assert page.locator(".clean-text script, .clean-text img, .clean-text b, h1 *, .meta i, #raw-text script").count() == 0
    assert page.dialogs == []
    shoot(page, "article-with-script")


def test_the_actor_page_draws_its_network_and_links_onwards(page: Any) -> None:
    page.goto("/actors/country:KEN")
    graph = page.locator("svg.network")
    playwright_api.expect(graph).to_be_visible()
    assert graph.locator("a.node").count() >= 2
    playwright_api.expect(page.locator("table.relations")).to_contain_text("accused by")
    graph.locator("a.node:not(.centre)").first.click()
    page.wait_for_url(re.compile(r"/actors/(?!country:KEN)"))
    playwright_api.expect(page.locator("h2").first).to_have_text("Network")


def test_the_story_page_sets_outlets_side_by_side_and_marks_the_contested_claim(page: Any) -> None:
    page.goto("/stories/story_velka")
    outlets = page.locator(".outlet h3").all_inner_texts()
    assert sorted(outlets) == ["Example Daily", "Example Wire"]
    boxes = [page.locator(".outlet").nth(index).bounding_box() for index in range(2)]
    assert boxes[0]["y"] == boxes[1]["y"] and boxes[0]["x"] < boxes[1]["x"], "outlets should sit side by side"
    playwright_api.expect(page.locator(".claim")).to_contain_text("Sudmark shelled Velka")
    playwright_api.expect(page.locator(".claim .side-denies")).to_contain_text("Example Wire")
    assert page.locator(".outlet .contested").count() == 2


def test_search_finds_quotes_and_events(page: Any) -> None:
    page.goto("/search")
    page.get_by_label("Words").fill("shell")
    page.get_by_label("events").check()
    page.get_by_role("button", name="Search").click()
    playwright_api.expect(page.locator(".result").first).to_contain_text("shell")
    page.locator(".result a.sentence-link").first.click()
    page.wait_for_url(re.compile(r"#event-"))
    assert page.locator(".clean-text .focus").count() > 0


def test_the_switch_shows_low_confidence_events_and_hides_them_again(page: Any, ids: dict[str, str]) -> None:
    page.goto("/timeline?actor=Kenya")
    low = page.locator(f"#timeline-{ids['low_pledge']}")
    before = page.locator(".event-row").count()
    playwright_api.expect(low).to_have_count(0)
    switch = page.get_by_role("switch")
    playwright_api.expect(switch).to_have_text("show low-confidence events (1 hidden)")
    switch.click()
    page.wait_for_url(re.compile(r"actor=Kenya.*min_confidence=0"))
    playwright_api.expect(low).to_be_visible()
    playwright_api.expect(low).to_have_class(re.compile(r"\blow-confidence\b"))
    playwright_api.expect(low).to_contain_text("confidence 0.05")
    assert page.locator(".event-row").count() == before + 1
    shoot(page, "timeline-low-confidence-shown")
    page.get_by_role("switch").click()
    page.wait_for_url(re.compile(r"/timeline\?actor=Kenya$"))
    playwright_api.expect(low).to_have_count(0)
