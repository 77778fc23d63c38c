"""Tests for newsgraph.clean.furniture: whole-line site furniture, and only that."""

from __future__ import annotations

import pytest

from newsgraph.clean.furniture import furniture_rule, remove_furniture
from newsgraph.textmap import TrackedText


def cleaned(raw: str) -> str:
    text = TrackedText(raw)
    return text.apply(remove_furniture(text).edits)[0].text


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Send a link to a friend", "share"),
        ("Share this article", "share"),
        ("Share on WhatsApp", "share"),
        ("SHARE: Facebook | Twitter | Email", "share"),
        ("Facebook Twitter LinkedIn", "share"),
        ("Email this story", "share"),
        ("Print", "share"),
        ("Tweet", "share"),
        ("Leave a Reply", "comments"),
        ("0 Comments", "comments"),
        ("Add comment", "comments"),
        ("Source link", "source_link"),
        ("You might also like", "related"),
        ("Related posts", "related"),
        ("MORE", "related"),
        ("Read more \u00bb", "read_more"),
        ("Continue reading", "read_more"),
        ("Recommended for you", "recommended"),
        ("ADVERTISEMENT", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Sponsored content", "advertisement"),
        ("Subscribe now", "subscribe"),
        ("Sign up for our free morning newsletter", "subscribe"),
        ("Get the day's headlines delivered to your inbox", "subscribe"),
        ("Follow us on Telegram", "follow"),
        ("Follow Example News on X", "follow"),
        ("[continued on page 4]", "marker"),
        ("[Graphic]", "marker"),
        ("[see bottom of next column]", "marker"),
        ("| |", "separator"),
        ("* * *", "separator"),
        ("\u2022", "separator"),
        ("------", "separator"),
        ("We use cookies to give you the best experience on our site.", "cookie"),
        ("Skip to main content", "navigation"),
    ],
)
def test_furniture_lines_are_recognised(line: str, rule: str) -> None:
    assert furniture_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "The minister urged people to share the report on social media.",
        "Comments by the envoy angered the delegation.",
        "Share prices fell for a third day.",
        "More than 40 ships were stuck at the port.",
        "Related talks are due in Geneva next month.",
        "Regulators say many sites use cookies to follow readers.",
        "Print runs of the paper were cut in half.",
        "[March 3, 2021]",
        "[\u00a9 2021 Agency. All rights reserved.]",
        "Source: Example News Service",
        "(Reporting by Ann Lee; Editing by Tom Park)",
        "By Ann Lee and Tom Park",
        "TRADE DEAL",
        ".",
    ],
)
def test_article_lines_stay(line: str) -> None:
    assert furniture_rule(line) is None
    assert cleaned(f"Before.\n{line}\nAfter.") == f"Before.\n{line}\nAfter."


def test_a_removed_line_leaves_an_empty_line() -> None:
    assert (
        cleaned("First paragraph.\nShare this article\nSecond paragraph.")
        == "First paragraph.\n\nSecond paragraph."
    )


def test_each_edit_names_its_rule() -> None:
    text = TrackedText("Body.\nTweet\nLeave a Comment\n|\n")
    assert [edit.reason for edit in remove_furniture(text).edits] == [
        "furniture:share",
        "furniture:comments",
        "furniture:separator",
    ]


def test_a_short_cookie_paragraph_goes_whole() -> None:
    raw = (
        "Last sentence of the story.\n\n"
        "This site uses cookies to improve\nyour visit. Continue to agree.\n\n"
        "Next story."
    )
    assert cleaned(raw) == "Last sentence of the story.\n\n\n\n\nNext story."


def test_consent_buttons_go_with_the_notice() -> None:
    raw = "We and our partners use cookies on this website.\nAccept all\nManage preferences\n\nBody text."
    assert cleaned(raw) == "\n\n\n\nBody text."


def test_a_button_word_away_from_any_notice_stays() -> None:
    raw = "The union voted on the offer.\n\nAccept\n\nThe vote was close."
    assert cleaned(raw) == raw


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("The company earned 2.10 dlrs a\nshare.\nIt said so.", id="wrapped-tail-with-period"),
        pytest.param("Officials declined to\ncomment\nfurther on the case.", id="wrapped-tail-mid-sentence"),
        pytest.param("The offer was\nsponsored by Alpha Bank.", id="wrapped-tail-of-sponsored"),
    ],
)
def test_the_tail_of_a_wrapped_sentence_is_not_furniture(raw: str) -> None:
    assert cleaned(raw) == raw
