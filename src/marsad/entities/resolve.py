"""From candidate spans to one entity per real-world thing in a document.

1. Candidates: gazetteer matches, pattern spans (organisations, people), and the
   statistical tagger's spans when `marsad.ner` provides one.
2. Selection: spans do not overlap; a longer span wins, except that a known name
   keeps its span when a pattern only adds its own country adjective to it.
3. Resolution: a span names a KB entity by its form, else by spelling-variant key
   (same type), else it becomes a new entity with an id from its normalised form
   and an English name (composed for organisations, romanised for names).
   A form that names several entities picks the one the document supports (its
   country is mentioned); a weak form counts only when the document supports it.
4. Within the document, a person's surname (and for Korean/Chinese names the
   family name) joins the full name mentioned elsewhere: `كيربي` after `جون كيربي`.
"""
from __future__ import annotations

import bisect
import re
import unicodedata

from ..arabic import normalize, shared_sentences
from ..arabic.variants import variant_key
from ..article import Entity, Mention
from ..errors import MarsadError
from .context import (after_lineage, arabic_writing, geonames_name_trusted, not_this_name, placed_by_context,
                      region_word, sports_story)
from .kb import FAMILY_NAME_FIRST, NOT_NAMES, PART, KnowledgeBase, get_kb
from .matcher import Candidate, fast_tokenize, match, skip_chars, stems
from .patterns import ADJ_FIRST, Context, cues, org_spans, person_spans
from .romanize import romanize

_UNSET = object()
_tagger = _UNSET


def get_statistical_tagger():
    """`marsad.ner.get_tagger()` when that package and its model are installed, else None."""
    global _tagger
    if _tagger is _UNSET:
        try:
            from marsad.ner import get_tagger  # type: ignore[attr-defined]
            _tagger = get_tagger()
        except (ImportError, AttributeError, OSError, ValueError, MarsadError):
            _tagger = None  # no tagger package, or no trained model shipped with it
    return _tagger


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s.replace("'", "")).strip("-")


# -- candidates --------------------------------------------------------------
def tagger_spans(text: str, tokens, tagger) -> list[Candidate]:
    """Spans from a BIO tagger, sentence by sentence (punctuation included, as in CoNLL)."""
    out: list[Candidate] = []
    starts = [t.start for t in tokens]
    groups: list[range] = []
    for s in shared_sentences(text):
        # the tokens that start inside the sentence
        idx = range(bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end))
        if idx:
            groups.append(idx)
    sents = [[tokens[x].text for x in idx] for idx in groups]
    # all sentences in one call when the tagger can: the shipped one tags them in one batch
    # and makes the labels of repeated names agree (marsad.ner.postprocess)
    batch = getattr(tagger, "tag_sentences", None)
    all_tags = batch(sents) if batch is not None else [tagger.tag(s) for s in sents]
    for idx, tags in zip(groups, all_tags):
        cur: list[int] = []
        cur_type = None
        for x, tag in list(zip(idx, tags)) + [(None, "O")]:
            if not cur and tag == "O":
                continue  # most tokens: nothing open, nothing begins
            bio, _, typ = (tag or "O").partition("-")
            typ = "PER" if typ == "PERS" else typ
            if cur and (bio != "I" or typ != cur_type):
                ti, tj = cur[0], cur[-1]
                if tokens[ti].kind == "word" and tokens[tj].kind != "punct":
                    words = [tokens[y].norm for y in range(ti, tj + 1)]
                    start = tokens[ti].start
                    cut = proclitic(words[0])
                    if cut is not None:  # `وجبهة النصرة`, `بريف`, `لأكرم`: the name without و ب ل
                        start += skip_chars(tokens[ti].text, len(cut[0]))
                        words[0] = cut[1]
                    out.append(Candidate(start, tokens[tj].end, ti, tj, " ".join(words), cur_type, [], "tagger"))
                cur, cur_type = [], None
            if bio in ("B", "I") and typ in ("PER", "LOC", "ORG", "MISC"):
                if not cur:
                    cur_type = typ
                cur.append(x)
    return out


def proclitic(norm: str) -> tuple[str, str] | None:
    """(proclitics, stem) when a tagged name's first word carries و ف ب ك ل: the word as written
    is unknown to the news vocabulary and a split leaves a better-known stem (`وجبهة` → جبهة,
    `بريف` → ريف); a known word stays whole (`وليد`, `ليبيا`, `بلال`)."""
    from ..text.vocabulary import docfreq, resolve as vocab_reading

    df = docfreq().words
    if len(norm) < 4 or norm[0] not in "وفبكل" or df.get(norm, 0):
        return None
    prefix, stem, _article = vocab_reading(norm, df)
    if not prefix or prefix.endswith("ال") or len(stem) < 2:
        return None
    return prefix, stem


# A word the news uses this often (documents of the vocabulary) is a common word unless it
# is known as a word of a name of the span's type.
COMMON_DF = 30


def common_words_named(c: Candidate, kb: KnowledgeBase) -> bool:
    """Whether the tagger named common words: a person with a common word in it that no known
    name has (`حسن جوار` "good neighbourliness", `صلاح تغريدة`, `إدارة غرفة`), or a one-word
    place or body that is a common word (`المشهد` "the scene")."""
    known = name_words(kb).get(c.type, frozenset())
    words = c.form.split()
    if c.type != "PER" and len(words) > 1:
        return False

    def common(w: str) -> bool:
        base = w[2:] if w.startswith("ال") and len(w) > 4 else w
        return _doc_freq(w) >= COMMON_DF and w not in known and base not in known

    return any(common(w) for w in words)


_NAME_WORDS: dict | None = None


def name_words(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Words of known names by type: the tagger's gazetteer and the knowledge base's forms."""
    global _NAME_WORDS
    if _NAME_WORDS is None:
        acc: dict[str, set[str]] = {}
        for form, ids in kb.forms.items():
            eid = ids[0][0]
            # GeoNames' towns are named with everyday words (`كان`): their names say nothing
            # of whether a word is a name; and the type is read without parsing the record
            typ = None if eid.startswith("gn-") else kb.type_of(eid)
            if typ is not None:
                acc.setdefault(typ, set()).update(form.split())
        from importlib import resources

        try:  # the tagger's gazetteer (type TAB normalised name), when this build ships one
            text = resources.files("marsad.models").joinpath("ner", "gazetteer.tsv").read_text("utf-8")
        except (FileNotFoundError, ModuleNotFoundError, OSError):
            text = ""
        for line in text.splitlines():
            typ, _, name = line.partition("\t")
            acc.setdefault("PER" if typ == "PERS" else typ, set()).update(name.split())
        _NAME_WORDS = {k: frozenset(v) for k, v in acc.items()}
    return _NAME_WORDS


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def _select(gaz: list[Candidate], orgs: list[Candidate], pers: list[Candidate], tagged: list[Candidate],
            kb: KnowledgeBase) -> list[Candidate]:
    chosen = list(gaz)
    # (the overlap test inlined: `_overlaps` costs a call per pair of candidates)
    for o in orgs:
        hit = [g for g in chosen if g.start < o.end and o.start < g.end]
        if not hit:
            chosen.append(o)
            continue
        if not all(o.start <= g.start and g.end <= o.end and len(o) > len(g) for g in hit):
            continue
        if _known_name_holds(o, hit, kb):
            continue
        chosen = [g for g in chosen if g not in hit] + [o]
    for extra in (pers, tagged):
        for p in extra:
            hit = [g for g in chosen if g.start < p.end and p.start < g.end]
            if not hit:
                chosen.append(p)
            elif all(g.weak and p.start <= g.start and g.end <= p.end and len(p) > len(g) for g in hit) or (
                    p.source == "tagger" and _family_member(p, hit, kb)):
                # a weak form (a bare surname, `جون` of Dong Jun) inside a fuller name
                chosen = [g for g in chosen if g not in hit] + [p]
    chosen.sort(key=lambda c: c.start)
    return _join_first_names(chosen, kb)


def _join_first_names(chosen: list[Candidate], kb: KnowledgeBase) -> list[Candidate]:
    """A first name the tagger sees right before a known person's bare surname is another
    person of that family (`يوليا سكريبال` is not Sergei Skripal): one new name, not a link."""
    out: list[Candidate] = []
    for c in chosen:
        t = out[-1] if out else None
        if t is not None and t.source == "tagger" and t.tj + 1 == c.ti and len(t.form.split()) <= 2:
            whole = Candidate(t.start, c.end, t.ti, c.tj, t.form + " " + c.form, "PER", [], "tagger")
            if _family_member(whole, [c], kb):
                out[-1] = whole
                continue
        out.append(c)
    return out


def _family_member(p: Candidate, hit: list[Candidate], kb: KnowledgeBase) -> bool:
    """Whether a tagged person's name is a known person's bare surname after a first name
    that is not theirs (`إيفانكا ترامب`, not `ديمتري ميدفيديف`), and not a KB form itself."""
    if p.type != "PER" or len(hit) != 1 or kb.lookup(p.form):
        return False
    g = hit[0]
    if g.source != "kb" or g.ti != g.tj or g.tj != p.tj or p.ti >= g.ti or not g.ids:
        return False
    first = variant_key(p.form.split()[0])
    for x, _w in g.ids:
        e = kb.get(x)
        if e.type != "PER" or any(variant_key(normalize(a).split()[0]) == first for a in e.arabic_names):
            return False
    return True


def _known_name_holds(o: Candidate, hit: list[Candidate], kb: KnowledgeBase) -> bool:
    """A known organisation keeps its span when the pattern only adds its country.

    `شركة أبل الأمريكية` stays Apple; but `مجلس الأمن القومي الإسرائيلي` is not
    the `مجلس الأمن` of the UN, and `السفارة الأمريكية في فيتنام` is not Vietnam.
    """
    for g in hit:
        e = kb.get(g.ids[0][0]) if g.ids else None
        if e is None or e.type != "ORG":
            continue
        if getattr(o, "named", None) == e.id and not getattr(o, "host", None) and o.country in (None, e.country):
            return True
        if getattr(o, "owner_inline", False) and o.owner == e.id and not getattr(o, "host", None):
            return True  # `وكالة أنباء الأناضول الحكومية` is Anadolu
        # the pattern names something else only if it adds institutional words
        # (القومي, الأعلى, ...) or a host or owner to the known name
        added = [o.form.split(" ")[k - o.ti] for k in getattr(o, "mod_idx", []) if k > g.tj]
        if getattr(o, "host", None) or (getattr(o, "owner", None) and not getattr(o, "owner_inline", False)):
            return False
        if added:
            # `مجلس الأمن القومي ...` names another body (an adjective continues the
            # name); `الاتحاد الأوروبي الدولة الروسية` is a name and its object
            return cues().gloss.get(added[0]) not in ADJ_FIRST
        if o.country is None or e.country in (None, o.country):
            return True
    return False


# -- resolution --------------------------------------------------------------
class _DocEntity:
    __slots__ = ("id", "name", "type", "name_ar", "mentions", "kb", "forms")

    def __init__(self, id: str, name: str, type: str, kb_entity=None):
        self.id, self.name, self.type, self.kb = id, name, type, kb_entity
        self.name_ar: str | None = kb_entity.ar if kb_entity else None
        self.mentions: list[Candidate] = []
        self.forms: set[str] = set()


def recognize(text: str, use_tagger: bool = True) -> list[Entity]:
    """Entities of `text` with their mentions (offsets into `text`)."""
    kb = get_kb()
    tokens = fast_tokenize(text)
    gaz = match(text, tokens, kb)
    ctx = Context(text, tokens, kb, gaz)
    orgs = org_spans(ctx)
    pers = person_spans(ctx, orgs)
    tagger = get_statistical_tagger() if use_tagger else None
    tagged = tagger_spans(text, tokens, tagger) if tagger is not None else []
    tagged = [t for t in tagged if not common_words_named(t, kb)]
    pers = [p for p in pers if len(p.form.split()) < 2 or not common_words_named(p, kb)]
    chosen = [c for c in _select(gaz, orgs, pers, tagged, kb)
              if not (c.source == "kb" and c.ids and not_this_name(c, tokens, kb))]
    tagged_at = {(t.ti, t.tj, t.type) for t in tagged}
    found = _Found(text, kb, tokens)
    pending_people, pending_orgs = _assign(found, chosen, tagged_at)
    _merge_pending(found, pending_people, pending_orgs)
    _drop_shared_surnames(found)
    _add_short_mentions(text, tokens, found.doc, kb)
    return [found.entity(eid) for eid in found.order]


def _support(chosen: list[Candidate], kb: KnowledgeBase) -> tuple[set[str], set[str | None]]:
    """What the document mentions for certain (unambiguous strong KB names and their
    countries), and the countries of those."""
    support: set[str] = set()
    for c in chosen:
        if c.ids and not c.weak and len(c.ids) == 1:
            support.add(c.ids[0][0])
            e = kb.get(c.ids[0][0])
            if e and e.country:
                support.add(e.country)
    return support, {kb.get(x).country for x in support if kb.get(x)}


def _leading_countries(chosen: list[Candidate], kb: KnowledgeBase) -> set[str]:
    """The countries the document is about: those named (as the country, or by one of its
    places) at least half as often as the most named one. A story from Mukalla that names
    Egypt once in passing is not about Egypt, so Egypt's towns are not read into it."""
    counts: dict[str, int] = {}
    for c in chosen:
        if c.ids and not c.weak and len(c.ids) == 1:
            e = kb.get(c.ids[0][0])
            if e is not None and e.type == "LOC":
                cid = e.id if e.kind in ("country", "territory") else e.country
                if cid:
                    counts[cid] = counts.get(cid, 0) + 1
    top = max(counts.values(), default=0)
    return {cid for cid, n in counts.items() if 2 * n >= top}


class _Found:
    """The document's entities, in order of first mention."""

    def __init__(self, text: str, kb: KnowledgeBase, tokens=()) -> None:
        self.text, self.kb, self.tokens = text, kb, tokens
        self.doc: dict[str, _DocEntity] = {}
        self.order: list[str] = []

    def add(self, c: Candidate, eid: str, name: str, typ: str, kb_entity=None) -> None:
        if kb_entity is None and self.kb.get(eid) is not None:
            eid += "-x"  # a new name whose slug is a knowledge-base id: keep them apart
        if eid not in self.doc:
            self.doc[eid] = _DocEntity(eid, name, typ, kb_entity)
            self.order.append(eid)
        d = self.doc[eid]
        d.mentions.append(c)
        d.forms.add(c.form)
        if d.name_ar is None:
            d.name_ar = self.text[c.start:c.end]

    def join(self, target: str, c: Candidate) -> None:
        self.doc[target].mentions.append(c)
        self.doc[target].forms.add(c.form)

    def entity(self, eid: str) -> Entity:
        d, text = self.doc[eid], self.text
        ms = sorted({(m.start, m.end) for m in d.mentions})
        e = d.kb
        return Entity(
            id=d.id, name=d.name, type=d.type, name_ar=d.name_ar,
            mentions=[Mention(text[a:b], a, b) for a, b in ms],
            aliases=list(e.en_aliases) if e else [], wikidata=e.wikidata if e else None,
            role=e.role if e else None,
        )


def _assign(found: _Found, chosen: list[Candidate], tagged_at: set) -> tuple[list[Candidate], list[Candidate]]:
    """Each chosen mention to its entity: a KB entity, or a new one named by its English
    gloss or romanised. Returns the people and bare organisation patterns left for later."""
    kb, text = found.kb, found.text
    support, countries_of_support = _support(chosen, kb)
    leading = _leading_countries(chosen, kb)
    sporty = sports_story(fast_tokenize(text))
    pending_people: list[Candidate] = []
    pending_orgs: list[Candidate] = []  # `مجلس الشيوخ`: may shorten a fuller name in the document
    for c in chosen:
        if c.ids:
            eid = _pick(c, kb, support, countries_of_support, sporty)
            if eid is None:
                # a weak form the document does not support, unless the tagger
                # also sees a name of that type there
                # — but never a bare part of a person's name (`يونغ` of Chung Eui-yong is
                # also Ashley Young's): that needs the full name in the document
                eid = next((x for x, w in c.ids if w != PART and (c.ti, c.tj, kb.get(x).type) in tagged_at), None)
                if eid is None:
                    continue
            if eid.startswith("gn-"):
                # a GeoNames name that is also a hand-written entity's is weak: it does not
                # outbid that entity when the story names the entity's country (`زنجبار` in a
                # story on Yemen is Zinjibar; in one that names Tanzania, Zanzibar)
                hand_named = any(not x.startswith("gn-") and (kb.get(x).country in support or x in support)
                                 for x, _w in c.ids)
                eid = _geonames_place_here(c, [x for x, w in c.ids if not (hand_named and w)], tagged_at,
                                           sporty, kb, leading, text, found.tokens)
                if eid is None:  # the names the hand-written KB gives, as without GeoNames
                    hand = [x for x in c.ids if not x[0].startswith("gn-")]
                    eid = _pick(Candidate(c.start, c.end, c.ti, c.tj, c.form, c.type, hand), kb, support,
                                countries_of_support, sporty) if hand else None
                if eid is None:
                    continue
            e = kb.get(eid)
            region = region_word(c, found.tokens, e)
            if region is not None:  # `منطقة نجران`: the region, not its city; a name of its own
                found.add(c, slug(f"{e.name} {region}"), f"{e.name} {region}", "LOC")
                continue
            found.add(c, eid, e.name, e.type, e)
            continue
        known = [x for x in kb.by_key(c.form) if kb.get(x).type == c.type and variant_link_ok(c.form, kb.get(x))]
        if known and known[0].startswith("gn-"):
            place = _geonames_place_here(c, known, tagged_at, sporty, kb, leading, text, found.tokens)
            known = [place] if place else []
        if known:
            e = kb.get(known[0])
            found.add(c, e.id, e.name, e.type, e)
        elif c.type == "PER":
            pending_people.append(c)
        elif c.source == "pattern" and not (c.country or getattr(c, "host", None) or getattr(c, "owner", None)):
            pending_orgs.append(c)
        elif c.name_en:
            found.add(c, slug(c.name_en), c.name_en, c.type)
        else:
            name = romanize(text[c.start:c.end])
            found.add(c, slug(romanize(c.form)) or "entity-" + variant_key(c.form), name, c.type or "MISC")
    return pending_people, pending_orgs


# A spelling-variant key folds vowels and ج/غ/ق/ك, so it is loose: `كورونا` and `القرآن` share
# one. It may link a form only when the spellings are close as written, the skeleton is long
# enough to be a name, and a single word is not a word the news uses often (a well-known
# spelling of a name is an exact form of the knowledge base, not a variant).
VARIANT_MIN_RATIO = 0.75
VARIANT_MIN_KEY = 4
VARIANT_MAX_DF = 8


def variant_link_ok(form: str, e) -> bool:
    """Whether a form that shares only a spelling-variant key with entity `e` may name it."""
    from difflib import SequenceMatcher

    words = form.split()
    if len(words) == 1 and len(variant_key(form)) < VARIANT_MIN_KEY:
        return False
    flat = form.replace(" ", "")
    for name in e.arabic_names:
        n = normalize(name)
        n = n[2:] if n.startswith("ال") and not form.startswith("ال") else n
        if SequenceMatcher(None, flat, n.replace(" ", ""), autojunk=False).ratio() < VARIANT_MIN_RATIO:
            continue
        # a word that differs must be a rare spelling, not a word or name of its own:
        # `سليمان` is not a spelling of `سلمان`, nor `الرائد` of `الرياض`
        theirs = set(n.split())
        if all(_doc_freq(w) <= VARIANT_MAX_DF for w in words if w not in theirs):
            return True
    return False


def _doc_freq(form: str) -> int:
    from ..text.vocabulary import docfreq

    words = docfreq().words  # stems: the table holds `اتصالات`, not `الاتصالات`
    n = words.get(form, 0)
    if form.startswith("ال") and len(form) > 4:
        n = max(n, words.get(form[2:], 0))
    return n


def everyday_word(form: str) -> bool:
    """Whether a normalised one-word form is a word the news uses often (or a stop word): such
    a word never names a place only GeoNames knows (`كان` is Cannes there)."""
    from ..text.vocabulary import stopwords

    return _doc_freq(form) > COMMON_DF or form in stopwords()


def _merge_pending(found: _Found, pending_people: list[Candidate], pending_orgs: list[Candidate]) -> None:
    """People the KB lacks: a surname joins the full name, same keys merge; a bare
    organisation pattern joins a fuller name that starts with it."""
    doc, text = found.doc, found.text
    for c in sorted(pending_people, key=lambda c: -(c.tj - c.ti)):
        target = _person_for(c.form, doc, found.kb)
        if target is not None:
            found.join(target, c)
        else:
            found.add(c, slug(romanize(c.form)) or "person-" + variant_key(c.form),
                      romanize(text[c.start:c.end]), "PER")
    for c in pending_orgs:
        target = next((d.id for d in doc.values() if d.type == "ORG" and any(
            f.startswith(c.form + " ") for f in d.forms)), None)
        if target is not None:
            found.join(target, c)
        else:
            found.add(c, slug(c.name_en), c.name_en, c.type)


def _pick(c: Candidate, kb: KnowledgeBase, support: set[str], countries: set[str | None],
          sporty: bool = False) -> str | None:
    """The entity a KB form names here, or None for a weak form the document does not support.
    In a sports story a club named like its town is the club."""
    ids = c.ids
    best = None
    if sporty:
        club = next((eid for eid, _w in ids if (e := kb.get(eid)) is not None and e.kind == "sports-club"), None)
        if club is not None:
            return club
    for eid, weak in ids:
        e = kb.get(eid)
        if weak == PART or (weak and (e.type == "PER" or e.kind == "sports-club")):
            supported = eid in support  # a bare surname (or club name) needs the full name
        else:
            supported = eid in support or (e.country in support) or eid in countries
        if supported:
            return eid
        if not weak and best is None:
            best = eid
    return best


_TANWEEN = frozenset("\u064b\u064c\u064d")  # `نارًا`: an indefinite noun, not a name
_COMPASS_NOUNS = frozenset(normalize(w) for w in ("الشمال", "الجنوب", "الشرق", "الغرب"))


def _compass_follows(c: Candidate, tokens) -> bool:
    """`ظهران الجنوب` is a town of its own, not Dhahran: a compass noun after the name."""
    k = c.tj + 1
    return k < len(tokens) and tokens[k].kind == "word" and tokens[k].norm in _COMPASS_NOUNS


_PROCLITIC_LETTERS = frozenset("وفبكل")


def _geonames_place_here(c: Candidate, ids: list[str], tagged_at: set, sporty: bool, kb: KnowledgeBase,
                         countries: set[str], text: str, tokens) -> str | None:
    """The place only GeoNames knows (of the entities `ids`) that `c` names here, or None. The tagger must see a place
    on that very span; a one-word name must not be a word the news uses often (GeoNames'
    Arabic names hold `كان` for Cannes and `وقف` for a village), nor a town in a sports story
    (where `نيس` is the club); and the document must name the place's country, with one
    such place only (`سالزبوري` in a story on Britain is Salisbury, England, not Maryland's;
    `سوربون` with no word of Indonesia is not Cirebon) — one of the countries the story is
    mostly about (`countries`, from `_leading_countries`). A word written with tanween
    (`نارًا`, "a fire": Nara) or after the clitic ك (`كرين`: Rennes) is a common word."""
    if (c.ti, c.tj, "LOC") not in tagged_at:
        return None
    if c.tj == c.ti and (sporty or everyday_word(c.form)):
        return None
    written = text[c.start:c.end]
    if _TANWEEN.intersection(written) or (c.tj == c.ti and text[c.start - 1:c.start] == "ك"):
        return None
    if c.tj == c.ti and len(c.form) <= 3 and text[c.start - 1:c.start] in _PROCLITIC_LETTERS:
        return None  # a short name with a clitic read off is as likely a word: `برين` (Brin), `ونيس`
    here = [x for x in ids if x.startswith("gn-") and kb.get(x).country in countries
            and geonames_name_trusted(kb.get(x))]
    if len(here) != 1 or _compass_follows(c, tokens):
        return None
    if not arabic_writing(kb.get(here[0])) and not placed_by_context(c, tokens, text):
        return None
    return here[0]


def _surname_owners(doc: dict[str, _DocEntity]) -> dict[str, set[str]]:
    """Surname key -> the people of the document whose full name (as written, or in the KB)
    ends with it."""
    owners: dict[str, set[str]] = {}
    for d in doc.values():
        if d.type != "PER":
            continue
        full = set(d.forms) | ({normalize(a) for a in d.kb.arabic_names} if d.kb is not None else set())
        for f in full:
            w = f.split()
            if len(w) > 1:
                owners.setdefault(variant_key(w[-1]), set()).add(d.id)
    return owners


def _drop_shared_surnames(found: _Found) -> None:
    """A bare surname that two people of the document share (`سكريبال` beside Sergei and
    Yulia Skripal) names neither of them for certain: it is dropped, not guessed."""
    owners = _surname_owners(found.doc)
    for eid in list(found.order):
        d = found.doc[eid]
        if d.type != "PER":
            continue
        keep = [m for m in d.mentions if len(m.form.split()) > 1 or len(owners.get(variant_key(m.form), ())) < 2]
        if len(keep) == len(d.mentions):
            continue
        d.mentions = keep
        d.forms = {m.form for m in keep}
        if not keep:
            del found.doc[eid]
            found.order.remove(eid)


def _person_for(form: str, doc: dict[str, _DocEntity], kb: KnowledgeBase) -> str | None:
    """The person in the document that `form` names again: same key, or its surname
    (family name), or, when only one person in the document has it, its first name."""
    key = variant_key(form)
    words = form.split()
    by_first = {d.id for d in doc.values() if d.type == "PER" and len(words) == 1
                for f in d.forms if len(f.split()) > 1 and variant_key(f.split()[0]) == key}
    for d in doc.values():
        if d.type != "PER":
            continue
        for f in d.forms:
            if variant_key(f) == key:
                return d.id
            fw = f.split()
            if len(words) == 1 and len(fw) > 1 and (variant_key(fw[-1]) == key or (
                    d.kb is not None and d.kb.country in FAMILY_NAME_FIRST and variant_key(fw[0]) == key)):
                return d.id
    return by_first.pop() if len(by_first) == 1 else None


def _add_short_mentions(text: str, tokens, doc: dict[str, _DocEntity], kb: KnowledgeBase) -> None:
    """Surnames (and family names) of the people in the document, wherever they recur."""
    short: dict[str, str | None] = {}
    stop = cues().stop
    for d in doc.values():
        if d.type != "PER":
            continue
        for f in d.forms:
            w = f.split()
            if len(w) < 2:
                continue
            parts = [w[-1]]
            if d.kb is not None and d.kb.country in FAMILY_NAME_FIRST:
                parts.append(w[0])
            for p in parts:
                if len(p) < 3 or p in stop or p in NOT_NAMES or p.startswith("ال"):
                    continue  # `الثاني`, `عبد`, a family name with the article: too common alone
                if not kb.lookup(p) or all(x[1] for x in kb.lookup(p)):
                    short[p] = d.id if short.get(p, d.id) == d.id else None  # ambiguous: nobody's
    if not short:
        return
    covered = [(m.start, m.end) for d in doc.values() for m in d.mentions]
    covered.sort()
    starts = [a for a, _ in covered]
    tails = {p[-2:] for p in short}
    for k, t in enumerate(tokens):
        if t.kind != "word" or t.norm[-2:] not in tails or after_lineage(tokens, k):
            continue
        for r, stem in stems(t.norm):
            eid = short.get(stem)
            if not eid:
                continue
            a = t.start + skip_chars(t.text, r)
            p = bisect.bisect_right(starts, a) - 1
            if p >= 0 and covered[p][1] > a:
                break  # already inside a mention
            doc[eid].mentions.append(Candidate(a, t.end, k, k, stem, "PER", [], "short"))
            break

