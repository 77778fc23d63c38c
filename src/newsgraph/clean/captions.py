"""Photo captions: found in the body, taken out of it, and kept with their credit.

A scraped page leaves each photo's caption in the running text, usually as its own block: a
present-tense description with a place and a date, then the photo credit ("... at the harbour in
Busan, South Korea, March 3, 2021. Agency/Photographer via REUTERS/File Photo"). In hard-wrapped
text the body goes on right after the credit line, with no blank line.

A caption starts at a block start (the document start or a blank line, which a removed furniture
line also leaves), after a line that ends a sentence, or at a line labelled "Photo:", "FILE PHOTO:"
or "Caption:"; it runs to the first line that ends with a photo credit. The credit must be a
photo-credit shape at the end of that line (an agency in a slashed or "via" credit, "(AP Photo/..)",
"Photo by ...", "Getty Images", "File Photo", ...). A bare agency name ("(Yonhap)") is weaker
evidence: then the description must read like a caption (short, with a date or a photo word, no
quotation or "said"), so a body paragraph that ends by naming an agency stays in the body. So does a
paragraph of reported speech ending in a wire tag with a slash ('..., the post said. (dpa/NAN)'):
a credit that says nothing of a photo does not make speech a caption.

Two shapes are captions without a credit: a gallery counter before the description ("1 of 3 |
Trucks wait at ..."), and a block of its own, without quotation or "said", ending in a comma and a
full date ("... addresses the media in Caracas, Venezuela, March 20, 2024."), as wire captions
do and body sentences do not ("... on March 20, 2024").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.clean.unwrap import unwrap_lines
from newsgraph.records import Caption
from newsgraph.steps import StepResult
from newsgraph.textmap import Edit, TrackedText

__all__ = ["extract_captions", "find_credit", "Credit"]

# A caption is a few lines: longer runs are body text.
MAX_CAPTION_LINES = 8
MAX_CAPTION_CHARS = 700
MAX_CAPTION_WORDS = 90
# A caption whose only evidence is a bare agency name is short.
MAX_WEAK_CAPTION_WORDS = 60
# Credits are short; only the end of the candidate text is searched.
CREDIT_WINDOW = 220

_NEWS_AGENCY = (
    r"(?:REUTERS|Reuters|AFP|AP|EPA(?:-EFE)?|EFE|Xinhua|XINHUA|Yonhap|YONHAP|KCNA|Sputnik|SPUTNIK|"
    r"Kyodo|KYODO|Anadolu|ANADOLU|TASS|ITAR-TASS|RIA\s+Novosti|UPI|IANS|PTI|ANI|dpa|DPA|"
    r"Jiji(?:\s+Press)?|JIJI|Bernama|BERNAMA|Antara|ANTARA|News1|Newsis|NEWSIS|AAP|ANP)"
)
_AGENCY = (
    rf"(?:{_NEWS_AGENCY}|Bloomberg|Pool|POOL|Handout|HANDOUT|Imaginechina|Sipa|SIPA|ZUMA|Abaca|"
    r"ABACA|Getty\s+Images|Shutterstock|Alamy|NurPhoto|SOPA\s+Images|LightRocket|WireImage|Corbis)"
)
_PHOTO_AGENCY = r"(?:Getty\s+Images|Shutterstock|Alamy|NurPhoto|SOPA\s+Images|LightRocket|WireImage|Corbis)"
_NAME_WORD = r"[A-Z][\w'\u2019.&-]*"
_CONNECTOR = r"(?:de|da|del|der|di|du|van|von|al|el|bin|la|le|y|and|&)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_CONNECTOR}\s+)?{_NAME_WORD}){{0,4}}"
_SEGMENT = rf"{_NAME}(?:\s+via\s+{_NAME})?"
# "Ann Lee/AP", "Ann Lee | AFP | Getty Images": bars separate a credit's parts as slashes do.
_SLASHED = rf"{_SEGMENT}(?:\s*/\s*{_SEGMENT})+|{_SEGMENT}(?:\s+\|\s+{_SEGMENT})+"
_VIA = rf"{_NAME}\s+via\s+{_NAME}"
# "Picture by Ann Lee, PA Wire": a credit may name the agency after a comma.
_BY = (
    rf"(?i:photo(?:graph)?s?|image|picture)\s+(?i:by|courtesy\s+of)\s+{_SEGMENT}(?:\s*/\s*{_SEGMENT})*"
    rf"(?:,\s+{_SEGMENT})?"
)
_COURTESY = rf"Courtesy(?:\s+of)?\s+{_SEGMENT}(?:\s*/\s*{_SEGMENT})*"
_LABELLED = (
    rf"(?i:(?:photo(?:graph)?|image|picture)s?(?:\s+credit)?|credit)\s*:\s*{_SEGMENT}(?:\s*/\s*{_SEGMENT})*"
)
_FILE_PHOTO = r"(?:File\s+[Pp]hoto|FILE\s+PHOTO)"
# Where a credit may begin: the start of the caption, or after a sentence or clause end.
_CREDIT_START = r"(?:^|(?<=[.!?,;:]\s)|(?<=[.!?,;:][\"')]\s))"
_PLAIN_CREDIT = re.compile(
    rf"{_CREDIT_START}(?P<credit>(?P<slashed>{_SLASHED})|(?P<via>{_VIA})|{_BY}|{_COURTESY}|"
    rf"(?P<labelled>{_LABELLED})|{_PHOTO_AGENCY}|{_FILE_PHOTO}|(?P<bare>{_NEWS_AGENCY}))\.?$"
)
_PAREN_CREDIT = re.compile(r"\((?P<credit>[^()]{1,150})\)\.?$")
_AGENCY_WORD = re.compile(rf"(?<![\w-]){_AGENCY}(?![\w-])|\b(?i:photo|file\s+photo)\b")
_PHOTO_SHAPE = re.compile(r"/|\bvia\b|\b(?i:photo)\b|Getty\s+Images|\bCourtesy\b")
_BARE_AGENCY = re.compile(rf"{_NEWS_AGENCY}(?:\s+(?:Photo|photo))?")
_LABEL = re.compile(
    r"^(?:(?:FILE\s+PHOTO|(?i:photo(?:graph)?|caption|image|picture))\s*[:\u2013\u2014-]"
    r"|\d{1,2}\s+(?i:of)\s+\d{1,2}\s*[|\u2013\u2014-])\s*"
)
_LABEL_LINE = re.compile(
    r"^[ \t]*(?:(?:FILE\s+PHOTO|(?i:photo(?:graph)?|caption|image|picture))\s*[:\u2013\u2014-]"
    r"|\d{1,2}\s+(?i:of)\s+\d{1,2}\s*[|\u2013\u2014-])",
    re.MULTILINE,
)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A wire caption ends in a comma and the full date: "..., Venezuela, March 20, 2024."
_DATED_END = re.compile(rf",\s+(?:{_MONTH}\s+\d{{1,2}},?|\d{{1,2}}\s+{_MONTH})\s+(?:19|20)\d\d\.$")
_QUOTE_MARK = re.compile(r"[\"\u201c\u201d]")
_LABEL_PREFIX = re.compile(r"^(?i:(?:photo(?:graph)?|image|picture)s?(?:\s+credit)?|credit)\s*:\s*")
_DATE = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}\b|\b(?:19|20)\d\d\b"
)
_PHOTO_CUE = re.compile(
    r"\b(?:photo|photos|picture|image|file|shows?|showing|seen|pictured|poses?|posing|taken|"
    r"captured|this\s+handout)\b",
    re.IGNORECASE,
)
# Every credit ends with one of these: a line without one near its end cannot end a caption. (The
# lookahead skips the agency names at once wherever no capital letter stands.)
_CREDIT_HINT = re.compile(rf"[/)]|\bvia\b|[Pp]hoto|PHOTO|[Pp]icture|PICTURE|(?=[A-Z])(?:Images|Courtesy|Wire|{_NEWS_AGENCY})")
CREDIT_HINT_REACH = 30
_PHOTO_WORD = re.compile(rf"(?i:photo|picture|image|file|pool|handout|courtesy)|{_PHOTO_AGENCY}|/\s*(?:{_NEWS_AGENCY})\s*$")
_SPEECH = re.compile(r"\b(?:said|says|told|added)\b|\"")


@dataclass(frozen=True, slots=True)
class Credit:
    """A photo credit found at the end of a text: where it starts, its words, how sure."""

    start: int
    text: str
    strong: bool


@dataclass(frozen=True, slots=True)
class _Line:
    """A line: its span (without the newline), its content span and text, how its end looks."""

    start: int
    end: int
    content_start: int
    content_end: int
    text: str
    ends_sentence: bool
    may_credit: bool


def extract_captions(text: TrackedText) -> StepResult:
    """Take photo captions out of ``text``: their lines are emptied, the captions returned."""
    source = text.text
    spans = [(start, end) for start, end, _ in text.lines()]
    ends = [end for _, end in spans]
    hinted: set[int] = set()
    for hint in _CREDIT_HINT.finditer(source):
        index = bisect_left(ends, hint.start())
        if ends[index] - hint.start() <= CREDIT_HINT_REACH:
            hinted.add(index)
    dated = {index for index, (start, end) in enumerate(spans) if _is_dated_block(source, spans, index)}
    if not hinted and not dated and not _LABEL_LINE.search(source):
        return StepResult()
    lines = [
        _line(start, end, source[start:end], index in hinted) for index, (start, end) in enumerate(spans)
    ]
    ordered = sorted(hinted)
    edits: list[Edit] = []
    captions: list[Caption] = []
    index = 0
    after_caption = False
    while index < len(lines):
        position = bisect_left(ordered, index)
        near = position < len(ordered) and ordered[position] < index + MAX_CAPTION_LINES
        if index in dated and (after_caption or _may_start(lines, index)):
            line = lines[index]
            edits.append(Edit(line.start, line.end, "", "caption"))
            raw_start, raw_end = text.raw_span(line.content_start, line.content_end)
            captions.append(Caption(line.text, None, raw_start, raw_end))
            index += 1
            after_caption = True
            continue
        if not near and not _LABEL.match(lines[index].text):
            after_caption = False
            index += 1
            continue
        if lines[index].text and (after_caption or _may_start(lines, index)):
            found = _caption_from(lines, index)
            if found is not None:
                first, last, description, credit = found
                edits.extend(Edit(line.start, line.end, "", "caption") for line in lines[first : last + 1])
                raw_start, raw_end = text.raw_span(lines[first].content_start, lines[last].content_end)
                captions.append(Caption(description, credit, raw_start, raw_end))
                index = last + 1
                after_caption = True
                continue
        after_caption = False
        index += 1
    return StepResult(edits=edits, captions=captions)


def _is_dated_block(source: str, spans: Sequence[tuple[int, int]], index: int) -> bool:
    """Whether line ``index`` is a block of its own (or follows a credit line) that ends like a wire
    caption: a comma and a full date, with no quotation or reported speech."""
    start, end = spans[index]
    text = source[start:end].strip()
    if not _DATED_END.search(text) or len(text.split()) > MAX_WEAK_CAPTION_WORDS:
        return False
    if _SPEECH.search(text) or _QUOTE_MARK.search(text):
        return False
    before = source[spans[index - 1][0] : spans[index - 1][1]].strip() if index else ""
    after = source[spans[index + 1][0] : spans[index + 1][1]].strip() if index + 1 < len(spans) else ""
    return (not before or find_credit(before) is not None) and not after


def _line(start: int, end: int, line: str, may_credit: bool) -> _Line:
    text = line.strip()
    content_start = start + len(line) - len(line.lstrip())
    bare = text.rstrip("\"')]")
    ends_sentence = bool(bare) and bare[-1] in ".!?"
    return _Line(start, end, content_start, content_start + len(text), text, ends_sentence, may_credit)


def find_credit(text: str) -> Credit | None:
    """The photo credit that ends ``text`` (one caption, unwrapped to one line), if any."""
    offset = max(0, len(text) - CREDIT_WINDOW)
    tail = text[offset:].rstrip()
    paren = _PAREN_CREDIT.search(tail)
    if paren:
        content = paren.group("credit").strip()
        if _BARE_AGENCY.fullmatch(content):
            # "(Yonhap)" names only the agency; "(AP Photo)" says it credits a photo.
            return Credit(offset + paren.start(), content, content.lower().endswith("photo"))
        if _PHOTO_SHAPE.search(content) and _AGENCY_WORD.search(content) and ". " not in content:
            return Credit(offset + paren.start(), content, True)
    plain = _PLAIN_CREDIT.search(tail)
    if plain is None:
        return None
    credit = plain.group("credit").rstrip(".")
    if (plain.group("slashed") or plain.group("via")) and not _AGENCY_WORD.search(credit):
        return None
    credit = _LABEL_PREFIX.sub("", credit) if plain.group("labelled") else credit
    return Credit(offset + plain.start(), credit, plain.group("bare") is None)


def _may_start(lines: Sequence[_Line], index: int) -> bool:
    """A caption starts a block, follows a sentence end, or carries a caption label."""
    previous = lines[index - 1] if index else None
    if previous is None or not previous.text or previous.ends_sentence:
        return True
    return bool(_LABEL.match(lines[index].text))


def _caption_from(lines: Sequence[_Line], first: int) -> tuple[int, int, str, str | None] | None:
    """The caption starting at line ``first``: its last line, description and credit."""
    labelled = bool(_LABEL.match(lines[first].text))
    last = first
    while last < len(lines) and last < first + MAX_CAPTION_LINES and lines[last].text:
        if lines[last].may_credit:
            pieces = [line.text for line in lines[first : last + 1]]
            joined = unwrap_lines(pieces)
            if len(joined) > MAX_CAPTION_CHARS:
                return None
            credit = find_credit(joined)
            if credit is not None:
                last = _extend_credit(lines, last, pieces, credit)
                return _accept(lines, first, last, unwrap_lines(pieces), labelled)
        if lines[last].ends_sentence:
            following = lines[last + 1] if last + 1 < len(lines) else None
            credit_line = find_credit(following.text) if following and following.may_credit else None
            if credit_line is None or credit_line.start != 0:
                if labelled:
                    return first, last, _description(unwrap_lines(_texts(lines, first, last))), None
                return None
        last += 1
    if labelled:
        return first, last - 1, _description(unwrap_lines(_texts(lines, first, last - 1))), None
    return None


def _texts(lines: Sequence[_Line], first: int, last: int) -> list[str]:
    return [line.text for line in lines[first : last + 1]]


def _extend_credit(lines: Sequence[_Line], last: int, pieces: list[str], credit: Credit) -> int:
    """Take in the following lines while they carry on the credit ("...Kremlin\\nvia REUTERS")."""
    while last + 1 < len(lines) and lines[last + 1].text:
        longer = find_credit(unwrap_lines([*pieces, lines[last + 1].text]))
        if longer is None or longer.start > credit.start:
            break
        pieces.append(lines[last + 1].text)
        credit = longer
        last += 1
    return last


def _accept(
    lines: Sequence[_Line], first: int, last: int, joined: str, labelled: bool
) -> tuple[int, int, str, str | None] | None:
    credit = find_credit(joined)
    if credit is None:
        return None
    description = _description(joined[: credit.start])
    words = len(description.split())
    if _SPEECH.search(description) and not _PHOTO_WORD.search(credit.text):
        return None
    if (credit.strong or labelled) and words <= MAX_CAPTION_WORDS:
        return first, last, description, credit.text
    if not credit.strong and _reads_like_caption(description):
        return first, last, description, credit.text
    # A description too long or not caption-like is body text; a line that is nothing but a
    # strong credit is still the remnant of a caption.
    alone = find_credit(lines[last].text)
    if alone is not None and alone.strong and alone.start == 0 and last > first:
        return last, last, "", alone.text
    return None


def _reads_like_caption(description: str) -> bool:
    """A short description with a date or a photo word, and no quotation or reported speech."""
    if not description or len(description.split()) > MAX_WEAK_CAPTION_WORDS or _SPEECH.search(description):
        return False
    return bool(_DATE.search(description) or _PHOTO_CUE.search(description))


def _description(text: str) -> str:
    return _LABEL.sub("", text.strip()).strip()
