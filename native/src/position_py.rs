//! The Python binding of the position signal (`_article_signals`, `boilerplate/mark.py`; its oracle
//! is `mark_reference.position`): its walks (native/src/mark.rs,
//! `position`) and its weighing (native/src/position.rs) over a page's lines in one call, the
//! verdicts set on the page's flags.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::dates::py::PyDateSearch;
use crate::entries_py::dated_kind;
use crate::mark::{self, PosLimits, PosLine, IN_BLOCK, IN_LABEL};
use crate::mark_py::{field, N_WORDS, PROSE, SENTENCE, STOP_SHARE, TEXT};
use crate::position::{self, PosFlag, WeighLimits};

/// A line's text.
pub(crate) fn text_of<'py>(info: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyString>> {
    let text = field(info, TEXT, intern!(info.py(), "text"))?;
    Ok(text.downcast_into::<PyString>()?)
}

/// The last character of a line's text, as a string ("" for none): its item, not its UTF-8 (which
/// Python would keep with the string).
fn last_char(info: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = text_of(info)?;
    let n = text.len()?;
    if n == 0 {
        return Ok(String::new());
    }
    let last = text.as_any().get_item(n - 1)?;
    Ok(last.downcast::<PyString>()?.to_string_lossy().into_owned())
}

/// The limits of the walks: ``(TITLE_MIN_CHARS, TITLE_MIN_WORDS, HEAD_KEEP_WORDS, LABEL_MAX_WORDS,
/// LONE_RUN, CHROME_RUN_LINES, CHROME_RUN_SHARE, TEASER_MAX_STOPWORDS)``.
pub(crate) type PosLimitsArg = (usize, usize, usize, usize, usize, usize, f64, f64);

/// The limits of the weighing: ``(HEAD_KEEP_STEMS, HEAD_KEEP_SHARE, TAIL_KEEP_SHARE, PROSE_MIN_STOPWORDS,
/// LEAD_IN_WORDS, LIST_MAX_ITEMS, CLOSING_WORDS, SIGNATURE_LINES, TEASER_MIN_STEMS)``.
pub(crate) type WeighLimitsArg = (usize, f64, f64, f64, usize, usize, usize, usize, usize);

/// Reads what the walks and the weighing read of each line: above the body, the shape of the
/// unflagged lines; inside it, whether each is prose, and the shape of the short lines unflagged;
/// below it, whether each is prose, and the shape and last character of the unflagged ones.
fn read_lines(infos: &Bound<'_, PyList>, flags: &Bound<'_, PyList>, marks: &[u32], first: usize, last: usize) -> PyResult<Vec<PosLine>> {
    let py = infos.py();
    let mut lines = vec![PosLine::default(); marks.len()];
    for (k, line) in lines.iter_mut().enumerate() {
        line.signalled = !flags.get_item(k)?.is_none();
        line.marks = marks[k];
        if k < first && line.signalled {
            continue;
        }
        let info = infos.get_item(k)?;
        if k == first {
            line.prose = true;
            line.sentence = field(&info, SENTENCE, intern!(py, "sentence"))?.is_truthy()?;
        }
        if k > first {
            line.prose = field(&info, PROSE, intern!(py, "prose"))?.is_truthy()?;
        }
        let short = k < first || (k > first && k < last && !line.prose);
        if !(short || k > last) || line.signalled {
            continue;
        }
        line.n_words = field(&info, N_WORDS, intern!(py, "n_words"))?.extract()?;
        line.stop_share = field(&info, STOP_SHARE, intern!(py, "stop_share"))?.extract()?;
        line.sentence = field(&info, SENTENCE, intern!(py, "sentence"))?.is_truthy()?;
        if k < first {
            line.chars = text_of(&info)?.len()?;
        }
        if k > last {
            let end = last_char(&info)?;
            line.colon = end == ":";
            line.comma = end == ",";
        }
    }
    Ok(lines)
}

/// ``mark_reference.position`` up to the content guards: flags the header, the footer and the lines inside the body
/// that go, in ``flags`` (in place).
///
/// Args:
///     infos: the lines' shapes (``LineInfo``: only what ``mark_reference.position`` reads of a line is read).
///     flags: their verdicts so far (None: not flagged); a flag's ``reason`` is read only inside a
///         run of ``CHROME_RUN_LINES`` short lines.
///     marks: their ``line_marks``.
///     first, last: the body's first line (prose or its lead, unflagged) and the last line the position signal reads
///         as its end (unflagged: the article's last, or where the caller ends the body).
///     limits: see ``PosLimitsArg``.
///     weigh: see ``WeighLimitsArg``.
///     dated: the reasons' prefixes of the dates and bylines (``_DATED_KINDS``).
///     article: the article (``mark_reference.Article``): its ``vocab`` (``ArticleStems``) is read when a
///         line's stems are first asked, and asked ``shared_lines((text,))``.
///     dates: the date search (``rules.date_search()``), asked of a title-like line above the body
///         that has a figure.
///     verdict: the verdicts' class (``records.Verdict``).
///
/// Returns:
///     whether each line was flagged before (by another signal): the content guards read it.
///
/// Raises:
///     ValueError: ``flags`` or ``marks`` is not as long as ``infos``, or not ``first <= last < len(infos)``.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn position_flags(
    infos: &Bound<'_, PyList>,
    flags: &Bound<'_, PyList>,
    marks: Vec<u32>,
    first: usize,
    last: usize,
    limits: PosLimitsArg,
    weigh: WeighLimitsArg,
    dated: Vec<String>,
    article: &Bound<'_, PyAny>,
    dates: &Bound<'_, PyDateSearch>,
    verdict: &Bound<'_, PyAny>,
) -> PyResult<Vec<bool>> {
    let py = infos.py();
    // The article's stems are made when a line's are first asked (many articles are asked none).
    let mut vocab: Option<Bound<'_, PyAny>> = None;
    let shared = |k: usize| -> PyResult<(usize, usize)> {
        let stems = match &vocab {
            Some(v) => v.clone(),
            None => vocab.insert(article.getattr(intern!(py, "vocab"))?).clone(),
        };
        let text = text_of(&infos.get_item(k)?)?;
        stems.call_method1(intern!(py, "shared_lines"), (PyTuple::new(py, [text])?,))?.extract()
    };
    let limits = PositionLimits { pos: pos_limits(limits), weigh: weigh_limits(weigh), dated: &dated };
    position_into(infos, flags, &marks, first, last, &limits, shared, dates.get(), verdict)
}

/// The walks' limits from their tuple (see ``PosLimitsArg``).
pub(crate) fn pos_limits(limits: PosLimitsArg) -> PosLimits {
    PosLimits {
        title_chars: limits.0,
        title_words: limits.1,
        head_words: limits.2,
        label_words: limits.3,
        lone_run: limits.4,
        chrome_lines: limits.5,
        chrome_share: limits.6,
        teaser_stopwords: limits.7,
    }
}

/// The weighing's limits from their tuple (see ``WeighLimitsArg``).
pub(crate) fn weigh_limits(weigh: WeighLimitsArg) -> WeighLimits {
    WeighLimits {
        head_stems: weigh.0,
        head_share: weigh.1,
        tail_share: weigh.2,
        prose_stopwords: weigh.3,
        lead_in_words: weigh.4,
        list_items: weigh.5,
        closing_words: weigh.6,
        signature_lines: weigh.7,
        teaser_stems: weigh.8,
    }
}

/// What `position_into` reads besides the page: the limits and the reasons of the dated lines.
pub(crate) struct PositionLimits<'a> {
    pub pos: PosLimits,
    pub weigh: WeighLimits,
    /// The reasons' prefixes of the dates and bylines (``_DATED_KINDS``).
    pub dated: &'a [String],
}

/// `position_flags` once its arguments are read: `shared` answers a line's stems shared with the article.
#[allow(clippy::too_many_arguments)]
pub(crate) fn position_into(
    infos: &Bound<'_, PyList>,
    flags: &Bound<'_, PyList>,
    marks: &[u32],
    first: usize,
    last: usize,
    limits: &PositionLimits<'_>,
    shared: impl FnMut(usize) -> PyResult<(usize, usize)>,
    dates: &PyDateSearch,
    verdict: &Bound<'_, PyAny>,
) -> PyResult<Vec<bool>> {
    let py = infos.py();
    let n = marks.len();
    if infos.len() != n || flags.len() != n || !(first <= last && last < n) {
        return Err(pyo3::exceptions::PyValueError::new_err("infos, flags and marks differ in length, or the body is out of them"));
    }
    let mut lines = read_lines(infos, flags, marks, first, last)?;
    let pos = limits.pos;
    let runs = mark::short_runs(&lines, first, last);
    // A flag's reason is read only where a run of chrome is weighed.
    for &(k, end) in runs.iter().filter(|(k, end)| end - k >= pos.chrome_lines) {
        for (j, line) in lines.iter_mut().enumerate().take(end).skip(k) {
            if line.signalled {
                line.dated = dated_kind(&flags.get_item(j)?, limits.dated)?.is_some();
            }
        }
    }
    let found = mark::position(&lines, &runs, first, pos);
    // A label's last character is read where it may go as a label, and then every short line's inside the body
    // (a lead-in's list keeps its labels: `position::listed_items`).
    if found.inside.iter().any(|c| c.what & IN_LABEL != 0) {
        for (k, line) in lines.iter_mut().enumerate().take(last).skip(first + 1) {
            if !line.signalled && !line.prose {
                line.colon = last_char(&infos.get_item(k)?)? == ":";
            }
        }
    }
    // The line above one that may go beside chrome is read where it may be a field's label.
    for c in found.inside.iter().filter(|c| c.what & IN_BLOCK != 0) {
        let above = c.line - 1;
        if !lines[above].signalled && !lines[above].prose && !lines[above].colon {
            lines[above].colon = last_char(&infos.get_item(above)?)? == ":";
        }
    }
    let dated = |k: usize| -> PyResult<bool> { dates.holds(&text_of(&infos.get_item(k)?)?) };
    let given = position::weigh(&lines, &found, last, &pos, &limits.weigh, shared, dated)?;
    let detail = PyDict::new(py);
    for (k, flag) in given {
        let (reason, text) = match flag {
            PosFlag::Header => ("boilerplate:position:header", "short line above the article body".to_string()),
            PosFlag::Footer => ("boilerplate:position:footer", "short line below the article body".to_string()),
            PosFlag::ChromeRun { lines, flagged } => {
                ("boilerplate:position:chrome-run", format!("in a run of {} short lines, {} flagged", lines, flagged))
            }
            PosFlag::InlineLabel => ("boilerplate:position:inline-label", "off-topic label inside the body".to_string()),
            PosFlag::InlineBlock => ("boilerplate:position:inline-block", "off-topic line beside other chrome".to_string()),
            PosFlag::InlineTeaser => ("boilerplate:position:inline-teaser", "off-topic headline inside the body".to_string()),
        };
        detail.set_item(intern!(py, "detail"), text)?;
        flags.set_item(k, verdict.call((reason,), Some(&detail))?)?;
    }
    Ok(lines.iter().map(|l| l.signalled).collect())
}

/// Adds `position_flags` to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(position_flags, m)?)
}
