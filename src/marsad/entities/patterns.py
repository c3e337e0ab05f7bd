"""Rule patterns that find names the gazetteer does not hold.

* Organisations: a head word (`وزارة`, `مجلس`, `وكالة`, `حزب`, `السفارة`, ...) and
  the modifiers that follow it (definite words, a country adjective, a known name,
  `التابع ل`+name, and for embassies `في`/`لدى`+place): `وزارة الدفاع الكورية
  الجنوبية`, `مجلس الأمن القومي الإسرائيلي`, `السفارة الأمريكية في فيتنام`.
  Their English name is composed from a small glossary and the country.
* People: a title or role before a name (`الرئيس الروسي`, `المتحدث باسم ...`,
  `وزير الخارجية`) or a name followed by `، ` and a title (`قال ليم سوسوك، المتحدث
  باسم ...`). Arabic has no capital letters, so the name's extent comes from what
  is not a name: function words, reporting verbs, definite words, punctuation.
"""
from __future__ import annotations

from functools import lru_cache
from .. import knowledge
from ..arabic import Token, normalize
from .kb import KnowledgeBase
from .matcher import Candidate, adjacent, skip_chars, stems
from .romanize import romanize


class Cues:
    def __init__(self) -> None:
        raw = knowledge.data("entity_cues.json")
        n = normalize
        self.titles = {n(w) for w in raw["person_titles"]}
        self.complements = {n(w) for w in raw["title_complements"]}
        self.org_heads = {n(k): v for k, v in raw["org_heads"].items()}
        self.host_heads = {n(w) for w in raw["org_heads_with_host"]}
        self.of_words = {n(w) for w in raw["org_of_words"]}
        self.gloss = {n(k): v for k, v in raw["gloss"].items()}
        self.verbs = {n(w) for w in raw["reporting_verbs"]}
        self.stop = {n(w) for w in raw["stopwords"]}
        self.first_names = {n(w) for w in raw["first_names"]}
        self.honorifics = {n(w) for w in raw["honorifics"]}
        self.phrase_gloss = {n(k): v for k, v in raw["phrase_gloss"].items()}
        self.joiners = {n(w) for w in raw["name_joiners"]}
        self.head_phrases = {n(k): v for k, v in raw["head_phrases"].items()}


@lru_cache(maxsize=1)
def cues() -> Cues:
    return Cues()


# English word order: these glosses are adjectives and go before the nouns.
ADJ_FIRST = {"National", "International", "Supreme", "Central", "General", "Federal", "Islamic", "Arab", "Military",
              "Revolutionary", "Popular", "Democratic", "Socialist", "Communist", "Republican", "Liberal", "Royal",
              "Air", "Naval", "Special", "Presidential", "Transitional", "Atomic", "Nuclear", "Criminal",
              "Constitutional", "European", "African", "Gulf", "Free", "Human", "United", "People's", "Workers'",
              "Conservative", "High"}
# Heads named "X of Y" in English; the others take their modifiers in front.
_OF_HEADS = {"Ministry", "Office", "Authority", "Organization", "University", "League", "Academy",
             "Institute", "Foundation", "Embassy", "Consulate"}
_THE = ("United ", "Netherlands", "Philippines", "Czech Republic", "Democratic Republic", "Republic of",
        "Central African", "Dominican Republic", "Maldives", "Gambia")


def the(name: str) -> str:
    return "the " + name if name.startswith(_THE) else name


def strip_conj(norm: str) -> str:
    if len(norm) > 3 and norm[0] in "وف":
        return norm[1:]
    return norm


def is_def(norm: str) -> bool:
    return norm.startswith("ال") and len(norm) > 3


class Context:
    """What the patterns need to know about one text."""

    def __init__(self, text: str, tokens: list[Token], kb: KnowledgeBase, gaz: list[Candidate]):
        self.text, self.tokens, self.kb = text, tokens, kb
        self.cues = cues()
        self.gaz_at = {c.ti: c for c in gaz}
        self.n = len(tokens)

    def word(self, i: int) -> bool:
        return 0 <= i < self.n and self.tokens[i].kind == "word"

    def joined(self, i: int) -> bool:
        """Token i+1 follows token i with only spaces between."""
        return i + 1 < self.n and adjacent(self.text, self.tokens[i], self.tokens[i + 1])

    def adjective(self, i: int) -> tuple[str, int] | None:
        """(country id, last token index) of a country adjective at token i."""
        if not self.word(i):
            return None
        adj = self.kb.adjectives
        w = self.tokens[i].norm
        if self.joined(i) and self.word(i + 1) and w in self.kb.adj_prefixes:
            two = w + " " + self.tokens[i + 1].norm
            if two in adj:
                return adj[two], i + 1
        if w in adj:
            return adj[w], i
        return None

    def name_like(self, i: int, first: bool = True) -> bool:
        """Whether token i can be part of a person's name (`first`: its first word)."""
        if not self.word(i):
            return False
        c = self.cues
        w = self.tokens[i].norm
        if is_def(w) and not first and self.tokens[i - 1].norm in c.joiners:
            return True  # عبد الله, أبو الغيط, بن الحسين
        if len(w) < 2 or w in c.stop or w in c.verbs or w in c.titles or is_def(strip_conj(w)) or w in c.org_heads:
            return False
        if w.startswith(("لل", "بال", "كال", "وال", "فال", "ولل", "وبال", "فبال", "وكال")) or strip_conj(w) in c.titles:
            return False  # a definite word with a proclitic, or `ورئيس`: not a name
        if not first and len(w) <= 6 and w[:2] in ("ست", "سي", "سن") and w[1:] not in c.first_names:
            return False  # a future verb after the name: ستزور, سيلتقي
        if len(w) >= 5 and (w.endswith("ات") or (not first and w.endswith("اء"))):
            return False  # plurals: وحدات, زعماء
        if "\u064b" in self.tokens[i].text:  # tanwin fath: an accusative noun, not a name
            return False
        raw = self.tokens[i].text
        if len(w) > 3 and raw.endswith("ه") and not w.endswith("الله"):
            return False  # a noun with a pronoun suffix: خارجيته, وجوده, نجله
        if len(w) > 4 and w.startswith(("است", "واست")):
            return False  # verb or verbal noun of form X: استغل
        s = strip_conj(w)
        if s != w and (s in c.verbs or s in c.stop):
            return False
        return not self.adjective(i)


# -- organisations ---------------------------------------------------------
def org_spans(ctx: Context) -> list[Candidate]:
    out = []
    c, toks = ctx.cues, ctx.tokens
    i = 0
    while i < ctx.n:
        t = toks[i]
        if t.kind != "word":
            i += 1
            continue
        head = None
        for k, stem in stems(t.norm):
            if stem in c.org_heads:
                head = (skip_chars(t.text, k), stem)
                break
        if head is None:
            i += 1
            continue
        cand = _org_at(ctx, i, head[0], head[1])
        if cand is not None:
            out.append(cand)
            i = cand.tj + 1
        else:
            i += 1
    return out


def _org_at(ctx: Context, i: int, skip: int, head: str) -> Candidate | None:
    phrase = _OrgPhrase(ctx, i, head)
    phrase.read()
    return phrase.candidate(skip)


class _OrgPhrase:
    """An organisation name read from its head word at token i: the modifiers taken, in
    order, and what they tell (country, host place, owner, a known body the head names)."""

    def __init__(self, ctx: Context, i: int, head: str) -> None:
        self.ctx, self.i, self.head = ctx, i, head
        self.mods: list[tuple[int, str]] = []  # (token index, normalised modifier word), in order
        self.named = None
        self.definite = head.startswith("ال")  # `شركة إيرانية`, `سفارة في أنقرة`: a body, not a name
        self.owner_of = False  # the owner came with التابع ل: a body of it, not its name
        self.country = self.host = self.owner = None
        self.strong = False
        self.last = i
        self.construct = 0

    def read(self) -> None:
        ctx, c, toks, i = self.ctx, self.ctx.cues, self.ctx.tokens, self.i
        j = i + 1
        while j < ctx.n and j - i <= 7 and ctx.joined(j - 1) and ctx.word(j):
            w = toks[j].norm
            hosted = w in ("في", "لدي") and self.head in c.host_heads
            if w in c.stop and not hosted:
                break
            g = ctx.gaz_at.get(j)
            if w.startswith(("وال", "فال")) or (g is not None and g.start > toks[j].start):
                break  # `... الأردني والبنك المركزي`: a coordinated or governed name starts here
            adj = ctx.adjective(j)
            if adj:
                j = self._adjective(w, adj)
            elif hosted:
                self._host(j)
                break
            elif w in c.of_words and ctx.word(j + 1) and ctx.joined(j):
                self._owner(j)
                break
            elif g and g.type in ("ORG", "LOC") and not g.weak:
                j = self._known(j, g)
            elif is_def(w):
                if w in c.titles:
                    break
                self.mods.append((j, w))
                self.strong = self.strong or w in c.gloss
                self.definite = True
                self.last = j
                j += 1
            elif self._construct(j, w):
                # a noun in construct state before a definite word or a name: مجلس حقوق الإنسان
                self.mods.append((j, w))
                self.construct += 1
                j += 1
            else:
                break
            if j is None:
                break

    def _adjective(self, w: str, adj) -> int | None:
        """A country adjective: the next token, or None where it ends the phrase."""
        if self.country and adj[0] != self.country:
            return None
        self.country, self.last = adj[0], adj[1]
        self.strong = True
        if not w.startswith("ال"):
            return None  # an indefinite adjective ends the phrase: `محكمة تركية ...`
        self.definite = True
        return adj[1] + 1

    def _host(self, j: int) -> None:
        """`السفارة الأمريكية في فيتنام`: the place after في/لدى hosts the body."""
        g = self.ctx.gaz_at.get(j + 1)
        if g and g.type == "LOC" and self.ctx.joined(j):
            self.host, self.last = g.ids[0][0], g.tj
            self.strong = True

    def _owner(self, j: int) -> None:
        """`التابع ل` + a known body or place: its owner."""
        g = self.ctx.gaz_at.get(j + 1)
        if g and g.type in ("ORG", "LOC") and not g.weak:
            self.owner, self.last = g.ids[0][0], g.tj
            self.strong = self.owner_of = True

    def _known(self, j: int, g) -> int:
        """A known country, capital or body after the head; returns the token after it."""
        kb, c = self.ctx.kb, self.ctx.cues
        e = kb.get(g.ids[0][0])
        m = kb.get(e.metonym_of) if e and e.metonym_of else None
        if e and e.kind in ("country", "territory"):
            self.country = e.id
        elif m is not None and m.kind == "country" and self.head in c.host_heads:
            self.country = m.id  # `سفارة واشنطن في كييف`: the capital stands for its state
        else:
            if self.owner is None and j == self.i + 1 + len(self.mods):
                self.named = g.ids[0][0]  # `مجموعة فورد`, `شركة أبل`: the head names a known body
            self.owner = self.owner or g.ids[0][0]
        self.last = g.tj
        self.strong = self.definite = True
        return g.tj + 1

    def _construct(self, j: int, w: str) -> bool:
        """Only after an indefinite word (`التحالف مشاركة ...` is no construct), at most two."""
        ctx, toks = self.ctx, self.ctx.tokens
        return (self.construct < 2 and not is_def(toks[j - 1].norm) and w not in ctx.cues.verbs and len(w) > 2
                and w[0] not in "وفبلك" and ctx.word(j + 1) and ctx.joined(j)
                and (is_def(toks[j + 1].norm) or (j + 1) in ctx.gaz_at))

    def candidate(self, skip: int) -> Candidate | None:
        ctx, c, toks, i, mods = self.ctx, self.ctx.cues, self.ctx.tokens, self.i, self.mods
        host, owner, country = self.host, self.owner, self.country
        # trailing descriptive adjectives (المحظور, المعارض) are not part of the name
        while mods and mods[-1][0] == self.last and mods[-1][1] not in c.gloss and self.last > i + 1 \
                and not (host or owner) and not (country and ctx.adjective(self.last)):
            mods.pop()
            self.last -= 1
        last = self.last
        if last == i or not self.strong or not self.definite:
            return None
        start = toks[i].start + skip
        form = " ".join([self.head] + [toks[k].norm for k in range(i + 1, last + 1)])
        name = _gloss(ctx, self.head, [w for k, w in mods if k <= last], country, host, owner)
        cand = Candidate(start, toks[last].end, i, last, form, "ORG", [], "pattern", name, country)
        cand.mod_idx = [k for k, _ in mods if k <= last]  # type: ignore[attr-defined]
        cand.host, cand.owner = host, owner  # type: ignore[attr-defined]
        cand.named = self.named if not mods else None  # type: ignore[attr-defined]
        cand.owner_inline = bool(owner) and not self.owner_of  # type: ignore[attr-defined]
        return cand


def _gloss(ctx: Context, head: str, mods: list[str], country: str | None, host: str | None, owner: str | None) -> str:
    c, kb = ctx.cues, ctx.kb
    head_en = c.org_heads[head]
    head_fixed = False
    for n in (3, 2, 1):  # `مجلس الأمن القومي` -> National Security Council
        phrase = " ".join([head] + mods[:n])
        if len(mods) >= n and phrase in c.head_phrases:
            head_en, mods, head_fixed = c.head_phrases[phrase], mods[n:], True
            break
    words = []
    k = 0
    while k < len(mods):
        pair = " ".join(mods[k:k + 2])
        if pair in c.phrase_gloss:
            words.append(c.phrase_gloss[pair])
            k += 2
            continue
        m = mods[k]
        words.append(c.phrase_gloss.get(m) or c.gloss.get(m) or c.gloss.get("ال" + m[2:] if m.startswith("لل") else m)
                     or romanize(m))
        k += 1
    adjs = [w for w in words if w in ADJ_FIRST]
    nouns = [w for w in words if w not in ADJ_FIRST]
    if head_fixed:
        core = " ".join(adjs + [head_en] + ([" of ".join([""] + nouns).strip()] if nouns else []))
    elif head_en in _OF_HEADS:
        core = head_en + (" of " + " ".join(adjs + nouns) if words else "")
    else:
        core = " ".join(adjs + nouns + [head_en])
    if country:
        core += " of " + the(kb.get(country).name)
    if owner:
        core += " of " + the(kb.get(owner).name)
    if host:
        core += " in " + the(kb.get(host).name)
    return core


# -- people ----------------------------------------------------------------
def person_spans(ctx: Context, orgs: list[Candidate]) -> list[Candidate]:
    c, toks = ctx.cues, ctx.tokens
    org_at = {o.ti: o for o in orgs}
    out: list[Candidate] = []
    taken: set[int] = set()
    titles = c.titles
    for i, t in enumerate(toks):
        if t.kind == "word" and t.norm and (t.norm in titles or t.norm[0] in "وف" and strip_conj(t.norm) in titles):
            cand = _after_title(ctx, i, org_at)
            if cand and cand.ti not in taken:
                out.append(cand)
                taken.update(range(cand.ti, cand.tj + 1))
        elif t.text in "،," and ctx.word(i + 1) and strip_conj(toks[i + 1].norm) in c.titles:
            cand = _before_title(ctx, i)
            if cand and cand.ti not in taken:
                out.append(cand)
                taken.update(range(cand.ti, cand.tj + 1))
    out += first_name_spans(ctx, taken)
    return out


def _strong_at(ctx: Context, k: int) -> bool:
    g = ctx.gaz_at.get(k)
    return g is not None and not g.weak


def first_name_spans(ctx: Context, taken: set[int]) -> list[Candidate]:
    """A known first name and the name words after it: `أحمد الطيب`, `ماركوس فيلدمان`.

    Needs at least one more name word; a definite word counts as a family name only
    at the end and as a nisba (`عبد الفتاح السيسي`). `علي` is no trigger: `على`
    ("on") is often typed that way.
    """
    c, toks = ctx.cues, ctx.tokens
    first_names = c.first_names
    out = []
    i = 0
    while i < ctx.n:
        t = toks[i]
        if t.kind != "word":
            i += 1
            continue
        w = t.norm
        if w not in first_names:
            w = strip_conj(w) if w[:1] in ("و", "ف") else ""
        # the name test first: it rules out most words without a look at the gazetteer
        if w not in first_names or w == "علي" or i in taken or _strong_at(ctx, i):
            i += 1  # على ("on") is often typed علي: too risky as a trigger
            continue
        # one more name word (a family name), and more only through a joiner:
        # `ديفيد بيكهام`, `خالد بن الوليد`, `محمد بن راشد آل مكتوم`
        k = i + 1
        while k < ctx.n and k - i < 6 and k not in taken and ctx.joined(k - 1) and not _strong_at(ctx, k):
            w2 = toks[k].norm
            after_joiner = toks[k - 1].norm in c.joiners
            if w2 in c.joiners:
                k += 1
                continue
            if ctx.name_like(k, False) and not (ctx.gaz_at.get(k) and ctx.gaz_at[k].type != "PER") \
                    and not toks[k].text.endswith("ة"):
                k += 1
                if after_joiner or k - i == 2:
                    if k < ctx.n and ctx.joined(k - 1) and toks[k].norm in c.joiners:
                        continue
                    break
                continue
            if is_def(w2) and (after_joiner or w2.endswith("ي")) and w2 not in c.stop and w2 not in c.gloss \
                    and not ctx.adjective(k) and w2 not in c.titles and w2 not in c.complements:
                k += 1  # a family name with the article (a nisba: السيسي, المالكي) ends the name
            break
        while k - 1 > i and toks[k - 1].norm in c.joiners:
            k -= 1  # a dangling بن
        if k - i >= 2:
            skip = len(t.text) - len(t.text.lstrip("وف")) if w != t.norm else 0
            form = " ".join([w] + [toks[x].norm for x in range(i + 1, k)])
            out.append(Candidate(t.start + skip, toks[k - 1].end, i, k - 1, form, "PER", [], "pattern"))
            i = k
        else:
            i += 1
    return out


def _skip_complements(ctx: Context, j: int, org_at: dict[int, Candidate]) -> int:
    c = ctx.cues
    if ctx.word(j - 1) and not is_def(ctx.tokens[j - 1].norm) and ctx.word(j) and not is_def(ctx.tokens[j].norm) \
            and ctx.tokens[j].norm not in c.first_names and j not in ctx.gaz_at:
        j += 1  # an indefinite title is in construct with the next word: رئيس تحرير, وزير خارجية
    for _ in range(8):
        if not ctx.word(j):
            return j
        span = org_at.get(j) or ctx.gaz_at.get(j)
        if span and span.type != "PER":
            j = span.tj + 1
            continue
        adj = ctx.adjective(j)
        if adj:
            j = adj[1] + 1
            continue
        w = ctx.tokens[j].norm
        if w in c.complements or (is_def(w) and w not in c.stop):
            j += 1
            continue
        return j
    return j


def _after_title(ctx: Context, i: int, org_at: dict[int, Candidate]) -> Candidate | None:
    c, toks = ctx.cues, ctx.tokens
    j = _skip_complements(ctx, i + 1, org_at)
    if j <= i or not ctx.word(j) or not ctx.joined(j - 1):
        return None
    if _strong_at(ctx, j):
        return None  # a known name: the gazetteer has it
    k = j
    while k < ctx.n and k - j < 4 and ctx.name_like(k, k == j) and not _strong_at(ctx, k):
        if k > j and not ctx.joined(k - 1):
            break
        k += 1
    if k == j:
        return None
    n_words = k - j
    if n_words >= 2 and all(toks[x].norm.endswith("ا") for x in range(j, k)):
        return None  # noun and adjective in the accusative: تحذيرا جديدا
    nxt = toks[k] if k < ctx.n else None
    boundary = nxt is None or nxt.kind != "word" or nxt.norm in c.stop or strip_conj(nxt.norm) in c.verbs \
        or nxt.norm in c.verbs or is_def(nxt.norm) or k in ctx.gaz_at
    if n_words == 1 and not (boundary and (toks[j].norm in c.first_names
                                           or (j == i + 1 and strip_conj(toks[i].norm) in c.honorifics))):
        return None
    if not boundary:
        return None
    form = " ".join(toks[x].norm for x in range(j, k))
    return Candidate(toks[j].start, toks[k - 1].end, j, k - 1, form, "PER", [], "pattern")


def _before_title(ctx: Context, comma: int) -> Candidate | None:
    c, toks = ctx.cues, ctx.tokens
    k = comma - 1
    j = k
    while j >= 0 and k - j < 4 and ctx.name_like(j, False) and not _strong_at(ctx, j):
        if j < k and not ctx.joined(j):
            break
        j -= 1
    first = j + 1
    if first > k:
        return None
    prev = toks[j] if j >= 0 else None
    boundary = prev is None or prev.kind == "punct" or prev.norm in c.stop or strip_conj(prev.norm) in c.verbs \
        or prev.norm in c.verbs
    if not boundary:
        return None
    if k - first + 1 < 2 and toks[first].norm not in c.first_names:
        return None
    form = " ".join(toks[x].norm for x in range(first, k + 1))
    return Candidate(toks[first].start, toks[k].end, first, k, form, "PER", [], "pattern")
