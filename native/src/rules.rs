//! The pattern rules' candidates: for each line of a batch, the rules that *can* match it, in
//! order (`boilerplate.line_shapes.RuleMatcher` confirms them with Python's own `Rule.matches`).
//!
//! Each rule comes as a pattern that matches a superset of the lines its Python pattern
//! fullmatches, as they are (`boilerplate.rule_regex` translates them: each single character
//! into the exact set of characters Python's node accepts, so every Unicode and case question
//! stays Python's), with its word limit and its needles. A rule is a candidate of a line when
//! the line fits its word limit, holds one of its needles (when it has some) and matches its pattern.
//! The patterns run on the `regex` crate's own engine, `regex-automata`'s lazy DFA, alone:
//!
//! - The rules without needles are anchored templates ("Partager sur ‹social›"): a set (every
//!   pattern that matches is reported) in two DFAs, split by the rules' word limits (`LONG_WORDS`),
//!   whose pass over the line answers for every one (the pass stops where no template goes on, a
//!   few characters into most lines).
//!   A template that opens with free text (`(?:.{0,60}[.|·•–-]\s*)?powered by ...`) reads every
//!   line to its end: it is matched alone, as a rule with needles is, on the lines that fit it.
//! - The rules with needles can match anywhere in a line (`.*` first): an Aho-Corasick automaton
//!   (of the needles of the rules a line of its word count can fit: `Tier`) finds which needles
//!   a line holds, and only the rules with one of them are matched, each with
//!   its own DFA. (In one set with the others they multiply the set's DFA states: building them
//!   cost 18 us a line on 16,000 lines of web pages, against 1.2 us for the set without them.)
//!
//! Python finds needles in `str.lower(line)`; here they are found in the line lower-cased by
//! `sre`'s simple lower-case mapping (a table from Python), which differs from it only
//! at the characters of `special` (`İ`, whose full lower-case form is two characters, and `Σ`,
//! lower-cased by its context): a line holding one of those has every needle. A rule without a
//! pattern, or whose pattern does not compile here, is a candidate of every line that fits its
//! limit and needles; every rule that fits its limit is a candidate of a line that is not UTF-8
//! (`None`: a lone surrogate in Python). A search never fails (the DFAs never give up: when a
//! cache is full it is cleared and built again); if one did, its rules would be candidates.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA as AcDfa;
use aho_corasick::automaton::StateID as AcStateID;
use aho_corasick::{Anchored as AcAnchored, MatchKind as AcMatchKind};
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind, PatternID, PatternSet};
use regex_syntax::hir::{Class, Hir, HirKind};

use crate::rules_hir::Classes;
use crate::InputError;

/// The largest compiled pattern or set (bytes of NFA): the built-in rules' classes are
/// Python's own `\w` and the like spelled out (some 650 ranges each).
pub const SIZE_LIMIT: usize = 256 << 20;
/// The lazy DFAs' caches (bytes, at most: they grow as states are built, then are cleared and
/// built again). Measured on the 122,556 distinct lines of a corpus of 1,200 web pages, one
/// pass (CPU s of the pass, memory the caches took): set 8 MB and 4 MB each rule with needles,
/// 0.28 s, 17 MB; 16 and 4, 0.27 s, 23 MB; 8 and 2, 0.65-0.9 s, 16 MB; 2 and 0.5, 1.7 s, 5 MB.
/// One pass hides the set's cache filling up and being cleared over and over: in the steady
/// state (the same 167,049 lines asked again, as a worker's later batches ask its lines), the
/// set at 8 MB took 0.34 s a pass, at 12 MB 0.25 s, at 16 MB 0.22 s and at 32 MB 0.24 s, for
/// 5 MB more memory (the rules with needles gain nothing from 16 MB: 0.33 s).
pub const SET_CACHE: usize = 16 << 20;
pub const ALONE_CACHE: usize = 4 << 20;

/// How one rule is matched.
#[derive(Debug)]
enum Matcher {
    /// Its pattern is pattern `id` of the set's part `part` (see `LONG_WORDS`).
    InSet(usize, PatternID),
    /// Its own lazy DFA (a rule with needles), with its index among those.
    Alone(Arc<DFA>, usize),
    /// No pattern: a candidate of every line that fits its limit and needles.
    Always,
}

/// The rules of one list, compiled.
#[derive(Debug)]
pub struct RuleSet {
    /// The set's parts: the patterns of the rules of fewer than `LONG_WORDS` words, then those of
    /// the others (each part that has patterns and compiles).
    parts: Vec<Arc<DFA>>,
    alone: usize,
    /// Lazy DFA caches, one set per batch running at the same time.
    caches: Mutex<Vec<Caches>>,
    matchers: Vec<Matcher>,
    max_words: Vec<u64>,
    /// The ids of each rule's needles (empty: no needle test).
    rule_needles: Vec<Vec<usize>>,
    /// The needles' automata by the word limits of their rules (see `Tier`), each once.
    tiers: Vec<Tier>,
    /// The tier of the lines of up to each word limit of a rule with needles, by limit.
    tier_of: Vec<(u64, usize)>,
    /// The rules of each needle, a bit a rule (`rule_words` words a needle): a needle found marks
    /// its rules at once. Testing each rule's needles in turn (up to 52) was a quarter of
    /// `candidates`' own instructions on the 132,485 distinct lines of 2,000 real web pages
    /// (callgrind, the lines asked twice from cold: 3,546 M instructions in all, 3,027 M with this).
    needle_rules: Vec<u64>,
    rule_words: usize,
    /// Whether the table lower-cases ASCII as `str.lower` does (`A`-`Z` only): the needles are
    /// then found ASCII-case-insensitively in the line with only its other characters lower-cased.
    ascii_fold: bool,
    /// Characters whose lower-case form differs, sorted, and those forms.
    lower_from: Vec<u32>,
    lower_to: Vec<char>,
    ascii_lower: [u8; 128],
    /// Characters at which Python's `str.lower` and the table differ (sorted).
    special: Vec<u32>,
    /// The lower-case form of each character of the BMP and whether it is special, looked up
    /// instead of searched: the two binary searches per non-ASCII character were the most of
    /// `candidates`' own time (the benchmark corpus's 35,688 lines of 2,000 documents).
    bmp: Vec<(char, bool)>,
}

/// The set is two DFAs (parts): the patterns of the rules that fit lines of this many words or more,
/// and those of the others. A line of this many words or more runs the first part alone: the whole
/// set read such a line to its end (a template that opens with a run of words, `(?:[\w...]+\s+){0,3}...`,
/// goes on through the words of every line), and most of its rules (of 5 to 16 words) cannot fit
/// it. Two thirds of the benchmark corpus's lines are that long; on its first 3,000 documents'
/// 47,639 lines, `candidates` took 1,012 M instructions (callgrind) with the whole set for every
/// line, 783 M with a set of the long rules for those lines. A shorter line runs both parts: in one
/// DFA the long-reading templates of both (breadcrumbs, link lists, share lists, bylines) are alive
/// at once and their states multiply, past what the cache holds (cleared and built again over and
/// over): on the 132,485 distinct lines of 2,000 real web pages, the whole set for the shorter lines
/// took 0.094 s a pass in the steady state, the two parts 0.035 s (CPU, the lines asked again).
pub const LONG_WORDS: u64 = 17;

/// The needles of the rules that fit a line of up to some number of words, in one automaton:
/// a line is searched only for the needles of the rules it can fit. Lines of 61 to 200 words
/// can fit one rule with needles (`markup`, 6 needles) of the built-in list, yet they were 60%
/// of the bytes searched on the benchmark corpus with every needle (~15 instructions a byte).
#[derive(Debug)]
struct Tier {
    dfa: AcDfa,
    /// The needle (its index among the distinct needles) of each of the automaton's patterns.
    ids: Vec<usize>,
    /// The automaton's unanchored start state, and whether each byte leaves it: the bytes that
    /// begin no needle (in any case) are skipped while the search is there, as the automaton
    /// would loop on them (the case-insensitive automaton has no prefilter of its own).
    start: AcStateID,
    leaves: [bool; 256],
    /// Whether every needle is ASCII.
    ascii: bool,
}

impl Tier {
    /// The automaton of `needles` (each needle's id and text), ASCII-case-insensitive when `fold`.
    fn new(needles: &[(usize, &str)], fold: bool) -> Result<Tier, InputError> {
        let dfa = AcDfa::builder()
            .match_kind(AcMatchKind::Standard)
            .ascii_case_insensitive(fold)
            .prefilter(false)
            .build(needles.iter().map(|n| n.1))
            .map_err(|e| InputError(format!("needles: {e}")))?;
        let start = dfa
            .start_state(AcAnchored::No)
            .map_err(|e| InputError(format!("needles: {e}")))?;
        let mut leaves = [false; 256];
        for (b, slot) in leaves.iter_mut().enumerate() {
            *slot = dfa.next_state(AcAnchored::No, start, b as u8) != start;
        }
        let ascii = needles.iter().all(|n| n.1.is_ascii());
        Ok(Tier { dfa, ids: needles.iter().map(|n| n.0).collect(), start, leaves, ascii })
    }
}

/// What a batch reuses from line to line: buffers and the lazy DFAs' caches.
#[derive(Debug, Default)]
pub struct Scratch {
    /// The line lower-cased, as UTF-8 (the needles are found in bytes: no `String` to keep valid).
    lowered: Vec<u8>,
    /// The rules with needles that hold one of them, a bit a rule.
    found: Vec<u64>,
    caches: Caches,
}

/// The caches of a rule list's lazy DFAs (made on first use).
#[derive(Debug, Default)]
struct Caches {
    /// Each part's cache and the patterns it matched in the line (made on first use).
    parts: Vec<(Option<Cache>, Option<PatternSet>)>,
    alone: Vec<Option<Cache>>,
}

impl RuleSet {
    /// Compiles the rules.
    ///
    /// Args: each rule's pattern (`None`: a candidate of every line that fits its limit and
    /// needles), word limit and needles (lower-case substrings, one of which a line must hold);
    /// the lower-case table (`lower_from[i]` lower-cases to `lower_to[i]`) and the characters
    /// where Python's `str.lower` differs from it.
    ///
    /// Errors: the per-rule lists, or the table's two columns, differ in length; a table entry
    /// is not a character; a needle is empty.
    pub fn new(
        patterns: &[Option<String>],
        max_words: &[u64],
        needles: &[Vec<String>],
        lower_from: &[u32],
        lower_to: &[u32],
        special: &[u32],
    ) -> Result<RuleSet, InputError> {
        let n = patterns.len();
        if max_words.len() != n || needles.len() != n {
            return Err(InputError(format!(
                "{n} patterns but {} word limits and {} needle lists",
                max_words.len(),
                needles.len()
            )));
        }
        if lower_from.len() != lower_to.len() {
            return Err(InputError("the lower-case table's two columns differ in length".into()));
        }
        let mut pairs = Vec::with_capacity(lower_from.len());
        for (&f, &t) in lower_from.iter().zip(lower_to) {
            let to = char::from_u32(t).ok_or_else(|| InputError(format!("lower-case form {t:#x} is not a character")))?;
            pairs.push((f, to));
        }
        pairs.sort_unstable_by_key(|p| p.0);
        pairs.dedup_by_key(|p| p.0);
        let mut ascii_lower = [0u8; 128];
        for (c, slot) in ascii_lower.iter_mut().enumerate() {
            *slot = c as u8;
        }
        for &(f, t) in &pairs {
            if f < 128 && (t as u32) < 128 {
                ascii_lower[f as usize] = t as u8;
            }
        }
        // The needles, each once.
        let mut distinct: Vec<&str> = Vec::new();
        let mut rule_needles = Vec::with_capacity(n);
        for list in needles {
            let mut ids = Vec::with_capacity(list.len());
            for needle in list {
                if needle.is_empty() {
                    return Err(InputError("an empty needle would match every line".into()));
                }
                let id = match distinct.iter().position(|d| *d == needle.as_str()) {
                    Some(id) => id,
                    None => {
                        distinct.push(needle);
                        distinct.len() - 1
                    }
                };
                ids.push(id);
            }
            rule_needles.push(ids);
        }
        let rule_words = (n + 63) / 64;
        let mut needle_rules = vec![0u64; distinct.len() * rule_words];
        for (r, ids) in rule_needles.iter().enumerate() {
            for &id in ids {
                needle_rules[id * rule_words + r / 64] |= 1 << (r % 64);
            }
        }
        // (An ASCII character where `str.lower` differs from the table would be looked for in every line.)
        let ascii_fold = ascii_lower.iter().enumerate().all(|(c, &l)| l == (c as u8).to_ascii_lowercase())
            && special.iter().all(|&c| c >= 128);
        // An automaton for the lines of up to the smallest word limit of a rule with needles: the
        // needles of every rule with needles; then, from limit to limit up, a new one where the
        // needles of the rules of that limit or more are at most half of the last one's (the
        // lines of up to that limit are searched with the last). Building an automaton for each
        // limit (12 of the built-in list) cost 150 M instructions more than building one (callgrind):
        // more than the searches saved on 3,000 documents; the built-in list makes three
        // (259 needles to 30 words, 78 to 60, 6 to 200).
        let mut limits: Vec<u64> = (0..n).filter(|&r| !rule_needles[r].is_empty()).map(|r| max_words[r]).collect();
        limits.sort_unstable();
        limits.dedup();
        let mut tiers: Vec<Tier> = Vec::new();
        let mut tier_of = Vec::with_capacity(limits.len());
        let mut last = 0;
        for &limit in &limits {
            let mut ids: Vec<usize> = (0..n)
                .filter(|&r| max_words[r] >= limit)
                .flat_map(|r| rule_needles[r].iter().copied())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            if tiers.is_empty() || 2 * ids.len() <= last {
                let tier: Vec<(usize, &str)> = ids.iter().map(|&id| (id, distinct[id])).collect();
                tiers.push(Tier::new(&tier, ascii_fold)?);
                last = ids.len();
            }
            tier_of.push((limit, tiers.len() - 1));
        }
        // The rules without needles in one set, but for those that open with free text; the others
        // alone. The patterns are parsed, then compiled, on a few threads (see `COMPILE_THREADS`).
        let mut parsed = parse_free(patterns, &rule_needles);
        let mut matchers = Vec::with_capacity(n);
        let mut sources = Vec::new();
        // The rules matched alone and their patterns, compiled below.
        let mut singles: Vec<(usize, &str)> = Vec::new();
        for (r, (p, ids)) in patterns.iter().zip(&rule_needles).enumerate() {
            let in_set = match p {
                Some(p) if ids.is_empty() => match opens_free(p, &mut parsed) {
                    Ok(free) => !free,
                    Err(_) => {
                        matchers.push(Matcher::Always);
                        continue;
                    }
                },
                _ => false,
            };
            matchers.push(match p {
                None => Matcher::Always,
                Some(p) if in_set => {
                    // (pattern `k` of `sources` until the parts are made)
                    sources.push(p.as_str());
                    Matcher::InSet(0, PatternID::new_unchecked(sources.len() - 1))
                }
                Some(p) => {
                    singles.push((r, p.as_str()));
                    Matcher::Always // (until compiled)
                }
            });
        }
        // The set's two parts (see `LONG_WORDS`; a pattern of a long rule and a shorter one goes
        // with the long), each's patterns in a canonical order (sorted, each once), so that any
        // order of the same rules finds its parts in the cache.
        let long: Vec<&str> = matchers
            .iter()
            .zip(max_words)
            .filter_map(|(m, &limit)| match m {
                Matcher::InSet(_, k) if limit >= LONG_WORDS => Some(sources[k.as_usize()]),
                _ => None,
            })
            .collect();
        let mut members = [Vec::new(), Vec::new()];
        let mut part_sources = [Vec::new(), Vec::new()];
        for (part, in_long) in [false, true].into_iter().enumerate() {
            let mut canonical: Vec<&str> = sources.iter().copied().filter(|s| long.contains(s) == in_long).collect();
            canonical.sort_unstable();
            canonical.dedup();
            for (r, m) in matchers.iter().enumerate() {
                if let Matcher::InSet(_, k) = m {
                    let source = sources[k.as_usize()];
                    if long.contains(&source) == in_long {
                        members[part].push((r, canonical.binary_search(&source).unwrap_or(0)));
                    }
                }
            }
            part_sources[part] = canonical;
        }
        // Every DFA at once: the rules matched alone, then the set's parts (tasks `singles.len()` and after).
        let weights: Vec<usize> = singles
            .iter()
            .map(|s| s.1.len())
            .chain(part_sources.iter().map(|part| part.iter().map(|p| p.len()).sum()))
            .collect();
        let parsed = &parsed;
        let (singles_ref, part_sources_ref, members_ref) = (&singles, &part_sources, &members);
        let mut built = on_threads(&weights, |task, classes| {
            if task < singles_ref.len() {
                Built::Alone(compile_one(singles_ref[task].1, parsed, classes).ok())
            } else {
                let part = task - singles_ref.len();
                Built::Part(compile_part(&part_sources_ref[part], &members_ref[part], parsed, classes))
            }
        })
        .into_iter();
        let mut alone = 0;
        for &(r, _) in &singles {
            if let Some(Built::Alone(Some(dfa))) = built.next() {
                alone += 1;
                matchers[r] = Matcher::Alone(dfa, alone - 1);
            }
        }
        let mut parts = Vec::new();
        for members in &members {
            match built.next() {
                Some(Built::Part(Some((dfa, ids)))) => {
                    for (&(r, _), id) in members.iter().zip(ids) {
                        matchers[r] = id.map_or(Matcher::Always, |id| Matcher::InSet(parts.len(), id));
                    }
                    parts.push(dfa);
                }
                _ => {
                    for &(r, _) in members {
                        matchers[r] = Matcher::Always;
                    }
                }
            }
        }
        let mut special = special.to_vec();
        special.sort_unstable();
        // Surrogates never reach the table (a line is a `str`): their slots hold U+FFFD.
        let mut bmp: Vec<(char, bool)> = (0..0x10000u32).map(|c| (char::from_u32(c).unwrap_or('\u{FFFD}'), false)).collect();
        for &(f, t) in &pairs {
            if let Some(slot) = bmp.get_mut(f as usize) {
                slot.0 = t;
            }
        }
        for &c in &special {
            if let Some(slot) = bmp.get_mut(c as usize) {
                slot.1 = true;
            }
        }
        Ok(RuleSet {
            parts,
            alone,
            caches: Mutex::new(Vec::new()),
            matchers,
            max_words: max_words.to_vec(),
            rule_needles,
            tiers,
            tier_of,
            needle_rules,
            rule_words,
            ascii_fold,
            lower_from: pairs.iter().map(|p| p.0).collect(),
            lower_to: pairs.iter().map(|p| p.1).collect(),
            ascii_lower,
            special,
            bmp,
        })
    }

    /// Whether each rule's pattern compiled (false: a candidate of every line it fits).
    pub fn compiled(&self) -> Vec<bool> {
        self.matchers.iter().map(|m| !matches!(m, Matcher::Always)).collect()
    }

    /// Writes `line` lower-cased (one character for one, by the table) into `out` as UTF-8; returns
    /// whether it holds a character where Python's `str.lower` differs from the table.
    ///
    /// The ASCII bytes of the line are lowered byte for byte (UTF-8 never uses a byte below 128
    /// inside another character), the others character by character: writing each character into
    /// a `String` was most of `candidates`' own time on the benchmark corpus's lines, mostly ASCII.
    /// With `ascii` false, the ASCII bytes are copied as they are (the needles are then found
    /// ASCII-case-insensitively: `ascii_fold`), a run at a time.
    pub fn lower_into(&self, line: &str, out: &mut Vec<u8>, ascii: bool) -> bool {
        out.clear();
        out.reserve(line.len());
        let mut special = false;
        let mut utf8 = [0u8; 4];
        let bytes = line.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // The run of ASCII bytes from `at`, lowered by the table (or as they are).
            let run = ascii_end(bytes, at);
            if ascii {
                out.extend(bytes[at..run].iter().map(|&b| self.ascii_lower[b as usize]));
            } else {
                out.extend_from_slice(&bytes[at..run]);
            }
            at = run;
            // Then the characters up to the next ASCII byte.
            let end = bytes[at..].iter().position(|&b| b < 128).map_or(bytes.len(), |k| at + k);
            for c in line[at..end].chars() {
                let code = c as u32;
                let lower = if let Some(&(lower, is_special)) = self.bmp.get(code as usize) {
                    special |= is_special;
                    lower
                } else {
                    special |= self.special.binary_search(&code).is_ok();
                    match self.lower_from.binary_search(&code) {
                        Ok(k) => self.lower_to[k],
                        Err(_) => c,
                    }
                };
                out.extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
            }
            at = end;
        }
        special
    }

    /// Whether `line` holds a character from 128 that is special or that the table lower-cases to ASCII.
    fn needs_lowering(&self, line: &str) -> bool {
        let bytes = line.as_bytes();
        let mut at = ascii_end(bytes, 0);
        while at < bytes.len() {
            let end = bytes[at..].iter().position(|&b| b < 128).map_or(bytes.len(), |k| at + k);
            for c in line[at..end].chars() {
                let code = c as u32;
                let (lower, special) = match self.bmp.get(code as usize) {
                    Some(&pair) => pair,
                    None => {
                        let lower = self.lower_from.binary_search(&code).map_or(c, |k| self.lower_to[k]);
                        (lower, self.special.binary_search(&code).is_ok())
                    }
                };
                if special || lower.is_ascii() {
                    return true;
                }
            }
            at = ascii_end(bytes, end);
        }
        false
    }

    /// Marks in `found` the rules with a needle of `tier` that `line` holds (lower-cased as
    /// `str.lower` does), all of them when it holds a character where `str.lower` differs from the table.
    fn find_needles(&self, line: &str, tier: &Tier, lowered: &mut Vec<u8>, found: &mut Vec<u64>) {
        found.clear();
        found.resize(self.rule_words, 0);
        // An ASCII line is its own haystack when the needles are found ASCII-case-insensitively.
        // So is a line whose characters from 128 are neither special nor lower-cased to ASCII,
        // for ASCII needles: they are found in its runs of ASCII characters, the same in both.
        let haystack = if self.ascii_fold && (line.is_ascii() || (tier.ascii && !self.needs_lowering(line))) {
            line.as_bytes()
        } else if self.lower_into(line, lowered, !self.ascii_fold) {
            found.iter_mut().for_each(|f| *f = u64::MAX);
            return;
        } else {
            lowered.as_slice()
        };
        // Every needle that ends at each byte (the standard automaton's match states hold them all),
        // walked here: its own overlapping search took ~20 instructions a byte, this loop ~15.
        let ac = &tier.dfa;
        let mut sid = tier.start;
        let mut at = 0;
        while at < haystack.len() {
            if sid == tier.start {
                // (the start state is no match: no needle is empty)
                match haystack[at..].iter().position(|&b| tier.leaves[b as usize]) {
                    Some(k) => at += k,
                    None => break,
                }
            }
            sid = ac.next_state(AcAnchored::No, sid, haystack[at]);
            at += 1;
            if ac.is_special(sid) && ac.is_match(sid) {
                for k in 0..ac.match_len(sid) {
                    let at = tier.ids[ac.match_pattern(sid, k).as_usize()] * self.rule_words;
                    for (f, rules) in found.iter_mut().zip(&self.needle_rules[at..at + self.rule_words]) {
                        *f |= rules;
                    }
                }
            }
        }
    }

    /// Appends to `out` the rules, in order, that can match `line` (`None`: not UTF-8) of `n_words` words.
    pub fn candidates(&self, line: Option<&str>, n_words: u64, scratch: &mut Scratch, out: &mut Vec<u32>) {
        let fits = |r: usize| self.max_words[r] >= n_words;
        let line = match line {
            Some(line) => line,
            None => {
                out.extend((0..self.matchers.len()).filter(|&r| fits(r)).map(|r| r as u32));
                return;
            }
        };
        if !(0..self.matchers.len()).any(fits) {
            return;
        }
        // A part of the set runs when a rule of it fits the line (bit `k`: part `k` ran).
        let mut ran = 0u8;
        // The needles are looked for when a rule with needles fits (every one "found" by a special line).
        let mut needles_looked = false;
        for (r, m) in self.matchers.iter().enumerate() {
            if !fits(r) {
                continue;
            }
            let ids = &self.rule_needles[r];
            if !ids.is_empty() {
                if !needles_looked {
                    needles_looked = true;
                    // The tier of the smallest limit of a rule with needles that fits the line.
                    match self.tier_of.iter().find(|t| t.0 >= n_words) {
                        Some(&(_, t)) => self.find_needles(line, &self.tiers[t], &mut scratch.lowered, &mut scratch.found),
                        None => {
                            // (Never: this rule has needles and fits, so a tier does.)
                            scratch.found.clear();
                            scratch.found.resize(self.rule_words, u64::MAX);
                        }
                    }
                }
                if scratch.found[r / 64] & (1 << (r % 64)) == 0 {
                    continue;
                }
            }
            let caches = &mut scratch.caches;
            let candidate = match m {
                Matcher::Always => true,
                Matcher::Alone(dfa, k) => {
                    if caches.alone.len() < self.alone {
                        caches.alone.resize_with(self.alone, || None);
                    }
                    let cache = caches.alone[*k].get_or_insert_with(|| dfa.create_cache());
                    let input = Input::new(line).anchored(Anchored::Yes).earliest(true);
                    // An error (none is expected: the DFA never gives up) leaves Python to decide.
                    dfa.try_search_fwd(cache, &input).map_or(true, |m| m.is_some())
                }
                Matcher::InSet(part, id) => {
                    if caches.parts.len() < self.parts.len() {
                        caches.parts.resize_with(self.parts.len(), || (None, None));
                    }
                    let (cache, matched) = &mut caches.parts[*part];
                    let dfa = &self.parts[*part];
                    let matched = matched.get_or_insert_with(|| PatternSet::new(dfa.pattern_len()));
                    if ran & (1 << part) == 0 {
                        ran |= 1 << part;
                        matched.clear();
                        let cache = cache.get_or_insert_with(|| dfa.create_cache());
                        let input = Input::new(line).anchored(Anchored::Yes);
                        if dfa.try_which_overlapping_matches(cache, &input, matched).is_err() {
                            // As above: Python decides every rule of the part.
                            for p in 0..dfa.pattern_len() {
                                let _ = matched.try_insert(PatternID::new_unchecked(p));
                            }
                        }
                    }
                    matched.contains(*id)
                }
            };
            if candidate {
                out.push(r as u32);
            }
        }
    }

    /// The candidates of a batch of lines: `(line, rule)` pairs, flat, by line then rule.
    ///
    /// Errors: `lines` and `n_words` differ in length, or there are more than `u32::MAX` lines or rules.
    pub fn batch(&self, lines: &[Option<&str>], n_words: &[u64]) -> Result<Vec<u32>, InputError> {
        if lines.len() != n_words.len() {
            return Err(InputError(format!("{} lines but {} word counts", lines.len(), n_words.len())));
        }
        if lines.len() > u32::MAX as usize || self.matchers.len() > u32::MAX as usize {
            return Err(InputError("too many lines or rules in one batch".into()));
        }
        let mut out = Vec::new();
        let mut rules = Vec::new();
        // The DFAs' caches of an earlier batch (their states are built once a process).
        let caches = self.caches.lock().unwrap_or_else(|e| e.into_inner()).pop().unwrap_or_default();
        let mut scratch = Scratch { caches, ..Scratch::default() };
        for (i, (&line, &n)) in lines.iter().zip(n_words).enumerate() {
            rules.clear();
            self.candidates(line, n, &mut scratch, &mut rules);
            for &r in &rules {
                out.push(i as u32);
                out.push(r);
            }
        }
        self.caches.lock().unwrap_or_else(|e| e.into_inner()).push(scratch.caches);
        Ok(out)
    }
}

/// Where the run of ASCII bytes of `bytes` from `at` ends (the first byte from 128, or the end):
/// looked for eight bytes at a time (the benchmark corpus's lines are Latin-1 text with an
/// accented letter every 18 bytes).
#[inline]
fn ascii_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let high = u64::from_le_bytes(word) & 0x8080_8080_8080_8080;
        if high != 0 {
            return at + (high.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    bytes[at..].iter().position(|&b| b >= 128).map_or(bytes.len(), |k| at + k)
}

/// Compiled patterns and sets, by source, so that a process compiles a rule list once however
/// many matchers it makes of it (a test makes hundreds; compiling the built-in rules takes
/// ~0.1 s). At most `CACHE_SIZE` of each are kept; then the cache starts again.
static ALONE: Mutex<Option<HashMap<String, Arc<DFA>>>> = Mutex::new(None);
static SETS: Mutex<Option<HashMap<Vec<String>, Arc<DFA>>>> = Mutex::new(None);
const CACHE_SIZE: usize = 256;

/// An error compiling a pattern (its rule is then a candidate of every line).
pub type CompileError = Box<dyn std::error::Error + Send + Sync>;

/// Returns `key`'s value from a cache, made by `make` (and kept) when it is not there.
fn cached<K: Eq + Hash + Clone, V>(
    cache: &Mutex<Option<HashMap<K, Arc<V>>>>,
    key: &K,
    make: impl FnOnce() -> Result<V, CompileError>,
) -> Result<Arc<V>, CompileError> {
    if let Some(v) = cache.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert_with(HashMap::new).get(key) {
        return Ok(v.clone());
    }
    let v = Arc::new(make()?); // compiled without the lock: another thread may compile the same, harmlessly
    let mut guard = cache.lock().unwrap_or_else(|e| e.into_inner());
    let map = guard.get_or_insert_with(HashMap::new);
    if map.len() >= CACHE_SIZE {
        map.clear();
    }
    map.insert(key.clone(), v.clone());
    Ok(v)
}

/// The patterns a `RuleSet::new` has parsed, by source: a pattern is parsed once however many
/// questions it answers (whether it opens with free text, then its DFA).
type Parsed<'a> = HashMap<&'a str, Hir>;

/// The most threads a `RuleSet::new` compiles on. Parsing and compiling the built-in rules' 66
/// patterns (6.5 MB) is once a process, before the first line: 2,018 M instructions on one
/// thread (callgrind), 1,610 M with the memo of classes and the parses read in place (~0.3 CPU-s),
/// which a small clean (`samples/`, 5 files) waited for with its other core idle. The work is
/// ~30 DFAs of which no two share anything, each made alone and put in its place after: the
/// result is the same on any number of threads.
const COMPILE_THREADS: usize = 4;

/// What one compile task made: a rule's DFA (None: it does not compile), or a part of the set
/// (see `compile_part`).
enum Built {
    Alone(Option<Arc<DFA>>),
    Part(Option<(Arc<DFA>, Vec<Option<PatternID>>)>),
}

/// Runs `task(k, classes)` for each `k` below `weights.len()` on up to `COMPILE_THREADS` threads
/// (each with its own memo of classes), the heaviest first, and returns the results by `k`.
fn on_threads<T: Send>(weights: &[usize], task: impl Fn(usize, &mut Classes) -> T + Sync) -> Vec<T> {
    let n = weights.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(weights[k]));
    let threads = crate::resolve_threads(0).min(COMPILE_THREADS).min(n);
    let next = AtomicUsize::new(0);
    let work = || {
        let mut classes = Classes::new();
        let mut done = Vec::new();
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            match order.get(at) {
                Some(&k) => done.push((k, task(k, &mut classes))),
                None => return done,
            }
        }
    };
    // One worker a thread, each taking the next task from the shared queue (the calling thread is one of them).
    let mut done: Vec<(usize, T)> =
        crate::split::run_parts(vec![(); threads.max(1)], |()| work()).into_iter().flatten().collect();
    done.sort_unstable_by_key(|d| d.0);
    done.into_iter().map(|d| d.1).collect()
}

/// Parses, on a few threads, the distinct patterns of the rules without needles whose answer to
/// `opens_free` is not known yet (the others are parsed when compiled, if they are): those that
/// parse, by source.
fn parse_free<'a>(patterns: &'a [Option<String>], rule_needles: &[Vec<usize>]) -> Parsed<'a> {
    let mut todo: Vec<&str> = {
        let mut guard = FREE.lock().unwrap_or_else(|e| e.into_inner());
        let known = guard.get_or_insert_with(HashMap::new);
        patterns
            .iter()
            .zip(rule_needles)
            .filter_map(|(p, ids)| p.as_deref().filter(|p| ids.is_empty() && !known.contains_key(*p)))
            .collect()
    };
    todo.sort_unstable();
    todo.dedup();
    let weights: Vec<usize> = todo.iter().map(|p| p.len()).collect();
    let hirs = on_threads(&weights, |k, classes| parse(todo[k], classes).ok());
    // (Sized at once: each growth hashed every pattern again, a few hundred KB each.)
    let mut parsed = Parsed::with_capacity(todo.len());
    parsed.extend(todo.into_iter().zip(hirs).filter_map(|(p, hir)| hir.map(|hir| (p, hir))));
    parsed
}

/// Whether each pattern opens with free text, by source (see `opens_free`).
static FREE: Mutex<Option<HashMap<String, bool>>> = Mutex::new(None);

/// Returns whether a pattern can read an unbounded run of almost any character from its start
/// (`(?:.{0,40}[.!]\s*)?check your ...`: the translation makes a repeat of more than
/// `rule_regex.REPEAT_CAP` unbounded): its DFA reads every line to its end.
///
/// Such a pattern stays out of the set of the rules without needles and is matched alone, on the
/// lines that fit its word limit only: in the set it kept the set's DFA reading every line to its
/// end, through states of all the others, and the set's pass over the 163,471 lines the benchmark
/// corpus asks about took 0.114 s of CPU with the two built-in rules that do so (`subscribed`,
/// `powered-by`) and 0.026 s without them.
///
/// Errors: the pattern does not parse.
fn opens_free<'a>(pattern: &'a str, parsed: &mut Parsed<'a>) -> Result<bool, CompileError> {
    if let Some(&free) = FREE.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert_with(HashMap::new).get(pattern) {
        return Ok(free);
    }
    let free = match parsed.get(pattern) {
        Some(hir) => leads_free(hir),
        None => {
            let hir = parse(pattern, &mut Classes::new())?;
            let free = leads_free(&hir);
            parsed.insert(pattern, hir);
            free
        }
    };
    let mut guard = FREE.lock().unwrap_or_else(|e| e.into_inner());
    let map = guard.get_or_insert_with(HashMap::new);
    if map.len() >= CACHE_SIZE {
        map.clear();
    }
    map.insert(pattern.to_string(), free);
    Ok(free)
}

/// The most characters a class may leave out and still be free text (`.` leaves out `\n`, `[^,;]` two).
const FREE_CLASS_GAP: u32 = 0x100;

/// Whether `hir` can open with an unbounded repeat of a class of (almost) every character.
fn leads_free(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Repetition(r) => (r.max.is_none() && wide(&r.sub)) || leads_free(&r.sub),
        HirKind::Capture(c) => leads_free(&c.sub),
        HirKind::Concat(subs) => {
            for sub in subs {
                if leads_free(sub) {
                    return true;
                }
                if sub.properties().minimum_len() != Some(0) {
                    return false;
                }
            }
            false
        }
        HirKind::Alternation(subs) => subs.iter().any(leads_free),
        _ => false,
    }
}

/// Whether `hir` is a class of all characters but a few (`FREE_CLASS_GAP`).
fn wide(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => {
            let count: u32 = c.ranges().iter().map(|r| r.end() as u32 - r.start() as u32 + 1).sum();
            // (The surrogates are no characters: 0x10FFFF + 1 - 0x800 of them in all.)
            count + FREE_CLASS_GAP >= 0x110000 - 0x800
        }
        _ => false,
    }
}

/// Parses a pattern (no case folding, no Unicode class of Rust's own: the patterns spell every
/// class out), by rules_hir (the spelled-out classes built directly: the same expressions).
fn parse(pattern: &str, classes: &mut Classes) -> Result<Hir, CompileError> {
    let config = syntax::Config::new().unicode(true).utf8(true).nest_limit(1000);
    Ok(crate::rules_hir::parse(pattern, &config, classes)?)
}

/// Compiles patterns into one lazy DFA (each parsed here, unless `parsed` holds it: read there,
/// not copied). Its cache grows to `cache` bytes at most, and is then cleared and built again (it
/// never gives up, so a search never fails).
fn build(patterns: &[&str], parsed: &Parsed, classes: &mut Classes, kind: MatchKind, cache: usize) -> Result<DFA, CompileError> {
    let fresh = patterns
        .iter()
        .map(|p| if parsed.contains_key(p) { Ok(None) } else { parse(p, classes).map(Some) })
        .collect::<Result<Vec<_>, _>>()?;
    let hirs = patterns
        .iter()
        .zip(&fresh)
        .map(|(p, hir)| hir.as_ref().or_else(|| parsed.get(p)))
        .collect::<Option<Vec<&Hir>>>()
        .ok_or("a pattern neither parsed nor held")?;
    let nfa = thompson::Compiler::new()
        .configure(thompson::Config::new().nfa_size_limit(Some(SIZE_LIMIT)).which_captures(WhichCaptures::None))
        .build_many_from_hir(&hirs)?;
    let dfa = DFA::builder()
        .configure(
            DFA::config()
                .match_kind(kind)
                .cache_capacity(cache)
                .skip_cache_capacity_check(true)
                .minimum_cache_clear_count(None),
        )
        .build_from_nfa(nfa)?;
    Ok(dfa)
}

/// Compiles one pattern into a lazy DFA (see [`build`]): marking's date search (`dates.rs`) and the
/// formulas of a letter (`formulas.rs`) are compiled as the rules are.
///
/// Errors: the pattern does not parse or is too large (`SIZE_LIMIT`).
pub(crate) fn lazy_dfa(pattern: &str, kind: MatchKind, cache: usize) -> Result<DFA, CompileError> {
    build(&[pattern], &Parsed::new(), &mut Classes::new(), kind, cache)
}

/// Compiles one rule's pattern (a rule with needles, or one that opens with free text).
fn compile_one(pattern: &str, parsed: &Parsed, classes: &mut Classes) -> Result<Arc<DFA>, CompileError> {
    cached(&ALONE, &pattern.to_string(), || build(&[pattern], parsed, classes, MatchKind::LeftmostFirst, ALONE_CACHE))
}

/// Compiles one part of the set, `patterns`, into its DFA; returns it with the id in it of the
/// pattern of each of `members` (each rule's index and its pattern's; None: the pattern does not
/// compile alone, and left the part: Python decides its rule). If the rest still do not compile
/// together (the size limit), or the part has no members, Python decides them all (None).
fn compile_part(
    patterns: &[&str],
    members: &[(usize, usize)],
    parsed: &Parsed,
    classes: &mut Classes,
) -> Option<(Arc<DFA>, Vec<Option<PatternID>>)> {
    if members.is_empty() {
        return None;
    }
    if let Ok(dfa) = compile_set(patterns, parsed, classes) {
        return Some((dfa, members.iter().map(|&(_, k)| Some(PatternID::new_unchecked(k))).collect()));
    }
    let mut kept = Vec::new();
    let ids = members
        .iter()
        .map(|&(_, k)| {
            compile_one(patterns[k], parsed, classes).ok().map(|_| {
                kept.push(patterns[k]);
                PatternID::new_unchecked(kept.len() - 1)
            })
        })
        .collect();
    if kept.is_empty() {
        return None;
    }
    compile_set(&kept, parsed, classes).ok().map(|dfa| (dfa, ids))
}

/// Compiles the patterns of the other rules into one set.
fn compile_set(patterns: &[&str], parsed: &Parsed, classes: &mut Classes) -> Result<Arc<DFA>, CompileError> {
    let key: Vec<String> = patterns.iter().map(|p| p.to_string()).collect();
    cached(&SETS, &key, || build(patterns, parsed, classes, MatchKind::All, SET_CACHE))
}

#[cfg(feature = "python")]
pub mod py {
    //! The binding: `nettoyeur._core.RuleSet`.

    use pyo3::prelude::*;
    use pyo3::types::{PyList, PyString};

    /// The pattern rules of one list, compiled (see `rules.rs`).
    ///
    /// Args:
    ///     patterns: each rule's pattern (``rule_regex.core_regex``), None for a rule that is
    ///         a candidate of every line that fits its limit and needles.
    ///     max_words: each rule's word limit.
    ///     needles: each rule's needles (``Rule.needles``; empty: no needle test).
    ///     lower_from: the characters whose lower-case form differs (``rule_regex.lower_table``).
    ///     lower_to: those forms.
    ///     special: the characters where ``str.lower`` differs from that table.
    ///
    /// Raises:
    ///     ValueError: the per-rule lists or the table's columns differ in length, a lower-case
    ///         form is not a character, or a needle is empty.
    #[pyclass(frozen, module = "nettoyeur._core", name = "RuleSet")]
    pub struct PyRuleSet {
        inner: super::RuleSet,
    }

    #[pymethods]
    impl PyRuleSet {
        #[new]
        fn new(
            py: Python<'_>,
            patterns: Vec<Option<String>>,
            max_words: Vec<u64>,
            needles: Vec<Vec<String>>,
            lower_from: Vec<u32>,
            lower_to: Vec<u32>,
            special: Vec<u32>,
        ) -> PyResult<Self> {
            let inner = py.allow_threads(|| {
                super::RuleSet::new(&patterns, &max_words, &needles, &lower_from, &lower_to, &special)
            })?;
            Ok(PyRuleSet { inner })
        }

        /// Whether each rule's pattern compiled (False: a candidate of every line).
        #[getter]
        fn compiled(&self) -> Vec<bool> {
            self.inner.compiled()
        }

        /// The rules each line can match: ``[line, rule, line, rule, ...]``, by line then rule.
        ///
        /// Args:
        ///     lines: the lines (str).
        ///     n_words: each line's number of words.
        ///
        /// Raises:
        ///     TypeError: a line is not a str.
        ///     ValueError: ``lines`` and ``n_words`` differ in length.
        fn candidates(&self, py: Python<'_>, lines: &Bound<'_, PyList>, n_words: Vec<u64>) -> PyResult<Vec<u32>> {
            // The lines are copied out as UTF-8 from their code points, into one string (PyString::to_str
            // would cache a UTF-8 copy inside every non-ASCII string for the rest of its life, and
            // encoding each into a bytes object then checking it again as UTF-8 was a third of
            // this call on the benchmark corpus); a lone surrogate leaves the line None.
            // Room for every line as Latin-1 (at most two bytes a code point, and the eight bytes
            // `latin1_utf8` writes past its end), made once: grown line by line, the string's
            // reallocations were a tenth of this call on the benchmark corpus (py-spy).
            let mut room = 8;
            for item in lines.iter() {
                room += 2 * item.downcast::<PyString>()?.len()?;
            }
            let mut text = String::with_capacity(room);
            let mut spans = Vec::with_capacity(lines.len());
            for item in lines.iter() {
                let start = text.len();
                let whole = crate::shapes_py::push_str(item.downcast::<PyString>()?, &mut text)?;
                if whole {
                    spans.push(Some((start, text.len())));
                } else {
                    text.truncate(start);
                    spans.push(None);
                }
            }
            let out = py.allow_threads(|| {
                let lines: Vec<Option<&str>> = spans.iter().map(|s| s.map(|(a, b)| &text[a..b])).collect();
                self.inner.batch(&lines, &n_words)
            })?;
            Ok(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 'A'..'Z', 'É', 'İ' and the Kelvin sign lower-case as Python's table says; 'İ' is special.
    fn table() -> (Vec<u32>, Vec<u32>) {
        let mut from: Vec<u32> = (b'A'..=b'Z').map(u32::from).collect();
        let mut to: Vec<u32> = (b'a'..=b'z').map(u32::from).collect();
        from.extend(['É' as u32, 'İ' as u32, '\u{212A}' as u32]);
        to.extend(['é' as u32, 'i' as u32, 'k' as u32]);
        (from, to)
    }

    fn rules(patterns: &[Option<&str>], max_words: &[u64], needles: &[&[&str]]) -> RuleSet {
        let p: Vec<Option<String>> = patterns.iter().map(|p| p.map(String::from)).collect();
        let n: Vec<Vec<String>> = needles.iter().map(|l| l.iter().map(|s| s.to_string()).collect()).collect();
        let (from, to) = table();
        RuleSet::new(&p, max_words, &n, &from, &to, &['İ' as u32]).unwrap()
    }

    fn plain(patterns: &[Option<&str>], max_words: &[u64]) -> RuleSet {
        rules(patterns, max_words, &vec![&[][..]; patterns.len()])
    }

    fn candidates(s: &RuleSet, line: Option<&str>, n: u64) -> Vec<u32> {
        let mut out = Vec::new();
        s.candidates(line, n, &mut Scratch::default(), &mut out);
        out
    }

    #[test]
    fn lines_are_matched_as_they_are_and_whole() {
        // The translation spells the cases a node accepts out: `[sS][hH]` is case-insensitive, `É` is not.
        let s = plain(&[Some(r"\A[sS][hH]are\z"), Some(r"\A[éÉ]+\z"), Some(r"\AÉ\z")], &[5, 5, 5]);
        assert_eq!(candidates(&s, Some("Share"), 1), vec![0]);
        assert_eq!(candidates(&s, Some("SHARE"), 1), Vec::<u32>::new());
        assert_eq!(candidates(&s, Some("ÉéÉ"), 1), vec![1]);
        assert_eq!(candidates(&s, Some("shares"), 1), Vec::<u32>::new());
        assert_eq!(candidates(&s, Some("É"), 1), vec![1, 2]);
        assert_eq!(candidates(&s, Some("é"), 1), vec![1]);
    }

    #[test]
    fn word_limits_untranslated_rules_and_lines_that_are_not_utf8() {
        let s = plain(&[Some(r"\Aa.*\z"), None, Some(r"\Aab\z")], &[2, 3, 1]);
        assert_eq!(s.compiled(), vec![true, false, true]);
        assert_eq!(candidates(&s, Some("ab"), 1), vec![0, 1, 2]);
        assert_eq!(candidates(&s, Some("ab"), 2), vec![0, 1]);
        assert_eq!(candidates(&s, Some("xyz"), 3), vec![1]);
        assert_eq!(candidates(&s, Some("xyz"), 4), Vec::<u32>::new());
        assert_eq!(candidates(&s, None, 2), vec![0, 1]);
    }

    #[test]
    fn needles_gate_their_rules_and_a_special_line_holds_every_needle() {
        let s = rules(
            &[Some(r"\A.*[cC][oO][oO][kK][iI][eE][sS]?.*\z"), Some(r"\A.*\z"), None, Some(r"\A.*\z")],
            &[9, 9, 9, 9],
            &[&["cookie"], &["priv", "cook"], &["data"], &[]],
        );
        assert_eq!(candidates(&s, Some("Our COOKIES"), 2), vec![0, 1, 3]);
        assert_eq!(candidates(&s, Some("a cook book"), 3), vec![1, 3]);
        assert_eq!(candidates(&s, Some("Privacy and DATA"), 3), vec![1, 2, 3]);
        assert_eq!(candidates(&s, Some("nothing here"), 2), vec![3]);
        // 'İ' lower-cases to two characters in Python's str.lower: the needles are not looked for.
        assert_eq!(candidates(&s, Some("İstanbul"), 1), vec![1, 2, 3]);
    }

    #[test]
    fn a_template_that_opens_with_free_text_is_matched_alone_with_the_same_candidates() {
        // `(?:.{0,40}[.!] )?check` as the translation writes it: an unbounded repeat of `.` first.
        let free = r"\A(?:(?:[\x{0}-\x{9}\x{B}-\x{10FFFF}]){0,}[.!]\x{20})?check\z";
        let s = plain(&[Some(r"\Ash\z"), Some(free), Some(r"\A(?:[\x{0}-\x{40}]){0,}check\z")], &[9, 2, 9]);
        assert!(matches!(s.matchers[0], Matcher::InSet(..)));
        assert!(matches!(s.matchers[1], Matcher::Alone(..)));
        assert!(matches!(s.matchers[2], Matcher::InSet(..))); // a narrow class is no free text
        assert_eq!(candidates(&s, Some("Done! check"), 2), vec![1]);
        assert_eq!(candidates(&s, Some("Done! check"), 3), Vec::<u32>::new()); // past its limit
        assert_eq!(candidates(&s, Some("check"), 1), vec![1, 2]);
        assert_eq!(candidates(&s, Some("sh"), 1), vec![0]);
        assert!(leads_free(&parse(r"(?:a|(?:[\x{0}-\x{10FFFF}]){1,})b", &mut Classes::new()).unwrap()));
        assert!(!leads_free(&parse(r"a(?:[\x{0}-\x{10FFFF}]){1,}", &mut Classes::new()).unwrap())); // free text after a word
        assert!(!leads_free(&parse(r"(?:[\x{0}-\x{10FFFF}]){0,16}b", &mut Classes::new()).unwrap())); // bounded
    }

    #[test]
    fn the_set_is_split_at_long_words_and_answers_as_one() {
        // Rules 0 and 2 fit long lines (their patterns make the long part), 1 and 3 do not; rule 3's
        // pattern is rule 2's too, so it goes with the long part.
        let (w, l) = (LONG_WORDS, LONG_WORDS - 1);
        let s = plain(&[Some(r"\Aa.*\z"), Some(r"\Ab.*\z"), Some(r"\Ac.*\z"), Some(r"\Ac.*\z")], &[w, l, w, l]);
        assert_eq!(s.parts.len(), 2);
        assert!(matches!(s.matchers[0], Matcher::InSet(1, _)));
        assert!(matches!(s.matchers[1], Matcher::InSet(0, _)));
        assert!(matches!(s.matchers[2], Matcher::InSet(1, _)));
        assert!(matches!(s.matchers[3], Matcher::InSet(1, _)));
        assert_eq!(s.parts[0].pattern_len() + s.parts[1].pattern_len(), 3);
        assert_eq!(candidates(&s, Some("a b"), 2), vec![0]);
        assert_eq!(candidates(&s, Some("b a"), 2), vec![1]);
        assert_eq!(candidates(&s, Some("c a"), 2), vec![2, 3]);
        assert_eq!(candidates(&s, Some("c a"), w), vec![2]);
        assert_eq!(candidates(&s, Some("a c"), w), vec![0]);
        assert_eq!(candidates(&s, Some("b a"), w), Vec::<u32>::new());
        assert_eq!(candidates(&s, Some("b a"), l), vec![1]);
        // Only short rules, or only long ones: one part.
        assert_eq!(plain(&[Some(r"\Aa\z"), Some(r"\Ab\z")], &[l, 1]).parts.len(), 1);
        assert_eq!(plain(&[Some(r"\Aa\z")], &[w]).parts.len(), 1);
        // A pattern that does not compile leaves its part alone.
        let s = plain(&[Some(r"\A(\z"), Some(r"\Ab\z"), Some(r"\Ac\z")], &[l, l, w]);
        assert_eq!(s.compiled(), vec![false, true, true]);
        assert_eq!(candidates(&s, Some("b"), 1), vec![0, 1]);
        assert_eq!(candidates(&s, Some("c"), 1), vec![0, 2]);
    }

    #[test]
    fn needles_gate_the_rules_a_line_fits() {
        let s = rules(&[None, None, None], &[1, 3, 9], &[&["ab"], &["cd", "ab"], &["x"]]);
        assert_eq!(candidates(&s, Some("AB"), 1), vec![0, 1]);
        assert_eq!(candidates(&s, Some("ab cd x"), 3), vec![1, 2]);
        assert_eq!(candidates(&s, Some("aB x y z"), 4), vec![2]);
        assert_eq!(candidates(&s, Some("x y z é É"), 5), vec![2]); // lowered but for its ASCII
        assert_eq!(candidates(&s, Some("X Y"), 10), Vec::<u32>::new());
    }

    #[test]
    fn the_needles_split_by_word_limit_find_the_candidates_of_every_needle() {
        // Limits 6, 12, 30, 60 and 200 hold 11, 6, 4, 3 and 2 needles: automata from 6, 30 and 200
        // (the first searches the lowered line, the others, of ASCII needles, the line as it is
        // unless it holds 'İ' or the Kelvin sign, which lower-cases to 'k').
        let patterns = [None, Some(r"\A.*\z"), Some(r"\A[^x]*\z"), None, Some(r"\A.{0,9}\z"), Some(r"\A.*[pP].*\z")];
        let limits = [6, 12, 30, 200, 80, 60];
        let needles: [&[&str]; 6] =
            [&["0", "1", "photo", "pic", "éclair"], &["cookie", "priv", "app"], &["<", "|"], &["<", "pk"], &[], &["app", "<"]];
        let s = rules(&patterns, &limits, &needles);
        assert_eq!(s.tiers.len(), 3);
        assert_eq!(s.tier_of, vec![(6, 0), (12, 0), (30, 1), (60, 1), (200, 2)]);
        // The plain scan: each needle looked for in the line lower-cased by the table ('İ' holds every needle).
        let unneedled = plain(&patterns, &limits);
        let words = ["\u{212A}", "Cookie", "cOOKIE", "PRIV", "<b>", "aPp", "x", "Éclair", "éclair", "İ", "pic", "Photo", "the", "a1", "|", "ap", "p"];
        let mut scratch = Scratch::default();
        let mut seed = 12345u64;
        let mut next = |m: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        for _ in 0..3000 {
            let n = next(250);
            let line: Vec<&str> = (0..next(12)).map(|_| words[next(words.len() as u64) as usize]).collect();
            let line = line.join(if next(2) == 0 { " " } else { "" });
            let lowered: String = line.chars().map(|c| match c { 'É' => 'é', 'İ' => 'i', '\u{212A}' => 'k', c => c.to_ascii_lowercase() }).collect();
            let expected: Vec<u32> = candidates(&unneedled, Some(&line), n)
                .into_iter()
                .filter(|&r| {
                    let list = needles[r as usize];
                    list.is_empty() || line.contains('İ') || list.iter().any(|nd| lowered.contains(nd))
                })
                .collect();
            let mut got = Vec::new();
            s.candidates(Some(&line), n, &mut scratch, &mut got);
            assert_eq!(got, expected, "{line:?} of {n} words");
        }
    }

    #[test]
    fn needles_are_found_in_any_ascii_case_and_in_the_lowered_non_ascii_characters() {
        let s = rules(&[None, None, None], &[9, 9, 9], &[&["cookie"], &["écran"], &["k"]]);
        assert!(s.ascii_fold);
        assert_eq!(candidates(&s, Some("COOKIES"), 1), vec![0, 2]);
        assert_eq!(candidates(&s, Some("CoOIe ÉCRAN"), 2), vec![1]);
        assert_eq!(candidates(&s, Some("Écran"), 1), vec![1]);
        assert_eq!(candidates(&s, Some("İ"), 1), vec![0, 1, 2]); // special: every needle
        // A table that lowers ASCII otherwise: the line is lowered by it, byte for byte.
        let p: Vec<Option<String>> = vec![None];
        let other = RuleSet::new(&p, &[9], &[vec!["b".to_string()]], &[u32::from(b'A')], &[u32::from(b'b')], &[]).unwrap();
        assert!(!other.ascii_fold);
        assert_eq!(candidates(&other, Some("A"), 1), vec![0]);
        assert_eq!(candidates(&other, Some("B"), 1), Vec::<u32>::new());
    }

    #[test]
    fn a_pattern_that_does_not_compile_is_always_a_candidate() {
        let s = plain(&[Some(r"\A(\z"), Some(r"\Ax\z")], &[9, 9]);
        assert_eq!(s.compiled(), vec![false, true]);
        assert_eq!(candidates(&s, Some("y"), 1), vec![0]);
        assert_eq!(candidates(&s, Some("x"), 1), vec![0, 1]);
        assert_eq!(candidates(&s, Some("X"), 1), vec![0]); // lines are matched as they are
        let s = rules(&[Some(r"\A(\z")], &[9], &[&["x"]]); // needles are found lower-cased
        assert_eq!(s.compiled(), vec![false]);
        assert_eq!(candidates(&s, Some("y"), 1), Vec::<u32>::new());
        assert_eq!(candidates(&s, Some("x"), 1), vec![0]);
        assert_eq!(candidates(&s, Some("X"), 1), vec![0]);
    }

    #[test]
    fn batches_list_pairs_by_line_and_inputs_are_checked() {
        let s = plain(&[Some(r"\Aa\z"), Some(r"\A[ab]\z")], &[9, 9]);
        let lines = [Some("b"), Some("c"), Some("a"), Some("A")];
        assert_eq!(s.batch(&lines, &[1, 1, 1, 1]).unwrap(), vec![0, 1, 2, 0, 2, 1]);
        assert!(s.batch(&[Some("a")], &[]).is_err());
        assert!(RuleSet::new(&[None], &[], &[vec![]], &[], &[], &[]).is_err());
        assert!(RuleSet::new(&[], &[], &[], &[65], &[0xD800], &[]).is_err());
        assert!(RuleSet::new(&[], &[], &[], &[65], &[], &[]).is_err());
        assert!(RuleSet::new(&[None], &[1], &[vec![String::new()]], &[], &[], &[]).is_err());
    }

    #[test]
    fn ascii_runs_end_at_the_first_byte_from_128() {
        let text = "abcdefghijklmnopqrstuvwxyzé0123456789ü".as_bytes();
        assert_eq!(ascii_end(text, 0), 26);
        assert_eq!(ascii_end(text, 25), 26);
        assert_eq!(ascii_end(text, 26), 26);
        assert_eq!(ascii_end(text, 28), 38);
        assert_eq!(ascii_end(text, text.len()), text.len());
        assert_eq!(ascii_end(b"only ascii here, more than eight", 3), 32);
        for k in 0..20 {
            let mut line = vec![b'x'; k];
            line.push(0xC3);
            assert_eq!(ascii_end(&line, 0), k);
        }
    }

    #[test]
    fn no_rules_no_candidates() {
        let s = plain(&[], &[]);
        assert_eq!(candidates(&s, Some("anything"), 1), Vec::<u32>::new());
        assert_eq!(candidates(&s, None, 1), Vec::<u32>::new());
    }
}
