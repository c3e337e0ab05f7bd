"""A toy NER training set (CoNLL rows and unlabelled text) for tests of `marsad train ner`."""
from __future__ import annotations

from pathlib import Path

PEOPLE = ["بوتين", "ماكرون", "شولتس", "أردوغان"]
PLACES = ["موسكو", "باريس", "برلين", "أنقرة"]
ORGS = ["أرامكو", "سوناطراك", "غازبروم"]


def toy_training(tmp_path: Path, orgs: bool = False) -> tuple[Path, Path]:
    """(labelled file, unlabelled file): 30 rounds of `قال الرئيس X في Y .`, and with `orgs`
    two sentences of a company each round."""
    rows = []
    for i in range(30):
        rows += ["قال O", "الرئيس O", f"{PEOPLE[i % 4]} B-PERS", "في O", f"{PLACES[(i + 1) % 4]} B-LOC", ". O", ""]
        if orgs:
            o = ORGS[i % 3]
            rows += ["وأعلنت O", "شركة B-ORG", f"{o} I-ORG", "أرباحها O", ""]
            rows += ["وقالت O", f"{o} B-ORG", "إن O", "الإنتاج O", "ارتفع O", ""]
    data = tmp_path / "train.txt"
    data.write_text("\n".join(rows), encoding="utf-8")
    text = tmp_path / "news.txt"
    text.write_text(" ".join(f"قال الرئيس {p} في {c} ." for p in PEOPLE for c in PLACES) * 3, encoding="utf-8")
    return data, text
