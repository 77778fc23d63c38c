from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.quotes.mentions import mention_span, speaker_mentions


def subject_mentions(nlp: Language, text: str) -> tuple[str | None, str | None]:
    doc = nlp(text)
    verb = next(token for token in doc if token.lemma_ == "say")
    subject = next(child for child in verb.children if child.dep_ == "nsubj")
    speaker, apposition = speaker_mentions(subject)
    return (speaker.text if speaker else None, apposition.text if apposition else None)


@pytest.mark.parametrize(
    ("text", "speaker", "apposition"),
    [
        ("He said it was over.", "He", None),
        ("Transport Minister Ana Ruiz said it was over.", "Ana Ruiz", "Transport Minister"),
        ("Dubois, the professor in Lyon, said it was over.", "Dubois", "the professor in Lyon"),
        (
            "Marc Dubois, a fellow at the Institute for Urban Studies, said it was over.",
            "Marc Dubois",
            "a fellow at the Institute for Urban Studies",
        ),
        (
            "The mayor's foreign policy adviser, Ana Ruiz, said it was over.",
            "Ana Ruiz",
            "The mayor's foreign policy adviser",
        ),
        ("A Transport Ministry spokesperson said it was over.", "A Transport Ministry spokesperson", None),
        ("The Spanish Foreign Ministry said it was over.", "The Spanish Foreign Ministry", None),
        ("France and Spain say it was over.", "France and Spain", None),
        ("Six senior officials in Madrid said it was over.", "Six senior officials in Madrid", None),
    ],
)
def test_splits_a_speaker_into_name_and_description(
    nlp: Language, text: str, speaker: str, apposition: str | None
) -> None:
    assert subject_mentions(nlp, text) == (speaker, apposition)


def test_mention_offsets_point_into_the_text(nlp: Language) -> None:
    doc = nlp("Later, Dubois, the professor in Lyon, said it was over.")
    name = next(token for token in doc if token.text == "Dubois")
    speaker, apposition = speaker_mentions(name)
    assert speaker is not None and apposition is not None
    assert doc.text[speaker.start : speaker.end] == "Dubois"
    assert doc.text[apposition.start : apposition.end] == "the professor in Lyon"


def test_a_span_of_punctuation_only_is_no_mention(nlp: Language) -> None:
    doc = nlp("Yes , , no")
    assert mention_span(doc, 1, 2) is None
