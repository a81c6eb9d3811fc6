//! Marking's date search: whether a line holds a date (``re.search`` of Python's ``rules.DATE_SEARCH_SOURCE`` finds one).
//!
//! The pattern is ``boilerplate.rule_regex.search_regex`` of Python's: the ``‹date›`` mask with
//! every single character spelled out as the exact set Python's node accepts, its lookbehind
//! (``(?<!\w)``) read as the line's start or a character outside Python's ``\w`` and its lookahead
//! (``(?!\d)``) as the line's end or a character outside Python's ``\d``. A search of that pattern
//! finds a match exactly when Python's does (tests/boilerplate/test_date_search.py, against the
//! Python pattern kept there as the oracle). It runs on `regex-automata`'s lazy DFA, unanchored,
//! stopping at the first match state: one pass over a line's bytes at most, where Python's
//! backtracking engine tried the months of 30 languages at every word (the search cost 96 M of the
//! 476 M instructions of marking 600 documents of the benchmark corpus under callgrind).

use std::sync::Mutex;

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::{Input, MatchKind};

/// The lazy DFA's cache (bytes, at most: then it is cleared and built again, never giving up).
/// The states a line reaches are few (a date's prefix at each word); 2 MB holds those of the
/// benchmark corpus's lines without a clear.
pub const CACHE: usize = 2 << 20;

/// An error compiling the pattern.
pub use crate::rules::CompileError;

/// The date search, compiled.
#[derive(Debug)]
pub struct DateSearch {
    dfa: DFA,
    /// Caches of the searches running at the same time (one each; usually one in all).
    caches: Mutex<Vec<Cache>>,
}

impl DateSearch {
    /// Compiles the search's pattern (``rule_regex.search_regex``: no case folding, no class of
    /// Rust's own).
    ///
    /// Errors: the pattern does not parse or is too large (``rules::SIZE_LIMIT``).
    pub fn new(pattern: &str) -> Result<DateSearch, CompileError> {
        let dfa = crate::rules::lazy_dfa(pattern, MatchKind::LeftmostFirst, CACHE)?;
        Ok(DateSearch { dfa, caches: Mutex::new(Vec::new()) })
    }

    /// Whether `text` holds a date (a match of the pattern anywhere in it).
    pub fn holds(&self, text: &str) -> bool {
        let taken = self.caches.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut cache = taken.unwrap_or_else(|| self.dfa.create_cache());
        let input = Input::new(text).earliest(true);
        // The DFA never gives up (no minimum clear count) and holds no Unicode word boundary, so
        // the search cannot fail; if it did, the line would hold no date.
        let found = matches!(self.dfa.try_search_fwd(&mut cache, &input), Ok(Some(_)));
        self.caches.lock().unwrap_or_else(|e| e.into_inner()).push(cache);
        found
    }
}

#[cfg(feature = "python")]
pub mod py {
    //! The binding: `nettoyeur._core.DateSearch`.

    use pyo3::prelude::*;
    use pyo3::types::PyString;

    /// Marking's date search, compiled (see `dates.rs`).
    ///
    /// Args:
    ///     pattern: ``rule_regex.search_regex`` of ``rules.DATE_SEARCH_SOURCE``.
    ///
    /// Raises:
    ///     ValueError: the pattern does not compile.
    #[pyclass(frozen, module = "nettoyeur._core", name = "DateSearch")]
    pub struct PyDateSearch {
        inner: super::DateSearch,
    }

    impl PyDateSearch {
        /// Whether a Python string holds a date. A lone surrogate is read as U+FFFD (one or more),
        /// which no set of the pattern holds (``rule_regex.NEUTRAL``), and which passes its
        /// lookarounds as the surrogate does: a run of them splits the line as the surrogate does.
        pub(crate) fn holds(&self, text: &Bound<'_, PyString>) -> PyResult<bool> {
            let mut line = String::new();
            if crate::shapes_py::push_str(text, &mut line)? {
                return Ok(self.inner.holds(&line));
            }
            Ok(self.inner.holds(&text.to_string_lossy()))
        }
    }

    #[pymethods]
    impl PyDateSearch {
        #[new]
        fn new(py: Python<'_>, pattern: &str) -> PyResult<Self> {
            let inner = py
                .allow_threads(|| super::DateSearch::new(pattern))
                .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("the date search does not compile: {}", e)))?;
            Ok(PyDateSearch { inner })
        }

        /// Whether ``text`` holds a date (``rules.DATE_SEARCH_SOURCE`` finds one in it).
        fn search(&self, text: &Bound<'_, PyString>) -> PyResult<bool> {
            self.holds(text)
        }

        /// Whether each of ``texts`` holds a date.
        fn search_many(&self, texts: Vec<Bound<'_, PyString>>) -> PyResult<Vec<bool>> {
            texts.iter().map(|t| self.holds(t)).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small search of the same form: a start or a non-letter, a day and a month, then no digit.
    fn search() -> DateSearch {
        DateSearch::new(r"(?:\A|[^a-z0-9])(?:[0-9]{1,2}\x{20}(?:mar|may))(?:[^0-9]|\z)").unwrap()
    }

    #[test]
    fn finds_a_date_anywhere_between_its_boundaries() {
        let s = search();
        assert!(s.holds("5 may"));
        assert!(s.holds("on 12 mar, late"));
        assert!(s.holds("x,5 may!"));
        assert!(!s.holds("x5 may"), "a word character before the day");
        assert!(!s.holds("5 may1"), "a digit after the month");
        assert!(!s.holds(""));
        assert!(!s.holds("may 5"));
        // Asked again (the cache is reused) and on a long line.
        let long = "word ".repeat(2000) + "3 mar";
        assert!(s.holds(&long));
        assert!(!s.holds(&"word ".repeat(2000)));
    }

    #[test]
    fn a_bad_pattern_is_an_error() {
        assert!(DateSearch::new("(?:").is_err());
    }
}
