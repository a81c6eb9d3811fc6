//! The Python bindings of the smaller walks of `boilerplate/mark.py` over a page's lines: the
//! hard-wrapped units (`wrapped_units`, native/src/mark.rs) and the prose they and a page's terse
//! sentences make (`round_prose`), and the last
//! characters of a page's lines (`line_ends`: the candidates of the counted and pointer lists).

use numpy::PyArray1;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::chars::Units;
use crate::mark::{self, STOP_END};
use crate::mark_py::{field, n_words, N_WORDS, PROSE, SENTENCE, STOP_SHARE, TEXT};
use crate::position_py::text_of;
use crate::python_chars::units;
use crate::shapes_py::Shapes;

/// ``_wrapped_units``: the ``(start, end)`` of each run of two lines or more that continue one another.
///
/// A line continues the one above when that one ends mid-sentence (no ``STOP_END``), it opens in lower
/// case (``text[:1].islower()``, asked of Python's string only for such a line) and neither is flagged.
///
/// Args:
///     infos: the lines' shapes (``LineInfo``: ``text`` is read).
///     flags: their verdicts so far (None: not flagged).
///     marks: their ``line_marks``.
///
/// Raises:
///     ValueError: ``flags`` or ``marks`` is not as long as ``infos``.
#[pyfunction]
fn wrapped_units(infos: &Bound<'_, PyList>, flags: &Bound<'_, PyList>, marks: Vec<u32>) -> PyResult<Vec<(usize, usize)>> {
    let n = marks.len();
    if infos.len() != n || flags.len() != n {
        return Err(pyo3::exceptions::PyValueError::new_err("infos, flags and marks differ in length"));
    }
    let kept = (0..n).map(|k| Ok(flags.get_item(k)?.is_none())).collect::<PyResult<Vec<bool>>>()?;
    units_of(infos, &kept, &marks)
}

/// `wrapped_units` once the lengths are checked; `kept[k]`: line `k` is not flagged.
fn units_of(infos: &Bound<'_, PyList>, kept: &[bool], marks: &[u32]) -> PyResult<Vec<(usize, usize)>> {
    let py = infos.py();
    let n = kept.len();
    let mut joins = vec![false; n];
    let mut above_kept = n > 0 && kept[0];
    for k in 1..n {
        let kept = kept[k];
        if kept && above_kept && marks[k - 1] & STOP_END == 0 {
            let info = infos.get_item(k)?;
            let text = match info.downcast::<PyTuple>() {
                Ok(t) if t.len() == 5 => t.get_item(0)?,
                _ => info.getattr(intern!(py, "text"))?,
            };
            let text = text.downcast::<PyString>()?;
            joins[k] = text.len()? > 0 && text.as_any().get_item(0)?.call_method0(intern!(py, "islower"))?.is_truthy()?;
        }
        above_kept = kept;
    }
    Ok(mark::wrapped_units(&joins))
}

/// ``mark.round_prose``: the shapes with each line of hard-wrapped prose marked prose, then, on a page with
/// prose, its long sentences of clauses with a few function words, on a page with none, its sentences of
/// clauses (the plain Python it replaced is the tests' oracle, tests/mark_reference.py ``wrapped_prose``,
/// ``clause_prose`` and ``terse_prose``).
///
/// A run of lines that continue one another (`wrapped_units`) whose lines are not all prose is joined by
/// spaces and described (``Shapes.describe``): when the joined unit is prose, each of its lines is. Then the
/// unflagged sentences with a clause break (`mark::has_clause_break`) are read. When a line is prose, each
/// other of ``TERSE_PROSE_WORDS`` words or more and a ``stop_share`` of ``CLAUSE_PROSE_STOPWORDS`` or more is
/// prose. When none is, and one has ``TERSE_PROSE_WORDS`` words or more, or ``TERSE_SENTENCE_WORDS`` words and
/// ``TERSE_PROSE_LETTERS`` letters or marks (`mark::has_letters`), each of ``TERSE_SENTENCE_WORDS`` words or
/// more is prose. A line made prose is its ``LineInfo._replace(prose=True)``. The shapes are read once for both walks: on
/// the benchmark corpus (300,000 paragraphs, one worker) the two Python functions, called in every round of
/// marking, were 0.38 s of the rounds' 2.9 s under cProfile.
///
/// Args:
///     shapes: the process's ``Shapes`` (a unit is described by it).
///     infos: the lines' shapes (``LineInfo``: ``text``, ``n_words``, ``prose``, ``sentence`` and
///         ``stop_share`` are read).
///     flags: their verdicts so far (None: not flagged).
///     marks: their ``line_marks``.
///     terse: ``(TERSE_PROSE_WORDS, TERSE_SENTENCE_WORDS, TERSE_PROSE_LETTERS, CLAUSE_PROSE_STOPWORDS)``.
///
/// Returns:
///     ``infos`` itself when no line changed, else a new list.
///
/// Raises:
///     ValueError: ``flags`` or ``marks`` is not as long as ``infos``.
#[pyfunction]
fn round_prose<'py>(
    shapes: &Bound<'py, Shapes>,
    infos: &Bound<'py, PyList>,
    flags: &Bound<'py, PyList>,
    marks: Vec<u32>,
    terse: (usize, usize, usize, f64),
) -> PyResult<Bound<'py, PyList>> {
    let py = infos.py();
    let n = marks.len();
    if infos.len() != n || flags.len() != n {
        return Err(pyo3::exceptions::PyValueError::new_err("infos, flags and marks differ in length"));
    }
    let kept = (0..n).map(|k| Ok(flags.get_item(k)?.is_none())).collect::<PyResult<Vec<bool>>>()?;
    let mut prose = Vec::with_capacity(n);
    for info in infos.iter() {
        prose.push(field(&info, PROSE, intern!(py, "prose"))?.is_truthy()?);
    }
    let mut made = vec![false; n];
    for (start, end) in units_of(infos, &kept, &marks)? {
        if prose[start..end].iter().all(|&p| p) {
            continue;
        }
        let texts = (start..end).map(|k| text_of(&infos.get_item(k)?)).collect::<PyResult<Vec<_>>>()?;
        let joined = PyString::new(py, " ").call_method1(intern!(py, "join"), (PyList::new(py, texts)?,))?;
        let described = shapes.call_method1(intern!(py, "describe"), (PyList::new(py, [joined])?,))?;
        if field(&described.get_item(0)?, PROSE, intern!(py, "prose"))?.is_truthy()? {
            for k in start..end {
                made[k] = true;
                prose[k] = true;
            }
        }
    }
    let (prose_words, sentence_words, prose_letters, clause_stopwords) = terse;
    let mut shapes = shapes.borrow_mut();
    if prose.iter().any(|&p| p) {
        // `_clause_prose`: a long sentence of clauses with a few function words is prose too.
        for (k, info) in infos.iter().enumerate() {
            if prose[k] || !kept[k] || !field(&info, SENTENCE, intern!(py, "sentence"))?.is_truthy()? || n_words(&info)? < prose_words {
                continue;
            }
            let share: f64 = field(&info, STOP_SHARE, intern!(py, "stop_share"))?.extract()?;
            if share >= clause_stopwords {
                let text = shapes.read(py, &text_of(&info)?)?;
                made[k] |= mark::has_clause_break(&shapes.table, &text);
            }
        }
    } else {
        let (mut clauses, mut long) = (Vec::new(), false);
        for (k, info) in infos.iter().enumerate() {
            if !kept[k] || !field(&info, SENTENCE, intern!(py, "sentence"))?.is_truthy()? {
                continue;
            }
            let text = shapes.read(py, &text_of(&info)?)?;
            if mark::has_clause_break(&shapes.table, &text) {
                let words = n_words(&info)?;
                long = long
                    || words >= prose_words
                    || (words >= sentence_words && mark::has_letters(&shapes.table, &text, prose_letters));
                clauses.push((k, words));
            }
        }
        if long {
            for (k, words) in clauses {
                made[k] |= words >= sentence_words;
            }
        }
    }
    if !made.iter().any(|&m| m) {
        return Ok(infos.clone());
    }
    let changes = PyDict::new(py);
    changes.set_item(intern!(py, "prose"), true)?;
    let mut out = Vec::with_capacity(n);
    for (info, made) in infos.iter().zip(made) {
        out.push(if made { info.call_method(intern!(py, "_replace"), (), Some(&changes))? } else { info });
    }
    PyList::new(py, out)
}

/// The last code point of a string (None for "").
fn last_code_point(text: &Bound<'_, PyString>) -> PyResult<Option<u32>> {
    Ok(match units(text)? {
        Units::U8(b) => b.last().map(|&c| u32::from(c)),
        Units::U16(b) => b.last().map(|&c| u32::from(c)),
        Units::U32(b) => b.last().copied(),
    })
}

/// The lines of a page that end with ")", whether a line ends with one of ``pointers``, and the
/// candidates of the cut excerpts and of the keyword lists.
///
/// What ``mark._Lines.of`` asks of every line of every document before the runs of counted links
/// (``link_lists.counted_link``: a line that ends with ")"), of links with a pointer
/// (``link_lists.pointer_links``: a line that ends with one of ``POINTERS``) and of cut excerpts
/// (``link_lists.cut_excerpts``) are looked for, and before the keyword lists
/// (``keyword_lists.keyword_lists``): in Python, the joined lines' count of ")\n" and the set of their
/// last characters were 0.17 s of the 2.1 s of marking under cProfile (the benchmark corpus, one
/// worker); the walks of the excerpts' and the keyword lists' tests, 15% of marking's samples (py-spy,
/// c300, one worker).
///
/// Args:
///     infos: the lines' shapes (``LineInfo``: ``text``, ``n_words`` and ``stop_share`` are read).
///     pointers: the pointers (``link_lists.POINTERS``).
///     cut: ``(ends, tail, min_words)``: a cut excerpt's candidate ends with a character of ``ends``, has
///         ``min_words`` words or more and holds "..." or "…" in its last ``tail`` characters.
///     keywords: ``(max_stop_share, min_words)``: a keyword list's candidate has a function-word share of
///         at most ``max_stop_share`` and ``min_words`` words or more.
///
/// Returns:
///     ``(closed, pointed, cut, keywords)``: the lines whose text ends with ")", increasing; whether some
///     line's text ends with a character of ``pointers``; the cut excerpts' candidates, increasing; the
///     keyword lists' candidates, increasing.
///
/// Raises:
///     TypeError: a line's text is not a string, or its ``n_words`` or ``stop_share`` not a number.
#[pyfunction]
#[allow(clippy::type_complexity)]
fn line_ends(
    infos: &Bound<'_, PyList>,
    pointers: &str,
    cut: (String, usize, usize),
    keywords: (f64, usize),
) -> PyResult<(Vec<usize>, bool, Vec<usize>, Vec<usize>)> {
    let py = infos.py();
    let pointers: Vec<u32> = pointers.chars().map(u32::from).collect();
    let (ends, tail, min_words) = cut;
    let ends: Vec<u32> = ends.chars().map(u32::from).collect();
    let (max_share, keyword_words) = keywords;
    let (mut closed, mut pointed, mut cuts, mut listed) = (Vec::new(), false, Vec::new(), Vec::new());
    for (k, info) in infos.iter().enumerate() {
        let text = field(&info, TEXT, intern!(py, "text"))?;
        let text = text.downcast::<PyString>()?;
        let n_words: usize = field(&info, N_WORDS, intern!(py, "n_words"))?.extract()?;
        let last = last_code_point(text)?;
        match last {
            Some(c) if c == u32::from(')') => closed.push(k),
            Some(c) if pointers.contains(&c) => pointed = true,
            _ => {}
        }
        if n_words >= min_words && last.map_or(false, |c| ends.contains(&c)) && has_ellipsis(text, tail)? {
            cuts.push(k);
        }
        if n_words >= keyword_words {
            let share: f64 = field(&info, STOP_SHARE, intern!(py, "stop_share"))?.extract()?;
            if share <= max_share {
                listed.push(k);
            }
        }
    }
    Ok((closed, pointed, cuts, listed))
}

/// Whether the last `tail` code points of `text` hold "..." or "…" (``"..." in text[-tail:] or "…" in text[-tail:]``).
fn has_ellipsis(text: &Bound<'_, PyString>, tail: usize) -> PyResult<bool> {
    fn search<T: Copy + Into<u32>>(units: &[T], tail: usize) -> bool {
        let end = &units[units.len().saturating_sub(tail)..];
        let dot = u32::from('.');
        let mut dots = 0;
        for &c in end {
            let c: u32 = c.into();
            if c == 0x2026 {
                return true;
            }
            dots = if c == dot { dots + 1 } else { 0 };
            if dots == 3 {
                return true;
            }
        }
        false
    }
    Ok(match units(text)? {
        Units::U8(b) => search(b, tail),
        Units::U16(b) => search(b, tail),
        Units::U32(b) => search(b, tail),
    })
}

/// A document's paragraphs as pass 2 leaves them for dedup (``run.passes._left_for_dedup``): the code of
/// each one's verdict (0: none), and the text, line and index of each one without a verdict and of at
/// most ``max_chars`` characters, in order.
///
/// One call a document instead of a Python loop over its paragraphs (2.4% of the analyse pass's
/// samples, py-spy on the 300k-paragraph benchmark corpus, one worker).
///
/// Args:
///     paragraphs: the document's paragraphs (``Paragraph``: ``verdict``, ``text``, ``line`` and
///         ``index`` are read).
///     max_chars: the longest paragraph analysed (``max_line_chars``).
///     code: called with a verdict, returns its code (``_VerdictTable.code``).
///
/// Raises:
///     TypeError: a paragraph's text is not a string, or a code not an integer.
///     OverflowError: a code does not fit 32 bits.
#[pyfunction]
#[allow(clippy::type_complexity)]
fn left_for_dedup<'py>(
    paragraphs: &Bound<'py, PyAny>,
    max_chars: usize,
    code: &Bound<'py, PyAny>,
) -> PyResult<(Bound<'py, PyArray1<u32>>, Vec<Bound<'py, PyAny>>, Vec<Bound<'py, PyAny>>, Vec<Bound<'py, PyAny>>)> {
    let py = paragraphs.py();
    let mut codes = vec![0u32; paragraphs.len()?];
    let (mut texts, mut lines, mut indices) = (Vec::new(), Vec::new(), Vec::new());
    for (k, p) in paragraphs.try_iter()?.enumerate() {
        let p = p?;
        if k >= codes.len() {
            return Err(pyo3::exceptions::PyValueError::new_err("more paragraphs than the sequence's length"));
        }
        let verdict = p.getattr(intern!(py, "verdict"))?;
        if !verdict.is_none() {
            codes[k] = code.call1((verdict,))?.extract()?;
            continue;
        }
        let text = p.getattr(intern!(py, "text"))?;
        if text.downcast::<PyString>()?.len()? <= max_chars {
            texts.push(text);
            lines.push(p.getattr(intern!(py, "line"))?);
            indices.push(p.getattr(intern!(py, "index"))?);
        }
    }
    Ok((PyArray1::from_vec(py, codes), texts, lines, indices))
}

/// The positions of the line flags that hold a bit of ``mask``, increasing (``mark._loose_menus``' candidates).
#[pyfunction]
fn marked(marks: Vec<u32>, mask: u32) -> Vec<usize> {
    marks.iter().enumerate().filter(|(_, &m)| m & mask != 0).map(|(k, _)| k).collect()
}

/// The positions of the lines of ``min_words`` to ``max_words`` words, increasing (``repeats.repeated_controls``'
/// candidates: most pages have too few of them for a control repeated under each entry).
///
/// Args:
///     infos: the lines' shapes (``LineInfo``: ``n_words`` is read).
///     min_words, max_words: ``CONTROL_MIN_WORDS``, ``CONTROL_MAX_WORDS``.
///
/// Raises:
///     TypeError: a line's ``n_words`` is not an integer.
#[pyfunction]
fn phrase_lines(infos: &Bound<'_, PyList>, min_words: usize, max_words: usize) -> PyResult<Vec<usize>> {
    let py = infos.py();
    let mut out = Vec::new();
    for (k, info) in infos.iter().enumerate() {
        let n_words: usize = field(&info, N_WORDS, intern!(py, "n_words"))?.extract()?;
        if (min_words..=max_words).contains(&n_words) {
            out.push(k);
        }
    }
    Ok(out)
}

/// ``mark._table_stamps``: unflags, in place, the date rules' lines that stand in a table's column.
///
/// A cell is a line whose verdict's ``reason`` is ``kind`` (the date rules'), of at most ``max_words``
/// words, whose text opens with a digit (``text[:1].isdigit()``, asked of Python's string only for such a
/// line); each run of ``run_min`` consecutive cells or more is unflagged. Called in every round of marking,
/// where most lines are not flagged: the Python walk over every line's verdict (the plain Python it
/// replaced is the tests' oracle, tests/mark_reference.py ``table_stamps``) was 0.29 s of the rounds'
/// 2.8 s under cProfile (c300, one worker).
///
/// Args:
///     infos: the lines' shapes (``LineInfo``: ``n_words`` and ``text`` are read of a flagged line).
///     flags: their verdicts (None: not flagged; ``reason`` is read), changed in place.
///     kind: the date rules' reason (``_DATED_KINDS[0]``).
///     max_words: ``STAMP_CELL_WORDS``.
///     run_min: ``STAMP_CELL_RUN``.
///
/// Raises:
///     ValueError: ``flags`` is not as long as ``infos``.
#[pyfunction]
fn table_stamps(infos: &Bound<'_, PyList>, flags: &Bound<'_, PyList>, kind: &Bound<'_, PyString>, max_words: usize, run_min: usize) -> PyResult<()> {
    let py = infos.py();
    if infos.len() != flags.len() {
        return Err(pyo3::exceptions::PyValueError::new_err("infos and flags differ in length"));
    }
    let mut cells = Vec::new();
    for (k, flag) in flags.iter().enumerate() {
        if flag.is_none() || !flag.getattr(intern!(py, "reason"))?.eq(kind)? {
            continue;
        }
        let info = infos.get_item(k)?;
        if n_words(&info)? > max_words {
            continue;
        }
        let text = field(&info, TEXT, intern!(py, "text"))?;
        let text = text.downcast::<PyString>()?;
        if text.len()? > 0 && text.as_any().get_item(0)?.call_method0(intern!(py, "isdigit"))?.is_truthy()? {
            cells.push(k);
        }
    }
    for run in mark::consecutive_runs(&cells) {
        if run.len() >= run_min {
            for &k in run {
                flags.set_item(k, py.None())?;
            }
        }
    }
    Ok(())
}

/// ``mark``'s verdicts of a round set on the paragraphs: each flagged one that is not protected gets its verdict.
///
/// Args:
///     paras: the round's paragraphs (``Paragraph``: ``index`` is read of a flagged one, ``verdict`` set).
///     flags: their verdicts (None: kept).
///     protect: the indices of the paragraphs never to flag (a ``frozenset``, or any container).
///
/// Returns:
///     ``(found, left)``: how many paragraphs got a verdict, and the positions of the others, increasing
///     (those kept: unflagged or protected; every paragraph of a round was without a verdict).
///
/// Raises:
///     ValueError: ``flags`` is not as long as ``paras``.
#[pyfunction]
fn set_verdicts(paras: &Bound<'_, PyList>, flags: &Bound<'_, PyList>, protect: &Bound<'_, PyAny>) -> PyResult<(usize, Vec<usize>)> {
    let py = paras.py();
    if paras.len() != flags.len() {
        return Err(pyo3::exceptions::PyValueError::new_err("paras and flags differ in length"));
    }
    let no_protect = protect.len()? == 0;
    let (mut found, mut left) = (0, Vec::with_capacity(paras.len()));
    for (k, (para, flag)) in paras.iter().zip(flags.iter()).enumerate() {
        if flag.is_none() || (!no_protect && protect.contains(para.getattr(intern!(py, "index"))?)?) {
            left.push(k);
            continue;
        }
        para.setattr(intern!(py, "verdict"), flag)?;
        found += 1;
    }
    Ok((found, left))
}

/// Adds `wrapped_units`, `round_prose`, `line_ends`, `marked`, `phrase_lines`, `table_stamps` and `set_verdicts` to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(wrapped_units, m)?)?;
    m.add_function(wrap_pyfunction!(round_prose, m)?)?;
    m.add_function(wrap_pyfunction!(line_ends, m)?)?;
    m.add_function(wrap_pyfunction!(left_for_dedup, m)?)?;
    m.add_function(wrap_pyfunction!(marked, m)?)?;
    m.add_function(wrap_pyfunction!(phrase_lines, m)?)?;
    m.add_function(wrap_pyfunction!(table_stamps, m)?)?;
    m.add_function(wrap_pyfunction!(set_verdicts, m)?)
}
