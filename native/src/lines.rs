//! Decoded text into lines and paragraphs (`text.split.split_lines`), on the code units CPython
//! stores a string in. A line ends after `"\r\n"`, `"\r"` or `"\n"` (no other boundary that
//! `str.splitlines` knows: `"\x0b"`, `"\x0c"`, `"\x1c"`-`"\x1e"`, U+0085, U+2028 and U+2029 stay
//! inside their line); the text after the last ending is a line when it is not empty. A line is a
//! paragraph when its body (the line without its ending) holds a character that is not white space
//! as Python's `str.isspace` says (the set of those characters comes from Python).

use crate::chars::Units;

/// Where one line of a text lies, in code points: `start..body_end` is its body, `body_end..end`
/// its ending (empty for a last line without one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub body_end: usize,
    pub end: usize,
    /// The body holds a character that is not white space.
    pub paragraph: bool,
}

/// The white-space characters (`str.isspace`), as a table of the Basic Multilingual Plane and a
/// sorted list of those above it (Unicode has none today; the list keeps the table exact anyway).
#[derive(Debug, Clone)]
pub struct Spaces {
    bmp: Vec<bool>,
    astral: Vec<u32>,
}

impl Spaces {
    /// The set of `code_points` (any order, repeats allowed).
    pub fn new(code_points: &[u32]) -> Spaces {
        let mut bmp = vec![false; 0x1_0000];
        let mut astral = Vec::new();
        for &c in code_points {
            match bmp.get_mut(c as usize) {
                Some(slot) => *slot = true,
                None => astral.push(c),
            }
        }
        astral.sort_unstable();
        astral.dedup();
        Spaces { bmp, astral }
    }

    /// Whether `c` is white space.
    #[inline]
    pub fn contains(&self, c: u32) -> bool {
        match self.bmp.get(c as usize) {
            Some(&space) => space,
            None => self.astral.binary_search(&c).is_ok(),
        }
    }
}

const CR: u32 = '\r' as u32;
const LF: u32 = '\n' as u32;

/// A code unit of a string (CPython's 1, 2 or 4 bytes a character) and how to find the next line break.
trait Unit: Copy + Into<u32> {
    /// The position of the first `"\r"` or `"\n"` in `units`.
    fn find_break(units: &[Self]) -> Option<usize>;

    /// About how many lines `units` holds, at least one more than its breaks where that is cheap
    /// to count (the list of lines is then made once, not grown: growing it was a sixth of the
    /// core's own time in a split of the benchmark corpus).
    fn lines_hint(units: &[Self]) -> usize {
        // Wider strings are rarer, and counting costs a scan: the benchmark corpus's lines, blank
        // ones included, hold 125 code points on average (UCS-1 and UCS-2 alike); room for lines
        // of 32 leaves most texts' lists ungrown, for a byte of list a code point.
        units.len() / 32 + 1
    }
}

impl Unit for u8 {
    #[inline]
    fn find_break(units: &[u8]) -> Option<usize> {
        // Most text is stored a byte a character: memchr scans it many bytes at a time (a line
        // of prose is about a hundred), where a test per byte was a third of a split.
        memchr::memchr2(b'\r', b'\n', units)
    }

    #[inline]
    fn lines_hint(units: &[u8]) -> usize {
        // Many bytes at a time, as the breaks are found: a fraction of the split's own scan.
        memchr::memchr2_iter(b'\r', b'\n', units).count() + 1
    }
}

impl Unit for u16 {
    #[inline]
    fn find_break(units: &[u16]) -> Option<usize> {
        units.iter().position(|&c| c == LF as u16 || c == CR as u16)
    }
}

impl Unit for u32 {
    #[inline]
    fn find_break(units: &[u32]) -> Option<usize> {
        units.iter().position(|&c| c == LF || c == CR)
    }
}

fn split_units<T: Unit>(text: &[T], spaces: &Spaces) -> Vec<Line> {
    let mut out = Vec::with_capacity(T::lines_hint(text));
    let (n, mut start) = (text.len(), 0);
    while start < n {
        let rest = &text[start..];
        let body_end = T::find_break(rest).map_or(n, |k| start + k);
        // A paragraph holds a character that is not white space: usually its first one.
        let paragraph = text[start..body_end].iter().any(|&c| !spaces.contains(c.into()));
        let end = if body_end == n {
            n
        } else if text[body_end].into() == CR && body_end + 1 < n && text[body_end + 1].into() == LF {
            body_end + 2
        } else {
            body_end + 1
        };
        out.push(Line { start, body_end, end, paragraph });
        start = end;
    }
    out
}

/// The lines of `text` with their endings, and which of them are paragraphs (see the module).
pub fn split_lines(text: Units, spaces: &Spaces) -> Vec<Line> {
    match text {
        Units::U8(s) => split_units(s, spaces),
        Units::U16(s) => split_units(s, spaces),
        Units::U32(s) => split_units(s, spaces),
    }
}

/// How many bytes of `data` are C0 controls other than tab, LF, VT, FF, CR and ESC: 0x00-0x08,
/// 0x0E-0x1A and 0x1C-0x1F (the binary test of `text.decode.decode`). Python's
/// `len(head) - len(head.translate(None, controls))` copied each file's bytes to count them: 0.046
/// CPU-s over the 10,686 files of the 300k-paragraph benchmark corpus (63 MB, best of 7); three
/// range tests a byte, counted in runs of 255 into a byte, which the compiler does many bytes at a
/// time: 0.011 CPU-s (a test of a bit mask a byte, one byte at a time: 0.040 CPU-s).
pub fn control_bytes(data: &[u8]) -> usize {
    let mut total = 0;
    for run in data.chunks(255) {
        let mut n: u8 = 0; // at most 255: no overflow
        for &b in run {
            n += ((b < 0x09) | (b.wrapping_sub(0x0e) < 0x0d) | (b.wrapping_sub(0x1c) < 0x04)) as u8;
        }
        total += n as usize;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spaces() -> Spaces {
        Spaces::new(&[0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x3000, 0x2028])
    }

    /// The lines of a Rust string as (text with ending, paragraph).
    fn lines(text: &str) -> Vec<(String, bool)> {
        let cps: Vec<u32> = text.chars().map(|c| c as u32).collect();
        split_lines(Units::U32(&cps), &spaces())
            .iter()
            .map(|l| {
                assert!(l.start <= l.body_end && l.body_end <= l.end);
                (cps[l.start..l.end].iter().map(|&c| char::from_u32(c).unwrap()).collect(), l.paragraph)
            })
            .collect()
    }

    #[test]
    fn every_width_of_code_unit_splits_alike() {
        // One, two and four bytes a character (memchr finds the breaks of the first): the same lines.
        let texts = ["", "\r", "\n\n", "a\r\r\n\n\r", "\n  Titre \r\n\t\nCorps\rFin", "caf\u{e9}\u{a0}\r\n\u{85}x"];
        let long = "x".repeat(100) + "\r\n" + &" ".repeat(70) + "\n";
        for text in texts.iter().copied().chain([long.as_str()]) {
            let cps: Vec<u32> = text.chars().map(|c| c as u32).collect();
            let want = split_lines(Units::U32(&cps), &spaces());
            let wide: Vec<u16> = cps.iter().map(|&c| c as u16).collect();
            assert_eq!(split_lines(Units::U16(&wide), &spaces()), want, "{text:?}");
            let narrow: Vec<u8> = cps.iter().map(|&c| c as u8).collect();
            assert_eq!(split_lines(Units::U8(&narrow), &spaces()), want, "{text:?}");
        }
    }

    #[test]
    fn splits_on_cr_lf_and_crlf_only() {
        let got = lines("\n  Titre \r\n\t\nCorps\rFin");
        let want = [("\n", false), ("  Titre \r\n", true), ("\t\n", false), ("Corps\r", true), ("Fin", true)];
        assert_eq!(got, want.iter().map(|&(t, p)| (t.to_string(), p)).collect::<Vec<_>>());
        assert_eq!(lines("a\x0cb\u{2028}c\u{85}d\n\r\r\n"), vec![("a\x0cb\u{2028}c\u{85}d\n".into(), true), ("\r".into(), false), ("\r\n".into(), false)]);
        assert_eq!(lines(""), vec![]);
        assert_eq!(lines("\u{3000}\u{a0}"), vec![("\u{3000}\u{a0}".into(), false)]);
        assert_eq!(lines("\r"), vec![("\r".into(), false)]);
    }

    #[test]
    fn every_width_reads_the_same() {
        let text = "ab\r\ncd\n\n é\r";
        let u8s: Vec<u8> = text.chars().map(|c| c as u8).collect();
        let u16s: Vec<u16> = text.chars().map(|c| c as u16).collect();
        let u32s: Vec<u32> = text.chars().map(|c| c as u32).collect();
        let s = spaces();
        let want = split_lines(Units::U32(&u32s), &s);
        assert_eq!(split_lines(Units::U8(&u8s), &s), want);
        assert_eq!(split_lines(Units::U16(&u16s), &s), want);
        assert_eq!(want.len(), 4);
    }

    #[test]
    fn astral_white_space_is_looked_up_too() {
        let s = Spaces::new(&[0x20, 0x1_0000]);
        assert!(s.contains(0x1_0000) && s.contains(0x20) && !s.contains(0x1_F600) && !s.contains(0x11_0000));
    }

    #[test]
    fn control_bytes_counts_the_c0_controls_text_lacks() {
        let controls: Vec<u8> = (0u8..0x20).filter(|b| !matches!(b, 0x09..=0x0d | 0x1b)).collect();
        assert_eq!(controls.len(), 26);
        assert_eq!(control_bytes(&controls), 26);
        let text: Vec<u8> = (0u8..=255).filter(|b| !controls.contains(b)).collect();
        assert_eq!(control_bytes(&text), 0);
        assert_eq!(control_bytes(b"a\x00b\x1b\x1c\t\x7f\x08"), 3);
        assert_eq!(control_bytes(b""), 0);
    }
}
