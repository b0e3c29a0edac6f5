//! The explorer's model of one article: anchors, sides, filters and highlight segments.
//!
//! Components ask this model what to show and only render the answer. It knows nothing about
//! Leptos, `web_sys` or the DOM, so everything here is tested natively.

use std::collections::HashMap;

use crate::anchor::{anchor_article, Anchor, AnchorStatus, QuoteSpan};
use crate::model::{Article, QuoteHint, Speaker};
use crate::offsets::slice_cp;
use crate::palette::{side_colors, SideColor};
use crate::route::Route;
use crate::stats::{balance, SideBalance};

/// Underline styles, so that sides differ by more than colour.
const UNDERLINES: &[&str] = &["solid", "dashed", "dotted", "double", "wavy"];

/// A run of paragraph text covered by the same set of quotes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    /// The quotes covering this run, outermost first.
    pub quotes: Vec<usize>,
    /// The quotes that begin at this run, outermost first: their first mark, the tab stop.
    pub starts: Vec<usize>,
    /// The quotes whose speaker label goes before this run: where each begins, or before the
    /// opening quote mark just before it, so the label reads `Lavrov “We …”` and never leaves
    /// the mark alone at a line's end.
    pub labels: Vec<usize>,
}

/// One row of the Compare view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Topic(usize),
    /// Quotes that name no topic.
    Other,
}

/// A run of whole paragraphs that a long Read view builds in one go (`Explorer::paragraph_chunks`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    pub paragraphs: std::ops::Range<usize>,
    /// Its length in characters, for the space it takes before it is built.
    pub chars: usize,
}

/// The order to build `count` chunks in when chunk `first` is wanted first: then its neighbours
/// outward, the one after it before the one before it, so what is near the reader comes first.
pub fn outward(count: usize, first: usize) -> impl Iterator<Item = usize> {
    let first = first.min(count.saturating_sub(1));
    (0..count).flat_map(move |d| {
        let after = Some(first + d).filter(|&i| i < count);
        let before = first.checked_sub(d).filter(|_| d > 0);
        after.into_iter().chain(before)
    })
}

pub struct Explorer {
    pub article: Article,
    pub anchors: Vec<Anchor>,
    quote_side: Vec<Option<usize>>,
    quote_speaker: Vec<Option<usize>>,
    by_id: HashMap<String, usize>,
    /// Quote indices in the order they appear in the text; quotes not found come last.
    reading_order: Vec<usize>,
    /// The quotes anchored in each paragraph, so a paragraph's highlights cost its own quotes only.
    paragraph_quotes: Vec<Vec<usize>>,
    /// Each speaker's id and the sides their quotes count under (`None`: a quote with no known
    /// side), so a speaker toggle need not scan every quote.
    speaker_sides: HashMap<String, Vec<Option<usize>>>,
    /// Each side's colour, from `palette::side_colors`.
    side_colors: Vec<SideColor>,
}

impl Explorer {
    pub fn new(article: Article) -> Self {
        let anchors = anchor_article(&article);
        let side_index: HashMap<&str, usize> =
            article.sides.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
        let speaker_index: HashMap<&str, usize> =
            article.speakers.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
        let quote_speaker: Vec<Option<usize>> =
            article.quotes.iter().map(|q| speaker_index.get(q.speaker.as_str()).copied()).collect();
        let quote_side = article
            .quotes
            .iter()
            .zip(&quote_speaker)
            .map(|(q, speaker)| {
                let side = q.side.as_deref().or_else(|| speaker.map(|s| article.speakers[s].side.as_str()));
                side.and_then(|id| side_index.get(id).copied())
            })
            .collect();
        let by_id = article.quotes.iter().enumerate().map(|(i, q)| (q.id.clone(), i)).collect();
        let mut reading_order: Vec<usize> = (0..article.quotes.len()).collect();
        reading_order.sort_by_key(|&q| {
            anchors[q].span.map_or((usize::MAX, 0, 0), |s| (s.paragraph, s.start, usize::MAX - s.end))
        });
        let mut paragraph_quotes = vec![Vec::new(); article.body.len()];
        for (q, anchor) in anchors.iter().enumerate() {
            if let Some(list) = anchor.span.and_then(|s| paragraph_quotes.get_mut(s.paragraph)) {
                list.push(q);
            }
        }
        let mut speaker_sides: HashMap<String, Vec<Option<usize>>> = HashMap::new();
        for (quote, side) in article.quotes.iter().zip(&quote_side) {
            let sides = speaker_sides.entry(quote.speaker.clone()).or_default();
            if !sides.contains(side) {
                sides.push(*side);
            }
        }
        let side_colors = side_colors(&article.sides);
        Self {
            article,
            anchors,
            quote_side,
            quote_speaker,
            by_id,
            reading_order,
            paragraph_quotes,
            speaker_sides,
            side_colors,
        }
    }

    /// Every quote index in the order the quotes appear in the text; quotes not found come last.
    pub fn reading_order(&self) -> &[usize] {
        &self.reading_order
    }

    /// The paragraph quote `quote` is anchored in, if it was found in the text.
    pub fn paragraph_of(&self, quote: usize) -> Option<usize> {
        self.anchors.get(quote)?.span.map(|s| s.paragraph)
    }

    /// The text cut into runs of whole paragraphs, each costing about `budget` to build: one per
    /// paragraph and one per quote anchored in it. A long Read view builds these one at a time, so
    /// no single task builds the whole text (`ui::read`).
    pub fn paragraph_chunks(&self, budget: usize) -> Vec<Chunk> {
        let mut chunks: Vec<Chunk> = Vec::new();
        let mut cost = 0;
        for (p, text) in self.article.body.iter().enumerate() {
            let weight = 1 + self.paragraph_quotes[p].len();
            match chunks.last_mut() {
                Some(last) if cost + weight <= budget.max(1) => {
                    last.paragraphs.end = p + 1;
                    last.chars += text.chars().count();
                    cost += weight;
                }
                _ => {
                    chunks.push(Chunk { paragraphs: p..p + 1, chars: text.chars().count() });
                    cost = weight;
                }
            }
        }
        chunks
    }

    pub fn quote_index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn side_of(&self, quote: usize) -> Option<usize> {
        self.quote_side.get(quote).copied().flatten()
    }

    pub fn speaker_of(&self, quote: usize) -> Option<&Speaker> {
        self.quote_speaker.get(quote).copied().flatten().map(|s| &self.article.speakers[s])
    }

    /// The side's colour in each theme (see `palette::side_colors`); `NO_SIDE`'s grey for a side
    /// that does not exist.
    pub fn side_color(&self, side: usize) -> SideColor {
        self.side_colors.get(side).copied().unwrap_or(crate::palette::NO_SIDE)
    }

    pub fn side_underline(&self, side: usize) -> &'static str {
        UNDERLINES[side % UNDERLINES.len()]
    }

    pub fn side_label(&self, side: Option<usize>) -> &str {
        side.and_then(|s| self.article.sides.get(s)).map_or("No side", |s| s.label.as_str())
    }

    /// Whether hidden sides hide every quote of this speaker, so that their own toggle has no
    /// quote left to show or hide. A quote given another side than its speaker's counts under
    /// that side.
    pub fn is_speaker_hidden_by_sides(&self, speaker: &str, route: &Route) -> bool {
        self.speaker_sides.get(speaker).is_some_and(|sides| {
            !sides.is_empty() && sides.iter().all(|side| side.is_some_and(|side| self.is_side_hidden(side, route)))
        })
    }

    /// Whether the reader's filters let this quote through.
    pub fn is_visible(&self, quote: usize, route: &Route) -> bool {
        let Some(q) = self.article.quotes.get(quote) else {
            return false;
        };
        if let Some(side) = self.side_of(quote) {
            if self.is_side_hidden(side, route) {
                return false;
            }
        }
        if route.hidden_speakers.contains(&q.speaker) {
            return false;
        }
        let needle = route.search.trim().to_lowercase();
        if needle.is_empty() {
            return true;
        }
        let speaker = self.speaker_of(quote).map(|s| s.name.to_lowercase()).unwrap_or_default();
        q.text.to_lowercase().contains(&needle) || speaker.contains(&needle)
    }

    /// Whether the filters let each quote through, in one pass: what `is_visible` says of every
    /// quote, with the hidden sides and the search worked out once.
    pub fn visibility(&self, route: &Route) -> Vec<bool> {
        let hidden_sides: Vec<bool> = (0..self.article.sides.len()).map(|s| self.is_side_hidden(s, route)).collect();
        let needle = route.search.trim().to_lowercase();
        let speaker_names: Vec<String> = if needle.is_empty() {
            Vec::new()
        } else {
            self.article.speakers.iter().map(|s| s.name.to_lowercase()).collect()
        };
        (0..self.article.quotes.len())
            .map(|q| {
                let quote = &self.article.quotes[q];
                if self.side_of(q).is_some_and(|s| hidden_sides[s]) || route.hidden_speakers.contains(&quote.speaker) {
                    return false;
                }
                if needle.is_empty() {
                    return true;
                }
                let speaker = self.quote_speaker[q].and_then(|s| speaker_names.get(s)).map_or("", String::as_str);
                speaker.contains(&needle) || quote.text.to_lowercase().contains(&needle)
            })
            .collect()
    }

    /// Every Compare cell's quotes, filters aside, `[row][side]` in the order of `rows()`, each in
    /// reading order; built in one pass over the quotes.
    pub fn grid(&self) -> Vec<Vec<Vec<usize>>> {
        let rows = self.rows();
        let sides = self.article.sides.len();
        let topic_index: HashMap<&str, usize> =
            self.article.topics.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
        let other_row = rows.iter().position(|r| *r == Row::Other);
        let mut grid = vec![vec![Vec::new(); sides]; rows.len()];
        for &q in &self.reading_order {
            let Some(side) = self.side_of(q) else {
                continue;
            };
            let topics = &self.article.quotes[q].topics;
            if topics.is_empty() {
                if let Some(row) = other_row {
                    grid[row][side].push(q);
                }
                continue;
            }
            // A quote listed under the same topic twice still shows once in that row.
            let mut seen: Vec<usize> = Vec::with_capacity(topics.len());
            for t in topics.iter().filter_map(|t| topic_index.get(t.as_str()).copied()) {
                if !seen.contains(&t) {
                    seen.push(t);
                    grid[t][side].push(q);
                }
            }
        }
        grid
    }

    /// The quotes that belong to no known side, filters aside, in reading order.
    pub fn all_sideless(&self) -> Vec<usize> {
        self.reading_order.iter().copied().filter(|&q| self.side_of(q).is_none()).collect()
    }

    pub fn is_side_hidden(&self, side: usize, route: &Route) -> bool {
        let ids: Vec<&str> = self.article.sides.iter().map(|s| s.id.as_str()).collect();
        self.article.sides.get(side).is_some_and(|s| route.hides_side(&s.id, &ids))
    }

    /// The Compare view's rows: one per topic, then "Other statements" when some quote has none.
    pub fn rows(&self) -> Vec<Row> {
        let mut rows: Vec<Row> = (0..self.article.topics.len()).map(Row::Topic).collect();
        if self.article.quotes.iter().any(|q| q.topics.is_empty()) {
            rows.push(Row::Other);
        }
        rows
    }

    pub fn row_label(&self, row: Row) -> &str {
        match row {
            Row::Topic(t) => &self.article.topics[t].label,
            Row::Other => "Other statements",
        }
    }

    /// The visible quotes of one side on one row, in reading order.
    pub fn cell(&self, row: Row, side: usize, route: &Route) -> Vec<usize> {
        self.reading_order
            .iter()
            .copied()
            .filter(|&q| self.side_of(q) == Some(side) && self.is_visible(q, route))
            .filter(|&q| {
                let topics = &self.article.quotes[q].topics;
                match row {
                    Row::Topic(t) => topics.contains(&self.article.topics[t].id),
                    Row::Other => topics.is_empty(),
                }
            })
            .collect()
    }

    /// Visible quotes that belong to no known side; the Compare view lists them apart.
    pub fn sideless(&self, route: &Route) -> Vec<usize> {
        self.reading_order.iter().copied().filter(|&q| self.side_of(q).is_none() && self.is_visible(q, route)).collect()
    }

    /// Where each quote found in the text starts, as a share of the whole text (0 at its start,
    /// under 1 at its end), in text order: the marks of the "who speaks where" strip. Paragraphs
    /// count by their length in code points; quotes not found in the text have no place.
    pub fn quote_positions(&self) -> Vec<(usize, f64)> {
        let mut starts = Vec::with_capacity(self.article.body.len());
        let mut total = 0usize;
        for paragraph in &self.article.body {
            starts.push(total);
            total += paragraph.chars().count();
        }
        let mut positions: Vec<(usize, f64)> = self
            .anchors
            .iter()
            .enumerate()
            .filter_map(|(q, anchor)| {
                let span = anchor.span?;
                let at = starts.get(span.paragraph)? + span.start;
                Some((q, at as f64 / total.max(1) as f64))
            })
            .collect();
        positions.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        positions
    }
}

/// The strip's marks for quote `positions` in text order: at most `max`, one per quote while
/// there are no more than that, else the first quote of each stretch of `1 / max` of the text
/// that holds any, with how many quotes the stretch holds (the quotes that follow it in
/// `positions`). So a 10,000-quote article draws as many marks as the strip can show apart, not
/// 10,000. Each mark is `(quote, position, quotes here)`.
pub fn strip_marks(positions: &[(usize, f64)], max: usize) -> Vec<(usize, f64, usize)> {
    if positions.len() <= max {
        return positions.iter().map(|&(q, at)| (q, at, 1)).collect();
    }
    let mut marks: Vec<(usize, f64, usize)> = Vec::with_capacity(max);
    let mut last_bucket = None;
    for &(q, at) in positions {
        let bucket = ((at * max as f64) as usize).min(max - 1);
        match marks.last_mut() {
            Some(mark) if last_bucket == Some(bucket) => mark.2 += 1,
            _ => {
                marks.push((q, at, 1));
                last_bucket = Some(bucket);
            }
        }
    }
    marks
}

impl Explorer {
    /// Quotes whose words were not found in the text.
    pub fn not_found(&self) -> Vec<usize> {
        (0..self.anchors.len()).filter(|&q| self.anchors[q].span.is_none()).collect()
    }

    /// The article with each quote's place written in as a hint, so opening it again skips the
    /// search. Only exact places are written: a fuzzy match is not the quote's own words.
    pub fn hinted_article(&self) -> Article {
        let mut article = self.article.clone();
        for (quote, anchor) in article.quotes.iter_mut().zip(&self.anchors) {
            quote.hint = match (anchor.span, anchor.status) {
                (Some(span), AnchorStatus::Exact | AnchorStatus::Ambiguous { .. }) => {
                    Some(QuoteHint { paragraph: span.paragraph, start: span.start })
                }
                _ => None,
            };
        }
        article
    }

    /// The article's words under a span.
    pub fn span_text(&self, span: QuoteSpan) -> &str {
        self.article.body.get(span.paragraph).map_or("", |p| slice_cp(p, span.start, span.end))
    }

    /// Quotes that needed an approximate match, with their similarity.
    pub fn fuzzy(&self) -> Vec<(usize, u8)> {
        (0..self.anchors.len())
            .filter_map(|q| match self.anchors[q].status {
                AnchorStatus::Fuzzy { score } => Some((q, score)),
                _ => None,
            })
            .collect()
    }

    /// Quotes found more than once with nothing to tell the places apart.
    pub fn ambiguous(&self) -> Vec<usize> {
        (0..self.anchors.len()).filter(|&q| matches!(self.anchors[q].status, AnchorStatus::Ambiguous { .. })).collect()
    }

    /// Quote count and quoted words per side, over the visible quotes.
    pub fn balance(&self, route: &Route) -> Vec<SideBalance> {
        self.balance_of(&self.visibility(route))
    }

    /// The balance over the quotes `visible` marks, for a caller that has `visibility` already.
    pub fn balance_of(&self, visible: &[bool]) -> Vec<SideBalance> {
        let quotes = (0..self.article.quotes.len())
            .filter(|&q| visible.get(q).copied().unwrap_or(false))
            .filter_map(|q| Some((self.side_of(q)?, self.article.quotes[q].text.as_str())));
        balance(self.article.sides.len(), quotes)
    }

    /// Splits a paragraph into runs of text, each covered by the same visible quotes.
    pub fn segments(&self, paragraph: usize, visible: impl Fn(usize) -> bool) -> Vec<Segment> {
        let Some(text) = self.article.body.get(paragraph) else {
            return Vec::new();
        };
        let chars: Vec<char> = text.chars().collect();
        let len = chars.len();
        let mut spans: Vec<(usize, usize, usize)> = self.paragraph_quotes[paragraph]
            .iter()
            .filter_map(|&q| {
                self.anchors[q]
                    .span
                    .filter(|s| s.paragraph == paragraph && s.start < s.end)
                    .map(|s| (q, s.start, s.end))
            })
            .filter(|&(q, _, _)| visible(q))
            .collect();
        // Outermost first: earlier start, then longer.
        spans.sort_by_key(|&(q, start, end)| (start, usize::MAX - end, q));
        let opens_quote = |i: usize| {
            matches!(chars.get(i), Some('“' | '‘' | '"' | '\'' | '«' | '„' | '‚' | '‹' | '「' | '『'))
                && (i == 0 || !chars[i - 1].is_alphanumeric())
        };
        let label_at = |start: usize| if start > 0 && opens_quote(start - 1) { start - 1 } else { start };
        let mut bounds: Vec<usize> = vec![0, len];
        bounds.extend(spans.iter().flat_map(|&(_, s, e)| [label_at(s), s, e]));
        // An elided quote covers its pieces, not the words between them.
        let gaps = |q: usize| self.anchors[q].gaps.as_slice();
        bounds.extend(spans.iter().flat_map(|&(q, _, _)| gaps(q).iter().flat_map(|&(a, b)| [a, b])));
        bounds.sort_unstable();
        bounds.dedup();
        bounds
            .windows(2)
            .map(|w| {
                let (from, to) = (w[0], w[1]);
                let covering = spans
                    .iter()
                    .filter(|&&(q, s, e)| s <= from && e >= to && !gaps(q).iter().any(|&(a, b)| a <= from && to <= b));
                Segment {
                    text: slice_cp(text, from, to).to_owned(),
                    quotes: covering.clone().map(|&(q, _, _)| q).collect(),
                    starts: covering.filter(|&&(_, s, _)| s == from).map(|&(q, _, _)| q).collect(),
                    labels: spans.iter().filter(|&&(_, s, _)| label_at(s) == from).map(|&(q, _, _)| q).collect(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Quote, QuoteKind, Side, Source, Topic};

    fn article(body: &[&str], quotes: &[(&str, &str, &str, &[&str])]) -> Article {
        Article {
            format_version: 1,
            title: "T".into(),
            source: Source { name: "S".into(), url: None },
            published: None,
            language: "en".into(),
            body: body.iter().map(|s| s.to_string()).collect(),
            sides: vec![
                Side { id: "a".into(), label: "A".into(), color: None },
                Side { id: "b".into(), label: "B".into(), color: Some("red; x: y".into()) },
            ],
            speakers: vec![
                Speaker { id: "x".into(), name: "Xavier Xu".into(), role: None, side: "a".into() },
                Speaker { id: "y".into(), name: "Yolanda Ye".into(), role: None, side: "b".into() },
            ],
            topics: vec![
                Topic { id: "t1".into(), label: "One".into() },
                Topic { id: "t2".into(), label: "Two".into() },
            ],
            quotes: quotes
                .iter()
                .map(|&(id, speaker, text, topics)| Quote {
                    id: id.into(),
                    speaker: speaker.into(),
                    kind: QuoteKind::Direct,
                    topics: topics.iter().map(|t| t.to_string()).collect(),
                    text: text.into(),
                    prefix: None,
                    suffix: None,
                    side: None,
                    hint: None,
                })
                .collect(),
        }
    }

    #[test]
    fn quote_positions_place_each_found_quote_in_the_whole_text_in_text_order() {
        // Two paragraphs of 10 and 21 code points (“ç” is one code point and two bytes): 31 in all.
        let ex = Explorer::new(article(
            &["ça va bien", "Yes we can, no we won"],
            &[
                ("late", "y", "no we won", &[]),
                ("early", "x", "va bien", &[]),
                ("nowhere", "x", "never said", &[]),
                ("start", "y", "Yes", &[]),
            ],
        ));
        let positions: Vec<(String, f64)> =
            ex.quote_positions().into_iter().map(|(q, at)| (ex.article.quotes[q].id.clone(), at)).collect();
        let expected = [("early", 3.0 / 31.0), ("start", 10.0 / 31.0), ("late", 22.0 / 31.0)];
        assert_eq!(positions.len(), expected.len(), "{positions:?}");
        for ((id, at), (want_id, want_at)) in positions.iter().zip(expected) {
            assert_eq!(id, want_id);
            assert!((at - want_at).abs() < 1e-9, "{id}: {at} != {want_at}");
        }
    }

    #[test]
    fn strip_marks_are_one_per_quote_up_to_the_limit_then_one_per_stretch() {
        let body: Vec<String> = (0..100).map(|i| format!("Line {i:03} has words.")).collect();
        let body: Vec<&str> = body.iter().map(String::as_str).collect();
        let quotes: Vec<(String, String)> = (0..100).map(|i| (format!("q{i}"), format!("Line {i:03}"))).collect();
        let quotes: Vec<(&str, &str, &str, &[&str])> =
            quotes.iter().map(|(id, text)| (id.as_str(), "x", text.as_str(), &[][..])).collect();
        let ex = Explorer::new(article(&body, &quotes));
        let all = strip_marks(&ex.quote_positions(), 100);
        assert_eq!(all.len(), 100);
        assert!(all.iter().all(|&(_, _, n)| n == 1));
        // Ten stretches of ten quotes each, each led by its first quote.
        let grouped = strip_marks(&ex.quote_positions(), 10);
        assert_eq!(grouped.len(), 10, "{grouped:?}");
        assert_eq!(grouped.iter().map(|m| m.2).sum::<usize>(), 100);
        assert!(grouped.iter().all(|&(_, _, n)| n == 10), "{grouped:?}");
        let leaders: Vec<usize> = grouped.iter().map(|m| m.0).collect();
        assert_eq!(leaders, (0..10).map(|i| i * 10).collect::<Vec<_>>());
    }

    /// Renders segments as text with `[id ... ]` around each quote's runs, so nesting reads at a glance.
    fn show(ex: &Explorer, paragraph: usize) -> String {
        ex.segments(paragraph, |_| true)
            .iter()
            .map(|s| {
                let ids: Vec<&str> = s.quotes.iter().map(|&q| ex.article.quotes[q].id.as_str()).collect();
                if ids.is_empty() {
                    s.text.clone()
                } else {
                    format!("[{}:{}]", ids.join("/"), s.text)
                }
            })
            .collect()
    }

    #[test]
    fn outward_starts_at_the_wanted_chunk_and_covers_every_chunk_once() {
        assert_eq!(outward(6, 2).collect::<Vec<_>>(), vec![2, 3, 1, 4, 0, 5]);
        assert_eq!(outward(4, 0).collect::<Vec<_>>(), vec![0, 1, 2, 3]);
        assert_eq!(outward(4, 3).collect::<Vec<_>>(), vec![3, 2, 1, 0]);
        // A chunk past the end counts as the last one.
        assert_eq!(outward(3, 9).collect::<Vec<_>>(), vec![2, 1, 0]);
        assert_eq!(outward(0, 0).count(), 0);
    }

    #[test]
    fn chunks_hold_whole_paragraphs_within_their_budget() {
        let ex = Explorer::new(article(
            &["One a b.", "Two.", "Three c.", "Four."],
            &[("a", "x", "a", &[]), ("b", "x", "b", &[]), ("c", "x", "c", &[])],
        ));
        // Costs: 1 + 2 quotes, 1, 1 + 1 quote, 1.
        let chunks = ex.paragraph_chunks(4);
        let ranges: Vec<_> = chunks.iter().map(|c| c.paragraphs.clone()).collect();
        assert_eq!(ranges, vec![0..2, 2..4]);
        assert_eq!(chunks[0].chars, "One a b.".len() + "Two.".len());
        // A paragraph over the budget is a chunk of its own, never split or dropped.
        let ranges: Vec<_> = ex.paragraph_chunks(1).into_iter().map(|c| c.paragraphs).collect();
        assert_eq!(ranges, vec![0..1, 1..2, 2..3, 3..4]);
        assert_eq!(ex.paragraph_chunks(100).len(), 1);
        assert_eq!(ex.paragraph_of(2), Some(2));
    }

    #[test]
    fn segments_nest_and_never_cover_outside_text() {
        let ex = Explorer::new(article(
            &["He said the groups are ‘in bed with terrorists’ and left.", "Nothing here."],
            &[
                ("outer", "x", "the groups are ‘in bed with terrorists’", &[]),
                ("inner", "y", "in bed with terrorists", &[]),
            ],
        ));
        assert_eq!(
            show(&ex, 0),
            "He said [outer:the groups are ][outer:‘][outer/inner:in bed with terrorists][outer:’] and left."
        );
        assert_eq!(show(&ex, 1), "Nothing here.");
        let segments = ex.segments(0, |_| true);
        let starts: Vec<Vec<usize>> = segments.iter().map(|s| s.starts.clone()).collect();
        assert_eq!(starts, vec![vec![], vec![0], vec![], vec![1], vec![], vec![]]);
        // The inner quote's label goes before its opening mark, inside the outer quote.
        let labels: Vec<Vec<usize>> = segments.into_iter().map(|s| s.labels).collect();
        assert_eq!(labels, vec![vec![], vec![0], vec![1], vec![], vec![], vec![]]);
    }

    #[test]
    fn a_speaker_is_hidden_by_sides_only_when_all_their_quotes_are() {
        let mut art =
            article(&["one two three"], &[("p", "x", "one", &[]), ("q", "x", "two", &[]), ("r", "y", "three", &[])]);
        let hide_a = Route { hidden_sides: vec!["a".into()], ..Route::default() };
        let ex = Explorer::new(art.clone());
        assert!(ex.is_speaker_hidden_by_sides("x", &hide_a));
        assert!(!ex.is_speaker_hidden_by_sides("y", &hide_a));
        assert!(!ex.is_speaker_hidden_by_sides("nobody", &hide_a));
        // One of Xavier's quotes is given side B: it stays in view, so his toggle still works.
        art.quotes[1].side = Some("b".into());
        assert!(!Explorer::new(art).is_speaker_hidden_by_sides("x", &hide_a));
    }

    #[test]
    fn a_split_quote_covers_its_parts_and_not_the_words_between() {
        let ex = Explorer::new(article(
            &["“No deal,” he said. “Not today.” Then he left."],
            &[("p", "x", "No deal, … Not today.", &[])],
        ));
        assert_eq!(show(&ex, 0), "“[p:No deal,]” he said. “[p:Not today.]” Then he left.");
        // It starts once: one label, before its opening mark, and one tab stop.
        let segments = ex.segments(0, |_| true);
        let starts: Vec<Vec<usize>> = segments.iter().map(|s| s.starts.clone()).collect();
        assert_eq!(starts.iter().filter(|s| !s.is_empty()).count(), 1);
        let labelled: Vec<&str> = segments.iter().filter(|s| !s.labels.is_empty()).map(|s| s.text.as_str()).collect();
        assert_eq!(labelled, ["“"]);
        assert!(ex.fuzzy().is_empty() && ex.ambiguous().is_empty(), "an elided quote is not an anchoring problem");
        // A quote with no mark before it, or after an apostrophe inside a word, is labelled where it starts.
        let ex = Explorer::new(article(
            &["Smith's view: peace now, and rock'n'roll."],
            &[("a", "x", "peace now", &[]), ("b", "x", "roll", &[])],
        ));
        let labelled: Vec<String> =
            ex.segments(0, |_| true).into_iter().filter(|s| !s.labels.is_empty()).map(|s| s.text).collect();
        assert_eq!(labelled, ["peace now", "roll"]);
    }

    #[test]
    fn partial_overlaps_split_into_runs() {
        let ex = Explorer::new(article(&["a b c d e"], &[("p", "x", "a b c", &[]), ("q", "y", "c d", &[])]));
        assert_eq!(show(&ex, 0), "[p:a b ][p/q:c][q: d] e");
        // Hidden quotes are not highlighted at all.
        let text: Vec<String> = ex.segments(0, |q| q == 1).into_iter().map(|s| s.text).collect();
        assert_eq!(text.concat(), "a b c d e");
    }

    /// `grid` and `visibility` are the one-pass forms of `cell` and `is_visible`: they must agree
    /// on every route, on the seed and on an article with a sideless, topicless quote.
    #[test]
    fn grid_and_visibility_agree_with_cell_and_is_visible() {
        let seed = crate::validate::load_article(crate::seed::SEED_JSON).article.expect("the seed loads");
        let mut small = article(
            &["“Second,” said X. “First?” Y asked. Later “third” came."],
            &[("q1", "y", "First?", &["t1"]), ("q2", "x", "Second,", &["t1", "t2"]), ("q3", "z", "third", &[])],
        );
        small.speakers.push(Speaker { id: "z".into(), name: "Zed".into(), role: None, side: "none".into() });
        for art in [seed, small] {
            let ex = Explorer::new(art);
            let side_ids: Vec<String> = ex.article.sides.iter().map(|s| s.id.clone()).collect();
            let speaker_ids: Vec<String> = ex.article.speakers.iter().map(|s| s.id.clone()).collect();
            let routes = [
                Route::default(),
                Route { hidden_sides: side_ids[..1].to_vec(), ..Route::default() },
                Route { shown_sides: side_ids[1..2].to_vec(), ..Route::default() },
                Route { hidden_speakers: speaker_ids[..1].to_vec(), ..Route::default() },
                Route { search: " THE ".into(), ..Route::default() },
                Route { search: speaker_ids[0].clone(), ..Route::default() },
            ];
            let grid = ex.grid();
            for route in &routes {
                let visible = ex.visibility(route);
                for (q, &shown) in visible.iter().enumerate() {
                    assert_eq!(shown, ex.is_visible(q, route), "quote {q} under {route:?}");
                }
                for (row, cells) in ex.rows().into_iter().zip(&grid) {
                    for (side, cell) in cells.iter().enumerate() {
                        let shown: Vec<usize> = cell.iter().copied().filter(|&q| visible[q]).collect();
                        assert_eq!(shown, ex.cell(row, side, route), "row {row:?}, side {side}, {route:?}");
                    }
                }
                let sideless: Vec<usize> = ex.all_sideless().into_iter().filter(|&q| visible[q]).collect();
                assert_eq!(sideless, ex.sideless(route));
            }
        }
    }

    #[test]
    fn cells_filters_and_balance() {
        let ex = Explorer::new(article(
            &["“Second,” said X. “First?” Y asked. Later “third” came."],
            &[
                ("q1", "y", "First?", &["t1"]),
                ("q2", "x", "Second,", &["t1", "t2"]),
                ("q3", "x", "third", &[]),
                ("q4", "x", "absent", &[]),
            ],
        ));
        let all = Route::default();
        assert_eq!(ex.rows(), vec![Row::Topic(0), Row::Topic(1), Row::Other]);
        assert_eq!(ex.cell(Row::Topic(0), 0, &all), vec![1]);
        assert_eq!(ex.cell(Row::Topic(0), 1, &all), vec![0]);
        assert_eq!(ex.cell(Row::Topic(1), 1, &all), Vec::<usize>::new());
        // Reading order puts found quotes first, in text order, then the ones not found.
        assert_eq!(ex.cell(Row::Other, 0, &all), vec![2, 3]);
        assert_eq!(ex.not_found(), vec![3]);
        let hide_a = Route { hidden_sides: vec!["a".into()], ..Route::default() };
        assert_eq!(ex.cell(Row::Topic(0), 0, &hide_a), Vec::<usize>::new());
        let search = Route { search: "YOLANDA".into(), ..Route::default() };
        assert_eq!(ex.cell(Row::Topic(0), 1, &search), vec![0]);
        assert_eq!(ex.cell(Row::Topic(0), 0, &search), Vec::<usize>::new());
        let balance = ex.balance(&all);
        assert_eq!((balance[0].quotes, balance[0].words, balance[1].quotes, balance[1].words), (3, 3, 1, 1));
        // An invalid colour falls back to the palette instead of reaching CSS.
        let palette = |i: usize| SideColor { light: crate::palette::PALETTE[i], dark: crate::palette::PALETTE[i] };
        assert_eq!((ex.side_color(0), ex.side_color(1)), (palette(0), palette(1)));
        assert_eq!(ex.side_color(2), crate::palette::NO_SIDE);
    }
}
