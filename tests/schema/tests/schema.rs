//! The JSON Schema (`public/schema/article-v1.schema.json`) in the validators people use, against
//! `counterpoint validate`.
//!
//! Three validators read the same schema file unchanged: the Rust `jsonschema` crate, in process;
//! Python's `jsonschema` through `check.py`; and ajv (draft 2020-12) through `check.mjs`. For every
//! article in [`CASES`], each one's verdict must agree with the exit code of `counterpoint validate`
//! (0 or 1), except for the cases marked [`Expect::ValidateOnly`]: rules that a schema cannot
//! express or that a portable schema leaves looser (docs/FORMAT.md lists them), where the schema
//! must accept what validate rejects. Then each validator's `id` and `text` rules are tried on
//! single characters against validate: the text rule must match it exactly, the id rule exactly on
//! ASCII while accepting every non-ASCII character.
//!
//! `cargo xtask test` installs the Python and npm packages under `target/schema-validators/`, builds
//! the `counterpoint` binary and runs this with their paths in `COUNTERPOINT_BIN`,
//! `COUNTERPOINT_SCHEMA_PYTHON` and `COUNTERPOINT_SCHEMA_NODE_DIR` (by default the paths it uses).
//! This crate is not a default member, so plain `cargo test` never builds it.

use std::collections::BTreeSet;
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
const CASES: &[(&str, Expect, &str)] = &[
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

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A path from the environment, or its default under the repository.
fn tool_path(var: &str, default: &str) -> PathBuf {
    let path = std::env::var_os(var).map_or_else(|| root().join(default), PathBuf::from);
    assert!(path.exists(), "{} not found (set {var}); `cargo xtask test` installs and builds it", path.display());
    path
}

fn schema_path() -> PathBuf {
    root().join("public/schema/article-v1.schema.json")
}

fn schema() -> Value {
    let text = std::fs::read_to_string(schema_path()).expect("the schema is readable");
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// Every case's file, relative to the repository, in the order of [`CASES`].
fn case_files() -> Vec<String> {
    CASES
        .iter()
        .map(|(file, _, _)| if file.contains('/') { (*file).to_owned() } else { format!("tests/data/schema/{file}") })
        .collect()
}

/// The exit code of `counterpoint validate FILE` for each case, run once for all the tests.
fn validate_exit_codes() -> &'static [i32] {
    static CODES: OnceLock<Vec<i32>> = OnceLock::new();
    CODES.get_or_init(|| {
        let bin = tool_path("COUNTERPOINT_BIN", "target/debug/counterpoint");
        case_files()
            .iter()
            .map(|file| {
                let status = Command::new(&bin)
                    .arg("validate")
                    .arg(file)
                    .current_dir(root())
                    .stdout(Stdio::null())
                    .status()
                    .expect("counterpoint runs");
                status.code().expect("counterpoint exits with a code")
            })
            .collect()
    })
}

/// One validator's verdict on one file: `None` when valid, else its first error.
type Verdict = Option<String>;

fn rust_verdicts() -> Vec<Verdict> {
    let validator = jsonschema::draft202012::new(&schema()).expect("the schema compiles in the jsonschema crate");
    case_files()
        .iter()
        .map(|file| {
            let text = std::fs::read_to_string(root().join(file)).expect("the case is readable");
            let article: Value = serde_json::from_str(&text).expect("the case is JSON");
            validator
                .validate(&article)
                .err()
                .map(|e| format!("{}: {e}", e.instance_path()).chars().take(200).collect())
        })
        .collect()
}

/// Runs a checker script over every case and reads its `valid`/`invalid` lines.
fn script_verdicts(mut cmd: Command) -> Vec<Verdict> {
    let files = case_files();
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

fn python() -> Command {
    let mut cmd = Command::new(tool_path("COUNTERPOINT_SCHEMA_PYTHON", "target/schema-validators/venv/bin/python"));
    cmd.arg(root().join("tests/schema/check.py")).arg(schema_path());
    cmd
}

fn node() -> Command {
    let mut cmd = Command::new("node");
    cmd.arg(root().join("tests/schema/check.mjs"))
        .arg(tool_path("COUNTERPOINT_SCHEMA_NODE_DIR", "target/schema-validators/node"))
        .arg(schema_path());
    cmd
}

/// Checks one validator's verdicts against validate's exit codes and the expectations, printing a
/// line per file, and fails listing every disagreement.
fn check_agreement(validator: &str, verdicts: &[Verdict]) {
    let codes = validate_exit_codes();
    let mut wrong = Vec::new();
    for (((file, expect, what), code), verdict) in CASES.iter().zip(codes).zip(verdicts) {
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
    let listed: BTreeSet<&str> = CASES.iter().map(|(file, _, _)| *file).collect();
    let on_disk: BTreeSet<String> = std::fs::read_dir(root().join("tests/data/schema"))
        .expect("tests/data/schema is readable")
        .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    let unlisted: Vec<&String> = on_disk.iter().filter(|name| !listed.contains(name.as_str())).collect();
    assert!(unlisted.is_empty(), "files under tests/data/schema missing from CASES: {unlisted:?}");
    let broken = CASES.iter().filter(|(_, expect, _)| *expect == Invalid).count();
    assert!(broken >= 8, "at least 8 broken articles the schema rejects, found {broken}");
}

#[test]
fn rust_jsonschema_agrees_with_validate() {
    check_agreement("jsonschema (Rust)", &rust_verdicts());
}

#[test]
fn python_jsonschema_agrees_with_validate() {
    check_agreement("jsonschema (Python)", &script_verdicts(python()));
}

#[test]
fn ajv_agrees_with_validate() {
    check_agreement("ajv", &script_verdicts(node()));
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
    check_rules("jsonschema (Python)", |def, strings| script_rejects(python(), def, strings));
}

#[test]
fn ajv_id_and_text_rules_per_character() {
    check_rules("ajv", |def, strings| script_rejects(node(), def, strings));
}
