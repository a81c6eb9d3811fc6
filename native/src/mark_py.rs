//! The Python bindings of `mark`: the per-line tests of `boilerplate/mark.py` for a document's
//! lines in one call (`line_marks`), and the blocks of `_outlying` (`outlying_blocks`).

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::mark::{self, BlockLimits, BlockLine, MenuLimits};
use crate::shapes_py::Shapes;

/// The flags of each line (``mark.LETTER`` ...; native/src/mark.rs), from the shapes' character table.
///
/// Args:
///     shapes: the process's ``Shapes`` (``line_shapes.shapes_core()``).
///     texts: the lines (collapsed).
///     min_parts: ``MENU_MIN_PARTS``.
///     part_words: ``MENU_PART_WORDS``.
///
/// Raises:
///     TypeError: an item of ``texts`` is not a string.
#[pyfunction]
fn line_marks(shapes: &Bound<'_, Shapes>, texts: &Bound<'_, PyAny>, min_parts: usize, part_words: usize) -> PyResult<Vec<u32>> {
    let py = shapes.py();
    let mut shapes = shapes.borrow_mut();
    let mut lines = Vec::new();
    for text in texts.try_iter()? {
        lines.push(shapes.read(py, text?.downcast::<PyString>()?)?);
    }
    let table = &shapes.table;
    let limits = MenuLimits { min_parts, part_words };
    Ok(py.allow_threads(|| lines.iter().map(|line| mark::line_marks(table, line, limits)).collect()))
}

/// ``_outlying`` up to the article's vocabulary: the blocks of a page weighed by their prose.
///
/// Args:
///     infos: the lines' shapes (``LineInfo``: ``label``, ``prose`` and ``n_words`` are read).
///     flags: their verdicts so far (None: not flagged).
///     marks: their ``line_marks``.
///     gap, labels, share, label_share: ``OUTLYING_GAP``, ``OUTLYING_LABELS``, ``OUTLYING_SHARE``,
///         ``OUTLYING_LABEL_SHARE``.
///
/// Returns:
///     None when the page is one block or has no prose; else the main block's prose lines and
///     the blocks with too little prose to be the article (lists of line positions).
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
) -> PyResult<Option<(Vec<usize>, Vec<Vec<usize>>)>> {
    let py = infos.py();
    let mut lines = Vec::with_capacity(marks.len());
    for (info, flag) in infos.try_iter()?.zip(flags.try_iter()?) {
        let (info, flag) = (info?, flag?);
        let k = lines.len();
        let flagged = !flag.is_none();
        let letter = marks.get(k).map_or(false, |m| m & mark::LETTER != 0);
        // `label` is read only where `_outlying` reads it: on unflagged lines.
        let bare = !flagged && letter && info.getattr(intern!(py, "label"))?.is_truthy()?;
        let prose = info.getattr(intern!(py, "prose"))?.is_truthy()?;
        let n_words: usize = info.getattr(intern!(py, "n_words"))?.extract()?;
        lines.push(BlockLine { flagged, bare, prose, n_words });
    }
    if lines.len() != marks.len() || flags.len()? != marks.len() || infos.len()? != marks.len() {
        return Err(pyo3::exceptions::PyValueError::new_err("infos, flags and marks differ in length"));
    }
    let limits = BlockLimits { gap, labels, share, label_share };
    let found = py.allow_threads(|| mark::outlying_blocks(&lines, limits));
    Ok(found.map(|o| (o.main_prose, o.candidates)))
}

/// Adds `line_marks` and `outlying_blocks` to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(line_marks, m)?)?;
    m.add_function(wrap_pyfunction!(outlying_blocks, m)?)
}
