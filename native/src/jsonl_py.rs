//! The Python binding of `jsonl`: `nettoyeur._core.json_lines`, the report's JSON Lines of many
//! records in one call (`report.report_file`).
//!
//! The walk reads Python objects (dicts, lists, strings, numbers), so it holds the GIL: there is
//! no plain Rust data to work on without it. It writes the exact types a record holds (`dict`
//! with `str` keys, `list`, `tuple`, `str`, `int`, `float`, `bool`, `None`); a record holding
//! anything else (another type, a key that is not a string, nesting deeper than `MAX_DEPTH`, a
//! cycle) is handed to the caller's `plain` function, the definition in Python, which writes it
//! or raises what `json.dumps` raises.

use std::cmp::Ordering;
use std::io::Write;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyStringData, PyTuple};

use crate::jsonl::{write_string, Surrogate};

/// Containers inside containers a record may hold before `plain` takes it (a report record has
/// two levels: the record and its `repairs` list; the limit also ends a cycle).
const MAX_DEPTH: usize = 64;

/// Why a record was not written in this mode.
pub(crate) enum Stop {
    /// A lone surrogate in readable mode: written again in ASCII mode.
    Surrogate,
    /// Something only `plain` writes.
    Plain,
    /// A Python error (a failed `repr`): raised.
    Py(PyErr),
}

impl From<PyErr> for Stop {
    fn from(err: PyErr) -> Stop {
        Stop::Py(err)
    }
}

impl From<Surrogate> for Stop {
    fn from(_: Surrogate) -> Stop {
        Stop::Surrogate
    }
}

/// The code points of a Python string, as its PEP 393 storage holds them.
fn units<'a>(s: &'a Bound<'_, PyString>) -> PyResult<PyStringData<'a>> {
    // SAFETY: `data` reads the string's canonical storage (PEP 393) through the bitfield of its
    // header, which PyO3 decodes for the little-endian targets it tests (x86_64, aarch64: the
    // ones nettoyeur is built for; `shapes_py` reads strings the same way); the property tests
    // compare every line written from it with Python's `json` on random Unicode, surrogates and
    // astral characters included. The slice borrows `s`, which is immutable and alive as long as
    // the borrow (the lifetime `'a` ties them).
    unsafe { s.data() }
}

fn write_py_string(out: &mut Vec<u8>, s: &Bound<'_, PyString>, ascii: bool) -> Result<(), Stop> {
    match units(s)? {
        PyStringData::Ucs1(b) => write_string(out, b, ascii)?,
        PyStringData::Ucs2(b) => write_string(out, b, ascii)?,
        PyStringData::Ucs4(b) => write_string(out, b, ascii)?,
    }
    Ok(())
}

/// Code point `i` of a string's storage.
fn unit(data: &PyStringData<'_>, i: usize) -> u32 {
    match data {
        PyStringData::Ucs1(b) => b[i] as u32,
        PyStringData::Ucs2(b) => b[i] as u32,
        PyStringData::Ucs4(b) => b[i],
    }
}

fn unit_len(data: &PyStringData<'_>) -> usize {
    match data {
        PyStringData::Ucs1(b) => b.len(),
        PyStringData::Ucs2(b) => b.len(),
        PyStringData::Ucs4(b) => b.len(),
    }
}

/// Python's order of two strings: by code point, a prefix first.
fn compare(a: &PyStringData<'_>, b: &PyStringData<'_>) -> Ordering {
    if let (PyStringData::Ucs1(x), PyStringData::Ucs1(y)) = (a, b) {
        return x.cmp(y);
    }
    let (n, m) = (unit_len(a), unit_len(b));
    for i in 0..n.min(m) {
        let order = unit(a, i).cmp(&unit(b, i));
        if order != Ordering::Equal {
            return order;
        }
    }
    n.cmp(&m)
}

/// Appends `value` as JSON (`json.dumps` with `sort_keys=True` and the default separators).
pub(crate) fn write_value(out: &mut Vec<u8>, value: &Bound<'_, PyAny>, ascii: bool, depth: usize) -> Result<(), Stop> {
    if let Ok(s) = value.downcast_exact::<PyString>() {
        write_py_string(out, s, ascii)
    } else if value.is_none() {
        out.extend_from_slice(b"null");
        Ok(())
    } else if let Ok(b) = value.downcast_exact::<PyBool>() {
        out.extend_from_slice(if b.is_true() { b"true" } else { b"false" });
        Ok(())
    } else if value.is_exact_instance_of::<PyInt>() {
        match value.extract::<i64>() {
            Ok(n) => write!(out, "{n}").map_err(|_| Stop::Plain),
            Err(_) => {
                out.extend_from_slice(value.str()?.to_str()?.as_bytes()); // int.__repr__, digits only
                Ok(())
            }
        }
    } else if value.is_exact_instance_of::<PyFloat>() {
        let x: f64 = value.extract()?;
        if x.is_nan() {
            out.extend_from_slice(b"NaN");
        } else if x.is_infinite() {
            out.extend_from_slice(if x > 0.0 { b"Infinity" } else { b"-Infinity" });
        } else {
            out.extend_from_slice(value.repr()?.to_str()?.as_bytes()); // float.__repr__, as json
        }
        Ok(())
    } else if depth >= MAX_DEPTH {
        Err(Stop::Plain)
    } else if let Ok(d) = value.downcast_exact::<PyDict>() {
        write_dict(out, d, ascii, depth + 1)
    } else if let Ok(l) = value.downcast_exact::<PyList>() {
        write_items(out, l.iter(), ascii, depth + 1)
    } else if let Ok(t) = value.downcast_exact::<PyTuple>() {
        write_items(out, t.iter(), ascii, depth + 1)
    } else {
        Err(Stop::Plain)
    }
}

fn write_items<'py>(
    out: &mut Vec<u8>,
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    ascii: bool,
    depth: usize,
) -> Result<(), Stop> {
    out.push(b'[');
    for (k, item) in items.enumerate() {
        if k > 0 {
            out.extend_from_slice(b", ");
        }
        write_value(out, &item, ascii, depth)?;
    }
    out.push(b']');
    Ok(())
}

fn write_dict(out: &mut Vec<u8>, d: &Bound<'_, PyDict>, ascii: bool, depth: usize) -> Result<(), Stop> {
    let mut items: Vec<(Bound<'_, PyString>, Bound<'_, PyAny>)> = Vec::with_capacity(d.len());
    for (key, value) in d.iter() {
        match key.downcast_into_exact::<PyString>() {
            Ok(key) => items.push((key, value)),
            Err(_) => return Err(Stop::Plain), // json's own rules for other keys: plain's
        }
    }
    let keys: Vec<PyStringData<'_>> = items.iter().map(|(k, _)| units(k)).collect::<PyResult<_>>()?;
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| compare(&keys[a], &keys[b]));
    out.push(b'{');
    for (k, &i) in order.iter().enumerate() {
        if k > 0 {
            out.extend_from_slice(b", ");
        }
        write_py_string(out, &items[i].0, ascii)?;
        out.extend_from_slice(b": ");
        write_value(out, &items[i].1, ascii, depth)?;
    }
    out.push(b'}');
    Ok(())
}

/// The report lines of `records`, each followed by `\n`, as UTF-8 bytes (see [`json_lines`]).
fn json_lines_utf8(records: &Bound<'_, PyAny>, plain: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let mut out: Vec<u8> = Vec::new();
    for record in records.try_iter()? {
        let record = record?;
        let start = out.len();
        let mut result = write_value(&mut out, &record, false, 0);
        if let Err(Stop::Surrogate) = result {
            out.truncate(start);
            result = write_value(&mut out, &record, true, 0);
        }
        match result {
            Ok(()) => {}
            Err(Stop::Py(err)) => return Err(err),
            Err(_) => {
                out.truncate(start);
                let line = plain.call1((&record,))?;
                out.extend_from_slice(line.downcast::<PyString>()?.to_str()?.as_bytes());
            }
        }
        out.push(b'\n');
    }
    Ok(out)
}

/// The report lines of `records`, each followed by `\n`, as one string.
///
/// Each line is `json.dumps(record, ensure_ascii=False, sort_keys=True)` with U+0085, U+2028
/// and U+2029 escaped, or with `ensure_ascii=True` for a record holding a lone surrogate; a
/// record with anything but the plain JSON types is `plain(record)`.
///
/// Raises:
///     TypeError, ValueError: from `plain` (a record that is not JSON).
#[pyfunction]
fn json_lines<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    plain: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyString>> {
    let out = json_lines_utf8(records, plain)?;
    // Valid UTF-8: literals from surrogate-free code points, ASCII besides, and `plain`'s text.
    let text = std::str::from_utf8(&out).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    Ok(PyString::new(py, text))
}

/// [`json_lines`] encoded in UTF-8: the same lines as bytes, for a file or another process.
///
/// A batch's report lines go to the main process and then to the report file as bytes: made a
/// string, they were decoded here, pickled, unpickled and encoded again (0.18 s of CPU for the
/// 38 MB report of the 300k-paragraph benchmark corpus, against 0.03 s as bytes).
///
/// Raises:
///     TypeError, ValueError: from `plain` (a record that is not JSON).
#[pyfunction]
fn json_lines_bytes<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    plain: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let out = json_lines_utf8(records, plain)?;
    Ok(PyBytes::new(py, &out))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(json_lines, m)?)?;
    m.add_function(wrap_pyfunction!(json_lines_bytes, m)?)
}
