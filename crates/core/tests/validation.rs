//! Data-driven validation cases: an input and the exact diagnostics expected, one line per case.

use counterpoint_core::validate::{load_article, Diagnostic, MAX_LISTED};
use serde_json::{json, Value};

/// A small valid article to break in one place at a time.
fn base() -> Value {
    json!({
        "format_version": 1,
        "title": "Budget talks",
        "source": { "name": "The Daily", "url": "https://example.org/a" },
        "language": "en",
        "body": ["“We will not cut,” Ana Diaz said. Bo Chen called it “a fantasy.”"],
        "sides": [{ "id": "gov", "label": "Government" }, { "id": "opp", "label": "Opposition" }],
        "speakers": [
            { "id": "diaz", "name": "Ana Diaz", "role": "Minister", "side": "gov" },
            { "id": "chen", "name": "Bo Chen", "side": "opp" }
        ],
        "topics": [{ "id": "cuts", "label": "Will there be cuts?" }],
        "quotes": [
            { "id": "q1", "speaker": "diaz", "kind": "direct", "topics": ["cuts"], "text": "We will not cut" },
            { "id": "q2", "speaker": "chen", "kind": "partial", "topics": ["cuts"], "text": "a fantasy." }
        ]
    })
}

/// Applies `edit` to the base article, loads it, and compares every diagnostic's display form.
fn check(edit: impl FnOnce(&mut Value), expect: &[&str]) {
    let mut value = base();
    edit(&mut value);
    check_text(&value.to_string(), expect);
}

fn check_text(input: &str, expect: &[&str]) {
    let report = load_article(input);
    let got: Vec<String> = report.diagnostics.iter().map(Diagnostic::to_string).collect();
    assert_eq!(got, expect, "diagnostics for {input:.200}");
    let has_errors = report.errors().next().is_some();
    assert_eq!(report.article.is_some(), !has_errors, "an article is returned exactly when there are no errors");
}

#[test]
fn a_valid_article_has_no_diagnostics() {
    check(|_| {}, &[]);
}

#[test]
fn reference_errors() {
    check(
        |v| v["quotes"][1]["speaker"] = json!("smith"),
        &["$.quotes[1].speaker: error: unknown speaker \"smith\" (known: chen, diaz)"],
    );
    check(
        |v| v["speakers"][0]["side"] = json!("left"),
        &["$.speakers[0].side: error: unknown side \"left\" (known: gov, opp)"],
    );
    check(
        |v| v["quotes"][0]["topics"] = json!(["cuts", "tax"]),
        &["$.quotes[0].topics[1]: error: unknown topic \"tax\" (known: cuts)"],
    );
    check(
        |v| v["quotes"][0]["side"] = json!("nope"),
        &["$.quotes[0].side: error: unknown side \"nope\" (known: gov, opp)"],
    );
    check(
        |v| v["quotes"][1]["id"] = json!("q1"),
        &["$.quotes[1].id: error: duplicate id \"q1\" (first used at $.quotes[0])"],
    );
    check(
        |v| v["sides"][1]["id"] = json!("gov"),
        &[
            "$.sides[1].id: error: duplicate id \"gov\" (first used at $.sides[0])",
            "$.speakers[1].side: error: unknown side \"opp\" (known: gov)",
        ],
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    check(
        |v| {
            v["quotes"][0]["speaker"] = json!("x");
            v["quotes"][1]["speaker"] = json!("y");
            v["speakers"][1]["id"] = json!("diaz");
        },
        &[
            "$.speakers[1].id: error: duplicate id \"diaz\" (first used at $.speakers[0])",
            "$.quotes[0].speaker: error: unknown speaker \"x\" (known: diaz)",
            "$.quotes[1].speaker: error: unknown speaker \"y\" (known: diaz)",
        ],
    );
}

#[test]
fn shape_errors_name_the_path_what_was_expected_and_what_was_found() {
    check(|v| drop(v.as_object_mut().map(|o| o.remove("title"))), &["$.title: error: required field is missing"]);
    check(|v| v["quotes"][0]["kind"] = json!("rumour"), &[
        "$.quotes[0].kind: error: expected one of \"direct\", \"partial\", \"paraphrase\", found a string (\"rumour\")",
    ]);
    check(|v| v["body"] = json!("one string"), &["$.body: error: expected a list, found a string (\"one string\")"]);
    check(|v| v["body"] = json!([]), &["$.body: error: expected at least one entry, found an empty list"]);
    check(
        |v| v["sides"][0]["label"] = json!(42),
        &["$.sides[0].label: error: expected a non-empty string, found a number (42)"],
    );
    check(
        |v| v["speakers"][0]["id"] = json!("a b"),
        &["$.speakers[0].id: error: expected an id (letters, digits, '-', '_', '.' or ':'), found a string (\"a b\")"],
    );
    check(
        |v| v["format_version"] = json!("1"),
        &["$.format_version: error: expected a whole number, found a string (\"1\")"],
    );
    check(|v| v["source"] = json!(null), &["$.source: error: expected an object, found null"]);
    check(
        |v| drop(v["quotes"][1].as_object_mut().map(|o| o.remove("text"))),
        &["$.quotes[1].text: error: required field is missing"],
    );
}

#[test]
fn warnings_do_not_stop_the_article() {
    check(
        |v| v["topics"] = json!([{ "id": "cuts", "label": "Cuts" }, { "id": "tax", "label": "Tax" }]),
        &["$.topics[1]: warning: topic \"tax\" is not used by any quote"],
    );
    check(|v| v["sides"][0]["color"] = json!("red;background:url(x)"), &[
        "$.sides[0].color: warning: expected a colour like \"#1f5fa8\", found \"red;background:url(x)\"; the default colour is used",
    ]);
    check(
        |v| v["source"]["url"] = json!("javascript:alert(1)"),
        &["$.source.url: warning: only http: and https: links are shown, found \"javascript:alert(1)\""],
    );
    check(|v| v["extra"] = json!(true), &["$.extra: warning: unknown field, ignored"]);
    check(
        |v| v["published"] = json!("25/09/2016"),
        &["$.published: warning: expected a date like \"2016-09-25\", found \"25/09/2016\""],
    );
}

#[test]
fn another_format_version_says_what_this_build_reads() {
    check(|v| v["format_version"] = json!(2), &[
        "$.format_version: error: this article uses format version 2; this build of Counterpoint reads format version 1",
    ]);
}

#[test]
fn broken_json_gives_line_column_and_a_caret() {
    let input = "{\n  \"title\": \"x\",\n  \"body\": [\"a\" \"b\"]\n}";
    let report = load_article(input);
    let d = &report.diagnostics[0];
    assert_eq!(d.to_string(), "3:16: error: invalid JSON: expected `,` or `]`");
    assert_eq!(d.excerpt.as_deref(), Some("  \"body\": [\"a\" \"b\"]\n               ^"));
    check_text("", &["1:0: error: invalid JSON: EOF while parsing a value"]);
}

#[test]
fn a_story_pasted_instead_of_json_says_where_to_take_it() {
    let story = "Russia accused the US of supporting terror groups.\n\n“We will not stop,” Lavrov said.";
    let report = load_article(story);
    let message = report.diagnostics[0].to_string();
    assert!(message.starts_with("1:1: error: invalid JSON: expected value; this looks like plain text"), "{message}");
    assert!(message.contains("Author view"), "{message}");
    for prose in ["“We will not stop,” he said.", "A  story"] {
        assert!(load_article(prose).diagnostics[0].message.contains("plain text"), "{prose}");
    }
    // JSON gone wrong is not taken for a story.
    for json in ["{\"title\": 3,}", "[1, 2", "true false", "nul"] {
        assert!(!load_article(json).diagnostics[0].message.contains("plain text"), "{json}");
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let input = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let report = load_article(&input);
    assert_eq!(report.diagnostics.len(), 1);
    assert!(report.diagnostics[0].to_string().contains("nested too deeply"), "{}", report.diagnostics[0]);
}

#[test]
fn long_lists_of_problems_are_capped() {
    check_text_count(
        |v| {
            v["quotes"] = json!((0..80)
                .map(|i| json!({ "id": format!("q{i}"), "speaker": "nobody", "kind": "direct", "text": "x" }))
                .collect::<Vec<_>>())
        },
        MAX_LISTED,
        80 - MAX_LISTED + 1,
    );
}

fn check_text_count(edit: impl FnOnce(&mut Value), listed: usize, more: usize) {
    let mut value = base();
    edit(&mut value);
    let report = load_article(&value.to_string());
    assert_eq!((report.diagnostics.len(), report.more), (listed, more));
}

#[test]
fn the_built_in_article_is_valid_and_every_quote_anchors_exactly() {
    let report = load_article(counterpoint_core::seed::SEED_JSON);
    assert_eq!(report.diagnostics, vec![], "the seed article has problems");
    let article = report.article.expect("the seed parses");
    let anchors = counterpoint_core::anchor::anchor_article(&article);
    for (quote, anchor) in article.quotes.iter().zip(&anchors) {
        assert_eq!(
            anchor.status,
            counterpoint_core::anchor::AnchorStatus::Exact,
            "quote {} does not anchor exactly",
            quote.id
        );
    }
    // The raw seed text is kept in the project, and every paragraph of the article comes from it.
    let raw = include_str!("../../../tests/data/russia-us-syria-2016.txt");
    assert!(raw.contains(&article.title));
    for paragraph in &article.body {
        assert!(raw.contains(paragraph.as_str()), "paragraph not in the seed text: {paragraph:.60}");
    }
    assert!(!article.body.iter().any(|p| p.trim() == "image"), "the stray image line is dropped");
}
