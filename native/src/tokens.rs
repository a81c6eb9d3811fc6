//! Words and word shingles of a batch of paragraphs, from the character-table entries Python
//! made of the batch (`shingle.tokenize` and `shingle.shingles`; the table, and so every
//! Unicode question, stays Python's: `shingle.char_table`).
//!
//! An entry holds the folded code point in its low 21 bits (0: a separator) and flags above;
//! `SOLO` marks a character of a script written without spaces, a word of its own. A word is a
//! maximal run of non-separators, cut around each `SOLO` character and where a run of `SIGN`
//! characters (comparison signs) meets other characters; a run of signs is a word only between
//! two other words of its paragraph (see [`words`]). Its hash is the polynomial
//! `sum_k c_k * Q^k (mod 2^64)` of its folded characters (`Q` the inverse of `P`), mixed with
//! splitmix64's finaliser: numpy computed it as `(sum_i c_i * Q^i) * P^start`, the same value
//! in the ring of integers mod 2^64.

#[cfg(target_arch = "x86_64")]
use crate::dot::Factors8;
use crate::InputError;

pub const FOLD_MASK: u32 = 0x1F_FFFF;
/// A comparison sign (`shingle.COMPARISONS`): a run of them is one word, between words only.
pub const SIGN: u32 = 1 << 21;
/// A sign that is one only next to another (`shingle.BOUND_SIGNS`: "!" of "!="): a run of
/// them alone is no word ("Great! Thanks").
pub const BOUND: u32 = 1 << 27;
pub const SOLO: u32 = 1 << 23;
/// A character for which `str.isdigit` holds (`shingle._DIGIT`).
pub const DIGIT: u32 = 1 << 24;
/// A minus sign (`shingle.MINUS_SIGNS`: "-", U+2212, U+2013), a separator: see [`signed`].
pub const MINUS: u32 = 1 << 28;
/// A currency sign (Unicode category Sc), a word of its own: see [`signed`].
pub const CURRENCY: u32 = 1 << 29;
/// A percent or currency sign (`shingle.UNIT_SIGNS`, category Sc): a word of its own, which the
/// count of a paragraph's words leaves out ([`counted_words`]).
pub const UNIT: u32 = 1 << 30;
/// Salts the hash of a signed number in the exact and masked keys ([`key_hash`]).
const NEGATIVE: u64 = 0xD6E8_FEB8_6659_FD93;
/// The polynomial base of word hashes (odd, so it has an inverse mod 2^64).
pub const P: u64 = 0x1_0000_0001_B3;
/// Odd 64-bit constants (splitmix64 / the golden ratio) for mixing and combining.
pub const MULT: u64 = 0x9E37_79B9_7F4A_7C15;
pub const FOLD: u64 = 0xBF58_476D_1CE4_E5B9;
pub const MIX2: u64 = 0x94D0_49BB_1331_11EB;

/// The words of each paragraph as the length thresholds count them (`Tokens.counted_words`): a
/// percent or currency sign is no word there ("£30,000 to £40,000" has the 5 words it had when
/// the signs were separators; below 8 words a recurring line is a cell, a label or a figure).
pub fn counted_words(entries: &[u32], words: &Words) -> Vec<i32> {
    words
        .offsets
        .windows(2)
        .map(|w| (w[0]..w[1]).filter(|&k| entries[words.starts[k as usize] as usize] & UNIT == 0).count() as i32)
        .collect()
}

/// `P^-1 mod 2^64` (Newton's iteration doubles the correct low bits each step).
pub const fn inverse(p: u64) -> u64 {
    let mut x = p; // correct to 3 bits for odd p
    let mut i = 0;
    while i < 6 {
        x = x.wrapping_mul(2u64.wrapping_sub(p.wrapping_mul(x)));
        i += 1;
    }
    x
}

pub const Q: u64 = inverse(P);

/// splitmix64's finaliser (wrapping arithmetic).
#[inline(always)]
pub fn mix64(mut h: u64) -> u64 {
    h ^= h >> 30;
    h = h.wrapping_mul(FOLD);
    h ^= h >> 27;
    h = h.wrapping_mul(MIX2);
    h ^ (h >> 31)
}

/// Whether the word starting at `start` is a number written with a minus sign (`shingle.Tokens.signed`):
/// its first character is a digit, and just before it stands a `MINUS` entry, or a `MINUS` then a
/// `CURRENCY` entry ("-50", "−$3.2m"), with no word character before the sign but a currency sign
/// (a separator, a comparison or currency sign, or the batch's start: "x = -5", "(-5)", "$-3.2m").
/// Not a range ("10-20", "1990–2000"), a code ("COVID-19"), nor a dash set apart ("Paris - 5 dead").
#[inline]
pub fn signed(entries: &[u32], start: usize) -> bool {
    let first = entries[start];
    if start == 0 || first & DIGIT == 0 || first & SIGN != 0 {
        return false;
    }
    let mut at = start - 1;
    if entries[at] & CURRENCY != 0 && at > 0 {
        at -= 1;
    }
    if entries[at] & MINUS == 0 {
        return false;
    }
    at == 0 || entries[at - 1] & FOLD_MASK == 0 || entries[at - 1] & (SIGN | CURRENCY) != 0
}

/// [`signed`] of each word start.
///
/// Errors: a start outside the entries.
pub fn signed_words(entries: &[u32], starts: &[i64]) -> Result<Vec<bool>, InputError> {
    if starts.iter().any(|&s| s < 0 || s as usize >= entries.len()) {
        return Err(InputError("a word start outside the entries".into()));
    }
    Ok(starts.iter().map(|&s| signed(entries, s as usize)).collect())
}

/// A word's hash as the exact and masked keys read it: salted when the word is a signed number
/// ([`signed`]), so "-5" and "5" are no exact copies while their words, shingles and
/// signatures stay the same.
#[inline]
pub fn key_hash(hash: u64, signed: bool) -> u64 {
    if signed {
        mix64(hash ^ NEGATIVE)
    } else {
        hash
    }
}

/// The words of a batch.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Words {
    /// Character position of each word's first character.
    pub starts: Vec<i64>,
    /// Character position just after each word.
    pub ends: Vec<i64>,
    /// The hash of each word.
    pub hashes: Vec<u64>,
    /// `paragraphs + 1` word positions: paragraph `p`'s words are `offsets[p]..offsets[p + 1]`.
    pub offsets: Vec<i64>,
}

/// `Q^k` for `k < WORD_BLOCK`: the factors of a word's first characters.
const WORD_BLOCK: usize = 8;
const Q_POWERS: [u64; WORD_BLOCK] = {
    let mut out = [1u64; WORD_BLOCK];
    let mut k = 1;
    while k < WORD_BLOCK {
        out[k] = out[k - 1].wrapping_mul(Q);
        k += 1;
    }
    out
};

/// The polynomial of the folded characters `entries[start..end]` (before mixing).
#[inline(always)]
fn word_polynomial(entries: &[u32], start: usize, end: usize) -> u64 {
    let fold = |e: u32| (e & FOLD_MASK) as u64;
    let len = end - start;
    let mut h: u64 = 0;
    if start + WORD_BLOCK <= entries.len() {
        // The first WORD_BLOCK characters without a branch (most words are shorter): the
        // characters past the word are masked out, so a word's length costs no misprediction.
        let head = &entries[start..start + WORD_BLOCK];
        for k in 0..WORD_BLOCK {
            let keep = 0u64.wrapping_sub((k < len) as u64);
            h = h.wrapping_add((fold(head[k]) & keep).wrapping_mul(Q_POWERS[k]));
        }
        if len <= WORD_BLOCK {
            return h;
        }
        let mut power = Q_POWERS[WORD_BLOCK - 1].wrapping_mul(Q);
        for &e in &entries[start + WORD_BLOCK..end] {
            h = h.wrapping_add(fold(e).wrapping_mul(power));
            power = power.wrapping_mul(Q);
        }
        return h;
    }
    let mut power: u64 = 1;
    for &e in &entries[start..end] {
        h = h.wrapping_add(fold(e).wrapping_mul(power));
        power = power.wrapping_mul(Q);
    }
    h
}

/// Bit `j` of the result: `keep(block[j])` (a block of at most 64 entries).
#[inline(always)]
fn mask_of(block: &[u32], keep: impl Fn(u32) -> bool) -> u64 {
    // One byte per entry first, then packed: written so, the compare loop vectorises (measured
    // 0.2-0.3 ns a character against 0.6-1.7 for shifting each bit in as it is found).
    let mut bytes = [0u8; 64];
    for (b, &e) in bytes.iter_mut().zip(block) {
        *b = keep(e) as u8;
    }
    bytes.iter().enumerate().fold(0u64, |m, (j, &b)| m | (b as u64) << j)
}

/// `out[k]`, bit `j`: entry `64k + j` has a bit of `bits` (the plain code).
fn masks_plain(entries: &[u32], bits: u32, out: &mut [u64]) {
    for (m, block) in out.iter_mut().zip(entries.chunks(64)) {
        *m = mask_of(block, |e| e & bits != 0);
    }
}

/// [`masks_plain`] with AVX2: 8 entries a compare, their 8 bits at once (`movemask`), where the
/// compiler's packing of [`mask_of`]'s bytes shifted each into a 64-bit lane. Measured on 32 Ki
/// characters of 5-letter words (best of 300 on the shared 2-core machine): the masks 8.8 us,
/// 2.0 so; [`words`] 39-41 us, 34-37 with these masks and [`push_bits`] (3% of the signing).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn masks_avx2(entries: &[u32], bits: u32, out: &mut [u64]) {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_castsi256_ps, _mm256_cmpeq_epi32, _mm256_loadu_si256, _mm256_movemask_ps,
        _mm256_set1_epi32, _mm256_setzero_si256,
    };
    let want = _mm256_set1_epi32(bits as i32);
    let zero = _mm256_setzero_si256();
    let whole = entries.chunks_exact(64);
    let rest = whole.remainder();
    let mut k = 0;
    for block in whole {
        let mut m = 0u64;
        for j in 0..8 {
            let eight = &block[8 * j..8 * j + 8];
            // SAFETY: `eight` holds 8 u32 (32 bytes), all that the unaligned load reads.
            let v = _mm256_loadu_si256(eight.as_ptr() as *const __m256i);
            let none = _mm256_cmpeq_epi32(_mm256_and_si256(v, want), zero);
            m |= (!(_mm256_movemask_ps(_mm256_castsi256_ps(none)) as u64) & 0xFF) << (8 * j);
        }
        out[k] = m;
        k += 1;
    }
    if !rest.is_empty() {
        out[k] = mask_of(rest, |e| e & bits != 0);
    }
}

/// `out[k]`, bit `j`: entry `64k + j` has a bit of `bits` (`out` has room for every block).
fn masks(entries: &[u32], bits: u32, out: &mut [u64]) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::is_x86_feature_detected!("avx2") {
            // SAFETY: a `target_feature` function is safe to call on a CPU that has the feature,
            // which was detected just above.
            return unsafe { masks_avx2(entries, bits, out) };
        }
    }
    masks_plain(entries, bits, out)
}

/// Appends `base + j` for each bit `j` of `bits` to `out`, ascending.
#[inline(always)]
fn push_bits(out: &mut Vec<i64>, mut bits: u64, base: i64) {
    // Written into room made first (64 positions at most), without a capacity check or a
    // zeroing per position: the pushes and the zeroing cost as much as finding the words.
    out.reserve(64);
    let at = out.len();
    let spare = out.spare_capacity_mut();
    let mut count = 0;
    while bits != 0 {
        spare[count].write(base + bits.trailing_zeros() as i64);
        count += 1;
        bits &= bits - 1;
    }
    // SAFETY: the `count` slots after the length were written just above (`spare` holds at
    // least 64, and a u64 has at most 64 bits), so every value up to the new length is initialised.
    unsafe { out.set_len(at + count) };
}

/// The words of `entries` (starts and ends; no hashes, no paragraph offsets), and where each
/// word of `SIGN` entries starts (ascending).
fn cut_words(entries: &[u32]) -> (Words, Vec<i64>) {
    let n = entries.len();
    // Bit i of word[i / 64]: entry i holds a folded character; of solo: it has the SOLO flag;
    // of sign: the SIGN flag.
    let chunks = (n + 63) / 64;
    let mut word = vec![0u64; chunks + 1];
    let mut solo = vec![0u64; chunks + 1];
    let mut sign = vec![0u64; chunks + 1];
    masks(entries, FOLD_MASK, &mut word);
    // Most batches hold no character of an unspaced script and no sign: one OR over them spares
    // the other masks.
    let any = entries.iter().fold(0, |a, &e| a | e);
    if any & SOLO != 0 {
        masks(entries, SOLO, &mut solo);
    }
    if any & SIGN != 0 {
        masks(entries, SIGN, &mut sign);
    }
    let mut out = Words::default();
    let mut sign_starts = Vec::new();
    // About one word per six characters in prose: reserving that avoids most regrowth.
    out.starts.reserve(n / 6 + 1);
    out.ends.reserve(n / 6 + 1);
    let (mut prev_w, mut prev_s, mut prev_g) = (0u64, 0u64, 0u64); // the bit of entry 64k - 1, at bit 0
    for k in 0..chunks {
        let (w, s, g) = (word[k], solo[k], sign[k]);
        // Entry i - 1 and entry i + 1 at bit i (entries past the end hold no word).
        let before_w = (w << 1) | prev_w;
        let before_s = (s << 1) | prev_s;
        let before_g = (g << 1) | prev_g;
        let after_w = (w >> 1) | (word[k + 1] << 63);
        let after_s = (s >> 1) | (solo[k + 1] << 63);
        let after_g = (g >> 1) | (sign[k + 1] << 63);
        // A word is cut where a sign meets a character that is none ("x>=5": x, >=, 5).
        let first = w & (!before_w | s | before_s | (g ^ before_g));
        let last = w & (!after_w | s | after_s | (g ^ after_g));
        let base = (k * 64) as i64;
        push_bits(&mut out.starts, first, base);
        push_bits(&mut out.ends, last, base + 1);
        if first & g != 0 {
            push_bits(&mut sign_starts, first & g, base);
        }
        prev_w = w >> 63;
        prev_s = s >> 63;
        prev_g = g >> 63;
    }
    debug_assert_eq!(out.starts.len(), out.ends.len());
    (out, sign_starts)
}

/// Drops the words of signs that stand before the first or after the last other word of their
/// paragraph: a quote marker ("> text", ">> text", "> > text"), a line of signs ("= = = =") or
/// a trailing arrow ("more >>") states no condition, and the copies with and without one are
/// the same paragraph. Between words ("x >= 5"), a sign is kept: it is what the line states,
/// unless its every character is `BOUND` ("!" alone is punctuation, "!=" a condition).
///
/// Only the words of signs (`sign_starts`) are read, each neighbour at most once, and the
/// hashed words are moved (runs at once) only when one goes. Measured on eval-pages-dev's lines
/// (3.6% with a sign, so nearly every batch of 4,096 holds one; `tokenize_words`, CPU median of
/// 9 on the shared 2-core machine): 78 ms before signs; a step per word and new arrays hashed
/// after, 93 ms; so, 86 ms. Batches without a sign (the benchmark corpus) pay nothing.
fn drop_signs(entries: &[u32], out: &mut Words, sign_starts: &[i64]) {
    let sign = |k: usize| entries[out.starts[k] as usize] & SIGN != 0;
    let bound = |k: usize| entries[out.starts[k] as usize..out.ends[k] as usize].iter().all(|&e| e & BOUND != 0);
    let n = out.starts.len();
    let last = out.offsets.len() - 1;
    let mut dropped = Vec::new();
    let mut k = 0usize;
    // Whether the previous sign word has another word before it in its paragraph, and the
    // first word that is no sign after it.
    let (mut before, mut next_other) = (false, 0usize);
    for &s in sign_starts {
        k += out.starts[k..].partition_point(|&x| x < s);
        if k as i64 >= out.offsets[last] {
            break; // past the last paragraph: words of no paragraph stay
        }
        let p = out.offsets.partition_point(|&o| o <= k as i64) - 1;
        let (lo, hi) = (out.offsets[p] as usize, out.offsets[p + 1] as usize);
        // Another word before it: the word just before is none of the signs, or is a sign
        // (the previous one read here) with another word before it.
        before = k > lo && (!sign(k - 1) || before);
        if next_other <= k {
            next_other = k + 1;
            while next_other < n && sign(next_other) {
                next_other += 1;
            }
        }
        if !(before && next_other < hi) || bound(k) {
            dropped.push(k);
        }
    }
    if dropped.is_empty() {
        return;
    }
    // The words kept, moved down in place (the runs between two dropped words at once), and
    // each offset less the words dropped before it.
    let mut at = dropped[0];
    for (j, &d) in dropped.iter().enumerate() {
        let next = dropped.get(j + 1).copied().unwrap_or(n);
        out.starts.copy_within(d + 1..next, at);
        out.ends.copy_within(d + 1..next, at);
        out.hashes.copy_within(d + 1..next, at);
        at += next - d - 1;
    }
    out.starts.truncate(at);
    out.ends.truncate(at);
    out.hashes.truncate(at);
    let mut d = 0;
    for o in out.offsets.iter_mut() {
        while d < dropped.len() && (dropped[d] as i64) < *o {
            d += 1;
        }
        *o -= d as i64;
    }
}

/// The polynomial (before mixing) of the word `entries[start..end]` whose first `WORD_BLOCK`
/// entries lie inside `entries`, its head with AVX2: the 8 entries loaded at once, masked to the
/// word's folded characters (`HEAD_MASKS`), and their dot product with `Q^0..Q^7`
/// ([`Factors8`]); a longer word's tail as [`word_polynomial`]'s. The same value as
/// [`word_polynomial`].
///
/// Safety: the CPU has AVX2, and `start + WORD_BLOCK <= entries.len()`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn word_polynomial_avx2(entries: &[u32], start: usize, end: usize, q: &Factors8) -> u64 {
    use std::arch::x86_64::{__m256i, _mm256_and_si256, _mm256_loadu_si256};
    debug_assert!(start + WORD_BLOCK <= entries.len());
    let len = end - start;
    // SAFETY (both loads): `entries[start..start + 8]` is inside the slice (the caller's
    // contract), and `HEAD_MASKS[k]` holds 8 u32; each is 32 bytes, what an unaligned load reads.
    let v = _mm256_loadu_si256(entries.as_ptr().add(start) as *const __m256i);
    let keep = _mm256_loadu_si256(HEAD_MASKS[len.min(WORD_BLOCK)].as_ptr() as *const __m256i);
    let mut h = q.dot(_mm256_and_si256(v, keep));
    if len > WORD_BLOCK {
        let mut power = Q_POWERS[WORD_BLOCK - 1].wrapping_mul(Q);
        for &e in &entries[start + WORD_BLOCK..end] {
            h = h.wrapping_add(((e & FOLD_MASK) as u64).wrapping_mul(power));
            power = power.wrapping_mul(Q);
        }
    }
    h
}

/// `HEAD_MASKS[l]`: `FOLD_MASK` in the first `l` of 8 lanes, zero after (a word of `l`
/// characters' head, its folded characters kept, the entries past it dropped).
const HEAD_MASKS: [[u32; WORD_BLOCK]; WORD_BLOCK + 1] = {
    let mut out = [[0u32; WORD_BLOCK]; WORD_BLOCK + 1];
    let mut l = 0;
    while l <= WORD_BLOCK {
        let mut k = 0;
        while k < l {
            out[l][k] = FOLD_MASK;
            k += 1;
        }
        l += 1;
    }
    out
};

/// The polynomials of the words of `out` with AVX2 ([`word_polynomial_avx2`]; the last
/// words of the entries, with fewer than `WORD_BLOCK` entries left, by [`word_polynomial`]).
/// Measured (callgrind, `candidate_clusters` on 60,000 of speed.py's paragraphs, either
/// setting): `words` 522.1M instructions -> 392.8M with this function (184.7M of them).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn polynomials_avx2(entries: &[u32], out: &mut Words) {
    let q = Factors8::new(&Q_POWERS);
    let inside = entries.len().saturating_sub(WORD_BLOCK);
    out.hashes.clear();
    out.hashes.reserve(out.starts.len());
    for (&s, &e) in out.starts.iter().zip(&out.ends) {
        let (s, e) = (s as usize, e as usize);
        out.hashes.push(if s <= inside && entries.len() >= WORD_BLOCK {
            // SAFETY: AVX2 is the caller's to check, and `s + WORD_BLOCK <= entries.len()`.
            word_polynomial_avx2(entries, s, e, &q)
        } else {
            word_polynomial(entries, s, e)
        });
    }
}

/// The hash of each word of `out` (see [`word_polynomial`]): the polynomials with AVX2 where
/// the CPU has it ([`polynomials_avx2`]), then mixed outside the AVX2 code, where the compiler
/// emulates the 64-bit multiplications in vector lanes (measured slower).
fn hash_words(entries: &[u32], out: &mut Words) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::is_x86_feature_detected!("avx2") {
            // SAFETY: a `target_feature` function is safe to call on a CPU that has the
            // feature, which was detected just above.
            unsafe { polynomials_avx2(entries, out) };
            out.hashes.iter_mut().for_each(|h| *h = mix64(*h));
            return;
        }
    }
    hash_words_plain(entries, out);
}

/// [`hash_words`] without AVX2: [`word_polynomial`] and [`mix64`] of each word.
fn hash_words_plain(entries: &[u32], out: &mut Words) {
    out.hashes = out
        .starts
        .iter()
        .zip(&out.ends)
        .map(|(&s, &e)| mix64(word_polynomial(entries, s as usize, e as usize)))
        .collect();
}

/// Cuts the entries of a batch (paragraphs of `lengths` characters, each followed by one
/// separator, as `"\n".join` lays them out, the last one's separator being absent) into words.
///
/// A word is a maximal run of entries with a folded character, cut around each `SOLO` entry
/// and where a run of `SIGN` entries meets other entries; a run of signs before the first or
/// after the last other word of its paragraph is no word, nor one of `BOUND` signs alone
/// ([`drop_signs`]).
/// The runs are found 64 entries at a time from bit masks (a word starts at a word entry that
/// follows a separator, is `SOLO` or follows a `SOLO` entry, and ends likewise), so the loop
/// has no branch per character; each word is then hashed (see [`word_polynomial`]).
///
/// Errors: the lengths are negative or run past the entries.
pub fn words(entries: &[u32], lengths: &[i64]) -> Result<Words, InputError> {
    // Paragraph starts, as numpy's cumsum of (length + 1) (one position past the end is allowed).
    let mut para_starts = Vec::with_capacity(lengths.len() + 1);
    let mut at: i64 = 0;
    para_starts.push(0);
    for &len in lengths {
        if len < 0 {
            return Err(InputError(format!("a paragraph length is negative ({len})")));
        }
        at = at
            .checked_add(len)
            .and_then(|x| x.checked_add(1))
            .ok_or_else(|| InputError("the paragraph lengths overflow".into()))?;
        para_starts.push(at);
    }
    if lengths.len() > 0 && at - 1 > entries.len() as i64 {
        return Err(InputError(format!("the paragraphs run to {}, past the {} entries", at - 1, entries.len())));
    }
    let (mut out, sign_starts) = cut_words(entries);
    hash_words(entries, &mut out);
    // numpy's searchsorted(starts, para_starts): the words that start before each paragraph start,
    // found by galloping from the previous paragraph's (a step per word cost 5% of the signing).
    let mut w = 0usize;
    out.offsets.reserve(para_starts.len());
    for &ps in &para_starts {
        let rest = &out.starts[w..];
        let mut reach = 1;
        while reach < rest.len() && rest[reach - 1] < ps {
            reach *= 2;
        }
        let reach = reach.min(rest.len());
        w += rest[..reach].partition_point(|&s| s < ps);
        out.offsets.push(w as i64);
    }
    if !sign_starts.is_empty() {
        drop_signs(entries, &mut out, &sign_starts);
    }
    Ok(out)
}

/// The paragraphs (ascending) holding an entry with any bit of `flag`: of a batch laid out as
/// in [`words`], paragraph `p` owns its characters and the separator after it.
///
/// Errors: the lengths are negative or run past the entries.
pub fn flagged_paragraphs(entries: &[u32], lengths: &[i64], flag: u32) -> Result<Vec<i64>, InputError> {
    let mut out = Vec::new();
    let mut at = 0usize;
    for (p, &len) in lengths.iter().enumerate() {
        if len < 0 || len as u64 > (entries.len() - at.min(entries.len())) as u64 {
            return Err(InputError(format!("paragraph {p} ({len} characters) runs past the {} entries", entries.len())));
        }
        let end = (at + len as usize + 1).min(entries.len());
        if entries[at..end].iter().any(|&e| e & flag != 0) {
            out.push(p as i64);
        }
        at = end;
    }
    Ok(out)
}

/// The 32-bit hash of each word n-gram that lies inside one paragraph, paragraph after
/// paragraph, and the offsets of each paragraph's n-grams (`shingle.shingles`).
///
/// Errors: `n` is 0, or the offsets are not non-decreasing positions into `hashes` from 0.
pub fn shingles(hashes: &[u64], offsets: &[i64], n: usize) -> Result<(Vec<u32>, Vec<i64>), InputError> {
    if n == 0 {
        return Err(InputError("a shingle needs at least one word (n = 0)".into()));
    }
    if offsets.is_empty() || offsets[0] != 0 || offsets[offsets.len() - 1] as u64 > hashes.len() as u64 {
        return Err(InputError("offsets must run from 0 to at most the number of words".into()));
    }
    if offsets.windows(2).any(|w| w[1] < w[0]) {
        return Err(InputError("offsets must not decrease".into()));
    }
    let mut out_offsets = Vec::with_capacity(offsets.len());
    out_offsets.push(0i64);
    let mut total = 0i64;
    for w in offsets.windows(2) {
        total += (w[1] - w[0] - (n as i64 - 1)).max(0);
        out_offsets.push(total);
    }
    let mut out = Vec::with_capacity(total as usize);
    // The usual n-gram sizes with the fold unrolled (a loop of n - 1 steps per shingle cost half
    // the time at n = 3); any other n, the same fold as a loop.
    match n {
        2 => shingles_of::<2>(hashes, offsets, &mut out),
        3 => shingles_of::<3>(hashes, offsets, &mut out),
        4 => shingles_of::<4>(hashes, offsets, &mut out),
        5 => shingles_of::<5>(hashes, offsets, &mut out),
        _ => shingles_loop(hashes, offsets, n, &mut out),
    }
    Ok((out, out_offsets))
}

/// The 32-bit hash of the shingle of the word hashes `words` (folded in order).
#[inline(always)]
fn shingle_hash(words: &[u64]) -> u32 {
    let mut acc = words[0];
    for &h in &words[1..] {
        acc = acc.wrapping_mul(MULT).wrapping_add(h);
    }
    acc ^= acc >> 31;
    acc = acc.wrapping_mul(FOLD);
    (acc >> 32) as u32
}

fn shingles_of<const N: usize>(hashes: &[u64], offsets: &[i64], out: &mut Vec<u32>) {
    for w in offsets.windows(2) {
        let words = &hashes[w[0] as usize..w[1] as usize];
        out.extend(words.windows(N).map(|g| {
            let g: &[u64; N] = g.try_into().expect("a window of N words");
            shingle_hash(g)
        }));
    }
}

fn shingles_loop(hashes: &[u64], offsets: &[i64], n: usize, out: &mut Vec<u32>) {
    for w in offsets.windows(2) {
        out.extend(hashes[w[0] as usize..w[1] as usize].windows(n).map(shingle_hash));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(text: &str) -> Vec<u32> {
        // A toy table: ASCII letters and digits fold to lower case, CJK ideographs are SOLO.
        text.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase() as u32
                } else if ('\u{4e00}'..='\u{9fff}').contains(&c) {
                    c as u32 | SOLO
                } else if "<=>≤≥".contains(c) {
                    c as u32 | SIGN
                } else if c == '!' {
                    c as u32 | SIGN | BOUND
                } else {
                    0
                }
            })
            .collect()
    }

    /// The plain definition (the kernel before its bit masks): a word from each word entry
    /// after a separator, until a separator, a SOLO entry, just after one, or where a run of
    /// SIGN entries begins or ends; then each paragraph's words of signs before its first or
    /// after its last other word are dropped.
    fn reference(entries: &[u32], lengths: &[i64]) -> Words {
        let n = entries.len();
        let word = |i: usize| entries[i] & FOLD_MASK != 0;
        let solo = |i: usize| entries[i] & SOLO != 0;
        let sign = |i: usize| entries[i] & SIGN != 0;
        let mut out = Words::default();
        let mut i = 0;
        while i < n {
            if !word(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut h: u64 = 0;
            let mut power: u64 = 1;
            loop {
                h = h.wrapping_add(((entries[i] & FOLD_MASK) as u64).wrapping_mul(power));
                power = power.wrapping_mul(Q);
                i += 1;
                if i >= n || !word(i) || solo(i) || solo(i - 1) || sign(i) != sign(i - 1) {
                    break;
                }
            }
            out.starts.push(start as i64);
            out.ends.push(i as i64);
            out.hashes.push(mix64(h));
        }
        // Each paragraph's words, its edge signs dropped.
        let mut bounds = vec![0i64];
        for &len in lengths {
            bounds.push(bounds[bounds.len() - 1] + len + 1);
        }
        let mut kept = Words::default();
        for (k, pair) in bounds.windows(2).enumerate() {
            kept.offsets.push(kept.starts.len() as i64);
            let mine: Vec<usize> = (0..out.starts.len()).filter(|&j| out.starts[j] >= pair[0] && out.starts[j] < pair[1]).collect();
            let other: Vec<usize> = mine.iter().copied().filter(|&j| !sign(out.starts[j] as usize)).collect();
            let bound = |j: usize| (out.starts[j]..out.ends[j]).all(|i| entries[i as usize] & BOUND != 0);
            if let (Some(&lo), Some(&hi)) = (other.first(), other.last()) {
                for j in (lo..=hi).filter(|&j| !(sign(out.starts[j] as usize) && bound(j))) {
                    kept.starts.push(out.starts[j]);
                    kept.ends.push(out.ends[j]);
                    kept.hashes.push(out.hashes[j]);
                }
            }
            if k + 1 == lengths.len() {
                kept.offsets.push(kept.starts.len() as i64);
            }
        }
        if lengths.is_empty() {
            kept = Words { offsets: vec![0], ..out };
        }
        kept
    }

    #[test]
    fn equals_the_reference_on_random_entries() {
        let mut s = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            s ^= s >> 12;
            s ^= s << 25;
            s ^= s >> 27;
            s.wrapping_mul(0x2545_F491_4F6C_DD1D)
        };
        for case in 0..400 {
            let n = (next() % 300) as usize;
            // Mostly letters, some separators, some SOLO entries (with or without a character),
            // and long runs (words past the branch-free block, runs across 64-entry chunks).
            let long = case % 3 == 0;
            let e: Vec<u32> = (0..n)
                .map(|_| match next() % if long { 40 } else { 12 } {
                    0 => 0,
                    1 => SOLO | (next() % 3) as u32,
                    10 => SIGN | (next() % 3) as u32,
                    11 => SIGN | BOUND * (next() % 2) as u32 | (next() % 3) as u32,
                    2 => (next() as u32) & !FOLD_MASK,
                    _ => 1 + (next() as u32) % FOLD_MASK,
                })
                .collect();
            let mut lengths = Vec::new();
            let mut left = n as i64;
            while left > 0 {
                let l = ((next() % 90) as i64).min(left);
                lengths.push(l);
                left -= l + 1;
            }
            assert_eq!(words(&e, &lengths).unwrap(), reference(&e, &lengths), "case {case}");
        }
    }

    /// `n` entries, each `pick` of the next value of a xorshift generator of state `s`.
    fn random_entries(s: &mut u64, n: usize, pick: impl Fn(u64) -> u32) -> Vec<u32> {
        (0..n)
            .map(|_| {
                *s ^= *s << 13;
                *s ^= *s >> 7;
                *s ^= *s << 17;
                pick(*s)
            })
            .collect()
    }

    #[test]
    fn masks_equal_the_plain_masks() {
        let mut s = 0x2545_F491_4F6C_DD1Du64;
        for n in 0..300usize {
            let e = random_entries(&mut s, n, |s| [0, 1, SOLO, SOLO | 5, (s as u32) & !FOLD_MASK, s as u32][(s % 6) as usize]);
            for bits in [FOLD_MASK, SOLO] {
                let (mut fast, mut plain) = (vec![0u64; (n + 63) / 64], vec![0u64; (n + 63) / 64]);
                masks(&e, bits, &mut fast);
                masks_plain(&e, bits, &mut plain);
                assert_eq!(fast, plain, "{n} entries");
            }
        }
    }

    #[test]
    fn word_hashes_equal_the_plain_hashes() {
        let mut s = 0x9E37_79B9_7F4A_7C15u64;
        for n in 0..200usize {
            // Characters with flags above their code point, separators with flags, words of 1
            // to 20 characters, some ending within 8 entries of the end.
            let e = random_entries(&mut s, n, |s| match s % 7 {
                0 => (s >> 8) as u32 & !FOLD_MASK,
                1 => FOLD_MASK | (s >> 8) as u32 & !FOLD_MASK,
                _ => 1 + (s >> 8) as u32 % FOLD_MASK | (s >> 40) as u32 & DIGIT,
            });
            let (mut fast, _) = cut_words(&e);
            let mut plain = Words { starts: fast.starts.clone(), ends: fast.ends.clone(), ..Words::default() };
            hash_words(&e, &mut fast);
            hash_words_plain(&e, &mut plain);
            assert_eq!(fast.hashes, plain.hashes, "{n} entries");
        }
    }

    #[test]
    fn q_is_the_inverse_of_p() {
        assert_eq!(P.wrapping_mul(Q), 1);
    }

    #[test]
    fn words_are_runs_cut_around_solo_characters() {
        let text = "Ab cd\n中文x  é\ny";
        let e = entries(text);
        let w = words(&e, &[5, 6, 1]).unwrap();
        assert_eq!(w.starts, vec![0, 3, 6, 7, 8, 13]);
        assert_eq!(w.ends, vec![2, 5, 7, 8, 9, 14]);
        assert_eq!(w.offsets, vec![0, 2, 5, 6]);
        // A word's hash depends on the word alone.
        assert_eq!(w.hashes[0], words(&entries("ab"), &[2]).unwrap().hashes[0]);
        assert_ne!(w.hashes[0], w.hashes[1]);
    }

    #[test]
    fn signs_are_words_between_words_only() {
        let cut = |text: &str| {
            let e = entries(text);
            let w = words(&e, &[text.chars().count() as i64]).unwrap();
            let chars: Vec<char> = text.chars().collect();
            w.starts.iter().zip(&w.ends).map(|(&s, &e)| chars[s as usize..e as usize].iter().collect()).collect::<Vec<String>>()
        };
        assert_eq!(cut("x>=5"), ["x", ">=", "5"]);
        assert_eq!(cut("x >= 5"), cut("x>=5"));
        assert_eq!(cut("a<b>c"), ["a", "<", "b", ">", "c"]);
        // Quote markers, lines of signs and trailing arrows are no words.
        assert_eq!(cut("> > hi there"), ["hi", "there"]);
        assert_eq!(cut(">>hi >="), ["hi"]);
        assert_eq!(cut("= = = ="), Vec::<String>::new());
        // "!" is a sign only next to another: "!=" is a word, "!" alone is punctuation.
        assert_eq!(cut("a != b! c !! d!"), ["a", "!=", "b", "c", "d"]);
        // A sign run is one word: ">=" is not ">" with "=" added.
        let h = |t: &str| words(&entries(t), &[t.chars().count() as i64]).unwrap().hashes;
        assert_ne!(h("a >= b")[1], h("a > b")[1]);
        assert_eq!(h("a >= b")[1], h("c>=d")[1]);
        // Each paragraph has its own edges: the sign ending one and the one opening the next go.
        let text = "a >\n< b = c";
        let w = words(&entries(text), &[3, 7]).unwrap();
        assert_eq!(w.starts, vec![0, 6, 8, 10]);
        assert_eq!(w.offsets, vec![0, 1, 4]);
    }

    #[test]
    fn refuses_lengths_past_the_entries() {
        assert!(words(&[97, 98], &[3]).is_err());
        assert!(words(&[97, 98], &[-1]).is_err());
        assert_eq!(words(&[], &[]).unwrap().offsets, vec![0]);
        assert_eq!(words(&[], &[0]).unwrap().offsets, vec![0, 0]);
    }

    #[test]
    fn flagged_paragraphs_own_their_separator() {
        let e = [1, 0, 8, 0, 1, 1, 8];
        assert_eq!(flagged_paragraphs(&e, &[1, 1, 3], 8).unwrap(), vec![1, 2]);
        assert_eq!(flagged_paragraphs(&e, &[2, 4], 8).unwrap(), vec![0, 1]);
        assert_eq!(flagged_paragraphs(&e, &[1, 1, 3], 16).unwrap(), Vec::<i64>::new());
        assert!(flagged_paragraphs(&e, &[1, 1, 4], 8).is_err());
        assert!(flagged_paragraphs(&e, &[-1], 8).is_err());
    }

    #[test]
    fn shingles_stay_inside_paragraphs() {
        let h: Vec<u64> = (1..=7).collect();
        let (s, o) = shingles(&h, &[0, 3, 4, 7], 2).unwrap();
        assert_eq!(o, vec![0, 2, 2, 4]);
        assert_eq!(s.len(), 4);
        let (one, _) = shingles(&h, &[0, 7], 1).unwrap();
        assert_eq!(one.len(), 7);
        assert!(shingles(&h, &[0, 7], 0).is_err());
        assert!(shingles(&h, &[0, 8], 2).is_err());
        assert!(shingles(&h, &[0, 5, 3], 2).is_err());
    }
}

