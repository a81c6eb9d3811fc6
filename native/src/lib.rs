//! The native core of nettoyeur: per-shingle and per-signature numeric work, called from Python
//! as `nettoyeur._core` (see `python.rs`). Ported so far: MinHash signatures (`minhash`) and LSH
//! band keys (`lsh`), bit-identical to the numpy code they replace, and the word alignment of
//! verification (`align`: difflib's opcodes and the swaps of neighbouring words), and the words
//! and shingles of a batch of paragraphs (`tokens`: cut and hashed from Python's character table),
//! and the classification and verdict of verification (`verify`: `verify.compare` and
//! `verify.verify` on a batch of candidate pairs, from per-word traits computed in Python), the
//! line shapes and line keys of the boilerplate signals (`shapes`: from Python's character table,
//! with the frequency keys' BLAKE2b-64; bindings in `shapes_py`), the per-line tests the signals
//! read and their first pass and blocks (`mark`; bindings in `mark_py`), and the candidates of the
//! pattern rules (`rules`: which rules can match each line of a batch, by word limit, needles and
//! a superset of each Python pattern; Python confirms them) and marking's date search (`dates`: exact,
//! Python's lookarounds read by hand), the loading of documents (`lines`:
//! a decoded text into its lines and paragraphs; `repair_gate`: the scan of the repair gate;
//! bindings in `reader_py`), the order candidate pairs are verified in (`pair_order`), the candidate pairs families settle (`settled`), the clusters and kept copies of the duplicates (`cluster`), and the report's JSON Lines (`jsonl`: the string literals Python's
//! `json` writes; the walk over a batch of records in `jsonl_py`), and the write pass's output and
//! report lines of a document (`render`; binding in `render_py`).
//!
//! The kernels take plain slices and return errors as values; they never panic on input that the
//! bindings let through (the bindings check shapes and dtypes, the kernels check the rest).

pub mod align;
pub mod chars;
pub mod cluster;
pub mod dates;
pub mod dot;
pub mod formulas;
pub mod guards;
pub mod intern;
pub mod jsonl;
pub mod lines;
pub mod lsh;
pub mod lsh_pairs;
pub mod mark;
pub mod minhash;
pub mod position;
pub mod pair_order;
pub mod render;
pub mod repair_gate;
pub mod rules;
pub mod rules_hir;
pub mod settled;
pub mod shapes;
pub mod sign;
pub mod tokens;
pub mod verify;
mod split;

#[cfg(feature = "python")]
mod jsonl_py;
#[cfg(feature = "python")]
mod python;
#[cfg(feature = "python")]
mod python_chars;
#[cfg(feature = "python")]
mod shapes_py;
#[cfg(feature = "python")]
mod reader_py;
#[cfg(feature = "python")]
mod mark_py;
#[cfg(feature = "python")]
mod position_py;
#[cfg(feature = "python")]
mod article_py;
#[cfg(feature = "python")]
mod entries_py;
#[cfg(feature = "python")]
mod memo_py;
#[cfg(feature = "python")]
mod walks_py;
#[cfg(feature = "python")]
mod sign_py;
#[cfg(feature = "python")]
mod render_py;

/// An input the kernels refuse, with the message the Python side raises as `ValueError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// Returns the number of threads to use: `threads`, or every core the OS gives the process when 0.
pub fn resolve_threads(threads: usize) -> usize {
    if threads > 0 {
        threads
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
}
