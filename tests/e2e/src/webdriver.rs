//! A minimal W3C WebDriver client over plain HTTP/1.1, enough to drive chromedriver.

use std::cell::Cell;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use serde_json::{json, Value};

pub type Result<T> = std::result::Result<T, String>;

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// One browser session. Call [`Session::close`] when done; tests return errors instead of
/// panicking so that the browser is always closed.
pub struct Session {
    port: u16,
    id: String,
    /// Set by what may outlive the tab (the window's size, a `file://` page's storage): such a
    /// browser is closed after its test, never kept for the next. DevTools overrides (media,
    /// device metrics, network conditions, scripts added to new documents) belong to the tab.
    changed: Cell<bool>,
    /// The page's width when the browser started, checked again before the browser is reused.
    width: u64,
}

#[derive(Clone, Debug)]
pub struct Element(pub String);

fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| format!("connect to chromedriver: {e}"))?;
    stream.set_read_timeout(Some(Duration::from_secs(120))).map_err(|e| e.to_string())?;
    let payload = body.map(Value::to_string).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{payload}",
        payload.len()
    );
    stream.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
    // chromedriver may keep the connection open, so read exactly the body it announces.
    let mut reader = BufReader::new(stream);
    let mut content_length = None;
    let mut chunked = false;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).map_err(|e| format!("{method} {path}: {e}"))? == 0 || line.trim().is_empty() {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if let Some(len) = lower.strip_prefix("content-length:") {
            content_length = len.trim().parse::<usize>().ok();
        }
        chunked |= lower.starts_with("transfer-encoding:") && lower.contains("chunked");
    }
    let mut raw = Vec::new();
    match content_length {
        Some(len) => {
            raw.resize(len, 0);
            reader.read_exact(&mut raw).map_err(|e| format!("{method} {path}: {e}"))?;
        }
        None => {
            reader.read_to_end(&mut raw).map_err(|e| format!("{method} {path}: {e}"))?;
        }
    }
    let text = String::from_utf8_lossy(&raw);
    let body = if chunked { dechunk(&text) } else { text.into_owned() };
    let value: Value = serde_json::from_str(&body).map_err(|e| format!("{method} {path}: bad JSON ({e}): {body}"))?;
    if let Some(error) = value["value"].get("error") {
        return Err(format!("{method} {path}: {error}: {}", value["value"]["message"].as_str().unwrap_or("")));
    }
    Ok(value["value"].clone())
}

fn dechunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, tail)) = rest.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else { break };
        if size == 0 || tail.len() < size {
            break;
        }
        out.push_str(&tail[..size]);
        rest = tail[size..].trim_start_matches("\r\n");
    }
    out
}

impl Session {
    /// Starts headless Chromium with the flags these machines need and a fresh profile.
    /// With `phone`, Chromium emulates a 375 × 812 phone screen.
    pub fn start(driver_port: u16, profile: &str, extra_args: &[&str], phone: bool) -> Result<Session> {
        let mut args = vec![
            "--headless".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            format!("--user-data-dir={profile}"),
            "--window-size=1280,900".to_owned(),
        ];
        args.extend(extra_args.iter().map(|a| a.to_string()));
        let mut chrome = json!({ "binary": "/usr/bin/chromium", "args": args });
        if phone {
            chrome["mobileEmulation"] =
                json!({ "deviceMetrics": { "width": 375, "height": 812, "pixelRatio": 2.0, "touch": true } });
        }
        let caps = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": chrome,
                    "goog:loggingPrefs": { "performance": "ALL", "browser": "ALL" }
                }
            }
        });
        let value = http(driver_port, "POST", "/session", Some(&caps))?;
        let id = value["sessionId"].as_str().ok_or("no session id")?.to_owned();
        let mut session = Session { port: driver_port, id, changed: Cell::new(false), width: 0 };
        session.width = session.js("return innerWidth", vec![])?.as_u64().unwrap_or(0);
        Ok(session)
    }

    /// Whether the test changed nothing that a new tab does not undo.
    pub fn reusable(&self) -> bool {
        !self.changed.get()
    }

    /// Readies the browser for another test: a new tab in place of the old ones (no history, no
    /// session storage, no DevTools overrides), nothing stored under `origins` nor in the HTTP
    /// cache, and both logs emptied. Fails if the new tab is not as a new browser's would be.
    pub fn new_tab(&self, origins: &[String]) -> Result<()> {
        let tab = self.call("POST", "/window/new", Some(json!({ "type": "tab" })))?;
        let handle = tab["handle"].as_str().ok_or("no window handle")?.to_owned();
        // Every other tab goes: the test's own, and any it opened (a link with a `_blank` target).
        let handles = self.call("GET", "/window/handles", None)?;
        for old in handles.as_array().into_iter().flatten().filter(|h| h.as_str() != Some(&handle)) {
            self.call("POST", "/window", Some(json!({ "handle": old })))?;
            self.call("DELETE", "/window", None)?;
        }
        self.call("POST", "/window", Some(json!({ "handle": handle })))?;
        // A tab opened by script is not the focused one until brought to the front, and focus
        // rings (`:focus-visible`) only show in a focused page.
        self.cdp("Page.bringToFront", json!({}))?;
        self.cdp("Network.clearBrowserCache", json!({}))?;
        self.cdp("Network.clearBrowserCookies", json!({}))?;
        for origin in origins {
            self.cdp("Storage.clearDataForOrigin", json!({ "origin": origin, "storageTypes": "all" }))?;
        }
        self.log("performance")?;
        self.log("browser")?;
        let seen = self.js(
            "const m = (q) => matchMedia(q).matches;
             return [innerWidth, document.hasFocus(), m('screen') && !m('(prefers-color-scheme: dark)')
                 && !m('(forced-colors: active)') && !m('(prefers-reduced-motion: reduce)')]",
            vec![],
        )?;
        let width = seen[0].as_u64().unwrap_or(0);
        if width != self.width {
            return Err(format!("the new tab is {width} px wide, not {} px", self.width));
        }
        if seen[1] != json!(true) {
            return Err("the new tab does not have the focus".to_owned());
        }
        if seen[2] != json!(true) {
            return Err("the new tab still emulates other media".to_owned());
        }
        Ok(())
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        let path = format!("/session/{}{path}", self.id);
        http(
            self.port,
            method,
            &path,
            Some(&body.unwrap_or_else(|| json!({}))).filter(|_| method != "GET" && method != "DELETE"),
        )
    }

    /// Opens `url` and returns once it has loaded, whatever its scripts are doing.
    pub fn goto_raw(&self, url: &str) -> Result<()> {
        if url.starts_with("file:") {
            self.changed.set(true);
        }
        self.call("POST", "/url", Some(json!({ "url": url }))).map(drop)
    }

    /// Opens `url` and, on a Counterpoint page, waits until the app has taken over the
    /// pre-rendered copy, so tests act on the live app.
    pub fn goto(&self, url: &str) -> Result<()> {
        self.goto_raw(url)?;
        self.wait_for(
            "the app to take over the pre-rendered page",
            "return document.querySelector('.app[data-prerendered]') === null",
            std::time::Duration::from_secs(20),
        )
        .map(drop)
    }

    /// How many tabs (top-level browsing contexts) the browser has open.
    pub fn window_handles(&self) -> Result<usize> {
        Ok(self.call("GET", "/window/handles", None)?.as_array().map_or(0, Vec::len))
    }

    pub fn current_url(&self) -> Result<String> {
        Ok(self.call("GET", "/url", None)?.as_str().unwrap_or_default().to_owned())
    }

    pub fn back(&self) -> Result<()> {
        self.call("POST", "/back", None).map(drop)
    }

    /// Runs `script` as a function body with `arguments`; its return value comes back as JSON.
    pub fn js(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.call("POST", "/execute/sync", Some(json!({ "script": script, "args": args })))
    }

    /// Runs an async script; it must call `arguments[arguments.length - 1](result)`.
    pub fn js_async(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.call("POST", "/execute/async", Some(json!({ "script": script, "args": args })))
    }

    pub fn find(&self, css: &str) -> Result<Element> {
        let value = self.call("POST", "/element", Some(json!({ "using": "css selector", "value": css })))?;
        Ok(Element(value[ELEMENT_KEY].as_str().ok_or("no element id")?.to_owned()))
    }

    pub fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let value = self.call("POST", "/elements", Some(json!({ "using": "css selector", "value": css })))?;
        Ok(value
            .as_array()
            .map(|a| a.iter().filter_map(|e| e[ELEMENT_KEY].as_str().map(|s| Element(s.to_owned()))).collect())
            .unwrap_or_default())
    }

    /// A real click: WebDriver scrolls the element into view and clicks its centre.
    pub fn click(&self, element: &Element) -> Result<()> {
        self.call("POST", &format!("/element/{}/click", element.0), None).map(drop)
    }

    pub fn send_keys(&self, element: &Element, text: &str) -> Result<()> {
        self.call("POST", &format!("/element/{}/value", element.0), Some(json!({ "text": text }))).map(drop)
    }

    /// Presses keys on whatever has focus (`\u{E004}` is Tab, `\u{E007}` is Enter).
    pub fn press_keys(&self, keys: &str) -> Result<()> {
        let mut actions = Vec::new();
        for key in keys.chars() {
            actions.push(json!({ "type": "keyDown", "value": key.to_string() }));
            actions.push(json!({ "type": "keyUp", "value": key.to_string() }));
        }
        let body = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] });
        self.call("POST", "/actions", Some(body)).map(drop)
    }

    /// Runs the next commands inside the frame `element`.
    pub fn switch_to_frame(&self, element: &Element) -> Result<()> {
        self.call("POST", "/frame", Some(json!({ "id": { ELEMENT_KEY: element.0 } }))).map(drop)
    }

    /// Runs the next commands in the top-level page again.
    pub fn switch_to_top(&self) -> Result<()> {
        self.call("POST", "/frame", Some(json!({ "id": null }))).map(drop)
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver.
    pub fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        self.call("POST", "/goog/cdp/execute", Some(json!({ "cmd": cmd, "params": params })))
    }

    /// Emulates CSS media features, such as `("prefers-color-scheme", "dark")`, until the next call.
    pub fn emulate_media(&self, features: &[(&str, &str)]) -> Result<()> {
        let features: Vec<Value> =
            features.iter().map(|(name, value)| json!({ "name": name, "value": value })).collect();
        self.cdp("Emulation.setEmulatedMedia", json!({ "features": features })).map(drop)
    }

    pub fn set_window_size(&self, width: u32, height: u32) -> Result<()> {
        self.changed.set(true);
        self.call("POST", "/window/rect", Some(json!({ "width": width, "height": height }))).map(drop)
    }

    pub fn screenshot(&self, path: &std::path::Path) -> Result<()> {
        let data = self.call("GET", "/screenshot", None)?;
        let bytes = BASE64.decode(data.as_str().unwrap_or_default()).map_err(|e| format!("screenshot: {e}"))?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        std::fs::write(path, bytes).map_err(|e| e.to_string())
    }

    /// The browser's own log of one kind (`performance` for network events, `browser` for console).
    pub fn log(&self, kind: &str) -> Result<Vec<Value>> {
        Ok(self.call("POST", "/se/log", Some(json!({ "type": kind })))?.as_array().cloned().unwrap_or_default())
    }

    /// Polls `script` until it returns something truthy, or fails with `what` after `timeout`.
    pub fn wait_for(&self, what: &str, script: &str, timeout: Duration) -> Result<Value> {
        let start = Instant::now();
        loop {
            let value = self.js(script, vec![])?;
            let truthy = !matches!(value, Value::Null | Value::Bool(false)) && value != json!(0) && value != json!("");
            if truthy {
                return Ok(value);
            }
            if start.elapsed() > timeout {
                return Err(format!("timed out waiting for {what}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn close(self) -> Result<()> {
        http(self.port, "DELETE", &format!("/session/{}", self.id), None).map(drop)
    }
}
