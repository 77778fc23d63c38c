"""Bytes to text: encodings that must decode right, and input that must be refused."""

from __future__ import annotations

import codecs

import pytest

from newsgraph.errors import InputError
from newsgraph.readers.decode import decode_bytes, looks_binary

QUOTED = "The harbour master called the delay \u201cregrettable\u201d \u2014 and promised a fix by Friday.\n"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


CAFE = "Caf\u00e9 owners in the old town say \u201cenough\u201d.\n"
FRENCH = "M\u00e8re et p\u00e8re ont dit \u00ab c\u2019est fini \u00bb.\n"
GERMAN = "Stra\u00dfe und Gr\u00f6\u00dfe, sagte M\u00fcller.\n"


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param(QUOTED.encode("utf-8"), QUOTED, "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + QUOTED.encode("utf-8"), QUOTED, "utf-8", id="utf-8 with BOM"),
        pytest.param(QUOTED.encode("utf-16"), QUOTED, "utf-16", id="utf-16 with BOM"),
        pytest.param(codecs.BOM_UTF16_BE + QUOTED.encode("utf-16-be"), QUOTED, "utf-16", id="utf-16 big-endian with BOM"),
        pytest.param(QUOTED.encode("utf-32"), QUOTED, "utf-32", id="utf-32 with BOM"),
        pytest.param(QUOTED.encode("cp1252"), QUOTED, "cp1252", id="cp1252 curly quotes"),
        pytest.param(CAFE.encode("cp1252"), CAFE, "cp1252", id="cp1252 short"),
        pytest.param(FRENCH.encode("cp1252"), FRENCH, "cp1252", id="cp1252 French"),
        pytest.param(GERMAN.encode("latin-1"), GERMAN, "cp1252", id="latin-1"),
    ],
)
def test_text_decodes_to_the_characters_written(data: bytes, text: str, encoding: str) -> None:
    decoded = decode_bytes(data, "a.txt")
    assert (decoded.text, decoded.encoding) == (text, encoding)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        pytest.param("Minister powiedzia\u0142, \u017ce rz\u0105d przyj\u0105\u0142 ustaw\u0119 w pi\u0105tek.\n", "cp1250", id="Polish cp1250"),
        pytest.param("\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0437\u0430\u044f\u0432\u0438\u043b, \u0447\u0442\u043e \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b \u043f\u0440\u043e\u0434\u043e\u043b\u0436\u0430\u0442\u0441\u044f.\n", "cp1251", id="Russian cp1251"),
    ],
)
def test_other_code_pages_are_not_forced_into_cp1252(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec), "a.txt").text == text


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        pytest.param(b"", "empty file", id="empty"),
        pytest.param(b"  \n\t\r\n  ", "empty file (only whitespace)", id="whitespace only"),
        pytest.param(" \n ".encode("utf-16"), "empty file (only whitespace)", id="utf-16 whitespace only"),
        pytest.param(PNG_HEADER, "binary file, not text", id="PNG header"),
        pytest.param(bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 64 + b"some text", "binary file, not text", id="control bytes"),
        pytest.param(bytes(range(0x80, 0x100)) * 8, "cannot decode: not UTF-8 and no other encoding fits", id="no encoding fits"),
    ],
)
def test_input_that_is_not_text_is_refused_with_the_reason(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as raised:
        decode_bytes(data, "folder/a.txt")
    assert (raised.value.path, raised.value.problem) == ("folder/a.txt", problem)
    assert raised.value.hint


@pytest.mark.parametrize(
    ("sample", "binary"),
    [
        (b"plain words\nand lines\twith tabs\r\n\x0c", False),
        (b"\x1b$B escape sequences of ISO-2022-JP\x1b(B", False),
        (b"text with one NUL\x00 byte", True),
        (b"", False),
    ],
)
def test_binary_test_looks_for_nul_and_control_bytes(sample: bytes, binary: bool) -> None:
    assert looks_binary(sample) is binary


def test_a_byte_order_mark_that_lies_is_an_error() -> None:
    with pytest.raises(InputError) as raised:
        decode_bytes(codecs.BOM_UTF8 + b"caf\xe9", "a.txt")
    assert raised.value.problem == "cannot decode: the file starts with a utf-8 byte-order mark but is not utf-8"
