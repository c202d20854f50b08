#!/usr/bin/env python3
"""Draws 40 random articles of the Vietnamese Wikipedia crawl for measuring the checks (not shipped).

    python3 scripts/data/prose-draw.py <corpus.viwiki git dir> <seed> <out.txt> [excluded titles file ...]

Eligible: the articles of undertheseanlp/corpus.viwiki at commit 0b727cc0 (CC BY-SA 3.0) with at
least 600 words of prose as prose-corpus.py keeps it, other than wiki.txt's and wiki-heldout.txt's
and the titles in the excluded files (one a line, as in the crawl: lowercase; `#` lines ignored).
Drawn: `random.Random(seed).sample(sorted(eligible), 40)`. Written: out.txt in the layout of
wiki.txt (a header line, then per article a blank line, its title and its paragraphs), which
`BANTHAO_PROSE_EXTRA=out.txt cargo test -p banthao-text --test real_prose -- --ignored
--nocapture print_findings` checks, and out.txt.titles. The draws used so far are listed in
evaluation-draws.txt: they are kept out of the pair counts (pair-counts.py).
"""
import importlib.util
import random
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MIN_WORDS = 600
SIZE = 40


def corpus_module():
    spec = importlib.util.spec_from_file_location("prose_corpus", ROOT / "scripts/data/prose-corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def titles(path: str) -> set[str]:
    return {unicodedata.normalize("NFC", l.strip()).lower() for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")}


def articles(viwiki: str, commit: str):
    """(title, text) of every article of the crawl, NFC."""
    names = subprocess.run(
        ["git", "--git-dir", viwiki, "ls-tree", "-z", "--name-only", commit, "viwiki/"], capture_output=True, check=True
    ).stdout.decode().split("\0")
    names = [n for n in names if n.endswith(".txt")]
    blob = subprocess.run(
        ["git", "--git-dir", viwiki, "cat-file", "--batch"],
        input="".join(f"{commit}:{n}\n" for n in names).encode(), capture_output=True, check=True,
    ).stdout
    pos = 0
    for n in names:
        header_end = blob.index(b"\n", pos)
        size = int(blob[pos:header_end].split()[2])
        text = unicodedata.normalize("NFC", blob[header_end + 1 : header_end + 1 + size].decode("utf-8", "replace"))
        pos = header_end + 1 + size + 1
        yield unicodedata.normalize("NFC", n[len("viwiki/") : -len(".txt")]), text


def main(viwiki: str, seed: int, out: str, excluded_files: list[str]) -> None:
    pc = corpus_module()
    excluded = {t.lower() for t in pc.ARTICLES + pc.HELD_OUT}
    for f in excluded_files:
        excluded |= titles(f)
    bodies = {t: pc.wiki_body(text) for t, text in articles(viwiki, pc.WIKI_COMMIT) if t.lower() not in excluded}
    eligible = sorted(t for t, paras in bodies.items() if sum(len(p.split()) for p in paras) >= MIN_WORDS)
    picked = random.Random(seed).sample(eligible, SIZE)
    words = sum(len(p.split()) for t in picked for p in bodies[t])
    print(f"{len(eligible)} eligible, {SIZE} drawn, {words} words", file=sys.stderr)
    lines = [f"# {SIZE} random articles of the Vietnamese Wikipedia (2017, CC BY-SA 3.0), seed {seed}; not shipped."]
    for t in picked:
        lines += ["", t] + bodies[t]
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    Path(out + ".titles").write_text("\n".join(picked) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:])
