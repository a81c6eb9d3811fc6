//! MinHash signatures, bit-identical to `datasketch.MinHash(num_perm, seed)` (its `affine32`
//! scheme) fed the same 32-bit hash values: each value is mixed with MurmurHash3's 32-bit
//! finalizer, permuted by `a * h + b mod 2^32` for each permutation `(a, b)`, and the minimum
//! kept per permutation. The permutation parameters come from the caller (Python draws them
//! from `numpy.random.RandomState(seed)`, as datasketch does).
//!
//! Layout: a segment's hashes are mixed once; then for each block of `BLOCK` permutations the
//! minima stay in registers while the mixed hashes stream by, and the loop over the block's
//! permutations is the inner one, so it runs in SIMD lanes (8 a vector with AVX2).

use crate::split::{balanced_bounds, run_parts};
use crate::InputError;

/// MurmurHash3's 32-bit finalizer (wrapping arithmetic).
#[inline(always)]
pub fn fmix32(mut h: u32) -> u32 {
    h ^= h >> 16;
    h = h.wrapping_mul(0x85EB_CA6B);
    h ^= h >> 13;
    h = h.wrapping_mul(0xC2B2_AE35);
    h ^ (h >> 16)
}

/// Checks the segment offsets of `signatures` against `len` hashes; returns the segment count.
pub fn check_offsets(offsets: &[i64], len: usize) -> Result<usize, InputError> {
    if offsets.is_empty() {
        return Err(InputError("offsets needs at least one entry (segments + 1)".into()));
    }
    if offsets[0] < 0 || offsets[offsets.len() - 1] as u64 > len as u64 {
        return Err(InputError(format!(
            "offsets run from {} to {}, outside the {len} hashes",
            offsets[0],
            offsets[offsets.len() - 1]
        )));
    }
    if offsets.windows(2).any(|w| w[1] <= w[0]) {
        return Err(InputError(
            "an empty shingle set has no MinHash signature; compare short paragraphs exactly \
             (offsets must increase strictly)"
                .into(),
        ));
    }
    Ok(offsets.len() - 1)
}

/// Permutations per register block: 32 minima, multipliers and addends are 12 AVX2 registers
/// of the 16, so a block's minima stay in registers while a segment's hashes stream by.
/// Measured (1.3M shingles of 10 to 120 a segment, 128 permutations, best of 15 on the shared
/// 2-core machine): 32 signs 119M shingles/s, 64 113M, 16 61M, 8 63M, and one pass over all
/// 128 permutations (minima in L1, loaded and stored for every hash) 54M.
const BLOCK: usize = 32;

#[inline(always)]
fn min_block(mixed: &[u32], a: &[u32], b: &[u32], sig: &mut [u32]) {
    let a: &[u32; BLOCK] = a.try_into().expect("a block of BLOCK permutations");
    let b: &[u32; BLOCK] = b.try_into().expect("a block of BLOCK permutations");
    let mut acc = [u32::MAX; BLOCK];
    // Two hashes an iteration: the minimum is taken in any order, so the values are the
    // same, and the loop's counter, branch and the reload of the block's constants are paid
    // once for two hashes. Measured (callgrind, `sign_paragraphs` on 20,000 planted paragraphs
    // of speed.py at its two settings): `sign_rows_avx2` 184.9M -> 171.4M instructions.
    let pairs = mixed.chunks_exact(2);
    let odd = pairs.remainder();
    for m in pairs {
        let (m0, m1) = (m[0], m[1]);
        for l in 0..BLOCK {
            let v0 = a[l].wrapping_mul(m0).wrapping_add(b[l]);
            let v1 = a[l].wrapping_mul(m1).wrapping_add(b[l]);
            acc[l] = acc[l].min(v0.min(v1));
        }
    }
    for &m in odd {
        for l in 0..BLOCK {
            acc[l] = acc[l].min(a[l].wrapping_mul(m).wrapping_add(b[l]));
        }
    }
    sig.copy_from_slice(&acc);
}

#[inline(always)]
fn sign_rows_inline(hashes: &[u32], offsets: &[i64], a: &[u32], b: &[u32], out: &mut [u32]) {
    let perms = a.len();
    if perms == 0 {
        return;
    }
    let whole = perms - perms % BLOCK;
    let mut mixed = Vec::new();
    for (seg, sig) in offsets.windows(2).zip(out.chunks_exact_mut(perms)) {
        mixed.clear();
        mixed.extend(hashes[seg[0] as usize..seg[1] as usize].iter().map(|&h| fmix32(h)));
        for p in (0..whole).step_by(BLOCK) {
            min_block(&mixed, &a[p..p + BLOCK], &b[p..p + BLOCK], &mut sig[p..p + BLOCK]);
        }
        // The permutations after the last whole block, one pass over the hashes.
        if whole == perms {
            continue;
        }
        let tail = &mut sig[whole..];
        tail.fill(u32::MAX);
        for &m in &mixed {
            for ((s, &ai), &bi) in tail.iter_mut().zip(&a[whole..]).zip(&b[whole..]) {
                *s = (*s).min(ai.wrapping_mul(m).wrapping_add(bi));
            }
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn sign_rows_avx2(hashes: &[u32], offsets: &[i64], a: &[u32], b: &[u32], out: &mut [u32]) {
    sign_rows_inline(hashes, offsets, a, b, out)
}

// 16 lanes a vector instead of 8: measured on the 2-core machine (1.1M shingles of 10 to 130
// a segment, 128 permutations, best of 15), 180-189M shingles/s against AVX2's 136-141M.
// Compilers before Rust 1.89 lack the feature (see build.rs).
#[cfg(all(target_arch = "x86_64", nettoyeur_avx512))]
#[target_feature(enable = "avx512f")]
unsafe fn sign_rows_avx512(hashes: &[u32], offsets: &[i64], a: &[u32], b: &[u32], out: &mut [u32]) {
    sign_rows_inline(hashes, offsets, a, b, out)
}

/// Signs the segments `offsets[i]..offsets[i + 1]` into consecutive rows of `out` (checked offsets).
fn sign_rows(hashes: &[u32], offsets: &[i64], a: &[u32], b: &[u32], out: &mut [u32]) {
    #[cfg(all(target_arch = "x86_64", nettoyeur_avx512))]
    {
        if std::is_x86_feature_detected!("avx512f") {
            // SAFETY: as below, for AVX-512 (detected just above).
            return unsafe { sign_rows_avx512(hashes, offsets, a, b, out) };
        }
    }
    #[cfg(target_arch = "x86_64")]
    {
        if std::is_x86_feature_detected!("avx2") {
            // SAFETY: a `target_feature` function is safe to call on a CPU that has the feature,
            // which was detected just above; its body is the same safe code as the fallback.
            return unsafe { sign_rows_avx2(hashes, offsets, a, b, out) };
        }
    }
    sign_rows_inline(hashes, offsets, a, b, out)
}

/// Computes one MinHash signature per segment of a flat array of shingle hashes.
///
/// Segment `i` is `hashes[offsets[i]..offsets[i + 1]]`; its signature is row `i` of `out`
/// (`(offsets.len() - 1) * a.len()` values, row after row). `threads` > 1 splits the segments
/// into ranges of about equal shingle counts, one per thread; the result does not depend on it.
///
/// Errors: offsets outside the hashes, not strictly increasing (an empty segment has no
/// minimum), `a` and `b` of different lengths, or `out` of the wrong length.
pub fn signatures(
    hashes: &[u32],
    offsets: &[i64],
    a: &[u32],
    b: &[u32],
    out: &mut [u32],
    threads: usize,
) -> Result<(), InputError> {
    let n = check_offsets(offsets, hashes.len())?;
    if a.len() != b.len() {
        return Err(InputError(format!("a has {} permutations, b {}", a.len(), b.len())));
    }
    let perms = a.len();
    if out.len() as u128 != n as u128 * perms as u128 {
        return Err(InputError(format!("out holds {} values, not {n} x {perms}", out.len())));
    }
    if n == 0 || perms == 0 {
        return Ok(());
    }
    let base = offsets[0] as u64;
    let bounds = balanced_bounds(n, threads.max(1), |i| offsets[i] as u64 - base);
    if bounds.len() <= 2 {
        // One range (what `sign` asks for each slice): no list of parts to allocate.
        sign_rows(hashes, offsets, a, b, out);
        return Ok(());
    }
    let mut parts = Vec::new();
    let mut rest = out;
    for w in bounds.windows(2) {
        let (mine, tail) = rest.split_at_mut((w[1] - w[0]) * perms);
        rest = tail;
        parts.push((&offsets[w[0]..=w[1]], mine));
    }
    run_parts(parts, |(segs, mine)| sign_rows(hashes, segs, a, b, mine));
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The plain definition: for each permutation, the minimum over the segment.
    fn reference(hashes: &[u32], offsets: &[i64], a: &[u32], b: &[u32]) -> Vec<u32> {
        let mut out = Vec::new();
        for seg in offsets.windows(2) {
            for p in 0..a.len() {
                let vals = hashes[seg[0] as usize..seg[1] as usize].iter();
                out.push(vals.map(|&h| a[p].wrapping_mul(fmix32(h)).wrapping_add(b[p])).min().unwrap());
            }
        }
        out
    }

    /// A small deterministic generator (xorshift64*), so the tests need no crate (shared by the
    /// other modules' tests).
    pub(crate) fn rng(seed: u64) -> impl FnMut() -> u64 {
        let mut s = seed | 1;
        move || {
            s ^= s >> 12;
            s ^= s << 25;
            s ^= s >> 27;
            s.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
    }

    #[test]
    fn fmix32_known_values() {
        // MurmurHash3_x86_32's finalizer: 0 is fixed, and 1 maps to 0x514E28B7.
        assert_eq!(fmix32(0), 0);
        assert_eq!(fmix32(1), 0x514E_28B7);
    }

    #[test]
    fn equals_reference_for_any_thread_count() {
        let mut next = rng(7);
        for case in 0..50 {
            let n = (next() % 40) as usize;
            let perms = 1 + (next() % 70) as usize;
            let mut offsets = vec![(next() % 3) as i64];
            for _ in 0..n {
                offsets.push(offsets.last().unwrap() + 1 + (next() % 30) as i64);
            }
            let len = *offsets.last().unwrap() as usize + (next() % 3) as usize;
            let hashes: Vec<u32> = (0..len).map(|_| next() as u32).collect();
            let a: Vec<u32> = (0..perms).map(|_| next() as u32 | 1).collect();
            let b: Vec<u32> = (0..perms).map(|_| next() as u32).collect();
            let expected = reference(&hashes, &offsets, &a, &b);
            for threads in [1, 2, 3, 8] {
                let mut out = vec![0; n * perms];
                signatures(&hashes, &offsets, &a, &b, &mut out, threads).unwrap();
                assert_eq!(out, expected, "case {case}, {threads} threads");
            }
        }
    }

    /// Whole blocks only (no tail pass) and segments of odd and even lengths (the two-hash
    /// inner loop and its last odd hash), against the plain definition.
    #[test]
    fn whole_blocks_and_odd_segments_equal_reference() {
        let mut next = rng(19);
        for perms in [BLOCK, 2 * BLOCK, 4 * BLOCK, 4 * BLOCK + 3] {
            let mut offsets = vec![0i64];
            for len in 1..=9 {
                offsets.push(offsets.last().unwrap() + len);
            }
            let hashes: Vec<u32> = (0..*offsets.last().unwrap()).map(|_| next() as u32).collect();
            let a: Vec<u32> = (0..perms).map(|_| next() as u32 | 1).collect();
            let b: Vec<u32> = (0..perms).map(|_| next() as u32).collect();
            let mut out = vec![0; 9 * perms];
            signatures(&hashes, &offsets, &a, &b, &mut out, 1).unwrap();
            assert_eq!(out, reference(&hashes, &offsets, &a, &b), "{perms} permutations");
        }
    }

    #[test]
    fn refuses_bad_offsets() {
        let h = [1u32, 2, 3];
        let (a, b) = ([1u32, 3], [0u32, 5]);
        let mut out = vec![0; 4];
        for bad in [&[][..], &[0, 2, 2][..], &[0, 2, 1][..], &[-1, 2, 3][..], &[0, 2, 4][..]] {
            let mut o = vec![0; bad.len().saturating_sub(1) * 2];
            assert!(signatures(&h, bad, &a, &b, &mut o, 1).is_err(), "{bad:?}");
        }
        assert!(signatures(&h, &[0, 1, 3], &a, &b[..1], &mut out, 1).is_err());
        assert!(signatures(&h, &[0, 1, 3], &a, &b, &mut out[..3], 1).is_err());
        assert!(signatures(&h, &[0, 1, 3], &a, &b, &mut out, 1).is_ok());
    }
}
