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

/// `f` of each of `parts`, in order: the first part on the calling thread, each other on a
/// thread of its own (scoped: joined, never spun on, before this returns).
///
/// The calling thread works rather than sleeps until the others are done: one thread fewer to
/// start a call, and the first part's thread-local buffers (`lsh_pairs`' grouping) and malloc
/// arena are the caller's, kept from call to call. What 2 threads cost more CPU than 1 is not
/// work: callgrind counts the same instructions on speed.py's corpus (200,000 paragraphs,
/// `candidate_clusters`, default settings: 6.825 G at 2 threads, 6.820 G at 1, with threads
/// started per part), and the page faults are 18.5 k against 14.2 k (the second thread's band
/// columns and grouping, 0.01 s of system time); the rest is the two cores running at once.
pub fn run_parts<T: Send, R: Send>(parts: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let mut parts = parts.into_iter();
    let first = match parts.next() {
        Some(first) => first,
        None => return Vec::new(),
    };
    let f = &f;
    if parts.len() == 0 {
        return vec![f(first)];
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts.map(|part| scope.spawn(move || f(part))).collect();
        let mut out = Vec::with_capacity(handles.len() + 1);
        out.push(f(first));
        out.extend(handles.into_iter().map(|h| h.join().expect("a worker thread panicked")));
        out
    })
}

#[cfg(test)]
mod tests {
    use super::{balanced_bounds, run_parts};

    #[test]
    fn parts_run_in_order_on_any_count() {
        for n in 0..5usize {
            let parts: Vec<usize> = (0..n).collect();
            assert_eq!(run_parts(parts, |k| k * 10), (0..n).map(|k| k * 10).collect::<Vec<_>>());
        }
    }

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
