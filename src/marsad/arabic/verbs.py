"""Surface forms of Arabic verbs for lexicon matching (normalised spelling).

A lexicon lists a verb by its third-person past (`زار`) and its present stem
without the person prefix (`زور` for يزور); `verb_forms` spells out the forms a
news text uses: past (he/she/they/the two), present (he/she/we/they/the two),
future (`س` + present). First-person singular present (`ا` + stem) is left out:
it collides with nouns (`أصل`) and news prose rarely uses it outside quotes.
Defective verbs (final weak letter: نفى/ينفي, دعا/يدعو) drop it before
suffixes; the caller marks them.
"""
from __future__ import annotations

from .normalize import normalize

PAST, PRESENT, FUTURE = "past", "present", "future"


def verb_forms(past: str, present: str | None = None, defective: bool = False) -> dict[str, str]:
    """{normalised form: tense} for one verb."""
    p = normalize(past)
    out: dict[str, str] = {}
    if defective:
        base = p[:-1]
        for f in (p, base + "ت", base + "وا", base + "يا", base + "تا", base + "ينا"):
            out[f] = PAST
    else:
        for f in (p, p + "ت", p + "وا", p + "ا", p + "تا", p + "نا"):
            out[f] = PAST
    if present:
        s = normalize(present)
        stems = [s]
        if defective:
            # ينفي → ينفون, يدعو → يدعون: the weak letter goes before the plural suffix
            plural = [s[:-1] + "ون", s[:-1] + "ين"]
            dual = [s + "ان"] if s.endswith("ي") else [s[:-1] + "وان"]
        else:
            plural = [s + "ون", s + "ين"]
            dual = [s + "ان"]
        forms = []
        for pre in ("ي", "ت", "ن"):
            forms.append(pre + s)
        for suf in plural + dual:
            forms.append("ي" + suf)
            forms.append("ت" + suf)
        if not defective:
            forms.append("ي" + s + "ن")  # feminine plural
        else:
            # jussive after لم: لم يلتقِ, لم ينفِ, لم يدعُ
            forms.extend(pre + s[:-1] for pre in ("ي", "ت", "ن") if len(s) > 2)
        for f in forms:
            out.setdefault(f, PRESENT)
            out.setdefault("س" + f, FUTURE)
    return out


def strip_verb_proclitics(norm: str) -> list[tuple[str, str]]:
    """Readings of a normalised token as (proclitics, rest): و/ف, then ل (لِيزور)."""
    out = [("", norm)]
    if len(norm) > 3 and norm[0] in "وف":
        out.append((norm[0], norm[1:]))
        rest = norm[1:]
        if len(rest) > 3 and rest[0] == "ل":
            out.append((norm[0] + "ل", rest[1:]))
    if len(norm) > 3 and norm[0] == "ل":
        out.append(("ل", norm[1:]))
    return out
