"""Tests for newsgraph.clean.captions: captions out of the body, with their credits."""

from __future__ import annotations

import pytest

from newsgraph.clean.captions import extract_captions, find_credit
from newsgraph.records import Caption
from newsgraph.textmap import TrackedText

WRAPPED = (
    "The talks ended on Friday without a joint statement from\n"
    "either side.\n"
    "\n"
    "A woman walks past a screen showing a news broadcast in\n"
    "Busan, South Korea, March 3, 2021. Agency Photos/Lee Min-ho via\n"
    "REUTERS/File Photo\n"
    "Officials said the meeting would resume in the spring, when\n"
    "both delegations return to the border town.\n"
)


def extracted(raw: str) -> tuple[str, list[Caption]]:
    text = TrackedText(raw)
    result = extract_captions(text)
    return text.apply(result.edits)[0].text, result.captions


def test_a_wrapped_caption_ends_at_its_credit() -> None:
    body, captions = extracted(WRAPPED)
    assert [(caption.text, caption.credit) for caption in captions] == [
        (
            "A woman walks past a screen showing a news broadcast in Busan, South Korea, March 3, 2021.",
            "Agency Photos/Lee Min-ho via REUTERS/File Photo",
        )
    ]
    assert "woman walks" not in body
    assert "Officials said the meeting would resume" in body
    assert "either side.\n\n\n\n\nOfficials" in body


def test_caption_offsets_cover_the_raw_caption() -> None:
    (caption,) = extracted(WRAPPED)[1]
    raw = WRAPPED[caption.raw_start : caption.raw_end]
    assert raw.startswith("A woman walks") and raw.endswith("REUTERS/File Photo")


@pytest.mark.parametrize(
    ("raw", "text", "credit"),
    [
        pytest.param(
            "First paragraph.\n"
            "Protesters gather in Lisbon on May 1, 2022. (AP Photo/Ana Costa)\n"
            "Second paragraph.",
            "Protesters gather in Lisbon on May 1, 2022.",
            "AP Photo/Ana Costa",
            id="paragraph-line-ap",
        ),
        pytest.param(
            "FILE PHOTO: A tanker sits at anchor off Fujairah, June 2, 2020. REUTERS/Sam Hill\n\nBody.",
            "A tanker sits at anchor off Fujairah, June 2, 2020.",
            "REUTERS/Sam Hill",
            id="file-photo-label",
        ),
        pytest.param(
            "Body.\n\nA ferry leaves Incheon harbour on Jan. 5.\nPhoto: Yonhap\n\nMore body.",
            "A ferry leaves Incheon harbour on Jan. 5.",
            "Yonhap",
            id="photo-label-credit-line",
        ),
        pytest.param(
            "Body.\n\nThis photo taken on Jan. 5 shows a ferry in Incheon. (Yonhap)\n\nMore body.",
            "This photo taken on Jan. 5 shows a ferry in Incheon.",
            "Yonhap",
            id="bare-agency-with-caption-cues",
        ),
        pytest.param(
            "Body.\n\nSmoke rises over the port. Photo by Jan Novak/AFP via Getty Images\n\nMore body.",
            "Smoke rises over the port.",
            "Photo by Jan Novak/AFP via Getty Images",
            id="getty",
        ),
        pytest.param(
            "Body.\n\nCaption: Delegates arrive for the summit.\n\nMore body.",
            "Delegates arrive for the summit.",
            None,
            id="caption-label-without-credit",
        ),
        pytest.param(
            "Body.\n\nDelegates arrive for the summit. Picture by Ann Lee, PA Wire\n\nMore body.",
            "Delegates arrive for the summit.",
            "Picture by Ann Lee, PA Wire",
            id="picture-by-with-agency-after-comma",
        ),
        pytest.param(
            "Body.\n\n1 of 3 | Trucks wait at the closed border crossing near Lakeside.\n\nMore body.",
            "Trucks wait at the closed border crossing near Lakeside.",
            None,
            id="gallery-counter",
        ),
    ],
)
def test_captions_are_taken_out_with_their_credit(raw: str, text: str, credit: str | None) -> None:
    body, captions = extracted(raw)
    assert [(caption.text, caption.credit) for caption in captions] == [(text, credit)]
    assert text not in body


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("The deal was first reported by Reuters.\n\nNext paragraph.", id="mentions-reuters"),
        pytest.param(
            'Body.\n\n"We will not back down," he told AFP on Monday.\n\nNext.', id="quote-to-agency"
        ),
        pytest.param(
            "Body.\n\nThe minister spoke in Seoul on June 3, he said. (Yonhap)\n\nNext.",
            id="speech-with-bare-agency",
        ),
        pytest.param("Body.\n(Reporting by Ann Lee; Editing by Tom Park)\n", id="reporting-credits"),
        pytest.param("SEOUL (Reuters) - The central bank held rates.\n", id="dateline"),
        pytest.param("Body.\n\nThe Yonhap/Gallup poll showed wide support.\n", id="slash-in-prose"),
        pytest.param(
            "Body.\n\n\u201cWe thank both mediators,\u201d the post said. (dpa/NAN)\n\nNext.",
            id="speech-ending-in-a-slashed-wire-tag",
        ),
        pytest.param("Body.\n\nThe two sides signed the deal in Doha on March 20, 2024.\n\nNext.", id="dated-sentence"),
        pytest.param(
            "Body.\n\nThe deal, officials said, was signed in Doha, Qatar, March 20, 2024.\n\nNext.",
            id="dated-sentence-with-speech",
        ),
    ],
)
def test_body_text_naming_an_agency_is_not_a_caption(raw: str) -> None:
    body, captions = extracted(raw)
    assert captions == []
    assert body == raw


@pytest.mark.parametrize(
    ("text", "credit", "strong"),
    [
        ("Seen in Rome, 2020. REUTERS/Ann Lee", "REUTERS/Ann Lee", True),
        ("Seen in Rome. KCNA via REUTERS", "KCNA via REUTERS", True),
        ("Seen in Rome. (Gil Park, Kremlin Pool Photo via AP)", "Gil Park, Kremlin Pool Photo via AP", True),
        ("Seen in Rome. Courtesy of the Example Museum", None, False),
        ("Seen in Rome. Courtesy of Example Museum", "Courtesy of Example Museum", True),
        ("Seen in Rome. File Photo", "File Photo", True),
        ("Seen in Rome. (Yonhap)", "Yonhap", False),
        ("Ann Lee | AFP | Getty Images", "Ann Lee | AFP | Getty Images", True),
        ("Seen in Rome. Politics | World | Europe", None, False),
        ("Seen in Rome, he told Reuters", None, False),
        ("Seen in Rome. Agency/Kremlin via", None, False),
    ],
)
def test_find_credit_reads_the_credit_shape(text: str, credit: str | None, strong: bool) -> None:
    found = find_credit(text)
    if credit is None:
        assert found is None
    else:
        assert found is not None and (found.text, found.strong) == (credit, strong)
        assert text[found.start :].lstrip("(").startswith(credit[:5])


def test_a_wire_description_under_its_credit_line_is_a_caption_too() -> None:
    description = "The minister addresses supporters, in Lakeside, Valdora, March 20, 2024."
    body, captions = extracted(f"Body.\n\nAnn Lee/AP\n{description}\n\nMore body.")
    assert [(caption.text, caption.credit) for caption in captions] == [("", "Ann Lee/AP"), (description, None)]
    assert body == "Body.\n\n\n\n\nMore body."
