#!/usr/bin/env python3
"""Writes the real-prose corpora of crates/text/tests/corpus/ from two public sources.

    python3 scripts/data/prose-corpus.py <underthesea git dir> <corpus.viwiki git dir>

- laws.txt: two laws of the National Assembly as underthesea's Vietnamese Legal Corpus
  (commit e0be4fc0, extensions/datasets/CP_Vietnamese-VLC/output/processed/) holds them.
  Legal normative documents are not protected by copyright (Law on Intellectual Property
  2005, Article 15). Kept: the text from "Căn cứ" to the closing "Luật này được Quốc hội ..."
  line; dropped: the letterhead and the signature.
- wiki.txt: sixteen Vietnamese Wikipedia articles as undertheseanlp/corpus.viwiki crawled them
  (commit 0b727cc0, May 2017), CC BY-SA 3.0. Kept: paragraphs of running prose (at least 12
  tiếng, ending in a full stop) before the first "== Xem thêm / Tham khảo / Chú thích ==";
  dropped: headings, lists and table rows, and citation marks such as [1].
- wiki-heldout.txt: thirty-five more articles of the same crawl, drawn at random among those of
  at least 600 words of prose, kept the same way; their findings were judged before the spelling
  rules they now test were written.
All: NFC, one paragraph per line, nothing else changed.
"""
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "crates/text/tests/corpus"
LAW_COMMIT = "e0be4fc051a7af9f2c067bedfd8c761ed4b2c27b"
LAW_DIR = "extensions/datasets/CP_Vietnamese-VLC/output/processed"
LAWS = [
    ("Luật Phòng, chống ma túy, số 73/2021/QH14", "Luat-Phong-chong-ma-tuy-2021-445185.txt"),
    ("Luật Cảnh sát cơ động, số 04/2022/QH15", "Luat-Canh-sat-co-dong-2022-477977.txt"),
]
WIKI_COMMIT = "0b727cc0461e1de6435d4ec70c99dc86253e56d8"
ARTICLES = [
    "Hệ thống giao thông Việt Nam",
    "Internet tại Việt Nam",
    "Giáo dục Việt Nam",
    "Du lịch Việt Nam",
    "Phụ nữ Việt Nam",
    "Tiền Việt Nam",
    "Huế",
    "Thái Nguyên (thành phố)",
    "Bắc Bộ Việt Nam",
    "Người Hoa tại Việt Nam",
    "Phật giáo Việt Nam",
    "Tiếng Việt",
    "Hạ Long (thành phố)",
    "Ninh Bình (thành phố)",
    "Kiểm duyệt Internet ở Việt Nam",
    "Ngân sách nhà nước",
]
# Drawn at random (35 articles of at least 600 words, none of the above) and judged before the
# spelling rules of issue 10's last change were written: text the rules were not tuned on.
HELD_OUT = [
    "Encarta",
    "Venus Williams",
    "Real Madrid C.F.",
    "Frankfurt am Main",
    "RAM",
    "iPhone",
    "Wi-Fi",
    "Gustav Holst",
    "V-pop",
    "Ikebana",
    "Cadimi",
    "Pleiku",
    "Tonga",
    "Euro",
    "Myanmar",
    "Gadolini",
    "Indi",
    "Ounce",
    "Mona Lisa",
    "Platin",
    "Edgar Allan Poe",
    "Americi",
    "Liverpool",
    "Edward Elgar",
    "Tokugawa Ieyasu",
    "SI",
    "Istanbul",
    "Honduras",
    "Bo",
    "Nha Trang",
    "Telua",
    "Andy Murray",
    "Indiana",
    "Javier Mascherano",
    "Microsoft Excel",
]
END_SECTIONS = re.compile(r"^==+\s*(Xem thêm|Tham khảo|Chú thích|Liên kết ngoài|Đọc thêm|Ghi chú)")


def show(git_dir: str, commit: str, path: str) -> str:
    out = subprocess.run(["git", "--git-dir", git_dir, "show", f"{commit}:{path}"], capture_output=True, check=True)
    return unicodedata.normalize("NFC", out.stdout.decode("utf-8"))


def law_body(text: str) -> list[str]:
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    start = next(i for i, l in enumerate(lines) if l.startswith("Căn cứ"))
    end = next(i for i, l in enumerate(lines) if l.startswith("Luật này được Quốc hội"))
    return lines[start : end + 1]


def wiki_body(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.strip()
        if END_SECTIONS.match(line):
            break
        if not line or line.startswith("="):
            continue
        line = re.sub(r"\[\d+\]", "", line).strip()
        if len(line.split()) >= 12 and line.endswith((".", ".”", '."')):
            out.append(line)
    return out


def wiki_file(viwiki: str, header: str, titles: list[str]) -> list[str]:
    """The lines of a corpus file: its header, then each article's title and kept paragraphs."""
    lines = [header]
    for title in titles:
        lines.append("")
        lines.append(title)
        lines.extend(wiki_body(show(viwiki, WIKI_COMMIT, f"viwiki/{title.lower()}.txt")))
    return lines


def main(underthesea: str, viwiki: str) -> None:
    laws = [
        "# Real published prose: two laws of the National Assembly of Vietnam, verbatim. Not protected by copyright"
        " (Law on Intellectual Property 2005, Article 15); see README.md beside this file.",
    ]
    for title, name in LAWS:
        laws.append("")
        laws.extend(law_body(show(underthesea, LAW_COMMIT, f"{LAW_DIR}/{name}")))
    wiki = wiki_file(
        viwiki,
        "# Real published prose: sixteen Vietnamese Wikipedia articles (2017), CC BY-SA 3.0, by the Wikipedia"
        " contributors; see README.md and wiki.LICENSE beside this file.",
        ARTICLES,
    )
    held_out = wiki_file(
        viwiki,
        "# Real published prose: thirty-five Vietnamese Wikipedia articles (2017) drawn at random and judged before"
        " the rules were changed, CC BY-SA 3.0, by the Wikipedia contributors; see README.md and wiki.LICENSE"
        " beside this file.",
        HELD_OUT,
    )
    (OUT / "laws.txt").write_text("\n".join(laws) + "\n", encoding="utf-8")
    (OUT / "wiki.txt").write_text("\n".join(wiki) + "\n", encoding="utf-8")
    (OUT / "wiki-heldout.txt").write_text("\n".join(held_out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
