//! The bindings of `chars`: the character-table entries of a batch of Python strings, read from
//! the strings' own storage (no joined copy, no UTF-32 encoding).

use numpy::{PyArray1, PyReadonlyArray1};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyStringData};

use crate::chars::{self, Units};

/// The code points of a string as CPython stores them.
pub(crate) fn units<'a>(s: &'a Bound<'_, PyString>) -> PyResult<Units<'a>> {
    // SAFETY: `data` reads the string's kind bit field, as PyO3 documents, on the little-endian
    // x86_64 and aarch64 targets this crate is built for (tests/native compare the result with
    // Python's own encoding of the same strings). The slice borrows `s`, which holds a strong
    // reference, so the string outlives it; a str's code points never change once it exists.
    Ok(match unsafe { s.data() }? {
        PyStringData::Ucs1(b) => Units::U8(b),
        PyStringData::Ucs2(b) => Units::U16(b),
        PyStringData::Ucs4(b) => Units::U32(b),
    })
}

/// The table entries of a batch of paragraphs, laid out as ``"\n".join(texts)`` (``shingle.tokenize``).
///
/// Args:
///     texts: the paragraphs (a list of str).
///     table: uint32, the entry of each code point of the Basic Multilingual Plane (65,536).
///     astral_entry: a callable returning the entry (an int) of a code point above U+FFFF; it is
///         called once per distinct such code point of the batch, before the GIL is released.
///
/// Returns:
///     ``(entries, lengths, flags)``: uint32 entries (each paragraph's characters, one ``"\n"``
///     entry between paragraphs), the int64 length of each paragraph, and the OR of all entries.
///
/// Raises:
///     TypeError: ``texts`` holds something other than a str, or ``table`` is not a contiguous
///         uint32 array.
///     ValueError: the table is not 65,536 entries long.
#[pyfunction]
fn char_entries<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    table: PyReadonlyArray1<'py, u32>,
    astral_entry: &Bound<'py, PyAny>,
) -> PyResult<(Bound<'py, PyArray1<u32>>, Bound<'py, PyArray1<i64>>, u32)> {
    // Strong references to the strings, held until the entries are made: no other thread can
    // free one while the GIL is released below (even if it empties the list).
    let strings: Vec<Bound<'py, PyString>> =
        texts.iter().map(|t| t.downcast_into::<PyString>().map_err(PyErr::from)).collect::<PyResult<_>>()?;
    let units = strings.iter().map(units).collect::<PyResult<Vec<_>>>()?;
    let astral = chars::astral_code_points(&units);
    let astral_entries = astral.iter().map(|&c| astral_entry.call1((c,))?.extract::<u32>()).collect::<PyResult<Vec<_>>>()?;
    let table = table.as_slice()?;
    let lengths: Vec<i64> = units.iter().map(|u| u.len() as i64).collect();
    let (entries, any) = py.allow_threads(|| chars::entries(&units, table, &astral, &astral_entries))?;
    Ok((PyArray1::from_vec(py, entries), PyArray1::from_vec(py, lengths), any))
}

/// Adds this module's functions to ``nettoyeur._core``.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(char_entries, m)?)?;
    Ok(())
}
