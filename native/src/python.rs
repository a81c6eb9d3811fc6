//! The Python bindings: `nettoyeur._core`. Entry points take numpy arrays of exact dtypes
//! (a wrong dtype or a non-contiguous array raises `TypeError`, a bad shape or offset
//! `ValueError`, an output too large to allocate `MemoryError`), check their input before
//! allocating, release the GIL while the kernels run, and return new numpy arrays.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Mutex;

use numpy::{PyArray1, PyArray2, PyArrayMethods, PyReadonlyArray1, PyReadonlyArray2, PyUntypedArrayMethods};
use pyo3::exceptions::{PyMemoryError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PySet, PyString};

use crate::align::{self, Tag};
use crate::{lsh, minhash, resolve_threads, tokens, verify, InputError};

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

/// The bytes a word is compared by: its UTF-8 (borrowed from the string), or for a string with
/// lone surrogates (which UTF-8 cannot hold) its ``encode("utf-8", "surrogatepass")``. Both
/// are one-to-one, and no valid UTF-8 equals a surrogate's bytes, so equal bytes, equal words.
fn word_bytes<'a>(word: &'a Bound<'_, PyString>) -> PyResult<Cow<'a, [u8]>> {
    match word.to_str() {
        Ok(text) => Ok(Cow::Borrowed(text.as_bytes())),
        Err(_) => {
            let encoded = word.call_method1(intern!(word.py(), "encode"), ("utf-8", "surrogatepass"))?;
            Ok(Cow::Owned(encoded.downcast::<PyBytes>()?.as_bytes().to_vec()))
        }
    }
}

/// The strings of a sequence of words (``TypeError`` for anything but strings).
fn strings<'py>(words: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyString>>> {
    words.try_iter()?.map(|w| Ok(w?.downcast_into::<PyString>()?)).collect()
}

/// The word alignment of verification (``verify.compare``), made once per process.
///
/// "Holds a digit" is Python's own ``str.isdigit`` of each character (so the core agrees with
/// it on every Unicode version the interpreter has): ASCII is read directly, and each other
/// character is asked of Python once, then remembered (a few thousand characters at most: the
/// distinct characters of the words a process aligns). The characters of ``figures`` count as
/// digits too (verification's comparison signs, ``shingle.COMPARISONS``).
#[pyclass(frozen, module = "nettoyeur._core")]
struct Aligner {
    digits: Mutex<HashMap<u32, bool>>,
    figures: Vec<char>,
}

impl Aligner {
    /// ``any(c.isdigit() or c in figures for c in word)`` (lone surrogates, read as U+FFFD, are
    /// no digits).
    fn has_digit(&self, py: Python<'_>, word: &[u8]) -> PyResult<bool> {
        let text = String::from_utf8_lossy(word);
        if text.is_ascii() && self.figures.iter().all(|c| !c.is_ascii()) {
            return Ok(text.bytes().any(|b| b.is_ascii_digit()));
        }
        for c in text.chars() {
            let digit = if self.figures.contains(&c) {
                true
            } else if c.is_ascii() {
                c.is_ascii_digit()
            } else {
                // The lock is never held across a call into Python (which could run other
                // Python code, and so another alignment, before it returns). A poisoned lock
                // only means another thread panicked while holding it: the map is still valid.
                let known = self.digits.lock().unwrap_or_else(|e| e.into_inner()).get(&(c as u32)).copied();
                match known {
                    Some(d) => d,
                    None => {
                        let mut buf = [0u8; 4];
                        let d = PyString::new(py, c.encode_utf8(&mut buf))
                            .call_method0(intern!(py, "isdigit"))?
                            .extract::<bool>()?;
                        self.digits.lock().unwrap_or_else(|e| e.into_inner()).insert(c as u32, d);
                        d
                    }
                }
            };
            if digit {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

#[pymethods]
impl Aligner {
    /// An aligner; ``figures``: characters that count as digits besides ``str.isdigit``'s.
    #[new]
    #[pyo3(signature = (figures = ""))]
    fn new(figures: &str) -> Self {
        Aligner { digits: Mutex::new(HashMap::new()), figures: figures.chars().collect() }
    }

    /// The opcodes of two word lists and the ones that only swap neighbours.
    ///
    /// Args:
    ///     a: the words of one paragraph (strings).
    ///     b: the words of the other.
    ///     max_substitution: the longest replaced run (a side) that can be a swap.
    ///
    /// Returns:
    ///     ``(ops, moved)``: ``difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()``
    ///     (a list of ``(tag, i1, i2, j1, j2)`` tuples) and the set of the indices of the opcodes
    ///     that only move words by one or two places (none of them holding a digit).
    ///
    /// Raises:
    ///     TypeError: ``a`` or ``b`` is not an iterable of strings.
    #[pyo3(signature = (a, b, max_substitution))]
    fn opcodes<'py>(
        &self,
        py: Python<'py>,
        a: &Bound<'py, PyAny>,
        b: &Bound<'py, PyAny>,
        max_substitution: usize,
    ) -> PyResult<(Bound<'py, PyList>, Bound<'py, PySet>)> {
        let (sa, sb) = (strings(a)?, strings(b)?);
        let mut bytes = Vec::with_capacity(sa.len() + sb.len());
        for w in sa.iter().chain(sb.iter()) {
            bytes.push(word_bytes(w)?);
        }
        // Equal words, equal ids; each id's digit flag from its first occurrence.
        let mut ids: HashMap<&[u8], u32> = HashMap::with_capacity(bytes.len());
        let mut digit = Vec::new();
        let mut words = Vec::with_capacity(bytes.len());
        for w in &bytes {
            let next = ids.len() as u32;
            let id = *ids.entry(w.as_ref()).or_insert(next);
            if id == next {
                digit.push(self.has_digit(py, w)?);
            }
            words.push(id);
        }
        let n_ids = digit.len();
        let (wa, wb) = words.split_at(sa.len());
        let (ops, moved) = py.allow_threads(|| {
            let ops = align::opcodes(wa, wb, n_ids);
            let moved = align::swaps(&ops, wa, wb, &digit, max_substitution);
            (ops, moved)
        });
        let tuples = ops
            .iter()
            .map(|o| {
                let tag = match o.tag {
                    Tag::Replace => intern!(py, "replace"),
                    Tag::Delete => intern!(py, "delete"),
                    Tag::Insert => intern!(py, "insert"),
                    Tag::Equal => intern!(py, "equal"),
                };
                (tag.clone(), o.i1, o.i2, o.j1, o.j2)
            })
            .collect::<Vec<_>>();
        Ok((PyList::new(py, tuples)?, PySet::new(py, moved)?))
    }
}

/// The words of a batch of paragraphs, from the character-table entries of ``"\n".join(texts)``.
///
/// Args:
///     entries: uint32, the table entry of each character (``shingle.char_table``'s layout).
///     lengths: int64, the length of each paragraph (the batch is joined with one separator).
///
/// Returns:
///     ``(starts, ends, hashes, offsets)``: int64 position of each word's first character and
///     just after its last, uint64 hash of each word, and int64 ``len(lengths) + 1`` word
///     offsets of the paragraphs.
///
/// Raises:
///     ValueError: a negative length, or lengths that run past the entries.
///     TypeError: an argument is not a contiguous numpy array of its dtype.
#[pyfunction]
fn tokenize_words<'py>(
    py: Python<'py>,
    entries: PyReadonlyArray1<'py, u32>,
    lengths: PyReadonlyArray1<'py, i64>,
) -> PyResult<(Bound<'py, PyArray1<i64>>, Bound<'py, PyArray1<i64>>, Bound<'py, PyArray1<u64>>, Bound<'py, PyArray1<i64>>)>
{
    let (e, l) = (entries.as_slice()?, lengths.as_slice()?);
    let w = py.allow_threads(|| tokens::words(e, l))?;
    Ok((
        PyArray1::from_vec(py, w.starts),
        PyArray1::from_vec(py, w.ends),
        PyArray1::from_vec(py, w.hashes),
        PyArray1::from_vec(py, w.offsets),
    ))
}

/// Whether each word is a number written with a minus sign (``shingle.Tokens.signed``: a minus
/// sign, or a minus and a currency sign, just before its first digit, no word character before).
///
/// Args:
///     entries: the batch's character-table entries (uint32).
///     starts: the position of each word's first character (int64).
///
/// Returns:
///     bool array, one per word.
///
/// Raises:
///     ValueError: a start outside the entries.
///     TypeError: an argument is not a contiguous numpy array of its dtype.
#[pyfunction]
fn signed_words<'py>(
    py: Python<'py>,
    entries: PyReadonlyArray1<'py, u32>,
    starts: PyReadonlyArray1<'py, i64>,
) -> PyResult<Bound<'py, PyArray1<bool>>> {
    let (e, s) = (entries.as_slice()?, starts.as_slice()?);
    let out = py.allow_threads(|| tokens::signed_words(e, s))?;
    Ok(PyArray1::from_vec(py, out))
}

/// The paragraphs of a batch (laid out as for ``tokenize_words``) with an entry holding ``flag``.
///
/// Returns:
///     int64 array of the paragraph indices, ascending.
///
/// Raises:
///     ValueError: a negative length, or lengths that run past the entries.
///     TypeError: an argument is not a contiguous numpy array of its dtype.
#[pyfunction]
fn flagged_paragraphs<'py>(
    py: Python<'py>,
    entries: PyReadonlyArray1<'py, u32>,
    lengths: PyReadonlyArray1<'py, i64>,
    flag: u32,
) -> PyResult<Bound<'py, PyArray1<i64>>> {
    let (e, l) = (entries.as_slice()?, lengths.as_slice()?);
    let out = py.allow_threads(|| tokens::flagged_paragraphs(e, l, flag))?;
    Ok(PyArray1::from_vec(py, out))
}

/// The 32-bit hashes of the word n-grams inside each paragraph (``shingle.shingles``).
///
/// Args:
///     hashes: uint64, the word hashes of a batch.
///     offsets: int64, the word offsets of its paragraphs (from 0, non-decreasing).
///     n: words per shingle (1 or more).
///
/// Returns:
///     ``(shingles, offsets)``: uint32 hashes, paragraph after paragraph, and the int64
///     offsets of each paragraph's shingles.
///
/// Raises:
///     ValueError: ``n`` is 0, or the offsets are not positions into ``hashes``.
///     TypeError: an argument is not a contiguous numpy array of its dtype.
#[pyfunction]
fn word_shingles<'py>(
    py: Python<'py>,
    hashes: PyReadonlyArray1<'py, u64>,
    offsets: PyReadonlyArray1<'py, i64>,
    n: usize,
) -> PyResult<(Bound<'py, PyArray1<u32>>, Bound<'py, PyArray1<i64>>)> {
    let (h, o) = (hashes.as_slice()?, offsets.as_slice()?);
    let (s, so) = py.allow_threads(|| tokens::shingles(h, o, n))?;
    Ok((PyArray1::from_vec(py, s), PyArray1::from_vec(py, so)))
}

/// int64 offsets as positions (``ValueError`` for a negative one).
fn positions(name: &str, o: &[i64]) -> PyResult<Vec<usize>> {
    o.iter()
        .map(|&x| usize::try_from(x).map_err(|_| InputError(format!("{name}: negative offset {x}")).into()))
        .collect()
}

/// ``verify.verify`` (or, with ``ordered=False``, ``verify.compare``) of a batch of pairs.
///
/// Args:
///     chars: uint32, the code points of every distinct word, one after the other.
///     char_offsets: int64, ``words + 1`` offsets into ``chars``.
///     classes: uint32, each word's lexical class id (``0xFFFFFFFF``: none).
///     flags: uint8, each word's flags (``verify``'s ``_HAS_DIGIT`` ...).
///     keys: uint32, each word's fact key id.
///     key_polar: uint8, per fact key id, 1 where it is polar.
///     affixes: the affix flips ``(suffix, a, b)`` (``lexicon.AFFIX_FLIPS``), affixes as lists of code points.
///     endings: the Hangul syllables of Korean particles and endings (``lexicon_unspaced.HANGUL_ENDINGS``),
///         sorted code points.
///     level: the class id of the words that mark a figure's level (``lexicon.LEVEL_CLASS``), ``0xFFFFFFFF``: none.
///     dates: the words of dates with their values, as code points, sorted (``verify._DATE_WORDS``: month
///         numbers, 0 for a date's mark, 20 for a weekday, 21 for a day named from today).
///     units: the names of units of length and area with a unit id (``lexicon.UNIT_NAMES``), as code points, sorted.
///     para_words: uint32, the word ids of every paragraph, one after the other.
///     para_facts: uint8, each of those words' fact flags (`verify::FACT`, `verify::NEGATING`).
///     para_offsets: int64, ``paragraphs + 1`` offsets into ``para_words``.
///     shingles: uint32, the sorted distinct shingle hashes of every paragraph.
///     shingle_offsets: int64, ``paragraphs + 1`` offsets into ``shingles``.
///     pairs: int64, ``2 * n`` paragraph indices, pair after pair.
///     thresholds: ``(max_substitution, max_phrase, duplicate_cover, edit_min_jaccard, edit_min_words,
///         (replaced_min_words, replaced_one_min_words), min_passage_words, min_jaccard, containment, containment_threshold,
///         min_contained_words, exchange_max_words)``.
///     ordered: True for verdicts (each pair put in ``verify``'s order first), False for the
///         alignment of each pair as given.
///
/// Returns:
///     ``(kinds, figures, counts)``: uint8 kind per pair (0 none, 1 duplicate, 2 contained,
///     3 quoted, 4 different), float64 ``(n, 3)`` Jaccard, containment, cover, and int64
///     ``(n, 7)`` conflict, matched, changes, fact change, gaps, edits, content words replaced.
///
/// Raises:
///     ValueError: offsets or ids out of range, or an odd number of pair indices.
///     TypeError: an argument is not a contiguous numpy array of its dtype.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn verify_pairs<'py>(
    py: Python<'py>,
    chars: PyReadonlyArray1<'py, u32>,
    char_offsets: PyReadonlyArray1<'py, i64>,
    classes: PyReadonlyArray1<'py, u32>,
    flags: PyReadonlyArray1<'py, u8>,
    keys: PyReadonlyArray1<'py, u32>,
    key_polar: PyReadonlyArray1<'py, u8>,
    affixes: Vec<(bool, Vec<u32>, Vec<u32>)>,
    endings: Vec<u32>,
    level: u32,
    dates: Vec<(Vec<u32>, u32)>,
    units: Vec<(Vec<u32>, u32)>,
    para_words: PyReadonlyArray1<'py, u32>,
    para_facts: PyReadonlyArray1<'py, u8>,
    para_offsets: PyReadonlyArray1<'py, i64>,
    shingles: PyReadonlyArray1<'py, u32>,
    shingle_offsets: PyReadonlyArray1<'py, i64>,
    pairs: PyReadonlyArray1<'py, i64>,
    thresholds: (usize, usize, f64, f64, usize, (usize, usize), usize, f64, bool, f64, usize, usize),
    ordered: bool,
) -> PyResult<(Bound<'py, PyArray1<u8>>, Bound<'py, PyArray2<f64>>, Bound<'py, PyArray2<i64>>)> {
    let char_offsets = positions("char_offsets", char_offsets.as_slice()?)?;
    let para_offsets = positions("para_offsets", para_offsets.as_slice()?)?;
    let shingle_offsets = positions("shingle_offsets", shingle_offsets.as_slice()?)?;
    let p = pairs.as_slice()?;
    if p.len() % 2 != 0 {
        return Err(InputError("pairs: an odd number of paragraph indices".into()).into());
    }
    let pairs = positions("pairs", p)?.chunks(2).map(|c| (c[0], c[1])).collect::<Vec<_>>();
    let key_polar: Vec<bool> = key_polar.as_slice()?.iter().map(|&k| k != 0).collect();
    let (mx, ph, dc, ej, ew, (rw, r1), mp, mj, co, ct, mc, ex) = thresholds;
    let t = verify::Thresholds {
        max_substitution: mx,
        max_phrase: ph,
        duplicate_cover: dc,
        edit_min_jaccard: ej,
        edit_min_words: ew,
        replaced_min_words: rw,
        replaced_one_min_words: r1,
        min_passage_words: mp,
        min_jaccard: mj,
        containment: co,
        containment_threshold: ct,
        min_contained_words: mc,
        exchange_max_words: ex,
    };
    let batch = verify::Batch {
        words: verify::Words {
            chars: chars.as_slice()?,
            offsets: &char_offsets,
            class: classes.as_slice()?,
            flags: flags.as_slice()?,
            key: keys.as_slice()?,
            key_polar: &key_polar,
            affix_flips: &affixes,
            endings: &endings,
            level,
            dates: &dates,
            units: &units,
        },
        para_words: para_words.as_slice()?,
        para_facts: para_facts.as_slice()?,
        para_offsets: &para_offsets,
        shingles: shingles.as_slice()?,
        shingle_offsets: &shingle_offsets,
    };
    let out = py.allow_threads(|| batch.run(&pairs, &t, ordered))?;
    let n = out.len();
    let mut kinds = Vec::with_capacity(n);
    let mut figures = Vec::with_capacity(n * 3);
    let mut counts = Vec::with_capacity(n * 7);
    for v in &out {
        kinds.push(v.kind);
        figures.extend([v.jaccard, v.containment, v.cover]);
        let a = v.alignment;
        let (conflict, fact) = (i64::from(v.conflict), i64::from(a.fact_change));
        counts.extend([conflict, a.matched as i64, a.changes as i64, fact, a.gaps as i64, a.edits as i64, a.replaced as i64]);
    }
    Ok((PyArray1::from_vec(py, kinds), to_numpy(py, figures, n, 3)?, to_numpy(py, counts, n, 7)?))
}

/// Whether ``b`` is ``a`` with two separated phrases exchanged (``verify.EXCHANGE_MAX_WORDS``; the core's
/// ``verify::exchanged``, which :func:`verify_pairs` reads on every copy and passage).
///
/// Args:
///     a: word ids of one paragraph.
///     b: word ids of the other.
///     stop: per word id, whether it is a stop word.
///     max_words: the longest phrase read.
///
/// Raises:
///     ValueError: a word id has no entry in ``stop``.
#[pyfunction]
fn exchanged(a: Vec<u32>, b: Vec<u32>, stop: Vec<bool>, max_words: usize) -> PyResult<bool> {
    if a.iter().chain(&b).any(|&x| x as usize >= stop.len()) {
        return Err(InputError(format!("a word id beyond the {} of stop", stop.len())).into());
    }
    Ok(verify::exchanged(&a, &b, max_words, |x| stop[x as usize]))
}

/// The order to verify candidate pairs in (``dedup.stage``): pairs sharing paragraphs side by side.
///
/// Args:
///     pairs: int64, the pairs' paragraph ids, ``(a, b)`` one pair after the other.
///
/// Returns:
///     int64 array, a permutation of the pairs' positions (see ``native/src/pair_order.rs``).
///
/// Raises:
///     ValueError: an odd number of ids, or a negative one.
///     TypeError: ``pairs`` is not a contiguous int64 numpy array.
#[pyfunction]
fn locality_order<'py>(py: Python<'py>, pairs: PyReadonlyArray1<'py, i64>) -> PyResult<Bound<'py, PyArray1<i64>>> {
    let p = pairs.as_slice()?;
    let order = py.allow_threads(|| crate::pair_order::locality_order(p))?;
    Ok(PyArray1::from_vec(py, order.into_iter().map(|k| k as i64).collect()))
}

fn id_pairs(name: &str, flat: &[i64]) -> PyResult<Vec<(usize, usize)>> {
    if flat.len() % 2 != 0 {
        return Err(InputError(format!("{name}: an odd number of ids")).into());
    }
    Ok(positions(name, flat)?.chunks(2).map(|c| (c[0], c[1])).collect())
}

/// ``dedup.cluster.keepers``: which paragraphs go, and the kept paragraph each points at.
///
/// Args:
///     n: the number of ids.
///     duplicates: int64, duplicate pairs, flat (either order).
///     contained: int64, ``(inner, outer)`` pairs, flat.
///     conflicts: int64, pairs never in one cluster, flat.
///     rank: int64, per id its keep rank, or None (each cluster keeps its smallest id).
///     labelled: int64, the ids with a family label.
///     family: int64, their family.
///     variant: int64, their variant.
///
/// Returns:
///     ``(pids, targets, contained)``: int64 the removed ids in order and the kept id each points
///     at, bool whether it is contained (else a duplicate).
///
/// Raises:
///     ValueError: an id out of range, an odd number of pair ids, or arrays of unequal lengths.
///     TypeError: an argument is not a contiguous numpy array of its dtype.
#[pyfunction]
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
fn choose_keepers<'py>(
    py: Python<'py>,
    n: usize,
    duplicates: PyReadonlyArray1<'py, i64>,
    contained: PyReadonlyArray1<'py, i64>,
    conflicts: PyReadonlyArray1<'py, i64>,
    rank: Option<PyReadonlyArray1<'py, i64>>,
    labelled: PyReadonlyArray1<'py, i64>,
    family: PyReadonlyArray1<'py, i64>,
    variant: PyReadonlyArray1<'py, i64>,
) -> PyResult<(Bound<'py, PyArray1<i64>>, Bound<'py, PyArray1<i64>>, Bound<'py, PyArray1<bool>>)> {
    let duplicates = id_pairs("duplicates", duplicates.as_slice()?)?;
    let contained = id_pairs("contained", contained.as_slice()?)?;
    let conflicts = id_pairs("conflicts", conflicts.as_slice()?)?;
    let (labelled, family, variant) = (positions("labelled", labelled.as_slice()?)?, family.as_slice()?, variant.as_slice()?);
    if labelled.len() != family.len() || labelled.len() != variant.len() {
        return Err(InputError("labelled, family and variant differ in length".into()).into());
    }
    let families: Vec<(usize, i64, i64)> = labelled.iter().zip(family).zip(variant).map(|((&p, &f), &v)| (p, f, v)).collect();
    let rank = match &rank {
        Some(r) => Some(r.as_slice()?),
        None => None,
    };
    let removals = py.allow_threads(|| crate::cluster::choose_keepers(n, &duplicates, &contained, &conflicts, rank, &families))?;
    let pids = removals.iter().map(|r| r.pid as i64).collect::<Vec<i64>>();
    let targets = removals.iter().map(|r| r.target as i64).collect::<Vec<i64>>();
    let inside = removals.iter().map(|r| r.reason == crate::cluster::Reason::Contained).collect::<Vec<bool>>();
    Ok((PyArray1::from_vec(py, pids), PyArray1::from_vec(py, targets), PyArray1::from_vec(py, inside)))
}

/// The native core of nettoyeur (see the README's "Native core").
#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Aligner>()?;
    m.add_class::<crate::intern::py::WordInterner>()?;
    m.add_class::<crate::rules::py::PyRuleSet>()?;
    m.add_class::<crate::dates::py::PyDateSearch>()?;
    m.add_class::<crate::formulas::py::PyFormulas>()?;
    m.add_function(wrap_pyfunction!(tokenize_words, m)?)?;
    m.add_function(wrap_pyfunction!(verify_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(exchanged, m)?)?;
    m.add_function(wrap_pyfunction!(locality_order, m)?)?;
    m.add_function(wrap_pyfunction!(choose_keepers, m)?)?;
    m.add_function(wrap_pyfunction!(word_shingles, m)?)?;
    m.add_function(wrap_pyfunction!(flagged_paragraphs, m)?)?;
    m.add_function(wrap_pyfunction!(signed_words, m)?)?;
    m.add_function(wrap_pyfunction!(minhash_signatures, m)?)?;
    m.add_function(wrap_pyfunction!(lsh_band_keys, m)?)?;
    crate::python_chars::register(m)?;
    crate::shapes_py::register(m)?;
    crate::jsonl_py::register(m)?;
    crate::reader_py::register(m)?;
    crate::mark_py::register(m)?;
    crate::position_py::register(m)?;
    crate::article_py::register(m)?;
    crate::entries_py::register(m)?;
    crate::memo_py::register(m)?;
    crate::walks_py::register(m)?;
    crate::sign_py::register(m)?;
    crate::render_py::register(m)?;
    Ok(())
}
