"""Web addresses: telling a URL from a path, refusing what is not http(s), and one canonical form.

The canonical form is what identifies an article reached by URL: the same page linked from two
feeds, once with ``?utm_source=a`` and once with ``?utm_source=b``, is one source.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote_plus, urlsplit, urlunsplit

from newsgraph.errors import FetchError

__all__ = ["SCHEMES", "TRACKING_PARAMETERS", "is_url", "check_url", "canonical_url"]

SCHEMES = frozenset({"http", "https"})
"""The only schemes fetched; ``file:``, ``ftp:``, ``data:`` and the rest are refused."""

TRACKING_PARAMETERS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
        "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "ref_src", "ref_url",
        "cmpid", "ocid", "smid", "sr_share", "at_medium", "at_campaign",
    }
)
"""Query parameters that only say how a reader arrived (besides every ``utm_*``); they are dropped."""

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_url(text: str) -> bool:
    """True when ``text`` is meant as a URL (``scheme:...``) rather than a file path.

    A one-letter scheme is a Windows drive (``C:``); an existing file is a path whatever its name.
    """
    return bool(_SCHEME.match(text)) and not Path(text).exists()


def check_url(url: str) -> None:
    """Raise :class:`FetchError` unless ``url`` is an http(s) URL with a host and no credentials."""
    match = _SCHEME.match(url)
    scheme = match.group(1).lower() if match else ""
    if scheme not in SCHEMES:
        shown = f"'{scheme}:'" if scheme else "no scheme"
        raise FetchError(url, f"refused: {shown} URLs are not fetched", "give an http:// or https:// address")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError as error:
        raise FetchError(url, f"not a valid URL: {error}", "check the address") from None
    if not parts.hostname:
        raise FetchError(url, "not a valid URL: no host", "check the address")
    if parts.username is not None or parts.password is not None:
        raise FetchError(url, "refused: URLs with a user name or password are not fetched", "remove the credentials")


def canonical_url(url: str) -> str:
    """``url`` in one form: scheme and host in lower case, no default port, no fragment, ``/`` for
    an empty path, and tracking parameters (``utm_*`` and :data:`TRACKING_PARAMETERS`) dropped.
    The remaining query parameters keep their order: some sites read them in order."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    # Each parameter is kept as written (not decoded and encoded again), so the rest of the
    # address is exactly what the site gave.
    query = "&".join(pair for pair in parts.query.split("&") if pair and not _tracking(pair))
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def _tracking(pair: str) -> bool:
    name = unquote_plus(pair.split("=", 1)[0]).lower()
    return name.startswith("utm_") or name in TRACKING_PARAMETERS
