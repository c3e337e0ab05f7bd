"""Decoding of text files: UTF-8 (with or without BOM), UTF-16, Windows-1256."""
from __future__ import annotations

import re

from ..errors import InputError

_CONTROL = re.compile(b"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _utf16_guess(data: bytes) -> str | None:
    if data[:2] == b"\xff\xfe":
        return "utf-16"
    if data[:2] == b"\xfe\xff":
        return "utf-16"
    sample = data[:4000]
    if len(sample) >= 4:
        even = sample[0::2].count(0)
        odd = sample[1::2].count(0)
        half = len(sample) / 2
        # Arabic in UTF-16 has 0x06 high bytes, not NULs; latin has NULs.
        if odd > half * 0.3 and even < half * 0.05:
            return "utf-16-le"
        if even > half * 0.3 and odd < half * 0.05:
            return "utf-16-be"
        # Arabic-heavy UTF-16: every other byte is 0x06 (or 0x00 for spaces/digits)
        hi_le = sum(1 for b in sample[1::2] if b in (0x06, 0x00, 0x20))
        hi_be = sum(1 for b in sample[0::2] if b in (0x06, 0x00, 0x20))
        if hi_le > half * 0.9 and sample[1::2].count(6) > half * 0.3:
            return "utf-16-le"
        if hi_be > half * 0.9 and sample[0::2].count(6) > half * 0.3:
            return "utf-16-be"
    return None


def _plausible_text(text: str) -> bool:
    """Decoded text that is mostly letters, digits, spaces and punctuation (not control codes)."""
    sample = text[:4000]
    if not sample:
        return False
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or 0xE000 <= ord(c) <= 0xF8FF or c == "\ufffd")
    letters = sum(1 for c in sample if c.isalpha())
    return bad <= len(sample) * 0.01 and letters >= len(sample) * 0.3


def looks_binary(head: bytes) -> bool:
    """True for data that is not text in any encoding we read."""
    if not head:
        return False
    enc16 = _utf16_guess(head)
    if enc16:
        d = head[: len(head) - len(head) % 2]
        return not _plausible_text(d.decode(enc16, errors="replace").lstrip("\ufeff"))
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head[:8192])) > max(8, len(head[:8192]) // 100)


_ARABIC = re.compile("[\u0600-\u06ff]")
_CP1256_ODD = re.compile("[\u0080-\u00bf\u00d7\u00f7\u0152\u0153\u0192\u02c6\u2020\u2021\u2030\u2039\u203a\u2122]")


def decode_bytes(data: bytes, partial: bool = False) -> tuple[str, str]:
    """(text, encoding). `partial`: data may end in the middle of a character."""
    enc16 = _utf16_guess(data)
    if enc16:
        try:
            d = data
            if partial and len(d) % 2:
                d = d[:-1]
            return d.decode(enc16, errors="strict" if not partial else "ignore").lstrip("\ufeff"), enc16
        except UnicodeDecodeError:
            raise InputError("cannot decode: looks like UTF-16 but is not valid") from None
    if data[:3] == b"\xef\xbb\xbf":
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        if partial and e.start >= len(data) - 4:
            return data[: e.start].decode("utf-8"), "utf-8"
    # Windows-1256 (Arabic): accept only if it gives Arabic and little else odd.
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        arabic = len(_ARABIC.findall(text[:20000]))
        odd = len(_CP1256_ODD.findall(text[:20000]))
        if arabic >= 10 and odd <= arabic * 0.05:
            return text, "cp1256"
    raise InputError("cannot decode: the bytes are not UTF-8, UTF-16 or Windows-1256 text")
