//! The write pass's work on one document (`run.passes.write_batch`): its paragraphs' verdicts
//! from the run's plan, its output text in its own layout (`text.split.join_kept`, UTF-8) and its
//! report lines (`report.report_file.records`, written as `json_lines` writes them), from its
//! decoded text, without a line or `Paragraph` object.
//!
//! A document this kernel cannot write exactly as the Python path does is handed back
//! ([`Stop::Python`]): a lone surrogate anywhere in its text or its repairs (the output replaces
//! it, the report escapes the whole record in ASCII), or a paragraph that repair left blank and no
//! verdict covers (its verdict comes from the snapshot's restore). The Python path writes it.

use std::collections::HashMap;
use std::io::Write;

use crate::chars::Units;
use crate::jsonl::write_string;
use crate::lines::{split_lines, Line, Spaces};
use crate::InputError;

/// Why a document was not written here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// Only the Python path writes it exactly (see the module).
    Python,
    /// The plan does not fit the document (too few codes, a code past the table).
    Input(InputError),
}

/// A verdict's report fields, each key with its JSON value, and its reason (what it is counted under).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// `(key, JSON literal of the key, JSON of the value)`.
    pub items: Vec<(String, Vec<u8>, Vec<u8>)>,
    pub reason: String,
}

/// A paragraph that repair changed: its index, its text after repair, and its fixes as the
/// report writes them (`["a", "b"]` and the reason `"encoding:a+b"`, JSON).
pub struct Repaired<'a> {
    pub index: usize,
    pub text: Units<'a>,
    pub repairs: Vec<u8>,
    pub reason: Vec<u8>,
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

/// The counts of a run's paragraphs per reason, as `report_file.records` adds them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    pub by_reason: HashMap<String, u64>,
    pub kept: u64,
    pub repaired: u64,
}

/// Whether `units` holds a surrogate code point (which UTF-8 cannot hold).
fn has_surrogate(units: Units<'_>) -> bool {
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

/// Appends the UTF-8 of `units` (no surrogate: checked before).
fn push_utf8(out: &mut Vec<u8>, units: Units<'_>) {
    match units {
        Units::U8(s) => {
            // Latin-1: runs of ASCII copied as they are, each other byte as two.
            out.reserve(s.len() + s.len() / 8);
            let mut rest = s;
            while !rest.is_empty() {
                let run = rest.iter().position(|&c| c >= 0x80).unwrap_or(rest.len());
                out.extend_from_slice(&rest[..run]);
                if let Some(&c) = rest.get(run) {
                    out.extend_from_slice(&[0xc0 | (c >> 6), 0x80 | (c & 0x3f)]);
                    rest = &rest[run + 1..];
                } else {
                    rest = &[];
                }
            }
        }
        Units::U16(s) => push_chars(out, s.iter().map(|&c| c as u32)),
        Units::U32(s) => push_chars(out, s.iter().copied()),
    }
}

fn push_chars(out: &mut Vec<u8>, cps: impl Iterator<Item = u32>) {
    let mut buf = [0u8; 4];
    for c in cps {
        let ch = char::from_u32(c).unwrap_or('\u{fffd}');
        out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
    }
}

fn json_string(out: &mut Vec<u8>, units: Units<'_>) {
    // No surrogate reaches here (checked first), so readable mode cannot fail.
    let _ = match units {
        Units::U8(s) => write_string(out, s, false),
        Units::U16(s) => write_string(out, s, false),
        Units::U32(s) => write_string(out, s, false),
    };
}

/// The verdict of each paragraph (`run.passes._rebuilt`'s rules).
fn verdicts(paragraphs: &[(usize, &Line)], lengths: &[usize], plan: &Plan<'_>, table: usize) -> Result<Vec<Option<Verdict>>, Stop> {
    if plan.codes.len() < paragraphs.len() {
        return Err(Stop::Input(InputError(format!("{} codes for {} paragraphs", plan.codes.len(), paragraphs.len()))));
    }
    let mut out = Vec::with_capacity(paragraphs.len());
    let (mut analysed, mut next) = (0usize, 0usize);
    for (k, &code) in plan.codes[..paragraphs.len()].iter().enumerate() {
        if code != 0 {
            let i = code as usize - 1;
            if i >= table {
                return Err(Stop::Input(InputError(format!("verdict code {code} past a table of {table}"))));
            }
            out.push(Some(Verdict::Table(i)));
        } else if lengths[k] <= plan.max_chars {
            while next < plan.removed.len() && plan.removed[next].0 < analysed {
                next += 1;
            }
            let hit = plan.removed.get(next).filter(|r| r.0 == analysed).map(|r| Verdict::Own(r.1));
            out.push(hit);
            analysed += 1;
        } else {
            out.push(None);
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
///     file: the JSON literal of the document's path.
///     table, own: the run's verdicts and the document's own, as report fields.
///
/// Returns:
///     the number of paragraphs (codes read). Nothing is written or counted on an error.
///
/// Errors:
///     [`Stop::Python`] for a document only the Python path writes exactly, [`Stop::Input`] for a
///     plan that does not fit it.
#[allow(clippy::too_many_arguments)]
pub fn render(
    text: Units<'_>,
    spaces: &Spaces,
    file: &[u8],
    plan: &Plan<'_>,
    table: &[Option<Fields>],
    own: &[Option<Fields>],
    output: Option<&mut Vec<u8>>,
    report: &mut Vec<u8>,
    tally: &mut Tally,
) -> Result<usize, Stop> {
    if has_surrogate(text) || plan.repaired.iter().any(|r| has_surrogate(r.text)) {
        return Err(Stop::Python);
    }
    let lines = split_lines(text, spaces);
    let paragraphs: Vec<(usize, &Line)> = lines.iter().enumerate().filter(|(_, l)| l.paragraph).collect();
    let mut fixed: Vec<Option<&Repaired<'_>>> = vec![None; paragraphs.len()];
    for r in plan.repaired {
        match fixed.get_mut(r.index) {
            Some(slot) => *slot = Some(r),
            None => return Err(Stop::Input(InputError(format!("repaired paragraph {} of {}", r.index, paragraphs.len())))),
        }
    }
    let lengths: Vec<usize> = paragraphs
        .iter()
        .zip(&fixed)
        .map(|((_, l), r)| r.map_or(l.body_end - l.start, |r| r.text.len()))
        .collect();
    let chosen = verdicts(&paragraphs, &lengths, plan, table.len())?;
    // A paragraph repair left blank carries its own verdict (restore's) where no other covers it.
    for (r, v) in fixed.iter().zip(&chosen) {
        if let (Some(r), None) = (r, v) {
            if (0..r.text.len()).all(|i| spaces.contains(at(r.text, i))) {
                return Err(Stop::Python);
            }
        }
    }
    let fields = |v: Verdict| -> Option<&Fields> {
        match v {
            Verdict::Table(i) => table[i].as_ref(),
            Verdict::Own(i) => own.get(i).and_then(|f| f.as_ref()),
        }
    };
    if chosen.iter().flatten().any(|&v| fields(v).is_none()) {
        return Err(Stop::Python); // a verdict the core does not write (a surrogate in it)
    }
    let start = report.len();
    let mut counted: Vec<&str> = Vec::new();
    let mut repaired = 0u64;
    let mut scratch: Vec<u8> = Vec::new();
    for (k, ((line, l), (r, v))) in paragraphs.iter().zip(fixed.iter().zip(&chosen)).enumerate() {
        if v.is_none() && r.is_none() {
            continue;
        }
        let body = slice(text, l.start, l.body_end);
        scratch.clear();
        write!(scratch, "{}", line + 1).unwrap_or(());
        let line_end = scratch.len();
        write!(scratch, "{k}").unwrap_or(());
        let index_end = scratch.len();
        json_string(&mut scratch, r.map_or(body, |r| r.text));
        let text_end = scratch.len();
        if r.is_some() {
            json_string(&mut scratch, body);
        }
        let mut items: Vec<(&str, &[u8], &[u8])> = Vec::with_capacity(16);
        items.push(("file", b"\"file\"", file));
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
        if let Some(v) = v {
            let f = fields(*v).expect("checked above");
            for (key, literal, value) in &f.items {
                items.push((key.as_str(), literal.as_slice(), value.as_slice()));
            }
            counted.push(f.reason.as_str());
        }
        items.sort_by(|a, b| a.0.cmp(b.0));
        report.push(b'{');
        for (j, (_, literal, value)) in items.iter().enumerate() {
            if j > 0 {
                report.extend_from_slice(b", ");
            }
            report.extend_from_slice(literal);
            report.extend_from_slice(b": ");
            report.extend_from_slice(value);
        }
        report.extend_from_slice(b"}\n");
    }
    debug_assert!(report.len() >= start);
    if let Some(out) = output {
        join_kept(text, &lines, &paragraphs, &fixed, &chosen, out);
    }
    for reason in &counted {
        match tally.by_reason.get_mut(*reason) {
            Some(n) => *n += 1,
            None => {
                tally.by_reason.insert((*reason).to_string(), 1);
            }
        }
    }
    tally.kept += (paragraphs.len() - counted.len()) as u64;
    tally.repaired += repaired;
    Ok(paragraphs.len())
}

/// `text.split.join_kept`: the kept paragraphs in the document's own layout, in UTF-8.
fn join_kept(
    text: Units<'_>,
    lines: &[Line],
    paragraphs: &[(usize, &Line)],
    fixed: &[Option<&Repaired<'_>>],
    chosen: &[Option<Verdict>],
    out: &mut Vec<u8>,
) {
    // Where line `k` starts (the text's end for `k` past the last line): `lines[a:b]` is one slice.
    let at_line = |k: usize| lines.get(k).map_or(text.len(), |l| l.start);
    let copy = |out: &mut Vec<u8>, a: usize, b: usize| {
        if a < b {
            push_utf8(out, slice(text, at_line(a), at_line(b)));
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
                push_utf8(out, r.text);
                push_utf8(out, slice(text, l.body_end, l.end));
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

    fn spaces() -> Spaces {
        Spaces::new(&[0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0])
    }

    fn reason(name: &str) -> Option<Fields> {
        Some(Fields {
            items: vec![("reason".into(), b"\"reason\"".to_vec(), format!("\"{name}\"").into_bytes())],
            reason: name.into(),
        })
    }

    fn run(text: &str, plan: &Plan<'_>, table: &[Option<Fields>], own: &[Option<Fields>]) -> Result<(String, String, Tally), Stop> {
        let cps: Vec<u32> = text.chars().map(|c| c as u32).collect();
        let (mut out, mut report, mut tally) = (Vec::new(), Vec::new(), Tally::default());
        render(Units::U32(&cps), &spaces(), b"\"a.txt\"", plan, table, own, Some(&mut out), &mut report, &mut tally)?;
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
        assert_eq!((tally.kept, tally.by_reason["x"]), (2, 1));
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
        assert!(matches!(run("A\nB", &plan(&[0], &[], &[]), &[], &[]), Err(Stop::Input(_))));
        assert!(matches!(run("A", &plan(&[2], &[], &[]), &[reason("x")], &[]), Err(Stop::Input(_))));
    }

    #[test]
    fn surrogates_and_unwritable_verdicts_go_to_python() {
        let cps = [0x41u32, 0xd800];
        let (mut report, mut tally) = (Vec::new(), Tally::default());
        let got = render(Units::U32(&cps), &spaces(), b"\"a\"", &plan(&[0], &[], &[]), &[], &[], None, &mut report, &mut tally);
        assert_eq!(got, Err(Stop::Python));
        assert!(matches!(run("A", &plan(&[1], &[], &[]), &[None], &[]), Err(Stop::Python)));
        assert!(report.is_empty() && tally == Tally::default());
    }
}
