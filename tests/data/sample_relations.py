#!/usr/bin/env python3
"""Candidates for judging `guides` and `implements` citations (tests/data/judged_relations.tsv).

A targeted, reproducible sample of real citing sentences from ../shared (corpus/*/docs, seeds),
printed as `file<TAB>number<TAB>class<TAB>sentence` for a person to label by reading the file;
the relation the reader gives is not consulted. Two classes, sampled apart:

  guides      a document that is itself guidance: its title or opening (the text before its
              first `Căn cứ`, `Kính gửi` or `Điều 1`, at most 2,500 characters) holds `hướng dẫn`,
              `quy định chi tiết` or `biện pháp thi hành`; each number cited in that opening,
              and each number in a sentence of its body holding one of those phrases (not
              a `Căn cứ` clause: 77 judged rows show those already); in any document, each
              number in a sentence saying `Thông tư này quy định chi tiết` / `... này hướng dẫn`.
  implements  a sentence opening with `Thực hiện`, `Triển khai`, `Để triển khai` / `Để thực
              hiện` or `Tiếp tục thực hiện`, or holding `triển khai`, `theo yêu cầu tại`,
              `theo chỉ đạo` / `thực hiện chỉ đạo`, `cụ thể hóa` before a number.

Left out: (file, number) pairs judged already, and the site's data-protection notice pasted in
crawled pages (`Thực hiện Nghị định 13/2023/NĐ-CP, chúng tôi cập nhật ...`). At most one row per
(file, number), the first sentence met.

    python3 tests/data/sample_relations.py ../shared --seed 1818 --guides 100 --implements 40
"""
import argparse
import pathlib
import random
import re
import unicodedata

NUMBER = re.compile(
    r"(?<![\w/-])\d{1,5}(?:/\d{4})?(?:/|-)(?:[A-ZĐ][A-ZĐa-z0-9]*)(?:[/-][A-ZĐ0-9][A-ZĐa-z0-9]*)*")
GUIDES = re.compile(r"hướng dẫn|quy định chi tiết|biện pháp thi hành", re.I)
IMPLEMENTS_OPENING = re.compile(
    r"^(?:[-+•*\d.a-zđ)]+\s+)?(?:thực hiện|triển khai|để triển khai|để thực hiện|"
    r"tiếp tục thực hiện)\b", re.I)
IMPLEMENTS_INSIDE = re.compile(
    r"triển khai|theo yêu cầu tại|theo chỉ đạo|thực hiện chỉ đạo|thực hiện ý kiến chỉ đạo|"
    r"cụ thể hóa|cụ thể hoá", re.I)
OPENING_END = re.compile(r"căn\s+cứ|kính\s+gửi|điều\s+1\b", re.I)
SELF_GUIDES = re.compile(
    r"(?:thông tư|nghị định|quyết định|quy định|nghị quyết|kế hoạch|văn bản|công văn|hướng dẫn|"
    r"chỉ thị) này (?:quy định chi tiết|hướng dẫn|quy định biện pháp thi hành)", re.I)
NOTICE = re.compile(r"chúng tôi cập nhật|Chính sách bảo vệ dữ liệu", re.I)


def sentences(text):
    """Sentences to `;`, `. `, a table cell or a blank line; hard line breaks are spaces."""
    text = text.replace("*", "")
    for block in re.split(r"\n\s*\n|\|", text):
        block = re.sub(r"\s+", " ", block).strip()
        for s in re.split(r";|\.\s+(?=[A-ZĐÀ-Ỹ\d-])|:\s+(?=[-+•])", block):
            if s.strip():
                yield s.strip()


def judged(table):
    out = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            cells = line.split("\t")
            out.add((cells[0], cells[1]))
    return out


def opening_of(text):
    """The site's summary line (`# Thông tư 12/2025/TT-BTC hướng dẫn ...`) and the document's own
    opening, from its `Số:` to its first `Căn cứ`, `Kính gửi` or `Điều 1`; and its own number."""
    summary = re.search(r"^#[ \t]*\n(.+)$", text, re.M)
    parts = [summary.group(1)] if summary else []
    own = None
    number_line = re.search(r"\bSố\s*:", text)
    if number_line:
        rest = text[number_line.end(): number_line.end() + 2500]
        end = OPENING_END.search(rest)
        rest = rest[: end.start()] if end else rest
        own_number = NUMBER.search(re.sub(r"\s+", "", rest[:60]))
        own = own_number.group() if own_number else None
        parts.append(rest)
    return "\n\n".join(parts), own


def candidates(shared, done):
    files = sorted(shared.glob("corpus/*/docs/*.txt")) + sorted(shared.glob("seeds/*.txt"))
    guides, implements = {}, {}
    for path in files:
        rel = str(path.relative_to(shared))
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8", errors="replace"))
        opening, own = opening_of(text)
        guidance = GUIDES.search(opening) is not None
        if guidance:
            for s in sentences(opening):
                for n in NUMBER.findall(s):
                    if n != own:
                        guides.setdefault((rel, n), s)
        for s in sentences(text):
            if NOTICE.search(s):
                continue
            numbers = [n for n in NUMBER.findall(s) if n != own]
            if not numbers:
                continue
            if (SELF_GUIDES.search(s) or (guidance and GUIDES.search(s))) and not re.match(
                    r"căn cứ", s, re.I):
                for n in numbers:
                    guides.setdefault((rel, n), s)
            inside = IMPLEMENTS_INSIDE.search(s)
            if IMPLEMENTS_OPENING.search(s) or inside:
                after = inside.end() if inside and not IMPLEMENTS_OPENING.search(s) else 0
                for m in NUMBER.finditer(s):
                    if m.start() >= after and m.group() != own:
                        implements.setdefault((rel, m.group()), s)
    for pool in (guides, implements):
        for key in [k for k in pool if k in done]:
            del pool[key]
    implements = {k: v for k, v in implements.items() if k not in guides}
    return guides, implements


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shared", type=pathlib.Path)
    ap.add_argument("--seed", type=int, default=1818)
    ap.add_argument("--guides", type=int, default=30)
    ap.add_argument("--implements", type=int, default=40)
    ap.add_argument("--table", type=pathlib.Path,
                    default=pathlib.Path(__file__).with_name("judged_relations.tsv"))
    args = ap.parse_args()
    guides, implements = candidates(args.shared, judged(args.table))
    rng = random.Random(args.seed)
    print(f"# candidates: guides {len(guides)}, implements {len(implements)}")
    for name, pool, k in (("guides", guides, args.guides),
                          ("implements", implements, args.implements)):
        for key in rng.sample(sorted(pool), min(k, len(pool))):
            print(f"{key[0]}\t{key[1]}\t{name}\t{pool[key][:400]}")


if __name__ == "__main__":
    main()
