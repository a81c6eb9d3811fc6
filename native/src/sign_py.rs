//! The bindings of `sign` (paragraphs, Python strings read where Python stores them, to their
//! LSH band keys in one call), `lsh_pairs` (the candidate pairs of the band keys) and `settled`
//! (a band's or an anchor part's pairs less those families settle; exact groups and families).

use numpy::{PyArray1, PyArray2, PyArrayMethods, PyReadonlyArray1, PyReadonlyArray2, PyUntypedArrayMethods};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::chars::{self, BMP};
use crate::lsh_pairs;
use crate::settled;
use crate::python_chars::units;
use crate::sign::{self, Params};
use crate::{resolve_threads, InputError};

/// What `sign_paragraphs` returns.
type Signing<'py> = (
    Bound<'py, PyArray1<i32>>,
    Bound<'py, PyArray1<i32>>,
    Bound<'py, PyArray2<u64>>,
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray2<u64>>,
    Bound<'py, PyArray2<u64>>,
    Bound<'py, PyArray1<u32>>,
    Bound<'py, PyArray1<i32>>,
);

/// Word counts, LSH band keys, exact and masked keys, anchors and NFKC suspects of paragraphs
/// (``minhash.sign_paragraphs``).
///
/// Args:
///     texts: the paragraphs (a list of str).
///     table: uint32, the entry of each code point of the Basic Multilingual Plane (65,536).
///     astral_entry: a callable returning the entry (an int) of a code point above U+FFFF; it is
///         called once per distinct such code point, before the GIL is released.
///     ngram: words per shingle (1 or more).
///     a: uint32, the multiplier of each permutation (``bands * len(mult)`` of them at least).
///     b: uint32, the addend of each permutation (as many as ``a``).
///     mult: uint64, one multiplier per row of a band.
///     bands: LSH bands.
///     flag: the entry bit whose paragraphs are listed.
///     threads: threads to split the paragraphs between (0: every core).
///     digit: the entry bit of a digit (numbers, for the masked keys).
///     exact: compute the exact and masked keys.
///     anchor_modulus: keep the shingles whose hash is 0 modulo this as anchors (0: none).
///
/// Returns:
///     ``(n_words, signed, keys, flagged, exact, masked, anchor_keys, anchor_owner)``: int32
///     words of each paragraph, the int32 ids of the paragraphs with shingles, their uint64 band
///     keys ``(len(signed), bands)``, the int64 ids of the paragraphs holding an entry with
///     ``flag``, the uint64 exact and masked keys ``(len(texts), 2)`` (``(0, 2)`` without
///     ``exact``), and the uint32 anchors with the int32 paragraph of each.
///
/// Raises:
///     TypeError: ``texts`` holds something other than a str, or an array is not a contiguous
///         array of its dtype.
///     ValueError: a bad table, ``ngram`` 0, too few permutations for the bands, or no rows.
#[pyfunction]
#[pyo3(signature = (texts, table, astral_entry, ngram, a, b, mult, bands, flag, threads = 1, digit = 0, exact = false, anchor_modulus = 0))]
#[allow(clippy::too_many_arguments)]
fn sign_paragraphs<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    table: PyReadonlyArray1<'py, u32>,
    astral_entry: &Bound<'py, PyAny>,
    ngram: usize,
    a: PyReadonlyArray1<'py, u32>,
    b: PyReadonlyArray1<'py, u32>,
    mult: PyReadonlyArray1<'py, u64>,
    bands: usize,
    flag: u32,
    threads: usize,
    digit: u32,
    exact: bool,
    anchor_modulus: u32,
) -> PyResult<Signing<'py>> {
    // Strong references to the strings, held until the keys are made: no other thread can
    // free one while the GIL is released below (even if it empties the list).
    let strings: Vec<Bound<'py, PyString>> =
        texts.iter().map(|t| t.downcast_into::<PyString>().map_err(PyErr::from)).collect::<PyResult<_>>()?;
    let units = strings.iter().map(units).collect::<PyResult<Vec<_>>>()?;
    let astral = chars::astral_code_points(&units);
    let astral_entries = astral.iter().map(|&c| astral_entry.call1((c,))?.extract::<u32>()).collect::<PyResult<Vec<_>>>()?;
    let table: &[u32; BMP] = table
        .as_slice()?
        .try_into()
        .map_err(|_| InputError(format!("the table holds {} entries, not {BMP}", table.len())))?;
    let (a, b, mult) = (a.as_slice()?, b.as_slice()?, mult.as_slice()?);
    let p = Params { table, astral: &astral, astral_entries: &astral_entries, ngram, a, b, mult, bands, flag, digit, exact, anchor_modulus };
    let threads = resolve_threads(threads);
    let out = py.allow_threads(|| sign::sign(&units, &p, threads))?;
    let n = out.signed.len();
    let keyed = out.exact.len() / 2;
    Ok((
        PyArray1::from_vec(py, out.n_words),
        PyArray1::from_vec(py, out.signed),
        PyArray1::from_vec(py, out.keys).reshape([n, bands])?,
        PyArray1::from_vec(py, out.flagged),
        PyArray1::from_vec(py, out.exact).reshape([keyed, 2])?,
        PyArray1::from_vec(py, out.masked).reshape([keyed, 2])?,
        PyArray1::from_vec(py, out.anchor_keys),
        PyArray1::from_vec(py, out.anchor_owner),
    ))
}

/// The distinct pairs of ids sharing a key in some band (``lsh.band_pairs``, ``lsh.band_codes``).
///
/// Args:
///     keys: uint64 band keys, shape ``(len(ids), bands)``, C-contiguous.
///     ids: int64, the id of each row (in ``0..2**31``).
///     threads: threads to split the bands between (0: every core).
///
/// Returns:
///     int64 array of the sorted, distinct ``lo << 32 | hi`` codes (``lo < hi``).
///
/// Raises:
///     ValueError: ``keys`` has not one row per id, or an id is outside ``0..2**31``.
///     TypeError: an argument is not a contiguous numpy array of its dtype.
#[pyfunction]
#[pyo3(signature = (keys, ids, threads = 1))]
fn band_pair_codes<'py>(
    py: Python<'py>,
    keys: PyReadonlyArray2<'py, u64>,
    ids: PyReadonlyArray1<'py, i64>,
    threads: usize,
) -> PyResult<Bound<'py, PyArray1<i64>>> {
    let cols = keys.shape()[1];
    let (k, i) = (keys.as_slice()?, ids.as_slice()?);
    let threads = resolve_threads(threads);
    let out = py.allow_threads(|| lsh_pairs::band_pair_codes(k, cols, i, threads))?;
    Ok(PyArray1::from_vec(py, out))
}

/// The pair codes of the positions sharing a key less those families settle, and how many were
/// left out (``analysis.settled_band_codes``, ``analysis.settled_anchor_codes``; see
/// ``native/src/settled.rs``).
///
/// Args:
///     keys: uint64, the key of each position.
///     ids: int64, the paragraph id of each position (in ``0..2**31``).
///     family: int64, the family of every paragraph id.
///     variant: int64, the variant of every paragraph id.
///     max_group: keys shared by more positions give no pair (None: none is ignored).
///     distinct: a band's pairs (each kind sorted and without repeats, as ``lsh.band_codes``
///         gives them) rather than an anchor part's (a pair once per key it shares).
///
/// Returns:
///     ``(codes, left_out)``: the int64 ``lo << 32 | hi`` codes in no particular order, and the
///     pairs left out.
///
/// Raises:
///     ValueError: arrays of unequal lengths, or an id outside ``0..2**31`` or without a family.
///     TypeError: an argument is not a contiguous numpy array of its dtype.
#[pyfunction]
fn settled_pair_codes<'py>(
    py: Python<'py>,
    keys: PyReadonlyArray1<'py, u64>,
    ids: PyReadonlyArray1<'py, i64>,
    family: PyReadonlyArray1<'py, i64>,
    variant: PyReadonlyArray1<'py, i64>,
    max_group: Option<usize>,
    distinct: bool,
) -> PyResult<(Bound<'py, PyArray1<i64>>, i64)> {
    let (k, i, f, v) = (keys.as_slice()?, ids.as_slice()?, family.as_slice()?, variant.as_slice()?);
    let out = py.allow_threads(|| settled::settled_pair_codes(k, i, f, v, max_group, distinct))?;
    Ok((PyArray1::from_vec(py, out.codes), out.left_out))
}

/// Per position, the first id whose key pair is its own (``analysis.exact_groups``, ``analysis.families``).
///
/// Args:
///     ids: int64, the id of each position (ascending: the smallest id with the key).
///     a: uint64, the first key of each position.
///     b: uint64, the second key of each position.
///
/// Returns:
///     int64 array, per position the id of the first position with the same ``(a, b)``.
///
/// Raises:
///     ValueError: arrays of unequal lengths.
///     TypeError: an argument is not a contiguous numpy array of its dtype.
#[pyfunction]
fn first_of_keys<'py>(
    py: Python<'py>,
    ids: PyReadonlyArray1<'py, i64>,
    a: PyReadonlyArray1<'py, u64>,
    b: PyReadonlyArray1<'py, u64>,
) -> PyResult<Bound<'py, PyArray1<i64>>> {
    let (i, a, b) = (ids.as_slice()?, a.as_slice()?, b.as_slice()?);
    let out = py.allow_threads(|| settled::first_of_keys(i, a, b))?;
    Ok(PyArray1::from_vec(py, out))
}

/// Adds this module's functions to ``nettoyeur._core``.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(sign_paragraphs, m)?)?;
    m.add_function(wrap_pyfunction!(band_pair_codes, m)?)?;
    m.add_function(wrap_pyfunction!(settled_pair_codes, m)?)?;
    m.add_function(wrap_pyfunction!(first_of_keys, m)?)?;
    Ok(())
}
