"""Quoted names that are no one's words: an operation, a document, a film or book, a slogan's title.

News puts names in quotation marks as often as speech: 'launched Operation "Iron Shield"', 'the
white paper "Security First"', 'the "Host Nation" agreement'. Such a stretch quotes nobody, so it
is no quotation, unless someone coins the name right then ('a mission he called "Northern
Watch"') or calls a person by it. :func:`names_a_thing` tells it from speech by its shape: a few
words, each capitalised as a name is (small joining words aside), with no punctuation a sentence
or clause would carry (but the comma or full stop American style puts inside a closing mark after
two words or more: 'the raid, code-named "Northern Gate," began'), in a paragraph that does not
capitalise every word anyway (a headline in title case capitalises its quotations too: 'Minister
Says "We Will Win"').
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.quotes.cues import cue_lemma
from newsgraph.quotes.marks import QuotedRegion

__all__ = ["names_a_thing"]

_MAX_WORDS = 4
_CLAUSE_MARKS = frozenset(".,;:!?")
# Joining words a name may hold in lower case: "Operation Guardian of the Walls".
_JOINING = frozenset("of the and for in on a an to at by de du la le al el bin von van der".split())
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d[\w'’.-]*")
# Over this share of capitalised words outside the quotation, the paragraph is in title case.
_TITLE_CASE_SHARE = 0.5


def names_a_thing(doc: Doc, text: str, region: QuotedRegion, paragraph: tuple[int, int]) -> bool:
    """Whether the quoted stretch ``region`` of ``text`` (the text of ``doc``) is a name rather
    than speech (see the module docstring); ``paragraph`` is the span of its paragraph."""
    if not _name_shaped(text, region, paragraph):
        return False
    return not _spoken(doc, region)


def _spoken(doc: Doc, region: QuotedRegion) -> bool:
    """Whether a name in quotes is someone's own word: one a speaker gives right then ('a mission
    he called "Northern Watch"', a speech verb with its subject) or calls someone by ('hailed
    "Comrade" Ruiz', a person's name right after)."""
    before = doc.char_span(region.outer_start, region.outer_start + 1, alignment_mode="expand")
    after = doc.char_span(region.outer_end - 1, region.outer_end, alignment_mode="expand")
    if before is not None and before.start > 0:
        verb = doc[before.start - 1]
        if cue_lemma(verb) is not None and any(child.dep_ == "nsubj" for child in verb.children):
            return True
    if after is not None and after.end < len(doc):
        return doc[after.end].ent_type_ == "PERSON"
    return False


def _name_shaped(text: str, region: QuotedRegion, paragraph: tuple[int, int]) -> bool:
    inner = text[region.start : region.end].strip()
    closing = text[region.end : region.outer_end]
    if not inner or any(mark in inner for mark in _CLAUSE_MARKS):
        return False
    if any(mark in closing for mark in _CLAUSE_MARKS) and len(inner.split()) < 2:
        return False  # '"Never," she said': one word with its own punctuation is an answer
    words = _WORD.findall(inner)
    if not 1 <= len(words) <= _MAX_WORDS or len(words) != len(inner.split()):
        return False
    if not (_named(words[0]) and _named(words[-1])):
        return False
    if not all(_named(word) or word.lower() in _JOINING for word in words):
        return False
    outside = text[paragraph[0] : region.outer_start] + " " + text[region.outer_end : paragraph[1]]
    others = [word for word in _WORD.findall(outside) if word[0].isalpha() and word.lower() not in _JOINING]
    capitalised = sum(word[0].isupper() for word in others)
    return not others or capitalised / len(others) <= _TITLE_CASE_SHARE


def _named(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit()
