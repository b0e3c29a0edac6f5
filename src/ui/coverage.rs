//! The Coverage view of a collection: outlets by sides, questions by outlets, and the same
//! statement across outlets with its differing words marked. Every cell and statement links to
//! the article in Read at that quote (`#view=read&article=ID&quote=ID`), and Back returns here.

use std::sync::Arc;

use leptos::prelude::*;

use super::Ctx;
use crate::collection::Collection;
use crate::coverage::{Coverage, QuoteAt, Statement};
use crate::palette::{side_colors, SideColor};
use crate::route::{Route, View};
use crate::statements::PieceKind;

fn link(route: Route) -> String {
    Ctx::href(&route)
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

/// An outlet's article in Compare with only the article's sides that count for collection side `s`.
fn side_link(collection: &Collection, o: usize, s: usize) -> String {
    let outlet = &collection.outlets[o];
    let shown = outlet.article.as_ref().map_or_else(Vec::new, |a| {
        a.sides.iter().zip(&outlet.side_of).filter(|(_, to)| **to == Some(s)).map(|(side, _)| side.id.clone()).collect()
    });
    link(Route { view: View::Compare, article: Some(outlet.id.clone()), shown_sides: shown, ..Route::default() })
}

fn side_css(colors: &[SideColor], s: Option<usize>) -> String {
    s.and_then(|s| colors.get(s)).copied().unwrap_or(crate::palette::NO_SIDE).css()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
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

#[component]
pub fn CoverageView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let Some(collection) = ctx.collection.get() else {
            return view! {
                <section class="coverage coverage-empty">
                    <h2>"Coverage"</h2>
                    <p>"Coverage compares how several outlets quote each side. Open a collection of articles: "
                        "drop several article files at once, or open a collection’s JSON."</p>
                </section>
            }
            .into_any();
        };
        let Some(coverage) = ctx.coverage.get() else {
            return ().into_any();
        };
        let colors = side_colors(&collection.sides);
        let opened = collection.opened();
        let total = collection.outlets.len();
        view! {
            <section class="coverage" aria-labelledby="coverage-title">
                <div class="coverage-head">
                    {collection.note.clone().map(|note| view! { <p class="coverage-note" dir="auto">{note}</p> })}
                    <p class="coverage-count">
                        {if opened == total { plural(total, "outlet", "outlets") } else { format!("{opened} of {total} articles opened") }}
                        " · "{plural(coverage.shared().count(), "statement", "statements")}" quoted by more than one"
                    </p>
                </div>
                <Broken collection=collection.clone()/>
                <BySides collection=collection.clone() coverage=coverage.clone() colors=colors.clone()/>
                <Questions collection=collection.clone() coverage=coverage.clone() colors=colors.clone()/>
                <Statements collection=collection.clone() coverage=coverage colors/>
            </section>
        }
        .into_any()
    }
}

/// Articles that did not open, each with every problem and where it is.
#[component]
fn Broken(collection: Arc<Collection>) -> impl IntoView {
    let broken: Vec<_> = collection.outlets.iter().filter(|o| o.article.is_none()).collect();
    (!broken.is_empty()).then(|| {
        let items = broken
            .into_iter()
            .map(|outlet| {
                let problems = outlet.errors().map(|d| view! { <li><code>{d.to_string()}</code></li> }).collect_view();
                view! {
                    <li class="broken-outlet" data-outlet=outlet.id.clone()>
                        <strong dir="auto">{outlet.name.clone()}</strong>" ("{outlet.origin.clone()}")"
                        <ul>{problems}</ul>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="coverage-broken" aria-labelledby="broken-heading">
                <h2 id="broken-heading">"Articles that could not be opened"</h2>
                <p>"The other articles are compared without them."</p>
                <ul>{items}</ul>
            </section>
        }
    })
}

/// One row per outlet, one column per side: quotes and quoted words, and the balance meter.
#[component]
fn BySides(collection: Arc<Collection>, coverage: Arc<Coverage>, colors: Vec<SideColor>) -> impl IntoView {
    let heads = collection
        .sides
        .iter()
        .enumerate()
        .map(
            |(s, side)| view! { <th scope="col" dir="auto" style=side_css(&colors, Some(s))>{side.label.clone()}</th> },
        )
        .collect_view();
    // Bars compare outlets: each is that outlet's words for the side against the most any cell has.
    let most = coverage.rows.iter().flat_map(|r| r.balance.iter().map(|b| b.words)).max().unwrap_or(0).max(1);
    let rows = coverage
        .rows
        .iter()
        .filter(|row| collection.outlets[row.outlet].article.is_some())
        .map(|row| {
            let o = row.outlet;
            let outlet = &collection.outlets[o];
            let cells = row
                .balance
                .iter()
                .enumerate()
                .map(|(s, b)| {
                    let width = b.words * 100 / most;
                    view! {
                        <td class="side-cell" data-side=collection.sides[s].id.clone() style=side_css(&colors, Some(s))>
                            <a class="coverage-cell" href=side_link(&collection, o, s)>
                                <span class="cell-numbers">{plural(b.quotes, "quote", "quotes")}" · "{plural(b.words, "word", "words")}</span>
                                <span class="cell-bar" aria-hidden="true"><span class="cell-fill" style=format!("width:{width}%")></span></span>
                            </a>
                        </td>
                    }
                })
                .collect_view();
            let meter = row
                .shares
                .iter()
                .enumerate()
                .map(|(s, share)| {
                    view! { <span class="meter-part" style=format!("{};width:{share}%", side_css(&colors, Some(s)))></span> }
                })
                .collect_view();
            let summary: Vec<String> =
                collection.sides.iter().zip(&row.shares).map(|(side, share)| format!("{} {share}%", side.label)).collect();
            view! {
                <tr data-outlet=outlet.id.clone()>
                    <th scope="row" dir="auto"><a href=outlet_link(&collection, o, View::Compare)>{outlet.name.clone()}</a></th>
                    {cells}
                    <td class="balance-cell">
                        <span class="meter" role="img" aria-label=format!("Quoted words: {}", summary.join(", "))>{meter}</span>
                        <span class="meter-text">{summary.join(" · ")}</span>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="coverage-part" aria-labelledby="by-sides-heading">
            <h2 id="by-sides-heading">"Outlets by sides"</h2>
            <div class="table-wrap">
                <table class="by-sides">
                    <thead><tr><th scope="col">"Outlet"</th>{heads}<th scope="col">"Balance of quoted words"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// For each question: which outlets quoted which side, and where an outlet gave a side no voice.
#[component]
fn Questions(collection: Arc<Collection>, coverage: Arc<Coverage>, colors: Vec<SideColor>) -> impl IntoView {
    if collection.topics.is_empty() {
        return view! {
            <section class="coverage-part" aria-labelledby="questions-heading">
                <h2 id="questions-heading">"Questions by outlets"</h2>
                <p>"This collection names no questions (its \"topics\")."</p>
            </section>
        }
        .into_any();
    }
    let heads = || {
        collection
            .sides
            .iter()
            .enumerate()
            .map(|(s, side)| view! { <th scope="col" dir="auto" style=side_css(&colors, Some(s))>{side.label.clone()}</th> })
            .collect_view()
    };
    let questions = coverage
        .questions
        .iter()
        .map(|question| {
            let topic = &collection.topics[question.topic];
            let rows = question
                .cells
                .iter()
                .enumerate()
                .filter(|(o, _)| collection.outlets[*o].article.is_some())
                .map(|(o, sides)| {
                    let covered = question.covered_by(o);
                    let cells = sides
                        .iter()
                        .enumerate()
                        .map(|(s, quotes)| {
                            let content = match quotes.first() {
                                Some(&q) => view! {
                                    <a href=quote_link(&collection, (o, q))>{plural(quotes.len(), "quote", "quotes")}</a>
                                }
                                .into_any(),
                                None if covered => view! { <span class="gap-label">"no statement"</span> }.into_any(),
                                None => view! { <span class="not-covered">"–"<span class="sr-only">" not covered"</span></span> }.into_any(),
                            };
                            view! {
                                <td
                                    class="question-cell"
                                    class:gap=question.is_gap(o, s)
                                    data-side=collection.sides[s].id.clone()
                                    style=side_css(&colors, Some(s))
                                >
                                    {content}
                                </td>
                            }
                        })
                        .collect_view();
                    view! {
                        <tr data-outlet=collection.outlets[o].id.clone()>
                            <th scope="row" dir="auto">{collection.outlets[o].name.clone()}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="question" data-topic=topic.id.clone()>
                    <h3 dir="auto">{topic.label.clone()}</h3>
                    <div class="table-wrap">
                        <table class="by-question">
                            <thead><tr><th scope="col">"Outlet"</th>{heads()}</tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="coverage-part" aria-labelledby="questions-heading">
            <h2 id="questions-heading">"Questions by outlets"</h2>
            <p class="legend">"“no statement”: the outlet quotes others on this question, but no one of that side."</p>
            {questions}
        </section>
    }
    .into_any()
}

/// Statements several outlets quote, with who left them out and how their wordings differ.
#[component]
fn Statements(collection: Arc<Collection>, coverage: Arc<Coverage>, colors: Vec<SideColor>) -> impl IntoView {
    let opened = collection.opened();
    let shared: Vec<&Statement> = coverage.shared().collect();
    let single = coverage.statements.len() - shared.len();
    let items = shared
        .iter()
        .enumerate()
        .map(|(i, statement)| statement_view(&collection, statement, i, opened, &colors))
        .collect_view();
    view! {
        <section class="coverage-part" aria-labelledby="statements-heading">
            <h2 id="statements-heading">"The same statement across outlets"</h2>
            <p class="legend">
                "Quotes of the same speaker whose words match. Marked words differ between the outlets’ versions; "
                <span class="gap-mark" aria-hidden="true">"⁁"</span>" marks words a version leaves out."
            </p>
            {if shared.is_empty() { Some(view! { <p>"No statement is quoted by more than one outlet."</p> }) } else { None }}
            <ol class="statements">{items}</ol>
            <p class="statements-single">{plural(single, "other statement is", "other statements are")}" quoted by one outlet only."</p>
        </section>
    }
}

fn statement_view(
    collection: &Collection,
    statement: &Statement,
    i: usize,
    opened: usize,
    colors: &[SideColor],
) -> impl IntoView {
    let side_label = statement.side.map_or("No side", |s| collection.sides[s].label.as_str()).to_owned();
    let missing = (!statement.missing.is_empty()).then(|| {
        view! { <p class="statement-missing">"Left out by "{names(collection, &statement.missing)}"."</p> }
    });
    let body = match &statement.wordings {
        Some(wordings) => {
            let versions = wordings
                .iter()
                .map(|(at, wording)| {
                    let pieces = wording
                        .pieces
                        .iter()
                        .map(|piece| match piece.kind {
                            PieceKind::Same => piece.text.clone().into_any(),
                            PieceKind::Differs => view! { <mark class="differs">{piece.text.clone()}</mark> }.into_any(),
                            PieceKind::Gap => view! {
                                <span class="gap-mark" title="Words the other versions have are missing here">
                                    "⁁"<span class="sr-only">" (words missing here) "</span>
                                </span>
                            }
                            .into_any(),
                        })
                        .collect_view();
                    view! {
                        <figure class="wording" data-outlet=collection.outlets[at.0].id.clone()>
                            <figcaption><a href=quote_link(collection, *at)>{collection.outlets[at.0].name.clone()}</a></figcaption>
                            <blockquote dir="auto">{pieces}</blockquote>
                        </figure>
                    }
                })
                .collect_view();
            view! { <div class="wordings" role="group" aria-label="The versions side by side">{versions}</div> }
                .into_any()
        }
        None => {
            let (o, q) = statement.quotes[0];
            let text = collection.outlets[o].article.as_ref().map(|a| a.quotes[q].text.clone()).unwrap_or_default();
            let links = statement
                .outlets
                .iter()
                .map(|&o| {
                    let at = *statement.quotes.iter().find(|(qo, _)| *qo == o).expect("each outlet has a quote");
                    view! { <li><a href=quote_link(collection, at)>{collection.outlets[o].name.clone()}</a></li> }
                })
                .collect_view();
            view! {
                <blockquote dir="auto">{text}</blockquote>
                <p class="same-words">"The same words in each."</p>
                <ul class="statement-outlets">{links}</ul>
            }
            .into_any()
        }
    };
    view! {
        <li class="statement" data-statement=i.to_string() data-outlets=statement.outlets.len().to_string() style=side_css(colors, statement.side)>
            <p class="statement-who"><strong dir="auto">{statement.speaker.clone()}</strong>" · "<span dir="auto">{side_label}</span></p>
            <p class="statement-count">{format!("Quoted by {} of {opened} outlets", statement.outlets.len())}</p>
            {missing}
            {body}
        </li>
    }
}

/// In Compare and Read of a collection's article: the way back to Coverage, and the other articles.
#[component]
pub fn OutletBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let collection = ctx.collection.get()?;
        let view = ctx.nav.route.with(|r| r.view);
        let current = ctx.shown_outlet.get();
        let items = collection
            .outlets
            .iter()
            .enumerate()
            .filter(|(_, o)| o.article.is_some())
            .map(|(o, outlet)| {
                let is_current = current == Some(o);
                view! {
                    <li>
                        <a href=outlet_link(&collection, o, view) aria-current=is_current.then_some("page") dir="auto">
                            {outlet.name.clone()}
                        </a>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <nav class="outlet-bar" aria-label="Articles in this collection">
                <a class="back-to-coverage" href=link(Route { view: View::Coverage, ..Route::default() })>"← Coverage"</a>
                <ul>{items}</ul>
            </nav>
        })
    }
}
