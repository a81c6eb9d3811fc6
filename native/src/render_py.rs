//! The Python binding of `render`: `nettoyeur._core.DocumentWriter`, the write pass's output and
//! report lines of a batch's documents (`run.passes.write_batch`), one call a document.

use numpy::PyReadonlyArray1;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};

use crate::chars::Units;
use crate::jsonl::write_string;
use crate::jsonl_py::{write_value, Stop as JsonStop};
use crate::lines::Spaces;
use crate::python_chars::units;
use crate::render::{self, Fields, Plan, Repaired, Stop, Tally};

/// The keys of a report record's own fields: a verdict holding one is written by Python (its
/// `dict.update` would replace the record's field).
const RECORD_KEYS: [&str; 7] = ["file", "id", "line", "paragraph", "text", "repairs", "original"];

/// The JSON literal of a Rust string.
fn literal(text: &str) -> Vec<u8> {
    let cps: Vec<u32> = text.chars().map(|c| c as u32).collect();
    let mut out = Vec::with_capacity(text.len() + 2);
    let _ = write_string(&mut out, &cps, false); // a Rust string holds no surrogate
    out
}

/// A verdict's ``to_dict()`` as report fields, or None where the Python path must write it (a
/// key that is not a plain string or is one of the record's own, a surrogate, a value `json_lines`
/// hands to Python, a reason that is not a string).
fn fields(value: &Bound<'_, PyAny>) -> PyResult<Option<Fields>> {
    let d = value.downcast::<PyDict>()?;
    let mut items = Vec::with_capacity(d.len());
    let mut reason = None;
    for (k, v) in d.iter() {
        let key: String = match k.downcast_exact::<PyString>().ok().and_then(|k| k.to_str().ok().map(str::to_string)) {
            Some(key) if !RECORD_KEYS.contains(&key.as_str()) => key,
            _ => return Ok(None),
        };
        let mut json = Vec::new();
        match write_value(&mut json, &v, false, 1) {
            Ok(()) => {}
            Err(JsonStop::Py(err)) => return Err(err),
            Err(_) => return Ok(None),
        }
        if key == "reason" {
            match v.downcast_exact::<PyString>().ok().and_then(|s| s.to_str().ok().map(str::to_string)) {
                Some(r) => reason = Some(r),
                None => return Ok(None),
            }
        }
        let lit = literal(&key);
        items.push((key, lit, json));
    }
    Ok(reason.map(|reason| Fields { items, reason }))
}

/// A repaired paragraph ``(index, text, repairs)`` as the kernel reads it, or None (a repair name
/// that is not a plain string).
fn repaired<'a>(item: &'a Bound<'_, PyTuple>, text: &'a Bound<'_, PyString>) -> PyResult<Option<Repaired<'a>>> {
    let index: usize = item.get_item(0)?.extract()?;
    let fixes = item.get_item(2)?;
    let mut names: Vec<String> = Vec::new();
    for name in fixes.try_iter()? {
        match name?.downcast_exact::<PyString>().ok().and_then(|s| s.to_str().ok().map(str::to_string)) {
            Some(n) => names.push(n),
            None => return Ok(None),
        }
    }
    let mut list = Vec::new();
    list.push(b'[');
    for (k, n) in names.iter().enumerate() {
        if k > 0 {
            list.extend_from_slice(b", ");
        }
        list.extend_from_slice(&literal(n));
    }
    list.push(b']');
    let reason = literal(&format!("encoding:{}", names.join("+")));
    Ok(Some(Repaired { index, text: units(text)?, repairs: list, reason }))
}

/// The run's boilerplate verdicts as report fields, made once a process (a run holds thousands:
/// 3,360 on 1M real paragraphs, each made again for every batch cost 0.13 s of Python alone).
///
/// Args:
///     table: each verdict as ``Verdict.to_dict()``.
#[pyclass(module = "nettoyeur._core", frozen)]
pub struct VerdictTable {
    fields: Vec<Option<Fields>>,
}

#[pymethods]
impl VerdictTable {
    #[new]
    fn new(table: &Bound<'_, PyList>) -> PyResult<Self> {
        Ok(VerdictTable { fields: table.iter().map(|d| fields(&d)).collect::<PyResult<Vec<_>>>()? })
    }

    fn __len__(&self) -> usize {
        self.fields.len()
    }
}

/// Writes the documents of a write-pass batch: each one's output bytes and report lines, from its
/// decoded text and the plan's verdicts (``text.split.join_kept`` and ``report_file.records``).
///
/// Args:
///     spaces: every white-space character (``str.isspace``), as one string.
///     table: the run's boilerplate verdicts.
///     keep: the ``--keep`` rule dedup's verdicts record (None for the default, ``first``).
///     quoted: the detail of a removal whose reason is ``quoted`` (``dedup.stage.QUOTED_DETAIL``).
#[pyclass(module = "nettoyeur._core")]
pub struct DocumentWriter {
    spaces: Spaces,
    table: Py<VerdictTable>,
    keep: Option<Vec<u8>>,
    quoted: Vec<u8>,
    report: Vec<u8>,
    tally: Tally,
}

impl DocumentWriter {
    /// ``make_verdict(reason, evidence, kept_doc, kept_line, kept_text, keep).to_dict()`` as report
    /// fields, made here from the removal's values (a ``Verdict`` and a dict a removal cost ~11 µs
    /// of Python: 1.6 s of the write pass on 1M real paragraphs), or None where the Python path
    /// must write it (a value of another type than ``to_dict`` and ``json_lines`` write here).
    fn dedup_fields(&self, item: &Bound<'_, PyTuple>) -> PyResult<Option<Fields>> {
        let reason = item.get_item(1)?;
        let (reason, quoted) = match reason.downcast_exact::<PyString>().ok().and_then(|s| s.to_str().ok()) {
            Some("quoted") => ("contained".to_string(), true),
            Some(r) => (r.to_string(), false),
            None => return Ok(None),
        };
        let mut items = vec![("reason".to_string(), literal("reason"), literal(&reason))];
        let evidence = item.get_item(2)?;
        let values = [
            ("kept_doc", item.get_item(3)?),
            ("kept_line", item.get_item(4)?),
            ("kept_text", item.get_item(5)?),
            ("estimated", evidence.get_item(0)?),
            ("jaccard", evidence.get_item(1)?),
            ("containment", evidence.get_item(2)?),
        ];
        for (key, value) in values {
            if value.is_none() {
                continue;
            }
            let value = if value.is_exact_instance_of::<PyFloat>() {
                value.call_method1("__round__", (4,))? // to_dict's round(value, 4)
            } else if value.is_exact_instance_of::<PyString>() || value.is_exact_instance_of::<PyInt>() {
                value
            } else {
                return Ok(None); // a float's subclass, another type: to_dict and json's own rules
            };
            let mut json = Vec::new();
            match write_value(&mut json, &value, false, 1) {
                Ok(()) => items.push((key.to_string(), literal(key), json)),
                Err(JsonStop::Py(err)) => return Err(err),
                Err(_) => return Ok(None),
            }
        }
        if quoted {
            items.push(("detail".to_string(), literal("detail"), self.quoted.clone()));
        }
        if let Some(keep) = &self.keep {
            items.push(("keep".to_string(), literal("keep"), keep.clone()));
        }
        Ok(Some(Fields { items, reason }))
    }
}

#[pymethods]
impl DocumentWriter {
    #[new]
    #[pyo3(signature = (spaces, table, keep, quoted))]
    fn new(spaces: &Bound<'_, PyString>, table: Py<VerdictTable>, keep: Option<&str>, quoted: &str) -> PyResult<Self> {
        let cps: Vec<u32> = match units(spaces)? {
            Units::U8(s) => s.iter().map(|&c| c as u32).collect(),
            Units::U16(s) => s.iter().map(|&c| c as u32).collect(),
            Units::U32(s) => s.to_vec(),
        };
        Ok(DocumentWriter {
            spaces: Spaces::new(&cps),
            table,
            keep: keep.map(literal),
            quoted: literal(quoted),
            report: Vec::new(),
            tally: Tally::default(),
        })
    }

    /// Writes one document: appends its report lines and counts its paragraphs.
    ///
    /// Args:
    ///     text: its decoded text (as its snapshot holds it).
    ///     codes: uint32, the batch's verdict codes (0, or 1 + the index of a ``table`` verdict).
    ///     position: where the document's codes begin.
    ///     max_chars: paragraphs longer than this are not analysed (take no paragraph id).
    ///     removed: ``(n, reason, evidence, kept_doc, kept_line, kept_text)``: dedup removed the
    ///         ``n``-th analysed paragraph (the arguments of ``dedup.stage.make_verdict``), in any order.
    ///     overrides: ``(paragraph index, verdict dict or None)``: the re-mark's changes.
    ///     repaired: ``(index, text, repairs)`` of each paragraph repair changed.
    ///     path: the document's path.
    ///     output: whether to make the output bytes.
    ///
    /// Returns:
    ///     ``(paragraphs, output bytes or None)``, or None for a document only the Python path
    ///     writes exactly (nothing appended or counted then).
    ///
    /// Raises:
    ///     ValueError: the codes or repairs do not fit the document.
    #[allow(clippy::too_many_arguments)]
    fn render<'py>(
        &mut self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
        codes: PyReadonlyArray1<'py, u32>,
        position: usize,
        max_chars: usize,
        removed: &Bound<'py, PyList>,
        overrides: &Bound<'py, PyList>,
        repaired: &Bound<'py, PyList>,
        path: &Bound<'py, PyString>,
        output: bool,
    ) -> PyResult<Option<(usize, Option<Bound<'py, PyBytes>>)>> {
        let codes = codes.as_slice()?;
        let codes = codes.get(position..).ok_or_else(|| PyValueError::new_err("position past the codes"))?;
        let mut own: Vec<Option<Fields>> = Vec::with_capacity(removed.len() + overrides.len());
        let mut removals: Vec<(usize, usize)> = Vec::with_capacity(removed.len());
        for item in removed.iter() {
            let item = item.downcast_into::<PyTuple>()?;
            let n: usize = item.get_item(0)?.extract()?;
            removals.push((n, own.len()));
            own.push(self.dedup_fields(&item)?);
        }
        removals.sort_unstable(); // the kernel walks them in order of `n`
        let mut changes: Vec<(usize, Option<usize>)> = Vec::with_capacity(overrides.len());
        for item in overrides.iter() {
            let (index, verdict): (usize, Bound<'py, PyAny>) = item.extract()?;
            if verdict.is_none() {
                changes.push((index, None));
            } else {
                changes.push((index, Some(own.len())));
                own.push(fields(&verdict)?);
            }
        }
        let items: Vec<Bound<'py, PyTuple>> = repaired.iter().map(|t| t.downcast_into::<PyTuple>().map_err(PyErr::from)).collect::<PyResult<_>>()?;
        let texts: Vec<Bound<'py, PyString>> = items.iter().map(|t| Ok(t.get_item(1)?.downcast_into::<PyString>()?)).collect::<PyResult<_>>()?;
        let mut fixes = Vec::with_capacity(items.len());
        for (item, fixed) in items.iter().zip(&texts) {
            match self::repaired(item, fixed)? {
                Some(r) => fixes.push(r),
                None => return Ok(None),
            }
        }
        let file = match units(path)? {
            Units::U8(s) => literal_of(s),
            Units::U16(s) => literal_of(s),
            Units::U32(s) => literal_of(s),
        };
        let file = match file {
            Some(file) => file,
            None => return Ok(None),
        };
        let plan = Plan { codes, max_chars, removed: &removals, overrides: &changes, repaired: &fixes };
        let table = self.table.get();
        let mut out = Vec::new();
        let found = render::render(
            units(text)?,
            &self.spaces,
            &file,
            &plan,
            &table.fields,
            &own,
            if output { Some(&mut out) } else { None },
            &mut self.report,
            &mut self.tally,
        );
        match found {
            Ok(n) => Ok(Some((n, if output { Some(PyBytes::new(py, &out)) } else { None }))),
            Err(Stop::Python) => Ok(None),
            Err(Stop::Input(err)) => Err(PyValueError::new_err(err.0)),
        }
    }

    /// Appends report lines the Python path wrote (a document :meth:`render` handed back), in order.
    fn append_report(&mut self, data: &[u8]) {
        self.report.extend_from_slice(data);
    }

    /// The report lines written since the last call (UTF-8), emptied.
    fn take_report<'py>(&mut self, py: Python<'py>) -> Bound<'py, PyBytes> {
        let out = PyBytes::new(py, &self.report);
        self.report.clear();
        out
    }

    /// The bytes of report lines waiting for :meth:`take_report`.
    fn pending(&self) -> usize {
        self.report.len()
    }

    /// The paragraphs written per reason, and ``kept`` and ``repaired`` (reasons with none left out).
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        for (reason, n) in &self.tally.by_reason {
            out.set_item(reason, n)?;
        }
        if self.tally.kept > 0 {
            out.set_item("kept", self.tally.kept)?;
        }
        if self.tally.repaired > 0 {
            out.set_item("repaired", self.tally.repaired)?;
        }
        Ok(out)
    }
}

/// The readable JSON literal of a path's code points, or None when it holds a surrogate.
fn literal_of<T: Copy + Into<u32>>(units: &[T]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(units.len() + 2);
    write_string(&mut out, units, false).ok().map(|()| out)
}

/// Adds this module's class to ``nettoyeur._core``.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<VerdictTable>()?;
    m.add_class::<DocumentWriter>()
}
