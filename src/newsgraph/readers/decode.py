"""Bytes to text: refuse binary and empty input, find the encoding of everything else.

The order is: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; then strict UTF-8; then
Windows-1252 when the result reads like Western European text; then whatever
charset-normalizer finds. Windows-1252 gets its own test because it is by far the most common
legacy encoding of English news (browsers read ``latin-1`` labels as Windows-1252 too), and
charset-normalizer, on short mostly-ASCII text, often names a sibling code page (cp1250,
cp437) that turns curly quotes or accented letters into the wrong characters.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

import charset_normalizer

from newsgraph.errors import InputError

__all__ = ["Decoded", "decode_bytes", "encoding_from_bom", "looks_binary", "BINARY_SAMPLE_BYTES"]

BINARY_SAMPLE_BYTES = 8192
"""How much of the start of a file the binary test looks at."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian mark starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0 control bytes that never occur in text. Tab, line feed, form feed, carriage return and
# escape (used by ISO-2022 encodings) are text; NUL is tested on its own.
_CONTROL_BYTES = frozenset(range(0x01, 0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B} | {0x7F}
_MAX_CONTROL_SHARE = 0.1

# Above this share of non-ASCII letters among all letters, a Windows-1252 reading is not
# Western European text (French, German or Spanish run well under 10%); it is most likely
# Cyrillic, Greek or another script read in the wrong code page.
_MAX_WESTERN_NON_ASCII_SHARE = 0.25
# The Windows-1252 test reads this much of the text: enough to judge, and fast on a big file.
_WESTERN_SAMPLE_CHARS = 64 * 1024
# charset-normalizer's names for the code pages that read bytes the way Windows-1252 does.
_WESTERN_CODECS = frozenset({"cp1252", "latin_1", "iso8859_15"})
# Punctuation that can sit inside a word in real text: apostrophes, hyphens, dashes.
_IN_WORD_PUNCTUATION = frozenset({"Pd", "Pi", "Pf"})


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with the name of the encoding that decoded it."""

    text: str
    encoding: str


def encoding_from_bom(data: bytes) -> str | None:
    """The codec named by ``data``'s byte-order mark, or ``None`` when it has none."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(sample: bytes) -> bool:
    """True when ``sample`` (the start of a file without a byte-order mark) is not text.

    Text never holds NUL bytes outside UTF-16/32 (which carry a byte-order mark here), and a
    high share of other control bytes marks a binary format.
    """
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls / len(sample) > _MAX_CONTROL_SHARE


def decode_bytes(data: bytes, source: str) -> Decoded:
    """Decode the whole of ``data``; raises :class:`InputError` naming ``source`` when it cannot.

    Raises for empty or whitespace-only input ("empty file"), binary input ("binary file, not
    text") and bytes no encoding fits ("cannot decode: ...").
    """
    if not data:
        raise InputError(source, "empty file", "remove it, or put the article's text in it")
    decoded = _decode(data, source)
    if not decoded.text.strip():
        raise InputError(source, "empty file (only whitespace)", "remove it, or put the article's text in it")
    return decoded


def _decode(data: bytes, source: str) -> Decoded:
    bom_encoding = encoding_from_bom(data)
    if bom_encoding is not None:
        name = bom_encoding.removesuffix("-sig")
        try:
            return Decoded(data.decode(bom_encoding), name)
        except UnicodeDecodeError as error:
            raise InputError(
                source,
                f"cannot decode: the file starts with a {name} byte-order mark but is not {name}",
                "save the file as UTF-8",
            ) from error
    if looks_binary(data[:BINARY_SAMPLE_BYTES]):
        raise InputError(
            source,
            "binary file, not text",
            "newsgraph reads text, HTML, JSON Lines and Reuters SGML files; convert it to text first",
        )
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    western = _as_western(data)
    if western is not None:
        return Decoded(western, "cp1252")
    for match in charset_normalizer.from_bytes(data):
        # Western code pages were just judged wrong for these bytes; take the next best guess.
        if match.encoding not in _WESTERN_CODECS:
            return Decoded(str(match), match.encoding)
    raise InputError(source, "cannot decode: not UTF-8 and no other encoding fits", "save the file as UTF-8")


def _as_western(data: bytes) -> str | None:
    """``data`` read as Windows-1252 when that gives plausible Western European text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    sample = text[:_WESTERN_SAMPLE_CHARS]
    letters = 0
    non_ascii_letters = 0
    previous = ""
    for index, char in enumerate(sample):
        if char.isalpha():
            letters += 1
            non_ascii_letters += not char.isascii()
        elif not char.isascii() and previous.isalpha() and sample[index + 1 : index + 2].isalpha():
            # A symbol such as "³" or "¿" inside a word is a letter of another code page.
            if unicodedata.category(char) not in _IN_WORD_PUNCTUATION:
                return None
        previous = char
    if letters == 0 or non_ascii_letters / letters > _MAX_WESTERN_NON_ASCII_SHARE:
        return None
    return text
