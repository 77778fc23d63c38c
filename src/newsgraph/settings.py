"""One options object, built in one place: packaged defaults, then a config file, then flags.

Every setting has a name, a default and help text (:data:`SETTINGS`); :class:`Settings` is
validated on construction and passed explicitly to the library functions that need it.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from newsgraph.errors import ConfigError

__all__ = ["Setting", "SETTINGS", "ENGINES", "Settings", "load_settings", "model_threshold", "CONFIG_FILE_NAME"]

CONFIG_FILE_NAME = "newsgraph.toml"


@dataclass(frozen=True)
class Setting:
    """A setting's name, default and help text. A default known only once a data file is read
    (the event threshold, from the confidence model) is given as the function that reads it, so
    that importing the settings reads nothing."""

    name: str
    given_default: Any
    help: str

    @property
    def default(self) -> Any:
        return self.given_default() if callable(self.given_default) else self.given_default


def model_threshold() -> float:
    """The confidence model's display threshold: the default ``event_threshold``."""
    from newsgraph.events.confidence import load_confidence_model

    return load_confidence_model().threshold


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "newsgraph.duckdb", "Database file (DuckDB); created on first use."),
    Setting(
        "max_article_mb",
        10.0,
        "Largest single-article file (.txt, .html) read, in MB; larger files are reported and skipped. "
        "Also the largest body `serve` reads from a POST (larger: 413).",
    ),
    Setting(
        "max_article_seconds",
        30.0,
        "Most CPU time the pipeline spends on one article, in seconds; an article that takes longer is reported "
        "by name and skipped, and the run goes on.",
    ),
    Setting(
        "batch_size",
        500,
        "Documents written (by ingest) or linked (by link) per database transaction; each document is written whole.",
    ),
    Setting("progress", True, "Show a progress bar on long runs (only on a terminal)."),
    Setting("workers", os.cpu_count() or 1, "Processes running the pipeline in parallel (default: one per core)."),
    Setting(
        "link",
        True,
        "Link the new documents across outlets after each ingest (near-duplicates, stories, event and quote clusters).",
    ),
    Setting(
        "engine",
        "local",
        "Where ingest runs the pipeline: `local` (worker processes on this machine, into the database) or "
        "`dask` (a Dask cluster, into a Parquet dataset).",
    ),
    Setting("scheduler", None, "Address of the Dask scheduler (`tcp://host:8786`); none: a local Dask cluster of `workers` workers."),
    Setting(
        "event_threshold",
        model_threshold,
        "Events with a confidence under this (0-1) are hidden by default on the pages, the timeline and the "
        "actor network, and are not counted in event clusters and contested claims (default: the "
        "confidence model's threshold).",
    ),
    # Fetching from the web (ingest URL, watch): see newsgraph.fetch.
    Setting("contact", None, "Whom a site can contact about newsgraph's visits (a URL or `mailto:` address), sent in the User-Agent."),
    Setting(
        "allow_private",
        False,
        "Fetch from loopback and private addresses (this machine, an intranet); link-local and cloud metadata addresses stay refused.",
    ),
    Setting("fetch_delay", 1.0, "Seconds between two requests to the same host (longer when its robots.txt asks, up to 60)."),
    Setting("fetch_timeout", 15.0, "Seconds to wait to connect and for each read; a whole response gets four times as long."),
    Setting("fetch_retries", 3, "Times a request answered 429 or 503 is retried, waiting as Retry-After says (else 1, 2, 4 s)."),
    Setting("max_feed_mb", 50.0, "Largest feed or sitemap read, in MB, once decompressed (pages are capped by `max_article_mb`)."),
    Setting("watch", (), "Feeds and sitemaps `newsgraph watch` polls when given none (`sources` of a `[watch]` table)."),
    Setting("every", 900.0, "Seconds from the start of one `watch` poll to the next (`every` of a `[watch]` table)."),
    Setting("alerts_out", None, "A JSON Lines file `watch` appends each new alert match to."),
    Setting("webhook", None, "A URL `watch` posts each new alert match to, as JSON (same address rules as fetching)."),
)

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class Settings:
    """Validated settings. Build with :func:`load_settings`."""

    db: Path = Path("newsgraph.duckdb")
    max_article_mb: float = 10.0
    max_article_seconds: float = 30.0
    batch_size: int = 500
    progress: bool = True
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    link: bool = True
    engine: str = "local"
    scheduler: str | None = None
    event_threshold: float = field(default_factory=model_threshold)
    contact: str | None = None
    allow_private: bool = False
    fetch_delay: float = 1.0
    fetch_timeout: float = 15.0
    fetch_retries: int = 3
    max_feed_mb: float = 50.0
    watch: tuple[str, ...] = ()
    every: float = 900.0
    alerts_out: Path | None = None
    webhook: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.db, Path):
            object.__setattr__(self, "db", Path(self.db))
        if not self.max_article_mb > 0:
            raise ConfigError(f"max_article_mb must be positive, got {self.max_article_mb}")
        if not (isinstance(self.max_article_seconds, (int, float)) and self.max_article_seconds > 0):
            raise ConfigError(f"max_article_seconds must be a positive number of seconds, got {self.max_article_seconds!r}")
        if not (isinstance(self.workers, int) and self.workers >= 1):
            raise ConfigError(f"workers must be a whole number of at least 1, got {self.workers!r}")
        if self.engine not in ENGINES:
            raise ConfigError(f"engine must be one of {', '.join(ENGINES)}, got {self.engine!r}")
        if not (isinstance(self.batch_size, int) and self.batch_size >= 1):
            raise ConfigError(f"batch_size must be a whole number of at least 1, got {self.batch_size!r}")
        threshold = self.event_threshold
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 <= threshold <= 1:
            raise ConfigError(f"event_threshold must be a number from 0 to 1, got {threshold!r}")
        self._check_fetch_settings()

    def _check_fetch_settings(self) -> None:
        if not isinstance(self.watch, tuple):
            if isinstance(self.watch, str) or not all(isinstance(source, str) for source in self.watch):
                raise ConfigError(f"watch must be a list of feed or sitemap URLs, got {self.watch!r}")
            object.__setattr__(self, "watch", tuple(self.watch))
        if self.alerts_out is not None and not isinstance(self.alerts_out, Path):
            object.__setattr__(self, "alerts_out", Path(self.alerts_out))
        for name in ("fetch_delay", "fetch_retries"):
            if not getattr(self, name) >= 0:
                raise ConfigError(f"{name} must not be negative, got {getattr(self, name)!r}")
        for name in ("fetch_timeout", "max_feed_mb", "every"):
            if not getattr(self, name) > 0:
                raise ConfigError(f"{name} must be positive, got {getattr(self, name)!r}")

    @property
    def max_article_bytes(self) -> int:
        return int(self.max_article_mb * 1024 * 1024)

    @property
    def max_feed_bytes(self) -> int:
        return int(self.max_feed_mb * 1024 * 1024)

    def with_overrides(self, overrides: Mapping[str, Any]) -> Settings:
        """These settings with every non-None override applied (and validated)."""
        known = {field.name for field in fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}")
        return replace(self, **{name: value for name, value in overrides.items() if value is not None})


def load_settings(config: Path | None = None, **flags: Any) -> Settings:
    """Defaults, then the config file (``config``, or ``$NEWSGRAPH_CONFIG``, or ``./newsgraph.toml``
    when present), then the flags given (``None`` means "not given")."""
    settings = Settings()
    path = config or (Path(os.environ["NEWSGRAPH_CONFIG"]) if "NEWSGRAPH_CONFIG" in os.environ else None)
    if path is None and Path(CONFIG_FILE_NAME).is_file():
        path = Path(CONFIG_FILE_NAME)
    if path is not None:
        settings = settings.with_overrides(_read_config(path))
    return settings.with_overrides(flags)


def _read_config(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the config file: {error}") from error
    section = data.get("newsgraph", {name: value for name, value in data.items() if name != "watch"})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: expected a [newsgraph] table")
    return dict(section) | _watch_table(path, data.get("watch"))


def _watch_table(path: Path, table: Any) -> dict[str, Any]:
    """The settings of a ``[watch]`` table (``sources``, ``every``), or of a top-level ``watch`` list."""
    if table is None:
        return {}
    if isinstance(table, list):
        return {"watch": table}
    if not isinstance(table, dict) or set(table) - {"sources", "every"}:
        raise ConfigError(f"{path}: a [watch] table holds `sources` (a list of feed URLs) and `every` (seconds)")
    return ({"watch": table["sources"]} if "sources" in table else {}) | ({"every": table["every"]} if "every" in table else {})
