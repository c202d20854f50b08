#!/usr/bin/env python3
"""Counts syllables and adjacent syllable pairs in the Vietnamese Wikipedia crawl of
undertheseanlp/corpus.viwiki (commit 0b727cc0, May 2017, CC BY-SA 3.0), for the real-word check's
context rule (crates/text/src/spell/context.rs).

    python3 scripts/data/pair-counts.py <corpus.viwiki git dir> > /tmp/viwiki-counts.tsv && \\
      BANTHAO_COUNTS=/tmp/viwiki-counts.tsv cargo test -p banthao-text --lib -- --ignored write_pair_counts

Counted, lowercase NFC, in the whole text of every article of the crawl except the test corpora's
(wiki.txt and wiki-heldout.txt, the titles of prose-corpus.py) and the evaluation draws listed in
evaluation-draws.txt (text the check is measured on must not be in its data): every run of letters,
every two runs separated by exactly one space (the pairs the check looks at), and every three such
runs (a pair with the syllable before or after it).
Written: `syllable<TAB>count` and `first second<TAB>count`, every one seen, and `first second
third<TAB>count`, those seen twice or more. The ignored Rust test then keeps what the check reads,
as lookup keys, in crates/text/data/pairs-viwiki.txt and contexts-viwiki.txt.
"""
import importlib.util
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"[^\W\d_]+")


def module(name: str, file: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts/data" / file)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


def main(viwiki: str) -> None:
    pc = module("prose_corpus", "prose-corpus.py")
    draw = module("prose_draw", "prose-draw.py")
    excluded = {t.lower() for t in pc.ARTICLES + pc.HELD_OUT} | draw.titles(str(ROOT / "scripts/data/evaluation-draws.txt"))
    pairs: Counter = Counter()
    triples: Counter = Counter()
    syllables: Counter = Counter()
    seen = left_out = 0
    for title, text in draw.articles(viwiki, pc.WIKI_COMMIT):
        seen += 1
        if title.lower() in excluded:
            left_out += 1
            continue
        for line in text.lower().splitlines():
            prev = None
            before = None  # the run before `prev`, when one space separates them
            for m in WORD.finditer(line):
                syllables[m.group()] += 1
                if prev is not None and line[prev.end() : m.start()] == " ":
                    pairs[(prev.group(), m.group())] += 1
                    if before is not None:
                        triples[(before, prev.group(), m.group())] += 1
                    before = prev.group()
                else:
                    before = None
                prev = m
    print(f"# {seen} articles, {left_out} left out", file=sys.stderr)
    out = sys.stdout
    for s, n in sorted(syllables.items()):
        out.write(f"{s}\t{n}\n")
    for (a, b), n in sorted(pairs.items()):
        out.write(f"{a} {b}\t{n}\n")
    for (a, b, c), n in sorted(triples.items()):
        if n >= 2:
            out.write(f"{a} {b} {c}\t{n}\n")


if __name__ == "__main__":
    main(sys.argv[1])
