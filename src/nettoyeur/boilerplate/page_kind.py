"""The page's kind: a page of records (a shop's product, a results table, a listing) keeps its records.

The position signals (the header and the footer around the article's body, the headline runs, the
blocks apart from the article, the labels inside it: :mod:`nettoyeur.boilerplate.mark`) read a page as
an article: one prose body, chrome around it. A page of another kind has little prose or none: a
product's page prints its name, its price and a table of its specifications around a sentence of
description; a results page prints its scores and a league table under one line of report; a listing
prints its entries. Read as an article, their records stand above or below the body and go as its
header or footer.

The page's kind is read once a round from the shapes the signals already have, on the lines no rule
flagged (what a second clean of the output reads): a page of records has a small article body (at most
``RECORD_PAGE_PROSE`` prose words) and a run of at least ``RECORD_RUN_MIN`` records, a record being a
short line with a letter and one of three shapes:

- a price: a currency sign beside a figure ("£34.99", "749,00 €", "Was £49.99 – save £15.00");
- a field with a figure ("Capacity: 1.7 litres", "Kaufpreis: 389.000 €": a label of at most
  ``FIELD_LABEL_WORDS`` words, ": ", a value with a figure);
- a row of figures: ``ROW_FIGURES`` separate figures or more ("Ashworth Town 2-1 Kelby United",
  "1 Redbridge Wanderers 28 19 5 4 62").

On such a page, :func:`spared_records` names the lines the position signals flagged that are the page's
records: each run of at least ``RECORD_RUN_SPARED`` records (a line between two records of a run is the
run's: "IVA incluido" between the price and the delivery time), with up to ``RECORD_HEADINGS`` short lines
just above it (the table's heading, its header row, the product's name). Rules that know a line (the
cookie banner, the share bar, the navigation labels, the copyright) still fire on every page: a line they
flagged is never spared and cuts a run. Two runs are the site's, not the page's: a run just under a
"related" label (``mark.READ_ALSO``: "Customers also bought"), and, below the body, a shorter run than the
page's longest made only of offers (a name with a price at its end: "Harbour 4-Slice Toaster £39.99"), the
cross-sell of a product's page.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from nettoyeur.boilerplate.content_guards import FIELD_LABEL_WORDS
from nettoyeur.boilerplate.line_shapes import LineInfo, count_words
from nettoyeur.records import Verdict

__all__ = ["RECORD_PAGE_PROSE", "RECORD_RUN_MIN", "record_page", "record_shape", "spared_records"]

# A page of records has at most this many prose words in lines no rule flagged (its article body, if any).
# Measured with the audit of 36 pages of many kinds (issue 13's audit15): its product, property, results
# and course pages have 10 to 60 prose words, its recipes and press releases 100 to 190 (articles: nothing
# to spare there). On eval-pages-dev, a limit of 150 spares 4 content lines and 9 chrome lines (15 / 41
# words); 200, 4 / 30; 300, 14 / 57 (79 / 288 words): its pages of little prose are mostly indexes whose
# figures the gold calls chrome.
RECORD_PAGE_PROSE = 150
# ... and a run of at least this many records (lines no rule flagged between; see ``RECORD_GAP``). The
# audit's record pages have runs of 4 to 9; with 3, eval-pages-dev spares 30 chrome lines more at 150 prose
# words (a few blog pages whose dated links are rows of figures), the audit nothing more.
RECORD_RUN_MIN = 4
# A run of records holds at most this many other short lines in a row between two records.
RECORD_GAP = 1
# The runs spared have at least this many records: a lone price line far above the product ("Free delivery
# on orders over £40") is the site's. Audit: 1 would keep 10 chrome lines more.
RECORD_RUN_SPARED = 2
# Up to this many short lines just above a spared run go with it (no sentence, no rule flagged them): its
# heading and its header row ("Table" / "Pos Team P W D L Pts"), the product's name. Audit: 0 -> 1 -> 2
# headings, content lines spared 43 -> 51 -> 53, no chrome line kept more; eval-pages-dev 3 chrome lines more.
RECORD_HEADINGS = 2
# A row of figures has at least this many separate figures (a score "2-1" has two).
ROW_FIGURES = 2
# The longest record: a record is a short line, not prose.
RECORD_MAX_WORDS = 16
# Signs written after a figure that Unicode does not class as currency symbols (Sc): yen and yuan.
_CURRENCY_WORDS = frozenset("\u5186\u5143")
_FIGURES = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")
# The verdicts spared: the position signals that read the page as an article. The lists of links
# (counted, pointer, excerpt, teaser lists) and the repeated controls read their own structure and stay.
SPARED_REASONS = frozenset(
    "boilerplate:position:" + name
    for name in (
        "header",
        "footer",
        "headline-run",
        "inline-label",
        "inline-block",
        "inline-teaser",
        "outlying-block",
        "outlying-tail",
        "chrome-run",
    )
)


def _currency(text: str) -> bool:
    """True when a currency sign stands beside a figure (a space between allowed)."""
    for k, c in enumerate(text):
        if c in _CURRENCY_WORDS or unicodedata.category(c) == "Sc":
            before = text[max(0, k - 2) : k].rstrip()[-1:]
            after = text[k + 1 : k + 3].lstrip()[:1]
            if before.isdecimal() or after.isdecimal():
                return True
    return False


def _figure_field(text: str) -> bool:
    """True for a field whose value has a figure ("Weight: 1.1 kg")."""
    label, colon, value = text.partition(": ")
    return bool(colon) and 0 < count_words(label) <= FIELD_LABEL_WORDS and _FIGURES.search(value) is not None


def record_shape(info: LineInfo) -> str | None:
    """Returns the record shape of a line (``price``, ``field``, ``row``), or None when it is no record."""
    text = info.text
    if info.prose or info.n_words > RECORD_MAX_WORDS or _FIGURES.search(text) is None or _LETTER.search(text) is None:
        return None
    if _currency(text):
        return "price"
    if _figure_field(text):
        return "field"
    if len(_FIGURES.findall(text)) >= ROW_FIGURES:
        return "row"
    return None


def _runs(infos: Sequence[LineInfo], known: Sequence[Verdict | None], records: Sequence[bool]) -> list[list[int]]:
    """Returns the runs of records, each its lines in order (the short lines between records included)."""
    runs: list[list[int]] = []
    current: list[int] = []
    between: list[int] = []
    for k, info in enumerate(infos):
        if records[k]:
            current.extend(between)
            current.append(k)
            between = []
        elif info.prose or known[k] is not None or len(between) >= RECORD_GAP:
            if current:
                runs.append(current)
            current, between = [], []
        elif current:
            between.append(k)
    if current:
        runs.append(current)
    return runs


def record_page(infos: Sequence[LineInfo], known: Sequence[Verdict | None]) -> list[bool] | None:
    """Returns whether each line is a record when the page is a page of records, else None.

    Args:
        infos: the page's lines.
        known: the verdicts of the rules that know a line (None: no rule flagged it).
    """
    prose = 0
    for info, flag in zip(infos, known):
        if flag is None and info.prose:
            prose += info.n_words
            if prose > RECORD_PAGE_PROSE:
                return None
    records = [flag is None and record_shape(info) is not None for info, flag in zip(infos, known)]
    if sum(records) < RECORD_RUN_MIN:
        return None
    if not any(sum(records[k] for k in run) >= RECORD_RUN_MIN for run in _runs(infos, known, records)):
        return None
    return records


def _offers(infos: Sequence[LineInfo], run: list[int], records: Sequence[bool]) -> bool:
    """True when every record of ``run`` is an offer: a name with a price at its end."""
    for k in run:
        if records[k]:
            text = infos[k].text
            if record_shape(infos[k]) != "price" or not _currency(text[-6:]) or count_words(text) < 2:
                return False
    return True


def spared_records(
    infos: Sequence[LineInfo],
    known: Sequence[Verdict | None],
    flags: Sequence[Verdict | None],
    related: str,
) -> list[int]:
    """Returns the lines of a page of records that the position signals flagged and that are its records.

    Args:
        infos: the page's lines.
        known: the verdicts of the rules that know a line (None: no rule flagged it).
        flags: the verdicts once every signal ran.
        related: the reason of a "related" label (``mark.READ_ALSO``).
    """
    records = record_page(infos, known)
    if records is None:
        return []
    runs = [run for run in _runs(infos, known, records) if sum(records[k] for k in run) >= RECORD_RUN_SPARED]
    if not runs:
        return []
    body_end = max((k for k, info in enumerate(infos) if info.prose and known[k] is None), default=-1)
    longest = max(sum(records[k] for k in run) for run in runs)
    spared: list[int] = []
    for run in runs:
        above = run[0] - 1
        if above >= 0 and known[above] is not None and known[above].reason == related:
            continue
        if run[0] > body_end and sum(records[k] for k in run) < longest and _offers(infos, run, records):
            continue
        spared.extend(run)
        k = above
        while k >= 0 and above - k < RECORD_HEADINGS and known[k] is None and not (infos[k].prose or infos[k].sentence):
            spared.append(k)
            k -= 1
    return sorted(k for k in set(spared) if flags[k] is not None and flags[k].reason in SPARED_REASONS)
