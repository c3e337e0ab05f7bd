"""Build tests/data/links_gold/{dev,test}.jsonl from the chosen articles and the hand annotation.

    python scripts/links_gold_select.py > /tmp/links_pick.jsonl
    python scripts/links_gold_build.py /tmp/links_pick.jsonl [--show]

The hand annotation is tests/data/links_gold/mentions.txt: a block `## N` for the
N-th chosen article, then one line an entity spelling, written by reading the text:

    surface | TYPE | kb | English name | QID [| skip=2,5] [| skipt]

`kb` is a knowledge-base id, `-` for NIL, or `=` to take the one KB entity of that
type whose English name (or English alias, else Arabic name) is the one given, NIL
when there is none: the link is the annotator's decision, the lookup only spells the
id; --review lists every such lookup, and KB entities near each NIL, to re-read. QID is `-` when not known for
certain; a linked entity's QID comes from the KB when the KB has one. Every
occurrence of the surface as a word (after the clitics و ف ب ك ل, and the
لل of ل + ال) in the title and body becomes a mention, except the occurrences
listed in `skip=` (1-based, body) or, with `skipt`, the title's. Where spellings
overlap the longest wins (`وزارة الخارجية السعودية` is one ORG, not also
`السعودية`). --show prints every article with its mentions bracketed, to check.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
GOLD = ROOT / "tests" / "data" / "links_gold"
TYPES = {"PER", "LOC", "ORG", "MISC"}
_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3A-Za-z0-9]")


def load_kb() -> dict[str, dict]:
    kb = {}
    for line in (ROOT / "src" / "marsad" / "knowledge" / "entities.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            e = json.loads(line)
            kb[e["id"]] = e
    return kb


def by_english(kb: dict, name: str, typ: str) -> list[dict]:
    key = name.casefold()
    return [e for e in kb.values() if e["type"] == typ
            and (e["name"].casefold() == key or key in (a.casefold() for a in e.get("en_aliases", [])))]


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Where `surface` stands as a word in `text`, clitics before it allowed."""
    forms = [(surface, 0)]
    if surface.startswith("ال"):
        forms.append(("ل" + surface[2:], 1))  # ل + ال is written لل: the span keeps the article's lam
    out = []
    for form, need_lam in forms:
        for m in re.finditer(re.escape(form), text):
            a, b = m.start(), m.end()
            if b < len(text) and _LETTER.match(text[b]):
                continue
            word = re.split(r"[^\u0621-\u064a\u0640]", text[max(0, a - 4):a])[-1]  # before it, same word
            if not re.fullmatch(r"[وف]?ل" if need_lam else r"(?:[وف]?[بكل]?ـ?)?", word):
                continue
            out.append((a, b))
    return sorted(set(out))


def parse(path: Path) -> dict[int, list[dict]]:
    blocks: dict[int, list[dict]] = {}
    cur = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#") and not line.startswith("##"):
            continue
        if line.startswith("##"):
            cur = int(line[2:].split()[0])
            blocks[cur] = []
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) < 5 or parts[1] not in TYPES:
            sys.exit(f"{path}:{n}: bad line: {raw}")
        opts = parts[5:]
        skip = set()
        for o in opts:
            if o.startswith("skip="):
                skip = {int(x) for x in o[5:].split(",")}
        blocks[cur].append({"surface": parts[0], "type": parts[1], "kb": parts[2], "name_en": parts[3],
                            "wikidata": None if parts[4] == "-" else parts[4], "skip": skip,
                            "skipt": "skipt" in opts, "line": n})
    return blocks


PROBLEMS: list[str] = []
REVIEW: list[str] = []  # every `=` link as the lookup spelt it, for the annotator to re-read


def _problem(msg: str) -> tuple[None, None]:
    PROBLEMS.append(msg)
    return None, None


_AR_INDEX: dict[str, list[str]] = {}


def by_arabic(kb: dict, surface: str) -> list[str]:
    """KB ids whose Arabic name or alias is this surface (normalised)."""
    from marsad.arabic import normalize

    if not _AR_INDEX:
        for e in kb.values():
            for x in {normalize(x) for x in [e["ar"], *e.get("ar_aliases", [])]}:
                _AR_INDEX.setdefault(x, []).append(e["id"])
    return _AR_INDEX.get(normalize(surface.replace("ـ", "")), [])


def resolve(kb: dict, ent: dict, where: str) -> tuple[str | None, str | None]:
    if "_resolved" not in ent:  # once a line, though it is used for the title and the body
        ent["_resolved"] = _resolve(kb, ent, where)
    return ent["_resolved"]


_COMMON = set("saudi arabia united state states ministry city national council islamic general authority defense "
               "defence affairs foreign security house nations union republic organisation organization of the "
               "international party front army forces news agency bank".split())


def similar(kb: dict, name: str, typ: str) -> list[str]:
    """KB ids of that type sharing a word of 4+ letters with the English name: a NIL to re-check."""
    words = {w for w in re.findall(r"[a-z]{4,}", name.casefold())} - _COMMON
    return [e["id"] for e in kb.values() if e["type"] == typ and words & set(re.findall(r"[a-z]{4,}", e["name"].casefold()))]


def _resolve(kb: dict, ent: dict, where: str) -> tuple[str | None, str | None]:
    k, qid = ent["kb"], ent["wikidata"]
    if k in ("-", "="):
        found = by_english(kb, ent["name_en"], ent["type"])
        if not found:  # the English name is spelt otherwise in the KB: the Arabic form, same type
            found = [kb[i] for i in by_arabic(kb, ent["surface"]) if kb[i]["type"] == ent["type"]]
        if k == "-" or not found:
            if found or k == "=":
                REVIEW.append(f"{where}: NIL {ent['surface']} = {ent['name_en']}: lookup {[e['id'] for e in found]}")
            near = similar(kb, ent["name_en"], ent["type"])
            if near:
                REVIEW.append(f"{where}: NIL {ent['surface']} = {ent['name_en']}: near {near[:6]}")
            return None, qid
        if len(found) != 1:
            return _problem(f"{where}: {ent['name_en']} ({ent['type']}): {len(found)} KB entities {[e['id'] for e in found]}")
        k = found[0]["id"]
        REVIEW.append(f"{where}: {ent['surface']} = {ent['name_en']} -> {k} ({found[0]['name']})")
    if k not in kb:
        return _problem(f"{where}: no KB id {k}")
    if kb[k].get("wikidata"):
        if qid and qid != kb[k]["wikidata"]:
            return _problem(f"{where}: QID {qid} but KB {k} has {kb[k]['wikidata']}")
        qid = kb[k]["wikidata"]
    return k, qid


def spans(text: str, ents: list[dict], title: bool, kb: dict, where: str) -> list[dict]:
    cand = []
    for e in ents:
        occ = occurrences(text, e["surface"])
        if title:
            occ = [] if e["skipt"] else occ
        else:
            occ = [o for i, o in enumerate(occ, 1) if i not in e["skip"]]
        k, qid = resolve(kb, e, f"{where} line {e['line']}")
        for a, b in occ:
            cand.append({"start": a, "end": b, "surface": text[a:b], "type": e["type"], "kb": k,
                         "name_en": e["name_en"], "wikidata": qid, "_line": e["line"]})
    # the longest name wins where spellings overlap
    cand.sort(key=lambda m: (-(m["end"] - m["start"]), m["start"]))
    kept: list[dict] = []
    for m in cand:
        if all(m["end"] <= o["start"] or m["start"] >= o["end"] for o in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m["start"])


def main() -> None:
    picks = [json.loads(x) for x in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines() if x.strip()]
    show = "--show" in sys.argv
    kb = load_kb()
    blocks = parse(GOLD / "mentions.txt")
    out = {"dev": [], "test": []}
    for i, d in enumerate(picks):
        if i not in blocks:
            continue
        ents = blocks[i]
        where = f"article {i}"
        body = spans(d["text"], ents, False, kb, where)
        head = spans(d["title"], ents, True, kb, where)
        used = {m["_line"] for m in body + head}
        for e in ents:
            if e["line"] not in used:
                sys.exit(f"{where} line {e['line']}: `{e['surface']}` found nowhere")
        for m in body + head:
            del m["_line"]
        rec = {k: d[k] for k in ("id", "source", "outlet", "category", "title", "published", "text")}
        rec["mentions"], rec["title_mentions"] = body, head
        out[d["part"]].append(rec)
        if show:
            t, pos, parts = d["text"], 0, []
            for m in body:
                parts.append(t[pos:m["start"]] + f"[{m['surface']}]{m['type']}:{m['kb'] or 'NIL'}")
                pos = m["end"]
            parts.append(t[pos:])
            print(f"## {i} {d['part']} {d['title']}\n  title: {[(m['surface'], m['type']) for m in head]}\n{''.join(parts)}\n")
    if "--review" in sys.argv:
        print("\n".join(REVIEW))
    if PROBLEMS:
        sys.exit("\n".join(PROBLEMS))
    for part, recs in out.items():
        with open(GOLD / f"{part}.jsonl", "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{part}: {len(recs)} articles, {sum(len(r['mentions']) for r in recs)} body mentions", file=sys.stderr)


if __name__ == "__main__":
    main()
