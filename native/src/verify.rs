//! The classification of verification: `verify.compare` (how the differences of two word lists
//! are sorted into typos, edits, gaps and fact changes) and `verify.verify` (the verdict), run
//! on a batch of candidate pairs at once.
//!
//! Nothing here reads Unicode tables or lexicons: whatever needs Python's Unicode semantics or
//! the lexicons (the lexical class of a word, whether it is a stop word, holds a digit, is all
//! letters, what it states as a fact, whether that is polar) is computed in Python once per
//! distinct word and arrives as per-word arrays ([`Words`]). Words are compared as code points,
//! as Python compares strings. The plain Python reference this must agree with is
//! `tests/test_verify_core.py`'s.

use crate::align::{self, Op, Tag};
use crate::InputError;

/// A word holds a character for which `str.isdigit` is true.
pub const HAS_DIGIT: u8 = 1;
/// Every character of the word is a digit (`str.isdigit`; true for the empty word).
pub const ALL_DIGIT: u8 = 2;
/// Every character of the word is a letter (`str.isalpha`; true for the empty word).
pub const ALL_ALPHA: u8 = 4;
/// The word is a stop word (`lexicon.STOPWORDS`).
pub const STOPWORD: u8 = 8;
/// The word's lexical class is polar (`verify._polar(verify._lexical_class(word))`).
pub const POLAR: u8 = 16;
/// The word says nothing of a text's subject (`shingle.NOT_NAMES`: function and common words,
/// connectives, honorifics, units): replaced by another, it changes no content.
pub const PLAIN: u8 = 32;
/// The word is in lower case (`str.islower`: it has cased letters, none upper case): a letter
/// of a cased script, not a Chinese or Thai character.
pub const LOWER: u8 = 64;
/// The word is a number word (`lexicon.NUMBER_WORDS`: "three", "Millionen", "vingtième").
pub const NUMBER: u8 = 128;

/// What the kernel knows of each distinct word (indexed by word id) and of each fact key.
pub struct Words<'a> {
    /// The code points of every word, one after the other.
    pub chars: &'a [u32],
    /// `chars[offsets[w]..offsets[w + 1]]` is word `w` (`n_words + 1` offsets).
    pub offsets: &'a [usize],
    /// The lexical class id of each word (`u32::MAX`: none); equal classes, equal ids.
    pub class: &'a [u32],
    /// The flags of each word ([`HAS_DIGIT`], ...).
    pub flags: &'a [u8],
    /// The fact key id of each word read as a fact (its class, or the word itself).
    pub key: &'a [u32],
    /// Whether each fact key is polar (`verify._polar(key)`).
    pub key_polar: &'a [bool],
    /// The affix flips (`lexicon.AFFIX_FLIPS`): `(suffix, a, b)`, a word ending (`suffix`) or
    /// starting with `a` that is another word ending or starting with `b` states the opposite
    /// ("" / "un", "over" / "under", "ful" / "less"), as code points.
    pub affix_flips: &'a [(bool, Vec<u32>, Vec<u32>)],
    /// The Hangul syllables of Korean particles and endings (`lexicon_unspaced.HANGUL_ENDINGS`),
    /// sorted: the only syllables whose change is a typo ([`ending_edit`]).
    pub endings: &'a [u32],
    /// The class id of the words that mark the level a figure reaches (`lexicon.LEVEL_CLASS`: "to", "auf",
    /// "na", "menjadi", "à"), [`NO_CLASS`] for none ([`levels`]).
    pub level: u32,
    /// The words of dates as code points, sorted, with their values: a month's number (`lexicon.MONTH_NUMBERS`),
    /// 0 for a mark of a date's part ("年", "월"), [`WEEKDAY`] and [`FROM_TODAY`] for the days
    /// (`lexicon.DAY_NAMES`) ([`same_date`], [`same_day`]).
    pub dates: &'a [(Vec<u32>, u32)],
    /// The units of length and area, as the words after a figure joined, with a unit id (`lexicon.UNIT_NAMES`),
    /// sorted ([`same_unit`]).
    pub units: &'a [(Vec<u32>, u32)],
}

/// No lexical class.
pub const NO_CLASS: u32 = u32::MAX;
/// The value of a weekday's name in [`Words::dates`] (`verify._WEEKDAY`).
pub const WEEKDAY: u32 = 20;
/// The value of a day named from today ("yesterday", "gestern") in [`Words::dates`] (`verify._FROM_TODAY`).
pub const FROM_TODAY: u32 = 21;

impl<'a> Words<'a> {
    fn text(&self, w: u32) -> &'a [u32] {
        &self.chars[self.offsets[w as usize]..self.offsets[w as usize + 1]]
    }
    fn flag(&self, w: u32, f: u8) -> bool {
        self.flags[w as usize] & f != 0
    }
}

/// The thresholds of `verify.verify` (the module's constants and the configuration's).
#[derive(Clone, Copy, Debug)]
pub struct Thresholds {
    pub max_substitution: usize,
    pub max_phrase: usize,
    pub duplicate_cover: f64,
    pub edit_min_jaccard: f64,
    pub edit_min_words: usize,
    pub replaced_min_words: usize,
    /// `verify.REPLACED_ONE_MIN_WORDS`: the fewest words of a pair with a content word replaced.
    pub replaced_one_min_words: usize,
    pub min_passage_words: usize,
    pub min_jaccard: f64,
    pub containment: bool,
    pub containment_threshold: f64,
    pub min_contained_words: usize,
    /// `verify.EXCHANGE_MAX_WORDS`: the longest phrase [`exchanged`] reads.
    pub exchange_max_words: usize,
}

/// `verify.Alignment`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Alignment {
    pub matched: usize,
    pub changes: usize,
    pub fact_change: bool,
    pub gaps: usize,
    pub edits: usize,
    pub replaced: usize,
}

/// `verify.Match`'s kind: none, duplicate, contained, quoted, different.
pub const NONE: u8 = 0;
pub const DUPLICATE: u8 = 1;
pub const CONTAINED: u8 = 2;
pub const QUOTED: u8 = 3;
pub const DIFFERENT: u8 = 4;

/// One verdict: kind, Jaccard, containment, cover, conflict, and the alignment behind it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Verdict {
    pub kind: u8,
    pub jaccard: f64,
    pub containment: f64,
    pub cover: f64,
    pub conflict: bool,
    pub alignment: Alignment,
}

/// A word's flag in its paragraph (`Para::facts`, `shingle.FACT`): it carries a fact.
pub const FACT: u8 = 1;
/// A word's flag in its paragraph (`shingle.NEGATING`): it is part of a negation written in several
/// characters of an unspaced script ("なかっ", "ไม่"), a negation whatever its characters are alone.
pub const NEGATING: u8 = 2;
/// The fact key of a negating word ([`NEGATING`]): polar, and no lexicon word's key (ids count up from 0).
const NEGATING_KEY: u32 = u32::MAX;

/// One paragraph: its word ids and per-word fact flags ([`FACT`], [`NEGATING`]).
#[derive(Clone, Copy)]
pub struct Para<'a> {
    pub words: &'a [u32],
    pub facts: &'a [u8],
}

impl<'a> Para<'a> {
    fn fact(&self, i: usize) -> bool {
        self.facts[i] & FACT != 0
    }
    fn negating(&self, i: usize) -> bool {
        self.facts[i] & NEGATING != 0
    }
}

/// `verify._edit_distance_at_most`, step for step (its early exit included).
fn edit_distance_at_most(a: &[u32], b: &[u32], limit: usize) -> bool {
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    let mut prev2: Option<Vec<usize>> = None;
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate().map(|(i, c)| (i + 1, c)) {
        let mut cur = vec![0usize; b.len() + 1];
        cur[0] = i;
        for (j, &cb) in b.iter().enumerate().map(|(j, c)| (j + 1, c)) {
            let cost = usize::from(ca != cb);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if let Some(p2) = &prev2 {
                if j > 1 && ca == b[j - 2] && a[i - 2] == cb {
                    cur[j] = cur[j].min(p2[j - 2] + 1);
                }
            }
        }
        if cur.iter().copied().min().unwrap_or(0) > limit {
            return false;
        }
        prev2 = Some(std::mem::replace(&mut prev, cur));
    }
    prev[b.len()] <= limit
}

/// `s.replace("ss", "ß")`.
fn sharp_s(s: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if i + 1 < s.len() && s[i] == 's' as u32 && s[i + 1] == 's' as u32 {
            out.push('ß' as u32);
            i += 2;
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    out
}

fn has_ss(s: &[u32]) -> bool {
    s.windows(2).any(|p| p[0] == 's' as u32 && p[1] == 's' as u32)
}

/// `verify.is_typo` of words `x` and `y`: `y` is `x` with a typing error, not another word or fact.
///
/// Words of 3+ letters may differ by one edit: a letter added, dropped or changed, or two
/// neighbours swapped. Not two: "northern" / "southern" are two edits apart, and on the dev
/// corpus every typo in a copy (158 words) was one edit away. Words of two letters may only have
/// their letters swapped ("fo" for "of"), since one changed letter makes another word there
/// ("in" / "on"). A changed digit is never a typo: 15 -> 17 is another date. Case folding spells
/// "ß" as "ss", so a dropped "ß" is also tried with "ss" read as "ß".
fn is_typo(w: &Words, x: u32, y: u32) -> bool {
    let (a, b) = (w.text(x), w.text(y));
    if a == b {
        return true;
    }
    if w.flag(x, HAS_DIGIT) || w.flag(y, HAS_DIGIT) {
        return false;
    }
    let shortest = a.len().min(b.len());
    if shortest < 2 {
        return false;
    }
    if shortest == 2 {
        if a.len() != b.len() {
            return false;
        }
        let (mut sa, mut sb) = (a.to_vec(), b.to_vec());
        sa.sort_unstable();
        sb.sort_unstable();
        return sa == sb && ending_edit(w, a, b);
    }
    if edit_distance_at_most(a, b, 1) {
        return ending_edit(w, a, b);
    }
    if has_ss(a) || has_ss(b) {
        return edit_distance_at_most(&sharp_s(a), &sharp_s(b), 1);
    }
    false
}

/// A Hangul syllable (U+AC00-U+D7A3).
fn hangul(c: u32) -> bool {
    (0xAC00..=0xD7A3).contains(&c)
}

/// `verify_reference._ending_edit`: words one edit apart (`a`, `b`) differ in no Hangul syllable, or
/// in one syllable of a Korean particle or ending ([`Words::endings`]) added, dropped or replaced by
/// another, not the word's first ("의원은" / "의원이"). Any other changed syllable is of a name or a
/// content word ("김민수" / "김민호"), and two syllables swapped are another name ("민수" / "수민"),
/// except a [`slip`] in a word of [`HANGUL_SLIP`] syllables or more ("대구교통공사" / "대구교공통사").
fn ending_edit(w: &Words, a: &[u32], b: &[u32]) -> bool {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let most = a.len().min(b.len()) - pre;
    let suf = a.iter().rev().zip(b.iter().rev()).take(most).take_while(|(x, y)| x == y).count();
    let (ma, mb) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    if !ma.iter().chain(mb).any(|&c| hangul(c)) {
        return true;
    }
    let ending = |m: &[u32]| m.is_empty() || (m.len() == 1 && w.endings.binary_search(&m[0]).is_ok());
    (pre > 0 && ending(ma) && ending(mb)) || (a.len().min(b.len()) >= HANGUL_SLIP && slip(a, b))
}

/// The shortest Hangul word in which two syllables swapped or one doubled are a slip: longer than
/// a name of three syllables with a particle of two ("박지수에게" / "박수지에게" stay apart). The
/// pairs17 audit's one Korean typo is a swap in a word of six ("대구교통공사" / "대구교공통사").
const HANGUL_SLIP: usize = 6;

/// `verify._slip`: a slip of the fingers inside a word of 4+ letters (two neighbours swapped or a
/// letter doubled). Such a typo never makes another word of a negation ("nichts" / "nihcts",
/// "never" / "neveer"), while one letter added or changed does ("ein" / "kein", "ever" / "never").
fn slip(a: &[u32], b: &[u32]) -> bool {
    let (a, b) = if a.len() > b.len() { (b, a) } else { (a, b) };
    if a.len() < 4 {
        return false;
    }
    if a.len() == b.len() {
        let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        return diff.len() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]];
    }
    b.len() == a.len() + 1
        && (0..b.len() - 1).any(|i| b[i] == b[i + 1] && b[..i].iter().chain(&b[i + 1..]).eq(a.iter()))
}

/// `(a + b).isalpha()` of words `x` and `y`.
fn both_alpha(w: &Words, x: u32, y: u32) -> bool {
    !(w.text(x).is_empty() && w.text(y).is_empty()) && w.flag(x, ALL_ALPHA) && w.flag(y, ALL_ALPHA)
}

/// `verify._shortened`: one word is an abbreviation of the other, its first letter then some of its
/// letters in order; the short form has 2-5 letters and the long one at least two more ("Me" /
/// "Maine", "Calif" / "California", "Nov" / "November"); letters only on both sides.
fn shortened(w: &Words, x: u32, y: u32) -> bool {
    let (x, y) = if w.text(x).len() > w.text(y).len() { (y, x) } else { (x, y) };
    let (a, b) = (w.text(x), w.text(y));
    if !(2..=5).contains(&a.len()) || b.len() < a.len() + 2 || a[0] != b[0] || !both_alpha(w, x, y) {
        return false;
    }
    let mut rest = b[1..].iter();
    a[1..].iter().all(|c| rest.any(|d| d == c))
}

/// `verify._initial`: one word is the other's initial ("b" / "beispiel"), not both figures.
fn initial(w: &Words, x: u32, y: u32) -> bool {
    let (a, b) = (w.text(x), w.text(y));
    if (a.len() == 1) == (b.len() == 1) {
        return false;
    }
    // Python reads a[0] and b[0] here; words are never empty (an empty one is no initial).
    if a.is_empty() || b.is_empty() || a[0] != b[0] {
        return false;
    }
    !(w.flag(x, ALL_DIGIT) && w.flag(y, ALL_DIGIT))
}

/// The shortest stem an affix flip needs: a word and the same word with a negating prefix or the
/// prefix or suffix of its opposite ("able" / "unable", "valued" / "overvalued" / "undervalued",
/// "use" / "useful" / "useless"); 4 letters for a prefix, 3 for a suffix, 5 beside a one-letter
/// prefix ("säker" / "osäker", "leale" / "sleale"), so that "pen" / "open" or "tate" / "state"
/// stay apart.
fn min_stem(suffix: bool, a: &[u32], b: &[u32]) -> usize {
    if suffix {
        3
    } else if a.len().max(b.len()) == 1 {
        5
    } else {
        4
    }
}

/// `verify_reference._flipped`: one word is the other with its affix turned into its opposite's
/// (`Words::affix_flips`): "able" / "unable", "veilig" / "onveilig", "overvalued" /
/// "undervalued", "sinnvoll" / "sinnlos", "başarılı" / "başarısız".
fn flipped(w: &Words, x: u32, y: u32) -> bool {
    let (tx, ty) = (w.text(x), w.text(y));
    w.affix_flips.iter().any(|(suffix, a, b)| {
        let stem = min_stem(*suffix, a, b);
        [(tx, ty), (ty, tx)].iter().any(|&(u, v)| {
            if u.len() < a.len() + stem || v.len() < b.len() + stem || u.len() - a.len() != v.len() - b.len() {
                return false;
            }
            if *suffix {
                u.ends_with(a) && v.ends_with(b) && u[..u.len() - a.len()] == v[..v.len() - b.len()]
            } else {
                u.starts_with(a) && v.starts_with(b) && u[a.len()..] == v[b.len()..]
            }
        })
    })
}

fn polar_class(w: &Words, x: u32) -> bool {
    w.flag(x, POLAR)
}

/// `verify_reference._content`: a word that says something of the subject (no plain word, no
/// lexicon class): "budget", "walnuts", "chopped", "8x"; not "the", "said", "often", "June".
fn content(w: &Words, x: u32) -> bool {
    !w.flag(x, PLAIN) && w.class[x as usize] == NO_CLASS
}

/// The content words of a run.
fn contents(w: &Words, run: &[u32]) -> usize {
    run.iter().filter(|&&x| content(w, x)).count()
}

/// `verify_reference._replaced`: the content words a replaced run changes, the more of either side
/// ("guidebook" / "guided tour with a local historian": 3), or none when a side holds no content word (a
/// function word for a phrase reads as the phrase added).
fn replaced(w: &Words, ra: &[u32], rb: &[u32]) -> usize {
    let (ca, cb) = (contents(w, ra), contents(w, rb));
    if ca == 0 || cb == 0 {
        0
    } else {
        ca.max(cb)
    }
}

#[derive(PartialEq, Eq)]
enum Kind {
    Typo,
    Edit,
    Fact,
}

/// `verify_reference._letters`: two different single letters of a cased script, not both stop
/// words: identifiers, like figures ("column B" / "column C", "vitamin B" / "vitamin C", "Plan A"
/// / "Plan B"). Two stop words ("a" / "i", the elided "l'" / "d'") are function words; a Chinese
/// or Thai character is a word of its own.
fn letters(w: &Words, x: u32, y: u32) -> bool {
    let (a, b) = (w.text(x), w.text(y));
    a.len() == 1
        && b.len() == 1
        && a != b
        && w.flag(x, LOWER)
        && w.flag(y, LOWER)
        && !(w.flag(x, STOPWORD) && w.flag(y, STOPWORD))
}

/// `verify._substitution`: one word replaced by another is a typo (the same word), an edit (a
/// non-fact word) or a fact change.
///
/// A one-letter difference is a typo unless it turns a word into a negation or a polar word or
/// back ("ein" / "kein", "ever" / "never"), or one date or number word into another ("juni" /
/// "juli"). A number word and its figure ("three" / "3") are a typo. A name abbreviated ("Maine"
/// / "Me") is a typo. Two words of one class are synonyms ("rose" / "climbed", "Millionen" / "Mio"); two poles of one scale are a flip ("rose" / "fell",
/// "vor" / "nach"), and so is a word and its negated form ("able" / "unable"). Two single letters
/// are identifiers ([`letters`]). A word and its opposite by an affix ([`flipped`]: "safe" /
/// "unsafe", "säker" / "osäker") are a flip before anything else: a one-letter prefix reads as a typo.
fn substitution(w: &Words, x: u32, y: u32, fx: bool, fy: bool) -> Kind {
    let (cx, cy) = (w.class[x as usize], w.class[y as usize]);
    if letters(w, x, y) || flipped(w, x, y) {
        return Kind::Fact;
    }
    // A number word and the figure of its value ("three" / "3", "zwölf" / "12", "third" / "3rd")
    // state one fact written two ways: the word's class is the figure, so both have one fact key.
    if cx != cy && w.key[x as usize] == w.key[y as usize] {
        return Kind::Typo;
    }
    if is_typo(w, x, y) {
        let either_polar = if cx != NO_CLASS { polar_class(w, x) } else { polar_class(w, y) };
        if cx == cy || ((cx == NO_CLASS || cy == NO_CLASS) && (!either_polar || slip(w.text(x), w.text(y)))) {
            return Kind::Typo;
        }
        // Words of two classes one letter apart, neither a fact where it stands (weak classes,
        // "may" in lower case): "week" / "weak", "many" / "may" are typos. A date, a number or a
        // strong pole is a fact word: "juni" / "juli", "sechs" / "sechste" stay changes.
        if !fx && !fy {
            return Kind::Typo;
        }
    }
    // Two number words of other values are never an abbreviation of each other: "three" /
    // "thirteen", "vier" / "vierzig", "cinq" / "cinquante" are other numbers ("Mio" / "Millionen",
    // one value, still are).
    if shortened(w, x, y) && !(w.flag(x, NUMBER) && w.flag(y, NUMBER) && cx != cy) {
        let long_fact = if w.text(x).len() > w.text(y).len() { fx } else { fy };
        if long_fact && !polar_class(w, x) && !polar_class(w, y) {
            return Kind::Typo;
        }
    }
    if cx != NO_CLASS && cx == cy {
        return Kind::Edit;
    }
    if cx != NO_CLASS && cy != NO_CLASS {
        return Kind::Fact;
    }
    if fx || fy {
        return Kind::Fact;
    }
    Kind::Edit
}

/// `verify_reference._counted`: the word at `i` follows a figure written in digits, alone or with a
/// number word ("40 Millionen"), so it is what the figure counts or its unit: replaced by another
/// word that is no abbreviation of it ("40 miljoen euro" / "40 miljoen dollar", "8 Prozent" / "8
/// Euro"; "5 km" / "5 kilometres" is one), it changes the amount. After a number word alone it may
/// be an adjective ("zwei wichtige" / "zwei bedeutende").
fn counted(w: &Words, p: Para, i: usize) -> bool {
    let digit = |k: usize| w.flag(p.words[k], HAS_DIGIT);
    i > 0 && (digit(i - 1) || (i > 1 && w.flag(p.words[i - 1], NUMBER) && digit(i - 2)))
}

/// `verify_reference._unit_replaced`: after the same figure, a unit of a lexical class replaced by
/// a phrase that is not the unit written out ("5 %" / "5 punkty procentowe", "5 %" / "5 ποσοστιαίες
/// μονάδες"): another amount, as a unit replaced word for word is ([`counted`]). Written out, the
/// phrase holds a word of the unit's class or a number word, and else only plain words ("5 %" /
/// "5 في المئة", "5 por cento", "5 pour cent").
fn unit_replaced(w: &Words, pa: Para, pb: Para, run: (usize, usize, usize, usize)) -> bool {
    let (i1, i2, j1, j2) = run;
    if i1 == i2 || j1 == j2 || !counted(w, pa, i1) || !counted(w, pb, j1) {
        return false;
    }
    let (unit, phrase) = if i2 - i1 == 1 {
        (pa.words[i1], &pb.words[j1..j2])
    } else if j2 - j1 == 1 {
        (pb.words[j1], &pa.words[i1..i2])
    } else {
        return false;
    };
    let class = w.class[unit as usize];
    let spelt = |x: u32| w.class[x as usize] == class || w.flag(x, NUMBER);
    class != NO_CLASS
        && phrase.len() > 1
        && !(phrase.iter().any(|&x| spelt(x)) && phrase.iter().all(|&x| spelt(x) || w.flag(x, PLAIN)))
}

/// `verify_reference._spelt_alike`: two words share at least half their letter pairs (Dice of
/// character bigrams, as multisets, >= 0.5): one word spelt two ways ("Fotografien" /
/// "Photographien": 0.64, "dollars" / "dólares"), not two words ("euro" / "dollar": 0).
fn spelt_alike(a: &[u32], b: &[u32]) -> bool {
    if a.len() < 2 || b.len() < 2 {
        return false;
    }
    let mut rest: Vec<(u32, u32)> = b.windows(2).map(|p| (p[0], p[1])).collect();
    let mut shared = 0usize;
    for p in a.windows(2) {
        if let Some(k) = rest.iter().position(|&q| q == (p[0], p[1])) {
            rest.swap_remove(k);
            shared += 1;
        }
    }
    4 * shared >= a.len() - 1 + b.len() - 1
}

/// `verify._abbreviation`: one run is the other written as initials, as single letters ("zum
/// Beispiel" / "z. B.", "United States" / "U.S.") or as one acronym of two content words or more,
/// with or without the function words ("European Union" / "EU", "United States of America" / "USA").
fn abbreviation(w: &Words, long_run: &[u32], short_run: &[u32]) -> bool {
    let single = |run: &[u32]| run.iter().all(|&x| w.text(x).len() == 1);
    let (long_run, short_run) =
        if single(long_run) || (long_run.len() == 1 && short_run.len() > 1) { (short_run, long_run) } else { (long_run, short_run) };
    if long_run.len() < 2 {
        return false;
    }
    // Python reads w[0]; words are never empty (an empty one stands for no initial).
    if long_run.iter().any(|&x| w.text(x).is_empty()) {
        return false;
    }
    let initials: Vec<u32> = long_run.iter().map(|&x| w.text(x)[0]).collect();
    if single(short_run) {
        return short_run.iter().flat_map(|&x| w.text(x).iter().copied()).eq(initials.iter().copied());
    }
    let content: Vec<u32> = long_run.iter().filter(|&&x| !w.flag(x, STOPWORD)).map(|&x| w.text(x)[0]).collect();
    if content.len() < 2 || short_run.len() != 1 {
        return false;
    }
    let s = short_run[0];
    let t = w.text(s);
    (t == initials.as_slice() || t == content.as_slice()) && !t.is_empty() && w.flag(s, ALL_ALPHA)
}

/// `verify._clipped`: one run is a single word (2+ letters, all letters) that begins the other run's
/// first word ("Perso…" for "Personen angeln").
fn clipped(w: &Words, x: &[u32], y: &[u32]) -> bool {
    let (x, y) = if y.len() == 1 { (y, x) } else { (x, y) };
    if x.len() != 1 || y.is_empty() {
        return false;
    }
    let t = w.text(x[0]);
    t.len() >= 2 && w.flag(x[0], ALL_ALPHA) && w.text(y[0]).starts_with(t)
}

/// The fact keys of a run (`verify._keys`), sorted (a multiset).
fn keys(w: &Words, p: Para, i1: usize, i2: usize) -> Vec<u32> {
    let key = |i: usize| if p.negating(i) { NEGATING_KEY } else { w.key[p.words[i] as usize] };
    let mut out: Vec<u32> = (i1..i2).filter(|&i| p.fact(i)).map(key).collect();
    out.sort_unstable();
    out
}

/// `verify._fact_edit` of two sorted key multisets: a short run replaced, added or removed changes a
/// fact when a negation or polar word is added or removed ("is" / "is not safe"), or when a name,
/// date or figure is replaced by anything else. Only added or removed, a name, date or figure does
/// not: the copy says less, not something else ("said Monday" / "said").
fn fact_edit(w: &Words, ka: &[u32], kb: &[u32], replaced: bool) -> bool {
    let polar = |k: &[u32]| k.iter().copied().filter(|&k| k == NEGATING_KEY || w.key_polar[k as usize]).collect::<Vec<u32>>();
    polar(ka) != polar(kb) || (replaced && ka != kb)
}

/// `verify_reference._classes_flip`: each side of a replaced run holds a word of a lexical class the
/// other lacks, as when a word is replaced by a word of another class ("chiuso per" / "aperto
/// nonostante i": a weak pole flipped inside a phrase, which its fact keys do not show). Plain words
/// ([`PLAIN`]: "for", "per", "next") do not count: "for now" / "currently" is an edit.
fn classes_flip(w: &Words, ra: &[u32], rb: &[u32]) -> bool {
    let only = |r1: &[u32], r2: &[u32]| {
        r1.iter().any(|&x| {
            let c = w.class[x as usize];
            c != NO_CLASS && !w.flag(x, PLAIN) && !r2.iter().any(|&y| w.class[y as usize] == c)
        })
    };
    only(ra, rb) && only(rb, ra)
}

/// `verify_reference._figure_extended`: a run added beside a figure or number word that starts or
/// ends with one itself changes that number ("6" / "6.5", "1,200" / "1,200,000", "mil" / "dos
/// mil"), where a figure added elsewhere only says more.
fn figure_extended(w: &Words, words: &[u32], i1: usize, i2: usize) -> bool {
    let figure = |i: usize| figure_at(w, words, i);
    i1 < i2 && ((i1 > 0 && figure(i1) && figure(i1 - 1)) || (i2 < words.len() && figure(i2 - 1) && figure(i2)))
}

/// Whether `words[i]` is there and holds a digit or is a number word (`verify_reference._figure_at`).
fn figure_at(w: &Words, words: &[u32], i: usize) -> bool {
    i < words.len() && (w.flag(words[i], HAS_DIGIT) || w.flag(words[i], NUMBER))
}

/// Whether the sorted multiset `a` holds some value more often than the sorted multiset `b`
/// (`Counter(a) - Counter(b)` is not empty).
fn exceeds(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() {
        let v = a[i];
        let mut na = 0;
        while i < a.len() && a[i] == v {
            na += 1;
            i += 1;
        }
        while j < b.len() && b[j] < v {
            j += 1;
        }
        let mut nb = 0;
        while j < b.len() && b[j] == v {
            nb += 1;
            j += 1;
        }
        if na > nb {
            return true;
        }
    }
    false
}

/// The names and figures of a run (`verify._names`): fact words without a lexical class.
fn names(w: &Words, p: Para, i1: usize, i2: usize, out: &mut Vec<u32>) {
    out.extend((i1..i2).filter(|&i| p.fact(i) && w.class[p.words[i] as usize] == NO_CLASS).map(|i| p.words[i]));
}

/// The words a swap moves (`verify_reference._swap_region`): a replaced run holding the same
/// words in another order, or a run deleted on one side of an equal block and inserted on its
/// other side (opcode `k` the first of the three), as `(i1, i2, j1, j2)`. None for the last of
/// such three opcodes (its first one covers it).
fn swap_region(ops: &[Op], moved: &[bool], k: usize) -> Option<(usize, usize, usize, usize)> {
    let op = ops[k];
    if op.tag == Tag::Replace {
        return Some((op.i1, op.i2, op.j1, op.j2));
    }
    if matches!(op.tag, Tag::Delete | Tag::Insert) && k + 2 < ops.len() && moved[k + 2] && ops[k + 1].tag == Tag::Equal {
        let third = ops[k + 2];
        if matches!((op.tag, third.tag), (Tag::Delete, Tag::Insert) | (Tag::Insert, Tag::Delete)) {
            return Some((op.i1, third.i2, op.j1, third.j2));
        }
    }
    None
}

/// `verify_reference._names_swapped`: whether a swap exchanges two neighbouring names ("Dalmora
/// Marbury falleció" / "Marbury Dalmora falleció": another person), which is a fact change where
/// other swaps ("police said" / "said police") are edits. Both words must read as names (fact
/// words without a lexical class) in both paragraphs: a word capitalised only because it opens
/// the sentence is no name in the other paragraph, where it stands second.
fn names_swapped(w: &Words, pa: Para, pb: Para, region: (usize, usize, usize, usize)) -> bool {
    let (i1, i2, j1, j2) = region;
    // A word of a script without case is a fact (it may be a name, `shingle._uncased`), but no
    // capital tells a name there, and such scripts reorder words freely: only a word of a cased
    // script (in lower case once folded) reads as a name here.
    let name = |p: Para, i: usize| p.fact(i) && w.class[p.words[i] as usize] == NO_CLASS && w.flag(p.words[i], LOWER);
    (i1..i2.saturating_sub(1)).any(|x| {
        let (first, second) = (pa.words[x], pa.words[x + 1]);
        first != second
            && name(pa, x)
            && name(pa, x + 1)
            && (j1..j2.saturating_sub(1))
                .any(|y| pb.words[y] == second && pb.words[y + 1] == first && name(pb, y) && name(pb, y + 1))
    })
}

/// `verify_reference._levels`: the words of `words[i1..i2]` that mark the level a figure reaches
/// ([`Words::level`]: "rose to 8%", "naik menjadi 8%", "hasta el 6%"), standing before the figure or
/// number word, or before a stop word and the figure, and not after one (a range: "3 to 5"). Such a
/// word added, dropped or put for another ("by 8%" / "to 8%", "de 6 %" / "à 6 %") turns the size of a
/// change into the level it reaches: another amount.
fn levels(w: &Words, words: &[u32], i1: usize, i2: usize) -> usize {
    if w.level == NO_CLASS {
        return 0;
    }
    let figure = |i: usize| figure_at(w, words, i);
    (i1..i2)
        .filter(|&i| {
            w.class[words[i] as usize] == w.level
                && !(i > 0 && figure(i - 1))
                && (figure(i + 1) || (i + 1 < words.len() && w.flag(words[i + 1], STOPWORD) && figure(i + 2)))
        })
        .count()
}

/// The figures, month numbers and date marks of a run read as a date (`verify_reference._date_parts`).
#[derive(Default)]
struct DateParts {
    figures: Vec<u32>,
    months: Vec<u32>,
    marks: usize,
}

/// The value of `name` in a sorted table of names (`Words::months`, `Words::units`), or None.
fn look_up(table: &[(Vec<u32>, u32)], name: &[u32]) -> Option<u32> {
    table.binary_search_by(|(m, _)| m.as_slice().cmp(name)).ok().map(|k| table[k].1)
}

/// The month number of a name (0 for a date's mark: "年", "월"), or None (`Words::dates`).
fn month_of(w: &Words, name: &[u32]) -> Option<u32> {
    look_up(w.dates, name).filter(|&v| v <= 12)
}

/// `verify_reference._day_of`: [`WEEKDAY`] or [`FROM_TODAY`] for a run that names a day: its words from the
/// first to the last that is no stop or plain word ("on | Monday", "na | segunda feira"), or all of them
/// ("i går"), joined, are a day's name ([`Words::dates`]).
fn day_of(w: &Words, run: &[u32]) -> Option<u32> {
    let plain = |x: &u32| w.flag(*x, STOPWORD) || w.flag(*x, PLAIN);
    let joined = |r: &[u32]| r.iter().flat_map(|&x| w.text(x).iter().copied()).collect::<Vec<u32>>();
    let day = |v: &u32| *v == WEEKDAY || *v == FROM_TODAY;
    let core = match (run.iter().position(|x| !plain(x)), run.iter().rposition(|x| !plain(x))) {
        (Some(lo), Some(hi)) => look_up(w.dates, &joined(&run[lo..=hi])).filter(day),
        _ => None,
    };
    core.or_else(|| look_up(w.dates, &joined(run)).filter(day))
}

/// `verify_reference._same_day`: one run names a day from today and the other a weekday ("said yesterday" /
/// "said on Monday", "gestern" / "am Montag", "昨天" / "周一"): the same day, dated by a republisher. Two
/// weekdays, or "yesterday" / "tomorrow", are two days.
fn same_day(w: &Words, ra: &[u32], rb: &[u32]) -> bool {
    matches!((day_of(w, ra), day_of(w, rb)), (Some(x), Some(y)) if x != y)
}

/// The number of ASCII digits a word opens with.
fn leading_digits(t: &[u32]) -> usize {
    t.iter().take_while(|&&c| ('0' as u32..='9' as u32).contains(&c)).count()
}

/// `verify_reference._unit_after`: the figure and the unit a run writes after it, as `(figure, unit id)`: the
/// figure opens the run's first word ("450m2") or stands at most two words before the run (`p[at]`, the same
/// words between on both sides: "450 वर्ग | मीटर"), and the words from it to the run's end, joined, are a
/// unit's name ([`Words::units`]; a particle both sides end with is dropped: "38킬로미터로" / "38km로").
fn unit_after(w: &Words, before: &[u32], run: &[u32], tail: &[u32]) -> Option<(Vec<u32>, u32)> {
    let mut name: Vec<u32> = Vec::new();
    let figure: Vec<u32> = match before.first() {
        Some(&f) => {
            for &x in &before[1..] {
                name.extend_from_slice(w.text(x));
            }
            w.text(f).to_vec()
        }
        None => {
            let t = w.text(*run.first()?);
            let n = leading_digits(t);
            if n == 0 {
                return None;
            }
            t[..n].to_vec()
        }
    };
    let skip = if before.is_empty() { leading_digits(&figure) } else { 0 };
    for (k, &x) in run.iter().enumerate() {
        name.extend_from_slice(if k == 0 { &w.text(x)[skip..] } else { w.text(x) });
    }
    let name = &name[..name.len() - tail.len().min(name.len())];
    look_up(w.units, name).map(|u| (figure, u))
}

/// `verify_reference._same_unit`: a replaced run writes the same unit after the same figure on both sides
/// ("12 kilometres" / "12 km", "450 square metre" / "450 m²", "450平方米" / "450㎡"): one amount.
fn same_unit(w: &Words, a: &[u32], b: &[u32], op: &Op) -> bool {
    let (ra, rb) = (&a[op.i1..op.i2], &b[op.j1..op.j2]);
    // The figure before the run: the nearest word with a digit at most two words back, with the same words
    // from it on both sides (None: the figure opens the run's first word).
    let back = (1..=2).find(|&n| n <= op.i1 && w.flag(a[op.i1 - n], HAS_DIGIT));
    let (before_a, before_b): (&[u32], &[u32]) = match back {
        Some(n) if n <= op.j1 && a[op.i1 - n..op.i1] == b[op.j1 - n..op.j1] => (&a[op.i1 - n..op.i1], &b[op.j1 - n..op.j1]),
        _ => (&[], &[]),
    };
    // A particle both runs end with ("로", "의"): the longest common ending of their last words, up to two
    // characters, unless it is the whole of either.
    let (la, lb) = match (ra.last(), rb.last()) {
        (Some(&x), Some(&y)) => (w.text(x), w.text(y)),
        _ => return false,
    };
    let common = la.iter().rev().zip(lb.iter().rev()).take_while(|(x, y)| x == y).count().min(2);
    let tail: &[u32] = if common < la.len() && common < lb.len() { &la[la.len() - common..] } else { &[] };
    match (unit_after(w, before_a, ra, &[]), unit_after(w, before_b, rb, &[])) {
        (Some(x), Some(y)) => return x == y,
        _ if tail.is_empty() => return false,
        _ => {}
    }
    matches!((unit_after(w, before_a, ra, tail), unit_after(w, before_b, rb, tail)), (Some(x), Some(y)) if x == y)
}

/// Adds the month or mark `part` spells to `out` (nothing when it is empty); false when it spells neither.
fn date_part(w: &Words, part: &mut Vec<u32>, out: &mut DateParts) -> bool {
    if part.is_empty() {
        return true;
    }
    let found = month_of(w, part);
    part.clear();
    match found {
        Some(0) => out.marks += 1,
        Some(m) => out.months.push(m),
        None => return false,
    }
    true
}

/// `verify_reference._date_parts`: a run as a date, or None when a word of it is none of a date's parts.
/// A word opening with up to four ASCII digits is a figure (what follows them, a month or a mark: "3월",
/// "5日"); stop words are skipped ("5 de março"); the other words between two figures, joined, are one
/// month name or mark: a Thai month is a run of characters ("มีนาคม").
fn date_parts(w: &Words, run: &[u32]) -> Option<DateParts> {
    let mut out = DateParts::default();
    let mut part: Vec<u32> = Vec::new();
    for &x in run {
        let t = w.text(x);
        let n = leading_digits(t);
        if n > 0 {
            if n > 4 || !date_part(w, &mut part, &mut out) {
                return None;
            }
            out.figures.push(t[..n].iter().fold(0, |v, &c| 10 * v + c - '0' as u32));
            part.extend_from_slice(&t[n..]);
            if !date_part(w, &mut part, &mut out) {
                return None;
            }
        } else if w.flag(x, STOPWORD) {
            if !date_part(w, &mut part, &mut out) {
                return None;
            }
        } else {
            part.extend_from_slice(t);
        }
    }
    if !date_part(w, &mut part, &mut out) {
        return None;
    }
    out.figures.sort_unstable();
    out.months.sort_unstable();
    Some(out)
}

/// `verify_reference._same_date`: two runs are one date written two ways, with its month's name or the
/// marks of its parts on one side and in figures only on the other ("5 March" / "05/03", "2024年3月5日" /
/// "2024-03-05", "5 มีนาคม" / "5/3"), the same numbers in any order (day and month are read either way
/// round: "03/05" may be the American "March 5"); or with the same month's name on both sides and the
/// same figures ("5 March" / "March 5"). Two dates in marks only ("3月5日" / "5月3日") are two dates.
fn same_date(w: &Words, ra: &[u32], rb: &[u32]) -> bool {
    let digit = |r: &[u32]| r.iter().any(|&x| w.flag(x, HAS_DIGIT));
    if !digit(ra) && !digit(rb) {
        return false;
    }
    let (a, b) = match (date_parts(w, ra), date_parts(w, rb)) {
        (Some(a), Some(b)) => (a, b),
        _ => return false,
    };
    let named = |d: &DateParts| !d.months.is_empty() || d.marks > 0;
    match (named(&a), named(&b)) {
        (true, true) => !a.months.is_empty() && a.months == b.months && a.figures == b.figures,
        (true, false) | (false, true) => {
            let (n, f) = if named(&a) { (a, b) } else { (b, a) };
            let mut all: Vec<u32> = n.figures.iter().chain(&n.months).copied().collect();
            all.sort_unstable();
            !f.figures.is_empty() && all == f.figures
        }
        (false, false) => false,
    }
}

/// `verify_reference._dated`: the opcodes that write a date, a day or an amount two ways: a replaced run of up
/// to `max_phrase` words a side ([`same_date`], [`same_unit`]; [`same_day`] up to `max_substitution`), or two
/// runs around one equal word that write a
/// date ("5 March 2024" / "2024-03-05" aligns as "5 March" dropped, "2024" kept and "03-05" added; "5
/// March" / "March 5").
fn dated(w: &Words, a: &[u32], b: &[u32], ops: &[Op], moved: &[bool], limits: (usize, usize)) -> Vec<bool> {
    let (max_substitution, max_phrase) = limits;
    let mut out = vec![false; ops.len()];
    let short = |op: &Op| op.i2 - op.i1 <= max_phrase && op.j2 - op.j1 <= max_phrase;
    for (k, op) in ops.iter().enumerate() {
        if op.tag == Tag::Equal || moved[k] || !short(op) {
            continue;
        }
        let (ra, rb) = (&a[op.i1..op.i2], &b[op.j1..op.j2]);
        if op.tag == Tag::Replace
            && (same_date(w, ra, rb) || same_unit(w, a, b, op) || (ra.len().max(rb.len()) <= max_substitution && same_day(w, ra, rb)))
        {
            out[k] = true;
            continue;
        }
        let (mid, third) = match (ops.get(k + 1), ops.get(k + 2)) {
            (Some(m), Some(t)) => (*m, *t),
            _ => continue,
        };
        if mid.tag != Tag::Equal || mid.i2 - mid.i1 != 1 || third.tag == Tag::Equal || moved[k + 2] || !short(&third) {
            continue;
        }
        let ra: Vec<u32> = a[op.i1..op.i2].iter().chain(&a[mid.i1..mid.i2]).chain(&a[third.i1..third.i2]).copied().collect();
        let rb: Vec<u32> = b[op.j1..op.j2].iter().chain(&b[mid.j1..mid.j2]).chain(&b[third.j1..third.j2]).copied().collect();
        if same_date(w, &ra, &rb) {
            out[k] = true;
            out[k + 2] = true;
        }
    }
    out
}

/// `verify.compare` of two paragraphs, given their opcodes and which of them are swaps.
pub fn classify(w: &Words, pa: Para, pb: Para, ops: &[Op], moved: &[bool], limits: (usize, usize)) -> Alignment {
    let (max_substitution, max_phrase) = limits;
    let (a, b) = (pa.words, pb.words);
    let (mut matched, mut changes, mut gaps, mut edits, mut content_replaced) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut fact = false;
    let last = ops.len().wrapping_sub(1);
    let mut only_a: Vec<u32> = Vec::new();
    let mut only_b: Vec<u32> = Vec::new();
    let is_moved = |k: usize| moved[k];
    let dates = dated(w, a, b, ops, moved, limits);
    for (k, op) in ops.iter().enumerate() {
        let (i1, i2, j1, j2) = (op.i1, op.i2, op.j1, op.j2);
        let (la, lb) = (i2 - i1, j2 - j1);
        let (ra, rb) = (&a[i1..i2], &b[j1..j2]);
        let mut aligned = op.tag == Tag::Equal;
        let replace = op.tag == Tag::Replace;
        if op.tag == Tag::Equal {
            matched += la;
        } else if is_moved(k) {
            matched += la.max(lb);
            aligned = true;
            let first = replace || k < 2 || !is_moved(k - 2);
            let named = swap_region(ops, moved, k).map_or(false, |r| names_swapped(w, pa, pb, r));
            changes += usize::from(first || named);
            edits += usize::from(first && !named);
            fact = fact || named;
        } else if dates[k] {
            // One date or amount written two ways ("5 March" / "05/03", "12 km" / "12 kilometres"): its words
            // are matched, as a joined word's.
            matched += la.min(lb);
            aligned = true;
        } else if replace
            && (ra.iter().flat_map(|&x| w.text(x).iter()).eq(rb.iter().flat_map(|&x| w.text(x).iter())) || abbreviation(w, ra, rb))
        {
            matched += la.min(lb);
            aligned = true;
        } else if replace && la == lb && la <= max_substitution {
            aligned = true;
            let initials: Vec<bool> = (0..la).map(|x| initial(w, ra[x], rb[x])).collect();
            for x in 0..la {
                if initials[x] && ((x > 0 && initials[x - 1]) || (x + 1 < la && initials[x + 1])) {
                    matched += 1;
                    continue;
                }
                let mut kind = substitution(w, ra[x], rb[x], pa.fact(i1 + x), pb.fact(j1 + x));
                // A character of a negation replaced by one of no negation ("ไม่" / "ได้"): a flip.
                if pa.negating(i1 + x) != pb.negating(j1 + x) {
                    kind = Kind::Fact;
                }
                // Two words of one lexical class after a figure are one unit written two ways
                // ("5 %" / "5 Prozent", "40 Mio" / "40 Millionen"): no other amount.
                let one_class = w.class[ra[x] as usize] != NO_CLASS && w.class[ra[x] as usize] == w.class[rb[x] as usize];
                if kind == Kind::Edit
                    && !one_class
                    && counted(w, pa, i1 + x)
                    && counted(w, pb, j1 + x)
                    && !shortened(w, ra[x], rb[x])
                    && !spelt_alike(w.text(ra[x]), w.text(rb[x]))
                {
                    kind = Kind::Fact;
                }
                if kind == Kind::Typo {
                    matched += 1;
                } else {
                    aligned = false;
                    changes += 1;
                    edits += usize::from(kind == Kind::Edit);
                    content_replaced += usize::from(kind == Kind::Edit && content(w, ra[x]) && content(w, rb[x]));
                    fact = fact || kind == Kind::Fact;
                }
            }
        } else if k == last && replace && clipped(w, ra, rb) {
        } else if (k == 0 || k == last) && la.max(lb) <= max_substitution && !replace {
            let polarity = (i1..i2).any(|i| (polar_class(w, a[i]) && pa.fact(i)) || pa.negating(i))
                || (j1..j2).any(|j| (polar_class(w, b[j]) && pb.fact(j)) || pb.negating(j));
            changes += usize::from(polarity);
            fact = fact || polarity;
            names(w, pa, i1, i2, &mut only_a);
            names(w, pb, j1, j2, &mut only_b);
        } else if (la.max(lb) <= max_substitution && (replace || (0 < k && k < last)))
            // A short phrase holding a content word replaced by a longer one ("guidebook" /
            // "guided tour with a local historian") is a substitution too, not a sentence added.
            || (replace && la.min(lb) <= max_substitution && la.max(lb) <= max_phrase && contents(w, if la < lb { ra } else { rb }) > 0)
        {
            changes += 1;
            let (ka, kb) = (keys(w, pa, i1, i2), keys(w, pb, j1, j2));
            if fact_edit(w, &ka, &kb, la > 0 && lb > 0)
                || (la > 0 && lb > 0 && classes_flip(w, ra, rb))
                || unit_replaced(w, pa, pb, (i1, i2, j1, j2))
                || (la == 0 && figure_extended(w, b, j1, j2))
                || (lb == 0 && figure_extended(w, a, i1, i2))
            {
                fact = true;
            } else {
                edits += 1;
                content_replaced += replaced(w, ra, rb);
                names(w, pa, i1, i2, &mut only_a);
                names(w, pb, j1, j2, &mut only_b);
            }
        } else if replace {
            let (ka, kb) = (keys(w, pa, i1, i2), keys(w, pb, j1, j2));
            // The unit of a figure replaced by a phrase of an unspaced script, whose characters
            // are words, holding a fact ("5%" / "5ポイント", "5个百分点"): another amount, as in
            // spaced text ("5パーセント", the percent written out, holds none).
            let (phrase, lo, hi) = if la > lb { (pa, i1, i2) } else { (pb, j1, j2) };
            fact = fact
                || (exceeds(&ka, &kb) && exceeds(&kb, &ka))
                || (la.max(lb) <= max_phrase && unit_replaced(w, pa, pb, (i1, i2, j1, j2)) && (lo..hi).any(|i| phrase.fact(i)));
        }
        // A short run of function words that adds, drops or replaces a word marking a figure's level
        // ([`levels`]); a run holding other words is a phrase moved or rewritten ("Appeal to the 9th
        // Circuit" / "9th Circuit Appeal").
        let bare = |r: &[u32]| r.iter().all(|&x| w.class[x as usize] == w.level || w.flag(x, PLAIN));
        if op.tag != Tag::Equal
            && !is_moved(k)
            && la.max(lb) <= max_substitution
            && bare(ra)
            && bare(rb)
            && levels(w, a, i1, i2) != levels(w, b, j1, j2)
        {
            fact = true;
        }
        // A negation of an unspaced script added or dropped with at most `max_substitution` other
        // words is a flip however many characters write it ("มิใช่", "ไม่ได้", "ปราศจาก"), where a
        // run that long is otherwise a sentence added or removed.
        let negation = |p: Para, lo: usize, hi: usize| {
            (lo..hi).any(|i| p.negating(i)) && (lo..hi).filter(|&i| !p.negating(i)).count() <= max_substitution
        };
        fact = fact || (op.tag == Tag::Delete && negation(pa, i1, i2)) || (op.tag == Tag::Insert && negation(pb, j1, j2));
        gaps += usize::from(!aligned);
    }
    only_a.sort_unstable();
    only_b.sort_unstable();
    fact = fact || (exceeds(&only_a, &only_b) && exceeds(&only_b, &only_a));
    if !fact {
        // A figure in both (`only_a & only_b`).
        let mut j = 0;
        for &v in &only_a {
            while j < only_b.len() && only_b[j] < v {
                j += 1;
            }
            if j < only_b.len() && only_b[j] == v && w.flag(v, HAS_DIGIT) {
                fact = true;
                break;
            }
        }
    }
    Alignment { matched, changes, fact_change: fact, gaps, edits, replaced: content_replaced }
}

/// Scratch space of [`compare`]: the local id of each word id (`u32::MAX`: none yet), and the
/// buffers of a pair's alignment, reused from pair to pair (a batch's pairs allocate nothing once
/// they have grown: on the real-text replay of decide, the vectors built and dropped per pair
/// were ~11% of its instructions).
pub struct Scratch {
    local: Vec<u32>,
    seen: Vec<u32>,
    digit: Vec<bool>,
    ids: Vec<u32>,
    ops: Vec<Op>,
    swapped: Vec<usize>,
    moved: Vec<bool>,
    align: align::Buffers,
}

impl Scratch {
    pub fn new(n_words: usize) -> Scratch {
        Scratch {
            local: vec![u32::MAX; n_words],
            seen: Vec::new(),
            digit: Vec::new(),
            ids: Vec::new(),
            ops: Vec::new(),
            swapped: Vec::new(),
            moved: Vec::new(),
            align: align::Buffers::default(),
        }
    }
}

/// `verify.compare(a, b, facts_a, facts_b)`.
pub fn compare(w: &Words, pa: Para, pb: Para, limits: (usize, usize), s: &mut Scratch) -> Alignment {
    let max_substitution = limits.0;
    // The alignment wants small ids (its tables are as long as the ids): number the words of
    // this pair from 0.
    let ids = &mut s.ids;
    ids.clear();
    for &x in pa.words.iter().chain(pb.words) {
        let l = &mut s.local[x as usize];
        if *l == u32::MAX {
            *l = s.seen.len() as u32;
            s.seen.push(x);
            s.digit.push(w.flag(x, HAS_DIGIT));
        }
        ids.push(*l);
    }
    let (la, lb) = ids.split_at(pa.words.len());
    align::opcodes_in(la, lb, s.seen.len(), &mut s.align, &mut s.ops);
    align::swaps_in(&s.ops, la, lb, &s.digit, max_substitution, &mut s.align, &mut s.swapped);
    s.moved.clear();
    s.moved.resize(s.ops.len(), false);
    for &k in &s.swapped {
        s.moved[k] = true;
    }
    for &x in &s.seen {
        s.local[x as usize] = u32::MAX;
    }
    s.seen.clear();
    s.digit.clear();
    classify(w, pa, pb, &s.ops, &s.moved, limits)
}

/// `verify.jaccard` of two sorted hash arrays: equal neighbours of their merge over the union.
pub fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j) = (0, 0);
    let mut last: Option<u32> = None;
    let mut inter = 0usize;
    while i < a.len() || j < b.len() {
        let v = if j >= b.len() || (i < a.len() && a[i] <= b[j]) {
            i += 1;
            a[i - 1]
        } else {
            j += 1;
            b[j - 1]
        };
        if last == Some(v) {
            inter += 1;
        }
        last = Some(v);
    }
    inter as f64 / (a.len() + b.len() - inter) as f64
}

/// `(len(b), b) < (len(a), a)` of two word lists (Python's order of lists of strings).
fn before(w: &Words, a: &[u32], b: &[u32]) -> bool {
    if b.len() != a.len() {
        return b.len() < a.len();
    }
    for (&x, &y) in b.iter().zip(a) {
        if x != y {
            return w.text(x) < w.text(y);
        }
    }
    false
}

/// `verify.verify` of two paragraphs with their sorted distinct shingle hashes: [`judge`]'s verdict, and a
/// copy or passage whose two sides are one another with two phrases exchanged ([`exchanged`]: "from Paris
/// to Rome" / "from Rome to Paris") is a conflict, another statement with the same words.
pub fn verify(w: &Words, pa: Para, pb: Para, sa: &[u32], sb: &[u32], t: &Thresholds, s: &mut Scratch) -> Verdict {
    let mut out = judge(w, pa, pb, sa, sb, t, s);
    if matches!(out.kind, DUPLICATE | CONTAINED | QUOTED)
        && exchanged(pa.words, pb.words, t.exchange_max_words, |x| w.flag(x, STOPWORD))
    {
        out.kind = DIFFERENT;
        out.conflict = true;
    }
    out
}

/// `verify.EXCHANGE_MAX_WORDS`, `verify_reference._exchanged`: whether `b` is `a` with two separated phrases exchanged. Past the words the two share
/// at both ends, `a` reads X M Y and `b` Y M X, with X and Y different runs of up to `max_words` words, none a
/// `stop` word, and M not empty. Not when M is the one word before X (the same frame: "na X na Y"); a phrase
/// moved with its preposition or article (a stop word) is a clause reordered, neighbours swapped (M empty) a
/// copy's edit. Read on pairs of the same length only.
pub fn exchanged(a: &[u32], b: &[u32], max_words: usize, stop: impl Fn(u32) -> bool) -> bool {
    if a.len() != b.len() || a == b {
        return false;
    }
    let lo = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let hi = a.len() - a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (ma, mb) = (&a[lo..hi], &b[lo..hi]);
    for nx in 1..=max_words {
        for ny in 1..=max_words {
            if nx + ny >= ma.len() {
                break;
            }
            let (x, y, middle) = (&ma[..nx], &ma[ma.len() - ny..], &ma[nx..ma.len() - ny]);
            if x != y && &mb[..ny] == y && &mb[mb.len() - nx..] == x && middle == &mb[ny..mb.len() - nx] {
                let parallel = lo > 0 && middle == &a[lo - 1..lo];
                return !parallel && !x.iter().chain(y).any(|&v| stop(v));
            }
        }
    }
    false
}

/// `verify.verify`'s verdict of the alignment and the shingles, before [`verify`] reads exchanges: the
/// verdict of [`compare`]'s alignment, or, where that is no copy, of the alignment with a clause moved
/// back into place ([`moved_alignment`]) when that one is.
fn judge(w: &Words, pa: Para, pb: Para, sa: &[u32], sb: &[u32], t: &Thresholds, s: &mut Scratch) -> Verdict {
    let jac = jaccard(sa, sb);
    if pa.words.is_empty() || pb.words.is_empty() {
        return Verdict { jaccard: jac, ..Verdict::default() };
    }
    let (pa, pb) = if before(w, pa.words, pb.words) { (pb, pa) } else { (pa, pb) };
    let al = compare(w, pa, pb, (t.max_substitution, t.max_phrase), s);
    let (short, long) = (pa.words.len().min(pb.words.len()), pa.words.len().max(pb.words.len()));
    let out = verdict_of(al, jac, short, long, t);
    // A clause moved is an edit, as any other: the pair must be long and alike enough for one.
    if out.kind != DUPLICATE && jac >= t.edit_min_jaccard && short >= t.edit_min_words {
        if let Some(moved) = moved_alignment(w, pa, pb, t, s) {
            let again = verdict_of(moved, jac, short, long, t);
            if again.kind == DUPLICATE {
                return again;
            }
        }
    }
    out
}

/// The verdict of an alignment `al` of two paragraphs of `short` and `long` words whose shingles'
/// Jaccard is `jac` (`verify_reference._verdict`).
fn verdict_of(al: Alignment, jac: f64, short: usize, long: usize, t: &Thresholds) -> Verdict {
    let mut out = Verdict { jaccard: jac, alignment: al, ..Verdict::default() };
    let cover = al.matched as f64 / long as f64;
    let contain = al.matched as f64 / short as f64;
    let conflict = al.fact_change
        || (al.changes > 0
            && (al.edits < al.changes
                || jac < t.edit_min_jaccard
                || short < t.edit_min_words
                || short < t.replaced_min_words * al.replaced
                || (al.replaced > 0 && short < t.replaced_one_min_words)));
    let inside = t.containment && short >= t.min_contained_words && contain >= t.containment_threshold;
    out.containment = contain;
    out.cover = cover;
    if !conflict && (cover >= t.duplicate_cover || (jac >= t.min_jaccard && contain >= t.duplicate_cover)) {
        out.kind = DUPLICATE;
        return out;
    }
    if inside && !al.fact_change && !(conflict && cover >= t.duplicate_cover) {
        if !conflict && al.changes == 0 && (al.gaps <= 1 || short >= t.min_passage_words) {
            out.kind = CONTAINED;
        } else {
            out.kind = QUOTED;
            out.conflict = conflict;
        }
        return out;
    }
    if conflict {
        out.kind = DIFFERENT;
        out.conflict = true;
    }
    out
}

/// The shortest clause [`fronted`] reads as moved, and the fewest words it may move past
/// (`verify_reference.MOVED_MIN_WORDS`). A run of four words or more holds a verb with what it
/// governs ("wie am Dienstag bekannt wurde", "the museum is older than the cathedral"), where a
/// shorter one is often a bare noun phrase whose place is its role ("the mayor", "Ana Ruiz"):
/// two of those trading places at the start of a sentence ("Ana Ruiz, the mayor said, had lied" /
/// "The mayor, Ana Ruiz said, had lied") state another thing.
pub const MOVED_MIN_WORDS: usize = 4;

/// `verify_reference._fronted`: the clause moved to the front of `q` from further on in `p`, as
/// `(i, n)`: `q[..n] == p[i..i + n]` with `n >= MOVED_MIN_WORDS` words and `i >= MOVED_MIN_WORDS`
/// words before it in `p` ("Der Konzern hat ... verkauft, wie am Dienstag bekannt wurde, und ..." /
/// "Wie am Dienstag bekannt wurde, hat der Konzern ... verkauft, und ..."). The longest such run
/// (the first of the longest), which must be longer than any run `p` and `q` open with alike.
///
/// None when the word after the run in `q` is one of the two before it in `p`: the clauses on
/// either side of a word that stayed traded places around it ("The minister resigned after the
/// president spoke" / "The president spoke after the minister resigned": another order of events).
pub fn fronted(p: &[u32], q: &[u32]) -> Option<(usize, usize)> {
    let run = |i: usize| p[i..].iter().zip(q).take_while(|(x, y)| x == y).count();
    let mut best: Option<(usize, usize)> = None;
    for i in MOVED_MIN_WORDS..p.len() {
        let n = run(i);
        if n >= MOVED_MIN_WORDS && best.map_or(true, |(_, m)| n > m) {
            best = Some((i, n));
        }
    }
    let (i, n) = best?;
    let pivot = q.get(n).map_or(false, |x| p[i - 2..i].contains(x));
    if run(0) >= n || pivot {
        return None;
    }
    Some((i, n))
}

/// `verify_reference._moved_alignment`: [`compare`]'s alignment of two paragraphs with a clause that
/// one moved to its front ([`fronted`]) put back where the other has it: the clause's words are
/// matched and its move is one edit. None when neither paragraph fronts a clause of the other, when
/// the clause and the words it moved past each hold a name the other lacks ([`names_cross`]: "The
/// actor Erik Lindgren is the mother of Sarah Lindgren"), or when more than `max_substitution` of the
/// words the rest shares are not aligned in order ([`shared`]): a second run moved the other way, the
/// two trading places ("Prices of wheat rose ..., while prices of rice fell ..." / "Prices of rice rose
/// ..., while prices of wheat fell ...").
fn moved_alignment(w: &Words, pa: Para, pb: Para, t: &Thresholds, s: &mut Scratch) -> Option<Alignment> {
    let (i, n, b_fronts) = match fronted(pa.words, pb.words) {
        Some((i, n)) => (i, n, true),
        None => {
            let (i, n) = fronted(pb.words, pa.words)?;
            (i, n, false)
        }
    };
    // The paragraph that has the clause further on loses it there; the other, at its front.
    let (p, q) = if b_fronts { (pa, pb) } else { (pb, pa) };
    if names_cross(w, p, q, i, n) {
        return None;
    }
    let (mut pw, mut pf) = (p.words[..i].to_vec(), p.facts[..i].to_vec());
    pw.extend_from_slice(&p.words[i + n..]);
    pf.extend_from_slice(&p.facts[i + n..]);
    let (p2, q2) = (Para { words: &pw, facts: &pf }, Para { words: &q.words[n..], facts: &q.facts[n..] });
    let (a2, b2) = if b_fronts { (p2, q2) } else { (q2, p2) };
    let mut al = compare(w, a2, b2, (t.max_substitution, t.max_phrase), s);
    if shared(&pw, &q.words[n..]) > al.matched + t.max_substitution {
        return None;
    }
    al.matched += n;
    al.changes += 1;
    al.edits += 1;
    Some(al)
}

/// `verify_reference._names_cross`: the clause `p[i..i + n]` (`q[..n]`) and the words before it in `p`
/// each hold a name the other lacks, which the move puts in the other order. A name here is a fact
/// word without a lexical class nor a digit in both paragraphs: a word capitalised only because it
/// opens a sentence in one is no name ("Tras una racha ..." / "... del club tras una racha ...").
fn names_cross(w: &Words, p: Para, q: Para, i: usize, n: usize) -> bool {
    let named = |para: Para, x: u32| {
        (0..para.words.len()).any(|k| {
            para.words[k] == x && para.fact(k) && w.class[x as usize] == NO_CLASS && !w.flag(x, HAS_DIGIT)
        })
    };
    let name = |x: u32| named(p, x) && named(q, x);
    let (before, clause) = (&p.words[..i], &p.words[i..i + n]);
    clause.iter().any(|&x| name(x) && !before.contains(&x)) && before.iter().any(|&x| name(x) && !clause.contains(&x))
}

/// The words two lists share, as multisets (`sum((Counter(a) & Counter(b)).values())`).
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut sa, mut sb) = (a.to_vec(), b.to_vec());
    sa.sort_unstable();
    sb.sort_unstable();
    let (mut i, mut j, mut both) = (0, 0, 0);
    while i < sa.len() && j < sb.len() {
        match sa[i].cmp(&sb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both
}

/// A batch of paragraphs and candidate pairs, as the bindings receive them (flat arrays).
pub struct Batch<'a> {
    pub words: Words<'a>,
    /// Word ids of every paragraph, one after the other.
    pub para_words: &'a [u32],
    /// Fact flag of each of those words.
    pub para_facts: &'a [u8],
    /// `n_paragraphs + 1` offsets into `para_words`.
    pub para_offsets: &'a [usize],
    /// Sorted distinct shingle hashes of every paragraph, one after the other.
    pub shingles: &'a [u32],
    /// `n_paragraphs + 1` offsets into `shingles`.
    pub shingle_offsets: &'a [usize],
}

fn check_offsets(name: &str, offsets: &[usize], len: usize) -> Result<(), InputError> {
    if offsets.is_empty() || offsets[0] != 0 || offsets[offsets.len() - 1] != len || offsets.windows(2).any(|p| p[0] > p[1]) {
        return Err(InputError(format!("{name} are not non-decreasing offsets from 0 to {len}")));
    }
    Ok(())
}

impl<'a> Batch<'a> {
    /// Checks every offset and id (so the kernels index nothing out of bounds).
    pub fn check(&self) -> Result<(), InputError> {
        let w = &self.words;
        let n = w.offsets.len().saturating_sub(1);
        check_offsets("word offsets", w.offsets, w.chars.len())?;
        if w.class.len() != n || w.flags.len() != n || w.key.len() != n {
            return Err(InputError(format!("{n} words but {} classes, {} flags, {} keys", w.class.len(), w.flags.len(), w.key.len())));
        }
        if w.key.iter().any(|&k| k as usize >= w.key_polar.len()) {
            return Err(InputError("a fact key id out of range".into()));
        }
        check_offsets("paragraph offsets", self.para_offsets, self.para_words.len())?;
        if self.para_facts.len() != self.para_words.len() {
            return Err(InputError("one fact flag per paragraph word is needed".into()));
        }
        if self.para_words.iter().any(|&x| x as usize >= n) {
            return Err(InputError("a word id out of range".into()));
        }
        check_offsets("shingle offsets", self.shingle_offsets, self.shingles.len())?;
        if self.shingle_offsets.len() != self.para_offsets.len() {
            return Err(InputError("paragraph and shingle offsets differ in number".into()));
        }
        Ok(())
    }

    fn para(&self, p: usize) -> Para<'a> {
        let (lo, hi) = (self.para_offsets[p], self.para_offsets[p + 1]);
        Para { words: &self.para_words[lo..hi], facts: &self.para_facts[lo..hi] }
    }

    fn shingles_of(&self, p: usize) -> &'a [u32] {
        &self.shingles[self.shingle_offsets[p]..self.shingle_offsets[p + 1]]
    }

    /// `verify.verify` of each pair of paragraph indices (`ordered`), or `verify.compare` of it
    /// as given (no verdict, only the alignment), after [`Batch::check`].
    pub fn run(&self, pairs: &[(usize, usize)], t: &Thresholds, ordered: bool) -> Result<Vec<Verdict>, InputError> {
        self.check()?;
        let n = self.para_offsets.len() - 1;
        if pairs.iter().any(|&(a, b)| a >= n || b >= n) {
            return Err(InputError(format!("a pair names a paragraph beyond the {n} given")));
        }
        let mut s = Scratch::new(self.words.class.len());
        Ok(pairs
            .iter()
            .map(|&(a, b)| {
                if ordered {
                    verify(&self.words, self.para(a), self.para(b), self.shingles_of(a), self.shingles_of(b), t, &mut s)
                } else {
                    let alignment = compare(&self.words, self.para(a), self.para(b), (t.max_substitution, t.max_phrase), &mut s);
                    Verdict { alignment, ..Verdict::default() }
                }
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Word ids 0 "flights", 1 "from", 2 "paris", 3 "to", 4 "rome", 5 "start", 6 "lyon"; 1 and 3 stop words.
    #[test]
    fn exchanged_phrases_trade_places_around_the_words_between() {
        let stop = |x: u32| x == 1 || x == 3;
        assert!(exchanged(&[0, 1, 2, 3, 4, 5], &[0, 1, 4, 3, 2, 5], 4, stop));
        // A word replaced, neighbours swapped (nothing between), the same text: no exchange.
        assert!(!exchanged(&[0, 1, 2, 3, 4, 5], &[0, 1, 2, 3, 6, 5], 4, stop));
        assert!(!exchanged(&[0, 2, 4, 5], &[0, 4, 2, 5], 4, stop));
        assert!(!exchanged(&[0, 1, 2, 3, 4], &[0, 1, 2, 3, 4], 4, stop));
        // A phrase moved with its stop word, and two phrases in the same frame ("to X to Y"): no exchange.
        assert!(!exchanged(&[1, 2, 0, 4], &[4, 0, 1, 2], 4, stop));
        assert!(exchanged(&[1, 2, 0, 4], &[4, 0, 1, 2], 4, |_| false));
        assert!(!exchanged(&[3, 2, 3, 4], &[3, 4, 3, 2], 4, stop));
        // Longer than `max_words`.
        assert!(!exchanged(&[0, 1, 2, 3, 4, 5], &[0, 1, 4, 3, 2, 5], 0, stop));
    }

    /// [`fronted`] of every pair of a few thousand small random word lists (three words, so that
    /// runs recur) against the search written out: the longest run `q` opens with that `p` has at
    /// `MOVED_MIN_WORDS` or further, the first such place, no longer at `p`'s front, no pivot.
    #[test]
    fn fronted_finds_what_a_search_of_every_run_finds() {
        fn search(p: &[u32], q: &[u32]) -> Option<(usize, usize)> {
            for n in (MOVED_MIN_WORDS..=q.len()).rev() {
                let at = (MOVED_MIN_WORDS..(p.len() + 1).saturating_sub(n)).find(|&i| p[i..i + n] == q[..n]);
                if let Some(i) = at {
                    let front = p.len() >= n && p[..n] == q[..n];
                    let pivot = n < q.len() && (q[n] == p[i - 1] || q[n] == p[i - 2]);
                    return if front || pivot { None } else { Some((i, n)) };
                }
            }
            None
        }
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        let mut found = 0;
        for _ in 0..20_000 {
            let p: Vec<u32> = (0..next(16)).map(|_| next(3) as u32).collect();
            // Half the time, `q` opens with a run of `p` (a clause fronted), then random words.
            let mut q: Vec<u32> = Vec::new();
            if next(2) == 0 && p.len() > 4 {
                let i = next(p.len() as u64) as usize;
                q.extend_from_slice(&p[i..]);
            }
            q.extend((0..next(8)).map(|_| next(3) as u32));
            let got = fronted(&p, &q);
            assert_eq!(got, search(&p, &q), "p {p:?} q {q:?}");
            found += usize::from(got.is_some());
        }
        assert!(found > 100);
        assert_eq!(fronted(&[0, 1, 2, 3, 4, 5, 6, 7, 8], &[4, 5, 6, 7, 0, 1, 2, 3, 8]), Some((4, 4)));
        // The word after the clause in `q` stood just before it in `p`: a pivot.
        assert_eq!(fronted(&[0, 1, 2, 3, 4, 5, 6, 7, 8], &[4, 5, 6, 7, 3, 0, 1, 2, 8]), None);
        // A clause shorter than MOVED_MIN_WORDS, or moved past fewer words.
        assert_eq!(fronted(&[0, 1, 2, 3, 4, 5, 6, 7], &[4, 5, 6, 0, 1, 2, 3, 7]), None);
        assert_eq!(fronted(&[0, 1, 2, 4, 5, 6, 7, 8], &[4, 5, 6, 7, 0, 1, 2, 8]), None);
    }

    #[test]
    fn shared_counts_common_words_as_multisets() {
        assert_eq!(shared(&[3, 1, 1, 2], &[1, 2, 2, 1, 1]), 3);
        assert_eq!(shared(&[], &[1]), 0);
        assert_eq!(shared(&[5, 4], &[4, 5]), 2);
    }

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    /// A word table of plain lower-case words (no class, no digit unless the word has one).
    struct Table {
        chars: Vec<u32>,
        offsets: Vec<usize>,
        class: Vec<u32>,
        flags: Vec<u8>,
        key: Vec<u32>,
        key_polar: Vec<bool>,
        prefixes: Vec<(bool, Vec<u32>, Vec<u32>)>,
        endings: Vec<u32>,
        names: Vec<String>,
        dates: Vec<(Vec<u32>, u32)>,
        units: Vec<(Vec<u32>, u32)>,
    }

    impl Table {
        fn new() -> Table {
            Table {
                chars: Vec::new(),
                offsets: vec![0],
                class: Vec::new(),
                flags: Vec::new(),
                key: Vec::new(),
                key_polar: Vec::new(),
                prefixes: vec![
                    (false, vec![], cps("un")),
                    (false, vec![], cps("il")),
                    (false, vec![], cps("o")),
                    (true, cps("ful"), cps("less")),
                ],
                endings: cps("는은이"),
                names: Vec::new(),
                dates: vec![
                    (cps("march"), 3),
                    (cps("may"), 5),
                    (cps("monday"), WEEKDAY),
                    (cps("tuesday"), WEEKDAY),
                    (cps("yesterday"), FROM_TODAY),
                    (cps("年"), 0),
                    (cps("日"), 0),
                    (cps("月"), 0),
                ],
                units: vec![(cps("km"), 1), (cps("kilometres"), 1), (cps("m"), 2), (cps("m2"), 3), (cps("squaremetres"), 3)],
            }
        }
        fn id(&mut self, w: &str) -> u32 {
            if let Some(i) = self.names.iter().position(|n| n == w) {
                return i as u32;
            }
            self.chars.extend(cps(w));
            self.offsets.push(self.chars.len());
            self.class.push(if w == "not" {
                0
            } else if w == "to" {
                1
            } else {
                NO_CLASS
            });
            let digit = w.chars().any(|c| c.is_ascii_digit());
            let mut f = 0;
            if digit {
                f |= HAS_DIGIT;
            }
            if w.chars().all(|c| c.is_ascii_digit()) {
                f |= ALL_DIGIT;
            }
            if w.chars().all(|c| c.is_alphabetic()) {
                f |= ALL_ALPHA;
            }
            if w == "not" {
                f |= POLAR;
            }
            if ["the", "a", "of", "said", "says", "to", "by"].contains(&w) {
                f |= PLAIN;
            }
            if ["the", "to"].contains(&w) {
                f |= STOPWORD;
            }
            if w.chars().any(char::is_lowercase) && !w.chars().any(char::is_uppercase) {
                f |= LOWER;
            }
            self.flags.push(f);
            self.key.push(self.key_polar.len() as u32);
            self.key_polar.push(w == "not");
            self.names.push(w.to_string());
            (self.names.len() - 1) as u32
        }
        fn ids(&mut self, s: &str) -> Vec<u32> {
            s.split_whitespace().map(|w| self.id(w)).collect()
        }
        fn words(&self) -> Words<'_> {
            Words {
                chars: &self.chars,
                offsets: &self.offsets,
                class: &self.class,
                flags: &self.flags,
                key: &self.key,
                key_polar: &self.key_polar,
                affix_flips: &self.prefixes,
                endings: &self.endings,
                level: 1,
                dates: &self.dates,
                units: &self.units,
            }
        }
    }

    fn compare_text(a: &str, b: &str, facts: bool) -> Alignment {
        let mut t = Table::new();
        let (a, b) = (t.ids(a), t.ids(b));
        let (fa, fb) = (vec![u8::from(facts); a.len()], vec![u8::from(facts); b.len()]);
        let w = t.words();
        let mut s = Scratch::new(w.class.len());
        compare(&w, Para { words: &a, facts: &fa }, Para { words: &b, facts: &fb }, (3, 8), &mut s)
    }

    /// `compare` with a fact flag per word: the words written with a capital are the facts.
    fn compare_named(a: &str, b: &str) -> Alignment {
        let flags = |s: &str| s.split_whitespace().map(|w| u8::from(w.starts_with(char::is_uppercase))).collect::<Vec<u8>>();
        let (fa, fb) = (flags(a), flags(b));
        let mut t = Table::new();
        let (a, b) = (t.ids(&a.to_lowercase()), t.ids(&b.to_lowercase()));
        let w = t.words();
        let mut s = Scratch::new(w.class.len());
        compare(&w, Para { words: &a, facts: &fa }, Para { words: &b, facts: &fb }, (3, 8), &mut s)
    }

    /// A date, a day and an amount written two ways are matched ([`dated`]); another date, day or unit is a fact.
    #[test]
    fn dates_days_and_units_written_two_ways_are_one_fact() {
        let tail = "the council said after a long debate about the budget";
        let same = |a: &str, b: &str| {
            let al = compare_text(&format!("opens on {a} {tail}"), &format!("opens on {b} {tail}"), true);
            !al.fact_change && al.changes == 0
        };
        assert!(same("5 march 2024", "05 03 2024"));
        assert!(same("5 march 2024", "03 05 2024"));
        assert!(same("5 march 2024", "2024 03 05"));
        // The month moved past its day is a neighbour swapped, an edit, as it always was.
        assert!(!compare_text(&format!("on 5 march 2024 {tail}"), &format!("on march 5 2024 {tail}"), true).fact_change);
        assert!(same("2024 年 3 月 5 日", "2024 03 05"));
        assert!(!same("5 march 2024", "05 04 2024"));
        assert!(!same("5 march 2024", "2024 03 15"));
        assert!(!same("5 march 2024", "5 may 2024"));
        assert!(!same("2024 年 3 月 5 日", "2024 年 5 月 3 日"));
        assert!(same("yesterday", "monday"));
        assert!(same("the yesterday", "monday"));
        assert!(!same("monday", "tuesday"));
        assert!(same("12 kilometres", "12 km"));
        assert!(same("450 square metres", "450 m2"));
        assert!(same("450m2", "450 square metres"));
        assert!(!same("12 kilometres", "12 m"));
        assert!(!same("12 kilometres", "13 km"));
        assert!(!same("450 m2", "450 km"));
    }

    #[test]
    fn swapped_neighbouring_names_change_a_fact() {
        let tail = "died at home on friday after a long illness";
        let named = compare_named(&format!("Dalmora Marbury {tail}"), &format!("Marbury Dalmora {tail}"));
        assert!(named.fact_change);
        assert_eq!((named.changes, named.edits), (1, 0));
        let inside = compare_named(&format!("friends of Ana Ruiz {tail}"), &format!("friends of Ruiz Ana {tail}"));
        assert!(inside.fact_change);
        // Not names on both sides (a capital opening the sentence): an edit.
        let said = compare_named("Police said the road was closed", "Said police the road was closed");
        assert_eq!((said.fact_change, said.changes, said.edits), (false, 1, 1));
        // A name moved past another word, or two names moving together: no name exchanged.
        let moved = compare_named(&format!("Ana Ruiz said she {tail}"), &format!("said Ana Ruiz she {tail}"));
        assert!(!moved.fact_change);
        assert!(!compare_text(&format!("red big {tail}"), &format!("big red {tail}"), false).fact_change);
    }

    #[test]
    fn a_word_marking_a_figures_level_changes_the_amount() {
        let (head, tail) = ("sales of the new model rose", "in the first quarter of the year");
        // "rose 8%" / "rose to 8%" (and before a stop word: "rose to the 8%"): the level, not the size.
        assert!(compare_text(&format!("{head} 8% {tail}"), &format!("{head} to 8% {tail}"), false).fact_change);
        assert!(compare_text(&format!("{head} 8% {tail}"), &format!("{head} to the 8% {tail}"), false).fact_change);
        assert!(compare_text(&format!("{head} by 8% {tail}"), &format!("{head} to 8% {tail}"), false).fact_change);
        // A range ("3 to 5"), a level word before no figure, or both sides marked alike: no fact.
        let range = compare_text(&format!("{head} 3 5 times {tail}"), &format!("{head} 3 to 5 times {tail}"), false);
        assert!(!range.fact_change);
        assert!(!compare_text(&format!("{head} 8% {tail}"), &format!("{head} 8% {tail} to date"), false).fact_change);
        assert!(!compare_text(&format!("{head} to 8% {tail}"), &format!("{head} to 8% again {tail}"), false).fact_change);
        // A phrase moved with a level word in it: no level edit.
        assert!(!compare_text(&format!("{head} again to the 8% {tail}"), &format!("{head} 8% {tail}"), false).fact_change);
    }

    #[test]
    fn content_words_replaced_are_counted() {
        let tail = "was opened to visitors on the first warm morning of spring";
        let noun = compare_text(&format!("the old garden {tail}"), &format!("the old orchard {tail}"), false);
        assert_eq!((noun.changes, noun.edits, noun.replaced), (1, 1, 1));
        // Plain words replaced (a function word, "said" / "says"): no content word replaced.
        let plain = compare_text(&format!("the mayor said the garden {tail}"), &format!("a mayor says the garden {tail}"), false);
        assert_eq!((plain.changes, plain.edits, plain.replaced), (2, 2, 0));
        // A word for a phrase of up to eight words is a substitution: its content words count.
        let phrase = compare_text(&format!("the old garden {tail}"), &format!("the old orchard beside the river mill {tail}"), false);
        assert_eq!((phrase.changes, phrase.edits, phrase.replaced, phrase.gaps), (1, 1, 4, 1));
        // A longer run is a sentence added, not a substitution; so is a phrase for a plain word.
        let long = "orchard beside the river mill where the miller kept bees";
        let sentence = compare_text(&format!("the old garden {tail}"), &format!("the old {long} {tail}"), false);
        assert_eq!((sentence.changes, sentence.replaced, sentence.gaps), (0, 0, 1));
        let function = compare_text(&format!("the old garden of {tail}"), &format!("the old garden beside the river mill {tail}"), false);
        assert_eq!((function.changes, function.replaced), (0, 0));
    }

    #[test]
    fn single_letters_are_identifiers() {
        let tail = "of the second table into the box at the bottom of the form";
        let column = compare_text(&format!("copy the total from column b {tail}"), &format!("copy the total from column c {tail}"), false);
        assert!(column.fact_change);
        // A character of an unspaced script is a word, no identifier.
        let han = compare_text("北 京 今 天 下 雨 了 吗", "北 京 明 天 下 雨 了 吗", false);
        assert!(!han.fact_change);
    }

    #[test]
    fn negating_characters_are_a_negation() {
        // Four characters of a negation ("มิใช่") inserted: a flip, though a run that long is
        // otherwise a sentence added; the same characters without the flag are no change.
        let mut t = Table::new();
        let (a, b) = (t.ids("p q r s t u v w"), t.ids("p q r n1 n2 n3 n4 s t u v w"));
        let w = t.words();
        let mut s = Scratch::new(w.class.len());
        let fa = vec![FACT; a.len()];
        let mut fb = vec![FACT; b.len()];
        let plain = compare(&w, Para { words: &a, facts: &fa }, Para { words: &b, facts: &fb }, (3, 8), &mut s);
        assert!(!plain.fact_change);
        for f in &mut fb[3..7] {
            *f = FACT | NEGATING;
        }
        let negated = compare(&w, Para { words: &a, facts: &fa }, Para { words: &b, facts: &fb }, (3, 8), &mut s);
        assert!(negated.fact_change);
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert!(edit_distance_at_most(&cps("garden"), &cps("gadren"), 1));
        assert!(edit_distance_at_most(&cps("garden"), &cps("gardn"), 1));
        assert!(!edit_distance_at_most(&cps("northern"), &cps("southern"), 1));
        assert!(edit_distance_at_most(&cps(""), &cps("a"), 1));
        assert!(!edit_distance_at_most(&cps("ab"), &cps("abcd"), 1));
        assert_eq!(sharp_s(&cps("sss")), cps("ßs"));
    }

    #[test]
    fn jaccard_of_sorted_sets() {
        assert_eq!(jaccard(&[], &[]), 1.0);
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard(&[1], &[]), 0.0);
    }

    #[test]
    fn multiset_difference() {
        assert!(exceeds(&[1, 1, 2], &[1, 2]));
        assert!(!exceeds(&[1, 2], &[1, 1, 2, 3]));
        assert!(!exceeds(&[], &[1]));
    }

    #[test]
    fn hangul_typos_change_only_particles() {
        // A particle replaced, added or dropped is a typo; a syllable of a name, the first
        // syllable, or two syllables swapped are another word.
        let typo = |a: &str, b: &str| compare_text(&format!("x {a} y"), &format!("x {b} y"), true).changes == 0;
        assert!(typo("의원은", "의원이") && typo("의원은", "의원는") && typo("김민수는", "김민수"));
        assert!(!typo("김민수", "김민호") && !typo("이민수", "은민수") && !typo("민수는", "수민는"));
        assert!(!typo("민수", "수민") && typo("garden", "gadren"));
        assert!(typo("대구교통공사", "대구교공통사") && !typo("박지수에게", "박수지에게"));
    }

    #[test]
    fn compare_sorts_typos_edits_and_facts() {
        let same = compare_text("the old garden was opened today", "the old gadren was opened today", false);
        assert_eq!((same.matched, same.changes, same.gaps), (6, 0, 0));
        let edit = compare_text("the old garden was opened today", "the old house was opened today", false);
        assert_eq!((edit.matched, edit.changes, edit.edits, edit.fact_change), (5, 1, 1, false));
        let fact = compare_text("the old garden was opened today", "the old house was opened today", true);
        assert!(fact.fact_change);
        let figure = compare_text("opened in 2019 by the mayor", "opened in 2021 by the mayor", false);
        assert!(!figure.fact_change); // not flagged as facts: an edit
        let negated = compare_text("it was opened today by them", "it was not opened today by them", true);
        assert!(negated.fact_change);
        // Affix flips: a one-letter prefix (which is one edit, a typo otherwise), a suffix pair;
        // not below the shortest stem ("pen" / "open" is a typo).
        let prefixed = compare_text("it was lämplig today by them", "it was olämplig today by them", false);
        assert!(prefixed.fact_change);
        let suffixed = compare_text("it was useful today by them", "it was useless today by them", false);
        assert!(suffixed.fact_change);
        let short = compare_text("it was pen today by them", "it was open today by them", false);
        assert!(!short.fact_change);
        // The word after a figure is its unit: replaced, another amount; spelt alike, the same.
        let unit = compare_text("it cost 40 euro today by them", "it cost 40 dollar today by them", false);
        assert!(unit.fact_change);
        let spelt = compare_text("it showed 200 fotografien today", "it showed 200 photographien today", false);
        assert!(!spelt.fact_change);
        let cut = compare_text("one two three four five six seven", "one two three four five", false);
        assert_eq!((cut.matched, cut.gaps, cut.changes), (5, 1, 0));
        let joined = compare_text("send an e mail now", "send an email now", false);
        assert_eq!((joined.matched, joined.gaps), (4, 0));
    }

    #[test]
    fn batch_refuses_bad_offsets() {
        let t = Table::new();
        let b = Batch {
            words: t.words(),
            para_words: &[],
            para_facts: &[],
            para_offsets: &[0, 1],
            shingles: &[],
            shingle_offsets: &[0, 0],
        };
        assert!(b.run(&[(0, 0)], &Thresholds {
            max_substitution: 3,
            max_phrase: 8,
            duplicate_cover: 0.8,
            edit_min_jaccard: 0.5,
            edit_min_words: 12,
            replaced_min_words: 15,
            replaced_one_min_words: 20,
            min_passage_words: 40,
            min_jaccard: 0.8,
            containment: true,
            containment_threshold: 0.85,
            min_contained_words: 8,
            exchange_max_words: 4,
        }, true)
        .is_err());
    }
}
