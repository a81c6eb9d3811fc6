//! Paragraphs to LSH band keys in one call (the signing of the clean's `analysis.analyse` and of
//! the benchmarks' `analysis.candidate_clusters`): the
//! character-table entries (`chars`), words (`tokens::words`), word shingles
//! (`tokens::shingles`), MinHash signatures (`minhash::signatures`) and band keys
//! (`lsh::band_keys`), run on slices of a few tens of thousands of characters at a time, so
//! that every intermediate array stays in the core's caches and none is handed to numpy. Each
//! step is the kernel Python composed in the numpy analysis (`tests/analysis_reference.py`, the
//! tests' oracle), so the keys are the same values.
//!
//! With `exact`, the same pass gives the clean's other keys: each paragraph's exact key and
//! masked keys (`exact_key`, `masked_key`), and with an `anchor_modulus` its containment
//! anchors, so the clean and the benchmark share this one path.
//!
//! What stays Python's: the table (every Unicode question), and NFKC: a paragraph holding an
//! entry with the `flag` bit (a character that may change under NFKC) is listed, and Python
//! signs again the ones that do change (`minhash.sign_paragraphs`).

use std::borrow::Cow;

use crate::chars::{self, Units, BMP};
use crate::split::{balanced_bounds, run_parts};
use crate::{lsh, minhash, tokens, InputError};

/// Characters signed at once: the slice's entries (4 bytes a character), words (24 bytes a
/// word) and shingles stay within the L2 cache. Measured on speed.py's corpus (200,000
/// paragraphs, 1 thread, best of 8 on the shared 2-core machine, CPU-s at its default and rensa
/// settings): 8 Ki characters 0.345 / 0.335, 32 Ki 0.336 / 0.325, 256 Ki 0.341 / 0.312, 1 Mi
/// 0.348 / 0.342 (flat within the noise; the numpy pipeline it replaced 0.37-0.41).
pub const SLICE_CHARS: usize = 1 << 15;

/// What signing needs besides the texts.
#[derive(Clone, Copy)]
pub struct Params<'a> {
    /// The entry of each code point of the Basic Multilingual Plane.
    pub table: &'a [u32; BMP],
    /// The sorted code points above the plane that the texts hold, and their entries.
    pub astral: &'a [u32],
    pub astral_entries: &'a [u32],
    /// Words per shingle.
    pub ngram: usize,
    /// The permutations' multipliers and addends (`bands * rows` of them at least).
    pub a: &'a [u32],
    pub b: &'a [u32],
    /// The multiplier of each row of a band (`rows` of them).
    pub mult: &'a [u64],
    pub bands: usize,
    /// The entry bit whose paragraphs are listed in [`Signed::flagged`].
    pub flag: u32,
    /// The entry bit of a digit (a word holding one is a number, for [`masked_key`]).
    pub digit: u32,
    /// Compute the exact and masked keys ([`Signed::exact`], [`Signed::masked`]).
    pub exact: bool,
    /// Keep the shingles whose hash is 0 modulo this as anchors (0: none).
    pub anchor_modulus: u32,
}

/// The signing of a list of paragraphs.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Signed {
    /// The words of each paragraph.
    pub n_words: Vec<i32>,
    /// The paragraphs with shingles (`ngram` words or more), ascending.
    pub signed: Vec<i32>,
    /// Their band keys, `bands` a paragraph, row after row.
    pub keys: Vec<u64>,
    /// The paragraphs holding an entry with the `flag` bit, ascending.
    pub flagged: Vec<i64>,
    /// With `exact`, two 64-bit keys a paragraph ([`exact_key`]); else empty.
    pub exact: Vec<u64>,
    /// With `exact`, two 64-bit keys a paragraph ([`masked_key`]); else empty.
    pub masked: Vec<u64>,
    /// The anchors of each signed paragraph, distinct and ascending, paragraph after paragraph.
    pub anchor_keys: Vec<u32>,
    /// The paragraph of each anchor.
    pub anchor_owner: Vec<i32>,
}

// Odd 64-bit constants (splitmix64's) salting a number word's place and value, and the length,
// in the masked keys (`analysis.masked_keys` had them).
const PLACE: u64 = 0x9E37_79B9_7F4A_7C15;
const VALUE: u64 = 0xBF58_476D_1CE4_E5B9;
const LENGTH: u64 = 0x94D0_49BB_1331_11EB;

/// The 128-bit key of a word sequence: each word's hash salted with its place (from 1), mixed and
/// summed, with two salts; the word count XOR-ed into the second. Equal sequences, equal keys;
/// no words: zeros.
pub fn exact_key(hashes: &[u64]) -> [u64; 2] {
    if hashes.is_empty() {
        return [0, 0];
    }
    let (mut k0, mut k1) = (0u64, 0u64);
    for (j, &h) in hashes.iter().enumerate() {
        let place = j as u64 + 1;
        k0 = k0.wrapping_add(tokens::mix64(h.wrapping_add(place.wrapping_mul(tokens::MULT))));
        k1 = k1.wrapping_add(tokens::mix64(h.wrapping_add(place.wrapping_mul(tokens::MIX2))));
    }
    [k0, k1 ^ hashes.len() as u64]
}

/// The two masked keys of a word sequence: its length and where its numbers stand (`number(j)`:
/// word `j` holds a digit), then the same plus each number's value at its place. No words: zeros.
pub fn masked_key(hashes: &[u64], number: impl Fn(usize) -> bool) -> [u64; 2] {
    if hashes.is_empty() {
        return [0, 0];
    }
    let length = (hashes.len() as u64).wrapping_mul(LENGTH);
    let (mut k0, mut k1) = (length, length);
    for (j, &h) in hashes.iter().enumerate() {
        if number(j) {
            let at = tokens::mix64((j as u64 + 1).wrapping_mul(PLACE));
            k0 = k0.wrapping_add(at);
            k1 = k1.wrapping_add(tokens::mix64(at ^ h.wrapping_mul(VALUE)));
        }
    }
    [k0, k1]
}

/// The word hashes the exact and masked keys read ([`tokens::key_hash`]: a signed number's
/// salted), or the words' own where no entry of the slice is a minus sign (`any`: the entries
/// OR-ed), with no copy.
fn key_hashes<'a>(entries: &[u32], words: &'a tokens::Words, any: u32) -> Cow<'a, [u64]> {
    if any & tokens::MINUS == 0 {
        return Cow::Borrowed(&words.hashes);
    }
    let salted = words.hashes.iter().zip(&words.starts);
    Cow::Owned(salted.map(|(&h, &s)| tokens::key_hash(h, tokens::signed(entries, s as usize))).collect())
}

/// Where [`sign_range`] writes: the range's rows of the outputs, each signed paragraph's id and
/// keys one after the other from the start of `signed` and `keys`.
struct Rows<'a> {
    n_words: &'a mut [i32],
    signed: &'a mut [i32],
    keys: &'a mut [u64],
    /// Two keys a paragraph each (empty without `exact`).
    exact: &'a mut [u64],
    masked: &'a mut [u64],
    /// The signed paragraphs written so far.
    count: usize,
    flagged: Vec<i64>,
    anchor_keys: Vec<u32>,
    anchor_owner: Vec<i32>,
}

/// Signs `texts[lo..hi]` (paragraph ids from `lo`) into `out`, one slice of characters at a time.
fn sign_range(texts: &[Units], lo: usize, hi: usize, p: &Params, out: &mut Rows) -> Result<(), InputError> {
    let rows = p.mult.len();
    let perms = p.bands * rows;
    let (a, b) = (&p.a[..perms], &p.b[..perms]);
    // The signatures of a slice, kept from slice to slice: grown (and zeroed) only when a
    // slice signs more paragraphs than any before it, since `minhash::signatures` writes every
    // value of the rows it is given.
    let mut sigs: Vec<u32> = Vec::new();
    let mut start = lo;
    while start < hi {
        // At least one paragraph a slice, and whole paragraphs.
        let mut end = start + 1;
        let mut chars = texts[start].len();
        while end < hi && chars + texts[end].len() < SLICE_CHARS {
            chars += texts[end].len() + 1;
            end += 1;
        }
        let part = &texts[start..end];
        let (entries, any) = chars::entries(part, p.table, p.astral, p.astral_entries)?;
        let lengths: Vec<i64> = part.iter().map(|t| t.len() as i64).collect();
        if any & p.flag != 0 {
            let found = tokens::flagged_paragraphs(&entries, &lengths, p.flag)?;
            out.flagged.extend(found.iter().map(|&i| i + start as i64));
        }
        let words = tokens::words(&entries, &lengths)?;
        let n_words = &mut out.n_words[start - lo..end - lo];
        if any & tokens::UNIT == 0 {
            // No percent or currency sign in the slice: every word counts, and the count is the
            // offsets' difference (reading each word's first entry was 1.7% of the signing's
            // instructions on speed.py's corpus).
            for (n, w) in n_words.iter_mut().zip(words.offsets.windows(2)) {
                *n = (w[1] - w[0]) as i32;
            }
        } else {
            n_words.copy_from_slice(&tokens::counted_words(&entries, &words));
        }
        if p.exact {
            let rows = 2 * (start - lo)..2 * (end - lo);
            let pairs = out.exact[rows.clone()].chunks_exact_mut(2).zip(out.masked[rows].chunks_exact_mut(2));
            let keyed = key_hashes(&entries, &words, any);
            for ((exact, masked), w) in pairs.zip(words.offsets.windows(2)) {
                let (w0, w1) = (w[0] as usize, w[1] as usize);
                let hashes = &keyed[w0..w1];
                exact.copy_from_slice(&exact_key(hashes));
                let number = |j: usize| {
                    let (s, e) = (words.starts[w0 + j] as usize, words.ends[w0 + j] as usize);
                    entries[s..e].iter().any(|&c| c & p.digit != 0)
                };
                masked.copy_from_slice(&masked_key(hashes, number));
            }
        }
        drop(entries);
        let (hashes, offsets) = tokens::shingles(&words.hashes, &words.offsets, p.ngram)?;
        if p.anchor_modulus > 0 {
            let mut found = Vec::new();
            for (k, w) in offsets.windows(2).enumerate() {
                found.clear();
                found.extend(hashes[w[0] as usize..w[1] as usize].iter().copied().filter(|h| h % p.anchor_modulus == 0));
                found.sort_unstable();
                found.dedup();
                out.anchor_keys.extend_from_slice(&found);
                out.anchor_owner.extend(std::iter::repeat((start + k) as i32).take(found.len()));
            }
        }
        // The paragraphs with shingles, and their segments (strictly increasing offsets).
        let first = out.count;
        let mut segments = vec![0i64];
        for (k, w) in offsets.windows(2).enumerate() {
            if w[1] > w[0] {
                out.signed[out.count] = (start + k) as i32;
                out.count += 1;
                segments.push(w[1]);
            }
        }
        let n = out.count - first;
        if n > 0 {
            // The segments run from 0: the shingles before the first signed paragraph's are none.
            if sigs.len() < n * perms {
                sigs.resize(n * perms, 0);
            }
            let sigs = &mut sigs[..n * perms];
            minhash::signatures(&hashes, &segments, a, b, sigs, 1)?;
            lsh::band_keys(sigs, perms, p.mult, p.bands, &mut out.keys[first * p.bands..out.count * p.bands], 1)?;
        }
        start = end;
    }
    Ok(())
}

/// Signs paragraphs: their word counts, the ones with shingles and their LSH band keys (the
/// keys of `lsh::band_keys` over the MinHash signatures of `minhash::signatures` over the
/// shingles of `tokens::shingles` over the words of `tokens::words`), and the paragraphs
/// holding an entry with `p.flag`.
///
/// `threads` > 1 splits the paragraphs into ranges of about equal character counts, one per
/// thread; the result does not depend on it. Each range writes into its own rows of one
/// output (room for every paragraph, whose untouched pages cost nothing), and the ranges'
/// signed rows are then moved down next to each other: no output is copied into another.
///
/// Errors: `ngram` is 0, fewer than `bands * rows` permutations, `a` and `b` of different
/// lengths, no rows with bands, more than 2^31 paragraphs, or a code point above the plane
/// missing from `astral`.
pub fn sign(texts: &[Units], p: &Params, threads: usize) -> Result<Signed, InputError> {
    let rows = p.mult.len();
    if p.ngram == 0 {
        return Err(InputError("a shingle needs at least one word (ngram = 0)".into()));
    }
    if rows == 0 && p.bands > 0 {
        return Err(InputError("a band needs at least one row (mult is empty)".into()));
    }
    if p.a.len() != p.b.len() {
        return Err(InputError(format!("a has {} permutations, b {}", p.a.len(), p.b.len())));
    }
    if (p.bands as u128) * (rows as u128) > p.a.len() as u128 {
        return Err(InputError(format!("{} bands x {rows} rows need more than {} permutations", p.bands, p.a.len())));
    }
    let n = texts.len();
    if n > i32::MAX as usize {
        return Err(InputError(format!("{n} paragraphs: ids must fit in 31 bits")));
    }
    let room = n.checked_mul(p.bands).ok_or_else(|| InputError(format!("{n} x {} keys overflow", p.bands)))?;
    let mut before = Vec::with_capacity(n + 1);
    before.push(0u64);
    for t in texts {
        before.push(before[before.len() - 1] + t.len() as u64 + 1);
    }
    let bounds = balanced_bounds(n, threads.max(1), |i| before[i]);
    let keyed = if p.exact { 2 * n } else { 0 };
    let mut out =
        Signed { n_words: vec![0; n], signed: vec![0; n], keys: vec![0; room], exact: vec![0; keyed], masked: vec![0; keyed], ..Signed::default() };
    let per = if p.exact { 2 } else { 0 };
    // Each range's rows of the outputs.
    let mut parts = Vec::new();
    {
        let (mut words, mut signed, mut keys) = (&mut out.n_words[..], &mut out.signed[..], &mut out.keys[..]);
        let (mut exact, mut masked) = (&mut out.exact[..], &mut out.masked[..]);
        for w in bounds.windows(2) {
            let len = w[1] - w[0];
            let (wh, wt) = std::mem::take(&mut words).split_at_mut(len);
            let (sh, st) = std::mem::take(&mut signed).split_at_mut(len);
            let (kh, kt) = std::mem::take(&mut keys).split_at_mut(len * p.bands);
            let (eh, et) = std::mem::take(&mut exact).split_at_mut(len * per);
            let (mh, mt) = std::mem::take(&mut masked).split_at_mut(len * per);
            let rows = Rows {
                n_words: wh,
                signed: sh,
                keys: kh,
                exact: eh,
                masked: mh,
                count: 0,
                flagged: Vec::new(),
                anchor_keys: Vec::new(),
                anchor_owner: Vec::new(),
            };
            parts.push((w[0], w[1], rows));
            words = wt;
            signed = st;
            keys = kt;
            exact = et;
            masked = mt;
        }
    }
    type Done = (usize, usize, Vec<i64>, Vec<u32>, Vec<i32>);
    let run = |lo: usize, hi: usize, mut rows: Rows| -> Result<Done, InputError> {
        sign_range(texts, lo, hi, p, &mut rows)?;
        Ok((lo, rows.count, rows.flagged, rows.anchor_keys, rows.anchor_owner))
    };
    let done: Vec<Result<Done, InputError>> = run_parts(parts, |(lo, hi, rows)| run(lo, hi, rows));
    // The ranges' signed rows, moved down next to each other (range `lo`'s start at row `lo`).
    let mut count = 0;
    for part in done {
        let (lo, signed, flagged, anchor_keys, anchor_owner) = part?;
        out.signed.copy_within(lo..lo + signed, count);
        out.keys.copy_within(lo * p.bands..(lo + signed) * p.bands, count * p.bands);
        count += signed;
        out.flagged.extend(flagged);
        if out.anchor_keys.is_empty() {
            (out.anchor_keys, out.anchor_owner) = (anchor_keys, anchor_owner);
        } else {
            out.anchor_keys.extend(anchor_keys);
            out.anchor_owner.extend(anchor_owner);
        }
    }
    out.signed.truncate(count);
    out.keys.truncate(count * p.bands);
    // (A large buffer is its own mapping: shrinking it gives the tail back without a copy.)
    out.signed.shrink_to_fit();
    out.keys.shrink_to_fit();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Vec<u32> {
        // A toy table: ASCII letters and digits fold to lower case, CJK ideographs are SOLO,
        // "é" carries the flag bit 1 << 26.
        (0..BMP as u32)
            .map(|c| match char::from_u32(c) {
                Some(ch) if ch.is_ascii_digit() => c | 1 << 24,
                Some(ch) if ch.is_ascii_alphanumeric() => ch.to_ascii_lowercase() as u32,
                Some('\u{e9}') => 0xE9 | 1 << 26,
                Some(ch) if ('\u{4e00}'..='\u{9fff}').contains(&ch) => c | tokens::SOLO,
                Some('-') | Some('\u{2212}') => tokens::MINUS,
                Some('$') => tokens::CURRENCY | tokens::UNIT,
                _ => 0,
            })
            .collect()
    }

    /// The composition of the kernels over the whole batch at once (what Python does).
    fn reference(texts: &[Units], p: &Params) -> Signed {
        let (entries, any) = chars::entries(texts, p.table, p.astral, p.astral_entries).unwrap();
        let lengths: Vec<i64> = texts.iter().map(|t| t.len() as i64).collect();
        let flagged = if any & p.flag != 0 { tokens::flagged_paragraphs(&entries, &lengths, p.flag).unwrap() } else { vec![] };
        let words = tokens::words(&entries, &lengths).unwrap();
        let (hashes, offsets) = tokens::shingles(&words.hashes, &words.offsets, p.ngram).unwrap();
        let mut out = Signed { flagged, ..Signed::default() };
        out.n_words = tokens::counted_words(&entries, &words);
        let mut segments = vec![];
        for (k, w) in offsets.windows(2).enumerate() {
            if w[1] > w[0] {
                out.signed.push(k as i32);
                segments.push(w[0]);
            }
        }
        let perms = p.bands * p.mult.len();
        if let Some(&last) = offsets.last() {
            segments.push(last);
        }
        if p.exact {
            let keyed: Vec<u64> = words.hashes.iter().zip(&words.starts).map(|(&h, &s)| tokens::key_hash(h, tokens::signed(&entries, s as usize))).collect();
            for w in words.offsets.windows(2) {
                let (w0, w1) = (w[0] as usize, w[1] as usize);
                let digits = |j: usize| (words.starts[w0 + j]..words.ends[w0 + j]).any(|c| entries[c as usize] & p.digit != 0);
                out.exact.extend(exact_key(&keyed[w0..w1]));
                out.masked.extend(masked_key(&keyed[w0..w1], digits));
            }
        }
        if p.anchor_modulus > 0 {
            for (k, w) in offsets.windows(2).enumerate() {
                let mut found: Vec<u32> = hashes[w[0] as usize..w[1] as usize].iter().copied().filter(|h| h % p.anchor_modulus == 0).collect();
                found.sort_unstable();
                found.dedup();
                out.anchor_owner.extend(found.iter().map(|_| k as i32));
                out.anchor_keys.extend(found);
            }
        }
        let n = out.signed.len();
        if n > 0 {
            // Signed segments are contiguous ranges of the shingles, in order, with none between.
            let mut sigs = vec![0u32; n * perms];
            minhash::signatures(&hashes, &segments, &p.a[..perms], &p.b[..perms], &mut sigs, 1).unwrap();
            out.keys = vec![0; n * p.bands];
            lsh::band_keys(&sigs, perms, p.mult, p.bands, &mut out.keys, 1).unwrap();
        }
        out
    }

    #[test]
    fn equals_the_whole_batch_composition_for_any_thread_count() {
        let t = table();
        let table: &[u32; BMP] = t.as_slice().try_into().unwrap();
        let mut s = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            s ^= s >> 12;
            s ^= s << 25;
            s ^= s >> 27;
            s.wrapping_mul(0x2545_F491_4F6C_DD1D)
        };
        let alphabet: Vec<char> = "ab c de\u{e9}f \u{4e2d}\u{6587}  xy\n12-$".chars().collect();
        for case in 0..60 {
            let n = (next() % 40) as usize;
            // Some paragraphs longer than a slice, most short; some empty.
            let owned: Vec<Vec<u16>> = (0..n)
                .map(|_| {
                    let len = if next() % 17 == 0 { SLICE_CHARS + (next() % 500) as usize } else { (next() % 80) as usize };
                    (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize] as u16).collect()
                })
                .collect();
            let texts: Vec<Units> = owned.iter().map(|v| Units::U16(v)).collect();
            let a: Vec<u32> = (0..24).map(|_| next() as u32 | 1).collect();
            let b: Vec<u32> = (0..24).map(|_| next() as u32).collect();
            let mult: Vec<u64> = (0..1 + case % 4).map(|_| next() | 1).collect();
            let bands = 24 / mult.len() - case % 2;
            let (exact, anchor_modulus) = (case % 3 != 0, [0, 1, 3, 7][case % 4]);
            let p = Params {
                table,
                astral: &[],
                astral_entries: &[],
                ngram: 1 + case % 5,
                a: &a,
                b: &b,
                mult: &mult,
                bands,
                flag: 1 << 26,
                digit: 1 << 24,
                exact,
                anchor_modulus,
            };
            let expected = reference(&texts, &p);
            for threads in [1, 2, 3, 8] {
                assert_eq!(sign(&texts, &p, threads).unwrap(), expected, "case {case}, {threads} threads");
            }
        }
    }

    /// Bigrams, two bands, no astral characters, flag, digit bit, exact keys nor anchors.
    fn small_params<'a>(table: &'a [u32; BMP], a: &'a [u32], b: &'a [u32], mult: &'a [u64]) -> Params<'a> {
        Params {
            table,
            astral: &[],
            astral_entries: &[],
            ngram: 2,
            a,
            b,
            mult,
            bands: 2,
            flag: 0,
            digit: 0,
            exact: false,
            anchor_modulus: 0,
        }
    }

    /// The exact key of each text (one paragraph each).
    fn exact_keys(texts: &[&str]) -> Vec<[u64; 2]> {
        let t = table();
        let table: &[u32; BMP] = t.as_slice().try_into().unwrap();
        let (a, b, mult) = ([1u32, 3], [0u32, 1], [1u64]);
        let p = Params { digit: 1 << 24, exact: true, ..small_params(table, &a, &b, &mult) };
        let owned: Vec<Vec<u16>> = texts.iter().map(|t| t.encode_utf16().collect()).collect();
        let units: Vec<Units> = owned.iter().map(|v| Units::U16(v)).collect();
        sign(&units, &p, 1).unwrap().exact.chunks(2).map(|k| [k[0], k[1]]).collect()
    }

    #[test]
    fn a_minus_sign_makes_another_exact_copy_a_range_or_code_does_not() {
        let k = exact_keys(&["it was -5 at 8", "it was 5 at 8", "it was \u{2212}5 at 8", "(-5) x", "( 5) x"]);
        assert_ne!(k[0], k[1]);
        assert_eq!(k[0], k[2]); // one sign in two typographies
        assert_ne!(k[3], k[4]);
        let k = exact_keys(&["pages 10-20", "pages 10 20", "covid-19 x", "covid 19 x", "paris - 5 dead", "paris 5 dead"]);
        assert_eq!((k[0], k[2], k[4]), (k[1], k[3], k[5]));
        let k = exact_keys(&["lost -$3 m", "lost $-3 m", "lost -3 m", "lost $3 m"]);
        assert_eq!((k[0], k[1]), (k[2], k[2]));
        assert_ne!(k[0], k[3]);
    }

    #[test]
    fn refuses_bad_parameters() {
        let t = table();
        let table: &[u32; BMP] = t.as_slice().try_into().unwrap();
        let (a, b, mult) = ([1u32, 3, 5, 7], [0u32, 1, 2, 3], [1u64, 3]);
        let texts = [Units::U8(b"one two three"), Units::U32(&[0x1F600])];
        let p = Params { astral: &[0x1F600], astral_entries: &[0], ..small_params(table, &a, &b, &mult) };
        assert!(sign(&texts, &p, 1).is_ok());
        assert!(sign(&texts, &Params { ngram: 0, ..p }, 1).is_err());
        assert!(sign(&texts, &Params { bands: 3, ..p }, 1).is_err());
        assert!(sign(&texts, &Params { b: &b[..3], ..p }, 1).is_err());
        assert!(sign(&texts, &Params { mult: &[], ..p }, 1).is_err());
        assert!(sign(&texts, &Params { astral: &[], astral_entries: &[], ..p }, 2).is_err());
        let signed = sign(&texts, &p, 1).unwrap();
        assert_eq!((signed.n_words, signed.signed, signed.keys.len()), (vec![3, 0], vec![0], 2));
    }
}
