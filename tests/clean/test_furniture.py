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
        "Watch groups said the vote was fair.",
        "Published on Monday, the report found wide support.",
        "5 minutes",
        "At 8 p.m. the polls closed.",
        "Full story of the siege",
        "2024",
        "Topics for the summit include trade and migration.",
        "Join our leaders in welcoming the decision, the mayor said.",
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


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Read more on this story", "read_more"),
        ("Search form", "navigation"),
        ("Listen live", "navigation"),
        ("4 min read", "navigation"),
        ("Follow our live coverage", "live"),
        ("Something went wrong. Please try again later.", "error"),
        ("ATTN: EDITORS - adds quotes in para 4", "editors_note"),
        ("UPDATES with minister's comments in paras 5-7", "editors_note"),
        ("Download our free news app", "app"),
        ("Unlock the Editor's Digest for free", "app"),
        ("Enable notifications", "app"),
        ("Turn on push notifications for breaking news", "app"),
        ("Join our WhatsApp channel", "follow"),
        ("Join us on Telegram", "follow"),
        ("Click here to subscribe", "read_more"),
        ("Tags: Borders, Trade", "tags"),
        ("Filed under: Europe", "tags"),
        ("Topics", "tags"),
        ("Watch: Minister visits the border crossing", "live"),
        ("WATCH", "live"),
        ("1 minute, 16 seconds Read", "navigation"),
        ("Estimated read time: 5-6 minutes", "navigation"),
        ("Reading time: 3 min", "navigation"),
        ("Issued on:", "navigation"),
        ("Scroll down for more...", "navigation"),
        ("Similar Posts", "related"),
        ("\u2014- full story the Guardian", "read_more"),
        ("8 p.m.", "time"),
        ("3:15 p.m.", "time"),
        ("14:30 GMT", "time"),
        ("This site uses Akismet to reduce spam. Learn how your comment data is processed.", "comments"),
    ],
)
def test_more_prompts_are_recognised(line: str, rule: str) -> None:
    assert furniture_rule(line) == rule


BODY = "The ministers met in Geneva on Monday, officials said.\n\nThey agreed to meet again next month.\n"


def test_headlines_listed_under_read_also_at_the_end_go() -> None:
    raw = BODY + "\nRead also:\nUN council demands end to siege\nRecord number of people displaced, UN says\n"
    assert cleaned(raw) == BODY + "\n\n\n\n"


def test_a_read_also_list_followed_by_body_text_stays() -> None:
    raw = "Read also:\nUN council demands end to siege\n" + BODY
    assert cleaned(raw).endswith("UN council demands end to siege\n" + BODY)


def test_an_embedded_post_and_its_signature_go() -> None:
    raw = BODY + "Russian jets violated our airspace. NATO responded.\n\u2014 NATO Spokesperson (@NATOpress) September 19, 2025\n"
    assert cleaned(raw) == BODY + "\n\n"


def test_a_glued_date_stamp_is_left_to_the_stamp_step_and_the_prompt_after_it_goes() -> None:
    raw = " date 2023-04-05 Follow our live coverage\n" + BODY
    assert cleaned(raw) == " date 2023-04-05 \n" + BODY


def test_the_classifier_removes_what_it_judges_furniture_and_only_that() -> None:
    from newsgraph.clean.furniture_model import FurnitureModel

    model = FurnitureModel(-4.0, {"widget": 6.0, "separators": 2.0}, 0.9)
    raw = "Wed, Jul 16, 2025 | Muharram 21, 1447 | Fajr 04:10 | DXB 40.6\u00b0C\n" + BODY
    text = TrackedText(raw)
    result = remove_furniture(text, model)
    assert text.apply(result.edits)[0].text == "\n" + BODY
    assert [edit.reason for edit in result.edits] == ["furniture:model"]


def test_a_date_stamp_with_a_read_time_is_left_to_the_stamp_step() -> None:
    from newsgraph.clean.furniture_model import FurnitureModel

    model = FurnitureModel(-4.0, {"separators": 6.0, "call_to_action": 6.0}, 0.5)
    raw = "Ministers agree on new crossing rules\nMarch 4, 2025 | 4 min read\n" + BODY
    text = TrackedText(raw)
    assert remove_furniture(text, model).edits == []


def test_a_source_line_at_the_end_is_left_to_the_outlet_step() -> None:
    from newsgraph.clean.furniture_model import FurnitureModel

    model = FurnitureModel(-4.0, {"link_like": 6.0}, 0.5)
    raw = BODY + "\nSource: Valdora.com\n"
    text = TrackedText(raw)
    assert remove_furniture(text, model).edits == []


HEADLINES = "UN council demands end to siege\nRecord number of people displaced, UN says\nFloods hit the northern valley again\n"


def test_a_run_of_other_stories_headlines_ending_the_page_goes() -> None:
    assert cleaned(BODY + "\n" + HEADLINES) == BODY + "\n\n\n\n"


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(BODY + "\nUN council demands end to siege\nFloods hit the northern valley again\n", id="two-lines"),
        pytest.param(HEADLINES, id="no-sentence-before"),
        pytest.param("The ministers met in Geneva on Monday and agreed\n" + HEADLINES, id="after-a-wrapped-line"),
    ],
)
def test_short_endings_without_a_sentence_before_them_stay(raw: str) -> None:
    assert cleaned(raw) == raw
