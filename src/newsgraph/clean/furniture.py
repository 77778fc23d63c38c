"""Site furniture: lines a web page or feed puts around an article that are not part of it.

Share and comment prompts, "Source link", "You may also like", advertising and newsletter
prompts, cookie notices, bracketed layout markers ("[continued from page 1]") and separator lines.
A line is furniture only when the WHOLE line is such a prompt, so an article sentence that merely
mentions sharing, comments or cookies stays. A removed line leaves an empty line where it was,
which later steps read as a block boundary.

Title, byline, date stamps, datelines, "Source: X" and "Read more on X" lines, agency credit tags
and copyright notices are metadata, read (and removed) by the steps in :mod:`newsgraph.metadata`, not here.

Lines that no rule names are then weighed by the furniture classifier
(:mod:`newsgraph.clean.furniture_model`) on their shape: length, stops, verbs, capitals, calls to
action, links and separators, widgets, photo credits, position, their neighbours, repeats. A line
it judges furniture is removed with the reason ``furniture:model``. Three kinds need the lines
around them and are rules here: the run of headlines under a "Read also:" or "Related" line at
the end of a page, a run of at least :data:`HEADLINE_RUN` headlines ending the page with no such
line, after a paragraph that ends a sentence (other stories' headlines: lines of 3 to 20 words
without a closing stop), and the signature line of an embedded post ("— Name (@handle) May 4,
2025") with the post's text above it.

A " date 2024-04-02" stamp a scraper glued before a line is not part of the line here: the rest
of the line is judged alone, and only the rest is removed (the stamp is the stamp step's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsgraph.clean.furniture_model import FurnitureModel, furniture_model
from newsgraph.clean.line_features import page_features
from newsgraph.metadata.outlet import TAIL_LINES as OUTLET_TAIL_LINES
from newsgraph.metadata.outlet import is_source_line
from newsgraph.metadata.stamps import is_publication_stamp, stamp_prefix
from newsgraph.steps import StepResult
from newsgraph.textmap import Edit, TrackedText

__all__ = ["remove_furniture", "furniture_rule", "FURNITURE_RULES"]

# A cookie notice is a short paragraph; a longer one is an article about cookies.
MAX_NOTICE_CHARS = 600
MAX_NOTICE_LINES = 6
# Prompt lines are short; anything longer is text.
MAX_PROMPT_CHARS = 200
# A consent button ("Accept", "Got it") is furniture only this close to a cookie notice.
BUTTON_REACH = 3

_SOCIAL = (
    r"(?:facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|e-?mail|print|messenger|"
    r"viber|flipboard|tumblr|copy link|sms|threads|bluesky|mastodon|vk|weibo|wechat|"
    r"kakao(?:talk|story)?|naver|band|google\+?|instagram|youtube|tiktok|pocket|line)"
)
_SOCIAL_LIST = rf"{_SOCIAL}(?:\s*[,|/\u00b7\u2022]?\s*{_SOCIAL})*"
_ITEM = r"(?:article|story|post|page|video|link)"

FURNITURE_RULES: tuple[tuple[str, str], ...] = (
    (
        "share",
        rf"(?:share|send|e-?mail|forward|print|save)\s+(?:a\s+|this\s+|the\s+)?(?:link|{_ITEM})"
        rf"(?:\s+(?:to|with)\s+(?:a\s+)?friends?)?(?:\s+(?:on|via|by)\s+{_SOCIAL_LIST})?"
        rf"|(?:share|send|e-?mail|forward|print|tweet|save)(?:\s+(?:this|it))?"
        rf"(?:\s*(?:on|via|to|with|by)?\s*[:\-]?\s*{_SOCIAL_LIST})?"
        rf"|(?:share|send|e-?mail|forward|print|tweet|save)\s+(?:this|the)\s+{_ITEM}"
        rf"(?:\s*(?:on|via|to|with|by)?\s*[:\-]?\s*{_SOCIAL_LIST})?"
        rf"|{_SOCIAL}(?:\s*[,|/\u00b7\u2022]?\s*{_SOCIAL})+"
        rf"|(?:click|tap)\s+(?:here\s+)?to\s+share(?:\s+.{{1,40}})?|copy\s+link|link\s+copied",
    ),
    (
        "comments",
        r"leave\s+a\s+(?:comment|reply)|(?:\d+|no)\s+(?:comments?|replies|responses)(?:\s+yet)?"
        r"|comments?(?:\s*\(\d+\))?|(?:add|post|write|submit)\s+(?:a\s+|your\s+)?(?:comment|reply)"
        r"|(?:view|show|read|see|load|hide)\s+(?:all\s+|more\s+)?(?:\d+\s+)?comments?"
        r"|join\s+the\s+(?:conversation|discussion)|be\s+the\s+first\s+to\s+comment"
        r"|(?:you\s+must\s+be\s+)?logged\s+in\s+to\s+(?:post\s+a\s+)?comment|cancel\s+reply"
        r"|this\s+site\s+uses\s+akismet\s+to\s+reduce\s+spam.{0,120}",
    ),
    (
        "source_link",
        r"source\s+link|original\s+(?:source|article|story)"
        r"|(?:read|view|see)\s+(?:the\s+)?(?:full|original)\s+(?:article|story|report)"
        r"(?:\s+(?:here|at|on)(?:\s+.{1,40})?)?",
    ),
    (
        "related",
        r"you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)"
        r"|related(?:\s+(?:articles?|stories|posts|news|content|coverage|topics|links|reading|videos?))?"
        r"|similar\s+(?:posts|stories|articles|news)|(?:see|read)\s+also|also\s+read|more(?:\s+(?:stories|news|articles|videos|like\s+this"
        r"|on\s+this\s+(?:story|topic)))?|what\s+to\s+read\s+next|most\s+(?:read|popular|viewed|shared)"
        r"|(?:top|latest|trending|popular)\s+(?:stories|news|articles|posts|videos)|trending(?:\s+now)?",
    ),
    (
        "read_more",
        r"read\s+(?:more|next|on)(?:\s+(?:here|about\s+(?:this|it)|(?:at|on|from)\s+(?-i:(?![A-Z0-9])).{1,40}))?"
        r"|continue\s+reading|keep\s+reading|learn\s+more|full\s+story(?:\s+(?:at|on|from|in|by))?(?:\s+(?:the\s+)?(?-i:[A-Z])[\w.'-]*){0,4}"
        r"|(?:click|tap)\s+here(?:\s+to\s+(?:read|see|view|continue|learn|watch|subscribe|sign\s+up|download|join|follow"
        r"|listen)(?:\s+.{1,40})?)?",
    ),
    ("recommended", r"recommended(?:\s+(?:for\s+you|stories|articles|reading|videos?))?"),
    (
        "advertisement",
        r"advertisement|advertising|ads?|sponsored(?:\s+(?:content|post|links?|stories|by\s+.{1,40}))?"
        r"|paid\s+(?:content|post|partner(?:ship)?)|promoted(?:\s+(?:content|stories|links?))?"
        r"|(?:advertisement|ad)?\s*[-\u2013\u2014:]?\s*(?:story|article)\s+continues\s+"
        r"(?:below|after\s+(?:the\s+)?(?:advertisement|ad))(?:\s+advertisement)?"
        r"|(?:advertisement\s*[-\u2013\u2014:]\s*)?scroll\s+(?:down\s+)?to\s+continue"
        r"(?:\s+(?:with|reading)\s+(?:the\s+)?(?:content|article|story))?|skip\s+(?:the\s+)?ad",
    ),
    (
        "subscribe",
        r"subscribe(?:\s+(?:now|today|here|for\s+free))?(?:\s+to\s+(?:our|the|my|this)\s+.{1,40})?"
        r"|(?:sign\s+up|register|subscribe|get)(?:\s+(?:now|today|here|free))?(?:\s+(?:for|to))?"
        r"\s+(?:our\s+|the\s+|a\s+|my\s+)?(?:free\s+)?(?:[\w'-]+\s+){0,3}"
        r"(?:newsletters?|e-?mail\s+alerts?|news\s+alerts?|briefing|digest)(?:[\s,.:-]+.{0,60})?"
        r"|(?:get|receive)\s+(?:[\w'-]+\s+){0,4}(?:delivered\s+)?(?:straight\s+|directly\s+)?"
        r"to\s+your\s+inbox(?:\s+.{0,30})?|newsletters?|already\s+(?:a\s+subscriber|have\s+an\s+account)"
        r"\??(?:\s+(?:log|sign)\s+in.{0,20})?|(?:log|sign)\s+in(?:\s+to\s+(?:continue|comment|read))?",
    ),
    (
        "follow",
        rf"follow\s+us(?:\s+(?:on|at|via)\s+.{{1,80}})?"
        rf"|follow\s+(?:@\S+|(?!the\s)[\w.'-]+(?:\s+[\w.'-]+){{0,3}})\s+on\s+(?:{_SOCIAL_LIST}|google\s+news)"
        rf"(?:\s+.{{0,40}})?|(?:like|find|join)\s+us\s+on\s+{_SOCIAL_LIST}(?:\s+.{{0,40}})?"
        rf"|connect\s+with\s+us|stay\s+(?:connected|tuned)"
        rf"|join\s+(?:us\s+on\s+|our\s+)(?:{_SOCIAL}|google\s+news)(?:\s+(?:channel|group|community))?(?:\s+.{{0,40}})?",
    ),
    (
        "navigation",
        r"skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|menu|close|loading(?:\.\.\.)?|search(?:\s+form)?"
        r"|listen(?:\s+to\s+(?:this\s+)?(?:article|story))?(?:\s+\d+\s+min(?:ute)?s?)?|listen\s+live"
        r"|(?:estimated\s+)?read(?:ing)?\s+time\s*:?\s*\d+(?:\s*[-\u2013]\s*\d+)?\s+min(?:ute)?s?"
        r"|\d+(?:\s*[-\u2013]\s*\d+)?\s+min(?:ute)?s?(?:,?\s+\d+\s+sec(?:ond)?s?)?\s+read"
        r"|a-\s*a\s*a\s*\+|font\s+size|text\s+size"
        r"|(?:published|updated|issued|posted|last\s+updated)(?:\s+(?:on|at))?"
        r"|scroll\s+(?:down\s+)?(?:for|to\s+(?:read|see))\s+more(?:\s+\w+)?",
    ),
    (
        "live",
        r"(?:follow|read|get)\s+(?:our\s+|the\s+)?(?:latest\s+)?(?:live\s+)?(?:coverage|updates|blog)(?:\s+.{0,60})?"
        r"|live\s+(?:updates|blog|coverage)|watch\s+live(?:\s*:.{0,60})?"
        r"|watch(?:\s+(?:the\s+)?video)?(?:\s*[:|]\s*[^.!?]{1,100})?",
    ),
    (
        "error",
        r"(?:oops[,!.]?\s+)?something\s+went\s+wrong(?:[.,!]?\s+.{0,60})?|please\s+try\s+again(?:\s+later)?"
        r"|(?:this|the)\s+(?:video|content|page|embed)\s+(?:is\s+)?(?:not\s+available|unavailable|could\s+not\s+be\s+loaded)"
        r"|please\s+enable\s+javascript.{0,80}",
    ),
    (
        "editors_note",
        r"(?:ATTN|ATTENTION)\s*:?\s*(?:EDITORS?|NEWS\s+EDITORS?).{0,150}"
        r"|(?:UPDATES?|ADDS?|RECASTS?|CORRECTS?|REFILES?)\b[^.]{0,80}\bpara(?:graph)?s?\s+\d+.{0,60}",
    ),
    ("time", r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)(?:\s+[A-Z]{2,4})?|\d{1,2}:\d{2}(?:\s+[A-Z]{2,4})?"),
    (
        "tags",
        r"(?:tags?|topics?|filed\s+under|keywords?|related\s+topics)\s*:\s*[^.!?]{1,150}|topics",
    ),
    (
        "app",
        r"(?:download|get|install)\s+(?:our|the)\s+(?:free\s+)?(?:[\w'-]+\s+){0,2}app(?:\s+.{0,60})?"
        r"|(?:unlock|get)\s+the\s+editor.s\s+digest(?:\s+for\s+free)?"
        r"|(?:enable|turn\s+on|allow|get|activate)\s+(?:push\s+|browser\s+)?notifications(?:\s+.{0,60})?",
    ),
)

# One pattern with a named group per rule: a line costs one match, whatever the number of rules.
_RULES = re.compile(
    "|".join(f"(?P<{reason}>{pattern})" for reason, pattern in FURNITURE_RULES), re.IGNORECASE
)
# Ends that do not change what a prompt line is: "Read more »", "Share:", "Advertisement -".
_DECORATION = " \t.:!|>\u00bb\u203a\u2192\u2022*-\u2013\u2014"
_SENTENCE_END = re.compile(r"[.!?:][\"')\]]*$")
_SEPARATOR = re.compile(
    r"[\s|*\u2022\u00b7\u2023\u2043\u25aa\u25a0\u25a1\u25c6\u25c7\u25ba\u25b6\u25cf\u25cb\u25e6"
    r"\-\u2013\u2014_=~#+/\\.:;,><\u2026\u00a7\u00b6]+"
)
_MARKER = re.compile(
    r"[\[{]\s*(?:[^\]\}\d]*\b(?:column|page|photo|image|picture|video|graphic|gallery|chart|"
    r"map|table|infographic|slideshow|audio|embed(?:ded)?|ad|advert|advertisement|continued|"
    r"continues|jump|top|bottom|story|caption|tweet|instagram|facebook|youtube|podcast|"
    r"interactive|multimedia)\b[^\]\}]*|[^\]\}]*\bpage\s+\d+\b[^\]\}]*)[\]}]",
    re.IGNORECASE,
)
_NOTICE_HINT = re.compile(r"[Cc]ookie|COOKIE|[Bb]y (?:continuing|using|browsing|clicking)")
_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_CONSENT = re.compile(
    r"\b(?:this|our)\s+(?:web\s?)?site\b|\bwe\s+(?:use|and\s+our\s+partners)\b|"
    r"\byou\s+(?:accept|agree|consent)|\byour\s+(?:consent|browsing|experience|device|browser)\b|"
    r"\bby\s+(?:continuing|using|clicking|browsing|closing|staying)\b|"
    r"\bcookie\s+(?:policy|settings|preferences|notice|statement)\b",
    re.IGNORECASE,
)
_SITE_CONSENT = re.compile(
    r"\bby\s+(?:continuing\s+to\s+(?:use|browse)|using|browsing|clicking)\b.{0,40}"
    r"\b(?:this|our)\s+(?:web\s?)?site\b.{0,200}\b(?:privacy\s+policy|terms|consent|agree|accept)",
    re.IGNORECASE,
)
_BUTTON = re.compile(
    r"(?:(?:accept|reject|decline|allow|deny|refuse)(?:\s+all)?(?:\s+cookies)?|(?:i\s+)?(?:agree|accept|"
    r"understand)|ok(?:ay)?|got\s+it|(?:manage|cookie|privacy)\s+(?:settings|preferences|options|"
    r"choices)|customi[sz]e|learn\s+more|more\s+info(?:rmation)?|privacy\s+policy|cookie\s+policy|"
    r"dismiss|close)",
    re.IGNORECASE,
)


def remove_furniture(text: TrackedText, model: FurnitureModel | None = None) -> StepResult:
    """Edits emptying every line of ``text`` that is site furniture (the newline stays).

    Each edit's reason names the rule: ``furniture:share``, ``furniture:cookie``, ...,
    ``furniture:model`` for a line the classifier (``model``, else the packaged one) judged.
    """
    lines = []
    for start, end, line in text.lines():
        prefix = stamp_prefix(line)
        cut = prefix.end() if prefix is not None else 0
        lines.append((start + cut, end, line[cut:]))
    reasons: list[str | None] = [furniture_rule(line) for _, _, line in lines]
    for index in range(1, len(lines)):
        if reasons[index] and _continues_sentence(lines[index - 1][2], lines[index][2]):
            reasons[index] = None
    _mark_cookie_notices(lines, reasons)
    _mark_neighbourhoods(lines, reasons)
    classify_lines([line for _, _, line in lines], reasons, model or furniture_model())
    edits = [
        Edit(start, end, "", f"furniture:{reason}")
        for (start, end, _), reason in zip(lines, reasons, strict=True)
        if reason is not None
    ]
    return StepResult(edits=edits)


def classify_lines(lines: Sequence[str], reasons: list[str | None], model: FurnitureModel) -> None:
    """Mark ``model`` for every line no rule named that ``model`` judges furniture.

    A date stamp that gives the article's date ("March 4, 2025 | 4 min read") and a "Source: X"
    line among the last lines the outlet step reads are left to the metadata steps, which read them
    before they delete the line.
    """
    features = page_features(lines, reasons)
    left = [index for index, line in enumerate(lines) if reasons[index] is None and line.strip()]
    tail = set(left[-OUTLET_TAIL_LINES:])
    for index, values in enumerate(features):
        if values is None or reasons[index] is not None:
            continue
        if is_publication_stamp(lines[index]) or (index in tail and is_source_line(lines[index])):
            continue
        if model.is_furniture(values):
            reasons[index] = "model"


# A header over a list of other stories, and a list item: a line without a closing stop.
_LIST_HEADER = frozenset({"related", "read_more", "recommended"})
_LIST_ITEM_WORDS = 25
HEADLINE_RUN = 3
_HEADLINE_WORDS = (3, 20)
_HEADLINE_START = re.compile(r"[\"'\u201c\u2018A-Z0-9]")
_STOP = re.compile(r"[.!?;:\u2026][\"'\u201d\u2019)\]]*$")
_SIGNATURE = re.compile(r"[\u2014\u2013-]\s*[^()\n]{1,60}\(@\w+\)\s+\w+\s+\d{1,2},\s+\d{4}")
_POST_END = re.compile(r"pic\.twitter\.com/\w+|https?://t\.co/\w+|#\w+\s*$")


def _mark_neighbourhoods(lines: Sequence[tuple[int, int, str]], reasons: list[str | None]) -> None:
    """Headlines listed under a "Read also:" line to the end of the page; an embedded post."""
    content = [index for index, (_, _, line) in enumerate(lines) if line.strip()]
    for position, index in enumerate(content):
        if reasons[index] not in _LIST_HEADER:
            continue
        rest = content[position + 1 :]
        if rest and all(_is_list_item(lines[later][2]) or reasons[later] is not None for later in rest):
            for later in rest:
                reasons[later] = reasons[later] or "related"
    _mark_final_headlines(lines, reasons, [index for index in content if reasons[index] is None])
    for position, index in enumerate(content):
        text = " ".join(lines[index][2].split())
        if reasons[index] is None and _SIGNATURE.fullmatch(text):
            reasons[index] = "embedded_post"
            above = content[position - 1] if position else None
            if above is not None and (above == index - 1 or _POST_END.search(lines[above][2].strip())):
                reasons[above] = reasons[above] or "embedded_post"


def _mark_final_headlines(lines: Sequence[tuple[int, int, str]], reasons: list[str | None], left: list[int]) -> None:
    """Other stories' headlines ending the page: a run of short lines without a stop after a sentence."""
    run: list[int] = []
    for index in reversed(left):
        text = " ".join(lines[index][2].split())
        low, high = _HEADLINE_WORDS
        if _STOP.search(text) or not low <= len(text.split()) <= high or not _HEADLINE_START.match(text):
            break
        run.append(index)
    before = left[len(left) - len(run) - 1] if len(run) < len(left) else None
    if len(run) >= HEADLINE_RUN and before is not None and _STOP.search(lines[before][2].strip()):
        for index in run:
            reasons[index] = "related"


def _is_list_item(line: str) -> bool:
    text = " ".join(line.split())
    return bool(text) and len(text.split()) <= _LIST_ITEM_WORDS and not _STOP.search(text)


def furniture_rule(line: str) -> str | None:
    """The furniture rule the whole of ``line`` matches, or None for an article line.

    Cookie notices are recognised too; the consent buttons around them need the notice's
    neighbourhood and are only found by :func:`remove_furniture`.
    """
    content = line.strip()
    if not content:
        return None
    if _SEPARATOR.fullmatch(content) and not _SENTENCE_END.fullmatch(content):
        return "separator"
    if _MARKER.fullmatch(content):
        return "marker"
    if _is_cookie_notice(content):
        return "cookie"
    key = " ".join(content.split()).strip(_DECORATION)
    if not key or len(key) > MAX_PROMPT_CHARS:
        return None
    match = _RULES.fullmatch(key)
    return match.lastgroup if match else None


def _continues_sentence(previous: str, line: str) -> bool:
    """Whether ``line`` is the tail of a sentence wrapped from ``previous`` ("...a\nshare.")."""
    previous, line = previous.rstrip(), line.strip()
    if not previous or not line[:1].islower():
        return False
    return line.endswith(".") or not _SENTENCE_END.search(previous)


def _is_cookie_notice(content: str) -> bool:
    if len(content) > MAX_NOTICE_CHARS or not _NOTICE_HINT.search(content):
        return False
    if _COOKIE.search(content):
        return bool(_CONSENT.search(content))
    return bool(_SITE_CONSENT.search(content))


def _mark_cookie_notices(lines: Sequence[tuple[int, int, str]], reasons: list[str | None]) -> None:
    """Extend each cookie notice to its short paragraph and the consent buttons beside it."""
    notices = [index for index, reason in enumerate(reasons) if reason == "cookie"]
    for index in notices:
        first, last = index, index
        while first > 0 and lines[first - 1][2].strip():
            first -= 1
        while last + 1 < len(lines) and lines[last + 1][2].strip():
            last += 1
        size = sum(len(lines[position][2]) for position in range(first, last + 1))
        if last - first < MAX_NOTICE_LINES and size <= MAX_NOTICE_CHARS * 2:
            for position in range(first, last + 1):
                reasons[position] = reasons[position] or "cookie"
        low, high = max(0, index - BUTTON_REACH), min(len(lines), index + BUTTON_REACH + 1)
        for position in range(low, high):
            content = lines[position][2].strip().strip(_DECORATION)
            if reasons[position] is None and content and _BUTTON.fullmatch(content):
                reasons[position] = "cookie"
