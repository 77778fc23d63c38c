"""Tests of newsgraph.nlp (kept beside the quote tests, its first user)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.errors import NewsgraphError
from newsgraph.nlp import PARAGRAPH_BREAKS, doc_text, doc_tokens, load_nlp, release_doc


def test_loads_the_pipeline_once_per_process(nlp: Language) -> None:
    assert load_nlp() is nlp
    assert load_nlp(()) is nlp


def test_keeps_what_the_quote_finder_needs(nlp: Language) -> None:
    assert {"tagger", "lemmatizer", "parser", "ner", PARAGRAPH_BREAKS} <= set(nlp.pipe_names)
    assert nlp.pipe_names.index(PARAGRAPH_BREAKS) < nlp.pipe_names.index("parser")


def test_disables_components_on_request() -> None:
    lean = load_nlp(["ner"])
    assert "ner" not in lean.pipe_names and "parser" in lean.pipe_names
    assert load_nlp(("ner",)) is lean


def test_names_the_components_it_has_when_asked_to_disable_one_it_lacks() -> None:
    with pytest.raises(NewsgraphError, match="no component .*coref.*it has"):
        load_nlp(["coref"])


def test_a_blank_line_always_starts_a_sentence(nlp: Language) -> None:
    doc = nlp("Mayor vows to end rail strike\n\nThe mayor of Lyon said on Monday that trains would run.")
    sentences = [sentence.text.strip() for sentence in doc.sents]
    assert sentences[0] == "Mayor vows to end rail strike"
    assert sentences[1].startswith("The mayor of Lyon")


def test_doc_text_is_the_parsed_text_joined_once(nlp: Language) -> None:
    text = "Strike ends\n\n  The union said  on Friday it would return.\n"
    doc = nlp(text)
    assert doc_text(doc) == text
    assert doc_text(doc) is doc_text(doc)


def test_the_token_list_is_the_doc_made_once_and_released_with_it(nlp: Language) -> None:
    import gc
    import weakref

    doc = nlp("Officials met in Hanoi on Tuesday. They signed two accords.")
    tokens = doc_tokens(doc)
    assert [token.i for token in tokens] == list(range(len(doc)))
    assert [token.text for token in tokens] == [token.text for token in doc]
    assert doc_tokens(doc) is tokens
    sentence = list(doc.sents)[1]
    assert [t.text for t in tokens[sentence.start : sentence.end]] == [t.text for t in sentence]

    # Released, the doc is freed as soon as nothing refers to it, without waiting for a collection.
    del tokens, sentence
    release_doc(doc)
    gone = weakref.ref(doc)
    gc.disable()
    try:
        del doc
        assert gone() is None
    finally:
        gc.enable()
