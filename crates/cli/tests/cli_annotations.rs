//! `counterpoint annotations ARTICLE.json [--target URL]`: the Web Annotation collection on stdout,
//! what was left out on stderr, and the exit codes.

use std::process::Command;

use serde_json::Value;

const THREE_SIDES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/three-sides.json");

fn temp(name: &str, contents: &str) -> String {
    let dir = std::env::temp_dir().join(format!("counterpoint-cli-annotations-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("temp file");
    path.to_string_lossy().into_owned()
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(command: &str, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_counterpoint")).arg(command).args(args).output().expect("runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs `annotations` and checks it succeeded with a collection whose every annotation targets
/// `target`; returns the document and stderr.
fn check_collection(args: &[&str], target: &str, annotations: usize) -> (Value, String) {
    let run = run("annotations", args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    assert_eq!(doc["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(doc["type"], "AnnotationCollection");
    assert_eq!(doc["first"]["type"], "AnnotationPage");
    let items = doc["first"]["items"].as_array().cloned().unwrap_or_default();
    assert_eq!((doc["total"].as_u64(), items.len()), (Some(annotations as u64), annotations));
    for item in &items {
        assert_eq!(item["type"], "Annotation");
        assert_eq!(item["motivation"], "highlighting");
        assert_eq!(item["target"]["type"], "SpecificResource");
        assert_eq!(item["target"]["source"], target);
        assert_eq!(item["target"]["selector"][0]["type"], "TextQuoteSelector");
        assert_eq!(item["target"]["selector"][1]["type"], "TextPositionSelector");
        assert!(item["body"].as_array().is_some_and(|b| b.iter().all(|b| b["type"] == "TextualBody")));
    }
    (doc, run.stderr)
}

#[test]
fn an_article_with_a_url_targets_its_page() {
    let (doc, stderr) = check_collection(&[THREE_SIDES], "https://example.org/budget", 4);
    assert_eq!(stderr, "");
    let first = &doc["first"]["items"][0];
    assert_eq!(first["target"]["selector"][0]["exact"], "We will not cut a single school");
    let values: Vec<&str> =
        first["body"].as_array().into_iter().flatten().filter_map(|b| b["value"].as_str()).collect();
    assert_eq!(
        values,
        [
            "Direct quote of Ana Diaz (Mayor). Side: Mayor. Topics: Will schools be cut?",
            "Ana Diaz",
            "Mayor",
            "Will schools be cut?"
        ]
    );
}

#[test]
fn target_replaces_the_source_url_in_both_spellings() {
    let (spaced, _) =
        check_collection(&[THREE_SIDES, "--target", "https://mirror.example/b"], "https://mirror.example/b", 4);
    let (joined, _) =
        check_collection(&["--target=https://mirror.example/b", THREE_SIDES], "https://mirror.example/b", 4);
    assert_eq!(spaced, joined);
}

#[test]
fn unanchored_quotes_are_left_out_and_counted_and_no_url_falls_back_to_a_urn() {
    let article = r#"{"format_version":1,"title":"T","source":{"name":"S"},"language":"en",
"body":["“Yes,” she said. Then he left."],"sides":[{"id":"a","label":"A"}],
"speakers":[{"id":"x","name":"X","side":"a"}],"topics":[],
"quotes":[{"id":"q","speaker":"x","kind":"direct","text":"Yes,"},
{"id":"gone","speaker":"x","kind":"direct","text":"words that are not there at all"}]}"#;
    let file = temp("partly.json", article);
    let run1 = run("annotations", &[&file]);
    let doc: Value = serde_json::from_str(&run1.stdout).unwrap_or_default();
    let target = doc["first"]["items"][0]["target"]["source"].as_str().unwrap_or_default().to_owned();
    assert!(target.starts_with("urn:uuid:"), "{target}");
    let (_, stderr) = check_collection(&[&file], &target, 1);
    assert_eq!(
        stderr,
        format!(
            "{file}: left out 1 of 2 quotes: not found in the text (`counterpoint validate` lists them)\n\
             {file}: the article has no source.url and no --target was given: the target is {target}, derived from the text\n"
        )
    );
}

#[test]
fn an_invalid_article_gets_the_validate_diagnostics_and_exits_1() {
    let broken =
        std::fs::read_to_string(THREE_SIDES).expect("reads").replace("\"side\": \"union\"", "\"side\": \"unions\"");
    let file = temp("broken.json", &broken);
    let validate = run("validate", &[&file]);
    assert_eq!(validate.code, Some(1));
    assert!(validate.stdout.contains("error: unknown side \"unions\""), "{}", validate.stdout);
    let annotations = run("annotations", &[&file]);
    assert_eq!((annotations.code, annotations.stdout.as_str()), (Some(1), ""));
    assert_eq!(annotations.stderr, validate.stdout);

    let not_json = temp("not.json", "{ \"title\": ");
    let annotations = run("annotations", &[&not_json]);
    assert_eq!((annotations.code, annotations.stderr), (Some(1), run("validate", &[&not_json]).stdout));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["--target"],
        &[THREE_SIDES, "--target", ""],
        &[THREE_SIDES, "--verbose"],
        &[THREE_SIDES, THREE_SIDES],
    ] {
        let run = run("annotations", args);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("usage: counterpoint"), "{args:?}");
    }
}
