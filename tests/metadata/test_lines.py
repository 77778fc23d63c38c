"""The metadata line steps together, in the runner's order, over one invented hard-wrapped page."""

from __future__ import annotations

from newsgraph.metadata.lines import METADATA_LINE_STEPS
from newsgraph.steps import Found
from newsgraph.textmap import TrackedText

PAGE = """Ministers pledge hourly river data
[March 4, 2025]
By Lena Ortiz and Tomas Berg
Ministers pledge hourly river data
VALDORA/LISBON (Reuters) - Two neighbouring governments agreed on
Tuesday to share river gauge readings every hour, officials said,
after floods last spring cut power to the lower valley.
"It is a good day for both banks of the river," one minister told
Valdora Radio.
(Reporting by Lena Ortiz and Tomas Berg in Valdora; Additional
reporting by Ana Ruiz in Lisbon; Editing by Mark Hale)
[© 2025 Thomson Reuters. All rights reserved.]This material
may not be published, broadcast, rewritten or redistributed.
"""


def run_all(raw: str) -> tuple[TrackedText, list[Found]]:
    text, found = TrackedText(raw), []
    for _, step in METADATA_LINE_STEPS:
        result = step(text)
        text, _ = text.apply(result.edits)
        found.extend(result.found)
    return text, found


def test_the_steps_run_in_the_documented_order() -> None:
    assert [name for name, _ in METADATA_LINE_STEPS] == ["stamp", "byline", "title", "dateline", "outlet"]


def test_the_header_and_footer_leave_blank_lines_and_the_body_stays() -> None:
    text, _ = run_all(PAGE)
    assert text.text.count("\n") == PAGE.count("\n")
    kept = [line for line in text.text.split("\n") if line.strip()]
    assert kept == [
        "Two neighbouring governments agreed on",
        "Tuesday to share river gauge readings every hour, officials said,",
        "after floods last spring cut power to the lower valley.",
        '"It is a good day for both banks of the river," one minister told',
        "Valdora Radio.",
    ]


def test_each_finding_traces_back_to_the_raw_page() -> None:
    _, found = run_all(PAGE)
    assert {item.field for item in found} == {"published", "authors", "contributors", "title", "dateline", "outlet"}
    for item in found:
        raw = PAGE[item.evidence.raw_start : item.evidence.raw_end]
        assert raw == item.evidence.text, item
