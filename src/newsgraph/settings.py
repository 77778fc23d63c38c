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

__all__ = ["Setting", "SETTINGS", "ENGINES", "Settings", "load_settings", "CONFIG_FILE_NAME"]

CONFIG_FILE_NAME = "newsgraph.toml"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


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

    @property
    def max_article_bytes(self) -> int:
        return int(self.max_article_mb * 1024 * 1024)

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
    section = data.get("newsgraph", data)
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: expected a [newsgraph] table")
    return dict(section)
