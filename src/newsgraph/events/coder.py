"""Coding PLOVER events from a parsed document: who did what to whom, and how the text presents it.

For each sentence, :func:`extract_events`:

1. finds the triggers and their patterns (:mod:`newsgraph.events.triggers`);
2. drafts an event for each, with its source and target (:mod:`newsgraph.events.arguments`): the
   source is the subject of the clause (the agent of a passive, the controller of an infinitive,
   the antecedent of a pronoun or relative, each of several coordinated nouns, the owner of a
   thing that acts: "US drone attacks killed") or, for an event noun, its possessor, modifiers,
   "by" phrase or "between A and B"; the target is the first of the pattern's target slots that
   names an actor. Weapons, aid and victims refine the mode and CAMEO code;
3. reads the speech acts about other actions: a promise, offer or agreement to cooperate is AGREE
   with the CAMEO code of intent for the promised action (a vow to attack is THREATEN); a threat,
   demand, appeal, refusal or veto takes its code from the threatened, demanded or refused action,
   which is not an event of its own (except after "warned that ...", where the possible action
   stands too); coordinated actions ("vowed to deepen ties and to support it") each become such a
   speech act. A threat is aimed at whoever its condition names ("unless Baghdad ..."). An
   accusation is ACCUSE, and the action it alleges is also coded, with status ``alleged``. Asking
   others to support someone is rallying support (SUPPORT), asking them to act against someone
   rallying opposition (ACCUSE), as CAMEO codes them. A sending whose purpose is an event ("sent
   inspectors to investigate") gives way to that event;
4. reads "X said Y must do Z" as X's demand on Y;
5. follows PLOVER's rule that cooperative actions reported in the future are intentions: a planned
   visit is AGREE (intent to meet), status ``planned``, with the visit kept in ``intended``; a
   declared refusal to cooperate ("will not release") is REJECT; a planned conflictual action made
   conditional ("will boycott unless") is THREATEN. Other planned conflictual actions keep their
   type, with status ``planned``;
6. places actors known only by their sector in a country when the sentence allows it (see
   :func:`_place_unplaced`), and sets the status (:mod:`newsgraph.events.status`): a report by an
   identified party other than the source makes an asserted event ``alleged`` (``reported_by`` is
   the reporter; reports by the source itself, by its own country, by media and by unnamed
   sources do not). A negated event ("did not attend") is kept, marked ``negated``, with status
   ``denied``: it is never emitted as asserted.

An event whose sentence names neither a source nor a target is dropped, and so is an event noun
without a source (most are background mentions: "the war in Ukraine"); pass ``require_actor=False``
to keep them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from newsgraph.actors.reading import ActorLookup
from newsgraph.actors.records import DocumentActors
from newsgraph.events.arguments import OBJECT_CONTROL, Arguments
from newsgraph.events.confidence import FeatureReader, SentenceFacts, event_confidence, feature_values, load_confidence_model
from newsgraph.events.context import EventContext
from newsgraph.events.echoes import echoed
from newsgraph.events.ontology import COOPERATIVE, CameoCode, Ontology, load_ontology
from newsgraph.events.patterns import PatternBook, load_patterns
from newsgraph.events.records import ActorRef, EventRecord, Status
from newsgraph.events.status import Framing, read_framing, read_noun_framing
from newsgraph.events.syntax import clauses, content_head, dative, direct_object, lemma, modifiers, prep_objects, subject
from newsgraph.events.triggers import Predicate, find_predicates
from newsgraph.nlp import doc_text

__all__ = ["extract_events"]

_MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
_VIOLENT = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
_AGAINST = frozenset({"ACCUSE", "PROTEST", "ASSAULT", "MOBILIZE", "SANCTION", "COERCE"})
# Sectors that belong inside one country: an actor named only by one of these, facing such an
# actor, is taken to be of the same country ("Egyptian police fired on demonstrators").
_DOMESTIC = frozenset({"COP", "REB", "OPP", "PTY", "LEG", "JUD", "CVL", "EDU", "LAB", "REF", "REL", "BUS", "MED", "CRM", "AGR", "HLH", "GOV"})
_INSURGENT = frozenset({"REB", "OPP"})
# Actors that are part of one state's institutions; they act within it.
_INSTITUTIONS = frozenset({"OPP", "PTY", "LEG", "JUD", "COP"})
_CIVIL_STATE = frozenset({"GOV", "COP", "JUD", "LEG"})
_STATE = frozenset({"MIL", "COP", "GOV"})
# Things that speak for whoever issued them ("the resolution calls on ..."), and things that
# strike for whoever fired them ("one of the missiles hit a mosque").
_DOCUMENTS = frozenset({
    "resolution", "statement", "communique", "declaration", "report", "letter", "decision", "decree", "text",
    "bill", "law", "order", "ruling", "verdict", "note", "memorandum",
})
_WEAPONS = frozenset({
    "missile", "rocket", "drone", "shell", "bomb", "strike", "airstrike", "attack", "artillery", "fire", "shelling",
    "bombardment", "barrage", "projectile", "warplane", "jet", "aircraft", "raid",
})
# Verbal reactions whose object may be an event rather than its doer ("condemned the strikes").
_REACTIONS = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
# Material events whose doer a passive may leave unnamed ("those being released").
_DONE_TO_SOMEONE = frozenset({"RETREAT", "ASSAULT", "COERCE", "SANCTION", "AID"})
# Arrests, detentions, raids and searches (CAMEO 170-173), and the words of criminal charges.
_ARREST = frozenset({"170", "171", "172", "173"})
_CHARGES = frozenset({"charge", "indict", "prosecute"})
# What an attack leaves behind, told in the same sentence ("..., killing three").
_TOLL = frozenset({"kill", "wound", "injure", "maim"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_AID_CODES = {"economic": "071", "military": "072", "humanitarian": "073", "asylum": "075"}
_GENERIC_ASSAULT = frozenset({"180", "190", "182", "183", "193"})
_COMPLEMENTS = frozenset({"xcomp", "ccomp", "prep", "pobj", "pcomp", "dobj", "acl", "attr", "oprd", "conj", "acomp"})
# Prepositions that introduce what a speech act is about ("call for talks", "accused of
# supplying"), not when or where it happened ("at the talks", "during the visit").
_COMPLEMENT_PREPOSITIONS = frozenset({
    "to", "for", "of", "on", "upon", "against", "with", "from", "about", "over", "into", "toward", "towards",
})


@dataclass
class _Draft:
    """An event being coded; frames and recoding change it before it becomes a record."""

    predicate: Predicate
    type: str
    cameo: str
    mode: str | None
    sources: list[ActorRef]
    targets: list[ActorRef]
    framing: Framing
    rule: str
    mutual: bool = False
    intended: str | None = None
    status: Status | None = None
    reported_by: ActorRef | None = None
    consumed: bool = False
    negated: bool | None = None
    depth: int = 0


def extract_events(
    doc: Doc,
    lookup: ActorLookup,
    *,
    require_actor: bool = True,
    actors: DocumentActors | None = None,
    floor: float | None = None,
    voices: Sequence[tuple[int, int, ActorRef]] = (),
    ontology: Ontology | None = None,
    patterns: PatternBook | None = None,
) -> list[EventRecord]:
    """Every PLOVER event in ``doc``, in text order.

    ``doc`` is text parsed by :func:`newsgraph.nlp.load_nlp` (tagger, lemmatizer, parser and
    entity recogniser). ``lookup`` says which actor a span names: the actors stage's reading
    (:class:`~newsgraph.actors.reading.ActorReading`); ``actors`` are the document's resolved
    actors, which say the document's own country (where unplaced domestic actors act); ``voices``
    the quotations with a speaker, as ``(start, end, speaker)``: "we" in one is the speaker. An event
    whose confidence is under ``floor`` (default: the confidence model's) is not coded. With
    ``require_actor`` false, events whose actors the sentence does not name are kept, whatever
    their confidence. ``ontology`` and ``patterns`` are the tables the coder reads with (default:
    the packaged ones; the pipeline's events stage is given them when the pipeline is built).
    """
    if not require_actor:
        floor = 0.0
    elif floor is None:
        floor = load_confidence_model().floor
    ontology = load_ontology() if ontology is None else ontology
    patterns = load_patterns() if patterns is None else patterns
    coder = _Coder(doc, lookup, ontology, patterns, require_actor, EventContext(actors), voices)
    events: list[EventRecord] = []
    for number, sentence in enumerate(doc.sents):
        events.extend(coder.sentence(sentence, number))
    events = _rescored(events, echoed(events))
    return [event for event in events if event.confidence >= floor]


def _rescored(events: list[EventRecord], echoes: list[bool]) -> list[EventRecord]:
    """The events with the confidence the model gives them once it knows which ones the document
    reports again."""
    model = load_confidence_model()
    rescored = []
    for event, echo in zip(events, echoes):
        if event.features is None or not echo:
            rescored.append(event)
            continue
        values = dict(event.features) | {"echoed": 1.0}
        rescored.append(replace(event, confidence=model.score_values(values), features=values))
    return rescored


class _Coder:
    def __init__(
        self,
        doc: Doc,
        lookup: ActorLookup,
        ontology: Ontology,
        book: PatternBook,
        require_actor: bool,
        context: EventContext,
        voices: Sequence[tuple[int, int, ActorRef]] = (),
    ) -> None:
        self._context = context
        self._memory_floor = load_confidence_model().floor if require_actor else 0.0
        self._number = 0
        self._doc = doc
        self._text = doc_text(doc)
        self._lookup = lookup
        self._ontology = ontology
        self._book = book
        self._require_actor = require_actor
        self._args = Arguments(doc, lookup, voices)
        self._features = FeatureReader(doc)

    # -- drafting ------------------------------------------------------------------------

    def _draft(self, predicate: Predicate) -> _Draft:
        pattern = predicate.pattern
        code = self._ontology.cameo(pattern.cameo)
        sources = self._args.sources(predicate)
        targets = self._args.targets(predicate, sources)
        framing = read_noun_framing(predicate.trigger, self._book) if predicate.kind == "noun" else read_framing(predicate.head, self._book)
        if predicate.kind == "light":
            rule = f"light:{lemma(predicate.head)}+{lemma(predicate.trigger)}"
        else:
            rule = f"{predicate.kind}:{lemma(predicate.trigger)}"
        draft = _Draft(predicate, pattern.type, code.code, pattern.mode or code.mode, sources, targets, framing, rule)
        draft.depth = sum(1 for _ in predicate.head.ancestors)
        if not draft.sources and framing.denier is not None:
            draft.sources = self._args.actors(framing.denier)
        self._refine(draft)
        return draft

    def _set_code(self, draft: _Draft, code_name: str | CameoCode, mode: str | None = None) -> None:
        code = code_name if isinstance(code_name, CameoCode) else self._ontology.cameo(code_name)
        draft.type, draft.cameo, draft.mode = code.plover, code.code, mode or code.mode

    def _refine(self, draft: _Draft) -> None:
        """Mode and code from what the event is done with and to: aid, weapons, victims, partners."""
        predicate, pattern = draft.predicate, draft.predicate.pattern
        words = self._theme_words(predicate)
        if predicate.kind in ("noun", "light"):
            words.append(lemma(predicate.trigger))  # "a loan", "a grant": the noun says the kind of aid
        if pattern.material or (draft.type == "AID" and pattern.cameo == "070"):
            aid = next((self._book.aid_modes[w] for w in words if w in self._book.aid_modes), None)
            if aid in _AID_CODES:
                self._set_code(draft, _AID_CODES[aid])
            elif aid == "diplomatic" and draft.type == "AID":
                self._set_code(draft, "051")
        if draft.type == "ASSAULT" and pattern.mode is None:
            instrument = self._instrument(predicate)
            if instrument is not None:
                mode, code_name = instrument
                if draft.cameo in _GENERIC_ASSAULT:
                    self._set_code(draft, code_name, mode)
                else:
                    draft.mode = mode
        if pattern.leader and self._leader_target(predicate):
            self._set_code(draft, pattern.leader)
        joint = any(lemma(m) == "joint" for m in modifiers(predicate.trigger))
        if pattern.joint is not None and (len(draft.sources) > 1 or joint):
            self._set_code(draft, pattern.joint[1])
            draft.mutual = True
        if pattern.symmetric and len(draft.sources) > 1 and not any(ref.id or ref.code or ref.country for ref in draft.targets):
            # "Israel and Hamas agreed to a truce": the truce names no one; they agreed together.
            draft.targets = []
            draft.mutual = True
        if draft.type == "RETREAT" and draft.mode == "withdraw" and draft.targets and all(_is_organisation(ref) for ref in draft.targets):
            # Leaving an international organisation ("their withdrawal from ECOWAS") cuts ties;
            # it yields no ground.
            self._set_code(draft, "166", "withdraw")

    def _theme_words(self, predicate: Predicate) -> list[str]:
        trigger = predicate.trigger
        nodes: list[Token] = list(modifiers(trigger))
        if predicate.kind in ("verb", "adj"):
            for node in (direct_object(trigger), dative(trigger), *prep_objects(trigger, "with")):
                if node is not None:
                    node = content_head(node)
                    nodes.extend([node, *modifiers(node)])
        for node in prep_objects(trigger, "of"):
            node = content_head(node)
            nodes.extend([node, *modifiers(node)])
        return [lemma(node) for node in nodes] + [node.lower_ for node in nodes]

    def _instrument(self, predicate: Predicate) -> tuple[str, str] | None:
        trigger = predicate.trigger
        scope: list[Token] = list(trigger.subtree) if predicate.kind == "noun" else [
            token for child in trigger.children if child.dep_ not in ("ccomp", "advcl", "conj", "relcl") for token in child.subtree
        ]
        doer = subject(predicate.head, OBJECT_CONTROL)
        if doer is not None:
            scope.extend(doer.subtree)
        words = {lemma(token) for token in scope} | {token.lower_ for token in scope}
        for instrument in self._book.instruments:
            if words & instrument.words:
                return instrument.mode, instrument.cameo
        return None

    def _leader_target(self, predicate: Predicate) -> bool:
        obj = direct_object(predicate.trigger) if predicate.kind != "noun" else None
        if obj is None and predicate.kind == "noun":
            objects = prep_objects(predicate.trigger, "of")
            obj = objects[0] if objects else None
        if obj is None:
            return False
        obj = content_head(obj)
        return lemma(obj) in self._book.leader_words or obj.ent_type_ == "PERSON"

    # -- frames --------------------------------------------------------------------------

    def _embedded(self, draft: _Draft, index: dict[int, _Draft]) -> _Draft | None:
        """The nearest event in the complement of a frame word: its infinitive or that-clause, its
        object, the noun after its preposition."""
        predicate = draft.predicate
        starts = [predicate.trigger] if predicate.kind != "light" else [predicate.trigger, predicate.head]
        queue: deque[tuple[Token, int]] = deque((child, 1) for start in starts for child in start.children if _complement(child))
        seen: set[int] = {start.i for start in starts}
        while queue:
            token, level = queue.popleft()
            if token.i in seen:
                continue
            seen.add(token.i)
            found = index.get(token.i)
            if found is not None and found is not draft and not found.consumed:
                return found
            if level < 4:
                queue.extend((child, level + 1) for child in token.children if _complement(child))
        return None

    def _frame(self, draft: _Draft, index: dict[int, _Draft]) -> None:
        frame = draft.predicate.pattern.frame
        action = self._embedded(draft, index)
        if frame == "means":
            self._means(draft, index)
            return
        if frame == "prepare":
            if action is not None and action.type in _VIOLENT:
                draft.targets = draft.targets or action.targets
                draft.intended = _action_key(action)
                action.consumed = True
            else:
                draft.consumed = True
            return
        if frame == "threat":
            draft.targets = self._conditioned(draft, action) or draft.targets
        if action is None:
            if frame == "intent" and draft.predicate.kind == "adj":
                draft.consumed = True  # "ready to intervene" with no event in it agrees to nothing
            return
        if frame == "accusation":
            self._accusation(draft, action)
            return
        if frame in ("intent", "commit"):
            if action.type in COOPERATIVE:
                code = self._ontology.embedded("intent", action.type, action.mode, action.cameo)
            elif frame == "commit" or action.type in _MATERIAL_CONFLICT:
                # A vow to strike, or readiness to ("ready to attack if needed"), is a threat.
                code = self._ontology.embedded("threat", action.type, action.mode, action.cameo)
            else:
                draft.consumed = True
                if action.framing.status == "asserted":
                    action.status = "planned"
                return
        elif frame in ("demand", "appeal"):
            code = self._request(draft, action, frame)
        else:
            code = self._ontology.embedded(frame or "threat", action.type, action.mode, action.cameo)
        self._set_code(draft, code)
        draft.intended = _action_key(action)
        self._frame_siblings(draft, action, frame or "threat", index)
        if not draft.targets:
            by_addressee = frame in ("demand", "appeal") and not _overlap(action.sources, draft.sources)
            fallback = action.sources if by_addressee and action.sources else action.targets
            draft.targets = [ref for ref in fallback if ref not in draft.sources]
        if not draft.targets and len(draft.sources) > 1 and frame in ("intent", "commit"):
            draft.mutual = True
        if frame == "threat" and action.predicate.head.dep_ == "ccomp":
            return  # "warned that Moscow could provide weapons": the possible provision stands too
        action.consumed = True

    def _frame_siblings(self, draft: _Draft, action: _Draft, frame: str, index: dict[int, _Draft]) -> None:
        """"Vowed to deepen ties and to support it": each coordinated action is promised too; each
        becomes an event of the frame's kind with the frame word's source."""
        for sibling_head in action.predicate.head.conjuncts:
            sibling = index.get(sibling_head.i)
            if sibling is None or sibling.consumed or sibling is draft or sibling.intended is not None:
                continue
            if frame in ("intent", "commit"):
                table = "intent" if sibling.type in COOPERATIVE else ("threat" if frame == "commit" else None)
            else:
                table = frame if frame in ("threat", "demand", "appeal", "refusal") else None
            if table is None:
                continue
            sibling.intended = _action_key(sibling)
            self._set_code(sibling, self._ontology.embedded(table, sibling.type, sibling.mode, sibling.cameo))
            sibling.targets = sibling.targets or list(draft.targets)
            sibling.sources = list(draft.sources)
            sibling.rule = draft.rule + "+" + sibling.rule

    def _request(self, draft: _Draft, action: _Draft, frame: str) -> CameoCode:
        """The code of a demand or appeal. Asking others to support someone is rallying support;
        asking others to act against someone, rallying opposition (CAMEO 053 and 113)."""
        by_addressee = not action.sources or not draft.targets or _overlap(action.sources, draft.targets)
        if by_addressee and action.targets and not _overlap(action.targets, draft.sources):
            if action.type == "SUPPORT" and not _overlap(draft.targets, action.targets):
                draft.targets = list(action.targets)
                return self._ontology.cameo("053")
            if action.type in _AGAINST and not _overlap(draft.targets, action.targets):
                draft.targets = list(action.targets)
                return self._ontology.cameo("113")
        return self._ontology.embedded(frame, action.type, action.mode, action.cameo)

    def _accusation(self, draft: _Draft, action: _Draft) -> None:
        """An accusation is ACCUSE; the action it alleges is coded too, as alleged by the accuser."""
        code = self._ontology.embedded("accusation", action.type, action.mode, action.cameo)
        if action.framing.status == "asserted":
            action.status = "alleged"
        if draft.sources:
            action.reported_by = draft.sources[0]
        if not action.sources:
            action.sources = list(draft.targets)
        if not draft.targets:
            draft.targets = [ref for ref in action.sources if ref not in draft.sources]
        self._set_code(draft, code.code)
        draft.intended = _action_key(action)

    def _means(self, draft: _Draft, index: dict[int, _Draft]) -> None:
        """"Sent investigators to Bosnia to investigate": the purpose is the event, the sending its
        means. Without an event in a purpose clause the sending stands."""
        trigger = draft.predicate.trigger
        purposes = clauses(trigger) + [child for child in trigger.children if child.dep_ == "advcl"]
        action = next((index[clause.i] for clause in purposes if clause.i in index and not index[clause.i].consumed), None)
        if action is None or action is draft:
            return
        if not action.sources:
            action.sources = list(draft.sources)
        if not action.targets:
            action.targets = [ref for ref in draft.targets if ref not in action.sources]
        draft.consumed = True

    def _absorb_object(self, draft: _Draft, index: dict[int, _Draft]) -> None:
        """"Ended the fighting", "called off the strike", "cancelled the talks": a verb that stops
        what its object names (its pattern asks for that object) codes one event; the stopped
        fighting, strike or talks are not a second event."""
        predicate = draft.predicate
        if predicate.kind != "verb" or not any(c.slot == "obj" and not c.negated for c in predicate.pattern.when):
            return
        if draft.type not in ("RETREAT", "CONCEDE") and draft.mode != "cancel":
            return
        obj = direct_object(predicate.trigger)
        if obj is None:
            return
        noun = index.get(content_head(obj).i)
        if noun is not None and noun is not draft and noun.predicate.kind == "noun" and not noun.consumed:
            noun.consumed = True

    def _absorb_toll(self, draft: _Draft, index: dict[int, _Draft]) -> None:
        """"A missile hit a mosque, killing three", "the attack killed 19": the deaths are the toll
        of the attack the sentence codes, not a second attack."""
        verb = draft.predicate.head
        if draft.type != "ASSAULT" or draft.predicate.kind != "verb" or lemma(verb) not in _TOLL:
            return
        attack: _Draft | None = None
        if (verb.dep_ == "advcl" and verb.tag_ == "VBG") or verb.dep_ == "conj":
            attack = index.get(verb.head.i)  # "hit a mosque, killing three", "ambushed a convoy and killed 24"
        doer = next((child for child in verb.children if child.dep_ == "nsubj"), None)
        if attack is None and doer is not None:
            attack = index.get(content_head(doer).i)
        if attack is None or attack is draft or attack.type != "ASSAULT" or attack.consumed:
            return
        if attack.predicate.kind == "noun" and not attack.sources:
            return  # an attack noun naming no attacker is coded only by its toll ("the attack killed 19")
        draft.consumed = True
        attack.sources = attack.sources or [ref for ref in draft.sources if ref not in attack.targets]
        attack.targets = attack.targets or [ref for ref in draft.targets if ref not in attack.sources]

    def _conditioned(self, draft: _Draft, action: _Draft | None) -> list[ActorRef]:
        """Who a threat is aimed at: the subject of its condition ("... unless Baghdad accepts")."""
        heads = [draft.predicate.head] + ([action.predicate.head] if action is not None else [])
        conditional = self._book.status_words["conditional"]
        for head in heads:
            for clause in head.children:
                if clause.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in conditional for m in clause.children):
                    continue
                said = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                found = [ref for ref in self._args.actors(said) if ref not in draft.sources]
                if found:
                    return found
        return []

    def _obligation(self, draft: _Draft) -> None:
        """"X said Y must do Z": X demands Z of Y."""
        speech = draft.framing.speech
        if speech is None:
            return
        speakers = self._args.actors(subject(speech))
        if not speakers or not draft.sources or _same(speakers, draft.sources):
            return
        code = self._ontology.embedded("demand", draft.type, draft.mode, draft.cameo)
        draft.intended = _action_key(draft)
        self._set_code(draft, code.code)
        draft.targets, draft.sources = list(draft.sources), speakers
        draft.mutual = False
        draft.status = "asserted"
        draft.rule = "reported-obligation:" + draft.rule

    def _recode(self, draft: _Draft) -> None:
        """PLOVER: cooperative actions reported in the future are intentions (AGREE), and declared
        refusals to cooperate ("will not release") are REJECT; a planned conflictual action made
        conditional ("will boycott unless ...") is a threat."""
        status = draft.status or draft.framing.status
        if draft.intended is not None:
            return
        if draft.framing.negated and draft.framing.future and draft.type in COOPERATIVE:
            code = self._ontology.embedded("refusal", draft.type, draft.mode, draft.cameo)
            draft.status = "asserted"
            draft.negated = False
        elif status != "planned":
            return
        elif draft.type in COOPERATIVE and draft.type != "AGREE":
            code = self._ontology.embedded("intent", draft.type, draft.mode, draft.cameo)
        elif draft.type in _MATERIAL_CONFLICT and draft.framing.conditional:
            code = self._ontology.embedded("threat", draft.type, draft.mode, draft.cameo)
        else:
            return
        draft.intended = _action_key(draft)
        self._set_code(draft, code.code)

    def _placed(self, ref: ActorRef, country: str) -> ActorRef:
        """An actor known only by its sector, placed in ``country``: that country's sector actor
        ("police" acting in Egypt are ``sector:EGYCOP``)."""
        if ref.code is not None and len(ref.code) == 3:
            return self._lookup.sector_actor(country, ref.code)
        return ActorRef(None, country, country)

    # -- records -------------------------------------------------------------------------

    def sentence(self, sentence: Span, number: int = 0) -> list[EventRecord]:
        """The events of ``sentence``, the ``number``-th of the document (from 0)."""
        self._number = number
        predicates = find_predicates(sentence, self._book, self._args.is_actor)
        predicates += self._referring_nouns(sentence, predicates)
        drafts = [self._draft(predicate) for predicate in predicates]
        index: dict[int, _Draft] = {}
        for draft in drafts:
            index.setdefault(draft.predicate.trigger.i, draft)
            index.setdefault(draft.predicate.head.i, draft)
        for draft in sorted(drafts, key=lambda d: -d.depth):
            if draft.predicate.pattern.frame and not draft.consumed:
                self._frame(draft, index)
        for draft in drafts:
            if not draft.consumed:
                self._absorb_object(draft, index)
                self._absorb_toll(draft, index)
        for draft in drafts:
            if not draft.consumed and draft.framing.obligation and draft.status is None:
                self._obligation(draft)
        for draft in drafts:
            if not draft.consumed:
                self._recode(draft)
        kept = [draft for draft in drafts if not draft.consumed]
        if not kept:
            return []
        facts = self._features.sentence(sentence, number, len(kept))
        records: list[EventRecord] = []
        lemmas: list[str] = []
        for draft in kept:
            for record in self._record(draft, sentence, facts):
                records.append(record)
                lemmas.append(lemma(draft.predicate.trigger))
        nouns = frozenset(lemma(token) for token in sentence if token.pos_ in ("NOUN", "PROPN"))
        # Later sentences refer back to the events the model would code (over its floor), even
        # when the caller keeps every event: a low-confidence draft is a poor antecedent. Which
        # events are kept is decided once the whole document is coded (echoes lift some).
        credible = [i for i, record in enumerate(records) if record.confidence >= self._memory_floor]
        self._context.remember(number, [records[i] for i in credible], [lemmas[i] for i in credible], nouns)
        return records

    def _referring_nouns(self, sentence: Span, found: list[Predicate]) -> list[Predicate]:
        """"A new prisoner exchange between Ukraine and Russia ... The exchange began today": a
        definite noun that names no event by itself (its pattern wants a modifier it lacks) refers
        to the latest event of its pattern's kind a few sentences back ("the exchange" after "a
        prisoner swap")."""
        taken = {predicate.trigger.i for predicate in found} | {predicate.head.i for predicate in found}
        referring: list[Predicate] = []
        for token in sentence:
            if token.pos_ != "NOUN" or token.i in taken or token.dep_ == "compound":
                continue
            if not any(child.dep_ == "det" and child.lower_ in _DEFINITE for child in token.children):
                continue
            patterns = self._book.patterns_for(lemma(token), "noun")
            if not patterns or any(not p.when for p in patterns):
                continue  # a noun that names an event by itself was matched or left out on purpose
            pattern = next((p for p in patterns if self._context.recent(self._number, p.type, p.cameo) is not None), None)
            if pattern is not None:
                referring.append(Predicate(token, token, pattern, "noun"))
        return referring

    def _recall(self, draft: _Draft) -> bool:
        """Parties for an event noun that names none: the coordinated subject of its clause for a
        reciprocal event ("Ukraine and Russia started a new exchange"), else the parties of the
        latest event of its kind a few sentences back ("... The exchange began today")."""
        trigger = draft.predicate.trigger
        if draft.predicate.pattern.symmetric:
            parties = self._args.clause_subjects(trigger)
            if len(parties) >= 2:
                draft.sources, draft.mutual = parties, True
                draft.rule += "+clause"
                return True
        recalled = self._context.recall(self._number, draft.type, draft.cameo, lemma(trigger))
        if recalled is None:
            return False
        draft.sources = list(recalled.sources)
        draft.targets = draft.targets or list(recalled.targets)
        draft.mutual = recalled.mutual and not draft.targets
        draft.rule += "+recalled"
        return True

    def _recall_doer(self, draft: _Draft) -> None:
        """A source for a verb event whose doer the sentence names only as a thing: a clause hung
        on a document takes whoever made it ("adopted a resolution demanding ..."); a document,
        weapon or attack as the subject takes the parties of the latest event that named it, or
        of the latest event of its kind ("The resolution calls on ...", "One of the missiles hit
        a mosque")."""
        trigger = draft.predicate.head
        doer = subject(trigger, OBJECT_CONTROL)
        if trigger.dep_ == "acl" and lemma(trigger.head) in _DOCUMENTS and (doer is None or doer.i == trigger.head.i):
            parties = self._args.clause_subjects(trigger)
            if parties:
                draft.sources = parties
                draft.rule += "+clause"
            return
        thing = self._args.subject_thing(draft.predicate)
        if thing is None:
            if subject(trigger, OBJECT_CONTROL) is None and draft.type in _DONE_TO_SOMEONE:
                # "Among those being released are ...": a passive with no agent is done by the
                # parties of the latest event of its kind.
                recalled = self._context.recall(self._number, draft.type, draft.cameo, lemma(draft.predicate.trigger))
                if recalled is not None:
                    draft.sources = [ref for ref in recalled.sources if ref not in draft.targets]
                    draft.mutual = recalled.mutual and not draft.targets
                    draft.rule += "+recalled"
            return
        if lemma(thing) in _DOCUMENTS:
            recalled = self._context.recall_word(self._number, lemma(thing))
        elif lemma(thing) in _WEAPONS and draft.type in ("ASSAULT", "MOBILIZE"):
            recalled = self._context.recall(self._number, draft.type, draft.cameo, lemma(draft.predicate.trigger))
        else:
            return
        if recalled is not None:
            draft.sources = [ref for ref in recalled.sources if ref not in draft.targets]
            draft.rule += "+recalled"

    def _reaction_target(self, draft: _Draft) -> None:
        """A reaction to an event the sentence names without its doer ("condemned the strikes",
        "welcomed the release") is aimed at the doer of the latest such event."""
        if draft.type not in _REACTIONS or draft.targets or draft.predicate.kind != "verb":
            return
        obj = direct_object(draft.predicate.trigger)
        if obj is None:
            return
        obj = content_head(obj)
        patterns = self._book.patterns_for(lemma(obj), "noun")
        if not patterns or self._args.actors(obj) or self._args.owner_actors(obj):
            return
        recalled = self._context.recall(self._number, patterns[0].type, patterns[0].cameo, lemma(obj))
        if recalled is not None:
            draft.targets = [ref for ref in recalled.sources if ref not in draft.sources]
            if draft.targets:
                draft.rule += "+recalled-target"

    def _answer_target(self, draft: _Draft) -> None:
        """A threat aimed at no one named answers whoever last acted against the threatener:
        "India struck Pakistan ... Sharif vowed his country would retaliate" threatens India."""
        if draft.type != "THREATEN" or draft.targets or draft.mutual or not draft.sources:
            return
        victims = frozenset(ref.root for ref in draft.sources if ref.root)
        if not victims:
            return
        provoker = self._context.provoker(self._number, victims)
        if provoker:
            draft.targets = list(provoker)
            draft.rule += "+provoker"

    def _aim(self, draft: _Draft) -> None:
        """An attack with no target named is aimed at the country where it struck, when that is
        not the attacker's own ("fired missiles into Pakistan", "a mosque in Bahawalpur")."""
        if draft.type != "ASSAULT" or not draft.sources or any(ref.id or ref.code for ref in draft.targets):
            return
        own = {ref.country for ref in draft.sources}
        places = [ref for ref in self._args.scene(draft.predicate, into=True) if ref.country not in own]
        if len({ref.country for ref in places}) == 1:
            draft.targets = places[:1]
            draft.rule += "+scene"

    def _implied_authority(self, draft: _Draft) -> None:
        """"Editor X was detained", "they were charged with smuggling": an arrest, a detention or a
        charge with no agent named, done to people of one country, is done by that country's
        police or courts."""
        if draft.sources or not draft.targets or draft.predicate.kind == "light":
            return
        if draft.type == "COERCE" and draft.cameo[:3] in _ARREST:
            # Bans and restrictions (CAMEO 172) are the government's; arrests and raids the police's.
            sector = "GOV" if draft.cameo.startswith("172") else "COP"
        elif (draft.type == "ACCUSE" and draft.cameo.startswith("112") and lemma(draft.predicate.trigger) in _CHARGES) or (
            draft.type == "SANCTION" and draft.mode == "convict"
        ):
            sector = "JUD"
        else:
            return
        if draft.predicate.kind != "noun" and not any(child.dep_ in ("nsubjpass", "auxpass") for child in draft.predicate.head.children):
            return
        countries = {ref.country for ref in draft.targets}
        if len(countries) != 1 or None in countries or any((ref.id or "").startswith("country:") for ref in draft.targets):
            return
        draft.sources = [self._lookup.sector_actor(str(countries.pop()), sector)]
        draft.rule += "+implied-authority"

    def _record(self, draft: _Draft, sentence: Span, facts: SentenceFacts) -> list[EventRecord]:
        if self._require_actor:
            if draft.predicate.kind == "noun" and not draft.sources and not self._recall(draft):
                return []
            if draft.type == "CONSULT" and draft.targets and all(_is_media(ref) for ref in draft.targets):
                return []  # "speaking to reporters" consults no one
            if draft.predicate.kind != "noun" and not draft.sources:
                self._recall_doer(draft)
            if not draft.sources and not draft.targets:
                return []
        _place_unplaced(
            draft,
            lambda: self._args.sole_country(sentence) or self._context.country,
            lambda: self._args.scene_country(draft.predicate),
            self._placed,
        )
        self._implied_authority(draft)
        self._aim(draft)
        self._reaction_target(draft)
        self._answer_target(draft)
        framing = draft.framing
        status: Status = draft.status or framing.status
        reported_by = draft.reported_by
        if framing.denier is not None:
            deniers = self._args.actors(framing.denier)
            reported_by = deniers[0] if deniers else reported_by
        elif framing.reporter is not None and reported_by is None and draft.status is None:
            if framing.reporter.i == draft.predicate.head.i:
                status = "alleged" if status == "asserted" else status
            else:
                reporters = [ref for ref in self._args.actors(framing.reporter) if not _is_media(ref)]
                third_party = [ref for ref in reporters if ref.id is not None and not _overlap([ref], draft.sources)]
                if third_party:
                    reported_by = third_party[0]
                    if status == "asserted":
                        status = "alleged"
        words = sorted({draft.predicate.trigger.i, draft.predicate.head.i})
        first, last = self._doc[words[0]], self._doc[words[-1]]
        code = self._ontology.cameo(draft.cameo)
        negated = framing.negated if draft.negated is None else draft.negated
        targets = () if draft.mutual else tuple(draft.targets)
        features = self._features.features(
            facts, rule=draft.rule, trigger=draft.predicate.trigger, nominal=draft.predicate.kind == "noun",
            sources=draft.sources, targets=targets, status=status, negated=negated, event_type=draft.type,
            mutual=draft.mutual,
        )
        confidence = event_confidence(features)
        return [
            EventRecord(
                type=draft.type,
                mode=draft.mode,
                cameo=draft.cameo,
                goldstein=code.goldstein,
                source_actors=tuple(draft.sources),
                target_actors=targets,
                status=status,
                reported_by=reported_by,
                negated=negated,
                trigger_text=self._text[first.idx : last.idx + len(last.text)],
                trigger_start=first.idx,
                trigger_end=last.idx + len(last.text),
                evidence_start=sentence.start_char,
                evidence_end=sentence.end_char,
                mutual=draft.mutual,
                intended=draft.intended,
                rule=draft.rule,
                confidence=confidence,
                features=feature_values(features),
            )
        ]


def _complement(token: Token) -> bool:
    if token.dep_ == "prep":
        return token.lower_ in _COMPLEMENT_PREPOSITIONS
    if token.dep_ == "advcl":
        return any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children)
    return token.dep_ in _COMPLEMENTS


def _place_unplaced(
    draft: _Draft,
    sole_country: Callable[[], str | None],
    scene: Callable[[], str | None],
    place: Callable[[ActorRef, str], ActorRef],
) -> None:
    """The domestic default: an actor known only by its sector ("the president", "rebels",
    "demonstrators") takes the country of the actors coordinated with it; else a domestic one
    (police, rebels, a party) is of the country where the event happened, when the trigger says
    so ("kidnapped tourists in eastern Turkey": ``scene``); else it takes the country of the
    actors on the other side of the event when those are all of one country and one of them is
    itself a domestic actor (police, rebels, citizens, a ministry: not a bare state or its army,
    whose counterpart is as likely foreign), or when the state's government, police or courts act
    on the unplaced domestic actor, or when the unplaced actor is an institution of one state (a
    party, the opposition, a court, the police) facing no army, or insurgents facing a government. The
    state's forces facing insurgents of one country are of that country ("rebels released 40
    soldiers"). When no actor of the event has a country at all, the one country the sentence
    names, if it names exactly one, is where they all are ("the general resigned to allow Haiti's
    first free elections")."""
    actors = draft.sources + draft.targets
    if actors and not any(ref.country for ref in actors) and any(ref.id is None for ref in actors):
        country = sole_country()
        if country is not None:
            for role in (draft.sources, draft.targets):
                for position, ref in enumerate(role):
                    if ref.id is None and (ref.code is None or ref.code in _DOMESTIC):
                        role[position] = place(ref, country)
            return
    for role, other in ((draft.sources, draft.targets), (draft.targets, draft.sources)):
        placed = {ref.country for ref in role if ref.country}
        facing = {ref.country for ref in other if ref.country}
        domestic = any(ref.country and ref.code and ref.code[3:6] in _DOMESTIC - {"GOV"} for ref in other)
        unplaced = [ref for ref in role if ref.id is None and ref.country is None]
        unarmed = not any(ref.code and ref.code[3:6] == "MIL" for ref in other)
        state = {ref.code[3:6] for ref in other if ref.country and ref.code} & _CIVIL_STATE
        insurgent = any(ref.country and ref.code and ref.code[3:6] in _INSURGENT for ref in other)
        # Who acts on a domestic actor, or whom an institution or insurgents face, decides:
        # a state's government or police acting on its people ("ordered the opposition
        # newspaper to close"), a party or the opposition facing the state ("the party will
        # boycott Algeria's elections"), insurgents facing a government. Protesters facing a
        # state may be foreign ("stoned the embassy"), and so may anyone facing an army.
        # Sanctions are laid on others: officials a state sanctions are not its own.
        external = draft.type == "SANCTION" and draft.mode != "convict"
        acted_on = role is draft.targets and bool(state) and any(ref.code in _DOMESTIC for ref in unplaced) and not external
        facing_state = any(ref.code in _INSTITUTIONS for ref in unplaced) and unarmed
        rising = any(ref.code in _INSURGENT for ref in unplaced) and "GOV" in state
        country = placed.pop() if len(placed) == 1 else None
        if country is None and any(ref.code in _DOMESTIC for ref in unplaced):
            country = scene()
        if country is None and len(facing) == 1 and (domestic or acted_on or facing_state or rising):
            country = facing.pop()
        if country is None:
            continue
        for position, ref in enumerate(role):
            forces = insurgent and ref.code in _STATE
            if ref.id is None and ref.country is None and (ref.code is None or ref.code in _DOMESTIC or forces):
                role[position] = place(ref, country)


def _action_key(draft: _Draft) -> str:
    return f"{draft.type}/{draft.mode}" if draft.mode else draft.type


def _overlap(first: list[ActorRef], second: list[ActorRef]) -> bool:
    """Whether two lists of actors share an actor, or a country or organisation root."""
    for one in first:
        for other in second:
            if one == other or (one.id is not None and one.id == other.id):
                return True
            if one.root is not None and one.root == other.root:
                return True
    return False


def _same(first: list[ActorRef], second: list[ActorRef]) -> bool:
    """Whether two lists of actors share an actor with the same code."""
    return any(one.id == other.id and one.code == other.code for one in first for other in second)


def _is_organisation(ref: ActorRef) -> bool:
    return ref.id is not None and ref.code is not None and ref.code[:3] in ("IGO", "NGO")


def _is_media(ref: ActorRef) -> bool:
    return bool((ref.id or "").startswith("media:") or (ref.code or "").endswith("MED"))
