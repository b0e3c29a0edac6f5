//! Output into a pipe whose reader has gone (`counterpoint extract … | head`): the command ends
//! quietly, as Unix tools do, instead of panicking with a backtrace.

use std::process::{Command, Stdio};

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let dir = std::env::temp_dir().join(format!("counterpoint-cli-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let seed = include_str!("../../../tests/data/russia-us-syria-2016.txt");
    let file = dir.join("long.txt");
    std::fs::write(&file, seed.repeat(20)).expect("temp file");
    for args in [vec!["extract".to_owned(), file.display().to_string()], vec!["help".to_owned()]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_counterpoint"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        // The reader goes before the command writes anything.
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("ends");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
