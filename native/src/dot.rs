//! The dot product of 8 u32 values with 8 u64 factors, mod 2^64, with AVX2 (a word's first
//! characters in `tokens`, a band's signature slots in `lsh`): each product `c * f` as
//! `c * lo(f) + (c * hi(f) << 32)`, two exact 32 x 32 -> 64-bit products (`_mm256_mul_epu32`,
//! 4 lanes a multiplication), where the scalar code made one 64-bit multiplication a value.
//! Wrapping arithmetic is the ring of integers mod 2^64, so the sum is the scalar one.

#[cfg(target_arch = "x86_64")]
use std::arch::x86_64::{
    __m256i, _mm256_add_epi64, _mm256_castsi256_si128, _mm256_cvtepu32_epi64, _mm256_extracti128_si256,
    _mm256_mul_epu32, _mm256_setr_epi64x, _mm256_slli_epi64, _mm_add_epi64, _mm_cvtsi128_si64, _mm_unpackhi_epi64,
};

/// 8 u64 factors as `_mm256_mul_epu32` takes them: the low and the high 32 bits of factors 0-3,
/// then of factors 4-7.
#[cfg(target_arch = "x86_64")]
#[derive(Clone, Copy)]
pub struct Factors8([__m256i; 4]);

#[cfg(target_arch = "x86_64")]
impl Factors8 {
    /// The factors `f[0..8]`.
    ///
    /// Safety: the CPU has AVX2.
    #[target_feature(enable = "avx2")]
    pub unsafe fn new(f: &[u64; 8]) -> Self {
        let half = |k: usize, high: bool| (if high { f[k] >> 32 } else { f[k] & 0xFFFF_FFFF }) as i64;
        let four = |at: usize, high: bool| _mm256_setr_epi64x(half(at, high), half(at + 1, high), half(at + 2, high), half(at + 3, high));
        Factors8([four(0, false), four(0, true), four(4, false), four(4, true)])
    }

    /// `sum_k c[k] * f[k] mod 2^64` of the 8 u32 lanes of `c`.
    ///
    /// Safety: the CPU has AVX2.
    #[target_feature(enable = "avx2")]
    #[inline]
    pub unsafe fn dot(&self, c: __m256i) -> u64 {
        let q = &self.0;
        let (c0, c1) = (_mm256_cvtepu32_epi64(_mm256_castsi256_si128(c)), _mm256_cvtepu32_epi64(_mm256_extracti128_si256(c, 1)));
        let p0 = _mm256_add_epi64(_mm256_mul_epu32(c0, q[0]), _mm256_slli_epi64(_mm256_mul_epu32(c0, q[1]), 32));
        let p1 = _mm256_add_epi64(_mm256_mul_epu32(c1, q[2]), _mm256_slli_epi64(_mm256_mul_epu32(c1, q[3]), 32));
        let sum = _mm256_add_epi64(p0, p1);
        let half = _mm_add_epi64(_mm256_castsi256_si128(sum), _mm256_extracti128_si256(sum, 1));
        (_mm_cvtsi128_si64(half) as u64).wrapping_add(_mm_cvtsi128_si64(_mm_unpackhi_epi64(half, half)) as u64)
    }
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use super::*;
    use std::arch::x86_64::{__m256i, _mm256_loadu_si256};

    #[test]
    fn equals_the_wrapping_scalar_sum() {
        if !std::is_x86_feature_detected!("avx2") {
            return;
        }
        let mut s = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        for case in 0..500 {
            let f: [u64; 8] = std::array::from_fn(|_| if case % 5 == 0 { u64::MAX - next() % 3 } else { next() });
            let c: [u32; 8] = std::array::from_fn(|_| if case % 7 == 0 { u32::MAX } else { next() as u32 });
            let want = c.iter().zip(&f).fold(0u64, |k, (&c, &f)| k.wrapping_add((c as u64).wrapping_mul(f)));
            // SAFETY: AVX2 was detected above; `c` holds 8 u32, the 32 bytes the load reads.
            let got = unsafe { Factors8::new(&f).dot(_mm256_loadu_si256(c.as_ptr() as *const __m256i)) };
            assert_eq!(got, want, "case {case}");
        }
    }
}
