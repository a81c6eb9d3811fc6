//! The character-table entries of a batch of paragraphs, read straight from the strings' code
//! units (`shingle.tokenize`): what Python did as `"\n".join(texts)`, `encode("utf-32-le",
//! "surrogatepass")` and a numpy lookup in `shingle.char_table`, in one pass that writes each
//! entry once. The table, and so every Unicode question, stays Python's: the Basic Multilingual
//! Plane's entries come in as one array, and the entry of each character above it (rare: emoji,
//! historic scripts) is asked of Python once per batch and passed in as a sorted list.

use crate::InputError;

/// Appends Latin-1 text (code points below 0x100, one a byte) to `out` as UTF-8, each byte from
/// 0x80 as its two. Eight bytes are copied at a time, and the output goes on after their run of
/// ASCII (a copy of a fixed size is one store: the runs between two accented letters of French
/// text are some 18 bytes). `RuleSet.candidates` of the benchmark corpus's first 3,000 documents
/// (47,639 lines, 15.7 MB, most Latin-1), callgrind: this copy 116 M instructions when it went a
/// byte at a time past the first byte from 0x80 of eight, 47 M now (the glue's runs of ASCII,
/// each found a byte at a time, checked as UTF-8 and copied, were a fifth of the call).
///
/// `out` holds valid UTF-8 at every step when it did before: the room written into is zeros first.
pub fn latin1_utf8(b: &[u8], out: &mut Vec<u8>) {
    let start = out.len();
    // Room for every byte as two, and for a chunk copied whole past the last byte written.
    out.resize(start + 2 * b.len() + 8, 0);
    let room = &mut out[start..];
    let (mut at, mut written) = (0, 0);
    while at < b.len() {
        if let Some(chunk) = b.get(at..at + 8) {
            room[written..written + 8].copy_from_slice(chunk);
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let high = u64::from_le_bytes(word) & 0x8080_8080_8080_8080;
            let ascii = if high == 0 { 8 } else { (high.trailing_zeros() / 8) as usize };
            at += ascii;
            written += ascii;
            if ascii == 8 {
                continue;
            }
        }
        // A byte from 0x80 (or one of the last seven).
        let c = b[at];
        if c < 0x80 {
            room[written] = c;
            written += 1;
        } else {
            room[written] = 0xC0 | (c >> 6);
            room[written + 1] = 0x80 | (c & 0x3F);
            written += 2;
        }
        at += 1;
    }
    out.truncate(start + written);
}

/// A paragraph's code points as CPython stores them: one, two or four bytes a code point
/// (Latin-1, UCS-2 or UCS-4; a lone surrogate is a code point of its own, as "surrogatepass"
/// encodes it).
#[derive(Clone, Copy, Debug)]
pub enum Units<'a> {
    U8(&'a [u8]),
    U16(&'a [u16]),
    U32(&'a [u32]),
}

impl Units<'_> {
    /// The number of code points.
    pub fn len(&self) -> usize {
        match self {
            Units::U8(s) => s.len(),
            Units::U16(s) => s.len(),
            Units::U32(s) => s.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Size of the table of the Basic Multilingual Plane.
pub const BMP: usize = 0x1_0000;

/// The sorted, distinct code points above the Basic Multilingual Plane in a batch (only UCS-4
/// strings can hold any).
pub fn astral_code_points(texts: &[Units]) -> Vec<u32> {
    let mut out = Vec::new();
    for t in texts {
        if let Units::U32(s) = t {
            out.extend(s.iter().copied().filter(|&c| c as usize >= BMP));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The entries of a batch laid out as `"\n".join(texts)`: each paragraph's characters, then the
/// entry of `"\n"` between paragraphs (none after the last), and the OR of every entry.
///
/// `table` holds the entry of each code point below U+10000; `astral` the sorted code points above
/// it that the batch holds, with their entries in `astral_entries`.
///
/// Errors: a table that is not the whole plane, `astral` and `astral_entries` of different lengths,
/// or a code point above the plane missing from `astral`.
pub fn entries(texts: &[Units], table: &[u32], astral: &[u32], astral_entries: &[u32]) -> Result<(Vec<u32>, u32), InputError> {
    // As an array, the table needs no bounds check for an 8- or 16-bit code unit.
    let table: &[u32; BMP] = table
        .try_into()
        .map_err(|_| InputError(format!("the table holds {} entries, not {BMP}", table.len())))?;
    if astral.len() != astral_entries.len() {
        return Err(InputError(format!("{} astral code points, {} entries", astral.len(), astral_entries.len())));
    }
    let total = texts.iter().map(|t| t.len()).sum::<usize>() + texts.len().saturating_sub(1);
    let mut out = Vec::with_capacity(total);
    let sep = table['\n' as usize];
    let mut any = 0u32;
    for (k, t) in texts.iter().enumerate() {
        if k > 0 {
            out.push(sep);
        }
        let from = out.len();
        match *t {
            // The branch-free loops are the common cases (Latin-1 and UCS-2 text); they vectorise
            // as gathers where the target has them.
            Units::U8(s) => out.extend(s.iter().map(|&c| table[c as usize])),
            Units::U16(s) => out.extend(s.iter().map(|&c| table[c as usize])),
            Units::U32(s) => {
                for &c in s {
                    let e = if (c as usize) < BMP {
                        table[c as usize]
                    } else {
                        match astral.binary_search(&c) {
                            Ok(i) => astral_entries[i],
                            Err(_) => return Err(InputError(format!("no entry for the code point U+{c:X}"))),
                        }
                    };
                    out.push(e);
                }
            }
        }
        any |= out[from..].iter().fold(0, |a, &e| a | e);
    }
    any |= if texts.len() > 1 { sep } else { 0 };
    Ok((out, any))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_is_written_as_its_utf8_in_and_out_of_eight_byte_chunks() {
        // Every code point below 0x100, at every offset from a chunk's start, between ASCII runs.
        let all: Vec<u8> = (0..=255u8).collect();
        for lead in 0..9 {
            let mut text = vec![b'a'; lead];
            text.extend_from_slice(&all);
            text.extend_from_slice(b"plain ascii tail");
            let mut out = b"kept".to_vec();
            latin1_utf8(&text, &mut out);
            let want: String = text.iter().map(|&c| c as char).collect();
            assert_eq!(out, [&b"kept"[..], want.as_bytes()].concat());
        }
        let mut out = Vec::new();
        latin1_utf8(&[], &mut out);
        assert!(out.is_empty());
    }

    fn table() -> Vec<u32> {
        // A toy table: each code point's entry is itself plus one (so 0 is no code point's).
        (0..BMP as u32).map(|c| c + 1).collect()
    }

    #[test]
    fn lays_out_as_a_newline_join() {
        let t = table();
        let texts = [Units::U8(b"ab"), Units::U16(&[0x4E2D]), Units::U32(&[0x61, 0x1F600]), Units::U8(b"")];
        let (e, any) = entries(&texts, &t, &[0x1F600], &[7]).unwrap();
        assert_eq!(e, vec![0x62, 0x63, 11, 0x4E2E, 11, 0x62, 7, 11]);
        assert_eq!(any, e.iter().fold(0, |a, &x| a | x));
        assert_eq!(entries(&[], &t, &[], &[]).unwrap(), (vec![], 0));
        assert_eq!(entries(&[Units::U8(b"")], &t, &[], &[]).unwrap(), (vec![], 0));
    }

    #[test]
    fn finds_and_needs_the_astral_code_points() {
        let t = table();
        let texts = [Units::U32(&[0x1F600, 0x61, 0x10000, 0x1F600]), Units::U16(&[0xD800])];
        assert_eq!(astral_code_points(&texts), vec![0x10000, 0x1F600]);
        assert!(entries(&texts, &t, &[0x1F600], &[1]).is_err());
        assert!(entries(&texts, &t, &[0x10000, 0x1F600], &[1]).is_err());
        assert!(entries(&texts, &t[..10], &[0x10000, 0x1F600], &[1, 2]).is_err());
        let (e, _) = entries(&texts, &t, &[0x10000, 0x1F600], &[1, 2]).unwrap();
        assert_eq!(e, vec![2, 0x62, 1, 2, 11, 0xD801]);
    }
}
