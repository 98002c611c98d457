"""Bytes to text: BOMs, UTF-16, legacy 8-bit encodings, NUL bytes, line endings.

Returns the text and a list of repairs worth telling the owner about. Files that
are not text at all (images, archives renamed `.txt`) raise `NotText`.
"""

from __future__ import annotations

import codecs
import re

# Magic numbers of formats people rename or mis-save as text.
_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program (ELF binary)",
    b"RIFF": "a RIFF media file (WebP, WAV, AVI)",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"BZh": "a bzip2 archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
}


# Control characters are never article text: many mean a binary file, a few are dropped.
_COUNTED_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")
_STRIPPED_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NOT_STRIPPED = bytes(b for b in range(256) if not _STRIPPED_CONTROLS.match(chr(b)))  # bytes.translate deletes these


class NotText(ValueError):
    """The bytes are not a text document."""


def decode(data: bytes) -> tuple[str, list[str]]:
    repairs: list[str] = []
    utf8: bytes | None = None
    for magic, what in _SIGNATURES.items():
        if data.startswith(magic):
            raise NotText(f"not a text file: it looks like {what}")

    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")  # the BOM says so: nothing to report
    elif _looks_like_bomless_utf16(data):
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        text = data.decode(encoding, errors="replace")
        repairs.append(f"decoded as {encoding.upper()} (no byte-order mark)")
    else:
        try:
            text = data.decode("utf-8")
            utf8 = data  # the text's UTF-8 bytes, for the count of control characters below
        except UnicodeDecodeError:
            text, encoding = _detect(data)
            repairs.append(f"not UTF-8; decoded as {encoding}")

    if "\ufffd" in text and not repairs:
        repairs.append("contains bytes that are not valid text; shown as \ufffd")

    nuls = text.count("\x00")
    if nuls:
        if nuls > max(16, len(text) // 10):
            raise NotText(f"not a text file: {nuls} NUL bytes in {len(data)} bytes")
        text = text.replace("\x00", "")
        utf8 = None
        repairs.append(f"removed {nuls} NUL byte{'s' if nuls != 1 else ''}")

    # The stripped control characters, as bytes (UTF-8 writes no other character with a byte below 0x20):
    # found faster than by _STRIPPED_CONTROLS, which reads one character at a time.
    # (A text decoded from UTF-8 as it is encodes back to the same bytes: they are not encoded again.)
    stripped = (utf8 if utf8 is not None else text.encode("utf-8", "surrogatepass")).translate(None, _NOT_STRIPPED)
    controls = len(stripped) - stripped.count(b"\x0b") - stripped.count(b"\x0c")  # as _COUNTED_CONTROLS counts
    if text and controls > max(8, len(text) // 20):
        raise NotText(f"not a text file: {controls} control characters in {len(text)} characters")
    if stripped:
        text = _STRIPPED_CONTROLS.sub("", text)

    return normalize_newlines(text), repairs


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")


def _looks_like_bomless_utf16(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 8:
        return False
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    # ASCII-range text in UTF-16 has a NUL in every other byte.
    return max(even_nuls, odd_nuls) > 0.4 * half and min(even_nuls, odd_nuls) < 0.05 * half


# What Western European news text holds besides ASCII: Latin-1 letters and typographic symbols.
_WESTERN_EXTRA = set("€£¥©®°±·•…–—‘’‚“”„†‡‰‹›«»¡¿§¶ ßŒœŠšŽžŸƒ") | {chr(c) for c in range(0xC0, 0x100) if chr(c).isalpha()}


def _plausible_western(text: str) -> bool:
    """Text decoded as cp1252 that reads like a Western European language, not like
    Cyrillic or Polish bytes seen through the wrong code page ("Ìîñêâà", "¿ó³æ")."""
    letters = non_ascii_letters = 0
    for ch in text:
        if ch.isascii():
            letters += ch.isalpha()
            continue
        if ch not in _WESTERN_EXTRA:
            return False
        if ch.isalpha():
            letters += 1
            non_ascii_letters += 1
    return letters > 0 and non_ascii_letters <= 0.3 * letters


def _detect(data: bytes) -> tuple[str, str]:
    # cp1252 is what most tools that do not write UTF-8 write; for short texts statistical
    # detectors guess wildly (mac_iceland for "£ €"), so a plausible cp1252 reading wins.
    try:
        as_cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        as_cp1252 = None
    if as_cp1252 is not None and _plausible_western(as_cp1252):
        return as_cp1252, "cp1252"
    from charset_normalizer import from_bytes  # (~6 ms to import: only for a file neither UTF-8 nor cp1252)

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return data.decode(encoding, errors="replace"), encoding
    except LookupError:
        return data.decode("cp1252", errors="replace"), "cp1252"
