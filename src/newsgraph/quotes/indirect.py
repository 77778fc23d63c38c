"""Reported speech without quote marks: "X said (that) CLAUSE", "according to X, CLAUSE".

Only a clausal complement of a speech verb counts: "X said that the talks failed" and "the talks
failed, X said" report speech, "X said on Monday" alone reports nothing. When the complement is
itself a report ("the ministry said ..., EFE reported"), only the inner report is kept, with the
outer subject as its reporter. When the parser hangs the attribution on the reported verb instead
("the plan, they said, failed"; "the plan failed, X quoted Y as saying"), the clause is that verb's
phrase (with a parenthetical attribution left inside it). A clause that stands mostly inside quote
marks is a direct or partial quotation already, and is left to those.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.nlp import doc_text, doc_tokens
from newsgraph.quotes.attribution import Attribution, attribute, trailing_report
from newsgraph.quotes.cues import cue_lemma, is_according_to

__all__ = ["ReportedClause", "find_reported_clauses"]

_MIN_TOKENS = 3
_MAX_QUOTED_SHARE = 0.5
_COMPLEMENTIZERS = {"that"}
_WH_TAGS = {"WP", "WDT"}
_DOUBLE_QUOTES = {'"', "\u201c", "\u201d"}


@dataclass(frozen=True)
class ReportedClause:
    """A reported clause (``start``/``end`` in the text) and the attribution reporting it."""

    start: int
    end: int
    attribution: Attribution


def find_reported_clauses(doc: Doc, quoted: set[int]) -> list[ReportedClause]:
    """Every clause reported as someone's speech outside quote marks, in text order.

    ``quoted`` holds the indices of the tokens inside quotation marks; a cue among them belongs to
    the quoted speaker and reports nothing the writer says.
    """
    found: list[ReportedClause] = []
    text = doc_text(doc)  # read once: spaCy joins Doc.text anew on every read
    for token in doc_tokens(doc):
        if token.i in quoted:
            continue
        for first, last in _clauses(token):
            clause = _trim(doc, first, last)
            if clause is None or _quoted_share(doc, clause, quoted) > _MAX_QUOTED_SHARE:
                continue
            context = [other for other in token.sent if other.i not in quoted]
            attribution = attribute(token, context)
            if attribution is not None:
                start, end = doc[clause[0]].idx, doc[clause[-1]].idx + len(doc[clause[-1]])
                speaker = attribution.speaker
                tail = text[attribution.cue_span.end : end].strip(" ,.;:")
                if speaker is not None and start < speaker.start < end and not tail:
                    # The parser hung the speaker inside the clause ("..., the ICRC said"): cut it off.
                    end = len(text[start : speaker.start].rstrip(" ,;:\u2014-")) + start
                if end > start:
                    found.append(ReportedClause(start, end, attribution))
    return sorted(found, key=lambda clause: clause.start)


def _clauses(token: Token) -> list[tuple[int, int]]:
    """Token ranges (inclusive) of the clauses ``token`` reports, if it is a cue."""
    if is_according_to(token):
        return _according_clause(token)
    if cue_lemma(token) is None or any(
        child.dep_ == "dobj" and child.tag_ in _WH_TAGS for child in token.children
    ):
        return []
    relay = trailing_report(token)
    relay_index = relay.i if relay is not None else None
    complements = [child for child in token.children if child.dep_ == "ccomp" and child.i != relay_index]
    clauses = [_without_source(child) for child in complements if not _reports_a_report(child)]
    if not complements and _attributes_its_head(token):
        head = token.head
        ends_clause = token.right_edge.i >= head.right_edge.i
        clauses.append((head.left_edge.i, token.left_edge.i - 1 if ends_clause else head.right_edge.i))
    return clauses


def _attributes_its_head(cue: Token) -> bool:
    """Whether the parser hung the attribution on the reported clause's verb instead.

    "The plan, they said, failed" (a parenthetical) and "the plan failed, X quoted Y as saying"
    (an attribution after a comma, taken for a second clause) both report the clause.
    """
    head = cue.head
    subject = next((child for child in cue.children if child.dep_ == "nsubj"), None)
    if subject is None or head.i == cue.i or head.pos_ not in {"VERB", "AUX"}:
        return False
    if cue.dep_ == "parataxis":
        return cue_lemma(head) is None
    before_subject = subject.left_edge.i - 1
    after_comma = before_subject >= 0 and cue.doc[before_subject].text == ","
    joined = any(child.dep_ == "cc" and head.i < child.i < cue.i for child in head.children)
    return cue.dep_ == "conj" and head.i < cue.i and after_comma and not joined


def _without_source(clause_head: Token) -> tuple[int, int]:
    """The clause's token range, cut before an "according to X" that ends it (X is the reporter)."""
    first, last = clause_head.left_edge.i, clause_head.right_edge.i
    for token in clause_head.subtree:
        if is_according_to(token) and token.right_edge.i >= last - 1:
            return first, token.left_edge.i - 1
    return first, last


def _reports_a_report(clause_head: Token) -> bool:
    return cue_lemma(clause_head) is not None and any(child.dep_ == "ccomp" for child in clause_head.children)


def _according_clause(according: Token) -> list[tuple[int, int]]:
    """The clause "according to X" is attached to, without the "according to X" phrase."""
    head = according.head
    if head.pos_ not in {"VERB", "AUX"} or any(
        cue_lemma(ancestor) is not None for ancestor in according.ancestors
    ):
        return []
    phrase_first, phrase_last = according.left_edge.i, according.right_edge.i
    if phrase_last < head.i:
        return [(phrase_last + 1, head.right_edge.i)]
    return [(head.left_edge.i, phrase_first - 1)]


def _trim(doc: Doc, first: int, last: int) -> list[int] | None:
    """The clause's token indices without edge punctuation and its leading "that".

    A closing quote mark at the end stays when the clause opened that quotation.
    """
    while first <= last and (doc[first].is_punct or doc[first].is_space or _is_complementizer(doc[first])):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    while last + 1 < len(doc) and doc[last + 1].is_punct and _open_quotes(doc, first, last):
        last += 1
    if last - first + 1 < _MIN_TOKENS:
        return None
    return list(range(first, last + 1))


def _open_quotes(doc: Doc, first: int, last: int) -> bool:
    marks = sum(doc[index].text in _DOUBLE_QUOTES for index in range(first, last + 1))
    return marks % 2 == 1


def _is_complementizer(token: Token) -> bool:
    return token.dep_ == "mark" and token.lower_ in _COMPLEMENTIZERS


def _quoted_share(doc: Doc, clause: list[int], quoted: set[int]) -> float:
    """The share of the clause's words that stand inside quote marks."""
    words = [index for index in clause if not doc[index].is_punct]
    return sum(1 for index in words if index in quoted) / max(len(words), 1)
