//! The walks of a round of `boilerplate/mark.py` (`_round`) that read the entries of a page around
//! its flagged lines, each a loop over the page's lines that was Python's: the article's sentences a
//! notice rule hit (`spare_notices`), the teasers listed under a "related" heading (`teaser_list`),
//! the dates and bylines that head the entries of a dated list (`dated_heads`), and the verdicts of
//! the date and byline rules alone (`dated_rules`). The plain Python they replaced is the tests'
//! oracle (tests/mark_reference.py).

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PySlice, PyString};

use crate::dates::py::PyDateSearch;
use crate::mark::DIGIT;
use crate::mark_py::{field, n_words, PROSE, SENTENCE, TEXT};

/// Whether a line is prose (its ``LineInfo.prose``).
fn prose(info: &Bound<'_, PyAny>) -> PyResult<bool> {
    field(info, PROSE, intern!(info.py(), "prose"))?.is_truthy()
}

/// Whether an attribute of a verdict is the string `want` (a verdict's ``reason`` or ``detail``).
fn attr_is(flag: &Bound<'_, PyAny>, name: &Bound<'_, PyString>, want: &str) -> PyResult<bool> {
    let value = flag.getattr(name)?;
    Ok(match value.downcast::<PyString>() {
        Ok(s) => s.to_cow()? == want,
        Err(_) => false,
    })
}

/// A ``ValueError`` unless ``flags`` is as long as ``infos``.
fn same_length(infos: &Bound<'_, PyList>, flags: &Bound<'_, PyList>) -> PyResult<()> {
    if infos.len() != flags.len() {
        return Err(pyo3::exceptions::PyValueError::new_err("infos and flags differ in length"));
    }
    Ok(())
}

/// ``_spare_article_notices``: unflags a notice rule's hit on a prose paragraph between two unflagged
/// prose paragraphs, in place (a line spared counts as unflagged for the next); a hit of one of the
/// `mentions` rules of at least `limits.0` words also between an unflagged prose paragraph and an
/// unflagged line of at least `limits.1` words.
///
/// Args:
///     infos: the lines' shapes (``LineInfo``: ``prose`` and ``n_words`` are read).
///     flags: their verdicts so far (None: not flagged); a verdict's ``detail`` is read.
///     notices: the names of the notice rules (``_NOTICE_RULES``).
///     mentions: those of them whose words an article's sentence also uses (``_MENTION_RULES``).
///     limits: ``(MENTION_MIN_WORDS, MENTION_LINE_WORDS)``.
///
/// Raises:
///     ValueError: ``flags`` is not as long as ``infos``.
#[pyfunction]
fn spare_notices(infos: &Bound<'_, PyList>, flags: &Bound<'_, PyList>, notices: Vec<String>, mentions: Vec<String>, limits: (usize, usize)) -> PyResult<()> {
    let (min_words, line_words) = limits;
    let py = infos.py();
    same_length(infos, flags)?;
    let n = flags.len();
    for k in 1..n.saturating_sub(1) {
        let flag = flags.get_item(k)?;
        if flag.is_none() {
            continue;
        }
        let detail = flag.getattr(intern!(py, "detail"))?;
        let (notice, mention) = match detail.downcast::<PyString>() {
            Ok(s) => {
                let s = s.to_cow()?;
                (notices.iter().any(|n| *n == s), mentions.iter().any(|n| *n == s))
            }
            Err(_) => (false, false),
        };
        if !notice || !prose(&infos.get_item(k)?)? || !flags.get_item(k - 1)?.is_none() || !flags.get_item(k + 1)?.is_none() {
            continue;
        }
        let (above, below) = (infos.get_item(k - 1)?, infos.get_item(k + 1)?);
        let (above_prose, below_prose) = (prose(&above)?, prose(&below)?);
        let beside = |info: &Bound<'_, PyAny>| -> PyResult<bool> { Ok(n_words(info)? >= line_words) };
        let spare = (above_prose && below_prose)
            || (mention
                && n_words(&infos.get_item(k)?)? >= min_words
                && ((above_prose && beside(&below)?) || (below_prose && beside(&above)?)));
        if spare {
            flags.set_item(k, py.None())?;
        }
    }
    Ok(())
}

/// The limits of ``_teaser_list``: ``(TITLE_MIN_WORDS, TEASER_TITLE_WORDS, TEASER_SKIP, TEASER_LIST_MIN)``.
type TeaserLimits = (usize, usize, usize, usize);

/// ``_teaser_entries``: where the list of headline-and-blurb entries that begins at `start` ends.
fn teaser_entries(infos: &Bound<'_, PyList>, flags: &Bound<'_, PyList>, start: usize, limits: TeaserLimits) -> PyResult<usize> {
    let py = infos.py();
    let (min_words, max_words, _, _) = limits;
    let mut k = start;
    while k + 1 < infos.len() && flags.get_item(k)?.is_none() && flags.get_item(k + 1)?.is_none() {
        let (head, blurb) = (infos.get_item(k)?, infos.get_item(k + 1)?);
        let entry = !field(&head, SENTENCE, intern!(py, "sentence"))?.is_truthy()?
            && (min_words..=max_words).contains(&n_words(&head)?)
            && prose(&blurb)?
            && n_words(&blurb)? > max_words;
        if !entry {
            break;
        }
        k += 2;
    }
    Ok(k)
}

/// ``_teaser_list``: flags the entries of a teaser list under a "related" heading, in place.
///
/// Args:
///     infos: the lines' shapes (``LineInfo``: ``sentence``, ``n_words``, ``prose``, and ``label`` and
///         ``text`` where asked).
///     flags: their verdicts so far (None: not flagged); a verdict's ``reason`` and ``detail`` are read.
///     heading: the ``(reason, detail)`` of a "related" heading (``pattern:readalso``, ``related-label``).
///     limits: see ``TeaserLimits``.
///     verdict: the verdicts' class (``records.Verdict``).
///
/// Raises:
///     ValueError: ``flags`` is not as long as ``infos``.
#[pyfunction]
fn teaser_list(
    infos: &Bound<'_, PyList>,
    flags: &Bound<'_, PyList>,
    heading: (String, String),
    limits: TeaserLimits,
    verdict: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let py = infos.py();
    same_length(infos, flags)?;
    let (_, _, skip, list_min) = limits;
    let n = infos.len();
    let mut k = 0;
    while k < n {
        let flag = flags.get_item(k)?;
        if flag.is_none() || !attr_is(&flag, intern!(py, "reason"), &heading.0)? || !attr_is(&flag, intern!(py, "detail"), &heading.1)? {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        for start in k + 1..(k + 2 + skip).min(n) {
            // Only flagged lines and bare labels may stand between the heading and its list.
            if start > k + 1 && flags.get_item(start - 1)?.is_none() && !infos.get_item(start - 1)?.getattr(intern!(py, "label"))?.is_truthy()? {
                break;
            }
            end = teaser_entries(infos, flags, start, limits)?;
            let entries = (end - start) / 2;
            if entries >= list_min {
                let text = field(&infos.get_item(k)?, TEXT, intern!(py, "text"))?;
                let cut = text.get_item(PySlice::new(py, 0, 40, 1))?.repr()?;
                let detail = PyDict::new(py);
                detail.set_item(intern!(py, "detail"), format!("{} headline-and-blurb entries under {}", entries, cut.to_cow()?))?;
                for j in start..end {
                    flags.set_item(j, verdict.call(("boilerplate:position:teaser-list",), Some(&detail))?)?;
                }
                break;
            }
        }
        k = end.max(k + 1);
    }
    Ok(())
}

/// ``_keep_dated_list``: unflags the dates and bylines that head the entries of a dated list, in place.
///
/// Args:
///     infos: the lines' shapes (``LineInfo``: ``prose``, and the ``text`` of an entry with a figure that is not prose, are read).
///     flags: their verdicts so far (None: not flagged); a verdict's ``reason`` is read.
///     marks: their ``line_marks`` (``DIGIT``: an entry without a figure holds no date).
///     dated: the reasons' prefixes of the dates and bylines (``_DATED_KINDS``).
///     min_heads: ``DATED_LIST_MIN``.
///     dates: the date search (``rules.date_search()``), asked of an entry's text.
///
/// Returns:
///     the verdicts taken off, by line, in order (empty: no dated list).
///
/// Raises:
///     ValueError: ``flags`` or ``marks`` is not as long as ``infos``.
#[pyfunction]
fn dated_heads<'py>(
    infos: &Bound<'py, PyList>,
    flags: &Bound<'py, PyList>,
    marks: Vec<u32>,
    dated: Vec<String>,
    min_heads: usize,
    dates: &Bound<'py, PyDateSearch>,
) -> PyResult<Bound<'py, PyDict>> {
    let py = infos.py();
    same_length(infos, flags)?;
    if marks.len() != infos.len() {
        return Err(pyo3::exceptions::PyValueError::new_err("infos and marks differ in length"));
    }
    let out = PyDict::new(py);
    let mut heads = Vec::new();
    for k in 0..flags.len().saturating_sub(1) {
        let flag = flags.get_item(k)?;
        if flag.is_none() || !flags.get_item(k + 1)?.is_none() {
            continue;
        }
        if let Some(kind) = dated_kind(&flag, &dated)? {
            heads.push((k, flag, kind));
        }
    }
    // The entries are searched for a date only on a page with enough heads, and only those with a
    // figure (every date of the mask holds a decimal digit) that are not prose: a prose entry that
    // names its own date is still an entry (`mark._keep_dated_list`).
    if heads.len() < min_heads {
        return Ok(out);
    }
    let mut kept = Vec::with_capacity(heads.len());
    for (k, flag, kind) in heads {
        let entry = infos.get_item(k + 1)?;
        let dated_entry = marks[k + 1] & DIGIT != 0 && !prose(&entry)? && dates.get().holds(field(&entry, TEXT, intern!(py, "text"))?.downcast::<PyString>()?)?;
        if !dated_entry {
            kept.push((k, flag, kind));
        }
    }
    if kept.len() < min_heads {
        return Ok(out);
    }
    for (k, flag, kind) in kept {
        // A head of two lines, a date over a byline ("06-29-2004, 09:31 AM" over "Originally posted by
        // Name"): the date heads the entry too. Two dates are an archive's, and a byline over a date
        // closes the entry above ("Name 6/04/2005 06:35 PM |" over the next entry's date).
        if k > 0 && kind == BYLINE {
            let above = flags.get_item(k - 1)?;
            if !above.is_none() && dated_kind(&above, &dated)? == Some(DATE) {
                flags.set_item(k - 1, py.None())?;
                out.set_item(k - 1, above)?;
            }
        }
        flags.set_item(k, py.None())?;
        out.set_item(k, flag)?;
    }
    Ok(out)
}

/// The places of the dates' and the bylines' reasons in ``dated`` (``mark._DATED_KINDS``).
const DATE: usize = 0;
const BYLINE: usize = 1;

/// Which of the dated reasons' prefixes (``dated``) a verdict's reason starts with, if any.
pub(crate) fn dated_kind(flag: &Bound<'_, PyAny>, dated: &[String]) -> PyResult<Option<usize>> {
    let reason = flag.getattr(intern!(flag.py(), "reason"))?;
    let reason = reason.downcast::<PyString>()?.to_cow()?;
    Ok(dated.iter().position(|d| reason.starts_with(d.as_str())))
}

/// ``_dated_rules``: the verdicts of the date and byline rules alone.
///
/// Args:
///     lines: each line's ``(LineInfo, rule or None)`` (``n_words`` is read, and a rule's ``kind`` and ``name``).
///     dated: the reasons' prefixes of the dates and bylines (``_DATED_KINDS``).
///     max_words: ``DATED_MAX_WORDS`` (the longest line a date or byline rule reads).
///     verdict: the verdicts' class (``records.Verdict``).
///
/// Returns:
///     a verdict or None for each line.
#[pyfunction]
fn dated_rules<'py>(lines: &Bound<'py, PyAny>, dated: Vec<String>, max_words: usize, verdict: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let py = lines.py();
    let out = PyList::new(py, (0..lines.len()?).map(|_| py.None()))?;
    for (k, pair) in lines.try_iter()?.enumerate() {
        let pair = pair?;
        let rule = pair.get_item(1)?;
        if rule.is_none() || n_words(&pair.get_item(0)?)? > max_words {
            continue;
        }
        let kind = rule.getattr(intern!(py, "kind"))?;
        let reason = format!("boilerplate:pattern:{}", kind.downcast::<PyString>()?.to_cow()?);
        if dated.iter().any(|d| reason.starts_with(d.as_str())) {
            let detail = PyDict::new(py);
            detail.set_item(intern!(py, "detail"), rule.getattr(intern!(py, "name"))?)?;
            out.set_item(k, verdict.call((reason,), Some(&detail))?)?;
        }
    }
    Ok(out)
}

/// Adds `spare_notices`, `teaser_list`, `dated_heads` and `dated_rules` to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(spare_notices, m)?)?;
    m.add_function(wrap_pyfunction!(teaser_list, m)?)?;
    m.add_function(wrap_pyfunction!(dated_heads, m)?)?;
    m.add_function(wrap_pyfunction!(dated_rules, m)?)
}
