//! The repair gate (`text.repair_gate.may_need_repair`): whether ftfy may change a text, read
//! from the code units CPython stores it in. The tables are Python's, derived there from ftfy's
//! own badness pattern (see that module's docstring for why the gate is never narrower than
//! ftfy); this is the scan over the text:
//!
//! - a match of ftfy's HTML entity pattern `&#?[0-9A-Za-z]{1,24};` (or, where Python could not
//!   confirm that ftfy's pattern is this one, any `&`);
//! - a character whose class matters alone, or two adjacent characters whose classes may start
//!   damage (every code point above U+FFFF has the class of the table's last entry);
//! - for a text beyond Latin-1 holding a character that may change under NFC, the same scan of
//!   its composed form: NFC is Python's, so the scan answers [`Check::Compose`] and the caller
//!   composes and asks [`Gate::hit`] again.

use crate::chars::Units;
use crate::InputError;

/// Entries of the per-code-point tables: the Basic Multilingual Plane, then one for every code
/// point above it.
pub const TABLE: usize = 0x1_0001;

/// What the scan of a text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// ftfy leaves the text as it is, or only composes it.
    Clean,
    /// ftfy may change it.
    Suspect,
    /// Clean as written, but it may change under NFC: ask again about its composed form.
    Compose,
}

/// The gate's tables (see the module).
#[derive(Debug, Clone)]
pub struct Gate {
    /// The class of each code point.
    classes: Box<[u8; TABLE]>,
    /// `pairs[a * count + b]`: class `a` followed by class `b` may start damage (rows of the
    /// classes that matter alone are full).
    pairs: Vec<bool>,
    /// Whether a class matters alone (at the end of a text, where nothing follows it).
    single: Vec<bool>,
    count: usize,
    /// Whether each code point may start damage (its class's row of `pairs` holds one).
    lead: Box<[bool; TABLE]>,
    /// Whether no printable ASCII character (U+0020-U+007E) may start damage: then the scan
    /// skips runs of them a block at a time (most text is mostly such runs).
    skip_ascii: bool,
    /// Whether each code point may make a text change under NFC (the last entry, for the code
    /// points above the plane, is not read: `plain_astral` says).
    composing: Box<[bool; TABLE]>,
    /// Ranges `lo..hi` above the plane where no character changes under NFC.
    plain_astral: Vec<(u32, u32)>,
    /// Whether the entity pattern is ftfy's known one (else any `&` makes a text suspect).
    entities: bool,
}

#[inline]
fn index(c: u32) -> usize {
    (c as usize).min(TABLE - 1)
}

/// Code points the scan reads at once when it looks for a character outside printable ASCII.
const BLOCK: usize = 32; // the bits of a u32 mask

/// The positions in `block` (at most `BLOCK` long) of the code points outside printable ASCII
/// (U+0020-U+007E), as the bits of a mask (branch-free: the compiler vectorises it).
#[inline]
fn outside_printable_ascii<T: Copy + Into<u32>>(block: &[T]) -> u32 {
    block.iter().enumerate().fold(0, |mask, (k, &c)| mask | (((c.into().wrapping_sub(0x20) >= 0x5F) as u32) << k))
}

/// Whether `s` holds a match of `&#?[0-9A-Za-z]{1,24};`. The pattern cannot backtrack into a
/// different match: after `&` and an optional `#`, a match is the whole run of ASCII letters and
/// digits that follows, 1 to 24 long, followed by `;`.
fn has_entity<T: Copy + Into<u32>>(s: &[T]) -> bool {
    let alnum = |c: u32| c < 0x80 && (c as u8).is_ascii_alphanumeric();
    let n = s.len();
    for i in 0..n {
        if s[i].into() != '&' as u32 {
            continue;
        }
        let mut j = i + 1;
        if j < n && s[j].into() == '#' as u32 {
            j += 1;
        }
        let run = s[j..].iter().take_while(|&&c| alnum(c.into())).count();
        if (1..=24).contains(&run) && j + run < n && s[j + run].into() == ';' as u32 {
            return true;
        }
    }
    false
}

impl Gate {
    /// The gate of Python's tables.
    ///
    /// Args: `classes` (`TABLE` entries), `pairs` (`count * count`, row-major, rows of the classes
    /// that matter alone full), `single` (`count`), `composing` (`TABLE`), `plain_astral`, and
    /// whether the entity pattern is ftfy's known one.
    ///
    /// Errors: a table of the wrong length, a class without a row, a row of a single class that is
    /// not full (the gate would be narrower than its tables say), a range that is not above the plane.
    pub fn new(
        classes: Vec<u8>,
        pairs: Vec<bool>,
        single: Vec<bool>,
        composing: Vec<bool>,
        plain_astral: Vec<(u32, u32)>,
        entities: bool,
    ) -> Result<Gate, InputError> {
        let count = single.len();
        if classes.len() != TABLE || composing.len() != TABLE {
            return Err(InputError(format!("classes and composing need {TABLE} entries, not {} and {}", classes.len(), composing.len())));
        }
        if pairs.len() != count * count {
            return Err(InputError(format!("pairs holds {} entries, not {count} x {count}", pairs.len())));
        }
        if let Some(&c) = classes.iter().find(|&&c| c as usize >= count) {
            return Err(InputError(format!("class {c} of {count}")));
        }
        for a in (0..count).filter(|&a| single[a]) {
            if !pairs[a * count..(a + 1) * count].iter().all(|&p| p) {
                return Err(InputError(format!("class {a} matters alone but its row of pairs is not full")));
            }
        }
        if composing[..0x100].iter().any(|&c| c) {
            return Err(InputError("a Latin-1 character in the composing table".into()));
        }
        if let Some(r) = plain_astral.iter().find(|&&(lo, hi)| lo < 0x1_0000 || hi < lo) {
            return Err(InputError(format!("range {:X}..{:X} is not above U+FFFF", r.0, r.1)));
        }
        let rows: Vec<bool> = (0..count).map(|a| pairs[a * count..(a + 1) * count].iter().any(|&p| p)).collect();
        let lead: Vec<bool> = classes.iter().map(|&c| rows[c as usize]).collect();
        let skip_ascii = !lead[0x20..0x7F].iter().any(|&l| l);
        let table = |v: Vec<bool>| -> Box<[bool; TABLE]> { v.into_boxed_slice().try_into().expect("TABLE entries") };
        Ok(Gate {
            classes: classes.into_boxed_slice().try_into().expect("TABLE entries"),
            pairs,
            single,
            count,
            lead: table(lead),
            skip_ascii,
            composing: table(composing),
            plain_astral,
            entities,
        })
    }

    /// Whether the code point at `i` of `s` matters alone (last) or with the next one.
    #[inline]
    fn hit_at<T: Copy + Into<u32>>(&self, s: &[T], i: usize) -> bool {
        let c = index(s[i].into());
        if !self.lead[c] {
            return false;
        }
        let a = self.classes[c] as usize;
        match s.get(i + 1) {
            None => self.single[a],
            Some(&next) => self.pairs[a * self.count + self.classes[index(next.into())] as usize],
        }
    }

    fn hit_units<T: Copy + Into<u32>>(&self, s: &[T]) -> bool {
        if !self.skip_ascii {
            return (0..s.len()).any(|i| self.hit_at(s, i));
        }
        // Block by block, only the code points outside printable ASCII are looked at.
        for (k, block) in s.chunks(BLOCK).enumerate() {
            let mut others = outside_printable_ascii(block);
            while others != 0 {
                let i = k * BLOCK + others.trailing_zeros() as usize;
                if self.hit_at(s, i) {
                    return true;
                }
                others &= others - 1;
            }
        }
        false
    }

    /// Whether a character of `text` matters alone, or two adjacent ones may start damage.
    pub fn hit(&self, text: Units) -> bool {
        match text {
            Units::U8(s) => self.hit_units(s),
            Units::U16(s) => self.hit_units(s),
            Units::U32(s) => self.hit_units(s),
        }
    }

    fn entity(&self, text: Units) -> bool {
        if !self.entities {
            return match text {
                Units::U8(s) => s.contains(&b'&'),
                Units::U16(s) => s.contains(&('&' as u16)),
                Units::U32(s) => s.contains(&('&' as u32)),
            };
        }
        match text {
            Units::U8(s) => s.contains(&b'&') && has_entity(s),
            Units::U16(s) => has_entity(s),
            Units::U32(s) => has_entity(s),
        }
    }

    /// Whether `text` is beyond Latin-1 and holds a character that may change under NFC.
    fn may_compose(&self, text: Units) -> bool {
        let composing = |c: u32| {
            if c < 0x1_0000 {
                self.composing[c as usize]
            } else {
                !self.plain_astral.iter().any(|&(lo, hi)| lo <= c && c < hi)
            }
        };
        match text {
            // Latin-1 text is always composed (no Latin-1 character composes with its neighbour).
            Units::U8(_) => false,
            // Every character that may compose is beyond Latin-1 (the composing table holds no
            // Latin-1 character; `new` checks it), so a text holding one is beyond Latin-1 too.
            Units::U16(s) => s.iter().any(|&c| composing(c as u32)),
            Units::U32(s) => s.iter().any(|&c| composing(c)),
        }
    }

    /// What ftfy may do to `text` (see [`Check`]).
    pub fn check(&self, text: Units) -> Check {
        if self.entity(text) || self.hit(text) {
            Check::Suspect
        } else if self.may_compose(text) {
            Check::Compose
        } else {
            Check::Clean
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy gate: class 1 is "Ã" (matters after nothing but "©"), class 2 "©", class 3 a C1
    /// control (matters alone); U+0301 composes.
    fn gate(entities: bool) -> Gate {
        let mut classes = vec![0u8; TABLE];
        classes[0xC3] = 1;
        classes[0xA9] = 2;
        classes[0x85] = 3;
        let count = 4;
        let mut pairs = vec![false; count * count];
        pairs[1 * count + 2] = true;
        for b in 0..count {
            pairs[3 * count + b] = true;
        }
        let single = vec![false, false, false, true];
        let mut composing = vec![false; TABLE];
        composing[0x301] = true;
        Gate::new(classes, pairs, single, composing, vec![(0x1_F000, 0x1_FB00)], entities).unwrap()
    }

    fn check(g: &Gate, text: &str) -> Check {
        let cps: Vec<u32> = text.chars().map(|c| c as u32).collect();
        let got = g.check(Units::U32(&cps));
        if cps.iter().all(|&c| c <= 0xFF) {
            let bytes: Vec<u8> = cps.iter().map(|&c| c as u8).collect();
            assert_eq!(g.check(Units::U8(&bytes)), got, "{text:?}");
        }
        if cps.iter().all(|&c| c <= 0xFFFF) {
            let units: Vec<u16> = cps.iter().map(|&c| c as u16).collect();
            assert_eq!(g.check(Units::U16(&units)), got, "{text:?}");
        }
        got
    }

    #[test]
    fn pairs_and_singles() {
        let g = gate(true);
        assert_eq!(check(&g, "caf\u{c3}\u{a9}"), Check::Suspect);
        assert_eq!(check(&g, "caf\u{c3} \u{a9}"), Check::Clean);
        assert_eq!(check(&g, "\u{a9}\u{c3}"), Check::Clean);
        assert_eq!(check(&g, "a\u{85}"), Check::Suspect); // alone, at the end
        assert_eq!(check(&g, "\u{85}a"), Check::Suspect);
        assert_eq!(check(&g, ""), Check::Clean);
    }

    #[test]
    fn hits_are_found_across_and_after_blocks_of_printable_ascii() {
        let g = gate(true);
        assert!(g.skip_ascii);
        for at in [0, 1, 30, 31, 32, 33, 63, 64, 100] {
            let mut text: String = "x".repeat(at);
            text.push_str("\u{c3}\u{a9}");
            text.push_str(&"y".repeat(40));
            assert_eq!(check(&g, &text), Check::Suspect, "{at}");
            let alone: String = "x".repeat(at) + "\u{85}";
            assert_eq!(check(&g, &alone), Check::Suspect, "{at}");
            let clean: String = "x".repeat(at) + "\u{c3}" + &"y".repeat(at);
            assert_eq!(check(&g, &clean), Check::Clean, "{at}");
        }
    }

    #[test]
    fn entities_follow_ftfys_pattern() {
        let g = gate(true);
        for text in ["&eacute;", "x &#233; y", "&#x;", "&a;", "R&D &amp;", "AT&T;"] {
            assert_eq!(check(&g, text), Check::Suspect, "{text}");
        }
        for text in ["R&D", "AT&T ;", "&;", "&#;", "& amp;", "&\u{e9};", &format!("&{};", "a".repeat(25))] {
            assert_eq!(check(&g, text), Check::Clean, "{text}");
        }
        assert_eq!(check(&g, &format!("&{};", "a".repeat(24))), Check::Suspect);
        assert_eq!(check(&gate(false), "R&D"), Check::Suspect);
    }

    #[test]
    fn composing_text_beyond_latin1_is_asked_again() {
        let g = gate(true);
        assert_eq!(check(&g, "e\u{301}"), Check::Compose);
        assert_eq!(check(&g, "\u{1F600} ok"), Check::Clean); // a plain block
        assert_eq!(check(&g, "\u{1D15E}"), Check::Compose); // not a plain block
        assert_eq!(check(&g, "\u{4e00}"), Check::Clean);
    }

    #[test]
    fn refuses_tables_narrower_than_they_say() {
        let g = gate(true);
        let mut pairs = g.pairs.clone();
        pairs[3 * 4] = false;
        assert!(Gate::new(g.classes.to_vec(), pairs, g.single.clone(), g.composing.to_vec(), vec![], true).is_err());
        assert!(Gate::new(g.classes.to_vec(), g.pairs.clone(), g.single.clone(), g.composing.to_vec(), vec![(0x41, 0x42)], true).is_err());
        assert!(Gate::new(vec![9; TABLE], g.pairs.clone(), g.single.clone(), g.composing.to_vec(), vec![], true).is_err());
        assert!(Gate::new(g.classes.to_vec(), g.pairs[1..].to_vec(), g.single.clone(), g.composing.to_vec(), vec![], true).is_err());
        let mut composing = g.composing.to_vec();
        composing[0xE9] = true;
        assert!(Gate::new(g.classes.to_vec(), g.pairs.clone(), g.single.clone(), composing, vec![], true).is_err());
    }
}
