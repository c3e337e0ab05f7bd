"""Decoding of text files: UTF-8 (with or without BOM), UTF-16 (LE/BE, with or without BOM), Windows-1256.

A few damaged bytes (a stray 0xFF, a multi-byte letter cut in half) do not make a
file unreadable: they are replaced by U+FFFD and counted, so the caller can warn.
Only data that is not text at all, or mostly undecodable, is refused.
"""
from __future__ import annotations

import codecs
import re
import threading
from typing import NamedTuple

from ..errors import InputError

_CONTROL = re.compile(b"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


class Decoded(NamedTuple):
    text: str
    encoding: str
    replaced: int  # bytes (undecodable, or control codes) replaced by U+FFFD


def too_damaged(replaced: int, nbytes: int) -> bool:
    """More undecodable bytes than a damaged text file has: a few, or 2% of a large one."""
    return replaced > max(4, nbytes // 50)


# Counting error handler: codecs call it once per undecodable run; the count is per thread.
_count = threading.local()


def _count_replace(exc: UnicodeDecodeError):
    _count.n = getattr(_count, "n", 0) + (exc.end - exc.start)
    return "\ufffd", exc.end


codecs.register_error("marsad.count", _count_replace)


def _decode_counting(data: bytes, encoding: str, partial: bool) -> tuple[str, int]:
    _count.n = 0
    dec = codecs.getincrementaldecoder(encoding)(errors="marsad.count")
    # final=False holds back a character cut by the end of a sniffed head
    text = dec.decode(data, final=not partial)
    return text, _count.n


def utf16_guess(data: bytes) -> str | None:
    if data[:2] == b"\xff\xfe":
        return "utf-16-le"
    if data[:2] == b"\xfe\xff":
        return "utf-16-be"
    whole = _utf16_parity(data[:4000])
    if whole is None:
        # A byte lost or added shifts the rest, mixing the parities of the whole head;
        # short blocks still show one each.
        blocks = [_utf16_parity(data[i: i + 128]) for i in range(0, min(len(data), 4096) - 63, 128)]
        if len(blocks) < 2 or sum(1 for b in blocks if b) < 0.8 * len(blocks):
            return None
    # the file's own parity is the one before any shift: the first short block that shows one
    return next((b for i in range(0, 4096, 32) if (b := _utf16_parity(data[i: i + 32]))), whole)


def _utf16_parity(sample: bytes) -> str | None:
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


# Characters of the scripts and punctuation news text uses; a run of others in UTF-16 is a
# shifted stretch (a byte lost or added), where each unit pairs two characters' halves.
# U+2000-200A are left out: a shifted space (00 20) lands there.
_UNCOMMON_RUN = re.compile("[^\x00-\u052f\u0590-\u08ff\u200b-\u206f\u20a0-\u20cf\ufb50-\ufdff\ufe70-\ufeff\ufffd]{2,}")
MAX_PROBES = 200  # runs of unusual characters looked at (a real CJK text has many)
MAX_RESYNC = 16  # shifts mended; past that the file is kept as decoded (each mend decodes the rest again)


def _decode_utf16(body: bytes, enc: str, partial: bool) -> tuple[str, int]:
    """UTF-16 with replaced lone surrogates, and re-aligned (one byte skipped, one U+FFFD) where shifted."""
    parts: list[str] = []
    bad = pos = probes = cuts = 0
    while True:
        text, n = _decode_counting(body[pos:], enc, partial)
        cut = None
        for m in _UNCOMMON_RUN.finditer(text):
            probes += 1
            if probes > MAX_PROBES or cuts >= MAX_RESYNC:
                break
            at = pos + len(text[: m.start()].encode(enc, "surrogatepass"))
            # skipping one byte must give ordinary text again, else this is a script we do not know
            probe = body[at + 1: at + 61].decode(enc, errors="replace")
            if not _UNCOMMON_RUN.search(probe):
                cut = (m.start(), at)
                break
        if cut is None:
            parts.append(text)
            return "".join(parts), bad + n
        parts.append(text[: cut[0]] + "\ufffd")
        bad += _decode_counting(body[pos: cut[1]], enc, False)[1] + 1
        pos = cut[1] + 1
        cuts += 1


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
    enc16 = utf16_guess(head)
    if enc16:
        d = head[: len(head) - len(head) % 2]
        return not _plausible_text(d.decode(enc16, errors="replace").lstrip("\ufeff"))
    # a stray NUL or two is damage (replaced when decoded); many are a binary format
    if head.count(0) > max(4, len(head) // 200):
        return True
    return len(_CONTROL.findall(head[:8192])) > max(8, len(head[:8192]) // 100)


_ARABIC = re.compile("[\u0600-\u06ff]")
_CP1256_ODD = re.compile("[\u0080-\u00bf\u00d7\u00f7\u0152\u0153\u0192\u02c6\u2020\u2021\u2030\u2039\u203a\u2122]")


def _cp1256_odd(text: str) -> int | None:
    """Characters out of place in Arabic text read as Windows-1256, or None if it is not Arabic."""
    arabic = len(_ARABIC.findall(text[:20000]))
    odd = len(_CP1256_ODD.findall(text[:20000]))
    return odd if arabic >= 10 and odd <= arabic * 0.05 else None


# Control codes are never text (NUL cannot even be stored in PostgreSQL): damage, like a bad byte.
CONTROL_CODES = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def decode_text(data: bytes, partial: bool = False) -> Decoded:
    """The encoding that fits best, with the bytes that do not fit replaced and counted.

    `partial`: data is a head that may end in the middle of a character (not counted).
    Control codes (NUL, ...) are replaced and counted too.
    """
    text, enc, bad = _decode(data, partial)
    if CONTROL_CODES.search(text):
        text, n = CONTROL_CODES.subn("\ufffd", text)
        bad += n
    return Decoded(text, enc, bad)


def _decode(data: bytes, partial: bool) -> Decoded:
    enc16 = utf16_guess(data)
    if enc16:
        body = data[2:] if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data
        text, bad = _decode_utf16(body, enc16, partial)
        if too_damaged(bad, len(body)):
            raise InputError("cannot decode: looks like UTF-16 but is not valid")
        return Decoded(text.lstrip("\ufeff"), enc16, bad)
    if data[:3] == b"\xef\xbb\xbf":
        data = data[3:]
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 0)
    except UnicodeDecodeError:
        pass
    text8, bad8 = _decode_counting(data, "utf-8", partial)
    if bad8 == 0:  # only a character cut by the end of a partial head
        return Decoded(text8, "utf-8", 0)
    # Windows-1256 maps every byte, so it wins only as plausible Arabic with fewer odd
    # characters than UTF-8 has undecodable bytes (UTF-8 Arabic read as 1256 is mostly odd).
    text1256 = data.decode("cp1256", errors="replace")
    odd = _cp1256_odd(text1256)
    if odd is not None and odd <= bad8:
        return Decoded(text1256, "cp1256", 0)
    if not too_damaged(bad8, len(data)):
        return Decoded(text8, "utf-8", bad8)
    if odd is not None:
        return Decoded(text1256, "cp1256", 0)
    raise InputError("cannot decode: the bytes are not UTF-8, UTF-16 or Windows-1256 text")


def decode_bytes(data: bytes, partial: bool = False) -> tuple[str, str]:
    """(text, encoding); see `decode_text`, which also counts the replaced bytes."""
    text, encoding, _ = decode_text(data, partial)
    return text, encoding
