//! The formulas of a letter (`content_guards.SALUTATIONS`, `CLOSINGS`): whether one opens a line,
//! asked by the content guards' walk (`spared_lines`, native/src/mark_py.rs) and the letter's end
//! (`ArticleSignals.letter_end`, native/src/article_py.rs) of the lines they read.
//!
//! Each formula list is one pattern, written in Python and translated by
//! `rule_regex.core_regex` (`content_guards.formulas`): a line whose fullmatch holds a formula
//! first (after non-word characters), then the end or a character of `[\W\d_]` (Python's
//! case-insensitive classes spelled out, so the answer is `re.match` of Python's pattern with its
//! lookahead `(?![^\W\d_])`; the property tests hold the two to each other, tests/content_guards_reference.py).
//! Until this round Python's `match` of the two patterns was called back from the core for each
//! line asked: 54 M of the 476 M instructions of marking 600 documents of the benchmark corpus.

use std::sync::Mutex;

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::{Anchored, Input, MatchError, MatchKind};

/// The lazy DFA's cache, at most: the formulas' states are a few hundred (it is cleared and built
/// again past this, so a search never fails).
const CACHE_BYTES: usize = 2 << 20;

/// One formula list's pattern, compiled, with its search cache.
pub struct Formula {
    dfa: DFA,
    cache: Mutex<Cache>,
}

impl Formula {
    /// Compiles a translated pattern (anchored at both ends, its classes spelled out).
    ///
    /// Errors: the pattern does not parse or is too large (its message).
    pub fn new(pattern: &str) -> Result<Formula, String> {
        let dfa = crate::rules::lazy_dfa(pattern, MatchKind::LeftmostFirst, CACHE_BYTES).map_err(|e| e.to_string())?;
        let cache = Mutex::new(dfa.create_cache());
        Ok(Formula { dfa, cache })
    }

    /// Whether the pattern matches `text` (a formula opens it).
    ///
    /// Errors: the search gave up (never, with a cache that is cleared rather than given up on).
    pub fn matches(&self, text: &str) -> Result<bool, MatchError> {
        // (A poisoned lock held a cache that a search left midway: the cache is rebuilt state by
        // state as searches need, so it is read as it is.)
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        let input = Input::new(text).anchored(Anchored::Yes).earliest(true);
        Ok(self.dfa.try_search_fwd(&mut cache, &input)?.is_some())
    }
}

/// The two formula lists of a letter.
pub struct Formulas {
    pub salutation: Formula,
    pub closing: Formula,
}

#[cfg(feature = "python")]
pub mod py {
    //! The binding: `nettoyeur._core.Formulas`.

    use pyo3::exceptions::{PyRuntimeError, PyValueError};
    use pyo3::prelude::*;

    /// The formulas of a letter, compiled (see `formulas.rs`).
    ///
    /// Args:
    ///     salutation: the salutations' pattern (``content_guards.formulas``: translated by
    ///         ``rule_regex.core_regex``).
    ///     closing: the closings' pattern.
    ///
    /// Raises:
    ///     ValueError: a pattern does not compile.
    #[pyclass(frozen, module = "nettoyeur._core", name = "Formulas")]
    pub struct PyFormulas {
        pub(crate) inner: super::Formulas,
    }

    impl PyFormulas {
        /// Whether a salutation formula (`closing`: a closing formula) opens `text`.
        pub(crate) fn opens(&self, closing: bool, text: &str) -> PyResult<bool> {
            let formula = if closing { &self.inner.closing } else { &self.inner.salutation };
            formula.matches(text).map_err(|e| PyRuntimeError::new_err(e.to_string()))
        }
    }

    #[pymethods]
    impl PyFormulas {
        #[new]
        fn new(py: Python<'_>, salutation: String, closing: String) -> PyResult<Self> {
            let compile = |p: &str| super::Formula::new(p).map_err(PyValueError::new_err);
            let (salutation, closing) = py.allow_threads(|| Ok::<_, PyErr>((compile(&salutation)?, compile(&closing)?)))?;
            Ok(PyFormulas { inner: super::Formulas { salutation, closing } })
        }

        /// Whether a salutation formula opens ``text`` (``re.match`` of the salutations' pattern is not None).
        fn salutation(&self, text: &str) -> PyResult<bool> {
            self.opens(false, text)
        }

        /// Whether a closing formula opens ``text``.
        fn closing(&self, text: &str) -> PyResult<bool> {
            self.opens(true, text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_opens_the_line_then_no_letter() {
        // "[\W_]*(?:dear|hi)(?:[\W\d_][\s\S]*)?" with the classes cut down to ASCII.
        let f = Formula::new(r"\A(?:[ ,._]*(?:dear|hi)(?:[ ,!0-9_][\x{0}-\x{10FFFF}]*)?)\z").unwrap();
        for yes in ["dear", "hi", "  dear jo,", "_hi!", "hi2", "dear dear"] {
            assert!(f.matches(yes).unwrap(), "{yes}");
        }
        for no in ["", "dearest", "hid", "oh hi", "xdear", "him"] {
            assert!(!f.matches(no).unwrap(), "{no}");
        }
    }

    #[test]
    fn a_pattern_that_does_not_parse_is_an_error() {
        assert!(Formula::new("(").is_err());
    }
}
