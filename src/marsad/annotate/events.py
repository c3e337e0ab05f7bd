"""Who did what to whom, when and where: `annotate(article)` fills `article.events`.

Triggers are verbs in every tense and person and their nouns, listed per event
type in knowledge/event_triggers.json. Participants come from the entity
mentions of the trigger's sentence (and the country adjectives/demonyms the
participants view adds):
- a verb takes as actor the mention right before it (`إن بوتين سيزور`) or else the
  first mention after it that no preposition governs (`أرسل بوتين لكيم`), and as
  target the next mention, skipping a co-ordinated co-actor (`بيونج يانج وموسكو`)
  and a relative clause between commas (`، التي …،`); a place after `في` is `where`;
- a noun takes its genitive or adjective (`زيارة بوتين`, `الفيتو الروسي`) as actor,
  or as target for nouns whose genitive is the object (`تزويد روسيا`), and the
  mention after `إلى/ل/على/ضد/مع` as target.
An actor that is a seat of power stands for its state (`بيونج يانج` → North Korea).
`when` is the nearest date of the sentence from the time annotator, or the
publication date for a present-tense verb. Polarity: denied (negated), planned
(future, scheduled), reported (inside a quotation), else asserted.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from ..arabic import clitic_splits, normalize, strip_article
from ..arabic.verbs import FUTURE, PRESENT, strip_verb_proclitics, verb_forms
from ..article import Article, Event
from .participants import Span, View, agent, ensure_entity, proclitic, view

_NEG = {normalize(w) for w in ("لم", "لن", "لا", "ما", "ليس", "لما", "عدم", "دون", "بدون", "رفض", "رفضت")}
_PLAN = {normalize(w) for w in ("سوف", "المقرر", "يعتزم", "تعتزم", "يعتزمون", "المتوقع", "يتوقع", "ستقوم", "سيقوم", "يخطط", "تخطط", "تنوي", "ينوي")}
_PLAN_AFTER = {normalize(w) for w in ("المقررة", "المقرر", "المرتقبة", "المرتقب", "المقبلة", "المقبل", "المزمعة", "المزمع", "المرتقبه")}
_PARTICLES = {normalize(w) for w in ("قد", "لقد", "كان", "كانت", "كانوا", "أيضا", "أيضًا", "بدوره", "بدورها", "بالفعل", "اليوم", "أمس", "مجددا", "مجدداً")}
_PREPS = {normalize(w) for w in ("إلى", "الى", "على", "مع", "من", "ضد", "عن", "في", "لدى", "بين", "نحو", "حول", "تجاه", "إزاء")}
_WHERE_NOUNS = {normalize(w) for w in ("ميناء", "مدينة", "العاصمة", "عاصمة", "منطقة", "إقليم", "ولاية", "محافظة", "جزيرة", "قاعدة", "مطار", "قصر")}
_RELATIVE = {normalize(w) for w in ("التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي")}
# nouns whose genitive is the thing acted on, not the doer (`تزويد روسيا`, `مقتل جنديين`)
_OBJECT_GENITIVE = {"SUPPLY", "SEND", "ARREST", "KILL", "ATTACK", "SANCTION", "SUPPORT", "CONDEMN", "CRITICIZE"}
_NOUN_CONTEXT = {normalize(w) for w in ("بعد", "قبل", "خلال", "إثر", "عقب", "بشأن", "مقابل", "بسبب", "رغم", "أجل")}
_MAX_AFTER = 14  # tokens after a trigger searched for its participants


@lru_cache(maxsize=1)
def _lex() -> dict:
    raw = json.loads(resources.files("marsad.knowledge").joinpath("event_triggers.json").read_text("utf-8"))
    verbs: dict[str, list[dict]] = {}
    nouns: dict[str, dict] = {}
    for typ, spec in raw["types"].items():
        for v in spec["verbs"]:
            info = {
                "type": typ,
                "cameo": spec["cameo"],
                "near": {strip_article(w) for w in v.get("near", [])},
                "as": {t: {strip_article(w) for w in ws} for t, ws in v.get("as", {}).items()},
                "passive_risk": bool(v.get("passive_risk")),
            }
            for form, tense in verb_forms(v["past"], v.get("present"), bool(v.get("defective"))).items():
                verbs.setdefault(form, []).append({**info, "tense": tense})
        for n in spec["nouns"]:
            word, as_ = (n["noun"], n.get("as", {})) if isinstance(n, dict) else (n, {})
            nouns[strip_article(word)] = {
                "type": typ,
                "cameo": spec["cameo"],
                "near": set(),
                "as": {t: {strip_article(w) for w in ws} for t, ws in as_.items()},
                "tense": "noun",
            }
    cameo = {t: s["cameo"] for t, s in raw["types"].items()}
    return {"verbs": verbs, "nouns": nouns, "cameo": cameo}


def triggers_of(norm: str) -> list[dict]:
    """The trigger readings of one normalised token (verb readings first)."""
    lex = _lex()
    for _pre, rest in strip_verb_proclitics(norm):
        hit = lex["verbs"].get(rest)
        if hit:
            return hit
    for sp in clitic_splits(norm):
        for key in (sp.stem, strip_article(sp.stem)):
            hit = lex["nouns"].get(key)
            if hit:
                return [hit]
    return []


def _stems(v: View, a: int, b: int) -> set[str]:
    out = set()
    for t in v.tokens[a:b]:
        if t.kind == "word":
            out.add(strip_article(t.norm))
            out.add(t.norm)
            for sp in clitic_splits(t.norm):
                out.add(strip_article(sp.stem))
    return out


def _prep_of(v: View, sp: Span) -> str | None:
    """The preposition governing a mention: a proclitic (ل, ب, ك) or a separate word before it."""
    pre = proclitic(v, sp)
    for c in ("ل", "ب", "ك"):
        if c in pre:
            return c
    i = v.tok_of(sp.start)
    j = i - 1
    while j >= 0 and v.tokens[j].kind == "word" and v.tokens[j].norm in _WHERE_NOUNS and i - j <= 2:
        j -= 1
    if j >= 0 and v.tokens[j].norm in _PREPS:
        return v.tokens[j].norm
    return None


def _coordinated(v: View, sp: Span) -> bool:
    """The mention is joined to the one before it by و (`بيونج يانج وموسكو`)."""
    if proclitic(v, sp).startswith("و"):
        return True
    if sp.demonym:
        t = v.tokens[v.tok_of(sp.start)]
        if t.norm[:1] == "و":
            return True
    i = v.tok_of(sp.start)
    return i > 0 and v.tokens[i - 1].norm == "و"


def _mentions_after(v: View, i: int, sent_end: int) -> list[Span]:
    """Mentions after token i in the sentence, skipping relative clauses set off by commas."""
    toks = v.tokens
    out: list[Span] = []
    k = i + 1
    skipping = False
    seen: set[int] = set()
    counted = 0
    while k < len(toks) and toks[k].start < sent_end and counted <= _MAX_AFTER:
        t = toks[k]
        counted += 0 if skipping else 1
        if t.kind == "punct" and t.text in "،,":
            if k + 1 < len(toks) and toks[k + 1].norm in _RELATIVE:
                skipping = True
                k += 2
                continue
            if skipping:
                skipping = False
                k += 1
                continue
        if t.kind == "punct" and t.text in ".؟!؛;:":
            break
        if not skipping:
            sp = v.span_of_token(k)
            if sp is not None and id(sp) not in seen:
                seen.add(id(sp))
                out.append(sp)
        k += 1
    return out


def _mention_before(v: View, i: int, sent_start: int) -> Span | None:
    """The subject right before a verb (SVO), over particles such as قد and أيضا."""
    toks = v.tokens
    j = i - 1
    while j >= 0 and toks[j].start >= sent_start and toks[j].kind == "word" and toks[j].norm in _PARTICLES:
        j -= 1
    if j < 0 or toks[j].start < sent_start:
        return None
    sp = v.span_of_token(j)
    if sp is None or _prep_of(v, sp):
        return None
    # the first of a co-ordinated subject: بيونج يانج وموسكو تنفيان
    while True:
        k = v.tok_of(sp.start) - 1
        prev = v.span_of_token(k) if k >= 0 else None
        if prev is not None and _coordinated(v, sp) and toks[k].start >= sent_start:
            sp = prev
            continue
        return sp


def _polarity(v: View, i: int, sent_start: int, tense: str, quoted: list[tuple[int, int]]) -> str:
    toks = v.tokens
    before = [toks[j].norm for j in range(max(0, i - 3), i) if toks[j].start >= sent_start]
    if any(w in _NEG for w in before[-2:]):
        return "denied"
    if tense == FUTURE or any(w in _PLAN for w in before):
        return "planned"
    if tense == "noun":
        after = [toks[j].norm for j in range(i + 1, min(len(toks), i + 3))]
        if any(w in _PLAN_AFTER for w in after):
            return "planned"
    pos = toks[i].start
    if any(a <= pos < b for a, b in quoted):
        return "reported"
    return "asserted"


def _when(article: Article, v: View, i: int, sa: int, sb: int, tense: str):
    pos = v.tokens[i].start
    best, dist = None, None
    for t in article.timexes:
        if t.type not in ("DATE", "TIME") or not (sa <= t.start < sb) or t.value in (None, "", "PAST_REF", "FUTURE_REF", "PRESENT_REF"):
            continue
        d = abs(t.start - pos)
        if dist is None or d < dist:
            best, dist = t, d
    if best is not None:
        return best.value
    if tense == PRESENT and article.published:
        return article.published[:10]
    return None


def _where(v: View, i: int, after: list[Span], used: set[str]) -> str | None:
    for sp in after:
        if v.tok_of(sp.start) - i > 10:
            break
        if sp.entity_id in used or sp.type != "LOC":
            continue
        if _prep_of(v, sp) == "في":
            return sp.entity_id
    return None


def annotate(article: Article) -> Article:
    v = view(article)
    toks = v.tokens
    quoted = [(q.start, q.end) for q in article.quotes]
    events: list[Event] = []
    seen: set[tuple] = set()
    for sa, sb in v.sents:
        i = v.tok_at(sa)
        while i < len(toks) and toks[i].start < sb:
            t = toks[i]
            if t.kind == "word":
                for trig in triggers_of(t.norm):
                    ev = _event(article, v, i, trig, sa, sb, quoted)
                    if ev is None:
                        continue
                    key = (ev.type, ev.actor_id, ev.target_id, sa)
                    if key in seen:
                        continue
                    seen.add(key)
                    ensure_entity(article, v, ev.actor_id)
                    ensure_entity(article, v, ev.target_id)
                    events.append(ev)
                    break
            i += 1
    article.events = events
    return article


def _event(article: Article, v: View, i: int, trig: dict, sa: int, sb: int, quoted) -> Event | None:
    toks = v.tokens
    typ = trig["type"]
    if trig["near"] and not (trig["near"] & _stems(v, i + 1, i + 8)):
        return None
    for other, words in trig["as"].items():
        if words & _stems(v, i + 1, i + 7):
            typ = other
            break
    cameo = _lex()["cameo"].get(typ, trig["cameo"])
    tense = trig["tense"]
    if tense != "noun" and i and _verbal_noun(v, i):
        tense = "noun"
    after = _mentions_after(v, i, sb)
    actor = target = None
    if tense != "noun":
        actor = _mention_before(v, i, sa)
        rest = after
        if actor is None:
            for k, sp in enumerate(after):
                if _prep_of(v, sp) is None:
                    actor, rest = sp, after[k + 1:]
                    break
            else:
                rest = after
        for sp in rest:
            if sp.entity_id == actor.entity_id if actor else False:
                continue
            if actor is not None and _coordinated(v, sp) and rest and sp is rest[0] and not sp.demonym:
                continue  # co-actor
            if actor is not None and sp.demonym and _coordinated(v, sp):
                continue
            p = _prep_of(v, sp)
            if p == "في":
                continue
            target = sp
            break
        if trig["passive_risk"] and actor is not None and actor not in after[:1]:
            pass
    else:
        # genitive or adjective right after the noun (one adjective may come between)
        gen = None
        for sp in after[:2]:
            if v.tok_of(sp.start) - i <= 2 and (_prep_of(v, sp) is None or (_prep_of(v, sp) == "ل" and sp.type == "PER")):
                gen = sp
                break
        rest = [sp for sp in after if sp is not gen]
        if typ in _OBJECT_GENITIVE or (typ == "VISIT" and gen is not None and gen.type == "LOC" and not gen.demonym):
            target = gen
            actor = _mention_before(v, i, sa) or _near_before(v, i, sa)
        else:
            actor = gen
        if target is None:
            for sp in rest:
                if v.tok_of(sp.start) - i > 4:
                    break
                if _prep_of(v, sp) in ("الي", "ل", "علي", "ضد", "مع", "ب"):
                    if actor is None or sp.entity_id != actor.entity_id:
                        target = sp
                        break
        if actor is None and target is None:
            return None
    if actor is None and target is None:
        return None
    used = {s.entity_id for s in (actor, target) if s is not None}
    actor_id = agent(v, actor) if actor is not None else None
    if target is not None:
        target_id = target.entity_id if typ == "VISIT" else agent(v, target)
    else:
        target_id = None
    if actor_id is not None and actor_id == target_id:
        target_id = None
    return Event(
        type=typ,
        cameo=cameo,
        text=v.text[sa:sb],
        start=sa,
        end=sb,
        trigger=toks[i].text,
        actor_id=actor_id,
        target_id=target_id,
        where_id=_where(v, i, after, used),
        when=_when(article, v, i, sa, sb, tense),
        polarity=_polarity(v, i, sa, tense, quoted),
    )


def _verbal_noun(v: View, i: int) -> bool:
    """A bare past form after a preposition or with the article is the verbal noun:
    `البحث عن دعم دولي`, `لفرض عقوبات`, `بعد قصف`."""
    t = v.tokens[i]
    if t.norm.startswith(("ال", "وال", "بال", "لل", "فال")):
        return True
    if t.norm[:1] in "لب" and triggers_of(t.norm[1:]) and not lex_has_verb_with_l(t.norm):
        return True
    prev = v.tokens[i - 1].norm
    return prev in _PREPS or prev in _NOUN_CONTEXT


def lex_has_verb_with_l(norm: str) -> bool:
    """`لبحث` may be a verb form in its own right; only a few are (none in the lexicon)."""
    return norm in _lex()["verbs"]


def _near_before(v: View, i: int, sa: int) -> Span | None:
    """A mention ending within two words before a noun trigger (`كوريا الشمالية بتزويد روسيا`)."""
    j = i - 1
    while j >= 0 and i - j <= 2 and v.tokens[j].start >= sa:
        sp = v.span_of_token(j)
        if sp is not None and _prep_of(v, sp) in (None, "ب"):
            return sp
        j -= 1
    return None
