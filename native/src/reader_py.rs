//! The Python bindings of `lines` and `repair_gate`: `nettoyeur._core.LineSplitter` (a decoded
//! text into its lines and `Paragraph` records, `text.split.split_lines`) and
//! `nettoyeur._core.RepairGate` (`text.repair_gate.may_need_repair`), each made once per process
//! from Python's own tables, and asked about a whole document in one call.

use numpy::PyReadonlyArray1;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyType};

use crate::chars::Units;
use crate::lines::{self, Spaces};
use crate::python_chars::units;
use crate::repair_gate::{Check, Gate};
use crate::shapes_py::Shapes;

/// `text[start:end]` of a Python string.
fn substring<'py>(py: Python<'py>, text: &Bound<'py, PyString>, start: usize, end: usize) -> PyResult<Bound<'py, PyString>> {
    debug_assert!(start <= end);
    // SAFETY: `text` is a live str (the caller holds a strong reference) and the GIL is held;
    // PyUnicode_Substring clamps `end` to the length and returns a new reference, or NULL with an
    // exception set, which `from_owned_ptr_or_err` turns into the error. Its result is a str, so
    // the unchecked downcast holds. The bounds come from `lines::split_lines` on this same text, so
    // they are within it and never beyond `isize::MAX` (a str's length is a Py_ssize_t).
    unsafe {
        let ptr = pyo3::ffi::PyUnicode_Substring(text.as_ptr(), start as pyo3::ffi::Py_ssize_t, end as pyo3::ffi::Py_ssize_t);
        Ok(Bound::from_owned_ptr_or_err(py, ptr)?.downcast_into_unchecked())
    }
}

/// Splits decoded texts into lines and paragraphs (``text.split.split_lines``).
///
/// Args:
///     spaces: every white-space character (``str.isspace``), as one string.
///     paragraph: the ``records.Paragraph`` class, called as ``Paragraph(index, line, text, original)``.
#[pyclass(module = "nettoyeur._core", frozen)]
pub struct LineSplitter {
    spaces: Spaces,
    paragraph: Py<PyType>,
}

impl LineSplitter {
    /// A ``Paragraph(index, line, body, body)``. (Made without its ``__init__``, with
    /// ``object.__new__`` and six ``setattr``, it costs as much: the call is not the cost.)
    fn paragraph<'py>(&self, py: Python<'py>, index: usize, line: usize, body: Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
        self.paragraph.bind(py).call1((index, line, body.clone(), body))
    }
}

#[pymethods]
impl LineSplitter {
    #[new]
    fn new(spaces: &Bound<'_, PyString>, paragraph: Bound<'_, PyType>) -> PyResult<Self> {
        let cps: Vec<u32> = match units(spaces)? {
            Units::U8(s) => s.iter().map(|&c| c as u32).collect(),
            Units::U16(s) => s.iter().map(|&c| c as u32).collect(),
            Units::U32(s) => s.to_vec(),
        };
        Ok(LineSplitter { spaces: Spaces::new(&cps), paragraph: paragraph.unbind() })
    }

    /// The lines of ``text`` (each with its ending) and its paragraphs (its non-blank lines).
    ///
    /// Returns:
    ///     ``(lines, paragraphs)``: strings split on ``\r\n``, ``\r`` and ``\n`` only, and a
    ///     ``Paragraph`` for each line with a character that is not white space: its index, its
    ///     1-based line number, and the line without its ending as its text and original.
    fn split<'py>(&self, py: Python<'py>, text: &Bound<'py, PyString>) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyList>)> {
        let u = units(text)?;
        // `u` borrows the code points of `text`, which this call holds a reference to and which no
        // one can change: reading them without the GIL is safe.
        let found = py.allow_threads(|| lines::split_lines(u, &self.spaces));
        let mut out = Vec::with_capacity(found.len());
        let mut paragraphs = Vec::with_capacity(found.len());
        for (k, l) in found.iter().enumerate() {
            let line = substring(py, text, l.start, l.end)?;
            if l.paragraph {
                let body = if l.body_end == l.end { line.clone() } else { substring(py, text, l.start, l.body_end)? };
                paragraphs.push(self.paragraph(py, paragraphs.len(), k + 1, body)?);
            }
            out.push(line);
        }
        Ok((PyList::new(py, out)?, PyList::new(py, paragraphs)?))
    }

    /// What pass 1 reads of a text, without its lines, ``Paragraph`` records or paragraph strings:
    /// ``Shapes.line_keys`` of the bodies of its paragraphs (as :meth:`split` makes them) of at most
    /// ``max_chars`` characters, where the repair gate finds no line that may need repair. The bodies
    /// were made strings for ``line_keys`` to read: on the 10,686 files of the 300k-paragraph
    /// benchmark corpus that and the keys took 0.354 CPU-s, this call 0.302 (one process, best of 5).
    ///
    /// Args:
    ///     text: the decoded text.
    ///     gate: the repair gate (``text.repair_gate``'s).
    ///     shapes: the line shapes' core (``boilerplate.line_shapes.shapes_core()``).
    ///     limit: ``FREQUENCY_MAX_WORDS``.
    ///     max_chars: longer paragraphs are left out.
    ///
    /// Returns:
    ///     ``(paragraphs, suspect, keys)``: the number of paragraphs, ``gate.any_may_need_repair``
    ///     of the lines :meth:`split` makes (endings included), and ``Shapes.line_keys`` of the
    ///     bodies kept, or None where ``suspect`` (the caller repairs the text and asks about its
    ///     repaired paragraphs).
    fn line_keys<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
        gate: &Bound<'py, RepairGate>,
        shapes: &Bound<'py, Shapes>,
        limit: usize,
        max_chars: usize,
    ) -> PyResult<(usize, bool, Option<Vec<u64>>)> {
        let (found, suspect) = self.gated(py, text, gate)?;
        let paragraphs = found.iter().filter(|l| l.paragraph).count();
        if suspect {
            return Ok((paragraphs, true, None));
        }
        let u = units(text)?;
        let bodies = found.iter().filter(|l| l.paragraph && l.body_end - l.start <= max_chars).map(|l| slice(u, l.start, l.body_end));
        let keys = shapes.borrow_mut().unit_line_keys(py, bodies, limit)?;
        Ok((paragraphs, false, Some(keys)))
    }
}

impl LineSplitter {
    /// The lines of `text`, and ``gate.any_may_need_repair`` of them (each with its ending).
    fn gated<'py>(&self, py: Python<'py>, text: &Bound<'py, PyString>, gate: &Bound<'py, RepairGate>) -> PyResult<(Vec<lines::Line>, bool)> {
        let u = units(text)?;
        // As in `split`: `text` is held and immutable, so its code points are read without the GIL.
        let found = py.allow_threads(|| lines::split_lines(u, &self.spaces));
        let gate = gate.get();
        // The gate asks about each line with its ending, as `any_may_need_repair(lines)` does: a
        // line whose scan says "compose" is made a string only then (rare), and asked last.
        let mut compose = Vec::new();
        for l in &found {
            match gate.gate.check(slice(u, l.start, l.end)) {
                Check::Clean => {}
                Check::Suspect => return Ok((found, true)),
                Check::Compose => compose.push(*l),
            }
        }
        for l in &compose {
            if gate.composed(py, &substring(py, text, l.start, l.end)?)? {
                return Ok((found, true));
            }
        }
        Ok((found, false))
    }
}

/// `units[start..end]`.
fn slice(units: Units<'_>, start: usize, end: usize) -> Units<'_> {
    match units {
        Units::U8(s) => Units::U8(&s[start..end]),
        Units::U16(s) => Units::U16(&s[start..end]),
        Units::U32(s) => Units::U32(&s[start..end]),
    }
}

/// The repair gate (``text.repair_gate.may_need_repair``) of Python's tables.
///
/// Args:
///     classes: uint8, the class of each code point up to U+FFFF, then that of every one above.
///     pairs: bool, ``count * count`` row-major: class ``a`` then class ``b`` may start damage
///         (the rows of the classes that matter alone are full).
///     single: bool, ``count``: the class matters alone.
///     composing: bool, as long as ``classes``: the code point may change a text under NFC.
///     plain_astral: ``(lo, hi)`` ranges above U+FFFF where no character changes under NFC.
///     entities: whether ftfy's entity pattern is ``&#?[0-9A-Za-z]{1,24};`` (else any ``&`` passes).
///     compose: ``text -> str | None``: the NFC form of a text, None when it is already NFC.
///
/// Raises:
///     ValueError: the tables do not fit together (lengths, classes, a single class's row).
#[pyclass(module = "nettoyeur._core", frozen)]
pub struct RepairGate {
    gate: Gate,
    compose: Py<PyAny>,
}

impl RepairGate {
    /// The answer for a text whose scan said [`Check::Compose`]: the scan of its NFC form.
    fn composed(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<bool> {
        let composed = self.compose.bind(py).call1((text,))?;
        if composed.is_none() {
            return Ok(false);
        }
        let composed = composed.downcast_into::<PyString>()?;
        Ok(self.gate.hit(units(&composed)?))
    }
}

#[pymethods]
impl RepairGate {
    #[new]
    fn new(
        classes: PyReadonlyArray1<'_, u8>,
        pairs: PyReadonlyArray1<'_, bool>,
        single: PyReadonlyArray1<'_, bool>,
        composing: PyReadonlyArray1<'_, bool>,
        plain_astral: Vec<(u32, u32)>,
        entities: bool,
        compose: Py<PyAny>,
    ) -> PyResult<Self> {
        let gate = Gate::new(
            classes.as_slice()?.to_vec(),
            pairs.as_slice()?.to_vec(),
            single.as_slice()?.to_vec(),
            composing.as_slice()?.to_vec(),
            plain_astral,
            entities,
        )?;
        Ok(RepairGate { gate, compose })
    }

    /// Whether ftfy may change ``text`` beyond composing it (False: it leaves it as it is).
    fn may_need_repair(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<bool> {
        match self.gate.check(units(text)?) {
            Check::Clean => Ok(false),
            Check::Suspect => Ok(true),
            Check::Compose => self.composed(py, text),
        }
    }

    /// Whether ftfy may change one of ``texts`` (a list of strings) beyond composing it.
    ///
    /// Raises:
    ///     TypeError: an item is not a string.
    fn any_may_need_repair(&self, py: Python<'_>, texts: &Bound<'_, PyList>) -> PyResult<bool> {
        // Line by line, with the GIL held: a line is short (a few hundred code points, scanned in
        // well under a microsecond), and releasing the GIL for each would cost more than the scan.
        let mut compose = Vec::new();
        for text in texts.iter() {
            let text = text.downcast_into::<PyString>()?;
            match self.gate.check(units(&text)?) {
                Check::Clean => {}
                Check::Suspect => return Ok(true),
                Check::Compose => compose.push(text),
            }
        }
        for text in &compose {
            if self.composed(py, text)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// How many of the first ``limit`` bytes of ``data`` are C0 controls other than tab, LF, VT, FF,
/// CR and ESC (``text.decode.decode``'s binary test; ``lines::control_bytes``).
#[pyfunction]
fn control_bytes(data: &[u8], limit: usize) -> usize {
    lines::control_bytes(&data[..limit.min(data.len())])
}

/// Adds this module's classes to ``nettoyeur._core``.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(control_bytes, m)?)?;
    m.add_class::<LineSplitter>()?;
    m.add_class::<RepairGate>()
}
