//! Collections on the command line, run as a pipeline runs them: `validate` on a collection (its
//! articles by `src` and inline), `collect`, and plain-text stories through `extract` and `collect`
//! to a collection that opens.

use std::path::{Path, PathBuf};
use std::process::Command;

use counterpoint_core::collection::{load_spec, Collection, Fetched};

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the binary in `dir` with `args`.
fn run(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_counterpoint")).args(args).current_dir(dir).output().expect("runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh folder of its own for each test, with `files` (name, contents) written into it.
fn folder(test: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("counterpoint-cli-collection-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (name, contents) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("temp dir");
        std::fs::write(&path, contents).expect("temp file");
    }
    dir
}

/// `validate` on `files` in `dir`: its exact stdout and exit code.
fn check_validate(dir: &Path, files: &[&str], expect_stdout: &str, expect_code: i32) {
    let mut args = vec!["validate"];
    args.extend(files);
    let run = run(dir, &args);
    assert_eq!(run.stdout, expect_stdout, "validate {files:?}");
    assert_eq!(run.code, Some(expect_code), "validate {files:?}: {}", run.stdout);
}

const GOOD: &str = r#"{"format_version":1,"title":"T","source":{"name":"The Post"},"language":"en",
"body":["“Yes,” she said. “Yes,” he said."],"sides":[{"id":"a","label":"A"}],
"speakers":[{"id":"x","name":"X","side":"a"}],"topics":[{"id":"t","label":"T"}],
"quotes":[{"id":"q","speaker":"x","kind":"direct","topics":["t"],"text":"she said"}]}"#;

/// A collection with the given `articles` entries (JSON text), on side `a`.
fn collection(articles: &str) -> String {
    format!(
        r#"{{"kind":"collection","format_version":1,"title":"C","sides":[{{"id":"a","label":"A"}}],"articles":[{articles}]}}"#
    )
}

/// Every case under `tests/data/collection/`, as a user in the repository would run it.
#[test]
fn the_collection_cases_name_each_article_and_what_broke() {
    let cases: &[(&str, i32, &str)] = &[
        (
            "bad-map.json",
            1,
            "\
tests/data/collection/bad-map.json: $.articles[0].side_map.council: error: \"opposition\" is not one of the collection's sides (mayor)
tests/data/collection/bad-map.json: $.articles[0].topic_map.pay: error: \"wages\" is not one of the collection's topics (it has none)
tests/data/collection/bad-map.json: the collection has errors, so its articles were not opened
",
        ),
        (
            "bad-spec.json",
            1,
            "\
tests/data/collection/bad-spec.json: $.sides[1].id: error: duplicate id \"a\"
tests/data/collection/bad-spec.json: $.colour: warning: unknown field, ignored
tests/data/collection/bad-spec.json: $.articles[0]: error: give either src or article, not both
tests/data/collection/bad-spec.json: $.articles[1].id: error: duplicate id \"x\"
tests/data/collection/bad-spec.json: $.articles[2].id: error: expected an id (letters, digits, '-', '_', '.' or ':')
tests/data/collection/bad-spec.json: $.articles[2].article: error: expected an article object
tests/data/collection/bad-spec.json: the collection has errors, so its articles were not opened
",
        ),
        (
            "left-out.json",
            0,
            "\
tests/data/collection/left-out.json: $.articles[0] (../three-sides.json): Test Gazette: opened
tests/data/collection/left-out.json: $.articles[1] (inline): The Ledger: opened
tests/data/collection/left-out.json: 2 articles, 2 opened, 0 broken
",
        ),
        (
            "ok-mapped.json",
            0,
            "\
tests/data/collection/ok-mapped.json: $.articles[0] (../three-sides.json): Test Gazette: opened
tests/data/collection/ok-mapped.json: $.articles[0]: warning: the article's side \"union\" (Union) is none of the collection's sides, so its quotes are left out of the comparison; a side_map can name one, or map it to null to leave it out without this warning
tests/data/collection/ok-mapped.json: $.articles[1] (inline): The Ledger: opened
tests/data/collection/ok-mapped.json: 2 articles, 2 opened, 0 broken
",
        ),
        (
            "one-broken.json",
            1,
            "\
tests/data/collection/one-broken.json: $.articles[0] (../three-sides.json): Test Gazette: opened
tests/data/collection/one-broken.json: $.articles[0]: warning: the article's side \"union\" (Union) is none of the collection's sides, so its quotes are left out of the comparison; a side_map can name one, or map it to null to leave it out without this warning
tests/data/collection/one-broken.json: $.articles[1] (inline): bad-inline: broken
tests/data/collection/one-broken.json: $.articles[1].article.title: error: expected a non-empty string, found an empty string
tests/data/collection/one-broken.json: $.articles[2] (rt.json.missing): gone: broken
tests/data/collection/one-broken.json: $.articles[2].src: error: could not open \"rt.json.missing\": tests/data/collection/rt.json.missing: cannot read: No such file or directory (os error 2)
tests/data/collection/one-broken.json: $.articles[3] (broken-syntax.txt): syntax: broken
tests/data/collection/broken-syntax.txt:4:3: error: invalid JSON: expected `,` or `}`
      \"source\": { \"name\": \"X\" }
      ^
tests/data/collection/one-broken.json: 4 articles, 1 opened, 3 broken
",
        ),
        (
            "version-2.json",
            1,
            "\
tests/data/collection/version-2.json: $.format_version: error: this build of Counterpoint reads collection format version 1, found 2
tests/data/collection/version-2.json: the collection has errors, so its articles were not opened
",
        ),
    ];
    let mut on_disk: Vec<String> = std::fs::read_dir(repo().join("tests/data/collection"))
        .expect("tests/data/collection exists")
        .map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    on_disk.sort();
    let listed: Vec<&str> = cases.iter().map(|(name, _, _)| *name).collect();
    assert_eq!(on_disk, listed, "every case under tests/data/collection is checked here");
    for (name, code, stdout) in cases {
        check_validate(&repo(), &[&format!("tests/data/collection/{name}")], stdout, *code);
    }
}

/// A problem inside an article file is printed against that file, as for a lone article; one
/// inside an inline article against the collection, with the article's path in it.
#[test]
fn each_problem_is_printed_where_it_is() {
    let unknown = GOOD.replace("\"speaker\":\"x\"", "\"speaker\":\"y\"");
    let ambiguous = GOOD.replace("\"text\":\"she said\"", "\"text\":\"Yes\"");
    let entries = format!(
        r#"{{"id":"ok","src":"stories/good.json"}},{{"id":"ref","src":"stories/ref.json"}},
        {{"id":"amb","src":"stories/amb.json"}},{{"id":"inline","outlet":"Inline Times","article":{ambiguous}}}"#
    );
    let dir = folder(
        "where",
        &[
            ("set/news.json", &collection(&entries)),
            ("set/stories/good.json", GOOD),
            ("set/stories/ref.json", &unknown),
            ("set/stories/amb.json", &ambiguous),
        ],
    );
    check_validate(
        &dir,
        &["set/news.json"],
        "\
set/news.json: $.articles[0] (stories/good.json): The Post: opened
set/news.json: $.articles[1] (stories/ref.json): ref: broken
set/stories/ref.json: $.quotes[0].speaker: error: unknown speaker \"y\" (known: x)
set/news.json: $.articles[2] (stories/amb.json): The Post: opened
set/stories/amb.json: $.quotes[0].text: warning: found 2 times; add a prefix or suffix to say which
set/news.json: $.articles[3] (inline): Inline Times: opened
set/news.json: $.articles[3].article.quotes[0].text: warning: found 2 times; add a prefix or suffix to say which
set/news.json: 4 articles, 3 opened, 1 broken
",
        1,
    );
    // Warnings alone pass, and articles, collections and their problems mix in one run.
    let warned = collection(&format!(r#"{{"id":"inline","article":{ambiguous}}}"#));
    let dir = folder("warnings", &[("warned.json", &warned), ("good.json", GOOD), ("list.json", "[]")]);
    check_validate(
        &dir,
        &["warned.json", "good.json"],
        "\
warned.json: $.articles[0] (inline): The Post: opened
warned.json: $.articles[0].article.quotes[0].text: warning: found 2 times; add a prefix or suffix to say which
warned.json: 1 article, 1 opened, 0 broken
",
        0,
    );
    check_validate(
        &dir,
        &["warned.json", "list.json"],
        "\
warned.json: $.articles[0] (inline): The Post: opened
warned.json: $.articles[0].article.quotes[0].text: warning: found 2 times; add a prefix or suffix to say which
warned.json: 1 article, 1 opened, 0 broken
list.json: $: error: expected an object, found an empty list
",
        1,
    );
}

/// `..` and absolute paths are read (the user's own disk); a web address is not fetched.
#[test]
fn sources_are_files_beside_the_collection_never_the_web() {
    let dir = folder("sources", &[("good.json", GOOD)]);
    let absolute = dir.join("good.json").display().to_string();
    let entries = format!(
        r#"{{"id":"up","src":"../good.json"}},{{"id":"abs","src":{absolute:?}}},{{"id":"web","src":"https://news.example/a.json"}}"#
    );
    std::fs::create_dir_all(dir.join("sub")).expect("sub folder");
    std::fs::write(dir.join("sub/news.json"), collection(&entries)).expect("written");
    check_validate(
        &dir,
        &["sub/news.json"],
        &format!(
            "\
sub/news.json: $.articles[0] (../good.json): The Post: opened
sub/news.json: $.articles[1] ({absolute}): The Post: opened
sub/news.json: $.articles[2] (https://news.example/a.json): web: broken
sub/news.json: $.articles[2].src: error: could not open \"https://news.example/a.json\": validate reads files; a web address was not fetched
sub/news.json: 3 articles, 2 opened, 1 broken
"
        ),
        1,
    );
}

#[test]
fn collect_writes_inline_or_linked_articles_that_validate() {
    let other = GOOD
        .replace("The Post", "The Courier")
        .replace("\"id\":\"a\",\"label\":\"A\"", "\"id\":\"b\",\"label\":\"B\"")
        .replace("\"side\":\"a\"", "\"side\":\"b\"");
    let dir = folder("collect", &[("post.json", GOOD), ("courier.json", &other)]);

    let inline = run(&dir, &["collect", "--title", "Yes and yes", "post.json", "courier.json"]);
    assert_eq!(inline.code, Some(0), "{}", inline.stderr);
    assert_eq!(inline.stderr, "");
    let doc: serde_json::Value = serde_json::from_str(&inline.stdout).expect("JSON on stdout");
    assert_eq!(doc["title"], "Yes and yes");
    assert_eq!(doc["sides"], serde_json::json!([{ "id": "a", "label": "A" }, { "id": "b", "label": "B" }]));
    assert_eq!(doc["articles"][0]["id"], "post");
    assert_eq!(doc["articles"][1]["outlet"], "The Courier");
    assert_eq!(doc["articles"][1]["article"]["source"]["name"], "The Courier");
    assert!(inline.stdout.starts_with("{\n  \"kind\": \"collection\",\n  \"format_version\": 1,\n  \"title\""));

    let linked = run(&dir, &["collect", "--link", "--title=Yes and yes", "post.json", "./courier.json"]);
    assert_eq!(linked.code, Some(0), "{}", linked.stderr);
    let doc: serde_json::Value = serde_json::from_str(&linked.stdout).expect("JSON on stdout");
    let entries: Vec<(&str, &str)> = doc["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|e| (e["id"].as_str().unwrap_or_default(), e["src"].as_str().unwrap_or_default()))
        .collect();
    assert_eq!(entries, [("post", "post.json"), ("courier", "./courier.json")], "src is the path as given");
    assert!(doc["articles"][0].get("article").is_none());

    std::fs::write(dir.join("inline.json"), &inline.stdout).expect("written");
    std::fs::write(dir.join("linked.json"), &linked.stdout).expect("written");
    for file in ["inline.json", "linked.json"] {
        let run = run(&dir, &["validate", file]);
        assert_eq!(run.code, Some(0), "{}", run.stdout);
        assert!(run.stdout.ends_with(&format!("{file}: 2 articles, 2 opened, 0 broken\n")), "{}", run.stdout);
    }
}

#[test]
fn collect_writes_nothing_when_an_input_is_broken_or_a_collection() {
    let unknown = GOOD.replace("\"speaker\":\"x\"", "\"speaker\":\"y\"");
    let ambiguous = GOOD.replace("\"text\":\"she said\"", "\"text\":\"Yes\"");
    let dir = folder(
        "refuse",
        &[
            ("good.json", GOOD),
            ("ref.json", &unknown),
            ("amb.json", &ambiguous),
            ("news.json", &collection(r#"{"id":"x","src":"good.json"}"#)),
        ],
    );
    let broken = run(&dir, &["collect", "--title", "T", "amb.json", "ref.json", "good.json"]);
    assert_eq!(broken.code, Some(1));
    assert_eq!(broken.stdout, "");
    assert_eq!(
        broken.stderr,
        "\
amb.json: $.quotes[0].text: warning: found 2 times; add a prefix or suffix to say which
ref.json: $.quotes[0].speaker: error: unknown speaker \"y\" (known: x)
counterpoint: every article must be valid to collect; nothing was written
"
    );
    // With --out, a collection already there stays as it was: `> FILE` would have emptied it.
    std::fs::write(dir.join("kept.json"), "earlier collection").expect("written");
    let kept = run(&dir, &["collect", "--title", "T", "--out", "kept.json", "ref.json", "good.json"]);
    assert_eq!((kept.code, kept.stdout.as_str()), (Some(1), ""));
    assert_eq!(std::fs::read_to_string(dir.join("kept.json")).ok().as_deref(), Some("earlier collection"));
    let written = run(&dir, &["collect", "--title", "T", "--out=kept.json", "good.json"]);
    assert_eq!((written.code, written.stdout.as_str()), (Some(0), ""), "{}", written.stderr);
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("kept.json")).unwrap_or_default()).expect("JSON");
    assert_eq!(doc["title"], "T");
    let nested = run(&dir, &["collect", "--title", "T", "good.json", "news.json"]);
    assert_eq!(nested.code, Some(1));
    assert_eq!(nested.stdout, "");
    assert!(
        nested.stderr.starts_with("news.json: error: this is a collection of articles, not an article\n"),
        "{}",
        nested.stderr
    );
    // Warnings alone still collect, and are shown.
    let warned = run(&dir, &["collect", "--title", "T", "amb.json"]);
    assert_eq!(warned.code, Some(0));
    assert!(warned.stderr.contains("amb.json: $.quotes[0].text: warning: found 2 times"), "{}", warned.stderr);
    assert!(warned.stdout.contains("\"kind\": \"collection\""));
    let usage = run(&dir, &["collect", "good.json"]);
    assert_eq!(usage.code, Some(2));
    assert!(usage.stderr.starts_with("counterpoint: collect needs --title TITLE\nusage:"), "{}", usage.stderr);
    // The commands that take one article say so when given a collection.
    let annotations = run(&dir, &["annotations", "news.json"]);
    assert_eq!(annotations.code, Some(1));
    assert_eq!(annotations.stdout, "");
    assert_eq!(annotations.stderr, "news.json: error: this is a collection of articles, not an article\n");
}

/// A folder of plain-text stories to a collection: `extract --out-dir`, then `collect`.
#[test]
fn plain_text_stories_become_a_collection_that_opens() {
    let stories = [
        (
            "gazette.txt",
            "City budget passes after a long night\n\n“We will not cut a single school,” Mayor Ana Diaz said on Monday.\n\n\
             Councillor Bo Chen called the plan “a fantasy” and said the city would run out of money by spring.\n",
        ),
        (
            "ledger.txt",
            "Budget vote splits the council\n\n“This budget protects every classroom,” said Ana Diaz, the mayor.\n\n\
             “The numbers do not add up,” Councillor Bo Chen told reporters.\n",
        ),
        (
            "courier.txt",
            "Teachers wary of the city's plan\n\n“We have heard promises before,” said Maria Lopez, who leads the teachers' union.\n\n\
             Mayor Ana Diaz said: “No school will close.”\n",
        ),
    ];
    let dir = folder("stories", &stories);
    let extracted = run(&dir, &["extract", "--out-dir", "json", "gazette.txt", "ledger.txt", "courier.txt"]);
    assert_eq!(extracted.code, Some(0), "{}", extracted.stderr);
    let articles = ["json/gazette.json", "json/ledger.json", "json/courier.json"];
    let mut args = vec!["collect", "--title", "City budget in three papers"];
    args.extend(articles);
    let collected = run(&dir, &args);
    assert_eq!(collected.code, Some(0), "{}", collected.stderr);
    std::fs::write(dir.join("budget.json"), &collected.stdout).expect("written");

    let validated = run(&dir, &["validate", "budget.json"]);
    assert_eq!(validated.code, Some(0), "{}", validated.stdout);
    assert!(validated.stdout.ends_with("budget.json: 3 articles, 3 opened, 0 broken\n"), "{}", validated.stdout);

    let spec = load_spec(&collected.stdout).spec.expect("the collection loads");
    let collection = Collection::open(&spec, |src| Fetched::Failed(format!("nothing to fetch, asked for {src}")));
    let ids: Vec<&str> = collection.outlets.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["gazette", "ledger", "courier"]);
    assert_eq!(collection.opened(), 3);
    // Each story's outlet is named after its file, so the rows tell them apart.
    let names: Vec<&str> = collection.outlets.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["gazette.txt", "ledger.txt", "courier.txt"]);
    for outlet in &collection.outlets {
        let article = outlet.article.as_ref().expect("opened");
        assert!(article.quotes.len() >= 2, "{}: {} quotes", outlet.id, article.quotes.len());
        // Every quote counts for one of the collection's sides.
        for q in 0..article.quotes.len() {
            assert!(outlet.side_of_quote(q).is_some(), "{} quote {q} has a side", outlet.id);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
