//! A static file server for the built app, used by `cargo xtask serve` and the end-to-end tests.
//!
//! It can mount the site under a sub-path (to prove relative URLs work), send extra headers such as
//! a Content-Security-Policy, and serve extra in-memory routes (host pages for embed tests).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;

/// In-memory routes: path → (content type, body).
type Routes = Arc<Mutex<HashMap<String, (String, Vec<u8>)>>>;

#[derive(Clone, Default)]
pub struct ServerOptions {
    /// Where the site is mounted, such as `/tools/counterpoint/`. Defaults to `/`.
    pub mount: String,
    /// Headers added to every response, such as `("Content-Security-Policy", "...")`.
    pub headers: Vec<(String, String)>,
}

/// A running server; it stops when the process ends.
pub struct Server {
    pub port: u16,
    routes: Routes,
    requests: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Serves `root` on 127.0.0.1 at `port` (0 picks a free one).
    pub fn start(root: &Path, port: u16, options: ServerOptions) -> std::io::Result<Server> {
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        let port = listener.local_addr()?.port();
        let routes: Routes = Arc::default();
        let requests: Arc<Mutex<Vec<String>>> = Arc::default();
        let root = root.to_path_buf();
        let mount = if options.mount.is_empty() { "/".to_owned() } else { options.mount.clone() };
        let (shared_routes, shared_requests) = (routes.clone(), requests.clone());
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, mount, headers) = (root.clone(), mount.clone(), options.headers.clone());
                let (routes, requests) = (shared_routes.clone(), shared_requests.clone());
                thread::spawn(move || {
                    let _ = handle(stream, &root, &mount, &headers, &routes, &requests);
                });
            }
        });
        Ok(Server { port, routes, requests })
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{}", self.port, path)
    }

    /// Serves `body` at exactly `path` (outside or inside the mount).
    pub fn route(&self, path: &str, content_type: &str, body: impl Into<Vec<u8>>) {
        if let Ok(mut routes) = self.routes.lock() {
            routes.insert(path.to_owned(), (content_type.to_owned(), body.into()));
        }
    }

    /// Every request path seen so far.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

fn handle(
    mut stream: TcpStream,
    root: &Path,
    mount: &str,
    headers: &[(String, String)],
    routes: &Mutex<HashMap<String, (String, Vec<u8>)>>,
    requests: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    // Read the whole request before answering, or Chromium may see a connection reset.
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut content_length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                content_length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; content_length.min(1 << 20)];
    reader.read_exact(&mut body)?;

    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if let Ok(mut seen) = requests.lock() {
        seen.push(target.to_owned());
    }
    // `?delay_ms=N` on any request makes it slow, for tests of progress and cancelling.
    let delay = target
        .split_once('?')
        .and_then(|(_, query)| query.split('&').find_map(|pair| pair.strip_prefix("delay_ms=")))
        .and_then(|ms| ms.parse::<u64>().ok());
    if let Some(ms) = delay {
        thread::sleep(std::time::Duration::from_millis(ms.min(30_000)));
    }
    let (status, content_type, bytes) = match route_or_file(path, root, mount, routes) {
        Some((content_type, bytes)) => ("200 OK", content_type, bytes),
        None => ("404 Not Found", "text/plain; charset=utf-8".to_owned(), b"not found".to_vec()),
    };
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        bytes.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&bytes)?;
    }
    stream.flush()
}

fn route_or_file(
    path: &str,
    root: &Path,
    mount: &str,
    routes: &Mutex<HashMap<String, (String, Vec<u8>)>>,
) -> Option<(String, Vec<u8>)> {
    if let Some(found) = routes.lock().ok()?.get(path) {
        return Some(found.clone());
    }
    let relative = path.strip_prefix(mount)?;
    let relative = if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_owned()
    };
    let relative = percent_decode(&relative);
    // Refuse anything that could climb out of the root.
    if relative.split('/').any(|part| part == ".." || part.contains('\\')) {
        return None;
    }
    let file: PathBuf = root.join(relative);
    let bytes = std::fs::read(&file).ok()?;
    Some((content_type(&file).to_owned(), bytes))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
