"""Legacy code pages: how often decode() reads a non-UTF-8 file right, and what it costs.

The texts are tests/data/legacy_encoding_texts.json (written for nettoyeur). Each legacy text is
encoded in its code page as one line, one paragraph and an article (title, both paragraphs and
ASCII lines, three times over); each Western text in cp1252 likewise, and must stay cp1252.
``--charset-normalizer`` scores charset-normalizer (restricted to the same candidates) instead.

    python benchmarks/legacy_decode.py [--charset-normalizer] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from nettoyeur.text.decode import decode
from nettoyeur.text.legacy import CANDIDATES

TEXTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "legacy_encoding_texts.json"
HEADER = "\n\nPublished 2024-03-15 09:30, updated 2024-03-16\nhttps://example.org/news/2024/03/15/item-4512.html\n\n"


def samples() -> list[tuple[str, str, str, str]]:
    """(codec, language, kind, text) for every text as line, paragraph and article."""
    data = json.loads(TEXTS.read_text(encoding="utf-8"))
    groups = [(codec, item) for codec, items in data["legacy"].items() for item in items]
    groups += [("cp1252", item) for item in data["western"]]
    out = []
    for codec, item in groups:
        article = (item["line"] + HEADER + "\n\n".join(item["paragraphs"]) + "\n\n1 234 / 56,7 % / 8.9\n") * 3
        for kind, text in (
            ("line", item["line"] + "\n"),
            ("paragraph", item["paragraphs"][0] + "\n"),
            ("article", article),
        ):
            out.append((codec, item["lang"], kind, text))
    return out


def snippets(length: int) -> list[tuple[str, str, str]]:
    """(codec, language, text): every window of ``length`` characters, from one space to the next, of every text."""
    data = json.loads(TEXTS.read_text(encoding="utf-8"))
    groups = [(codec, item) for codec, items in data["legacy"].items() for item in items]
    groups += [("cp1252", item) for item in data["western"]]
    out = []
    for codec, item in groups:
        for text in (item["line"], *item["paragraphs"]):
            starts = [0] + [i + 1 for i, c in enumerate(text) if c == " "]
            for start in starts[::2]:
                window = text[start : start + length]
                if len(window) == length and not window.isascii():
                    out.append((codec, item["lang"], window))
    return out


def charset_normalizer_decode(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=[codec for codec, _ in CANDIDATES]).best()
    return (str(best), best.encoding) if best else (data.decode("cp1252", errors="replace"), "none")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--charset-normalizer", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    reader = charset_normalizer_decode if args.charset_normalizer else decode
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for codec, lang, kind, text in samples():
        got, name = reader(text.encode(codec))
        ok = got == text
        right[f"{codec} {kind}"][0] += ok
        right[f"{codec} {kind}"][1] += 1
        if not ok:
            print(f"MISS {codec} {lang} {kind}: read as {name}: {got[:60]!r}")
    for key, (good, total) in right.items():
        print(f"{key:24} {good}/{total}")
    for length in (12, 24, 48):
        tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # right, cp1252, another, total
        for codec, lang, text in snippets(length):
            got, name = reader(text.encode(codec))
            row = tally[codec]
            row[3] += 1
            if got == text:
                row[0] += 1
            elif name.startswith("cp1252"):
                row[1] += 1
            else:
                row[2] += 1
                if codec == "cp1252" or args.verbose:
                    print(f"WRONG {length} {codec} {lang} as {name}: {text!r} -> {got!r}")
        for codec, (good, fallback, wrong, total) in tally.items():
            print(f"{length:3} chars {codec:11} right {good}/{total}, read as cp1252 {fallback}, as another {wrong}")
    for size in (10_000, 100_000):
        for codec, lang, kind, text in samples():
            if kind == "article" and lang in ("ru", "ja", "pl", "fr") and codec != "koi8-r":
                data = (text * (size // len(text.encode(codec)) + 1)).encode(codec)[:size]
                data = data[: data.rfind(b"\n") + 1]
                times = []
                for _ in range(args.repeat):
                    start = time.process_time()
                    reader(data)
                    times.append(time.process_time() - start)
                median = sorted(times)[len(times) // 2] * 1000
                print(f"cost {size // 1000} KB {codec} {lang}: {median:.2f} ms CPU (median)")


if __name__ == "__main__":
    main()
