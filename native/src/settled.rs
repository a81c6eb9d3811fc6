//! The candidate pairs of one LSH band or one anchor part less the pairs families settle
//! (`analysis.settled_band_codes`, `analysis.settled_anchor_codes`; the plain reading is
//! `tests/settled_reference.py`), and the first paragraph of each exact group, family and variant
//! (`first_of_keys`).
//!
//! A bucket is the positions sharing a key, taken in position order (the buckets themselves in
//! key order). A bucket whose members are all of one family pairs only the members of one
//! variant: its members are grouped again by their *salted* key (the key xor the splitmix64 of
//! the variant times an odd constant, so that a collision between two buckets' salted keys only
//! adds pairs), over every such bucket at once. A bucket of two families or more gives all its
//! pairs, less those of one family and two variants. Each group gives its pairs as
//! `lsh_pairs::bucket_pairs` does (all of them up to `MAX_BUCKET_PAIRS` members, a star past it).
//!
//! The buckets are found without sorting the keys, as `lsh_pairs` finds a band's (its
//! `Grouping`: the keys cut into 256 parts by the top bits of their multiplied hash, each part
//! through an open-addressing table that stays in the L1 cache, a key's members chained in
//! position order); only the repeated keys are sorted.

use crate::lsh_pairs::{bucket_pairs, with_grouping, Grouping, MAX_BUCKET_PAIRS};
use crate::tokens::mix64;
use crate::InputError;

/// The odd constant a variant is multiplied by before it is mixed into a salted key (`_PLACE` of
/// `tests/settled_reference.py`, the numpy reading).
const PLACE: u64 = 0x9E37_79B9_7F4A_7C15;
const NONE: u32 = u32::MAX;

/// What [`settled_pair_codes`] returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settled {
    /// The `lo << 32 | hi` codes of the pairs left, in no particular order.
    pub codes: Vec<i64>,
    /// The pairs families settled: those the buckets of one family would have given beyond
    /// their variants' pairs, and those of one family and two variants in the other buckets.
    pub left_out: i64,
}

/// The keys' groups of two members or more (none past `max_group` members), in key order:
/// `(members, starts)`, the positions of each group one after the other, ascending within a
/// group, and where each group starts (with the end last).
fn groups(keys: &[u64], max_group: Option<usize>) -> (Vec<u32>, Vec<usize>) {
    with_grouping(|g| groups_in(g, keys, max_group))
}

fn groups_in(g: &mut Grouping, keys: &[u64], max_group: Option<usize>) -> (Vec<u32>, Vec<usize>) {
    g.find(keys);
    // Per repeated key, its first entry and its count.
    let mut repeated: Vec<(u64, u32, u32)> = g
        .repeated
        .iter()
        .filter(|r| max_group.map_or(true, |most| r.1 as usize <= most))
        .map(|&(first, count)| (keys[g.position(first) as usize], first, count))
        .collect();
    repeated.sort_unstable_by_key(|r| r.0);
    let mut members = Vec::with_capacity(repeated.iter().map(|r| r.2 as usize).sum());
    let mut out_starts = Vec::with_capacity(repeated.len() + 1);
    for &(_, first, _) in &repeated {
        out_starts.push(members.len());
        members.extend(g.members(first));
    }
    out_starts.push(members.len());
    (members, out_starts)
}

/// The pairs of positions sharing a value of `values` (taken in the order given), as codes of
/// their ids, appended to `out` (values of one member only make none).
fn grouped_pairs(values: &[u64], ids: &[i64], out: &mut Vec<i64>) {
    let (members, starts) = groups(values, None);
    let mut group: Vec<i64> = Vec::new();
    for w in starts.windows(2) {
        group.clear();
        group.extend(members[w[0]..w[1]].iter().map(|&m| ids[m as usize]));
        bucket_pairs(&group, out);
    }
}

fn sort_distinct(codes: &mut Vec<i64>) {
    codes.sort_unstable();
    codes.dedup();
}

/// The pair codes of the positions sharing a key, less the pairs families settle, and how many
/// were left out (see the module's comment).
///
/// Args: `keys[i]` the key of position `i`, whose paragraph id is `ids[i]`; `family` and
/// `variant` of every paragraph id; `max_group`: groups of more members are ignored (None: none
/// is); `distinct`: each of the two kinds of pairs (one family's, several families') sorted
/// and without repeats before they are counted and joined, as `lsh.band_codes` gives them
/// (a band), or one code per pair and key shared, as `lsh.group_pair_codes` (an anchor part).
///
/// Errors: `keys` and `ids` differ in length, `family` and `variant` too, an id is outside
/// `0..2^31` or has no family, or there are 2^32 positions or more.
pub fn settled_pair_codes(
    keys: &[u64],
    ids: &[i64],
    family: &[i64],
    variant: &[i64],
    max_group: Option<usize>,
    distinct: bool,
) -> Result<Settled, InputError> {
    if keys.len() != ids.len() {
        return Err(InputError(format!("{} keys for {} ids", keys.len(), ids.len())));
    }
    if family.len() != variant.len() {
        return Err(InputError(format!("{} families for {} variants", family.len(), variant.len())));
    }
    if let Some(bad) = ids.iter().find(|&&i| !(0..1 << 31).contains(&i) || i as usize >= family.len()) {
        return Err(InputError(format!("the id {bad} is outside 0..2^31 or has no family")));
    }
    if ids.len() >= NONE as usize {
        return Err(InputError(format!("{} positions: they must fit in 32 bits", ids.len())));
    }
    let (members, starts) = groups(keys, max_group);
    let mut possible: i64 = 0;
    let mut several: Vec<i64> = Vec::new();
    let mut salted: Vec<u64> = Vec::new();
    let mut plain_ids: Vec<i64> = Vec::new();
    let mut group: Vec<i64> = Vec::new();
    for w in starts.windows(2) {
        let bucket = &members[w[0]..w[1]];
        let fam = family[ids[bucket[0] as usize] as usize];
        if bucket.iter().any(|&m| family[ids[m as usize] as usize] != fam) {
            group.clear();
            group.extend(bucket.iter().map(|&m| ids[m as usize]));
            bucket_pairs(&group, &mut several);
        } else {
            let size = bucket.len() as i64;
            possible += if bucket.len() <= MAX_BUCKET_PAIRS { size * (size - 1) / 2 } else { 2 * size - 3 };
            for &m in bucket {
                let id = ids[m as usize];
                salted.push(keys[m as usize] ^ mix64((variant[id as usize] as u64).wrapping_mul(PLACE)));
                plain_ids.push(id);
            }
        }
    }
    let mut codes: Vec<i64> = Vec::new();
    grouped_pairs(&salted, &plain_ids, &mut codes);
    if distinct {
        sort_distinct(&mut codes);
        sort_distinct(&mut several);
    }
    let same = codes.len() as i64;
    let before = several.len() as i64;
    several.retain(|&c| {
        let (lo, hi) = ((c >> 32) as usize, (c & 0xFFFF_FFFF) as usize);
        family[lo] != family[hi] || variant[lo] == variant[hi]
    });
    let dropped = before - several.len() as i64;
    codes.extend(several);
    Ok(Settled { codes, left_out: possible - same + dropped })
}

/// Per position, the first id (in the order given) whose key pair `(a, b)` is the position's own
/// (`analysis.exact_groups`, `analysis.families`: with the ids ascending, the smallest id with
/// the same key): one open-addressing table over the keys instead of numpy's sort of them.
///
/// Errors: `ids`, `a` and `b` differ in length, or there are 2^32 positions or more.
pub fn first_of_keys(ids: &[i64], a: &[u64], b: &[u64]) -> Result<Vec<i64>, InputError> {
    if a.len() != ids.len() || b.len() != ids.len() {
        return Err(InputError(format!("{} ids for {} and {} keys", ids.len(), a.len(), b.len())));
    }
    if ids.len() >= NONE as usize {
        return Err(InputError(format!("{} positions: they must fit in 32 bits", ids.len())));
    }
    let bits = (2 * ids.len().max(1)).next_power_of_two().trailing_zeros().max(4);
    let mask = (1usize << bits) - 1;
    let mut slot = vec![NONE; 1 << bits];
    let mut out = Vec::with_capacity(ids.len());
    for i in 0..ids.len() {
        let h = mix64(a[i] ^ b[i].wrapping_mul(PLACE));
        let mut s = (h >> (64 - bits)) as usize;
        loop {
            let first = slot[s];
            if first == NONE {
                slot[s] = i as u32;
                out.push(ids[i]);
                break;
            }
            if a[first as usize] == a[i] && b[first as usize] == b[i] {
                out.push(ids[first as usize]);
                break;
            }
            s = (s + 1) & mask;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minhash::tests::rng;

    /// The plain definition: sort the positions by (key, position), cut the buckets; the salted
    /// keys of the one-family buckets sorted the same way.
    fn reference(keys: &[u64], ids: &[i64], family: &[i64], variant: &[i64], max_group: Option<usize>, distinct: bool) -> (Vec<i64>, i64) {
        let cut = |values: &[u64], order: &[usize]| -> Vec<Vec<usize>> {
            let mut sorted: Vec<usize> = order.to_vec();
            sorted.sort_by_key(|&i| values[i]);
            let mut out = Vec::new();
            let mut s = 0;
            while s < sorted.len() {
                let mut e = s + 1;
                while e < sorted.len() && values[sorted[e]] == values[sorted[s]] {
                    e += 1;
                }
                out.push(sorted[s..e].to_vec());
                s = e;
            }
            out
        };
        let all: Vec<usize> = (0..keys.len()).collect();
        let (mut same, mut several, mut possible) = (Vec::new(), Vec::new(), 0i64);
        let mut plain: Vec<usize> = Vec::new();
        for b in cut(keys, &all) {
            if b.len() < 2 || max_group.map_or(false, |most| b.len() > most) {
                continue;
            }
            let v: Vec<i64> = b.iter().map(|&i| ids[i]).collect();
            if v.iter().all(|&id| family[id as usize] == family[v[0] as usize]) {
                let n = v.len() as i64;
                possible += if v.len() <= MAX_BUCKET_PAIRS { n * (n - 1) / 2 } else { 2 * n - 3 };
                plain.extend(b);
            } else {
                bucket_pairs(&v, &mut several);
            }
        }
        let salted: Vec<u64> = (0..keys.len()).map(|i| keys[i] ^ mix64((variant[ids[i] as usize] as u64).wrapping_mul(PLACE))).collect();
        // The plain members in (key, position) order, then grouped stably by salted key.
        let rank: Vec<usize> = plain.clone();
        let mut by_salt: Vec<usize> = (0..rank.len()).collect();
        by_salt.sort_by_key(|&r| salted[rank[r]]);
        let mut s = 0;
        while s < by_salt.len() {
            let mut e = s + 1;
            while e < by_salt.len() && salted[rank[by_salt[e]]] == salted[rank[by_salt[s]]] {
                e += 1;
            }
            let v: Vec<i64> = by_salt[s..e].iter().map(|&r| ids[rank[r]]).collect();
            bucket_pairs(&v, &mut same);
            s = e;
        }
        if distinct {
            sort_distinct(&mut same);
            sort_distinct(&mut several);
        }
        let before = several.len() as i64;
        several.retain(|&c| {
            let (lo, hi) = ((c >> 32) as usize, (c & 0xFFFF_FFFF) as usize);
            family[lo] != family[hi] || variant[lo] == variant[hi]
        });
        let left_out = possible - same.len() as i64 + before - several.len() as i64;
        same.extend(several);
        same.sort_unstable();
        (same, left_out)
    }

    #[test]
    fn equals_the_reference() {
        let mut next = rng(11);
        for case in 0..300 {
            let n = (next() % 300) as usize;
            let distinct_keys = [2u64, 3, 20, 200, u64::MAX][case % 5];
            let keys: Vec<u64> = (0..n).map(|_| (next() % distinct_keys).wrapping_mul(0xD6E8_FEB8_6659_FD93)).collect();
            let ids: Vec<i64> = (0..n).map(|i| if case % 4 == 0 { (next() % 60) as i64 } else { 2 * i as i64 }).collect();
            let m = 2 * n + 60;
            let families = 1 + next() % 4;
            let family: Vec<i64> = (0..m).map(|_| (next() % families) as i64).collect();
            let variant: Vec<i64> = (0..m).map(|_| (next() % 3) as i64).collect();
            let max_group = [None, Some(5), Some(70)][case % 3];
            for distinct in [false, true] {
                let got = settled_pair_codes(&keys, &ids, &family, &variant, max_group, distinct).unwrap();
                let mut codes = got.codes.clone();
                codes.sort_unstable();
                assert_eq!((codes, got.left_out), reference(&keys, &ids, &family, &variant, max_group, distinct), "case {case}");
            }
        }
    }

    #[test]
    fn one_family_pairs_only_its_variants() {
        // One bucket of four paragraphs of one family: variants 0, 0, 1, 1 pair as (0, 1) and (2, 3).
        let got = settled_pair_codes(&[9; 4], &[0, 1, 2, 3], &[0; 4], &[0, 0, 1, 1], None, true).unwrap();
        assert_eq!(got.codes, vec![1, 2 << 32 | 3]);
        assert_eq!(got.left_out, 4);
        // Two families: every pair but those of one family and two variants.
        let got = settled_pair_codes(&[9; 3], &[0, 1, 2], &[0, 0, 1], &[0, 1, 1], None, false).unwrap();
        let mut codes = got.codes;
        codes.sort_unstable();
        assert_eq!(codes, vec![2, 1 << 32 | 2]);
        assert_eq!(got.left_out, 1);
        // A group past max_group gives nothing, and is not counted.
        let got = settled_pair_codes(&[9; 3], &[0, 1, 2], &[0; 3], &[0; 3], Some(2), false).unwrap();
        assert_eq!(got, Settled { codes: vec![], left_out: 0 });
    }

    #[test]
    fn refuses_bad_input() {
        assert!(settled_pair_codes(&[1, 2], &[0], &[0], &[0], None, true).is_err());
        assert!(settled_pair_codes(&[1], &[0], &[0, 1], &[0], None, true).is_err());
        assert!(settled_pair_codes(&[1], &[-1], &[0], &[0], None, true).is_err());
        assert!(settled_pair_codes(&[1], &[1], &[0], &[0], None, true).is_err());
        assert_eq!(settled_pair_codes(&[], &[], &[], &[], None, true).unwrap(), Settled { codes: vec![], left_out: 0 });
    }

    #[test]
    fn first_of_keys_is_the_first_with_the_same_pair() {
        let mut next = rng(5);
        for case in 0..100 {
            let n = (next() % 500) as usize;
            let values = [1u64, 3, 50, u64::MAX][case % 4];
            let a: Vec<u64> = (0..n).map(|_| next() % values).collect();
            let b: Vec<u64> = (0..n).map(|_| next() % 2).collect();
            let ids: Vec<i64> = (0..n as i64).map(|i| 3 * i + 1).collect();
            let expected: Vec<i64> = (0..n).map(|i| ids[(0..=i).find(|&j| a[j] == a[i] && b[j] == b[i]).unwrap()]).collect();
            assert_eq!(first_of_keys(&ids, &a, &b).unwrap(), expected, "case {case}");
        }
        assert!(first_of_keys(&[1, 2], &[0], &[0, 0]).is_err());
    }
}
