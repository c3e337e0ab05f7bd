"""Who did what to whom, when and where: `annotate(article)` fills `article.events`.

Triggers are verbs in every tense and person and their nouns, listed per event
type in knowledge/event_triggers.json. Participants come from the entity
mentions of the trigger's sentence (and the country adjectives/demonyms the
participants view adds):
- a verb takes as actor the mention right before it (`إن بوتين سيزور`) or else the
  first mention after it that no preposition governs (`أرسل بوتين لكيم`), and as
  target the next mention, skipping a co-ordinated co-actor (`بيونج يانج وموسكو`)
  and a relative clause between commas (`، التي …،`); a place after `في` is `where`;
- a verb without a subject of its own takes the speaker when it opens reported
  speech (`أعلن الجيش أنه شن`), or the subject of the clause it continues
  (`وأدانت طهران القرار، وهددت`); for MEET/AGREE/SIGN a co-actor is the target;
- a noun takes its genitive or adjective (`زيارة بوتين`, `الفيتو الروسي`) as actor,
  or as target for nouns whose genitive is the object (`تزويد روسيا`), and the
  mention after `إلى/ل/على/ضد/مع` as target.
An actor that is a seat of power stands for its state (`بيونج يانج` → North Korea).
`when` is the nearest date of the sentence from the time annotator, or the
publication date for a present-tense verb. Polarity: denied (negated), planned
(future, scheduled), reported (inside a quotation), else asserted.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import knowledge
from ..arabic import clitic_splits, normalize, strip_article, word_value
from ..arabic.verbs import FUTURE, PRESENT, strip_verb_proclitics, verb_forms
from ..article import Article, Event
from . import kbview
from .participants import Span, View, agent, ensure_entity, proclitic, view
from ..memo import WORDS

def _words(key: str) -> list[str]:
    """A word list of knowledge/event_words.json."""
    return knowledge.data("event_words.json")[key]


_NEG = {normalize(w) for w in _words("negation")}
_PLAN = {normalize(w) for w in _words("plan")}
_PLAN_AFTER = {normalize(w) for w in _words("plan_after")}
_PARTICLES = {normalize(w) for w in _words("particles")}
_PREPS = {normalize(w) for w in _words("prepositions")}
_WHERE_NOUNS = {normalize(w) for w in _words("place_nouns")}
_RELATIVE = {normalize(w) for w in _words("relatives")}
# nouns whose genitive is the thing acted on, not the doer (`تزويد روسيا`, `مقتل جنديين`)
_OBJECT_GENITIVE = {"SUPPLY", "SEND", "ARREST", "KILL", "ATTACK", "SANCTION"}
_NOUN_CONTEXT = {normalize(w) for w in _words("noun_context")}
_OBJECT_OR_SUBJECT_GENITIVE = {"SUPPORT", "ATTACK"}
# words after which a bare past form is a verb, not a noun
_VERB_BEFORE = {normalize(w) for w in _words("verb_before")} - _NOUN_CONTEXT
_COUNT_WORDS = {normalize(w) for w in _words("count_words")}
_PLAN_BEFORE_AN = {normalize(w) for w in _words("plan_before_an")}  # المقرر أن يزور
_CONTRAST = {normalize(w) for w in _words("contrast")}
_TOWARD = {normalize(w) for w in _words("toward")}  # دعم واشنطن تجاه كييف: a preposition of the object
_PASSIVE_TARGET_WINDOW = 4
_VERB_TARGET_WINDOW = 10
_MAX_AFTER = 14  # tokens after a trigger searched for its participants


@lru_cache(maxsize=1)
def _lex() -> dict:
    raw = knowledge.data("event_triggers.json")
    verbs: dict[str, list[dict]] = {}
    nouns: dict[str, dict] = {}
    for typ, spec in raw["types"].items():
        for v in spec["verbs"]:
            info = {
                "type": typ,
                "cameo": spec["cameo"],
                "near": {strip_article(w) for w in v.get("near", [])},
                "near_window": int(v.get("near_window", 5)),
                "as": {t: {strip_article(w) for w in ws} for t, ws in v.get("as", {}).items()},
                "passive_before_number": bool(v.get("passive_before_number")),
                "needs_place": bool(v.get("needs_place")),
            }
            for form, tense in verb_forms(v["past"], v.get("present"), bool(v.get("defective"))).items():
                verbs.setdefault(form, []).append({**info, "tense": tense})
            for form in v.get("passive", []):
                # اغتيل: the grammatical subject is the one acted on
                verbs.setdefault(normalize(form), []).append({**info, "tense": "past", "passive": True})
        for n in spec["nouns"]:
            word, as_ = (n["noun"], n.get("as", {})) if isinstance(n, dict) else (n, {})
            nouns[strip_article(word)] = {
                "type": typ,
                "cameo": spec["cameo"],
                "near": set(),
                "near_window": 5,
                "as": {t: {strip_article(w) for w in ws} for t, ws in as_.items()},
                "tense": "noun",
            }
    cameo = {t: s["cameo"] for t, s in raw["types"].items()}
    lemmas = {normalize(v["past"]) for spec in raw["types"].values() for v in spec["verbs"]}
    return {"verbs": verbs, "nouns": nouns, "cameo": cameo, "lemmas": lemmas}


@lru_cache(maxsize=WORDS)
def triggers_of(norm: str) -> list[dict]:
    """The trigger readings of one normalised token (verb readings first)."""
    lex = _lex()
    for _pre, rest in strip_verb_proclitics(norm):
        hit = lex["verbs"].get(rest)
        if hit:
            return hit
    nouns = lex["nouns"]
    for pre in _NOUN_PREFIXES:
        if norm.startswith(pre) and len(norm) - len(pre) >= 3:
            hit = nouns.get(norm[len(pre):])
            if hit:
                return [hit]
    return []


# proclitics and article before a noun trigger, longest first (لل = ل + ال)
_NOUN_PREFIXES = tuple(_words("noun_prefixes")) + ("",)  # and the bare noun


def _stems(v: View, a: int, b: int) -> set[str]:
    out: set[str] = set()
    for t in v.tokens[a:b]:
        if t.kind == "word":
            out |= _word_stems(t.norm)
    return out


@lru_cache(maxsize=WORDS)
def _word_stems(norm: str) -> frozenset[str]:
    """The word, its stem without the article, and its readings without proclitics."""
    out = {norm, strip_article(norm)}
    for sp in clitic_splits(norm):
        out.add(strip_article(sp.stem))
    return frozenset(out)


def _prep_of(v: View, sp: Span) -> str | None:
    """The preposition governing a mention: a proclitic (ل, ب, ك) or a separate word before it."""
    pre = proclitic(v, sp)
    for c in ("ل", "ب", "ك"):
        if c in pre:
            return c
    i = v.tok_of(sp.start)
    j = i - 1
    if sp.demonym and j >= 0 and v.tokens[j].kind == "word" and v.span_of_token(j) is None:
        head = v.tokens[j]
        pre = "".join(x.prefix for x in clitic_splits(head.norm)[1:2])
        for c in ("ل", "ب"):
            if pre and c in pre and head.norm.startswith(("ل", "ب", "ول", "وب")):
                return c
        j -= 1  # السفارة الأمريكية: the head noun's preposition governs the adjective
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
    """Mentions after token i in the sentence, skipping relative clauses set off by commas.

    Their distances from the trigger (words outside skipped clauses) go to _DISTANCE,
    which holds the last call's mentions only."""
    toks = v.tokens
    _DISTANCE.clear()
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
        if k > i + 1 and t.kind == "word" and v.tok_span[k] < 0 and (
            t.norm in _CLAUSE_STOP or (t.norm[:1] in "وف" and _is_verb(t.norm))
        ):
            break
        if not skipping:
            sp = v.span_of_token(k)
            if sp is not None and id(sp) not in seen:
                seen.add(id(sp))
                out.append(sp)
                _DISTANCE[sp] = counted  # words from the trigger, a skipped relative clause not counted
        k += 1
    return out


_DISTANCE: dict = {}  # Span -> distance from the trigger of the last _mentions_after call


_CLAUSE_STOP = {normalize(w) for w in _words("clause_stops")}


def _is_verb(norm: str) -> bool:
    """A trigger or reporting verb form (with و/ف), which opens a clause of its own."""
    from .quotes import cue_verb

    verbs = _lex()["verbs"]
    rest = norm[1:]
    return rest in verbs or cue_verb(norm) is not None


def _mention_before(v: View, i: int, sent_start: int) -> Span | None:
    """The subject right before a verb (SVO), over particles such as قد and أيضا."""
    toks = v.tokens
    j = i - 1
    while j >= 0 and toks[j].start >= sent_start and toks[j].kind == "word" and toks[j].norm in _PARTICLES:
        j -= 1
    if j >= 0 and toks[j].norm in _RELATIVE:
        j -= 1  # منظمة … التي انتقدت: the relative clause's subject is its antecedent
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


def _polarity(v: View, i: int, sent_start: int, tense: str, quoted: list) -> str:
    toks = v.tokens
    before = [toks[j].norm for j in range(max(0, i - 3), i) if toks[j].start >= sent_start]
    bare = [w[1:] if w[:1] in "وف" and w[1:] in _NEG else w for w in before]
    if any(w in _NEG for w in bare[-2:]):
        return "denied"
    if tense == PRESENT and bare and bare[-1] == "ان" and any(t.norm in _PLAN_BEFORE_AN for t in toks[max(0, i - 4):i]):
        return "planned"
    if tense == FUTURE or any(w in _PLAN for w in before):
        return "planned"
    if tense == "noun":
        after = [toks[j].norm for j in range(i + 1, min(len(toks), i + 3))]
        if any(w in _PLAN_AFTER for w in after):
            return "planned"
    pos = toks[i].start
    for q in quoted:
        if q.start <= pos < q.end:
            # نفى الكرملين أن يكون بوتين قد التقى …: what a denial reports did not happen
            return "denied" if q.cue and _is_denial(q.cue) else "reported"
    return "asserted"


def _is_denial(cue: str) -> bool:
    from .quotes import cue_verb

    info = cue_verb(normalize(cue.split()[0]))
    return info is not None and info["lemma"] in _DENIAL_LEMMAS


def _when(article: Article, v: View, i: int, sa: int, sb: int, tense: str):
    pos = v.tokens[i].start
    best, dist = None, None
    for t in article.timexes:
        if t.type not in ("DATE", "TIME") or not (sa <= t.start < sb) or _date_value(t.value) is None:
            continue
        d = abs(t.start - pos)
        if dist is None or d < dist:
            best, dist = t, d
    if best is not None:
        return _date_value(best.value)
    if tense == PRESENT and article.published:
        return article.published[:10]
    return None


_DATE_RE = re.compile(r"^\d{4}-W\d{2}|^\d{4}-Q\d|^\d{4}-H\d|^\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _date_value(value):
    """A resolved calendar value (the date part of a time), or None for unresolved ones."""
    if isinstance(value, list):
        out = [x for x in (_date_value(v) for v in value) if x]
        return out or None
    if not isinstance(value, str):
        return None
    m = _DATE_RE.match(value)
    return m.group() if m else None


def _where(v: View, i: int, after: list[Span], used: set[str]) -> str | None:
    for sp in after:
        if v.tok_of(sp.start) - i > 10:
            break
        if sp.entity_id in used or sp.type != "LOC":
            continue
        if _prep_of(v, sp) == "في":
            return sp.entity_id
    return None


class _Context:
    """What earlier triggers of the same sentence tell later ones."""

    def __init__(self, quotes) -> None:
        self.prev_actor: Span | None = None  # subject carried to a following verb without one
        self.verb_types: set[str] = set()
        self.consumed: set[int] = set()  # tokens that completed another trigger (دعا … لزيارة)
        self.quotes = quotes


def annotate(article: Article) -> Article:
    v = view(article)
    toks = v.tokens
    quoted = list(article.quotes)
    events: list[Event] = []
    seen: set[tuple] = set()
    for sa, sb in v.sents:
        ctx = _Context(article.quotes)
        i = v.tok_at(sa)
        while i < len(toks) and toks[i].start < sb:
            t = toks[i]
            # a word inside a name is no trigger (فيصل is not ف + يصل)
            if t.kind == "word" and i not in ctx.consumed and (v.tok_span[i] < 0 or v.spans[v.tok_span[i]].demonym):
                for trig in triggers_of(t.norm):
                    ev = _event(article, v, i, trig, sa, sb, quoted, ctx)
                    if ev is None:
                        continue
                    key = (ev.type, ev.actor_id, ev.target_id, sa)
                    if key in seen:
                        continue
                    seen.add(key)
                    ev.actor_id = ensure_entity(article, v, ev.actor_id)
                    ev.target_id = ensure_entity(article, v, ev.target_id)
                    ev.where_id = ensure_entity(article, v, ev.where_id)
                    events.append(ev)
                    break
            i += 1
    article.events = events
    return article


_SYMMETRIC = {"MEET", "AGREE", "SIGN"}
_NOUN_TARGET_PREPS = set(_words("noun_target_preps"))
_SUBJECT_WINDOW = 6  # a verb's subject follows it within this many tokens
_PRONOUN_COMPS = {normalize(w) for w in _words("pronoun_complementizers")}
_DENIAL_LEMMAS = {normalize(w) for w in _words("denial_lemmas")}
_COMPS = {normalize(w) for w in _words("complementizers")}
_CARRY_BEFORE = {normalize(w) for w in _words("carry_before")}


def _quote_speaker(v: View, i: int, ctx: _Context) -> Span | None:
    """`أعلن الجيش أنه شن غارات`: a verb opening reported speech, with no subject of its own,
    has the speaker as its subject."""
    pos = v.tokens[i].start
    for q in ctx.quotes:
        if not (q.start <= pos < q.end) or not q.speaker_id:
            continue
        if any(sp.start < pos and sp.end > q.start for sp in v.spans if sp.start >= q.start):
            return None
        words = [t for t in v.tokens[v.tok_at(q.start):i]
                 if t.kind == "word" and t.norm not in _NEG and t.norm not in _PARTICLES and t.norm not in _PLAN]
        before = v.tokens[v.tok_at(q.start) - 1].norm if v.tok_at(q.start) else ""
        # only speech opened by إن/أن (not a source phrase after the clause), and the verb
        # first in it or after one word that points back to the speaker (`أن جيشها أطلق`)
        if before in _PRONOUN_COMPS or (before in _COMPS and (not words or (len(words) == 1 and words[0].norm.endswith(("ه", "ها", "هم", "هما"))))):
            return Span(-1, -1, q.speaker_id, "?")
    return None


def _number_follows(v: View, i: int) -> bool:
    """`قتل ثلاثة جنود`, `قتل 5 مدنيين`: an unvocalised past followed by a count is passive."""
    if i + 1 >= len(v.tokens):
        return False
    t = v.tokens[i + 1]
    return t.kind == "num" or word_value(t.norm) is not None or t.norm in _COUNT_WORDS


def _first_subject(v: View, sa: int, pos: int) -> Span | None:
    """The first subject-like mention of the clause holding `pos` (back to a comma or `لكن`)."""
    j = v.tok_of(pos) - 1
    while j >= 0 and v.tokens[j].start >= sa:
        t = v.tokens[j]
        if t.text in "،,؛;" or t.norm in _CLAUSE_STOP or t.norm in _CONTRAST:
            sa = t.end
            break
        j -= 1
    for sp in v.spans:
        if sp.start >= pos:
            break
        if sp.start >= sa and _prep_of(v, sp) is None:
            return sp
    return None


def _carry_context(v: View, i: int) -> bool:
    """The verb continues a clause whose subject it shares: `وهدد`, `، حيث التقى`, `قبل أن يتوجه`."""
    t = v.tokens[i]
    if t.norm[:1] in "وف" and len(t.norm) > 3:
        return True
    prev = v.tokens[i - 1] if i else None
    return prev is not None and (prev.text in _CARRY_BEFORE or prev.norm in _CARRY_BEFORE or prev.norm[:1] == "و" and prev.norm[1:] in _NEG)


def _event(article: Article, v: View, i: int, trig: dict, sa: int, sb: int, quoted, ctx: _Context) -> Event | None:
    toks = v.tokens
    if trig["near"] and not (trig["near"] & _stems(v, i + 1, i + 1 + trig["near_window"])):
        return None
    typ = _retyped(v, i, trig, sb, ctx)
    cameo = _lex()["cameo"].get(typ, trig["cameo"])
    tense = trig["tense"]
    if tense != "noun" and i and _verbal_noun(v, i):
        tense = "noun"
    after = _mentions_after(v, i, sb)
    actor = target = where = None
    if tense != "noun":
        if trig.get("passive") or (trig.get("passive_before_number") and tense == "past" and _number_follows(v, i)):
            target = next((sp for sp in after if _prep_of(v, sp) is None and v.tok_of(sp.start) - i <= _PASSIVE_TARGET_WINDOW), None)
        else:
            actor, target = _verb_participants(v, i, typ, after, sa, ctx)
        if actor is not None:
            ctx.prev_actor = actor
        ctx.verb_types.add(typ)
    else:
        if typ in ctx.verb_types:
            return None  # `وصل … في زيارة`: the verb already told this event
        actor, target, where = _noun_participants(v, i, typ, after, sa, ctx)
    if typ == "VISIT" and target is not None and target.type != "LOC":
        target = None  # زار … لبي بي سي, توجه انتقادات إلى الرئيس: one visits places
    if trig.get("needs_place") and (target is None or target.demonym or _prep_of(v, target) != "الي"):
        return None  # وصلت العائدات إلى 764 مليون دولار: arriving is a visit only with إلى + a place
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
    when = _when(article, v, i, sa, sb, tense)
    polarity = _polarity(v, i, sa, tense, quoted)
    if polarity in ("asserted", "reported") and tense == PRESENT and _after_publication(when, article.published):
        polarity = "planned"
    return Event(
        type=typ,
        cameo=cameo,
        text=v.text[sa:sb],
        start=sa,
        end=sb,
        trigger=toks[i].text,
        actor_id=actor_id,
        target_id=target_id,
        where_id=where or _where(v, i, after, used),
        when=when,
        polarity=polarity,
    )


def _retyped(v: View, i: int, trig: dict, sb: int, ctx: _Context) -> str:
    """The trigger's event type, or the one a word after it makes it (`دعا … لزيارة`:
    the `as` words of the lexicon); that word is consumed."""
    toks = v.tokens
    typ = trig["type"]
    for other, words in trig["as"].items():
        for k in range(i + 1, min(len(toks), i + 13)):
            if toks[k].start >= sb:
                break
            if _word_stems(toks[k].norm) & words:
                typ = other
                ctx.consumed.add(k)
                break
        if typ != trig["type"]:
            break
    return typ


def _verb_participants(v: View, i: int, typ: str, after: list[Span], sa: int, ctx: _Context):
    actor = _mention_before(v, i, sa)
    rest = after
    if actor is None:
        actor = _quote_speaker(v, i, ctx)
    if actor is None:
        subjects = [sp for sp in after if _prep_of(v, sp) is None and not _coordinated(v, sp)]
        carry = _carry_context(v, i) and len(subjects) <= 1
        if carry and ctx.prev_actor is None and not subjects:
            # `ورفضت بكين الخطوة وهددت …`: the subject of the sentence's first clause
            ctx.prev_actor = _first_subject(v, sa, v.tokens[i].start)
        if carry and ctx.prev_actor is not None:
            actor = ctx.prev_actor
        else:
            for k, sp in enumerate(after):
                if v.tok_of(sp.start) - i > _SUBJECT_WINDOW:
                    break
                if _prep_of(v, sp) is None:
                    actor, rest = sp, after[k + 1:]
                    break
    if actor is not None and actor.start > v.tokens[i].start and actor.type != "PER":
        # `نفى المتحدث باسم الكرملين، دميتري بيسكوف، …`: the named spokesman is the subject
        k = v.tok_of(actor.end - 1) + 1
        nxt = next((sp for sp in rest if sp.start >= actor.end), None)
        if nxt is not None and nxt.type == "PER" and k < len(v.tokens) and v.tokens[k].text in "،," \
                and v.tok_of(nxt.start) == k + 1 and _word_before_span(v, actor) == "باسم":
            actor = nxt
            rest = [sp for sp in rest if sp.start > nxt.start]
    target = None
    co_actor = None
    # the object is looked for after the verb, or after a subject that follows it
    anchor = _DISTANCE.get(actor, 0) if actor is not None and actor.start > v.tokens[i].start else 0
    for sp in rest:
        if actor is not None and sp.entity_id == actor.entity_id:
            continue
        if actor is not None and _coordinated(v, sp) and target is None:
            co_actor = co_actor or sp
            continue  # بيونج يانج وموسكو, فرنسا وبريطانيا وألمانيا: more subjects
        if _prep_of(v, sp) == "في":
            continue
        if _DISTANCE.get(sp, 0) - anchor > _VERB_TARGET_WINDOW:
            break
        target = sp
        break
    if typ in _SYMMETRIC and co_actor is not None:
        target = co_actor
    return actor, target


def _word_before_span(v: View, sp: Span) -> str:
    k = v.tok_of(sp.start)
    return v.tokens[k - 1].norm if k else ""


def _noun_participants(v: View, i: int, typ: str, after: list[Span], sa: int, ctx: _Context):
    toks = v.tokens
    gen = None
    for sp in after[:2]:
        k = v.tok_of(sp.start)
        between = toks[i + 1:k]
        if len(between) > 1 or any(t.kind != "word" or not t.norm.startswith("ال") or triggers_of(t.norm) for t in between):
            break
        p = _prep_of(v, sp)
        if _coordinated(v, sp):
            break
        if k == i + 1 and sp.demonym:
            gen = sp  # للقصف التركي: the adjective agrees with the noun, whatever governs the noun
            break
        if p is None or (p == "ل" and sp.type == "PER"):
            gen = sp
        break
    actor = target = None
    where = None
    if gen is not None and typ == "MEET" and gen.type == "LOC" and not gen.demonym:
        where, gen = gen.entity_id, None  # محادثات جدة
    object_gen = typ in _OBJECT_GENITIVE or (typ == "VISIT" and gen is not None and gen.type == "LOC" and not gen.demonym)
    if typ in _OBJECT_OR_SUBJECT_GENITIVE and gen is not None:
        # دعم إسرائيل: support for Israel; دعم واشنطن لكييف: Washington's support for Kyiv;
        # قصف غزة: Gaza is shelled; هجوم الجيش التركي على عفرين: the army attacks
        k = v.tok_of(gen.end - 1) + 1
        nxt = v.tokens[k].norm if k < len(v.tokens) else ""
        object_gen = not (nxt.startswith("ل") or nxt in _TOWARD)
    if gen is not None and (gen.demonym or kbview.demonym(normalize(v.text[gen.start:gen.end]))):
        object_gen = False  # الهجوم التركي, الدعم الإيراني, الفيتو الروسي: an adjective names the doer
    if object_gen:
        target = gen
        pre = proclitic_of_token(v, i)
        pre = pre[:-2] if pre.endswith("ال") else pre  # the article is no preposition
        if pre[-1:] in ("ب", "ل"):
            # اتهم … كوريا الشمالية بتزويد روسيا; الجهود الأمريكية لفرض عقوبات
            actor = _near_before(v, i, sa)
    else:
        actor = gen
    if target is None:
        for sp in after:
            if sp is gen:
                continue
            if v.tok_of(sp.start) - i > 8:
                break
            if _prep_of(v, sp) in _NOUN_TARGET_PREPS and (actor is None or sp.entity_id != actor.entity_id):
                target = sp
                break
    if actor is None and ctx.prev_actor is not None and i and toks[i - 1].norm == "في":
        actor = ctx.prev_actor  # قتلت القوات … في غارة
    return actor, target, where


def proclitic_of_token(v: View, i: int) -> str:
    """The proclitic letters of a noun trigger token (`بتزويد` → ب)."""
    norm = v.tokens[i].norm
    for sp in clitic_splits(norm):
        if triggers_of(sp.stem) or triggers_of(strip_article(sp.stem)):
            if sp.prefix:
                return sp.prefix
    return ""


def _after_publication(when, published: str | None) -> bool:
    if not when or not published:
        return False
    first = when[0] if isinstance(when, list) else when
    return isinstance(first, str) and len(first) >= 10 and first[:10] > published[:10]


def _verbal_noun(v: View, i: int) -> bool:
    """A bare past form after a preposition or with the article is the verbal noun:
    `البحث عن دعم دولي`, `لفرض عقوبات`, `بعد قصف`."""
    t = v.tokens[i]
    verbs = _lex()["verbs"]
    if t.norm in verbs or (t.norm[:1] in "وف" and t.norm[1:] in verbs):
        pass  # التقى, والتقى: the verb itself begins with ال
    elif t.norm.startswith(("ال", "وال", "بال", "لل", "فال")):
        return True
    if t.norm[:1] in "لب" and t.norm not in verbs and triggers_of(t.norm[1:]):
        return True
    prev_tok = v.tokens[i - 1]
    prev = prev_tok.norm
    if prev in _PREPS or prev in _NOUN_CONTEXT:
        return True
    # سياسة دعم أوكرانيا: a bare past form right after a common noun is that noun's genitive
    # (a three-letter past doubles as its verbal noun; أنكر, استنكر, اتهم do not: `في تعليق أنكر`)
    if (prev_tok.kind == "word" and t.norm in _lex()["lemmas"] and len(t.norm) == 3 and v.tok_span[i - 1] < 0
            and prev not in _VERB_BEFORE and not prev.endswith(("ا", "وا"))):
        return True
    return False


def _near_before(v: View, i: int, sa: int) -> Span | None:
    """A mention ending within two words before a noun trigger (`كوريا الشمالية بتزويد روسيا`)."""
    j = i - 1
    while j >= 0 and i - j <= 2 and v.tokens[j].start >= sa:
        sp = v.span_of_token(j)
        if sp is not None and _prep_of(v, sp) in (None, "ب"):
            return sp
        if sp is not None:
            return None
        j -= 1
    return None
