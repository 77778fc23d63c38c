"""POST /api/documents against a real server: the token is checked before the body is read, and a
body over the limit is refused (413) without reading the rest."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from export.test_writers import file_size_limit
from factories import REPO
from newsgraph.web import create_app
from newsgraph.bench.pages import free_port

TOKEN = "soak-token-8d2e"
# What a client announces: far more than it sends before the answer is expected.
ANNOUNCED = 200 * 1024 * 1024


@pytest.fixture(scope="module")
def server(web_db: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """``newsgraph serve`` with a token and a 1 MB limit, over a copy of the test database; its port."""
    copy = tmp_path_factory.mktemp("posting") / "copy.duckdb"
    shutil.copy(web_db[0], copy)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", "--db", str(copy), "--port", str(port), "--token", TOKEN,
         "--max-article-mb", "1"],
        env=dict(os.environ, PYTHONPATH=str(REPO / "src")), stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def _post_part(port: int, headers: dict[str, str], body: bytes) -> str:
    """Send a POST's headers and only ``body`` of it, then wait (at most 20 s) for the status line."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as connection:
        head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        connection.sendall(f"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n{head}\r\n".encode() + body)
        try:
            answer = connection.recv(65536).decode("latin-1")
        except TimeoutError:
            return "no answer: the server waited for the rest of the body"
    return answer.split("\r\n", 1)[0]


def _chunks(data: bytes, size: int = 64 * 1024) -> bytes:
    return b"".join(f"{len(data[i:i + size]):x}\r\n".encode() + data[i:i + size] + b"\r\n" for i in range(0, len(data), size))


CASES = [
    ("no token, 200 MB announced", {"Content-Length": str(ANNOUNCED)}, b"{" + b" " * 65536, "401"),
    ("wrong token, 200 MB announced", {"Content-Length": str(ANNOUNCED), "Authorization": "Bearer wrong-token"},
     b"{" + b" " * 65536, "401"),
    ("token, 200 MB announced", {"Content-Length": str(ANNOUNCED), "Authorization": f"Bearer {TOKEN}"},
     b"{" + b" " * 65536, "413"),
    ("token, no length, past 1 MB", {"Transfer-Encoding": "chunked", "Authorization": f"Bearer {TOKEN}"},
     _chunks(b"{" + b" " * (1536 * 1024)), "413"),
]


@pytest.mark.parametrize(("name", "headers", "body", "status"), CASES, ids=[case[0] for case in CASES])
def test_a_post_is_answered_before_its_body_is_read_whole(server: int, name: str, headers: dict[str, str], body: bytes,
                                                          status: str) -> None:
    headers = {"Content-Type": "application/json", **headers}
    assert _post_part(server, headers, body).startswith(f"HTTP/1.1 {status}")


def test_a_body_over_the_limit_is_refused_in_the_error_shape(web_db: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    shutil.copy(web_db[0], copy)
    with TestClient(create_app(copy, token=TOKEN, max_body_bytes=4096)) as client:
        article = {"text": "Residents voted on Sunday to build a new harbour, the mayor said. " * 80}
        response = client.post("/api/documents", json={"articles": [article]}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 413
        assert response.json()["error"]["code"] == "too_large"
        assert "4,096 bytes" in response.json()["error"]["message"]
        not_json = client.post("/api/documents", content=b"{not json", headers={"Authorization": f"Bearer {TOKEN}"})
        assert (not_json.status_code, not_json.json()["error"]["code"]) == (400, "bad_request")


def test_a_server_that_cannot_write_its_database_says_so(web_db: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    shutil.copy(web_db[0], copy)
    articles = [{"text": f"Ministers met in Lima on Monday for round {n} of the talks, officials said. " * 40,
                 "url": f"https://example.org/full/{n}"} for n in range(30)]
    with TestClient(create_app(copy, token=TOKEN)) as client:
        client.post("/api/documents", json={"articles": articles[:1]}, headers={"Authorization": f"Bearer {TOKEN}"})
        with file_size_limit(4096):  # the disk is full: no file grows past 4 KB
            response = client.post("/api/documents", json={"articles": articles[1:]},
                                   headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 503, response.text[:600]
    error = response.json()["error"]
    assert error["code"] == "unavailable" and error["message"].startswith(f"{copy}: cannot write to the database")
    with TestClient(create_app(copy, token=TOKEN)) as client:  # what was stored before is intact
        stored = client.get("/api/documents", params={"q": "round 0"}).json()
    assert any(item.get("url") == "https://example.org/full/0" for item in stored["items"])
