//! `cargo xtask <command>`: the repository's chores, in Rust so they run wherever Cargo does.
//!
//! Every command first installs what it needs and is missing (see `tools.rs`), so a fresh machine
//! needs nothing but this repository.

mod tools;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use counterpoint_site as dist;
use e2e::server::{Server, ServerOptions};
use tools::{Need, Tools};

const HELP: &str = "\
usage: cargo xtask <command>

  serve   install what is missing, build the release app and serve it at http://127.0.0.1:8080
  test    install what is missing, then fmt, clippy, native tests, the JSON Schema in three
          validators, wasm tests in Chromium and end-to-end tests on the release build; ends with
          `N passed, N failed`
  build   build the release app into dist/site
  dist    build dist/site, then the single offline file dist/counterpoint.html; print its sizes
  size    build, then print the brotli sizes of the wasm, JS and CSS
  setup   only install what is missing
  fuzz [CASES]
          the long property-test campaign: parser, validator, anchorer, explorer and extractor on
          CASES random inputs per property (default 100000), in release mode
  eval    print the extractor's precision, recall and F1 on the dev set (tests/data/extract/)
  bench   the reader's figures with bench/perf (first view bytes and start-up under mobile emulation,
          1,000 and 10,000 quotes), then anchoring speed and extraction throughput natively and in
          the release app's worker in headless Chromium (COUNTERPOINT_BENCH_MB sets the size, default 10)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    let result = match args.first().map(String::as_str) {
        Some("setup") => Tools::ensure(&root, Need::Browser).map(drop),
        Some("build") => Tools::ensure(&root, Need::Build).and_then(|t| build(&root, &t)),
        Some("dist") => Tools::ensure(&root, Need::Build).and_then(|t| dist(&root, &t)),
        // Serving needs no browser: Chromium is installed by the commands that drive one.
        Some("serve") => Tools::ensure(&root, Need::Build).and_then(|t| serve(&root, &t)),
        Some("size") => Tools::ensure(&root, Need::Build).and_then(|t| build(&root, &t).and_then(|()| size(&root))),
        Some("test") => Tools::ensure(&root, Need::Browser).and_then(|t| test(&root, &t)),
        Some("fuzz") => fuzz(&root, args.get(1).map(String::as_str).unwrap_or("100000")),
        // The dev-set score is native: no Trunk, no Chromium.
        Some("eval") => eval(&root),
        Some("bench") => Tools::ensure(&root, Need::Browser).and_then(|t| bench(&root, &t)),
        _ => {
            eprint!("{HELP}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("xtask: {err}");
            ExitCode::FAILURE
        }
    }
}

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}

/// Runs a command to completion, failing with its name when it fails.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let status = cmd.status().map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{cmd:?} failed with {status}"))
    }
}

/// Builds the release app with Trunk into `dist/site`.
fn build(root: &Path, tools: &Tools) -> Result<(), String> {
    let started = Instant::now();
    run(tools.command("trunk").args(["build", "--release"]).current_dir(root))?;
    // Trunk's loader is an inline script, which the hosted CSP forbids.
    dist::externalize_loader(&root.join("dist/site"))?;
    dist::modernize_worker_loaders(&root.join("dist/site"))?;
    dist::bundle_css(&root.join("dist/site"))?;
    let page = prerender(root, tools, None)?;
    dist::insert_prerender(&root.join("dist/site"), &page)?;
    eprintln!("xtask: built dist/site in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

/// Renders the first view of `article` (the seed when `None`) natively with the app's own
/// components (`counterpoint-render`).
fn prerender(root: &Path, tools: &Tools, article: Option<&Path>) -> Result<dist::Prerendered, String> {
    let mut cmd = tools.command("cargo");
    cmd.args(["run", "--quiet", "-p", "counterpoint-app", "--no-default-features", "--features", "ssr"])
        .args(["--bin", "counterpoint-render"])
        .current_dir(root)
        .stderr(Stdio::inherit());
    if let Some(article) = article {
        cmd.arg("--").arg(article);
    }
    let output = cmd.output().map_err(|e| format!("cannot run counterpoint-render: {e}"))?;
    if !output.status.success() {
        return Err(format!("counterpoint-render failed with {}", output.status));
    }
    dist::Prerendered::from_json(&output.stdout)
}

/// Builds `dist/site`, then `dist/counterpoint.html`, and prints the single file's sizes. When
/// the sources are those of the last build (`sources_fingerprint`, kept in `dist/.fingerprint`)
/// and both outputs are there, it builds nothing: a warm `cargo xtask test` does not pay a
/// minute of wasm-bindgen and wasm-opt for the same files.
fn dist(root: &Path, tools: &Tools) -> Result<(), String> {
    let stamp = root.join("dist/.fingerprint");
    let fingerprint = sources_fingerprint(root);
    let outputs = root.join("dist/site/index.html").is_file() && root.join("dist/counterpoint.html").is_file();
    if let Some(fingerprint) = &fingerprint {
        if outputs && std::fs::read_to_string(&stamp).is_ok_and(|s| s == *fingerprint) {
            eprintln!("xtask: dist/ was built from these very sources ({fingerprint}); remove dist/.fingerprint to build again");
            return Ok(());
        }
    }
    let _ = std::fs::remove_file(&stamp);
    build(root, tools)?;
    let sizes = dist::single_file(&root.join("dist/site"), &root.join("dist/counterpoint.html"))?;
    eprintln!("xtask: wrote dist/counterpoint.html: {} bytes raw, {} bytes gzipped", sizes.raw, sizes.gzip);
    eprintln!("xtask: hosted Content-Security-Policy: {}", dist::HOSTED_CSP);
    if let Some(fingerprint) = fingerprint {
        let _ = std::fs::write(&stamp, fingerprint);
    }
    Ok(())
}

/// A fingerprint of what a build reads: every file git tracks or would add (so not `dist/` or
/// `target/`), by path and content, with the toolchain's version and `RUSTFLAGS`. `None` when git
/// cannot list the files, and then every build runs.
fn sources_fingerprint(root: &Path) -> Option<String> {
    let listed = Command::new("git")
        .args(["ls-files", "-z", "--cached", "--others", "--exclude-standard"])
        .current_dir(root)
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    let mut paths: Vec<&[u8]> = listed.stdout.split(|&b| b == 0).filter(|p| !p.is_empty()).collect();
    paths.sort_unstable();
    paths.dedup();
    // FNV-1a, 64 bits: the fingerprint only has to change when a file does.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    let rustc = Command::new("rustc").arg("-V").output().ok()?.stdout;
    feed(&rustc);
    feed(std::env::var("RUSTFLAGS").unwrap_or_default().as_bytes());
    for path in paths {
        feed(path);
        feed(&[0]);
        let file = root.join(String::from_utf8_lossy(path).as_ref());
        // A file listed but deleted from the working tree counts as empty.
        let content = std::fs::read(&file).unwrap_or_default();
        feed(&(content.len() as u64).to_le_bytes());
        feed(&content);
    }
    Some(format!("{hash:016x}"))
}

fn serve(root: &Path, tools: &Tools) -> Result<(), String> {
    build(root, tools)?;
    let site = root.join("dist/site");
    let server = Server::start(&site, 8080, ServerOptions::default())
        .map_err(|e| format!("cannot listen on 127.0.0.1:8080: {e}"))?;
    println!("Counterpoint is at {} (Ctrl+C to stop)", server.url("/"));
    loop {
        std::thread::park();
    }
}

/// One step's outcome, counted into the final `N passed, N failed` line.
#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    failures: Vec<String>,
    /// Each step's wall time: from the end of the step before to the end of this one, so work done
    /// to prepare a step (installing a tool, building) counts for it.
    times: Vec<(String, f64)>,
    step_started: Option<Instant>,
}

impl Tally {
    /// Counts a step that is one check (fmt, clippy, the build).
    fn check(&mut self, name: &str, ok: bool) {
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
            self.failures.push(name.to_owned());
        }
        self.timed(name);
    }

    fn timed(&mut self, name: &str) {
        let now = Instant::now();
        let since = self.step_started.replace(now).unwrap_or(now);
        self.times.push((name.to_owned(), (now - since).as_secs_f64()));
    }

    /// Where the time went, slowest step first.
    fn print_times(&self) {
        let mut times = self.times.clone();
        times.sort_by(|a, b| b.1.total_cmp(&a.1));
        eprintln!("\nwhere the time went:");
        for (name, seconds) in &times {
            eprintln!("  {seconds:6.1} s  {name}");
        }
    }

    /// Runs a test command, echoing its output and counting `test result:` lines. A run that fails
    /// without reporting any failed test (a compile error, a crash) counts as one failure.
    fn tests(&mut self, name: &str, cmd: &mut Command) {
        eprintln!("\n== {name}");
        let mut child = match cmd.stdout(Stdio::piped()).spawn() {
            Ok(child) => child,
            Err(err) => {
                eprintln!("cannot run {name}: {err}");
                return self.check(name, false);
            }
        };
        let (mut passed, mut failed) = (0, 0);
        if let Some(out) = child.stdout.take() {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                println!("{line}");
                if let Some((p, f)) = parse_test_result(&line) {
                    passed += p;
                    failed += f;
                }
            }
        }
        let ok = child.wait().is_ok_and(|s| s.success());
        self.passed += passed;
        self.failed += failed;
        if failed > 0 || !ok {
            self.failures.push(name.to_owned());
        }
        if !ok && failed == 0 {
            self.failed += 1;
        }
        self.timed(name);
    }
}

/// Reads `test result: ok. 12 passed; 0 failed; …` as printed by libtest and wasm-bindgen-test.
/// Prints the `count` slowest browser tests of a run from the file where each wrote its seconds
/// and name (`E2E_TIMES`), and the browser time of them all.
fn print_slowest(times: &Path, count: usize) {
    let Ok(text) = std::fs::read_to_string(times) else { return };
    // Each line: seconds, "new" or "kept" (whether the test started its own browser), name.
    let mut tests: Vec<(f64, &str, &str)> = text
        .lines()
        .filter_map(|line| {
            let (seconds, rest) = line.split_once(' ')?;
            let (how, name) = rest.split_once(' ')?;
            Some((seconds.parse().ok()?, how, name))
        })
        .collect();
    tests.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total: f64 = tests.iter().map(|t| t.0).sum();
    let started = tests.iter().filter(|t| t.1 == "new").count();
    eprintln!(
        "\nbrowser tests: {} of them, {total:.0} s of browser time in all, {started} in a browser of their own \
         (the others in one a passed test left); the slowest:",
        tests.len()
    );
    for (seconds, _, name) in tests.iter().take(count) {
        eprintln!("  {seconds:6.1} s  {name}");
    }
}

fn parse_test_result(line: &str) -> Option<(usize, usize)> {
    let rest = line.trim().strip_prefix("test result: ")?;
    let number_before = |word: &str| -> Option<usize> {
        let idx = rest.find(word)?;
        rest[..idx].trim_end().rsplit([' ', '.']).next()?.parse().ok()
    };
    Some((number_before(" passed")?, number_before(" failed")?))
}

fn test(root: &Path, tools: &Tools) -> Result<(), String> {
    let started = Instant::now();
    let mut tally = Tally { step_started: Some(started), ..Tally::default() };
    let cargo = || {
        let mut cmd = tools.command("cargo");
        cmd.current_dir(root);
        cmd
    };

    eprintln!("\n== cargo fmt --check");
    tally.check("cargo fmt --check", run(cargo().args(["fmt", "--all", "--check"])).is_ok());
    eprintln!("\n== cargo clippy (native)");
    tally.check(
        "clippy native",
        run(cargo().args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])).is_ok(),
    );
    // The app's code is linted natively above (its browser paths are `cfg!` branches, compiled on
    // both targets); checking Leptos again for wasm32 only to lint `tests/wasm.rs` cost about a
    // minute on a fresh machine. The workers' entry points are wasm-only, and cheap to check.
    eprintln!("\n== cargo clippy (wasm32: the workers)");
    tally.check(
        "clippy wasm32",
        run(cargo().args([
            "clippy",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "counterpoint-worker",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
        .is_ok(),
    );
    eprintln!("\n== cargo clippy (the pre-renderer, feature ssr)");
    tally.check(
        "clippy ssr",
        run(cargo().args([
            "clippy",
            "-p",
            "counterpoint-app",
            "--no-default-features",
            "--features",
            "ssr",
            "--lib",
            "--bins",
            "--",
            "-D",
            "warnings",
        ]))
        .is_ok(),
    );
    tally.tests(
        "native tests",
        cargo().args(["test", "--no-fail-fast", "--workspace", "--exclude", "e2e", "--exclude", "schema-check"]),
    );
    schema_test(root, &mut tally, &cargo);
    tally.tests(
        "wasm tests in headless Chromium",
        cargo()
            .args(["test", "-p", "counterpoint-app", "--target", "wasm32-unknown-unknown", "--test", "wasm"])
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    );
    eprintln!("\n== release build (dist/site and dist/counterpoint.html)");
    let built = dist(root, tools);
    tally.check("release build", built.is_ok());
    // axe-core, pinned in tests/e2e/a11y, for the accessibility checks (tests/e2e/tests/browser/a11y.rs).
    let axe = tools::ensure_npm_packages(&root.join("tests/e2e/a11y"), &root.join("target/a11y"), "axe-core");
    if let Err(err) = &axe {
        eprintln!("xtask: {err}");
    }
    tally.check("axe-core for the accessibility checks", axe.is_ok());
    // Each browser test adds its time to this file (`harness::run_with`), so the slowest are named.
    let times = root.join("target/e2e-times.txt");
    let _ = std::fs::remove_file(&times);
    if built.is_ok() {
        tally.tests(
            "end-to-end tests on the release build",
            cargo()
                .args(["test", "--no-fail-fast", "-p", "e2e", "--tests", "--", "--test-threads=2"])
                .env("E2E_TIMES", &times),
        );
    }

    tally.print_times();
    print_slowest(&times, 8);
    eprintln!("\nxtask test took {:.0} s", started.elapsed().as_secs_f64());
    if !tally.failures.is_empty() {
        eprintln!("failed: {}", tally.failures.join(", "));
    }
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if tally.failed == 0 {
        Ok(())
    } else {
        Err("some checks failed".to_owned())
    }
}

/// The JSON Schema in Rust's jsonschema, Python's jsonschema and ajv, each against
/// `counterpoint validate` (`tests/schema`), after installing the Python and npm packages it pins.
fn schema_test(root: &Path, tally: &mut Tally, cargo: &dyn Fn() -> Command) {
    const NAME: &str = "the JSON Schema in three validators against counterpoint validate";
    let prepared = tools::ensure_schema_validators(root).and_then(|validators| {
        run(cargo().args(["build", "--quiet", "-p", "counterpoint-cli", "--bin", "counterpoint"]))?;
        Ok(validators)
    });
    let validators = match prepared {
        Ok(validators) => validators,
        Err(err) => {
            eprintln!("\n== {NAME}\nxtask: {err}");
            return tally.check(NAME, false);
        }
    };
    tally.tests(
        NAME,
        cargo()
            .args(["test", "--no-fail-fast", "-p", "schema-check", "--test", "schema", "--", "--nocapture"])
            .env("COUNTERPOINT_BIN", root.join("target/debug/counterpoint"))
            .env("COUNTERPOINT_SCHEMA_PYTHON", &validators.python)
            .env("COUNTERPOINT_SCHEMA_NODE_DIR", &validators.node_dir),
    );
}

/// Runs every property of `crates/extract/tests/robustness.rs` on `cases` inputs each and reports the total.
fn fuzz(root: &Path, cases: &str) -> Result<(), String> {
    let per_property: u64 = cases.parse().map_err(|_| format!("not a number of cases: {cases}"))?;
    let started = Instant::now();
    let output = Command::new("cargo")
        .args(["test", "--release", "-p", "counterpoint-extract", "--test", "robustness", "--", "--test-threads=2"])
        .env("COUNTERPOINT_FUZZ_CASES", cases)
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    // Five properties, each on `cases` inputs (the anchoring property tries four quotes per body).
    let inputs = per_property * 5;
    println!("fuzz: {inputs} inputs ({per_property} per property) in {:.0} s", started.elapsed().as_secs_f64());
    if output.success() {
        Ok(())
    } else {
        Err("a property failed; the test output names the case".to_owned())
    }
}

fn eval(root: &Path) -> Result<(), String> {
    run(Command::new("cargo")
        .args(["run", "--quiet", "--release", "--bin", "counterpoint", "--", "eval"])
        .current_dir(root))
}

/// Measures; never fails on a slow number, only when something cannot run.
///
/// First what a reader pays, with the team's yardsticks (`bench/perf/`, copied unchanged from
/// `shared/perf`): the first view's bytes and start-up under mobile emulation against a static
/// snapshot, then 1,000- and 10,000-quote articles. Then anchoring and extraction speed, natively
/// and in Chromium, with the longest task on the page's thread while the worker extracts.
fn bench(root: &Path, tools: &Tools) -> Result<(), String> {
    let mb = std::env::var("COUNTERPOINT_BENCH_MB").unwrap_or_else(|_| "10".to_owned());
    build(root, tools)?;
    reader_bench(root, tools)?;
    run(tools
        .command("cargo")
        .args(["run", "--quiet", "--release", "-p", "counterpoint-core", "--example", "anchor_bench"])
        .current_dir(root))?;
    // Opening the bench's 10,000-quote article natively, phase by phase.
    let q10k = root.join("target/bench-perf/site/q10k.json").display().to_string();
    run(tools
        .command("cargo")
        .args(["run", "--quiet", "--release", "-p", "counterpoint-core", "--example", "open_bench", &q10k])
        .current_dir(root))?;
    let c50 = root.join("target/bench-perf/site/c50").display().to_string();
    run(tools
        .command("cargo")
        .args(["run", "--quiet", "--release", "-p", "counterpoint-core", "--example", "coverage_bench", &c50])
        .current_dir(root))?;
    // What the collections worker's answer weighs, and reading it as the page does.
    let c50_collection = root.join("target/bench-perf/site/c50/collection.json").display().to_string();
    run(tools
        .command("cargo")
        .args([
            "run",
            "--quiet",
            "--release",
            "-p",
            "counterpoint-core",
            "--example",
            "collection_bench",
            &c50_collection,
        ])
        .current_dir(root))?;
    // The native run writes its generated text so the browser run extracts the very same text.
    let text = root.join("target/bench-text.txt");
    let text_arg = text.display().to_string();
    run(tools
        .command("cargo")
        .args(["run", "--quiet", "--release", "--bin", "counterpoint", "--", "bench", &mb, "--save", &text_arg])
        .current_dir(root))?;
    run(tools
        .command("cargo")
        .args(["test", "--quiet", "-p", "e2e", "--test", "bench", "--", "--ignored", "--nocapture"])
        .env("COUNTERPOINT_BENCH_MB", &mb)
        .env("COUNTERPOINT_BENCH_TEXT", &text)
        .current_dir(root))
}

/// The reader's figures, measured exactly as `shared/perf/README.md` says, on a copy of the built
/// site served with brotli.
fn reader_bench(root: &Path, tools: &Tools) -> Result<(), String> {
    let work = root.join("target/bench-perf");
    let site = work.join("site");
    let _ = std::fs::remove_dir_all(&site);
    dist::copy_dir(&root.join("dist/site"), &site)?;
    let scripts = std::fs::read_dir(root.join("bench/perf"))
        .map_err(|e| format!("bench/perf: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .chain(
            ["takeover.mjs", "memory.mjs", "collection.mjs", "floor.mjs", "gen_collection.py"]
                .map(|f| root.join("bench").join(f)),
        );
    for path in scripts {
        if let Some(name) = path.file_name() {
            std::fs::copy(&path, work.join(name)).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    if !work.join("node_modules/playwright-core").exists() {
        run(tools.command("npm").args(["install", "--no-audit", "--no-fund"]).current_dir(&work))?;
    }
    first_view_sizes(&site)?;
    let node = |args: &[&str]| run(tools.command("node").args(args).current_dir(&work));
    let port = "8230";
    let base = format!("http://127.0.0.1:{port}");
    let serve = || -> Result<std::process::Child, String> {
        let mut child = tools
            .command("node")
            .args(["brserve.mjs", port, "site"])
            .current_dir(&work)
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run node: {e}"))?;
        // It prints once every file is compressed and it listens.
        let mut line = String::new();
        if let Some(out) = child.stdout.take() {
            BufReader::new(out).read_line(&mut line).map_err(|e| e.to_string())?;
        }
        Ok(child)
    };
    let mut server = serve()?;
    let snapped = node(&["snap.mjs", &format!("{base}/"), "site/static.html"]);
    let _ = server.kill();
    let _ = server.wait();
    snapped?;
    for (n, file) in [("1000", "site/q1k.json"), ("10000", "site/q10k.json")] {
        run(tools.command("python3").args(["gen_scale.py", n, file]).current_dir(&work))?;
    }
    run(tools.command("python3").args(["gen_collection.py", "50", "site/c50"]).current_dir(&work))?;
    // Served again, so the snapshot and the articles are compressed before the first request.
    let mut server = serve()?;
    println!(
        "\n== first view under mobile emulation (150 ms RTT, 1.6 Mbps, 4x CPU), the app against its static snapshot"
    );
    let result = node(&[
        "pageperf.mjs",
        "--mobile",
        "--runs",
        "5",
        "--ready",
        "[data-quote-id]",
        &format!("{base}/"),
        &format!("{base}/static.html"),
    ])
    .and_then(|()| {
        println!("\n== the takeover of the pre-rendered page under mobile emulation (bench/takeover.mjs)");
        node(&["takeover.mjs", "--mobile", "--runs", "5", &format!("{base}/")])
    })
    .and_then(|()| {
        println!("\n== the toggle's floor: the same click and two frames on a page that does almost nothing");
        node(&["floor.mjs"])
    })
    .and_then(|()| {
        println!("\n== 1,000 quotes");
        node(&["scale.mjs", &base, "q1k.json"])
    })
    .and_then(|()| {
        println!("\n== 10,000 quotes");
        node(&["scale.mjs", &base, "q10k.json"])
    })
    .and_then(|()| {
        println!("\n== 10,000 quotes: JS heap and wasm linear memory (bench/memory.mjs)");
        node(&["memory.mjs", &base, "q10k.json"])
    })
    .and_then(|()| {
        println!("\n== a collection of 50 outlets × 30 quotes, Coverage view (bench/collection.mjs)");
        node(&["collection.mjs", &base, "c50"])
    });
    let _ = server.kill();
    let _ = server.wait();
    result
}

/// The brotli size of each file the reader's first view loads: the page, what it links, and the
/// wasm its loader fetches. The extraction worker is not among them.
fn first_view_sizes(site: &Path) -> Result<(), String> {
    let index = std::fs::read_to_string(site.join("index.html")).map_err(|e| format!("index.html: {e}"))?;
    let mut files = vec!["index.html".to_owned()];
    for marker in ["href=\"./", "src=\"./"] {
        for piece in index.split(marker).skip(1) {
            let name = piece.split('"').next().unwrap_or_default();
            if !name.is_empty() && !files.iter().any(|f| f == name) {
                files.push(name.to_owned());
            }
        }
    }
    let loaders: Vec<String> = files.iter().filter(|f| f.starts_with("loader-")).cloned().collect();
    for loader in loaders {
        let text = std::fs::read_to_string(site.join(&loader)).unwrap_or_default();
        for marker in ["from './", "module_or_path: './"] {
            if let Some(name) = text.split(marker).nth(1).and_then(|p| p.split('\'').next()) {
                if !files.iter().any(|f| f == name) {
                    files.push(name.to_owned());
                }
            }
        }
    }
    println!("\n== the first view's files (brotli -q 11)");
    let mut total = 0;
    for file in files.iter().filter(|f| !f.ends_with(".json") && site.join(f).is_file()) {
        let output = Command::new("brotli")
            .args(["-c", "-q", "11"])
            .arg(site.join(file))
            .output()
            .map_err(|e| format!("cannot run brotli: {e}"))?;
        total += output.stdout.len();
        println!("{:>9}  {file}", output.stdout.len());
    }
    println!("{total:>9}  in all");
    Ok(())
}

/// Prints the brotli-compressed size of each wasm, JS and CSS file in `dist/site`.
fn size(root: &Path) -> Result<(), String> {
    let site = root.join("dist/site");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&site)
        .map_err(|e| format!("{}: {e}", site.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("wasm" | "js" | "css")))
        .collect();
    files.sort();
    let mut totals = std::collections::BTreeMap::<String, (u64, u64)>::new();
    for file in &files {
        let raw = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        let output = Command::new("brotli")
            .args(["-c", "-q", "11"])
            .arg(file)
            .output()
            .map_err(|e| format!("cannot run brotli: {e}"))?;
        let compressed = output.stdout.len() as u64;
        let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("").to_owned();
        let entry = totals.entry(ext).or_default();
        entry.0 += raw;
        entry.1 += compressed;
    }
    println!("{:<6} {:>10} {:>10}", "kind", "raw", "brotli");
    let mut sum = (0, 0);
    for (ext, (raw, br)) in &totals {
        println!("{ext:<6} {raw:>10} {br:>10}");
        sum = (sum.0 + raw, sum.1 + br);
    }
    println!("{:<6} {:>10} {:>10}", "total", sum.0, sum.1);
    Ok(())
}
