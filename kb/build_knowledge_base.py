"""Build the actor knowledge base that ships in ``src/newsgraph/data`` from ``kb/sources``.

Run it from anywhere: ``python kb/build_knowledge_base.py`` (or ``--out DIR`` to write elsewhere).
It reads the curated tables in ``kb/sources/*.csv`` (documented in ``kb/README.md``), the ISO
3166 country list that pycountry ships and, with ``--petrarch DIR`` (default
``../shared/data/petrarch2``), the PETRARCH2 dictionaries that measurably help (``kb/petrarch.py``
says what is taken from each; ``--petrarch-sources`` picks others). It checks them (unknown ids,
bad dates, overlapping terms of one office, malformed codes) and writes JSON Lines files sorted on
stable keys, so a rerun on the same sources and the same pycountry and wordfreq versions produces
byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import Any, get_args

import pycountry
from wordfreq import zipf_frequency

from newsgraph.actors.kb_records import Role, day_after_latest, earliest_day

sys.path.insert(0, str(Path(__file__).resolve().parent))
import petrarch  # noqa: E402  (kb/petrarch.py, beside this script)

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "kb" / "sources"
DEFAULT_OUT = ROOT / "src" / "newsgraph" / "data"
DEFAULT_PETRARCH = ROOT.parent / "shared" / "data" / "petrarch2"
SECTORS = ROOT / "src" / "newsgraph" / "data" / "sectors.json"
FORMAT_VERSION = 2

# The PETRARCH2 dictionaries the build can read, and the ones it does by default: those that
# measurably helped on text the code was not tuned on (kb/README.md gives the measurements).
PETRARCH_FILES = {
    "people": "Phoenix.Countries.actors.txt",
    "people-aliases": "Phoenix.Countries.actors.txt",
    "international": "Phoenix.International.actors.txt",
    "milnonstate": "Phoenix.MilNonState.actors.txt",
    "agents": "Phoenix.agents.txt",
    "agents-words": "Phoenix.agents.txt",
}
# Decided by measurement (kb/README.md); the others stay readable with --petrarch-sources.
KEPT_PETRARCH_SOURCES = frozenset({"agents"})
# A word at least this common in English (wordfreq's Zipf scale) is no distinctive surname and no
# one-word organisation name: "Lee", "Khan", "Singh", "Brown", "Action".
COMMON_WORD_ZIPF = 2.5
# Words at least this common make a name of common words only ("Black Friday", "Red Flag"), which
# is no organisation's name in running text.
FREQUENT_WORD_ZIPF = 3.5

ROLES = frozenset(get_args(Role))
# Roles held by one person at a time in one jurisdiction: overlapping terms are a data error.
EXCLUSIVE_ROLES = frozenset({"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "leader"})
ACTOR_TYPES = frozenset({"igo", "ngo", "organization"})
READINGS = frozenset({"actor", "person_given", "person_surname", "other"})
OWNERSHIP = frozenset({"state", "state-affiliated", "public", "private"})
CODE = re.compile(r"^(?:[A-Z]{3})+$")
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
ID = re.compile(r"^(?:country|person|igo|ngo|org|media|region):[A-Za-z0-9-]+$")


class BuildError(Exception):
    """The sources are inconsistent; the message lists every problem found."""


def read_table(name: str, columns: Sequence[str]) -> list[dict[str, str]]:
    """Read ``kb/sources/<name>.csv``, insisting on exactly ``columns`` in that order."""
    path = SOURCES / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if list(reader.fieldnames or []) != list(columns):
            raise BuildError(f"{path}: columns must be {','.join(columns)}, found {reader.fieldnames}")
        rows = []
        for row in reader:
            if None in row or None in row.values():
                raise BuildError(f"{path} line {reader.line_num}: expected {len(columns)} cells")
            rows.append({key: value.strip() for key, value in row.items() if key is not None and value is not None})
        return rows


def split(value: str) -> list[str]:
    """The items of a ``|``-separated cell, in order, without empty items."""
    return [item.strip() for item in value.split("|") if item.strip()]


def unique(items: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """Sorted distinct items, minus the excluded ones."""
    excluded = set(exclude)
    return sorted({item for item in items if item and item not in excluded})

def precision(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}[len(value)]


class Builder:
    """Collects the actors, metonyms, offices and ambiguities, and every problem on the way."""

    def __init__(self, petrarch_folder: Path | None = None, petrarch_sources: frozenset[str] = frozenset()) -> None:
        self.petrarch_folder = petrarch_folder
        self.petrarch_sources = petrarch_sources
        self.petrarch_report: dict[str, Any] = {}
        self.sector_words: list[dict[str, Any]] = []
        self.problems: list[str] = []
        self.actors: dict[str, dict[str, Any]] = {}
        self.metonyms: list[dict[str, Any]] = []
        self.offices: list[dict[str, Any]] = []
        self.ambiguities: dict[str, dict[str, Any]] = {}
        self.code_periods: list[dict[str, Any]] = []

    def problem(self, message: str) -> None:
        self.problems.append(message)

    def add_actor(self, record: dict[str, Any]) -> None:
        actor_id = record["id"]
        if not ID.match(actor_id):
            self.problem(f"malformed actor id {actor_id!r}")
        if actor_id in self.actors:
            self.problem(f"duplicate actor id {actor_id}")
        if record["code"] is not None and not CODE.match(record["code"]):
            self.problem(f"{actor_id}: malformed code {record['code']!r}")
        record["aliases"] = unique(record["aliases"], exclude=[record["name"]])
        record.setdefault("later_surnames", [])
        self.actors[actor_id] = record

    def check_date(self, where: str, value: str) -> bool:
        if not DATE.match(value):
            self.problem(f"{where}: malformed date {value!r}")
            return False
        try:
            earliest_day(value)
        except ValueError:
            self.problem(f"{where}: impossible date {value!r}")
            return False
        return True

    # -- countries ----------------------------------------------------------------------

    def countries(self) -> None:
        curated = {row["alpha3"]: row for row in read_table("countries", ["alpha3", "name", "aliases", "demonyms", "capitals"])}
        iso = {country.alpha_3: country for country in pycountry.countries}
        for alpha3 in sorted(set(curated) - set(iso) - {"XKX"}):
            self.problem(f"countries.csv: {alpha3} is not an ISO 3166 alpha-3 code")
        for alpha3 in sorted(set(iso) | set(curated)):
            row = curated.get(alpha3)
            entry = iso.get(alpha3)
            iso_names = [] if entry is None else [getattr(entry, field, "") for field in ("name", "official_name", "common_name")]
            # ISO's inverted forms ("Korea, Republic of") never occur in running text.
            iso_names = [re.sub(r"^the ", "", name) for name in iso_names if name and "," not in name]
            if row:
                name = row["name"]
            else:
                name = (getattr(entry, "common_name", "") or entry.name) if entry else alpha3
            self.add_actor(
                {
                    "id": f"country:{alpha3}",
                    "name": name,
                    "type": "country" if row else "territory",
                    "country": alpha3,
                    "code": alpha3,
                    "aliases": iso_names + (split(row["aliases"]) if row else []),
                    "demonyms": unique(split(row["demonyms"])) if row else [],
                    "surnames": [],
                    "parent": None,
                    "description": "" if row else "ISO 3166-1 entry that is not a sovereign state",
                }
            )
            for capital in split(row["capitals"]) if row else []:
                self.metonyms.append(
                    {"text": capital, "actor": f"country:{alpha3}", "sector": "GOV", "code": f"{alpha3}GOV", "kind": "capital", "note": ""}
                )

    # -- organisations, media, places -------------------------------------------------------

    def organizations(self) -> None:
        columns = ["id", "name", "type", "country", "code", "code_basis", "aliases", "parent", "description"]
        for row in read_table("organizations", columns):
            if row["type"] not in ACTOR_TYPES:
                self.problem(f"organizations.csv: {row['id']} has unknown type {row['type']!r}")
            if row["code_basis"] not in {"cameo", "gsr", "own"}:
                self.problem(f"organizations.csv: {row['id']} has unknown code_basis {row['code_basis']!r}")
            self.add_actor(
                {
                    "id": row["id"],
                    "name": row["name"],
                    "type": row["type"],
                    "country": row["country"] or None,
                    "code": row["code"],
                    "code_basis": row["code_basis"],
                    "aliases": split(row["aliases"]),
                    "demonyms": [],
                    "surnames": [],
                    "parent": row["parent"] or None,
                    "description": row["description"],
                }
            )

    def media(self) -> None:
        for row in read_table("media", ["id", "name", "country", "ownership", "aliases", "description"]):
            if row["ownership"] not in OWNERSHIP:
                self.problem(f"media.csv: {row['id']} has unknown ownership {row['ownership']!r}")
            self.add_actor(
                {
                    "id": row["id"],
                    "name": row["name"],
                    "type": "media",
                    "country": row["country"],
                    "code": f"{row['country']}MED",
                    "ownership": row["ownership"],
                    "aliases": split(row["aliases"]),
                    "demonyms": [],
                    "surnames": [],
                    "parent": None,
                    "description": row["description"],
                }
            )

    def places(self) -> None:
        for row in read_table("places", ["id", "name", "country", "code", "aliases", "description"]):
            self.add_actor(
                {
                    "id": row["id"],
                    "name": row["name"],
                    "type": "region",
                    "country": row["country"],
                    "code": row["code"],
                    "aliases": split(row["aliases"]),
                    "demonyms": [],
                    "surnames": [],
                    "parent": f"country:{row['country']}",
                    "description": row["description"],
                }
            )

    def seats_of_power(self) -> None:
        for row in read_table("seats_of_power", ["text", "actor_id", "sector", "note"]):
            actor = self.actors.get(row["actor_id"])
            if actor is None:
                self.problem(f"seats_of_power.csv: {row['text']} points at unknown actor {row['actor_id']}")
                continue
            code = f"{actor['country']}{row['sector']}" if row["sector"] else actor["code"]
            self.metonyms.append(
                {"text": row["text"], "actor": row["actor_id"], "sector": row["sector"] or None, "code": code, "kind": "seat", "note": row["note"]}
            )

    # -- people and their offices ------------------------------------------------------------

    def people(self) -> None:
        for row in read_table("people", ["id", "name", "country", "surnames", "aliases", "code", "description"]):
            self.add_actor(
                {
                    "id": row["id"],
                    "name": row["name"],
                    "type": "person",
                    "country": row["country"] or None,
                    "code": row["code"] or None,
                    "aliases": split(row["aliases"]),
                    "demonyms": [],
                    "surnames": unique(split(row["surnames"])),
                    "parent": None,
                    "description": row["description"],
                }
            )

    def office_rows(self) -> None:
        columns = ["person_id", "jurisdiction", "title", "roles", "sector", "start", "end", "acting", "note"]
        for number, row in enumerate(read_table("offices", columns), start=2):
            where = f"offices.csv line {number}"
            if row["person_id"] not in self.actors:
                self.problem(f"{where}: unknown person {row['person_id']}")
                continue
            jurisdiction = row["jurisdiction"]
            code: str | None
            if re.fullmatch(r"[A-Z]{3}", jurisdiction):
                owner = self.actors.get(f"country:{jurisdiction}")
                code = f"{jurisdiction}{row['sector']}"
                if not row["sector"]:
                    self.problem(f"{where}: an office of a country needs a sector")
            else:
                owner = self.actors.get(jurisdiction)
                code = owner["code"] if owner else None
            if owner is None:
                self.problem(f"{where}: unknown jurisdiction {jurisdiction}")
                continue
            roles = split(row["roles"])
            for role in roles:
                if role not in ROLES:
                    self.problem(f"{where}: unknown role {role!r}")
            if not self.check_date(where, row["start"]) or (row["end"] and not self.check_date(where, row["end"])):
                continue
            if row["end"] and day_after_latest(row["end"]) <= earliest_day(row["start"]):
                self.problem(f"{where}: ends before it starts")
            if row["acting"] not in {"", "yes"}:
                self.problem(f"{where}: acting must be empty or yes")
            titles = split(row["title"])
            self.offices.append(
                {
                    "holder": row["person_id"],
                    "jurisdiction": jurisdiction,
                    "title": titles[0],
                    "title_aliases": titles[1:],
                    "roles": roles,
                    "sector": row["sector"] or None,
                    "code": code,
                    "start": row["start"],
                    "start_precision": precision(row["start"]),
                    "end": row["end"] or None,
                    "end_precision": precision(row["end"]) if row["end"] else None,
                    "acting": row["acting"] == "yes",
                    "note": row["note"],
                }
            )

    def check_overlaps(self) -> None:
        """Two holders of one exclusive role whose certain terms overlap betray a typo."""
        by_role: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for office in self.offices:
            if office["acting"]:
                continue
            for role in office["roles"]:
                if role in EXCLUSIVE_ROLES:
                    by_role.setdefault((office["jurisdiction"], role), []).append(office)
        for (jurisdiction, role), offices in sorted(by_role.items()):
            spans = sorted(
                (day_after_latest(o["start"]) if o["start_precision"] != "day" else earliest_day(o["start"]),
                 earliest_day(o["end"]) if o["end"] else date.max,
                 o["holder"])
                for o in offices
            )
            for index, (_start_a, end_a, holder_a) in enumerate(spans):
                for start_b, _end_b, holder_b in spans[index + 1 :]:
                    if start_b < end_a and holder_a != holder_b:
                        self.problem(f"{jurisdiction} {role}: {holder_a} and {holder_b} overlap from {start_b}")

    def person_codes(self) -> None:
        """A person's code is the code of their latest office unless the table gives one."""
        latest: dict[str, dict[str, Any]] = {}
        for office in self.offices:
            current = latest.get(office["holder"])
            if current is None or earliest_day(office["start"]) > earliest_day(current["start"]):
                latest[office["holder"]] = office
        for actor in self.actors.values():
            if actor["type"] != "person" or actor["code"]:
                continue
            latest_office = latest.get(actor["id"])
            actor["code"] = latest_office["code"] if latest_office else actor["country"]

    # -- ambiguity and code periods ----------------------------------------------------------

    def ambiguity(self) -> None:
        columns = ["text", "reading", "target", "before", "after", "context", "default", "note"]
        for row in read_table("ambiguous", columns):
            if row["reading"] not in READINGS:
                self.problem(f"ambiguous.csv: {row['text']} has unknown reading {row['reading']!r}")
            if row["reading"] == "actor" and row["target"] not in self.actors:
                self.problem(f"ambiguous.csv: {row['text']} points at unknown actor {row['target']}")
            entry = self.ambiguities.setdefault(row["text"], {"text": row["text"], "readings": []})
            entry["readings"].append(
                {
                    "reading": row["reading"],
                    "target": row["target"],
                    "before": split(row["before"]),
                    "after": split(row["after"]),
                    "context": split(row["context"]),
                    "default": row["default"] == "yes",
                    "note": row["note"],
                }
            )
        for text, entry in sorted(self.ambiguities.items()):
            if sum(reading["default"] for reading in entry["readings"]) > 1:
                self.problem(f"ambiguous.csv: {text} has more than one default reading")

    def code_period_rows(self) -> None:
        for number, row in enumerate(read_table("code_periods", ["actor_id", "code", "start", "end", "note"]), start=2):
            where = f"code_periods.csv line {number}"
            if row["actor_id"] not in self.actors:
                self.problem(f"{where}: unknown actor {row['actor_id']}")
            if not CODE.match(row["code"]):
                self.problem(f"{where}: malformed code {row['code']!r}")
            self.check_date(where, row["start"])
            if row["end"]:
                self.check_date(where, row["end"])
            self.code_periods.append(
                {"actor": row["actor_id"], "code": row["code"], "start": row["start"], "end": row["end"] or None, "note": row["note"]}
            )

    # -- PETRARCH2 dictionaries ------------------------------------------------------------------

    def _petrarch_text(self, source: str) -> str:
        assert self.petrarch_folder is not None
        path = self.petrarch_folder / PETRARCH_FILES[source]
        try:
            data = path.read_bytes()
        except OSError as error:
            raise BuildError(
                f"cannot read {path} ({error.strerror}): give the folder of the PETRARCH2 dictionaries with "
                "--petrarch DIR, or build without them with --petrarch-sources ''"
            ) from None
        self.petrarch_report.setdefault("files", {})[PETRARCH_FILES[source]] = hashlib.sha256(data).hexdigest()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise BuildError(f"{path}: not UTF-8 ({error})") from None

    def _known_names(self) -> dict[str, set[str]]:
        """Every folded name, alias, demonym, place and ambiguous name already held, with its actors."""
        known: dict[str, set[str]] = {}
        for actor in self.actors.values():
            for name in [actor["name"], *actor["aliases"], *actor["demonyms"]]:
                known.setdefault(petrarch.fold(name), set()).add(actor["id"])
        for metonym in self.metonyms:
            known.setdefault(petrarch.fold(metonym["text"]), set()).add(metonym["actor"])
        for text in self.ambiguities:
            known.setdefault(petrarch.fold(text), set()).add("ambiguous:" + text)
        return known

    def _place_words(self) -> frozenset[str]:
        """One-word names and demonyms of countries: no word of a person's name ("Russian")."""
        words = set()
        for actor in self.actors.values():
            if actor["type"] in {"country", "territory"}:
                for name in [actor["name"], *actor["aliases"], *actor["demonyms"]]:
                    folded = petrarch.fold(name)
                    if " " not in folded:
                        words.add(folded)
        return frozenset(words)

    @staticmethod
    def _common_word(word: str) -> bool:
        return zipf_frequency(word, "en") >= COMMON_WORD_ZIPF

    @staticmethod
    def _frequent_word(word: str) -> bool:
        return zipf_frequency(word, "en") >= FREQUENT_WORD_ZIPF

    def _given_names(self) -> frozenset[str]:
        """Given names: the first words of the curated people's names and of CountryInfo's."""
        records = petrarch.parse_actors(self._petrarch_text("people"))
        curated = {petrarch.fold(a["name"]).split()[0] for a in self.actors.values() if a["type"] == "person" and " " in a["name"]}
        return petrarch.given_names(records, self._place_words()) | frozenset(curated)

    def _record_left_out(self, source: str, taken: petrarch.Taken, skipped: Counter[str]) -> None:
        left_out = dict(sorted((taken.left_out + skipped).items()))
        self.petrarch_report.setdefault("left_out", {})[source] = left_out

    def petrarch_people(self, new_people: bool) -> None:
        """CountryInfo's office holders: name variants of the curated people, and (``new_people``)
        the others as people with their dated codes."""
        skipped: Counter[str] = Counter()
        records = petrarch.parse_actors(self._petrarch_text("people"), skipped)
        countries = frozenset(a["country"] for a in self.actors.values() if a["type"] in {"country", "territory"})
        known_surnames: dict[str, set[str]] = {}
        for actor in self.actors.values():
            for surname in actor["surnames"]:
                known_surnames.setdefault(petrarch.fold(surname), set()).add(actor["id"])
        taken = petrarch.take_people(
            records,
            known_names=self._known_names(),
            known_surnames=known_surnames,
            person_country={a["id"]: a["country"] for a in self.actors.values() if a["type"] == "person"},
            countries=countries,
            place_words=self._place_words(),
            common_word=self._common_word,
        )
        self._record_left_out("people" if new_people else "people-aliases", taken, skipped)
        for actor_id, aliases in sorted(taken.aliases.items()):
            actor = self.actors[actor_id]
            actor["aliases"] = unique([*actor["aliases"], *aliases], exclude=[actor["name"]])
        if not new_people:
            return
        for record in taken.actors:
            self.add_actor(record)
        for period in taken.code_periods:
            where = f"{PETRARCH_FILES['people']}: {period['actor']}"
            if not CODE.match(period["code"]):
                self.problem(f"{where}: malformed code {period['code']!r}")
            if self.check_date(where, period["start"]) and period["end"] and self.check_date(where, period["end"]):
                if day_after_latest(period["end"]) <= earliest_day(period["start"]):
                    self.problem(f"{where}: code period ends before it starts")
            self.code_periods.append(period)

    def petrarch_organisations(self, source: str) -> None:
        skipped: Counter[str] = Counter()
        records = petrarch.parse_actors(self._petrarch_text(source), skipped)
        countries = frozenset(a["country"] for a in self.actors.values() if a["type"] in {"country", "territory"})
        taken = petrarch.take_organisations(
            records,
            source=PETRARCH_FILES[source],
            known_names=self._known_names(),
            known_ids=self.actors.keys(),
            countries=countries,
            place_words=self._place_words(),
            common_word=self._common_word,
            frequent_word=self._frequent_word,
            given_names=self._given_names(),
        )
        self._record_left_out(source, taken, skipped)
        for record in taken.actors:
            self.add_actor(record)

    def petrarch_sector_words(self, one_word: bool) -> None:
        skipped: Counter[str] = Counter()
        agents = petrarch.parse_agents(self._petrarch_text("agents"), skipped)
        curated = json.loads(SECTORS.read_text(encoding="utf-8"))
        known = {word.lower(): sector for sector, words in curated["sectors"].items() for word in words}
        taken = petrarch.take_sector_words(
            agents,
            sectors=frozenset(curated["sectors"]),
            known=known,
            actor_nouns=frozenset(word.lower() for word in curated["actor_nouns"]),
            max_words=max(len(word.split()) for word in known),
            one_word=one_word,
        )
        self._record_left_out("agents-words" if one_word else "agents", taken, skipped)
        self.sector_words = taken.sector_words

    def run(self) -> None:
        self.countries()
        self.organizations()
        self.media()
        self.places()
        self.people()
        self.seats_of_power()
        self.office_rows()
        self.check_overlaps()
        self.person_codes()
        self.ambiguity()
        self.code_period_rows()
        if self.petrarch_sources & {"people", "people-aliases"}:
            self.petrarch_people(new_people="people" in self.petrarch_sources)
        for source in ("international", "milnonstate"):
            if source in self.petrarch_sources:
                self.petrarch_organisations(source)
        if self.petrarch_sources & {"agents", "agents-words"}:
            self.petrarch_sector_words(one_word="agents-words" in self.petrarch_sources)
        for actor in self.actors.values():
            if actor["parent"] and actor["parent"] not in self.actors:
                self.problem(f"{actor['id']}: unknown parent {actor['parent']}")
        if self.problems:
            raise BuildError("\n".join(self.problems))


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    lines = [json.dumps(record, ensure_ascii=False, sort_keys=True) for record in records]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)


def build(
    out_dir: Path = DEFAULT_OUT, petrarch_folder: Path = DEFAULT_PETRARCH, petrarch_sources: Iterable[str] = KEPT_PETRARCH_SOURCES
) -> dict[str, int]:
    """Build the knowledge base into ``out_dir`` and return how many records each file holds.

    ``petrarch_sources`` names the PETRARCH2 dictionaries to read from ``petrarch_folder`` (keys
    of ``PETRARCH_FILES``); none reads no file there.
    """
    sources = frozenset(petrarch_sources)
    unknown = sorted(sources - set(PETRARCH_FILES))
    if unknown:
        raise BuildError(f"unknown PETRARCH2 sources {', '.join(unknown)}: choose among {', '.join(PETRARCH_FILES)}")
    builder = Builder(petrarch_folder, sources)
    builder.run()
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {
        "kb_actors.jsonl": write_jsonl(out_dir / "kb_actors.jsonl", (builder.actors[key] for key in sorted(builder.actors))),
        "kb_metonyms.jsonl": write_jsonl(
            out_dir / "kb_metonyms.jsonl", sorted(builder.metonyms, key=lambda m: (m["text"], m["actor"]))
        ),
        "kb_offices.jsonl": write_jsonl(
            out_dir / "kb_offices.jsonl",
            sorted(builder.offices, key=lambda o: (o["jurisdiction"], o["title"], o["start"], o["holder"])),
        ),
        "kb_ambiguities.jsonl": write_jsonl(
            out_dir / "kb_ambiguities.jsonl", (builder.ambiguities[key] for key in sorted(builder.ambiguities))
        ),
        "kb_code_periods.jsonl": write_jsonl(
            out_dir / "kb_code_periods.jsonl", sorted(builder.code_periods, key=lambda p: (p["actor"], p["start"]))
        ),
        "kb_sector_words.jsonl": write_jsonl(
            out_dir / "kb_sector_words.jsonl", sorted(builder.sector_words, key=lambda w: w["text"])
        ),
    }
    manifest = {
        "format": FORMAT_VERSION,
        "pycountry": version("pycountry"),
        "wordfreq": version("wordfreq"),
        "counts": counts,
        "petrarch2": {"sources": sorted(sources), **builder.petrarch_report},
    }
    (out_dir / "kb_manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write the data files into")
    parser.add_argument(
        "--petrarch", type=Path, default=DEFAULT_PETRARCH, help="folder of the PETRARCH2 dictionaries (read, never copied)"
    )
    parser.add_argument(
        "--petrarch-sources",
        default=",".join(sorted(KEPT_PETRARCH_SOURCES)),
        help=f"comma-separated PETRARCH2 dictionaries to read, among {', '.join(PETRARCH_FILES)}; '' for none",
    )
    args = parser.parse_args(argv)
    sources = [item.strip() for item in args.petrarch_sources.split(",") if item.strip()]
    try:
        counts = build(args.out, args.petrarch, sources)
    except BuildError as error:
        sys.stderr.write(f"knowledge base sources are inconsistent:\n{error}\n")
        return 1
    for name, count in counts.items():
        sys.stdout.write(f"{name}: {count}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
