"""The language of an article, told by its function words: English or unknown.

English prose is about 40% function words ("the", "of", "and", "to"...). A text is English when
at least :data:`MIN_WORDS` words long and at least :data:`MIN_SHARE` of its words are English
function words, and they outnumber the function words of French, German, Spanish, Portuguese,
Italian and Dutch (whose lists below share no word with the English one). Anything else is
``None``: unknown, not "not English". It is fast and needs no model.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["detect_language", "MIN_WORDS", "MIN_SHARE"]

MIN_WORDS = 8
MIN_SHARE = 0.2

_ENGLISH = frozenset(
    "a about after all also an and are as at be been but by can could for from had has have he her "
    "his i if in into is it its more not of on or our out said she so than that the their them there "
    "these they this those to up was we were what when which while who will with would you".split()
)
_OTHERS = (
    frozenset(
        # French
        "au aux avec ce ces dans des du est et il ils la le les leur mais nous où par pas pour qui sont "
        "sur une "
        # German
        "auf aus bei das dem den der die ein eine einer für hat ist mit nicht sich sie und von wird zu "
        "zum zur "
        # Spanish and Portuguese
        "al como con del el en es las lo los más para pero por que se sus um una uno y ao da das do dos "
        "em foi não os sua "
        # Italian and Dutch
        "che di gli ha il nel non per sono della een het van zijn niet ook voor op naar".split()
    )
    - _ENGLISH
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect_language(text: str) -> str | None:
    """``"en"`` when English function words dominate ``text``, else ``None``."""
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    counts = Counter("en" if word in _ENGLISH else "other" if word in _OTHERS else "" for word in words)
    if counts["en"] >= MIN_SHARE * len(words) and counts["en"] > counts["other"]:
        return "en"
    return None
