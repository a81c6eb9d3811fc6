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

use std::collections::HashMap;

use regex_automata::util::syntax;
use regex_syntax::hir::{Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition};

/// The plain classes parses have read, by their text (`[` to `]`): the translation spells the
/// same few classes out again and again (the built-in rules' 6.5 MB of patterns hold 1,292
/// classes of over 200 bytes, 20 of them distinct: `\d`'s 64 ranges 1,027 times, `\w`'s 650
/// ranges 90 times), and looking one up is a hash of its text where reading it was a parse of
/// each item and a sort. One memo serves the parses of one thread (see `rules::RuleSet::new`).
pub type Classes = HashMap<String, ClassUnicode>;

/// The first stand-in character (plane 16, private use). Only a capture group of one stand-in is
/// put back, and the fast path takes no pattern with groups of its own, so the same character
/// elsewhere in a pattern (`\x{100000}`, `.`) stays what it is.
const STAND_IN: u32 = 0x10_0000;
/// The most classes one pattern may stand in for (plane 16's 65,534 private-use characters).
const MAX_CLASSES: usize = 0xFFFE;

/// Parses `pattern` as `regex-syntax` does with `config`'s settings (Unicode, UTF-8, no flags).
///
/// Errors: the pattern does not parse.
pub fn parse(pattern: &str, config: &syntax::Config, classes: &mut Classes) -> Result<Hir, regex_syntax::Error> {
    if let Some(hir) = Direct::parse(pattern, classes) {
        return Ok(hir);
    }
    match stand_ins(pattern, classes) {
        Some((text, classes)) => {
            let hir = syntax::parse_with(&text, config)?;
            Ok(put_back(&hir, &classes))
        }
        None => syntax::parse_with(pattern, config),
    }
}

/// The deepest nesting of groups the direct parse reads (`regex-syntax`'s own limit, as configured
/// by `rules::parse`, decides deeper patterns).
const MAX_DEPTH: usize = 500;

/// The direct parse of a pattern written in the translation's own few forms (`rule_regex.core_regex`):
/// `(?:...)` groups, `|`, `{m,n}` and `{m,}` repeats, `\A`, `\z`, `\x{H}` characters, plain
/// classes of `\x{H}` items and ranges (negated or not) and other characters that stand for
/// themselves. The expression is built by the same constructors `regex-syntax`'s translator calls,
/// without its syntax tree, and without the stand-ins' text and its second walk (`put_back`):
/// parsing the built-in rules' patterns (6.4 MB) took ~0.23 s of CPU by the stand-ins, a third
/// of that directly. Any other form (a capture group, flags, an escape of another kind, a
/// character with a meaning of its own such as `.`, `*`, `+` or `?`) leaves the pattern to the
/// parses above.
struct Direct<'a, 'm> {
    bytes: &'a [u8],
    text: &'a str,
    at: usize,
    classes: &'m mut Classes,
}

impl<'a, 'm> Direct<'a, 'm> {
    /// The expression of `pattern`, or None when it holds a form the direct parse does not read.
    fn parse(pattern: &'a str, classes: &'m mut Classes) -> Option<Hir> {
        let mut p = Direct { bytes: pattern.as_bytes(), text: pattern, at: 0, classes };
        let hir = p.alternation(0)?;
        if p.at == p.bytes.len() {
            Some(hir)
        } else {
            None // an unmatched ')'
        }
    }

    /// Reads branches separated by `|` up to a `)` or the end (not read).
    fn alternation(&mut self, depth: usize) -> Option<Hir> {
        let mut branches = vec![self.concat(depth)?];
        while self.bytes.get(self.at) == Some(&b'|') {
            self.at += 1;
            branches.push(self.concat(depth)?);
        }
        Some(if branches.len() == 1 { branches.pop()? } else { Hir::alternation(branches) })
    }

    /// Reads items up to a `|`, a `)` or the end (not read).
    fn concat(&mut self, depth: usize) -> Option<Hir> {
        let mut items = Vec::new();
        while let Some(&b) = self.bytes.get(self.at) {
            if b == b'|' || b == b')' {
                break;
            }
            let atom = self.atom(depth)?;
            items.push(self.repeat(atom)?);
        }
        Some(Hir::concat(items))
    }

    /// Reads one item: a group, a class, an escape or a character.
    fn atom(&mut self, depth: usize) -> Option<Hir> {
        let rest = &self.text[self.at..];
        if rest.starts_with("(?:") {
            if depth >= MAX_DEPTH {
                return None;
            }
            self.at += 3;
            let inner = self.alternation(depth + 1)?;
            if self.bytes.get(self.at) != Some(&b')') {
                return None;
            }
            self.at += 1;
            return Some(inner);
        }
        if rest.starts_with('[') {
            let (class, end) = known_class(self.text, self.at, self.classes)?;
            self.at = end;
            return Some(Hir::class(Class::Unicode(class)));
        }
        if rest.starts_with("\\x{") {
            let (c, end) = hex_char(self.text, self.at)?;
            self.at = end;
            return Some(char_hir(c));
        }
        if rest.starts_with("\\A") {
            self.at += 2;
            return Some(Hir::look(regex_syntax::hir::Look::Start));
        }
        if rest.starts_with("\\z") {
            self.at += 2;
            return Some(Hir::look(regex_syntax::hir::Look::End));
        }
        let c = rest.chars().next()?;
        // A character that means something else (or may: whitespace and `#` in `x` mode) is not read here.
        if "\\.*+?()[]{}|^$#&-~".contains(c) || c.is_whitespace() {
            return None;
        }
        self.at += c.len_utf8();
        Some(char_hir(c))
    }

    /// Reads the repeat after an item (`{m,n}`, `{m,}`), if any (one: the translation writes no more).
    fn repeat(&mut self, mut hir: Hir) -> Option<Hir> {
        if self.bytes.get(self.at) == Some(&b'{') {
            let close = self.text[self.at..].find('}')? + self.at;
            let inside = &self.text[self.at + 1..close];
            let (min, max) = inside.split_once(',')?;
            let min = number(min)?;
            let max = if max.is_empty() { None } else { Some(number(max)?) };
            if max.map_or(false, |m| m < min) {
                return None;
            }
            // (A repeat of a look-around is refused by regex-syntax: so here too.)
            if matches!(hir.kind(), HirKind::Look(_)) {
                return None;
            }
            self.at = close + 1;
            if self.bytes.get(self.at) == Some(&b'?') || self.bytes.get(self.at) == Some(&b'+') {
                return None; // lazy or possessive: not the translation's
            }
            hir = Hir::repetition(Repetition { min, max, greedy: true, sub: Box::new(hir) });
        }
        if matches!(self.bytes.get(self.at), Some(b'*' | b'+' | b'?' | b'{')) {
            return None;
        }
        Some(hir)
    }
}

/// The expression of one character (a literal of its UTF-8).
fn char_hir(c: char) -> Hir {
    let mut buf = [0u8; 4];
    Hir::literal(c.encode_utf8(&mut buf).as_bytes())
}

/// A repeat's bound: decimal digits, at most `regex-syntax`'s own limit (1000).
fn number(digits: &str) -> Option<u32> {
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u32>().ok().filter(|&n| n <= 1000)
}

/// The pattern with each plain class replaced by a group of its stand-in character, and those
/// classes; None when the fast path does not fit (no plain class, another class, a group other
/// than `(?:` (a capture, flags, which would apply to the text around a stand-in and not to its
/// class), too many classes).
fn stand_ins(pattern: &str, known: &mut Classes) -> Option<(String, Vec<ClassUnicode>)> {
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
                let (class, end) = known_class(pattern, at, known)?;
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

/// `plain_class` of `pattern` at `start`, from `classes` when the same text was read before.
///
/// A plain class's text ends at its first `]` (its items are `\x{H}` escapes, which hold none), so
/// what `plain_class` reads is a function of the text from `start` to that `]`: the memo's key.
fn known_class(pattern: &str, start: usize, classes: &mut Classes) -> Option<(ClassUnicode, usize)> {
    let end = start + 1 + memchr::memchr(b']', pattern.as_bytes().get(start + 1..)?)? + 1;
    let text = &pattern[start..end];
    if let Some(class) = classes.get(text) {
        return Some((class.clone(), end));
    }
    let (class, at) = plain_class(pattern, start)?;
    if at == end {
        classes.insert(text.to_string(), class.clone());
    }
    Some((class, at))
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
    /// A second parse with the first's memo of classes reads them from it: the same expression.
    fn same(pattern: &str) {
        let whole = syntax::parse_with(pattern, &config()).unwrap();
        let mut classes = Classes::new();
        assert_eq!(parse(pattern, &config(), &mut classes).unwrap(), whole, "{pattern}");
        assert_eq!(parse(pattern, &config(), &mut classes).unwrap(), whole, "{pattern} (memo)");
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
        let mine = parse(pattern, &config(), &mut Classes::new()).unwrap();
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
    fn the_direct_parse_of_the_translations_forms_is_the_parse_of_regex_syntax() {
        for p in [
            r"\A(?:\x{61}(?:\x{62}|[\x{63}-\x{65}\x{100}]|)(?:[^\x{A}]){0,}\x{7A}{2,5})\z",
            r"\A(?:(?:[\x{41}\x{61}][\x{42}\x{62}])|(?:[\x{41}\x{61}][\x{43}\x{63}])|\x{2D})\z",
            r"(?:)(?:|)(?:(?:(?:\x{30})){0,16}){1,}[^\x{0}-\x{10FFFF}]",
            r"\A(?:é(?:ü|ö){0,3}[\x{61}])\z",
            r"[\x{61}][\x{61}\x{62}]|\x{61}|\x{62}|[\x{63}]",
            "",
        ] {
            let direct = Direct::parse(p, &mut Classes::new()).unwrap_or_else(|| panic!("not read directly: {p}"));
            assert_eq!(direct, syntax::parse_with(p, &config()).unwrap(), "{p}");
            same(p);
        }
        // Other forms are left to the parses above (which say what regex-syntax says).
        for p in [r"a+", r"(a)", r"(?i)a", r"\d", r".", r"a{3}", r"a{1,2}{3,4}", r"a{1,2}?", r"\x{61}#", r"[a-z]", r"\Aa)"] {
            assert!(Direct::parse(p, &mut Classes::new()).is_none(), "{p}");
        }
        assert!(parse(r"(?:\x{61}", &config(), &mut Classes::new()).is_err());
        assert!(parse(r"\x{7A}{5,2}", &config(), &mut Classes::new()).is_err());
        let deep = format!("{}\\x{{61}}{}", "(?:".repeat(MAX_DEPTH + 1), ")".repeat(MAX_DEPTH + 1));
        assert!(Direct::parse(&deep, &mut Classes::new()).is_none());
        assert_eq!(parse(&deep, &config(), &mut Classes::new()).unwrap(), syntax::parse_with(&deep, &config()).unwrap());
    }

    #[test]
    fn other_patterns_are_parsed_whole() {
        assert!(stand_ins(r"[a-z][\x{62}]", &mut Classes::new()).is_none());
        assert!(stand_ins(r"(?i)[\x{61}]", &mut Classes::new()).is_none());
        assert!(stand_ins(r"([\x{61}])", &mut Classes::new()).is_none()); // a capture group of its own
        assert!(stand_ins(r"\x{61}b", &mut Classes::new()).is_none()); // no class
        same(r"[a-z]\x{61}+(?s:.)[\x{62}]");
        assert!(parse(r"[\x{7A}-\x{61}]", &config(), &mut Classes::new()).is_err()); // as regex-syntax says
        assert!(parse(r"[\x{D800}]", &config(), &mut Classes::new()).is_err());
    }
}
