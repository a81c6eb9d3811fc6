//! The content guards of the position signal (`boilerplate/content_guards.py`): which of the lines
//! the position signal flagged are content by the structure they stand in (a letter's salutation,
//! closing and signature, a field's value, one of a series of signed entries). The walk over a
//! page's lines is here; what a line's text tells (its last character, whether it opens like an
//! aside, whether a letter's formula opens it) is asked of the caller, for the few lines the walk
//! reads. The plain Python this replaces is the tests' oracle (tests/content_guards_reference.py).

/// What the walk reads of a line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GuardLine {
    /// Not flagged (by any signal, the position signal included).
    pub kept: bool,
    /// Flagged by another signal than the position signal (a run of headlines counts as position).
    pub fixed: bool,
    /// Flagged by the position signal: the lines that may be spared.
    pub asked: bool,
    /// Prose (long, with function words).
    pub prose: bool,
    /// Its words.
    pub n_words: usize,
}

/// What the caller tells of a line's text (`text(k, want)` answers at least the bits of `want`).
/// It ends with ":".
pub const ENDS_COLON: u8 = 1;
/// It ends with ",".
pub const ENDS_COMMA: u8 = 2;
/// `_entry_shaped`: it opens with neither "(" nor "[" and holds no "|".
pub const ENTRY_SHAPED: u8 = 4;
/// A salutation formula opens it (`Formulas::salutation`, native/src/formulas.rs).
pub const SALUTATION: u8 = 8;
/// A closing formula opens it (`Formulas::closing`).
pub const CLOSING: u8 = 16;

/// The limits of `content_guards.py`, by its names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuardLimits {
    pub salutation_words: usize,
    pub closing_words: usize,
    pub signature_lines: usize,
    pub signature_words: usize,
    pub field_label_words: usize,
    pub entry_words: usize,
    pub entry_min: usize,
}

/// One page's walk: its lines, the limits and what the caller tells of their texts.
struct Walk<'a, F> {
    lines: &'a [GuardLine],
    limits: GuardLimits,
    text: F,
}

impl<'a, E, F: FnMut(usize, u8) -> Result<u8, E>> Walk<'a, F> {
    /// Whether line `k`'s text has `bit`.
    fn has(&mut self, k: usize, bit: u8) -> Result<bool, E> {
        Ok((self.text)(k, bit)? & bit != 0)
    }

    /// `_lone`: a short line (not prose, `entry_words` at most, entry-shaped) between kept prose.
    fn lone(&mut self, k: usize) -> Result<bool, E> {
        let l = self.lines;
        Ok(0 < k
            && k + 1 < l.len()
            && !l[k].prose
            && l[k].n_words <= self.limits.entry_words
            && l[k - 1].kept
            && l[k + 1].kept
            && l[k - 1].prose
            && l[k + 1].prose
            && self.has(k, ENTRY_SHAPED)?)
    }

    /// `_opens_letter`: the kept line under `k` is prose, or a kept short line over kept prose.
    fn opens_letter(&self, k: usize) -> bool {
        let l = self.lines;
        if k + 1 >= l.len() || !l[k + 1].kept {
            return false;
        }
        l[k + 1].prose || (k + 2 < l.len() && l[k + 2].kept && l[k + 2].prose)
    }

    /// `_opens`: a salutation (`salutation_words` at most, a formula) that opens a letter.
    fn opens(&mut self, k: usize) -> Result<bool, E> {
        Ok(self.lines[k].n_words <= self.limits.salutation_words && self.has(k, SALUTATION)? && self.opens_letter(k))
    }

    /// `closing`: `closing_words` at most, ending with "," or opening with a formula.
    fn closing(&mut self, k: usize) -> Result<bool, E> {
        if self.lines[k].n_words > self.limits.closing_words {
            return Ok(false);
        }
        let bits = (self.text)(k, ENDS_COMMA)?;
        Ok(bits & ENDS_COMMA != 0 || self.has(k, CLOSING)?)
    }

    /// `_closes_letter`: a closing under kept prose, not prose, not flagged by another signal.
    fn closes_letter(&mut self, k: usize) -> Result<bool, E> {
        let l = self.lines;
        Ok(0 < k && !l[k].fixed && !l[k].prose && l[k - 1].kept && l[k - 1].prose && self.closing(k)?)
    }

    /// `_letter_line`: a salutation over prose, a closing under it, or a line of its signature.
    fn letter_line(&mut self, k: usize) -> Result<bool, E> {
        if self.opens(k)? || self.closes_letter(k)? {
            return Ok(true);
        }
        let stop = k.saturating_sub(self.limits.signature_lines);
        for j in (stop + 1..=k).rev() {
            let line = self.lines[j];
            if line.fixed || line.prose || line.n_words > self.limits.signature_words {
                return Ok(false);
            }
            if self.closes_letter(j - 1)? && !self.opens(j - 1)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `_field_value`: a line between a kept field label (`field_label_words` at most) and a kept line.
    fn field_value(&mut self, k: usize) -> Result<bool, E> {
        let l = self.lines;
        Ok(0 < k
            && k + 1 < l.len()
            && !l[k].prose
            && l[k - 1].kept
            && l[k + 1].kept
            && l[k - 1].n_words <= self.limits.field_label_words
            && self.has(k - 1, ENDS_COLON)?)
    }
}

/// `spared`: the asked lines (increasing) that a letter, a field or a series of entries keeps.
///
/// `text(k, want)` tells the bits of line `k`'s text (`ENDS_COLON` ...): at least those of `want`.
///
/// Errors: those of `text`.
pub fn spared<E>(
    lines: &[GuardLine],
    limits: GuardLimits,
    text: impl FnMut(usize, u8) -> Result<u8, E>,
) -> Result<Vec<usize>, E> {
    let mut walk = Walk { lines, limits, text };
    let mut found = Vec::new();
    let mut any_lone = false;
    for (k, line) in lines.iter().enumerate() {
        if !line.asked {
            continue;
        }
        if walk.letter_line(k)? || walk.field_value(k)? {
            found.push(k);
        }
        any_lone = any_lone || walk.lone(k)?;
    }
    if !any_lone {
        return Ok(found);
    }
    // `entry_lines`: the lone lines of the page count when there are `entry_min` of them.
    let mut lone = Vec::new();
    for k in 1..lines.len().saturating_sub(1) {
        if walk.lone(k)? {
            lone.push(k);
        }
    }
    if lone.len() >= limits.entry_min {
        found.extend(lone.into_iter().filter(|&k| lines[k].asked));
        found.sort_unstable();
        found.dedup();
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: GuardLimits = GuardLimits {
        salutation_words: 6,
        closing_words: 6,
        signature_lines: 4,
        signature_words: 8,
        field_label_words: 4,
        entry_words: 6,
        entry_min: 3,
    };

    fn prose() -> GuardLine {
        GuardLine { kept: true, prose: true, n_words: 40, ..GuardLine::default() }
    }

    fn short(asked: bool) -> GuardLine {
        GuardLine { kept: !asked, asked, n_words: 2, ..GuardLine::default() }
    }

    fn run(lines: &[GuardLine], bits: &[u8]) -> Vec<usize> {
        spared(lines, LIMITS, |k, _| Ok::<u8, ()>(bits[k])).unwrap()
    }

    #[test]
    fn a_salutation_over_prose_and_a_closing_with_its_signature_under_it_are_spared() {
        let lines = [short(true), prose(), prose(), short(true), short(true), short(true)];
        let bits = [SALUTATION, 0, 0, CLOSING, 0, 0];
        assert_eq!(run(&lines, &bits), vec![0, 3, 4, 5]);
        // Without the formulas nothing is a letter.
        assert_eq!(run(&lines, &[0; 6]), Vec::<usize>::new());
    }

    #[test]
    fn a_line_flagged_by_another_signal_ends_the_signature() {
        let mut lines = [prose(), short(true), short(true), short(true)];
        lines[2].fixed = true;
        assert_eq!(run(&lines, &[0, ENDS_COMMA, 0, 0]), vec![1]);
    }

    #[test]
    fn a_field_value_needs_its_label_kept_and_a_kept_line_under_it() {
        let label = GuardLine { kept: true, n_words: 1, ..GuardLine::default() };
        let lines = [label, short(true), prose()];
        assert_eq!(run(&lines, &[ENDS_COLON, 0, 0]), vec![1]);
        assert_eq!(run(&lines, &[0, 0, 0]), Vec::<usize>::new());
        assert_eq!(run(&[label, short(true), short(true)], &[ENDS_COLON, 0, 0]), Vec::<usize>::new());
    }

    #[test]
    fn lone_lines_between_paragraphs_are_spared_in_a_series_only() {
        for n in 1..6 {
            let mut lines = vec![prose()];
            for _ in 0..n {
                lines.push(short(false));
                lines.push(prose());
            }
            lines[1] = short(true);
            let bits = vec![ENTRY_SHAPED; lines.len()];
            let want: Vec<usize> = if n >= LIMITS.entry_min { vec![1] } else { vec![] };
            assert_eq!(run(&lines, &bits), want, "{} entries", n);
            // An aside in brackets is no entry.
            assert_eq!(run(&lines, &vec![0; lines.len()]), Vec::<usize>::new());
        }
    }
}
