#!/usr/bin/env python3
"""Writes crates/text/data/words-viet74k.txt: the two-syllable entries of Viet74K.txt as the
PyPI package underthesea ships it (Apache License 2.0), for the real-word check.

    pip download --no-deps underthesea==9.5.0 -d /tmp/u && \
      python3 scripts/data/words-from-underthesea.py /tmp/u/underthesea-9.5.0-py3-none-any.whl && \
      cargo test -p banthao-text --lib -- --ignored write_viet74k_keys write_viet74k_loanwords

Kept: the two-syllable entries, and each pair of neighbouring syllables of the longer ones
(letters only), in lowercase NFC, without the known slips of crates/text/data/slips.txt
(which win over any listed word).
The ignored Rust test then keeps the pairs whose syllables are valid by rule and writes them
as the checker's lookup keys (hoà style, lí for lý), so that reading them costs nothing.

It also writes crates/text/data/loanwords-viet74k.txt: the entries' tokens of two vowel groups
or more (ôtô, nơtron, đôla), for the spelling check; the ignored Rust test
write_viet74k_loanwords keeps those that are no syllable but a run of two syllables or more.
"""
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VERSION = "9.5.0"


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        text = z.read("underthesea/corpus/data/Viet74K.txt").decode("utf-8")
    slips = set()
    for line in (ROOT / "crates/text/data/slips.txt").read_text(encoding="utf-8").splitlines():
        if "→" in line and not line.startswith("#"):
            slips.add(unicodedata.normalize("NFC", line.split("→")[0].strip().lower()))
    words = set()
    for line in text.splitlines():
        word = unicodedata.normalize("NFC", line.strip()).lower()
        parts = word.split()
        if len(parts) < 2 or not all(p.isalpha() for p in parts):
            continue
        # A longer expression lends its neighbouring pairs ("công ăn việc làm": công ăn): they
        # only keep a phrase from being flagged, never become a correction.
        for a, b in zip(parts, parts[1:]):
            if f"{a} {b}" not in slips:
                words.add(f"{a} {b}")
    header = f"""# Two-syllable Vietnamese words for the real-word check of Bản Thảo, one per line.
# Source: Viet74K.txt as shipped in the PyPI package underthesea {VERSION}
# (underthesea/corpus/data/Viet74K.txt), licensed under the Apache License 2.0 by the
# underthesea authors (https://pypi.org/project/underthesea/); the licence's text is in
# words-viet74k.LICENSE beside this file. Extracted unchanged but for
# the selection by scripts/data/words-from-underthesea.py: two-syllable entries and the
# neighbouring pairs of longer ones (letters only), both syllables valid by rule, none a
# known slip of slips.txt, written as the checker's lookup keys (lowercase NFC, hoà style,
# lí for lý).
"""
    out = ROOT / "crates/text/data/words-viet74k.txt"
    out.write_text(header + "".join(w + "\n" for w in sorted(words)), encoding="utf-8")
    print(f"{len(words)} words → {out}")
    # Loanwords written as one token (ôtô, nơtron, đôla): every token of every entry with two
    # vowel groups or more; the ignored Rust test keeps those made of two syllables or more.
    vowels = "aăâeêioôơuưy"
    groups = re.compile(f"[{vowels}]+[^{vowels}]+[{vowels}]")
    loans = set()
    for line in text.splitlines():
        for part in unicodedata.normalize("NFC", line.strip()).lower().split():
            if part.isalpha() and groups.search(fold_tones(part)):
                loans.add(part)
    loan_header = f"""# Loanwords written as one token (ôtô, nơtron, đôla), one per line, for the spelling check of
# Bản Thảo. Source: Viet74K.txt as shipped in the PyPI package underthesea {VERSION}
# (underthesea/corpus/data/Viet74K.txt), licensed under the Apache License 2.0 by the
# underthesea authors (https://pypi.org/project/underthesea/); the licence's text is in
# words-viet74k.LICENSE beside this file. Extracted unchanged but for the selection by
# scripts/data/words-from-underthesea.py: the tokens of its entries (lowercase NFC) that are
# no Vietnamese syllable but a run of two or more.
"""
    out = ROOT / "crates/text/data/loanwords-viet74k.txt"
    out.write_text(loan_header + "".join(w + "\n" for w in sorted(loans)), encoding="utf-8")
    print(f"{len(loans)} loanword candidates → {out}")


def fold_tones(word: str) -> str:
    """The word without tone marks (shape marks kept): â stays â, ấ becomes â."""
    out = []
    for c in unicodedata.normalize("NFD", word):
        if c in "\u0300\u0301\u0303\u0309\u0323":
            continue
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
