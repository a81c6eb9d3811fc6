//! The string literals of the report's JSON Lines, written as Python's `json` writes them.
//!
//! A report line is `json.dumps(record, ensure_ascii=False, sort_keys=True)` with U+0085, U+2028
//! and U+2029 escaped (so that `str.splitlines` never breaks a record), or, for a record holding a
//! lone surrogate (which UTF-8 cannot hold), `json.dumps(record, ensure_ascii=True,
//! sort_keys=True)`. [`write_string`] writes one string literal in either mode, from the code
//! points of a Python string (its PEP 393 storage: one, two or four bytes a code point); the
//! bindings (`jsonl_py`) walk the record and put the literals together. The escapes are those of
//! CPython's `_json` (`escape_unicode`, `ascii_escape_unichar`): lowercase hex digits, astral
//! characters as a surrogate pair in ASCII mode.

/// A lone surrogate met in readable mode: the whole record is written again in ASCII mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Surrogate;

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends `\uXXXX` (four lowercase hex digits of `unit`, a UTF-16 code unit).
pub(crate) fn push_u(out: &mut Vec<u8>, unit: u32) {
    out.extend_from_slice(&[
        b'\\',
        b'u',
        HEX[(unit >> 12 & 0xf) as usize],
        HEX[(unit >> 8 & 0xf) as usize],
        HEX[(unit >> 4 & 0xf) as usize],
        HEX[(unit & 0xf) as usize],
    ]);
}

/// The two-character escape of `c` shared by both modes (`\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`).
fn named_escape(c: u32) -> Option<u8> {
    match c {
        0x22 => Some(b'"'),
        0x5c => Some(b'\\'),
        0x0a => Some(b'n'),
        0x0d => Some(b'r'),
        0x09 => Some(b't'),
        0x08 => Some(b'b'),
        0x0c => Some(b'f'),
        _ => None,
    }
}

/// Appends the JSON string literal of `units` (the code points of a string) to `out`.
///
/// Readable mode (`ascii` false) is `ensure_ascii=False` with U+0085, U+2028 and U+2029 escaped:
/// only `"`, `\` and the C0 controls are escaped besides, everything else is written as UTF-8.
/// ASCII mode is `ensure_ascii=True`: every code point outside `' '..='~'` is escaped (DEL
/// included), astral ones as a surrogate pair.
///
/// Errors:
///     [`Surrogate`] in readable mode when `units` holds a surrogate code point (`out` then
///     holds part of the literal: the caller starts the record again).
pub fn write_string<T: Copy + Into<u32>>(out: &mut Vec<u8>, units: &[T], ascii: bool) -> Result<(), Surrogate> {
    out.reserve(units.len() + 2);
    out.push(b'"');
    let mut i = 0;
    while i < units.len() {
        // A run of characters written as they are (most of a line of text): copied in one go,
        // where a push a character with its capacity check cost ~1.2 ns each (6 us a 5,000-character paragraph).
        let start = i;
        while i < units.len() && plain(units[i].into()) {
            i += 1;
        }
        if i > start {
            out.extend(units[start..i].iter().map(|&u| u.into() as u8));
        }
        if i == units.len() {
            break;
        }
        let c: u32 = units[i].into();
        i += 1;
        if let Some(name) = named_escape(c) {
            out.extend_from_slice(&[b'\\', name]);
        } else if c < 0x20 || ascii && c < 0x10000 || c == 0x85 || c == 0x2028 || c == 0x2029 {
            push_u(out, c);
        } else if ascii {
            let v = c - 0x10000;
            push_u(out, 0xd800 | (v >> 10));
            push_u(out, 0xdc00 | (v & 0x3ff));
        } else {
            // A surrogate (or, from no Python string, a value past U+10FFFF) has no UTF-8.
            let ch = char::from_u32(c).ok_or(Surrogate)?;
            let mut buf = [0u8; 4];
            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        }
    }
    out.push(b'"');
    Ok(())
}

/// Whether code point `c` is written as it is in both modes: printable ASCII but `"` and `\\`.
#[inline]
fn plain(c: u32) -> bool {
    (0x20..0x7f).contains(&c) && c != 0x22 && c != 0x5c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literal(text: &str, ascii: bool) -> String {
        let units: Vec<u32> = text.chars().map(|c| c as u32).collect();
        let mut out = Vec::new();
        write_string(&mut out, &units, ascii).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn readable_mode_escapes_quotes_controls_and_line_breaks_only() {
        assert_eq!(literal("a\"b\\c", false), r#""a\"b\\c""#);
        assert_eq!(literal("\n\r\t\u{8}\u{c}\u{1}\u{1f}", false), r#""\n\r\t\b\f\u0001\u001f""#);
        assert_eq!(literal("é\u{7f}\u{85}\u{2028}\u{2029}😀", false), "\"é\u{7f}\\u0085\\u2028\\u2029😀\"");
    }

    #[test]
    fn ascii_mode_escapes_everything_past_tilde() {
        assert_eq!(literal("~\u{7f}é\u{2028}", true), r#""~\u007f\u00e9\u2028""#);
        assert_eq!(literal("😀", true), r#""\ud83d\ude00""#);
        assert_eq!(literal("\u{10ffff}", true), r#""\udbff\udfff""#);
    }

    #[test]
    fn a_surrogate_stops_readable_mode_only() {
        let units: Vec<u16> = vec![0x61, 0xd800];
        let mut out = Vec::new();
        assert_eq!(write_string(&mut out, &units, false), Err(Surrogate));
        out.clear();
        write_string(&mut out, &units, true).unwrap();
        assert_eq!(out, br#""a\ud800""#.to_vec());
        let bytes: Vec<u8> = vec![0xe9, 0x22];
        out.clear();
        write_string(&mut out, &bytes, false).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "\"é\\\"\"");
    }
}
