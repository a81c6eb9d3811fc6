//! The Python bindings of `shapes`: `nettoyeur._core.Shapes`, made once per process by
//! `boilerplate.line_shapes` from Python's own character table, and asked about the lines of a
//! document (or of a batch) in one call.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::{Arc, Mutex, MutexGuard};

use numpy::PyReadonlyArray1;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyFrozenSet, PyList, PyString, PyStringData, PyTuple};

use crate::chars::Units;
use crate::shapes::{self, FxHasher, KeyedLine, Limits, Near, Shape, Table};
use crate::mark_py::{field, N_WORDS};

/// The code points of a Python string (lone surrogates included, as they are).
fn code_points(s: &Bound<'_, PyString>) -> PyResult<Vec<u32>> {
    let mut out = Vec::new();
    extend_code_points(s, &mut out)?;
    Ok(out)
}

/// Appends the code points of a Python string to `out`; returns whether the string is stored four
/// bytes a code point (PEP 393): one stored in one or two bytes holds none above U+FFFF.
fn extend_code_points(s: &Bound<'_, PyString>, out: &mut Vec<u32>) -> PyResult<bool> {
    // SAFETY: `data` reads the string's canonical storage (PEP 393) through the bitfield of its
    // header, which PyO3 decodes for the little-endian targets it tests (x86_64, aarch64: the
    // ones nettoyeur is built for); the property tests compare every code point read here with
    // Python's on random Unicode, surrogates and astral characters included. The slice borrows
    // `s`, which is immutable and alive for the whole of this function, and is copied out
    // before returning.
    let data = unsafe { s.data()? };
    Ok(match data {
        PyStringData::Ucs1(b) => {
            out.extend(b.iter().map(|&c| c as u32));
            false
        }
        PyStringData::Ucs2(b) => {
            out.extend(b.iter().map(|&c| c as u32));
            false
        }
        PyStringData::Ucs4(b) => {
            out.extend_from_slice(b);
            true
        }
    })
}

/// Appends a Python string to `out` as UTF-8 and returns true, or returns false at its first lone
/// surrogate (not UTF-8; `out` then holds part of it).
pub(crate) fn push_str(s: &Bound<'_, PyString>, out: &mut String) -> PyResult<bool> {
    // SAFETY: as in `extend_code_points`: the slice borrows `s`, immutable and alive for the
    // whole of this function, and is read before returning.
    let data = unsafe { s.data()? };
    match data {
        // ASCII and Latin-1 beyond it (nearly every line of the benchmark corpus): see `latin1_utf8`.
        PyStringData::Ucs1(b) => latin1_utf8(b, out),
        PyStringData::Ucs2(b) => {
            out.reserve(b.len());
            for &c in b {
                match char::from_u32(c as u32) {
                    Some(c) => out.push(c),
                    None => return Ok(false),
                }
            }
        }
        PyStringData::Ucs4(b) => {
            out.reserve(b.len());
            for &c in b {
                match char::from_u32(c) {
                    Some(c) => out.push(c),
                    None => return Ok(false),
                }
            }
        }
    }
    Ok(true)
}

/// Appends Latin-1 text to a string as UTF-8 (`chars::latin1_utf8`).
fn latin1_utf8(b: &[u8], out: &mut String) {
    // SAFETY: `latin1_utf8` leaves valid UTF-8 valid at every step: it writes into zeros (NUL
    // characters) it appends, and cuts them off after the last whole sequence it wrote (an ASCII
    // byte as it is, or the two bytes that encode a code point from 0x80 to 0xFF).
    crate::chars::latin1_utf8(b, unsafe { out.as_mut_vec() });
}

/// A Python string of code points (lone surrogates through ``surrogatepass``).
fn py_string<'py>(py: Python<'py>, cps: &[u32]) -> PyResult<Bound<'py, PyString>> {
    let text: Option<String> = cps.iter().map(|&c| char::from_u32(c)).collect();
    match text {
        Some(text) => Ok(PyString::new(py, &text)),
        None => {
            let mut bytes = Vec::with_capacity(cps.len() * 3);
            shapes::utf8_into(cps, &mut bytes);
            PyString::from_object(&PyBytes::new(py, &bytes), "utf-8", "surrogatepass")
        }
    }
}

/// What `describe` found of a line that the document's later questions read again.
pub(crate) struct Known {
    /// The line's string (``LineInfo.text``), held so that its address is its own while known.
    _line: Py<PyString>,
    /// Its code points (the line is collapsed: ``LineInfo.text``).
    pub(crate) collapsed: Vec<u32>,
    /// ``str.lower()`` of them.
    pub(crate) lowered: Vec<u32>,
    /// The words of `lowered` that are letters only (`Table::add_letter_words_at`).
    pub(crate) words: Vec<(usize, usize)>,
    /// The stems of those words, packed (`Table::stem_keys`), once an article's set of stems read
    /// them (None before, or when a stem does not pack). An article is read in each round of marking
    /// and by several signals: the later ones make their sets of these, and search them (see
    /// `ArticleStems::has`). Found as each line was described, they cost more than they saved on the
    /// benchmark corpus (its articles are asked few stems: marking 600 of its documents, 828 M -> 907 M
    /// instructions). (Not counted in `KnownLines::held`: at most four code points' room a word.)
    pub(crate) keys: Mutex<Option<Arc<Vec<u128>>>>,
}

/// Locks a line's stem keys (a lock poisoned by a panic elsewhere still holds keys or None: both are right).
fn lock(keys: &Mutex<Option<Arc<Vec<u128>>>>) -> MutexGuard<'_, Option<Arc<Vec<u128>>>> {
    keys.lock().unwrap_or_else(|e| e.into_inner())
}

/// The lines `describe` gave lately, by the address of their string: marking a document asks about
/// the same strings (``LineInfo.text``) again right after (its line flags, its neighbours' keys,
/// its article's stems), and reading and lower-casing them again was most of those calls (the benchmark corpus,
/// 4,000 documents: the article's 180 ms, of which 130 ms read its lines). A string is held while
/// known, so no other string can have its address then; Python's strings never change.
#[derive(Default)]
pub(crate) struct KnownLines {
    /// Shared with the articles that read them (`ArticleStems::known`), which then copy nothing.
    lines: HashMap<usize, Arc<Known>, BuildHasherDefault<FxHasher>>,
    /// Code points held (`collapsed`, `lowered`, and two per word).
    held: usize,
}

/// The code points the known lines hold at most, then forgotten all at once (2 MB: marking reads a
/// document's lines right after describing them, and a document of the benchmark corpus has 5,300 code points).
const KNOWN_MAX: usize = 1 << 19;

impl KnownLines {
    /// What `describe` found of `line` when it is known.
    pub(crate) fn get(&self, line: &Bound<'_, PyString>) -> Option<&Arc<Known>> {
        self.lines.get(&(line.as_ptr() as usize))
    }

    /// The line known at `address` (``KnownLines::get`` gave it: it is held until the next `add`).
    pub(crate) fn at(&self, address: usize) -> Option<&Known> {
        self.lines.get(&address).map(|k| &**k)
    }

    /// Remembers a line described.
    fn add(&mut self, line: Py<PyString>, collapsed: Vec<u32>, lowered: Vec<u32>, words: Vec<(usize, usize)>) {
        let size = collapsed.len() + lowered.len() + 2 * words.len();
        if self.held + size > KNOWN_MAX {
            self.lines.clear();
            self.held = 0;
        }
        if size > KNOWN_MAX {
            return;
        }
        let address = line.as_ptr() as usize;
        let keys = Mutex::new(None);
        if let Some(old) = self.lines.insert(address, Arc::new(Known { _line: line, collapsed, lowered, words, keys })) {
            self.held -= old.collapsed.len() + old.lowered.len() + 2 * old.words.len();
        }
        self.held += size;
    }
}

/// A line's shape, its lower-case and the words of that which are letters only (`Shapes.describe`).
type Described = (Shape, Vec<u32>, Vec<(usize, usize)>);

/// The shape of a collapsed line from it and its lower-case, with its words that are letters only.
fn described(table: &Table, collapsed: Vec<u32>, lowered: Vec<u32>) -> Described {
    // About one word in six code points (the benchmark corpus's prose: 5.3 code points a word and its space).
    let mut words = Vec::with_capacity(lowered.len() / 6 + 1);
    let shape = table.describe_with(collapsed, &lowered, |s, e| words.push((s, e)));
    (shape, lowered, words)
}

/// Line shapes and line keys from Python's character table (``line_shapes.shape_table``).
///
/// Args:
///     flags: uint32, 65,536 entries: ``str.isalnum`` (1), ``str.isdecimal`` (2),
///         ``str.isspace`` (4), ``str.isalpha`` (8), lower-case depends on the neighbours (16), a
///         letter or a mark (256: ``unicodedata.category(c)[0] in "LM"``).
///     lower: uint32, 65,536 entries: ``ord(c.lower())``, or 0xFFFFFFFF where that is several characters.
///     multi: ``{code point: c.lower()}`` for those.
///     function_words: ``LINE_FUNCTION_WORDS``.
///     not_stems: the words that give no stem.
///     cjk_function_chars: ``CJK_FUNCTION_CHARS``, as one string.
///     limits: ``(PROSE_ANY_WORDS, PROSE_MIN_WORDS, PROSE_MIN_STOPWORDS, STEM_CHARS, CJK_FUNCTION_SCALE,
///         UNSPACED_CHARS_PER_WORD)``.
///     learn: called with a code point above U+FFFF: returns its ``(flags, c.lower())``.
///     clitics: ``(PREFIX_CLITICS, SUFFIX_CLITICS)`` (lists of lower-case strings).
///     clitic_min_rest: ``CLITIC_MIN_REST``.
///
/// Raises:
///     ValueError: ``flags`` or ``lower`` does not hold 65,536 entries.
#[pyclass(module = "nettoyeur._core")]
pub struct Shapes {
    pub(crate) table: Table,
    learn: Py<PyAny>,
    /// The lines described lately (read again by the questions about their document).
    pub(crate) known: KnownLines,
}

impl Shapes {
    /// Learns the characters above the BMP of `cps`, and those of their lower-cases, from Python.
    fn learn_missing(&mut self, py: Python<'_>, cps: &[u32]) -> PyResult<()> {
        let mut todo: Vec<u32> = cps.iter().copied().filter(|&c| !self.table.knows(c)).collect();
        while let Some(c) = todo.pop() {
            if self.table.knows(c) {
                continue;
            }
            let (flags, lower): (u32, Bound<'_, PyString>) = self.learn.bind(py).call1((c,))?.extract()?;
            let lower = code_points(&lower)?;
            todo.extend(lower.iter().copied().filter(|&l| !self.table.knows(l) && l != c));
            self.table.learn(c, flags, lower);
        }
        Ok(())
    }

    /// The code points of `text`, every character of them known to the table.
    pub(crate) fn read(&mut self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Vec<u32>> {
        let mut cps = Vec::new();
        // Only a string of four bytes a character can hold one above the BMP (the look over every
        // character of every line was 5 instructions a character of `describe`).
        if extend_code_points(text, &mut cps)? && cps.iter().any(|&c| c > 0xFFFF) {
            self.learn_missing(py, &cps)?;
        }
        Ok(cps)
    }

    /// [`Shapes::read`] of a slice of a string's storage (a line of a text the caller holds).
    fn read_units(&mut self, py: Python<'_>, text: Units<'_>) -> PyResult<Vec<u32>> {
        let cps: Vec<u32> = match text {
            Units::U8(s) => s.iter().map(|&c| c as u32).collect(),
            Units::U16(s) => s.iter().map(|&c| c as u32).collect(),
            Units::U32(s) => s.to_vec(),
        };
        if matches!(text, Units::U32(_)) && cps.iter().any(|&c| c > 0xFFFF) {
            self.learn_missing(py, &cps)?;
        }
        Ok(cps)
    }

    /// A line not known as described: whether the frequency signal counts it and pairs it, and its
    /// key when `want(counted, paired)`.
    fn keyed_line(&mut self, py: Python<'_>, cps: &[u32], limit: usize, want: impl FnOnce(bool, bool) -> bool) -> PyResult<KeyedLine> {
        let counted = self.table.has_fewer_words(cps, limit);
        let paired = counted && self.table.has_letter(cps);
        let key = if want(counted, paired) { Some(self.key_utf8(py, cps)?) } else { None };
        Ok(KeyedLine { counted, paired, key })
    }

    /// [`Shapes::line_keys`] of lines given as slices of a text's storage (pass 1's paragraphs of a
    /// text split in the core, never made strings: `reader_py::LineSplitter::line_keys`).
    pub(crate) fn unit_line_keys<'a>(&mut self, py: Python<'_>, lines: impl Iterator<Item = Units<'a>>, limit: usize) -> PyResult<Vec<u64>> {
        let mut keyed = Vec::new();
        for line in lines {
            let cps = self.read_units(py, line)?;
            keyed.push(self.keyed_line(py, &cps, limit, |counted, _| counted)?);
        }
        Ok(py.allow_threads(|| shapes::document_line_keys(&keyed)))
    }

    /// `str.lower()` of a collapsed line: the table's, or Python's for a line it leaves to Python.
    fn lower(&self, py: Python<'_>, collapsed: &[u32]) -> PyResult<Vec<u32>> {
        match self.table.lower(collapsed) {
            Some(lowered) => Ok(lowered),
            None => {
                let lowered = py_string(py, collapsed)?.call_method0(intern!(py, "lower"))?;
                code_points(lowered.downcast::<PyString>()?)
            }
        }
    }

    /// The code points of each line of `texts`, every character of them known to the table.
    fn read_all(&mut self, py: Python<'_>, texts: &Bound<'_, PyAny>) -> PyResult<Vec<Vec<u32>>> {
        let mut out = Vec::new();
        for text in texts.try_iter()? {
            out.push(self.read(py, text?.downcast::<PyString>()?)?);
        }
        Ok(out)
    }

    /// Each line lower-cased: the table's, without the GIL, or Python's for a line it leaves to Python.
    fn lower_all(&self, py: Python<'_>, lines: &[Vec<u32>]) -> PyResult<Vec<Vec<u32>>> {
        let table = &self.table;
        let lowered: Vec<Option<Vec<u32>>> = py.allow_threads(|| lines.iter().map(|cps| table.lower(cps)).collect());
        lowered.into_iter().zip(lines).map(|(low, cps)| low.map_or_else(|| self.lower(py, cps), Ok)).collect()
    }

    /// The stems of each line of `texts` (its words, lower-cased, as `describe` cuts them).
    fn stems_of(&mut self, py: Python<'_>, texts: &Bound<'_, PyAny>) -> PyResult<Vec<Vec<Vec<u32>>>> {
        let mut out = Vec::new();
        for text in texts.try_iter()? {
            let text = text?;
            let text = text.downcast::<PyString>()?;
            let stems = match self.known.get(text) {
                Some(known) => self.table.stems(&known.lowered),
                None => {
                    let cps = self.read(py, text)?;
                    self.table.stems(&self.lower(py, &cps)?)
                }
            };
            out.push(stems);
        }
        Ok(out)
    }

    /// `frequency_key` of a line's code points.
    fn key(&self, py: Python<'_>, cps: &[u32]) -> PyResult<Vec<u32>> {
        let lowered = self.lower(py, &self.table.collapse(cps))?;
        Ok(self.table.mask_digits(&lowered))
    }

    /// `frequency_key` of a line's code points as UTF-8 (lone surrogates as their three bytes).
    fn key_utf8(&self, py: Python<'_>, cps: &[u32]) -> PyResult<Vec<u8>> {
        let mut out = Vec::new();
        if !self.table.key_utf8(cps, &mut out) {
            // A character lowered by its neighbours: Python lowers the line.
            out.clear();
            shapes::utf8_into(&self.key(py, cps)?, &mut out);
        }
        Ok(out)
    }

    /// The lines of a document as the frequency signal sees them; keys of those `want` names (by
    /// position, counted, paired).
    fn keyed(&mut self, py: Python<'_>, texts: &Bound<'_, PyAny>, limit: usize, want: &dyn Fn(usize, bool, bool) -> bool) -> PyResult<Vec<KeyedLine>> {
        let mut out = Vec::with_capacity(texts.len().unwrap_or(0));
        for (k, text) in texts.try_iter()?.enumerate() {
            let text = text?;
            let text = text.downcast::<PyString>()?;
            if let Some(known) = self.known.get(text) {
                // The line is its collapsed text: its key is its lower-case with digits masked.
                let counted = self.table.has_fewer_words(&known.collapsed, limit);
                let paired = counted && self.table.has_letter(&known.collapsed);
                let key = if want(k, counted, paired) {
                    let mut key = Vec::with_capacity(known.lowered.len());
                    self.table.mask_digits_utf8(&known.lowered, &mut key);
                    Some(key)
                } else {
                    None
                };
                out.push(KeyedLine { counted, paired, key });
                continue;
            }
            let cps = self.read(py, text)?;
            out.push(self.keyed_line(py, &cps, limit, |counted, paired| want(k, counted, paired))?);
        }
        Ok(out)
    }
}

#[pymethods]
impl Shapes {
    #[new]
    #[allow(clippy::too_many_arguments)]
    fn new(
        flags: PyReadonlyArray1<'_, u32>,
        lower: PyReadonlyArray1<'_, u32>,
        multi: HashMap<u32, Bound<'_, PyString>>,
        function_words: HashSet<String>,
        not_stems: HashSet<String>,
        cjk_function_chars: Bound<'_, PyString>,
        limits: (usize, usize, f64, usize, f64, usize),
        learn: Py<PyAny>,
        clitics: (Vec<String>, Vec<String>),
        clitic_min_rest: usize,
    ) -> PyResult<Self> {
        let mut many = HashMap::new();
        for (c, s) in multi {
            many.insert(c, code_points(&s)?);
        }
        let cjk: HashSet<u32> = code_points(&cjk_function_chars)?.into_iter().collect();
        let (prose_any_words, prose_min_words, prose_min_stopwords, stem_chars, cjk_function_scale, unspaced_chars_per_word) = limits;
        let limits =
            Limits { prose_any_words, prose_min_words, prose_min_stopwords, stem_chars, cjk_function_scale, unspaced_chars_per_word };
        let table = Table::new(flags.as_slice()?.to_vec(), lower.as_slice()?.to_vec(), many, function_words, not_stems, cjk, limits)?
            .with_clitics(&clitics.0, &clitics.1, clitic_min_rest);
        Ok(Shapes { table, learn, known: KnownLines::default() })
    }

    /// The 64-bit keys of a document's lines (``line_counts.document_line_keys``), each once.
    ///
    /// Args:
    ///     texts: the document's analysable kept lines, in order (strings).
    ///     limit: a line is counted with fewer words than this (``FREQUENCY_MAX_WORDS``).
    ///
    /// Returns:
    ///     list of int: ``hash64`` of each counted line's frequency key and of each adjacent
    ///     pair of paired lines' ``pair_key``, in the order first found.
    ///
    /// Raises:
    ///     TypeError: an item of ``texts`` is not a string.
    fn line_keys(&mut self, py: Python<'_>, texts: &Bound<'_, PyAny>, limit: usize) -> PyResult<Vec<u64>> {
        let lines = self.keyed(py, texts, limit, &|_, counted, _| counted)?;
        Ok(py.allow_threads(|| shapes::document_line_keys(&lines)))
    }

    /// The frequency codes of some lines of a document and of their pairs with their neighbours.
    ///
    /// Args:
    ///     texts: the document's lines that pass 1 counted, in order (strings).
    ///     at: the positions in ``texts`` of the lines asked about.
    ///     limit: ``FREQUENCY_MAX_WORDS``.
    ///
    /// Returns:
    ///     list of ``(code, above, below)``: ``hash64(frequency_key(line))``, and
    ///     ``hash64(pair_key(...))`` with the line just above and just below where that one
    ///     pairs (``mark.paired``), else None.
    ///
    /// Raises:
    ///     TypeError: an item of ``texts`` is not a string.
    ///     IndexError: a position is past the lines.
    fn neighbour_codes(&mut self, py: Python<'_>, texts: &Bound<'_, PyAny>, at: Vec<usize>, limit: usize) -> PyResult<Vec<Near>> {
        // The positions asked, sorted and searched (not a set hashed with SipHash).
        let mut asked = at.clone();
        asked.sort_unstable();
        let lines = self.keyed(py, texts, limit, &|k, _, paired| paired || asked.binary_search(&k).is_ok())?;
        if let Some(&k) = at.iter().find(|&&k| k >= lines.len()) {
            return Err(pyo3::exceptions::PyIndexError::new_err(format!("line {k} of {}", lines.len())));
        }
        Ok(shapes::neighbour_codes(&lines, &at))
    }

    /// ``mark.neighbours``: the frequency codes of a document's kept lines of fewer than ``limit`` words
    /// and of their pairs with the lines above and below them, as pass 1 counted them.
    ///
    /// The neighbours are every line of the document but those blanked by repair (pass 1 never counted
    /// them), removed since or not. In Python, the lists of the lines counted, of their positions and of
    /// the lines asked about were 0.15 s of the analyse pass's marking under cProfile (the benchmark
    /// corpus, one worker).
    ///
    /// Args:
    ///     paragraphs: the document's paragraphs (``Paragraph``: ``index``, ``text``, and ``verdict``'s
    ///         ``reason`` where it has one).
    ///     kept: its kept paragraphs, in order (``index`` is read).
    ///     infos: their shapes (``LineInfo``: ``n_words`` is read).
    ///     limit: ``FREQUENCY_MAX_WORDS`` (``neighbour_codes``').
    ///     blank: the reason of a line blanked by repair (``blank-after-repair``).
    ///
    /// Returns:
    ///     for each kept paragraph, ``(code, above, below)`` as ``neighbour_codes`` gives it when it
    ///     has fewer than ``limit`` words, else ``(0, None, None)`` (``mark.NO_COUNTS``).
    ///
    /// Raises:
    ///     ValueError: ``infos`` is not as long as ``kept``.
    ///     KeyError: a kept paragraph is not among the document's counted ones.
    #[allow(clippy::too_many_arguments)]
    fn document_neighbours(
        &mut self,
        py: Python<'_>,
        paragraphs: &Bound<'_, PyAny>,
        kept: &Bound<'_, PyAny>,
        infos: &Bound<'_, PyAny>,
        limit: usize,
        blank: &str,
    ) -> PyResult<Vec<Near>> {
        // The positions by index in FxHash, sized once (SipHash grown insert by insert: 16 M of the 1,768 M
        // instructions of marking 1,000 c300 documents, callgrind).
        let size = paragraphs.len().unwrap_or(0);
        let mut texts = Vec::with_capacity(size);
        let mut at: HashMap<i64, usize, BuildHasherDefault<FxHasher>> = HashMap::with_capacity_and_hasher(size, Default::default());
        for p in paragraphs.try_iter()? {
            let p = p?;
            let verdict = p.getattr(intern!(py, "verdict"))?;
            if !verdict.is_none() && verdict.getattr(intern!(py, "reason"))?.downcast::<PyString>()?.to_cow()? == blank {
                continue;
            }
            at.insert(p.getattr(intern!(py, "index"))?.extract::<i64>()?, texts.len());
            texts.push(p.getattr(intern!(py, "text"))?);
        }
        if kept.len()? != infos.len()? {
            return Err(pyo3::exceptions::PyValueError::new_err("kept and infos differ in length"));
        }
        let (mut short, mut asked) = (Vec::new(), Vec::new());
        for (k, (p, info)) in kept.try_iter()?.zip(infos.try_iter()?).enumerate() {
            let (p, info) = (p?, info?);
            let n_words: usize = field(&info, N_WORDS, intern!(py, "n_words"))?.extract()?;
            if n_words < limit {
                let index = p.getattr(intern!(py, "index"))?.extract::<i64>()?;
                let &line = at.get(&index).ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(index))?;
                short.push(k);
                asked.push(line);
            }
        }
        let texts = PyList::new(py, texts)?;
        let found = self.neighbour_codes(py, texts.as_any(), asked, limit)?;
        let mut out = vec![(0, None, None); kept.len()?];
        for (k, near) in short.into_iter().zip(found) {
            out[k] = near;
        }
        Ok(out)
    }

    /// ``frequency_key`` of each line: lower-cased, whitespace collapsed, digits masked.
    ///
    /// Raises:
    ///     TypeError: an item of ``texts`` is not a string.
    fn frequency_keys<'py>(&mut self, py: Python<'py>, texts: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyString>>> {
        let mut out = Vec::new();
        for text in texts.try_iter()? {
            let cps = self.read(py, text?.downcast::<PyString>()?)?;
            out.push(py_string(py, &self.key(py, &cps)?)?);
        }
        Ok(out)
    }

    /// ``count_words(text) < limit`` for each line.
    ///
    /// Raises:
    ///     TypeError: an item of ``texts`` is not a string.
    fn fewer_words(&mut self, py: Python<'_>, texts: &Bound<'_, PyAny>, limit: usize) -> PyResult<Vec<bool>> {
        let mut out = Vec::new();
        for text in texts.try_iter()? {
            let cps = self.read(py, text?.downcast::<PyString>()?)?;
            out.push(self.table.has_fewer_words(&cps, limit));
        }
        Ok(out)
    }

    /// The number of words of each line (``count_words``: two CJK characters count as one).
    ///
    /// Raises:
    ///     TypeError: an item of ``texts`` is not a string.
    fn count_words(&mut self, py: Python<'_>, texts: &Bound<'_, PyAny>) -> PyResult<Vec<usize>> {
        let mut out = Vec::new();
        for text in texts.try_iter()? {
            let cps = self.read(py, text?.downcast::<PyString>()?)?;
            out.push(self.table.word_spans(&cps).0.len());
        }
        Ok(out)
    }

    /// The stems of an article's lines (``article_stems``), read from the lines when a stem is
    /// first asked (many articles are asked about none).
    ///
    /// Args:
    ///     texts: the lines (``LineInfo.text``: strings).
    ///     before_set: the stems looked for one by one before the set of them is made.
    ///
    /// Raises:
    ///     TypeError: ``texts`` is not an iterable of strings.
    fn article(slf: &Bound<'_, Self>, texts: &Bound<'_, PyAny>, before_set: usize) -> PyResult<ArticleStems> {
        let mut lines = Vec::with_capacity(texts.len().unwrap_or(0));
        for text in texts.try_iter()? {
            lines.push(text?.downcast_into::<PyString>()?.unbind());
        }
        Ok(ArticleStems::of(slf, lines, before_set))
    }

    /// The shape of each line (``describe``).
    ///
    /// Returns:
    ///     list of ``(text, n_words, stop_share, prose, sentence)``: the fields of ``LineInfo``
    ///     (``text`` the line itself when it is already collapsed).
    ///
    /// Raises:
    ///     TypeError: an item of ``texts`` is not a string.
    fn describe<'py>(&mut self, py: Python<'py>, texts: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyTuple>>> {
        let (mut given, mut lines) = (Vec::new(), Vec::new());
        for text in texts.try_iter()? {
            let text = text?.downcast_into::<PyString>()?;
            lines.push(self.read(py, &text)?);
            given.push(text);
        }
        let table = &self.table;
        // Collapsed, lowered (None: Python lowers it) and described without the GIL, with the
        // line's words that are letters only (kept for the article's stems).
        let shape = |cps: Vec<u32>| -> (bool, Result<Described, Vec<u32>>) {
            if let Some(lowered) = table.lower_collapsed(&cps) {
                return (true, Ok(described(table, cps, lowered)));
            }
            let same = table.is_collapsed(&cps);
            let collapsed = if same { cps } else { table.collapse(&cps) };
            match table.lower(&collapsed) {
                Some(lowered) => (same, Ok(described(table, collapsed, lowered))),
                None => (same, Err(collapsed)),
            }
        };
        let shapes: Vec<(bool, Result<Described, Vec<u32>>)> = py.allow_threads(|| lines.into_iter().map(shape).collect());
        let mut out = Vec::with_capacity(shapes.len());
        for (text, (same, shape)) in given.into_iter().zip(shapes) {
            let (shape, lowered, words) = match shape {
                Ok(found) => found,
                Err(collapsed) => {
                    let lowered = self.lower(py, &collapsed)?;
                    described(&self.table, collapsed, lowered)
                }
            };
            let line = if same { text } else { py_string(py, &shape.collapsed)? };
            out.push((line.clone(), shape.n_words, shape.stop_share, shape.prose, shape.sentence).into_pyobject(py)?);
            self.known.add(line.unbind(), shape.collapsed, lowered, words);
        }
        Ok(out)
    }

    /// The stems of each line (``LineInfo.stems``), as frozensets.
    ///
    /// Raises:
    ///     TypeError: an item of ``texts`` is not a string.
    fn stems<'py>(&mut self, py: Python<'py>, texts: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyFrozenSet>>> {
        let stems = self.stems_of(py, texts)?;
        let mut out = Vec::with_capacity(stems.len());
        for line in stems {
            let strings = line.iter().map(|stem| py_string(py, stem)).collect::<PyResult<Vec<_>>>()?;
            out.push(PyFrozenSet::new(py, &strings)?);
        }
        Ok(out)
    }

    /// The words of each line, lower-cased, in order, as ``describe`` counts them (for the tests:
    /// no word leaves the core in a run).
    ///
    /// Raises:
    ///     TypeError: an item of ``texts`` is not a string.
    fn words(&mut self, py: Python<'_>, texts: &Bound<'_, PyAny>) -> PyResult<Vec<Vec<String>>> {
        let lines: Vec<Vec<u32>> = self.read_all(py, texts)?.iter().map(|cps| self.table.collapse(cps)).collect();
        Ok(self.lower_all(py, &lines)?.iter().map(|low| self.table.words(low)).collect())
    }
}

/// The stems of an article's lines, asked one by one (``line_shapes.article_stems``): ``stem in``
/// it, and ``it.shared_lines(texts)`` for the stems of some lines, as for the set of the stems
/// of its words.
///
/// The lines are read (lower-cased, cut into words) when the first stem is asked. Each stem
/// asked is looked for in the article's words that are letters only until ``before_set`` have
/// been asked; then the set of their stems is made and asked (see ``line_shapes.ASKED_BEFORE_SET``).
#[pyclass(module = "nettoyeur._core")]
pub struct ArticleStems {
    shapes: Py<Shapes>,
    /// The lines not read yet (all of them until a stem is asked, then none).
    lines: Vec<Py<PyString>>,
    /// The lines read that `describe` gave lately: what it found of them, shared, not copied
    /// (copying them into `text`, grown line by line, was most of `shared_lines` on the benchmark
    /// corpus: CPU time, 61 us a document before, 48 now, in a one-worker clean).
    known: Vec<Arc<Known>>,
    /// The packed stems of each of `known` when an earlier article's set found them (`Known::keys`).
    keys: Vec<Option<Arc<Vec<u128>>>>,
    /// The other lines read, lower-cased, one after the other.
    text: Vec<u32>,
    /// The words of the lines that can give a stem: positions in `text` (`Table::add_letter_words`).
    words: Vec<(usize, usize)>,
    asked: usize,
    before_set: usize,
    set: Option<shapes::StemSet>,
}

impl ArticleStems {
    /// The vocabulary of the article of `lines` (``Shapes.article``).
    pub(crate) fn of(shapes: &Bound<'_, Shapes>, lines: Vec<Py<PyString>>, before_set: usize) -> Self {
        let shapes = shapes.clone().unbind();
        let (known, keys) = (Vec::new(), Vec::new());
        ArticleStems { shapes, lines, known, keys, text: Vec::new(), words: Vec::new(), asked: 0, before_set, set: None }
    }

    /// Reads the lines not read yet: their letters-only words, lower-cased.
    ///
    /// The lines' code points are copied into one buffer with the GIL, then lowered straight into
    /// `text` and cut into words without it, with no buffer per line: reading the article was most
    /// of `shared_lines` (the benchmark corpus, 2,000 documents' 3,291 articles: 147 of 178 ms before).
    fn read_lines(&mut self, py: Python<'_>) -> PyResult<()> {
        if self.lines.is_empty() {
            return Ok(());
        }
        let lines = std::mem::take(&mut self.lines);
        let mut shapes = self.shapes.borrow_mut(py);
        let (mut cps, mut ends) = (Vec::new(), Vec::with_capacity(lines.len()));
        for line in &lines {
            if let Some(known) = shapes.known.get(line.bind(py)) {
                // Described lately: its lower-case and words are known (the order of the lines
                // does not matter to the answers).
                self.keys.push(lock(&known.keys).clone());
                self.known.push(Arc::clone(known));
                continue;
            }
            let start = cps.len();
            extend_code_points(line.bind(py), &mut cps)?;
            if cps[start..].iter().any(|&c| c > 0xFFFF) {
                shapes.learn_missing(py, &cps[start..])?;
            }
            ends.push(cps.len());
        }
        let (table, text, words) = (&shapes.table, &mut self.text, &mut self.words);
        // The lines the table leaves to Python (a character lowered by its neighbours): the order
        // of the words does not matter to the answers (`any`, a set).
        let left: Vec<(usize, usize)> = py.allow_threads(|| {
            let mut left = Vec::new();
            let mut start = 0;
            for &end in &ends {
                let base = text.len();
                if table.lower_into(&cps[start..end], text) {
                    table.add_letter_words_at(text, base, words);
                } else {
                    text.truncate(base);
                    left.push((start, end));
                }
                start = end;
            }
            left
        });
        for (start, end) in left {
            let lowered = shapes.lower(py, &cps[start..end])?;
            shapes.table.add_letter_words(&lowered, &mut self.text, &mut self.words);
        }
        Ok(())
    }

    /// True when the article has `stem`.
    fn has(&mut self, py: Python<'_>, stem: &[u32]) -> PyResult<bool> {
        self.read_lines(py)?;
        let shapes = self.shapes.borrow(py);
        if self.set.is_none() {
            self.asked += 1;
            if self.asked > self.before_set {
                let table = &shapes.table;
                let words = self.words.len() + self.known.iter().map(|k| k.words.len()).sum::<usize>();
                let mut set = shapes::StemSet::with_capacity(words);
                table.add_stems_to(&self.text, &self.words, &mut set);
                for known in &self.known {
                    let mut keys = lock(&known.keys);
                    if keys.is_none() {
                        *keys = table.stem_keys(&known.lowered, &known.words).map(Arc::new);
                    }
                    match &*keys {
                        Some(keys) => set.extend_packed(keys),
                        None => table.add_stems_to(&known.lowered, &known.words, &mut set),
                    }
                }
                self.set = Some(set);
            }
        }
        let table = &shapes.table;
        Ok(match &self.set {
            Some(set) => set.contains(stem),
            None => {
                // (A stem's key is among a line's keys exactly when `has_stem` finds it in the line.)
                let key = shapes::pack(stem);
                table.has_stem(&self.text, &self.words, stem)
                    || self.known.iter().zip(&self.keys).any(|(k, keys)| match (keys, key) {
                        (Some(keys), Some(key)) => keys.contains(&key),
                        _ => table.has_stem(&k.lowered, &k.words, stem),
                    })
            }
        })
    }
}

#[pymethods]
impl ArticleStems {
    /// True when the article has ``stem`` (anything but a string: False).
    fn __contains__(&mut self, py: Python<'_>, stem: &Bound<'_, PyAny>) -> PyResult<bool> {
        match stem.downcast::<PyString>() {
            Ok(s) => self.has(py, &code_points(s)?),
            Err(_) => Ok(false),
        }
    }

    /// Returns how many stems some lines have together and how many of them the article has.
    ///
    /// ``(len(stems & it), len(stems))`` for ``stems`` the union of the lines' ``LineInfo.stems``;
    /// the article's lines are not read when the lines have no stem.
    ///
    /// Raises:
    ///     TypeError: ``texts`` is not an iterable of strings.
    pub(crate) fn shared_lines(&mut self, py: Python<'_>, texts: &Bound<'_, PyAny>) -> PyResult<(usize, usize)> {
        let lines = self.shapes.borrow_mut(py).stems_of(py, texts)?;
        let mut stems: Vec<Vec<u32>> = if lines.len() == 1 { lines.into_iter().next().unwrap_or_default() } else { lines.concat() };
        if lines_need_dedup(&stems) {
            stems.sort_unstable();
            stems.dedup();
        }
        let mut shared = 0;
        for stem in &stems {
            shared += self.has(py, stem)? as usize;
        }
        Ok((shared, stems.len()))
    }
}

/// False when `stems` is sorted with each once already (the stems of one line).
fn lines_need_dedup(stems: &[Vec<u32>]) -> bool {
    stems.windows(2).any(|w| w[0] >= w[1])
}

/// Adds the shapes' classes and `hash64_many` to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Shapes>()?;
    m.add_class::<ArticleStems>()?;
    m.add_function(wrap_pyfunction!(hash64_many, m)?)
}

/// `hash64` of strings: BLAKE2b-64 of their UTF-8 (surrogates passed), for the tests' oracle.
#[pyfunction]
fn hash64_many(texts: &Bound<'_, PyAny>) -> PyResult<Vec<u64>> {
    let mut out = Vec::new();
    for text in texts.try_iter()? {
        out.push(shapes::hash64(&code_points(text?.downcast::<PyString>()?)?));
    }
    Ok(out)
}
