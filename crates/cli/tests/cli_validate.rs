//! `counterpoint validate FILE...` as a newsroom pipeline sees it: output lines and exit codes.

use std::process::Command;

fn temp(name: &str, contents: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("counterpoint-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("temp file");
    path
}

/// Runs the validator on files (name, contents) and compares stdout (with the temp directory
/// replaced by `DIR`) and the exit code.
fn check(files: &[(&str, &str)], expect_stdout: &str, expect_code: i32) {
    let paths: Vec<_> = files.iter().map(|(name, contents)| temp(name, contents)).collect();
    let output = Command::new(env!("CARGO_BIN_EXE_counterpoint")).arg("validate").args(&paths).output().expect("runs");
    let dir = paths[0].parent().expect("dir").to_string_lossy().into_owned();
    let stdout = String::from_utf8_lossy(&output.stdout).replace(&dir, "DIR");
    assert_eq!(stdout, expect_stdout);
    assert_eq!(output.status.code(), Some(expect_code));
}

const GOOD: &str = r#"{"format_version":1,"title":"T","source":{"name":"S"},"language":"en",
"body":["“Yes,” she said. “Yes,” he said."],"sides":[{"id":"a","label":"A"}],
"speakers":[{"id":"x","name":"X","side":"a"}],"topics":[{"id":"t","label":"T"}],
"quotes":[{"id":"q","speaker":"x","kind":"direct","topics":["t"],"text":"she said"}]}"#;

#[test]
fn a_valid_article_prints_nothing_and_exits_0() {
    check(&[("good.json", GOOD)], "", 0);
}

#[test]
fn broken_json_is_file_line_col_and_exits_1() {
    check(
        &[("broken.json", "{\n  \"title\": \"x\",\n  \"body\": [\"a\" \"b\"]\n}")],
        "DIR/broken.json:3:16: error: invalid JSON: expected `,` or `]`\n    \x20 \"body\": [\"a\" \"b\"]\n                   ^\n",
        1,
    );
}

#[test]
fn problems_are_file_path_message_and_warnings_alone_exit_0() {
    let unknown = GOOD.replace("\"speaker\":\"x\"", "\"speaker\":\"y\"");
    check(&[("ref.json", &unknown)], "DIR/ref.json: $.quotes[0].speaker: error: unknown speaker \"y\" (known: x)\n", 1);
    let ambiguous = GOOD.replace("\"text\":\"she said\"", "\"text\":\"Yes\"");
    check(
        &[("amb.json", &ambiguous)],
        "DIR/amb.json: $.quotes[0].text: warning: found 2 times; add a prefix or suffix to say which\n",
        0,
    );
}

#[test]
fn several_files_are_checked_and_any_error_fails() {
    check(
        &[("one.json", GOOD), ("two.json", "[]")],
        "DIR/two.json: $: error: expected an object, found an empty list\n",
        1,
    );
}
