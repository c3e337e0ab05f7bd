"""The entity knowledge base: canonical entities and the Arabic forms that name them.

Loaded once per process from `knowledge/entities.jsonl` (built by kb/build_kb.py)
and `knowledge/country_adjectives.tsv`. Lookups work on normalised text
(`marsad.arabic.normalize`): exact forms for the gazetteer, spelling-variant keys
(`marsad.arabic.variants.variant_key`) for names found by patterns or the tagger.

Forms are strong (enough on their own) or weak: a weak form (`سيول` is also
"floods", a bare surname, `مالي` is also "financial") names the entity only when
the document supports it otherwise (see `marsad.entities.resolve`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from threading import Lock

from .. import knowledge
from ..arabic import normalize
from ..arabic.variants import variant_key

# Family names come first in these countries' names (`كيم` for Kim Jong Un).
FAMILY_NAME_FIRST = {"north-korea", "south-korea", "china", "vietnam", "taiwan", "hong-kong"}
# Forms this short are too ambiguous to match on their own.
MIN_FORM_LEN = 2
WEAK, PART = 1, 2
# Name parts that are also everyday words: never a surname on their own.
NOT_NAMES = {normalize(w) for w in (
    "بين", "دي", "دا", "فان", "فون", "بن", "ابن", "بنت", "أبو", "أبي", "آل", "عبد", "الابن", "جونيور", "الثاني", "الثالث",
    "الأول", "سان", "سانت", "لا", "لي", "لو", "دو", "ديل", "إن", "ان", "يو", "سو", "هو", "مي", "ما", "تو", "هان", "مون", "كيم",
    "يون", "لين", "شي", "وانغ", "لام", "الله", "الدين", "محمد", "أحمد", "علي", "حسن", "حسين", "خان", "شريف", "سعيد", "الرئيس", "الملك")}


@dataclass
class KBEntity:
    id: str
    name: str
    type: str
    ar: str | None
    ar_aliases: list[str] = field(default_factory=list)
    en_aliases: list[str] = field(default_factory=list)
    kind: str | None = None
    role: str | None = None
    country: str | None = None
    wikidata: str | None = None
    metonym_of: str | None = None
    code: str | None = None
    ar_weak: list[str] = field(default_factory=list)
    # places merged from GeoNames by kb/build_kb.py
    geonames: int | None = None
    population: int | None = None
    lat: float | None = None
    lon: float | None = None

    @property
    def arabic_names(self) -> list[str]:
        return ([self.ar] if self.ar else []) + self.ar_aliases


# How a candidate is preferred when one form names several entities.
KIND_RANK = {"country": 100, "capital": 80, "territory": 70, "person": 60, "city": 50}


class KnowledgeBase:
    def __init__(self, records: list[dict] | dict[str, str], adjectives: dict[str, str],
                 index: list[list[str]] | None = None):
        """Build from entity records (or id -> JSON text of the record, parsed on first
        use); `index` (rows of form, id, weak, key from `index_rows`) skips the
        normalisation of every form, which is most of the load time."""
        self._records = records if isinstance(records, dict) else {r["id"]: r for r in records}
        self._entities: dict[str, KBEntity] = {}
        # normalised form -> [(entity id, weak)]; weak is 0 (strong), WEAK (needs the
        # document's support) or PART (a surname: needs the person's full name)
        self.forms: dict[str, list[tuple[str, int]]] = {}
        self.prefixes: set[str] = set()  # every word-prefix of a multi-word form
        self.keys: dict[str, list[str]] = {}  # variant key -> entity ids (strong forms)
        self.max_words = 1
        self.adjectives = adjectives
        self.adj_prefixes = {a.split(" ")[0] for a in adjectives if " " in a}
        # normalised word -> its clitic readings that can open a match (filled by the matcher)
        self.openings: dict[str, tuple[tuple[int, str], ...]] = {}
        if index is not None:
            self._load_index(index)
            return
        for e in map(self.get, self._records):
            weak = set(e.ar_weak)
            for a in e.arabic_names:
                if normalize(a) not in weak:
                    self._add_form(normalize(a), e.id, 0)
            for a in e.ar_weak:
                self._add_form(a, e.id, WEAK)
            if e.type == "PER":
                self._add_person_parts(e)
        self.starts = set(self.forms) | self.prefixes  # what a match can begin with
        for lst in self.forms.values():
            lst.sort(key=lambda c: (c[1], -self.rank(c[0])))

    def __len__(self) -> int:
        return len(self._records)

    def ids(self) -> list[str]:
        return list(self._records)

    def type_of(self, entity_id: str) -> str | None:
        """The entity's type, read off its JSON line when the record is not parsed yet."""
        e = self._entities.get(entity_id)
        if e is not None:
            return e.type
        rec = self._records.get(entity_id)
        if isinstance(rec, str):
            i = rec.find('"type": "') + len('"type": "')
            return rec[i:rec.index('"', i)]
        return rec["type"] if rec else None

    def rank(self, entity_id: str) -> int:
        e = self.get(entity_id)
        return KIND_RANK.get(e.kind or "", 40)

    def _load_index(self, index: list[list[str]]) -> None:
        forms, keys, prefixes = self.forms, self.keys, self.prefixes
        max_words = 1
        for form, eid, weak, key in index:
            forms.setdefault(form, []).append((eid, int(weak)))
            if " " in form:
                words = form.split(" ")
                max_words = max(max_words, len(words))
                for i in range(1, len(words)):
                    prefixes.add(" ".join(words[:i]))
            if key:
                lst = keys.setdefault(key, [])
                if eid not in lst:
                    lst.append(eid)
        self.max_words = max_words
        self.starts = set(forms) | prefixes

    def index_rows(self) -> list[list[str]]:
        """The form index as rows (form, entity id, weak 0/1, variant key or empty)."""
        out = []
        for form, lst in self.forms.items():
            for eid, weak in lst:
                out.append([form, eid, str(weak), "" if weak else variant_key(form)])
        return out

    def _add_form(self, form: str, entity_id: str, weak: int) -> None:
        if len(form.replace(" ", "")) < MIN_FORM_LEN:
            return
        lst = self.forms.setdefault(form, [])
        for i, (eid, w) in enumerate(lst):
            if eid == entity_id:
                if w and not weak:
                    lst[i] = (eid, 0)
                return
        lst.append((entity_id, weak))
        words = form.split(" ")
        self.max_words = max(self.max_words, len(words))
        for i in range(1, len(words)):
            self.prefixes.add(" ".join(words[:i]))
        if not weak:
            self.keys.setdefault(variant_key(form), [])
            if entity_id not in self.keys[variant_key(form)]:
                self.keys[variant_key(form)].append(entity_id)

    def _add_person_parts(self, e: KBEntity) -> None:
        """A person's surname (and, for Korean/Chinese names, family name) as weak forms."""
        for a in e.arabic_names:
            words = normalize(a).split()
            if len(words) < 2:
                continue
            parts = [words[-1]]
            if e.country in FAMILY_NAME_FIRST:
                parts.append(words[0])
            for p in parts:
                # `العاهل الأردني` is a title, not a name: its adjective is no surname
                if len(p) >= 3 and p not in self.forms and p not in NOT_NAMES and p not in self.adjectives:
                    self._add_form(p, e.id, PART)

    # -- lookups -----------------------------------------------------------
    def lookup(self, form: str) -> list[tuple[str, int]]:
        """(entity id, weak) for a normalised form, strongest first."""
        return self.forms.get(form, [])

    def by_key(self, name: str) -> list[str]:
        """Entities one of whose strong forms has the same spelling-variant key."""
        return self.keys.get(variant_key(name), [])

    def get(self, entity_id: str) -> KBEntity | None:
        e = self._entities.get(entity_id)
        if e is None:
            r = self._records.get(entity_id)
            if r is None:
                return None
            e = self._entities[entity_id] = KBEntity(**(json.loads(r) if isinstance(r, str) else r))
        return e

    def adjective_country(self, form: str) -> str | None:
        """Country id of a normalised adjective or demonym (`الروسيه` -> russia)."""
        return self.adjectives.get(form)


_KB: KnowledgeBase | None = None
_LOCK = Lock()


def get_kb() -> KnowledgeBase:
    """The knowledge base, loaded on first use and shared by the whole process."""
    global _KB
    if _KB is None:
        with _LOCK:
            if _KB is None:
                _KB = _load()
    return _KB


def load_records(lazy: bool = False) -> tuple[list[dict] | dict[str, str], dict[str, str]]:
    """The entity records and the adjective table. `lazy`: records as id -> JSON text
    (every line starts with its id), parsed when an entity is first asked for."""
    text = knowledge.text("entities.jsonl")
    lines = [line for line in text.splitlines() if line.strip()]
    if lazy:
        head = len('{"id": "')
        records: list[dict] | dict[str, str] = {line[head:line.index('"', head)]: line for line in lines}
    else:
        records = json.loads("[" + ",".join(lines) + "]")
    adjectives = {}
    for line in knowledge.text("country_adjectives.tsv").splitlines():
        if line and not line.startswith("#"):
            form, cid = line.split("\t")
            adjectives[form] = cid
    return records, adjectives


def _load() -> KnowledgeBase:
    records, adjectives = load_records(lazy=True)
    index = [line.split("\t") for line in knowledge.text(INDEX_FILE).splitlines()]
    return KnowledgeBase(records, adjectives, index)


INDEX_FILE = "entity_forms.tsv"


def build_index() -> str:
    """The text of knowledge/entity_forms.tsv, computed from the entity records."""
    records, adjectives = load_records()
    kb = KnowledgeBase(records, adjectives)
    return "".join("\t".join(r) + "\n" for r in kb.index_rows())


def gazetteer_rows(include_weak: bool = False) -> list[tuple[str, str]]:
    """(type, normalised name) for every knowledge-base form, e.g. as tagger features.

    `include_weak` adds the forms that need the document's support (surnames,
    names that are also everyday words).
    """
    kb = get_kb()
    out = set()
    for form, lst in kb.forms.items():
        for eid, weak in lst:
            if weak and not include_weak:
                continue
            out.add((kb.get(eid).type, form))
    return sorted(out)


def metonym_of(entity_id: str) -> str | None:
    """The entity that `entity_id` stands for when used as a metonym.

    `pyongyang` -> `north-korea` (the capital for the government), `kremlin` ->
    `russia`, `pentagon` -> the US Department of Defense; None when it is not one.
    """
    e = get_kb().get(entity_id)
    return e.metonym_of if e else None


def country_of_adjective(word: str) -> str | None:
    """Country id for an adjective or demonym as written: `الروسي`, `أمريكيون`, `الكورية الشمالية`."""
    return get_kb().adjective_country(normalize(word).strip())


def entity_info(entity_id: str) -> KBEntity | None:
    return get_kb().get(entity_id)
