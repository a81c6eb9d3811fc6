//! The Python bindings of `mark`: the per-line tests of `boilerplate/mark.py` for a document's
//! lines in one call (`line_marks`), the first pass (`first_pass`), the blocks of `mark_reference.outlying`
//! (`outlying_blocks`), the walk of `_article_signals` (`article_lines`; `mark_reference.position`'s are
//! native/src/position_py.rs's), the runs of headlines beside chrome (`headline_candidates`), and the content
//! guards' walk (`spared`, native/src/guards.rs).

use pyo3::exceptions::PyRuntimeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::formulas::py::PyFormulas;
use crate::guards::{self, GuardLimits, GuardLine};
use crate::mark::{self, ArticleLine, BlockLimits, BlockLine, FirstFlag, FirstLine, HeadLine, MenuLimits, Near, OfftopicLimits};
use crate::shapes_py::Shapes;

/// The flags of each line (``mark.LETTER`` ...; native/src/mark.rs), from the shapes' character table.
///
/// Args:
///     shapes: the process's ``Shapes`` (``line_shapes.shapes_core()``).
///     texts: the lines (collapsed), or their shapes (``LineInfo``: its ``text`` is read; ``mark.line_data``
///         passes them, where its list of their texts was 0.056 s of ``mark``'s 2.56 s under cProfile, the
///         benchmark corpus, one worker).
///     min_parts: ``MENU_MIN_PARTS``.
///     part_words: ``MENU_PART_WORDS``.
///     long_parts: ``LONG_MENU_MIN_PARTS``.
///
/// Raises:
///     TypeError: an item of ``texts`` is not a string (nor a ``LineInfo``, a named tuple of five fields).
#[pyfunction]
fn line_marks(
    shapes: &Bound<'_, Shapes>,
    texts: &Bound<'_, PyAny>,
    min_parts: usize,
    part_words: usize,
    long_parts: usize,
) -> PyResult<Vec<u32>> {
    let py = shapes.py();
    let mut shapes = shapes.borrow_mut();
    // The lines described lately are read from the shapes (`Shapes.describe` kept their code
    // points), by the address of their string; the others are read here.
    let mut lines: Vec<Result<usize, Vec<u32>>> = Vec::new();
    for item in texts.try_iter()? {
        let item = item?;
        let text = match item.downcast::<PyTuple>() {
            Ok(t) if t.len() == 5 => t.get_item(TEXT)?,
            _ => item,
        };
        let text = text.downcast::<PyString>()?;
        lines.push(match shapes.known.get(text) {
            Some(_) => Ok(text.as_ptr() as usize),
            None => Err(shapes.read(py, text)?),
        });
    }
    let (table, known) = (&shapes.table, &shapes.known);
    // (Nothing was added to the known lines since: each is there still.)
    let lines = lines
        .iter()
        .map(|line| match line {
            Ok(address) => known.at(*address).map(|k| &k.collapsed[..]).ok_or_else(|| PyRuntimeError::new_err("a known line was forgotten")),
            Err(cps) => Ok(&cps[..]),
        })
        .collect::<PyResult<Vec<&[u32]>>>()?;
    let limits = MenuLimits { min_parts, part_words, long_parts };
    Ok(py.allow_threads(|| lines.iter().map(|line| mark::line_marks(table, line, limits)).collect()))
}

/// ``mark_reference.outlying`` up to the article's vocabulary: the blocks of a page weighed by their prose.
///
/// Args:
///     infos: the lines' shapes (``LineInfo``: ``label``, ``prose`` and ``n_words`` are read).
///     flags: their verdicts so far (None: not flagged).
///     marks: their ``line_marks``.
///     gap, labels, share, label_share: ``OUTLYING_GAP``, ``OUTLYING_LABELS``, ``OUTLYING_SHARE``,
///         ``OUTLYING_LABEL_SHARE``.
///     tail: ``(TAIL_GAP, TAIL_MIN_LINES, TAIL_SHARE)``: the page's last block's cut and weighing.
///
/// Returns:
///     None when there is nothing to weigh; else the main block's prose lines and the blocks with too
///     little prose to be the article (lists of line positions; empty when the page is one block or
///     has no prose), and the page's last block (its cut's first line, its unflagged lines and the
///     prose lines above the cut) or None.
///
/// Raises:
///     ValueError: ``flags`` or ``marks`` is not as long as ``infos``.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
#[allow(clippy::type_complexity)]
fn outlying_blocks(
    infos: &Bound<'_, PyAny>,
    flags: &Bound<'_, PyAny>,
    marks: Vec<u32>,
    gap: usize,
    labels: usize,
    share: f64,
    label_share: f64,
    tail: (usize, usize, f64),
) -> PyResult<Option<(Vec<usize>, Vec<Vec<usize>>, Option<(usize, Vec<usize>, Vec<usize>)>)>> {
    let (tail_gap, tail_lines, tail_share) = tail;
    let limits = BlockLimits { gap, labels, share, label_share, tail_gap, tail_lines, tail_share };
    Ok(outlying_found(infos, flags, &marks, limits, None)?
        .map(|o| (o.main_prose, o.candidates, o.tail.map(|t| (t.cut, t.lines, t.above)))))
}

/// Whether a line is a label (``LineInfo.label``): of a ``LineInfo`` (a named tuple of five fields) with
/// ``label_words`` given (``LABEL_MAX_WORDS``), from its fields as the property reads them (at most that
/// many words, no function word, no sentence's end); else through the property. On the benchmark corpus
/// (one worker) the 401,659 calls of the property from `outlying_found` were 0.034 s under cProfile
/// (0.07 s with the calls' cost).
fn is_label(info: &Bound<'_, PyAny>, label_words: Option<usize>) -> PyResult<bool> {
    let py = info.py();
    match (info.downcast::<PyTuple>(), label_words) {
        (Ok(t), Some(words)) if t.len() == 5 => Ok(t.get_item(N_WORDS)?.extract::<usize>()? <= words
            && t.get_item(STOP_SHARE)?.extract::<f64>()? == 0.0
            && !t.get_item(SENTENCE)?.is_truthy()?),
        _ => info.getattr(intern!(py, "label"))?.is_truthy(),
    }
}

/// `outlying_blocks` once its limits are read; ``label_words``: see `is_label`.
pub(crate) fn outlying_found(
    infos: &Bound<'_, PyAny>,
    flags: &Bound<'_, PyAny>,
    marks: &[u32],
    limits: BlockLimits,
    label_words: Option<usize>,
) -> PyResult<Option<mark::Outlying>> {
    let lines = block_lines(infos, flags, marks, label_words)?;
    Ok(infos.py().allow_threads(|| mark::outlying_blocks(&lines, limits)))
}

/// What `mark::outlying_blocks` reads of each line; ``label_words``: see `is_label`.
pub(crate) fn block_lines(
    infos: &Bound<'_, PyAny>,
    flags: &Bound<'_, PyAny>,
    marks: &[u32],
    label_words: Option<usize>,
) -> PyResult<Vec<BlockLine>> {
    let py = infos.py();
    let mut lines = Vec::with_capacity(marks.len());
    for (info, flag) in infos.try_iter()?.zip(flags.try_iter()?) {
        let (info, flag) = (info?, flag?);
        let k = lines.len();
        let flagged = !flag.is_none();
        let letter = marks.get(k).map_or(false, |m| m & mark::LETTER != 0);
        // `label` is read only where `mark_reference.outlying` reads it: on unflagged lines.
        let bare = !flagged && letter && is_label(&info, label_words)?;
        let prose = field(&info, PROSE, intern!(py, "prose"))?.is_truthy()?;
        let n_words: usize = field(&info, N_WORDS, intern!(py, "n_words"))?.extract()?;
        lines.push(BlockLine { flagged, bare, prose, n_words });
    }
    if lines.len() != marks.len() || flags.len()? != marks.len() || infos.len()? != marks.len() {
        return Err(pyo3::exceptions::PyValueError::new_err("infos, flags and marks differ in length"));
    }
    Ok(lines)
}

/// The positions of ``LineInfo``'s fields (a named tuple: ``text, n_words, stop_share, prose, sentence``).
pub(crate) const N_WORDS: usize = 1;
pub(crate) const STOP_SHARE: usize = 2;
pub(crate) const PROSE: usize = 3;
pub(crate) const SENTENCE: usize = 4;
pub(crate) const TEXT: usize = 0;

/// A field of a ``LineInfo``: its item `i` when it is one (a named tuple of the five fields: an index
/// into the tuple, where the attribute's lookup went through the class's descriptors: replaying pass 2's
/// marking of the benchmark corpus, 74 M of the 125 M instructions of `outlying_blocks`), else the attribute.
pub(crate) fn field<'py>(info: &Bound<'py, PyAny>, i: usize, name: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
    match info.downcast::<PyTuple>() {
        Ok(t) if t.len() == 5 => t.get_item(i),
        _ => info.getattr(name),
    }
}

/// A line's ``n_words`` (its ``LineInfo`` field).
pub(crate) fn n_words(info: &Bound<'_, PyAny>) -> PyResult<usize> {
    field(info, N_WORDS, intern!(info.py(), "n_words"))?.extract()
}

/// Item `i` of a pair (a tuple, or any sequence).
fn item<'py>(pair: &Bound<'py, PyAny>, i: usize) -> PyResult<Bound<'py, PyAny>> {
    match pair.downcast::<PyTuple>() {
        Ok(t) => t.get_item(i),
        Err(_) => pair.get_item(i),
    }
}

/// In how many files ``key`` recurs: ``counts.get(key, 0)`` (``dict``: ``counts`` when it is a dict,
/// or a subclass of dict, read directly); 0 without counts.
fn files_in(dict: Option<&Bound<'_, PyDict>>, counts: Option<&Bound<'_, PyAny>>, key: u64) -> PyResult<i64> {
    match (dict, counts) {
        (Some(d), _) => d.get_item(key)?.map_or(Ok(0), |n| n.extract()),
        (None, Some(c)) => c.call_method1(intern!(c.py(), "get"), (key, 0))?.extract(),
        (None, None) => Ok(0),
    }
}

/// ``_first_pass``: the pattern and corpus-frequency verdicts of a document's lines, set on ``flags``.
///
/// Args:
///     lines: each line's ``(LineInfo, rule or None)`` (``n_words`` and ``stop_share`` are read, and a
///         flagged line's rule's ``kind`` and ``name``).
///     marks: their ``line_marks``.
///     around: their keys ``(code, above, below)`` (``mark.neighbours``).
///     counts: files per key (``file_counts``: a dict, or a subclass of dict such as
///         ``LineCounts``, is read directly, another mapping through ``.get(key, 0)``), or None: no
///         frequency signal.
///     min_files: the frequency floor.
///     enclosed_min: ``min(min_files, ENCLOSED_MIN_FILES)``.
///     max_words: ``FREQUENCY_MAX_WORDS``.
///     menu_parts, menu_stopwords: ``MENU_MIN_PARTS``, ``MENU_MAX_STOPWORDS``.
///     flags: the lines' verdicts so far (None: none), as long as ``lines``: a line without one gets
///         its verdict here (``verdict(reason, detail=...)``).
///     verdict: the verdicts' class (``records.Verdict``).
///     where_: what the frequency verdicts' details say after "in N files" (" of example.com", or "").
///     enclosed_only: only the verdicts of a line between the same neighbours are given.
///
/// Returns:
///     how many lines got a verdict: ``boilerplate:pattern:<kind>`` (the rule's name), else
///     ``boilerplate:pattern:nav`` (``separated-menu``), else ``boilerplate:frequency:recurring-block``
///     ("in N files, M with the same neighbour", or "between the same neighbours").
///
/// Raises:
///     ValueError: ``marks``, ``around`` or ``flags`` is not as long as ``lines``.
///     TypeError: a count is not an integer.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn first_pass(
    lines: &Bound<'_, PyAny>,
    marks: Vec<u32>,
    around: &Bound<'_, PyAny>,
    counts: Option<&Bound<'_, PyAny>>,
    min_files: i64,
    enclosed_min: i64,
    max_words: usize,
    menu_parts: usize,
    menu_stopwords: f64,
    flags: &Bound<'_, PyList>,
    verdict: &Bound<'_, PyAny>,
    where_: &str,
    enclosed_only: bool,
) -> PyResult<usize> {
    let py = lines.py();
    if lines.len()? != marks.len() || around.len()? != marks.len() || flags.len() != marks.len() {
        return Err(pyo3::exceptions::PyValueError::new_err("lines, marks, around and flags differ in length"));
    }
    // A subclass of dict is read as a dict too: ``LineCounts.get`` of an int key is ``dict.get``
    // (it hashes a string key only), as ``Counter``'s and ``defaultdict``'s are. Through its
    // Python ``get``, 196,196 calls were 0.12 s of the analyse pass's marking under cProfile
    // (the benchmark corpus, one worker).
    let dict = counts.and_then(|c| c.downcast::<PyDict>().ok());
    let files = |key: u64| files_in(dict, counts, key);
    let detail = PyDict::new(py);
    let flag = |k: usize, reason: &str, text: &Bound<'_, PyAny>| -> PyResult<()> {
        detail.set_item(intern!(py, "detail"), text)?;
        flags.set_item(k, verdict.call((reason,), Some(&detail))?)
    };
    let mut found = 0;
    for (k, (pair, near)) in lines.try_iter()?.zip(around.try_iter()?).enumerate() {
        let (pair, near) = (pair?, near?);
        if !flags.get_item(k)?.is_none() {
            continue;
        }
        let info = item(&pair, 0)?;
        let rule = item(&pair, 1)?;
        let n_words: usize = field(&info, N_WORDS, intern!(py, "n_words"))?.extract()?;
        let line_marks = marks[k];
        // Python's `stop_share > MENU_MAX_STOPWORDS` refuses a menu: its negation, NaN included.
        let menu = rule.is_none()
            && n_words >= menu_parts
            && line_marks & mark::MENU != 0
            && field(&info, STOP_SHARE, intern!(py, "stop_share"))?.extract::<f64>()?.partial_cmp(&menu_stopwords) != Some(std::cmp::Ordering::Greater);
        let counted = counts.is_some() && n_words < max_words && line_marks & mark::LETTER != 0;
        let near: Near = if counted && rule.is_none() && !menu { near.extract()? } else { (0, None, None) };
        let line = FirstLine { rule: !rule.is_none(), menu, counted, near };
        let given = mark::first_flag(&line, min_files, enclosed_min, files)?;
        match given {
            Some(FirstFlag::Enclosed { n_files, enclosed }) => {
                let text = format!("in {} files{}, {} between the same neighbours", n_files, where_, enclosed);
                flag(k, "boilerplate:frequency:recurring-block", PyString::new(py, &text).as_any())?;
            }
            _ if enclosed_only => continue,
            Some(FirstFlag::Rule) => {
                let kind = rule.getattr(intern!(py, "kind"))?;
                let reason = format!("boilerplate:pattern:{}", kind.downcast::<PyString>()?.to_cow()?);
                flag(k, &reason, &rule.getattr(intern!(py, "name"))?)?;
            }
            Some(FirstFlag::Menu) => flag(k, "boilerplate:pattern:nav", intern!(py, "separated-menu").as_any())?,
            Some(FirstFlag::Block { n_files, block }) => {
                let text = format!("in {} files{}, {} with the same neighbour", n_files, where_, block);
                flag(k, "boilerplate:frequency:recurring-block", PyString::new(py, &text).as_any())?;
            }
            None => continue,
        }
        found += 1;
    }
    Ok(found)
}

/// ``_article_signals`` up to the article's stems: the article's lines and the labels that may be
/// foreign to it in a few files.
///
/// Args:
///     infos: the lines' shapes (``LineInfo``: ``prose`` is read, and of an unflagged line that is not
///         prose ``sentence``, ``n_words`` and ``stop_share``).
///     flags: their verdicts so far (None: not flagged).
///     marks: their ``line_marks``.
///     around: their keys ``(code, above, below)``, read where the counts are.
///     counts: files per key (as ``first_pass`` reads them), or None: no ``recurring-offtopic``.
///     min_files, max_words, title_words: ``OFFTOPIC_MIN_FILES``, ``FREQUENCY_MAX_WORDS``,
///         ``OFFTOPIC_TITLE_WORDS``.
///
/// Returns:
///     ``(body, offtopic)``: the prose lines no signal flagged (the article), and ``(line, n_files)``
///     for each line that goes as ``recurring-offtopic`` unless it shares a stem with the article.
///
/// Raises:
///     ValueError: ``flags``, ``marks`` or ``around`` is not as long as ``infos``.
///     TypeError: a count is not an integer.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
#[allow(clippy::type_complexity)]
fn article_lines(
    infos: &Bound<'_, PyList>,
    flags: &Bound<'_, PyList>,
    marks: Vec<u32>,
    around: &Bound<'_, PyList>,
    counts: Option<&Bound<'_, PyAny>>,
    min_files: i64,
    max_words: usize,
    title_words: usize,
) -> PyResult<(Vec<usize>, Vec<(usize, i64)>)> {
    article_found(infos, flags, &marks, around, counts, OfftopicLimits { min_files, max_words, title_words })
}

/// `article_lines` once its limits are read.
#[allow(clippy::type_complexity)]
pub(crate) fn article_found(
    infos: &Bound<'_, PyList>,
    flags: &Bound<'_, PyList>,
    marks: &[u32],
    around: &Bound<'_, PyList>,
    counts: Option<&Bound<'_, PyAny>>,
    limits: OfftopicLimits,
) -> PyResult<(Vec<usize>, Vec<(usize, i64)>)> {
    let py = infos.py();
    let n = marks.len();
    if infos.len() != n || flags.len() != n || around.len() != n {
        return Err(pyo3::exceptions::PyValueError::new_err("infos, flags, marks and around differ in length"));
    }
    let dict = counts.and_then(|c| c.downcast::<PyDict>().ok());
    let (mut body, mut offtopic) = (Vec::new(), Vec::new());
    for (k, &line_marks) in marks.iter().enumerate() {
        let info = infos.get_item(k)?;
        let flagged = !flags.get_item(k)?.is_none();
        let prose = field(&info, PROSE, intern!(py, "prose"))?.is_truthy()?;
        if prose && !flagged {
            body.push(k);
        }
        if counts.is_none() || flagged || prose {
            continue;
        }
        let mut line = ArticleLine { prose, letter: line_marks & mark::LETTER != 0, ..ArticleLine::default() };
        line.sentence = field(&info, SENTENCE, intern!(py, "sentence"))?.is_truthy()?;
        line.n_words = field(&info, N_WORDS, intern!(py, "n_words"))?.extract()?;
        if line.sentence || line.n_words >= limits.max_words || !line.letter {
            continue;
        }
        line.stop_share = field(&info, STOP_SHARE, intern!(py, "stop_share"))?.extract()?;
        line.near = around.get_item(k)?.extract()?;
        if let Some(n_files) = mark::offtopic_files(&line, limits, |key| files_in(dict, counts, key))? {
            offtopic.push((k, n_files));
        }
    }
    Ok((body, offtopic))
}

/// ``headlines._candidate_runs``: the runs of unflagged headlines beside chrome.
///
/// Args:
///     infos: the lines' shapes (``LineInfo``: of an unflagged line ``prose``, ``n_words``, ``sentence``,
///         ``stop_share``, and the last character of ``text`` where the rest is a headline's).
///     flags: their verdicts so far (None: not flagged).
///     marks: their ``line_marks`` (``LETTER``: the line has a letter).
///     limits: ``(HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS, HEADLINE_MAX_STOPWORDS, HEADLINE_RUN_MIN,
///         LOOSE_MAX_WORDS, LOOSE_MAX_STOPWORDS)``.
///
/// Returns:
///     the ``(start, end)`` of each run (native/src/mark.rs, ``headline_candidates``).
///
/// Raises:
///     ValueError: ``flags`` or ``marks`` is not as long as ``infos``.
#[pyfunction]
fn headline_candidates(
    infos: &Bound<'_, PyList>,
    flags: &Bound<'_, PyList>,
    marks: Vec<u32>,
    limits: (usize, usize, f64, usize, usize, f64),
) -> PyResult<Vec<(usize, usize)>> {
    let py = infos.py();
    let n = marks.len();
    if infos.len() != n || flags.len() != n {
        return Err(pyo3::exceptions::PyValueError::new_err("infos, flags and marks differ in length"));
    }
    let (min_words, max_words, max_stopwords, run_min, loose_words, loose_stopwords) = limits;
    let mut lines = vec![HeadLine::default(); n];
    for (k, line) in lines.iter_mut().enumerate() {
        line.flagged = !flags.get_item(k)?.is_none();
        if line.flagged {
            continue;
        }
        let info = infos.get_item(k)?;
        line.prose = field(&info, PROSE, intern!(py, "prose"))?.is_truthy()?;
        let n_words: usize = field(&info, N_WORDS, intern!(py, "n_words"))?.extract()?;
        if n_words < min_words || n_words > max_words.max(loose_words) || marks[k] & mark::LETTER == 0 {
            continue;
        }
        let stop_share: f64 = field(&info, STOP_SHARE, intern!(py, "stop_share"))?.extract()?;
        let title = {
            let text = field(&info, TEXT, intern!(py, "text"))?;
            let text = text.downcast::<PyString>()?.to_cow()?;
            // A headline may end with "?", "!" ("Who Won The Night?") or an ellipsis (a title cut
            // short: "Council Votes on the New..."); not with "." or ":".
            let open_end = text.ends_with(['?', '!', '…']) || text.ends_with("...");
            !text.ends_with(':') && (open_end || !field(&info, SENTENCE, intern!(py, "sentence"))?.is_truthy()?)
        };
        line.headline = title && n_words <= max_words && stop_share <= max_stopwords;
        line.loose = title && !line.headline && n_words <= loose_words && stop_share <= loose_stopwords;
    }
    Ok(mark::headline_candidates(&lines, run_min))
}

/// The limits of ``spared``: ``(SALUTATION_WORDS, CLOSING_WORDS, SIGNATURE_LINES, SIGNATURE_WORDS,
/// FIELD_LABEL_WORDS, ENTRY_WORDS, ENTRY_MIN)`` (``content_guards.py``).
pub(crate) type GuardLimitsArg = (usize, usize, usize, usize, usize, usize, usize);

/// ``content_guards.spared``: the lines the position signal flagged that are content by their structure.
///
/// The walk is native/src/guards.rs's; a line's text is read only where the walk asks about it, and
/// the formulas of a letter (``formulas``, native/src/formulas.rs) only of the few short lines beside
/// an asked one.
///
/// Args:
///     infos: the lines' shapes (``LineInfo``: ``prose`` and ``n_words``, and ``text`` where asked).
///     flags: their verdicts once the position signal has run (None: not flagged).
///     signalled: whether each was flagged before the position signal (by another signal).
///     headline_run: the reason of a run of headlines (position evidence although found before it).
///     limits: see ``GuardLimitsArg``.
///     formulas: the formulas of a letter (``content_guards.formulas()``).
///
/// Returns:
///     the spared lines, increasing.
///
/// Raises:
///     ValueError: ``flags`` or ``signalled`` is not as long as ``infos``.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn spared(
    infos: &Bound<'_, PyList>,
    flags: &Bound<'_, PyList>,
    signalled: Vec<bool>,
    headline_run: &str,
    limits: GuardLimitsArg,
    formulas: PyRef<'_, PyFormulas>,
) -> PyResult<Vec<usize>> {
    spared_lines(infos, flags, &signalled, headline_run, guard_limits(limits), &formulas)
}

/// The guards' limits from their tuple (see ``GuardLimitsArg``).
pub(crate) fn guard_limits(limits: GuardLimitsArg) -> GuardLimits {
    GuardLimits {
        salutation_words: limits.0,
        closing_words: limits.1,
        signature_lines: limits.2,
        signature_words: limits.3,
        field_label_words: limits.4,
        entry_words: limits.5,
        entry_min: limits.6,
    }
}

/// `spared` once its limits are read.
pub(crate) fn spared_lines(
    infos: &Bound<'_, PyList>,
    flags: &Bound<'_, PyList>,
    signalled: &[bool],
    headline_run: &str,
    limits: GuardLimits,
    formulas: &PyFormulas,
) -> PyResult<Vec<usize>> {
    let py = infos.py();
    let n = signalled.len();
    if infos.len() != n || flags.len() != n {
        return Err(pyo3::exceptions::PyValueError::new_err("infos, flags and signalled differ in length"));
    }
    let mut lines = vec![GuardLine::default(); n];
    let mut any_asked = false;
    for (k, line) in lines.iter_mut().enumerate() {
        let flag = flags.get_item(k)?;
        line.kept = flag.is_none();
        if line.kept {
            // (A line signalled before the position signal and kept since reads as flagged by another signal.)
            line.fixed = signalled[k];
            continue;
        }
        // A run of headlines, found before the position signal, is its evidence too.
        let position = !signalled[k] || {
            let reason = flag.getattr(intern!(py, "reason"))?;
            reason.downcast::<PyString>()?.to_cow()? == headline_run
        };
        line.asked = position;
        line.fixed = !position;
        any_asked |= position;
    }
    if !any_asked {
        return Ok(Vec::new());
    }
    for (k, line) in lines.iter_mut().enumerate() {
        let info = infos.get_item(k)?;
        line.prose = field(&info, PROSE, intern!(py, "prose"))?.is_truthy()?;
        line.n_words = field(&info, N_WORDS, intern!(py, "n_words"))?.extract()?;
    }
    // What is known of each line's text, and what it tells.
    let (mut known, mut bits) = (vec![0u8; n], vec![0u8; n]);
    let text = |k: usize, want: u8| -> PyResult<u8> {
        let missing = want & !known[k];
        if missing == 0 {
            return Ok(bits[k]);
        }
        let info = infos.get_item(k)?;
        let text = field(&info, TEXT, intern!(py, "text"))?;
        // (A lone surrogate reads as U+FFFD: both are one non-word character to every test here.)
        let s = text.downcast::<PyString>()?.to_string_lossy();
        const SHAPE: u8 = guards::ENDS_COLON | guards::ENDS_COMMA | guards::ENTRY_SHAPED;
        if missing & SHAPE != 0 {
            let last = s.chars().next_back();
            let first = s.chars().next();
            if last == Some(':') {
                bits[k] |= guards::ENDS_COLON;
            }
            if last == Some(',') {
                bits[k] |= guards::ENDS_COMMA;
            }
            if !matches!(first, Some('(' | '[')) && !s.contains('|') {
                bits[k] |= guards::ENTRY_SHAPED;
            }
            known[k] |= SHAPE;
        }
        for (bit, closing) in [(guards::SALUTATION, false), (guards::CLOSING, true)] {
            if missing & bit != 0 {
                if formulas.opens(closing, &s)? {
                    bits[k] |= bit;
                }
                known[k] |= bit;
            }
        }
        Ok(bits[k])
    };
    guards::spared(&lines, limits, text)
}

/// Adds `line_marks`, `first_pass`, `article_lines`, `outlying_blocks`, `spared` and
/// `headline_candidates` to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(line_marks, m)?)?;
    m.add_function(wrap_pyfunction!(first_pass, m)?)?;
    m.add_function(wrap_pyfunction!(article_lines, m)?)?;
    m.add_function(wrap_pyfunction!(outlying_blocks, m)?)?;
    m.add_function(wrap_pyfunction!(spared, m)?)?;
    m.add_function(wrap_pyfunction!(headline_candidates, m)?)
}
