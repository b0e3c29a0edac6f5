//! What the command line says when it is called wrongly, and its version.

use std::process::Command;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_counterpoint")).args(args).output().expect("runs");
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (output.status.code(), text(&output.stdout), text(&output.stderr))
}

#[test]
fn a_wrong_call_says_what_is_wrong_before_the_usage() {
    for (args, first_line) in [
        (&["frobnicate"][..], "counterpoint: unknown command \"frobnicate\""),
        (&["validate"][..], "counterpoint: validate needs at least one FILE"),
        (&["eval", "x"][..], "counterpoint: eval takes no arguments, found \"x\""),
        (&["extract", "--formt", "spans", "a.txt"][..], "counterpoint: unknown option --formt"),
    ] {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, Some(2), "{args:?}");
        assert_eq!(stdout, "", "{args:?}");
        assert_eq!(stderr.lines().next(), Some(first_line), "{args:?}");
        assert!(stderr.contains("usage: counterpoint validate FILE..."), "{args:?}: {stderr}");
    }
    // No command at all: the usage alone.
    let (code, _, stderr) = run(&[]);
    assert_eq!((code, stderr.lines().next()), (Some(2), Some("usage: counterpoint validate FILE...")));
}

#[test]
fn the_version_is_printed() {
    let (code, stdout, _) = run(&["--version"]);
    assert_eq!((code, stdout.trim()), (Some(0), concat!("counterpoint ", env!("CARGO_PKG_VERSION"))));
}
