//! The order candidate pairs are verified in: pairs that share paragraphs side by side, so that a
//! chunk of pairs (each task of verification reads and tokenises its paragraphs) reads fewer
//! paragraphs. Verdicts do not depend on it: each pair is verified alone, and what the dedup stage
//! makes of them (clusters, containment, evidence) does not depend on their order.
//!
//! The paragraphs are ranked breadth first over the graph of pairs (each component from its
//! smallest id, neighbours in id order), and the pairs sorted by their later end's rank, then
//! their earlier end's: the pairs of one neighbourhood come together, as a paragraph's copies and
//! their copies are reached one after the other. On 300k paragraphs of real pages
//! (`benchmarks/real_corpus.py`; 70,678 pairs over 40,659 paragraphs) the chunks of 512 pairs read
//! 55,100 paragraphs instead of 76,252 in corpus order; on the synthetic benchmark corpus (17,963
//! pairs over 10,861) 11,800 instead of 20,996.

use crate::InputError;

/// The positions of `pairs` (paragraph ids, `(a, b)` flat) in the order to verify them: a
/// permutation of `0..pairs.len() / 2`. Ties keep the pairs' own order.
pub fn locality_order(pairs: &[i64]) -> Result<Vec<usize>, InputError> {
    if pairs.len() % 2 != 0 {
        return Err(InputError("pairs: an odd number of paragraph ids".into()));
    }
    if pairs.iter().any(|&p| p < 0) {
        return Err(InputError("pairs: a negative paragraph id".into()));
    }
    let (local, n) = dense_ids(pairs);
    let rank = bfs_ranks(&local, n);
    // Each pair's key looked up once (two ranks), with the pair's position after it: the (key,
    // position) tuples are distinct, so their unstable sort is the stable order of the keys (ties
    // keep the pairs' order), without two rank lookups a comparison as a sort by key would make.
    let mut keyed: Vec<(u64, usize)> =
        local.chunks(2).enumerate().map(|(k, e)| (pair_key(&rank, e[0], e[1]), k)).collect();
    keyed.sort_unstable();
    Ok(keyed.into_iter().map(|(_, k)| k).collect())
}

/// The paragraphs of `pairs` numbered `0..n` in id order: each id's number, in the place of the
/// id, and `n`.
fn dense_ids(pairs: &[i64]) -> (Vec<u32>, usize) {
    let mut ids: Vec<i64> = pairs.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let local = pairs.iter().map(|p| ids.binary_search(p).unwrap_or(0) as u32).collect();
    (local, ids.len())
}

/// Each paragraph's rank breadth first over the graph of pairs (`local`: numbers `0..n`, `(a, b)`
/// flat): each component from its smallest number, neighbours in number order.
fn bfs_ranks(local: &[u32], n: usize) -> Vec<u32> {
    // Neighbours of each paragraph, in id order (compressed rows).
    let mut start = vec![0usize; n + 1];
    for &x in local {
        start[x as usize + 1] += 1;
    }
    for k in 0..n {
        start[k + 1] += start[k];
    }
    let mut fill = start.clone();
    let mut next = vec![0u32; local.len()];
    for e in local.chunks(2) {
        let (a, b) = (e[0], e[1]);
        next[fill[a as usize]] = b;
        fill[a as usize] += 1;
        next[fill[b as usize]] = a;
        fill[b as usize] += 1;
    }
    drop(fill);
    for k in 0..n {
        next[start[k]..start[k + 1]].sort_unstable();
    }
    // Breadth first from each paragraph not yet reached, in id order.
    let mut rank = vec![u32::MAX; n];
    let mut queue: Vec<u32> = Vec::with_capacity(n);
    for s in 0..n {
        if rank[s] != u32::MAX {
            continue;
        }
        rank[s] = queue.len() as u32;
        queue.push(s as u32);
        let mut head = queue.len() - 1;
        while head < queue.len() {
            let x = queue[head] as usize;
            head += 1;
            for &y in &next[start[x]..start[x + 1]] {
                if rank[y as usize] == u32::MAX {
                    rank[y as usize] = queue.len() as u32;
                    queue.push(y);
                }
            }
        }
    }
    rank
}

/// A pair's sort key: its later end's rank, then its earlier end's.
fn pair_key(rank: &[u32], a: u32, b: u32) -> u64 {
    let (ra, rb) = (rank[a as usize], rank[b as usize]);
    (u64::from(ra.max(rb)) << 32) | u64::from(ra.min(rb))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_of_one_neighbourhood_come_together() {
        // Two cliques, {10, 50, 90} and {20, 60}, interleaved in id order.
        let pairs = [10, 50, 10, 90, 20, 60, 50, 90];
        let order = locality_order(&pairs).unwrap();
        // Ranks: 10 -> 0, 50 -> 1, 90 -> 2, 20 -> 3, 60 -> 4.
        assert_eq!(order, vec![0, 1, 3, 2]);
    }

    #[test]
    fn every_pair_once_and_ties_in_their_order() {
        let pairs = [3, 1, 1, 3, 2, 2, 0, 5];
        let mut order = locality_order(&pairs).unwrap();
        // Ranks: 0 -> 0, 5 -> 1, 1 -> 2, 3 -> 3, 2 -> 4: (0,5), then (3,1) and (1,3) tied, then (2,2).
        assert_eq!(order, vec![3, 0, 1, 2]);
        order.sort_unstable();
        assert_eq!(order, vec![0, 1, 2, 3]);
        assert_eq!(locality_order(&[]).unwrap(), Vec::<usize>::new());
        assert!(locality_order(&[1, 2, 3]).is_err());
        assert!(locality_order(&[1, -2]).is_err());
    }

    #[test]
    fn the_order_is_a_stable_sort_by_key() {
        // The oracle: a stable sort of the positions by their key, the key asked at each comparison.
        // Pairs drawn from few paragraphs, so that many pairs repeat and keys tie.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for len in [0usize, 1, 2, 7, 64, 1000] {
            for ids in [3i64, 20, 300] {
                let pairs: Vec<i64> = (0..2 * len)
                    .map(|_| {
                        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                        ((state >> 33) % ids as u64) as i64 * 7
                    })
                    .collect();
                let (local, n) = dense_ids(&pairs);
                let rank = bfs_ranks(&local, n);
                let mut expected: Vec<usize> = (0..len).collect();
                expected.sort_by_key(|&k| pair_key(&rank, local[2 * k], local[2 * k + 1]));
                assert_eq!(locality_order(&pairs).unwrap(), expected, "{len} pairs over {ids} ids");
            }
        }
    }
}
