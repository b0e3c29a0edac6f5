//! Data-driven: every `tests/data/collection/NAME.json` against `NAME.expect` (format in that
//! folder's README).

use std::path::{Path, PathBuf};

use super::*;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/collection")
}

/// What `Collection::open` makes of a case, in the `.expect` format.
fn describe(input: &str) -> String {
    let report = load_spec(input);
    let mut lines: Vec<String> = report.diagnostics.iter().map(|d| format!("spec: {d}")).collect();
    let Some(spec) = report.spec else {
        return lines.join("\n");
    };
    let dir = data_dir();
    // The texts live as long as the collection is being opened.
    let texts: Vec<Option<String>> = spec
        .articles
        .iter()
        .map(|e| e.src.as_ref().and_then(|src| std::fs::read_to_string(dir.join(src)).ok()))
        .collect();
    let collection = Collection::open(&spec, |src| {
        let slot = spec.articles.iter().position(|e| e.src.as_deref() == Some(src));
        match slot.and_then(|s| texts[s].as_deref()) {
            Some(text) => Fetched::Text(text),
            None => Fetched::Failed("not found".to_owned()),
        }
    });
    for outlet in &collection.outlets {
        let state = if outlet.article.is_some() { "opened" } else { "broken" };
        lines.push(format!("outlet {} {}: {state}", outlet.id, outlet.name));
        for d in &outlet.diagnostics {
            let text = d.to_string();
            // Keep serde_json's wording out of the expectation beyond its first clause.
            lines.push(format!("  {}", text.split(" at line ").next().unwrap_or(&text)));
        }
        if let Some(article) = &outlet.article {
            let map = |ids: Vec<&str>, to: &[Option<usize>], names: Vec<&str>| {
                ids.iter()
                    .zip(to)
                    .map(|(id, t)| format!("{id}->{}", t.map_or("-", |t| names[t])))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let names: Vec<&str> = collection.sides.iter().map(|s| s.id.as_str()).collect();
            lines.push(format!(
                "  sides: {}",
                map(article.sides.iter().map(|s| s.id.as_str()).collect(), &outlet.side_of, names)
            ));
            let names: Vec<&str> = collection.topics.iter().map(|t| t.id.as_str()).collect();
            lines.push(format!(
                "  topics: {}",
                map(article.topics.iter().map(|t| t.id.as_str()).collect(), &outlet.topic_of, names)
            ));
        }
    }
    lines.join("\n")
}

#[test]
fn collection_cases() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(data_dir())
        .expect("tests/data/collection exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 5, "the cases are there: {cases:?}");
    let mut failures = Vec::new();
    for case in &cases {
        let input = std::fs::read_to_string(case).expect("readable case");
        let expected = std::fs::read_to_string(case.with_extension("expect")).expect("every case has a .expect");
        let got = describe(&input);
        if got.trim_end() != expected.trim_end() {
            failures.push(format!("{}:\n--- expected\n{}\n--- got\n{}", case.display(), expected.trim_end(), got));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn an_article_is_not_a_collection() {
    let seed = crate::seed::SEED_JSON;
    assert!(!looks_like_collection(seed));
    assert!(looks_like_collection(r#"{"kind":"collection"}"#));
    // Listing articles without a body is a collection that forgot its kind: it gets the
    // collection's messages, not the article's.
    assert!(looks_like_collection(r#"{"title":"x","articles":[]}"#));
    assert!(!looks_like_collection("not json"));
    let report = load_spec(r#"{"title":"x","articles":[]}"#);
    let messages: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert!(messages.iter().any(|m| m.starts_with("$.kind: error")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("$.articles: error: expected at least one article")), "{messages:?}");
}

#[test]
fn broken_json_gets_line_and_column() {
    let report = load_spec("{\n  \"kind\": \"collection\",\n  \"title\" \"x\"\n}");
    assert!(report.spec.is_none());
    let first = report.diagnostics[0].to_string();
    assert!(first.starts_with("3:11: error: invalid JSON"), "{first}");
}

#[test]
fn collect_joins_sides_by_id_and_round_trips() {
    let seed = crate::validate::load_article(crate::seed::SEED_JSON).article.expect("seed");
    let three =
        crate::validate::load_article(include_str!("../../../../tests/data/three-sides.json")).article.expect("three");
    let doc = collect(
        "Two stories",
        &[
            ("stories/seed.json".to_owned(), None, seed.clone()),
            ("seed".to_owned(), Some("seed.json".to_owned()), seed.clone()),
            ("three sides".to_owned(), None, three),
        ],
    );
    let sides: Vec<&str> = doc["sides"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(sides, ["ru", "us", "mayor", "council", "union"]);
    let ids: Vec<&str> = doc["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["seed", "seed-2", "three-sides"], "ids are slugs of the names, made unique");
    assert_eq!(doc["articles"][1]["src"], "seed.json");
    let report = check_spec(&doc);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    let spec = report.spec.expect("valid");
    let collection = Collection::open(&spec, |src| {
        assert_eq!(src, "seed.json");
        Fetched::Text(crate::seed::SEED_JSON)
    });
    assert_eq!(collection.opened(), 3);
    // Inlined again, it opens the same without any address.
    let inline = collection.to_inline_json();
    let again = Collection::open(&load_spec(&inline).spec.expect("inline is valid"), |_| panic!("nothing to fetch"));
    assert_eq!(again.opened(), 3);
    assert_eq!(again.outlets[2].side_of, collection.outlets[2].side_of);
    assert_eq!(again.outlets[0].name, seed.source.name);
}

#[test]
fn quotes_count_for_mapped_sides_and_topics() {
    let input = std::fs::read_to_string(data_dir().join("ok-mapped.json")).unwrap();
    let spec = load_spec(&input).spec.expect("valid");
    let three = std::fs::read_to_string(data_dir().join("../three-sides.json")).unwrap();
    let collection = Collection::open(&spec, |_| Fetched::Text(&three));
    let ledger = &collection.outlets[1];
    assert_eq!(ledger.side_of_quote(0), Some(0));
    assert_eq!(ledger.side_of_quote(1), Some(1));
    assert_eq!(ledger.topics_of_quote(1), vec![0]);
    assert_eq!(ledger.speaker_name(1), "Bo Chen");
    let gazette = &collection.outlets[0];
    let union_quote = gazette.article.as_ref().unwrap().quotes.iter().position(|q| q.speaker == "park").unwrap();
    assert_eq!(gazette.side_of_quote(union_quote), None, "the union is not compared");
    // Inlined, the mapping is kept.
    let again = Collection::open(&load_spec(&collection.to_inline_json()).spec.unwrap(), |_| unreachable!());
    assert_eq!(again.outlets[1].side_of, ledger.side_of);
    assert_eq!(again.outlets[1].topic_of, ledger.topic_of);
}

#[test]
fn files_opened_together_list_the_broken_ones() {
    let three = std::fs::read_to_string(data_dir().join("../three-sides.json")).unwrap();
    let files = vec![
        ("seed.json".to_owned(), Ok(crate::seed::SEED_JSON.to_owned())),
        ("three.json".to_owned(), Ok(three)),
        ("broken.json".to_owned(), Ok("{ \"title\": 3 ".to_owned())),
        ("unreadable.json".to_owned(), Err("the file could not be read as text".to_owned())),
    ];
    let doc = from_files("Four files", &files);
    let spec = check_spec(&doc).spec.expect("valid");
    let collection = Collection::open(&spec, |src| match files.iter().find(|(n, _)| n == src) {
        Some((_, Ok(text))) => Fetched::Text(text),
        Some((_, Err(why))) => Fetched::Failed(why.clone()),
        None => Fetched::Failed("missing".to_owned()),
    });
    assert_eq!(collection.outlets.len(), 4);
    assert_eq!(collection.opened(), 2);
    let broken: Vec<String> = collection.outlets[2].errors().map(ToString::to_string).collect();
    assert!(broken[0].contains("broken.json: invalid JSON"), "{broken:?}");
    let unreadable: Vec<String> = collection.outlets[3].errors().map(ToString::to_string).collect();
    assert_eq!(
        unreadable,
        ["$.articles[3].src: error: could not open \"unreadable.json\": the file could not be read as text"]
    );
    // None valid: each file's own problems show.
    let none = from_files("Bad", &files[2..]);
    let spec = check_spec(&none).spec.expect("valid even so");
    assert_eq!(Collection::open(&spec, |_| Fetched::Failed("x".to_owned())).opened(), 0);
}

/// A side's colour as in an article: not a string is an error at its path (it once reached serde
/// and came back as `$: could not read the collection`), a string of another shape a warning.
#[test]
fn a_side_colour_must_be_a_string() {
    let cases: &[(&str, &[&str], bool)] = &[
        ("\"#1f5fa8\"", &[], true),
        ("\"red\"", &["$.sides[0].color: warning: expected a colour like \"#1f5fa8\", found \"red\""], true),
        ("5", &["$.sides[0].color: error: expected a string, found 5"], false),
        ("null", &["$.sides[0].color: error: expected a string, found null"], false),
    ];
    for (color, expected, loads) in cases {
        let input = format!(
            r#"{{"kind":"collection","format_version":1,"title":"T","sides":[{{"id":"a","label":"A","color":{color}}}],"articles":[{{"id":"x","src":"x.json"}}]}}"#
        );
        let report = load_spec(&input);
        let got: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(got, *expected, "colour {color}");
        assert_eq!(report.spec.is_some(), *loads, "colour {color}");
    }
}

#[test]
fn a_broken_article_says_how_many_problems_were_not_listed() {
    // 60 quotes naming no speaker: 50 are listed, and the rest are counted.
    let quotes: Vec<String> =
        (0..60).map(|i| format!(r#"{{"id":"q{i}","speaker":"nobody","kind":"direct","text":"Text"}}"#)).collect();
    let input = format!(
        r#"{{"kind":"collection","format_version":1,"title":"T","sides":[{{"id":"a","label":"A"}}],
        "articles":[{{"id":"x","article":{{"format_version":1,"title":"X","source":{{"name":"X"}},"language":"en",
        "body":["Text."],"sides":[{{"id":"a","label":"A"}}],"speakers":[],"topics":[],"quotes":[{}]}}}}]}}"#,
        quotes.join(",")
    );
    let spec = load_spec(&input).spec.expect("valid");
    let collection = Collection::open(&spec, |_| Fetched::Failed("none".to_owned()));
    let errors: Vec<String> = collection.outlets[0].errors().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 51);
    assert!(errors.contains(&"$.articles[0]: error: and 10 more problems in this article".to_owned()), "{errors:?}");
    // The status counts that line as the problems it stands for.
    assert_eq!(problems_counted("and 10 more problems in this article"), 10);
    assert_eq!(problems_counted("$.title: expected a string"), 1);
}

#[test]
fn a_collection_is_told_from_an_article_before_either_is_read() {
    let seed = crate::seed::SEED_JSON;
    assert!(!looks_like_collection(seed), "the seed article");
    // An article that speaks of a collection is still an article.
    let mut article: serde_json::Value = serde_json::from_str(seed).unwrap();
    article["title"] = serde_json::json!("A collection of statements");
    assert!(!looks_like_collection(&article.to_string()));
    for (document, collection) in [
        (r#"{"kind":"collection","title":"T"}"#, true),
        (r#"{"title":"T","articles":[{"src":"a.json"}]}"#, true),
        (r#"{"title":"T","articles":[],"body":["text"]}"#, false),
        (r#"{"kind":"article","title":"collection"}"#, false),
        (r#"not JSON with "articles" in it"#, false),
        ("", false),
    ] {
        assert_eq!(looks_like_collection(document), collection, "{document}");
    }
}
