//! LSH band keys: each band of `rows` signature slots folded into one 64-bit key,
//! `(sum over r of slot[r] * mult[r] mod 2^64)`, then `key ^ (key >> 29)`: the same values as
//! `nettoyeur.lsh`'s numpy formula did (its test oracle is kept in the Python tests).

#[cfg(target_arch = "x86_64")]
use crate::dot::Factors8;
use crate::split::{balanced_bounds, run_parts};
use crate::InputError;

/// The key of each band of each signature: with AVX2, 8 rows of a band at once
/// ([`keys_rows_avx2`]), else [`keys_rows_plain`].
fn keys_rows(sigs: &[u32], cols: usize, mult: &[u64], bands: usize, out: &mut [u64]) {
    #[cfg(target_arch = "x86_64")]
    {
        if mult.len() >= 8 && std::is_x86_feature_detected!("avx2") {
            // SAFETY: a `target_feature` function is safe to call on a CPU that has the
            // feature, which was detected just above.
            return unsafe { keys_rows_avx2(sigs, cols, mult, bands, out) };
        }
    }
    keys_rows_plain(sigs, cols, mult, bands, out)
}

/// [`keys_rows`] with AVX2: each band's slots 8 at a time as one dot product with their rows'
/// multipliers ([`Factors8`]), the rows past the last 8 one by one; the same wrapping sums.
/// Measured (callgrind, `candidate_clusters` on 60,000 of speed.py's paragraphs): 79.1M -> 48.3M
/// instructions at the default settings (16 bands of 8 rows), 64.2M -> 34.9M at rensa's (8 of 16).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn keys_rows_avx2(sigs: &[u32], cols: usize, mult: &[u64], bands: usize, out: &mut [u64]) {
    use std::arch::x86_64::{__m256i, _mm256_loadu_si256};
    let rows = mult.len();
    let whole = rows - rows % 8;
    let factors: Vec<Factors8> =
        mult[..whole].chunks_exact(8).map(|m| Factors8::new(m.try_into().expect("8 multipliers"))).collect();
    for (sig, keys) in sigs.chunks_exact(cols).zip(out.chunks_exact_mut(bands)) {
        for (band, key) in keys.iter_mut().enumerate() {
            let slots = &sig[band * rows..(band + 1) * rows];
            let mut k = 0u64;
            for (eight, f) in slots.chunks_exact(8).zip(&factors) {
                // SAFETY: `eight` holds 8 u32 (32 bytes), all that the unaligned load reads.
                k = k.wrapping_add(f.dot(_mm256_loadu_si256(eight.as_ptr() as *const __m256i)));
            }
            let k = slots[whole..].iter().zip(&mult[whole..]).fold(k, |k, (&s, &m)| k.wrapping_add((s as u64).wrapping_mul(m)));
            *key = k ^ (k >> 29);
        }
    }
}

/// [`keys_rows`] one slot at a time.
fn keys_rows_plain(sigs: &[u32], cols: usize, mult: &[u64], bands: usize, out: &mut [u64]) {
    let rows = mult.len();
    for (sig, keys) in sigs.chunks_exact(cols).zip(out.chunks_exact_mut(bands)) {
        for (band, key) in keys.iter_mut().enumerate() {
            let slots = &sig[band * rows..(band + 1) * rows];
            let k = slots.iter().zip(mult).fold(0u64, |k, (&s, &m)| k.wrapping_add((s as u64).wrapping_mul(m)));
            *key = k ^ (k >> 29);
        }
    }
}

/// Folds each band of each signature into a 64-bit key.
///
/// `sigs` holds `n` signatures of `cols` slots, row after row; band `j` of a signature is its
/// slots `j * rows..(j + 1) * rows`, where `rows = mult.len()`. Keys go to `out`, `n * bands`
/// values, row after row. `threads` > 1 splits the signatures between threads.
///
/// Errors: `bands * rows` over `cols`, `sigs` not a whole number of rows, or `out` of the wrong length.
pub fn band_keys(
    sigs: &[u32],
    cols: usize,
    mult: &[u64],
    bands: usize,
    out: &mut [u64],
    threads: usize,
) -> Result<(), InputError> {
    let rows = mult.len();
    if rows == 0 && bands > 0 {
        return Err(InputError("a band needs at least one row (mult is empty)".into()));
    }
    let used = bands as u128 * rows as u128;
    if used > cols as u128 {
        return Err(InputError(format!("{bands} bands x {rows} rows need more than the {cols} slots of a signature")));
    }
    if cols == 0 {
        if !sigs.is_empty() {
            return Err(InputError("signatures of no slots hold no values".into()));
        }
        // No slots: every signature, of which there can be any number, is empty; nothing to fold.
        return if out.is_empty() { Ok(()) } else { Err(InputError("out must be empty for signatures of no slots".into())) };
    }
    if sigs.len() % cols != 0 {
        return Err(InputError(format!("{} values are not whole signatures of {cols} slots", sigs.len())));
    }
    let n = sigs.len() / cols;
    if out.len() as u128 != n as u128 * bands as u128 {
        return Err(InputError(format!("out holds {} keys, not {n} x {bands}", out.len())));
    }
    if n == 0 || bands == 0 {
        return Ok(());
    }
    let bounds = balanced_bounds(n, threads.max(1), |i| i as u64);
    if bounds.len() <= 2 {
        // One range (what `sign` asks for each slice): no list of parts to allocate.
        keys_rows(sigs, cols, mult, bands, out);
        return Ok(());
    }
    let mut parts = Vec::new();
    let mut rest = out;
    for w in bounds.windows(2) {
        let (mine, tail) = rest.split_at_mut((w[1] - w[0]) * bands);
        rest = tail;
        parts.push((&sigs[w[0] * cols..w[1] * cols], mine));
    }
    run_parts(parts, |(part, mine)| keys_rows(part, cols, mult, bands, mine));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_band_by_hand() {
        let sigs = [1u32, 2, 3, 4, 9, 9];
        let mult = [3u64, 5];
        let mut out = vec![0u64; 3];
        band_keys(&sigs, 6, &mult, 3, &mut out, 1).unwrap();
        let k = |x: u64| x ^ (x >> 29);
        assert_eq!(out, vec![k(3 + 10), k(9 + 20), k(27 + 45)]);
    }

    #[test]
    fn wraps_and_ignores_unused_slots_for_any_thread_count() {
        let mult = [u64::MAX, 0x9E37_79B9_7F4A_7C15];
        let sigs: Vec<u32> = (0..7 * 5).map(|i| u32::MAX - i).collect();
        let mut one = vec![0u64; 7 * 2];
        band_keys(&sigs, 5, &mult, 2, &mut one, 1).unwrap();
        for threads in [2, 3, 16] {
            let mut many = vec![0u64; 7 * 2];
            band_keys(&sigs, 5, &mult, 2, &mut many, threads).unwrap();
            assert_eq!(one, many);
        }
        let s = (u32::MAX - 5) as u64;
        let t = (u32::MAX - 6) as u64;
        let k = s.wrapping_mul(mult[0]).wrapping_add(t.wrapping_mul(mult[1]));
        assert_eq!(one[2], k ^ (k >> 29));
    }

    #[test]
    fn the_vector_keys_equal_the_plain_keys() {
        let mut s = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        for rows in [1, 7, 8, 9, 16, 19] {
            let (bands, n) = (3, 5);
            let cols = bands * rows + rows % 2;
            let mult: Vec<u64> = (0..rows).map(|r| if r % 3 == 0 { u64::MAX } else { next() | 1 }).collect();
            let sigs: Vec<u32> = (0..n * cols).map(|i| if i % 5 == 0 { u32::MAX } else { next() as u32 }).collect();
            let (mut fast, mut plain) = (vec![0u64; n * bands], vec![0u64; n * bands]);
            keys_rows(&sigs, cols, &mult, bands, &mut fast);
            keys_rows_plain(&sigs, cols, &mult, bands, &mut plain);
            assert_eq!(fast, plain, "{rows} rows");
        }
    }

    #[test]
    fn refuses_bad_shapes() {
        let mut out = vec![0u64; 2];
        assert!(band_keys(&[1, 2, 3, 4], 2, &[1, 1], 2, &mut out, 1).is_err()); // 4 slots used of 2
        assert!(band_keys(&[1, 2, 3], 2, &[1], 1, &mut out, 1).is_err()); // not whole rows
        assert!(band_keys(&[1, 2, 3, 4], 2, &[1], 1, &mut out[..1], 1).is_err()); // out too short
        assert!(band_keys(&[1, 2, 3, 4], 2, &[1], 1, &mut out, 1).is_ok());
        assert!(band_keys(&[], 0, &[], 0, &mut [], 1).is_ok());
        assert!(band_keys(&[1, 2], 2, &[], 1, &mut out[..1], 1).is_err()); // a band of no rows
    }
}
