//! The JSON Schemas (`public/schema/article-v1.schema.json` and `collection-v1.schema.json`) in the
//! validators people use, against `counterpoint validate`.
//!
//! Three validators read the same schema files unchanged: the Rust `jsonschema` crate, in process;
//! Python's `jsonschema` through `check.py`; and ajv (draft 2020-12) through `check.mjs`. The
//! collection schema refers to the article schema by its `$id`, so each validator is given every
//! schema under `public/schema/` (by `$id`, nothing is fetched). For every article in [`ARTICLES`]
//! and every collection in [`COLLECTIONS`], each one's verdict must agree with the exit code of
//! `counterpoint validate` (0 or 1), except for the cases marked [`Expect::ValidateOnly`]: rules
//! that a schema cannot express or that a portable schema leaves looser (docs/FORMAT.md lists
//! them), where the schema must accept what validate rejects. Then each validator's `id` and `text`
//! rules are tried on single characters against validate: the text rule must match it exactly,
//! the id rule exactly on ASCII while accepting every non-ASCII character.
//!
//! `cargo xtask test` installs the Python and npm packages under `target/schema-validators/`, builds
//! the `counterpoint` binary and runs this with their paths in `COUNTERPOINT_BIN`,
//! `COUNTERPOINT_SCHEMA_PYTHON` and `COUNTERPOINT_SCHEMA_NODE_DIR` (by default the paths it uses).
//! This crate is not a default member, so plain `cargo test` never builds it.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use serde_json::{json, Value};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    /// Validate exits with 0, and every validator accepts the file.
    Valid,
    /// Validate exits with 1, and every validator rejects the file.
    Invalid,
    /// Validate exits with 1 on a rule the schema cannot express; every validator accepts the file.
    ValidateOnly,
}

use Expect::{Invalid, Valid, ValidateOnly};

/// A file (relative to the repository, or a bare name under `tests/data/schema/`), what it should
/// get, and what it shows.
type Case = (&'static str, Expect, &'static str);

/// The articles, against `article-v1.schema.json`.
const ARTICLES: &[Case] = &[
    ("public/articles/russia-us-syria-2016.json", Valid, "the seed article"),
    ("tests/data/three-sides.json", Valid, "three sides"),
    (
        "valid-warnings-only.json",
        Valid,
        "a bad colour, a non-date, an ftp: URL, an unknown field, an unused topic, a quote not in the body",
    ),
    (
        "valid-unicode-ids.json",
        Valid,
        "ids in Cyrillic, Devanagari (combining marks), CJK, an astral letter, Roman and Arabic-Indic numerals",
    ),
    ("valid-text-not-white-space.json", Valid, "texts of U+FEFF, U+001C and U+001F, which are not White_Space"),
    ("invalid-missing-title.json", Invalid, "a required field is missing"),
    ("invalid-id-space.json", Invalid, "an id with a space"),
    ("invalid-id-slash.json", Invalid, "an id with a slash"),
    ("invalid-id-trailing-newline.json", Invalid, "an id ending in a newline (Python's $ would let it through)"),
    ("invalid-id-empty.json", Invalid, "an empty id"),
    ("invalid-id-number.json", Invalid, "a number where an id belongs"),
    ("invalid-kind.json", Invalid, "a kind outside the list"),
    ("invalid-body-empty.json", Invalid, "an empty body"),
    ("invalid-body-number.json", Invalid, "a number as a paragraph"),
    ("invalid-sides-empty.json", Invalid, "no sides"),
    ("invalid-title-white-space.json", Invalid, "a title of White_Space only, with NBSP, U+3000 and U+0085"),
    ("invalid-hint-negative.json", Invalid, "a negative hint"),
    ("invalid-format-version-2.json", Invalid, "another format version"),
    ("invalid-format-version-true.json", Invalid, "true as the format version (Python's True == 1)"),
    ("invalid-topics-not-a-list.json", Invalid, "a string where a list of topics belongs"),
    ("invalid-source-string.json", Invalid, "a string where the source object belongs"),
    ("invalid-not-an-object.json", Invalid, "the article inside a list"),
    ("validate-only-unknown-side.json", ValidateOnly, "a speaker's side that no side defines"),
    ("validate-only-unknown-speaker.json", ValidateOnly, "a quote's speaker that no speaker defines"),
    ("validate-only-unknown-topic.json", ValidateOnly, "a quote's topic that no topic defines"),
    ("validate-only-duplicate-id.json", ValidateOnly, "two quotes with one id"),
    ("validate-only-id-symbol.json", ValidateOnly, "an id with a non-ASCII symbol (→)"),
    ("validate-only-hint-fraction.json", ValidateOnly, "a hint written 1.0"),
    ("validate-only-hint-exponent.json", ValidateOnly, "a hint written 1e2"),
    ("validate-only-hint-too-large.json", ValidateOnly, "a hint of 2^64"),
    ("validate-only-format-version-fraction.json", ValidateOnly, "the format version written 1.0"),
];

/// The collections, against `collection-v1.schema.json`: every case under `tests/data/collection/`
/// and those named `collection-*` under `tests/data/schema/`. Articles by `src` are read from the
/// collection's folder by validate, and never by the schema.
const COLLECTIONS: &[Case] = &[
    ("tests/data/collection/ok-mapped.json", Valid, "one article by src, one inline with side and topic maps"),
    ("tests/data/collection/left-out.json", Valid, "an article side mapped to null: left out on purpose"),
    ("tests/data/collection/one-broken.json", Invalid, "an inline article with an empty title, among others"),
    ("tests/data/collection/bad-spec.json", Invalid, "src and article both, an article of 3, no id"),
    ("tests/data/collection/version-2.json", Invalid, "another format version"),
    (
        "tests/data/collection/bad-map.json",
        ValidateOnly,
        "side_map and topic_map naming no side or topic of the collection",
    ),
    ("collection-valid-inline.json", Valid, "one inline article, a note, no topics"),
    ("collection-valid-side-left-out.json", Valid, "a side_map to null: that side left out on purpose"),
    (
        "collection-valid-warnings-only.json",
        Valid,
        "an unknown field, a bad colour, a side_map key the article lacks, an article side mapped to none",
    ),
    ("collection-invalid-kind-missing.json", Invalid, "no kind"),
    ("collection-invalid-kind-article.json", Invalid, "kind \"article\""),
    ("collection-invalid-side-color-number.json", Invalid, "a number as a side's colour"),
    ("collection-invalid-sides-empty.json", Invalid, "no sides"),
    ("collection-invalid-articles-empty.json", Invalid, "no articles"),
    ("collection-invalid-too-many-articles.json", Invalid, "201 articles"),
    ("collection-invalid-src-and-article.json", Invalid, "an entry with src and article"),
    ("collection-invalid-neither-src-nor-article.json", Invalid, "an entry with neither src nor article"),
    ("collection-invalid-src-blank.json", Invalid, "a src of white space"),
    ("collection-invalid-map-value.json", Invalid, "a side_map value that is not an id"),
    ("collection-invalid-topic-map-null.json", Invalid, "a topic_map value of null (only a side can be left out)"),
    ("collection-invalid-title-white-space.json", Invalid, "a title of NBSP and U+3000"),
    ("collection-invalid-inline-article.json", Invalid, "an inline article without a body"),
    ("collection-invalid-outlet-empty.json", Invalid, "an empty outlet"),
    ("collection-validate-only-missing-src.json", ValidateOnly, "a src naming no file"),
    ("collection-validate-only-broken-src.json", ValidateOnly, "a src naming an invalid article"),
    ("collection-validate-only-duplicate-article-id.json", ValidateOnly, "two articles with one id"),
    ("collection-validate-only-unknown-map-target.json", ValidateOnly, "a topic_map naming no topic of the collection"),
    (
        "collection-validate-only-inline-unknown-speaker.json",
        ValidateOnly,
        "an inline article whose quote names no speaker",
    ),
    ("collection-validate-only-format-version-fraction.json", ValidateOnly, "the format version written 1.0"),
];

/// A schema under `public/schema/` and the cases checked against it.
#[derive(Clone, Copy)]
struct Suite {
    schema: &'static str,
    cases: &'static [Case],
}

const ARTICLE_SUITE: Suite = Suite { schema: "article-v1.schema.json", cases: ARTICLES };
const COLLECTION_SUITE: Suite = Suite { schema: "collection-v1.schema.json", cases: COLLECTIONS };

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A path from the environment, or its default under the repository.
fn tool_path(var: &str, default: &str) -> PathBuf {
    let path = std::env::var_os(var).map_or_else(|| root().join(default), PathBuf::from);
    assert!(path.exists(), "{} not found (set {var}); `cargo xtask test` installs and builds it", path.display());
    path
}

fn schema_dir() -> PathBuf {
    root().join("public/schema")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The article schema, whose `$defs` the rule checks read.
fn schema() -> Value {
    read_json(&schema_dir().join(ARTICLE_SUITE.schema))
}

/// Every schema under `public/schema/` with its `$id`: what each validator is given to resolve
/// references between them.
fn all_schemas() -> Vec<(String, Value)> {
    let mut schemas: Vec<(String, Value)> = std::fs::read_dir(schema_dir())
        .expect("public/schema is readable")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.to_string_lossy().ends_with(".schema.json"))
        .map(|path| {
            let schema = read_json(&path);
            let id = schema["$id"].as_str().unwrap_or_else(|| panic!("{} has no $id", path.display())).to_owned();
            (id, schema)
        })
        .collect();
    schemas.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(schemas.len() >= 2, "the article and collection schemas");
    schemas
}

/// A case's file, relative to the repository.
fn case_file(file: &str) -> String {
    if file.contains('/') {
        file.to_owned()
    } else {
        format!("tests/data/schema/{file}")
    }
}

/// Every case's file of a suite, relative to the repository, in order.
fn case_files(suite: Suite) -> Vec<String> {
    suite.cases.iter().map(|(file, _, _)| case_file(file)).collect()
}

/// The exit code of `counterpoint validate FILE` for every case of both suites, run once for all
/// the tests.
fn validate_exit_codes() -> &'static HashMap<String, i32> {
    static CODES: OnceLock<HashMap<String, i32>> = OnceLock::new();
    CODES.get_or_init(|| {
        let bin = tool_path("COUNTERPOINT_BIN", "target/debug/counterpoint");
        [ARTICLE_SUITE, COLLECTION_SUITE]
            .into_iter()
            .flat_map(case_files)
            .map(|file| {
                let status = Command::new(&bin)
                    .arg("validate")
                    .arg(&file)
                    .current_dir(root())
                    .stdout(Stdio::null())
                    .status()
                    .expect("counterpoint runs");
                (file, status.code().expect("counterpoint exits with a code"))
            })
            .collect()
    })
}

/// One validator's verdict on one file: `None` when valid, else its first error.
type Verdict = Option<String>;

fn rust_verdicts(suite: Suite) -> Vec<Verdict> {
    // Every schema by its $id, so references between them resolve without any retrieval (the
    // crate is built without HTTP or file resolution).
    let mut registry = jsonschema::Registry::new();
    for (id, schema) in all_schemas() {
        registry = registry.add(id.as_str(), schema).expect("the schema registers");
    }
    let registry = registry.prepare().expect("the schemas resolve");
    let schema = read_json(&schema_dir().join(suite.schema));
    let validator = jsonschema::draft202012::options()
        .with_registry(&registry)
        .build(&schema)
        .expect("the schema compiles in the jsonschema crate");
    case_files(suite)
        .iter()
        .map(|file| {
            let document = read_json(&root().join(file));
            validator
                .validate(&document)
                .err()
                .map(|e| format!("{}: {e}", e.instance_path()).chars().take(200).collect())
        })
        .collect()
}

/// Runs a checker script over every case and reads its `valid`/`invalid` lines.
fn script_verdicts(mut cmd: Command, suite: Suite) -> Vec<Verdict> {
    let files = case_files(suite);
    let output = cmd.args(&files).current_dir(root()).output().expect("the checker runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{cmd:?} failed:\n{stdout}{}", String::from_utf8_lossy(&output.stderr));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), files.len(), "one line per file:\n{stdout}");
    lines
        .iter()
        .zip(&files)
        .map(|(line, file)| {
            let mut fields = line.splitn(3, '\t');
            let (verdict, name) = (fields.next(), fields.next());
            assert_eq!(name, Some(file.as_str()), "the lines follow the files: {line}");
            match verdict {
                Some("valid") => None,
                Some("invalid") => Some(fields.next().unwrap_or_default().to_owned()),
                _ => panic!("not a verdict: {line}"),
            }
        })
        .collect()
}

/// Python's checker on one of the schemas (it registers the others beside it).
fn python(schema: &str) -> Command {
    let mut cmd = Command::new(tool_path("COUNTERPOINT_SCHEMA_PYTHON", "target/schema-validators/venv/bin/python"));
    cmd.arg(root().join("tests/schema/check.py")).arg(schema_dir().join(schema));
    cmd
}

/// ajv's checker on one of the schemas (it adds the others beside it).
fn node(schema: &str) -> Command {
    let mut cmd = Command::new("node");
    cmd.arg(root().join("tests/schema/check.mjs"))
        .arg(tool_path("COUNTERPOINT_SCHEMA_NODE_DIR", "target/schema-validators/node"))
        .arg(schema_dir().join(schema));
    cmd
}

/// Checks one validator's verdicts against validate's exit codes and the expectations, printing a
/// line per file, and fails listing every disagreement.
fn check_agreement(validator: &str, suite: Suite, verdicts: &[Verdict]) {
    let codes = validate_exit_codes();
    let mut wrong = Vec::new();
    assert_eq!(verdicts.len(), suite.cases.len(), "{validator}: a verdict per case");
    for ((file, expect, what), verdict) in suite.cases.iter().zip(verdicts) {
        let code = &codes[&case_file(file)];
        // Valid and Invalid: the schema's verdict is validate's. ValidateOnly: validate rejects, the
        // schema accepts.
        let expected_code = if *expect == Valid { 0 } else { 1 };
        let agrees = *code == expected_code && verdict.is_none() == (*expect != Invalid);
        let shown = verdict.as_deref().map_or("valid".to_owned(), |e| format!("invalid ({e})"));
        let only = if *expect == ValidateOnly { format!(" (validate-only: {what})") } else { String::new() };
        let flag = if agrees { "" } else { "  <-- WRONG" };
        println!("{validator}: {file}: validate exits {code}{only}, schema {shown}{flag}");
        if !agrees {
            wrong
                .push(format!("{file} ({what}): expected {expect:?}, validate exits {code}, {validator} says {shown}"));
        }
    }
    assert!(wrong.is_empty(), "{validator} disagrees with `counterpoint validate`:\n{}", wrong.join("\n"));
}

#[test]
fn every_file_under_tests_data_schema_is_a_case() {
    let listed: BTreeSet<&str> = ARTICLES.iter().chain(COLLECTIONS).map(|(file, _, _)| *file).collect();
    let names = |dir: &str| -> BTreeSet<String> {
        std::fs::read_dir(root().join(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".json"))
            .collect()
    };
    let unlisted: Vec<String> = names("tests/data/schema")
        .into_iter()
        .filter(|name| !listed.contains(name.as_str()))
        .chain(
            names("tests/data/collection")
                .into_iter()
                .map(|name| format!("tests/data/collection/{name}"))
                .filter(|file| !listed.contains(file.as_str())),
        )
        .collect();
    assert!(unlisted.is_empty(), "files missing from ARTICLES or COLLECTIONS: {unlisted:?}");
    for (name, cases) in [("articles", ARTICLES), ("collections", COLLECTIONS)] {
        let broken = cases.iter().filter(|(_, expect, _)| *expect == Invalid).count();
        assert!(broken >= 8, "at least 8 broken {name} the schema rejects, found {broken}");
    }
    for (file, _, _) in ARTICLES {
        assert!(!file.starts_with("collection-"), "{file}: a collection's name among the articles");
    }
    for (file, _, _) in COLLECTIONS {
        assert!(file.contains('/') || file.starts_with("collection-"), "{file}: name collections collection-*");
    }
}

#[test]
fn rust_jsonschema_agrees_with_validate() {
    check_agreement("jsonschema (Rust)", ARTICLE_SUITE, &rust_verdicts(ARTICLE_SUITE));
}

#[test]
fn python_jsonschema_agrees_with_validate() {
    check_agreement(
        "jsonschema (Python)",
        ARTICLE_SUITE,
        &script_verdicts(python(ARTICLE_SUITE.schema), ARTICLE_SUITE),
    );
}

#[test]
fn ajv_agrees_with_validate() {
    check_agreement("ajv", ARTICLE_SUITE, &script_verdicts(node(ARTICLE_SUITE.schema), ARTICLE_SUITE));
}

#[test]
fn rust_jsonschema_agrees_with_validate_on_collections() {
    check_agreement("jsonschema (Rust)", COLLECTION_SUITE, &rust_verdicts(COLLECTION_SUITE));
}

#[test]
fn python_jsonschema_agrees_with_validate_on_collections() {
    check_agreement(
        "jsonschema (Python)",
        COLLECTION_SUITE,
        &script_verdicts(python(COLLECTION_SUITE.schema), COLLECTION_SUITE),
    );
}

#[test]
fn ajv_agrees_with_validate_on_collections() {
    check_agreement("ajv", COLLECTION_SUITE, &script_verdicts(node(COLLECTION_SUITE.schema), COLLECTION_SUITE));
}

/// The characters tried one by one: every code point up to U+30FF (all of ASCII and every
/// White_Space character, the last being U+3000), and a few beyond, up to the last code point.
fn sample_chars() -> Vec<char> {
    let extra = [0xFEFF, 0xFFFD, 0xFFFF, 0x1D400, 0x1F600, 0x20000, 0x10FFFF];
    (0..=0x30FF).chain(extra).filter_map(char::from_u32).collect()
}

/// What validate rejects among [`sample_chars`]: (as a text, as an id), computed once for all the tests.
fn validate_rejects_chars() -> &'static (BTreeSet<usize>, BTreeSet<usize>) {
    static REJECTED: OnceLock<(BTreeSet<usize>, BTreeSet<usize>)> = OnceLock::new();
    REJECTED.get_or_init(|| {
        let chars = sample_chars();
        (validate_rejects(&chars, false), validate_rejects(&chars, true))
    })
}

/// Indexes of the `chars` that validate rejects as an id (`as_id`) or as a text.
fn validate_rejects(chars: &[char], as_id: bool) -> BTreeSet<usize> {
    let base = json!({
        "format_version": 1, "title": "T", "source": { "name": "S" }, "language": "en", "body": ["B"],
        "sides": [{ "id": "s", "label": "L" }], "speakers": [], "topics": [], "quotes": []
    });
    chars
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            let mut article = base.clone();
            let value = json!(c.to_string());
            if as_id {
                article["sides"][0]["id"] = value;
            } else {
                article["title"] = value;
            }
            counterpoint_core::validate::validate_value(&article).article.is_none()
        })
        .map(|(i, _)| i)
        .collect()
}

/// Checks a validator's `$defs/id` and `$defs/text` on single characters against validate: the
/// text rule exactly, the id rule exactly on ASCII and accepting every non-ASCII character.
fn check_rules(validator: &str, rejects: impl Fn(&str, &[String]) -> BTreeSet<usize>) {
    let chars = sample_chars();
    let strings: Vec<String> = chars.iter().map(char::to_string).collect();
    let shown = |set: &BTreeSet<usize>| set.iter().map(|&i| format!("U+{:04X}", chars[i] as u32)).collect::<Vec<_>>();

    let (text_expected, id_rejected) = validate_rejects_chars();

    let text = rejects("text", &strings);
    assert_eq!(text_expected.len(), 25, "validate trims the 25 White_Space characters");
    assert_eq!(shown(&text), shown(text_expected), "{validator}: texts of one character");

    let id = rejects("id", &strings);
    let id_expected: BTreeSet<usize> = id_rejected.iter().copied().filter(|&i| chars[i].is_ascii()).collect();
    assert_eq!(shown(&id), shown(&id_expected), "{validator}: ids of one character");
    let looser = id_rejected.len() - id_expected.len();
    println!(
        "{validator}: {} of {} characters rejected as text, {} as id; validate rejects {looser} more non-ASCII ids",
        text.len(),
        chars.len(),
        id.len()
    );
}

/// Feeds the strings to a checker script's `--def NAME` mode and reads the indexes it rejects.
fn script_rejects(mut cmd: Command, def: &str, strings: &[String]) -> BTreeSet<usize> {
    let mut child =
        cmd.args(["--def", def]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("the checker runs");
    let input = serde_json::to_vec(strings).expect("strings serialize");
    child.stdin.take().expect("stdin").write_all(&input).expect("the checker reads its input");
    let output = child.wait_with_output().expect("the checker finishes");
    assert!(output.status.success(), "{cmd:?} failed");
    String::from_utf8_lossy(&output.stdout).split_whitespace().map(|i| i.parse().expect("an index")).collect()
}

#[test]
fn rust_jsonschema_id_and_text_rules_per_character() {
    let schema = schema();
    check_rules("jsonschema (Rust)", |def, strings| {
        let validator = jsonschema::draft202012::new(&schema["$defs"][def]).expect("the definition compiles");
        strings.iter().enumerate().filter(|(_, s)| !validator.is_valid(&json!(s))).map(|(i, _)| i).collect()
    });
}

#[test]
fn python_jsonschema_id_and_text_rules_per_character() {
    check_rules("jsonschema (Python)", |def, strings| script_rejects(python(ARTICLE_SUITE.schema), def, strings));
}

#[test]
fn ajv_id_and_text_rules_per_character() {
    check_rules("ajv", |def, strings| script_rejects(node(ARTICLE_SUITE.schema), def, strings));
}
