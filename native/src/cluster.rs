//! `dedup.cluster.choose_keepers`: duplicate pairs merged by union-find in sorted order (never
//! two paragraphs of a conflict pair, nor two variants of one template family, in one cluster),
//! each cluster's keeper chosen, and whole clusters contained in another one pointed at its
//! keeper (chains followed, cycles kept). The plain Python reference is
//! `tests/cluster_reference.py`; the rules are `nettoyeur/dedup/cluster.py`'s docstring.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::InputError;

/// Why a paragraph goes: a duplicate of its cluster's keeper, or contained in another cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Duplicate,
    Contained,
}

/// One removal: the paragraph, the kept paragraph it points at, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Removal {
    pub pid: usize,
    pub target: usize,
    pub reason: Reason,
}

/// Disjoint sets over `0..n` whose root is always the smallest member (path halving).
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
}

fn check(name: &str, pairs: &[(usize, usize)], n: usize) -> Result<(), InputError> {
    if pairs.iter().any(|&(a, b)| a >= n || b >= n) {
        return Err(InputError(format!("{name}: an id beyond the {n} given")));
    }
    Ok(())
}

/// `choose_keepers(n, duplicates, contained, conflicts, rank, families)`: the removals, by pid.
///
/// `families` holds `(id, family, variant)`; `rank`, when given, one rank per id.
pub fn choose_keepers(
    n: usize,
    duplicates: &[(usize, usize)],
    contained: &[(usize, usize)],
    conflicts: &[(usize, usize)],
    rank: Option<&[i64]>,
    families: &[(usize, i64, i64)],
) -> Result<Vec<Removal>, InputError> {
    check("duplicates", duplicates, n)?;
    check("contained", contained, n)?;
    check("conflicts", conflicts, n)?;
    if rank.map_or(false, |r| r.len() != n) || families.iter().any(|f| f.0 >= n) {
        return Err(InputError(format!("a rank or family label beyond the {n} ids given")));
    }
    let mut uf = UnionFind { parent: (0..n).collect() };
    let mut blocked: HashMap<usize, HashSet<usize>> = HashMap::new();
    for &(a, b) in conflicts {
        if a != b {
            blocked.entry(a).or_default().insert(b);
            blocked.entry(b).or_default().insert(a);
        }
    }
    let mut labels: HashMap<usize, HashMap<i64, i64>> = HashMap::new();
    for &(pid, f, v) in families {
        let mut one = HashMap::new();
        one.insert(f, v);
        labels.insert(pid, one);
    }
    let mut edges: Vec<(usize, usize)> = duplicates.iter().filter(|p| p.0 != p.1).map(|&(a, b)| (a.min(b), a.max(b))).collect();
    edges.sort_unstable();
    edges.dedup();
    let mut member = vec![false; n];
    for (a, b) in edges {
        let (ra, rb) = (uf.find(a), uf.find(b));
        if ra == rb || blocked.get(&ra).map_or(false, |s| s.contains(&rb)) {
            continue;
        }
        if variants_differ(&labels, ra, rb) {
            continue;
        }
        let (root, other) = (ra.min(rb), ra.max(rb));
        uf.parent[other] = root;
        if let Some(moved) = blocked.remove(&other) {
            for x in moved {
                if let Some(s) = blocked.get_mut(&x) {
                    s.remove(&other);
                    s.insert(root);
                }
                blocked.entry(root).or_default().insert(x);
            }
        }
        if let Some(moved) = labels.remove(&other) {
            let merged = match labels.remove(&root) {
                None => moved,
                Some(kept) => {
                    // The smaller table joins the larger one (no family differs: checked above).
                    let (mut large, small) = if kept.len() < moved.len() { (moved, kept) } else { (kept, moved) };
                    large.extend(small);
                    large
                }
            };
            labels.insert(root, merged);
        }
        member[a] = true;
        member[b] = true;
    }
    // Cluster root -> the member kept, when the rank picks another.
    let mut keeper: HashMap<usize, usize> = HashMap::new();
    if let Some(rank) = rank {
        for pid in (0..n).filter(|&p| member[p]) {
            let root = uf.find(pid);
            let best = *keeper.get(&root).unwrap_or(&root);
            if (rank[pid], pid) < (rank[best], best) {
                keeper.insert(root, pid);
            }
        }
    }
    let mut removals: BTreeMap<usize, Removal> = BTreeMap::new();
    for pid in (0..n).filter(|&p| member[p]) {
        let root = uf.find(pid);
        let kept = *keeper.get(&root).unwrap_or(&root);
        if kept != pid {
            removals.insert(pid, Removal { pid, target: kept, reason: Reason::Duplicate });
        }
    }
    // Containment between clusters: root of inner -> smallest root of an outer, never between
    // two clusters that conflict (a member of each states another fact, or they hold two
    // variants of a family), directly or at the end of a chain: a cluster is removed as a
    // whole, and a member that merely duplicates the contained one may state what the outer
    // one contradicts ("Your article states: S" and "S" are copies, S lies inside "I disagree
    // with your statement S"). Between clusters, not with the outer one's kept member alone: the
    // rank (`--keep`) names which member stays, never which paragraphs go. On eval-pages-dev a
    // check against the kept member only removed one line more (a comment's quote of the
    // article, in conflict with a reader's copy of it), whatever the rank.
    let apart = |ri: usize, ro: usize| blocked.get(&ri).map_or(false, |s| s.contains(&ro)) || variants_differ(&labels, ri, ro);
    let mut outer_of: BTreeMap<usize, usize> = BTreeMap::new();
    for &(inner, outer) in contained {
        let (ri, ro) = (uf.find(inner), uf.find(outer));
        if ri != ro && !apart(ri, ro) {
            let e = outer_of.entry(ri).or_insert(ro);
            *e = (*e).min(ro);
        }
    }
    let mut last = resolve_chains(&outer_of);
    last.retain(|&ri, &mut ro| !apart(ri, ro));
    if !last.is_empty() {
        for (pid, &joined) in member.iter().enumerate() {
            let root = if joined { uf.find(pid) } else { pid };
            if let Some(&t) = last.get(&root) {
                let target = *keeper.get(&t).unwrap_or(&t);
                removals.insert(pid, Removal { pid, target, reason: Reason::Contained });
            }
        }
    }
    Ok(removals.into_values().collect())
}

/// Whether the clusters of roots `ra` and `rb` hold two variants of one template family.
fn variants_differ(labels: &HashMap<usize, HashMap<i64, i64>>, ra: usize, rb: usize) -> bool {
    match (labels.get(&ra), labels.get(&rb)) {
        (Some(la), Some(lb)) => {
            let (small, large) = if la.len() <= lb.len() { (la, lb) } else { (lb, la) };
            small.iter().any(|(f, v)| large.get(f).map_or(false, |w| w != v))
        }
        _ => false,
    }
}

/// `cluster._resolve_chains`: each contained root's kept root (chains followed; a cycle's members
/// stay, a chain running into one ends at the first member reached).
fn resolve_chains(outer_of: &BTreeMap<usize, usize>) -> HashMap<usize, usize> {
    let mut last: HashMap<usize, usize> = HashMap::new();
    let mut kept_cycle: HashSet<usize> = HashSet::new();
    for &start in outer_of.keys() {
        if last.contains_key(&start) || kept_cycle.contains(&start) {
            continue;
        }
        let mut path: Vec<usize> = Vec::new();
        let mut position: HashMap<usize, usize> = HashMap::new();
        let mut node = start;
        while let Some(&next) = outer_of.get(&node) {
            if position.contains_key(&node) || last.contains_key(&node) || kept_cycle.contains(&node) {
                break;
            }
            position.insert(node, path.len());
            path.push(node);
            node = next;
        }
        let target = if let Some(&at) = position.get(&node) {
            kept_cycle.extend(path[at..].iter().copied());
            path.truncate(at);
            node
        } else if let Some(&t) = last.get(&node) {
            t
        } else {
            node
        };
        for x in path {
            last.insert(x, target);
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(r: &[Removal]) -> Vec<(usize, usize, Reason)> {
        r.iter().map(|r| (r.pid, r.target, r.reason)).collect()
    }

    #[test]
    fn a_conflict_stops_a_chain_through_a_third_paragraph() {
        let r = choose_keepers(3, &[(0, 1), (0, 2)], &[], &[(1, 2)], None, &[]).unwrap();
        assert_eq!(removed(&r), vec![(1, 0, Reason::Duplicate)]);
    }

    #[test]
    fn two_variants_of_a_family_never_join() {
        let r = choose_keepers(3, &[(0, 2), (1, 2)], &[], &[], None, &[(0, 0, 0), (1, 0, 1)]).unwrap();
        assert_eq!(removed(&r), vec![(2, 0, Reason::Duplicate)]);
    }

    #[test]
    fn contained_chains_end_at_a_keeper_and_cycles_stay() {
        let r = choose_keepers(4, &[(0, 3)], &[(0, 1), (1, 2)], &[], None, &[]).unwrap();
        assert_eq!(removed(&r), vec![(0, 2, Reason::Contained), (1, 2, Reason::Contained), (3, 2, Reason::Contained)]);
        let r = choose_keepers(3, &[], &[(0, 1), (1, 0), (2, 0)], &[], None, &[]).unwrap();
        assert_eq!(removed(&r), vec![(2, 0, Reason::Contained)]);
    }

    #[test]
    fn a_cluster_is_never_contained_in_one_it_conflicts_with() {
        // 0 "S", 1 "Your article states: S" (a copy of 0), 2 "I disagree with your statement S":
        // 0 lies inside 2, but 1 conflicts with 2; the cluster {0, 1} stays.
        let r = choose_keepers(3, &[(0, 1)], &[(0, 2)], &[(1, 2)], None, &[]).unwrap();
        assert_eq!(removed(&r), vec![(1, 0, Reason::Duplicate)]);
        // Without the conflict the cluster goes inside 2.
        let r = choose_keepers(3, &[(0, 1)], &[(0, 2)], &[], None, &[]).unwrap();
        assert_eq!(removed(&r), vec![(0, 2, Reason::Contained), (1, 2, Reason::Contained)]);
        // Another outer cluster without a conflict still takes it.
        let r = choose_keepers(4, &[(0, 1)], &[(0, 2), (0, 3)], &[(1, 2)], None, &[]).unwrap();
        assert_eq!(removed(&r), vec![(0, 3, Reason::Contained), (1, 3, Reason::Contained)]);
        // Nor at the end of a chain: 0 inside 1 inside 2, 0 conflicts with 2; 1 goes.
        let r = choose_keepers(3, &[], &[(0, 1), (1, 2)], &[(0, 2)], None, &[]).unwrap();
        assert_eq!(removed(&r), vec![(1, 2, Reason::Contained)]);
        // Nor two variants of one family.
        let r = choose_keepers(3, &[(0, 1)], &[(0, 2)], &[], None, &[(1, 5, 0), (2, 5, 1)]).unwrap();
        assert_eq!(removed(&r), vec![(1, 0, Reason::Duplicate)]);
        // A conflict with any member of the outer cluster, whichever the rank keeps: 0 lies
        // inside 1, 2 is a copy of 1 that 0 conflicts with.
        for rank in [None, Some(&[0, 1, 0][..])] {
            let r = choose_keepers(3, &[(1, 2)], &[(0, 1)], &[(0, 2)], rank, &[]).unwrap();
            assert_eq!(r.iter().filter(|r| r.reason == Reason::Contained).count(), 0);
        }
    }

    #[test]
    fn the_rank_names_the_keeper() {
        let r = choose_keepers(3, &[(0, 1), (1, 2)], &[], &[], Some(&[5, 1, 5]), &[]).unwrap();
        assert_eq!(removed(&r), vec![(0, 1, Reason::Duplicate), (2, 1, Reason::Duplicate)]);
        assert!(choose_keepers(2, &[(0, 2)], &[], &[], None, &[]).is_err());
        assert!(choose_keepers(2, &[], &[], &[], Some(&[1]), &[]).is_err());
    }
}
