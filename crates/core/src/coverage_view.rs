//! The Coverage view as a [`Node`] tree, built where the collection is opened (the worker), so
//! that none of its code is in the reader's wasm: outlets by sides, questions by outlets with the
//! gaps, and the same statement across outlets with the differing words marked. Every cell and
//! statement links to the article in Read at that quote (`#view=read&article=ID&quote=ID`).
//!
//! Article text goes into text nodes and attribute values only. This module knows nothing about
//! Leptos, `web_sys` or the DOM.

use crate::collection::Collection;
use crate::coverage::{Coverage, QuoteAt, Statement};
use crate::palette::{side_colors, SideColor, NO_SIDE};
use crate::route::{Route, View};
use crate::statements::PieceKind;
use crate::text::plural;
use crate::tree::Node;

fn link(route: Route) -> String {
    format!("#{}", route.to_fragment())
}

/// An article of the collection in `view`, nothing filtered.
fn outlet_link(collection: &Collection, o: usize, view: View) -> String {
    link(Route { view, article: Some(collection.outlets[o].id.clone()), ..Route::default() })
}

/// One quote of an outlet, in Read.
fn quote_link(collection: &Collection, (o, q): QuoteAt) -> String {
    let outlet = &collection.outlets[o];
    let quote = outlet.article.as_ref().and_then(|a| a.quotes.get(q)).map(|q| q.id.clone());
    link(Route { view: View::Read, article: Some(outlet.id.clone()), quote, ..Route::default() })
}

/// An outlet's article in Read at its first quote for collection side `s`, with only the article's
/// sides that count for `s` shown.
fn side_link(collection: &Collection, o: usize, s: usize, first: Option<usize>) -> String {
    let outlet = &collection.outlets[o];
    let shown = outlet.article.as_ref().map_or_else(Vec::new, |a| {
        a.sides.iter().zip(&outlet.side_of).filter(|(_, to)| **to == Some(s)).map(|(side, _)| side.id.clone()).collect()
    });
    let quote = first.and_then(|q| outlet.article.as_ref()?.quotes.get(q)).map(|q| q.id.clone());
    link(Route { view: View::Read, article: Some(outlet.id.clone()), quote, shown_sides: shown, ..Route::default() })
}

fn side_css(colors: &[SideColor], s: Option<usize>) -> String {
    s.and_then(|s| colors.get(s)).copied().unwrap_or(NO_SIDE).css()
}

/// Names, joined for a sentence: "A", "A and B", "A, B and C".
fn names(collection: &Collection, outlets: &[usize]) -> String {
    let names: Vec<&str> = outlets.iter().map(|&o| collection.outlets[o].name.as_str()).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn el(tag: &str, class: &str) -> Node {
    Node::el(tag).attr("class", class)
}

fn heading(tag: &str, id: &str, text: &str) -> Node {
    Node::el(tag).attr("id", id).push_text(text)
}

/// The whole view: a `<section class="coverage">`.
pub fn coverage_view(collection: &Collection, coverage: &Coverage) -> Node {
    let colors = side_colors(&collection.sides);
    let opened = collection.opened();
    let total = collection.outlets.len();
    let count = if opened == total {
        plural(total, "outlet", "outlets")
    } else {
        format!("{opened} of {total} articles opened")
    };
    let mut head = el("div", "coverage-head");
    if let Some(note) = &collection.note {
        head = head.child(el("p", "coverage-note").attr("dir", "auto").push_text(note.clone()));
    }
    head = head.child(el("p", "coverage-count").push_text(format!(
        "{count} · {} quoted by more than one",
        plural(coverage.shared().count(), "statement", "statements")
    )));
    el("section", "coverage")
        .attr("aria-labelledby", "coverage-title")
        .child(head)
        .children(broken(collection))
        .child(by_sides(collection, coverage, &colors))
        .child(questions(collection, coverage, &colors))
        .child(statements(collection, coverage, &colors))
}

/// Articles that did not open, each with every problem and where it is.
fn broken(collection: &Collection) -> Option<Node> {
    let items: Vec<Node> = collection
        .outlets
        .iter()
        .filter(|o| o.article.is_none())
        .map(|outlet| {
            let problems = outlet.errors().map(|d| Node::el("li").child(Node::el("code").push_text(d.to_string())));
            el("li", "broken-outlet")
                .attr("data-outlet", outlet.id.clone())
                .child(Node::el("strong").attr("dir", "auto").push_text(outlet.name.clone()))
                .push_text(format!(" ({})", outlet.origin))
                .child(Node::el("ul").children(problems))
        })
        .collect();
    (!items.is_empty()).then(|| {
        el("section", "coverage-broken")
            .attr("aria-labelledby", "broken-heading")
            .child(heading("h2", "broken-heading", "Articles that could not be opened"))
            .child(Node::el("p").push_text("The other articles are compared without them."))
            .child(Node::el("ul").children(items))
    })
}

fn side_heads<'a>(collection: &'a Collection, colors: &'a [SideColor]) -> impl Iterator<Item = Node> + 'a {
    collection.sides.iter().enumerate().map(move |(s, side)| {
        Node::el("th")
            .attr("scope", "col")
            .attr("dir", "auto")
            .attr("style", side_css(colors, Some(s)))
            .push_text(side.label.clone())
    })
}

fn col(text: &str) -> Node {
    Node::el("th").attr("scope", "col").push_text(text)
}

fn table(class: &str, heads: Node, rows: Vec<Node>) -> Node {
    el("div", "table-wrap")
        .child(el("table", class).child(Node::el("thead").child(heads)).child(Node::el("tbody").children(rows)))
}

/// One row per outlet, one column per side: quotes and quoted words, and the balance meter.
fn by_sides(collection: &Collection, coverage: &Coverage, colors: &[SideColor]) -> Node {
    // Bars compare outlets: each is that outlet's words for the side against the most any cell has.
    let most = coverage.rows.iter().flat_map(|r| r.balance.iter().map(|b| b.words)).max().unwrap_or(0).max(1);
    let rows = coverage
        .rows
        .iter()
        .filter(|row| collection.outlets[row.outlet].article.is_some())
        .map(|row| {
            let o = row.outlet;
            let outlet = &collection.outlets[o];
            let cells = row.balance.iter().enumerate().map(|(s, b)| {
                let width = b.words * 100 / most;
                el("td", "side-cell")
                    .attr("data-side", collection.sides[s].id.clone())
                    .attr("style", side_css(colors, Some(s)))
                    .child(
                        el("a", "coverage-cell")
                            .attr("href", side_link(collection, o, s, row.quotes[s].first().copied()))
                            .child(el("span", "cell-numbers").push_text(format!(
                                "{} · {}",
                                plural(b.quotes, "quote", "quotes"),
                                plural(b.words, "word", "words")
                            )))
                            .child(
                                el("span", "cell-bar")
                                    .attr("aria-hidden", "true")
                                    .child(el("span", "cell-fill").attr("style", format!("width:{width}%"))),
                            ),
                    )
            });
            let meter = row.shares.iter().enumerate().map(|(s, share)| {
                el("span", "meter-part").attr("style", format!("{};width:{share}%", side_css(colors, Some(s))))
            });
            let summary: Vec<String> = collection
                .sides
                .iter()
                .zip(&row.shares)
                .map(|(side, share)| format!("{} {share}%", side.label))
                .collect();
            // Quotes of sides the collection does not compare are in no cell: say how many.
            let uncounted = (row.uncounted > 0).then(|| {
                let quotes = plural(row.uncounted, "quote", "quotes");
                let of = if row.uncounted == 1 { "is of a side" } else { "are of sides" };
                el("span", "outlet-note").push_text(format!("{quotes} {of} not compared here"))
            });
            Node::el("tr")
                .attr("data-outlet", outlet.id.clone())
                .child(
                    Node::el("th")
                        .attr("scope", "row")
                        .attr("dir", "auto")
                        .child(
                            Node::el("a")
                                .attr("href", outlet_link(collection, o, View::Compare))
                                .push_text(outlet.name.clone()),
                        )
                        .children(uncounted),
                )
                .children(cells)
                .child(
                    el("td", "balance-cell")
                        .child(
                            el("span", "meter")
                                .attr("role", "img")
                                .attr("aria-label", format!("Quoted words: {}", summary.join(", ")))
                                .children(meter),
                        )
                        .child(el("span", "meter-text").push_text(summary.join(" · "))),
                )
        })
        .collect();
    let heads = Node::el("tr")
        .child(col("Outlet"))
        .children(side_heads(collection, colors))
        .child(col("Balance of quoted words"));
    el("section", "coverage-part")
        .attr("aria-labelledby", "by-sides-heading")
        .child(heading("h2", "by-sides-heading", "Outlets by sides"))
        .child(table("by-sides", heads, rows))
}

/// For each question: which outlets quoted which side, and where an outlet gave a side no voice.
fn questions(collection: &Collection, coverage: &Coverage, colors: &[SideColor]) -> Node {
    let section = el("section", "coverage-part").attr("aria-labelledby", "questions-heading").child(heading(
        "h2",
        "questions-heading",
        "Questions by outlets",
    ));
    if collection.topics.is_empty() {
        return section.child(Node::el("p").push_text("This collection names no questions (its \"topics\")."));
    }
    let questions = coverage.questions.iter().map(|question| {
        let topic = &collection.topics[question.topic];
        let rows = question
            .cells
            .iter()
            .enumerate()
            .filter(|(o, _)| collection.outlets[*o].article.is_some())
            .map(|(o, sides)| {
                let covered = question.covered_by(o);
                let cells = sides.iter().enumerate().map(|(s, quotes)| {
                    let content = match quotes.first() {
                        Some(&q) => Node::el("a").attr("href", quote_link(collection, (o, q))).push_text(plural(
                            quotes.len(),
                            "quote",
                            "quotes",
                        )),
                        None if covered => el("span", "gap-label").push_text("no statement"),
                        None => el("span", "not-covered")
                            .push_text("–")
                            .child(el("span", "sr-only").push_text(" not covered")),
                    };
                    let class = if question.is_gap(o, s) { "question-cell gap" } else { "question-cell" };
                    el("td", class)
                        .attr("data-side", collection.sides[s].id.clone())
                        .attr("style", side_css(colors, Some(s)))
                        .child(content)
                });
                Node::el("tr")
                    .attr("data-outlet", collection.outlets[o].id.clone())
                    .child(
                        Node::el("th")
                            .attr("scope", "row")
                            .attr("dir", "auto")
                            .push_text(collection.outlets[o].name.clone()),
                    )
                    .children(cells)
            })
            .collect();
        let heads = Node::el("tr").child(col("Outlet")).children(side_heads(collection, colors));
        el("div", "question")
            .attr("data-topic", topic.id.clone())
            .child(Node::el("h3").attr("dir", "auto").push_text(topic.label.clone()))
            .child(table("by-question", heads, rows))
    });
    section
        .child(
            el("p", "legend")
                .push_text("“no statement”: the outlet quotes others on this question, but no one of that side."),
        )
        .children(questions)
}

/// Statements several outlets quote, with who left them out and how their wordings differ.
fn statements(collection: &Collection, coverage: &Coverage, colors: &[SideColor]) -> Node {
    let opened = collection.opened();
    let shared: Vec<&Statement> = coverage.shared().collect();
    let single = coverage.statements.len() - shared.len();
    let mut section = el("section", "coverage-part")
        .attr("aria-labelledby", "statements-heading")
        .child(heading("h2", "statements-heading", "The same statement across outlets"))
        .child(
            el("p", "legend")
                .push_text(
                    "Quotes of the same speaker whose words match. Marked words differ between the outlets’ versions; ",
                )
                .child(el("span", "gap-mark").attr("aria-hidden", "true").push_text("⁁"))
                .push_text(" marks words a version leaves out."),
        );
    if shared.is_empty() {
        section = section.child(Node::el("p").push_text("No statement is quoted by more than one outlet."));
    }
    let items =
        shared.iter().enumerate().map(|(i, statement)| statement_item(collection, statement, i, opened, colors));
    section.child(el("ol", "statements").children(items)).child(el("p", "statements-single").push_text(format!(
        "{} quoted by one outlet only.",
        plural(single, "other statement is", "other statements are")
    )))
}

fn statement_item(
    collection: &Collection,
    statement: &Statement,
    i: usize,
    opened: usize,
    colors: &[SideColor],
) -> Node {
    let side_label = statement.side.map_or("No side", |s| collection.sides[s].label.as_str()).to_owned();
    let mut item = el("li", "statement")
        .attr("data-statement", i.to_string())
        .attr("data-outlets", statement.outlets.len().to_string())
        .attr("style", side_css(colors, statement.side))
        .child(
            el("p", "statement-who")
                .child(Node::el("strong").attr("dir", "auto").push_text(statement.speaker.clone()))
                .push_text(" · ")
                .child(Node::el("span").attr("dir", "auto").push_text(side_label)),
        )
        .child(
            el("p", "statement-count").push_text(format!("Quoted by {} of {opened} outlets", statement.outlets.len())),
        );
    if !statement.missing.is_empty() {
        item = item.child(
            el("p", "statement-missing").push_text(format!("Left out by {}.", names(collection, &statement.missing))),
        );
    }
    match &statement.wordings {
        Some(wordings) => {
            let versions = wordings.iter().map(|(at, wording)| {
                let pieces = wording.pieces.iter().map(|piece| match piece.kind {
                    PieceKind::Same => Node::text(piece.text.clone()),
                    PieceKind::Differs => el("mark", "differs").push_text(piece.text.clone()),
                    PieceKind::Gap => el("span", "gap-mark")
                        .attr("title", "Words the other versions have are missing here")
                        .push_text("⁁")
                        .child(el("span", "sr-only").push_text(" (words missing here) ")),
                });
                el("figure", "wording")
                    .attr("data-outlet", collection.outlets[at.0].id.clone())
                    .child(
                        Node::el("figcaption").child(
                            Node::el("a")
                                .attr("href", quote_link(collection, *at))
                                .push_text(collection.outlets[at.0].name.clone()),
                        ),
                    )
                    .child(Node::el("blockquote").attr("dir", "auto").children(pieces))
            });
            item.child(
                el("div", "wordings")
                    .attr("role", "group")
                    .attr("aria-label", "The versions side by side")
                    .children(versions),
            )
        }
        None => {
            let (o, q) = statement.quotes[0];
            let text = collection.outlets[o].article.as_ref().map(|a| a.quotes[q].text.clone()).unwrap_or_default();
            let links = statement.outlets.iter().map(|&o| {
                let at = *statement.quotes.iter().find(|(qo, _)| *qo == o).expect("each outlet has a quote");
                Node::el("li").child(
                    Node::el("a")
                        .attr("href", quote_link(collection, at))
                        .push_text(collection.outlets[o].name.clone()),
                )
            });
            item.child(Node::el("blockquote").attr("dir", "auto").push_text(text))
                .child(el("p", "same-words").push_text("The same words in each."))
                .child(el("ul", "statement-outlets").children(links))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::{load_spec, Fetched};
    use crate::tree::{allowed_attribute, TAGS};

    fn check_tree(node: &Node) {
        if let Node::E(tag, attrs, children) = node {
            assert!(TAGS.contains(&tag.as_str()), "tag {tag}");
            for (name, value) in attrs {
                assert!(allowed_attribute(name, value), "{name}={value}");
            }
            children.iter().for_each(check_tree);
        }
    }

    #[test]
    fn hostile_text_stays_text_and_links_stay_in_the_page() {
        let hostile = "<img src=x onerror=alert(1)>\" onclick=\"alert(2)";
        let article = |outlet: &str| {
            serde_json::json!({
                "format_version": 1, "title": hostile, "source": { "name": outlet }, "language": "en",
                "body": [format!("“{hostile} said it,” said {hostile}.")],
                "sides": [{ "id": "a", "label": hostile }],
                "speakers": [{ "id": "s", "name": hostile, "side": "a" }],
                "topics": [{ "id": "t", "label": hostile }],
                "quotes": [{ "id": "q.1:x", "speaker": "s", "kind": "direct", "topics": ["t"], "text": format!("{hostile} said it") }]
            })
        };
        let doc = serde_json::json!({
            "kind": "collection", "format_version": 1, "title": hostile, "note": hostile,
            "sides": [{ "id": "a", "label": hostile }], "topics": [{ "id": "t", "label": hostile }],
            "articles": [{ "id": "one", "article": article(hostile) }, { "id": "two", "outlet": hostile, "article": article("B") }]
        });
        let spec = load_spec(&doc.to_string()).spec.expect("valid");
        let collection = Collection::open(&spec, |_| Fetched::Failed("none".to_owned()));
        assert_eq!(collection.opened(), 2, "{:?}", collection.outlets[0].diagnostics);
        let view = coverage_view(&collection, &Coverage::new(&collection));
        check_tree(&view);
        assert!(view.text_content().contains(hostile));
        let json = serde_json::to_string(&view).unwrap();
        assert!(json.contains("#view=read&article=two&quote=q.1:x"), "{json}");
    }

    #[test]
    fn an_outlet_row_says_how_many_quotes_are_of_sides_not_compared() {
        let article = |sides: &[&str]| {
            serde_json::json!({
                "format_version": 1, "title": "T", "source": { "name": "S" }, "language": "en",
                "body": ["“One,” said A. “Two,” said B. “Three,” said C."],
                "sides": sides.iter().map(|s| serde_json::json!({ "id": s, "label": s })).collect::<Vec<_>>(),
                "speakers": [{ "id": "a", "name": "A", "side": sides[0] }, { "id": "b", "name": "B", "side": sides[sides.len() - 1] },
                             { "id": "c", "name": "C", "side": sides[sides.len() - 1] }],
                "topics": [{ "id": "t", "label": "T" }],
                "quotes": [{ "id": "q1", "speaker": "a", "kind": "direct", "topics": ["t"], "text": "One" },
                           { "id": "q2", "speaker": "b", "kind": "direct", "topics": ["t"], "text": "Two" },
                           { "id": "q3", "speaker": "c", "kind": "direct", "topics": ["t"], "text": "Three" }]
            })
        };
        let doc = serde_json::json!({
            "kind": "collection", "format_version": 1, "title": "C",
            "sides": [{ "id": "x", "label": "X" }],
            "articles": [{ "id": "two-sides", "article": article(&["x", "y"]) }, { "id": "one-side", "article": article(&["x"]) }]
        });
        let spec = load_spec(&doc.to_string()).spec.expect("valid");
        let collection = Collection::open(&spec, |_| Fetched::Failed("none".to_owned()));
        let view = coverage_view(&collection, &Coverage::new(&collection));
        let note = |outlet: &str| {
            let mut rows = Vec::new();
            view.find_all("data-outlet", outlet, &mut rows);
            let mut notes = Vec::new();
            rows[0].find_all("class", "outlet-note", &mut notes);
            notes.iter().map(|n| n.text_content()).collect::<Vec<_>>()
        };
        assert_eq!(note("two-sides"), ["2 quotes are of sides not compared here"]);
        assert!(note("one-side").is_empty());
    }

    #[test]
    fn the_example_view_names_every_outlet_and_marks_the_translation() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/articles");
        let input = std::fs::read_to_string(dir.join("un-aleppo-2016-collection.json")).unwrap();
        let spec = load_spec(&input).spec.unwrap();
        let texts: Vec<(String, String)> = spec
            .articles
            .iter()
            .filter_map(|e| e.src.clone())
            .map(|src| (src.clone(), std::fs::read_to_string(dir.join(&src)).unwrap()))
            .collect();
        let collection = Collection::open(&spec, |src| Fetched::Text(&texts.iter().find(|(s, _)| s == src).unwrap().1));
        let view = coverage_view(&collection, &Coverage::new(&collection));
        check_tree(&view);
        let mut rows = Vec::new();
        view.find_all("data-outlet", "moscow", &mut rows);
        assert!(rows.len() >= 3, "the Moscow report is in the tables and the statements");
        let mut marks = Vec::new();
        view.find_all("class", "differs", &mut marks);
        let marked: Vec<String> = marks.iter().map(|m| m.text_content()).collect();
        assert!(marked.iter().any(|m| m.contains("meaningless")), "{marked:?}");
        assert!(marked.iter().any(|m| m.contains("senseless")), "{marked:?}");
    }
}
