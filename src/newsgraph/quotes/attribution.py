"""Who is quoted: from a speech cue to its speaker, and from a quotation to its cue.

:func:`attribute` reads the parse around one cue. The speaker is the cue's subject; a cue
without one borrows it from the verb it hangs on ("X said, accusing Y of ..." and "X said ... and
pledged ..." both give X), and a cue describing a noun takes that noun ("a spokesperson telling
reporters"). "Y quoted X as saying" and "X was quoted (by Y) as saying" give X as the speaker and Y
as the reporter; so does "according to Y" beside another cue, and a report of a report ("X said
..., Y reported").

:func:`attribute_quote` finds the cue of a quotation. A direct quotation is attributed, in this
order, by the first cue after its closing mark in the same sentence ('"...," she said'), the
nearest speech verb it depends on, then the last cue before its opening mark ('She said: "..."'),
then a name and a colon with no verb ('Zelensky: "We will win"', cue ``":"``), then the subject
of the clause a colon ends ('Ruiz was blunt: "..."', cue the clause's verb).
:func:`attribute_after_colon` does the same for a quotation set on a line of its own after a
paragraph ending with a colon.
A partial quotation is a phrase inside the writer's sentence, so the verb it depends on comes first
('X vowed to do "whatever it takes"'). Cues inside any quotation are never used: they are the quoted
person's words, not the writer's attribution.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.nlp import doc_text
from newsgraph.quotes.cues import BODY_NOUNS, CUE_NOUNS, PERSON_NOUNS, REPORTING_VERBS, cue_lemma, is_according_to
from newsgraph.quotes.marks import QuotedRegion
from newsgraph.quotes.mentions import Mention, speaker_mentions, words_mention

__all__ = ["Attribution", "attribute", "attribute_after_colon", "attribute_quote", "tokens_between", "trailing_report"]

_SENTENCE_END = {".", "!", "?"}
_CLIMB_DEPS = {"conj", "xcomp", "advcl"}
_NOUN_DEPS = {"acl", "relcl"}
_OWNER_DEPS = {"poss", "compound", "amod", "nmod"}
_MAX_CLIMB = 4
_MAX_COLON_NAME = 6
_MAX_ATTRIBUTION_WORDS = 10
_MAX_PHRASE_BEFORE = 12
_QUOTE_MARKS = {'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"}
# Reports whose speaker owns a phrase quoted inside the clause they report.
_OUTER_REPORTS = REPORTING_VERBS | {"add", "state", "note", "explain", "insist", "stress", "warn", "announce", "claim"}


@dataclass(frozen=True)
class Attribution:
    """A speech cue and the people it names: who spoke, how described, and who relayed it."""

    cue: str
    cue_span: Mention
    speaker: Mention | None
    apposition: Mention | None
    reporter: Mention | None


def attribute(cue: Token, context: list[Token] | None = None) -> Attribution | None:
    """The attribution made by ``cue`` (a speech verb, "according" or a speech noun).

    ``context`` are the writer's tokens around the quotation; an "according to" among them (other
    than ``cue``) names the reporter.
    """
    doc = cue.doc
    if is_according_to(cue):
        source = _according_object(cue)
        speaker, apposition = speaker_mentions(source) if source is not None else (None, None)
        return Attribution("according to", words_mention(doc, cue.i, cue.i + 1), speaker, apposition, None)
    if cue.pos_ == "NOUN":
        owner = _owner(cue)
        if owner is None:
            return None
        speaker, apposition = speaker_mentions(owner)
        return Attribution(cue.lemma_.lower(), words_mention(doc, cue.i, cue.i), speaker, apposition, None)
    lemma = cue_lemma(cue)
    if lemma is None:
        return None
    if (
        lemma == "say"
        and cue.dep_ == "pcomp"
        and cue.head.lower_ == "as"
        and cue_lemma(cue.head.head) == "quote"
    ):
        cue = cue.head.head
        lemma = "quote"
    if lemma == "quote":
        return _quoted_as_saying(cue)
    relayed = _relayed_cue(cue)
    if relayed is not None:
        cue, reporter_head = relayed, _speaker_head(cue)
        lemma = cue_lemma(cue) or lemma
    else:
        reporter_head = _reporter_head(cue)
    speaker_head = _speaker_head(cue) or _phrase_before(cue)
    speaker, apposition = speaker_mentions(speaker_head) if speaker_head is not None else (None, None)
    reporter = (
        _reporter_from_context(cue, context) if reporter_head is None else speaker_mentions(reporter_head)[0]
    )
    return Attribution(lemma, words_mention(doc, cue.i, cue.i), speaker, apposition, reporter)


def attribute_quote(
    doc: Doc, region: QuotedRegion, direct: bool, quoted: set[int], paragraph: tuple[int, int]
) -> Attribution | None:
    """The attribution of the quotation ``region`` (see the module docstring for the order).

    ``quoted`` holds the indices of every token inside any quotation; ``paragraph`` is the
    region's paragraph span, which no attribution crosses.
    """
    after = list(_after(doc, region, quoted, paragraph))
    before = list(_before(doc, region, quoted, paragraph))
    context = [*reversed(before), *after]
    governing = _governing_cue(doc, region, quoted, paragraph, outermost=not direct)
    candidates = [*after, governing, *before] if direct else [governing, *after, *before]
    for token in candidates:
        if token is not None and _is_cue(token):
            attribution = attribute(token, context)
            if attribution is not None and _speaks_inside(attribution, region):
                attribution = _subject_outside(token, attribution, region)
            if attribution is not None:
                return attribution
    if direct:
        return _colon_speaker(doc, before) or _colon_clause(doc, before, quoted)
    return _writers_subject(doc, region, quoted, paragraph)


def attribute_after_colon(
    doc: Doc, region: QuotedRegion, quoted: set[int], paragraph: tuple[int, int], previous: tuple[int, int]
) -> Attribution | None:
    """The attribution of a direct quotation that opens its paragraph (``paragraph``) after one
    (``previous``) ending with a colon: 'Ruiz wrote on X:' then the post on a line of its own, as
    pages set out statements and posts. The last sentence of ``previous`` attributes it as it
    would a quotation right after it."""
    if doc_text(doc)[paragraph[0] : region.outer_start].strip():
        return None
    ending = [token for token in tokens_between(doc, previous[0], previous[1]) if not token.is_space]
    if not ending or ending[-1].text != ":":
        return None
    before: list[Token] = []
    for token in reversed(ending):
        if token.i in quoted or (token.text in _SENTENCE_END and before):
            break
        before.append(token)
    for token in before:
        if _is_cue(token):
            attribution = attribute(token, before)
            if attribution is not None:
                return attribution
    return _colon_speaker(doc, before) or _colon_clause(doc, before, quoted)


def _speaks_inside(attribution: Attribution, region: QuotedRegion) -> bool:
    """Whether the speaker found is words of the quotation itself (a headline's '"A dark day": UN
    chief condemns ...' parsed with the quoted words as a second subject)."""
    speaker = attribution.speaker
    return speaker is not None and region.outer_start <= speaker.start < region.outer_end


def _subject_outside(cue: Token, attribution: Attribution, region: QuotedRegion) -> Attribution | None:
    """``attribution`` with the cue's subject that stands outside the quotation, or None."""
    subjects = [
        child for child in cue.children
        if child.dep_ in {"nsubj", "nsubjpass"} and not region.outer_start <= child.idx < region.outer_end
    ]
    if not subjects:
        return None
    speaker, apposition = speaker_mentions(subjects[-1])
    return Attribution(attribution.cue, attribution.cue_span, speaker, apposition, attribution.reporter)


def _colon_speaker(doc: Doc, before: list[Token]) -> Attribution | None:
    """A name and a colon before a quotation, with no verb: 'Zelensky: "We will win"' (headlines,
    interviews). ``before`` are the writer's tokens before the opening mark, nearest first."""
    if len(before) < 2 or before[0].text != ":" or len(before) > _MAX_COLON_NAME + 1:
        return None
    words = [token for token in reversed(before[1:]) if not token.is_punct]
    if not words or any(token.pos_ in {"VERB", "AUX"} for token in words):
        return None
    heads = [token for token in words if token.head.i == token.i or token.head not in words]
    if len(heads) != 1 or not (heads[0].pos_ in {"PROPN", "NOUN"} or heads[0].text[:1].isupper()):
        return None
    speaker, apposition = speaker_mentions(heads[0])
    return Attribution(":", words_mention(doc, before[0].i, before[0].i), speaker, apposition, None)


def _colon_clause(doc: Doc, before: list[Token], quoted: set[int]) -> Attribution | None:
    """The subject of the clause a colon ends before a quotation, when no speech verb introduces it:
    'Ruiz was blunt: "..."', 'Ruiz had a message for the rebels: "..."'. ``before`` are the
    writer's tokens before the opening mark, nearest first."""
    if len(before) < 3 or before[0].text != ":":
        return None
    verb = before[1]
    while verb.head.i != verb.i and verb.pos_ not in {"VERB", "AUX"}:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.i in quoted or verb.i > before[0].i:
        return None
    head = _speaker_head(verb)
    if head is None or head.i in quoted or head.i > before[0].i or head.lower_ in {"it", "this", "that", "there"}:
        return None
    speaker, apposition = speaker_mentions(head)
    return Attribution(verb.lemma_.lower(), words_mention(doc, verb.i, verb.i), speaker, apposition, None)


def _writers_subject(
    doc: Doc, region: QuotedRegion, quoted: set[int], paragraph: tuple[int, int]
) -> Attribution | None:
    """A phrase in quotes with no speech cue is the words of whoever the writer's sentence has do
    what it does: the subject of the verb the phrase depends on ("Sandu pointed the blame at
    'foreign forces'"), or of the quoted verb itself ("The resolution 'demands that ...'")."""
    inside = {token.i for token in tokens_between(doc, region.start, region.end)}
    roots = [doc[i] for i in sorted(inside) if doc[i].head.i not in inside or doc[i].head.i == i]
    verb: Token | None = None
    for root in roots:
        if root.pos_ in {"VERB", "AUX"} and any(
            child.dep_ in {"nsubj", "nsubjpass"} and child.i not in quoted for child in root.children
        ):
            verb = root
            break
        token = root
        while verb is None and token.head.i != token.i:
            token = token.head
            if token.pos_ in {"VERB", "AUX"} and token.i not in quoted and paragraph[0] <= token.idx < paragraph[1]:
                verb = token
        if verb is not None:
            break
    if verb is None:
        return None
    head = _speaker_head(verb)
    if head is None or head.i in quoted or head.pos_ == "PRON" and head.lower_ in {"it", "this", "that", "which"}:
        return None
    speaker, apposition = speaker_mentions(head)
    return Attribution(verb.lemma_.lower(), words_mention(doc, verb.i, verb.i), speaker, apposition, None)


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens starting at or after ``start`` and before ``end``."""
    span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    return [token for token in span or () if start <= token.idx < end]


def _is_cue(token: Token) -> bool:
    if cue_lemma(token) is not None or is_according_to(token):
        return True
    return token.pos_ == "NOUN" and token.lemma_.lower() in CUE_NOUNS and _owner(token) is not None


def _governing_cue(
    doc: Doc, region: QuotedRegion, quoted: set[int], paragraph: tuple[int, int], outermost: bool = False
) -> Token | None:
    """The nearest speech verb (or owned speech noun) the quotation depends on.

    With ``outermost``, a report whose clause holds that cue wins: in "the mediator said the
    parties had agreed to a 'lasting truce'" the words in quotes are the mediator's, as they are
    the speaker's in "Dujarric said UN officials 'received word of an order'".
    """
    inside = {token.i for token in tokens_between(doc, region.start, region.end)}
    roots = [doc[i] for i in sorted(inside) if doc[i].head.i not in inside or doc[i].head.i == i]
    for root in roots:
        token, found = root, None
        while token.head.i != token.i:
            token = token.head
            outside = token.i not in quoted and paragraph[0] <= token.idx < paragraph[1]
            if not outside or not _is_cue(token) or is_according_to(token):
                continue
            if found is None:
                found = token
                if not outermost:
                    return token
            elif _reports(token, found):
                found = token
        if found is not None:
            return found
    return None


def _reports(outer: Token, inner: Token) -> bool:
    """Whether the speech verb ``outer`` reports the clause of cue ``inner``, which has a subject
    of its own: "the mediator said [the parties had agreed ...]"."""
    return (
        inner.dep_ == "ccomp"
        and inner.head.i == outer.i
        and cue_lemma(outer) in _OUTER_REPORTS
        and any(child.dep_ in {"nsubj", "nsubjpass"} for child in inner.children)
    )


def _after(doc: Doc, region: QuotedRegion, quoted: set[int], paragraph: tuple[int, int]) -> Iterator[Token]:
    """The writer's tokens after the closing mark, up to the end of the sentence. A quotation that
    ends its own sentence is attributed after it only by a short sentence of attribution ('"My
    husband is free!" she wrote on X.'), which the parser may take for a new sentence."""
    tokens = tokens_between(doc, region.outer_end, paragraph[1])
    inside = tokens_between(doc, region.start, region.end)
    ends_sentence = bool(inside) and inside[-1].text[-1] in _SENTENCE_END
    if not tokens or (ends_sentence and tokens[0].is_sent_start and not _attribution_sentence(tokens[0], quoted)):
        return
    for token in tokens:
        if token.i in quoted:
            return
        yield token
        if token.text in _SENTENCE_END:
            return


def _attribution_sentence(first: Token, quoted: set[int]) -> bool:
    """Whether the sentence starting at ``first`` only says who spoke: a speech verb as its root,
    with a subject, nothing reported outside quotation marks and few words ("Tsikhanouskaya
    wrote on X.")."""
    sentence = first.sent
    root = sentence.root
    words = [token for token in sentence if not (token.is_punct or token.is_space or token.i in quoted)]
    return (
        len(words) <= _MAX_ATTRIBUTION_WORDS
        and root.i not in quoted
        and cue_lemma(root) is not None
        and any(child.dep_ == "nsubj" and child.i < root.i for child in root.children)
        and not any(child.dep_ in {"ccomp", "dobj", "xcomp"} and child.i not in quoted for child in root.children)
    )


def _before(doc: Doc, region: QuotedRegion, quoted: set[int], paragraph: tuple[int, int]) -> Iterator[Token]:
    """The writer's tokens before the opening mark, nearest first, back to the sentence start."""
    for token in reversed(tokens_between(doc, paragraph[0], region.outer_start)):
        if token.i in quoted or token.text in _SENTENCE_END:
            return
        yield token


def _speaker_head(verb: Token) -> Token | None:
    """The head word of the speaker of speech verb ``verb``."""
    for _ in range(_MAX_CLIMB):
        subjects = [child for child in verb.children if child.dep_ in {"nsubj", "csubj"}]
        subject = subjects[0] if subjects else None
        # Two subjects are a misparse of one long subject ("the EU's High Representative ... Kaja
        # Kallas called"): a person's name nearest the verb is its head.
        if len(subjects) > 1 and subjects[-1].i < verb.i and subjects[-1].ent_type_ == "PERSON":
            subject = subjects[-1]
        if subject is not None:
            if subject.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
                return verb.head
            return subject
        agent = _agent(verb)
        if agent is not None:
            return agent
        if verb.dep_ == "xcomp":
            # "prompting Machado to call the charges ...": the object of the verb above is the
            # one who speaks.
            controller = next((child for child in verb.head.children if child.dep_ == "dobj"), None)
            if controller is not None and controller.i < verb.i:
                return controller
        if verb.dep_ in _NOUN_DEPS and _says_for_itself(verb):
            return verb.head
        if verb.dep_ in _NOUN_DEPS:
            # "X condemned the sanctions, saying ...", "X issued a statement saying ...": a thing
            # says nothing; the one who did something with it speaks.
            verb = verb.head.head
            if verb.pos_ not in {"VERB", "AUX"}:
                return None
            continue
        if verb.dep_ not in _CLIMB_DEPS or verb.head.i == verb.i:
            return None
        if verb.dep_ == "conj":
            verb = _nearer_speech(verb) or _reporting_parent(verb.head)
        else:
            verb = verb.head
    return None


def _nearer_speech(verb: Token) -> Token | None:
    """The speech verb with a subject standing between a conjoined speech verb and the head the
    parser joined it to, which it shares its subject with: in "... in the presence of Ruiz, who
    admitted there was more to do but said ...", "said" is Ruiz's, not the main clause's. Only
    when "and" or "but" joins them with no comma before it."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].dep_ != "cc" or doc[verb.i - 2].text == ",":
        return None  # "Varga met Ruiz, who spoke, and added ...": the comma closes the aside
    for index in range(verb.i - 1, verb.head.i, -1):
        token = doc[index]
        if token.is_sent_start:
            break
        if cue_lemma(token) is not None and any(child.dep_ == "nsubj" for child in token.children):
            return token
    return None


def _says_for_itself(verb: Token) -> bool:
    """Whether the noun a speech verb describes is the speaker ("a spokesperson telling reporters")
    rather than a thing someone handled ("condemned the sanctions saying"): a name, a subject, or
    anything but the object of a verb."""
    noun = verb.head
    if noun.ent_type_ or noun.pos_ in {"PROPN", "PRON"} or noun.lemma_.lower() in PERSON_NOUNS | BODY_NOUNS.keys():
        return True
    return noun.dep_ not in {"dobj", "pobj"} or verb.tag_ != "VBG"


def _phrase_before(verb: Token) -> Token | None:
    """The head of the noun phrase right before a speech verb that has no subject in the parse,
    back to a comma: in "..., the International Committee of the Red Cross (ICRC) said." the
    parser may hang the committee on the clause before."""
    doc = verb.doc
    stretch: list[Token] = []
    lowest = max(verb.sent.start, verb.i - _MAX_PHRASE_BEFORE)
    for index in range(verb.i - 1, lowest - 1, -1):
        token = doc[index]
        if token.text in {",", ";", ":"} and stretch:
            break
        if token.pos_ in {"VERB", "AUX"} or token.text in _SENTENCE_END or token.text in _QUOTE_MARKS:
            return None
        stretch.append(token)
    else:
        if lowest != verb.sent.start:
            return None
    inside = {token.i for token in stretch}
    heads = [token for token in reversed(stretch) if token.head.i not in inside and not token.is_punct]
    if not heads or heads[0].pos_ not in {"NOUN", "PROPN"}:
        return None
    return heads[0]


def _reporting_parent(head: Token) -> Token:
    """The speech verb whose complement ``head`` is, if any, else ``head`` itself.

    In "X said relations were good and pledged support", the parser often joins "pledged" to
    "were" inside the complement; the subject "pledged" shares is then the speaker of "said".
    """
    if cue_lemma(head) is None and head.dep_ == "ccomp" and cue_lemma(head.head) is not None:
        return head.head
    return head


def _reporter_head(verb: Token) -> Token | None:
    """The subject of the reporting verb relaying what ``verb`` reports, if there is one.

    Either ``verb`` is the complement of a reporting verb ("X said ..., Y reported", with "said"
    under "reported") or the parser hung the reporting verb under ``verb`` (with "reported" under
    "said").
    """
    head = verb.head
    if verb.dep_ in {"ccomp", "parataxis"} and cue_lemma(head) in REPORTING_VERBS:
        return _speaker_head(head)
    trailing = trailing_report(verb)
    return _speaker_head(trailing) if trailing is not None else None


def _relayed_cue(report: Token) -> Token | None:
    """The speech verb a trailing "..., Y reported" relays, when the parser hung it the wrong way.

    In "X said the talks failed, Y reported" the parser may make "reported" the complement of
    "said" and "failed" the complement of "reported"; in "the talks failed, X said, Y reported" it
    may make "failed" the complement of "reported" and "said" an aside of it. Either way X is the
    speaker and Y the reporter.
    """
    clause = next((child for child in report.children if child.dep_ == "ccomp"), None)
    has_subject = any(child.dep_ == "nsubj" for child in report.children)
    if cue_lemma(report) not in REPORTING_VERBS or clause is None or not has_subject:
        return None
    head = report.head
    if report.dep_ in {"ccomp", "parataxis"} and cue_lemma(head) is not None and head.i < clause.i < report.i:
        return head
    for aside in report.children:
        is_speech = aside.dep_ in {"parataxis", "ccomp"} and cue_lemma(aside) is not None
        if (
            is_speech
            and clause.i < aside.i < report.i
            and any(child.dep_ == "nsubj" for child in aside.children)
        ):
            return aside
    return None


def trailing_report(verb: Token) -> Token | None:
    """A reporting verb hung under ``verb`` after it, relaying it: "..., X said, Y reported"."""
    for child in verb.rights:
        is_report = child.dep_ in {"ccomp", "parataxis"} and cue_lemma(child) in REPORTING_VERBS
        has_subject = any(grandchild.dep_ == "nsubj" for grandchild in child.children)
        if is_report and has_subject and not any(grandchild.dep_ == "ccomp" for grandchild in child.children):
            return child
    return None


def _quoted_as_saying(verb: Token) -> Attribution:
    """ "Y quoted X as saying" (speaker X, reporter Y) and "X was quoted (by Y) as saying"."""
    doc = verb.doc
    saying = next(
        (
            grandchild
            for child in verb.children
            if child.lower_ == "as"
            for grandchild in child.children
            if grandchild.lemma_ == "say"
        ),
        None,
    )
    passive = next((child for child in verb.children if child.dep_ == "nsubjpass"), None)
    speaker_head: Token | None = passive
    reporter_head: Token | None = _agent(verb)
    if passive is None:
        speaker_head = next((child for child in verb.children if child.dep_ == "dobj"), None)
        reporter_head = _speaker_head(verb)
    speaker, apposition = speaker_mentions(speaker_head) if speaker_head is not None else (None, None)
    reporter = speaker_mentions(reporter_head)[0] if reporter_head is not None else None
    cue_token = saying if saying is not None else verb
    return Attribution(
        "say" if saying is not None else "quote",
        words_mention(doc, cue_token.i, cue_token.i),
        speaker,
        apposition,
        reporter,
    )


def _agent(verb: Token) -> Token | None:
    """The "by Y" of a passive verb: "was quoted by Y"."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((grandchild for grandchild in child.children if grandchild.dep_ == "pobj"), None)
    return None


def _reporter_from_context(cue: Token, context: list[Token] | None) -> Mention | None:
    for token in context or ():
        if token.i != cue.i and is_according_to(token):
            source = _according_object(token)
            if source is not None:
                return speaker_mentions(source)[0]
    return None


def _according_object(according: Token) -> Token | None:
    to = according.nbor(1)
    for child in [*to.children, *according.children]:
        if child.dep_ == "pobj":
            return child
    return None


def _owner(noun: Token) -> Token | None:
    """Who a speech noun belongs to: "Ruiz's remarks", "Spanish accusations"."""
    for child in noun.lefts:
        if child.dep_ in _OWNER_DEPS and (
            child.pos_ == "PROPN" or child.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}
        ):
            return child
    return None
