//! The per-line tests of the boilerplate signals (`boilerplate/mark.py`), a document's lines at a
//! time: which of Python's small regular expressions each line matches (`_LETTER`, `_DIGITS`,
//! `_ATTRIBUTION`, `_REFERENCE`, `_LIST_ITEM`), whether it is a menu of separated links
//! (`separated_menu`, but for its function-word share, which Python has), and whether it ends
//! with a stop (`_round_prose`), and a line's clause break (`has_clause_break`); the blocks
//! `mark_reference.outlying` cuts a page into; and the walks of the
//! signals that read the article over a page's lines, up to its stems (`_article_signals`' article
//! and its off-topic labels seen in a few files, `mark_reference.position`'s title, header and candidates inside
//! the body), which Python weighs.
//!
//! Character classes come from Python's own table (`shapes::Table`): re's `\s` is `str.isspace`,
//! `\d` is `str.isdecimal`, `\w` is `str.isalnum` or `_`, as in `sre` for str patterns. The plain
//! Python definitions these replace are the tests' oracles (tests/mark_reference.py).

use crate::shapes::{self, Table, DECIMAL, LETTER_OR_MARK, SPACE};

/// `_LETTER.search`: a letter (re's `[^\W\d_]`).
pub const LETTER: u32 = 1;
/// `_DIGITS.search`: a decimal digit.
pub const DIGIT: u32 = 2;
/// `separated_menu` but for the function-word share: at least `min_parts` items, each with a
/// letter, at most `part_words` words, no sentence end and no ":", and no "|" first.
pub const MENU: u32 = 4;
/// `_ATTRIBUTION.match`: `[—–]\s*\S`.
pub const ATTRIBUTION: u32 = 8;
/// `_REFERENCE.match`: `\[\d{1,3}\]\s*\S`.
pub const REFERENCE: u32 = 16;
/// `_LIST_ITEM.match`: `(?:[•▪◦‣·○►→✓*–-]|\d{1,2}[.)])\s+\S`.
pub const LIST_ITEM: u32 = 32;
/// The last character is one of `_OPEN_END`'s: `.!?…。！？।॥؟۔።፧។៕။։།༎:;`.
pub const STOP_END: u32 = 64;
/// At least `long_parts - 1` of `_MENU_SEPARATOR`'s characters (`|¦·•»`) and no "|" first: the
/// only lines `_long_item_menus` reads further (a line of the benchmark corpus has none, most often).
pub const SEPARATED: u32 = 128;

/// The bullets of `_LIST_ITEM`: `•▪◦‣·○►→✓*–-`.
const BULLETS: [u32; 12] =
    [0x2022, 0x25AA, 0x25E6, 0x2023, 0xB7, 0x25CB, 0x25BA, 0x2192, 0x2713, '*' as u32, 0x2013, '-' as u32];
/// `_OPEN_END`: a sentence's end (`shapes::ENDS`, `.!?…。！？।॥؟۔።፧។៕။։།༎`), a colon or a semicolon.
fn open_end(c: u32) -> bool {
    shapes::ENDS.contains(&c) || c == ':' as u32 || c == ';' as u32
}
/// What `separated_menu` strips off each item: `" []()"`.
const ITEM_STRIP: [u32; 5] = [' ' as u32, '[' as u32, ']' as u32, '(' as u32, ')' as u32];

/// The limits of `separated_menu` (`MENU_MIN_PARTS`, `MENU_PART_WORDS`) and of `SEPARATED`
/// (`LONG_MENU_MIN_PARTS`).
#[derive(Debug, Clone, Copy)]
pub struct MenuLimits {
    pub min_parts: usize,
    pub part_words: usize,
    pub long_parts: usize,
}

/// re's `\s`.
#[inline]
fn is_space(table: &Table, c: u32) -> bool {
    table.flags(c) & SPACE != 0
}

/// re's `\d`.
#[inline]
fn is_digit(table: &Table, c: u32) -> bool {
    table.flags(c) & DECIMAL != 0
}

/// Where the run of white space that starts at `i` ends.
fn skip_space(table: &Table, text: &[u32], mut i: usize) -> usize {
    while i < text.len() && is_space(table, text[i]) {
        i += 1;
    }
    i
}

/// re's `\s*\S` (`\s+\S` when `one_space`) matched at `i`.
fn space_then_char(table: &Table, text: &[u32], i: usize, one_space: bool) -> bool {
    let j = skip_space(table, text, i);
    (!one_space || j > i) && j < text.len()
}

/// The number of decimal digits from `i`, counted up to `cap`.
fn digits_from(table: &Table, text: &[u32], i: usize, cap: usize) -> usize {
    text[i.min(text.len())..].iter().take(cap).take_while(|&&c| is_digit(table, c)).count()
}

/// `_ATTRIBUTION.match(text)`.
pub fn attribution(table: &Table, text: &[u32]) -> bool {
    matches!(text.first(), Some(&0x2014) | Some(&0x2013)) && space_then_char(table, text, 1, false)
}

/// `_REFERENCE.match(text)`.
pub fn reference(table: &Table, text: &[u32]) -> bool {
    if text.first() != Some(&('[' as u32)) {
        return false;
    }
    // \d{1,3} then "]": a fourth digit stands where the "]" should.
    let d = digits_from(table, text, 1, 4);
    (1..=3).contains(&d) && text.get(1 + d) == Some(&(']' as u32)) && space_then_char(table, text, 2 + d, false)
}

/// `_LIST_ITEM.match(text)`.
pub fn list_item(table: &Table, text: &[u32]) -> bool {
    let first = match text.first() {
        Some(&c) => c,
        None => return false,
    };
    if BULLETS.contains(&first) {
        return space_then_char(table, text, 1, true);
    }
    // \d{1,2}[.)]: a third digit stands where the "." should.
    let d = digits_from(table, text, 0, 3);
    (1..=2).contains(&d) && matches!(text.get(d), Some(&0x2E) | Some(&0x29)) && space_then_char(table, text, d + 1, true)
}

/// Where the match of `_SEPARATOR` (`\s*[|¦]\s*|\s+»\s+|\s*[·•]\s*`) at `p` ends, if one starts there.
fn separator_at(table: &Table, text: &[u32], p: usize) -> Option<usize> {
    // Each branch's leading white space is greedy and what follows it is no white space, so a
    // branch matches only with the whole run of white space from `p`.
    let q = skip_space(table, text, p);
    let c = *text.get(q)?;
    let after = || skip_space(table, text, q + 1);
    match c {
        0x7C | 0xA6 | 0xB7 | 0x2022 => Some(after()),
        0xBB if q > p && text.get(q + 1).map_or(false, |&s| is_space(table, s)) => Some(after()),
        _ => None,
    }
}

/// `_SEPARATOR.split(text)`: the pieces between the separators, as `(start, end)`.
fn separated(table: &Table, text: &[u32]) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let (mut start, mut p) = (0, 0);
    while p < text.len() {
        match separator_at(table, text, p) {
            Some(end) => {
                pieces.push((start, p));
                start = end;
                p = end;
            }
            None => p += 1,
        }
    }
    pieces.push((start, text.len()));
    pieces
}

/// `part.strip(" []()")`.
fn strip_item(part: &[u32]) -> &[u32] {
    let start = part.iter().position(|c| !ITEM_STRIP.contains(c)).unwrap_or(part.len());
    let end = part.iter().rposition(|c| !ITEM_STRIP.contains(c)).map_or(start, |e| e + 1);
    &part[start..end.max(start)]
}

/// `separated_menu` of a line whose function-word share is low enough (Python tests that).
pub fn separated_menu(table: &Table, text: &[u32], limits: MenuLimits) -> bool {
    if text.first() == Some(&('|' as u32)) {
        return false;
    }
    let mut parts = 0;
    let mut all_items = true;
    for (s, e) in separated(table, text) {
        let part = strip_item(&text[s..e]);
        if part.is_empty() {
            continue;
        }
        parts += 1;
        all_items = all_items
            && table.has_letter(part)
            && table.word_spans(part).0.len() <= limits.part_words
            && !shapes::ends_sentence(part)
            && !part.contains(&(':' as u32));
    }
    parts >= limits.min_parts && all_items
}

/// The flags of one line (`LETTER` ...).
pub fn line_marks(table: &Table, text: &[u32], limits: MenuLimits) -> u32 {
    let mut marks = 0;
    if table.has_letter(text) {
        marks |= LETTER;
    }
    if text.iter().any(|&c| is_digit(table, c)) {
        marks |= DIGIT;
    }
    // A menu needs three items, so two separators at least.
    let separators = text.iter().filter(|&&c| matches!(c, 0x7C | 0xA6 | 0xB7 | 0x2022 | 0xBB)).count();
    if separators + 1 >= limits.min_parts && separated_menu(table, text, limits) {
        marks |= MENU;
    }
    if separators + 1 >= limits.long_parts && text.first() != Some(&('|' as u32)) {
        marks |= SEPARATED;
    }
    if attribution(table, text) {
        marks |= ATTRIBUTION;
    }
    if reference(table, text) {
        marks |= REFERENCE;
    }
    if list_item(table, text) {
        marks |= LIST_ITEM;
    }
    if text.last().map_or(false, |&c| open_end(c)) {
        marks |= STOP_END;
    }
    marks
}

/// What `mark_reference.outlying` reads of each line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockLine {
    /// Another signal flagged it.
    pub flagged: bool,
    /// A label with a letter (a bare label: `LineInfo.label` and `_LETTER`).
    pub bare: bool,
    /// Prose.
    pub prose: bool,
    /// Its words.
    pub n_words: usize,
}

/// The limits of `mark_reference.outlying` (`OUTLYING_GAP`, `OUTLYING_LABELS`, `OUTLYING_SHARE`, `OUTLYING_LABEL_SHARE`,
/// and the page's last block's `TAIL_GAP`, `TAIL_MIN_LINES`, `TAIL_SHARE`).
#[derive(Debug, Clone, Copy)]
pub struct BlockLimits {
    pub gap: usize,
    pub labels: usize,
    pub share: f64,
    pub label_share: f64,
    pub tail_gap: usize,
    pub tail_lines: usize,
    pub tail_share: f64,
}

/// The page's last block when a shorter cut (`BlockLimits::tail_gap` flagged lines in a row) sets it apart
/// and it weighs little beside the prose above (`mark_reference.outlying_blocks`): `cut` is the cut's first
/// line, `lines` the block's unflagged lines, `above` the prose lines above the cut that no signal flagged
/// (what it is weighed and tested against). Python then reads the cut (the guards of a page of entries) and
/// tests the block against the vocabulary of `above`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tail {
    pub cut: usize,
    pub lines: Vec<usize>,
    pub above: Vec<usize>,
}

/// The blocks `mark_reference.outlying` weighs: the prose lines of the main block (the article) and the
/// blocks with too little prose to be it, which Python then tests against its vocabulary, and the page's
/// last block (`Tail`). None when there is nothing to weigh: no last block, and the page is one block or has
/// no prose (then `main_prose` and `candidates` are empty when there is a last block).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlying {
    pub main_prose: Vec<usize>,
    pub candidates: Vec<Vec<usize>>,
    pub tail: Option<Tail>,
}

/// The page's last block (`mark_reference.last_block`): `(cut, start, end)`, the first line of the last run of
/// `gap` flagged lines or more with an unflagged line below it and one above it, the first and the last
/// unflagged lines below that run.
fn last_block(lines: &[BlockLine], gap: usize) -> Option<(usize, usize, usize)> {
    let end = lines.iter().rposition(|l| !l.flagged)?;
    let mut k = end;
    let mut start = end;
    while k > 0 {
        k -= 1;
        if !lines[k].flagged {
            start = k;
            continue;
        }
        let mut cut = k;
        while cut > 0 && lines[cut - 1].flagged {
            cut -= 1;
        }
        if k - cut + 1 >= gap {
            return if cut > 0 { Some((cut, start, end)) } else { None };
        }
        k = cut;
    }
    None
}

/// The page's last block (`Tail`) when it holds `tail_lines` unflagged lines or more and less than
/// `tail_share` of the prose words above its cut (`Outlying::tail`, read alone).
pub fn outlying_tail(lines: &[BlockLine], limits: BlockLimits) -> Option<Tail> {
    // Most rounds of the fixed point flag nothing: the last block is not looked for.
    if lines.iter().filter(|l| l.flagged).count() < limits.tail_gap {
        return None;
    }
    let (cut, start, end) = last_block(lines, limits.tail_gap)?;
    let block: Vec<usize> = (start..=end).filter(|&k| !lines[k].flagged).collect();
    if block.len() < limits.tail_lines {
        return None;
    }
    let above: Vec<usize> = (0..cut).filter(|&k| !lines[k].flagged && lines[k].prose).collect();
    let above_words: usize = above.iter().map(|&k| lines[k].n_words).sum();
    let weight: usize = block.iter().filter(|&&k| lines[k].prose).map(|&k| lines[k].n_words).sum();
    // Python compares the int with the float product exactly; both are far below 2**53.
    if above_words == 0 || weight as f64 >= limits.tail_share * above_words as f64 {
        return None;
    }
    Some(Tail { cut, lines: block, above })
}

/// `mark_reference.outlying` up to the article's vocabulary: cuts the lines into blocks and names the candidates.
///
/// The page's last block is cut off by a shorter run of flagged lines (`tail_gap`) than the others
/// (`gap`): nothing of the article comes after the footer's chrome. It is weighed against the prose
/// above its cut (`Outlying::tail`), after the blocks apart: `ArticleSignals` reads it on the verdicts
/// of the article alone, once the blocks apart are set.
pub fn outlying_blocks(lines: &[BlockLine], limits: BlockLimits) -> Option<Outlying> {
    let tail = outlying_tail(lines, limits);
    let blocks = blocks_apart(lines, limits);
    match (blocks, tail) {
        (None, None) => None,
        (None, tail) => Some(Outlying { main_prose: Vec::new(), candidates: Vec::new(), tail }),
        (Some((main_prose, candidates)), tail) => Some(Outlying { main_prose, candidates, tail }),
    }
}

/// The main block's prose lines and the candidates (see `Outlying`), or None.
fn blocks_apart(lines: &[BlockLine], limits: BlockLimits) -> Option<(Vec<usize>, Vec<Vec<usize>>)> {
    let n = lines.len();
    let mut cut: Vec<bool> = lines.iter().map(|l| l.flagged).collect();
    let mut k = 0;
    while k < n {
        // A long run of bare labels (a menu no rule knows) cuts too.
        let mut end = k;
        while end < n && !cut[end] && lines[end].bare {
            end += 1;
        }
        if end - k >= limits.labels {
            cut[k..end].iter_mut().for_each(|c| *c = true);
        }
        k = end.max(k + 1);
    }
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    let mut chrome_before: Vec<bool> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let (mut gap, mut flagged_gap) = (0, 0);
    for (k, &cuts) in cut.iter().enumerate() {
        if cuts {
            gap += 1;
            flagged_gap += lines[k].flagged as usize;
            continue;
        }
        if gap >= limits.gap && !current.is_empty() {
            blocks.push(std::mem::take(&mut current));
            chrome_before.push(flagged_gap >= limits.gap);
        }
        current.push(k);
        gap = 0;
        flagged_gap = 0;
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    if blocks.len() < 2 {
        return None;
    }
    let words: Vec<usize> =
        blocks.iter().map(|b| b.iter().filter(|&&k| lines[k].prose).map(|&k| lines[k].n_words).sum()).collect();
    // Python's max(): the first block with the most prose words.
    let mut main = 0;
    for (b, &w) in words.iter().enumerate() {
        if w > words[main] {
            main = b;
        }
    }
    if words[main] == 0 {
        return None;
    }
    let mut candidates = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        let by_chrome = (b > 0 && chrome_before[b - 1]) || (b + 1 < blocks.len() && chrome_before[b]);
        let share = if by_chrome { limits.share } else { limits.label_share };
        // Python compares the int with the float product exactly; both are far below 2**53.
        // Without prose and cut off by runs of bare labels only, a block is a piece of the list they
        // make (names, the article's own items: "Dr. A. Smith" breaks a run of them), and stays as it does.
        if b == main || words[b] as f64 >= share * words[main] as f64 || (!by_chrome && words[b] == 0) {
            continue;
        }
        candidates.push(block.clone());
    }
    let main_prose = blocks[main].iter().copied().filter(|&k| lines[k].prose).collect();
    Some((main_prose, candidates))
}

/// What `mark_reference.position` reads of a line (only what it reads of that line is filled: the rest is left
/// at its default).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PosLine {
    /// Another signal flagged it.
    pub signalled: bool,
    /// Flagged by a date or byline rule (read only inside a run of `chrome_lines` short lines).
    pub dated: bool,
    /// Prose (`LineInfo.prose`).
    pub prose: bool,
    /// Ends like a sentence (`LineInfo.sentence`).
    pub sentence: bool,
    /// Its words.
    pub n_words: usize,
    /// Its share of function words.
    pub stop_share: f64,
    /// Its characters (code points, Python's `len`).
    pub chars: usize,
    /// Its `line_marks`.
    pub marks: u32,
    /// Its text ends with ":" (read only where the weighing asks: inside the body and below it).
    pub colon: bool,
    /// Its text ends with "," (read only below the body).
    pub comma: bool,
}

/// The limits of `mark_reference.position` (`mark.py`'s constants of the same names).
#[derive(Debug, Clone, Copy)]
pub struct PosLimits {
    /// `TITLE_MIN_CHARS`, `TITLE_MIN_WORDS`: a title-like line.
    pub title_chars: usize,
    pub title_words: usize,
    /// `HEAD_KEEP_WORDS`: the words of a headline above the body that may be kept.
    pub head_words: usize,
    /// `LABEL_MAX_WORDS` (`LineInfo.label`).
    pub label_words: usize,
    /// `LONE_RUN`: the longest run a single foreign label is evidence in.
    pub lone_run: usize,
    /// `CHROME_RUN_LINES`, `CHROME_RUN_SHARE`.
    pub chrome_lines: usize,
    pub chrome_share: f64,
    /// `TEASER_MAX_STOPWORDS`.
    pub teaser_stopwords: f64,
}

/// What makes a line inside the body a candidate of `mark_reference.position` (`Inside::what`).
/// In a run of chrome (`position:chrome-run`): `a` the run's lines, `b` its flagged lines.
pub const IN_CHROME: u8 = 1;
/// A label without a figure (`position:inline-label` when its run shows chrome and it does not end with ":").
pub const IN_LABEL: u8 = 2;
/// Beside a flagged line (`position:inline-block`).
pub const IN_BLOCK: u8 = 4;
/// Few function words, no sentence end, no figure (`position:inline-teaser` with three stems and evidence).
pub const IN_TEASER: u8 = 8;
/// Its run shows chrome: another signal flagged a line of it or one beside it.
pub const IN_EVIDENCE: u8 = 16;
/// Its run (lines `a..b`, at most `lone_run`) shows chrome when exactly one of its labels is foreign
/// to the article and that one has no figure: Python asks the article.
pub const IN_ASK: u8 = 32;

/// A line inside the body that `mark_reference.position` may flag, with what Python weighs (see `IN_CHROME` ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inside {
    pub line: usize,
    pub what: u8,
    pub a: usize,
    pub b: usize,
}

/// `mark_reference.position` up to the article's stems and the rules' judgement: the lines it may flag.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Position {
    /// The title-like lines above the body that no signal flagged, nearest first, up to the first
    /// without a figure (a figure may be a date's, which Python searches): empty when the body's
    /// first line does not end like a sentence.
    pub titles: Vec<usize>,
    /// The lines above the body that no signal flagged (the header, but for what is kept).
    pub header: Vec<usize>,
    /// Those of them title-like with `head_words` words: kept when about the article.
    pub about: Vec<usize>,
    /// The lone line of words just above the body (`_lone_title`).
    pub lone: Option<usize>,
    /// The line just above the body when the line above it is unflagged too (`mark_reference._under_head`):
    /// kept, dated or not, when that one is (the title, a headline about the article): the head runs into the body.
    pub under_head: Option<usize>,
    /// The candidates inside the body, in order.
    pub inside: Vec<Inside>,
}

impl PosLine {
    /// `LineInfo.label`: few words, no function word, no sentence end.
    pub fn label(&self, limits: &PosLimits) -> bool {
        self.n_words <= limits.label_words && self.stop_share == 0.0 && !self.sentence
    }

    /// `_title_like`: `title_chars` characters and `title_words` words, or a single word of twice
    /// `title_chars` (the headline of a script written without spaces is one run: `mark.TITLE_MIN_CHARS`).
    /// A line of a script written without spaces is title-like from `UNSPACED_TITLE_WORDS` words (`unspaced_title`).
    fn title_like(&self, limits: &PosLimits) -> bool {
        title_like(self.chars, self.n_words, limits)
    }
}

/// `mark_reference._title_like` of a line of `chars` characters and `n_words` words: `title_chars` characters
/// (or `unspaced_title`) and `title_words` words, or a single word of twice `title_chars` (the headline of a
/// script written without spaces is one run). The header's title and `ArticleSignals::headline` both read it.
pub fn title_like(chars: usize, n_words: usize, limits: &PosLimits) -> bool {
    (chars >= limits.title_chars || unspaced_title(chars, n_words))
        && (n_words >= limits.title_words || (n_words == 1 && chars >= 2 * limits.title_chars))
}

/// `mark.UNSPACED_TITLE_WORDS`: the words (two characters each) of a title written without spaces.
pub const UNSPACED_TITLE_WORDS: usize = 5;

/// `mark_reference._unspaced_title`: a line of `chars` characters and `n_words` words is written without spaces
/// (Chinese, Japanese: a word counts two characters, so no word is longer) and has `UNSPACED_TITLE_WORDS` words.
pub fn unspaced_title(chars: usize, n_words: usize) -> bool {
    2 * n_words >= chars && n_words >= UNSPACED_TITLE_WORDS
}

/// `_short_runs`: the `(start, end)` of each run of lines that are not prose strictly inside `first..last`.
pub fn short_runs(lines: &[PosLine], first: usize, last: usize) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (k, line) in lines.iter().enumerate().take(last).skip(first + 1) {
        match (line.prose, start) {
            (true, Some(s)) => {
                runs.push((s, k));
                start = None;
            }
            (false, None) => start = Some(k),
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push((s, last));
    }
    runs
}

/// The header's lines: `mark_reference.position`'s title, its headlines about the article and `mark_reference._lone_title`, to be weighed.
fn header(lines: &[PosLine], first: usize, limits: &PosLimits, out: &mut Position) {
    if lines[first].sentence {
        for k in (0..first).rev() {
            let line = &lines[k];
            if !line.signalled && line.title_like(limits) {
                out.titles.push(k);
                if line.marks & DIGIT == 0 {
                    break; // without a figure, no date: this one is the title
                }
            }
        }
    }
    out.header = (0..first).filter(|&k| !lines[k].signalled).collect();
    out.about = out
        .header
        .iter()
        .copied()
        .filter(|&k| lines[k].n_words >= limits.head_words && lines[k].title_like(limits))
        .collect();
    if first > 1 && !lines[first - 1].signalled && !lines[first - 2].signalled {
        out.under_head = Some(first - 1);
    }
    if first > 0 && out.header == [first - 1] {
        let line = &lines[first - 1];
        if line.n_words >= limits.title_words && line.marks & LETTER != 0 && line.marks & DIGIT == 0 {
            out.lone = Some(first - 1);
        }
    }
}

/// `mark_reference.position` up to the article's stems (see `Position`), the body running from `first` (prose,
/// unflagged) to its last line; `runs`: `short_runs(lines, first, last)`.
pub fn position(lines: &[PosLine], runs: &[(usize, usize)], first: usize, limits: PosLimits) -> Position {
    let mut out = Position::default();
    header(lines, first, &limits, &mut out);
    // A run of chrome: long, with a share of lines flagged (dates and bylines aside: a dated list
    // of the article is content); its lines without figures, dated ones included, go.
    let mut chrome: Vec<Option<(usize, usize)>> = vec![None; lines.len()];
    let chrome_flagged = |l: &PosLine| l.signalled && !l.dated;
    for &(k, end) in runs.iter().filter(|(k, end)| end - k >= limits.chrome_lines) {
        let flagged = lines[k..end].iter().filter(|l| chrome_flagged(l)).count();
        if flagged as f64 >= limits.chrome_share * (end - k) as f64 {
            for j in k..end {
                if !chrome_flagged(&lines[j]) && lines[j].marks & DIGIT == 0 {
                    chrome[j] = Some((end - k, flagged));
                }
            }
        }
    }
    for &(k, end) in runs {
        let evidence = lines[k - 1..=end].iter().any(|l| l.signalled);
        let ask = !evidence && end - k <= limits.lone_run && lines[k..end].iter().any(|l| l.label(&limits));
        for j in k..end {
            let line = &lines[j];
            if let (Some((a, b)), 0) = (chrome[j], line.marks & ATTRIBUTION) {
                out.inside.push(Inside { line: j, what: IN_CHROME, a, b });
                continue;
            }
            if line.signalled || line.marks & ATTRIBUTION != 0 {
                continue;
            }
            let figure = line.marks & DIGIT != 0;
            let mut what = 0;
            if line.label(&limits) && !figure {
                what |= IN_LABEL;
            }
            if lines[j + 1].signalled || (lines[j - 1].signalled && !lines[j + 1].prose) {
                what |= IN_BLOCK;
            }
            if line.stop_share <= limits.teaser_stopwords && !line.sentence && !figure {
                what |= IN_TEASER;
            }
            if evidence {
                what |= IN_EVIDENCE;
            } else if ask {
                what |= IN_ASK;
            } else {
                what &= IN_BLOCK; // no evidence: only a line beside chrome may go
            }
            if what & (IN_LABEL | IN_BLOCK | IN_TEASER) != 0 {
                out.inside.push(Inside { line: j, what, a: k, b: end });
            }
        }
    }
    out
}

/// A line's 64-bit frequency key and its pairs' with the lines above and below (`mark.Near`).
pub type Near = (u64, Option<u64>, Option<u64>);

/// What `_article_signals` reads of a line before the article's stems: whether it is the article's
/// (prose, unflagged) and whether it is a label that recurs in a few files (`recurring-offtopic`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ArticleLine {
    /// Another signal flagged it.
    pub flagged: bool,
    /// Prose.
    pub prose: bool,
    /// Ends like a sentence (read only of an unflagged line that is not prose, as what follows).
    pub sentence: bool,
    /// It has a letter (`LETTER`).
    pub letter: bool,
    /// Its words.
    pub n_words: usize,
    /// Its share of function words.
    pub stop_share: f64,
    /// Its keys.
    pub near: Near,
}

/// The limits of the `recurring-offtopic` signal (`OFFTOPIC_MIN_FILES`, `FREQUENCY_MAX_WORDS`,
/// `OFFTOPIC_TITLE_WORDS`).
#[derive(Debug, Clone, Copy)]
pub struct OfftopicLimits {
    pub min_files: i64,
    pub max_words: usize,
    pub title_words: usize,
}

/// Whether a line may be a label foreign to its article seen in a few files (`recurring-offtopic`, but for
/// the article's stems): the files its line recurs in when it does in enough of them, with the same
/// neighbour as well, else None. `files`: in how many files a key recurs.
pub fn offtopic_files<E>(
    line: &ArticleLine,
    limits: OfftopicLimits,
    mut files: impl FnMut(u64) -> Result<i64, E>,
) -> Result<Option<i64>, E> {
    if line.flagged || line.prose || line.sentence || line.n_words >= limits.max_words || !line.letter {
        return Ok(None);
    }
    // A line with function words or `title_words` words may be a syndicated title or heading: one
    // more file is needed (Python's `stop_share > 0`: NaN is not).
    let need = limits.min_files + i64::from(line.stop_share > 0.0 || line.n_words >= limits.title_words);
    let (code, above, below) = line.near;
    let n_files = files(code)?;
    if n_files < need {
        return Ok(None);
    }
    Ok((block_files(above, below, &mut files)? >= need).then_some(n_files))
}

/// `_block_files`: the most files a line recurs in with the same neighbour above or below (the
/// neighbours' pair keys; an absent neighbour counts 0). `above` is looked up first.
fn block_files<E>(
    above: Option<u64>,
    below: Option<u64>,
    files: &mut impl FnMut(u64) -> Result<i64, E>,
) -> Result<i64, E> {
    let above_files = match above {
        Some(key) => files(key)?,
        None => 0,
    };
    let below_files = match below {
        Some(key) => files(key)?,
        None => 0,
    };
    Ok(above_files.max(below_files))
}

/// What `_first_pass` reads of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstLine {
    /// A pattern rule matched it.
    pub rule: bool,
    /// A separated menu (`MENU`, with enough words and few enough function words).
    pub menu: bool,
    /// The frequency signal reads it: counts are given, the line is short and has a letter.
    pub counted: bool,
    /// Its keys (read only when `counted`).
    pub near: Near,
}

/// The verdict `_first_pass` gives a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstFlag {
    /// `boilerplate:pattern:<kind>` of its rule.
    Rule,
    /// `boilerplate:pattern:nav` (`separated-menu`).
    Menu,
    /// `boilerplate:frequency:recurring-block`: in `n_files` files, `block` with the same neighbour.
    Block { n_files: i64, block: i64 },
    /// The same, `enclosed` between the same neighbours.
    Enclosed { n_files: i64, enclosed: i64 },
}

/// `_first_pass` for one line: the rule, else a menu, else the frequency signal with `files`
/// (in how many files a key recurs: `file_counts.get(key, 0)`) and `min_files`; `enclosed_min`
/// is `min(min_files, ENCLOSED_MIN_FILES)`.
pub fn first_flag<E>(
    line: &FirstLine,
    min_files: i64,
    enclosed_min: i64,
    mut files: impl FnMut(u64) -> Result<i64, E>,
) -> Result<Option<FirstFlag>, E> {
    if line.rule {
        return Ok(Some(FirstFlag::Rule));
    }
    if line.menu {
        return Ok(Some(FirstFlag::Menu));
    }
    if !line.counted {
        return Ok(None);
    }
    let (code, above, below) = line.near;
    let n_files = files(code)?;
    if n_files >= min_files {
        let block = block_files(above, below, &mut files)?;
        if block >= min_files {
            return Ok(Some(FirstFlag::Block { n_files, block }));
        }
    }
    if n_files >= enclosed_min {
        // `_enclosed_files`: the fewest files with the same neighbours above and below.
        let enclosed = match (above, below) {
            (Some(a), Some(b)) => files(a)?.min(files(b)?),
            _ => 0,
        };
        if enclosed >= enclosed_min {
            return Ok(Some(FirstFlag::Enclosed { n_files, enclosed }));
        }
    }
    Ok(None)
}

/// The characters that break a sentence into clauses when white space follows (``mark_reference.CLAUSE_BREAK``'s class).
const CLAUSE_BREAKS: [char; 17] = [
    ',', ';', '\u{60c}', '\u{3001}', '\u{ff0c}', '\u{ff1b}', '.', '!', '?', '\u{964}', '\u{3002}', '\u{1362}', '\u{1363}', '\u{1364}', '\u{17d4}',
    '\u{104a}', '\u{104b}',
];

/// ``mark_reference.CLAUSE_BREAK.search(text)`` (``mark.round_prose``'s terse prose): a character of `CLAUSE_BREAKS` followed by white space (re's `\s`:
/// ``str.isspace``, the table's `SPACE`).
pub fn has_clause_break(table: &Table, text: &[u32]) -> bool {
    text.windows(2).any(|w| char::from_u32(w[0]).map_or(false, |c| CLAUSE_BREAKS.contains(&c)) && table.flags(w[1]) & SPACE != 0)
}

/// ``mark_reference.long_sentence``'s count: `text` holds `min` letters or marks or more (Unicode
/// categories L* and M*: the table's `LETTER_OR_MARK`).
pub fn has_letters(table: &Table, text: &[u32], min: usize) -> bool {
    text.len() >= min && text.iter().filter(|&&c| table.flags(c) & LETTER_OR_MARK != 0).take(min).count() >= min
}

/// `_wrapped_units`: the `(start, end)` of each run of two lines or more that continue one another;
/// `joins[k]`: line `k` continues line `k - 1` (`joins[0]` is not read).
pub fn wrapped_units(joins: &[bool]) -> Vec<(usize, usize)> {
    let mut units: Vec<(usize, usize)> = Vec::new();
    for (k, _) in joins.iter().enumerate().skip(1).filter(|(_, &j)| j) {
        match units.last_mut() {
            Some(unit) if unit.1 == k => unit.1 = k + 1,
            _ => units.push((k - 1, k + 1)),
        }
    }
    units
}

/// The runs of consecutive positions of `positions` (increasing), in order: `[1, 2, 4]` gives `[1, 2]`, `[4]`.
pub fn consecutive_runs(positions: &[usize]) -> Vec<&[usize]> {
    let mut runs = Vec::new();
    let mut start = 0;
    for k in 1..=positions.len() {
        if k == positions.len() || positions[k] != positions[k - 1] + 1 {
            runs.push(&positions[start..k]);
            start = k;
        }
    }
    runs
}

/// What `headlines._candidate_runs` reads of a line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HeadLine {
    /// A signal flagged it.
    pub flagged: bool,
    /// Shaped like a headline (`headlines._headline`: a few words, no sentence end nor ":", few
    /// function words, a letter).
    pub headline: bool,
    /// Prose.
    pub prose: bool,
    /// Shaped like a title with more words or function words than a headline (`headlines.LOOSE_MAX_WORDS`,
    /// `headlines.LOOSE_MAX_STOPWORDS`): it stands in a run of headlines, and does not count towards its length.
    pub loose: bool,
}

/// `headlines._candidate_runs`: the `(start, end)` of each run of unflagged headlines and looser titles
/// (`HeadLine::loose`), with at least `run_min` headlines in it, and a flagged line just above or below
/// it. A run's last line is left out when unflagged prose follows it (it heads that paragraph: a title or
/// a heading).
pub fn headline_candidates(lines: &[HeadLine], run_min: usize) -> Vec<(usize, usize)> {
    let member = |line: &HeadLine| !line.flagged && (line.headline || line.loose);
    let n = lines.len();
    let mut runs = Vec::new();
    let mut k = 0;
    while k < n {
        if !member(&lines[k]) {
            k += 1;
            continue;
        }
        let mut end = k;
        while end < n && member(&lines[end]) {
            end += 1;
        }
        let next = end;
        if end < n && !lines[end].flagged && lines[end].prose {
            end -= 1;
        }
        let beside = (k > 0 && lines[k - 1].flagged) || (end < n && lines[end].flagged);
        let heads = lines[k..end].iter().filter(|line| line.headline).count();
        if heads >= run_min && beside {
            runs.push((k, end));
        }
        k = next;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shapes::{Limits, ALNUM, ALPHA};
    use std::collections::{HashMap, HashSet};

    #[test]
    fn consecutive_positions_make_runs() {
        assert_eq!(consecutive_runs(&[]), Vec::<&[usize]>::new());
        assert_eq!(consecutive_runs(&[3]), vec![&[3][..]]);
        assert_eq!(consecutive_runs(&[1, 2, 4, 5, 6, 9]), vec![&[1, 2][..], &[4, 5, 6][..], &[9][..]]);
    }

    #[test]
    fn wrapped_units_run_over_each_join() {
        assert_eq!(wrapped_units(&[]), vec![]);
        assert_eq!(wrapped_units(&[true, false, true, true, false, true]), vec![(1, 4), (4, 6)]);
        assert_eq!(wrapped_units(&[false, false]), vec![]);
    }

    #[test]
    fn headline_runs_need_chrome_beside_them_and_leave_the_heading_of_a_paragraph() {
        let head = HeadLine { headline: true, ..HeadLine::default() };
        let chrome = HeadLine { flagged: true, ..HeadLine::default() };
        let prose = HeadLine { prose: true, ..HeadLine::default() };
        assert_eq!(headline_candidates(&[chrome, head, head, head, head, prose], 4), vec![]);
        assert_eq!(headline_candidates(&[chrome, head, head, head, head, head, prose], 4), vec![(1, 5)]);
        assert_eq!(headline_candidates(&[head, head, head, head, chrome], 4), vec![(0, 4)]);
        assert_eq!(headline_candidates(&[prose, head, head, head, head, prose], 4), vec![]);
        // A looser title stands in a run without counting towards its length.
        let loose = HeadLine { loose: true, ..HeadLine::default() };
        assert_eq!(headline_candidates(&[chrome, head, loose, head, head, head, chrome], 4), vec![(1, 6)]);
        assert_eq!(headline_candidates(&[chrome, head, loose, head, head, chrome], 4), vec![]);
        assert_eq!(headline_candidates(&[chrome, loose, loose, loose, loose, chrome], 4), vec![]);
    }

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    /// Python's answers for ASCII and a few characters beyond (the full table is the property tests').
    fn table() -> Table {
        let mut flags = vec![0u32; 0x10000];
        for c in 0..0x10000u32 {
            if let Some(ch) = char::from_u32(c) {
                if ch.is_alphanumeric() && (ch.is_ascii() || ch == 'é') {
                    flags[c as usize] |= ALNUM | if ch.is_ascii_digit() { 0 } else { ALPHA | LETTER_OR_MARK };
                }
                if ch == '\u{bcd}' || ch == '\u{20dd}' {
                    flags[c as usize] |= LETTER_OR_MARK;
                }
                if ch.is_ascii_digit() || ch == '\u{663}' {
                    flags[c as usize] |= DECIMAL | ALNUM;
                }
                if ch.is_whitespace() {
                    flags[c as usize] |= SPACE;
                }
            }
        }
        let lower: Vec<u32> = (0..0x10000).collect();
        let limits = Limits { prose_any_words: 30, prose_min_words: 10, prose_min_stopwords: 0.15, stem_chars: 5, cjk_function_scale: 1.5, unspaced_chars_per_word: 5 };
        Table::new(flags, lower, HashMap::new(), HashSet::new(), HashSet::new(), HashSet::new(), limits).unwrap()
    }

    const MENU_LIMITS: MenuLimits = MenuLimits { min_parts: 3, part_words: 8, long_parts: 5 };

    fn marks(s: &str) -> u32 {
        line_marks(&table(), &cps(s), MENU_LIMITS)
    }

    #[test]
    fn a_clause_break_is_a_comma_or_a_stop_with_white_space_after_it() {
        let t = table();
        assert!(has_clause_break(&t, &cps("Vakar lijo, \u{161}iandien")));
        assert!(has_clause_break(&t, &cps("A. B")));
        assert!(has_clause_break(&t, &cps("\u{3001}\u{3000}x")));
        assert!(has_clause_break(&t, &cps("x\u{964}\ty")));
        // Not: no white space after it, white space before it, the end of the line, another stop.
        assert!(!has_clause_break(&t, &cps("a,b 1.5 c")));
        assert!(!has_clause_break(&t, &cps("a ,b")));
        assert!(!has_clause_break(&t, &cps("It rains.")));
        assert!(!has_clause_break(&t, &cps("a: b \u{ff01} c")));
        assert!(!has_clause_break(&t, &[]));
    }

    #[test]
    fn letters_are_counted_with_marks_and_not_digits_or_spaces() {
        // The table's letters, a Tamil vowel sign (Mc) and an enclosing circle (Me) are letters or marks.
        let t = table();
        assert!(has_letters(&t, &cps("ab\u{bcd}\u{20dd}"), 4));
        assert!(has_letters(&t, &cps("a 1 b, 2"), 2));
        assert!(!has_letters(&t, &cps("a 1 b, 2"), 3));
        assert!(!has_letters(&t, &cps("ab"), 3));
        assert!(has_letters(&t, &[], 0));
    }

    #[test]
    fn menus_of_separated_links() {
        assert_ne!(marks("Home | News | Sport") & MENU, 0);
        assert_ne!(marks("About \u{b7} Contact \u{b7} Jobs") & MENU, 0);
        assert_ne!(marks("Books \u{bb} Music \u{bb} Jazz") & MENU, 0);
        assert_ne!(marks("[Home] | (News) | Sport |") & MENU, 0);
        // Not menus: a table row, two items, a field, a sentence, figures, "»" without spaces.
        assert_eq!(marks("| a | b | c |") & MENU, 0);
        assert_eq!(marks("Home | News") & MENU, 0);
        assert_eq!(marks("Date: May 5 | Jane | Doe") & MENU, 0);
        assert_eq!(marks("It rains. | News | Sport") & MENU, 0);
        assert_eq!(marks("12 | 13 | 14") & MENU, 0);
        assert_eq!(marks("Books\u{bb}Music\u{bb}Jazz") & MENU, 0);
        assert_eq!(marks("one two three four five six seven eight nine | a | b") & MENU, 0);
    }

    #[test]
    fn lines_of_many_separators() {
        // Four of `|¦·•»`, spaces or not, and no "|" first.
        assert_ne!(marks("a | b \u{a6} c \u{b7} d\u{2022}e") & SEPARATED, 0);
        assert_ne!(marks("Books\u{bb}Music\u{bb}Jazz\u{bb}Blues\u{bb}") & SEPARATED, 0);
        assert_eq!(marks("| a | b | c | d") & SEPARATED, 0);
        assert_eq!(marks("a | b | c | d") & SEPARATED, 0);
        assert_eq!(marks("a / b / c / d / e") & SEPARATED, 0);
    }

    #[test]
    fn list_items_references_attributions() {
        assert_ne!(marks("- item") & LIST_ITEM, 0);
        assert_ne!(marks("12) item") & LIST_ITEM, 0);
        assert_eq!(marks("123. item") & LIST_ITEM, 0);
        assert_eq!(marks("-item") & LIST_ITEM, 0);
        assert_eq!(marks("- ") & LIST_ITEM, 0);
        assert_ne!(marks("\u{663}. item") & LIST_ITEM, 0);
        assert_ne!(marks("[12] Author") & REFERENCE, 0);
        assert_ne!(marks("[123]Author") & REFERENCE, 0);
        assert_eq!(marks("[1234] Author") & REFERENCE, 0);
        assert_eq!(marks("[] Author") & REFERENCE, 0);
        assert_eq!(marks("[1] ") & REFERENCE, 0);
        assert_ne!(marks("\u{2014} Jane") & ATTRIBUTION, 0);
        assert_ne!(marks("\u{2013}Jane") & ATTRIBUTION, 0);
        assert_eq!(marks("\u{2014}") & ATTRIBUTION, 0);
        assert_eq!(marks("a \u{2014} b") & ATTRIBUTION, 0);
    }

    #[test]
    fn letters_digits_stops() {
        assert_eq!(marks("a1."), LETTER | DIGIT | STOP_END);
        assert_eq!(marks("_ 1"), DIGIT);
        assert_eq!(marks(""), 0);
        assert_eq!(marks("why;"), LETTER | STOP_END);
    }

    fn line(flagged: bool, bare: bool, prose: bool, n_words: usize) -> BlockLine {
        BlockLine { flagged, bare, prose, n_words }
    }

    #[test]
    fn first_pass_precedence_and_frequency() {
        let counts: std::collections::HashMap<u64, i64> = [(1, 5), (2, 5), (3, 1), (4, 3), (5, 2)].into_iter().collect();
        let files = |k: u64| -> Result<i64, ()> { Ok(counts.get(&k).copied().unwrap_or(0)) };
        let line = |rule, menu, counted, near| FirstLine { rule, menu, counted, near };
        let flag = |l: FirstLine, min_files| first_flag(&l, min_files, min_files.min(3), files).unwrap();
        assert_eq!(flag(line(true, true, true, (1, Some(2), None)), 3), Some(FirstFlag::Rule));
        assert_eq!(flag(line(false, true, true, (1, Some(2), None)), 3), Some(FirstFlag::Menu));
        assert_eq!(flag(line(false, false, false, (1, Some(2), None)), 3), None);
        assert_eq!(flag(line(false, false, true, (1, Some(2), None)), 3), Some(FirstFlag::Block { n_files: 5, block: 5 }));
        assert_eq!(flag(line(false, false, true, (1, Some(3), None)), 3), None);
        // Below the floor with the same neighbours on both sides in three files.
        assert_eq!(flag(line(false, false, true, (1, Some(4), Some(2))), 6), Some(FirstFlag::Enclosed { n_files: 5, enclosed: 3 }));
        assert_eq!(flag(line(false, false, true, (1, Some(4), Some(5))), 6), None);
        assert_eq!(flag(line(false, false, true, (3, Some(1), Some(2))), 3), None);
    }

    #[test]
    fn offtopic_labels_in_a_few_files() {
        let counts: HashMap<u64, i64> = [(1, 2), (2, 2), (3, 3), (4, 3)].into_iter().collect();
        let files = |k: u64| -> Result<i64, ()> { Ok(counts.get(&k).copied().unwrap_or(0)) };
        let limits = OfftopicLimits { min_files: 2, max_words: 25, title_words: 3 };
        let label = ArticleLine { letter: true, n_words: 2, near: (1, Some(2), None), ..ArticleLine::default() };
        assert_eq!(offtopic_files(&label, limits, files), Ok(Some(2)));
        // Three words, or function words: one file more.
        assert_eq!(offtopic_files(&ArticleLine { n_words: 3, ..label }, limits, files), Ok(None));
        assert_eq!(offtopic_files(&ArticleLine { stop_share: 0.1, near: (3, None, Some(4)), ..label }, limits, files), Ok(Some(3)));
        // Not with a neighbour in as few files, nor flagged, prose, a sentence, long or without a letter.
        assert_eq!(offtopic_files(&ArticleLine { near: (1, Some(9), None), ..label }, limits, files), Ok(None));
        for line in [
            ArticleLine { flagged: true, ..label },
            ArticleLine { prose: true, ..label },
            ArticleLine { sentence: true, ..label },
            ArticleLine { n_words: 25, ..label },
            ArticleLine { letter: false, ..label },
        ] {
            assert_eq!(offtopic_files(&line, limits, files), Ok(None));
        }
    }

    #[test]
    fn blocks_apart_from_the_article() {
        let limits = BlockLimits { gap: 2, labels: 3, share: 0.2, label_share: 0.05, tail_gap: 2, tail_lines: 2, tail_share: 0.2 };
        let mut lines = vec![line(false, false, true, 100), line(false, false, true, 50)];
        lines.extend([line(true, false, false, 1), line(true, false, false, 1)]);
        lines.push(line(false, false, true, 10));
        let found = outlying_blocks(&lines, limits).unwrap();
        assert_eq!(found, Outlying { main_prose: vec![0, 1], candidates: vec![vec![4]], tail: None });
        // One block: nothing to weigh; three bare labels in a row cut like chrome.
        assert_eq!(outlying_blocks(&lines[..2], limits), None);
        let mut labels = vec![line(false, false, true, 100)];
        labels.extend([line(false, true, false, 1); 3]);
        labels.push(line(false, false, true, 4));
        let found = outlying_blocks(&labels, limits).unwrap();
        assert_eq!(found, Outlying { main_prose: vec![0], candidates: vec![vec![4]], tail: None });
        // Without prose, a block between runs of bare labels is a piece of their list: no candidate.
        let mut list = labels[..4].to_vec();
        list.push(line(false, false, false, 3));
        list.extend([line(false, true, false, 2); 3]);
        let found = outlying_blocks(&list, limits).unwrap();
        assert_eq!(found, Outlying { main_prose: vec![0], candidates: vec![], tail: None });
        // Cut off by chrome, it is a candidate still.
        list[5..].iter_mut().for_each(|l| *l = line(true, false, false, 1));
        list.push(line(false, false, true, 50));
        let found = outlying_blocks(&list, limits).unwrap();
        assert_eq!(found.candidates, vec![vec![4]]);
    }

    #[test]
    fn the_last_block_is_cut_off_by_a_shorter_run() {
        let limits = BlockLimits { gap: 5, labels: 20, share: 0.2, label_share: 0.05, tail_gap: 3, tail_lines: 2, tail_share: 0.2 };
        let chrome = line(true, false, false, 2);
        let mut lines = vec![line(false, false, true, 100), line(false, false, true, 60), chrome, chrome];
        lines.push(line(false, false, true, 40));
        lines.extend([chrome; 3]);
        lines.extend([line(false, false, true, 12), chrome, line(false, false, true, 9), chrome]);
        // Three flagged lines cut the last block off (two do not): its unflagged lines under the cut,
        // weighed against the prose above the cut. The page is one block for the others' cut.
        let found = outlying_blocks(&lines, limits).unwrap();
        assert_eq!((found.main_prose, found.candidates), (vec![], vec![]));
        assert_eq!(found.tail, Some(Tail { cut: 5, lines: vec![8, 10], above: vec![0, 1, 4] }));
        // 21 words of 200 are more than 0.1.
        assert_eq!(outlying_blocks(&lines, BlockLimits { tail_share: 0.1, ..limits }), None);
        // One unflagged line is too few; and the cut must have a line above it.
        let mut one = lines[..9].to_vec();
        one.push(chrome);
        assert_eq!(outlying_blocks(&one, limits), None);
        assert_eq!(last_block(&lines[5..], 3), None);
        assert_eq!(last_block(&lines, 3), Some((5, 8, 10)));
        // Cut off by `gap` flagged lines, the last block is a candidate as any block too.
        let mut far = lines[..2].to_vec();
        far.extend([chrome; 5]);
        far.extend([line(false, false, true, 10), line(false, false, true, 10)]);
        let found = outlying_blocks(&far, limits).unwrap();
        assert_eq!(found.candidates, vec![vec![7, 8]]);
        assert_eq!(found.tail, Some(Tail { cut: 2, lines: vec![7, 8], above: vec![0, 1] }));
    }
}
