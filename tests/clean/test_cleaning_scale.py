"""The cleaning steps stay linear: a large article cleans in a few seconds."""

from __future__ import annotations

import time

from newsgraph.clean.captions import extract_captions
from newsgraph.clean.characters import normalise_characters
from newsgraph.clean.furniture import remove_furniture
from newsgraph.clean.spacing import restore_missing_spaces
from newsgraph.clean.unwrap import join_wrapped_lines
from newsgraph.clean.whitespace import tidy_whitespace
from newsgraph.textmap import TrackedText

STEPS = (
    normalise_characters,
    remove_furniture,
    extract_captions,
    join_wrapped_lines,
    restore_missing_spaces,
    tidy_whitespace,
)

# Hard-wrapped paragraphs with the artefacts the steps handle: curly quotes, a no-break space, a
# share line, a layout marker, a caption with its credit, a broken word, words run together.
SECTION = """\
The harbour authority said on Tuesday that container traffic rose
for a third month, helped by \u201cstrong demand\u201d from Asian buyers and
a faster customs check\u00a0at the southern terminal.
Share this article
Dock workers\u2019 unions welcomed the figures but warned that the
new schedule left crews with too little rest between shifts.
[continued on next page]

Cranes unload a ship at the southern terminal, March 3, 2021.
Agency Photos/Lee Min-ho via REUTERS/File Photo
Officials said a second terminal would open next year, and the
gover
nment would pay for half of the new cranes, according to theMinister.
"""


def test_a_megabyte_cleans_in_seconds() -> None:
    raw = SECTION * (1_000_000 // len(SECTION))
    started = time.perf_counter()
    text = TrackedText(raw)
    captions = 0
    for step in STEPS:
        result = step(text)
        text = text.apply(result.edits)[0]
        captions += len(result.captions)
    elapsed = time.perf_counter() - started
    assert captions == raw.count("File Photo")
    assert "government" in text.text and "the Minister" in text.text
    # About one second on a developer machine; quadratic work on a megabyte would take minutes.
    assert elapsed < 15
