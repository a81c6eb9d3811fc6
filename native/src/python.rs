//! The Python bindings: `nettoyeur._core`. Entry points take numpy arrays of exact dtypes
//! (a wrong dtype or a non-contiguous array raises `TypeError`, a bad shape or offset
//! `ValueError`, an output too large to allocate `MemoryError`), check their input before
//! allocating, release the GIL while the kernels run, and return new numpy arrays.

use numpy::{PyArray1, PyArray2, PyArrayMethods, PyReadonlyArray1, PyReadonlyArray2, PyUntypedArrayMethods};
use pyo3::exceptions::{PyMemoryError, PyValueError};
use pyo3::prelude::*;

use crate::{lsh, minhash, resolve_threads, InputError};

impl From<InputError> for PyErr {
    fn from(e: InputError) -> PyErr {
        PyValueError::new_err(e.0)
    }
}

/// A zeroed buffer of `rows * cols` values, or `MemoryError` (never an abort) when it cannot be had.
fn zeroed<T: Clone + Default>(rows: usize, cols: usize) -> PyResult<Vec<T>> {
    let len = rows
        .checked_mul(cols)
        .ok_or_else(|| PyMemoryError::new_err(format!("an output of {rows} x {cols} values is too large")))?;
    let mut out = Vec::new();
    out.try_reserve_exact(len)
        .map_err(|_| PyMemoryError::new_err(format!("cannot allocate an output of {rows} x {cols} values")))?;
    out.resize(len, T::default());
    Ok(out)
}

/// Hands a row-major buffer to numpy (no copy) as a `(rows, cols)` array.
fn to_numpy<'py, T: numpy::Element>(py: Python<'py>, data: Vec<T>, rows: usize, cols: usize) -> PyResult<Bound<'py, PyArray2<T>>> {
    PyArray1::from_vec(py, data).reshape([rows, cols])
}

/// MinHash signatures of the segments of a flat array of 32-bit shingle hashes.
///
/// Args:
///     hashes: uint32, the shingle hashes, segment after segment.
///     offsets: int64, segments + 1 strictly increasing positions into ``hashes``.
///     a: uint32, the multiplier of each permutation.
///     b: uint32, the addend of each permutation (as many as ``a``).
///     threads: threads to split the segments between (0: every core).
///
/// Returns:
///     uint32 array of shape ``(segments, len(a))``.
///
/// Raises:
///     ValueError: offsets outside ``hashes`` or not strictly increasing (an empty
///         segment has no minimum), or ``a`` and ``b`` of different lengths.
///     TypeError: an argument is not a contiguous numpy array of its dtype.
///     MemoryError: the signatures do not fit in memory.
#[pyfunction]
#[pyo3(signature = (hashes, offsets, a, b, threads = 1))]
fn minhash_signatures<'py>(
    py: Python<'py>,
    hashes: PyReadonlyArray1<'py, u32>,
    offsets: PyReadonlyArray1<'py, i64>,
    a: PyReadonlyArray1<'py, u32>,
    b: PyReadonlyArray1<'py, u32>,
    threads: usize,
) -> PyResult<Bound<'py, PyArray2<u32>>> {
    let (h, o, a, b) = (hashes.as_slice()?, offsets.as_slice()?, a.as_slice()?, b.as_slice()?);
    let n = minhash::check_offsets(o, h.len())?;
    if a.len() != b.len() {
        return Err(InputError(format!("a has {} permutations, b {}", a.len(), b.len())).into());
    }
    let mut out = zeroed::<u32>(n, a.len())?;
    let threads = resolve_threads(threads);
    py.allow_threads(|| minhash::signatures(h, o, a, b, &mut out, threads))?;
    to_numpy(py, out, n, a.len())
}

/// LSH band keys: each band of ``len(mult)`` slots of each signature folded into a 64-bit key.
///
/// Args:
///     sigs: uint32 signatures, shape ``(n, slots)``, C-contiguous.
///     mult: uint64, one multiplier per row of a band.
///     bands: the number of bands (``bands * len(mult) <= slots``).
///     threads: threads to split the signatures between (0: every core).
///
/// Returns:
///     uint64 array of shape ``(n, bands)``.
///
/// Raises:
///     ValueError: the bands need more slots than a signature has, or a band has no row.
///     TypeError: an argument is not a contiguous numpy array of its dtype.
///     MemoryError: the keys do not fit in memory.
#[pyfunction]
#[pyo3(signature = (sigs, mult, bands, threads = 1))]
fn lsh_band_keys<'py>(
    py: Python<'py>,
    sigs: PyReadonlyArray2<'py, u32>,
    mult: PyReadonlyArray1<'py, u64>,
    bands: usize,
    threads: usize,
) -> PyResult<Bound<'py, PyArray2<u64>>> {
    let (n, cols) = (sigs.shape()[0], sigs.shape()[1]);
    let (s, m) = (sigs.as_slice()?, mult.as_slice()?);
    if m.is_empty() && bands > 0 {
        return Err(InputError("a band needs at least one row (mult is empty)".into()).into());
    }
    if bands as u128 * m.len() as u128 > cols as u128 {
        return Err(InputError(format!("{bands} bands x {} rows need more than the {cols} slots of a signature", m.len())).into());
    }
    let mut out = zeroed::<u64>(n, bands)?;
    if cols > 0 {
        // (With no slots there are no bands either: nothing to fold, and no rows to cut.)
        let threads = resolve_threads(threads);
        py.allow_threads(|| lsh::band_keys(s, cols, m, bands, &mut out, threads))?;
    }
    to_numpy(py, out, n, bands)
}

/// The native core of nettoyeur (see the README's "Native core").
#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(minhash_signatures, m)?)?;
    m.add_function(wrap_pyfunction!(lsh_band_keys, m)?)?;
    Ok(())
}
