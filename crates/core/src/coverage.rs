//! The Coverage view's model: how each outlet of a [`Collection`] quotes each side, on each
//! question, and which statements several outlets share (and in which words).
//!
//! Only direct and partial quotes take part in statements: a paraphrase is the outlet's own words,
//! so its wording says nothing about the speaker's. This module knows nothing about Leptos,
//! `web_sys` or the DOM.

use crate::collection::Collection;
use crate::model::QuoteKind;
use crate::statements::{compare_wordings, match_statements, QuoteRef, Wording};
use crate::stats::{count_words, word_shares, SideBalance};

/// A quote of one outlet: `(outlet index, quote index)`.
pub type QuoteAt = (usize, usize);

#[derive(Clone, Debug)]
pub struct Coverage {
    /// One row per outlet, in the collection's order (broken outlets have no quotes).
    pub rows: Vec<OutletRow>,
    /// One per collection topic.
    pub questions: Vec<Question>,
    /// Statements quoted by at least two outlets first (most outlets first), then the rest.
    pub statements: Vec<Statement>,
}

/// One outlet's quotes per side.
#[derive(Clone, Debug)]
pub struct OutletRow {
    pub outlet: usize,
    /// Per collection side: quotes and words.
    pub balance: Vec<SideBalance>,
    /// Per collection side: its share of this outlet's quoted words, in whole per cent.
    pub shares: Vec<u32>,
    /// Per collection side: the quotes, in the article's order.
    pub quotes: Vec<Vec<usize>>,
    /// Quotes of sides the collection does not compare.
    pub uncounted: usize,
}

/// One question across outlets.
#[derive(Clone, Debug)]
pub struct Question {
    pub topic: usize,
    /// `[outlet][side]`: that outlet's quotes of that side on this question.
    pub cells: Vec<Vec<Vec<usize>>>,
}

impl Question {
    /// Whether outlet `o` quotes anyone on this question.
    pub fn covered_by(&self, o: usize) -> bool {
        self.cells.get(o).is_some_and(|sides| sides.iter().any(|q| !q.is_empty()))
    }

    /// A gap: outlet `o` quotes someone on this question, but no one of side `s`.
    pub fn is_gap(&self, o: usize, s: usize) -> bool {
        self.covered_by(o) && self.cells[o].get(s).is_some_and(Vec::is_empty)
    }
}

/// The same words of the same speaker as several outlets quote them.
#[derive(Clone, Debug)]
pub struct Statement {
    /// The speaker's name as the first outlet gives it.
    pub speaker: String,
    /// The collection side, when the first quote's side maps to one.
    pub side: Option<usize>,
    /// Every quote of it, in outlet order.
    pub quotes: Vec<QuoteAt>,
    /// The outlets that quote it, each once.
    pub outlets: Vec<usize>,
    /// The opened outlets that do not.
    pub missing: Vec<usize>,
    /// When the outlets' wordings differ: one version per outlet (its first quote), marked.
    pub wordings: Option<Vec<(QuoteAt, Wording)>>,
}

impl Coverage {
    pub fn new(collection: &Collection) -> Coverage {
        let sides = collection.sides.len();
        let rows = collection
            .outlets
            .iter()
            .enumerate()
            .map(|(o, outlet)| {
                let mut row = OutletRow {
                    outlet: o,
                    balance: vec![SideBalance::default(); sides],
                    shares: vec![0; sides],
                    quotes: vec![Vec::new(); sides],
                    uncounted: 0,
                };
                if let Some(article) = &outlet.article {
                    for (q, quote) in article.quotes.iter().enumerate() {
                        match outlet.side_of_quote(q) {
                            Some(s) => {
                                row.balance[s].quotes += 1;
                                row.balance[s].words += count_words(&quote.text);
                                row.quotes[s].push(q);
                            }
                            None => row.uncounted += 1,
                        }
                    }
                }
                row.shares = word_shares(&row.balance);
                row
            })
            .collect();
        let questions = (0..collection.topics.len())
            .map(|t| Question {
                topic: t,
                cells: collection
                    .outlets
                    .iter()
                    .map(|outlet| {
                        let mut cells = vec![Vec::new(); sides];
                        let count = outlet.article.as_ref().map_or(0, |a| a.quotes.len());
                        for q in 0..count {
                            if let Some(s) = outlet.side_of_quote(q).filter(|_| outlet.topics_of_quote(q).contains(&t))
                            {
                                cells[s].push(q);
                            }
                        }
                        cells
                    })
                    .collect(),
            })
            .collect();
        Coverage { rows, questions, statements: statements(collection) }
    }

    /// Statements quoted by more than one outlet.
    pub fn shared(&self) -> impl Iterator<Item = &Statement> {
        self.statements.iter().filter(|s| s.outlets.len() > 1)
    }
}

fn statements(collection: &Collection) -> Vec<Statement> {
    let mut refs = Vec::new();
    for (o, outlet) in collection.outlets.iter().enumerate() {
        let Some(article) = &outlet.article else { continue };
        for (q, quote) in article.quotes.iter().enumerate() {
            if quote.kind != QuoteKind::Paraphrase {
                refs.push(QuoteRef { article: o, quote: q, speaker: outlet.speaker_name(q), text: &quote.text });
            }
        }
    }
    let opened: Vec<usize> =
        (0..collection.outlets.len()).filter(|&o| collection.outlets[o].article.is_some()).collect();
    let mut out: Vec<Statement> = match_statements(&refs)
        .into_iter()
        .map(|group| {
            let mut quotes: Vec<QuoteAt> = group.members.iter().map(|&m| (refs[m].article, refs[m].quote)).collect();
            quotes.sort_unstable();
            let mut outlets: Vec<usize> = quotes.iter().map(|&(o, _)| o).collect();
            outlets.dedup();
            let missing = opened.iter().copied().filter(|o| !outlets.contains(o)).collect();
            let (first_o, first_q) = quotes[0];
            let first = &collection.outlets[first_o];
            // One version per outlet: its first quote of the statement.
            let versions: Vec<QuoteAt> = outlets
                .iter()
                .map(|&o| *quotes.iter().find(|&&(qo, _)| qo == o).expect("each outlet has a quote"))
                .collect();
            let texts: Vec<&str> = versions.iter().map(|&(o, q)| quote_text(collection, o, q)).collect();
            let wordings = (texts.len() > 1)
                .then(|| compare_wordings(&texts))
                .filter(|w| w.iter().any(|w| w.pieces.iter().any(|p| p.kind != crate::statements::PieceKind::Same)))
                .map(|w| versions.iter().copied().zip(w).collect());
            Statement {
                speaker: first.speaker_name(first_q).to_owned(),
                side: first.side_of_quote(first_q),
                quotes,
                outlets,
                missing,
                wordings,
            }
        })
        .collect();
    // Shared first, most outlets first; otherwise in the order the outlets quote them.
    out.sort_by_key(|s| (std::cmp::Reverse(s.outlets.len()), s.quotes[0]));
    out
}

fn quote_text(collection: &Collection, o: usize, q: usize) -> &str {
    collection.outlets[o].article.as_ref().map_or("", |a| a.quotes[q].text.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::{load_spec, Fetched};

    fn example() -> Collection {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/articles");
        let input =
            std::fs::read_to_string(dir.join("un-aleppo-2016-collection.json")).expect("the example collection");
        let spec = load_spec(&input).spec.expect("the example is valid");
        let texts: Vec<(String, String)> = spec
            .articles
            .iter()
            .filter_map(|e| e.src.clone())
            .map(|src| (src.clone(), std::fs::read_to_string(dir.join(&src)).expect("its articles are there")))
            .collect();
        Collection::open(&spec, |src| match texts.iter().find(|(s, _)| s == src) {
            Some((_, text)) => Fetched::Text(text),
            None => Fetched::Failed("not found".to_owned()),
        })
    }

    #[test]
    fn the_example_opens_every_outlet_with_its_sides_mapped() {
        let collection = example();
        assert_eq!(collection.opened(), collection.outlets.len());
        assert!(collection.outlets.len() >= 3);
        for outlet in &collection.outlets {
            assert!(outlet.errors().next().is_none(), "{}: {:?}", outlet.id, outlet.diagnostics);
            let article = outlet.article.as_ref().unwrap();
            let counted = (0..article.quotes.len()).filter(|&q| outlet.side_of_quote(q).is_some()).count();
            assert!(counted > 0, "{} has quotes of the compared sides", outlet.id);
        }
    }

    #[test]
    fn the_example_shares_statements_and_shows_a_different_wording() {
        let collection = example();
        let coverage = Coverage::new(&collection);
        let shared: Vec<&Statement> = coverage.shared().collect();
        assert!(shared.len() >= 2, "statements quoted by several outlets: {}", shared.len());
        let everywhere = shared.iter().filter(|s| s.outlets.len() == collection.outlets.len()).count();
        assert!(everywhere >= 2, "Power's “barbarism” and Churkin's “impossible task” are in every report");
        let barbarism = shared
            .iter()
            .find(|s| s.quotes.iter().any(|&(o, q)| quote_text(&collection, o, q).contains("not counterterrorism")))
            .expect("the barbarism statement");
        assert!(barbarism.speaker.ends_with("Power"));
        assert_eq!(barbarism.outlets.len(), collection.outlets.len());
        let differing = shared.iter().filter(|s| s.wordings.is_some()).count();
        assert!(differing >= 1, "at least one statement is worded differently between outlets");
        // Every quote of a statement has the same speaker, by name.
        for s in &coverage.statements {
            for &(o, q) in &s.quotes {
                assert!(crate::statements::same_speaker(&s.speaker, collection.outlets[o].speaker_name(q)));
            }
            assert!(s.missing.iter().all(|m| !s.outlets.contains(m)));
        }
    }

    #[test]
    fn rows_and_questions_count_mapped_sides() {
        let collection = example();
        let coverage = Coverage::new(&collection);
        for row in &coverage.rows {
            let outlet = &collection.outlets[row.outlet];
            let total = outlet.article.as_ref().unwrap().quotes.len();
            let counted: usize = row.balance.iter().map(|b| b.quotes).sum();
            assert_eq!(counted + row.uncounted, total, "{}", outlet.id);
            assert!(row.balance.iter().all(|b| b.quotes > 0), "{} quotes both sides", outlet.id);
            assert!(row.shares.iter().sum::<u32>().abs_diff(100) <= 1);
        }
        assert_eq!(coverage.questions.len(), collection.topics.len());
        for question in &coverage.questions {
            for (o, sides) in question.cells.iter().enumerate() {
                for (s, quotes) in sides.iter().enumerate() {
                    for &q in quotes {
                        assert_eq!(collection.outlets[o].side_of_quote(q), Some(s));
                        assert!(collection.outlets[o].topics_of_quote(q).contains(&question.topic));
                    }
                    assert_eq!(question.is_gap(o, s), question.covered_by(o) && quotes.is_empty());
                }
            }
        }
    }
}
