#!/usr/bin/env python3
"""Strict F1 of hashi align and hunalign on the gold alignments, on the same presegmented input.

usage: align_quality.py --hashi BUILD/hashi --hunalign PATH/hunalign --work DIR [--batch DIR --limit N]

For every tests/data/alignment/SLUG.tsv (or, with --batch, the first N articles of a folder made by
align_bench_data.py, each with its gold.tsv): hashi aligns the gold sentences of each pair (EN-VI,
EN-JA, VI-JA) and of all three at once; hunalign aligns each pair (Japanese with every CJK
character doubled, the usual length fix; null dictionary). A link (the sentences of two languages
in one unit) counts only if exactly that link is in the gold. Prints one Markdown table.
"""
import argparse
import os
import subprocess
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "tests", "data")
NULL_DIC = os.path.join(HERE, "..", "..", "shared", "peers", "hunalign", "data", "null.dic")
LANGS = ["en", "vi", "ja"]
PAIRS = [("en", "vi"), ("en", "ja"), ("vi", "ja")]


def nfc(text):
    return unicodedata.normalize("NFC", text)


def lines(path):
    with open(path, encoding="utf-8") as f:
        return [nfc(line) for line in f.read().split("\n") if line]


def links(rows, x, y):
    return {(r[x], r[y]) for r in rows if r.get(x) and r.get(y)}


def hashi_rows(hashi, files):
    args = [hashi, "--quiet", "align", "--presegmented", "--tsv", "-"]
    for lang, path in files.items():
        args += [f"--{lang}", path]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    table = [line.split("\t") for line in out.rstrip("\n").split("\n")]
    return [dict(zip(table[0], row)) for row in table[1:]]


def hunalign_rows(hunalign, src, tgt, src_lines, tgt_lines, work):
    """hunalign's ladder (rungs "i j score") turned into links between sentence runs."""
    # Run in `work`: hunalign leaves a translate.txt in its working folder.
    out = subprocess.run([hunalign, os.path.abspath(NULL_DIC), os.path.abspath(src),
                          os.path.abspath(tgt)], capture_output=True, text=True, check=True,
                         cwd=work).stdout
    rungs = [tuple(map(int, line.split("\t")[:2])) for line in out.split("\n") if line]
    rows = []
    for (i0, j0), (i1, j1) in zip(rungs, rungs[1:]):
        rows.append({"s": " ".join(src_lines[i0:i1]), "t": " ".join(tgt_lines[j0:j1])})
    return rows


def double_cjk(path, out):
    with open(out, "w", encoding="utf-8") as f:
        f.write("".join("".join(c * 2 if ord(c) >= 0x2E80 else c for c in line) + "\n"
                        for line in lines(path)))
    return out


def Articles(args):
    """(name, gold TSV, {lang: sentence file}) of every article to score."""
    if args.batch:
        for name in sorted(os.listdir(args.batch))[:args.limit]:
            folder = os.path.join(args.batch, name)
            yield name, os.path.join(folder, "gold.tsv"), {
                lang: os.path.join(folder, f"{lang}.txt") for lang in LANGS}
        return
    for name in sorted(os.listdir(os.path.join(DATA, "alignment"))):
        slug = name[:-4]
        yield slug, os.path.join(DATA, "alignment", name), {
            lang: os.path.join(DATA, "segmentation", f"{slug}.{lang}.txt") for lang in LANGS}


def score(counts):
    tp, pred, gold = counts
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hashi", required=True)
    parser.add_argument("--hunalign", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--batch", help="articles made by align_bench_data.py")
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    totals = {}

    def add(tool, pair, mine, gold):
        t = totals.setdefault((tool, pair), [0, 0, 0])
        t[0] += len(mine & gold)
        t[1] += len(mine)
        t[2] += len(gold)

    for slug, gold_path, files in Articles(args):
        with open(gold_path, encoding="utf-8") as f:
            table = [nfc(line).split("\t") for line in f.read().rstrip("\n").split("\n")]
        gold = [dict(zip(table[0], row + [""] * (len(table[0]) - len(row)))) for row in table[1:]]
        sentences = {lang: lines(path) for lang, path in files.items()}
        nfc_files = {}
        for lang in LANGS:  # hunalign reads bytes: give it NFC as hashi sees it
            nfc_files[lang] = os.path.join(args.work, f"{slug}.{lang}.txt")
            with open(nfc_files[lang], "w", encoding="utf-8") as f:
                f.write("".join(s + "\n" for s in sentences[lang]))
        three = hashi_rows(args.hashi, files)
        for x, y in PAIRS:
            g = links(gold, x, y)
            add("hashi, all three at once", (x, y), links(three, x, y), g)
            add("hashi, the pair alone", (x, y),
                links(hashi_rows(args.hashi, {x: files[x], y: files[y]}), x, y), g)
            src, tgt = nfc_files[x], nfc_files[y]
            if y == "ja":
                tgt = double_cjk(tgt, os.path.join(args.work, f"{slug}.ja.doubled.txt"))
            rows = hunalign_rows(args.hunalign, src, tgt, sentences[x], sentences[y], args.work)
            add("hunalign (JA doubled)", (x, y), links(rows, "s", "t"), g)
    print("| aligner | " + " | ".join(f"{x}-{y} F1" for x, y in PAIRS) + " |")
    print("|---|" + "---|" * len(PAIRS))
    for tool in ["hashi, all three at once", "hashi, the pair alone", "hunalign (JA doubled)"]:
        print(f"| {tool} | " + " | ".join("%.3f" % score(totals[(tool, p)]) for p in PAIRS) + " |")


if __name__ == "__main__":
    main()
