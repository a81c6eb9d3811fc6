//! The rules' patterns parsed for the lazy DFAs, their spelled-out classes built directly.
//!
//! `boilerplate.rule_regex` spells every class out (`[\x{30}-\x{39}\x{61}-\x{7A}...]`: Python's
//! `\w` is some 650 ranges), and a built-in pattern holds dozens of them: 1.9 MB of pattern text
//! for the 56 built-in rules. `regex-syntax` parses such a class item by item and canonicalizes
//! the class after each item (a pass over the whole class: quadratic in its ranges), and keeps an
//! AST node per item: 60% of the rules' compile time and ~12 MB of peak memory. Here each class
//! that holds nothing but `\x{...}` items and ranges is read directly (its ranges sorted once),
//! stood in for by one character of the private-use plane 16 in the text `regex-syntax` parses,
//! and put back in its place in the parsed expression: the same expression as a parse of the
//! whole pattern, for a fraction of the work. A pattern the fast path does not fit (a class with
//! other items, flags, raw characters of plane 16) is parsed whole, as before.

use regex_automata::util::syntax;
use regex_syntax::hir::{Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition};

/// The first stand-in character (plane 16, private use: never in a translated pattern, whose
/// text is ASCII; a pattern that holds one is parsed whole).
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

/// The pattern with each plain class replaced by a stand-in character, and those classes; None
/// when the fast path does not fit (no plain class, another class, an inline flag, a raw character
/// of plane 16, too many classes).
fn stand_ins(pattern: &str) -> Option<(String, Vec<ClassUnicode>)> {
    if pattern.contains("(?") && pattern.replace("(?:", "").contains("(?") {
        return None; // inline flags would apply to the text around a stand-in, not to its class
    }
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
                text.push(char::from_u32(STAND_IN + classes.len() as u32)?);
                classes.push(class);
                at = end;
            }
            _ => {
                let c = pattern[at..].chars().next()?;
                if c as u32 >= STAND_IN {
                    return None;
                }
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

/// `hir` with each stand-in character replaced by its class.
fn put_back(hir: &Hir, classes: &[ClassUnicode]) -> Hir {
    match hir.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Class(c) => Hir::class(c.clone()),
        HirKind::Look(look) => Hir::look(*look),
        HirKind::Literal(lit) => literal(&lit.0, classes),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            min: r.min,
            max: r.max,
            greedy: r.greedy,
            sub: Box::new(put_back(&r.sub, classes)),
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            index: c.index,
            name: c.name.clone(),
            sub: Box::new(put_back(&c.sub, classes)),
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(|h| put_back(h, classes)).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(|h| put_back(h, classes)).collect()),
    }
}

/// A literal's bytes (UTF-8: the parse is in Unicode mode) with its stand-ins replaced by their classes.
fn literal(bytes: &[u8], classes: &[ClassUnicode]) -> Hir {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => return Hir::literal(bytes.to_vec()), // not text: it holds no stand-in
    };
    let mut parts = Vec::new();
    let mut run = String::new();
    for c in text.chars() {
        let k = (c as u32).wrapping_sub(STAND_IN) as usize;
        if k < classes.len() {
            if !run.is_empty() {
                parts.push(Hir::literal(std::mem::take(&mut run).into_bytes()));
            }
            parts.push(Hir::class(Class::Unicode(classes[k].clone())));
        } else {
            run.push(c);
        }
    }
    if !run.is_empty() {
        parts.push(Hir::literal(run.into_bytes()));
    }
    Hir::concat(parts)
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
        same(r"a[\x{100000}-\x{10FFFF}]b"); // a class of the stand-ins' own plane
        same(r"[\x{61}-]"); // a class ending in '-': the whole parse
    }

    #[test]
    fn other_patterns_are_parsed_whole() {
        assert!(stand_ins(r"[a-z][\x{62}]").is_none());
        assert!(stand_ins(r"(?i)[\x{61}]").is_none());
        assert!(stand_ins("\u{100001}[\\x{61}]").is_none());
        assert!(stand_ins(r"\x{61}b").is_none()); // no class
        same(r"[a-z]\x{61}+(?s:.)[\x{62}]");
        assert!(parse(r"[\x{7A}-\x{61}]", &config()).is_err()); // as regex-syntax says
        assert!(parse(r"[\x{D800}]", &config()).is_err());
    }
}
