//! Shared set-up for the end-to-end tests: one chromedriver and one site server per test binary,
//! and a `run` helper that always closes the browser, even when a test fails.

use std::cell::Cell;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock, PoisonError, RwLock, RwLockWriteGuard};
use std::time::{Duration, Instant};

use crate::server::{Server, ServerOptions};
use crate::webdriver::{Result, Session};

/// The project root (two levels above this crate).
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap_or_else(|_| PathBuf::from("../.."))
}

/// The release build made by `cargo xtask test` (Trunk's output).
pub fn site_dir() -> PathBuf {
    project_root().join("dist/site")
}

/// The single offline file made by `cargo xtask dist`.
pub fn single_file() -> PathBuf {
    project_root().join("dist/counterpoint.html")
}

/// Where tests save screenshots for people to look at.
pub fn screenshot_dir() -> PathBuf {
    project_root().join("target/screenshots")
}

struct Driver {
    port: u16,
    child: Mutex<Child>,
}

static DRIVER: OnceLock<std::result::Result<Driver, String>> = OnceLock::new();
static SITE: OnceLock<std::result::Result<Server, String>> = OnceLock::new();
static PROFILES: AtomicUsize = AtomicUsize::new(0);

fn free_port() -> Result<u16> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string())?;
    listener.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

fn driver() -> Result<u16> {
    let driver = DRIVER.get_or_init(|| {
        let port = free_port()?;
        let child = Command::new("/usr/bin/chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                format!("cannot start /usr/bin/chromedriver (run `cargo xtask test`, which installs it): {e}")
            })?;
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if start.elapsed() > Duration::from_secs(20) {
                return Err("chromedriver did not start".to_owned());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        close_at_exit();
        Ok(Driver { port, child: Mutex::new(child) })
    });
    driver.as_ref().map(|d| d.port).map_err(Clone::clone)
}

/// The built site, served at `/` on a free port.
pub fn site() -> Result<&'static Server> {
    let site = SITE.get_or_init(|| {
        let dir = site_dir();
        if !dir.join("index.html").exists() {
            return Err(format!(
                "{} is missing: build first with `cargo xtask test` (or `cargo xtask build`)",
                dir.display()
            ));
        }
        Server::start(&dir, 0, ServerOptions::default()).map_err(|e| e.to_string())
    });
    site.as_ref().map_err(Clone::clone)
}

/// Serves the built site with other options (a sub-path, a CSP header).
pub fn site_with(options: ServerOptions) -> Result<Server> {
    Server::start(&site_dir(), 0, options).map_err(|e| e.to_string())
}

/// Browser tests share the machine; one that measures the page's thread holds it alone.
static MACHINE: RwLock<()> = RwLock::new(());

thread_local! {
    /// Whether this thread's test holds `MACHINE` alone, so its own `run` does not wait for itself.
    static ALONE: Cell<bool> = const { Cell::new(false) };
}

/// Held by a test that times the page's thread (long tasks): no other browser test runs until it
/// is dropped. Take it before `run`.
pub struct Alone {
    _machine: RwLockWriteGuard<'static, ()>,
}

pub fn alone() -> Alone {
    let guard = MACHINE.write().unwrap_or_else(PoisonError::into_inner);
    ALONE.set(true);
    Alone { _machine: guard }
}

impl Drop for Alone {
    fn drop(&mut self) {
        ALONE.set(false);
    }
}

/// A browser kept after a test for the next one, with the profile folder it owns.
struct Kept {
    session: Session,
    profile: PathBuf,
    phone: bool,
}

/// Browsers waiting for their next test. Starting a Chromium for every test was half of the
/// browser tests' time (682 s of 103 tests' time, against 362 s with browsers kept).
static KEPT: Mutex<Vec<Kept>> = Mutex::new(Vec::new());

fn take_kept(phone: bool) -> Option<Kept> {
    let mut kept = KEPT.lock().unwrap_or_else(PoisonError::into_inner);
    let at = kept.iter().rposition(|k| k.phone == phone)?;
    Some(kept.swap_remove(at))
}

fn start_browser(args: &[&str], phone: bool) -> Result<Kept> {
    let port = driver()?;
    let n = PROFILES.fetch_add(1, Ordering::SeqCst);
    let profile = std::env::temp_dir().join(format!("counterpoint-e2e-{}-{n}", std::process::id()));
    let session = Session::start(port, &profile.to_string_lossy(), args, phone)?;
    Ok(Kept { session, profile, phone })
}

fn close(kept: Kept) -> Result<()> {
    let closed = kept.session.close();
    let _ = std::fs::remove_dir_all(&kept.profile);
    closed
}

/// Closes the kept browsers and stops chromedriver when the test binary exits (the test harness
/// has no hook after the last test, but it leaves through `exit`, which runs `atexit` handlers).
fn close_at_exit() {
    extern "C" fn at_exit() {
        let kept = std::mem::take(&mut *KEPT.lock().unwrap_or_else(PoisonError::into_inner));
        for k in kept {
            let _ = close(k);
        }
        if let Some(Ok(driver)) = DRIVER.get() {
            let mut child = driver.child.lock().unwrap_or_else(PoisonError::into_inner);
            let _ = child.kill();
            let _ = child.wait();
        }
    }
    extern "C" {
        fn atexit(f: extern "C" fn()) -> std::os::raw::c_int;
    }
    static REGISTERED: std::sync::Once = std::sync::Once::new();
    // SAFETY: `at_exit` is a plain function that lives as long as the program.
    REGISTERED.call_once(|| unsafe {
        atexit(at_exit);
    });
}

/// Runs `test` in a clean browser. Without extra Chromium flags, a browser whose test passed
/// and changed nothing a new tab does not undo is kept, and the next test gets it with a new tab
/// and nothing stored; otherwise it is closed. Extra Chromium flags may be given, and `phone`
/// emulates a 375 px wide phone.
pub fn run_with(args: &[&str], phone: bool, test: impl FnOnce(&Session) -> Result<()>) {
    let _shared = (!ALONE.get()).then(|| MACHINE.read().unwrap_or_else(PoisonError::into_inner));
    let started = Instant::now();
    let servers_before = crate::server::origins_started();
    let mut new_browser = false;
    let outcome = (|| {
        let reuse = args.is_empty();
        let browser = match reuse.then(|| take_kept(phone)).flatten() {
            Some(kept) => kept,
            None => {
                new_browser = true;
                start_browser(args, phone)?
            }
        };
        let result = test(&browser.session);
        if result.is_ok()
            && reuse
            && browser.session.reusable()
            && ready_for_next(&browser.session, servers_before).is_ok()
        {
            KEPT.lock().unwrap_or_else(PoisonError::into_inner).push(browser);
            return result;
        }
        result.and(close(browser))
    })();
    record_time(started.elapsed(), new_browser);
    if let Err(err) = outcome {
        panic!("{err}");
    }
}

/// Readies a browser for the next test: a new tab, with nothing stored under the shared site nor
/// under any server started since `servers_before` (`Session::new_tab`).
fn ready_for_next(session: &Session, servers_before: usize) -> Result<()> {
    let mut origins = crate::server::origins_since(servers_before);
    if let Some(Ok(site)) = SITE.get() {
        origins.push(site.url(""));
    }
    session.new_tab(&origins)
}

/// Runs `first`, readies its browser as for the next test, then runs `second` in the same
/// browser: how a test shows that a kept browser brings nothing of one test to the next.
pub fn run_one_after_another(first: impl FnOnce(&Session) -> Result<()>, second: impl FnOnce(&Session) -> Result<()>) {
    let servers_before = crate::server::origins_started();
    run(|s| {
        first(s)?;
        ensure(s.reusable(), "the first part changed what a new tab does not undo")?;
        ready_for_next(s, servers_before)?;
        second(s)
    });
}

/// Adds the test's time, whether it started a browser, and its name (its thread's) to the file
/// `E2E_TIMES` names, when it names one: `cargo xtask test` prints the slowest from it.
fn record_time(time: Duration, new_browser: bool) {
    use std::io::Write;
    let Some(path) = std::env::var_os("E2E_TIMES") else { return };
    let name = std::thread::current().name().unwrap_or("unnamed").to_owned();
    if let Ok(mut file) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
        let how = if new_browser { "new" } else { "kept" };
        let _ = writeln!(file, "{:.1} {how} {name}", time.as_secs_f64());
    }
}

pub fn run(test: impl FnOnce(&Session) -> Result<()>) {
    run_with(&[], false, test)
}

pub fn run_phone(test: impl FnOnce(&Session) -> Result<()>) {
    run_with(&[], true, test)
}

/// The seed article as published, read independently of the app.
pub fn seed_article() -> Result<serde_json::Value> {
    let path = project_root().join("public/articles/russia-us-syria-2016.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

/// Fails with `message` unless `condition` holds.
pub fn ensure(condition: bool, message: impl Into<String>) -> Result<()> {
    if condition {
        Ok(())
    } else {
        Err(message.into())
    }
}

pub const WAIT: Duration = Duration::from_secs(15);

/// Opens the app at `path` (such as `/#view=read`) and waits until it has rendered.
pub fn open(session: &Session, path: &str) -> Result<()> {
    session.goto(&site()?.url(path))?;
    session.wait_for("the app to render", "return document.querySelector('.app main') !== null", WAIT)?;
    if path.contains("view=author") {
        wait_author(session)?;
    }
    Ok(())
}

/// Waits for the authoring view, whose module the app loads when the view is first opened.
pub fn wait_author(session: &Session) -> Result<()> {
    session
        .wait_for("the authoring view", "return document.querySelector('section.author #author-text') !== null", WAIT)
        .map(drop)
}

/// Pastes `text` on the page, as Ctrl+V anywhere outside a text field does.
pub fn paste_text(session: &Session, text: &str) -> Result<()> {
    session.js(
        r#"const dt = new DataTransfer(); dt.setData('text/plain', arguments[0]);
           document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));"#,
        vec![serde_json::Value::from(text)],
    )?;
    Ok(())
}

/// Drops `files` (name, text) on the page at once, as from a file manager.
pub fn drop_files(session: &Session, files: &[(&str, String)]) -> Result<()> {
    let files: Vec<serde_json::Value> = files.iter().map(|(name, text)| serde_json::json!([name, text])).collect();
    session.js(
        r#"const dt = new DataTransfer();
           for (const [name, text] of arguments[0]) dt.items.add(new File([text], name, { type: 'application/json' }));
           document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));"#,
        vec![serde_json::Value::from(files)],
    )?;
    Ok(())
}

/// Puts `text` in the authoring view's text box as a paste does (an `input` event); extraction
/// follows.
pub fn set_author_text(session: &Session, text: &str) -> Result<()> {
    session.js(
        "const t = document.querySelector('#author-text'); t.value = arguments[0];
         t.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![serde_json::Value::from(text)],
    )?;
    Ok(())
}

/// The body of `GET url` as the server sends it, with no browser and so no script: what a
/// crawler, an archive or a reader without JavaScript receives.
pub fn http_get(url: &str) -> Result<String> {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").ok_or(format!("not an http URL: {url}"))?;
    let (host, path) = rest.split_once('/').map_or((rest, "/".to_owned()), |(h, p)| (h, format!("/{p}")));
    let mut stream = std::net::TcpStream::connect(host).map_err(|e| format!("{url}: {e}"))?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").map_err(|e| e.to_string())?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).map_err(|e| format!("{url}: {e}"))?;
    let response = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = response.split_once("\r\n\r\n").ok_or(format!("{url}: no HTTP response"))?;
    ensure(head.starts_with("HTTP/1.1 200"), format!("{url}: {}", head.lines().next().unwrap_or_default()))?;
    Ok(body.to_owned())
}

/// Undoes the HTML escaping of text (`&amp;` and friends), to compare a page's text with its data.
pub fn unescape_html(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// A page script that records every long task (over 50 ms) of the page with its start and end
/// (`window.__long`), and the moments the authoring view's status turns to `extracting` and back
/// to `idle` (`window.__states`). The worker test and the extraction benchmark share it.
pub const EXTRACTION_WATCH: &str = "
    window.__long = [];
    new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__long.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'longtask' });
    window.__states = [];
    new MutationObserver(() => {
        const st = document.querySelector('.author-status');
        const state = st && st.dataset.state;
        const last = window.__states[window.__states.length - 1];
        if (state && (!last || last.state !== state)) window.__states.push({ state, at: performance.now() });
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'], childList: true });
";
