"""Sites as evidence of boilerplate (issue 13): generated records with a url each, chrome lines labelled.

The pages are :class:`corpus.ArticleFactory`'s (each of ``--sites`` sites has its own header,
byline and footer around invented prose); each record's ``url`` names its site. A share
``--box`` of the pages holds a fact box inside the body, content that unrelated pages share:
``--box-lines`` 2 gives "Country:" / one of twelve countries, 4 adds "Open on Sundays:" / "Yes"
or "No" (a four-line box is a three-line block across sites). The records are cleaned in memory
(:class:`nettoyeur.Cleaner`) with ``site="none"`` and ``site="auto"``, and the boilerplate
verdicts are scored against the labels: chrome recall (chrome lines with a boilerplate verdict),
content lines removed as boilerplate, and the reasons of those.

    python benchmarks/sites.py                                   # 3,000 pages, 40 sites, 5% two-line boxes
    python benchmarks/sites.py --box 0.33 --box-lines 4
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ArticleFactory  # noqa: E402
from nettoyeur import Cleaner  # noqa: E402

COUNTRIES = "France Spain Italy Germany Japan Brazil Canada Kenya Chile Norway Peru India".split()


def labelled_records(pages: int, sites: int, box: float, box_lines: int, seed: int = 11) -> tuple[list, list]:
    """Returns the records (id, url, text) and, per record, the label of each line (``chrome`` or ``content``)."""
    factory = ArticleFactory(seed=seed, sites=sites)
    rng = np.random.default_rng(seed + 1)
    records, labels = [], []
    for i in range(pages):
        lines = [line for line in factory.article().split("\n") if line.strip()]
        site = next(s for s in factory.sites if lines[: len(s["header"])] == s["header"])
        chrome = set(site["header"]) | set(site["footer"])
        label = [
            "chrome"
            if line in chrome or line.startswith("Read also: ") or line.startswith(f"By {site['name']} staff")
            else "content"
            for line in lines
        ]
        if rng.random() < box:
            facts = ["Country:", COUNTRIES[int(rng.integers(0, len(COUNTRIES)))]]
            facts += ["Open on Sundays:", ["Yes", "No"][int(rng.integers(0, 2))]]
            at = len(site["header"]) + 3  # under the title, the byline and the first paragraph
            lines[at:at] = facts[:box_lines]
            label[at:at] = ["content"] * box_lines
        host = site["name"].lower().replace(" ", "-") + ".example"
        records.append({"id": f"d{i:05d}", "url": f"https://www.{host}/a/{i}", "text": "\n".join(lines)})
        labels.append(label)
    return records, labels


def score(records: list[dict[str, Any]], labels: list[list[str]], site: str) -> dict[str, Any]:
    """Cleans the records with ``site`` and scores the boilerplate verdicts against the labels."""
    removed = {}
    for item in Cleaner(site=site).clean(records):
        for rec in item.removed:
            removed[(item.position, rec["line"] - 1)] = rec["reason"]
    counts: Counter[tuple[str, bool]] = Counter()
    lost: Counter[str] = Counter()
    for position, label in enumerate(labels):
        for line, kind in enumerate(label):
            reason = removed.get((position, line), "")
            chrome = reason.startswith("boilerplate:")
            counts[(kind, chrome)] += 1
            if chrome and kind == "content":
                lost[reason] += 1
    found, total = counts[("chrome", True)], counts[("chrome", True)] + counts[("chrome", False)]
    return {"site": site, "chrome_recall": found / total, "content_removed": counts[("content", True)], "lost": lost}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--sites", type=int, default=40)
    parser.add_argument("--box", type=float, default=0.05, help="share of pages with a fact box")
    parser.add_argument("--box-lines", type=int, default=2, choices=[2, 4])
    args = parser.parse_args(argv)
    records, labels = labelled_records(args.pages, args.sites, args.box, args.box_lines)
    content = sum(label.count("content") for label in labels)
    print(f"{len(records)} pages, {args.sites} sites, box {args.box} x {args.box_lines} lines; {content} content lines")
    for site in ("none", "auto"):
        got = score(records, labels, site)
        print(
            f"site={site}: chrome recall {got['chrome_recall']:.3f}, content lines removed as boilerplate "
            f"{got['content_removed']}: {dict(got['lost'].most_common(5))}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
