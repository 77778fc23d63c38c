"""A soak of ``newsgraph serve``: readers hammer the pages and the API for a bounded time while a
client ingests articles through the API with the token (one of them the 75 KB run of capitalised
words that once held the interpreter for 15 s). Every answer must be well formed and no request
may wait more than a few seconds."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from factories import REPO
from newsgraph.bench.pages import free_port

TOKEN = "soak-token-5c1b"
SOAK_SECONDS = 25
READERS = 4
# Waiting longer than this for an answer is a stall, whatever the machine's load.
MAX_WAIT = 5.0
READS = ["/", "/documents", "/actors", "/timeline", "/stories", "/search?q=minister", "/api", "/api/documents?limit=20",
         "/api/events?limit=50", "/api/actors?q=a", "/api/quotes", "/api/search?q=minister", "/api/stories",
         "/api/event-clusters", "/api/claims", "/api/events?offset=9223372036854775808"]


@dataclass
class Log:
    lock: threading.Lock = field(default_factory=threading.Lock)
    waits: list[tuple[float, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    posted: list[dict[str, object]] = field(default_factory=list)

    def wait(self, seconds: float, what: str) -> None:
        with self.lock:
            self.waits.append((seconds, what))

    def problem(self, what: str) -> None:
        with self.lock:
            self.problems.append(what)


@pytest.fixture(scope="module")
def server(web_db: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    copy = tmp_path_factory.mktemp("soak") / "soak.duckdb"
    shutil.copy(web_db[0], copy)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", "--db", str(copy), "--port", str(port), "--token", TOKEN],
        env=dict(os.environ, PYTHONPATH=str(REPO / "src")), stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while _get(port, "/api")[0] != 200:
            assert process.poll() is None and time.monotonic() < deadline, "serve did not start"
            time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=60)


def _get(port: int, path: str) -> tuple[int, bytes, str]:
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, body, response.getheader("content-type") or ""
    except OSError:
        return 0, b"", ""


_PAGE = {"total", "limit", "offset", "next_offset", "items"}


def _well_formed(path: str, status: int, body: bytes, kind: str) -> str | None:
    """Why the answer is not what that address gives, or None."""
    expected = 400 if "offset=9223372036854775808" in path else 200
    if status != expected:
        return f"{path}: status {status}"
    if path.startswith("/api"):
        if not kind.startswith("application/json"):
            return f"{path}: content type {kind}"
        data = json.loads(body)
        if expected == 400:
            return None if set(data) == {"error"} else f"{path}: {data}"
        # A page of a listing; those of events also count the events they hid, search each kind's matches.
        if path != "/api" and not _PAGE <= set(data) <= _PAGE | {"hidden_events", "counts"}:
            return f"{path}: keys {sorted(data)}"
        return None
    return None if kind.startswith("text/html") and body.rstrip().endswith(b"</html>") else f"{path}: not a whole page"


def _read(port: int, number: int, until: float, log: Log) -> None:
    count = 0
    while time.monotonic() < until:
        path = READS[(number + count) % len(READS)]
        count += 1
        started = time.perf_counter()
        status, body, kind = _get(port, path)
        log.wait(time.perf_counter() - started, path)
        try:
            problem = _well_formed(path, status, body, kind)
        except ValueError as error:
            problem = f"{path}: {error}"
        if problem:
            log.problem(problem)


def _articles(batch: int) -> list[dict[str, str]]:
    articles = [
        {"title": f"Ministers meet on trade, round {batch}.{n}", "url": f"https://soak.example/{batch}/{n}",
         "date": "2026-03-12", "outlet": "Soak Daily",
         "text": f"Foreign ministers from Chile and Peru met in Lima on Monday for round {batch}.{n} of trade talks, "
                 "officials said.\n\n\"We agreed to keep talking,\" said Ana Ruiz, a spokeswoman for the Chilean "
                 "foreign ministry."}
        for n in range(4)
    ]
    if batch == 1:
        words = " ".join(["Minister"] * 8_500)  # about 75 KB
        articles.append({"title": "A run of capitalised words", "url": "https://soak.example/run", "text": words})
    return articles


def _post(port: int, until: float, log: Log) -> None:
    batch = 0
    while time.monotonic() < until:
        batch += 1
        body = json.dumps({"articles": _articles(batch)}).encode()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        connection.request("POST", "/api/documents", body=body,
                           headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
        response = connection.getresponse()
        data = json.loads(response.read())
        connection.close()
        if response.status != 200 or set(data) != {"new", "unchanged", "failed", "documents"}:
            log.problem(f"POST {batch}: {response.status} {data}")
        else:
            log.posted.append(data)


def test_readers_are_answered_well_and_promptly_while_articles_are_posted(server: int) -> None:
    log = Log()
    until = time.monotonic() + SOAK_SECONDS
    threads = [threading.Thread(target=_read, args=(server, number, until, log)) for number in range(READERS)]
    threads.append(threading.Thread(target=_post, args=(server, until, log)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=SOAK_SECONDS + 180)
    assert not any(thread.is_alive() for thread in threads), "a client is still waiting"
    assert not log.problems, log.problems[:10]
    assert len(log.waits) >= READERS * 20, f"only {len(log.waits)} reads in {SOAK_SECONDS} s"
    slowest = max(log.waits)
    assert slowest[0] < MAX_WAIT, f"{slowest[1]} waited {slowest[0]:.1f} s"
    assert log.posted and sum(int(str(answer["new"])) for answer in log.posted) >= 5
    status, body, _ = _get(server, "/api/documents?outlet=Soak%20Daily&limit=1")
    assert status == 200 and json.loads(body)["total"] >= 4, "the posted articles are served"
