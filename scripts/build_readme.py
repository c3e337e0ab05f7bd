"""Assemble README.md from docs/readme/*.md (each area keeps its own section there).

The intro (`_intro.md`) carries two placeholders: SEED_EXCERPT, filled with the start of
`marsad analyze` on the seed article (when ../shared is beside the project), and
RESULTS_TABLE, from `_results.md`. Sections follow in pipeline order; image links are
rewritten to work from the repository root.

usage: .venv/bin/python scripts/build_readme.py
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "readme"
ORDER = ["foundation", "entities", "ner", "timex", "quotes", "text", "corpus", "web", "spark", "performance"]


def seed_excerpt() -> str:
    seed = ROOT.parent / "shared" / "fixtures" / "seed" / "article.txt"
    if not seed.exists():
        return "(run with ../shared beside the project to fill this excerpt)"
    out = subprocess.run([str(ROOT / ".venv/bin/marsad"), "analyze", str(seed), "--tz", "Africa/Cairo"],
                         capture_output=True, text=True, check=True).stdout
    doc = json.loads(out)
    doc["source"]["path"] = "../shared/fixtures/seed/article.txt"
    short = {
        "id": doc["id"], "title": doc["title"], "image_caption": doc["image_caption"], "author": doc["author"],
        "published": doc["published"],
        "sections": [{"heading": s["heading"], "paragraphs": f"<{len(s['paragraphs'])} paragraphs>"} for s in doc["sections"][:3]] + ["…"],
        "entities": [{k: e[k] for k in ("id", "name", "type", "name_ar")} | {"mentions": e["mentions"][:2]} for e in doc["entities"][:2]] + ["…"],
        "quotes": [{k: q[k] for k in ("speaker_id", "speaker_text", "direct", "cue", "start", "end")} | {"text": q["text"][:60] + "…"} for q in doc["quotes"][:1]] + ["…"],
        "timexes": doc["timexes"][:3] + ["…"],
        "events": [{k: e[k] for k in ("type", "cameo", "actor_id", "target_id", "when", "where_id", "polarity", "trigger")} for e in doc["events"][:2]] + ["…"],
        "keywords": [k["text"] for k in doc["keywords"][:10]],
        "summary": [s["text"][:70] + "…" for s in doc["summary"]],
        "topics": doc["topics"][:2],
    }
    # one line per field, one line per list item: readable without scrolling
    lines = ["{"]
    for k, v in short.items():
        if isinstance(v, list) and v and isinstance(v[0], dict):
            items = ",\n".join("   " + json.dumps(x, ensure_ascii=False) for x in v)
            lines.append(f' "{k}": [\n{items}\n ],')
        else:
            lines.append(f' "{k}": {json.dumps(v, ensure_ascii=False)},')
    lines[-1] = lines[-1].rstrip(",")
    return "\n".join(lines + ["}"])


def main() -> int:
    intro = (DOCS / "_intro.md").read_text(encoding="utf-8")
    intro = intro.replace("SEED_EXCERPT", seed_excerpt())
    intro = intro.replace("RESULTS_TABLE", (DOCS / "_results.md").read_text(encoding="utf-8").strip())
    parts = [intro.rstrip()]
    for name in ORDER:
        text = (DOCS / f"{name}.md").read_text(encoding="utf-8").strip()
        text = text.replace("](../screenshots/", "](docs/screenshots/")
        if text.startswith("# "):  # sections are second-level in the README
            text = "#" + text
        parts.append(text)
    (ROOT / "README.md").write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    print(f"README.md: {sum(p.count(chr(10)) for p in parts)} lines from {len(ORDER) + 1} parts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
