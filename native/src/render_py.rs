//! The Python binding of `render`: `nettoyeur._core.DocumentWriter`, the write pass's output and
//! report lines of a batch's documents (`run.passes.write_batch`), one call a document, and
//! `nettoyeur._core.kept_text`, a document's kept paragraphs (`text.split.join_kept`).

use numpy::{PyArray1, PyReadonlyArray1};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyFloat, PyList, PyString, PyTuple};

use crate::chars::Units;
use crate::jsonl::write_string;
use crate::jsonl_py::{write_value, Stop as JsonStop};
use crate::lines::Spaces;
use crate::python_chars::units;
use crate::render::{self, surrogatepass, Fields, Lone, Plan, Repaired, Tally, Value};

/// The keys of a report record's own fields: no verdict holds one (`Verdict.to_dict` has none;
/// the reference's `records`, `tests/render_reference.py`, would replace the record's field).
const RECORD_KEYS: [&str; 7] = ["file", "id", "line", "paragraph", "text", "repairs", "original"];

/// The JSON literal of a Rust string.
fn literal(text: &str) -> Vec<u8> {
    let cps: Vec<u32> = text.chars().map(|c| c as u32).collect();
    let mut out = Vec::with_capacity(text.len() + 2);
    let _ = write_string(&mut out, &cps, false); // a Rust string holds no surrogate
    out
}

/// One JSON value as a report record holds it: `(JSON, whether it is ASCII for a lone surrogate)`.
///
/// The plain JSON types are written here; anything else (a float's subclass, another type) by
/// `plain` (``report_file.json_value``), which returns the same pair or raises what ``json`` raises.
fn json_of(value: &Bound<'_, PyAny>, plain: &Bound<'_, PyAny>) -> PyResult<(Vec<u8>, bool)> {
    let mut json = Vec::new();
    match write_value(&mut json, value, false, 1) {
        Ok(()) => return Ok((json, false)),
        Err(JsonStop::Py(err)) => return Err(err),
        Err(JsonStop::Surrogate) => {
            json.clear();
            match write_value(&mut json, value, true, 1) {
                Ok(()) => return Ok((json, true)),
                Err(JsonStop::Py(err)) => return Err(err),
                Err(_) => {}
            }
        }
        Err(JsonStop::Plain) => {}
    }
    let (text, ascii): (String, bool) = plain.call1((value,))?.extract()?;
    Ok((text.into_bytes(), ascii))
}

/// The bytes a reason is counted under (see [`Fields::reason`]).
fn reason_of(value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    match value.downcast_exact::<PyString>() {
        Ok(s) => Ok(surrogatepass(units(s)?)),
        Err(_) => Err(PyTypeError::new_err("a verdict's reason must be a str")),
    }
}

/// A verdict's ``to_dict()`` as report fields.
///
/// Raises:
///     ValueError: a key that is not a plain string or is one of the record's own, or no reason.
///     TypeError: a reason that is not a string, or a value ``json`` cannot write.
fn fields(value: &Bound<'_, PyAny>, plain: &Bound<'_, PyAny>) -> PyResult<Fields> {
    let d = value.downcast::<PyDict>()?;
    let mut items = Vec::with_capacity(d.len());
    let (mut reason, mut ascii) = (None, false);
    for (k, v) in d.iter() {
        let key: String = match k.downcast_exact::<PyString>().ok().and_then(|k| k.to_str().ok().map(str::to_string)) {
            Some(key) if !RECORD_KEYS.contains(&key.as_str()) => key,
            _ => return Err(PyValueError::new_err(format!("a verdict field a report record cannot hold: {k}"))),
        };
        let (json, lone) = json_of(&v, plain)?;
        ascii |= lone;
        if key == "reason" {
            reason = Some(reason_of(&v)?);
        }
        let lit = literal(&key);
        items.push((key, lit, json));
    }
    match reason {
        Some(reason) => Ok(Fields { items, reason, ascii }),
        None => Err(PyValueError::new_err("a verdict without a reason")),
    }
}

/// The names of a repair's fixes (plain strings).
fn fix_names(fixes: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    for name in fixes.try_iter()? {
        let name = name?;
        match name.downcast_exact::<PyString>().ok().and_then(|s| s.to_str().ok().map(str::to_string)) {
            Some(n) => names.push(n),
            None => return Err(PyTypeError::new_err(format!("a repair's name must be a plain str: {name}"))),
        }
    }
    Ok(names)
}

/// The run's boilerplate verdicts as report fields, made once a process (a run holds thousands:
/// 3,360 on 1M real paragraphs, each made again for every batch cost 0.13 s of Python alone).
///
/// Args:
///     table: each verdict as ``Verdict.to_dict()``.
///     plain: ``report_file.json_value``, for a value of another type than the plain JSON ones.
#[pyclass(module = "nettoyeur._core", frozen)]
pub struct VerdictTable {
    fields: Vec<Fields>,
}

#[pymethods]
impl VerdictTable {
    #[new]
    fn new(table: &Bound<'_, PyList>, plain: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(VerdictTable { fields: table.iter().map(|d| fields(&d, plain)).collect::<PyResult<Vec<_>>>()? })
    }

    fn __len__(&self) -> usize {
        self.fields.len()
    }
}

/// Writes the documents of a write-pass batch: each one's output bytes and report lines, from its
/// decoded text and the plan's verdicts (``text.split.join_kept`` and the report's records).
///
/// Args:
///     spaces: every white-space character (``str.isspace``), as one string.
///     table: the run's boilerplate verdicts.
///     keep: the ``--keep`` rule dedup's verdicts record (None for the default, ``first``).
///     quoted: the detail of a removal whose reason is ``quoted`` (``dedup.stage.QUOTED_DETAIL``).
///     blank: the reason and the detail's start of a paragraph repair left blank
///         (``text.repair.BLANK_AFTER_REPAIR``, ``BLANK_DETAIL``).
///     plain: ``report_file.json_value``, for a value of another type than the plain JSON ones.
#[pyclass(module = "nettoyeur._core")]
pub struct DocumentWriter {
    spaces: Spaces,
    table: Py<VerdictTable>,
    keep: Option<Vec<u8>>,
    quoted: Vec<u8>,
    blank: (String, String),
    plain: Py<PyAny>,
    report: Vec<u8>,
    tally: Tally,
}

impl DocumentWriter {
    /// ``make_verdict(reason, evidence, kept_doc, kept_line, kept_text, keep).to_dict()`` as report
    /// fields, made here from the removal's values (a ``Verdict`` and a dict a removal cost ~11 µs
    /// of Python: 1.6 s of the write pass on 1M real paragraphs).
    fn dedup_fields(&self, item: &Bound<'_, PyTuple>) -> PyResult<Fields> {
        let plain = self.plain.bind(item.py());
        let reason = item.get_item(1)?;
        let (reason, quoted) = match reason.downcast_exact::<PyString>().ok().and_then(|s| s.to_str().ok()) {
            Some("quoted") => ("contained".to_string(), true),
            Some(r) => (r.to_string(), false),
            None => return Err(PyTypeError::new_err("a removal's reason must be a plain str")),
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
        let mut ascii = false;
        for (key, value) in values {
            if value.is_none() {
                continue;
            }
            let value = if value.is_instance_of::<PyFloat>() {
                value.call_method1("__round__", (4,))? // to_dict's round(value, 4), a subclass's own
            } else {
                value
            };
            let (json, lone) = json_of(&value, plain)?;
            ascii |= lone;
            items.push((key.to_string(), literal(key), json));
        }
        if quoted {
            items.push(("detail".to_string(), literal("detail"), self.quoted.clone()));
        }
        if let Some(keep) = &self.keep {
            items.push(("keep".to_string(), literal("keep"), keep.clone()));
        }
        Ok(Fields { items, reason: reason.into_bytes(), ascii })
    }

    /// The verdict ``text.repair.mark_blank_after_repair`` gives a paragraph its fixes left blank.
    fn blank_fields(&self, names: &[String]) -> Fields {
        let (reason, detail) = &self.blank;
        let items = vec![
            ("detail".to_string(), literal("detail"), literal(&format!("{detail}{}", names.join("+")))),
            ("reason".to_string(), literal("reason"), literal(reason)),
        ];
        Fields { items, reason: reason.clone().into_bytes(), ascii: false }
    }

    /// A repaired paragraph ``(index, text, repairs)`` as the kernel reads it; one repair left
    /// blank gets its verdict in ``own``.
    fn repaired<'a>(&self, item: &'a Bound<'_, PyTuple>, text: &'a Bound<'_, PyString>, own: &mut Vec<Fields>) -> PyResult<Repaired<'a>> {
        let index: usize = item.get_item(0)?.extract()?;
        let names = fix_names(&item.get_item(2)?)?;
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
        let units = units(text)?;
        let blank = !names.is_empty() && (0..units.len()).all(|i| self.spaces.contains(unit(units, i)));
        let blank = if blank {
            own.push(self.blank_fields(&names));
            Some(own.len() - 1)
        } else {
            None
        };
        Ok(Repaired { index, text: units, repairs: list, reason, blank })
    }
}

fn unit(units: Units<'_>, i: usize) -> u32 {
    match units {
        Units::U8(s) => s[i] as u32,
        Units::U16(s) => s[i] as u32,
        Units::U32(s) => s[i],
    }
}

/// A string's JSON literal as a record holds it (see [`Value`]).
fn string_value(s: &Bound<'_, PyString>) -> PyResult<(Vec<u8>, bool)> {
    Ok(match units(s)? {
        Units::U8(u) => literal_of(u),
        Units::U16(u) => literal_of(u),
        Units::U32(u) => literal_of(u),
    })
}

#[pymethods]
impl DocumentWriter {
    #[new]
    #[pyo3(signature = (spaces, table, keep, quoted, blank, plain))]
    fn new(
        spaces: &Bound<'_, PyString>,
        table: Py<VerdictTable>,
        keep: Option<&str>,
        quoted: &str,
        blank: (String, String),
        plain: Py<PyAny>,
    ) -> PyResult<Self> {
        Ok(DocumentWriter {
            spaces: spaces_of(spaces)?,
            table,
            keep: keep.map(literal),
            quoted: literal(quoted),
            blank,
            plain,
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
    ///     record_id: a record's id (its report lines carry it), or None.
    ///
    /// Returns:
    ///     ``(paragraphs, output bytes or None, whether the text or a repaired paragraph holds a
    ///     lone surrogate)``: the output has U+FFFD for it, where a record keeps it.
    ///
    /// Raises:
    ///     ValueError: the codes or repairs do not fit the document, a verdict a record cannot hold.
    ///     TypeError: a value of a type the report cannot hold.
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (text, codes, position, max_chars, removed, overrides, repaired, path, output, record_id=None))]
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
        record_id: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<(usize, Option<Bound<'py, PyBytes>>, bool)> {
        let codes = codes.as_slice()?;
        let codes = codes.get(position..).ok_or_else(|| PyValueError::new_err("position past the codes"))?;
        let mut own: Vec<Fields> = Vec::with_capacity(removed.len() + overrides.len());
        let mut removals: Vec<(usize, usize)> = Vec::with_capacity(removed.len());
        for item in removed.iter() {
            let item = item.downcast_into::<PyTuple>()?;
            let n: usize = item.get_item(0)?.extract()?;
            removals.push((n, own.len()));
            own.push(self.dedup_fields(&item)?);
        }
        removals.sort_unstable(); // the kernel walks them in order of `n`
        let plain = self.plain.bind(py);
        let mut changes: Vec<(usize, Option<usize>)> = Vec::with_capacity(overrides.len());
        for item in overrides.iter() {
            let (index, verdict): (usize, Bound<'py, PyAny>) = item.extract()?;
            if verdict.is_none() {
                changes.push((index, None));
            } else {
                changes.push((index, Some(own.len())));
                own.push(fields(&verdict, plain)?);
            }
        }
        let items: Vec<Bound<'py, PyTuple>> = repaired.iter().map(|t| t.downcast_into::<PyTuple>().map_err(PyErr::from)).collect::<PyResult<_>>()?;
        let texts: Vec<Bound<'py, PyString>> = items.iter().map(|t| Ok(t.get_item(1)?.downcast_into::<PyString>()?)).collect::<PyResult<_>>()?;
        let mut fixes = Vec::with_capacity(items.len());
        for (item, fixed) in items.iter().zip(&texts) {
            fixes.push(self.repaired(item, fixed, &mut own)?);
        }
        let (file, file_ascii) = string_value(path)?;
        let id = match record_id {
            Some(id) => Some(json_of(id, plain)?),
            None => None,
        };
        let id = id.as_ref().map(|(json, ascii)| Value { json, ascii: *ascii });
        let plan = Plan { codes, max_chars, removed: &removals, overrides: &changes, repaired: &fixes };
        let table = self.table.get();
        let mut out = Vec::new();
        let (n, lone) = render::render(
            units(text)?,
            &self.spaces,
            &Value { json: &file, ascii: file_ascii },
            id.as_ref(),
            &plan,
            &table.fields,
            &own,
            if output { Some(&mut out) } else { None },
            &mut self.report,
            &mut self.tally,
        )
        .map_err(|err| PyValueError::new_err(err.0))?;
        Ok((n, if output { Some(PyBytes::new(py, &out)) } else { None }, lone))
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
            let reason = PyBytes::new(py, reason).call_method1("decode", ("utf-8", "surrogatepass"))?;
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

fn spaces_of(spaces: &Bound<'_, PyString>) -> PyResult<Spaces> {
    let cps: Vec<u32> = match units(spaces)? {
        Units::U8(s) => s.iter().map(|&c| c as u32).collect(),
        Units::U16(s) => s.iter().map(|&c| c as u32).collect(),
        Units::U32(s) => s.to_vec(),
    };
    Ok(Spaces::new(&cps))
}

/// The spill file's bytes of a run of paragraphs (``run.passes._SpillWriter.flush``): each text's
/// ``encode("utf-8", "surrogatepass")``, joined, and the length of each.
///
/// One call a run of paragraphs instead of a bytes object each, their lengths and their join in
/// Python (5% of the analyse pass's samples, py-spy on the 300k-paragraph benchmark corpus, one worker).
///
/// Raises:
///     TypeError: an item of ``texts`` is not a string.
#[pyfunction]
fn spill_bytes<'py>(texts: &Bound<'py, PyList>) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyArray1<i64>>)> {
    let py = texts.py();
    // Room for the texts as ASCII and eight bytes (`latin1_utf8` writes past its end): grown from
    // there, the buffer doubles a few times at most.
    let mut room = 8;
    for text in texts.iter() {
        room += text.downcast::<PyString>()?.len()?;
    }
    let mut out = Vec::with_capacity(room);
    let mut sizes = Vec::with_capacity(texts.len());
    for text in texts.iter() {
        let start = out.len();
        render::push_utf8(&mut out, units(text.downcast::<PyString>()?)?, Lone::Pass);
        sizes.push((out.len() - start) as i64);
    }
    Ok((PyBytes::new(py, &out), PyArray1::from_vec(py, sizes)))
}

/// The kept paragraphs of a document in its own layout (``text.split.join_kept``), as UTF-8.
///
/// Args:
///     spaces: every white-space character (``str.isspace``), as one string.
///     text: the document's decoded text (``"".join(doc.lines)``), split here as ``split_lines`` splits it.
///     removed: per paragraph, whether it is removed (bytes, 0 or 1 each).
///     fixed: ``(index, text)`` of each paragraph whose text is not its line's.
///     replace: a lone surrogate becomes U+FFFD (a file's bytes); else it is written as
///         ``"surrogatepass"`` writes it (decoded back to a str by the caller).
///
/// Raises:
///     ValueError: ``removed`` does not hold one flag a paragraph, or a fixed paragraph is past them.
#[pyfunction]
fn kept_text<'py>(
    py: Python<'py>,
    spaces: &Bound<'py, PyString>,
    text: &Bound<'py, PyString>,
    removed: &[u8],
    fixed: Vec<(usize, Bound<'py, PyString>)>,
    replace: bool,
) -> PyResult<Bound<'py, PyBytes>> {
    let spaces = spaces_of(spaces)?;
    let flags: Vec<bool> = removed.iter().map(|&b| b != 0).collect();
    let fixed: Vec<(usize, Units<'_>)> = fixed.iter().map(|(i, t)| Ok((*i, units(t)?))).collect::<PyResult<_>>()?;
    let mut out = Vec::new();
    let lone = if replace { Lone::Replace } else { Lone::Pass };
    render::kept_text(units(text)?, &spaces, &flags, &fixed, lone, &mut out).map_err(|err| PyValueError::new_err(err.0))?;
    Ok(PyBytes::new(py, &out))
}

/// The JSON literal of a string's code points: readable, or ASCII (true) when it holds a surrogate.
fn literal_of<T: Copy + Into<u32>>(units: &[T]) -> (Vec<u8>, bool) {
    let mut out = Vec::with_capacity(units.len() + 2);
    if write_string(&mut out, units, false).is_ok() {
        return (out, false);
    }
    out.clear();
    let _ = write_string(&mut out, units, true); // ASCII mode escapes every code point
    (out, true)
}

/// Adds this module's class to ``nettoyeur._core``.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<VerdictTable>()?;
    m.add_class::<DocumentWriter>()?;
    m.add_function(wrap_pyfunction!(kept_text, m)?)?;
    m.add_function(wrap_pyfunction!(spill_bytes, m)?)
}
