//! Installs the pinned tools when they are missing, and runs commands with them first on PATH.
//!
//! | tool | pinned | installed into |
//! |---|---|---|
//! | wasm32 target | from rust-toolchain.toml | rustup |
//! | Trunk | 0.21.14 (newer needs rustc 1.96) | `$TOOLS/trunk-0.21.14` by `cargo install` |
//! | wasm-bindgen-cli | equal to Cargo.lock's wasm-bindgen | `$TOOLS/wasm-bindgen-<v>` by `cargo install` |
//! | wasm-opt | npm binaryen 132 (Debian's 108 breaks the output) | `$TOOLS/binaryen-132` by `npm` |
//! | brotli | Debian's | `apt-get` |
//! | chromium, chromedriver | Debian's, only for the commands that drive a browser (test, bench, setup) | `apt-get` |
//!
//! Trunk and wasm-bindgen-cli are build tools: they are compiled without LTO, with 16 codegen units,
//! in one target folder (`quick_install`). Trunk is compiled at opt-level 0 and without its default
//! features (its update check and a TLS stack for downloads it cannot make here): it only runs
//! cargo, wasm-bindgen and wasm-opt and copies files, so a build takes as long with it as with one
//! at opt-level 1, and it installs with about 35% less CPU (358 s against 546 s). wasm-bindgen
//! stays at opt-level 1: at 0, its test runner added 20 s to every run of the wasm tests.
//!
//! `$TOOLS` is `$COUNTERPOINT_TOOLS`, or `~/.cache/counterpoint-tools`. A second run finds
//! everything and costs a few version checks.
//!
//! The schema test (`tests/schema`) has its own validators, installed by [`ensure_schema_validators`]
//! only for `cargo xtask test`:
//!
//! | validator | pinned in | installed into |
//! |---|---|---|
//! | Python's jsonschema 4.26.0 | `tests/schema/requirements.txt` | a venv in `target/schema-validators/venv` by `pip` |
//! | ajv 8.20.0 | `tests/schema/package.json` and its lock | `target/schema-validators/node` by `npm ci` |
//! | python3-venv, npm | Debian's, only when missing | `apt-get` |

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run;

const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_VERSION: &str = "132.0.0";
const DEBIAN_PACKAGES: &[(&str, &str)] =
    &[("/usr/bin/chromium", "chromium"), ("/usr/bin/chromedriver", "chromium-driver"), ("/usr/bin/brotli", "brotli")];

pub struct Tools {
    path: OsString,
}

/// What a command needs installed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Building the app: the wasm target, Trunk, wasm-bindgen-cli, wasm-opt and brotli.
    Build,
    /// Building it and driving it in a browser: Chromium and chromedriver as well.
    Browser,
}

/// `cargo install` for a build tool: no LTO, parallel code generation and a lower opt-level make
/// the install several times quicker on two cores, and a tool that runs for seconds loses little.
/// The two installs share one target folder.
fn quick_install(dir: &Path, opt_level: &str) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", opt_level)
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
        .env("CARGO_PROFILE_RELEASE_INCREMENTAL", "false")
        .env("CARGO_TARGET_DIR", dir.join("build"))
        .current_dir(dir);
    cmd
}

impl Tools {
    /// Installs whatever `need` lacks and returns a handle whose commands see the tools first on PATH.
    pub fn ensure(root: &Path, need: Need) -> Result<Tools, String> {
        let dir = tools_dir();
        let wasm_bindgen = wasm_bindgen_version(root)?;
        let trunk_dir = dir.join(format!("trunk-{TRUNK_VERSION}"));
        let bindgen_dir = dir.join(format!("wasm-bindgen-{wasm_bindgen}"));
        let binaryen_dir = dir.join("binaryen-132");
        let mut paths = vec![trunk_dir.join("bin"), bindgen_dir.join("bin"), binaryen_dir.join("node_modules/.bin")];
        paths.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
        let tools = Tools { path: std::env::join_paths(paths).map_err(|e| e.to_string())? };

        ensure_wasm_target()?;
        if !version_starts(&trunk_dir.join("bin/trunk"), &format!("trunk {TRUNK_VERSION}")) {
            eprintln!("xtask: installing Trunk {TRUNK_VERSION} (a few minutes, once)");
            run(quick_install(&dir, "0")
                .args(["install", &format!("trunk@{TRUNK_VERSION}"), "--locked", "--no-default-features", "--root"])
                .arg(&trunk_dir))?;
        }
        if !version_starts(&bindgen_dir.join("bin/wasm-bindgen"), &format!("wasm-bindgen {wasm_bindgen}")) {
            eprintln!("xtask: installing wasm-bindgen-cli {wasm_bindgen} (about 2 minutes, once)");
            // Not `--locked`: its locked webpki-roots is missing from the registry mirror here.
            run(quick_install(&dir, "1")
                .args(["install", "wasm-bindgen-cli", "--version", &format!("={wasm_bindgen}"), "--root"])
                .arg(&bindgen_dir))?;
        }
        if !version_starts(&binaryen_dir.join("node_modules/.bin/wasm-opt"), "wasm-opt version 132") {
            eprintln!("xtask: installing wasm-opt from npm binaryen {BINARYEN_VERSION}");
            if which("npm").is_none() {
                apt_install(&["npm"])?;
            }
            run(Command::new("npm")
                .args(["install", "--no-audit", "--no-fund", "--prefix"])
                .arg(&binaryen_dir)
                .arg(format!("binaryen@{BINARYEN_VERSION}")))?;
        }
        let missing: Vec<&str> = DEBIAN_PACKAGES
            .iter()
            .filter(|&&(path, _)| need == Need::Browser || path == "/usr/bin/brotli")
            .filter(|(path, _)| !Path::new(path).exists())
            .map(|&(_, package)| package)
            .collect();
        if !missing.is_empty() {
            apt_install(&missing)?;
        }
        Ok(tools)
    }

    /// A command that finds the pinned tools first on PATH.
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("PATH", &self.path);
        cmd
    }
}

/// Where the schema test finds its Python and its node modules.
pub struct SchemaValidators {
    /// The venv's Python, with jsonschema.
    pub python: PathBuf,
    /// The folder whose `node_modules` holds ajv.
    pub node_dir: PathBuf,
}

/// Installs Python's jsonschema and ajv, pinned, under `target/schema-validators/`. Each is
/// installed again only when its pins differ from those it was installed from.
pub fn ensure_schema_validators(root: &Path) -> Result<SchemaValidators, String> {
    let pins = root.join("tests/schema");
    let dir = root.join("target/schema-validators");
    let read = |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));

    let venv = dir.join("venv");
    let python = venv.join("bin/python");
    let requirements = read(&pins.join("requirements.txt"))?;
    // The requirements it was installed from, written last, so a broken install is redone.
    let stamp = venv.join("counterpoint-requirements.txt");
    if !python.exists() || std::fs::read_to_string(&stamp).ok().as_ref() != Some(&requirements) {
        eprintln!("xtask: installing Python's jsonschema into {}", venv.display());
        run(Command::new(python_with_venv()?).args(["-m", "venv", "--clear"]).arg(&venv))?;
        run(Command::new(&python)
            .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r"])
            .arg(pins.join("requirements.txt")))?;
        std::fs::write(&stamp, &requirements).map_err(|e| format!("{}: {e}", stamp.display()))?;
    }

    let node_dir = dir.join("node");
    ensure_npm_packages(&pins, &node_dir, "ajv")?;
    Ok(SchemaValidators { python, node_dir })
}

/// Installs the npm packages that `pins/package-lock.json` pins into `dir/node_modules`, again
/// only when the lock file differs from the one they were installed from; `npm` itself comes from
/// Debian when missing. `package` names one of them, whose folder shows the install happened.
pub fn ensure_npm_packages(pins: &Path, dir: &Path, package: &str) -> Result<(), String> {
    let lock_path = pins.join("package-lock.json");
    let lock = std::fs::read_to_string(&lock_path).map_err(|e| format!("{}: {e}", lock_path.display()))?;
    let installed_lock = std::fs::read_to_string(dir.join("package-lock.json")).ok();
    if dir.join("node_modules").join(package).exists() && installed_lock.as_ref() == Some(&lock) {
        return Ok(());
    }
    eprintln!("xtask: installing {package} into {}", dir.display());
    if which("npm").is_none() {
        apt_install(&["npm"])?;
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for file in ["package.json", "package-lock.json"] {
        std::fs::copy(pins.join(file), dir.join(file)).map_err(|e| format!("{file}: {e}"))?;
    }
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(dir))
}

/// A Python that can make a venv: `python3` on PATH, else Debian's, with `python3-venv` installed
/// when missing.
fn python_with_venv() -> Result<PathBuf, String> {
    let can_make_venv = |python: &str| {
        Command::new(python).args(["-c", "import ensurepip, venv"]).output().is_ok_and(|o| o.status.success())
    };
    if let Some(python) = ["python3", "/usr/bin/python3"].into_iter().find(|p| can_make_venv(p)) {
        return Ok(PathBuf::from(python));
    }
    apt_install(&["python3-venv"])?;
    if can_make_venv("/usr/bin/python3") {
        Ok(PathBuf::from("/usr/bin/python3"))
    } else {
        Err("python3-venv is installed, but /usr/bin/python3 still cannot make a venv".to_owned())
    }
}

fn tools_dir() -> PathBuf {
    let dir = std::env::var_os("COUNTERPOINT_TOOLS").map(PathBuf::from).unwrap_or_else(|| {
        let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("/tmp"), PathBuf::from);
        home.join(".cache/counterpoint-tools")
    });
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// The wasm-bindgen version in Cargo.lock; the CLI must equal it exactly.
fn wasm_bindgen_version(root: &Path) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            let version = lines.next().and_then(|l| l.strip_prefix("version = \"")).and_then(|v| v.strip_suffix('"'));
            return version.map(str::to_owned).ok_or_else(|| "Cargo.lock: no wasm-bindgen version".to_owned());
        }
    }
    Err("Cargo.lock does not list wasm-bindgen".to_owned())
}

fn version_starts(binary: &Path, expected: &str) -> bool {
    Command::new(binary)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success() && String::from_utf8_lossy(&o.stdout).trim().starts_with(expected))
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("wasm32-unknown-unknown"))
        .unwrap_or(false);
    if installed {
        return Ok(());
    }
    eprintln!("xtask: adding the wasm32-unknown-unknown target");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?).map(|d| d.join(program)).find(|p| p.is_file())
}

fn apt_install(packages: &[&str]) -> Result<(), String> {
    eprintln!("xtask: installing Debian packages: {}", packages.join(" "));
    // apt needs root; use sudo when we are not root and it exists.
    let is_root = Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let apt = |args: &[&str]| {
        let mut cmd = if is_root || which("sudo").is_none() {
            Command::new("apt-get")
        } else {
            let mut c = Command::new("sudo");
            c.arg("apt-get");
            c
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    run(&mut apt(&["update", "-q"]))?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend_from_slice(packages);
    run(&mut apt(&args))
}
