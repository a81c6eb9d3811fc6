//! The candidate pairs of LSH bands (`lsh.band_pairs`, `lsh.band_codes`): the pairs of ids that
//! share a key in a band, as sorted, distinct `lo << 32 | hi` codes.
//!
//! Within a band, the members of a bucket (the positions sharing a key) are taken in position
//! order; a bucket of up to `MAX_BUCKET_PAIRS` members gives all its pairs, a larger one the
//! pairs of consecutive members and of its first member with every other (a star), as
//! `lsh._pairs_from_groups` does. The buckets are found without sorting a band ([`Grouping`],
//! which `settled` uses too).

use crate::split::run_parts;
use crate::InputError;

/// A bucket larger than this gives a star instead of all its pairs (`lsh.MAX_BUCKET_PAIRS`).
pub const MAX_BUCKET_PAIRS: usize = 64;

/// Parts a band is cut into, by the top bits of its keys.
const PART_BITS: u32 = 8;
const NONE: u32 = u32::MAX;

/// One slot of a [`Table`]: a key (its product), the first and last entry of its group, and its
/// number of members (kept from the second on).
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u64,
    stamp: u32,
    first: u32,
    last: u32,
    count: u32,
}

/// The open-addressing table of one part: a slot is live when its stamp is the current one, so
/// the table is never cleared between parts. One array of slots (one bounds check a probe).
#[derive(Default)]
struct Table {
    slots: Vec<Slot>,
    now: u32,
}

impl Table {
    /// Makes room for `n` keys at most half full, and empties the table.
    fn reset(&mut self, n: usize) -> usize {
        let bits = (2 * n.max(1)).next_power_of_two().trailing_zeros().max(4);
        let size = 1usize << bits;
        if self.slots.len() < size {
            *self = Table { slots: vec![Slot::default(); size], now: 0 };
        }
        self.now = self.now.wrapping_add(1);
        if self.now == 0 {
            self.slots.iter_mut().for_each(|s| s.stamp = 0);
            self.now = 1;
        }
        bits as usize
    }
}

/// Appends the pair codes of one bucket's ids (in position order) to `out`.
pub(crate) fn bucket_pairs(v: &[i64], out: &mut Vec<i64>) {
    let code = |a: i64, b: i64| if a < b { a << 32 | b } else { b << 32 | a };
    let mut push = |a: i64, b: i64| {
        if a != b {
            out.push(code(a, b));
        }
    };
    if v.len() <= MAX_BUCKET_PAIRS {
        for i in 0..v.len() {
            for j in i + 1..v.len() {
                push(v[i], v[j]);
            }
        }
    } else {
        for k in 1..v.len() {
            push(v[k - 1], v[k]);
        }
        for k in 2..v.len() {
            push(v[0], v[k]);
        }
    }
}

/// The groups of equal keys of a list, found without sorting it (a band's buckets here, the
/// groups of `settled::groups`: one implementation for both).
///
/// The keys are multiplied by an odd constant (a bijection: equal products, equal keys), cut
/// into 256 parts by the top bits of the product (one pass, in position order), and each part,
/// a few thousand keys at most on any corpus that fits in memory, goes through a hash table that
/// stays in the L1 cache (its slot from the next bits of the product), where a group's members
/// are chained in position order. The buffers are reused from call to call.
///
/// One grouping for both, measured (callgrind) on the 101 calls of `settled_pair_codes` of decide
/// on a 27 MB real-text corpus, and `band_pair_codes` on the same bands: 708.7M -> 685.4M and
/// 378.7M -> 306.0M instructions against the two copies it replaced (the products stored per
/// part, a table of slots as one array, the buffers kept per thread).
#[derive(Default)]
pub(crate) struct Grouping {
    /// The products, part after part (an entry is an index into them).
    hashed: Vec<u64>,
    /// The position of each entry.
    pos: Vec<u32>,
    /// The next entry of each entry's group (`NONE`: the last).
    next: Vec<u32>,
    /// Per key held twice or more: its first entry and its number of members, part after part.
    pub(crate) repeated: Vec<(u32, u32)>,
    part_repeated: Vec<u32>,
    table: Table,
}

impl Grouping {
    /// Finds the groups of `keys` (fewer than 2^32) into [`Grouping::repeated`].
    pub(crate) fn find(&mut self, keys: &[u64]) {
        let n = keys.len();
        let hash = |k: u64| k.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let shift = 64 - PART_BITS;
        let mut starts = [0usize; (1 << PART_BITS) + 1];
        for &k in keys {
            starts[(hash(k) >> shift) as usize + 1] += 1;
        }
        for p in 0..1 << PART_BITS {
            starts[p + 1] += starts[p];
        }
        let mut at = starts;
        // Only grown: every entry below `n` is written next.
        if self.hashed.len() < n {
            self.hashed.resize(n, 0);
            self.pos.resize(n, 0);
        }
        for (i, &k) in keys.iter().enumerate() {
            let h = hash(k);
            let p = (h >> shift) as usize;
            self.hashed[at[p]] = h;
            self.pos[at[p]] = i as u32;
            at[p] += 1;
        }
        self.next.clear();
        self.next.resize(n, NONE);
        self.repeated.clear();
        let t = &mut self.table;
        // Room for the largest part at once (not grown part after part).
        t.reset(starts.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0));
        for p in 0..1 << PART_BITS {
            let (lo, hi) = (starts[p], starts[p + 1]);
            if hi - lo < 2 {
                continue;
            }
            let bits = t.reset(hi - lo);
            let (mask, now) = ((1usize << bits) - 1, t.now);
            self.part_repeated.clear();
            for j in lo..hi {
                let h = self.hashed[j];
                // The top bits are the part's: the slot comes from the next ones.
                let mut s = ((h << PART_BITS) >> (64 - bits)) as usize;
                loop {
                    let slot = &mut t.slots[s];
                    if slot.stamp != now {
                        *slot = Slot { key: h, stamp: now, first: j as u32, last: j as u32, count: 0 };
                        break;
                    }
                    if slot.key == h {
                        // A slot's count is kept from its second member on (most keys have one).
                        if slot.first == slot.last {
                            slot.count = 2;
                            self.part_repeated.push(s as u32);
                        } else {
                            slot.count += 1;
                        }
                        self.next[slot.last as usize] = j as u32;
                        slot.last = j as u32;
                        break;
                    }
                    s = (s + 1) & mask;
                }
            }
            for &s in &self.part_repeated {
                let slot = t.slots[s as usize];
                self.repeated.push((slot.first, slot.count));
            }
        }
    }

    /// The position of entry `entry`.
    pub(crate) fn position(&self, entry: u32) -> u32 {
        self.pos[entry as usize]
    }

    /// The positions (ascending) of the group whose first entry is `first`.
    pub(crate) fn members(&self, first: u32) -> Members<'_> {
        Members { g: self, at: first }
    }
}

/// The positions of one group of a [`Grouping`], in order.
pub(crate) struct Members<'g> {
    g: &'g Grouping,
    at: u32,
}

impl Iterator for Members<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.at == NONE {
            return None;
        }
        let m = self.at as usize;
        self.at = self.g.next[m];
        Some(self.g.pos[m])
    }
}

thread_local! {
    /// Each thread's [`Grouping`], reused from call to call (a call per band or anchor part).
    static GROUPING: std::cell::RefCell<Grouping> = std::cell::RefCell::new(Grouping::default());
}

/// The most entries a thread's [`Grouping`] keeps room for between calls (16 bytes each: 16 MiB,
/// a band of a million paragraphs); a larger call's buffers are freed after it.
const KEPT_ENTRIES: usize = 1 << 20;

/// `f` with this thread's [`Grouping`] (not to be called again from inside `f`).
pub(crate) fn with_grouping<R>(f: impl FnOnce(&mut Grouping) -> R) -> R {
    GROUPING.with(|g| {
        let mut g = g.borrow_mut();
        let out = f(&mut g);
        if g.hashed.len() > KEPT_ENTRIES {
            *g = Grouping::default();
        }
        out
    })
}

/// Appends the pair codes of one band (`column[i]` the key of position `i`, whose id is
/// `ids[i]`) to `out`, in no particular order (a pair once per bucket that holds it).
fn band(column: &[u64], ids: &[i64], g: &mut Grouping, members: &mut Vec<i64>, out: &mut Vec<i64>) {
    g.find(column);
    for &(first, _) in &g.repeated {
        members.clear();
        members.extend(g.members(first).map(|m| ids[m as usize]));
        bucket_pairs(members, out);
    }
}

/// Bands whose keys [`bands_codes`] copies out of the rows in one pass: 8 keys are a 64-byte
/// cache line, so each line of the rows is read once for 8 bands, where a pass per band read a
/// line for each key it took (at 16 bands, 128-byte rows, each line 8 times). Measured (perf's
/// cpu-clock samples of 8 `candidate_clusters` calls on speed.py's 200,000 paragraphs, default
/// settings, on the loaded shared machine): `bands_codes`' own, the copying, 595 -> 262 (5.3% ->
/// 2.6% of the run's); the columns cost 64 bytes a row while the bands are grouped.
const COLUMNS: usize = 8;

/// The sorted, distinct codes of the pairs of bands `bands` of `keys` (row-major, `cols` keys a row).
/// `width` bands' keys at most are copied out at once (see [`COLUMNS`]).
fn bands_codes(keys: &[u64], cols: usize, bands: std::ops::Range<usize>, ids: &[i64], width: usize) -> Vec<i64> {
    let n = ids.len();
    let mut out = Vec::new();
    let mut members = Vec::new();
    let group = width.min(bands.len()).max(1);
    let mut columns = vec![0u64; n * group];
    with_grouping(|g| {
        let mut b = bands.start;
        while b < bands.end {
            let take = group.min(bands.end - b);
            for (i, row) in keys.chunks_exact(cols).enumerate() {
                for (j, &k) in row[b..b + take].iter().enumerate() {
                    columns[j * n + i] = k;
                }
            }
            for column in columns.chunks_exact(n).take(take) {
                band(column, ids, g, &mut members, &mut out);
            }
            b += take;
        }
    });
    out.sort_unstable();
    out.dedup();
    out
}

/// The distinct pairs of ids sharing a key in some band, as sorted `lo << 32 | hi` codes
/// (`lo < hi`; a pair of equal ids is no pair).
///
/// `keys` holds `ids.len()` rows of `cols` keys; `threads` > 1 splits the bands between
/// threads (the result does not depend on it).
///
/// Errors: `keys` is not `ids.len()` rows of `cols`, or an id is outside `0..2^31`.
pub fn band_pair_codes(keys: &[u64], cols: usize, ids: &[i64], threads: usize) -> Result<Vec<i64>, InputError> {
    if keys.len() as u128 != ids.len() as u128 * cols as u128 {
        return Err(InputError(format!("{} keys are not {} rows of {cols}", keys.len(), ids.len())));
    }
    if let Some(bad) = ids.iter().find(|&&i| !(0..1 << 31).contains(&i)) {
        return Err(InputError(format!("the id {bad} is outside 0..2^31")));
    }
    if ids.len() > u32::MAX as usize {
        return Err(InputError(format!("{} rows: positions must fit in 32 bits", ids.len())));
    }
    let threads = threads.max(1).min(cols.max(1));
    if ids.len() < 2 || cols == 0 {
        return Ok(Vec::new());
    }
    if threads == 1 {
        return Ok(bands_codes(keys, cols, 0..cols, ids, COLUMNS));
    }
    let ranges: Vec<_> = (0..threads).map(|t| cols * t / threads..cols * (t + 1) / threads).collect();
    // The threads' band columns together no wider than one thread's (`COLUMNS / threads` each,
    // more passes over the rows): a thread's columns are fresh pages to fault in (8 x 8 bytes a
    // row). Measured (speed.py's corpus, default settings, 2 threads, median of 7 interleaved
    // runs, loaded shared machine): page faults of this call 8,428 -> 5,311, its system CPU-s
    // 0.016 -> 0.008, user 0.056 -> 0.062, wall 0.038 -> 0.034.
    let width = (COLUMNS / threads).max(1);
    let parts = run_parts(ranges, |range| bands_codes(keys, cols, range, ids, width));
    let mut out: Vec<i64> = parts.into_iter().flatten().collect();
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minhash::tests::rng;

    /// The plain definition: sort each band's positions by key (stably), cut the buckets.
    fn reference(keys: &[u64], cols: usize, ids: &[i64]) -> Vec<i64> {
        let mut out = Vec::new();
        for b in 0..cols {
            let mut order: Vec<usize> = (0..ids.len()).collect();
            order.sort_by_key(|&i| keys[i * cols + b]);
            let mut s = 0;
            while s < order.len() {
                let mut e = s + 1;
                while e < order.len() && keys[order[e] * cols + b] == keys[order[s] * cols + b] {
                    e += 1;
                }
                let v: Vec<i64> = order[s..e].iter().map(|&i| ids[i]).collect();
                bucket_pairs(&v, &mut out);
                s = e;
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn equals_the_reference_for_any_thread_count() {
        let mut next = rng(3);
        for case in 0..200 {
            let n = (next() % 400) as usize;
            let cols = 1 + (next() % 6) as usize;
            // Few distinct keys (big buckets, stars), or many; some sharing their top bits.
            let distinct = [2u64, 5, 40, 1000, u64::MAX][case % 5];
            let keys: Vec<u64> = (0..n * cols)
                .map(|_| {
                    let k = next() % distinct;
                    if case % 3 == 0 { k } else { k.wrapping_mul(0xD6E8_FEB8_6659_FD93) }
                })
                .collect();
            // Ids ascending, or shuffled with repeats (a repeated id pairs with nothing).
            let ids: Vec<i64> = (0..n).map(|i| if case % 4 == 0 { (next() % 50) as i64 } else { 3 * i as i64 }).collect();
            let expected = reference(&keys, cols, &ids);
            for threads in [1, 2, 3, 7] {
                assert_eq!(band_pair_codes(&keys, cols, &ids, threads).unwrap(), expected, "case {case}, {threads} threads");
            }
        }
    }

    #[test]
    fn a_grouping_reused_finds_the_same_groups() {
        let groups = |g: &Grouping| -> Vec<Vec<u32>> { g.repeated.iter().map(|&(f, _)| g.members(f).collect()).collect() };
        let mut next = rng(5);
        let big: Vec<u64> = (0..5000).map(|_| next() % 700).collect();
        let small = [9u64, 4, 9, 1, 4, 9];
        let mut reused = Grouping::default();
        reused.find(&big);
        reused.find(&small);
        let mut fresh = Grouping::default();
        fresh.find(&small);
        assert_eq!(groups(&reused), groups(&fresh));
        let mut found = groups(&fresh);
        found.sort();
        assert_eq!(found, vec![vec![0, 2, 5], vec![1, 4]]);
        assert_eq!(fresh.repeated.iter().map(|r| r.1).sum::<u32>(), 5);
    }

    #[test]
    fn big_buckets_are_stars() {
        let n = MAX_BUCKET_PAIRS + 2;
        let ids: Vec<i64> = (0..n as i64).collect();
        let codes = band_pair_codes(&vec![7u64; n], 1, &ids, 1).unwrap();
        assert_eq!(codes.len(), 2 * n - 3);
        assert!(codes.contains(&(1 << 32 | 2)) && codes.contains(&(n as i64 - 1)) && !codes.contains(&(1 << 32 | 3)));
        let small = band_pair_codes(&vec![7u64; 4], 1, &ids[..4], 1).unwrap();
        assert_eq!(small.len(), 6);
    }

    #[test]
    fn refuses_bad_input() {
        assert!(band_pair_codes(&[1, 2, 3], 2, &[0, 1], 1).is_err());
        assert!(band_pair_codes(&[1, 1], 1, &[0, -1], 1).is_err());
        assert!(band_pair_codes(&[1, 1], 1, &[0, 1 << 31], 1).is_err());
        assert_eq!(band_pair_codes(&[1, 1], 1, &[0, 5], 1).unwrap(), vec![5]);
        assert_eq!(band_pair_codes(&[], 0, &[0, 5], 1).unwrap(), Vec::<i64>::new());
    }
}
