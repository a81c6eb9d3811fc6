//! Splitting rows of work between threads.

/// Cuts rows `0..n` into at most `parts` consecutive ranges of about equal cost, where the rows
/// before row `i` cost `cost_before(i)` (non-decreasing, `cost_before(0) == 0`). Returns the range
/// bounds, `0` first and `n` last; no range is empty.
pub fn balanced_bounds(n: usize, parts: usize, cost_before: impl Fn(usize) -> u64) -> Vec<usize> {
    let parts = parts.max(1).min(n.max(1));
    let total = cost_before(n);
    let mut bounds = vec![0];
    for k in 1..parts {
        let goal = ((total as u128 * k as u128) / parts as u128) as u64;
        // The first row whose cost before it reaches the goal (binary search on the prefix costs).
        let (mut lo, mut hi) = (*bounds.last().unwrap(), n);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if cost_before(mid) < goal {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if lo > *bounds.last().unwrap() && lo < n {
            bounds.push(lo);
        }
    }
    bounds.push(n);
    if n == 0 {
        bounds.truncate(1);
        bounds.push(0);
    }
    bounds
}

#[cfg(test)]
mod tests {
    use super::balanced_bounds;

    #[test]
    fn bounds_cover_all_rows_without_empty_ranges() {
        for n in 0..40usize {
            for parts in 1..9usize {
                let b = balanced_bounds(n, parts, |i| (i * i) as u64);
                assert_eq!(b[0], 0);
                assert_eq!(*b.last().unwrap(), n);
                assert!(b.len() - 1 <= parts.max(1));
                if n > 0 {
                    assert!(b.windows(2).all(|w| w[0] < w[1]), "{n} {parts} {b:?}");
                }
            }
        }
    }

    #[test]
    fn equal_costs_split_evenly() {
        assert_eq!(balanced_bounds(8, 4, |i| i as u64), vec![0, 2, 4, 6, 8]);
    }
}
