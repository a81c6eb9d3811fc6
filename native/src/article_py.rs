//! `_article_signals` (`boilerplate/mark.py`) in one call: the article's lines and the labels foreign
//! to it (native/src/mark_py.rs, `article_found`), the body's end (`body_end` here), the position
//! signal and the content guards (native/src/position_py.rs, `position_into`; `spared_lines`), and
//! the blocks apart from the article weighed by their stems (`mark::outlying_blocks`), with the position
//! signal run again on the article alone when there are some, then the page's last block cut off by a
//! shorter run of chrome (`mark::outlying_tail`). The plain Python it replaced is the tests' oracle
//! (tests/mark_reference.py, `article_signals`).

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::dates::py::PyDateSearch;
use crate::entries_py::dated_kind;
use crate::formulas::py::PyFormulas;
use crate::guards::GuardLimits;
use crate::mark::{self, BlockLimits, OfftopicLimits, Outlying, Tail, DIGIT};
use crate::mark_py::{article_found, block_lines, field, guard_limits, n_words, spared_lines, GuardLimitsArg, PROSE, SENTENCE};
use crate::position::WeighLimits;
use crate::position_py::{pos_limits, position_into, text_of, weigh_limits, PosLimitsArg, PositionLimits, WeighLimitsArg};
use crate::mark::PosLimits;
use crate::shapes_py::{ArticleStems, Shapes};

/// What ends a question or an exclamation (``mark_reference._ASKS``), and the closers after it (``mark_reference._CLOSERS``).
const ASKS: [char; 5] = ['?', '!', '？', '！', '؟'];
const CLOSERS: [char; 7] = ['"', '\'', '”', '’', '»', ')', ']'];

/// The limits of the body's bounds (``mark_reference.body_start``, ``mark_reference.article_end``, ``mark_reference.letter_end``, ``mark_reference._field``):
/// ``TEASER_TITLE_WORDS``, ``TAIL_SENTENCE_WORDS``, ``TAIL_MIN_ROWS``, ``TAIL_MAX_LINES``,
/// ``PROSE_MIN_WORDS`` (a lead's sentence), ``FIELD_LABEL_WORDS``, ``LETTER_TAIL_LINES``.
#[derive(Debug, Clone, Copy)]
struct EndLimits {
    teaser_title_words: usize,
    tail_sentence_words: usize,
    tail_min_rows: usize,
    tail_max_lines: usize,
    lead_words: usize,
    field_label_words: usize,
    letter_tail_lines: usize,
}

/// The signals that read the article (``mark._article_signals``), with their limits and what they call.
///
/// Args:
///     asked_before_set: ``line_shapes.ASKED_BEFORE_SET`` (the article's stems, ``Shapes.article``).
///     offtopic: ``(OFFTOPIC_MIN_FILES, FREQUENCY_MAX_WORDS, OFFTOPIC_TITLE_WORDS)``.
///     blocks: ``(OUTLYING_GAP, OUTLYING_LABELS, OUTLYING_SHARE, OUTLYING_LABEL_SHARE, OUTLYING_TOPIC, TAIL_GAP,
///         TAIL_MIN_LINES, TAIL_SHARE)``.
///     bounds: ``(TEASER_TITLE_WORDS, TAIL_SENTENCE_WORDS, TAIL_MIN_ROWS, TAIL_MAX_LINES, PROSE_MIN_WORDS,
///         FIELD_LABEL_WORDS, LETTER_TAIL_LINES)``.
///     count_words: ``line_shapes.count_words``, called with a field's label where the bounds ask.
///     thread: ``(ABOVE_THREAD_PROSE, ABOVE_THREAD_GAP, _THREAD_MARKER)``: the article above its comment thread
///         is not a block apart.
///     runs: ``(OUTLYING_RUN_LINES, OUTLYING_RUN_WORDS, OUTLYING_RUN_SPAN, HEADLINE_BYLINE_LINES)``: a run of sentences
///         of a block apart that is about the article stays, and so does the article's headline over its byline.
///     read_also: the reason of a "read also" label (``READ_ALSO``).
///     position, weigh, dated: ``_POSITION_LIMITS``, ``_WEIGH_LIMITS``, ``_DATED_KINDS``.
///     guards: ``content_guards.spared_args()``: the reason of a run of headlines, the guards' limits,
///         and the formulas of a letter (``Formulas``: the salutations and closings the bounds and the
///         guards read).
///     dates: the date search (``rules.date_search()``), asked of a title-like line with a figure above the body.
///     verdict: the verdicts' class (``records.Verdict``).
#[pyclass(module = "nettoyeur._core", frozen)]
pub struct ArticleSignals {
    asked_before_set: usize,
    offtopic: OfftopicLimits,
    blocks: BlockLimits,
    topic: f64,
    end: EndLimits,
    read_also: String,
    pos: PosLimits,
    weigh: WeighLimits,
    dated: Vec<String>,
    headline_run: String,
    guards: GuardLimits,
    formulas: Py<PyFormulas>,
    dates: Py<PyDateSearch>,
    verdict: Py<PyAny>,
    count_words: Py<PyAny>,
    thread: ThreadLimits,
    runs: RunLimits,
}

/// The runs of prose of a block apart that are the article's all the same (``OUTLYING_RUN_LINES``,
/// ``OUTLYING_RUN_WORDS``, ``OUTLYING_RUN_SPAN``; ``mark_reference.prose_runs``).
#[derive(Debug, Clone, Copy)]
struct RunLimits {
    lines: usize,
    words: usize,
    span: usize,
    /// ``HEADLINE_BYLINE_LINES``: the byline under the article's headline at the end of a block apart.
    byline: usize,
}

/// The article above its comment thread (``ABOVE_THREAD_PROSE``, ``ABOVE_THREAD_GAP``, ``_THREAD_MARKER``).
#[derive(Debug, Clone)]
struct ThreadLimits {
    prose: usize,
    gap: usize,
    marker: String,
}

/// The article's vocabulary, made when a line's stems are first asked (many articles are asked none).
struct Vocab<'a, 'py> {
    shapes: &'a Bound<'py, Shapes>,
    infos: &'a Bound<'py, PyList>,
    lines: &'a [usize],
    before_set: usize,
    stems: Option<ArticleStems>,
}

impl Vocab<'_, '_> {
    /// How many of the stems of the lines ``at`` the article has, and how many they have together.
    fn shared(&mut self, at: &[usize]) -> PyResult<(usize, usize)> {
        let py = self.infos.py();
        if self.stems.is_none() {
            let texts = self.lines.iter().map(|&k| Ok(text_of(&self.infos.get_item(k)?)?.unbind())).collect::<PyResult<Vec<_>>>()?;
            self.stems = Some(ArticleStems::of(self.shapes, texts, self.before_set));
        }
        let texts = at.iter().map(|&k| text_of(&self.infos.get_item(k)?)).collect::<PyResult<Vec<_>>>()?;
        let texts = PyTuple::new(py, texts)?;
        match &mut self.stems {
            Some(stems) => stems.shared_lines(py, texts.as_any()),
            None => unreachable!("the stems were made above"),
        }
    }
}

/// Whether a line ends like a sentence, not like a question or an exclamation (``mark_reference._statement``).
fn statement(info: &Bound<'_, PyAny>) -> PyResult<bool> {
    if !field(info, SENTENCE, intern!(info.py(), "sentence"))?.is_truthy()? {
        return Ok(false);
    }
    let text = text_of(info)?;
    let text = text.to_cow()?;
    Ok(!text.trim_end_matches(CLOSERS).ends_with(ASKS))
}

impl ArticleSignals {
    /// Whether a verdict's ``reason`` is `reason` (None, no verdict, is `""`).
    fn is_reason(flag: &Bound<'_, PyAny>, reason: &str) -> PyResult<bool> {
        if flag.is_none() {
            return Ok(reason.is_empty());
        }
        let found = flag.getattr(intern!(flag.py(), "reason"))?;
        Ok(found.downcast::<PyString>()?.to_cow()? == reason)
    }

    /// ``mark_reference._lead``: a sentence of ``PROSE_MIN_WORDS`` words or more (it may open the article above its first prose line).
    fn lead(&self, info: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(field(info, SENTENCE, intern!(info.py(), "sentence"))?.is_truthy()? && n_words(info)? >= self.end.lead_words)
    }

    /// ``mark_reference.body_start``: the first line of the body, the article's lead above its first prose line included.
    fn body_start(&self, infos: &Bound<'_, PyList>, flags: &Bound<'_, PyList>, body: &[usize]) -> PyResult<usize> {
        let mut first = body[0];
        while first > 0 && flags.get_item(first - 1)?.is_none() && self.lead(&infos.get_item(first - 1)?)? {
            first -= 1;
        }
        Ok(first)
    }

    /// ``mark_reference._field``: a label of at most ``FIELD_LABEL_WORDS`` words, ": " and a value ("Goalkeeper: A. Name"),
    /// read through Python's ``str.partition`` and ``str.strip`` and ``count_words``.
    fn field(&self, info: &Bound<'_, PyAny>) -> PyResult<bool> {
        let py = info.py();
        let parts = text_of(info)?.call_method1(intern!(py, "partition"), (": ",))?;
        let (label, colon, value) = (parts.get_item(0)?, parts.get_item(1)?, parts.get_item(2)?);
        if !colon.is_truthy()? || !value.call_method0(intern!(py, "strip"))?.is_truthy()? {
            return Ok(false);
        }
        let words: usize = self.count_words.bind(py).call1((label,))?.extract()?;
        Ok(0 < words && words <= self.end.field_label_words)
    }

    /// ``mark_reference.body_end``: the last line of the body for the position signal (``mark_reference.article_end``, then ``mark_reference.letter_end``).
    fn body_end(&self, infos: &Bound<'_, PyList>, flags: &Bound<'_, PyList>, marks: &[u32], body: &[usize]) -> PyResult<usize> {
        let last = self.article_end(infos, flags, marks, body)?;
        self.letter_end(infos, flags, body, last)
    }

    /// ``content_guards_reference.salutation`` of a line's shape (``closing``: ``closing_formula``): at most
    /// ``SALUTATION_WORDS`` (``CLOSING_WORDS``, and no sentence) words, a formula first.
    fn formula(&self, info: &Bound<'_, PyAny>, closing: bool) -> PyResult<bool> {
        let words = if closing { self.guards.closing_words } else { self.guards.salutation_words };
        if n_words(info)? > words || (closing && field(info, SENTENCE, intern!(info.py(), "sentence"))?.is_truthy()?) {
            return Ok(false);
        }
        self.formulas.get().opens(closing, &text_of(info)?.to_string_lossy())
    }

    /// ``mark_reference.letter_end``: the line above a letter's closing formula (the page opens with a salutation just
    /// above one of the body's first two lines), within ``LETTER_TAIL_LINES`` unflagged lines below ``last``.
    fn letter_end(&self, infos: &Bound<'_, PyList>, flags: &Bound<'_, PyList>, body: &[usize], last: usize) -> PyResult<usize> {
        let mut letter = false;
        for &k in body.iter().take(2) {
            if k > 0 && flags.get_item(k - 1)?.is_none() && self.formula(&infos.get_item(k - 1)?, false)? {
                letter = true;
                break;
            }
        }
        if !letter {
            return Ok(last);
        }
        let mut k = last + 1;
        while k < infos.len() && k - last <= self.end.letter_tail_lines && flags.get_item(k)?.is_none() {
            if self.formula(&infos.get_item(k)?, true)? {
                return Ok(k - 1);
            }
            k += 1;
        }
        Ok(last)
    }

    /// ``mark_reference.article_end``: the article's last line, two cases aside (a teaser under a "read also" label, a
    /// closing sentence under the article's table of figures or fields).
    fn article_end(&self, infos: &Bound<'_, PyList>, flags: &Bound<'_, PyList>, marks: &[u32], body: &[usize]) -> PyResult<usize> {
        let py = infos.py();
        let lim = &self.end;
        let last = body[body.len() - 1];
        if body.len() > 1 && last > 0 {
            let info = infos.get_item(last)?;
            if !statement(&info)? && n_words(&info)? <= lim.teaser_title_words && Self::is_reason(&flags.get_item(last - 1)?, &self.read_also)? {
                // The line above the label is flagged or the body's (unflagged): `last - 2` is the body's at least.
                let floor = body[body.len() - 2] as isize;
                let mut end = last as isize - 2;
                while end > floor && !flags.get_item(end as usize)?.is_none() {
                    end -= 1;
                }
                return Ok(end as usize);
            }
        }
        let mut k = last + 1;
        while k - last <= lim.tail_max_lines + 1 && k < marks.len() && flags.get_item(k)?.is_none() {
            let info = infos.get_item(k)?;
            if statement(&info)? && n_words(&info)? >= lim.tail_sentence_words {
                return Ok(if k - last > lim.tail_min_rows { k } else { last });
            }
            if field(&info, SENTENCE, intern!(py, "sentence"))?.is_truthy()? || (k > last + 1 && marks[k] & DIGIT == 0 && !self.field(&info)?) {
                return Ok(last);
            }
            k += 1;
        }
        Ok(last)
    }

    /// ``mark_reference.position``: the position signal, then the content guards, on ``flags`` in place.
    #[allow(clippy::too_many_arguments)]
    fn position(
        &self,
        infos: &Bound<'_, PyList>,
        flags: &Bound<'_, PyList>,
        marks: &[u32],
        vocab: &mut Vocab<'_, '_>,
        first: usize,
        last: usize,
    ) -> PyResult<()> {
        let py = infos.py();
        let limits = PositionLimits { pos: self.pos, weigh: self.weigh, dated: &self.dated };
        let shared = |k: usize| vocab.shared(&[k]);
        let signalled = position_into(infos, flags, marks, first, last, &limits, shared, self.dates.get(), self.verdict.bind(py))?;
        let spared = spared_lines(infos, flags, &signalled, &self.headline_run, self.guards, self.formulas.get())?;
        for k in spared {
            flags.set_item(k, py.None())?;
        }
        Ok(())
    }

    /// ``mark_reference._above_thread``: the article above its comment thread: ``block`` ends at most ``ABOVE_THREAD_GAP``
    /// lines above line ``main`` of the main block, a line of the comments rules (``_THREAD_MARKER``)
    /// stands between, and it has ``ABOVE_THREAD_PROSE`` prose lines.
    fn above_thread(&self, infos: &Bound<'_, PyList>, flags: &Bound<'_, PyList>, block: &[usize], main: usize) -> PyResult<bool> {
        let end = block[block.len() - 1];
        if !(end < main && main <= end + self.thread.gap + 1) {
            return Ok(false);
        }
        let mut marker = false;
        for j in end + 1..main {
            if Self::is_reason(&flags.get_item(j)?, &self.thread.marker)? {
                marker = true;
                break;
            }
        }
        if !marker {
            return Ok(false);
        }
        let mut prose_lines = 0;
        for &k in block {
            prose_lines += field(&infos.get_item(k)?, PROSE, intern!(infos.py(), "prose"))?.is_truthy()? as usize;
        }
        Ok(prose_lines >= self.thread.prose)
    }

    /// The blocks of the page (`mark::outlying_blocks`) as the flags cut it.
    fn blocks_found(&self, infos: &Bound<'_, PyList>, flags: &Bound<'_, PyList>, marks: &[u32]) -> PyResult<Option<Outlying>> {
        let lines = block_lines(infos.as_any(), flags.as_any(), marks, Some(self.pos.label_words))?;
        Ok(infos.py().allow_threads(|| mark::outlying_blocks(&lines, self.blocks)))
    }

    /// The article's words that a block is tested against: its main block's prose and its lead (see
    /// `body_start`): a headline cut off from the article by its byline, dates and share buttons is about
    /// the lead as much as about the rest.
    fn article_words(&self, infos: &Bound<'_, PyList>, flags: &Bound<'_, PyList>, found: &Outlying) -> PyResult<Vec<usize>> {
        let start = self.body_start(infos, flags, &found.main_prose)?;
        Ok((start..found.main_prose[0]).chain(found.main_prose.iter().copied()).collect())
    }

    /// ``mark_reference.outlying``: the kept lines of the blocks apart from the article, increasing.
    fn outlying(&self, shapes: &Bound<'_, Shapes>, infos: &Bound<'_, PyList>, flags: &Bound<'_, PyList>, found: &Outlying) -> PyResult<Vec<usize>> {
        if found.candidates.is_empty() {
            return Ok(Vec::new());
        }
        let words = self.article_words(infos, flags, found)?;
        let mut vocab = Vocab { shapes, infos, lines: &words, before_set: self.asked_before_set, stems: None };
        let mut apart = Vec::new();
        for block in &found.candidates {
            if self.above_thread(infos, flags, block, found.main_prose[0])? {
                continue;
            }
            let (shared, stems) = vocab.shared(block)?;
            if (shared as f64) < self.topic * (stems.max(1) as f64) {
                // A run of sentences about the article stays (the article cut off by its teasers' list above it,
                // its comments outweighing it): tested alone, the block's other lines do not drown its words.
                let mut kept: Vec<usize> = Vec::new();
                for run in self.prose_runs(infos, block)? {
                    let (shared, stems) = vocab.shared(&run)?;
                    if (shared as f64) >= self.topic * (stems.max(1) as f64) {
                        kept.extend_from_slice(&run);
                    }
                }
                // The article's headline, cut off from it by its byline, dates and share buttons, stays.
                let last = block[block.len() - 1];
                if self.headline(infos, flags, last, found.main_prose[0])? {
                    let (shared, stems) = vocab.shared(&[last])?;
                    if shared >= self.weigh.head_stems && (shared as f64) >= self.topic * (stems.max(1) as f64) {
                        kept.push(last);
                    }
                }
                apart.extend(block.iter().copied().filter(|k| kept.binary_search(k).is_err()));
            }
        }
        apart.sort_unstable();
        apart.dedup();
        Ok(apart)
    }

    /// ``mark_reference._headline``: line ``k``, the last of a block apart, may be the article's headline: title-like
    /// (``mark::title_like``, the header's test, one-run headlines included), at most ``TEASER_TITLE_WORDS`` words, no statement, over its byline
    /// (a line of the date or byline rules at most ``HEADLINE_BYLINE_LINES`` lines below it), above the article's first
    /// prose line ``main`` with no prose line that no signal flagged between.
    fn headline(&self, infos: &Bound<'_, PyList>, flags: &Bound<'_, PyList>, k: usize, main: usize) -> PyResult<bool> {
        if k >= main {
            return Ok(false);
        }
        let py = infos.py();
        let info = infos.get_item(k)?;
        let words = n_words(&info)?;
        if words > self.end.teaser_title_words || statement(&info)? {
            return Ok(false);
        }
        if !mark::title_like(text_of(&info)?.to_str()?.chars().count(), words, &self.pos) {
            return Ok(false);
        }
        let mut byline = false;
        for j in k + 1..main {
            let flag = flags.get_item(j)?;
            if flag.is_none() {
                if field(&infos.get_item(j)?, PROSE, intern!(py, "prose"))?.is_truthy()? {
                    return Ok(false);
                }
            } else if j <= k + self.runs.byline && !byline {
                byline = dated_kind(&flag, &self.dated)?.is_some();
            }
        }
        Ok(byline)
    }

    /// ``mark_reference.prose_runs``: the runs of sentences of a block, each from its heading (the block's line just
    /// above its first sentence, at most ``span`` lines above, when it is no sentence) or first sentence to its last,
    /// the lines between included: prose lines that end like a sentence, each at most ``span`` lines below the
    /// one before it, ``lines`` of them or more with ``words`` words or more.
    fn prose_runs(&self, infos: &Bound<'_, PyList>, block: &[usize]) -> PyResult<Vec<Vec<usize>>> {
        let py = infos.py();
        let limits = self.runs;
        // (first line, last line, sentences, words) of each run.
        let mut runs: Vec<(usize, usize, usize, usize)> = Vec::new();
        for &k in block {
            let info = infos.get_item(k)?;
            if !field(&info, PROSE, intern!(py, "prose"))?.is_truthy()? || !field(&info, SENTENCE, intern!(py, "sentence"))?.is_truthy()? {
                continue;
            }
            let words = n_words(&info)?;
            match runs.last_mut() {
                Some(run) if k <= run.1 + limits.span => {
                    run.1 = k;
                    run.2 += 1;
                    run.3 += words;
                }
                _ => runs.push((k, k, 1, words)),
            }
        }
        let mut found = Vec::new();
        for run in runs.into_iter().filter(|run| run.2 >= limits.lines && run.3 >= limits.words) {
            let at = block.partition_point(|&k| k < run.0);
            // The line just above the run's first sentence, when it is no sentence, is its heading.
            let first = match at.checked_sub(1).map(|j| block[j]) {
                Some(k) if k + limits.span >= run.0 && !field(&infos.get_item(k)?, SENTENCE, intern!(py, "sentence"))?.is_truthy()? => k,
                _ => run.0,
            };
            found.push(block.iter().copied().filter(|&k| first <= k && k <= run.1).collect());
        }
        Ok(found)
    }

    /// ``mark_reference.outlying_tail``: the detail of the verdict of the page's last block cut off by the shorter cut
    /// (``Outlying::tail``), when no guard of a page of entries keeps it and it is off the topic of the prose above.
    fn tail(&self, shapes: &Bound<'_, Shapes>, infos: &Bound<'_, PyList>, flags: &Bound<'_, PyList>, tail: &Tail) -> PyResult<Option<String>> {
        if self.entry_separator(shapes, infos, flags, tail)? {
            return Ok(None);
        }
        let mut vocab = Vocab { shapes, infos, lines: &tail.above, before_set: self.asked_before_set, stems: None };
        let (shared, stems) = vocab.shared(&tail.lines)?;
        if (shared as f64) < self.topic * (stems.max(1) as f64) {
            return Ok(Some(format!("last block, {} of {} stems the article's", shared, stems)));
        }
        Ok(None)
    }

    /// ``mark_reference._entry_separator``: the cut above the page's last block separates the entries of a page
    /// of entries (a forum topic, a blog's dated posts), whose last entry stays: a line of the cut, digits
    /// masked (its frequency key), also stands above it, or a line of the cut is the comments rules'
    /// (``_THREAD_MARKER``: the block is the comment thread, which stays unless asked otherwise).
    fn entry_separator(&self, shapes: &Bound<'_, Shapes>, infos: &Bound<'_, PyList>, flags: &Bound<'_, PyList>, tail: &Tail) -> PyResult<bool> {
        let py = infos.py();
        let start = tail.lines[0];
        for k in tail.cut..start {
            if Self::is_reason(&flags.get_item(k)?, &self.thread.marker)? {
                return Ok(true);
            }
        }
        let texts = (0..start).map(|k| text_of(&infos.get_item(k)?)).collect::<PyResult<Vec<_>>>()?;
        let keys: Vec<String> = shapes.call_method1(intern!(py, "frequency_keys"), (PyList::new(py, texts)?,))?.extract()?;
        let above: std::collections::HashSet<&str> = keys[..tail.cut].iter().map(|k| k.as_str()).collect();
        Ok(keys[tail.cut..start].iter().any(|k| above.contains(k.as_str())))
    }
}

#[pymethods]
impl ArticleSignals {
    #[new]
    #[allow(clippy::too_many_arguments)]
    #[allow(clippy::type_complexity)]
    fn new(
        asked_before_set: usize,
        offtopic: (i64, usize, usize),
        blocks: (usize, usize, f64, f64, f64, usize, usize, f64),
        bounds: (usize, usize, usize, usize, usize, usize, usize),
        read_also: String,
        position: PosLimitsArg,
        weigh: WeighLimitsArg,
        dated: Vec<String>,
        guards: (String, GuardLimitsArg, Py<PyFormulas>),
        dates: Py<PyDateSearch>,
        verdict: Py<PyAny>,
        count_words: Py<PyAny>,
        thread: (usize, usize, String),
        runs: (usize, usize, usize, usize),
    ) -> Self {
        let (headline_run, guards_limits, formulas) = guards;
        ArticleSignals {
            asked_before_set,
            offtopic: OfftopicLimits { min_files: offtopic.0, max_words: offtopic.1, title_words: offtopic.2 },
            blocks: BlockLimits {
                gap: blocks.0,
                labels: blocks.1,
                share: blocks.2,
                label_share: blocks.3,
                tail_gap: blocks.5,
                tail_lines: blocks.6,
                tail_share: blocks.7,
            },
            topic: blocks.4,
            end: EndLimits {
                teaser_title_words: bounds.0,
                tail_sentence_words: bounds.1,
                tail_min_rows: bounds.2,
                tail_max_lines: bounds.3,
                lead_words: bounds.4,
                field_label_words: bounds.5,
                letter_tail_lines: bounds.6,
            },
            read_also,
            pos: pos_limits(position),
            weigh: weigh_limits(weigh),
            dated,
            headline_run,
            guards: guard_limits(guards_limits),
            formulas,
            dates,
            verdict,
            count_words,
            runs: RunLimits { lines: runs.0, words: runs.1, span: runs.2, byline: runs.3 },
            thread: ThreadLimits { prose: thread.0, gap: thread.1, marker: thread.2 },
        }
    }

    /// Returns the verdicts once the signals that read the article have run over ``flags`` (left as is).
    ///
    /// Args:
    ///     shapes: the process's ``Shapes`` (the article's stems).
    ///     infos: the lines' shapes (``LineInfo``).
    ///     flags: their verdicts so far (None: not flagged).
    ///     marks: their ``line_marks``.
    ///     around: their keys ``(code, above, below)``, read where the counts are.
    ///     counts: files per key, or None: no ``recurring-offtopic``.
    ///     where_: what the ``recurring-offtopic`` verdicts' details say after "in N files".
    ///
    /// Raises:
    ///     ValueError: ``flags``, ``marks`` or ``around`` is not as long as ``infos``.
    #[allow(clippy::too_many_arguments)]
    fn run<'py>(
        &self,
        shapes: &Bound<'py, Shapes>,
        infos: &Bound<'py, PyList>,
        flags: &Bound<'py, PyList>,
        marks: Vec<u32>,
        around: &Bound<'py, PyList>,
        counts: Option<&Bound<'py, PyAny>>,
        where_: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let py = infos.py();
        let flags = PyList::new(py, flags.iter())?;
        let (body, offtopic) = article_found(infos, &flags, &marks, around, counts, self.offtopic)?;
        let mut vocab = Vocab { shapes, infos, lines: &body, before_set: self.asked_before_set, stems: None };
        // A line seen in a few files that is a label foreign to its article is chrome too.
        let verdict = self.verdict.bind(py);
        for (k, n_files) in offtopic {
            if vocab.shared(&[k])?.0 == 0 {
                let detail = PyDict::new(py);
                detail.set_item(intern!(py, "detail"), format!("in {} files{}", n_files, where_))?;
                flags.set_item(k, verdict.call(("boilerplate:frequency:recurring-offtopic",), Some(&detail))?)?;
            }
        }
        if body.is_empty() {
            return Ok(flags);
        }
        let before_position = PyList::new(py, flags.iter())?;
        let (first, last) = (self.body_start(infos, &flags, &body)?, self.body_end(infos, &flags, &marks, &body)?);
        self.position(infos, &flags, &marks, &mut vocab, first, last)?;
        let found = self.blocks_found(infos, &flags, &marks)?;
        let apart = match &found {
            Some(found) => self.outlying(shapes, infos, &flags, found)?,
            None => Vec::new(),
        };
        let (flags, tail) = if apart.is_empty() {
            (flags, found.and_then(|found| found.tail))
        } else {
            // The article is the main block alone: its shape and vocabulary are read again without the
            // blocks set apart, so cleaning the output again finds the same.
            let flags = before_position;
            let detail = PyDict::new(py);
            detail.set_item(intern!(py, "detail"), "block apart from the article")?;
            for &k in &apart {
                flags.set_item(k, verdict.call(("boilerplate:position:outlying-block",), Some(&detail))?)?;
            }
            let body: Vec<usize> = body.into_iter().filter(|k| apart.binary_search(k).is_err()).collect();
            if !body.is_empty() {
                let mut vocab = Vocab { shapes, infos, lines: &body, before_set: self.asked_before_set, stems: None };
                let (first, last) = (self.body_start(infos, &flags, &body)?, self.body_end(infos, &flags, &marks, &body)?);
                self.position(infos, &flags, &marks, &mut vocab, first, last)?;
            }
            let lines = block_lines(infos.as_any(), flags.as_any(), &marks, Some(self.pos.label_words))?;
            let tail = py.allow_threads(|| mark::outlying_tail(&lines, self.blocks));
            (flags, tail)
        };
        // The page's last block, read on the verdicts of the article alone: the last of what the page keeps.
        if let Some(tail) = tail {
            if let Some(detail) = self.tail(shapes, infos, &flags, &tail)? {
                let detail_arg = PyDict::new(py);
                detail_arg.set_item(intern!(py, "detail"), detail)?;
                for &k in &tail.lines {
                    flags.set_item(k, verdict.call(("boilerplate:position:outlying-tail",), Some(&detail_arg))?)?;
                }
            }
        }
        Ok(flags)
    }
}

/// Adds `ArticleSignals` to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<ArticleSignals>()
}
