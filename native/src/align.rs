//! The word alignment of verification: the opcodes of Python's
//! `difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()` on two word lists, and
//! which of them only swap neighbouring words (`verify.compare`'s swaps).
//!
//! The words arrive as ids (equal words, equal ids: the bindings intern them), so the kernels
//! never compare text. The alignment is difflib's, step for step: the longest matching block
//! of a range (the first one found, scanning `a` then each word's positions in `b` in order),
//! then the same in the ranges on either side, blocks sorted and adjacent ones merged, opcodes
//! read off the gaps between them. With no junk and no popular words (`isjunk=None`,
//! `autojunk=False`) difflib's junk extensions never run; the plain extensions are kept.

/// What an opcode does to `a[i1..i2]` to make `b[j1..j2]` of it (difflib's tags).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Replace,
    Delete,
    Insert,
    Equal,
}

impl Tag {
    /// difflib's name of the tag.
    pub fn name(self) -> &'static str {
        match self {
            Tag::Replace => "replace",
            Tag::Delete => "delete",
            Tag::Insert => "insert",
            Tag::Equal => "equal",
        }
    }
}

/// One opcode: `a[i1..i2]` becomes `b[j1..j2]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Op {
    pub tag: Tag,
    pub i1: usize,
    pub i2: usize,
    pub j1: usize,
    pub j2: usize,
}

/// The positions of each word of `b`, ascending, by word id (difflib's `b2j`): word `w`'s are
/// `at[starts[w]..starts[w + 1]]` (one flat list, no list per word: built per pair).
struct Positions<'s> {
    starts: &'s [u32],
    at: &'s [u32],
}

impl<'s> Positions<'s> {
    /// Fills `starts` (`ids + 1`) and `at` (`b.len()`) from `b` (a count per id, its prefix sums,
    /// then the positions placed from the last one down, so each id's come out ascending).
    fn new(b: &[u32], ids: usize, starts: &'s mut Vec<u32>, at: &'s mut Vec<u32>) -> Positions<'s> {
        starts.clear();
        starts.resize(ids + 1, 0);
        for &w in b {
            starts[w as usize] += 1;
        }
        let mut total = 0;
        for s in starts.iter_mut() {
            total += *s;
            *s = total;
        }
        at.clear();
        at.resize(b.len(), 0);
        for (j, &w) in b.iter().enumerate().rev() {
            starts[w as usize] -= 1;
            at[starts[w as usize] as usize] = j as u32;
        }
        Positions { starts, at }
    }

    fn of(&self, w: u32) -> &'s [u32] {
        &self.at[self.starts[w as usize] as usize..self.starts[w as usize + 1] as usize]
    }
}

/// Scratch rows of difflib's `j2len` (the length of the match ending at `b[j]` in the previous
/// and the current row of `a`), cleared through the lists of the entries set.
#[derive(Default)]
struct Rows {
    prev: Vec<u32>,
    cur: Vec<u32>,
    prev_set: Vec<u32>,
    cur_set: Vec<u32>,
}

/// `find_longest_match(alo, ahi, blo, bhi)`: `(i, j, k)` with `a[i..i+k] == b[j..j+k]` longest,
/// the first such found (smallest `i`, then smallest `j`); `(alo, blo, 0)` when none.
fn longest_match(
    a: &[u32],
    b: &[u32],
    pos: &Positions,
    rows: &mut Rows,
    (alo, ahi, blo, bhi): (usize, usize, usize, usize),
) -> (usize, usize, usize) {
    let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0usize);
    for i in alo..ahi {
        let js = pos.of(a[i]);
        // Positions below blo are skipped and the scan stops at bhi, as difflib's loop does.
        let from = js.partition_point(|&j| (j as usize) < blo);
        for &j in &js[from..] {
            let j = j as usize;
            if j >= bhi {
                break;
            }
            let k = if j > 0 { rows.prev[j - 1] } else { 0 } + 1;
            rows.cur[j] = k;
            rows.cur_set.push(j as u32);
            if k as usize > bestsize {
                besti = i + 1 - k as usize;
                bestj = j + 1 - k as usize;
                bestsize = k as usize;
            }
        }
        for &j in &rows.prev_set {
            rows.prev[j as usize] = 0;
        }
        rows.prev_set.clear();
        std::mem::swap(&mut rows.prev, &mut rows.cur);
        std::mem::swap(&mut rows.prev_set, &mut rows.cur_set);
    }
    for &j in &rows.prev_set {
        rows.prev[j as usize] = 0;
    }
    rows.prev_set.clear();
    // difflib's extensions (a no-op without junk: the longest block cannot grow).
    while besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1] {
        besti -= 1;
        bestj -= 1;
        bestsize += 1;
    }
    while besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] == b[bestj + bestsize] {
        bestsize += 1;
    }
    (besti, bestj, bestsize)
}

/// The buffers of the alignment, reused from pair to pair (one per batch: a pair allocates
/// nothing once they have grown to its size).
#[derive(Default)]
pub struct Buffers {
    starts: Vec<u32>,
    at: Vec<u32>,
    rows: Rows,
    queue: Vec<(usize, usize, usize, usize)>,
    blocks: Vec<(usize, usize, usize)>,
    merged: Vec<(usize, usize, usize)>,
    sorted_a: Vec<u32>,
    sorted_b: Vec<u32>,
}

/// difflib's `get_matching_blocks`: the matching blocks, sorted, adjacent ones merged, with the
/// sentinel `(len(a), len(b), 0)` last. `ids` bounds every id of `a` and `b`.
pub fn matching_blocks(a: &[u32], b: &[u32], ids: usize) -> Vec<(usize, usize, usize)> {
    let mut buf = Buffers::default();
    matching_blocks_in(a, b, ids, &mut buf);
    buf.merged
}

/// [`matching_blocks`] into `buf.merged`.
fn matching_blocks_in(a: &[u32], b: &[u32], ids: usize, buf: &mut Buffers) {
    let pos = Positions::new(b, ids, &mut buf.starts, &mut buf.at);
    // The rows are all zero between calls (`longest_match` clears what it sets): only grown.
    let rows = &mut buf.rows;
    for row in [&mut rows.prev, &mut rows.cur] {
        if row.len() < b.len() {
            row.resize(b.len(), 0);
        }
    }
    let queue = &mut buf.queue;
    queue.clear();
    queue.push((0, a.len(), 0, b.len()));
    let blocks = &mut buf.blocks;
    blocks.clear();
    while let Some((alo, ahi, blo, bhi)) = queue.pop() {
        let (i, j, k) = longest_match(a, b, &pos, rows, (alo, ahi, blo, bhi));
        if k > 0 {
            blocks.push((i, j, k));
            if alo < i && blo < j {
                queue.push((alo, i, blo, j));
            }
            if i + k < ahi && j + k < bhi {
                queue.push((i + k, ahi, j + k, bhi));
            }
        }
    }
    blocks.sort_unstable();
    let merged = &mut buf.merged;
    merged.clear();
    let (mut i1, mut j1, mut k1) = (0, 0, 0);
    for &(i2, j2, k2) in blocks.iter() {
        if i1 + k1 == i2 && j1 + k1 == j2 {
            k1 += k2;
        } else {
            if k1 > 0 {
                merged.push((i1, j1, k1));
            }
            i1 = i2;
            j1 = j2;
            k1 = k2;
        }
    }
    if k1 > 0 {
        merged.push((i1, j1, k1));
    }
    merged.push((a.len(), b.len(), 0));
}

/// difflib's `get_opcodes` of `a` and `b` (word ids below `ids`).
pub fn opcodes(a: &[u32], b: &[u32], ids: usize) -> Vec<Op> {
    let mut ops = Vec::new();
    opcodes_in(a, b, ids, &mut Buffers::default(), &mut ops);
    ops
}

/// [`opcodes`] into `ops` (cleared first), with `buf`'s buffers.
pub fn opcodes_in(a: &[u32], b: &[u32], ids: usize, buf: &mut Buffers, ops: &mut Vec<Op>) {
    ops.clear();
    matching_blocks_in(a, b, ids, buf);
    let (mut i, mut j) = (0, 0);
    for &(ai, bj, size) in &buf.merged {
        let tag = if i < ai && j < bj {
            Some(Tag::Replace)
        } else if i < ai {
            Some(Tag::Delete)
        } else if j < bj {
            Some(Tag::Insert)
        } else {
            None
        };
        if let Some(tag) = tag {
            ops.push(Op { tag, i1: i, i2: ai, j1: j, j2: bj });
        }
        i = ai + size;
        j = bj + size;
        if size > 0 {
            ops.push(Op { tag: Tag::Equal, i1: ai, i2: i, j1: bj, j2: j });
        }
    }
}

/// A run of at least this many words deleted on one side of an equal block and inserted, the
/// same words, on its other side is a sentence moved ("A. B." / "B. A."): a republisher's reorder
/// that states the same things, figures included. Shorter runs move only past one or two words
/// (a swap of neighbours): "Smith beat Jones" / "Jones beat Smith" moves one word past two.
/// Twice `verify.MAX_SUBSTITUTION`: the shortest sentence a copy adds or drops is longer.
pub const MIN_MOVED_SENTENCE: usize = 6;

/// The indices (ascending) of the opcodes that only move words by one or two places, or move a
/// whole sentence (`verify.compare`'s swaps; none when there is a single opcode).
///
/// A replaced run whose words are the same ones in another order (at most `max_substitution`
/// a side), and a run of one or two words deleted on one side of an equal block of at most two
/// words and inserted on its other side, are swaps. Runs holding a digit (`digit[id]`) never are:
/// "01:03" / "03:01" is another time. A run of [`MIN_MOVED_SENTENCE`] words or more deleted on
/// one side of an equal block and inserted on its other side is a sentence moved, digits or not.
pub fn swaps(ops: &[Op], a: &[u32], b: &[u32], digit: &[bool], max_substitution: usize) -> Vec<usize> {
    let mut moved = Vec::new();
    swaps_in(ops, a, b, digit, max_substitution, &mut Buffers::default(), &mut moved);
    moved
}

/// [`swaps`] into `moved` (cleared first), with `buf`'s buffers.
pub fn swaps_in(ops: &[Op], a: &[u32], b: &[u32], digit: &[bool], max_substitution: usize, buf: &mut Buffers, moved: &mut Vec<usize>) {
    moved.clear();
    if ops.len() <= 1 {
        return;
    }
    let has_digit = |run: &[u32]| run.iter().any(|&w| digit[w as usize]);
    for (k, op) in ops.iter().enumerate() {
        let (ra, rb) = (&a[op.i1..op.i2], &b[op.j1..op.j2]);
        if let Some((run, other)) = moved_pair(ops, k, a, b) {
            if run.len() >= MIN_MOVED_SENTENCE && run == other {
                moved.push(k);
                moved.push(k + 2);
            }
        }
        if has_digit(ra) || has_digit(rb) {
            continue;
        }
        if op.tag == Tag::Replace && ra.len() == rb.len() && ra.len() <= max_substitution {
            let (sa, sb) = (&mut buf.sorted_a, &mut buf.sorted_b);
            sa.clear();
            sa.extend_from_slice(ra);
            sb.clear();
            sb.extend_from_slice(rb);
            sa.sort_unstable();
            sb.sort_unstable();
            if sa == sb {
                moved.push(k);
            }
        }
        if let Some((run, other)) = moved_pair(ops, k, a, b) {
            let mid = ops[k + 1];
            if mid.i2 - mid.i1 <= 2 && run == other && run.len() <= 2 && !has_digit(run) {
                moved.push(k);
                moved.push(k + 2);
            }
        }
    }
    moved.sort_unstable();
    moved.dedup();
}

/// The run deleted (or inserted) by opcode `k` and the run inserted (or deleted) by opcode `k + 2`
/// when an equal block lies between them, the one on one side of it and the other on its other
/// side; None otherwise.
fn moved_pair<'x>(ops: &[Op], k: usize, a: &'x [u32], b: &'x [u32]) -> Option<(&'x [u32], &'x [u32])> {
    let op = ops[k];
    if k + 2 >= ops.len() || !matches!(op.tag, Tag::Delete | Tag::Insert) || ops[k + 1].tag != Tag::Equal {
        return None;
    }
    let third = ops[k + 2];
    if !matches!((op.tag, third.tag), (Tag::Delete, Tag::Insert) | (Tag::Insert, Tag::Delete)) {
        return None;
    }
    let run = if op.tag == Tag::Delete { &a[op.i1..op.i2] } else { &b[op.j1..op.j2] };
    let other = if third.tag == Tag::Insert { &b[third.j1..third.j2] } else { &a[third.i1..third.i2] };
    Some((run, other))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(words: &str, table: &mut Vec<String>) -> Vec<u32> {
        words
            .split_whitespace()
            .map(|w| match table.iter().position(|t| t == w) {
                Some(i) => i as u32,
                None => {
                    table.push(w.to_string());
                    (table.len() - 1) as u32
                }
            })
            .collect()
    }

    fn ops_of(a: &str, b: &str) -> Vec<(&'static str, usize, usize, usize, usize)> {
        let mut table = Vec::new();
        let (a, b) = (ids(a, &mut table), ids(b, &mut table));
        opcodes(&a, &b, table.len()).into_iter().map(|o| (o.tag.name(), o.i1, o.i2, o.j1, o.j2)).collect()
    }

    #[test]
    fn opcodes_match_difflib() {
        // Expected values printed by Python 3.11's difflib.SequenceMatcher(None, a, b, autojunk=False).
        assert_eq!(
            ops_of("a b c d e", "a x c d y e"),
            vec![
                ("equal", 0, 1, 0, 1),
                ("replace", 1, 2, 1, 2),
                ("equal", 2, 4, 2, 4),
                ("insert", 4, 4, 4, 5),
                ("equal", 4, 5, 5, 6)
            ]
        );
        assert_eq!(ops_of("", ""), vec![]);
        assert_eq!(ops_of("a", ""), vec![("delete", 0, 1, 0, 0)]);
        assert_eq!(ops_of("", "a b"), vec![("insert", 0, 0, 0, 2)]);
        // Ties: the first longest block in a, then in b.
        assert_eq!(ops_of("x y x y", "x y"), vec![("equal", 0, 2, 0, 2), ("delete", 2, 4, 2, 2)]);
        assert_eq!(ops_of("x y", "q x y x y"), vec![("insert", 0, 0, 0, 1), ("equal", 0, 2, 1, 3), ("insert", 2, 2, 3, 5)]);
    }

    #[test]
    fn opcodes_cover_both_sides_in_order() {
        let mut seed = 7u64;
        for _ in 0..500 {
            let mut draw = |n: u64| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (seed >> 33) % n
            };
            let la = draw(12) as usize;
            let lb = draw(12) as usize;
            let a: Vec<u32> = (0..la).map(|_| draw(4) as u32).collect();
            let b: Vec<u32> = (0..lb).map(|_| draw(4) as u32).collect();
            let ops = opcodes(&a, &b, 4);
            let (mut i, mut j) = (0, 0);
            for o in &ops {
                assert_eq!((o.i1, o.j1), (i, j));
                if o.tag == Tag::Equal {
                    assert_eq!(&a[o.i1..o.i2], &b[o.j1..o.j2]);
                }
                i = o.i2;
                j = o.j2;
            }
            assert_eq!((i, j), (la, lb));
        }
    }

    #[test]
    fn reused_buffers_give_what_fresh_ones_do() {
        let mut seed = 11u64;
        let mut buf = Buffers::default();
        let (mut ops, mut moved) = (Vec::new(), Vec::new());
        for _ in 0..300 {
            let mut draw = |n: u64| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (seed >> 33) % n
            };
            let (la, lb, ids) = (draw(20) as usize, draw(20) as usize, 1 + draw(8) as usize);
            let a: Vec<u32> = (0..la).map(|_| draw(ids as u64) as u32).collect();
            let b: Vec<u32> = (0..lb).map(|_| draw(ids as u64) as u32).collect();
            let digit: Vec<bool> = (0..ids).map(|i| i == 0).collect();
            opcodes_in(&a, &b, ids, &mut buf, &mut ops);
            assert_eq!(ops, opcodes(&a, &b, ids));
            swaps_in(&ops, &a, &b, &digit, 3, &mut buf, &mut moved);
            assert_eq!(moved, swaps(&ops, &a, &b, &digit, 3));
        }
    }

    #[test]
    fn swaps_of_neighbours() {
        let mut table = Vec::new();
        let a = ids("the big red car", &mut table);
        let b = ids("the red big car", &mut table);
        let digit = vec![false; table.len()];
        let ops = opcodes(&a, &b, table.len());
        let moved = swaps(&ops, &a, &b, &digit, 3);
        assert!(!moved.is_empty());
        // A figure never swaps.
        let mut table = Vec::new();
        let a = ids("at 10 45 today", &mut table);
        let b = ids("at 45 10 today", &mut table);
        let digit: Vec<bool> = table.iter().map(|w| w.chars().any(|c| c.is_ascii_digit())).collect();
        let ops = opcodes(&a, &b, table.len());
        assert!(swaps(&ops, &a, &b, &digit, 3).is_empty());
        // One opcode: no swap.
        assert!(swaps(&[Op { tag: Tag::Replace, i1: 0, i2: 2, j1: 0, j2: 2 }], &[0, 1], &[1, 0], &[false, false], 3).is_empty());
    }

    #[test]
    fn a_sentence_moved_is_a_swap_figures_and_all() {
        let digit_of = |table: &Vec<String>| table.iter().map(|w| w.chars().any(|c| c.is_ascii_digit())).collect::<Vec<bool>>();
        let mut table = Vec::new();
        let a = ids("the bridge will open in 2025 . tolls will be lower than on the old crossing .", &mut table);
        let b = ids("tolls will be lower than on the old crossing . the bridge will open in 2025 .", &mut table);
        let ops = opcodes(&a, &b, table.len());
        assert_eq!(swaps(&ops, &a, &b, &digit_of(&table), 3).len(), 2);
        // A run shorter than MIN_MOVED_SENTENCE moved past more than two words is no swap.
        let mut table = Vec::new();
        let a = ids("smith beat jones in the final on sunday", &mut table);
        let b = ids("in the final on sunday smith beat jones", &mut table);
        let ops = opcodes(&a, &b, table.len());
        assert!(swaps(&ops, &a, &b, &digit_of(&table), 3).is_empty());
    }
}
