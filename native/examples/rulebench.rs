// Temporary bench (not committed): the phases of RuleSet::candidates on dumped lines.
use std::io::Read;
use Cpu as Instant;

use _core::rules::{RuleSet, Scratch};
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex_automata::hybrid::dfa::DFA;
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind, PatternSet};

#[repr(C)] struct Ts { s: i64, n: i64 }
extern "C" { fn clock_gettime(c: i32, t: *mut Ts) -> i32; }
fn cpu() -> f64 { let mut t = Ts { s: 0, n: 0 }; unsafe { clock_gettime(3, &mut t) }; t.s as f64 + t.n as f64 * 1e-9 }
struct Cpu(f64);
impl Cpu { fn now() -> Cpu { Cpu(cpu()) } fn elapsed(&self) -> Dur { Dur(cpu() - self.0) } }
struct Dur(f64);
impl Dur { fn as_secs_f64(&self) -> f64 { self.0 } }
struct R<'a>(&'a [u8], usize);
impl<'a> R<'a> {
    fn u32(&mut self) -> u32 { let v = u32::from_le_bytes(self.0[self.1..self.1 + 4].try_into().unwrap()); self.1 += 4; v }
    fn u64(&mut self) -> u64 { let v = u64::from_le_bytes(self.0[self.1..self.1 + 8].try_into().unwrap()); self.1 += 8; v }
    fn s(&mut self) -> String { let n = self.u32() as usize; let v = String::from_utf8(self.0[self.1..self.1 + n].to_vec()).unwrap(); self.1 += n; v }
}
fn read(path: &str) -> Vec<u8> { let mut v = Vec::new(); std::fs::File::open(path).unwrap().read_to_end(&mut v).unwrap(); v }

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rb = read(args.get(1).map(|s| s.as_str()).unwrap_or("/tmp/rc/rules.bin"));
    let mut r = R(&rb, 0);
    let n = r.u32() as usize;
    let (mut pats, mut mw, mut nd) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..n {
        let p = r.s();
        pats.push(if p == "\0NONE" { None } else { Some(p) });
        mw.push(r.u64());
        let k = r.u32();
        nd.push((0..k).map(|_| r.s()).collect::<Vec<_>>());
    }
    let mut cols = Vec::new();
    for _ in 0..3 { let k = r.u32(); cols.push((0..k).map(|_| r.u32()).collect::<Vec<_>>()); }
    let lb = read("/tmp/rc/lines.bin");
    let mut l = R(&lb, 0);
    let nb = l.u32();
    let mut batches: Vec<Vec<(String, u64)>> = Vec::new();
    for _ in 0..nb { let k = l.u32(); batches.push((0..k).map(|_| (l.s(), l.u64())).collect()); }
    let t = Instant::now();
    let set = RuleSet::new(&pats, &mw, &nd, &cols[0], &cols[1], &cols[2]).unwrap();
    println!("build {:.3}", t.elapsed().as_secs_f64());
    if std::env::var("BUILD").is_ok() { return; }
    if std::env::var("SAMEHIR").is_ok() {
        let cfg = syntax::Config::new().unicode(true).utf8(true).nest_limit(1000);
        let (mut ta, mut tb) = (0.0, 0.0);
        for (i, p) in pats.iter().enumerate() { if let Some(p) = p {
            let t = Instant::now();
            let a = _core::rules_hir::parse(p, &cfg).unwrap();
            ta += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let b = syntax::parse_with(p, &cfg).unwrap();
            tb += t.elapsed().as_secs_f64();
            println!("rule {i}: same {}", a == b);
        } }
        println!("direct {ta:.3} regex-syntax {tb:.3}");
        return;
    }
    let reps: usize = args.get(2).map(|s| s.parse().unwrap()).unwrap_or(2);
    for rep in 0..reps {
        let t = Instant::now();
        let mut pairs = 0;
        for b in &batches {
            let lines: Vec<Option<&str>> = b.iter().map(|x| Some(x.0.as_str())).collect();
            let nw: Vec<u64> = b.iter().map(|x| x.1).collect();
            pairs += set.batch(&lines, &nw).unwrap().len() / 2;
        }
        println!("candidates pass {rep}: {:.3} s pairs {pairs}", t.elapsed().as_secs_f64());
    }
    if std::env::var("CANDONLY").is_ok() { return; }
    if std::env::var("ACX").is_ok() {
        let mut low = Vec::new();
        let mut lowered: Vec<Vec<u8>> = Vec::new();
        for b in &batches { for (s, k) in b { if *k > 40 && *k <= 60 { set.lower_into(s, &mut low, true); lowered.push(low.clone()); } } }
        let mut tn: Vec<String> = nd.iter().zip(&mw).filter(|(_, &m)| m >= 60).flat_map(|(n, _)| n.iter().cloned()).collect(); tn.sort(); tn.dedup();
        println!("{} lines, {} needles", lowered.len(), tn.len());
        for (kind, fold) in [(Some(AhoCorasickKind::DFA), false), (Some(AhoCorasickKind::DFA), true), (None, false), (Some(AhoCorasickKind::ContiguousNFA), false)] {
            let ac = AhoCorasick::builder().kind(kind).ascii_case_insensitive(fold).build(&tn).unwrap();
            let t = Instant::now();
            let mut hits = 0;
            for lw in &lowered { for _h in ac.find_overlapping_iter(lw.as_slice()) { hits += 1; } }
            let t1 = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let mut h2 = 0;
            for lw in &lowered { if ac.is_match(lw.as_slice()) { h2 += 1; } }
            println!("{kind:?} fold {fold}: overlapping {t1:.3} hits {hits}; is_match {:.3} lines {h2}", t.elapsed().as_secs_f64());
        }
        for limit in [6u64, 12, 25, 30, 40, 60, 200] {
            let mut tn: Vec<String> = nd.iter().zip(&mw).filter(|(_, &m)| m >= limit).flat_map(|(n, _)| n.iter().cloned()).collect(); tn.sort(); tn.dedup();
            let mut pc = aho_corasick::packed::Config::new();
            pc.heuristic_pattern_limits(false);
            let searcher = pc.builder().extend(tn.iter()).build();
            match searcher {
                None => println!("limit {limit}: {} needles: no packed searcher", tn.len()),
                Some(sr) => {
                    let t = Instant::now();
                    let mut h = 0;
                    for lw in &lowered { if sr.find(lw.as_slice()).is_some() { h += 1; } }
                    println!("limit {limit}: {} needles: packed {:.3} lines {h}", tn.len(), t.elapsed().as_secs_f64());
                }
            }
        }
        return;
    }
    // phases
    let maxn = mw.iter().zip(&nd).filter(|(_, n)| !n.is_empty()).map(|(m, _)| *m).max().unwrap();
    let t = Instant::now();
    let mut low = Vec::new();
    let mut lowered: Vec<Vec<u8>> = Vec::new();
    let mut bytes = 0;
    for b in &batches { for (s, k) in b { if *k <= maxn { set.lower_into(s, &mut low, false); bytes += low.len(); lowered.push(low.clone()); } } }
    let tl = t.elapsed().as_secs_f64();
    println!("lower_into: {:.3} s  {} lines {} bytes (copy incl.)", tl, lowered.len(), bytes);
    let mut distinct: Vec<String> = nd.iter().flatten().cloned().collect(); distinct.sort(); distinct.dedup();
    let ac = AhoCorasick::builder().kind(Some(AhoCorasickKind::DFA)).build(&distinct).unwrap();
    let t = Instant::now();
    let mut hits = 0;
    for lw in &lowered { for _h in ac.find_overlapping_iter(lw.as_slice()) { hits += 1; } }
    println!("AC overlapping ({} needles): {:.3} s hits {hits}", distinct.len(), t.elapsed().as_secs_f64());
    // set DFA
    let setp: Vec<&str> = pats.iter().zip(&nd).filter(|(p, n)| p.is_some() && n.is_empty()).map(|(p, _)| p.as_deref().unwrap()).collect();
    let cfg = syntax::Config::new().unicode(true).utf8(true).nest_limit(1000);
    let t = Instant::now();
    let hirs: Vec<_> = setp.iter().map(|p| _core::rules_hir::parse(p, &cfg).unwrap()).collect();
    let tp = t.elapsed().as_secs_f64();
    let nfa = thompson::Compiler::new().configure(thompson::Config::new().nfa_size_limit(Some(256 << 20)).which_captures(WhichCaptures::None)).build_many_from_hir(&hirs).unwrap();
    let tn = t.elapsed().as_secs_f64() - tp;
    let dfa = DFA::builder().configure(DFA::config().match_kind(MatchKind::All).cache_capacity(16 << 20).skip_cache_capacity_check(true).minimum_cache_clear_count(None)).build_from_nfa(nfa.clone()).unwrap();
    println!("set: parse {:.3} nfa {:.3} ({} states, {} bytes) dfa {:.3}", tp, tn, nfa.states().len(), nfa.memory_usage(), t.elapsed().as_secs_f64() - tp - tn);
    let mut cache = dfa.create_cache();
    let mut ps = PatternSet::new(dfa.pattern_len());
    for rep in 0..2 {
        let t = Instant::now();
        for b in &batches { for (s, _) in b { ps.clear(); dfa.try_which_overlapping_matches(&mut cache, &Input::new(s).anchored(Anchored::Yes), &mut ps).unwrap(); } }
        println!("set DFA pass {rep}: {:.3}", t.elapsed().as_secs_f64());
    }
    if std::env::var("LOO").is_ok() {
        let setidx: Vec<usize> = (0..n).filter(|&i| pats[i].is_some() && nd[i].is_empty()).collect();
        let hirs: Vec<_> = setidx.iter().map(|&i| _core::rules_hir::parse(pats[i].as_deref().unwrap(), &cfg).unwrap()).collect();
        let pos = |r: usize| setidx.iter().position(|&x| x == r).unwrap();
        let variants: Vec<(String, Vec<usize>)> = vec![
            ("all".into(), vec![]),
            ("-26,34".into(), vec![pos(26), pos(34)]),
            ("-26,34,3,53".into(), vec![pos(26), pos(34), pos(3), pos(53)]),
            (">25 only".into(), (0..setidx.len()).filter(|&k| mw[setidx[k]] <= 25).collect()),
            ("<=25 -26,34".into(), (0..setidx.len()).filter(|&k| mw[setidx[k]] > 25 || setidx[k] == 26 || setidx[k] == 34).collect()),
        ];
        for (name, skip) in &variants {
            let h: Vec<_> = hirs.iter().enumerate().filter(|(k, _)| !skip.contains(k)).map(|(_, h)| h.clone()).collect();
            let nfa = thompson::Compiler::new().configure(thompson::Config::new().nfa_size_limit(Some(256 << 20)).which_captures(WhichCaptures::None)).build_many_from_hir(&h).unwrap();
            let dfa = DFA::builder().configure(DFA::config().match_kind(MatchKind::All).cache_capacity(16 << 20).skip_cache_capacity_check(true).minimum_cache_clear_count(None)).build_from_nfa(nfa).unwrap();
            let mut cache = dfa.create_cache();
            let mut ps = PatternSet::new(dfa.pattern_len());
            for b in &batches { for (s, _) in b { ps.clear(); dfa.try_which_overlapping_matches(&mut cache, &Input::new(s).anchored(Anchored::Yes), &mut ps).unwrap(); } }
            let t = Instant::now();
            for b in &batches { for (s, _) in b { ps.clear(); dfa.try_which_overlapping_matches(&mut cache, &Input::new(s).anchored(Anchored::Yes), &mut ps).unwrap(); } }
            println!("set {name}: {:.3}", t.elapsed().as_secs_f64());
        }
        return;
    }
    // each rule alone: on lines that fit it (needles ignored)
    let only = std::env::var("ONLY").ok();
    for (i, p) in pats.iter().enumerate() {
        let p = match p { Some(p) => p, None => continue };
        let t = Instant::now();
        let hir = _core::rules_hir::parse(p, &cfg).unwrap();
        let nfa = thompson::Compiler::new().configure(thompson::Config::new().nfa_size_limit(Some(256 << 20)).which_captures(WhichCaptures::None)).build_many_from_hir(&[hir]).unwrap();
        let tb = t.elapsed().as_secs_f64();
        let dfa = DFA::builder().configure(DFA::config().match_kind(MatchKind::LeftmostFirst).cache_capacity(4 << 20).skip_cache_capacity_check(true).minimum_cache_clear_count(None)).build_from_nfa(nfa.clone()).unwrap();
        let mut cache = dfa.create_cache();
        if only.is_some() {
            if !nd[i].is_empty() { continue; }
            let (mut total, mut full, mut lines) = (0usize, 0usize, 0usize);
            for b in batches.iter().step_by(10) { for (s, _) in b {
                let mut sid = dfa.start_state_forward(&mut cache, &Input::new(s).anchored(Anchored::Yes)).unwrap();
                let mut k = 0;
                for &byte in s.as_bytes() { sid = dfa.next_state(&mut cache, sid, byte).unwrap(); if sid.is_dead() { break; } k += 1; }
                total += k; lines += 1; if k == s.len() { full += 1; }
            } }
            println!("rule {i:2} mw {:3} avg scanned {:.1} bytes, whole line {full}/{lines}", mw[i], total as f64 / lines as f64);
            continue;
        }
        let t = Instant::now();
        let (mut fit, mut m) = (0, 0);
        for b in &batches { for (s, k) in b { if *k <= mw[i] { fit += 1; if dfa.try_search_fwd(&mut cache, &Input::new(s).anchored(Anchored::Yes).earliest(true)).unwrap().is_some() { m += 1; } } } }
        println!("rule {i:2} mw {:3} needles {:2} build {:.3} nfa states {:6} scan {:.3} fit {fit} match {m}", mw[i], nd[i].len(), tb, nfa.states().len(), t.elapsed().as_secs_f64());
    }
    let _ = Scratch::default();
}
