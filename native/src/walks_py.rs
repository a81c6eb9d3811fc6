//! The Python bindings of the smaller walks of `boilerplate/mark.py` over a page's lines: the
//! hard-wrapped units of `_wrapped_prose` (`wrapped_units`, native/src/mark.rs).

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

use crate::mark::{self, STOP_END};

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
    let py = infos.py();
    let n = marks.len();
    if infos.len() != n || flags.len() != n {
        return Err(pyo3::exceptions::PyValueError::new_err("infos, flags and marks differ in length"));
    }
    let mut joins = vec![false; n];
    let mut above_kept = n > 0 && flags.get_item(0)?.is_none();
    for k in 1..n {
        let kept = flags.get_item(k)?.is_none();
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

/// Adds `wrapped_units` to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(wrapped_units, m)?)
}
