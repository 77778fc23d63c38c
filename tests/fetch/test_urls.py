"""URLs: told from paths, refused unless http(s), and made canonical."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import FetchError
from newsgraph.fetch import canonical_url, check_url, is_url


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://example.org/a?utm_source=rss&utm_medium=feed", "https://example.org/a"),
        ("https://example.org/a?id=7&utm_campaign=x&fbclid=abc", "https://example.org/a?id=7"),
        ("HTTPS://Example.ORG:443/a#comments", "https://example.org/a"),
        ("http://example.org:8080", "http://example.org:8080/"),
        ("https://example.org/a?b=2&a=1", "https://example.org/a?b=2&a=1"),
        ("https://example.org/search?q=a%20b&gclid=1", "https://example.org/search?q=a%20b"),
        ("https://example.org/a?UTM_Source=x", "https://example.org/a"),
        ("http://[::1]:8000/a", "http://[::1]:8000/a"),
    ],
)
def test_canonical_urls_drop_tracking_and_defaults(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_two_feeds_tracking_one_article_give_one_url() -> None:
    assert canonical_url("https://example.org/x?utm_source=a") == canonical_url("https://example.org/x?utm_source=b&ref_src=c")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("https://example.org/a", True), ("file:///etc/passwd", True), ("ftp://host/x", True), ("C:/news/a.txt", False),
     ("articles/a.txt", False), ("a.html", False)],
)
def test_urls_are_told_from_paths(text: str, expected: bool) -> None:
    assert is_url(text) is expected


def test_an_existing_file_is_a_path_whatever_its_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes:v2.txt").write_text("text")
    assert not is_url("notes:v2.txt")


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("file:///etc/passwd", "'file:' URLs are not fetched"),
        ("ftp://example.org/a", "'ftp:' URLs are not fetched"),
        ("gopher://example.org/", "'gopher:' URLs are not fetched"),
        ("data:text/html,<p>hi</p>", "'data:' URLs are not fetched"),
        ("javascript:alert(1)", "'javascript:' URLs are not fetched"),
        ("http:///no-host", "no host"),
        ("http://user:secret@example.org/", "user name or password"),
        ("http://example.org:99999/", "not a valid URL"),
    ],
)
def test_what_is_not_plain_http_is_refused(url: str, problem: str) -> None:
    with pytest.raises(FetchError, match=problem) as refused:
        check_url(url)
    assert refused.value.path == url
