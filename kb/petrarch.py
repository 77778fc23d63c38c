"""Reading PETRARCH2's TABARI-format dictionaries, and what the knowledge base takes from them.

The dictionaries are data of the Open Event Data Alliance (MIT licence), read at build time from a
folder outside the repository (``../shared/data/petrarch2``); only the records built from them are
shipped. Their formats are described in that folder's ``FORMATS.rst``:

- an **actor dictionary** is a series of records: a primary phrase (words joined by ``_`` or
  blanks, optionally followed by ``[CODE]`` restrictions), synonym phrases on lines starting with
  ``+``, and date restrictions on lines starting with a tab (``[RUSGOV >20000507]``,
  ``[RUSELI 19240101-641014]``, ``[AFGELI <780427]``, ``[RUSELI]``). Dates are ``YYYYMMDD`` or
  ``YYMMDD`` (``00``-``30`` are 20YY, the rest 19YY). ``#`` starts a comment.
- an **agent dictionary** is one phrase per line with an optional plural in ``{...}`` and an agent
  code (``[~COP]`` adds the code after the actor's, ``[NGO~]`` before it); ``!NAME! = A, B`` defines
  a substitution set used as ``!NAME!`` inside phrases.

:func:`parse_actors` and :func:`parse_agents` read the formats; :func:`take_people`,
:func:`take_organisations` and :func:`take_sector_words` turn what they read into records for
``kb/build_knowledge_base.py``, leaving out what the knowledge base already holds and what would
match text too loosely (see each function).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "Restriction",
    "TabariActor",
    "TabariAgent",
    "parse_actors",
    "parse_agents",
    "tabari_date",
    "display_name",
    "body_name",
    "fold",
    "Taken",
    "code_periods",
    "given_names",
    "take_people",
    "take_organisations",
    "take_sector_words",
]

_BRACKETS = re.compile(r"\[([^\]]*)\]")
_CODE = re.compile(r"^(?:[A-Z]{3})+$")
_DAY = re.compile(r"^\d{6,8}$")


# -- the formats ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Restriction:
    """One ``[CODE ...]`` of an actor: the code and the days it applies to.

    ``start`` and ``end`` are ISO days or None (open). TABARI counts both limits as included;
    the knowledge base reads ``end`` as the day the code passed on (see :func:`code_periods`).
    A restriction without dates is the actor's default code.
    """

    code: str
    start: str | None = None
    end: str | None = None

    @property
    def default(self) -> bool:
        return self.start is None and self.end is None


@dataclass(frozen=True)
class TabariActor:
    """One record of an actor dictionary: its phrases (the primary first, words separated by single
    blanks, in the dictionary's capitals), its restrictions in order, the comment of its primary
    line and that line's number."""

    phrases: tuple[str, ...]
    restrictions: tuple[Restriction, ...]
    comment: str = ""
    line: int = 0


@dataclass(frozen=True)
class TabariAgent:
    """One phrase of an agent dictionary (words separated by blanks) and its agent code without the
    ``~`` (``COP``); ``prefix`` when the code goes before the actor's (``[NGO~]``)."""

    phrase: str
    code: str
    prefix: bool = False
    line: int = 0


def tabari_date(text: str) -> str | None:
    """The ISO day of a TABARI date (``20000507`` or ``000507``), or None when it is no valid day."""
    text = text.strip()
    if not _DAY.match(text):
        return None
    if len(text) <= 7:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _restriction(inner: str) -> Restriction | None:
    """The restriction written inside one pair of brackets, or None when it cannot be read."""
    parts = inner.split(None, 1)
    if not parts or not _CODE.match(parts[0]):
        return None
    code = parts[0]
    if len(parts) == 1:
        return Restriction(code)
    when = parts[1].replace(" ", "")
    if when.startswith(">"):
        start = tabari_date(when[1:])
        return Restriction(code, start=start) if start else None
    if when.startswith("<"):
        end = tabari_date(when[1:])
        return Restriction(code, end=end) if end else None
    first, dash, last = when.partition("-")
    start, end = tabari_date(first), tabari_date(last)
    if not dash or start is None or end is None or end < start:
        return None
    return Restriction(code, start, end)


def _phrase(text: str) -> str:
    """A dictionary phrase with its words separated by single blanks."""
    return " ".join(text.replace("_", " ").split())


@dataclass
class _Open:
    phrases: list[str]
    restrictions: list[Restriction]
    comment: str
    line: int
    # Whether a phrase line without a "+" still continues this record (see parse_actors).
    open_to_more: bool = True


def parse_actors(text: str, skipped: Counter[str] | None = None) -> list[TabariActor]:
    """The records of an actor dictionary, in file order.

    Besides the documented format, the dictionaries list some synonyms without their ``+`` right
    under a primary phrase that has no code yet ("LEONID_BREZHNEV_" followed by
    "LEONID_ILYICH_BREZHNEV" and then the dates): such a line continues the record, until a code,
    a blank line or a comment line closes it. Restrictions that cannot be read (a malformed code,
    an impossible date, a range that ends before it starts, the null code ``---``) are left out
    and counted in ``skipped``.
    """
    skipped = skipped if skipped is not None else Counter()
    records: list[TabariActor] = []
    current: _Open | None = None

    def close() -> None:
        nonlocal current
        if current is not None and current.phrases:
            records.append(TabariActor(tuple(current.phrases), tuple(current.restrictions), current.comment, current.line))
        current = None

    def restrictions_of(part: str) -> list[Restriction]:
        found = []
        for inner in _BRACKETS.findall(part):
            restriction = _restriction(inner.strip())
            if restriction is None:
                skipped["unreadable restriction"] += 1
            else:
                found.append(restriction)
        return found

    for number, raw in enumerate(text.splitlines(), start=1):
        content, _, comment = raw.partition("#")
        if not content.strip():
            if current is not None:
                current.open_to_more = False
            continue
        if content[:1] in " \t" or content.lstrip().startswith("["):
            if current is None:
                skipped["restriction without a record"] += 1
                continue
            current.restrictions.extend(restrictions_of(content))
            current.open_to_more = False
            continue
        if content.startswith("+"):
            if current is None:
                skipped["synonym without a record"] += 1
                continue
            phrase = _phrase(content[1:].split("[", 1)[0])
            if phrase:
                current.phrases.append(phrase)
            found = restrictions_of(content)
            if found:
                current.restrictions.extend(found)
                current.open_to_more = False
            continue
        words, bracket, rest = content.partition("[")
        phrase = _phrase(words)
        found = restrictions_of(bracket + rest) if bracket else []
        if current is not None and current.open_to_more and not current.restrictions and not found:
            current.phrases.append(phrase)
            continue
        close()
        current = _Open([phrase], found, comment.strip(), number, open_to_more=not found)
    close()
    return records


_SUBSTITUTION = re.compile(r"^!([A-Z]+)!\s*=\s*(.+)$")
_MARKER = re.compile(r"!([A-Z]+)!")
_AGENT = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]+)\]")


def parse_agents(text: str, skipped: Counter[str] | None = None) -> list[TabariAgent]:
    """The phrases of an agent dictionary, in file order, with substitution sets expanded.

    An irregular plural in ``{...}`` is dropped: the knowledge base compares lemmas. Lines that
    cannot be read, or use a substitution set not defined before them, are counted in ``skipped``.
    """
    skipped = skipped if skipped is not None else Counter()
    sets: dict[str, list[str]] = {}
    agents: list[TabariAgent] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<!"):
            continue
        definition = _SUBSTITUTION.match(line)
        if definition:
            sets[definition.group(1)] = [item.strip() for item in definition.group(2).split(",") if item.strip()]
            continue
        match = _AGENT.match(line)
        if match is None:
            skipped["unreadable agent line"] += 1
            continue
        code = match.group("code").strip()
        prefix = code.endswith("~")
        bare = code.strip("~")
        if not (code.startswith("~") or prefix) or not _CODE.match(bare):
            skipped["unreadable agent code"] += 1
            continue
        phrases = [match.group("phrase")]
        unknown = False
        while not unknown and any(_MARKER.search(phrase) for phrase in phrases):
            expanded = []
            for phrase in phrases:
                marker = _MARKER.search(phrase)
                items = sets.get(marker.group(1)) if marker else [""]
                if marker is None or items is None:
                    unknown = marker is not None
                    expanded.append(phrase)
                    continue
                expanded.extend(phrase[: marker.start()] + item + phrase[marker.end() :] for item in items)
            phrases = expanded
        if unknown:
            skipped["unknown substitution set"] += 1
            continue
        for phrase in phrases:
            words = _phrase(phrase)
            if words:
                agents.append(TabariAgent(words, bare, prefix, number))
    return agents


# -- names --------------------------------------------------------------------------------------


_ROMAN = re.compile(r"^[ivx]+$")
_LOWER_PARTICLES = {"al", "el", "bin", "ibn", "bint", "van", "von", "der", "den", "de", "da", "di", "du", "del", "la", "le"}


def _capitalise(word: str) -> str:
    pieces = re.split(r"([-'])", word.lower())
    out = []
    for index, piece in enumerate(pieces):
        previous = pieces[index - 1] if index else ""
        if previous == "'" and piece in {"s", "t"}:
            out.append(piece)  # a possessive or contraction, not a name's part
        else:
            out.append(piece[:1].upper() + piece[1:])
    return "".join(out)


_FUNCTION_WORDS = {"of", "for", "and", "the", "on", "in", "to", "at", "against", "with", "de", "la", "y", "et", "du", "des", "da"}
_ACRONYMS = {"un", "us", "usa", "eu", "uk", "ngo", "aids", "hiv", "nato"}


def body_name(phrase: str) -> str:
    """A dictionary phrase as a body's name: "WORLD_ORGANIZATION_AGAINST_TORTURE" is "World
    Organization against Torture"; one word stays in capitals ("IAEA", "OXFAM"), as do acronyms
    inside a name ("Armenia Fund USA")."""
    words = _phrase(phrase).split()
    if len(words) == 1:
        return words[0]
    out = []
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in _ACRONYMS or not re.search(r"[aeiouy]", lower):
            out.append(word)
        elif index > 0 and lower in _FUNCTION_WORDS:
            out.append(lower)
        else:
            out.append(_capitalise(word))
    return " ".join(out)


def display_name(phrase: str) -> str:
    """A dictionary phrase as news writes a name: ``VLADIMIR_PUTIN_`` is ``Vladimir Putin``,
    ``MUHAMMAD_AL-BARADEI`` ``Muhammad al-Baradei``. Case is only a display matter: the knowledge
    base compares names of two words or more without it."""
    words = _phrase(phrase).split()
    out = []
    for index, word in enumerate(words):
        lower = word.lower()
        stem = lower.split("-", 1)[0]
        if index > 0 and _ROMAN.match(lower):
            out.append(word.upper())
        elif index > 0 and stem in _LOWER_PARTICLES and (lower == stem or "-" in lower):
            out.append(lower if lower == stem else stem + "-" + _capitalise(lower.split("-", 1)[1]))
        else:
            out.append(_capitalise(word))
    return " ".join(out)


def fold(text: str) -> str:
    """The comparison form of a name: no diacritics, hyphens or periods, lower case."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[\u2010-\u2015-]+", " ", text)
    text = re.sub(r"[.'\"’]", "", text)
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    return " ".join(text.casefold().split())


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


# -- what the knowledge base takes ----------------------------------------------------------------


@dataclass
class Taken:
    """What one dictionary gave the knowledge base: new actors, code periods, aliases added to
    actors already held, sector words, and how many records were left out for which reason."""

    actors: list[dict[str, Any]] = field(default_factory=list)
    code_periods: list[dict[str, Any]] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    sector_words: list[dict[str, Any]] = field(default_factory=list)
    left_out: Counter[str] = field(default_factory=Counter)


# Words that make a phrase a title, a description or a body rather than a person's name.
_NOT_NAME_WORDS = frozenset(
    """
    president presidents presidential vice prime premier minister ministers ministry secretary general
    chancellor chairman chairwoman chair leader leaders chief head former ex late acting deputy king queen
    prince princess emir sheikh sultan ayatollah mr mrs ms dr sir lord lady senator sen rep representative
    congressman congresswoman governor mayor ambassador envoy spokesman spokeswoman administration government
    regime cabinet party army forces council committee ministry office military commander colonel col gen
    general admiral marshal captain major lieutenant sergeant soviet communist national state federal supreme
    foreign defense defence interior finance justice affairs of the and for to in on by at from with
    speaker opposition candidate parliament assembly congress senate court judge police rebel rebels
    official officials dictator strongman junta emperor empress pope cardinal bishop archbishop patriarch
    pm fm kanzler bundeskanzler baron baroness count countess duke duchess hojatolislam hojatoleslam
    mullah maulana mufti rabbi father brother sister field marshal comrade his her excellency
    """.split()
)
# Words of an organisation's name: a phrase with one of them names a body, not a person.
_BODY_WORDS = frozenset(
    """
    organization organisation organizations agency agencies union council commission committee fund bank
    association federation foundation institute institution center centre league alliance movement front
    army brigade brigades battalion forces force group groups party cell cells nuclei faction
    network society coalition congress assembly court tribunal program programme project office secretariat
    mission service services corps command unit units community conference forum partnership trust
    authority board bureau company corporation club church order mujahideen guard guards militia militias
    liberation revolutionary resistance jihad jamaat jemaah hizb harakat tanzim taliban brotherhood
    commando commandos squad squads fighters patrol initiative campaign school university college hospital
    international worldwide global world united nations national
    """.split()
)


def _words(phrase: str) -> list[str]:
    return fold(phrase).split()


def _name_like(phrase: str, place_words: frozenset[str]) -> bool:
    """Whether a phrase can be a person's name: two to five words of letters (with hyphens,
    apostrophes and initials' periods), none of them a title, a body's word or a country's name
    or demonym."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z.'\- ]*", _phrase(phrase)):
        return False
    words = _words(phrase)
    if not 2 <= len(words) <= 5:
        return False
    if any(not word.replace(" ", "").isalpha() for word in words):
        return False
    return not any(word in _NOT_NAME_WORDS or word in _BODY_WORDS or word in place_words for word in words)


def given_names(records: Sequence[TabariActor], place_words: frozenset[str]) -> frozenset[str]:
    """The first words of the people's names of a country dictionary (folded): given names, for
    telling a person listed under their group ("HAFIZ_SAEED") from the group."""
    return frozenset(
        fold(record.phrases[0]).split()[0]
        for record in records
        if "countryinfo" in record.comment.lower() and _name_like(record.phrases[0], place_words)
    ) - _LOWER_PARTICLES


def code_periods(restrictions: Sequence[Restriction]) -> list[tuple[str, str | None, str | None]]:
    """The dated restrictions as non-overlapping periods ``(code, start, end)``, ``end`` being the
    day the code passed on (exclusive), in date order.

    Where two restrictions overlap, an office (any code but an elite's ``ELI``) wins over being an
    elite, then the restriction listed first, as TABARI takes the first that applies.
    """
    dated = [r for r in restrictions if not r.default]
    if not dated:
        return []
    bounds = sorted({b for r in dated for b in (r.start, r.end) if b is not None})
    edges: list[str | None] = [None, *bounds, None]
    periods: list[tuple[str, str | None, str | None]] = []
    for left, right in zip(edges, edges[1:]):
        covering = [
            (r.code.endswith("ELI"), order, r.code)
            for order, r in enumerate(dated)
            if (r.start is None or (left is not None and r.start <= left))
            and (r.end is None or (right is not None and right <= r.end))
        ]
        if not covering:
            continue
        code = min(covering)[2]
        if periods and periods[-1][0] == code and periods[-1][2] == left:
            periods[-1] = (code, periods[-1][1], right)
        else:
            periods.append((code, left, right))
    return periods


def _country_of(codes: Iterable[str], countries: frozenset[str], section: str | None) -> str | None:
    """The country a person's codes name most often (ISO alpha-3 roots only), else the section's."""
    roots = Counter(code[:3] for code in codes if code[:3] in countries)
    if roots:
        return sorted(roots.items(), key=lambda item: (-item[1], item[0]))[0][0]
    return section


def take_people(
    records: Sequence[TabariActor],
    *,
    known_names: Mapping[str, set[str]],
    known_surnames: Mapping[str, set[str]],
    person_country: Mapping[str, str | None],
    countries: frozenset[str],
    place_words: frozenset[str],
    common_word: Callable[[str], bool],
    since: str | None = None,
) -> Taken:
    """The office holders of a country dictionary (``Phoenix.Countries.actors.txt``) as people.

    A person is a record the CountryInfo conversion wrote (its primary line's comment names
    ``CountryInfo.txt``) whose primary phrase looks like a name (:func:`_name_like`); its name
    variants are the synonyms that also look like names ("SECRETARY_CLINTON" and
    "RUSSIAN_FOREIGN_MINISTER_LAVROV" are left out). Its country is the one its codes name most,
    else the country whose section it is in; its codes become dated code periods.

    ``known_names`` maps every folded name and alias already in the knowledge base to the actor
    ids holding it: a record sharing one with exactly one person of the same country is that
    person (their curated record wins; its new name variants are added as aliases), with anyone
    else it is left out. Two records of one name and country are one person.

    Surnames: the last word of the name. It is a ``surname`` (matched alone, as the knowledge base
    matches surnames) only when it is distinctive: five letters or more, not a common word
    (``common_word``), borne by no other person of the base or of this dictionary. Otherwise it is
    a ``later_surname``, used only once the document has named the person in full.

    ``since`` (an ISO day) keeps only people with a code period reaching past it.
    """
    taken = Taken()
    section: str | None = None
    people: dict[tuple[str, str | None], dict[str, Any]] = {}
    order: list[tuple[str, str | None]] = []
    for record in records:
        codes = [r.code for r in record.restrictions]
        if len(record.phrases) == 1 and len(codes) == 1 and record.restrictions[0].default and codes[0] in countries:
            section = codes[0]  # "AFGHANISTAN_ [AFG]": the countries' own records head their sections
            continue
        if "countryinfo" not in record.comment.lower():
            continue
        primary = record.phrases[0]
        if not _name_like(primary, place_words):
            taken.left_out["not a name"] += 1
            continue
        periods = code_periods(record.restrictions)
        if not periods and not any(r.default for r in record.restrictions):
            taken.left_out["no code"] += 1
            continue
        if since is not None and periods and all(end is not None and end <= since for _, _, end in periods):
            taken.left_out["out of office before the cut-off"] += 1
            continue
        country = _country_of(codes, countries, section)
        key = (fold(primary), country)
        variants = [p for p in record.phrases[1:] if _name_like(p, place_words)]
        taken.left_out["name variants that are no names"] += len(record.phrases) - 1 - len(variants)
        if key in people:
            person = people[key]
            person["variants"].extend(variants)
            person["restrictions"].extend(record.restrictions)
            continue
        people[key] = {"primary": primary, "variants": variants, "restrictions": list(record.restrictions), "country": country}
        order.append(key)

    # Which folded names belong to whom, dictionary and base together.
    new_names: dict[str, set[tuple[str, str | None]]] = {}
    for key in order:
        for phrase in [people[key]["primary"], *people[key]["variants"]]:
            new_names.setdefault(fold(phrase), set()).add(key)

    surname_bearers: Counter[str] = Counter()
    for key in order:
        surname_bearers[_words(people[key]["primary"])[-1]] += 1

    used_ids: set[str] = set()
    for key in order:
        person = people[key]
        names = [person["primary"], *person["variants"]]
        folded = [fold(name) for name in names]
        owners = {actor for name in folded for actor in known_names.get(name, set())}
        if owners:
            same = [actor for actor in owners if actor in person_country]
            if len(owners) == 1 and same and person_country[same[0]] in (person["country"], None):
                extra = [display_name(n) for n, f in zip(names, folded) if f not in known_names]
                extra = [n for n in extra if len(new_names.get(fold(n), set())) == 1]
                if extra:
                    taken.aliases.setdefault(same[0], []).extend(extra)
                taken.left_out["already in the knowledge base (merged)"] += 1
            else:
                taken.left_out["name held by another actor"] += 1
            continue
        name = display_name(person["primary"])
        aliases = sorted({display_name(v) for v in person["variants"]} - {name})
        # A variant another record also uses says nothing about which of them is meant.
        aliases = [a for a in aliases if len(new_names.get(fold(a), set())) == 1]
        surname_word = _words(person["primary"])[-1]
        surname = display_name(surname_word)
        distinctive = (
            len(surname_word) >= 5
            and surname_bearers[surname_word] == 1
            and not known_surnames.get(surname_word)
            and surname_word not in known_names
            and not common_word(surname_word)
        )
        base_id = f"person:{_slug(name)}"
        actor_id = base_id
        if actor_id in used_ids or actor_id in person_country:
            actor_id = f"{base_id}-{(person['country'] or 'x').lower()}"
        suffix = 2
        while actor_id in used_ids or actor_id in person_country:
            actor_id = f"{base_id}-{suffix}"
            suffix += 1
        used_ids.add(actor_id)
        periods = code_periods(person["restrictions"])
        defaults = [r.code for r in person["restrictions"] if r.default]
        code = defaults[0] if defaults else periods[-1][0]
        taken.actors.append(
            {
                "id": actor_id,
                "name": name,
                "type": "person",
                "country": person["country"],
                "code": code,
                "aliases": aliases,
                "demonyms": [],
                "surnames": [surname] if distinctive else [],
                "later_surnames": [] if distinctive else [surname],
                "parent": None,
                "description": "office holder listed in PETRARCH2's CountryInfo dictionary (to 2014)",
            }
        )
        for period_code, start, end in periods:
            taken.code_periods.append(
                {"actor": actor_id, "code": period_code, "start": start or "1800-01-01", "end": end, "note": "PETRARCH2 CountryInfo"}
            )
    return taken


def take_organisations(
    records: Sequence[TabariActor],
    *,
    source: str,
    known_names: Mapping[str, set[str]],
    known_ids: Iterable[str],
    countries: frozenset[str],
    place_words: frozenset[str],
    common_word: Callable[[str], bool],
    frequent_word: Callable[[str], bool],
    given_names: frozenset[str],
    companies: bool = False,
    id_prefix: str = "org",
) -> Taken:
    """The organisations and armed groups of an actor dictionary
    (``Phoenix.International.actors.txt``, ``Phoenix.MilNonState.actors.txt``).

    A record is taken when it has one undated code (a record with dated codes is a person's, and
    people are not taken from these files) and its primary phrase can name a body
    (:func:`_body_name`): not a person's name (its first word a given name of ``given_names``, no
    word of a body's name), not a title ("WORLD_BANK_PRESIDENT"), not one common word
    (``common_word``) nor words that are all frequent (``frequent_word``: "BLACK_FRIDAY", "RED_FLAG")
    unless one is a body's word ("Army of God"). Its other names are the synonyms that pass the
    same test ("SHEIKH_NASRALLAH" for Hezbollah is left out). A final "(ABC)" is an acronym, taken
    as an alias; another bracket ("(GREECE)") is dropped. Multinational companies (codes ``MNC...``)
    are taken only with ``companies``. A record one of whose names the knowledge base already holds
    is left out: the curated organisation wins; records repeated under the same code are one actor,
    and a name given two codes is nobody's.

    The type follows the code: ``IGO...`` an igo, ``NGO...`` an ngo, anything else an
    organization; the country is the code's first three letters when they are a country's code.
    One-word names are kept in capitals (the knowledge base matches "IAEA" and "Oxfam" alike).
    """
    taken = Taken()
    candidates: list[tuple[TabariActor, list[str], str]] = []
    for record in records:
        codes = [r.code for r in record.restrictions]
        if not codes:
            taken.left_out["no code"] += 1
            continue
        if any(not r.default for r in record.restrictions) or len(set(codes)) > 1:
            taken.left_out["dated or several codes (a person)"] += 1
            continue
        if codes[0].startswith("MNC") and not companies:
            taken.left_out["a company"] += 1
            continue
        names = []
        for phrase in record.phrases:
            names.extend(_bracketed(phrase, place_words))
        if not names or not _body_name(names[0], place_words, common_word, frequent_word, given_names):
            taken.left_out["not an organisation's name"] += 1
            continue
        names = [n for n in names if _body_name(n, place_words, common_word, frequent_word, given_names)]
        candidates.append((record, names, codes[0]))

    codes_of: dict[str, set[str]] = {}
    for _, names, code in candidates:
        for name in names:
            codes_of.setdefault(fold(name), set()).add(code)

    used_ids: set[str] = set(known_ids)
    by_name: dict[str, dict[str, Any]] = {}
    for record, names, code in candidates:
        folded = [fold(n) for n in names]
        if any(f in known_names for f in folded):
            taken.left_out["already in the knowledge base"] += 1
            continue
        # A name two records give different codes says nothing about which is meant.
        primary = names[0]
        names = [n for n, f in zip(names, folded) if len(codes_of[f]) == 1]
        if not names or names[0] != primary:
            taken.left_out["name given two codes"] += 1
            continue
        shown = [body_name(n) for n in names]
        earlier = next((by_name[fold(n)] for n in names if fold(n) in by_name), None)
        if earlier is not None:
            # The dictionaries repeat records: the same body under the same code is one actor.
            earlier["aliases"] = sorted(set(earlier["aliases"]) | (set(shown) - {earlier["name"]}))
            for phrase in names:
                by_name.setdefault(fold(phrase), earlier)
            taken.left_out["repeated record (merged)"] += 1
            continue
        name = shown[0]
        kind = "igo" if code.startswith("IGO") else "ngo" if code.startswith(("NGO", "NGM")) else "organization"
        country = code[:3] if code[:3] in countries else None
        base_id = f"{id_prefix}:{_slug(name)}"[:90].rstrip("-")
        actor_id = base_id
        suffix = 2
        while actor_id in used_ids:
            actor_id = f"{base_id}-{suffix}"
            suffix += 1
        used_ids.add(actor_id)
        actor = {
            "id": actor_id,
            "name": name,
            "type": kind,
            "country": country,
            "code": code,
            "code_basis": "petrarch2",
            "aliases": sorted(set(shown[1:]) - {name}),
            "demonyms": [],
            "surnames": [],
            "parent": None,
            "description": f"listed in PETRARCH2's {source}",
        }
        taken.actors.append(actor)
        for phrase in names:
            by_name[fold(phrase)] = actor
    return taken


def _bracketed(phrase: str, place_words: frozenset[str]) -> list[str]:
    """A phrase and the acronym it ends with in brackets: "KU KLUX KLAN (KKK)" gives "KU KLUX KLAN"
    and "KKK"; a bracket naming a place ("RED FLAG (VENEZUELA)") is dropped."""
    text = _phrase(phrase)
    match = re.fullmatch(r"(.+?)\s*\(([^()]*)\)\s*", text)
    if match is None:
        return [text] if "(" not in text and ")" not in text else []
    inner = match.group(2).strip()
    found = [match.group(1)]
    if re.fullmatch(r"[A-Z][A-Z0-9-]{1,7}", inner) and fold(inner) not in place_words:
        found.append(inner)
    return found


def _body_name(
    phrase: str,
    place_words: frozenset[str],
    common_word: Callable[[str], bool],
    frequent_word: Callable[[str], bool],
    given_names: frozenset[str],
) -> bool:
    """Whether a phrase of an organisations' dictionary can be matched as a body's name."""
    text = _phrase(phrase)
    if not re.fullmatch(r"[A-Z0-9][A-Z0-9.'&/ -]*", text):
        return False
    words = _words(text)
    if not words or any(word in _TITLE_WORDS for word in words):
        return False
    if len(words) == 1:
        word = words[0]
        return len(word) >= 3 and word.replace("-", "").isalnum() and not common_word(word) and word not in place_words
    has_body_word = any(word in _BODY_WORDS for word in words)
    if not has_body_word and words[0] in given_names and len(words) <= 4:
        return False  # "HAFIZ_SAEED", "ABU_SARTAJ": a person listed under their group
    if not has_body_word and all(frequent_word(word) or word in place_words for word in words):
        return False  # "BLACK_FRIDAY", "POPULAR_JUSTICE", "TURKISH_HEZBOLLAH" stays
    return True


# Titles and roles: a phrase with one of them names a person in office, not a body.
_TITLE_WORDS = frozenset(
    """
    president presidents chairman chairwoman chair secretary general director chief head leader spokesman
    spokeswoman spokesperson minister envoy ambassador representative commissioner sheikh mr dr
    coordinator rapporteur official officials monitor monitors peacekeeper peacekeepers contingent resident
    commander colonel mullah maulana emir amir imam mufti ayatollah
    """.split()
)


def _singular_phrase(phrase: str) -> str:
    """The phrase with each word's regular plural made singular ("ministries for housing" is
    "ministry for housing")."""
    out = []
    for word in phrase.split():
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
        out.append(word)
    return " ".join(out)


_EDGE_WORDS = {"the", "a", "an", "of", "in", "for", "to", "on", "at", "and", "by", "with", "from"}


def take_sector_words(
    agents: Sequence[TabariAgent],
    *,
    sectors: frozenset[str],
    known: Mapping[str, str],
    actor_nouns: frozenset[str],
    max_words: int = 3,
    one_word: bool = False,
) -> Taken:
    """Sector words from an agent dictionary (``Phoenix.agents.txt``): phrase -> sector.

    Only phrases of two words or more are taken ("federal police", "government forces", "justice
    ministry"): the single words that matter are curated in ``data/sectors.json`` already, and the
    others are mostly too loose ("deputy" as police, "naval", "kingdom", plurals such as "women").
    The sector is the agent code's first three letters when they are one of ``sectors``; other
    codes (religions, ethnic groups, environment) are left out. Phrases are lower-cased; a phrase
    already in ``known`` (the curated words, which win) or in ``actor_nouns``, one of more than
    ``max_words`` words, one starting or ending with a function word ("embassy in", "the court")
    and one given two different sectors are left out.
    """
    taken = Taken()
    found: dict[str, set[str]] = {}
    codes: dict[str, str] = {}
    for agent in agents:
        sector = agent.code[:3]
        if sector not in sectors:
            taken.left_out["code outside the known sectors"] += 1
            continue
        phrase = agent.phrase.lower()
        words = phrase.split()
        if len(words) > max_words:
            taken.left_out["longer than the longest sector phrase"] += 1
            continue
        if len(words) < 2 and not one_word:
            taken.left_out["one word"] += 1
            continue
        if not re.fullmatch(r"[a-z][a-z' -]*[a-z]", phrase) or words[0] in _EDGE_WORDS or words[-1] in _EDGE_WORDS:
            taken.left_out["not a noun phrase"] += 1
            continue
        found.setdefault(phrase, set()).add(sector)
        codes.setdefault(phrase, ("" if agent.prefix else "~") + agent.code + ("~" if agent.prefix else ""))
    for phrase in sorted(found):
        if phrase in known or phrase in actor_nouns:
            taken.left_out["already a sector word or actor noun"] += 1
            continue
        if _singular_phrase(phrase) != phrase and _singular_phrase(phrase) in found:
            taken.left_out["plural of another phrase"] += 1  # the phrase reader compares lemmas
            continue
        if len(found[phrase]) > 1:
            taken.left_out["given two sectors"] += 1
            continue
        taken.sector_words.append({"text": phrase, "sector": next(iter(found[phrase])), "code": codes[phrase]})
    return taken
