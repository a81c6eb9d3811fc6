//! The glue of the line shapes' memo (`boilerplate/line_shapes.py`) for a page's lines in one call:
//! `ShapeMemo.shapes` (the memo's hits, the lines it lacks described and ruled, each remembered at its
//! second sighting: `LineMemo.remember`) and `RuleMatcher.first_many` (the native rule set's candidates
//! of each line confirmed in order by the rules' own `matches`). The describing and the rules' matching
//! stay where they are (`Shapes.describe`, `RuleSet.candidates`, the rules' Python); this walks the
//! page's lines and the answers without a Python frame per line. The plain Python it replaced is the
//! tests' oracle (tests/shapes_reference.py, `ShapeMemo`).

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PySet, PyString, PyTuple};

use crate::mark_py::{field, N_WORDS, PROSE, SENTENCE, STOP_SHARE, TEXT};

/// ``RuleMatcher.first_many``: the first rule that matches each line, or None.
///
/// Args:
///     ruleset: the native candidates (``_core.RuleSet``) of ``rules``.
///     rules: the rules, in order (each with ``matches(text, n_words)``).
///     texts: the lines, whitespace collapsed.
///     n_words: their numbers of words.
///     max_words: the most words a rule reads (-1: no rule): a longer line is not asked.
///     max_chars: ``RULE_MAX_CHARS``: a longer line is not asked.
///
/// Raises:
///     ValueError: ``texts`` and ``n_words`` differ in length.
///     TypeError: a line is not a string.
#[pyfunction]
fn first_rules<'py>(
    ruleset: &Bound<'py, PyAny>,
    rules: &Bound<'py, PyList>,
    texts: &Bound<'py, PyList>,
    n_words: Vec<u64>,
    max_words: i64,
    max_chars: usize,
) -> PyResult<Bound<'py, PyList>> {
    let py = texts.py();
    let n = texts.len();
    if n_words.len() != n {
        return Err(pyo3::exceptions::PyValueError::new_err("texts and n_words differ in length"));
    }
    let mut out: Vec<Bound<'py, PyAny>> = (0..n).map(|_| py.None().into_bound(py)).collect();
    let mut asked = Vec::with_capacity(n);
    for (i, text) in texts.iter().enumerate() {
        if (n_words[i] as i128) <= max_words as i128 && text.downcast::<PyString>()?.len()? <= max_chars {
            asked.push(i);
        }
    }
    if asked.is_empty() {
        return PyList::new(py, out);
    }
    let found: Vec<u32> = if asked.len() == n {
        ruleset.call_method1(intern!(py, "candidates"), (texts, n_words.clone()))?.extract()?
    } else {
        let lines = PyList::new(py, asked.iter().map(|&i| texts.get_item(i)).collect::<PyResult<Vec<_>>>()?)?;
        let counts: Vec<u64> = asked.iter().map(|&i| n_words[i]).collect();
        ruleset.call_method1(intern!(py, "candidates"), (lines, counts))?.extract()?
    };
    let mut done = None;
    for pair in found.chunks(2) {
        let (j, r) = (pair[0] as usize, pair.get(1).copied().unwrap_or(0) as usize);
        if done == Some(j) {
            continue; // this line's first rule is known
        }
        let i = *asked.get(j).ok_or_else(|| pyo3::exceptions::PyValueError::new_err("a candidate of no line"))?;
        let rule = rules.get_item(r)?;
        if rule.call_method1(intern!(py, "matches"), (texts.get_item(i)?, n_words[i]))?.is_truthy()? {
            out[i] = rule;
            done = Some(j);
        }
    }
    PyList::new(py, out)
}

/// ``ShapeMemo.shapes`` with rules: each line's ``(LineInfo, first matching rule or None)``.
///
/// Args:
///     texts: the lines.
///     seen: the memo (``LineMemo``, a dict: line -> ``(shape, rule)``).
///     once: the hashes of the lines seen once (``LineMemo._once``).
///     max_chars: ``MEMO_MAX_CHARS``: a longer line is not remembered.
///     size: ``MEMO_SIZE``: the most lines ``seen`` and ``once`` hold; each is emptied when full.
///     describe: ``describe_many`` (a list of lines -> their ``LineInfo``).
///     first: ``RuleMatcher.first_many`` (lines, numbers of words -> rules), or None: no rule.
///
/// Raises:
///     TypeError: a line is not a string, or ``describe`` or ``first`` answers otherwise.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn memo_shapes<'py>(
    texts: &Bound<'py, PyList>,
    seen: &Bound<'py, PyDict>,
    once: &Bound<'py, PySet>,
    max_chars: usize,
    size: usize,
    describe: &Bound<'py, PyAny>,
    first: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let py = texts.py();
    let hits: Vec<Option<Bound<'py, PyAny>>> = texts.iter().map(|t| seen.get_item(t)).collect::<PyResult<_>>()?;
    if hits.iter().all(Option::is_some) {
        return PyList::new(py, hits.into_iter().flatten().collect::<Vec<_>>());
    }
    // The lines the memo lacks, each once, in order.
    let fresh = PyDict::new(py);
    let missing = PyList::empty(py);
    for (text, hit) in texts.iter().zip(&hits) {
        if hit.is_none() && !fresh.contains(&text)? {
            fresh.set_item(&text, py.None())?;
            missing.append(text)?;
        }
    }
    let infos = describe.call1((&missing,))?;
    let infos = infos.downcast::<PyList>()?;
    let rules = match first {
        Some(first) => {
            let mut lines = Vec::with_capacity(infos.len());
            let mut n_words = Vec::with_capacity(infos.len());
            for info in infos.iter() {
                let info = info.downcast_into::<PyTuple>()?;
                lines.push(info.get_item(0)?);
                n_words.push(info.get_item(1)?.extract::<u64>()?);
            }
            first.call1((PyList::new(py, lines)?, n_words))?.downcast_into::<PyList>()?
        }
        None => PyList::new(py, (0..infos.len()).map(|_| py.None()).collect::<Vec<_>>())?,
    };
    if rules.len() != missing.len() || infos.len() != missing.len() {
        return Err(pyo3::exceptions::PyTypeError::new_err("describe or first gave a list of another length"));
    }
    for (k, text) in missing.iter().enumerate() {
        fresh.set_item(text, PyTuple::new(py, [infos.get_item(k)?, rules.get_item(k)?])?)?;
    }
    let mut out = Vec::with_capacity(hits.len());
    for (text, hit) in texts.iter().zip(hits) {
        if let Some(hit) = hit {
            out.push(hit);
            continue;
        }
        let value = fresh.get_item(&text)?.ok_or_else(|| pyo3::exceptions::PyRuntimeError::new_err("a line was not described"))?;
        // (a line twice in ``texts`` is remembered at its second sighting)
        if text.len()? <= max_chars {
            remember(seen, once, &text, &value, size)?;
        }
        out.push(value);
    }
    PyList::new(py, out)
}

/// ``LineMemo.remember`` of a short line: its hash the first time, the line and its value the second.
fn remember(seen: &Bound<'_, PyDict>, once: &Bound<'_, PySet>, text: &Bound<'_, PyAny>, value: &Bound<'_, PyAny>, size: usize) -> PyResult<()> {
    let key = text.hash()?;
    if !once.contains(key)? {
        if once.len() >= size {
            once.clear();
        }
        return once.add(key);
    }
    if seen.len() >= size {
        seen.clear();
    }
    seen.set_item(text, value)
}

/// The rows of ``scratch.line_shapes.ROW`` of analysed paragraphs (``ShapeLog.add``), packed as numpy lays
/// them out: ``stop_share`` (little-endian f64), ``n_words`` (i32), ``flags`` (u8: prose 1, sentence 2,
/// a rule 4, a pair above 8, a pair below 16, ``info.text == text`` 32), ``key``, ``above``, ``below``
/// (u64; a pair that is None is 0) and ``marks`` (u8).
///
/// One call a document instead of seven Python lists of a number each (the lists and the comprehensions
/// that filled them were 2% of the analyse pass's samples, py-spy on the 300k-paragraph benchmark
/// corpus, one worker; their numbers were also the batch's largest lists in memory).
///
/// Args:
///     lines: each paragraph's ``(LineInfo, rule or None)``.
///     around: its frequency keys ``(key, above or None, below or None)``.
///     marks: its line flags.
///     texts: its text.
///     left: the positions of the rows to write, increasing (None: every one).
///
/// Raises:
///     ValueError: ``lines``, ``around``, ``marks`` and ``texts`` differ in length, or a position is past them.
///     OverflowError: a number does not fit its column.
#[pyfunction]
#[pyo3(signature = (lines, around, marks, texts, left=None))]
fn shape_rows<'py>(
    lines: &Bound<'py, PyList>,
    around: &Bound<'py, PyList>,
    marks: &Bound<'py, PyList>,
    texts: &Bound<'py, PyList>,
    left: Option<Vec<usize>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let py = lines.py();
    let n = lines.len();
    if around.len() != n || marks.len() != n || texts.len() != n {
        return Err(pyo3::exceptions::PyValueError::new_err(format!(
            "{} shapes but {} frequency keys, {} line flags and {} texts",
            n,
            around.len(),
            marks.len(),
            texts.len()
        )));
    }
    let left: Vec<usize> = left.unwrap_or_else(|| (0..n).collect());
    let mut out = Vec::with_capacity(ROW_BYTES * left.len());
    let key = |v: Bound<'py, PyAny>| -> PyResult<u64> {
        if v.is_none() {
            Ok(0)
        } else {
            v.extract()
        }
    };
    for &k in &left {
        if k >= n {
            return Err(pyo3::exceptions::PyValueError::new_err("a row past the paragraphs"));
        }
        let pair = lines.get_item(k)?;
        let pair = pair.downcast::<PyTuple>()?;
        let (info, rule) = (pair.get_item(0)?, pair.get_item(1)?);
        let stop: f64 = field(&info, STOP_SHARE, intern!(py, "stop_share"))?.extract()?;
        let words: i32 = field(&info, N_WORDS, intern!(py, "n_words"))?.extract()?;
        let near = around.get_item(k)?;
        let near = near.downcast::<PyTuple>()?;
        let (up, down) = (near.get_item(1)?, near.get_item(2)?);
        let text = field(&info, TEXT, intern!(py, "text"))?;
        let flags = u8::from(field(&info, PROSE, intern!(py, "prose"))?.is_truthy()?)
            + 2 * u8::from(field(&info, SENTENCE, intern!(py, "sentence"))?.is_truthy()?)
            + 4 * u8::from(!rule.is_none())
            + 8 * u8::from(!up.is_none())
            + 16 * u8::from(!down.is_none())
            + 32 * u8::from(text.eq(texts.get_item(k)?)?);
        out.extend_from_slice(&stop.to_le_bytes());
        out.extend_from_slice(&words.to_le_bytes());
        out.push(flags);
        out.extend_from_slice(&key(near.get_item(0)?)?.to_le_bytes());
        out.extend_from_slice(&key(up)?.to_le_bytes());
        out.extend_from_slice(&key(down)?.to_le_bytes());
        out.push(marks.get_item(k)?.extract::<u8>()?);
    }
    Ok(PyBytes::new(py, &out))
}

/// The bytes of a row of ``scratch.line_shapes.ROW`` (packed: 8 + 4 + 1 + 3 x 8 + 1).
const ROW_BYTES: usize = 38;

/// Adds `first_rules` and `memo_shapes` to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(first_rules, m)?)?;
    m.add_function(wrap_pyfunction!(memo_shapes, m)?)?;
    m.add_function(wrap_pyfunction!(shape_rows, m)?)
}
