"""The review page: parsed as HTML everywhere, and driven in a headless Chromium where one is installed."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from browser import start_browser
from conftest import in_process
from nettoyeur import CleanConfig
from nettoyeur.api import run_paths
from nettoyeur.review import build_review, review_path, word_diff, write_review

DATA = Path(__file__).resolve().parents[1] / "data"
CORPUS = json.loads((DATA / "review_corpus.json").read_text(encoding="utf-8"))["files"]


def write_corpus(root: Path) -> Path:
    for name, text in CORPUS.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def cleaned(tmp_path_factory):
    """The fixture corpus cleaned once: (report path, page path)."""
    tmp = tmp_path_factory.mktemp("review")
    run_paths(write_corpus(tmp / "in"), tmp / "out", CleanConfig(workers=1), quiet=True)
    report = tmp / "out.report.jsonl"
    return report, write_review(report)


class Page(HTMLParser):
    """Collects the elements of a page: (tag, attributes, text inside) per element, and the external references."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[list] = []
        self.stack: list[list] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("src", "href", "action", "data"):
            value = attrs.get(key) or ""
            if value and not value.startswith(("#", "data:")):
                self.external.append(f"{tag} {key}={value}")
        if tag == "link":
            self.external.append(f"link {attrs}")
        element = [tag, attrs, ""]
        self.elements.append(element)
        if tag not in ("meta", "input", "br", "img", "link"):
            self.stack.append(element)

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        for element in self.stack:
            element[2] += data

    def find(self, tag: str, cls: str | None = None) -> list[list]:
        return [e for e in self.elements if e[0] == tag and (cls is None or cls in (e[1].get("class") or "").split())]


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


def report_records(report: Path) -> list[dict]:
    return [json.loads(x) for x in report.read_text(encoding="utf-8").splitlines()]


def test_the_page_is_self_contained_and_names_nothing_outside(cleaned):
    _, path = cleaned
    assert path == review_path(cleaned[0]) and path.name == "out.review.html"
    text = path.read_text(encoding="utf-8")
    page = parse(text)
    assert page.external == []
    assert "default-src 'none'" in text  # the Content-Security-Policy forbids any request
    assert page.find("style") and page.find("script")
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text)


def test_the_chart_has_one_bar_per_reason_with_its_count(cleaned):
    report, path = cleaned
    page = parse(path.read_text(encoding="utf-8"))
    assert len(page.find("svg", "chart")) == 2  # per signal, per rule
    bars = [e for e in page.find("rect", "bar") if e[1].get("data-reason")]
    counts: dict[str, int] = {}
    signals: dict[str, int] = {}
    for r in report_records(report):
        reason = "contained (kept, reported)" if r.get("removed") is False else r["reason"]
        counts[reason] = counts.get(reason, 0) + 1
        signal = ":".join(reason.split(":")[:2]) if reason.startswith("boilerplate:") else reason.split(":")[0]
        signals[signal] = signals.get(signal, 0) + 1
    assert {e[1]["data-reason"]: e[2].rsplit(": ", 1)[1] for e in bars} == {k: f"{v:,}" for k, v in counts.items()}
    by_signal = [e for e in page.find("rect", "bar") if e[1].get("data-signal")]
    signal_bars = {e[1]["data-signal"]: e[2].rsplit(": ", 1)[1] for e in by_signal}
    assert signal_bars == {k: f"{v:,}" for k, v in signals.items()}
    # The gazette's menu ("Accueil | Actualités | ...") is a separated menu (pattern); its share
    # line recurs under the article in all 5 of its pages, above the copyright (frequency).
    assert signal_bars["boilerplate:frequency"] == "5" and signal_bars["encoding"] == "1"
    widths = {e[1]["data-reason"]: float(e[1]["width"]) for e in bars}
    top = max(counts, key=counts.get)
    assert widths[top] == max(widths.values()) > widths[min(counts, key=counts.get)]


def test_samples_have_their_context_from_the_input(cleaned):
    report, path = cleaned
    page = parse(path.read_text(encoding="utf-8"))
    items = [e for e in page.find("article", "item") if "cluster" not in e[1]["class"]]
    by_reason: dict[str, int] = {}
    for e in items:
        by_reason[e[1]["data-reason"]] = by_reason.get(e[1]["data-reason"], 0) + 1
    expected: dict[str, int] = {}
    for r in report_records(report):
        reason = "contained (kept, reported)" if r.get("removed") is False else r["reason"]
        expected[reason] = min(20, expected.get(reason, 0) + 1)
    assert by_reason == expected  # every rule sampled, up to 20 each
    # The typo copy of the harbour paragraph, with the two paragraphs above it (menu, title) and below.
    typo = [e for e in items if "commencerr" in e[2] and e[1]["data-reason"] == "duplicate"]
    assert len(typo) == 1 and typo[0][1]["data-file"] == "gazette/2026-01-05-port-suite.txt"
    context = typo[0][2]
    assert context.index("Port : les travaux commenceront en avril") < context.index("commencerr")
    assert context.index("commencerr") < context.index("La mairie promet")


def test_a_cluster_shows_the_kept_copy_beside_each_removed_one_with_the_changed_words(cleaned):
    _, path = cleaned
    text = path.read_text(encoding="utf-8")
    page = parse(text)
    clusters = page.find("article", "cluster")
    sizes = [int(e[2].split(" copies")[0].replace(",", "")) for e in clusters]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] >= 3  # largest first
    harbour = [e for e in clusters if "2026-01-04-port.txt:5" in e[2]]
    assert len(harbour) == 1
    dels = [e[2] for e in page.find("del")]
    ins = [e[2] for e in page.find("ins")]
    assert "commencerr" in dels and "commencer" in ins  # the typo and its kept spelling are marked
    assert "THE" in dels and "filmss" in dels
    assert "MinHash estimate 0.78" in harbour[0][2] and "exact Jaccard 0.81" in harbour[0][2]


def test_repairs_show_the_original_the_repair_and_the_ftfy_steps(cleaned):
    _, path = cleaned
    page = parse(path.read_text(encoding="utf-8"))
    repairs = [e for e in page.find("article", "item") if e[1]["data-reason"].startswith("encoding:")]
    assert len(repairs) == 1
    assert "cafÃ©" in repairs[0][2] and "café" in repairs[0][2] and "ftfy steps" in repairs[0][2]


def test_the_same_seed_gives_the_same_page_and_another_seed_another_sample(tmp_path):
    report = tmp_path / "x.report.jsonl"
    lines = [
        {"file": f"f{k % 7}.txt", "line": k, "paragraph": k, "reason": "boilerplate:pattern:nav", "text": f"menu {k}"}
        for k in range(500)
    ]
    report.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    one, two = build_review(report, seed=1), build_review(report, seed=1)
    assert one == two
    shown = set(re.findall(r"menu \d+", one))
    assert len(shown) == 20 and shown != set(re.findall(r"menu \d+", build_review(report, seed=2)))
    assert "20 of 500 shown" in one
    # A rule's sample does not move when another rule removes more (here, between its removals).
    other = [{"file": "g.txt", "line": k, "reason": "duplicate", "text": f"copy {k}"} for k in range(500)]
    mixed = [r for pair in zip(lines, other) for r in pair]
    report.write_text("".join(json.dumps(r) + "\n" for r in mixed), encoding="utf-8")
    assert set(re.findall(r"menu \d+", build_review(report, seed=1))) == shown
    assert "no summary beside the report" in one  # a report alone still gives a page


def test_a_large_report_gives_a_bounded_page_that_says_what_it_left_out(tmp_path):
    report = tmp_path / "big.report.jsonl"
    words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor".split()
    # A text depends on k only through k % 12: the 12 made once (joining 60 words per record
    # was a fifth of the test's CPU time), the records the same bytes as before.
    texts = [" ".join(words[(k + j) % len(words)] for j in range(60)) for k in range(len(words))]
    with report.open("w", encoding="utf-8") as handle:
        for k in range(60_000):
            text = texts[k % len(words)]
            target = k % 3000
            handle.write(
                json.dumps(
                    {
                        "file": f"d{k // 10:05d}.txt",
                        "line": k % 10 + 1,
                        "paragraph": k % 10,
                        "reason": "duplicate",
                        "text": text + f" {k}",
                        "kept_doc": f"k{target:04d}.txt",
                        "kept_line": 1,
                        "kept_text": text,
                        "jaccard": 0.9,
                        "estimated": 0.9,
                        "containment": 1.0,
                    }
                )
                + "\n"
            )
    page = build_review(report, max_bytes=400_000)
    assert len(page.encode("utf-8")) <= 400_000
    assert "smaller clusters" in page and "removed copies) not shown" in page
    assert "20 of 60,000 shown" in page
    assert "more files with removals not listed" in page
    full = build_review(report)
    assert len(full.encode("utf-8")) > 400_000 and full.count('class="item cluster"') == 200


def test_cli_review_and_clean_review(tmp_path):
    src = write_corpus(tmp_path / "in")
    proc = in_process("clean", str(src), str(tmp_path / "out"), "--review", "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    assert f"review: {tmp_path / 'out.review.html'}" in proc.stdout
    first = (tmp_path / "out.review.html").read_text(encoding="utf-8")
    out = tmp_path / "page.html"
    proc = in_process("review", str(tmp_path / "out.report.jsonl"), "-o", str(out))
    assert proc.returncode == 0 and out.read_text(encoding="utf-8") == first
    proc = in_process("review", str(tmp_path / "missing.report.jsonl"))
    assert proc.returncode == 2 and "cannot read report" in proc.stderr


def test_a_moved_input_is_found_with_input_path(tmp_path):
    src = write_corpus(tmp_path / "in")
    run_paths(src, tmp_path / "out", CleanConfig(workers=1), quiet=True)
    src.rename(tmp_path / "moved")
    lost = build_review(tmp_path / "out.report.jsonl")
    assert "no context shown: input" in lost and "--input PATH" in lost and 'class="ctx"' not in lost
    found = build_review(tmp_path / "out.report.jsonl", input_path=tmp_path / "moved")
    assert "no context shown" not in found and "La mairie promet" in found


def test_a_changed_or_missing_input_gives_no_context_and_no_error(tmp_path):
    src = write_corpus(tmp_path / "in")
    run_paths(src, tmp_path / "out", CleanConfig(workers=1), quiet=True)
    changed = src / "gazette/2026-01-05-port-suite.txt"
    changed.write_text("Something else entirely.\n", encoding="utf-8")
    page = parse(build_review(tmp_path / "out.report.jsonl"))
    typo = [e for e in page.find("article", "item") if "commencerr" in e[2] and e[1]["data-reason"] == "duplicate"]
    assert typo and "La mairie promet" not in typo[0][2] and "Something else" not in typo[0][2]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_word_diff_marks_words_and_loses_no_character(removed, kept):
    left, right = word_diff(removed, kept)
    assert html.unescape(re.sub(r"</?(del|ins)>", "", left)) == removed
    assert html.unescape(re.sub(r"</?(del|ins)>", "", right)) == kept
    assert "<ins>" not in left and "<del>" not in right
    if removed.split() == kept.split() and removed == kept:
        assert "<del>" not in left and "<ins>" not in right


# ---------------------------------------------------------------- in a real browser


@pytest.fixture(scope="module")
def browser():
    driver, why = start_browser()
    if driver is None:
        pytest.skip(f"no headless browser: {why}; the page is still checked by parsing above")
    yield driver
    driver.quit()


def _visible(driver) -> list:
    return [e for e in driver.find_elements("css selector", "article.item") if e.is_displayed()]


def test_in_a_browser_the_page_loads_without_errors_and_its_filters_narrow_the_list(cleaned, browser):
    from selenium.webdriver.support.ui import Select

    _, path = cleaned
    browser.get(path.resolve().as_uri())
    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == []
    bars = browser.find_elements("css selector", "svg.chart rect.bar")
    assert bars and all(b.size["width"] > 0 and b.size["height"] > 0 for b in bars)  # the chart renders
    everything = _visible(browser)
    assert len(everything) > 10
    assert browser.find_element("id", "shown").text == f"{len(everything)} of {len(everything)} items"
    search = browser.find_element("id", "q")
    search.send_keys("commencerr")
    browser.execute_script("document.getElementById('q').dispatchEvent(new Event('change'))")
    import time

    deadline = time.monotonic() + 5
    while len(_visible(browser)) == len(everything) and time.monotonic() < deadline:
        time.sleep(0.05)
    narrowed = _visible(browser)
    assert 0 < len(narrowed) < len(everything)
    assert all("commencerr" in e.text for e in narrowed)
    search.clear()
    browser.execute_script("document.getElementById('q').dispatchEvent(new Event('input'))")
    deadline = time.monotonic() + 5
    while len(_visible(browser)) != len(everything) and time.monotonic() < deadline:
        time.sleep(0.05)
    Select(browser.find_element("id", "reason")).select_by_value("boilerplate:pattern:copyright")
    copyright_items = _visible(browser)
    assert copyright_items and len(copyright_items) < len(everything)
    assert all(e.get_attribute("data-reason") == "boilerplate:pattern:copyright" for e in copyright_items)
    Select(browser.find_element("id", "reason")).select_by_value("")
    Select(browser.find_element("id", "file")).select_by_value("city/weekly-digest.txt")
    in_file = _visible(browser)
    assert in_file and len(in_file) < len(everything)
    assert all("city/weekly-digest.txt" in e.get_attribute("data-file").split("\n") for e in in_file)
    Select(browser.find_element("id", "file")).select_by_value("")
    assert len(_visible(browser)) == len(everything)


def test_in_a_browser_a_cluster_diff_shows_the_changed_words(cleaned, browser):
    _, path = cleaned
    browser.get(path.resolve().as_uri())
    marked = browser.find_elements("css selector", "article.cluster del")
    assert "commencerr" in [m.text for m in marked]
    kept = [m.text for m in browser.find_elements("css selector", "article.cluster ins")]
    assert "commencer" in kept
    deleted = next(m for m in marked if m.text == "commencerr")
    style = deleted.value_of_css_property("text-decoration-line")
    assert "line-through" in style  # shown struck through, not only present in the markup


def test_a_page_of_records_groups_by_shard_and_reads_context_inside_the_record(tmp_path):
    records = json.loads((DATA / "annotate_cases.json").read_text(encoding="utf-8"))["records"]
    src = tmp_path / "in" / "x.jsonl"
    src.parent.mkdir()
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    run_paths(src.parent, tmp_path / "out", CleanConfig(workers=1), quiet=True)
    page = parse(build_review(tmp_path / "out.report.jsonl"))
    items = page.find("article", "item")
    assert items and {e[1]["data-file"] for e in items} == {"x.jsonl"}  # records are filed under their shard
    rows = page.find("tr")
    shard = [e for e in rows if e[1].get("data-file") == "x.jsonl"]
    removed = sum(1 for r in report_records(tmp_path / "out.report.jsonl") if not r["reason"].startswith("encoding:"))
    paragraphs = sum(len([x for x in r["text"].splitlines() if x.strip()]) for r in records)
    assert len(shard) == 1 and f"{paragraphs - removed}{removed}" in shard[0][2].replace(" ", "")
    # The copy in record a4 (its first paragraph), with the two paragraphs below it in that record.
    copy = [e for e in items if e[1]["class"] == "item" and e[1]["data-reason"] == "duplicate" and "id a4" in e[2]]
    assert len(copy) == 1 and "Organisers hope" in copy[0][2] and "Share this article" in copy[0][2]
    assert "Park news" not in copy[0][2]  # nothing from another record
