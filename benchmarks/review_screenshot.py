"""The README's screenshots of the review page (docs/review.png, docs/review-cluster.png).

Cleans ``samples/`` plus the review tests' own fixture corpus (tests/data/review_corpus.json,
written for the tests: recurring chrome, near copies, a cut copy, mojibake) with ``--review``,
opens the page in the same headless Chromium the tests use (tests/browser.py) and saves two
views: the run at a glance, and a duplicate cluster with its word-level diff.

    python benchmarks/review_screenshot.py [--out docs]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import start_browser  # noqa: E402


def build(tmp: Path) -> Path:
    corpus = tmp / "in"
    shutil.copytree(ROOT / "samples", corpus / "samples")
    files = json.loads((ROOT / "tests" / "data" / "review_corpus.json").read_text(encoding="utf-8"))["files"]
    for name, text in files.items():
        path = corpus / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    out = tmp / "demo"
    subprocess.run(
        [sys.executable, "-m", "nettoyeur", "clean", str(corpus), str(out), "--review", "-q", "--workers", "1"],
        check=True,
    )
    return tmp / "demo.review.html"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    driver, why = start_browser(1280, 1100)
    if driver is None:
        sys.exit(f"no browser: {why}")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            page = build(Path(tmp))
            driver.get(page.as_uri())
            args.out.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(args.out / "review.png"))
            # A cluster of three copies (a typo and a cut copy beside the kept paragraph), below the sticky bar.
            cluster = next(
                e for e in driver.find_elements("css selector", "article.cluster") if "commencerr" in e.text
            )
            below_bar = "window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 130)"
            driver.execute_script(below_bar, cluster)
            driver.save_screenshot(str(args.out / "review-cluster.png"))
    finally:
        driver.quit()
    print(f"wrote {args.out / 'review.png'} and {args.out / 'review-cluster.png'}")


if __name__ == "__main__":
    main()
