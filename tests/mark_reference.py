"""Plain Python definitions of the per-line tests of the boilerplate signals the native core computes (the oracles).

These are the Python the core (``nettoyeur._core.line_marks``, ``outlying_blocks``, ``article_lines``,
``position_flags`` and ``ArticleSignals``, native/src/mark.rs, native/src/position.rs and
native/src/article_py.rs) replaced in :mod:`nettoyeur.boilerplate.mark`, written plainly: the tests compare
the core with them on random Unicode and on the golden cases.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping

import shapes_reference
from content_guards_reference import closing_formula, salutation
from dates_reference import has_date
from nettoyeur import _core
from nettoyeur.boilerplate import content_guards, link_lists
from nettoyeur.boilerplate import keyword_lists as kw
from nettoyeur.boilerplate import mark as m
from nettoyeur.boilerplate.line_shapes import ArticleStems, LineInfo, article_stems, count_words, describe, shapes_core
from nettoyeur.boilerplate.rules import date_search
from nettoyeur.records import Verdict

_DIGITS = re.compile(r"\d+")
_LETTER = shapes_reference._LETTER
_ATTRIBUTION = re.compile(r"[—–]\s*\S")
_REFERENCE = re.compile(r"\[\d{1,3}\]\s*\S")
_LIST_ITEM = re.compile(r"(?:[•▪◦‣·○►→✓*–-]|\d{1,2}[.)])\s+\S")
_SEPARATOR = re.compile(r"\s*[|¦]\s*|\s+»\s+|\s*[·•]\s*")
_SENTENCE_END = re.compile(r"[.!?…。！？।॥؟۔።፧។៕။։།༎][\"'”’»)\]]*$")
_OPEN_END = frozenset(".!?…。！？।॥؟۔።፧។៕။։།༎:;")


def menu_items(text: str) -> bool:
    """``separated_menu`` but for the function-word share: enough short items, none a sentence or a field."""
    if text[:1] == "|":
        return False
    parts = [part.strip(" []()") for part in _SEPARATOR.split(text)]
    parts = [part for part in parts if part]
    if len(parts) < m.MENU_MIN_PARTS:
        return False
    return all(
        _LETTER.search(part) is not None
        and shapes_reference.count_words(part) <= m.MENU_PART_WORDS
        and _SENTENCE_END.search(part) is None
        and ":" not in part
        for part in parts
    )


def line_marks(text: str) -> int:
    """The flags of one line (``mark.LETTER`` ...), each from its regular expression."""
    return (
        m.LETTER * (_LETTER.search(text) is not None)
        | m.DIGIT * (_DIGITS.search(text) is not None)
        | m.MENU * menu_items(text)
        | m.ATTRIBUTION * (_ATTRIBUTION.match(text) is not None)
        | m.REFERENCE * (_REFERENCE.match(text) is not None)
        | m.LIST_ITEM * (_LIST_ITEM.match(text) is not None)
        | m.STOP_END * (text[-1:] in _OPEN_END)
        | m.SEPARATED * (len(_MENU_SEPARATOR.findall(text)) + 1 >= m.LONG_MENU_MIN_PARTS and text[:1] != "|")
    )


def last_block(flagged: list[bool], gap: int) -> tuple[int, int, int] | None:
    """``(cut, start, end)`` of the page's last block (``tail_blocks._last_block`` as it was written): the first line
    of the last run of ``gap`` flagged lines or more, and the first and last unflagged lines under it."""
    if len(flagged) - flagged.count(False) < gap:
        return None
    end = len(flagged) - 1
    while end >= 0 and flagged[end]:
        end -= 1
    start = end
    k = end - 1
    while k >= 0:
        if not flagged[k]:
            start = k
            k -= 1
            continue
        cut = k
        while cut > 0 and flagged[cut - 1]:
            cut -= 1
        if k - cut + 1 >= gap:
            return (cut, start, end) if cut > 0 else None
        k = cut - 1
    return None


def tail(flagged: list[bool], prose: list[bool], n_words: list[int]) -> tuple[int, list[int], list[int]] | None:
    """The page's last block (``tail_blocks.tail_block``'s walk and weighing as they were written): the first line of
    its cut, its unflagged lines, and the prose lines above the cut, when it holds ``TAIL_MIN_LINES`` lines and less
    than ``TAIL_SHARE`` of their words."""
    found = last_block(flagged, m.TAIL_GAP)
    if found is None:
        return None
    cut, start, end = found
    block = [k for k in range(start, end + 1) if not flagged[k]]
    if len(block) < m.TAIL_MIN_LINES:
        return None
    above = [k for k in range(cut) if not flagged[k] and prose[k]]
    main_words = sum(n_words[k] for k in above)
    if not main_words or sum(n_words[k] for k in block if prose[k]) >= m.TAIL_SHARE * main_words:
        return None
    return cut, block, above


def outlying_blocks(
    flagged: list[bool], bare: list[bool], prose: list[bool], n_words: list[int]
) -> tuple[list[int], list[list[int]], tuple[int, list[int], list[int]] | None] | None:
    """``_outlying`` up to the article's vocabulary, as it was written: the main block's prose lines, the candidates,
    and the page's last block (:func:`tail`); None when there is none of them.

    ``bare``: the line is a label (``LineInfo.label``) with a letter.
    """
    last = tail(flagged, prose, n_words)
    found = _blocks(flagged, bare, prose, n_words)
    if found is None:
        return None if last is None else ([], [], last)
    return found[0], found[1], last


def _blocks(
    flagged: list[bool], bare: list[bool], prose: list[bool], n_words: list[int]
) -> tuple[list[int], list[list[int]]] | None:
    """The main block's prose lines and the candidates."""
    cut = list(flagged)
    k = 0
    while k < len(flagged):
        end = k
        while end < len(flagged) and not cut[end] and bare[end]:
            end += 1
        if end - k >= m.OUTLYING_LABELS:
            cut[k:end] = [True] * (end - k)
        k = max(end, k + 1)
    blocks: list[list[int]] = []
    chrome_before: list[bool] = []
    current: list[int] = []
    gap = flagged_gap = 0
    for k, cuts in enumerate(cut):
        if cuts:
            gap += 1
            flagged_gap += flagged[k]
            continue
        if gap >= m.OUTLYING_GAP and current:
            blocks.append(current)
            current = []
            chrome_before.append(flagged_gap >= m.OUTLYING_GAP)
        current.append(k)
        gap = flagged_gap = 0
    if current:
        blocks.append(current)
    if len(blocks) < 2:
        return None
    words = [sum(n_words[k] for k in block if prose[k]) for block in blocks]
    main = max(range(len(blocks)), key=words.__getitem__)
    if words[main] == 0:
        return None
    candidates = []
    for b, block in enumerate(blocks):
        by_chrome = (b > 0 and chrome_before[b - 1]) or (b + 1 < len(blocks) and chrome_before[b])
        share = m.OUTLYING_SHARE if by_chrome else m.OUTLYING_LABEL_SHARE
        if b == main or words[b] >= share * words[main] or (not by_chrome and not words[b]):
            continue
        candidates.append(block)
    return [k for k in blocks[main] if prose[k]], candidates


def table_stamps(infos: list[LineInfo], flags: list[Verdict | None]) -> None:
    """``mark._table_stamps``: unflags, in place, each run of ``STAMP_CELL_RUN`` date cells or more (a table's column).

    A cell: a line a date rule flagged, of at most ``STAMP_CELL_WORDS`` words, a figure first.
    """

    def cell(info: LineInfo, flag: Verdict) -> bool:
        return flag.reason == m._DATED_KINDS[0] and info.n_words <= m.STAMP_CELL_WORDS and info.text[:1].isdigit()

    cells = [k for k, flag in enumerate(flags) if flag is not None and cell(infos[k], flag)]
    run: list[int] = []
    for k in cells + [-2]:  # -2: no cell follows the last one, which closes its run
        if run and k == run[-1] + 1:
            run.append(k)
            continue
        if len(run) >= m.STAMP_CELL_RUN:
            for j in run:
                flags[j] = None
        run = [k]


def wrapped_units(texts: list[str], flagged: list[bool]) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each run of two lines or more that continue one another (``wrapped_prose``'s walk)."""
    units = []
    k = 0
    while k < len(texts):
        end = k + 1
        while (
            end < len(texts)
            and not flagged[end - 1]
            and not flagged[end]
            and texts[end - 1][-1:] not in _OPEN_END
            and texts[end][:1].islower()
        ):
            end += 1
        if end - k >= 2:
            units.append((k, end))
        k = end
    return units


def wrapped_prose(infos: list[LineInfo], flags: list[Verdict | None]) -> list[LineInfo]:
    """``mark._round_prose``'s first walk: each line of a hard-wrapped unit that is prose, joined, is prose."""
    out = list(infos)
    for k, end in wrapped_units([info.text for info in infos], [flag is not None for flag in flags]):
        if not all(info.prose for info in infos[k:end]):
            if describe(" ".join(info.text for info in infos[k:end])).prose:
                for j in range(k, end):
                    out[j] = infos[j]._replace(prose=True)
    return out


# A clause break: a comma or a stop with white space after it.
CLAUSE_BREAK = re.compile(r"[,;،、，；.!?।。።፣፤។၊။]\s")


def long_sentence(info: LineInfo) -> bool:
    """True for a sentence of ``TERSE_SENTENCE_WORDS`` words or more and ``TERSE_PROSE_LETTERS`` letters or marks."""
    if info.n_words < m.TERSE_SENTENCE_WORDS or len(info.text) < m.TERSE_PROSE_LETTERS:
        return False
    return sum(unicodedata.category(c)[0] in "LM" for c in info.text) >= m.TERSE_PROSE_LETTERS


def terse_prose(infos: list[LineInfo], flags: list[Verdict | None]) -> list[LineInfo]:
    """``mark._round_prose``'s last walk: on a page with no prose, its unflagged sentences of clauses are prose.

    A page with a prose line, or without a sentence of ``TERSE_PROSE_WORDS`` words (or ``TERSE_PROSE_LETTERS``
    letters: :func:`long_sentence`) with a clause break, is returned as it is.
    """
    if any(info.prose for info in infos):
        return infos
    clauses = [
        k for k, info in enumerate(infos) if flags[k] is None and info.sentence and CLAUSE_BREAK.search(info.text)
    ]
    if not any(infos[k].n_words >= m.TERSE_PROSE_WORDS or long_sentence(infos[k]) for k in clauses):
        return infos
    out = list(infos)
    for k in clauses:
        if infos[k].n_words >= m.TERSE_SENTENCE_WORDS:
            out[k] = infos[k]._replace(prose=True)
    return out


def clause_prose(infos: list[LineInfo], flags: list[Verdict | None]) -> list[LineInfo]:
    """``mark._round_prose``'s walk on a page with prose: its unflagged sentences of clauses with a few function words.

    See ``mark.CLAUSE_PROSE_STOPWORDS``: a sentence of ``TERSE_PROSE_WORDS`` words or more with a clause break
    and that share of function words at least is prose. A page without prose is returned as it is.
    """
    if not any(info.prose for info in infos):
        return infos
    out = list(infos)
    for k, info in enumerate(infos):
        if (
            not info.prose
            and flags[k] is None
            and info.sentence
            and info.n_words >= m.TERSE_PROSE_WORDS
            and info.stop_share >= m.CLAUSE_PROSE_STOPWORDS
            and CLAUSE_BREAK.search(info.text)
        ):
            out[k] = info._replace(prose=True)
    return out


def separated_menu(text: str, stop_share: float) -> bool:
    """``separated_menu`` as it was written: :func:`menu_items` and few function words."""
    return stop_share <= m.MENU_MAX_STOPWORDS and menu_items(text)


_MENU_SEPARATOR = re.compile("[|\u00a6\u00b7\u2022\u00bb]")


def short_item_menu(info, rule) -> bool:
    """``mark._short_item_menu``: a menu of many short items with up to half function words."""
    if rule is not None or not menu_items(info.text):
        return False
    if not m.MENU_MAX_STOPWORDS < info.stop_share <= m.SHORT_MENU_MAX_STOPWORDS:
        return False
    items = len([part for part in _MENU_SEPARATOR.split(info.text) if _LETTER.search(part)])
    return items >= m.SHORT_MENU_MIN_PARTS and info.n_words <= m.SHORT_MENU_ITEM_WORDS * items


def long_item_menu(info, rule) -> bool:
    """``mark._long_item_menu``: a menu of many items, a few of them too long for a menu's item."""
    if rule is not None or menu_items(info.text) or info.stop_share > m.MENU_MAX_STOPWORDS:
        return False
    if info.text[:1] == "|":
        return False
    parts = [part.strip(" -[]()") for part in _MENU_SEPARATOR.split(info.text)]
    parts = [part for part in parts if _LETTER.search(part)]
    if len(parts) < m.LONG_MENU_MIN_PARTS or any(":" in part for part in parts):
        return False
    short = [
        part
        for part in parts
        if shapes_reference.count_words(part) <= m.MENU_PART_WORDS and not shapes_reference.describe(part)[4]
    ]
    return len(short) >= m.LONG_MENU_SHORT_SHARE * len(parts)


def first_pass(lines: list, file_counts, min_files: int, around: list) -> list:
    """``_first_pass`` as it was written: the verdicts ``(reason, detail)`` of each line (None: none)."""

    def block_files(near):
        _, above, below = near
        return max(
            file_counts.get(above, 0) if above is not None else 0,
            file_counts.get(below, 0) if below is not None else 0,
        )

    def enclosed_files(near):
        _, above, below = near
        if above is None or below is None:
            return 0
        return min(file_counts.get(above, 0), file_counts.get(below, 0))

    flags = []
    for (info, rule), near in zip(lines, around):
        flag = None
        if rule is not None:
            flag = (f"boilerplate:pattern:{rule.kind}", rule.name)
        elif info.n_words >= m.MENU_MIN_PARTS and separated_menu(info.text, info.stop_share):
            flag = ("boilerplate:pattern:nav", "separated-menu")
        elif short_item_menu(info, rule):
            flag = ("boilerplate:pattern:nav", "separated-menu-short-items")
        elif long_item_menu(info, rule):
            flag = ("boilerplate:pattern:nav", "separated-menu-long-items")
        elif file_counts is not None and info.n_words < m.FREQUENCY_MAX_WORDS and _LETTER.search(info.text):
            n_files = file_counts.get(near[0], 0)
            if n_files >= min_files:
                block = block_files(near)
                if block >= min_files:
                    detail = f"in {n_files} files, {block} with the same neighbour"
                    flag = ("boilerplate:frequency:recurring-block", detail)
            if flag is None and n_files >= min(min_files, m.ENCLOSED_MIN_FILES):
                enclosed = enclosed_files(near)
                if enclosed >= min(min_files, m.ENCLOSED_MIN_FILES):
                    flag = (
                        "boilerplate:frequency:recurring-block",
                        f"in {n_files} files, {enclosed} between the same neighbours",
                    )
        flags.append(flag)
    return flags


def _title_like(info) -> bool:
    n, chars = info.n_words, len(info.text)
    wide = chars >= m.TITLE_MIN_CHARS or _unspaced_title(chars, n)
    return wide and (n >= m.TITLE_MIN_WORDS or (n == 1 and chars >= 2 * m.TITLE_MIN_CHARS))


def _unspaced_title(chars: int, n: int) -> bool:
    """``mark.unspaced_title``: written without spaces (a word is two characters), ``UNSPACED_TITLE_WORDS`` words."""
    return 2 * n >= chars and n >= m.UNSPACED_TITLE_WORDS


def _teaser_like(info, line: int) -> bool:
    return (
        info.stop_share <= m.TEASER_MAX_STOPWORDS
        and not info.sentence
        and not line & m.DIGIT
        and len(info.stems) >= m.TEASER_MIN_STEMS
    )


def _short_runs(infos, first: int, last: int) -> list[tuple[int, int]]:
    runs = []
    start = None
    for k in range(first + 1, last):
        if infos[k].prose:
            if start is not None:
                runs.append((start, k))
                start = None
        elif start is None:
            start = k
    if start is not None:
        runs.append((start, last))
    return runs


def _run_evidence(infos, marks, signalled, article, runs) -> list[bool]:
    evidence = [False] * len(infos)
    for k, end in runs:
        foreign = [j for j in range(k, end) if infos[j].label and not article.on_topic(infos[j])]
        found = any(signalled[k - 1 : end + 1]) or (
            end - k <= m.LONE_RUN and len(foreign) == 1 and not marks[foreign[0]] & m.DIGIT
        )
        for j in range(k, end):
            evidence[j] = found
    return evidence


def _chrome_runs(marks, signalled, runs) -> dict[int, str]:
    out: dict[int, str] = {}
    for k, end in runs:
        flagged = sum(signalled[k:end])
        if end - k >= m.CHROME_RUN_LINES and flagged >= m.CHROME_RUN_SHARE * (end - k):
            detail = f"in a run of {end - k} short lines, {flagged} flagged"
            for j in range(k, end):
                if not signalled[j] and not marks[j] & m.DIGIT:
                    out[j] = detail
    return out


def _lone_title(infos, marks, signalled, first: int) -> list[int]:
    above = [k for k in range(first) if not signalled[k]]
    if above != [first - 1]:
        return []
    info, line = infos[first - 1], marks[first - 1]
    lone = info.n_words >= m.TITLE_MIN_WORDS and line & m.LETTER and not line & m.DIGIT
    return [first - 1] if lone else []


def _under_head(signalled, kept_head: list[int], first: int) -> list[int]:
    """``under_head`` (native/src/mark.rs): the line just above the body stays under a kept one."""
    k = first - 1
    if k < 1 or signalled[k] or signalled[k - 1] or k - 1 not in kept_head:
        return []
    return [k]


def about(article, info) -> bool:
    """``_Article.about``: a good share of the line's stems are the body's (a headline)."""
    shared, stems = article.shared(info)
    return shared >= m.HEAD_KEEP_STEMS and shared >= m.HEAD_KEEP_SHARE * stems


def about_strongly(article, info) -> bool:
    """``_Article.about_strongly``: most of the line's stems (at least two) are the body's."""
    shared, stems = article.shared(info)
    return shared >= m.HEAD_KEEP_STEMS and shared >= m.TAIL_KEEP_SHARE * stems


def _continues(infos, marks, k: int, article, previous_kept: bool) -> bool:
    """``mark._continues``: a line below the body that still belongs to it."""
    info = infos[k]
    if marks[k] & m.ATTRIBUTION:
        return infos[k - 1].prose
    if marks[k] & (m.REFERENCE | m.LIST_ITEM):
        return previous_kept
    if info.text.endswith(":") and k + 1 < len(infos) and marks[k + 1] & m.LIST_ITEM:
        return previous_kept  # the lead-in of that list ("What to bring:")
    if previous_kept and info.sentence and article.on_topic(info):
        return True  # the last sentence of the article, set apart (an imperative step: few function words)
    if info.stop_share < m.PROSE_MIN_STOPWORDS:
        return False
    return (previous_kept or info.sentence) and about_strongly(article, info)


def _field_value(infos, signalled, k: int) -> bool:
    """``position._field_value``: the line under a field's label ("Scheduled:"): unflagged, short, ending with ":"."""
    return not signalled[k - 1] and not infos[k - 1].prose and infos[k - 1].text.endswith(":")


def _lead_in(info) -> bool:
    """``mark._lead_in``: a sentence that announces a list ("Things that help are:")."""
    return info.text.endswith(":") and info.n_words >= m.LEAD_IN_WORDS and info.stop_share >= m.PROSE_MIN_STOPWORDS


def _listed_items(infos, signalled: list[bool], first: int, last: int) -> set[int]:
    """``position.listed_items``: the short lines inside the body under a lead-in, up to ``LIST_MAX_ITEMS``, with no
    flagged line or prose between (a list of names under "Thanks to everyone who contributed:")."""
    listed: set[int] = set()
    left = 0
    for k in range(first + 1, last):
        if signalled[k] or infos[k].prose:
            left = 0
            continue
        if left:
            listed.add(k)
            left -= 1
        if _lead_in(infos[k]):
            left = m.LIST_MAX_ITEMS
    return listed


def _closing(info) -> bool:
    """``mark._closing``: the closing of a letter, a few words ending with "," ("Sincerely,")."""
    return info.text.endswith(",") and info.n_words <= m.CLOSING_WORDS


def footer(infos, marks, flags, signalled, article, last: int) -> None:
    """``mark._footer``: flags the short lines below the body that do not continue it, in place."""
    listing = signature = 0  # items, signature lines still to keep
    for k in range(last + 1, len(infos)):
        if signalled[k]:
            listing = signature = 0
            continue
        info, previous_kept = infos[k], flags[k - 1] is None
        # Under a kept line, a heading on the article's subject that ends with ":" opens a list too.
        heading = previous_kept and info.text.endswith(":") and not info.prose and article.on_topic(info)
        lead = _lead_in(info) or heading
        keep = _continues(infos, marks, k, article, previous_kept) or (
            previous_kept and (lead or _closing(info) or ((listing or signature) > 0 and not info.prose))
        )
        if not keep:
            flags[k] = Verdict("boilerplate:position:footer", detail="short line below the article body")
            listing = signature = 0
            continue
        listing = m.LIST_MAX_ITEMS if lead else max(listing - 1, 0)
        signature = m.SIGNATURE_LINES if _closing(info) else max(signature - 1, 0)


def position(infos, marks, flags, article, first: int, last: int, spared: Callable = content_guards.spared) -> None:
    """``mark._position`` as it was written (its walks over the lines in Python), flags set in place."""
    signalled = [f is not None for f in flags]
    title = None
    if infos[first].sentence:
        nearest = (k for k in range(first - 1, -1, -1) if not signalled[k] and _title_like(infos[k]))
        title = next((k for k in nearest if not dated(infos[k], marks[k])), None)
    kept_head = [
        k
        for k in range(first)
        if not signalled[k]
        and k != title
        and infos[k].n_words >= m.HEAD_KEEP_WORDS
        and _title_like(infos[k])
        and about(article, infos[k])
    ]
    kept_head += [] if title is None else [title]
    kept_head += _lone_title(infos, marks, signalled, first)
    kept_head += _under_head(signalled, kept_head, first)
    for k in range(first):
        if not signalled[k] and k not in kept_head:
            flags[k] = Verdict("boilerplate:position:header", detail="short line above the article body")
    footer(infos, marks, flags, signalled, article, last)
    runs = _short_runs(infos, first, last)
    evidence = _run_evidence(infos, marks, signalled, article, runs)
    listed = _listed_items(infos, signalled, first, last)
    chrome: dict[int, str] = {}
    if any(end - k >= m.CHROME_RUN_LINES for k, end in runs):
        chrome_flagged = [s and not f.reason.startswith(m._DATED_KINDS) for s, f in zip(signalled, flags)]
        chrome = _chrome_runs(marks, chrome_flagged, runs)
    for k in range(first + 1, last):
        info, line = infos[k], marks[k]
        if k in chrome and not line & m.ATTRIBUTION:
            flags[k] = Verdict("boilerplate:position:chrome-run", detail=chrome[k])
            continue
        if signalled[k] or info.prose or line & m.ATTRIBUTION:
            continue
        if info.label and evidence[k] and not info.text.endswith(":") and not line & m.DIGIT and k not in listed:
            verdict = Verdict("boilerplate:position:inline-label", detail="off-topic label inside the body")
        elif (signalled[k + 1] or (signalled[k - 1] and not infos[k + 1].prose)) and not _field_value(
            infos, signalled, k
        ):
            verdict = Verdict("boilerplate:position:inline-block", detail="off-topic line beside other chrome")
        elif _teaser_like(info, line) and evidence[k]:
            verdict = Verdict("boilerplate:position:inline-teaser", detail="off-topic headline inside the body")
        else:
            continue
        if not article.on_topic(info):
            flags[k] = verdict
    for k in spared(infos, flags, signalled):
        flags[k] = None


def article_lines(infos, flags, marks, around, file_counts) -> tuple[list[int], list[tuple[int, int]]]:
    """``_article_signals``' walk as it was written: the article's lines, and ``(line, n_files)`` of each
    label seen in a few files that goes unless it shares a stem with the article."""
    good = [info.prose and flag is None for info, flag in zip(infos, flags)]
    found = []
    if file_counts is not None:
        for k, info in enumerate(infos):
            if flags[k] is None and not good[k] and not info.sentence and info.n_words < m.FREQUENCY_MAX_WORDS:
                n_files = file_counts.get(around[k][0], 0)
                need = m.OFFTOPIC_MIN_FILES + (info.stop_share > 0 or info.n_words >= 3)
                _, above, below = around[k]
                block = max(
                    file_counts.get(above, 0) if above is not None else 0,
                    file_counts.get(below, 0) if below is not None else 0,
                )
                if n_files >= need and block >= need and marks[k] & m.LETTER:
                    found.append((k, n_files))
    return [k for k, g in enumerate(good) if g], found


class Article:
    """The article's vocabulary: the stems of its body paragraphs (``mark._Article`` as it was)."""

    def __init__(self, infos: list[LineInfo], body: list[int]) -> None:
        """``body``: the positions of the article's lines in ``infos``."""
        self._body = [infos[k] for k in body]
        self._vocab: ArticleStems | None = None

    @property
    def vocab(self) -> ArticleStems:
        """The body's stems, found the first time a line is looked up (many articles need none)."""
        if self._vocab is None:
            self._vocab = article_stems(self._body)
        return self._vocab

    def shared(self, info: LineInfo) -> tuple[int, int]:
        """Returns how many of the line's stems the body uses, and how many it has (the core reads its text)."""
        return self.vocab.shared_lines((info.text,))

    def on_topic(self, info: LineInfo) -> bool:
        """True when the line shares at least one stem with the body."""
        return self.shared(info)[0] > 0


def core_position(
    infos, marks, flags, article, first: int, last: int, spared: Callable = content_guards.spared
) -> None:
    """``mark._position`` before the core's ``ArticleSignals`` took it in: the core's walks (``position_flags``),
    then the content guards (``spared``), flags set in place."""
    limits = (m._POSITION_LIMITS, m._WEIGH_LIMITS, m._DATED_KINDS)
    signalled = _core.position_flags(infos, flags, marks, first, last, *limits, article, date_search(), Verdict)
    for k in spared(infos, flags, signalled):
        flags[k] = None


# The ends of a question or an exclamation, and the closers after them (``_statement``).
_ASKS = ("?", "!", "？", "！", "؟")
_CLOSERS = "\"'”’»)]"


def _statement(info: LineInfo) -> bool:
    """True for a line that ends like a sentence, not like a question or an exclamation."""
    return info.sentence and not info.text.rstrip(_CLOSERS).endswith(_ASKS)


def _tail_sentence(info: LineInfo) -> bool:
    """True for a statement that may close the article under its table: ``TAIL_SENTENCE_WORDS`` words or more."""
    return _statement(info) and info.n_words >= m.TAIL_SENTENCE_WORDS


def _field(info: LineInfo) -> bool:
    """True for a field: a label of at most ``FIELD_LABEL_WORDS`` words, ": " and a value ("Goalkeeper: A. Name")."""
    label, colon, value = info.text.partition(": ")
    return bool(colon) and bool(value.strip()) and 0 < count_words(label) <= m.FIELD_LABEL_WORDS


def _lead(info: LineInfo) -> bool:
    """True for a line that may open the article above its first prose paragraph: a sentence of ``PROSE_MIN_WORDS``."""
    return info.sentence and info.n_words >= m.PROSE_MIN_WORDS


def body_start(infos: list[LineInfo], flags: list[Verdict | None], body: list[int]) -> int:
    """``mark._body_start`` as it was written: the article's first line, or its lead above it."""
    first = body[0]
    while first > 0 and flags[first - 1] is None and _lead(infos[first - 1]):
        first -= 1
    return first


def letter_end(infos: list[LineInfo], flags: list[Verdict | None], body: list[int], last: int) -> int:
    """``mark._letter_end`` as it was written: the line above a letter's closing formula, else ``last``."""
    if not any(k > 0 and flags[k - 1] is None and salutation(infos[k - 1]) for k in body[:2]):
        return last
    k = last + 1
    while k < len(infos) and k - last <= m.LETTER_TAIL_LINES and flags[k] is None:
        if closing_formula(infos[k]):
            return k - 1
        k += 1
    return last


def body_end(infos: list[LineInfo], marks: list[int], flags: list[Verdict | None], body: list[int]) -> int:
    """``mark._body_end`` as it was written: ``article_end``, then ``letter_end``."""
    return letter_end(infos, flags, body, article_end(infos, marks, flags, body))


def article_end(infos: list[LineInfo], marks: list[int], flags: list[Verdict | None], body: list[int]) -> int:
    """``mark._article_end`` as it was written: the article's last line, two cases aside."""
    last = body[-1]
    reason = "" if last == 0 or flags[last - 1] is None else flags[last - 1].reason
    if (
        len(body) > 1
        and last > 0
        and not _statement(infos[last])
        and infos[last].n_words <= m.TEASER_TITLE_WORDS
        and reason == m.READ_ALSO
    ):
        end = last - 2
        while end > body[-2] and flags[end] is not None:
            end -= 1
        return end
    k = last + 1
    while k - last <= m.TAIL_MAX_LINES + 1 and k < len(infos) and flags[k] is None:
        if _tail_sentence(infos[k]):
            return k if k - last > m.TAIL_MIN_ROWS else last
        if infos[k].sentence or (k > last + 1 and not marks[k] & m.DIGIT and not _field(infos[k])):
            return last
        k += 1
    return last


def _above_thread(infos: list[LineInfo], flags: list[Verdict | None], block: list[int], main: int) -> bool:
    """True for the article above its comment thread (see ``ABOVE_THREAD_PROSE``)."""
    end = block[-1]
    return (
        end < main <= end + m.ABOVE_THREAD_GAP + 1
        and any(flags[j] is not None and flags[j].reason == m._THREAD_MARKER for j in range(end + 1, main))
        and sum(infos[k].prose for k in block) >= m.ABOVE_THREAD_PROSE
    )


def _entry_separator(infos: list[LineInfo], flags: list[Verdict | None], cut: int, start: int) -> bool:
    """True when the cut above the page's last block separates entries (``tail_block``'s guards as written)."""
    if any(flags[k] is not None and flags[k].reason == m._THREAD_MARKER for k in range(cut, start)):
        return True
    keys = shapes_core().frequency_keys([info.text for info in infos[:start]])
    return bool(set(keys[cut:start]) & set(keys[:cut]))


def _found(infos: list[LineInfo], flags: list[Verdict | None], marks: list[int]):
    """:func:`outlying_blocks` of the lines as ``flags`` cut them."""
    flagged = [f is not None for f in flags]
    bare = [bool(line & m.LETTER) and info.label for info, line in zip(infos, marks)]
    return outlying_blocks(flagged, bare, [i.prose for i in infos], [i.n_words for i in infos])


def outlying(infos: list[LineInfo], flags: list[Verdict | None], found) -> set[int]:
    """``mark._outlying`` as it was written: the kept lines of the blocks that stand apart from the article."""
    if found is None or not found[1]:
        return set()
    main_prose, candidates, _ = found
    lead = range(body_start(infos, flags, main_prose), main_prose[0])
    vocab = article_stems([infos[k] for k in lead] + [infos[k] for k in main_prose])
    apart: set[int] = set()
    for block in candidates:
        if _above_thread(infos, flags, block, main_prose[0]):
            continue
        shared, stems = vocab.shared_lines([infos[k].text for k in block])
        if shared < m.OUTLYING_TOPIC * max(1, stems):
            kept: set[int] = set()
            for run in prose_runs(infos, block):
                shared, stems = vocab.shared_lines([infos[k].text for k in run])
                if shared >= m.OUTLYING_TOPIC * max(1, stems):
                    kept.update(run)
            if _headline(infos, flags, block[-1], main_prose[0]):
                shared, stems = vocab.shared_lines([infos[block[-1]].text])
                if shared >= m.HEAD_KEEP_STEMS and shared >= m.OUTLYING_TOPIC * max(1, stems):
                    kept.add(block[-1])
            apart.update(k for k in block if k not in kept)
    return apart


def _headline(infos: list[LineInfo], flags: list[Verdict | None], k: int, main: int) -> bool:
    """True for the last line of a block apart that may be the article's headline (see ``HEADLINE_BYLINE_LINES``)."""
    info = infos[k]
    if k >= main or not _title_like(info) or info.n_words > m.TEASER_TITLE_WORDS or _statement(info):
        return False
    if any(flags[j] is None and infos[j].prose for j in range(k + 1, main)):
        return False
    below = range(k + 1, min(main, k + m.HEADLINE_BYLINE_LINES + 1))
    return any(flags[j] is not None and flags[j].reason.startswith(m._DATED_KINDS) for j in below)


def prose_runs(infos: list[LineInfo], block: list[int]) -> list[list[int]]:
    """The runs of sentences of a block (see ``OUTLYING_RUN_LINES``), each its lines from its heading or first sentence
    to its last sentence."""
    runs: list[list[int]] = []  # the sentences of each run
    for k in block:
        if not (infos[k].prose and infos[k].sentence):
            continue
        if runs and k <= runs[-1][-1] + m.OUTLYING_RUN_SPAN:
            runs[-1].append(k)
        else:
            runs.append([k])
    found = []
    for run in runs:
        if len(run) < m.OUTLYING_RUN_LINES or sum(infos[k].n_words for k in run) < m.OUTLYING_RUN_WORDS:
            continue
        above = [k for k in block if k < run[0]]
        # the line just above the run's first sentence, when it is no sentence, is its heading
        heading = above and above[-1] + m.OUTLYING_RUN_SPAN >= run[0] and not infos[above[-1]].sentence
        first = above[-1] if heading else run[0]
        found.append([k for k in block if first <= k <= run[-1]])
    return found


def outlying_tail(infos: list[LineInfo], flags: list[Verdict | None], found) -> dict[int, Verdict]:
    """``tail_blocks.tail_block`` as it was written: the verdicts of the page's last block when it stands apart."""
    if found is None or found[2] is None:
        return {}
    cut, block, above = found[2]
    if _entry_separator(infos, flags, cut, block[0]):
        return {}
    shared, stems = article_stems([infos[k] for k in above]).shared_lines([infos[k].text for k in block])
    if shared >= m.OUTLYING_TOPIC * max(1, stems):
        return {}
    detail = f"last block, {shared} of {stems} stems the article's"
    return dict.fromkeys(block, Verdict("boilerplate:position:outlying-tail", detail=detail))


def article_signals(
    infos: list[LineInfo],
    marks: list[int],
    line_flags: list[Verdict | None],
    file_counts: Mapping[int, int] | None,
    around: list,
    where: str = "",
    position: Callable = position,
) -> list[Verdict | None]:
    """``mark._article_signals`` as it was written: the off-topic labels, the position signal (``position``),
    and again on the article alone when blocks stand apart from it, then the page's last block
    (``tail_blocks.tail_block``, which ran after it) on those verdicts."""
    flags = list(line_flags)
    body, offtopic = article_lines(infos, flags, marks, around, file_counts)
    article = Article(infos, body)
    for k, n_files in offtopic:
        if not article.on_topic(infos[k]):
            flags[k] = Verdict("boilerplate:frequency:recurring-offtopic", detail=f"in {n_files} files{where}")
    if not body:
        return flags
    before_position = list(flags)
    first, last = body_start(infos, flags, body), body_end(infos, marks, flags, body)
    position(infos, marks, flags, article, first, last)
    found = _found(infos, flags, marks)
    apart = outlying(infos, flags, found)
    if apart:
        flags = before_position
        for k in apart:
            flags[k] = Verdict("boilerplate:position:outlying-block", detail="block apart from the article")
        body = [k for k in body if k not in apart]
        if body:
            first, last = body_start(infos, flags, body), body_end(infos, marks, flags, body)
            position(infos, marks, flags, Article(infos, body), first, last)
        found = _found(infos, flags, marks)
    for k, verdict in outlying_tail(infos, flags, found).items():
        flags[k] = verdict
    return flags


def spare_article_notices(infos: list[LineInfo], flags: list[Verdict | None]) -> None:
    """``mark._spare_article_notices`` as it was written: a notice rule's hit on prose between prose is unflagged."""
    for k in range(1, len(infos) - 1):
        flag = flags[k]
        if flag is None or flag.detail not in m._NOTICE_RULES or not infos[k].prose:
            continue
        if flags[k - 1] is not None or flags[k + 1] is not None:
            continue
        above, below = infos[k - 1], infos[k + 1]
        lines = m.MENTION_LINE_WORDS
        mention = (
            flag.detail in m._MENTION_RULES
            and infos[k].n_words >= m.MENTION_MIN_WORDS
            and ((above.prose and below.n_words >= lines) or (below.prose and above.n_words >= lines))
        )
        if (above.prose and below.prose) or mention:
            flags[k] = None


def dated_rules(lines: list) -> list[Verdict | None]:
    """``mark._dated_rules`` as it was written: the verdicts of the date and byline rules alone."""
    flags: list[Verdict | None] = [None] * len(lines)
    for k, (info, rule) in enumerate(lines):
        if rule is not None and info.n_words <= m.DATED_MAX_WORDS:
            reason = f"boilerplate:pattern:{rule.kind}"
            if reason.startswith(m._DATED_KINDS):
                flags[k] = Verdict(reason, detail=rule.name)
    return flags


def keep_dated_list(infos: list[LineInfo], marks: list[int], flags: list[Verdict | None]) -> dict[int, Verdict]:
    """``mark._keep_dated_list`` as it was written: the dates heading a dated list's entries, unflagged."""
    heads = {
        k: flag
        for k, flag in enumerate(flags[:-1])
        if flag is not None and flag.reason.startswith(m._DATED_KINDS) and flags[k + 1] is None
    }
    if len(heads) < m.DATED_LIST_MIN:
        return {}
    heads = {k: flag for k, flag in heads.items() if infos[k + 1].prose or not dated(infos[k + 1], marks[k + 1])}
    if len(heads) < m.DATED_LIST_MIN:
        return {}
    found = {}
    for k, flag in heads.items():
        above = flags[k - 1] if k > 0 else None
        if above is not None and _dated_kind(flag) == 1 and _dated_kind(above) == 0:
            found[k - 1] = above  # a date over a byline heads the entry too
            flags[k - 1] = None
        found[k] = flag
        flags[k] = None
    return found


def _dated_kind(flag: Verdict) -> int | None:
    """Which of ``mark._DATED_KINDS`` a verdict's reason starts with, if any."""
    return next((i for i, kind in enumerate(m._DATED_KINDS) if flag.reason.startswith(kind)), None)


def _teaser_entries(infos: list[LineInfo], flags: list[Verdict | None], start: int) -> int:
    """Where the list of headline-and-blurb entries that begins at ``start`` ends (``start``: none)."""
    k = start
    while (
        k + 1 < len(infos)
        and flags[k] is None
        and flags[k + 1] is None
        and not infos[k].sentence
        and m.TITLE_MIN_WORDS <= infos[k].n_words <= m.TEASER_TITLE_WORDS
        and infos[k + 1].prose
        and infos[k + 1].n_words > m.TEASER_TITLE_WORDS
    ):
        k += 2
    return k


def teaser_list(infos: list[LineInfo], flags: list[Verdict | None]) -> None:
    """``mark._teaser_list`` as it was written: the entries of a teaser list under a "related" heading, flagged."""
    k = 0
    while k < len(infos):
        flag = flags[k]
        if flag is None or flag.reason != "boilerplate:pattern:readalso" or flag.detail != "related-label":
            k += 1
            continue
        end = k + 1
        for start in range(k + 1, min(k + 2 + m.TEASER_SKIP, len(infos))):
            if start > k + 1 and flags[start - 1] is None and not infos[start - 1].label:
                break
            end = _teaser_entries(infos, flags, start)
            entries = (end - start) // 2
            if entries >= m.TEASER_LIST_MIN:
                detail = f"{entries} headline-and-blurb entries under {infos[k].text[:40]!r}"
                for j in range(start, end):
                    flags[j] = Verdict("boilerplate:position:teaser-list", detail=detail)
                break
        k = max(end, k + 1)


def line_links(infos: list[LineInfo], marks: list[int]) -> tuple[frozenset[int], dict[int, str]]:
    """``mark._Lines.of``'s counted links and pointers as it found them: from the joined lines, in Python."""
    links: frozenset[int] = frozenset()
    joined = "\n".join(info.text for info in infos) + "\n"
    if joined.count(")\n") >= link_lists.COUNTED_RUN_MIN:
        counted = link_lists.counted_link
        links = frozenset(k for k, line in enumerate(marks) if line & m.DIGIT and counted(infos[k].text))
    pointers: dict[int, str] = {}
    if not joined.isascii() and not frozenset(link_lists.POINTERS).isdisjoint(info.text[-1:] for info in infos):
        pointers = link_lists.pointer_links([info.text for info in infos])
    return links, pointers


def cut_excerpts(infos: list[LineInfo]) -> frozenset[int]:
    """``link_lists.cut_excerpts`` as it was written: the walk over every line in Python."""
    out = []
    for k, info in enumerate(infos):
        text = info.text
        if text[-1:] not in frozenset(link_lists.CUT_CANDIDATES[0]) or info.n_words < link_lists.EXCERPT_MIN_WORDS:
            continue
        tail = text[-link_lists.CUT_CANDIDATES[1] :]
        if ("..." in tail or "…" in tail) and link_lists._CUT.search(tail) is not None:
            out.append(k)
    return frozenset(out)


def keyword_lists(lines: list, flags: list[Verdict | None]) -> dict[int, Verdict]:
    """``keyword_lists.keyword_lists`` as it was written: the walk over every line in Python."""
    found: dict[int, Verdict] = {}
    for k, (info, _) in enumerate(lines):
        if info.stop_share <= kw.KEYWORD_MAX_STOPWORDS and info.n_words >= kw.KEYWORD_MIN_ITEMS and flags[k] is None:
            items = kw.keyword_list(info)
            if items:
                found[k] = Verdict(kw.KEYWORD_LIST, detail=f"list of {items} terms")
    return found


def set_verdicts(paras: list, flags: list[Verdict | None], protect: frozenset[int]) -> tuple[int, list[int]]:
    """``mark``'s loop over a round's paragraphs as it was written: the verdicts set, how many, and those left."""
    found = 0
    for p, flag in zip(paras, flags):
        if flag is not None and p.index not in protect:
            p.verdict = flag
            found += 1
    return found, [k for k, p in enumerate(paras) if p.verdict is None]


def neighbours(doc, paras: list, infos: list[LineInfo]) -> list:
    """``mark.neighbours`` as it was written: the lists made in Python, the codes found by the core."""
    seq = [p for p in doc.paragraphs if p.verdict is None or p.verdict.reason != "blank-after-repair"]
    at = {p.index: k for k, p in enumerate(seq)}
    short = [k for k, info in enumerate(infos) if info.n_words < m.FREQUENCY_MAX_WORDS]
    asked = [at[paras[k].index] for k in short]
    found = shapes_core().neighbour_codes([p.text for p in seq], asked, m.FREQUENCY_MAX_WORDS)
    out = [m.NO_COUNTS] * len(paras)
    for k, near in zip(short, found):
        out[k] = near
    return out


def dated(info: LineInfo, line: int) -> bool:
    """``mark._dated`` as it was written: the line has a figure (``line``: its line flags) and holds a date."""
    return bool(line & m.DIGIT) and has_date(info.text)
