//! The write pass's work on one document (`run.passes.write_batch`): its paragraphs' verdicts
//! from the run's plan, its output text in its own layout (`join_kept`, UTF-8) and its report
//! lines (one record a removed or repaired paragraph, keys sorted, written as `json_lines` writes
//! them), from its decoded text, without a line or `Paragraph` object. It is the only writer of a
//! folder output's files and of the write pass's report lines; `tests/render_reference.py` is its
//! plain oracle.
//!
//! Every document is written here, the rare ones included:
//! - a lone surrogate (a non-file source can hold one): the output replaces it with U+FFFD, and a
//!   record holding one anywhere (its text, path or a verdict's value) is written in ASCII, as
//!   `report_file._dumps` writes it;
//! - a paragraph that repair left blank carries the verdict `text.repair.mark_blank_after_repair`
//!   gives it (made by the binding, [`Repaired::blank`]) unless a later one replaces it, as
//!   `run.passes._apply` replaces it.

use std::collections::HashMap;
use std::io::Write;

use crate::chars::Units;
use crate::jsonl::{push_u, write_string};
use crate::lines::{split_lines, Line, Spaces};
use crate::InputError;

/// A verdict's report fields, each key with its JSON value, and its reason (what it is counted under).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// `(key, JSON literal of the key, JSON of the value)`: readable UTF-8, or ASCII where `ascii`.
    pub items: Vec<(String, Vec<u8>, Vec<u8>)>,
    /// The reason in UTF-8, a lone surrogate in it encoded as "surrogatepass" does.
    pub reason: Vec<u8>,
    /// Whether a value holds a lone surrogate: a record carrying these fields is written in ASCII.
    pub ascii: bool,
}

/// A paragraph that repair changed: its index, its text after repair, and its fixes as the
/// report writes them (`["a", "b"]` and the reason `"encoding:a+b"`, JSON).
pub struct Repaired<'a> {
    pub index: usize,
    pub text: Units<'a>,
    pub repairs: Vec<u8>,
    pub reason: Vec<u8>,
    /// Where repair left it blank: its own verdict (`blank-after-repair`), which a code, a dedup
    /// removal or a re-mark change replaces.
    pub blank: Option<usize>,
}

/// A paragraph's verdict: one of the run's table, one of the document's own (dedup, re-mark).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Table(usize),
    Own(usize),
}

/// What the plan says of one document.
pub struct Plan<'a> {
    /// Per paragraph (at least as many as the document has), 0 or 1 + its table verdict.
    pub codes: &'a [u32],
    /// Paragraphs longer than this (code points) are never analysed: they take no paragraph id.
    pub max_chars: usize,
    /// Dedup's removals: `(n, own verdict)`, the `n`-th analysed paragraph (from 0), sorted by `n`.
    pub removed: &'a [(usize, usize)],
    /// The re-mark's changes, applied last: `(paragraph index, own verdict or kept)`.
    pub overrides: &'a [(usize, Option<usize>)],
    /// The paragraphs repair changed, by index.
    pub repaired: &'a [Repaired<'a>],
}

/// A JSON value of a record's own (the document's path, a record's id): readable, or ASCII where
/// it holds a lone surrogate (the whole record is then written in ASCII).
pub struct Value<'a> {
    pub json: &'a [u8],
    pub ascii: bool,
}

/// The counts of a run's paragraphs per reason (kept and repaired ones too).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Per reason ([`Fields::reason`]'s bytes).
    pub by_reason: HashMap<Vec<u8>, u64>,
    pub kept: u64,
    pub repaired: u64,
}

/// Whether `units` holds a surrogate code point (which UTF-8 cannot hold).
pub fn has_surrogate(units: Units<'_>) -> bool {
    match units {
        Units::U8(_) => false,
        Units::U16(s) => s.iter().any(|&c| (0xd800..0xe000).contains(&c)),
        Units::U32(s) => s.iter().any(|&c| (0xd800..0xe000).contains(&c) || c > 0x10_ffff),
    }
}

fn slice(units: Units<'_>, start: usize, end: usize) -> Units<'_> {
    match units {
        Units::U8(s) => Units::U8(&s[start..end]),
        Units::U16(s) => Units::U16(&s[start..end]),
        Units::U32(s) => Units::U32(&s[start..end]),
    }
}

fn at(units: Units<'_>, i: usize) -> u32 {
    match units {
        Units::U8(s) => s[i] as u32,
        Units::U16(s) => s[i] as u32,
        Units::U32(s) => s[i],
    }
}

fn same(a: Units<'_>, b: Units<'_>) -> bool {
    a.len() == b.len() && (0..a.len()).all(|i| at(a, i) == at(b, i))
}

/// What a lone surrogate becomes in the bytes written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lone {
    /// U+FFFD (a file's output: `UTF-8` cannot hold it).
    Replace,
    /// Its three bytes as `"surrogatepass"` writes them (a string handed back to Python).
    Pass,
}

/// Appends the UTF-8 of `units`.
pub(crate) fn push_utf8(out: &mut Vec<u8>, units: Units<'_>, lone: Lone) {
    match units {
        Units::U8(s) => crate::chars::latin1_utf8(s, out),
        Units::U16(s) => push_ucs2(out, s, lone),
        Units::U32(s) => push_chars(out, s.iter().copied(), lone),
    }
}

/// Appends the UTF-8 of code points below U+10000 (a surrogate among them is a lone one): four
/// at a time while they are ASCII, else one at a time, each encoded straight from its bits into
/// room made first (by `char` and `encode_utf8`, the copy of the 332 texts stored two bytes a
/// character among the benchmark corpus's first 1,000 documents took some 27 M instructions of
/// `render`'s 143 M, callgrind; 126 M so).
fn push_ucs2(out: &mut Vec<u8>, units: &[u16], lone: Lone) {
    let start = out.len();
    // Room for every unit as three bytes (the most any takes, U+FFFD included), and four more.
    out.resize(start + 3 * units.len() + 4, 0);
    let room = &mut out[start..];
    let (mut at, mut written) = (0, 0);
    while at < units.len() {
        if let Some(four) = units.get(at..at + 4) {
            if four.iter().all(|&c| c < 0x80) {
                for (slot, &c) in room[written..written + 4].iter_mut().zip(four) {
                    *slot = c as u8;
                }
                at += 4;
                written += 4;
                continue;
            }
        }
        let c = units[at];
        let c = if (0xD800..0xE000).contains(&c) && lone == Lone::Replace { 0xFFFD } else { c };
        if c < 0x80 {
            room[written] = c as u8;
            written += 1;
        } else if c < 0x800 {
            room[written] = 0xC0 | (c >> 6) as u8;
            room[written + 1] = 0x80 | (c & 0x3F) as u8;
            written += 2;
        } else {
            // (A lone surrogate passed is written so too: its three bytes, as "surrogatepass" does.)
            room[written] = 0xE0 | (c >> 12) as u8;
            room[written + 1] = 0x80 | (c >> 6 & 0x3F) as u8;
            room[written + 2] = 0x80 | (c & 0x3F) as u8;
            written += 3;
        }
        at += 1;
    }
    out.truncate(start + written);
}

fn push_chars(out: &mut Vec<u8>, cps: impl Iterator<Item = u32>, lone: Lone) {
    let mut buf = [0u8; 4];
    for c in cps {
        match char::from_u32(c) {
            Some(ch) => out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes()),
            None if lone == Lone::Pass && c < 0x10000 => {
                out.extend_from_slice(&[0xe0 | (c >> 12) as u8, 0x80 | (c >> 6 & 0x3f) as u8, 0x80 | (c & 0x3f) as u8])
            }
            None => out.extend_from_slice("\u{fffd}".as_bytes()),
        }
    }
}

/// The UTF-8 of `units`, a lone surrogate as `"surrogatepass"` writes it (a verdict's reason).
pub fn surrogatepass(units: Units<'_>) -> Vec<u8> {
    let mut out = Vec::with_capacity(units.len());
    push_utf8(&mut out, units, Lone::Pass);
    out
}

fn json_string(out: &mut Vec<u8>, units: Units<'_>, ascii: bool) {
    // A surrogate only reaches here in ASCII mode (the record's mode is chosen first), where
    // it is escaped: the write cannot fail.
    let _ = match units {
        Units::U8(s) => write_string(out, s, ascii),
        Units::U16(s) => write_string(out, s, ascii),
        Units::U32(s) => write_string(out, s, ascii),
    };
}

/// Appends readable JSON (UTF-8) in ASCII mode: each character past `~` escaped as `json.dumps`
/// with `ensure_ascii` escapes it (readable JSON holds such characters inside strings only).
pub fn push_ascii(out: &mut Vec<u8>, json: &[u8]) {
    let mut i = 0;
    while i < json.len() {
        let run = json[i..].iter().position(|&b| b >= 0x7f).map_or(json.len(), |k| i + k);
        out.extend_from_slice(&json[i..run]);
        if run == json.len() {
            break;
        }
        let b = json[run];
        let (c, width) = match b {
            0x7f => (0x7f, 1),
            0xc0..=0xdf => ((b as u32 & 0x1f) << 6 | (json[run + 1] as u32 & 0x3f), 2),
            0xe0..=0xef => ((b as u32 & 0x0f) << 12 | (json[run + 1] as u32 & 0x3f) << 6 | (json[run + 2] as u32 & 0x3f), 3),
            _ => (
                (b as u32 & 0x07) << 18
                    | (json[run + 1] as u32 & 0x3f) << 12
                    | (json[run + 2] as u32 & 0x3f) << 6
                    | (json[run + 3] as u32 & 0x3f),
                4,
            ),
        };
        if c < 0x10000 {
            push_u(out, c);
        } else {
            let v = c - 0x10000;
            push_u(out, 0xd800 | (v >> 10));
            push_u(out, 0xdc00 | (v & 0x3ff));
        }
        i = run + width;
    }
}

/// The verdict of each paragraph (`run.passes._apply`'s rules, after the snapshot's restore).
fn verdicts(
    paragraphs: &[(usize, &Line)],
    lengths: &[usize],
    fixed: &[Option<&Repaired<'_>>],
    plan: &Plan<'_>,
    table: usize,
) -> Result<Vec<Option<Verdict>>, InputError> {
    if plan.codes.len() < paragraphs.len() {
        return Err(InputError(format!("{} codes for {} paragraphs", plan.codes.len(), paragraphs.len())));
    }
    let mut out = Vec::with_capacity(paragraphs.len());
    let (mut analysed, mut next) = (0usize, 0usize);
    for (k, &code) in plan.codes[..paragraphs.len()].iter().enumerate() {
        let restored = fixed[k].and_then(|r| r.blank).map(Verdict::Own);
        if code != 0 {
            let i = code as usize - 1;
            if i >= table {
                return Err(InputError(format!("verdict code {code} past a table of {table}")));
            }
            out.push(Some(Verdict::Table(i)));
        } else if lengths[k] <= plan.max_chars {
            while next < plan.removed.len() && plan.removed[next].0 < analysed {
                next += 1;
            }
            let hit = plan.removed.get(next).filter(|r| r.0 == analysed).map(|r| Verdict::Own(r.1));
            out.push(hit.or(restored));
            analysed += 1;
        } else {
            out.push(restored);
        }
    }
    for &(index, own) in plan.overrides {
        if let Some(slot) = out.get_mut(index) {
            *slot = own.map(Verdict::Own);
        }
    }
    Ok(out)
}

/// Writes one document: its output (when `output` is given) and its report lines (appended to
/// `report`); adds its paragraphs to `tally`.
///
/// Args:
///     text: the decoded text (as the snapshot holds it).
///     file: the JSON of the document's path; `id`: of its record's id, if it has one.
///     table, own: the run's verdicts and the document's own, as report fields.
///
/// Returns:
///     the number of paragraphs (codes read), and whether its text or a repaired paragraph holds a
///     lone surrogate (which the output replaced with U+FFFD: a sink that keeps a record's text as
///     read takes such a record from the Python path, `run.passes._write_documents`). Nothing is
///     written or counted on an error.
///
/// Errors:
///     a plan that does not fit the document (too few codes, a code past the table, a repaired
///     paragraph past its paragraphs, an own verdict past `own`).
#[allow(clippy::too_many_arguments)]
pub fn render(
    text: Units<'_>,
    spaces: &Spaces,
    file: &Value<'_>,
    id: Option<&Value<'_>>,
    plan: &Plan<'_>,
    table: &[Fields],
    own: &[Fields],
    output: Option<&mut Vec<u8>>,
    report: &mut Vec<u8>,
    tally: &mut Tally,
) -> Result<(usize, bool), InputError> {
    // Only a text or repair holding a lone surrogate can make a record ASCII by its text.
    let lone = has_surrogate(text) || plan.repaired.iter().any(|r| has_surrogate(r.text));
    let lines = split_lines(text, spaces);
    let paragraphs: Vec<(usize, &Line)> = lines.iter().enumerate().filter(|(_, l)| l.paragraph).collect();
    let mut fixed: Vec<Option<&Repaired<'_>>> = vec![None; paragraphs.len()];
    for r in plan.repaired {
        match fixed.get_mut(r.index) {
            Some(slot) => *slot = Some(r),
            None => return Err(InputError(format!("repaired paragraph {} of {}", r.index, paragraphs.len()))),
        }
    }
    let lengths: Vec<usize> = paragraphs
        .iter()
        .zip(&fixed)
        .map(|((_, l), r)| r.map_or(l.body_end - l.start, |r| r.text.len()))
        .collect();
    let chosen = verdicts(&paragraphs, &lengths, &fixed, plan, table.len())?;
    let fields = |v: Verdict| -> Option<&Fields> {
        match v {
            Verdict::Table(i) => table.get(i),
            Verdict::Own(i) => own.get(i),
        }
    };
    if chosen.iter().flatten().any(|&v| fields(v).is_none()) {
        return Err(InputError(format!("a verdict past the document's {} own", own.len())));
    }
    let mut counted: Vec<&[u8]> = Vec::new();
    let mut repaired = 0u64;
    let mut scratch: Vec<u8> = Vec::new();
    for (k, ((line, l), (r, v))) in paragraphs.iter().zip(fixed.iter().zip(&chosen)).enumerate() {
        if v.is_none() && r.is_none() {
            continue;
        }
        let body = slice(text, l.start, l.body_end);
        let f = v.map(|v| fields(v).expect("checked above"));
        let ascii = file.ascii
            || id.map_or(false, |id| id.ascii)
            || f.map_or(false, |f| f.ascii)
            || lone && (has_surrogate(body) || r.map_or(false, |r| has_surrogate(r.text)));
        scratch.clear();
        write!(scratch, "{}", line + 1).unwrap_or(());
        let line_end = scratch.len();
        write!(scratch, "{k}").unwrap_or(());
        let index_end = scratch.len();
        json_string(&mut scratch, r.map_or(body, |r| r.text), ascii);
        let text_end = scratch.len();
        if r.is_some() {
            json_string(&mut scratch, body, ascii);
        }
        let mut items: Vec<(&str, &[u8], &[u8])> = Vec::with_capacity(16);
        items.push(("file", b"\"file\"", file.json));
        if let Some(id) = id {
            items.push(("id", b"\"id\"", id.json));
        }
        items.push(("line", b"\"line\"", &scratch[..line_end]));
        items.push(("paragraph", b"\"paragraph\"", &scratch[line_end..index_end]));
        items.push(("text", b"\"text\"", &scratch[index_end..text_end]));
        if let Some(r) = r {
            items.push(("original", b"\"original\"", &scratch[text_end..]));
            if v.is_some() {
                items.push(("repairs", b"\"repairs\"", &r.repairs));
            } else {
                items.push(("reason", b"\"reason\"", &r.reason));
            }
            repaired += 1;
        }
        if let Some(f) = f {
            for (key, literal, value) in &f.items {
                items.push((key.as_str(), literal.as_slice(), value.as_slice()));
            }
            counted.push(f.reason.as_slice());
        }
        items.sort_by(|a, b| a.0.cmp(b.0));
        report.push(b'{');
        for (j, (_, literal, value)) in items.iter().enumerate() {
            if j > 0 {
                report.extend_from_slice(b", ");
            }
            if ascii {
                push_ascii(report, literal);
                report.extend_from_slice(b": ");
                push_ascii(report, value);
            } else {
                report.extend_from_slice(literal);
                report.extend_from_slice(b": ");
                report.extend_from_slice(value);
            }
        }
        report.extend_from_slice(b"}\n");
    }
    if let Some(out) = output {
        join_kept(text, &lines, &paragraphs, &fixed, &chosen, Lone::Replace, out);
    }
    for reason in &counted {
        match tally.by_reason.get_mut(*reason) {
            Some(n) => *n += 1,
            None => {
                tally.by_reason.insert(reason.to_vec(), 1);
            }
        }
    }
    tally.kept += (paragraphs.len() - counted.len()) as u64;
    tally.repaired += repaired;
    Ok((paragraphs.len(), lone))
}

/// The kept paragraphs of a document in its own layout, in UTF-8 (`text.split.join_kept`).
///
/// Args:
///     text: the document's decoded text (split here as `split_lines` splits it).
///     removed: per paragraph, whether it is removed.
///     fixed: `(paragraph index, text)` of each paragraph whose text differs from its line's.
///
/// Errors:
///     `removed` does not hold one flag a paragraph, or a fixed paragraph is past them.
pub fn kept_text(
    text: Units<'_>,
    spaces: &Spaces,
    removed: &[bool],
    fixed: &[(usize, Units<'_>)],
    lone: Lone,
    out: &mut Vec<u8>,
) -> Result<(), InputError> {
    let lines = split_lines(text, spaces);
    let paragraphs: Vec<(usize, &Line)> = lines.iter().enumerate().filter(|(_, l)| l.paragraph).collect();
    if removed.len() != paragraphs.len() {
        return Err(InputError(format!("{} flags for {} paragraphs", removed.len(), paragraphs.len())));
    }
    let repairs: Vec<Repaired<'_>> = fixed
        .iter()
        .map(|&(index, text)| Repaired { index, text, repairs: Vec::new(), reason: Vec::new(), blank: None })
        .collect();
    let mut by_index: Vec<Option<&Repaired<'_>>> = vec![None; paragraphs.len()];
    for r in &repairs {
        match by_index.get_mut(r.index) {
            Some(slot) => *slot = Some(r),
            None => return Err(InputError(format!("fixed paragraph {} of {}", r.index, paragraphs.len()))),
        }
    }
    let chosen: Vec<Option<Verdict>> = removed.iter().map(|&r| if r { Some(Verdict::Own(0)) } else { None }).collect();
    join_kept(text, &lines, &paragraphs, &by_index, &chosen, lone, out);
    Ok(())
}

/// `text.split.join_kept`: the kept paragraphs in the document's own layout, in UTF-8.
fn join_kept(
    text: Units<'_>,
    lines: &[Line],
    paragraphs: &[(usize, &Line)],
    fixed: &[Option<&Repaired<'_>>],
    chosen: &[Option<Verdict>],
    lone: Lone,
    out: &mut Vec<u8>,
) {
    // Where line `k` starts (the text's end for `k` past the last line): `lines[a:b]` is one slice.
    let at_line = |k: usize| lines.get(k).map_or(text.len(), |l| l.start);
    let copy = |out: &mut Vec<u8>, a: usize, b: usize| {
        if a < b {
            push_utf8(out, slice(text, at_line(a), at_line(b)), lone);
        }
    };
    let first_line = match paragraphs.first() {
        Some(&(line, _)) => line,
        None => return,
    };
    let mut first = true;
    let (mut begin, mut end) = (0usize, first_line);
    for (j, &(start, l)) in paragraphs.iter().enumerate() {
        if chosen[j].is_some() {
            continue;
        }
        let gap = if first { start } else { paragraphs[j - 1].0 + 1 };
        first = false;
        if gap != end {
            copy(out, begin, end);
            begin = gap;
        }
        match fixed[j] {
            Some(r) if !same(r.text, slice(text, l.start, l.body_end)) => {
                copy(out, begin, start);
                push_utf8(out, r.text, lone);
                push_utf8(out, slice(text, l.body_end, l.end), lone);
                begin = start + 1;
                end = start + 1;
            }
            _ => end = start + 1,
        }
    }
    if first {
        return;
    }
    copy(out, begin, end);
    let last = paragraphs[paragraphs.len() - 1].0;
    copy(out, last + 1, lines.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_byte_units_are_written_as_each_character_would_be() {
        // Every unit below 0x10000 (lone surrogates too), after runs of ASCII of every length to
        // four, both ways of writing a lone surrogate.
        for lead in 0..5 {
            let mut units: Vec<u16> = vec![u16::from(b'a'); lead];
            units.extend(0..=0xFFFFu16);
            units.extend(b"tail!".iter().map(|&b| u16::from(b)));
            for lone in [Lone::Replace, Lone::Pass] {
                let (mut fast, mut slow) = (b"kept".to_vec(), b"kept".to_vec());
                push_ucs2(&mut fast, &units, lone);
                push_chars(&mut slow, units.iter().map(|&c| u32::from(c)), lone);
                assert!(fast == slow, "lead {lead}, {lone:?}");
            }
        }
    }

    fn spaces() -> Spaces {
        Spaces::new(&[0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0])
    }

    fn reason(name: &str) -> Fields {
        Fields {
            items: vec![("reason".into(), b"\"reason\"".to_vec(), format!("\"{name}\"").into_bytes())],
            reason: name.as_bytes().to_vec(),
            ascii: false,
        }
    }

    const FILE: Value<'static> = Value { json: b"\"a.txt\"", ascii: false };

    fn run(text: &str, plan: &Plan<'_>, table: &[Fields], own: &[Fields]) -> Result<(String, String, Tally), InputError> {
        let cps: Vec<u32> = text.chars().map(|c| c as u32).collect();
        let (mut out, mut report, mut tally) = (Vec::new(), Vec::new(), Tally::default());
        render(Units::U32(&cps), &spaces(), &FILE, None, plan, table, own, Some(&mut out), &mut report, &mut tally)?;
        Ok((String::from_utf8(out).unwrap(), String::from_utf8(report).unwrap(), tally))
    }

    fn plan<'a>(codes: &'a [u32], removed: &'a [(usize, usize)], overrides: &'a [(usize, Option<usize>)]) -> Plan<'a> {
        Plan { codes, max_chars: 100, removed, overrides, repaired: &[] }
    }

    #[test]
    fn a_removed_paragraph_takes_the_blank_lines_before_it() {
        let (out, report, tally) = run("\nA\n\nB\n\nC\n\n", &plan(&[0, 1, 0], &[], &[]), &[reason("x")], &[]).unwrap();
        assert_eq!(out, "\nA\n\nC\n\n");
        assert_eq!(report, "{\"file\": \"a.txt\", \"line\": 4, \"paragraph\": 1, \"reason\": \"x\", \"text\": \"B\"}\n");
        assert_eq!((tally.kept, tally.by_reason[&b"x".to_vec()]), (2, 1));
    }

    #[test]
    fn removals_count_analysed_paragraphs_only_and_overrides_come_last() {
        // The second paragraph has a code: the removal of analysed paragraph 1 is the third.
        let own = [reason("duplicate"), reason("late")];
        let (out, _, tally) = run("A\nB\nC\nD", &plan(&[0, 1, 0, 0], &[(1, 0)], &[(3, Some(1))]), &[reason("x")], &own).unwrap();
        assert_eq!(out, "A\n");
        assert_eq!(tally.by_reason.len(), 3);
        let (out, _, _) = run("A\nB\nC", &plan(&[0, 1, 0], &[(1, 0)], &[(2, None)]), &[reason("x")], &own).unwrap();
        assert_eq!(out, "A\nC");
    }

    #[test]
    fn nothing_kept_is_empty_and_a_bad_plan_is_refused() {
        let (out, _, _) = run("\nA\n", &plan(&[1], &[], &[]), &[reason("x")], &[]).unwrap();
        assert_eq!(out, "");
        assert!(matches!(run("A\nB", &plan(&[0], &[], &[]), &[], &[]), Err(_)));
        assert!(matches!(run("A", &plan(&[2], &[], &[]), &[reason("x")], &[]), Err(_)));
    }

    #[test]
    fn a_surrogate_is_replaced_in_the_output_and_escapes_its_record_in_ascii() {
        let cps = [0x41u32, 0xd800, 0x0a, 0xe9, 0x0a, 0x42];
        let (mut out, mut report, mut tally) = (Vec::new(), Vec::new(), Tally::default());
        let own = [Fields { ascii: false, ..reason("é") }];
        let p = Plan { codes: &[0, 0, 1], max_chars: 100, removed: &[(0, 0)], overrides: &[], repaired: &[] };
        let done = render(Units::U32(&cps), &spaces(), &FILE, None, &p, &[reason("x")], &own, Some(&mut out), &mut report, &mut tally);
        assert_eq!(done.unwrap(), (3, true));
        assert_eq!(String::from_utf8(out).unwrap(), "é\n");
        let report = String::from_utf8(report).unwrap();
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(lines[0], r#"{"file": "a.txt", "line": 1, "paragraph": 0, "reason": "\u00e9", "text": "A\ud800"}"#);
        assert_eq!(lines[1], r#"{"file": "a.txt", "line": 3, "paragraph": 2, "reason": "x", "text": "B"}"#);
    }

    #[test]
    fn a_blank_repair_keeps_its_own_verdict_unless_another_replaces_it() {
        let cps: Vec<u32> = "&nbsp;\nB\n".chars().map(|c| c as u32).collect();
        let nbsp = [0xa0u32];
        let fix = |blank| Repaired { index: 0, text: Units::U32(&nbsp), repairs: b"[\"f\"]".to_vec(), reason: b"\"encoding:f\"".to_vec(), blank };
        let repaired = [fix(Some(0))];
        for (codes, overrides, want) in [(&[0u32, 0][..], &[][..], "B\n"), (&[0, 0], &[(0, None)], "\u{a0}\nB\n")] {
            let p = Plan { codes, max_chars: 100, removed: &[], overrides, repaired: &repaired };
            let (mut out, mut report, mut tally) = (Vec::new(), Vec::new(), Tally::default());
            let done = render(Units::U32(&cps), &spaces(), &FILE, None, &p, &[], &[reason("blank")], Some(&mut out), &mut report, &mut tally);
            assert_eq!(done.unwrap(), (2, false)); // no lone surrogate: an U+00A0 is no surrogate
            assert_eq!(String::from_utf8(out).unwrap(), want);
            assert_eq!(tally.repaired, 1);
        }
    }

    #[test]
    fn ascii_mode_escapes_what_json_escapes() {
        let mut out = Vec::new();
        push_ascii(&mut out, "\"a\u{7f}é€😀\"".as_bytes());
        assert_eq!(String::from_utf8(out).unwrap(), r#""a\u007f\u00e9\u20ac\ud83d\ude00""#);
        assert_eq!(surrogatepass(Units::U16(&[0x61, 0xd800])), b"a\xed\xa0\x80".to_vec());
    }
}
