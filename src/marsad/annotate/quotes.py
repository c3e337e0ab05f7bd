"""Quotations and who said them: `annotate(article)` fills `article.quotes`.

Three kinds of cue open a quotation (lexicon: knowledge/quote_cues.json):
- a reporting verb in any tense and person (`قال`, `وأضافت`, `يؤكد`, `أشار إلى`),
  followed by the speaker and then the content: `إن/أن …` (reported speech, up to
  the end of the sentence), `: "…"` or `"…"` (direct speech, the quoted span);
- a manner participle (`قائلاً:`), whose speaker is the subject of the main clause;
- a source phrase (`وفقا لـ`, `حسبما أفادت`, `بحسب`), whose speaker follows and
  whose content is the clause before it.
Quoted words inside reported speech are direct partial quotes of the same speaker.
The speaker is the entity the speaker phrase names: a person first; else, after a
role noun (`متحدثة باسم السفارة …`), the body it speaks for, the role kept; else an
organisation or state. A bare continuing cue (`وأضاف`) or a definite noun
(`وأضافت الوزارة`) goes back to the earlier speaker it continues. Words on a
banner (`لافتة … تقول: "…"`) are a quotation whose speaker is the banner.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import knowledge
from ..arabic import normalize, strip_article
from ..arabic.verbs import strip_verb_proclitics, verb_forms
from ..article import Article, Quote
from ..entities.patterns import cues as entity_cues
from ..entities.resolve import slug
from ..entities.romanize import romanize
from ..text.vocabulary import docfreq, word_reading as _word
from .participants import Span, View, add_person, ensure_entity, proclitic, view
from ..memo import WORDS

_OPENERS = {"«": "»", "“": "”", '"': '"', "„": "“"}
_ENDS = set(".!?؟…")


def _words(key: str) -> list[str]:
    """A word list of knowledge/quote_words.json."""
    return knowledge.data("quote_words.json")[key]


_CLAUSE_LINKS = {normalize(w) for w in _words("clause_links")}
_PREP_WORDS = {normalize(w) for w in _words("prepositions")}
_RELATIVE = {normalize(w) for w in _words("relatives")}
_TIME_WORDS = {normalize(w) for w in _words("after_cue_words")}
_ADDRESSEE = {normalize(w) for w in _words("addressee_preps")}
_STATEMENT_PREPS = {normalize(w) for w in _words("statement_preps")}
_PRONOUN_OBJECTS = {normalize(w) for w in _words("pronoun_objects")}
_MAX_SPEAKER = 16  # tokens between a cue and its content
_MIN_QUOTE_WORDS = 3  # a shorter quoted span without a cue is a title or a scare quote
_NAME_DF = 40  # a word in more news articles than this is a common word, not a name
_DATELINE = re.compile(r"^[^.\n]{0,80}?\)\s*[-—–]+\s*")  # `دبي، الإمارات (CNN) -- `


@lru_cache(maxsize=1)
def _lex() -> dict:
    raw = knowledge.data("quote_cues.json")
    verbs: dict[str, dict] = {}
    for v in raw["verbs"]:
        info = {
            "lemma": normalize(v["past"]),
            "after": {normalize(w) for w in v.get("after", [])},
            "content_after": {normalize(w) for w in v.get("content_after", [])},
            "needs_marker": bool(v.get("needs_marker")),
            "requires_after": bool(v.get("requires_after")),
            "speaker_after": {normalize(w) for w in v.get("speaker_after", [])},
        }
        for form, tense in verb_forms(v["past"], v.get("present"), bool(v.get("defective"))).items():
            verbs.setdefault(form, {**info, "tense": tense})
    n = lambda ws: {normalize(w) for w in ws}
    sources = [([normalize(w) for w in s["words"]], bool(s.get("verb")), bool(s.get("needs_verb"))) for s in raw["sources"]]
    heads = {w[0] for w, _v, _n in sources}
    heads |= {c + w for w in heads for c in "وف"}
    return {
        "source_heads": heads,
        "verbs": verbs,
        "participles": n(raw["participles"]),
        "sources": sources,
        "comp": n(raw["complementizers"]),
        "statement": {strip_article(w) for w in raw["statement_nouns"]},
        "roles": {strip_article(w) for w in raw["role_nouns"]},
        "banners": {strip_article(w) for w in raw["banner_nouns"]},
        "continuation": {strip_article(w) for w in raw["continuation_nouns"]},
        "not_speakers": set(raw.get("not_speakers", [])),
        # a definite title that stands for a person named earlier (وأضاف المتحدث)
        "titles": {strip_article(w) for w in raw["role_nouns"]} | {strip_article(w) for w in entity_cues().titles},
    }


@lru_cache(maxsize=WORDS)
def cue_verb(norm: str) -> dict | None:
    """The reporting verb a normalised token spells, with its proclitics stripped."""
    verbs = _lex()["verbs"]
    for _pre, rest in strip_verb_proclitics(norm):
        info = verbs.get(rest)
        if info is not None:
            return info
    return None


@lru_cache(maxsize=WORDS)
def _participle(norm: str) -> bool:
    p = _lex()["participles"]
    return norm in p or (norm[:1] in "وف" and norm[1:] in p)


_OPEN_RE = re.compile("[«“\"„]")


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) offsets of the quotation marks of one paragraph; close is the mark's index."""
    out: list[tuple[int, int]] = []
    i = start
    while True:
        m = _OPEN_RE.search(text, i, end)
        if m is None:
            return out
        o = m.start()
        j = text.find(_OPENERS[text[o]], o + 1, end)
        if j < 0:
            i = o + 1
            continue
        out.append((o, j))
        i = j + 1


class _State:
    """The last speaker, for continuing cues (`وأضاف`) and later paragraphs."""

    def __init__(self) -> None:
        self.speaker_id: str | None = None
        self.speaker_text: str | None = None
        self.role: str | None = None
        self.history: list[tuple[str, str]] = []  # (entity id, speaker text), most recent last
        self.at = -1  # char offset of the last cue that made a quotation

    def set(self, sid: str | None, stext: str | None, role: str | None = None) -> None:
        if sid or stext:
            if sid != self.speaker_id or role:
                self.role = role
            self.speaker_id, self.speaker_text = sid, stext
            if sid:
                self.history.append((sid, stext or ""))


def annotate(article: Article) -> Article:
    text = article.text
    v = view(article)
    lex = _lex()
    quotes: list[Quote] = []
    state = _State()
    claimed: set[int] = set()  # quote-span openings already used
    for ps, pe in _paragraphs(text):
        spans = quote_spans(text, ps, pe)
        _cued(article, v, lex, ps, pe, spans, state, quotes, claimed)
        # quoted spans no cue claimed: a paragraph-long quotation continues the last speaker
        for o, c in spans:
            if o in claimed:
                continue
            inner = text[o + 1:c]
            if len(inner.split()) < _MIN_QUOTE_WORDS + 1:
                continue
            lead = text[ps:o].strip()
            if lead == "" and state.speaker_id:
                quotes.append(Quote(inner, o + 1, c, True, state.speaker_text, state.speaker_id, None, None))
                claimed.add(o)
    quotes += _partial_quotes(text, quotes, claimed)
    quotes.sort(key=lambda q: (q.start, -q.end))
    # one quotation per span: keep the first reading
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for q in quotes:
        if (q.start, q.end) in seen or q.end <= q.start:
            continue
        seen.add((q.start, q.end))
        q.speaker_id = ensure_entity(article, v, q.speaker_id)
        out.append(q)
    article.quotes = out
    return article


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for para in text.split("\n\n"):
        out.append((pos, pos + len(para)))
        pos += len(para) + 2
    return out


def _cued(article: Article, v: View, lex: dict, ps: int, pe: int, spans: list[tuple[int, int]],
          state: _State, quotes: list[Quote], claimed: set[int]) -> None:
    """The quotations that cues of the paragraph [ps, pe) open (a reporting verb, a manner
    participle, a source phrase), added to `quotes`."""
    toks = v.tokens
    open_at = {o: (o, c) for o, c in spans}
    i = v.tok_at(ps)
    para_end_tok = v.tok_at(pe)
    while i < para_end_tok:
        t = toks[i]
        made = None
        if t.kind != "word" or (v.tok_span[i] >= 0 and not v.spans[v.tok_span[i]].demonym):
            i += 1
            continue  # a cue is a word, and not part of a name
        if spans and any(o < t.start < c for o, c in spans):
            i += 1
            continue  # words inside a quotation are the speaker's, not cues
        info = cue_verb(t.norm)
        if info is not None:
            made = _from_verb(article, v, lex, i, info, spans, open_at, state, para_end_tok)
        elif _participle(t.norm):
            made = _from_participle(article, v, lex, i, t, spans, open_at, state, para_end_tok)
        elif t.norm in lex["source_heads"]:
            made = _from_source(article, v, lex, i, state, para_end_tok)
            if made:
                made, i = made
        if made:
            state.at = t.start
            for q, span_open in made:
                quotes.append(q)
                if span_open is not None:
                    claimed.add(span_open)
        i += 1


def _partial_quotes(text: str, quotes: list[Quote], claimed: set[int]) -> list[Quote]:
    """Quoted words of two or more inside reported speech: direct partial quotes of its
    speaker (a single quoted word is a name or a scare quote)."""
    out = []
    for q in quotes:
        if q.direct:
            continue
        for o, c in quote_spans(text, q.start, q.end):
            if o not in claimed and c <= q.end and len(text[o + 1:c].split()) >= 2:
                claimed.add(o)
                out.append(Quote(text[o + 1:c], o + 1, c, True, q.speaker_text, q.speaker_id, q.speaker_role, q.cue))
    return out


# -- helpers over tokens ------------------------------------------------------
def _is_sentence_end(tok) -> bool:
    return tok.kind == "punct" and tok.text in _ENDS


def _content_end(v: View, lex: dict, i: int, limit: int) -> int:
    """Char offset where reported speech starting at token i ends: the sentence end,
    or a following cue that opens speech of its own (`… وأضاف أن …`)."""
    toks = v.tokens
    _a, sent_end = v.sentence_of(toks[i].start)
    j = i
    while j < limit and toks[j].start < sent_end:
        t = toks[j]
        if j > i + 1 and t.kind == "word":
            if _participle(t.norm):
                break
            if cue_verb(t.norm) is not None and (
                t.norm[:1] in "وف" or toks[j - 1].text in "،," or toks[j - 1].norm in _CLAUSE_LINKS
            ):
                break
        j += 1
    if j > i + 1 and toks[j - 1].norm in _CLAUSE_LINKS:
        j -= 1  # `… فيما قالت …`: the link word belongs to the next clause
    end = toks[j - 1].end if j > i else toks[i].end
    end = min(end, sent_end)
    while end > toks[i].start and v.text[end - 1] in ".،,؛; ":
        end -= 1
    return end


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " ،,:؛\n":
        a += 1
    while b > a and text[b - 1] in " ،,:؛.\n":
        b -= 1
    return a, b


def _speaker(article: Article, v: View, lex: dict, a: int, b: int, state: _State,
             source: bool = False) -> tuple[str | None, str | None, str | None]:
    """(speaker_id, speaker_text, speaker_role) for the phrase of tokens [a, b).

    `source`: the phrase follows وفقا لـ / بحسب, where ل marks the source itself."""
    toks = v.tokens
    if b <= a:
        return state.speaker_id, state.speaker_text, state.role
    text = v.text
    s, e = _trim(text, toks[a].start, toks[b - 1].end)
    phrase = text[s:e]
    spans = [sp for sp in v.spans_in(s, e) if (source or not _addressee(v, sp)) and sp.entity_id not in lex["not_speakers"]]
    # وعبرت لي، التي تدير مطعما في سول، عن …: a place in a relative clause is not the speaker
    rel = next((t.start for t in toks[a:b] if t.norm in _RELATIVE), None)
    if rel is not None:
        spans = [sp for sp in spans if sp.start < rel]
    first = strip_article(toks[a].norm)
    if first[:1] in "وف" and strip_article(first[1:]) in lex["roles"]:
        first = strip_article(first[1:])
    if spans:
        return _named_speaker(text, spans, first in lex["roles"], s, e)
    # no entity: a title standing for a person named earlier (وأضاف المتحدث)
    sp = _title_antecedent(v, lex, a, b)
    if sp is not None:
        return sp.entity_id, phrase, None
    # a name the entity annotator did not know (الفائزة في السباق نجلاء عبدالهادي)
    pid = _name_person(article, v, lex, a, b)
    if pid is not None:
        return pid, phrase, None
    # `كما قالت لشركة اليانصيب "…"`: only the one spoken to; the speaker continues
    words_ab = [t for t in toks[a:b] if t.kind == "word"]
    if len(words_ab) == 1 and words_ab[0].norm in _PRONOUN_OBJECTS:
        # `وقال فيه`, `وكتب فيها`: the statement or page, not a speaker; the one who wrote
        # it is the speaker going on, else the subject the sentence has named before it
        if state.speaker_id:
            return state.speaker_id, state.speaker_text, state.role
        sa = max(text.rfind(".", 0, s), text.rfind("\n", 0, s)) + 1
        sp = _sentence_subject(v, sa, s, lex["not_speakers"])
        return (sp.entity_id, text[sp.start:sp.end], None) if sp is not None else (None, None, None)
    if words_ab and (words_ab[0].norm in _ADDRESSEE or (_word(words_ab[0].norm) or ("",))[0] == "ل"
                     or words_ab[0].norm.startswith("لل")):
        if state.speaker_id:
            return state.speaker_id, state.speaker_text, state.role
    # a definite noun continuing an earlier speaker (الوزارة, الرئيس)
    definite = toks[a].norm.startswith(("ال", "وال", "فال"))
    words = [t for t in toks[a:b] if t.kind == "word"]
    # `وأضاف الأمين العام`, not `قال المتحدث باسم الحكومة` (a new, unnamed speaker)
    if first in lex["continuation"] and definite and len(words) <= 2:
        sid = _continued_speaker(article, v, state, first, s)
        if sid is not None:
            return sid, phrase, None
    if len(words) == 1:
        sid = _surname_owner(v, words[0].norm)
        if sid is not None:
            return sid, phrase, None
    return None, phrase, None


def _surname_owner(v: View, norm: str) -> str | None:
    """The one person of the article whose full name ends with the bare word `norm`
    (`وتابع الجعفري` after `بشار الجعفري`), where the entity annotator left it unmarked."""
    word = norm[1:] if norm[:1] in "وف" and len(norm) > 4 else norm
    owners = {eid for eid, e in v.entities.items() if e.type == "PER"
              for n in v.names_of(eid) if " " in n and n.rsplit(" ", 1)[1] == word}
    return owners.pop() if len(owners) == 1 else None


def _named_speaker(text: str, spans: list[Span], role_first: bool, s: int, e: int) -> tuple[str, str, str | None]:
    """The speaker among the mentions of the phrase text[s:e]: a person first (what follows
    the name, or a role noun before it, is the role); after a role noun, the body spoken for."""
    pers = [sp for sp in spans if sp.type == "PER"]
    if pers:
        p = pers[0]
        role = _trim(text, p.end, e)
        role_text = text[role[0]:role[1]] or None
        if p.start > s and role_first:
            role_text = text[s:p.start].strip(" ،,") or role_text
        return p.entity_id, text[p.start:p.end], role_text
    if role_first:
        # متحدثة باسم السفارة الأمريكية في فيتنام: the body spoken for
        named = [sp for sp in spans if not sp.demonym] or spans
        return named[0].entity_id, text[s:e], text[s:e]
    sp = spans[0]
    return sp.entity_id, text[sp.start:sp.end], None


def _continued_speaker(article: Article, v: View, state: _State, key: str, s: int) -> str | None:
    """The earlier speaker a definite noun (`الوزارة`) continues: the last speaker whose
    names hold it, else the nearest earlier mention that holds it, else the last speaker."""
    for sid, _stext in reversed(state.history):
        ent = v.entities.get(sid) or article.entity(sid)
        names = [normalize(ent.name_ar or "")] + [normalize(m.text) for m in (ent.mentions if ent else [])]
        if any(key in n for n in names if n):
            return sid
    # the nearest earlier mention whose words hold the noun
    for sp in reversed([sp for sp in v.spans if sp.end <= s]):
        if key in normalize(v.text[sp.start:sp.end]):
            return sp.entity_id
    return state.speaker_id or None


def _title_antecedent(v: View, lex: dict, a: int, b: int) -> Span | None:
    """`وأضاف المتحدث`, `وكان المبعوث الأممي قد أشار`: the person an earlier mention
    introduced with the same title (`المبعوث … مارتن غريفيث`, `ليم سوسوك، المتحدث`)."""
    toks = v.tokens
    for x in range(a, min(b, a + 2)):
        t = toks[x]
        if t.kind != "word":
            continue
        n = t.norm[1:] if t.norm[:1] in "وف" and t.norm[1:3] == "ال" else t.norm
        if not n.startswith("ال"):
            continue
        key = strip_article(n)
        if key not in lex["titles"]:
            continue
        def is_key(y: int) -> bool:
            n2 = toks[y].norm
            if n2[:1] in "وف" and n2[1:3] == "ال":
                n2 = n2[1:]
            return toks[y].kind == "word" and strip_article(n2) == key

        for sp in reversed([sp for sp in v.spans if sp.end <= t.start and sp.type == "PER"]):
            i, j = v.tok_of(sp.start), v.tok_of(sp.end - 1)
            # the title introduces this name: before it with no other name between
            y = i - 1
            while y >= 0 and i - y <= 8 and not _is_sentence_end(toks[y]) and toks[y].norm not in lex["comp"] and (
                    v.tok_span[y] < 0 or v.spans[v.tok_span[y]].type != "PER"):
                if is_key(y):
                    return sp
                y -= 1
            # or in apposition after it: `ليم سوسوك، المتحدث باسم …`
            if j + 2 < len(toks) and toks[j + 1].text in "،," and (is_key(j + 2) or (j + 3 < len(toks) and is_key(j + 3))):
                return sp
        return None
    return None


def _name_like(lex: dict, t) -> bool:
    """A rare, bare word: no article, no proclitic, not a cue or a role noun."""
    if t.kind != "word" or len(t.norm) < 2 or t.norm.startswith("ال"):
        return False
    if t.norm in lex["comp"] or strip_article(t.norm) in lex["roles"] or strip_article(t.norm) in lex["statement"] \
            or strip_article(t.norm) in lex["titles"] or cue_verb(t.norm) is not None or _participle(t.norm):
        return False
    w = _word(t.norm)
    if w is None or w[0] or w[2]:
        return False  # a stop word, or read with a proclitic or the article
    df = docfreq().words
    if t.norm.endswith(("ته", "تها", "تهم")):  # كلمته: a noun in ة with a pronoun
        if df.get(t.norm[: t.norm.rindex("ت")] + "ه", 0) > _NAME_DF:
            return False
    return df.get(w[1], 0) <= _NAME_DF


def _name_person(article: Article, v: View, lex: dict, a: int, b: int) -> str | None:
    """A person's name in a speaker phrase that the entity annotator missed: the first run
    of one to three rare bare words (a known first name may start it)."""
    toks = v.tokens
    x = a
    while x < b:
        prev = toks[x - 1] if x > a else None
        # `شقيقة توماس`, `في كلمته`: a genitive or the object of a preposition is not the speaker
        after_noun = prev is not None and prev.kind == "word" and (
            prev.norm in _PREP_WORDS or (not prev.norm.startswith("ال") and strip_article(prev.norm) not in lex["titles"]
                                         and v.tok_span[x - 1] < 0))
        if v.tok_span[x] < 0 and not after_noun and _name_like(lex, toks[x]):
            y = x
            while y < b and y - x < 3 and v.tok_span[y] < 0 and _name_like(lex, toks[y]):
                y += 1
            if y < b and toks[y].kind == "word" and v.tok_span[y] < 0 and not toks[y].norm.startswith("ال") \
                    and _word(toks[y].norm) is not None and not _word(toks[y].norm)[0] and y - x >= 3:
                return None  # a longer run of words: a phrase, not a name
            if y - x == 1 and toks[x].norm not in entity_cues().first_names \
                    and not any(toks[z].norm == toks[x].norm and z and _name_like(lex, toks[z - 1]) for z in range(x)):
                return None  # one word: only a first name, or a family name given before after a given name
            s, e = toks[x].start, toks[y - 1].end
            surface = v.text[s:e]
            name = romanize(surface)
            return add_person(article, v, s, e, surface, name, slug(name) or "person")
        x += 1
    return None


def _addressee(v: View, sp: Span) -> bool:
    """A mention written with ل (`لموسكو`, `لوكالة رويترز`) or after `إلى` is spoken to, not speaking."""
    return _clitic_before(v, sp, "ل") or _word_before(v, sp) in _ADDRESSEE


def _word_before(v: View, sp: Span) -> str:
    i = v.tok_of(sp.start)
    if v.tokens[i].start < sp.start:
        return ""
    return v.tokens[i - 1].norm if i else ""


def _clitic_before(v: View, sp: Span, letters: str) -> bool:
    """Whether the mention carries a proclitic among `letters` (ل, ب, …)."""
    return any(c in letters for c in proclitic(v, sp))


def _left_subject(article: Article, v: View, lex: dict, i: int, state: _State) -> tuple[str | None, str | None, str | None]:
    """Speaker before a cue with nothing between it and its content (SVO, banners, bare `وأضاف`)."""
    toks = v.tokens
    sa, _sb = v.sentence_of(toks[i].start)
    j = i - 1
    steps = 0
    while j >= 0 and toks[j].start >= sa and steps < 6:
        t = toks[j]
        if t.kind == "punct" and t.text in "،,؛;":
            if j == i - 1 and t.text in "،,":
                # `منظمته، فاطمة خلف، قالت`: a name set off by commas just before the verb
                k = j - 1
                while k >= 0 and j - k <= 3 and toks[k].kind == "word":
                    k -= 1
                if k >= 0 and toks[k].text in "،," and k < j - 1:
                    sp = v.span_of_token(j - 1)
                    if sp is not None and sp.entity_id not in lex["not_speakers"]:
                        return sp.entity_id, v.text[sp.start:sp.end], None
                    pid = _name_person(article, v, lex, k + 1, j)
                    if pid is not None:
                        return pid, v.text[toks[k + 1].start:toks[j - 1].end], None
            break
        sp = v.span_of_token(j)
        if sp is not None and not sp.demonym and sp.entity_id not in lex["not_speakers"] \
                and not (sp.type == "LOC" and _word_before(v, sp) in _PREP_WORDS):
            return sp.entity_id, v.text[sp.start:sp.end], None
        if sp is None and t.kind == "word":
            ante = _title_antecedent(v, lex, j, j + 1)
            if ante is not None:
                return ante.entity_id, v.text[t.start:toks[i - 1].end], None
        if t.kind == "word" and strip_article(t.norm) in lex["banners"]:
            return None, t.text, None
        j -= 1
        steps += 1
    # a banner a little further back: لافتة على أحد المباني تقول
    j = i - 1
    while j >= 0 and toks[j].start >= sa and i - j <= 8:
        if toks[j].kind == "word" and strip_article(toks[j].norm) in lex["banners"]:
            return None, toks[j].text, None
        j -= 1
    # `اتهم الجيش … ، وقال في بيان إن …`: the subject of the sentence's first clause
    first = _sentence_subject(v, sa, toks[i].start, lex["not_speakers"])
    if first is not None:
        return first.entity_id, v.text[first.start:first.end], None
    return state.speaker_id, state.speaker_text, state.role


def _sentence_subject(v: View, sa: int, pos: int, not_speakers=frozenset()) -> Span | None:
    """The first person named before `pos` in the sentence, else the first body no preposition
    governs; a dateline's places (`دبي، الإمارات العربية المتحدة (CNN)-- أعلنت الوزارة`) are not it."""
    m_dl = _DATELINE.match(v.text, sa, pos)
    if m_dl:
        sa = m_dl.end()
    cands = [sp for sp in v.spans_in(sa, pos) if not sp.demonym and not _addressee(v, sp) and sp.entity_id not in not_speakers]
    pers = [sp for sp in cands if sp.type == "PER"]
    if pers:
        return pers[0]
    for sp in cands:
        if _word_before(v, sp) not in _PREP_WORDS and not _clitic_before(v, sp, "ب"):
            return sp
    return None


def _direct_after(v: View, pos: int, spans, open_at) -> tuple[int, int] | None:
    """The quote span that opens at `pos` (or right after a colon/space there)."""
    text = v.text
    k = pos
    while k < len(text) and text[k] in " :\u00a0":
        k += 1
    return open_at.get(k)


def _finish(article, v, lex, i, cue_text, content_tok, marker, spans, open_at, sid, stext, role, state, limit):
    """Build the quotation whose content starts at token `content_tok` (marker: comp | colon | quote)."""
    toks = v.tokens
    text = v.text
    if marker in ("colon", "quote"):
        start = toks[content_tok].start
        qs = _direct_after(v, start, spans, open_at)
        if qs is not None:
            o, c = qs
            a, b = _trim(text, o + 1, c)
            if b <= a:
                return None
            state.set(sid, stext, role)
            return [(Quote(text[a:b], a, b, True, stext, sid, role, cue_text), o)]
        if marker == "colon":
            a = content_tok + 1 if toks[content_tok].text == ":" else content_tok
            if a >= limit:
                return None
            end = _content_end(v, lex, a, limit)
            s, e = _trim(text, toks[a].start, end)
            while s < e and text[s] in _OPENERS:
                s += 1  # a quotation whose closing mark is in a later paragraph
            if e - s < 8:
                return None
            state.set(sid, stext, role)
            return [(Quote(text[s:e], s, e, True, stext, sid, role, cue_text), None)]
        return None
    a = content_tok
    if a >= limit:
        return None
    end = _content_end(v, lex, a, limit)
    s, e = _trim(text, toks[a].start, end)
    if e - s < 6:
        return None
    state.set(sid, stext, role)
    whole = open_at.get(s)
    if whole is not None and whole[1] >= e - 1:
        # `أن "…"`: the reported words are all quoted, so the quotation is direct
        o, c = whole
        return [(Quote(text[o + 1:c], o + 1, c, True, stext, sid, role, cue_text), o)]
    return [(Quote(text[s:e], s, e, False, stext, sid, role, cue_text), None)]


def _marker(tok, lex) -> str | None:
    if tok.kind == "punct":
        if tok.text == ":":
            return "colon"
        if tok.text in _OPENERS:
            return "quote"
        return None
    if tok.norm in lex["comp"]:
        return "comp"
    return None


def _from_verb(article, v: View, lex, i, info, spans, open_at, state, limit):
    toks = v.tokens
    text = v.text
    _sa, sent_end = v.sentence_of(toks[i].start)
    j = i + 1
    cue_text = toks[i].text
    # أشار إلى أن / أعرب عن
    if j < limit and toks[j].norm in info["after"]:
        cue_text = text[toks[i].start:toks[j].end]
        if toks[j].norm in info["content_after"]:
            return _content_after(article, v, lex, i, j, i + 1, cue_text, state, limit)
        j += 1
    k = j
    stmt_at = None
    while k < limit and k - j <= _MAX_SPEAKER and toks[k].start < sent_end:
        t = toks[k]
        m = _marker(t, lex)
        if m == "quote" and (k == 0 or toks[k - 1].text != ":"):
            span = open_at.get(t.start)
            if span is not None and len(text[span[0] + 1:span[1]].split()) < _MIN_QUOTE_WORDS:
                # `في مقابلة مع شبكة "CBS"`, `مسلحي "جيش الإسلام"`: a quoted name, not speech
                k = v.tok_at(span[1] + 1)
                continue
        if m:
            if info["requires_after"]:
                return None  # عبر حسابه على تويتر: "…" — here عبر is "via"
            break
        if t.kind == "word":
            if info["content_after"] and t.norm in info["content_after"]:
                return _content_after(article, v, lex, i, k, j, cue_text, state, limit)
            if stmt_at is None and strip_article(t.norm) in lex["statement"]:
                stmt_at = k - 1 if k - 1 >= j and toks[k - 1].norm in _STATEMENT_PREPS else k
            if k > j and cue_verb(t.norm) is not None and t.norm[:1] in "وف":
                return None  # another cue begins: this one had no content
        if _is_sentence_end(t):
            break
        if t.kind == "word" and _participle(t.norm):
            return None  # `نفت ذلك، مؤكدة أنها …`, `وتابع قائلا:`: the participle opens the speech
        k += 1
    else:
        return _quote_before(article, v, lex, i, j, spans, cue_text, state, limit, info)
    if k >= limit or toks[k].start >= sent_end or _is_sentence_end(toks[k]):
        return _quote_before(article, v, lex, i, j, spans, cue_text, state, limit, info)
    marker = _marker(toks[k], lex)
    sid, stext, role = _verb_speaker(article, v, lex, i, j, stmt_at if stmt_at is not None else k, info, state)
    content_tok = k + 1 if marker == "comp" else k
    return _finish(article, v, lex, i, cue_text, content_tok, marker, spans, open_at, sid, stext, role, state, limit)


def _verb_speaker(article: Article, v: View, lex: dict, i: int, j: int, phrase_end: int, info: dict,
                  state: _State) -> tuple[str | None, str | None, str | None]:
    """The speaker of the reporting verb at token i, named by tokens [j, phrase_end) (the
    words between the verb and its content or statement noun), else the subject before it."""
    toks = v.tokens
    if info["speaker_after"]:
        # نقلت وكالة … عن مسؤول …: the speaker is the one quoted, after عن
        for x in range(j, phrase_end):
            if toks[x].norm in info["speaker_after"]:
                j = x + 1
                break
    # `أكدت لموسكو أن …`: an addressee alone is no speaker; the subject came before
    while phrase_end > j and (sp := v.span_of_token(j)) is not None and _addressee(v, sp):
        j = v.tok_of(sp.end - 1) + 1
    if phrase_end > j and not _adverbial(v, lex, j, phrase_end):
        return _speaker(article, v, lex, j, phrase_end, state)
    return _left_subject(article, v, lex, i, state)


def _adverbial(v: View, lex: dict, a: int, b: int) -> bool:
    """`أعلنت في 2011 أنه`, `قال أمس إن`: the words between cue and content name no one."""
    toks = v.tokens
    if any(v.tok_span[k] >= 0 for k in range(a, b)):
        return False
    return toks[a].norm in _PREP_WORDS or toks[a].kind == "num" or toks[a].norm in _TIME_WORDS


def _content_after(article, v, lex, i, k, j, cue_text, state, limit):
    """`أعرب بوتين عن امتنانه …`: the speaker sits between the verb and عن."""
    if k > j:
        sid, stext, role = _speaker(article, v, lex, j, k, state)
    else:
        sid, stext, role = _left_subject(article, v, lex, i, state)
    a = k + 1
    if a >= limit:
        return None
    end = _content_end(v, lex, a, limit)
    # a manner participle later in the sentence starts direct speech of its own
    toks = v.tokens
    for x in range(a, limit):
        if toks[x].start >= end:
            break
        if toks[x].kind == "word" and _participle(toks[x].norm):
            end = toks[x].start
            break
    s, e = _trim(v.text, toks[a].start, end)
    if e - s < 6:
        return None
    state.set(sid, stext, role)
    return [(Quote(v.text[s:e], s, e, False, stext, sid, role, cue_text), None)]


def _quote_before(article, v, lex, i, j, spans, cue_text, state, limit, info):
    """`"…"، قال بوتين.`: the quotation closes just before the cue."""
    toks = v.tokens
    text = v.text
    start = toks[i].start
    for o, c in spans:
        if c < start and text[c + 1:start].strip(" ،,") == "":
            k = j
            _sa, sent_end = v.sentence_of(start)
            while k < limit and toks[k].start < sent_end and not _is_sentence_end(toks[k]) and k - j < 8:
                k += 1
            sid, stext, role = _speaker(article, v, lex, j, k, state) if k > j else _left_subject(article, v, lex, i, state)
            state.set(sid, stext, role)
            return [(Quote(text[o + 1:c], o + 1, c, True, stext, sid, role, cue_text), o)]
    return None


def _from_participle(article, v: View, lex, i, t, spans, open_at, state, limit):
    toks = v.tokens
    sa, _sb = v.sentence_of(t.start)
    # the subject of the main clause: the first person named in the sentence, else the first body
    if state.at >= sa and (state.speaker_id or state.speaker_text):
        # `وقال الحمد الله إن …، مؤكدا أنه …`: the speaker of the sentence goes on
        return _finish_participle(article, v, lex, i, t, spans, open_at, state, limit, state.speaker_id, state.speaker_text)
    pick = _sentence_subject(v, sa, t.start, lex["not_speakers"])
    if pick is None and not v.text[sa:t.start].strip() and sa > 0:
        # `… أنكر بيسكوف الاتهامات\n\nقائلاً: "…"`: the sentence the participle goes on from
        pa, _pb = v.sentence_of(v.text.rstrip()[:sa].rstrip().__len__() - 1)
        pick = _sentence_subject(v, pa, sa, lex["not_speakers"])
    if pick is not None:
        sid, stext = pick.entity_id, v.text[pick.start:pick.end]
    else:
        sid, stext = state.speaker_id, state.speaker_text
    return _finish_participle(article, v, lex, i, t, spans, open_at, state, limit, sid, stext)


def _finish_participle(article, v, lex, i, t, spans, open_at, state, limit, sid, stext):
    toks = v.tokens
    k = i + 1
    if k < limit and toks[k].norm in _PREP_WORDS:
        k += 1  # مشيرا إلى أن
    if k >= limit:
        return None
    marker = _marker(toks[k], lex)
    if marker is None:
        return None
    content_tok = k + 1 if marker == "comp" else k
    return _finish(article, v, lex, i, t.text, content_tok, marker, spans, open_at, sid, stext, None, state, limit)


def _from_source(article, v: View, lex, i, state, limit):
    """`…، حسبما أفادت وكالة رويترز` / `وفقا لمصادر …`: content is the clause before."""
    toks = v.tokens
    text = v.text
    t = toks[i]
    for words, with_verb, needs_verb in lex["sources"]:
        n = len(words)
        if t.norm != words[0] and not (t.norm[:1] in "وف" and t.norm[1:] == words[0]):
            continue
        k = i + 1
        if n == 2:
            # وفقا لـ / وفقا ل رويترز: the preposition may be joined to the next word
            if k < limit and toks[k].norm == words[1]:
                k += 1
            elif k < limit and toks[k].norm.startswith(words[1]):
                pass
            else:
                continue
        cue_end = k
        if with_verb:
            if k < limit and cue_verb(toks[k].norm) is not None:
                k += 1
                cue_end = k
            elif needs_verb:
                continue
        elif needs_verb:
            continue
        sa, sb = v.sentence_of(t.start)
        # speaker phrase up to the clause end
        m = k
        while m < limit and toks[m].start < sb and not (toks[m].kind == "punct" and toks[m].text in "،,.؛;:") and m - k < 8:
            m += 1
        if m == k:
            return None
        sid, stext, role = _speaker(article, v, lex, k, m, state, source=True)
        if not sid and strip_article(toks[k].norm) not in lex["roles"]:
            return None
        if t.start - sa > 10:
            s, e = _trim(text, sa, t.start)
            m_dl = _DATELINE.match(text, s, e)
            if m_dl:
                s = m_dl.end()
        else:
            if m >= limit or toks[m].start >= sb:
                return None
            s, e = _trim(text, toks[m].end, sb)
            if text[s:s + 3] in ("فإن", "فان"):
                s, e = _trim(text, s + 3, e)
        if e - s < 6:
            return None
        cue_text = text[t.start:toks[cue_end - 1].end]
        return [(Quote(text[s:e], s, e, False, stext, sid, role, cue_text), None)], cue_end - 1
    return None
