//! Word ids for verification: the words of a chunk of candidate paragraphs, cut by `tokens`,
//! numbered so that equal words get equal ids (across the batches a chunk is tokenised in), and
//! the distinct words kept once, as the per-word tables of `verify` want them. Words are
//! compared exactly (their folded code points), never by hash alone.

use std::collections::HashMap;

use crate::InputError;

/// Numbers words: equal folded code points, equal ids, in order of first appearance.
#[derive(Debug)]
pub struct Interner {
    /// Ids of the words seen, by the FNV-1a hash of their folded code points.
    table: HashMap<u64, Vec<u32>>,
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
        Interner { table: HashMap::new(), chars: Vec::new(), offsets: vec![0] }
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
        let Interner { table, chars, offsets } = self;
        let mut out = Vec::with_capacity(starts.len());
        for (&s, &e) in starts.iter().zip(ends) {
            if s < 0 || e < s || e as usize > entries.len() {
                return Err(InputError("a word outside the entries".into()));
            }
            let word = &entries[s as usize..e as usize];
            let bucket = table.entry(fnv1a(word, mask)).or_default();
            let same = |&id: &u32| {
                let known = &chars[offsets[id as usize]..offsets[id as usize + 1]];
                known.len() == word.len() && known.iter().zip(word).all(|(&k, &c)| k == c & mask)
            };
            let id = match bucket.iter().copied().find(same) {
                Some(id) => id,
                None => {
                    let id = (offsets.len() - 1) as u32;
                    chars.extend(word.iter().map(|&c| c & mask));
                    offsets.push(chars.len());
                    bucket.push(id);
                    id
                }
            };
            out.push(id);
        }
        Ok(out)
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
    }

    #[pymethods]
    impl WordInterner {
        #[new]
        fn new() -> Self {
            WordInterner { inner: super::Interner::new() }
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
}
