"""Page load times: serve a database on a local port and time each kind of page, as a browser
would fetch it (the whole HTML response over HTTP), reporting the median and 95th percentile.

The pages asked for are drawn from the database itself with a fixed seed: random articles,
actors (the most mentioned, which have the heaviest pages, and random ones), stories, timeline
and map filters and search words (``search`` searches every kind, events, quotations and the
articles' text; ``search articles`` the articles' text alone), so two runs on the same database
time the same pages.
"""

from __future__ import annotations

import http.client
import random
import socket
import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import uvicorn

from newsgraph.web.app import create_app

__all__ = ["PageTiming", "free_port", "serving", "bench_pages", "render_timings"]


@dataclass(frozen=True)
class PageTiming:
    """Load times (ms) of the pages of one kind."""

    kind: str
    times_ms: list[float]
    statuses: list[int]

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.times_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serving(db: Path, *, token: str | None = None, port: int | None = None) -> Iterator[str]:
    """Serve ``db`` with uvicorn in a thread of this process; yield its base URL."""
    chosen = port or free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, token=token), host="127.0.0.1", port=chosen,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{chosen}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _paths(db: Path, samples: int, seed: int) -> dict[str, list[str]]:
    """The page addresses to time, per kind, chosen from the database."""
    import duckdb

    rng = random.Random(seed)
    with duckdb.connect(str(db), read_only=True) as con:
        def ids(sql: str) -> list[str]:
            return [row[0] for row in con.execute(sql).fetchall()]

        documents = ids("SELECT doc_id FROM events GROUP BY doc_id ORDER BY doc_id")
        busiest = ids("SELECT actor_id FROM mentions GROUP BY actor_id ORDER BY count(*) DESC, actor_id LIMIT 10")
        actors = ids("SELECT id FROM actors ORDER BY id")
        stories = ids("SELECT id FROM stories ORDER BY id")
        types = ids("SELECT DISTINCT type FROM events ORDER BY type")
        words = ids("SELECT text FROM quotes ORDER BY id LIMIT 2000")

    def pick(items: list[str], n: int) -> list[str]:
        return rng.sample(items, min(n, len(items))) if items else []

    chosen_actors = busiest[: samples // 3] + pick(actors, samples - samples // 3)
    search_words = [rng.choice(text.split()) for text in pick(words, samples) if text.split()]
    timeline = ["/timeline"] + [f"/timeline?{urlencode({'actor': a})}" for a in chosen_actors[: samples // 2]]
    timeline += [f"/timeline?{urlencode({'type': t})}" for t in pick(types, samples // 4)]
    timeline += [f"/timeline?offset={rng.randrange(0, 2000, 50)}" for _ in range(samples // 4)]
    return {
        "home": ["/"] * max(3, samples // 5),
        "article": [f"/documents/{quote(doc)}" for doc in pick(documents, samples)],
        "articles list": [f"/documents?offset={rng.randrange(0, max(len(documents), 1), 50)}" for _ in range(samples // 3)],
        "actor": [f"/actors/{quote(actor, safe=':')}" for actor in chosen_actors],
        "actors list": ["/actors"] + [f"/actors?{urlencode({'q': w[:4]})}" for w in search_words[: samples // 3]],
        "timeline": timeline,
        "story": [f"/stories/{quote(story)}" for story in pick(stories, samples)],
        "stories list": ["/stories"] + [f"/stories?offset={rng.randrange(0, max(len(stories), 1), 50)}"
                                        for _ in range(samples // 3)],
        "map": ["/map"] + [f"/map?{urlencode({'actor': a})}" for a in chosen_actors[: samples // 2]]
               + [f"/map?{urlencode({'type': t})}" for t in pick(types, samples // 4)],
        "search": [f"/search?{urlencode({'q': w})}" for w in search_words][:samples],
        "search articles": [f"/search?{urlencode({'q': w, 'kind': 'documents'})}" for w in search_words][:samples],
    }


def bench_pages(db: Path, *, samples: int = 30, seed: int = 1) -> list[PageTiming]:
    """Time ``samples`` pages of each kind (after one untimed warm-up request per kind)."""
    plan = _paths(db, samples, seed)
    timings = []
    with serving(db) as base:
        host = base.removeprefix("http://")
        connection = http.client.HTTPConnection(host, timeout=120)
        for kind, paths in plan.items():
            if not paths:
                continue
            _fetch(connection, paths[0])
            times, statuses = [], []
            for path in paths:
                started = time.perf_counter()
                statuses.append(_fetch(connection, path))
                times.append((time.perf_counter() - started) * 1000)
            timings.append(PageTiming(kind, times, statuses))
        connection.close()
    return timings


def _fetch(connection: http.client.HTTPConnection, path: str) -> int:
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return response.status


def render_timings(timings: list[PageTiming]) -> str:
    lines = [f"{'page':<16} {'pages':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}  statuses"]
    for timing in timings:
        statuses = ", ".join(f"{status}×{timing.statuses.count(status)}" for status in sorted(set(timing.statuses)))
        lines.append(f"{timing.kind:<16} {len(timing.times_ms):>5} {timing.median:>10.1f} {timing.p95:>8.1f} "
                     f"{max(timing.times_ms):>8.1f}  {statuses}")
    everything = [ms for timing in timings for ms in timing.times_ms]
    if everything:
        lines.append(f"{'all pages':<16} {len(everything):>5} {statistics.median(everything):>10.1f} "
                     f"{PageTiming('all', everything, []).p95:>8.1f} {max(everything):>8.1f}")
    return "\n".join(lines)
