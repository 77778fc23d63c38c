"""A response body read with limits: its size on the wire, its decompressed size and its time.

The body is decompressed here, piece by piece, never more than the room left under the limit at a
time, so a gzip bomb (a few kilobytes that inflate to gigabytes) is stopped after ``limit`` bytes
of output, not after it has filled the memory. Only gzip and deflate are asked for and accepted.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Iterator

import httpx

from newsgraph.errors import FetchError
from newsgraph.readers._files import readable_size

__all__ = ["ACCEPT_ENCODING", "read_body", "content_type", "ALLOWED_TYPES", "FEED_TYPES", "PAGE_TYPES"]

ACCEPT_ENCODING = "gzip, deflate"

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
ALLOWED_TYPES = PAGE_TYPES | FEED_TYPES
"""The content types fetched (and any other ``+xml`` type); everything else is refused unread."""


def content_type(response: httpx.Response) -> tuple[str, str | None]:
    """The media type of ``response`` in lower case and its ``charset`` parameter, if any."""
    header = response.headers.get("content-type", "")
    media, _, parameters = header.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"').lower()
    return media.strip().lower(), charset


def read_body(
    response: httpx.Response,
    url: str,
    *,
    limit: int,
    seconds: float,
    limit_hint: str = "",
    clock: Callable[[], float] = time.monotonic,
) -> bytes:
    """The body of ``response``, decompressed; raises :class:`FetchError` naming ``url`` when it
    is (or announces to be) over ``limit`` bytes, compressed or not, takes longer than ``seconds``
    in all, or is compressed in a way not asked for. ``limit_hint`` says how to raise the limit."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    inflate = _inflater(encoding, url)
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(url, f"the server announces {readable_size(int(declared))}", limit, limit_hint)
    deadline = clock() + seconds
    parts: list[bytes] = []
    received = 0
    size = 0
    for chunk in response.iter_raw():
        received += len(chunk)
        if received > limit:
            raise _too_large(url, f"more than {readable_size(limit)} sent", limit, limit_hint)
        if clock() > deadline:
            raise FetchError(url, f"too slow: the body took more than {seconds:.0f} s", "try again later")
        for piece in inflate(chunk, limit - size + 1):
            size += len(piece)
            if size > limit:
                raise _too_large(url, f"more than {readable_size(limit)} once decompressed", limit, limit_hint)
            parts.append(piece)
    return b"".join(parts)


def _too_large(url: str, what: str, limit: int, hint: str) -> FetchError:
    return FetchError(url, f"body too large: {what}, over the {readable_size(limit)} limit", hint)


_Inflate = Callable[[bytes, int], Iterator[bytes]]


def _inflater(encoding: str, url: str) -> _Inflate:
    if encoding in ("", "identity"):
        return lambda data, room: iter((data,))
    if encoding in ("gzip", "x-gzip"):
        return _Inflater(zlib.MAX_WBITS | 16, url).feed
    if encoding == "deflate":
        return _Inflater(zlib.MAX_WBITS, url, raw_fallback=True).feed
    raise FetchError(url, f"refused: content encoding '{encoding}' was not asked for", "the server ignores Accept-Encoding")


class _Inflater:
    """zlib decompression that never produces more than the room it is given at once."""

    def __init__(self, wbits: int, url: str, *, raw_fallback: bool = False) -> None:
        self.wbits = wbits
        self.url = url
        self.raw_fallback = raw_fallback
        self.started = False
        self.z = zlib.decompressobj(wbits)

    def feed(self, data: bytes, room: int) -> Iterator[bytes]:
        while data and room > 0:
            try:
                out = self.z.decompress(data, room)
            except zlib.error as error:
                if self.raw_fallback and not self.started:
                    # "deflate" should be zlib-wrapped, but some servers send raw deflate.
                    self.raw_fallback = False
                    self.wbits = -zlib.MAX_WBITS
                    self.z = zlib.decompressobj(self.wbits)
                    continue
                raise FetchError(self.url, f"the compressed body is corrupt: {error}", "try again later") from None
            self.started = True
            room -= len(out)
            yield out
            tail = self.z.unconsumed_tail
            if self.z.eof and self.z.unused_data.strip(b"\x00"):
                # Another gzip member follows (concatenated gzip files are one stream).
                tail = self.z.unused_data
                self.z = zlib.decompressobj(self.wbits)
            elif not out and tail == data:
                return
            data = tail
