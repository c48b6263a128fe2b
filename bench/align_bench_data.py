#!/usr/bin/env python3
"""Inputs for bench/align_bench.sh, made from the gold sentences of the six example articles.

usage: align_bench_data.py --articles N --long M --out DIR [--seed S]

Writes, one sentence a line (presegmented, NFC):
  DIR/batch/ARTICLE/{en,vi,ja}.txt      N articles: the examples with units shuffled, dropped
                                        from one language or merged in one language, and their
                                        gold alignment DIR/batch/ARTICLE/gold.tsv
  DIR/batch-en-vi/, DIR/batch-en-ja/    the same articles with two languages only
  DIR/long.{en,vi,ja}.txt               such articles one after the other, M+ sentences a side
and hunalign's inputs: every ja file again as *.hun.txt with each CJK character doubled (the
usual fix for hunalign's 1:1 character-length assumption), and job files DIR/hunalign-en-vi.jobs,
DIR/hunalign-en-ja.jobs (source, target, output per line) for `hunalign -batch`.
"""
import argparse
import os
import random
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "tests", "data")
LANGS = ["en", "vi", "ja"]


def nfc(text):
    return unicodedata.normalize("NFC", text)


def gold_rows(slug):
    """The gold units of an article as lists of sentences per language."""
    sentences = {}
    for lang in LANGS:
        with open(os.path.join(DATA, "segmentation", f"{slug}.{lang}.txt"), encoding="utf-8") as f:
            sentences[lang] = [nfc(line) for line in f.read().split("\n") if line]
    with open(os.path.join(DATA, "alignment", f"{slug}.tsv"), encoding="utf-8") as f:
        lines = [nfc(line) for line in f.read().split("\n")[1:] if line]
    rows, pos = [], {lang: 0 for lang in LANGS}
    for line in lines:
        cells, row = line.split("\t"), {}
        for lang, cell in zip(LANGS, cells):
            row[lang] = []
            while " ".join(row[lang]) != cell:
                row[lang].append(sentences[lang][pos[lang]])
                pos[lang] += 1
        rows.append(row)
    return rows


def perturb(rows, rng):
    rows = [dict(r) for r in rows]
    body = rows[2:]
    rng.shuffle(body)  # units move together in every language, so the gold stays known
    rows = rows[:2] + body
    for _ in range(rng.randint(0, 2)):
        k, lang = rng.randrange(len(rows)), rng.choice(LANGS)
        if rng.random() < 0.5 and sum(1 for l in LANGS if rows[k][l]) == 3:
            rows[k][lang] = []  # a sentence one version lacks
        elif k + 1 < len(rows) and rows[k][lang] and rows[k + 1][lang]:
            merged = {l: rows[k][l] + rows[k + 1][l] for l in LANGS}
            merged[lang] = [" ".join(rows[k][lang] + rows[k + 1][lang])]
            rows[k:k + 2] = [merged]  # a translator's merge
    return rows


def double_cjk(text):
    return "".join(c * 2 if ord(c) >= 0x2E80 else c for c in text)


def write(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in lines))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--long", type=int, default=10000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    slugs = sorted(f[:-4] for f in os.listdir(os.path.join(DATA, "alignment")) if f.endswith(".tsv"))
    bases = [gold_rows(slug) for slug in slugs]
    jobs = {"en-vi": [], "en-ja": []}
    for k in range(args.articles):
        rows = perturb(bases[k % len(bases)], rng)
        name = f"a{k:05d}"
        write(os.path.join(args.out, "batch", name, "gold.tsv"),
              ["\t".join(LANGS)] + ["\t".join(" ".join(row[l]) for l in LANGS) for row in rows])
        for lang in LANGS:
            lines = [s for row in rows for s in row[lang]]
            write(os.path.join(args.out, "batch", name, f"{lang}.txt"), lines)
            for pair in jobs:
                if lang in pair.split("-"):
                    write(os.path.join(args.out, f"batch-{pair}", name, f"{lang}.txt"), lines)
            if lang == "ja":
                write(os.path.join(args.out, "batch", name, "ja.hun.txt"), map(double_cjk, lines))
        for pair in jobs:
            src, tgt = pair.split("-")
            tgt_file = "ja.hun.txt" if tgt == "ja" else f"{tgt}.txt"
            d = os.path.join(args.out, "batch", name)
            jobs[pair].append(f"{d}/{src}.txt\t{d}/{tgt_file}\t{args.out}/hunalign-out/{name}.{pair}")
    for pair, lines in jobs.items():
        write(os.path.join(args.out, f"hunalign-{pair}.jobs"), lines)
    os.makedirs(os.path.join(args.out, "hunalign-out"), exist_ok=True)
    long_doc = {lang: [] for lang in LANGS}
    k = 0
    while len(long_doc["en"]) < args.long:
        for row in perturb(bases[k % len(bases)], rng):
            for lang in LANGS:
                long_doc[lang].extend(row[lang])
        k += 1
    for lang in LANGS:
        write(os.path.join(args.out, f"long.{lang}.txt"), long_doc[lang])
    write(os.path.join(args.out, "long.ja.hun.txt"), map(double_cjk, long_doc["ja"]))


if __name__ == "__main__":
    main()
