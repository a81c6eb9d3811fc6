//! Line shapes and line keys of the boilerplate signals (`boilerplate.line_shapes` and
//! `boilerplate.line_counts`): whitespace collapsing, lower-casing, the frequency key and its
//! BLAKE2b-64 hash, "fewer than N words", the shape of a line (word count, function-word share,
//! sentence end, prose), its words and stems, and an article's stems, on lines given as code
//! points. No word leaves the core as a string but for the tests (`Table::words`): the shape is
//! its numbers, and the stems are asked of the line's text.
//!
//! Every Unicode question is Python's: the table (`Table`) holds, for each character, what
//! `str.isalnum`, `str.isdecimal`, `str.isspace`, `str.isalpha` and `str.lower` say of it, as
//! Python computed them (the bindings fill it from `line_shapes.shape_table` and ask Python about
//! characters above the Basic Multilingual Plane as they come). The one lower-casing that depends
//! on the neighbours, the Greek capital sigma (`Σ` is `ς` at the end of a word), is left to
//! Python: `Table::lower` returns `None` for a line holding it, and the caller lowers that line
//! with `str.lower`.
//!
//! Python's regular expressions read `\w` as `str.isalnum() or "_"`, `\d` as `str.isdecimal()`
//! (category Nd), `\s` and `str.split()` as `str.isspace()`.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The multiplicative hash of rustc (FxHash): the word lists are looked up once per word of
/// every line, and SipHash (the default, resistant to chosen keys) costs 4% of `describe`
/// there; the lists are the package's own, so no input chooses their keys.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(b));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.write_u64(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set of stems (code points) hashed with [`FxHasher`]: an article's stems.
///
/// A stem of at most [`PACKED_CHARS`] characters (every stem, `STEM_CHARS` being 5) is kept as one
/// number ([`pack`]): no allocation a stem, one multiplication to hash it. As vectors of code points
/// (one allocation each, hashed a code point at a time), making the set was 366 M of the 4,615 M
/// instructions of marking 400 documents of a corpus of real web pages (callgrind).
#[derive(Debug, Default)]
pub struct StemSet {
    packed: HashSet<u128, BuildHasherDefault<FxHasher>>,
    /// The stems too long to pack (none with a `stem_chars` up to `PACKED_CHARS`).
    long: HashSet<Vec<u32>, BuildHasherDefault<FxHasher>>,
}

/// The most characters a stem packed in a `u128` holds: 21 bits each.
const PACKED_CHARS: usize = 6;

/// `stem` as one number, when it has at most `PACKED_CHARS` characters: each code point plus one in
/// 21 bits (at most 0x110000 < 2^21), the first highest. No digit is zero, so the number tells the
/// stem's length and characters: two stems have the same number only when they are equal.
#[inline]
pub(crate) fn pack(stem: &[u32]) -> Option<u128> {
    if stem.len() > PACKED_CHARS {
        return None;
    }
    let mut key = 0u128;
    for &c in stem {
        if c >= 0x1F_FFFF {
            return None; // (never: a code point is at most 0x10FFFF)
        }
        key = (key << 21) | (c as u128 + 1);
    }
    Some(key)
}

impl StemSet {
    /// An empty set with room for `n` stems.
    pub fn with_capacity(n: usize) -> Self {
        StemSet { packed: HashSet::with_capacity_and_hasher(n, Default::default()), long: HashSet::default() }
    }

    /// Adds stems packed by [`Table::stem_keys`].
    pub fn extend_packed(&mut self, keys: &[u128]) {
        self.packed.extend(keys.iter().copied());
    }

    /// True when the set holds `stem`.
    #[inline]
    pub fn contains(&self, stem: &[u32]) -> bool {
        match pack(stem) {
            Some(key) => self.packed.contains(&key),
            None => self.long.contains(stem),
        }
    }
}

/// A fixed set of short words (code points), asked about slices of a line: the word lists, looked
/// up for every word of every line. Open addressing, a quarter full, over a hash taken a code point
/// at a time; a slot holds 1 + the word's index (0: empty) and the word's hash, checked before the
/// words are compared. A bit for each slot says whether a word of the set has it for its first:
/// most words of a line are not in the set and are answered by that bit alone, from a bitmap of a
/// few hundred bytes that stays in the cache between lines (the slots' 32 KB do not, in a run).
/// (`HashSet<Vec<u32>>` hashed the slice's bytes in 8-byte chunks and compared every candidate
/// with `memcmp`: replaying the benchmark corpus's calls, `describe` took 75 us a document with
/// it, 70 with this; in a one-worker clean, CPU time, 90 and 84.)
#[derive(Debug, Clone)]
pub struct WordSet {
    /// Bit `i` (of word `i / 64`): some word of the set has slot `i` for its first.
    firsts: Vec<u64>,
    /// `(1 + index, hash)` of the word in each slot; index 0 for an empty slot.
    slots: Vec<(u32, u32)>,
    /// The words' code points, one after the other.
    chars: Vec<u32>,
    /// Where each word starts in `chars`, and where the last ends.
    starts: Vec<usize>,
    /// The bits of the hash that pick a slot (the top ones: the best mixed).
    shift: u32,
    /// The most code points of a word: a longer one is not looked up.
    max: usize,
}

impl WordSet {
    /// The set of `words` (repeats allowed).
    pub fn new<I: IntoIterator<Item = Vec<u32>>>(words: I) -> WordSet {
        let mut unique: Vec<Vec<u32>> = words.into_iter().collect();
        unique.sort_unstable();
        unique.dedup();
        // A quarter full at most: a missing word (most of a line's) mostly meets an empty slot.
        let size = (unique.len() * 4).next_power_of_two().max(64); // (a word of bits at least)
        let shift = 64 - size.trailing_zeros();
        let mut set = WordSet { firsts: vec![0; size / 64], slots: vec![(0, 0); size], chars: Vec::new(), starts: vec![0], shift, max: 0 };
        for (k, word) in unique.iter().enumerate() {
            let h = word_hash(word);
            let mut i = set.slot(h);
            set.firsts[i / 64] |= 1 << (i % 64);
            while set.slots[i].0 != 0 {
                i = (i + 1) & (size - 1);
            }
            set.slots[i] = (k as u32 + 1, h as u32);
            set.chars.extend_from_slice(word);
            set.starts.push(set.chars.len());
            set.max = set.max.max(word.len());
        }
        set
    }

    #[inline]
    fn slot(&self, hash: u64) -> usize {
        (hash >> self.shift) as usize
    }

    /// The most code points of a word of the set.
    pub fn max_len(&self) -> usize {
        self.max
    }

    /// True when `word` is one of the set's.
    #[inline]
    pub fn contains(&self, word: &[u32]) -> bool {
        self.contains_hashed(word, word_hash(word))
    }

    /// True when `word`, whose [`word_hash`] is `h`, is one of the set's: for a caller that took the
    /// hash as it cut the word ([`Table::describe_with`]), without a second pass over its characters.
    #[inline(always)]
    pub fn contains_hashed(&self, word: &[u32], h: u64) -> bool {
        if word.len() > self.max {
            return false;
        }
        let (mask, mut i) = (self.slots.len() - 1, self.slot(h));
        if self.firsts[i / 64] & (1 << (i % 64)) == 0 {
            return false;
        }
        loop {
            let (index, tag) = self.slots[i];
            if index == 0 {
                return false;
            }
            if tag == h as u32 {
                let k = index as usize - 1;
                // Compared a code point at a time: the words are short, and the slices' `==` is a call (`memcmp`).
                let known = &self.chars[self.starts[k]..self.starts[k + 1]];
                if known.len() == word.len() && known.iter().zip(word).all(|(a, b)| a == b) {
                    return true;
                }
            }
            i = (i + 1) & mask;
        }
    }
}

/// The hash of a word for [`WordSet`]: FxHash's step over each code point, then over its length
/// (last, so that a caller can hash a word as it reads it, before it knows where the word ends).
#[inline]
fn word_hash(word: &[u32]) -> u64 {
    hash_end(word.iter().fold(0, |h, &c| hash_step(h, c)), word.len())
}

/// One step of [`word_hash`]: `h` mixed with the code point `c`.
#[inline(always)]
fn hash_step(h: u64, c: u32) -> u64 {
    (h.rotate_left(5) ^ c as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// The last step of [`word_hash`]: the hash of a word's characters mixed with its length.
#[inline(always)]
fn hash_end(h: u64, len: usize) -> u64 {
    (h.rotate_left(5) ^ len as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// `str.isalnum()`.
pub const ALNUM: u32 = 1;
/// `str.isdecimal()` (re's `\d`).
pub const DECIMAL: u32 = 2;
/// `str.isspace()` (re's `\s`, `str.split()`).
pub const SPACE: u32 = 4;
/// `str.isalpha()`.
pub const ALPHA: u32 = 8;
/// `str.lower()` of the character depends on its neighbours (the capital sigma).
pub const CONTEXT: u32 = 16;
/// re's `\w` (`ALNUM` or `_`): set by the table itself, so that the tokenisers read one flag.
pub const WORD: u32 = 32;
/// A character of a script written without spaces (`is_cjk`): set by the table itself.
pub const CJK: u32 = 64;
/// [`Table::lower_collapsed`] leaves the character to the long way: its lower-case is several
/// characters or depends on its neighbours, or it is white space other than `' '`. Set by the
/// table itself (one test a character where there were four).
pub const LONG_WAY: u32 = 128;
/// A letter or a mark: Unicode category L* or M* (`unicodedata.category(c)[0] in "LM"`, the
/// enclosing marks too), what a long-word sentence counts (`mark.TERSE_PROSE_LETTERS`).
pub const LETTER_OR_MARK: u32 = 256;
/// A character of a script of South-East Asia written without spaces (`is_unspaced`): set by the
/// table itself, so that `describe` reads it off a word's first character's flags (a range test
/// of three ranges a word before).
pub const UNSPACED: u32 = 512;
/// The `lower` entry marking a character that lower-cases to several (`İ`: `i̇`).
pub const MULTI: u32 = u32::MAX;

/// A sentence ends with one of these (`line_shapes._ENDS`), the danda of Devanagari and Bengali
/// (`।`, `॥`), the Arabic question mark (`؟`), the Urdu full stop (`۔`) and the stops of Ethiopic
/// (`።`, `፧`), Khmer (`។`, `៕`), Myanmar (`။`), Armenian (`։`) and Tibetan (the shad `།` and its double `༎`)
/// among them ...
pub const ENDS: [u32; 19] = [
    '.' as u32, '!' as u32, '?' as u32, '…' as u32, '。' as u32, '！' as u32, '？' as u32, 0x0964, 0x0965, 0x061F, 0x06D4, 0x1362, 0x1367,
    0x17D4, 0x17D5, 0x104B, 0x0589, 0x0F0D, 0x0F0E,
];
/// ... then maybe closing quotes or brackets (`line_shapes._CLOSERS`).
const CLOSERS: [u32; 7] = ['"' as u32, '\'' as u32, '”' as u32, '’' as u32, '»' as u32, ')' as u32, ']' as u32];

/// A script written without spaces (`line_shapes._CJK`): kana, CJK ideographs and their extensions.
#[inline]
pub fn is_cjk(c: u32) -> bool {
    (0x3040..=0x30FF).contains(&c) || (0x3400..=0x4DBF).contains(&c) || (0x4E00..=0x9FFF).contains(&c) || (0xF900..=0xFAFF).contains(&c)
}

/// A script of South-East Asia written without spaces between its words (`line_shapes._UNSPACED`): Thai
/// (U+0E00-U+0E7F), Lao (U+0E80-U+0EFF), Myanmar (U+1000-U+109F) and Khmer (U+1780-U+17FF). A space there
/// ends a phrase, so a run of its characters is a phrase of several words (`UNSPACED_CHARS_PER_WORD`).
#[inline]
pub fn is_unspaced(c: u32) -> bool {
    (0x0E00..=0x0EFF).contains(&c) || (0x1000..=0x109F).contains(&c) || (0x1780..=0x17FF).contains(&c)
}

/// True for a Hangul syllable (U+AC00-U+D7A3): two or three letters (jamo) each, so a Korean word
/// of two syllables gives a stem (`line_shapes.STEM_CHARS`).
#[inline]
pub fn is_hangul(c: u32) -> bool {
    (0xAC00..=0xD7A3).contains(&c)
}

/// True when `text` holds a character of `is_cjk`. Looked for 32 characters at a time in the range
/// of them all, without a branch a character (`any` of `is_cjk` took 12 instructions a character,
/// as much as cutting the words), then exactly in a block where one is in the range.
#[inline]
pub fn has_cjk(text: &[u32]) -> bool {
    text.chunks(32).any(|block| block.iter().fold(false, |a, &c| a | (c.wrapping_sub(0x3040) <= 0xFAFF - 0x3040)) && block.iter().any(|&c| is_cjk(c)))
}

/// What `describe` reads off a line (`line_shapes.describe`'s constants).
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// `PROSE_ANY_WORDS`.
    pub prose_any_words: usize,
    /// `PROSE_MIN_WORDS`.
    pub prose_min_words: usize,
    /// `PROSE_MIN_STOPWORDS`.
    pub prose_min_stopwords: f64,
    /// `STEM_CHARS`.
    pub stem_chars: usize,
    /// `CJK_FUNCTION_SCALE`.
    pub cjk_function_scale: f64,
    /// `UNSPACED_CHARS_PER_WORD`.
    pub unspaced_chars_per_word: usize,
}

/// Python's answers about characters, and the word lists `describe` reads.
#[derive(Debug, Clone)]
pub struct Table {
    /// The flags of each character of the Basic Multilingual Plane (an array: read without a bounds check).
    flags: Box<[u32; 0x10000]>,
    /// Its `str.lower()` when that is one character, else `MULTI`.
    lower: Box<[u32; 0x10000]>,
    /// Characters above U+FFFF learnt so far: flags and lower-case (`MULTI` as above).
    astral: HashMap<u32, (u32, u32)>,
    /// `str.lower()` of the characters whose lower-case is several characters.
    multi: HashMap<u32, Vec<u32>>,
    /// `LINE_FUNCTION_WORDS`, as code points (looked up for each word of a line without making a string).
    function_words: WordSet,
    /// Words that give no stem (`line_shapes._NOT_STEMS`), as code points.
    not_stems: WordSet,
    /// `CJK_FUNCTION_CHARS`.
    cjk_function_chars: HashSet<u32>,
    /// `PREFIX_CLITICS`, as code points: a word that opens with one (and goes on for
    /// `clitic_min_rest` characters at least) holds a function word for the prose test.
    prefix_clitics: Vec<Vec<u32>>,
    /// The least and the most first character of a clitic (a word opening outside them holds none).
    clitic_firsts: (u32, u32),
    /// `SUFFIX_CLITICS`, as code points: a word that ends with one (after `clitic_min_rest`
    /// characters at least) holds a function word for the prose test.
    suffix_clitics: Vec<Vec<u32>>,
    /// The least and the most last character of a suffix clitic (a word ending outside them holds none).
    clitic_lasts: (u32, u32),
    /// `CLITIC_MIN_REST`.
    clitic_min_rest: usize,
    limits: Limits,
}

/// The shape of one line (`line_shapes.LineInfo`).
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// The line, whitespace collapsed.
    pub collapsed: Vec<u32>,
    /// Words (two CJK characters count as one).
    pub n_words: usize,
    /// Share of function words among the words.
    pub stop_share: f64,
    /// Long enough, with enough function words, to be article text.
    pub prose: bool,
    /// Ends like a sentence.
    pub sentence: bool,
}

impl Table {
    /// A table from Python's answers for the Basic Multilingual Plane.
    ///
    /// Errors: `flags` or `lower` does not hold 65,536 entries.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        flags: Vec<u32>,
        lower: Vec<u32>,
        multi: HashMap<u32, Vec<u32>>,
        function_words: HashSet<String>,
        not_stems: HashSet<String>,
        cjk_function_chars: HashSet<u32>,
        limits: Limits,
    ) -> Result<Table, crate::InputError> {
        if flags.len() != 0x10000 || lower.len() != 0x10000 {
            return Err(crate::InputError(format!(
                "the table needs 65536 flags and lower-cases, not {} and {}",
                flags.len(),
                lower.len()
            )));
        }
        let points = |words: HashSet<String>| WordSet::new(words.iter().map(|w| w.chars().map(|c| c as u32).collect()));
        let function_words = points(function_words);
        let not_stems = points(not_stems);
        let mut flags = flags;
        for (c, f) in flags.iter_mut().enumerate() {
            *f = with_own_flags(c as u32, *f);
        }
        for (c, f) in flags.iter_mut().enumerate() {
            if lower[c] == MULTI || *f & CONTEXT != 0 || (*f & SPACE != 0 && c != ' ' as usize) {
                *f |= LONG_WAY;
            }
        }
        // (The lengths were checked above.)
        let bmp = |v: Vec<u32>| -> Box<[u32; 0x10000]> { v.into_boxed_slice().try_into().expect("65536 entries") };
        let (flags, lower) = (bmp(flags), bmp(lower));
        Ok(Table {
            flags,
            lower,
            astral: HashMap::new(),
            multi,
            function_words,
            not_stems,
            cjk_function_chars,
            prefix_clitics: Vec::new(),
            clitic_firsts: (1, 0),
            suffix_clitics: Vec::new(),
            clitic_lasts: (1, 0),
            clitic_min_rest: 0,
            limits,
        })
    }

    /// The table with `prefixes` for its prefix clitics (`PREFIX_CLITICS`) and `suffixes` for its
    /// suffix clitics (`SUFFIX_CLITICS`), none before, each a word's own when `min_rest`
    /// characters at least follow a prefix or precede a suffix (`CLITIC_MIN_REST`).
    pub fn with_clitics(mut self, prefixes: &[String], suffixes: &[String], min_rest: usize) -> Table {
        let code_points = |list: &[String]| -> Vec<Vec<u32>> {
            list.iter().filter(|c| !c.is_empty()).map(|c| c.chars().map(|ch| ch as u32).collect()).collect()
        };
        // The least and the most of one character of each clitic ((1, 0), an empty range, for none).
        let range = |ends: Vec<u32>| (ends.iter().copied().min().unwrap_or(1), ends.iter().copied().max().unwrap_or(0));
        self.prefix_clitics = code_points(prefixes);
        self.clitic_firsts = range(self.prefix_clitics.iter().map(|c| c[0]).collect());
        self.suffix_clitics = code_points(suffixes);
        self.clitic_lasts = range(self.suffix_clitics.iter().map(|c| c[c.len() - 1]).collect());
        self.clitic_min_rest = min_rest;
        self
    }

    /// True when `word` opens with a prefix clitic and goes on for `clitic_min_rest` characters
    /// at least, or ends with a suffix clitic after that many (`shapes_reference.holds_clitic`).
    #[inline]
    fn holds_clitic(&self, word: &[u32]) -> bool {
        let fits = |c: &Vec<u32>| word.len() >= c.len() + self.clitic_min_rest;
        let within = |c: Option<&u32>, (lo, hi): (u32, u32)| matches!(c, Some(&c) if lo <= c && c <= hi);
        (within(word.first(), self.clitic_firsts) && self.prefix_clitics.iter().any(|p| fits(p) && word.starts_with(p)))
            || (within(word.last(), self.clitic_lasts) && self.suffix_clitics.iter().any(|p| fits(p) && word.ends_with(p)))
    }

    /// True when the table knows the character (every one of the BMP, those above once learnt).
    pub fn knows(&self, c: u32) -> bool {
        c <= 0xFFFF || self.astral.contains_key(&c)
    }

    /// Learns a character above the BMP: its flags and its `str.lower()`.
    pub fn learn(&mut self, c: u32, flags: u32, lower: Vec<u32>) {
        let one = if lower.len() == 1 { lower[0] } else { MULTI };
        if one == MULTI {
            self.multi.insert(c, lower);
        }
        self.astral.insert(c, (with_own_flags(c, flags), one));
    }

    /// The character's flags (0 for one above the BMP not learnt: no class).
    #[inline]
    pub fn flags(&self, c: u32) -> u32 {
        if c <= 0xFFFF {
            self.flags[c as usize]
        } else {
            self.astral_flags(c)
        }
    }

    /// The flags of a character above the BMP (0 when not learnt): out of the callers' loops, which
    /// then keep their registers (inlined, its hashing spilled them a character).
    #[cold]
    #[inline(never)]
    fn astral_flags(&self, c: u32) -> u32 {
        self.astral.get(&c).map_or(0, |e| e.0)
    }

    /// re's `\w`: `str.isalnum()` or `_`.
    #[inline]
    pub fn is_word(&self, c: u32) -> bool {
        self.flags(c) & WORD != 0
    }

    /// re's `[^\W\d_]`: a word character that is neither a digit nor `_`.
    #[inline]
    pub fn is_letter(&self, c: u32) -> bool {
        c != '_' as u32 && self.flags(c) & (ALNUM | DECIMAL) == ALNUM
    }

    /// `" ".join(text.split())`.
    pub fn collapse(&self, text: &[u32]) -> Vec<u32> {
        let mut out = Vec::with_capacity(text.len());
        for &c in text {
            if self.flags(c) & SPACE != 0 {
                if out.last().map_or(false, |&l| l != ' ' as u32) {
                    out.push(' ' as u32);
                }
            } else {
                out.push(c);
            }
        }
        if out.last() == Some(&(' ' as u32)) {
            out.pop();
        }
        out
    }

    /// True when `collapse(text)` is `text` itself.
    pub fn is_collapsed(&self, text: &[u32]) -> bool {
        let space = ' ' as u32;
        if text.first() == Some(&space) || text.last() == Some(&space) {
            return false;
        }
        let mut previous = 0;
        for &c in text {
            if (c == space && previous == space) || (c != space && self.flags(c) & SPACE != 0) {
                return false;
            }
            previous = c;
        }
        true
    }

    /// `str.lower()` of `text` when `text` is collapsed ([`Table::is_collapsed`]), within the Basic
    /// Multilingual Plane, and every character of it lowers to one whose lower-case does not
    /// depend on its neighbours; else None (the caller takes the long way: [`Table::collapse`],
    /// [`Table::lower`]). One pass with no branch a character but the loop's, where `describe`
    /// made two: the benchmark corpus's lines are nearly all such lines.
    pub fn lower_collapsed(&self, text: &[u32]) -> Option<Vec<u32>> {
        let space = ' ' as u32;
        if text.first() == Some(&space) || text.last() == Some(&space) {
            return None;
        }
        // A space after a space, looked for in a pass of its own with no branch (many characters at
        // a time): in the pass below, it was 6 of its 13 instructions a character (callgrind).
        let n = text.len();
        if n > 1 && text[..n - 1].iter().zip(&text[1..]).fold(false, |a, (&x, &y)| a | ((x == space) & (y == space))) {
            return None;
        }
        // Slices of the BMP's length: a character masked to 16 bits is read without a bounds check.
        let (flags, lower) = (&self.flags, &self.lower);
        // Or-ed together: the flags (`LONG_WAY`) and the characters (a bit above 16: one above the BMP).
        let (mut long, mut every) = (0, 0);
        let out: Vec<u32> = text
            .iter()
            .map(|&c| {
                long |= flags[(c & 0xFFFF) as usize];
                every |= c;
                lower[(c & 0xFFFF) as usize]
            })
            .collect();
        (long & LONG_WAY == 0 && every <= 0xFFFF).then_some(out)
    }

    /// `str.lower()` of `text`, or None when the line holds a character whose lower-case depends
    /// on its neighbours (the caller asks Python).
    pub fn lower(&self, text: &[u32]) -> Option<Vec<u32>> {
        let mut out = Vec::with_capacity(text.len());
        self.lower_into(text, &mut out).then_some(out)
    }

    /// Appends `str.lower()` of `text` to `out` and returns true, or returns false when the line
    /// holds a character whose lower-case depends on its neighbours (`out` then holds part of it).
    pub fn lower_into(&self, text: &[u32], out: &mut Vec<u32>) -> bool {
        // First one pass with no branch a character but the loop's, as `lower_collapsed`'s: a line within
        // the BMP whose every character lowers to one by itself (nearly all) is done. Issue 18: the lines
        // an article reads that `describe` did not give lately (the re-mark pass's, read from the stored
        // shapes) are lowered here: the loop below took 10,700 instructions a line of the benchmark corpus,
        // this pass 5,000 (a clean of 20,000 paragraphs, one worker, 4,151 such lines: 44.4 M -> 20.6 M, callgrind).
        let base = out.len();
        let (flags, lower) = (&self.flags, &self.lower);
        let (mut long, mut every) = (0, 0);
        out.extend(text.iter().map(|&c| {
            long |= flags[(c & 0xFFFF) as usize];
            every |= c;
            lower[(c & 0xFFFF) as usize]
        }));
        if long & LONG_WAY == 0 && every <= 0xFFFF {
            return true;
        }
        // The long way (`LONG_WAY` also takes white space other than ' ', which this loop lowers as any character).
        out.truncate(base);
        for &c in text {
            let (flags, lower) = if c <= 0xFFFF {
                (self.flags[c as usize], self.lower[c as usize])
            } else {
                self.astral.get(&c).copied().unwrap_or((0, c))
            };
            if flags & CONTEXT != 0 {
                return false;
            }
            if lower == MULTI {
                out.extend_from_slice(self.multi.get(&c).map_or(&[c][..], |m| &m[..]));
            } else {
                out.push(lower);
            }
        }
        true
    }

    /// `re.sub(r"\d+", "0", text)`.
    pub fn mask_digits(&self, text: &[u32]) -> Vec<u32> {
        let mut out = Vec::with_capacity(text.len());
        let mut in_digits = false;
        for &c in text {
            if self.flags(c) & DECIMAL != 0 {
                if !in_digits {
                    out.push('0' as u32);
                }
                in_digits = true;
            } else {
                out.push(c);
                in_digits = false;
            }
        }
        out
    }

    /// Appends `mask_digits(text)` to `out` as UTF-8 (lone surrogates as their three bytes, as
    /// [`utf8_into`]): a frequency key from a line lower-cased, in the form its hash reads.
    pub fn mask_digits_utf8(&self, text: &[u32], out: &mut Vec<u8>) {
        out.reserve(text.len());
        let mut in_digits = false;
        for &c in text {
            self.push_masked(c, &mut in_digits, out);
        }
    }

    /// Appends `c` to `out` as UTF-8, or `0` for the first of a run of decimal digits.
    #[inline(always)]
    fn push_masked(&self, c: u32, in_digits: &mut bool, out: &mut Vec<u8>) {
        if self.flags(c) & DECIMAL != 0 {
            if !*in_digits {
                out.push(b'0');
            }
            *in_digits = true;
        } else {
            push_utf8(c, out);
            *in_digits = false;
        }
    }

    /// Appends `mask_digits(lower(collapse(text)))` (`frequency_key`) to `out` as UTF-8, in one pass
    /// without a buffer between the steps, and returns true; or returns false when the line holds a
    /// character whose lower-case depends on its neighbours (`out` then holds part of it).
    pub fn key_utf8(&self, text: &[u32], out: &mut Vec<u8>) -> bool {
        out.reserve(text.len());
        // A space is written before the next character that is not one, when one came before: a
        // run of white space is one space, none at either end (`collapse`).
        let (mut any, mut space, mut in_digits) = (false, false, false);
        for &c in text {
            let (flags, lower) = if c <= 0xFFFF { (self.flags[c as usize], self.lower[c as usize]) } else { self.astral.get(&c).copied().unwrap_or((0, c)) };
            if flags & SPACE != 0 {
                space = any;
                continue;
            }
            if flags & CONTEXT != 0 {
                return false;
            }
            if space {
                out.push(b' ');
                space = false;
                in_digits = false;
            }
            any = true;
            if lower == MULTI {
                for &l in self.multi.get(&c).map_or(&[c][..], |m| &m[..]) {
                    self.push_masked(l, &mut in_digits, out);
                }
            } else {
                self.push_masked(lower, &mut in_digits, out);
            }
        }
        true
    }

    /// The number of runs of word characters, counted up to `limit`.
    ///
    /// Counted 16 characters at a time with no branch a character (the run's starts added up, each
    /// character's flags read masked to the BMP), and exactly ([`Table::word_runs_exact`]) when a
    /// block holds a character above it. In a one-worker clean of the benchmark corpus's first
    /// 1,000 documents (callgrind, branch simulation), `has_fewer_words` ran 14.8 M conditional
    /// branches, 861 K of them mispredicted (a word's start or end), a character at a time; 4.3 M
    /// and 422 K so, in 66 M instructions instead of 70 M.
    fn word_runs(&self, text: &[u32], limit: usize) -> usize {
        let flags = &self.flags[..];
        if flags.len() != 0x10000 || limit == 0 {
            return self.word_runs_exact(text, limit); // (`Table::new` checks the table's length)
        }
        let (mut runs, mut inside) = (0usize, 0u32);
        for block in text.chunks(16) {
            let mut every = 0;
            for &c in block {
                every |= c;
                let word = (flags[(c & 0xFFFF) as usize] & WORD) >> WORD.trailing_zeros();
                runs += (word & !inside) as usize;
                inside = word;
            }
            if every > 0xFFFF {
                return self.word_runs_exact(text, limit);
            }
            if runs >= limit {
                return limit;
            }
        }
        runs
    }

    /// [`Table::word_runs`] a character at a time.
    fn word_runs_exact(&self, text: &[u32], limit: usize) -> usize {
        let mut runs = 0;
        let mut inside = false;
        for &c in text {
            let w = self.is_word(c);
            if w && !inside {
                runs += 1;
                if runs >= limit {
                    return runs;
                }
            }
            inside = w;
        }
        runs
    }

    /// The words of `text` as `(start, end)` spans: `re.findall(r"\w+")`, or with CJK
    /// `re.findall(r"[CJK]{1,2}|[^\W CJK]+")` (`line_shapes._CJK_TOKENS`), and whether it holds CJK.
    pub fn word_spans(&self, text: &[u32]) -> (Vec<(usize, usize)>, bool) {
        let mut spans = Vec::with_capacity(text.len() / 4);
        let cjk = self.for_each_word(text, |s, e, _| spans.push((s, e)));
        (spans, cjk)
    }

    /// Calls `found(start, end, letters)` for each word of `text` in order (the spans of
    /// [`Table::word_spans`]; `letters`: [`Table::is_letter_word`] of it, read in the same pass)
    /// and returns whether `text` holds CJK.
    pub fn for_each_word(&self, text: &[u32], found: impl FnMut(usize, usize, bool)) -> bool {
        let cjk = has_cjk(text);
        // (The hash is not read: the compiler leaves out its steps.)
        let mut spans = Spans(found);
        // A line of the BMP read as `describe_with` reads it (its flags without a test a character). Issue 18:
        // the lines an article reads that `describe` did not give lately are cut here (`add_letter_words_at`):
        // 10,770 instructions a line of the benchmark corpus before, 9,530 now (the clean above: 44.7 M -> 39.6 M).
        if cjk {
            self.cut_words::<true, false>(text, &mut spans);
        } else if text.iter().fold(0, |a, &c| a | c) <= 0xFFFF {
            self.cut_words::<false, true>(text, &mut spans);
        } else {
            self.cut_words::<false, false>(text, &mut spans);
        }
        cjk
    }

    /// [`Table::for_each_word`] of a line that holds CJK when `CJK_LINE` (`has_cjk`), and only
    /// characters of the Basic Multilingual Plane when `BMP`, with the [`word_hash`] of each word,
    /// taken as its characters are read, and the flags of its first character:
    /// `found(start, end, letters, hash, first_flags)`.
    ///
    /// `found` is called at one place, and inlined there ([`WordSink`]): a call a word was 90
    /// instructions a word of `describe`'s (callgrind), its counts read and written through pointers.
    /// Made for each kind of line (the two constants), the loop reads the flags of a line of the BMP
    /// without a test a character, and tests a character against `WORD` alone without CJK.
    #[inline(always)]
    fn cut_words<const CJK_LINE: bool, const BMP: bool>(&self, text: &[u32], found: &mut impl WordSink) {
        // Without CJK no character is a pair's: a word is a run of word characters.
        let solo = if CJK_LINE { CJK } else { 0 };
        // A character of the BMP masked to 16 bits: read without a bounds check.
        let flags = |c: u32| if BMP { self.flags[(c & 0xFFFF) as usize] } else { self.flags(c) };
        let n = text.len();
        let mut i = 0;
        while i < n {
            let c = text[i];
            let f = flags(c);
            if f & (WORD | solo) == 0 {
                i += 1;
                continue;
            }
            let (start, first) = (i, f);
            let (letters, hash);
            if f & solo != 0 {
                let end = if i + 1 < n && is_cjk(text[i + 1]) { i + 2 } else { i + 1 };
                letters = f & ALPHA != 0 && (end == i + 1 || flags(text[i + 1]) & ALPHA != 0);
                hash = word_hash(&text[i..end]);
                i = end;
            } else {
                let (end, every, h) = self.run_end::<CJK_LINE, BMP>(text, i, f);
                i = end;
                letters = every & ALPHA != 0;
                hash = hash_end(h, i - start);
            }
            found.word(start, i, letters, hash, first);
        }
    }

    /// The end of the run of word characters (not CJK in a line of `CJK_LINE`) that opens at `start`
    /// with a character of flags `f`, the flags of its characters and-ed together, and the steps of
    /// [`word_hash`] over them ([`Table::cut_words`]'s).
    ///
    /// Not inlined: in the loop of `describe`, whose counts took the registers, it read its table,
    /// text and constants from the stack, 16 instructions a character where this takes 11 (callgrind).
    #[inline(never)]
    fn run_end<const CJK_LINE: bool, const BMP: bool>(&self, text: &[u32], start: usize, f: u32) -> (usize, u32, u64) {
        let solo = if CJK_LINE { CJK } else { 0 };
        // The flags of every character and-ed together: one `and` a character for "letters only".
        let (mut every, mut h) = (f, hash_step(0, text[start]));
        let mut i = start + 1;
        while i < text.len() {
            let c = text[i];
            let f = if BMP { self.flags[(c & 0xFFFF) as usize] } else { self.flags(c) };
            if f & (WORD | solo) != WORD {
                break;
            }
            every &= f;
            h = hash_step(h, c);
            i += 1;
        }
        (i, every, h)
    }

    /// `has_fewer_words(text, limit)`: `count_words(text) < limit`.
    pub fn has_fewer_words(&self, text: &[u32], limit: usize) -> bool {
        if text.len() < limit {
            return true;
        }
        if self.word_runs(text, limit) >= limit {
            return false;
        }
        !has_cjk(text) || self.word_spans(text).0.len() < limit
    }

    /// True when `text` holds a letter (re's `[^\W\d_]`).
    pub fn has_letter(&self, text: &[u32]) -> bool {
        text.iter().any(|&c| self.is_letter(c))
    }

    /// The shape of a line from its collapsed text and that text lower-cased (`describe`).
    pub fn describe(&self, collapsed: Vec<u32>, lowered: &[u32]) -> Shape {
        self.describe_with(collapsed, lowered, |_, _| {})
    }

    /// [`Table::describe`], and `letter_word(start, end)` called for each word of `lowered` that is
    /// letters only, in order (the words [`Table::add_letter_words_at`] finds), in the same pass.
    pub fn describe_with(&self, collapsed: Vec<u32>, lowered: &[u32], letter_word: impl FnMut(usize, usize)) -> Shape {
        let sentence = ends_sentence(&collapsed);
        let mut counts = WordCounts { table: self, lowered, sentence, n: 0, function: 0, clitic: 0, long_words: 0, unspaced: false, letter_word };
        let cjk = has_cjk(lowered);
        // (An or of the characters, many at a time: above U+FFFF only when one of them is.)
        let bmp = lowered.iter().fold(0, |a, &c| a | c) <= 0xFFFF;
        if cjk {
            self.cut_words::<true, false>(lowered, &mut counts);
        } else if bmp {
            self.cut_words::<false, true>(lowered, &mut counts);
        } else {
            self.cut_words::<false, false>(lowered, &mut counts);
        }
        let (stop, prose) = counts.verdict(cjk);
        Shape { collapsed, n_words: counts.n, stop_share: stop, prose, sentence }
    }

    /// The words of a line lower-cased (`describe`'s: `word_spans`), as strings: for the tests' oracle.
    pub fn words(&self, lowered: &[u32]) -> Vec<String> {
        self.word_spans(lowered).0.iter().map(|&(s, e)| string_of(&lowered[s..e])).collect()
    }

    /// `_cjk_function_share`: the share of the CJK characters that are function characters or
    /// hiragana, times the scale, at most 1.
    fn cjk_function_share(&self, lowered: &[u32]) -> f64 {
        let (mut chars, mut function) = (0usize, 0usize);
        for &c in lowered.iter().filter(|&&c| is_cjk(c)) {
            chars += 1;
            if self.cjk_function_chars.contains(&c) || (0x3040..=0x309F).contains(&c) {
                function += 1;
            }
        }
        if chars == 0 {
            return 0.0;
        }
        // Python's `CJK_FUNCTION_SCALE * function / len(chars)`: the product first.
        f64::min(1.0, self.limits.cjk_function_scale * function as f64 / chars as f64)
    }

    /// The stems of a line lower-cased, sorted, each once (`LineInfo.stems`, the plain `stems_of` of its
    /// words that are not function or common words): the first `stem_chars` letters of each
    /// letters-only word of 4 or more (2 or more starting with a Hangul syllable), and the
    /// two-character words that start with CJK.
    pub fn stems(&self, lowered: &[u32]) -> Vec<Vec<u32>> {
        let mut stems = Vec::new();
        self.add_stems(lowered, &mut stems);
        stems.sort_unstable();
        stems.dedup();
        stems
    }

    /// Appends the stems of a line lower-cased to `stems` (unsorted, maybe twice).
    pub fn add_stems(&self, lowered: &[u32], stems: &mut Vec<Vec<u32>>) {
        self.for_each_word(lowered, |s, e, letters| {
            let w = &lowered[s..e];
            // Python adds the pairs starting with CJK when any pair holds CJK: the same pairs.
            let stem = w.len() >= 4 || (w.len() == 2 && is_cjk(w[0])) || (w.len() >= 2 && is_hangul(w[0]));
            if stem && letters && !self.not_stems.contains(w) {
                stems.push(w[..w.len().min(self.limits.stem_chars)].to_vec());
            }
        });
    }
}

impl Table {
    /// True when `word` is letters only (a word that can give a stem).
    pub fn is_letter_word(&self, word: &[u32]) -> bool {
        !word.is_empty() && word.iter().all(|&c| self.flags(c) & ALPHA != 0)
    }

    /// Appends a line lower-cased to `text` and the `(start, end)` position in `text` of each of
    /// its words that is letters only (a word that can give a stem) to `words`.
    pub fn add_letter_words(&self, lowered: &[u32], text: &mut Vec<u32>, words: &mut Vec<(usize, usize)>) {
        let base = text.len();
        text.extend_from_slice(lowered);
        self.add_letter_words_at(text, base, words);
    }

    /// Adds the `(start, end)` position of each word of `text[base..]` (a line lower-cased) that
    /// is letters only to `words` (see [`Table::add_letter_words`]; the line lowered in place).
    pub fn add_letter_words_at(&self, text: &[u32], base: usize, words: &mut Vec<(usize, usize)>) {
        let line = &text[base..];
        self.for_each_word(line, |s, e, letters| {
            if letters {
                words.push((base + s, base + e));
            }
        });
    }

    /// True when a word of `text` (one of its `words`, from [`Table::add_letter_words`]) that is not
    /// a function or common word has `stem` for its first `stem_chars` letters (longer than
    /// `stem` only when `stem` has them all).
    pub fn has_stem(&self, text: &[u32], words: &[(usize, usize)], stem: &[u32]) -> bool {
        let (n, full) = (stem.len(), self.limits.stem_chars);
        if n == 0 || n > full {
            return false;
        }
        // The first letter first: most words differ there, and it is one comparison (the slice's is a call).
        let first = stem[0];
        words.iter().any(|&(s, e)| {
            text[s] == first
                && (e - s == n || (n == full && e - s > n))
                && text[s..s + n] == *stem
                && !self.not_stems.contains(&text[s..e])
        })
    }

    /// The stems of the words of `text` (its `words`, from [`Table::add_letter_words`]): every stem
    /// [`Table::has_stem`] answers yes to.
    pub fn stem_set(&self, text: &[u32], words: &[(usize, usize)]) -> StemSet {
        let mut out = StemSet::with_capacity(words.len());
        self.add_stems_to(text, words, &mut out);
        out
    }

    /// The stem of each word of `text` (its `words`) that gives one, packed ([`pack`]): the stems
    /// [`Table::add_stems_to`] adds, found once a line; a word has a stem when [`Table::has_stem`] finds
    /// one of the keys in them. None when a stem does not pack (a `stem_chars` over `PACKED_CHARS`).
    pub fn stem_keys(&self, text: &[u32], words: &[(usize, usize)]) -> Option<Vec<u128>> {
        let mut keys = Vec::with_capacity(words.len());
        for &(s, e) in words {
            if !self.not_stems.contains(&text[s..e]) {
                keys.push(pack(&text[s..(s + self.limits.stem_chars).min(e)])?);
            }
        }
        Some(keys)
    }

    /// Adds the stems of the words of `text` (its `words`) to `out` (see [`Table::stem_set`]).
    pub fn add_stems_to(&self, text: &[u32], words: &[(usize, usize)], out: &mut StemSet) {
        for &(s, e) in words {
            let stem = &text[s..(s + self.limits.stem_chars).min(e)];
            match pack(stem) {
                Some(key) => {
                    if !out.packed.contains(&key) && !self.not_stems.contains(&text[s..e]) {
                        out.packed.insert(key);
                    }
                }
                None => {
                    if !out.long.contains(stem) && !self.not_stems.contains(&text[s..e]) {
                        out.long.insert(stem.to_vec());
                    }
                }
            }
        }
    }
}

/// What [`Table::cut_words`] tells of each word: `word(start, end, letters, hash, first_flags)`
/// (letters only; its [`word_hash`]; the flags of its first character). Inlined into the loop that
/// cuts the words (a closure made a call a word there, called from the loop of each kind of line).
trait WordSink {
    fn word(&mut self, start: usize, end: usize, letters: bool, hash: u64, first: u32);
}

/// [`Table::for_each_word`]'s sink: `found(start, end, letters)`.
struct Spans<F>(F);

impl<F: FnMut(usize, usize, bool)> WordSink for Spans<F> {
    #[inline(always)]
    fn word(&mut self, start: usize, end: usize, letters: bool, _: u64, _: u32) {
        (self.0)(start, end, letters);
    }
}

/// [`Table::describe_with`]'s counts of a line's words, made as they are cut (no list of them:
/// most of `describe`'s lines are long), and `letter_word(start, end)` for each letters-only word.
struct WordCounts<'a, F> {
    table: &'a Table,
    lowered: &'a [u32],
    /// The line ends like a sentence: only then does a clitic count.
    sentence: bool,
    n: usize,
    function: usize,
    clitic: usize,
    /// The words the prose test counts: a phrase of an unspaced script is one per
    /// `unspaced_chars_per_word` of its characters (at least one).
    long_words: usize,
    unspaced: bool,
    letter_word: F,
}

impl<F: FnMut(usize, usize)> WordSink for WordCounts<'_, F> {
    #[inline(always)]
    fn word(&mut self, s: usize, e: usize, letters: bool, hash: u64, first: u32) {
        let (table, word) = (self.table, &self.lowered[s..e]);
        self.n += 1;
        let phrase = first & UNSPACED != 0;
        self.unspaced |= phrase;
        self.long_words += if phrase { usize::max(1, (e - s) / table.limits.unspaced_chars_per_word) } else { 1 };
        let is_function = table.function_words.contains_hashed(word, hash);
        self.function += is_function as usize;
        // (Read only for a sentence: no clitic counts in a line that does not end like one.)
        self.clitic += (self.sentence && !is_function && table.holds_clitic(word)) as usize;
        if letters {
            (self.letter_word)(s, e);
        }
    }
}

impl<F> WordCounts<'_, F> {
    /// The line's function-word share and whether it is prose, from its counts (`cjk`: it holds CJK).
    fn verdict(&self, cjk: bool) -> (f64, bool) {
        let WordCounts { table, lowered, sentence, n, function, clitic, long_words, unspaced, .. } = *self;
        // A sentence of a language that writes its articles and prepositions onto the next word
        // (Hebrew, Arabic) or its particles onto the end of the word (Korean) counts those words
        // too (a sentence's only: no menu or label changes, and a menu line does not end like one).
        let stop = if cjk {
            table.cjk_function_share(lowered)
        } else if n > 0 {
            (function + if sentence { clitic } else { 0 }) as f64 / n as f64
        } else {
            0.0
        };
        let l = &table.limits;
        // A sentence's word that holds a clitic is two words for its length ("두물머리는", "والأسعار"): a
        // Korean sentence of 9 words says what an English one says in 15 (`PROSE_MIN_WORDS`).
        // A line of an unspaced script is prose as a CJK one is: long enough, and ending like a sentence.
        let long = long_words + if sentence { clitic } else { 0 } >= l.prose_min_words;
        let prose = long_words >= l.prose_any_words || (long && (stop >= l.prose_min_stopwords || ((cjk || unspaced) && sentence)));
        (stop, prose)
    }
}

/// The flags Python gave a character with those the table adds: `WORD`, `CJK` and `UNSPACED`.
fn with_own_flags(c: u32, flags: u32) -> u32 {
    let word = if c == '_' as u32 || flags & ALNUM != 0 { WORD } else { 0 };
    flags | word | if is_cjk(c) { CJK } else { 0 } | if is_unspaced(c) { UNSPACED } else { 0 }
}

/// `ends_sentence`: `.!?…。！？।॥؟۔።፧។៕။։།༎` last, then maybe closing quotes or brackets.
pub fn ends_sentence(text: &[u32]) -> bool {
    let mut end = text.len();
    while end > 0 && CLOSERS.contains(&text[end - 1]) {
        end -= 1;
    }
    end > 0 && ENDS.contains(&text[end - 1])
}

/// A string of code points that are characters (the words: word characters are never surrogates).
fn string_of(cps: &[u32]) -> String {
    cps.iter().map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect()
}

/// `text.encode("utf-8", "surrogatepass")`: UTF-8, a lone surrogate as its three bytes.
pub fn utf8_into(cps: &[u32], out: &mut Vec<u8>) {
    for &c in cps {
        push_utf8(c, out);
    }
}

/// Appends one code point to `out` as UTF-8 (a lone surrogate as its three bytes).
#[inline(always)]
fn push_utf8(c: u32, out: &mut Vec<u8>) {
    if c < 0x80 {
        out.push(c as u8);
    } else if c < 0x800 {
        out.extend_from_slice(&[0xC0 | (c >> 6) as u8, 0x80 | (c & 0x3F) as u8]);
    } else if c < 0x10000 {
        out.extend_from_slice(&[0xE0 | (c >> 12) as u8, 0x80 | ((c >> 6) & 0x3F) as u8, 0x80 | (c & 0x3F) as u8]);
    } else {
        out.extend_from_slice(&[
            0xF0 | (c >> 18) as u8,
            0x80 | ((c >> 12) & 0x3F) as u8,
            0x80 | ((c >> 6) & 0x3F) as u8,
            0x80 | (c & 0x3F) as u8,
        ]);
    }
}

/// `hash64`: BLAKE2b with an 8-byte digest of the text's UTF-8 (surrogates passed), read little-endian.
pub fn hash64(cps: &[u32]) -> u64 {
    let mut bytes = Vec::with_capacity(cps.len() + 8);
    utf8_into(cps, &mut bytes);
    blake2b64(&bytes)
}

/// `hash64(a + "\n" + b)` of two keys given as UTF-8: the key of two adjacent lines
/// (`mark.pair_key`), the pair written in `buffer` (no allocation once it is large enough).
pub fn pair_hash(a: &[u8], b: &[u8], buffer: &mut Vec<u8>) -> u64 {
    buffer.clear();
    buffer.extend_from_slice(a);
    buffer.push(b'\n');
    buffer.extend_from_slice(b);
    blake2b64(buffer)
}

const IV: [u64; 8] = [
    0x6a09_e667_f3bc_c908,
    0xbb67_ae85_84ca_a73b,
    0x3c6e_f372_fe94_f82b,
    0xa54f_f53a_5f1d_36f1,
    0x510e_527f_ade6_82d1,
    0x9b05_688c_2b3e_6c1f,
    0x1f83_d9ab_fb41_bd6b,
    0x5be0_cd19_137e_2179,
];

const SIGMA: [[usize; 16]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

#[inline(always)]
fn g(v: &mut [u64; 16], a: usize, b: usize, c: usize, d: usize, x: u64, y: u64) {
    v[a] = v[a].wrapping_add(v[b]).wrapping_add(x);
    v[d] = (v[d] ^ v[a]).rotate_right(32);
    v[c] = v[c].wrapping_add(v[d]);
    v[b] = (v[b] ^ v[c]).rotate_right(24);
    v[a] = v[a].wrapping_add(v[b]).wrapping_add(y);
    v[d] = (v[d] ^ v[a]).rotate_right(16);
    v[c] = v[c].wrapping_add(v[d]);
    v[b] = (v[b] ^ v[c]).rotate_right(63);
}

/// One round of BLAKE2b's compression, its message words in the order `s`.
#[inline(always)]
fn round(v: &mut [u64; 16], m: &[u64; 16], s: &[usize; 16]) {
    g(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
    g(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
    g(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
    g(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
    g(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
    g(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
    g(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
    g(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
}

/// BLAKE2b's compression function (RFC 7693, section 3.2) of one 128-byte block.
fn compress(h: &mut [u64; 8], block: &[u8], counted: u128, last: bool) {
    let mut m = [0u64; 16];
    for (i, word) in m.iter_mut().enumerate() {
        let mut b = [0u8; 8];
        b.copy_from_slice(&block[i * 8..i * 8 + 8]);
        *word = u64::from_le_bytes(b);
    }
    let mut v = [0u64; 16];
    v[..8].copy_from_slice(h);
    v[8..].copy_from_slice(&IV);
    v[12] ^= counted as u64;
    v[13] ^= (counted >> 64) as u64;
    if last {
        v[14] = !v[14];
    }
    // The twelve rounds written out, so that each reads the message words at fixed places (in a
    // loop, each word was looked up in SIGMA: a 100-byte key took 2,310 instructions, callgrind,
    // and takes 1,590 so).
    round(&mut v, &m, &SIGMA[0]);
    round(&mut v, &m, &SIGMA[1]);
    round(&mut v, &m, &SIGMA[2]);
    round(&mut v, &m, &SIGMA[3]);
    round(&mut v, &m, &SIGMA[4]);
    round(&mut v, &m, &SIGMA[5]);
    round(&mut v, &m, &SIGMA[6]);
    round(&mut v, &m, &SIGMA[7]);
    round(&mut v, &m, &SIGMA[8]);
    round(&mut v, &m, &SIGMA[9]);
    round(&mut v, &m, &SIGMA[0]);
    round(&mut v, &m, &SIGMA[1]);
    for i in 0..8 {
        h[i] ^= v[i] ^ v[i + 8];
    }
}

/// BLAKE2b with no key and an 8-byte digest, the digest read as a little-endian integer
/// (`int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")`).
pub fn blake2b64(data: &[u8]) -> u64 {
    let mut h = IV;
    h[0] ^= 0x0101_0000 ^ 8; // depth 1, fanout 1, no key, 8-byte digest
    let mut at = 0;
    while data.len() - at > 128 {
        compress(&mut h, &data[at..at + 128], (at + 128) as u128, false);
        at += 128;
    }
    let mut last = [0u8; 128];
    last[..data.len() - at].copy_from_slice(&data[at..]);
    compress(&mut h, &last, data.len() as u128, true);
    h[0] // the digest's first 8 bytes, little-endian
}

/// A line of a document as pass 1 and the frequency signal see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyedLine {
    /// Fewer than the frequency signal's word limit (`mark.counted`).
    pub counted: bool,
    /// Counted and holding a letter: it pairs with its neighbours (`mark.paired`).
    pub paired: bool,
    /// The frequency key (lower-cased, whitespace collapsed, digits masked), when asked for, as
    /// UTF-8 (lone surrogates as their three bytes): the form its hash reads, made once.
    pub key: Option<Vec<u8>>,
}

/// The 64-bit keys of a document's counted lines and of its adjacent pairs of paired lines
/// (`line_counts.document_line_keys`), each once, in the order first found.
pub fn document_line_keys(lines: &[KeyedLine]) -> Vec<u64> {
    // The codes are BLAKE2b's, already well mixed, and no input picks them: FxHash is enough.
    let mut seen: HashSet<u64, BuildHasherDefault<FxHasher>> = HashSet::with_capacity_and_hasher(lines.len() * 2, Default::default());
    let mut out = Vec::with_capacity(lines.len() * 2);
    let mut previous: Option<&[u8]> = None;
    let mut buffer = Vec::with_capacity(PAIR_BYTES);
    for line in lines {
        let key = match (&line.key, line.counted) {
            (Some(key), true) => key.as_slice(),
            _ => {
                previous = None;
                continue;
            }
        };
        let code = blake2b64(key);
        if seen.insert(code) {
            out.push(code);
        }
        if let (Some(p), true) = (previous, line.paired) {
            let code = pair_hash(p, key, &mut buffer);
            if seen.insert(code) {
                out.push(code);
            }
        }
        previous = if line.paired { Some(key) } else { None };
    }
    out
}

/// The room made for a pair of keys at first: two lines of fewer than `FREQUENCY_MAX_WORDS` (25)
/// words are a few hundred bytes (grown from nothing, the buffer's growth was a tenth of the keys' time).
const PAIR_BYTES: usize = 512;

/// A line's key and the keys of its pairs with the lines above and below it (None: no pair).
pub type Near = (u64, Option<u64>, Option<u64>);

/// For each line of `at` (positions into `lines`): the hash of its frequency key, and the hashes of
/// its pairs with the paired line just above and just below it (`mark.neighbours`: None where that
/// neighbour does not pair or there is none). Every line of `at` must have its key.
pub fn neighbour_codes(lines: &[KeyedLine], at: &[usize]) -> Vec<Near> {
    let paired_key = |k: usize| lines.get(k).filter(|l| l.paired).and_then(|l| l.key.as_deref());
    let mut buffer = Vec::with_capacity(PAIR_BYTES);
    let mut out = Vec::with_capacity(at.len());
    // The line asked just before and its pair with the line below it: when the next line asked is
    // that one, its pair above is the same two keys (mostly the lines asked are runs of adjacent
    // lines; each pair was hashed twice).
    let mut last: Option<(usize, Option<u64>)> = None;
    for &k in at {
        let key = lines[k].key.as_deref().unwrap_or(&[]);
        let above = match (k.checked_sub(1), last) {
            (None, _) => None,
            (Some(up), Some((before, Some(pair)))) if before == up && paired_key(up).is_some() => Some(pair),
            (Some(up), _) => paired_key(up).map(|a| pair_hash(a, key, &mut buffer)),
        };
        let below = paired_key(k + 1).map(|b| pair_hash(key, b, &mut buffer));
        last = Some((k, below));
        out.push((blake2b64(key), above, below));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    /// A table of ASCII answers (Python's for ASCII) with a few characters beyond.
    fn table() -> Table {
        let mut flags = vec![0u32; 0x10000];
        let mut lower: Vec<u32> = (0..0x10000).collect();
        for c in 0..0x10000u32 {
            let ch = char::from_u32(c);
            if let Some(ch) = ch {
                let east = (is_cjk(c) || is_hangul(c)) && ch.is_alphanumeric();
                if ch.is_ascii_alphanumeric() || ch == 'é' || ch == 'É' || east {
                    flags[c as usize] |= ALNUM;
                }
                if ch.is_ascii_alphabetic() || ch == 'é' || ch == 'É' || east {
                    flags[c as usize] |= ALPHA;
                }
                if ch.is_ascii_digit() {
                    flags[c as usize] |= DECIMAL;
                }
                if ch.is_whitespace() {
                    flags[c as usize] |= SPACE;
                }
                if ch.is_ascii_uppercase() {
                    lower[c as usize] = c + 32;
                }
            }
        }
        lower['É' as usize] = 'é' as u32;
        lower[0x130] = MULTI;
        flags[0x3A3] |= CONTEXT;
        let mut multi = HashMap::new();
        multi.insert(0x130, vec![0x69, 0x307]);
        let words: HashSet<String> = ["the", "of", "and"].iter().map(|s| s.to_string()).collect();
        let limits = Limits { prose_any_words: 30, prose_min_words: 10, prose_min_stopwords: 0.15, stem_chars: 5, cjk_function_scale: 1.5, unspaced_chars_per_word: 5 };
        Table::new(flags, lower, multi, words.clone(), words, HashSet::new(), limits).unwrap()
    }

    #[test]
    fn blake2b_matches_hashlib() {
        // int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")
        assert_eq!(blake2b64(b""), 13020603013274838756);
        assert_eq!(blake2b64(b"abc"), 6455300059550759896);
        assert_eq!(blake2b64(&[b'a'; 200]), 8233974242987084468);
    }

    #[test]
    fn word_sets_hold_their_words_only() {
        let words = ["the", "of", "and", "a", "", "für", "日本", "the", "\u{10400}x"];
        let set = WordSet::new(words.iter().map(|w| cps(w)));
        assert_eq!(set.max_len(), 3);
        for w in words {
            assert!(set.contains(&cps(w)), "{w}");
        }
        for w in ["th", "them", "an", "of ", "fur", "日", "日本語", "x", "\u{10400}"] {
            assert!(!set.contains(&cps(w)), "{w}");
        }
        // Many words: every slot's probe ends (a quarter full), each word found, its neighbours not.
        let many: Vec<Vec<u32>> = (0..3000u32).map(|k| vec![k % 7 + 97, k / 7, k]).collect();
        let set = WordSet::new(many.clone());
        assert!(many.iter().all(|w| set.contains(w)));
        assert!(many.iter().all(|w| !set.contains(&w[..2]) && !set.contains(&[w[0], w[1], w[2] + 3000])));
        assert!(!WordSet::new(Vec::new()).contains(&[]));
    }

    #[test]
    fn collapse_and_lower() {
        let t = table();
        assert_eq!(t.collapse(&cps("  a \t b\n")), cps("a b"));
        assert!(t.is_collapsed(&cps("a b")));
        assert!(!t.is_collapsed(&cps("a  b")));
        assert!(!t.is_collapsed(&cps("a\tb")));
        // Lowered in the pass that checks the line is collapsed: as the two apart, or None (the long way).
        for line in ["a b", "AÉ x", "a  b", " a", "a ", "a\tb", "ΟΔΟ\u{3A3}", "", "A \u{3A3}", "a\u{2003}b"] {
            let want = if t.is_collapsed(&cps(line)) { t.lower(&cps(line)) } else { None };
            assert_eq!(t.lower_collapsed(&cps(line)), want, "{line:?}");
        }
        assert_eq!(t.lower_collapsed(&cps("AB C")), Some(cps("ab c")));
        // Characters that lower to several, and those above the BMP, take the long way.
        assert_eq!(t.lower_collapsed(&cps("A\u{130}")), None);
        assert_eq!(t.lower_collapsed(&cps("x\u{10400}7")), None);
        assert_eq!(t.lower_collapsed(&cps("x\u{10020}")), None); // (masked to U+0020: not read as a space)
        assert_eq!(t.lower(&cps("AÉ\u{130}")), Some(cps("aéi\u{307}")));
        assert_eq!(t.lower(&cps("ΟΔΟ\u{3A3}")), None);
        assert_eq!(t.mask_digits(&cps("a12b3 45")), cps("a0b0 0"));
        // The key in one pass: as collapse, lower and mask one after the other, as UTF-8.
        for line in ["", "  ", " A1 \t 2B\n", "É12\u{130}3", "x\u{10400}7 ", "1 2  3", "ab\u{2003}\u{2003}9"] {
            let (mut got, mut want) = (Vec::new(), Vec::new());
            assert!(t.key_utf8(&cps(line), &mut got));
            t.mask_digits_utf8(&t.lower(&t.collapse(&cps(line))).unwrap(), &mut want);
            assert_eq!(got, want, "{line:?}");
            assert_eq!(String::from_utf8(got).unwrap(), string_of(&t.mask_digits(&t.lower(&t.collapse(&cps(line))).unwrap())));
        }
        assert!(!t.key_utf8(&cps("A \u{3A3}"), &mut Vec::new()));
        let mut surrogate = Vec::new();
        t.mask_digits_utf8(&[0x61, 0xD800, 0x31], &mut surrogate);
        assert_eq!(surrogate, vec![0x61, 0xED, 0xA0, 0x80, b'0']);
    }

    #[test]
    fn words_and_counts() {
        // CJK found in any block, at either end of the range or beyond it, as `any` of `is_cjk`.
        let long: Vec<u32> = (0..100).map(|k| 'a' as u32 + k % 26).collect();
        for c in [0x303F, 0x3040, 0x30FF, 0x3100, 0x33FF, 0x3400, 0x4DBF, 0x4DC0, 0x4E00, 0x9FFF, 0xA000, 0xF8FF, 0xF900, 0xFAFF, 0xFB00, 0xAC00, 0x2019, 0x1F600] {
            for at in [0, 31, 32, 63, 99] {
                let mut text = long.clone();
                text[at] = c;
                assert_eq!(has_cjk(&text), is_cjk(c), "{c:x} at {at}");
                assert_eq!(has_cjk(&text[..at + 1]), is_cjk(c));
            }
        }
        assert!(!has_cjk(&[]));
        let t = table();
        let (spans, cjk) = t.word_spans(&cps("ab 中文字 cd_e"));
        assert!(cjk);
        assert_eq!(spans, vec![(0, 2), (3, 5), (5, 6), (7, 11)]);
        // Counted by blocks as a character at a time, above the BMP and at every limit too.
        let alphabet = [' ' as u32, 'a' as u32, '1' as u32, '_' as u32, '-' as u32, 'é' as u32, '中' as u32, 0x10400];
        let mut seed = 7u64;
        for len in 0..80 {
            for _ in 0..20 {
                let text: Vec<u32> = (0..len)
                    .map(|_| {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        alphabet[(seed >> 33) as usize % if len % 3 == 0 { 8 } else { 7 }]
                    })
                    .collect();
                for limit in 0..40 {
                    assert_eq!(t.word_runs(&text, limit), t.word_runs_exact(&text, limit), "{text:?} {limit}");
                }
            }
        }
        assert!(t.has_fewer_words(&cps("one two"), 3));
        assert!(!t.has_fewer_words(&cps("one two three"), 3));
        assert!(!t.has_fewer_words(&cps("中文中文中文"), 3));
        assert!(t.has_letter(&cps("1 a")));
        assert!(!t.has_letter(&cps("12 _")));
    }

    #[test]
    fn sentences_and_shapes() {
        assert!(ends_sentence(&cps("Done.\")")));
        assert!(!ends_sentence(&cps("\")")));
        let t = table();
        let s = t.describe(cps("The Words of old"), &cps("the words of old"));
        assert_eq!(s.n_words, 4);
        assert_eq!(s.stop_share, 0.5);
        assert!(!s.prose && !s.sentence);
        assert_eq!(t.words(&cps("the words of old")), vec!["the", "words", "of", "old"]);
        assert_eq!(t.stems(&cps("the words of old")), vec![cps("words")]);
        assert_eq!(t.stems(&cps("villes ville x2 ab 日本の")), vec![cps("ville"), cps("日本")]);
        // Hangul: two syllables give a stem.
        assert_eq!(t.stems(&cps("서울 값 전셋값이")), vec![cps("서울"), cps("전셋값이")]);
    }

    #[test]
    fn a_sentences_share_counts_the_words_its_clitics_open_or_close() {
        let clitics = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let t = table().with_clitics(&clitics(&["b", ""]), &clitics(&["이", "으로"]), 2);
        // "bxy", "전셋값이", "수도원으로" hold one; "bx", "폭이" and "원으로" are too short, "이" and "b" are one.
        let line = "bxy 전셋값이 수도원으로 원으로 bx 폭이 이 b xyz xyz";
        let sentence = t.describe(cps(&format!("{line}.")), &cps(&format!("{line}.")));
        assert_eq!((sentence.n_words, sentence.stop_share, sentence.prose), (10, 0.3, true));
        // Not a sentence: its function words only (none).
        let label = t.describe(cps(line), &cps(line));
        assert_eq!((label.stop_share, label.prose), (0.0, false));
        // No clitics, no change.
        let plain = table().describe(cps(&format!("{line}.")), &cps(&format!("{line}.")));
        assert_eq!((plain.stop_share, plain.prose), (0.0, false));
    }

    #[test]
    fn packed_stems_are_one_number_each_and_long_ones_are_kept_whole() {
        // Each length, the lowest and highest code points: no two stems share a number.
        let stems: Vec<Vec<u32>> = vec![vec![], vec![0], vec![1], vec![0, 0], vec![0x10FFFF], vec![0x10FFFF; 6], vec![0, 0x10FFFF], vec![0x10FFFF, 0], vec![97; 6]];
        let keys: HashSet<u128> = stems.iter().map(|s| pack(s).unwrap()).collect();
        assert_eq!(keys.len(), stems.len());
        assert_eq!(pack(&[97; 7]), None);
        let mut set = StemSet::with_capacity(4);
        set.packed.insert(pack(&cps("innov")).unwrap());
        set.long.insert(cps("innovati"));
        assert!(set.contains(&cps("innov")) && set.contains(&cps("innovati")));
        assert!(!set.contains(&cps("inno")) && !set.contains(&cps("innovat")) && !set.contains(&cps("innovatio")));
    }

    #[test]
    fn article_stems_are_searched_as_the_set_answers() {
        let t = table();
        let (mut text, mut words) = (Vec::new(), Vec::new());
        for line in ["innovation the", "villes x2 ab\u{30FB} cd", "innov 日本の"] {
            t.add_letter_words(&cps(line), &mut text, &mut words);
        }
        let set = t.stem_set(&text, &words);
        let cases = [("innov", true), ("ville", true), ("the", false), ("x2", false), ("ab", true), ("cd", true), ("日本", true), ("の", true), ("本の", false), ("inno", false), ("innova", false)];
        let keys = t.stem_keys(&text, &words).unwrap();
        let mut packed = StemSet::default();
        packed.extend_packed(&keys);
        for (stem, has) in cases {
            assert_eq!(t.has_stem(&text, &words, &cps(stem)), has, "{stem}");
            assert_eq!(set.contains(&cps(stem)), has, "{stem}");
            assert_eq!(packed.contains(&cps(stem)), has, "{stem}");
            assert_eq!(pack(&cps(stem)).map_or(false, |key| keys.contains(&key)), has, "{stem}");
        }
    }

    #[test]
    fn line_keys_pair_paired_neighbours() {
        let line = |k: &str, paired: bool| KeyedLine { counted: true, paired, key: Some(k.as_bytes().to_vec()) };
        let lines = vec![line("a", true), line("0", false), line("b", true), line("c", true)];
        let keys = document_line_keys(&lines);
        let want = vec![hash64(&cps("a")), hash64(&cps("0")), hash64(&cps("b")), hash64(&cps("c")), hash64(&cps("b\nc"))];
        assert_eq!(keys, want);
        let codes = neighbour_codes(&lines, &[0, 2]);
        assert_eq!(codes[0], (hash64(&cps("a")), None, None));
        assert_eq!(codes[1], (hash64(&cps("b")), None, Some(hash64(&cps("b\nc")))));
        // Adjacent lines asked share their pair (hashed once), whichever of them pairs.
        let lines = vec![line("a", true), line("b", true), line("c", false), line("d", true), line("e", true)];
        let codes = neighbour_codes(&lines, &[0, 1, 2, 3, 4, 3]);
        let h = |s: &str| hash64(&cps(s));
        assert_eq!(codes[0], (h("a"), None, Some(h("a\nb"))));
        assert_eq!(codes[1], (h("b"), Some(h("a\nb")), None));
        assert_eq!(codes[2], (h("c"), Some(h("b\nc")), Some(h("c\nd"))));
        assert_eq!(codes[3], (h("d"), None, Some(h("d\ne"))));
        assert_eq!(codes[4], (h("e"), Some(h("d\ne")), None));
        assert_eq!(codes[5], codes[3]);
    }

    /// Random lines over `alphabet` (a linear congruential generator: the same lines every run).
    fn random_lines(alphabet: &[&str], count: usize, max_len: usize) -> Vec<Vec<u32>> {
        let mut seed = 11u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        (0..count).map(|_| (0..next() % max_len).flat_map(|_| cps(alphabet[next() % alphabet.len()])).collect()).collect()
    }

    /// `for_each_word` as it was before `cut_words` (two call sites, `word_hash` apart): the oracle.
    fn words_before(t: &Table, text: &[u32]) -> Vec<(usize, usize, bool)> {
        let solo = if has_cjk(text) { CJK } else { 0 };
        let (n, mut i, mut out) = (text.len(), 0, Vec::new());
        while i < n {
            let f = t.flags(text[i]);
            if f & solo != 0 {
                let end = if i + 1 < n && is_cjk(text[i + 1]) { i + 2 } else { i + 1 };
                out.push((i, end, f & ALPHA != 0 && (end == i + 1 || t.flags(text[i + 1]) & ALPHA != 0)));
                i = end;
            } else if f & WORD != 0 {
                let (start, mut letters) = (i, f & ALPHA != 0);
                i += 1;
                while i < n && t.flags(text[i]) & (WORD | solo) == WORD {
                    letters &= t.flags(text[i]) & ALPHA != 0;
                    i += 1;
                }
                out.push((start, i, letters));
            } else {
                i += 1;
            }
        }
        out
    }

    /// `describe` as it was before the word sink (a closure over `for_each_word`, `contains`): the oracle.
    fn describe_before(t: &Table, collapsed: &[u32], lowered: &[u32]) -> (usize, f64, bool, bool, Vec<(usize, usize)>) {
        let sentence = ends_sentence(collapsed);
        let (mut n, mut function, mut clitic, mut long_words, mut unspaced, mut letters) = (0, 0, 0, 0, false, Vec::new());
        let cjk = t.for_each_word(lowered, |s, e, all_letters| {
            n += 1;
            let phrase = is_unspaced(lowered[s]);
            unspaced |= phrase;
            long_words += if phrase { usize::max(1, (e - s) / t.limits.unspaced_chars_per_word) } else { 1 };
            let is_function = t.function_words.contains(&lowered[s..e]);
            function += is_function as usize;
            clitic += (!is_function && t.holds_clitic(&lowered[s..e])) as usize;
            if all_letters {
                letters.push((s, e));
            }
        });
        let counts = WordCounts { table: t, lowered, sentence, n, function, clitic, long_words, unspaced, letter_word: () };
        let (stop, prose) = counts.verdict(cjk);
        (n, stop, prose, sentence, letters)
    }

    #[test]
    fn words_cut_in_one_pass_as_before() {
        let mut t = table().with_clitics(&["b".to_string(), "ال".to_string()], &["이".to_string(), "의".to_string()], 2);
        // Thai letters (an unspaced script) and Arabic ones, read as Python reads them.
        for c in (0x0E01..0x0E2F).chain(0x0627..0x064A) {
            t.flags[c as usize] = with_own_flags(c, ALNUM | ALPHA);
        }
        let alphabet = [
            " ", " ", "the", "of", "and", "a", "b", "xyz", "theory", "_", "1", "-", ".", "é", "中", "文", "の", "이", "값", "의", "ال", "ب", "\u{e01}", "\u{e02}",
            "\u{10400}", "\u{3000}", "\u{30fb}", "\u{30fc}",
        ];
        for line in random_lines(&alphabet, 3000, 40) {
            let want = words_before(&t, &line);
            let mut got = Vec::new();
            assert_eq!(t.for_each_word(&line, |s, e, letters| got.push((s, e, letters))), has_cjk(&line));
            assert_eq!(got, want, "{line:?}");
            // Each kind of line's loop (those that fit it): the same words, each with its hash and first flags.
            let bmp = line.iter().all(|&c| c <= 0xFFFF);
            struct Seen<'a>(&'a Table, &'a [u32], Vec<(usize, usize, bool)>);
            impl WordSink for Seen<'_> {
                fn word(&mut self, s: usize, e: usize, letters: bool, hash: u64, first: u32) {
                    assert_eq!(hash, word_hash(&self.1[s..e]));
                    assert_eq!(first, self.0.flags(self.1[s]));
                    self.2.push((s, e, letters));
                }
            }
            let mut seen = Seen(&t, &line, Vec::new());
            if has_cjk(&line) {
                t.cut_words::<true, false>(&line, &mut seen);
            } else {
                t.cut_words::<false, false>(&line, &mut seen);
                if bmp {
                    let mut fast = Seen(&t, &line, Vec::new());
                    t.cut_words::<false, true>(&line, &mut fast);
                    assert_eq!(fast.2, want);
                }
            }
            assert_eq!(seen.2, want);
            // The shape as before, a sentence or not.
            for end in [&[][..], &['.' as u32][..]] {
                let text: Vec<u32> = line.iter().chain(end).copied().collect();
                let mut letters = Vec::new();
                let shape = t.describe_with(text.clone(), &text, |s, e| letters.push((s, e)));
                assert_eq!((shape.n_words, shape.stop_share, shape.prose, shape.sentence, letters), describe_before(&t, &text, &text), "{text:?}");
            }
        }
    }

    #[test]
    fn hashed_lookups_answer_as_a_hash_set() {
        let words: Vec<Vec<u32>> = random_lines(&["a", "b", "é", "の", "\u{10400}"], 400, 6);
        let set = WordSet::new(words[..200].iter().cloned());
        let known: HashSet<Vec<u32>> = words[..200].iter().cloned().collect();
        for w in &words {
            assert_eq!(set.contains(w), known.contains(w), "{w:?}");
            assert_eq!(set.contains_hashed(w, word_hash(w)), known.contains(w));
        }
    }

    #[test]
    fn lowered_as_each_character_alone() {
        // `lower`'s plain definition: each character's own lower-case (its entry, or the characters it
        // lowers to), None for one lowered by its neighbours.
        let t = table();
        let plain = |line: &[u32]| -> Option<Vec<u32>> {
            let mut out = Vec::new();
            for &c in line {
                if t.flags(c) & CONTEXT != 0 {
                    return None;
                }
                let entry = if c <= 0xFFFF { t.lower[c as usize] } else { t.astral.get(&c).map_or(c, |e| e.1) };
                match t.multi.get(&c) {
                    Some(many) if entry == MULTI => out.extend(many.iter().copied()),
                    _ => out.push(if entry == MULTI { c } else { entry }),
                }
            }
            Some(out)
        };
        let chars = [" ", " ", "A", "b", "É", "\t", "\u{130}", "\u{3a3}", "\u{10400}", "\u{10020}", "\u{2003}", "7"];
        for line in random_lines(&chars, 2000, 12) {
            assert_eq!(t.lower(&line), plain(&line), "{line:?}");
            // Appended after what `out` holds, which stays.
            let mut out = vec![1, 2];
            let lowered = t.lower_into(&line, &mut out);
            assert_eq!(lowered, plain(&line).is_some(), "{line:?}");
            if let Some(want) = plain(&line) {
                assert_eq!(out[2..], want[..], "{line:?}");
            }
            assert_eq!(out[..2], [1, 2]);
        }
        assert_eq!(t.lower(&cps("AB\tÉ \u{2003}x")), Some(cps("ab\té \u{2003}x")));
    }

    #[test]
    fn lowered_in_one_pass_as_collapsed_then_lowered() {
        let t = table();
        for line in random_lines(&[" ", " ", "A", "b", "É", "\t", "\u{130}", "\u{3a3}", "\u{10400}", "\u{10020}", "\u{2003}"], 2000, 12) {
            let want = if t.is_collapsed(&line) { t.lower(&line).filter(|l| l.len() == line.len() && line.iter().all(|&c| c <= 0xFFFF)) } else { None };
            assert_eq!(t.lower_collapsed(&line), want, "{line:?}");
        }
    }
}
