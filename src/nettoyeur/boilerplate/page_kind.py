"""The page's kind: a page that is no article (a product, a results table, a listing) keeps its own lines.

The position signals (the header and the footer around the article's body, the headline runs, the
blocks apart from the article, the labels inside it: :mod:`nettoyeur.boilerplate.mark`) read a page as
an article: one prose body, chrome around it. A page of another kind has little prose or none: a
product's page prints its name, its price and a table of its specifications around a sentence of
description; a results page prints its scores and a league table under one line of report; a course's
page its credits and its teacher. Read as an article, their lines stand above or below the body and go
as its header or footer.

The page's kind is read each round of :func:`~nettoyeur.boilerplate.mark.mark` from the shapes the
signals already have, on the lines no rule flagged (``known``: what a second clean of the output reads
too), and :func:`spared_lines` names the lines to keep of those the position signals flagged
(``SPARED_REASONS``). Rules that know a line (the cookie banner, the share bar, the navigation labels,
the copyright, the dates) still fire on every page: a line they flagged is never spared. Two cases:

- The head of a page with a small body (at most ``HEAD_PAGE_PROSE`` prose words): the lines just above its
  first prose line, up to the first line a rule knows (a breadcrumb, a share bar, a date) or a sentence, lone
  words aside, when a record is among them (:func:`page_head`). An article's menus stand above such a line;
  what stands between it and a short text is the page's name and its particulars ("Helle 3-Zimmer-Wohnung ..."
  / "Kaufpreis: 389.000 €" / "Zimmer: 3"). The body's size counts the prose another step removed
  (:func:`removed_prose`): an article whose paragraphs dedup removed is still an article.
- A page of records: a small body (at most ``RECORD_PAGE_PROSE`` prose words) and a run of at least
  ``RECORD_RUN_MIN`` records (:func:`record_page`). A record is a short line of one of three shapes
  (:func:`record_shape`): a price, a currency sign beside a figure ("£34.99", "Was £49.99 – save £15.00");
  a field, a label of at most ``FIELD_LABEL_WORDS`` words, a colon and a value ("Capacity: 1.7 litres",
  "Semester: Autumn", "重さ：2.8kg"); a row of ``ROW_FIGURES`` figures or more ("Ashworth Town 2-1 Kelby
  United", "1 Redbridge Wanderers 28 19 5 4 62"); the cells of a table printed a cell a line are fields too, a
  label over its value (:func:`_pair_values`) or a row of cells that repeats its shapes (:func:`_grid_cells`).
  Each run of at least ``RECORD_RUN_SPARED`` records is
  the page's (a line between two records of a run is the run's: "IVA incluido" between the price and the
  delivery time), with up to ``RECORD_HEADINGS`` short lines just above it (the table's heading, its header
  row, the product's name: :func:`record_lines`). Two runs are the site's: a run just under a "related"
  label (``mark.READ_ALSO``: "Customers also bought"), and, below the body, a run shorter than the page's
  longest made only of offers (a name with a price at its end: "Harbour 4-Slice Toaster £39.99"), the
  cross-sell of a product's page. A listing's entries are its longest run: they stay.

Measured with the team's audit of 36 pages of many kinds (audit15: products, a shop's site, results,
jobs, property, courses, forums, recipes, notices ...; content lines lost / chrome lines kept): main
176 / 23 of 429 / 551; the records 126 / 23 (eval-pages-dev byte-identical); with the fields without a
figure, 108 / 25 (eval-pages-dev: 18 content words fewer lost with no copy kept, chrome recall unchanged);
with bare prices and the head, 103 / 25 (eval-pages-dev: see ``HEAD_PAGE_PROSE``); with dated lines no rows,
104 / 23 (see ``ROW_FIGURES``). eval-pages-dev in all, against main: content words lost with no copy kept
27,676 -> 27,648 (1.432% -> 1.431%), chrome recall by words 0.758 either way, removal precision 0.940.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence

from nettoyeur.boilerplate.content_guards import FIELD_LABEL_WORDS
from nettoyeur.boilerplate.line_shapes import PROSE_MIN_WORDS, LineInfo, count_words
from nettoyeur.boilerplate.rules import date_search
from nettoyeur.records import Document, Verdict

__all__ = [
    "SPARED_REASONS",
    "page_head",
    "record_lines",
    "record_page",
    "record_shape",
    "removed_prose",
    "small_body",
    "spared_lines",
]

Prefixes = tuple[str, ...]
Shapes = list[str | None]
# The record shapes (:func:`record_shape`).
PRICE, OFFER, FIELD, ROW, AMOUNT = "price", "offer", "field", "row", "amount"

# A page of records has at most this many prose words in lines no rule flagged (its article body, if any).
# Measured with the audit of 36 pages of many kinds (issue 13's audit15): its product, property, results
# and course pages have 10 to 60 prose words, its recipes and press releases 100 to 190 (articles: nothing
# to spare there). On eval-pages-dev (from main's report, replayed), a limit of 150 spares 4 content lines and
# 9 chrome lines (15 / 41 words); 200, 4 / 30; 300, 14 / 57 (79 / 288 words): its pages of little prose are
# mostly indexes whose figures the gold calls chrome.
RECORD_PAGE_PROSE = 150
# ... and a run of at least this many records (lines no rule flagged between; see ``RECORD_GAP``). The
# audit's record pages have runs of 4 to 9; with 3, eval-pages-dev spares 30 chrome lines more at 150 prose
# words (a few blog pages whose dated links are rows of figures), the audit nothing more.
RECORD_RUN_MIN = 4
# A run of records holds at most this many other short lines in a row between two records: a forecast's day
# prints its name and its sky between its figures ("Mardi 8" / "Pluie faible" / "5° / 11°" / "Vent : SO 20
# km/h"), a listing its label cells. Issue 13's audit18 (32 pages in 26 languages), with 1: content lines lost
# 82 -> 69 of 534 with 2 (a forecast, a course's teacher under its label, a property's price over its table),
# chrome kept unchanged; eval-pages-dev: 3 chrome lines kept more (one page's heading of a run), eval-dev and the
# pairs byte-identical. The short lines between a run's last record and the prose under it are the run's (a
# forecast's last sky, "Handmade" under a product's fields), as before another record: audit18 content lost 60 -> 59
# of 534 (a forecast read as prose by its shape: mark._round_prose), audit17 35 -> 33 of 363 for 1 chrome line more
# (a product's tab label); the dev sets byte-identical.
RECORD_GAP = 2
# The runs spared have at least this many records: a lone price line far above the product ("Free delivery
# on orders over £40") is the site's. Audit15 (replayed on main's report): 1 keeps 3 chrome lines more for 1
# content line. A bare price alone ("189,00 €", no letter: a record has one but a price) is the product's:
# audit15 99 -> 94 content lines lost (the price and the name above it, where the site's "Statt 219,00 €"
# under it is chrome by frequency), no chrome line more, eval-pages-dev unchanged.
RECORD_RUN_SPARED = 2
# Up to this many short lines just above a spared run go with it (no sentence, no rule flagged them): its
# heading and its header row ("Table" / "Pos Team P W D L Pts"), the product's name. Audit15: 0 -> 1 -> 2
# headings, content lines lost 123 -> 110 -> 108, chrome lines kept 24 -> 25 -> 26 (a breadcrumb no rule
# read, which ``_TRAIL`` now stops: 25); eval-pages-dev 3 chrome lines more (replayed).
RECORD_HEADINGS = 2
# The head of a page with at most HEAD_PAGE_PROSE prose words: the HEAD_MIN_LINES to HEAD_MAX_LINES lines
# just above its first prose line, none known to a rule (no breadcrumb, share bar or date between) nor a
# sentence, lone words aside (a section's label: "Trails" over a walk's page, the project's golden case
# en-list-at-the-end), with a record among them (its particulars: "Guide price: £325,000"; without it the
# golden en-letter kept the menu's "Waste and recycling" above "Dear Ms Okafor,"). Audit15: 108 -> 103 content
# lines lost, chrome kept 25 (without the record, 98 and 26). On eval-pages-dev (with the records, against
# main): 9 content lines (36 words) kept more, 15 chrome lines (82 words); content words lost with no copy kept
# 27,676 -> 27,640 (without the record: 72 content words, 108 chrome words, 27,637). Without the sentence's
# stop, eval-dev kept the name of a blog over a short post ("Das Leben, ..." / "Startseite" / "Nebelsuppe." /
# the post), its chrome recall 0.917 -> 0.916; stopping at the page's first line instead (no rule's line
# above) is no fixed point: the rounds after the first, and a second clean, read the page without the rules'
# lines. With 150 words and 12 lines (no stops), eval-pages-dev kept 72 chrome lines (217 words) for 49
# content lines (186).
HEAD_PAGE_PROSE = 100
HEAD_MIN_LINES = 2
HEAD_MAX_LINES = 8
# The tail of the same small page: the lines just below its last prose line, down to the first line a rule
# knows (its share bar, its related label, its footer's links), at most TAIL_MAX_LINES, with TAIL_MIN_RECORDS
# fields or rows among them (no offer: a product's cross-sell under a label no rule knows goes): a job advert's
# duties and terms ("Lön: Individuell lönesättning"), a notice's figures, a
# short report's table of facts ("التكلفة: 800 مليون دولار") under a lead of one paragraph, which the footer took.
# Audit17: see the commit's figures. A list of names that reaches the limit runs on while its items do (labels of
# two words at most, no figure: a match report's line-ups). Audit18: 10 content lines of line-ups lost fewer, no
# chrome line kept more, audit17 unchanged; eval-dev, the pairs and eval-pages-dev byte-identical. With the limit at
# 20 instead, audit17 kept 4 chrome lines more (a product's cross-sell).
TAIL_MAX_LINES = 12
TAIL_MIN_RECORDS = 2
# A row of figures has at least this many separate figures (a score "2-1" has two). Audit15 with 3 (replayed):
# 9 content lines fewer spared (the scores), 1 chrome line fewer kept. A line that holds a date (the rules' date
# search) is no row: audit15 chrome kept 25 -> 23 (a podcast's "March 6, 2024 · 48 min" and the label above it),
# content lost 103 -> 104; eval-pages-dev 1 content line (8 words) lost more.
ROW_FIGURES = 2
# An amount: a quantity, then what it measures in lower case, at most AMOUNT_MAX_WORDS words ("500 g spliterwten",
# "4 białe kiełbasy", "2 xícaras de açúcar"): a recipe's ingredient. A teaser's count is in title case ("7 Tips for
# Better Sleep"), a list's number has its stop ("2. Los billetes"). Audit17's recipes without an opening paragraph
# lost their ingredients as the header of their method.
AMOUNT_MAX_WORDS = 7
_AMOUNT = re.compile(r"(?:\d+(?:[.,/]\d+)?|[½¼¾⅓⅔])\s*[^\W\d_]")
# The longest record: a record is a short line, not prose.
RECORD_MAX_WORDS = 16
# A table of specifications printed a cell a line: a label ("Hmotnost", "Емкость аккумулятора", "容量", no figure,
# no function word, at most FIELD_LABEL_WORDS words) over its value, a figure with at most this many words ("290 g",
# "2 А·ч", "1200W", "EN 1078"). The value is a record (a field across two lines: :func:`_pair_values`). Issue 13's
# audit17 (30 pages in 20 languages): its product pages' tables, 4 to 5 values each, went as the footer of a
# description of one sentence; eval-pages-dev: see the commit's figures.
PAIR_VALUE_WORDS = 3
# Two values with a figure at most this many lines apart bound a table of labels over values whose other values
# have none ("Facing" / "East", "Furnishing" / "Semi-Furnished": :func:`_pair_table`): four pairs between them.
# Issue 13's audit18 (32 pages in 26 languages): a property listing's table of 7 pairs, 3 with a figure, went as
# the header of its description; eval-pages-dev: see the commit's figures.
PAIR_TABLE_SPAN = 10
# The rules whose lines a product's head holds between its particulars and its description: its buttons ("Add to
# cart", "В корзину", "Do košíku"). The walk up from the description (:func:`_head_above`) passes over them; without
# it, audit17's product pages lost their name and price once the rules read their buttons in 14 more languages;
# audit18's, once they read the rating under the name ("4.6 out of 5 stars": ``review-controls``).
_HEAD_CONTROLS = frozenset({"listing-control", "review-controls"})
# A table's label cell may end with an abbreviation and its stop ("Kambarių sk.", "Zimmeranz.", "No. of rooms" cut
# to "Rooms no."): a last word of at most this many letters, then ".", after another word. Read as a sentence, it
# was no label, the value under it no field, and issue 13's audit18 property listing (no prose line but its
# description, in a language without function words in the lexicon) had its table cut in runs too short for a page
# of records: it went as the header of its description (17 content lines lost; 4 with it, 0 with the rows below).
ABBREVIATION_CHARS = 3
# Signs written after a figure that Unicode does not class as currency symbols (Sc): yen and yuan.
_CURRENCY_WORDS = frozenset("\u5186\u5143")
_FIGURES = re.compile(r"\d+")
# An offer's price stands in its last characters ("Linden Bread Bin £19.99", "Bit-Set 32-teilig 14,99 €").
_PRICE_END = 6
# A trail of links (a breadcrumb "Home > Kitchen > Pans", a menu "News | Sport") is no heading of a run:
# separators between spaces.
_TRAIL = re.compile(r"\s[>›»|·•/]\s")
# A field's label ends with a colon and a space, or with a full-width colon (CJK: "重さ：2.8kg").
_COLONS = (": ", "\uff1a")
_LETTER = re.compile(r"[^\W\d_]")
_BOILERPLATE = "boilerplate:"
# The largest body of a page that is no article (:func:`spared_lines` reads no further on other pages).
_SMALL = max(HEAD_PAGE_PROSE, RECORD_PAGE_PROSE)
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


def _label(label: str) -> bool:
    """True for a field's label: at most ``FIELD_LABEL_WORDS`` words, ending with a letter, a figure or a bracket.

    Not the "-- Alabama :" of a menu's "-- Alabama :: Birmingham".
    """
    end = label[-1:]
    return (end.isalnum() or end in ")]") and 0 < count_words(label) <= FIELD_LABEL_WORDS


def _field(text: str) -> bool:
    """True for a field: a label, a colon and a value ("Weight: 1.1 kg", "Semester: Autumn", "重さ：2.8kg").

    French typography sets a space before the colon ("Vent : S 10 km/h", "Charges : 140 €/mois"): the label
    is read without it.
    """
    for colon in _COLONS:
        label, found, value = text.partition(colon)
        if found and _label(label.rstrip()) and value.strip():
            return True
    return False


def record_shape(info: LineInfo) -> str | None:
    """Returns the record shape of a line (``PRICE``, ``OFFER``, ``FIELD``, ``ROW``), or None when it is no record."""
    text = info.text
    if info.prose or info.n_words > RECORD_MAX_WORDS:
        return None
    figures = len(_FIGURES.findall(text))
    letter = _LETTER.search(text) is not None
    if figures and _currency(text):
        # A bare price too ("129,90 €"); words before a price at the line's end name an offer, unless
        # they are a field's label ("価格：12,980円").
        return OFFER if letter and _currency(text[-_PRICE_END:]) and not _field(text) else PRICE
    if not letter:
        return None
    if _field(text):
        return FIELD
    if info.n_words <= AMOUNT_MAX_WORDS and _amount(text) and not info.sentence:
        return AMOUNT
    if figures >= ROW_FIGURES and not date_search().search(text):
        return ROW  # a date's figures make a dated line ("March 6, 2024 · 48 min"), not a row
    return None


def _pair_values(infos: Sequence[LineInfo], known: Sequence[Verdict | None], shapes: Shapes) -> None:
    """Gives the shape ``FIELD`` to each value under its label (see ``PAIR_VALUE_WORDS``), in place.

    The label is no record, no rule knows it, it holds no figure and is a label (:attr:`LineInfo.label`, at most
    ``FIELD_LABEL_WORDS`` words); the value is short, holds a figure and no date.
    """
    for k in range(1, len(infos)):
        value, label = infos[k], infos[k - 1]
        if shapes[k] is not None or shapes[k - 1] is not None or known[k] is not None or known[k - 1] is not None:
            continue
        if value.n_words > PAIR_VALUE_WORDS or value.sentence or not _FIGURES.search(value.text):
            continue
        if not _label_cell(label) or label.n_words > FIELD_LABEL_WORDS or _FIGURES.search(label.text):
            continue
        if not date_search().search(value.text):
            shapes[k] = FIELD
    _pair_table(infos, known, shapes)


# A table printed a cell a line repeats its row's shapes: a league table's rank, team, played and points ("1" / "Harbour
# Town" / "30" / "66", then "2" / ...), a timetable's stop over its times, a score by quarters. A cell is a short line
# no rule knows (at most PAIR_VALUE_WORDS words, no prose), a bare figure or words; a row of GRID_MIN_PERIOD to
# GRID_MAX_PERIOD cells that holds both, repeated at least GRID_MIN_ROWS times, makes its cells records. A menu has no
# bare figures; a calendar's or a pager's figures have no words between them. Issue 13's audit23 (a Portuguese league
# table and a Slovenian score by quarters under a match report: their bare figures went as its footer, a gap of more
# than RECORD_GAP lines between two records ending the run): content lost 94 -> 82 of 491 lines; audit19's Swedish
# timetable kept whole (content lost 59 -> 35 of 371); audit18 1 chrome line more kept (a shop's "recently viewed"
# heading over its offers); eval-dev, the pairs and eval-pages-dev byte-identical.
GRID_MIN_PERIOD = 2
GRID_MAX_PERIOD = 8
GRID_MIN_ROWS = 2


def _cell_key(info: LineInfo, flag: Verdict | None) -> str | None:
    """The shape of a table's cell (see ``GRID_MIN_ROWS``): "n" a bare figure, "w" words; None for no cell."""
    if flag is not None or info.prose or info.sentence or info.n_words > PAIR_VALUE_WORDS:
        return None
    return "w" if _LETTER.search(info.text) else ("n" if _FIGURES.search(info.text) else None)


def _grid_cells(infos: Sequence[LineInfo], known: Sequence[Verdict | None], shapes: Shapes) -> None:
    """Gives the shape ``FIELD`` to the cells of a table printed a cell a line (see ``GRID_MIN_ROWS``), in place.

    From each line, the row that repeats furthest is the table's (its last row may be cut short); the walk goes on
    under it.
    """
    keys = "".join(_cell_key(info, flag) or "." for info, flag in zip(infos, known))
    k = 0
    while k < len(keys):
        end = k
        for period in range(GRID_MIN_PERIOD, GRID_MAX_PERIOD + 1):
            row = keys[k : k + period]
            if len(row) < period or "." in row or "n" not in row or "w" not in row:
                continue
            j = k + period
            while j < len(keys) and keys[j] == row[(j - k) % period]:
                j += 1
            if j - k >= GRID_MIN_ROWS * period and j > end:
                end = j
        for j in range(k, end):
            if shapes[j] is None:
                shapes[j] = FIELD
        k = max(end, k + 1)


def _label_cell(info: LineInfo) -> bool:
    """True for a label (:attr:`LineInfo.label`), also one ending with an abbreviation (``ABBREVIATION_CHARS``)."""
    if info.label:
        return True
    words = info.text.split()
    return (
        info.n_words <= FIELD_LABEL_WORDS
        and info.stop_share == 0.0
        and len(words) > 1
        and words[-1].endswith(".")
        and 1 < len(words[-1]) <= ABBREVIATION_CHARS + 1
        and words[-1][:-1].isalpha()
    )


def _bare_label(info: LineInfo) -> bool:
    """True for a label cell of a table: a label (``FIELD_LABEL_WORDS`` words at most) without a figure."""
    return _label_cell(info) and info.n_words <= FIELD_LABEL_WORDS and not _FIGURES.search(info.text)


def _pair_table(infos: Sequence[LineInfo], known: Sequence[Verdict | None], shapes: Shapes) -> None:
    """Gives the shape ``FIELD`` to the cells between two records of a table of labels over values, in place.

    A table printed a cell a line has values without a figure too ("Facing" / "East", "Status" / "Resale"):
    between two records under a bare label each (:func:`_bare_label`), an even number of lines apart and at most
    ``PAIR_TABLE_SPAN``, every line is a cell when the lines alternate a bare label and a short value (at most
    ``PAIR_VALUE_WORDS`` words, no sentence), none known to a rule nor a record. A menu's labels have no records
    under them every other line.
    """
    anchors = [
        k
        for k in range(1, len(infos))
        if shapes[k] is not None
        and shapes[k - 1] is None
        and known[k - 1] is None
        and not infos[k].prose
        and _bare_label(infos[k - 1])
    ]
    # A table's rows run on, without a figure, down to the prose under it (a listing's description): the prose line
    # closes the table as its next record would. Audit18's property listing in a language without function words
    # (its description read as prose by its shape: mark._round_prose) lost its last 4 rows ("Šildymas" / "Centrinis
    # kolektorinis") as the header of its description without it; audit17 and the dev sets unchanged.
    # A product's controls under the table close it too (its reviews widget under its specifications: "Reviews (14)",
    # ``_HEAD_CONTROLS``): issue 13's audit22 product pages lost their last rows without figures as labels inside the
    # body once ``review-controls`` read the widget in their languages; the widget's own heading may stand between
    # ("Customer reviews" over "4.7 out of 5": a label where a value would be), and the table ends above it. Any
    # line a rule knows would close a menu under a record (audit21: a sport portal's menu over an "Anzeige" label).
    stops = [k for k, info in enumerate(infos) if _control(known[k]) or (info.prose and known[k] is None)]
    for a, b in zip(anchors, anchors[1:] + [len(infos)]):
        after = bisect_right(stops, a)  # the first stop below the record (one search, not a scan a record)
        end = stops[after] if after < len(stops) and stops[after] < b else b
        if end != b and known[end] is not None and (end - a) % 2 == 0:
            end -= 1
        if end < len(infos) and (end - a) % 2 == (end != b):
            _table_cells(infos, known, shapes, a, end)


def _control(flag: Verdict | None) -> bool:
    """True for a product's control a rule knows (``_HEAD_CONTROLS``: its buttons, its reviews widget)."""
    return flag is not None and flag.detail in _HEAD_CONTROLS


def _table_cells(infos: Sequence[LineInfo], known: Sequence[Verdict | None], shapes: Shapes, a: int, b: int) -> None:
    """Gives the shape ``FIELD`` to the lines between record ``a`` and line ``b`` when they alternate label, value."""
    if b - a > PAIR_TABLE_SPAN:
        return
    cells = range(a + 1, b)
    if all(_cell(infos[j], known[j], shapes[j], (j - a) % 2 == 1) for j in cells):
        for j in cells:
            shapes[j] = FIELD


def _cell(info: LineInfo, flag: Verdict | None, shape: str | None, label: bool) -> bool:
    """True for a cell of a table of labels over values (see :func:`_pair_table`): its label or its value."""
    if flag is not None or shape is not None or info.prose or info.sentence:
        return False
    return _bare_label(info) if label else info.n_words <= PAIR_VALUE_WORDS


def _amount(text: str) -> bool:
    """True for an amount (see ``AMOUNT_MAX_WORDS``): a quantity at the line's start, then a word in lower case."""
    found = _AMOUNT.match(text)
    return found is not None and text[found.end() - 1].islower()


def _runs(infos: Sequence[LineInfo], known: Sequence[Verdict | None], shapes: Shapes) -> list[list[int]]:
    """Returns the runs of records, each its lines in order (the short lines between records included).

    A line between an offer and a record of another shape ends the run: the list of offers under a
    product's particulars is a run of its own (see :func:`record_lines`). A product's buttons and rating
    (``_HEAD_CONTROLS``) between its particulars neither end a run nor join it.
    """
    runs: list[list[int]] = []
    current: list[int] = []
    between: list[int] = []
    last = None
    for k, info in enumerate(infos):
        shape = shapes[k]
        if _control(known[k]):
            continue
        if shape is not None:
            if between and (shape == OFFER) != (last == OFFER):
                runs.append(current)
                current, between = [], []
            current.extend(between)
            current.append(k)
            between, last = [], shape
        elif info.prose or known[k] is not None or len(between) >= RECORD_GAP:
            if current:
                runs.append(current + between if info.prose and known[k] is None else current)
            current, between = [], []
        elif current:
            between.append(k)
    if current:
        runs.append(current)
    return runs


def record_page(infos: Sequence[LineInfo], known: Sequence[Verdict | None], removed: int = 0) -> Shapes | None:
    """Returns the record shape of each line (:func:`record_shape`) when the page is a page of records, else None.

    Args:
        infos: the page's lines.
        known: the verdicts of the rules that know a line (None: no rule flagged it): they are no records.
        removed: the words of the page's prose that another step removed (:func:`removed_prose`).
    """
    if small_body(infos, known, RECORD_PAGE_PROSE - removed) is None:
        return None
    found = _record_runs(infos, known)
    return None if found is None else found[0]


def _record_runs(infos: Sequence[LineInfo], known: Sequence[Verdict | None]) -> tuple[Shapes, list[list[int]]] | None:
    """Returns the record shape of each line and the runs of records when a run holds ``RECORD_RUN_MIN``, else None.

    The body's size is the caller's test (:func:`record_page`, :func:`spared_lines`).
    """
    shapes = [None if flag is not None else record_shape(info) for info, flag in zip(infos, known)]
    _pair_values(infos, known, shapes)
    _grid_cells(infos, known, shapes)
    if len(shapes) - shapes.count(None) < RECORD_RUN_MIN:
        return None
    runs = _runs(infos, known, shapes)
    if not any(_records(run, shapes) >= RECORD_RUN_MIN for run in runs):
        return None
    return shapes, runs


def _bare(run: list[int], infos: Sequence[LineInfo]) -> bool:
    """True for a run of one bare price ("189,00 €": no letter), the product's own (see ``RECORD_RUN_SPARED``)."""
    return len(run) == 1 and _LETTER.search(infos[run[0]].text) is None


def _records(run: list[int], shapes: Shapes) -> int:
    """The records of a run (without the lines between them)."""
    return sum(shapes[k] is not None for k in run)


def _headings(infos: Sequence[LineInfo], known: Sequence[Verdict | None], above: int, dated: Prefixes) -> list[int]:
    """Returns the headings of the run of records just under line ``above``: up to ``RECORD_HEADINGS`` short lines.

    The walk up passes over the dates and bylines (``dated``: their reasons' prefixes) and a product's buttons and
    rating (``_HEAD_CONTROLS``), and stops at another line a rule knows, at prose, a sentence or a trail of links.
    """
    found: list[int] = []
    k = above
    while k >= 0 and len(found) < RECORD_HEADINGS:
        flag = known[k]
        if flag is not None:
            if not flag.reason.startswith(dated) and flag.detail not in _HEAD_CONTROLS:
                break
        elif infos[k].prose or infos[k].sentence or _TRAIL.search(infos[k].text):
            break
        else:
            found.append(k)
        k -= 1
    return found


def small_body(infos: Sequence[LineInfo], known: Sequence[Verdict | None], limit: int) -> tuple[int, int] | None:
    """Returns the first prose line (-1: none) and the prose words of a page with at most ``limit`` of them, else None.

    Prose no rule flagged is read from the page's top, and the count stops past the limit.
    """
    if limit < 0:
        return None
    first, words = -1, 0
    for k, info in enumerate(infos):
        if info.prose and known[k] is None:
            if first < 0:
                first = k
            words += info.n_words
            if words > limit:
                return None
    return first, words


def page_head(infos: Sequence[LineInfo], known: Sequence[Verdict | None], removed: int = 0) -> list[int]:
    """Returns the head of a page with a small body (``HEAD_PAGE_PROSE``): the lines just above its first prose line.

    From ``HEAD_MIN_LINES`` to ``HEAD_MAX_LINES`` lines, up to the first line a rule knows (a breadcrumb, a share
    bar, a date) or a sentence, without its lone words, and with a record among them (:func:`record_shape`);
    none when the page has no prose or more than ``HEAD_PAGE_PROSE`` words of it.

    Args:
        infos: the page's lines.
        known: the verdicts of the rules that know a line (None: no rule flagged it).
        removed: the words of the page's prose that another step removed (:func:`removed_prose`).
    """
    body = small_body(infos, known, HEAD_PAGE_PROSE - removed)
    if body is None or body[0] < 0:
        return []
    return _head_above(infos, known, body[0])


def _head_above(infos: Sequence[LineInfo], known: Sequence[Verdict | None], first: int) -> list[int]:
    """Returns the head above line ``first``, the page's first prose line (see :func:`page_head`)."""
    head: list[int] = []
    k = first - 1
    while k >= 0 and len(head) < HEAD_MAX_LINES:
        flag = known[k]
        if flag is None:
            if infos[k].sentence:
                break
            head.append(k)
        elif flag.detail not in _HEAD_CONTROLS and not _share_beside_control(known, k):
            break  # a breadcrumb, a share bar, a date
        k -= 1
    # A lone word (no function word, no sentence) is a section's or a menu's label: "Trails" over a walk's page.
    head = [k for k in head if not (infos[k].n_words == 1 and infos[k].label)]
    if len(head) < HEAD_MIN_LINES or not any(record_shape(infos[k]) for k in head):
        return []  # no particulars: a menu's last items over a short article or letter
    return head


def _share_beside_control(known: Sequence[Verdict | None], k: int) -> bool:
    """True for a share button ``k`` in a listing's row of buttons: a control (``_HEAD_CONTROLS``) just above or below.

    An event's "Buy tickets" / "Add to calendar" / "Share" row stands between its particulars and its description;
    issue 13's audit22 event listings lost their date, place and fee as the header. A share bar alone stops the walk.
    """
    flag = known[k]
    if flag is None or not flag.reason.endswith(":share"):
        return False
    return any(0 <= j < len(known) and _control(known[j]) for j in (k - 1, k + 1))


def _tail_below(infos: Sequence[LineInfo], known: Sequence[Verdict | None], last: int) -> list[int]:
    """Returns the tail below line ``last``, the page's last prose line (see ``TAIL_MAX_LINES``)."""
    tail: list[int] = []
    k = last + 1
    while k < len(infos) and known[k] is None and len(tail) < TAIL_MAX_LINES:
        tail.append(k)
        k += 1
    shapes = [record_shape(infos[k]) for k in tail]
    if OFFER in shapes:
        return []  # a product's cross-sell ("Complete the set" over its offers)
    if len(shapes) - shapes.count(None) < TAIL_MIN_RECORDS:
        return []
    # A list of names at the limit runs on while its items do (see ``TAIL_MAX_LINES``).
    while k < len(infos) and known[k] is None and _name_item(infos[k]) and _name_item(infos[k - 1]):
        tail.append(k)
        k += 1
    return tail


def _name_item(info: LineInfo) -> bool:
    """True for an item of a list of names: a label of at most two words, no figure ("Kožuh", "Slovan Bratislava")."""
    return info.label and info.n_words <= 2 and not _FIGURES.search(info.text)


def record_lines(
    infos: Sequence[LineInfo],
    known: Sequence[Verdict | None],
    shapes: Shapes,
    runs: list[list[int]],
    related: str,
    dated: Prefixes,
) -> list[int]:
    """Returns the lines of the runs of records of a page of records, with their headings (see the module).

    Args:
        infos: the page's lines.
        known: the verdicts of the rules that know a line (None: no rule flagged it).
        shapes: the record shape of each line (:func:`record_page`).
        runs: the runs of records (:func:`_runs`).
        related: the reason of a "related" label (``mark.READ_ALSO``).
        dated: the reasons' prefixes of the dates and bylines (see :func:`_headings`).
    """
    runs = [run for run in runs if _records(run, shapes) >= RECORD_RUN_SPARED or _bare(run, infos)]
    if not runs:
        return []
    body_end = max((k for k, info in enumerate(infos) if info.prose and known[k] is None), default=-1)
    longest = max(_records(run, shapes) for run in runs)
    lines: list[int] = []
    for run in runs:
        above = run[0] - 1
        flag = known[above] if above >= 0 else None
        if flag is not None and flag.reason == related:
            continue
        offers = all(shapes[k] in (OFFER, None) for k in run)
        if offers and run[0] > body_end and _records(run, shapes) < longest:
            continue
        lines.extend(run)
        lines.extend(_headings(infos, known, above, dated))
    return lines


def removed_prose(doc: Document) -> int:
    """Returns the words of the paragraphs of ``doc`` that a step other than boilerplate removed, when prose-long.

    Dedup removes an article's paragraphs that another file holds: the signals that run again after it
    (:mod:`nettoyeur.boilerplate.after_dedup`) read a thinned page, whose short body is no sign of a page of
    records. A paragraph of at least ``PROSE_MIN_WORDS`` words counts (words split at white space: a bound).
    """
    words = 0
    for paragraph in doc.paragraphs:
        verdict = paragraph.verdict
        if verdict is not None and not verdict.reason.startswith(_BOILERPLATE):
            n = len(paragraph.text.split())
            if n >= PROSE_MIN_WORDS:
                words += n
    return words


def spared_lines(
    infos: Sequence[LineInfo],
    known: Sequence[Verdict | None],
    flags: Sequence[Verdict | None],
    related: str,
    dated: Prefixes = (),
    removed: int | Callable[[], int] = 0,
) -> list[int]:
    """Returns the lines that the position signals flagged on a page that is no article and that are its own.

    The head of a page with a small body (:func:`page_head`), the records of a page of records and their
    headings (:func:`record_lines`), where a verdict of ``SPARED_REASONS`` flagged them.

    Args:
        infos: the page's lines.
        known: the verdicts of the rules that know a line (None: no rule flagged it): those lines are never
            spared.
        flags: the verdicts once every signal ran.
        related: the reason of a "related" label (``mark.READ_ALSO``).
        dated: the reasons' prefixes of the dates and bylines (``mark._DATED_KINDS``).
        removed: the words of the page's prose that another step removed (:func:`removed_prose`): an
            article whose body dedup removed is still an article; or a function that returns them (asked
            only of a page whose kept prose is short).

    Returns:
        the lines, increasing.
    """
    body = small_body(infos, known, _SMALL)
    if body is None:
        return []  # most pages: an article (a bound on its prose words, read from its top)
    first, words = body[0], body[1] + (removed() if callable(removed) else removed)
    if words > _SMALL:
        return []
    # The body is read once: page_head's and record_page's tests of its size, on the same count.
    spared = set(_head_above(infos, known, first)) if first >= 0 and words <= HEAD_PAGE_PROSE else set()
    if first >= 0 and words <= HEAD_PAGE_PROSE:
        last = max(k for k, info in enumerate(infos) if info.prose and known[k] is None)
        spared.update(_tail_below(infos, known, last))
    found = _record_runs(infos, known) if words <= RECORD_PAGE_PROSE else None
    if found is not None:
        spared.update(record_lines(infos, known, *found, related, dated))
    return sorted(k for k in spared if (flag := flags[k]) is not None and flag.reason in SPARED_REASONS)
