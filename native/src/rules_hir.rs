//! The rules' patterns parsed for the lazy DFAs, their spelled-out classes built directly.
//!
//! `boilerplate.rule_regex` spells every class out (`[\x{30}-\x{39}\x{61}-\x{7A}...]`: Python's
//! `\w` is some 650 ranges), and a built-in pattern holds dozens of them: 1.9 MB of pattern text
//! for the 56 built-in rules. `regex-syntax` parses such a class item by item and canonicalizes
//! the class after each item (a pass over the whole class: quadratic in its ranges), and keeps an
//! AST node per item: 60% of the rules' build time. Here each class that holds nothing but
//! `\x{...}` items and ranges is read directly (its ranges sorted once), stood in for by a
//! capture group of one character of the private-use plane 16 in the text `regex-syntax` parses,
//! and put back in that group's place in the parsed expression, through the same constructors
//! (which merge an alternation of single characters and classes into one class): the same
//! expression as a parse of the whole pattern, for a fraction of the work. The group keeps the
//! stand-in apart: a bare character would be merged into a neighbouring literal or, in an
//! alternation, into a class, and lost. A pattern the fast path does not fit (a group other than
//! `(?:`, flags, a class with other items) is parsed whole, as before.

use regex_automata::util::syntax;
use regex_syntax::hir::{Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition};

/// The first stand-in character (plane 16, private use). Only a capture group of one stand-in is
/// put back, and the fast path takes no pattern with groups of its own, so the same character
/// elsewhere in a pattern (`\x{100000}`, `.`) stays what it is.
const STAND_IN: u32 = 0x10_0000;
/// The most classes one pattern may stand in for (plane 16's 65,534 private-use characters).
const MAX_CLASSES: usize = 0xFFFE;

/// Parses `pattern` as `regex-syntax` does with `config`'s settings (Unicode, UTF-8, no flags).
///
/// Errors: the pattern does not parse.
pub fn parse(pattern: &str, config: &syntax::Config) -> Result<Hir, regex_syntax::Error> {
    match stand_ins(pattern) {
        Some((text, classes)) => {
            let hir = syntax::parse_with(&text, config)?;
            Ok(put_back(&hir, &classes))
        }
        None => syntax::parse_with(pattern, config),
    }
}

/// The pattern with each plain class replaced by a group of its stand-in character, and those
/// classes; None when the fast path does not fit (no plain class, another class, a group other
/// than `(?:` (a capture, flags, which would apply to the text around a stand-in and not to its
/// class), too many classes).
fn stand_ins(pattern: &str) -> Option<(String, Vec<ClassUnicode>)> {
    let bytes = pattern.as_bytes();
    let mut text = String::with_capacity(pattern.len().min(1 << 16));
    let mut classes: Vec<ClassUnicode> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => {
                // An escape outside a class: copied whole (`\x{...}`, or `\` and one character).
                let end = if pattern[at..].starts_with("\\x{") {
                    at + pattern[at..].find('}')? + 1
                } else {
                    at + 1 + pattern[at + 1..].chars().next()?.len_utf8()
                };
                text.push_str(&pattern[at..end]);
                at = end;
            }
            b'[' => {
                let (class, end) = plain_class(pattern, at)?;
                if classes.len() >= MAX_CLASSES {
                    return None;
                }
                text.push('(');
                text.push(char::from_u32(STAND_IN + classes.len() as u32)?);
                text.push(')');
                classes.push(class);
                at = end;
            }
            b'(' if !pattern[at..].starts_with("(?:") => return None,
            _ => {
                let c = pattern[at..].chars().next()?;
                text.push(c);
                at += c.len_utf8();
            }
        }
    }
    if classes.is_empty() {
        None
    } else {
        Some((text, classes))
    }
}

/// Reads the class that opens at `start` (`[`): `^` or not, then `\x{H}` and `\x{H}-\x{H}`
/// items only, then `]`; returns it and the position past it, or None for any other class.
fn plain_class(pattern: &str, start: usize) -> Option<(ClassUnicode, usize)> {
    let mut at = start + 1;
    let negated = pattern[at..].starts_with('^');
    if negated {
        at += 1;
    }
    let mut ranges = Vec::new();
    loop {
        if pattern[at..].starts_with(']') && !ranges.is_empty() {
            at += 1;
            break;
        }
        let (lo, next) = hex_char(pattern, at)?;
        at = next;
        let hi = if pattern[at..].starts_with('-') && !pattern[at + 1..].starts_with(']') {
            let (hi, next) = hex_char(pattern, at + 1)?;
            at = next;
            hi
        } else {
            lo
        };
        if hi < lo {
            return None; // regex-syntax refuses it: let it say so
        }
        ranges.push(ClassUnicodeRange::new(lo, hi));
    }
    let mut class = ClassUnicode::new(ranges); // sorted and merged once
    if negated {
        class.negate();
    }
    Some((class, at))
}

/// Reads `\x{H}` (1 to 8 hex digits, a character) at `at`; returns it and the position past it.
fn hex_char(pattern: &str, at: usize) -> Option<(char, usize)> {
    let rest = pattern.get(at..)?.strip_prefix("\\x{")?;
    let close = rest.find('}')?;
    let digits = &rest[..close];
    if digits.is_empty() || digits.len() > 8 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let c = char::from_u32(u32::from_str_radix(digits, 16).ok()?)?;
    Some((c, at + 3 + close + 1))
}

/// `hir` with each group of a stand-in character replaced by its class.
fn put_back(hir: &Hir, classes: &[ClassUnicode]) -> Hir {
    match hir.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Class(c) => Hir::class(c.clone()),
        HirKind::Look(look) => Hir::look(*look),
        HirKind::Literal(lit) => Hir::literal(lit.0.clone()),
        HirKind::Capture(c) => match stand_in(&c.sub, classes) {
            Some(class) => Hir::class(Class::Unicode(class.clone())),
            None => Hir::capture(Capture {
                index: c.index,
                name: c.name.clone(),
                sub: Box::new(put_back(&c.sub, classes)),
            }),
        },
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            min: r.min,
            max: r.max,
            greedy: r.greedy,
            sub: Box::new(put_back(&r.sub, classes)),
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(|h| put_back(h, classes)).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(|h| put_back(h, classes)).collect()),
    }
}

/// The class a group's content stands in for: a literal of exactly one stand-in character.
fn stand_in<'a>(sub: &Hir, classes: &'a [ClassUnicode]) -> Option<&'a ClassUnicode> {
    let bytes = match sub.kind() {
        HirKind::Literal(lit) => &lit.0,
        _ => return None,
    };
    let mut chars = std::str::from_utf8(bytes).ok()?.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    classes.get((c as u32).checked_sub(STAND_IN)? as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> syntax::Config {
        syntax::Config::new().unicode(true).utf8(true).nest_limit(1000)
    }

    /// The fast path's expression is the one a parse of the whole pattern gives.
    fn same(pattern: &str) {
        let whole = syntax::parse_with(pattern, &config()).unwrap();
        assert_eq!(parse(pattern, &config()).unwrap(), whole, "{pattern}");
    }

    #[test]
    fn plain_classes_give_the_parse_of_the_whole_pattern() {
        same(r"\A(?:[\x{61}-\x{7A}\x{E9}]+\x{20}[\x{30}-\x{39}]{1,4})\z");
        same(r"[\x{62}\x{61}][\x{63}]x[^\x{0}-\x{10FFFF}]|(?:[\x{61}-\x{62}]){2,}");
        same(r"[^\x{61}]*\x{5B}[\x{41}\x{42}]"); // an escaped bracket is no class
        same(r"a[\x{100000}-\x{10FFFF}]b\x{100000}.(?:\x{100001}|\x{100002})"); // the stand-ins' own plane
        same(r"(?:[\x{61}-\x{63}]|\x{2D}|[\x{30}])+"); // an alternation of characters and classes
        same(r"[\x{61}-]"); // a class ending in '-': the whole parse
    }

    /// The fast path's expression matches the same lines as the whole parse's: every string of up
    /// to three characters of a small alphabet (the parser may factor an alternation differently).
    fn same_language(pattern: &str) {
        use regex_automata::hybrid::dfa::DFA;
        use regex_automata::nfa::thompson;
        use regex_automata::{Anchored, Input};
        let whole = syntax::parse_with(pattern, &config()).unwrap();
        let mine = parse(pattern, &config()).unwrap();
        let dfa = |hir: &Hir| DFA::builder().build_from_nfa(thompson::Compiler::new().build_from_hir(hir).unwrap()).unwrap();
        let (a, b) = (dfa(&whole), dfa(&mine));
        let (mut ca, mut cb) = (a.create_cache(), b.create_cache());
        let alphabet = ['a', 'b', 'c', 'd', 'x', '-', '0', 'é', '\u{100000}', '\u{100001}'];
        let mut lines = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> =
                lines.iter().flat_map(|l| alphabet.iter().map(move |&c| format!("{l}{c}"))).collect();
            lines.extend(longer);
        }
        for line in &lines {
            let input = Input::new(line).anchored(Anchored::Yes);
            let (x, y) = (a.try_search_fwd(&mut ca, &input).unwrap(), b.try_search_fwd(&mut cb, &input).unwrap());
            assert_eq!(x, y, "{pattern} on {line:?}");
        }
    }

    #[test]
    fn alternations_factored_otherwise_match_the_same_lines() {
        same_language(r"\A(?:(?:x[\x{62}]|x[\x{63}\x{64}])|[\x{61}\x{100000}]\x{2D}?)\z");
        same_language(r"\A(?:[\x{61}-\x{63}]|\x{2D}|[\x{30}])+(?:x[\x{62}]|x[\x{63}\x{64}]|\x{100001})\z");
    }

    #[test]
    fn spelled_out_classes_of_hundreds_of_ranges_as_the_translation_writes_them() {
        // 700 ranges and single characters over the whole of Unicode (surrogates left out), as
        // rule_regex spells out `\w`, negated and not, repeated, in a set's alternation.
        let mut items = String::new();
        for k in 0..700u32 {
            let lo = 0x41 + k * 1500;
            let lo = if (0xD7F0..=0xDFFF).contains(&lo) { 0xE000 + k } else { lo };
            if k % 3 == 0 {
                items.push_str(&format!("\\x{{{lo:X}}}"));
            } else {
                items.push_str(&format!("\\x{{{lo:X}}}-\\x{{{:X}}}", lo + k % 7));
            }
        }
        let w = format!("[{items}]");
        let not_w = format!("[^{items}]");
        same(&format!(r"\A(?:{w}+(?:{not_w}{w}{{1,4}}){{0,}}\x{{20}}(?:{w}|\x{{2D}}){{2,16}})\z"));
        same(&format!(r"(?:{not_w}){{3}}{w}\x{{61}}\x{{62}}{w}"));
    }

    #[test]
    fn other_patterns_are_parsed_whole() {
        assert!(stand_ins(r"[a-z][\x{62}]").is_none());
        assert!(stand_ins(r"(?i)[\x{61}]").is_none());
        assert!(stand_ins(r"([\x{61}])").is_none()); // a capture group of its own
        assert!(stand_ins(r"\x{61}b").is_none()); // no class
        same(r"[a-z]\x{61}+(?s:.)[\x{62}]");
        assert!(parse(r"[\x{7A}-\x{61}]", &config()).is_err()); // as regex-syntax says
        assert!(parse(r"[\x{D800}]", &config()).is_err());
    }
}
