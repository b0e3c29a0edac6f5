//! The W3C Web Annotation export: every document is checked against the Web Annotation Data
//! Model (types, required keys, the keys each type may have, the model's motivations), and every
//! selector must find its text again in the joined body, counted in code points.

use std::collections::HashSet;

use counterpoint_core::annotations::{annotations, file_name, joined_text, Annotations, CONTEXT, CONTEXT_CHARS};
use counterpoint_core::explorer::Explorer;
use counterpoint_core::model::Article;
use counterpoint_core::seed::SEED_JSON;
use counterpoint_core::validate::load_article;
use serde_json::{json, Value};

/// The motivations (and purposes) the Web Annotation Vocabulary defines.
const MOTIVATIONS: &[&str] = &[
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
];

const THREE_SIDES: &str = include_str!("../../../tests/data/three-sides.json");

fn load(json: &str) -> Article {
    let report = load_article(json);
    report.article.unwrap_or_else(|| panic!("{:?}", report.diagnostics))
}

/// An article with curly quotes, accents, an emoji and CJK before and inside its quotes, a quote
/// repeated in two paragraphs, and two quotes that are not in the text.
fn non_ascii() -> Article {
    load(
        &json!({
            "format_version": 1,
            "title": "Café talks: 東京 and 😀",
            "source": { "name": "Le Monde" },
            "language": "fr",
            "body": [
                "À Tōkyō, le ministre 😀 a dit : « Nous ne céderons pas », selon l’AFP.",
                "Mme Zoë Brontë a répondu : “C’est un échec total pour 東京の市民”, puis elle est partie.",
                "Short."
            ],
            "sides": [{ "id": "gov", "label": "Gouvernement" }, { "id": "opp", "label": "Opposition ✊" }],
            "speakers": [
                { "id": "min", "name": "Le ministre", "role": "Ministre des Finances", "side": "gov" },
                { "id": "zoe", "name": "Zoë Brontë", "side": "opp" }
            ],
            "topics": [{ "id": "cede", "label": "Céder ?" }, { "id": "city", "label": "東京" }],
            "quotes": [
                { "id": "q1", "speaker": "min", "kind": "direct", "topics": ["cede"], "text": "Nous ne céderons pas" },
                { "id": "q2", "speaker": "zoe", "kind": "direct", "topics": ["cede", "city"],
                  "text": "C'est un échec total pour 東京の市民" },
                { "id": "q3", "speaker": "zoe", "kind": "paraphrase", "text": "Short" },
                { "id": "lost1", "speaker": "min", "kind": "direct", "text": "words nobody ever wrote down here" },
                { "id": "lost2", "speaker": "zoe", "kind": "partial", "text": "ailleurs" }
            ]
        })
        .to_string(),
    )
}

fn export(article: &Article, target: Option<&str>) -> Annotations {
    annotations(&Explorer::new(article.clone()), target)
}

fn is_iri(s: &str) -> bool {
    s.split_once(':').is_some_and(|(scheme, rest)| {
        !scheme.is_empty()
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && !rest.is_empty()
            && !s.chars().any(char::is_whitespace)
    })
}

fn str_of<'a>(value: &'a Value, key: &str, at: &str) -> &'a str {
    value[key].as_str().unwrap_or_else(|| panic!("{at}.{key} is not a string: {value}"))
}

fn only_keys(value: &Value, allowed: &[&str], at: &str) {
    let object = value.as_object().unwrap_or_else(|| panic!("{at} is not an object: {value}"));
    for key in object.keys() {
        assert!(allowed.contains(&key.as_str()), "{at} has {key:?}, which its type does not define here");
    }
}

/// Checks `export` against the data model and the article it came from, and returns its
/// annotations.
fn check_model(export: &Annotations, article: &Article, target: &str) -> Vec<Value> {
    let doc = &export.document();
    assert_eq!(export.target, target);
    only_keys(doc, &["@context", "id", "type", "label", "total", "first", "last"], "collection");
    assert_eq!(doc["@context"], CONTEXT);
    assert_eq!(doc["type"], "AnnotationCollection");
    assert!(is_iri(str_of(doc, "id", "collection")));
    assert!(str_of(doc, "label", "collection").contains(&article.title));

    let page = &doc["first"];
    if doc["total"] == 0 {
        assert_eq!((doc.get("first"), doc.get("last")), (None, None), "an empty collection has no page");
        return Vec::new();
    }
    only_keys(page, &["id", "type", "partOf", "startIndex", "items"], "page");
    assert_eq!(page["type"], "AnnotationPage");
    assert!(is_iri(str_of(page, "id", "page")));
    assert_eq!(doc["last"], page["id"], "one page: it is the first and the last");
    assert_eq!(page["partOf"], doc["id"]);
    assert_eq!(page["startIndex"], 0);
    let items = page["items"].as_array().cloned().unwrap_or_else(|| panic!("no items: {page}"));
    assert_eq!(doc["total"], items.len());

    let text: Vec<char> = joined_text(&article.body).chars().collect();
    let mut ids = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("items[{i}]");
        only_keys(item, &["@context", "id", "type", "motivation", "body", "target"], &at);
        assert_eq!(item["@context"], CONTEXT, "{at}");
        assert_eq!(item["type"], "Annotation", "{at}");
        let id = str_of(item, "id", &at);
        assert!(is_iri(id) && ids.insert(id.to_owned()), "{at}: id {id} is not a fresh IRI");
        assert!(MOTIVATIONS.contains(&str_of(item, "motivation", &at)), "{at}");

        let bodies = item["body"].as_array().unwrap_or_else(|| panic!("{at}: body is not a list"));
        assert!(!bodies.is_empty(), "{at}");
        for body in bodies {
            only_keys(body, &["id", "type", "purpose", "value", "format"], &format!("{at}.body"));
            assert_eq!(body["type"], "TextualBody", "{at}");
            assert_eq!(body["format"], "text/plain", "{at}");
            assert!(MOTIVATIONS.contains(&str_of(body, "purpose", &at)), "{at}: {body}");
            assert!(!str_of(body, "value", &at).is_empty(), "{at}");
            if let Some(id) = body.get("id") {
                assert!(id.as_str().is_some_and(is_iri), "{at}: body id {id}");
            }
        }

        // One target, or one per part of a split quote, in order.
        let targets: Vec<&Value> = match item["target"].as_array() {
            Some(parts) => {
                assert!(parts.len() >= 2, "{at}: a list of one target");
                parts.iter().collect()
            }
            None => vec![&item["target"]],
        };
        let mut last_end = 0;
        for target_value in targets {
            only_keys(target_value, &["type", "source", "selector"], &format!("{at}.target"));
            assert_eq!(target_value["type"], "SpecificResource", "{at}");
            assert_eq!(target_value["source"], target, "{at}");
            let selectors =
                target_value["selector"].as_array().unwrap_or_else(|| panic!("{at}: selector is not a list"));
            let kinds: Vec<&str> = selectors.iter().map(|s| str_of(s, "type", &at)).collect();
            assert_eq!(kinds, ["TextQuoteSelector", "TextPositionSelector"], "{at}");
            let (quote, position) = (&selectors[0], &selectors[1]);
            only_keys(quote, &["type", "exact", "prefix", "suffix"], &format!("{at}.TextQuoteSelector"));
            only_keys(position, &["type", "start", "end"], &format!("{at}.TextPositionSelector"));

            // The position's range of the joined text is the exact text, and the prefix and suffix
            // stand right around it, cut at the paragraph's edges.
            let start = position["start"].as_u64().unwrap_or_else(|| panic!("{at}: start")) as usize;
            let end = position["end"].as_u64().unwrap_or_else(|| panic!("{at}: end")) as usize;
            assert!(start < end && end <= text.len(), "{at}: {start}..{end} of {}", text.len());
            let exact = str_of(quote, "exact", &at);
            assert_eq!(text[start..end].iter().collect::<String>(), exact, "{at}");
            let prefix = quote["prefix"].as_str().unwrap_or_default();
            let suffix = quote["suffix"].as_str().unwrap_or_default();
            for context in [prefix, suffix] {
                assert!(context.chars().count() <= CONTEXT_CHARS && !context.contains('\n'), "{at}: {context:?}");
            }
            let from = start - prefix.chars().count();
            let around: String = text[from..(end + suffix.chars().count())].iter().collect();
            assert_eq!(around, format!("{prefix}{exact}{suffix}"), "{at}");
            // Each context is as long as the paragraph allows.
            let before_break = text[..start].iter().rev().take_while(|&&c| c != '\n').count();
            let after_break = text[end..].iter().take_while(|&&c| c != '\n').count();
            assert_eq!(prefix.chars().count(), before_break.min(CONTEXT_CHARS), "{at}: prefix {prefix:?}");
            assert_eq!(suffix.chars().count(), after_break.min(CONTEXT_CHARS), "{at}: suffix {suffix:?}");
            assert!(start >= last_end, "{at}: parts out of order");
            last_end = end;
        }
    }
    items
}

/// The annotation whose exact text is `exact`.
fn by_exact<'a>(items: &'a [Value], exact: &str) -> &'a Value {
    items
        .iter()
        .find(|a| a["target"]["selector"][0]["exact"] == exact)
        .unwrap_or_else(|| panic!("no annotation for {exact:?}"))
}

/// The bodies of `annotation` with `purpose`, as (value, id).
fn bodies(annotation: &Value, purpose: &str) -> Vec<(String, String)> {
    let list = annotation["body"].as_array().cloned().unwrap_or_default();
    list.iter()
        .filter(|b| b["purpose"] == purpose)
        .map(|b| (b["value"].as_str().unwrap_or_default().to_owned(), b["id"].as_str().unwrap_or_default().to_owned()))
        .collect()
}

#[test]
fn seed_article_one_annotation_per_anchored_quote() {
    let article = load(SEED_JSON);
    let explorer = Explorer::new(article.clone());
    let anchored = explorer.anchors.iter().filter(|a| a.span.is_some()).count();
    // The seed names no page, so the target is the name derived from its text.
    assert_eq!(article.source.url, None);
    let export = annotations(&explorer, None);
    assert!(export.target_is_fallback && export.target.starts_with("urn:uuid:"), "{}", export.target);
    let items = check_model(&export, &article, &export.target.clone());
    assert_eq!(items.len(), anchored);
    assert_eq!(export.unanchored, article.quotes.len() - anchored);
    assert!(items.len() >= 9, "{} annotations", items.len());
    // In reading order.
    let starts: Vec<u64> = items.iter().map(|a| a["target"]["selector"][1]["start"].as_u64().unwrap_or(0)).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
}

#[test]
fn three_sides_bodies_name_speaker_role_side_and_topics() {
    let article = load(THREE_SIDES);
    let export = export(&article, None);
    let items = check_model(&export, &article, "https://example.org/budget");
    assert_eq!((items.len(), export.unanchored), (4, 0));
    let document = export.document();
    let collection = document["id"].as_str().unwrap_or_default();
    let mut sides_seen = HashSet::new();
    for quote in &article.quotes {
        let annotation = by_exact(&items, &quote.text);
        let speaker = article.speakers.iter().find(|s| s.id == quote.speaker).expect("speaker");
        let side = article.sides.iter().find(|s| s.id == speaker.side).expect("side");
        assert_eq!(
            bodies(annotation, "identifying"),
            [(speaker.name.clone(), format!("{collection}#speaker-{}", speaker.id))]
        );
        assert_eq!(bodies(annotation, "classifying"), [(side.label.clone(), format!("{collection}#side-{}", side.id))]);
        let topics: Vec<(String, String)> = quote
            .topics
            .iter()
            .map(|t| {
                let topic = article.topics.iter().find(|x| &x.id == t).expect("topic");
                (topic.label.clone(), format!("{collection}#topic-{}", topic.id))
            })
            .collect();
        assert_eq!(bodies(annotation, "tagging"), topics);
        let description = bodies(annotation, "describing");
        assert_eq!(description.len(), 1);
        let sentence = &description[0].0;
        for part in [&speaker.name, speaker.role.as_ref().expect("role"), &side.label] {
            assert!(sentence.contains(part.as_str()), "{sentence:?} lacks {part:?}");
        }
        sides_seen.insert(side.id.clone());
    }
    assert_eq!(sides_seen.len(), 3);
}

#[test]
fn non_ascii_positions_are_code_points_and_unanchored_quotes_are_counted() {
    let article = non_ascii();
    let export = export(&article, Some("https://example.org/café"));
    let items = check_model(&export, &article, "https://example.org/café");
    assert_eq!((items.len(), export.unanchored), (3, 2));

    // The same position found by hand, in code points: it differs from the byte and UTF-16
    // offsets, so counting either of those would fail here.
    let text = joined_text(&article.body);
    let exact = "C’est un échec total pour 東京の市民";
    let annotation = by_exact(&items, exact);
    let byte = text.find(exact).expect("in the text");
    let start = text[..byte].chars().count();
    assert_ne!(start, byte);
    assert_ne!(start, text[..byte].encode_utf16().count());
    assert_eq!(
        annotation["target"]["selector"][1],
        json!({ "type": "TextPositionSelector", "start": start, "end": start + exact.chars().count() })
    );
    // The selector quotes the body's own curly apostrophe, not the quote's straight one.
    assert_eq!(annotation["target"]["selector"][0]["prefix"], "Mme Zoë Brontë a répondu : “");
    assert_eq!(annotation["target"]["selector"][0]["suffix"], "”, puis elle est partie.");
    assert_eq!(bodies(annotation, "tagging").iter().map(|t| t.0.as_str()).collect::<Vec<_>>(), ["Céder ?", "東京"]);

    // A one-paragraph quote has neither prefix nor suffix beyond its paragraph.
    let short = by_exact(&items, "Short");
    assert_eq!(short["target"]["selector"][0].get("prefix"), None);
    assert_eq!(short["target"]["selector"][0]["suffix"], ".");
    assert_eq!(bodies(short, "tagging"), []);
    let description = &bodies(short, "describing")[0].0;
    assert!(description.starts_with("Paraphrase of Zoë Brontë"), "{description}");
}

#[test]
fn the_target_is_the_given_one_else_the_source_url_else_a_urn_from_the_text() {
    let mut article = load(THREE_SIDES);
    let given = export(&article, Some("https://mirror.example/budget"));
    check_model(&given, &article, "https://mirror.example/budget");
    let own = export(&article, None);
    assert_ne!(given.document()["id"], own.document()["id"], "another target, other identifiers");
    assert_eq!(export(&article, Some("  ")).target, "https://example.org/budget", "a blank target is none");

    article.source.url = None;
    let fallback = export(&article, None);
    assert!(fallback.target_is_fallback);
    assert!(fallback.target.starts_with("urn:uuid:"), "{}", fallback.target);
    check_model(&fallback, &article, &fallback.target.clone());
    assert_eq!(fallback, export(&article, None), "the same article gives the same document");
    article.body[0].push_str(" Then it rained.");
    assert_ne!(export(&article, None).target, fallback.target, "another text, another name");
}

#[test]
fn ids_are_version_8_uuids_and_the_file_is_named_after_the_title() {
    let export = export(&load(THREE_SIDES), None);
    let document = export.document();
    let items = document["first"]["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), 4);
    for id in items.iter().chain([&document]).map(|a| a["id"].as_str().unwrap_or_default()) {
        let uuid = id.strip_prefix("urn:uuid:").unwrap_or_else(|| panic!("{id}"));
        let groups: Vec<usize> = uuid.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12], "{id}");
        assert!(uuid.chars().all(|c| c == '-' || c.is_ascii_hexdigit()), "{id}");
        assert_eq!(&uuid[14..15], "8", "{id}: version");
        assert!("89ab".contains(&uuid[19..20]), "{id}: variant");
    }
    assert_eq!(
        file_name("City budget: schools, roads and the unions"),
        "city-budget-schools-roads-and-the-unions.annotations.jsonld"
    );
    assert!(export.to_json().ends_with("}\n"));
    assert_eq!(serde_json::from_str::<Value>(&export.to_json()).ok(), Some(export.document()));
}

#[test]
fn an_article_with_no_quote_found_is_an_empty_collection() {
    let mut article = load(THREE_SIDES);
    for quote in &mut article.quotes {
        quote.text = format!("{} that nobody said", quote.text);
    }
    let export = export(&article, None);
    assert_eq!(export.unanchored, 4);
    assert!(check_model(&export, &article, "https://example.org/budget").is_empty());
    assert_eq!(export.document()["total"], 0);
}

#[test]
fn a_split_quote_targets_its_parts_without_the_writers_words() {
    let article = load(
        &json!({
            "format_version": 1,
            "title": "Split",
            "source": { "name": "Wire", "url": "https://news.example/split" },
            "language": "en",
            "body": ["“We will not give up,” Lavrov told reporters on Friday. “Never.”"],
            "sides": [{ "id": "ru", "label": "Russia" }],
            "speakers": [{ "id": "lavrov", "name": "Sergei Lavrov", "side": "ru" }],
            "topics": [{ "id": "t", "label": "Truce" }],
            "quotes": [{ "id": "q1", "speaker": "lavrov", "kind": "direct", "topics": ["t"],
                         "text": "We will not give up … Never." }]
        })
        .to_string(),
    );
    let export = export(&article, None);
    let items = check_model(&export, &article, "https://news.example/split");
    assert_eq!(items.len(), 1);
    let exacts: Vec<&str> = items[0]["target"]
        .as_array()
        .unwrap_or_else(|| panic!("one target: {}", items[0]["target"]))
        .iter()
        .map(|t| t["selector"][0]["exact"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(exacts, ["We will not give up", "Never."]);
}
