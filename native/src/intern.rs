//! Word ids for verification: the words of a chunk of candidate paragraphs, cut by `tokens`,
//! numbered so that equal words get equal ids (across the batches a chunk is tokenised in), and
//! the distinct words kept once, as the per-word tables of `verify` want them. Words are
//! compared exactly (their folded code points), never by hash alone.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::InputError;

/// A table keyed by a hash already computed (the FNV-1a of a word): its bits are mixed once
/// (splitmix64's finaliser), not hashed again by SipHash.
#[derive(Debug, Default, Clone, Copy)]
struct Mixed(u64);

impl Hasher for Mixed {
    fn finish(&self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
        }
    }

    fn write_u64(&mut self, h: u64) {
        self.0 ^= h;
    }
}

/// Numbers words: equal folded code points, equal ids, in order of first appearance.
///
/// A word's id sits in the table itself, by its hash (no list to follow per look-up); the
/// words that share a hash with an earlier one (different code points, the same 64 bits) are
/// listed apart.
#[derive(Debug)]
pub struct Interner {
    /// The id of the first word seen with each FNV-1a hash of the folded code points.
    table: HashMap<u64, u32, BuildHasherDefault<Mixed>>,
    /// The ids of the later words with a hash already in `table`.
    collided: HashMap<u64, Vec<u32>>,
    /// The folded code points of every distinct word, one after the other.
    pub chars: Vec<u32>,
    /// `chars[offsets[id]..offsets[id + 1]]` is word `id` (`len() + 1` offsets).
    pub offsets: Vec<usize>,
}

impl Default for Interner {
    fn default() -> Self {
        Interner::new()
    }
}

fn fnv1a(word: &[u32], mask: u32) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for &c in word {
        h = (h ^ u64::from(c & mask)).wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

impl Interner {
    pub fn new() -> Interner {
        Interner { table: HashMap::default(), collided: HashMap::new(), chars: Vec::new(), offsets: vec![0] }
    }

    /// Forgets every word, keeping the tables' room (a chunk's interner is cleared for the next chunk).
    pub fn clear(&mut self) {
        self.table.clear();
        self.collided.clear();
        self.chars.clear();
        self.offsets.truncate(1);
    }

    /// The number of distinct words seen.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The id of each word `entries[starts[k]..ends[k]]`, each code point read as `c & mask`.
    pub fn add(&mut self, entries: &[u32], starts: &[i64], ends: &[i64], mask: u32) -> Result<Vec<u32>, InputError> {
        if starts.len() != ends.len() {
            return Err(InputError("starts and ends differ in length".into()));
        }
        let Interner { table, collided, chars, offsets } = self;
        let mut out = Vec::with_capacity(starts.len());
        for (&s, &e) in starts.iter().zip(ends) {
            if s < 0 || e < s || e as usize > entries.len() {
                return Err(InputError("a word outside the entries".into()));
            }
            let word = &entries[s as usize..e as usize];
            let same = |id: u32| {
                let known = &chars[offsets[id as usize]..offsets[id as usize + 1]];
                known.len() == word.len() && known.iter().zip(word).all(|(&k, &c)| k == c & mask)
            };
            let next = (offsets.len() - 1) as u32;
            let h = fnv1a(word, mask);
            let id = match table.entry(h) {
                Entry::Vacant(slot) => *slot.insert(next),
                Entry::Occupied(slot) if same(*slot.get()) => *slot.get(),
                Entry::Occupied(_) => {
                    let bucket = collided.entry(h).or_default();
                    match bucket.iter().copied().find(|&id| same(id)) {
                        Some(id) => id,
                        None => {
                            bucket.push(next);
                            next
                        }
                    }
                }
            };
            if id == next {
                chars.extend(word.iter().map(|&c| c & mask));
                offsets.push(chars.len());
            }
            out.push(id);
        }
        Ok(out)
    }
}

/// The words of one chunk, numbered from 0 in order of first appearance, each with its id in a
/// process's [`Interner`]. The chunk's tokens are looked up in a table of the chunk's words alone
/// (~4,500 in a chunk of 512 candidate pairs), and only its distinct words in the process's
/// (~50,000 for 300k paragraphs of real pages): a table that large is slower to look up a token
/// in, its entries out of the cache (141 chunks: 0.69 s to number their tokens in it, 0.10 s so).
#[derive(Debug, Default)]
pub struct Chunk {
    /// The chunk's words.
    pub words: Interner,
    /// The process's id of each of them.
    pub globals: Vec<u32>,
}

impl Chunk {
    /// Starts a new chunk: no word in it.
    pub fn clear(&mut self) {
        self.words.clear();
        self.globals.clear();
    }

    /// The chunk id of each word `entries[starts[k]..ends[k]]` (code points read as `c & mask`),
    /// numbering the words new to the chunk, and new to the process in `process`.
    pub fn add(&mut self, process: &mut Interner, entries: &[u32], starts: &[i64], ends: &[i64], mask: u32) -> Result<Vec<u32>, InputError> {
        let known = self.words.len();
        let ids = self.words.add(entries, starts, ends, mask)?;
        let offsets = &self.words.offsets[known..];
        let starts: Vec<i64> = offsets[..offsets.len() - 1].iter().map(|&o| o as i64).collect();
        let ends: Vec<i64> = offsets[1..].iter().map(|&o| o as i64).collect();
        self.globals.extend(process.add(&self.words.chars, &starts, &ends, u32::MAX)?);
        Ok(ids)
    }
}

#[cfg(feature = "python")]
pub mod py {
    use numpy::{PyArray1, PyReadonlyArray1};
    use pyo3::prelude::*;

    /// Numbers the words of a chunk of paragraphs (see ``nettoyeur.dedup.verify.Prepared``):
    /// equal words (their folded code points), equal ids, in order of first appearance.
    #[pyclass(module = "nettoyeur._core")]
    pub struct WordInterner {
        inner: super::Interner,
        chunk: super::Chunk,
    }

    #[pymethods]
    impl WordInterner {
        #[new]
        fn new() -> Self {
            WordInterner { inner: super::Interner::new(), chunk: super::Chunk::default() }
        }

        /// The id of each word of a tokenised batch (``shingle.Tokens``).
        ///
        /// Args:
        ///     entries: uint32, the character-table entries of the batch.
        ///     starts: int64, where each word starts in ``entries``.
        ///     ends: int64, just after each word.
        ///     mask: the bits of an entry that are the folded code point.
        ///
        /// Returns:
        ///     uint32 array, the id of each word.
        ///
        /// Raises:
        ///     ValueError: a word outside the entries, or starts and ends of different lengths.
        ///     TypeError: an argument is not a contiguous numpy array of its dtype.
        fn add<'py>(
            &mut self,
            py: Python<'py>,
            entries: PyReadonlyArray1<'py, u32>,
            starts: PyReadonlyArray1<'py, i64>,
            ends: PyReadonlyArray1<'py, i64>,
            mask: u32,
        ) -> PyResult<Bound<'py, PyArray1<u32>>> {
            let (e, s, n) = (entries.as_slice()?, starts.as_slice()?, ends.as_slice()?);
            let inner = &mut self.inner;
            let ids = py.allow_threads(|| inner.add(e, s, n, mask))?;
            Ok(PyArray1::from_vec(py, ids))
        }

        /// The distinct words: ``(chars, offsets)``, uint32 folded code points one word after
        /// the other and int64 ``len + 1`` offsets (word ``id`` is ``chars[offsets[id]:offsets[id + 1]]``).
        fn words<'py>(&self, py: Python<'py>) -> (Bound<'py, PyArray1<u32>>, Bound<'py, PyArray1<i64>>) {
            let offsets = self.inner.offsets.iter().map(|&o| o as i64).collect::<Vec<i64>>();
            (PyArray1::from_slice(py, &self.inner.chars), PyArray1::from_vec(py, offsets))
        }

        /// Starts a new chunk (see ``add_to_chunk``): its words are numbered from 0 again.
        fn begin_chunk(&mut self) {
            self.chunk.clear();
        }

        /// ``add``, and the id of each word in the current chunk instead: the chunk's distinct
        /// words numbered from 0 in order of first appearance (``chunk_words`` lists them).
        ///
        /// Raises:
        ///     ValueError: a word outside the entries, or starts and ends of different lengths.
        ///     TypeError: an argument is not a contiguous numpy array of its dtype.
        fn add_to_chunk<'py>(
            &mut self,
            py: Python<'py>,
            entries: PyReadonlyArray1<'py, u32>,
            starts: PyReadonlyArray1<'py, i64>,
            ends: PyReadonlyArray1<'py, i64>,
            mask: u32,
        ) -> PyResult<Bound<'py, PyArray1<u32>>> {
            let (e, s, n) = (entries.as_slice()?, starts.as_slice()?, ends.as_slice()?);
            let (inner, chunk) = (&mut self.inner, &mut self.chunk);
            let ids = py.allow_threads(|| chunk.add(inner, e, s, n, mask))?;
            Ok(PyArray1::from_vec(py, ids))
        }

        /// The current chunk's words, by chunk id: ``(ids, chars, offsets)``, uint32 their ids
        /// here, uint32 their code points one after the other and int64 ``len + 1`` offsets.
        #[allow(clippy::type_complexity)]
        fn chunk_words<'py>(
            &self,
            py: Python<'py>,
        ) -> (Bound<'py, PyArray1<u32>>, Bound<'py, PyArray1<u32>>, Bound<'py, PyArray1<i64>>) {
            let words = &self.chunk.words;
            let offsets = words.offsets.iter().map(|&o| o as i64).collect::<Vec<i64>>();
            (PyArray1::from_slice(py, &self.chunk.globals), PyArray1::from_slice(py, &words.chars), PyArray1::from_vec(py, offsets))
        }

        /// The distinct words from id ``start`` on, as ``words`` gives them all (offsets from the
        /// first of them).
        fn words_from<'py>(&self, py: Python<'py>, start: usize) -> (Bound<'py, PyArray1<u32>>, Bound<'py, PyArray1<i64>>) {
            let start = start.min(self.inner.len());
            let base = self.inner.offsets[start];
            let offsets = self.inner.offsets[start..].iter().map(|&o| (o - base) as i64).collect::<Vec<i64>>();
            (PyArray1::from_slice(py, &self.inner.chars[base..]), PyArray1::from_vec(py, offsets))
        }

        fn __len__(&self) -> usize {
            self.inner.len()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_words_get_equal_ids_across_batches() {
        let mut w = Interner::new();
        // "ab cd ab" with a flag bit above the mask on one "ab".
        let entries = [97, 98 | 1 << 25, 0, 99, 100, 0, 97, 98];
        let ids = w.add(&entries, &[0, 3, 6], &[2, 5, 8], 0x1F_FFFF).unwrap();
        assert_eq!(ids, vec![0, 1, 0]);
        let more = w.add(&[99, 100, 0, 101], &[0, 3], &[2, 4], 0x1F_FFFF).unwrap();
        assert_eq!(more, vec![1, 2]);
        assert_eq!(w.len(), 3);
        assert_eq!(w.chars, vec![97, 98, 99, 100, 101]);
        assert_eq!(w.offsets, vec![0, 2, 4, 5]);
        assert!(w.add(&entries, &[0], &[9], 0x1F_FFFF).is_err());
        assert!(w.add(&entries, &[0], &[], 0x1F_FFFF).is_err());
    }

    #[test]
    fn words_that_share_a_hash_keep_their_own_ids() {
        let mut w = Interner::new();
        assert_eq!(w.add(&[97, 98], &[0], &[2], u32::MAX).unwrap(), vec![0]); // "ab"
        // "cd" as if it had the hash of "ab": the table points its hash at "ab".
        w.table.insert(fnv1a(&[99, 100], u32::MAX), 0);
        assert_eq!(w.add(&[99, 100, 0, 99, 100, 0, 97, 98], &[0, 3, 6], &[2, 5, 8], u32::MAX).unwrap(), vec![1, 1, 0]);
        assert_eq!(w.len(), 2);
        assert_eq!(w.chars, vec![97, 98, 99, 100]);
    }

    #[test]
    fn a_chunk_numbers_its_own_words_from_zero() {
        let mut process = Interner::new();
        let mut chunk = Chunk::default();
        let ids = chunk.add(&mut process, &[97, 0, 98, 0, 99], &[0, 2, 4], &[1, 3, 5], 0x1F_FFFF).unwrap(); // a b c
        assert_eq!((ids, chunk.globals.clone()), (vec![0, 1, 2], vec![0, 1, 2]));
        chunk.clear();
        // c d c, with a flag bit above the mask on the first c
        let ids = chunk.add(&mut process, &[99 | 1 << 25, 0, 100, 0, 99], &[0, 2, 4], &[1, 3, 5], 0x1F_FFFF).unwrap();
        assert_eq!((ids, chunk.globals.clone()), (vec![0, 1, 0], vec![2, 3]));
        let more = chunk.add(&mut process, &[97, 0, 100], &[0, 2], &[1, 3], 0x1F_FFFF).unwrap(); // a d
        assert_eq!((more, chunk.globals.clone()), (vec![2, 1], vec![2, 3, 0]));
        assert_eq!((chunk.words.chars.clone(), chunk.words.offsets.clone()), (vec![99, 100, 97], vec![0, 1, 2, 3]));
        assert_eq!(process.len(), 4);
        assert!(chunk.add(&mut process, &[97], &[0], &[2], 0x1F_FFFF).is_err());
    }
}
