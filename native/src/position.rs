//! The position signal's weighing (`_article_signals`, `boilerplate/mark.py`): what the position signal flags once its walks
//! (`mark::position`) have named the lines it may flag. Above the body, the title (the nearest
//! title-like line without a date) and the headlines about the article stay, with the lone line
//! of words just above it and the line between a kept one and the body (`under_head`), and
//! the rest of the header goes; below it, `_footer` keeps what still
//! continues the article (`_continues`: a closing sentence about it, the attribution of a quote, a
//! list or references under it, the items under a lead-in, a letter's signature under its
//! closing); inside it, `_inside` weighs the candidates against the article.
//!
//! What needs Python or the article's words is asked through two closures: a line's stems, shared
//! with the article or not (`shared`), and whether a line with a figure holds a date (`dated`).
//! The plain Python this replaced is the tests' oracle (tests/mark_reference.py: `position`,
//! `footer`, `_continues`).

use crate::mark::{Inside, PosLimits, PosLine, Position, ATTRIBUTION, DIGIT, IN_ASK, IN_BLOCK, IN_CHROME, IN_EVIDENCE, IN_LABEL, IN_TEASER, LIST_ITEM, REFERENCE};

/// The limits of the weighing (`mark.py`'s constants of the same names).
#[derive(Debug, Clone, Copy)]
pub struct WeighLimits {
    /// `HEAD_KEEP_STEMS`, `HEAD_KEEP_SHARE`: a headline above the body about the article.
    pub head_stems: usize,
    pub head_share: f64,
    /// `TAIL_KEEP_SHARE`: a sentence below the body about the article.
    pub tail_share: f64,
    /// `PROSE_MIN_STOPWORDS`: a sentence's function words.
    pub prose_stopwords: f64,
    /// `LEAD_IN_WORDS`, `LIST_MAX_ITEMS`: a lead-in and the items kept under it.
    pub lead_in_words: usize,
    pub list_items: usize,
    /// `CLOSING_WORDS`, `SIGNATURE_LINES`: a letter's closing and the signature kept under it.
    pub closing_words: usize,
    pub signature_lines: usize,
    /// `TEASER_MIN_STEMS`: the stems of a telegraphic headline of another article.
    pub teaser_stems: usize,
}

/// A verdict of the position signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PosFlag {
    /// `position:header`.
    Header,
    /// `position:footer`.
    Footer,
    /// `position:chrome-run`: in a run of `lines` short lines, `flagged` of them flagged.
    ChromeRun { lines: usize, flagged: usize },
    /// `position:inline-label`.
    InlineLabel,
    /// `position:inline-block`.
    InlineBlock,
    /// `position:inline-teaser`.
    InlineTeaser,
}

/// A line's stems shared with the article and its stems, asked once per line.
struct Shared<F> {
    ask: F,
    known: Vec<Option<(usize, usize)>>,
}

impl<E, F: FnMut(usize) -> Result<(usize, usize), E>> Shared<F> {
    fn get(&mut self, k: usize) -> Result<(usize, usize), E> {
        if let Some(found) = self.known[k] {
            return Ok(found);
        }
        let found = (self.ask)(k)?;
        self.known[k] = Some(found);
        Ok(found)
    }

    /// `mark_reference.Article.on_topic`: a stem shared with the article.
    fn on_topic(&mut self, k: usize) -> Result<bool, E> {
        Ok(self.get(k)?.0 > 0)
    }

    /// `mark_reference.about` (`share`: `HEAD_KEEP_SHARE`) and `about_strongly` (`TAIL_KEEP_SHARE`).
    fn about(&mut self, k: usize, stems: usize, share: f64) -> Result<bool, E> {
        let (shared, all) = self.get(k)?;
        // Python compares the int with the float product exactly; both are far below 2**53.
        Ok(shared >= stems && shared as f64 >= share * all as f64)
    }
}

/// `mark_reference.position` once its walks have run (`found`: `mark::position` of `lines`, the body running
/// from `first` to `last`): the verdicts it gives, in the order it gives them (the header, the
/// footer, then inside the body; each line once at most).
///
/// `lines` must hold, besides what `mark::position` reads, the shape of the lines below the body
/// that no signal flagged, `prose` of every line from `last` on, and `colon` of the candidates
/// inside the body. `shared(k)`: how many of line `k`'s stems the article has, and how many it
/// has; `dated(k)`: whether line `k` (title-like, with a figure) holds a date.
#[allow(clippy::too_many_arguments)]
pub fn weigh<E>(
    lines: &[PosLine],
    found: &Position,
    last: usize,
    pos: &PosLimits,
    limits: &WeighLimits,
    shared: impl FnMut(usize) -> Result<(usize, usize), E>,
    mut dated: impl FnMut(usize) -> Result<bool, E>,
) -> Result<Vec<(usize, PosFlag)>, E> {
    let mut article = Shared { ask: shared, known: vec![None; lines.len()] };
    let mut out = Vec::new();
    // The nearest title-like line above the body is the title, dated lines skipped.
    let mut title = None;
    for &k in &found.titles {
        if lines[k].marks & DIGIT == 0 || !dated(k)? {
            title = Some(k);
            break;
        }
    }
    let mut about = vec![false; lines.len()];
    found.about.iter().for_each(|&k| about[k] = true);
    let mut kept_above = None; // the last line of the header kept
    for &k in &found.header {
        let kept = Some(k) == title
            || Some(k) == found.lone
            || (about[k] && article.about(k, limits.head_stems, limits.head_share)?)
            || (Some(k) == found.under_head && kept_above == Some(k - 1));
        if kept {
            kept_above = Some(k);
        } else {
            out.push((k, PosFlag::Header));
        }
    }
    footer(lines, last, limits, &mut article, &mut out)?;
    inside(lines, &found.inside, pos, limits, &mut article, &mut out)?;
    Ok(out)
}

/// `_lead_in`: a sentence that announces a list ("Things that help are:").
fn lead_in(line: &PosLine, limits: &WeighLimits) -> bool {
    line.colon && line.n_words >= limits.lead_in_words && line.stop_share >= limits.prose_stopwords
}

/// `_field_value`: line `k` stands under a field's label ("Scheduled:", "Instructor:"), an unflagged short
/// line that ends with ":": it is the field's value, the page's data, whatever stands beside it.
fn field_value(lines: &[PosLine], k: usize) -> bool {
    let above = &lines[k - 1];
    !above.signalled && !above.prose && above.colon
}

/// `_closing`: the closing of a letter ("Sincerely,").
fn closing(line: &PosLine, limits: &WeighLimits) -> bool {
    line.comma && line.n_words <= limits.closing_words
}

/// `_continues`: line `k`, below the body and flagged by no signal, still belongs to the article.
fn continues<E, F: FnMut(usize) -> Result<(usize, usize), E>>(
    lines: &[PosLine],
    k: usize,
    previous_kept: bool,
    limits: &WeighLimits,
    article: &mut Shared<F>,
) -> Result<bool, E> {
    let line = &lines[k];
    if line.marks & ATTRIBUTION != 0 {
        return Ok(lines[k - 1].prose);
    }
    if line.marks & (REFERENCE | LIST_ITEM) != 0 {
        return Ok(previous_kept);
    }
    if line.colon && k + 1 < lines.len() && lines[k + 1].marks & LIST_ITEM != 0 {
        return Ok(previous_kept); // the lead-in of that list ("What to bring:")
    }
    if previous_kept && line.sentence && article.on_topic(k)? {
        // The last sentence of the article, set apart, whatever its function words: a recipe's last step
        // in the imperative has few ("Wlej zakwas, dopraw czosnkiem ...": 1 in 10; audit 17).
        return Ok(true);
    }
    if line.stop_share < limits.prose_stopwords {
        return Ok(false);
    }
    Ok((previous_kept || line.sentence) && article.about(k, limits.head_stems, limits.tail_share)?)
}

/// `_footer`: the short lines below the body that do not continue it.
fn footer<E, F: FnMut(usize) -> Result<(usize, usize), E>>(
    lines: &[PosLine],
    last: usize,
    limits: &WeighLimits,
    article: &mut Shared<F>,
    out: &mut Vec<(usize, PosFlag)>,
) -> Result<(), E> {
    let (mut listing, mut signature) = (0usize, 0usize); // items, signature lines still to keep
    let mut previous_kept = !lines[last].signalled; // the body's last line
    for (k, line) in lines.iter().enumerate().skip(last + 1) {
        if line.signalled {
            listing = 0;
            signature = 0;
            previous_kept = false;
            continue;
        }
        // Under a kept line, a heading that ends with ":" on the article's subject ("Our members:") opens
        // a list as a lead-in does.
        let lead = lead_in(line, limits) || (previous_kept && line.colon && !line.prose && article.on_topic(k)?);
        let keep = continues(lines, k, previous_kept, limits, article)?
            || (previous_kept && (lead || closing(line, limits) || ((listing > 0 || signature > 0) && !line.prose)));
        previous_kept = keep;
        if !keep {
            out.push((k, PosFlag::Footer));
            listing = 0;
            signature = 0;
            continue;
        }
        listing = if lead { limits.list_items } else { listing.saturating_sub(1) };
        signature = if closing(line, limits) { limits.signature_lines } else { signature.saturating_sub(1) };
    }
    Ok(())
}

/// `_listed_items`: whether each line is an item of a list under a lead-in ("Thanks to everyone who contributed:"
/// over a list of names): one of the `list_items` short lines under an unflagged short lead-in, with no flagged line
/// or prose between. Inside the body such a list is the article's, whatever its labels (the lead-ins inside the body
/// are read: `position_py` reads their last character).
fn listed_items(lines: &[PosLine], limits: &WeighLimits) -> Vec<bool> {
    let mut listed = vec![false; lines.len()];
    let mut left = 0usize; // items still to take under the last lead-in
    for (k, line) in lines.iter().enumerate() {
        if line.signalled || line.prose {
            left = 0;
            continue;
        }
        if left > 0 {
            listed[k] = true;
            left -= 1;
        }
        if lead_in(line, limits) {
            left = limits.list_items;
        }
    }
    listed
}

/// `_inside`: the candidates inside the body that go (see `mark::IN_CHROME` ...).
fn inside<E, F: FnMut(usize) -> Result<(usize, usize), E>>(
    lines: &[PosLine],
    candidates: &[Inside],
    pos: &PosLimits,
    limits: &WeighLimits,
    article: &mut Shared<F>,
    out: &mut Vec<(usize, PosFlag)>,
) -> Result<(), E> {
    // Whether a short run with labels (lines `a..b`) shows chrome: exactly one of its labels is
    // foreign to the article, and that one has no figure. Asked once per run.
    let mut asked: Vec<(usize, bool)> = Vec::new();
    let listed = if candidates.iter().any(|c| c.what & IN_LABEL != 0) { listed_items(lines, limits) } else { Vec::new() };
    for c in candidates {
        let k = c.line;
        if c.what & IN_CHROME != 0 {
            out.push((k, PosFlag::ChromeRun { lines: c.a, flagged: c.b }));
            continue;
        }
        let mut evidence = c.what & IN_EVIDENCE != 0;
        if c.what & IN_ASK != 0 {
            evidence = match asked.iter().find(|(a, _)| *a == c.a) {
                Some(&(_, shows)) => shows,
                None => {
                    let mut foreign = Vec::new();
                    for (j, line) in lines.iter().enumerate().take(c.b).skip(c.a) {
                        if line.label(pos) && !article.on_topic(j)? {
                            foreign.push(j);
                        }
                    }
                    let shows = foreign.len() == 1 && lines[foreign[0]].marks & DIGIT == 0;
                    asked.push((c.a, shows));
                    shows
                }
            };
        }
        let line = &lines[k];
        let flag = if c.what & IN_LABEL != 0 && evidence && !line.colon && !listed[k] {
            PosFlag::InlineLabel
        } else if c.what & IN_BLOCK != 0 && !field_value(lines, k) {
            PosFlag::InlineBlock
        } else if c.what & IN_TEASER != 0 && evidence && article.get(k)?.1 >= limits.teaser_stems {
            PosFlag::InlineTeaser
        } else {
            continue;
        };
        // Only an off-topic line goes.
        if !article.on_topic(k)? {
            out.push((k, flag));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mark::{position, short_runs, LETTER};

    const POS: PosLimits = PosLimits {
        title_chars: 12,
        title_words: 2,
        head_words: 3,
        label_words: 6,
        lone_run: 2,
        chrome_lines: 30,
        chrome_share: 0.25,
        teaser_stopwords: 0.25,
    };
    const LIMITS: WeighLimits = WeighLimits {
        head_stems: 2,
        head_share: 0.3,
        tail_share: 0.5,
        prose_stopwords: 0.15,
        lead_in_words: 3,
        list_items: 30,
        closing_words: 6,
        signature_lines: 3,
        teaser_stems: 3,
    };

    fn prose() -> PosLine {
        PosLine { prose: true, sentence: true, n_words: 40, stop_share: 0.4, marks: LETTER, ..PosLine::default() }
    }

    fn short(n_words: usize, stop_share: f64) -> PosLine {
        PosLine { n_words, stop_share, chars: 8 * n_words, marks: LETTER, ..PosLine::default() }
    }

    /// The weighing of `lines` with `stems[k]` = (shared, stems) and the dated lines `dates`.
    fn weighed(lines: &[PosLine], stems: &[(usize, usize)], dates: &[usize]) -> Vec<(usize, PosFlag)> {
        let body: Vec<usize> = (0..lines.len()).filter(|&k| lines[k].prose && !lines[k].signalled).collect();
        let (first, last) = (body[0], *body.last().unwrap());
        let runs = short_runs(lines, first, last);
        let found = position(lines, &runs, first, POS);
        weigh(lines, &found, last, &POS, &LIMITS, |k| Ok::<_, ()>(stems[k]), |k| Ok(dates.contains(&k))).unwrap()
    }

    #[test]
    fn the_title_stays_and_a_dated_line_is_no_title() {
        let mut dated = short(4, 0.0);
        dated.marks |= DIGIT;
        let lines = [short(1, 0.0), short(3, 0.0), dated, prose(), prose()];
        let stems = [(0, 1); 5];
        // "Home" goes; the title stays, and the dated line above the body, skipped as the title, stays under it.
        assert_eq!(weighed(&lines, &stems, &[2]), vec![(0, PosFlag::Header)]);
        // Under a line that goes (a label under the title), it goes.
        let placed = [short(3, 0.0), short(1, 0.0), dated, prose(), prose()];
        assert_eq!(weighed(&placed, &stems, &[2]), vec![(1, PosFlag::Header), (2, PosFlag::Header)]);
        // Undated, it is the title itself; the other line has no stem of the article: it goes.
        assert_eq!(weighed(&lines, &stems, &[]), vec![(0, PosFlag::Header), (1, PosFlag::Header)]);
        // A headline about the article stays.
        let about = [(0, 1), (2, 3), (0, 1), (0, 1), (0, 1)];
        assert_eq!(weighed(&lines, &about, &[]), vec![(0, PosFlag::Header)]);
    }

    #[test]
    fn the_line_between_the_kept_title_and_the_body_stays() {
        let lines = [short(1, 0.0), short(3, 0.0), short(1, 0.0), prose(), prose()];
        let stems = [(0, 1); 5];
        // "Home" goes; the title stays, and so does "Overview" between it and the body.
        assert_eq!(weighed(&lines, &stems, &[]), vec![(0, PosFlag::Header)]);
        // Under a line that goes, the line just above the body goes too.
        let menu = [short(3, 0.0), short(1, 0.0), short(1, 0.0), prose(), prose()];
        assert_eq!(weighed(&menu, &stems, &[]), vec![(1, PosFlag::Header), (2, PosFlag::Header)]);
        // Under a flagged line, it is no title's neighbour.
        let mut flagged = lines;
        flagged[1].signalled = true;
        assert_eq!(weighed(&flagged, &stems, &[]), vec![(0, PosFlag::Header), (2, PosFlag::Header)]);
    }

    #[test]
    fn the_footer_keeps_a_lead_in_with_its_items_and_a_closing_with_its_signature() {
        let mut lead = short(5, 0.4);
        lead.colon = true;
        let mut closing = short(2, 0.0);
        closing.comma = true;
        let lines = [prose(), prose(), lead, short(2, 0.0), short(2, 0.0), closing, short(2, 0.0), short(1, 0.0)];
        let stems = [(0, 1); 8];
        assert_eq!(weighed(&lines, &stems, &[]), vec![]);
        // Without the lead-in, the items go, and the closing (under a flagged line) too.
        let mut cut = lines;
        cut[2] = short(5, 0.4);
        let want: Vec<(usize, PosFlag)> = (2..8).map(|k| (k, PosFlag::Footer)).collect();
        assert_eq!(weighed(&cut, &stems, &[]), want);
        // A sentence about the article stays under the body.
        let mut tail = lines;
        tail[2] = PosLine { sentence: true, ..short(8, 0.3) };
        let mut stems = stems;
        stems[2] = (1, 5);
        assert_eq!(weighed(&tail, &stems, &[])[0], (3, PosFlag::Footer));
    }

    #[test]
    fn the_footer_keeps_a_heading_on_the_article_subject_with_its_list() {
        let mut heading = short(2, 0.0);
        heading.colon = true;
        let mut lines = vec![prose(), prose(), heading];
        lines.extend([short(2, 0.0); 20]);
        // "Our members:" shares a stem with the article: it and its 20 items stay.
        let mut stems = vec![(0, 2); lines.len()];
        stems[2] = (1, 2);
        assert_eq!(weighed(&lines, &stems, &[]), vec![]);
        // "Follow us:" names nothing of the article: it and the lines under it go.
        stems[2] = (0, 2);
        let want: Vec<(usize, PosFlag)> = (2..lines.len()).map(|k| (k, PosFlag::Footer)).collect();
        assert_eq!(weighed(&lines, &stems, &[]), want);
        // Under a flagged line, the heading opens no list.
        stems[2] = (1, 2);
        lines[1].signalled = true;
        let want: Vec<(usize, PosFlag)> = (2..lines.len()).map(|k| (k, PosFlag::Footer)).collect();
        assert_eq!(weighed(&lines, &stems, &[]), want);
    }

    #[test]
    fn inside_the_body_a_lone_foreign_label_goes_and_one_about_the_article_stays() {
        let lines = [prose(), short(2, 0.0), prose(), short(2, 0.0), prose()];
        let stems = [(0, 1), (0, 1), (0, 1), (1, 1), (0, 1)];
        assert_eq!(weighed(&lines, &stems, &[]), vec![(1, PosFlag::InlineLabel)]);
        // A label that ends with ":" heads what follows.
        let mut colon = lines;
        colon[1].colon = true;
        assert_eq!(weighed(&colon, &stems, &[]), vec![]);
    }

    #[test]
    fn a_field_value_beside_chrome_stays_under_its_label() {
        let mut label = short(1, 0.0);
        label.colon = true;
        let flagged = PosLine { signalled: true, ..short(3, 0.0) };
        let mut value = short(5, 0.1);
        value.sentence = true; // no label, no teaser: only beside chrome may it go
        let lines = [prose(), label, value, flagged, prose()];
        let stems = [(0, 1); 5];
        // "Scheduled:" / "Tues., Jan 23 and 30" / a flagged time: the value stays.
        assert_eq!(weighed(&lines, &stems, &[]), vec![]);
        // Under a line that does not end with ":", the line beside chrome goes.
        let mut bare = lines;
        bare[1].colon = false;
        bare[1].n_words = 4;
        bare[1].stop_share = 0.5;
        bare[1].sentence = true;
        assert_eq!(weighed(&bare, &stems, &[]), vec![(2, PosFlag::InlineBlock)]);
    }
}
