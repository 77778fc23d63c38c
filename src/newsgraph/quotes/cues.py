"""The words that introduce speech: speech verbs, "according to", and nouns that carry a speaker.

The lists are constants: a word is on them when news writing uses it to put words in someone's
mouth. Verbs whose subject is often a thing rather than a speaker ("show", "reveal",
"underscore", "signal") are left out on purpose: "the vote underscores that ..." reports no one's
speech. "Speak" is left out too: "the result speaks to ..." is not a report of speech, and
"speaking to reporters, X said ..." carries its own "said".
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from spacy.tokens import Token

__all__ = [
    "CUE_VERBS",
    "NEEDS_NO_OBJECT",
    "PARTICLE_CUES",
    "REPORTING_VERBS",
    "CUE_NOUNS",
    "BODY_NOUNS",
    "PERSON_NOUNS",
    "cue_lemma",
    "is_according_to",
]

CUE_VERBS: frozenset[str] = frozenset(
    """
    accuse acknowledge add admit affirm agree allege announce answer argue assert assure believe
    blast boast brand call caution charge claim comment complain concede conclude condemn
    confirm contend continue criticise criticize declare demand deny describe disclose dismiss
    dub emphasise emphasize estimate explain fear insist joke label lament maintain mention note
    observe pledge post praise predict proclaim promise quote recall refer reiterate remark
    reply report respond say slam state stress suggest tell testify think threaten tweet urge
    vow warn write
    """.split()
)
"""Lemmas of verbs that report speech (or a stated belief) of their subject."""

PARTICLE_CUES: frozenset[tuple[str, str]] = frozenset({("point", "out"), ("go", "on")})
"""Phrasal verbs that report speech only with their particle: "pointed out", "went on"."""

_PARTICLE_VERBS = frozenset(verb for verb, _ in PARTICLE_CUES)

NEEDS_NO_OBJECT: frozenset[str] = frozenset({"add", "continue", "go on"})
"""Cues that report speech only when used alone: "he added", not "added 20 jobs" or
"continues to seek"."""

REPORTING_VERBS: frozenset[str] = frozenset({"report", "say", "quote", "tell", "write"})
"""Cues whose subject, when another speech report is their complement, is the reporter of that
speech: in "X said ..., state media reported", state media is the reporter."""

CUE_NOUNS: frozenset[str] = frozenset(
    """
    accusation allegation announcement assertion claim comment pledge promise remark statement
    warning word
    """.split()
)
"""Lemmas of nouns that name a speech act; their owner ("the minister's remarks", "Spanish accusations")
is its speaker."""


BODY_NOUNS: Mapping[str, str] = MappingProxyType({
    **dict.fromkeys(
        "ministry department office government administration authorities authority cabinet presidency "
        "junta regime embassy consulate palace leadership state country nation kremlin parliament legislature "
        "delegation".split(),
        "GOV",
    ),
    **dict.fromkeys("military army navy forces force troops command headquarters".split(), "MIL"),
    **dict.fromkeys("police".split(), "COP"),
    **dict.fromkeys("opposition".split(), "OPP"),
    **dict.fromkeys(
        "commission council committee bloc alliance union organization organisation body league group "
        "movement party agency court tribunal company firm outlet broadcaster network newspaper channel "
        "monitor watchdog foundation institute mission coalition federation secretariat center centre "
        "association militia rebels insurgents coordination operation".split(),
        "ORG",
    ),
})
"""Nouns naming a body that speaks, by what it is: a state's government (``GOV``), its military
(``MIL``), police (``COP``) or opposition (``OPP``), or an organisation of any kind (``ORG``)."""

PERSON_NOUNS = frozenset(
    "official spokesperson spokesman spokeswoman minister president secretary leader envoy ambassador diplomat "
    "chief commander general head premier chancellor prosecutor lawyer attorney judge governor mayor senator "
    "lawmaker director chairman chairwoman chair ombudsman commissioner representative negotiator mediator "
    "king queen prince emperor ruler dictator counterpart candidate founder editor journalist reporter "
    "activist analyst expert researcher professor economist officer colonel admiral".split()
)
"""Nouns naming one person by a role, who may speak: "the official", "the former president"."""


def cue_lemma(token: Token) -> str | None:
    """The cue a verb token stands for ("say", "point out"), or None when it reports no speech."""
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = token.lemma_.lower()
    phrasal = None
    # Most verbs take no cue particle: look at the children only for those that may.
    if lemma in _PARTICLE_VERBS:
        particles = {child.lower_ for child in token.children if child.dep_ == "prt"}
        phrasal = next(
            (f"{verb} {particle}" for verb, particle in PARTICLE_CUES if verb == lemma and particle in particles),
            None,
        )
    cue = phrasal or (lemma if lemma in CUE_VERBS else None)
    if cue in NEEDS_NO_OBJECT and any(child.dep_ in {"dobj", "xcomp"} for child in token.children):
        return None
    return cue


def is_according_to(token: Token) -> bool:
    """Whether ``token`` is the "according" of "according to"."""
    if token.lower_ != "according" or token.i + 1 >= len(token.doc):
        return False
    return token.nbor(1).lower_ == "to"
