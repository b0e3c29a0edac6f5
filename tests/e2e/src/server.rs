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

use percent_encoding::percent_decode_str;

/// In-memory routes: path → (content type, body).
type Routes = Arc<Mutex<HashMap<String, (String, Vec<u8>)>>>;

#[derive(Clone, Default)]
pub struct ServerOptions {
    /// Where the site is mounted, such as `/tools/counterpoint/`. Defaults to `/`.
    pub mount: String,
    /// Headers added to every response, such as `("Content-Security-Policy", "...")`.
    pub headers: Vec<(String, String)>,
    /// Requests whose path contains the text wait this many milliseconds before the answer, such
    /// as `("counterpoint-collections", 3000)` for a slow worker.
    pub slow: Vec<(String, u64)>,
}

/// The origin of every server started in this process, in order: a browser kept for the next
/// test clears what the last one stored under them (`harness::run_with`).
static ORIGINS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// How many servers have started so far; `origins_since(n)` lists the ones after the first `n`.
pub fn origins_started() -> usize {
    ORIGINS.lock().map(|o| o.len()).unwrap_or(0)
}

/// The origins of the servers started after the first `n`.
pub fn origins_since(n: usize) -> Vec<String> {
    ORIGINS.lock().map(|o| o.get(n..).unwrap_or_default().to_vec()).unwrap_or_default()
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
        if let Ok(mut origins) = ORIGINS.lock() {
            origins.push(format!("http://127.0.0.1:{port}"));
        }
        let routes: Routes = Arc::default();
        let requests: Arc<Mutex<Vec<String>>> = Arc::default();
        let root = root.to_path_buf();
        let mount = if options.mount.is_empty() { "/".to_owned() } else { options.mount.clone() };
        let (shared_routes, shared_requests) = (routes.clone(), requests.clone());
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, mount, headers) = (root.clone(), mount.clone(), options.headers.clone());
                let slow = options.slow.clone();
                let (routes, requests) = (shared_routes.clone(), shared_requests.clone());
                thread::spawn(move || {
                    let _ = handle(stream, &root, &mount, &headers, &slow, &routes, &requests);
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

    /// Stops serving the in-memory route at `path`: the file under the root answers again.
    pub fn unroute(&self, path: &str) {
        if let Ok(mut routes) = self.routes.lock() {
            routes.remove(path);
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
    slow: &[(String, u64)],
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
        .and_then(|ms| ms.parse::<u64>().ok())
        .or_else(|| slow.iter().find(|(part, _)| path.contains(part.as_str())).map(|(_, ms)| *ms));
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
    let relative = file_path(path.strip_prefix(mount)?)?;
    let file: PathBuf = root.join(relative);
    let bytes = std::fs::read(&file).ok()?;
    Some((content_type(&file).to_owned(), bytes))
}

/// The file that a request path below the mount names, relative to the root: `index.html` for a
/// folder, and percent-decoded (`%20` is a space, `%2F` a slash, `caf%C3%A9` is `café`; a `%`
/// not followed by two hex digits stays as written). `None` for a path that could leave the root
/// (a `..` part, a backslash or a leading slash, escaped or not) or that is not UTF-8 once decoded.
fn file_path(relative: &str) -> Option<String> {
    let relative = if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_owned()
    };
    let decoded = percent_decode_str(&relative).decode_utf8().ok()?;
    if decoded.starts_with('/') || decoded.split('/').any(|part| part == ".." || part.contains('\\')) {
        return None;
    }
    Some(decoded.into_owned())
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

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};

    use super::{Server, ServerOptions};

    /// Sends one request and returns the response's head (lower-cased) and body.
    fn request(server: &Server, method: &str, target: &str) -> (String, String) {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        write!(stream, "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let (head, body) = response.split_once("\r\n\r\n").unwrap();
        (head.to_ascii_lowercase(), body.to_owned())
    }

    #[test]
    fn serves_the_mount_routes_and_headers() {
        let root = std::env::temp_dir().join(format!("e2e-server-{}", std::process::id()));
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("a b.json"), "{\"ok\":true}").unwrap();
        std::fs::write(root.join("sub/index.html"), "<p>sub</p>").unwrap();
        let csp = ("Content-Security-Policy".to_owned(), "default-src 'self'".to_owned());
        let options = ServerOptions { mount: "/tools/".to_owned(), headers: vec![csp], ..Default::default() };
        let server = Server::start(&root, 0, options).unwrap();
        server.route("/host.html", "text/html; charset=utf-8", "<p>host</p>");

        let (head, body) = request(&server, "GET", "/tools/a%20b.json?x=1");
        assert!(head.starts_with("http/1.1 200"), "{head}");
        assert!(head.contains("content-type: application/json; charset=utf-8"), "{head}");
        assert!(head.contains("content-security-policy: default-src 'self'"), "{head}");
        assert!(head.contains("cache-control: no-store"), "{head}");
        assert_eq!(body, "{\"ok\":true}");
        assert_eq!(request(&server, "GET", "/tools/sub/").1, "<p>sub</p>");
        assert_eq!(request(&server, "GET", "/host.html").1, "<p>host</p>");
        // HEAD announces the length and sends no body.
        let (head, body) = request(&server, "HEAD", "/tools/sub/index.html");
        assert!(head.starts_with("http/1.1 200") && head.contains("content-length: 10"), "{head}");
        assert_eq!(body, "");
        // Outside the mount, and out of the root, there is nothing.
        for target in ["/a%20b.json", "/tools/../Cargo.toml", "/tools/%2Fetc%2Fpasswd"] {
            let (head, body) = request(&server, "GET", target);
            assert!(head.starts_with("http/1.1 404"), "{target}: {head}");
            assert_eq!(body, "not found");
        }
        assert_eq!(server.requests()[..3], ["/tools/a%20b.json?x=1", "/tools/sub/", "/host.html"]);
        let _ = std::fs::remove_dir_all(&root);
    }

    /// One case: the path after the mount, and the file it names (`None`: refused, a 404).
    fn check(relative: &str, expected: Option<&str>) {
        assert_eq!(super::file_path(relative).as_deref(), expected, "{relative:?}");
    }

    #[test]
    fn file_paths() {
        check("", Some("index.html"));
        check("tools/", Some("tools/index.html"));
        check("articles/seed.json", Some("articles/seed.json"));
        check("a%20b.json", Some("a b.json"));
        check("custom%2Fslow.json", Some("custom/slow.json"));
        check("caf%C3%A9.json", Some("café.json"));
        check("caf%c3%a9.json", Some("café.json"));
        // An escape that is not `%` and two hex digits stays as written.
        check("%zz.json", Some("%zz.json"));
        check("100%", Some("100%"));
        check("a%4", Some("a%4"));
        check("%+1.json", Some("%+1.json"));
        // Not UTF-8 once decoded: no such file.
        check("%FF.json", None);
        check("caf%C3.json", None);
        // Nothing may leave the root, escaped or not.
        check("../Cargo.toml", None);
        check("a/../../Cargo.toml", None);
        check("%2E%2E/Cargo.toml", None);
        check("a%2F..%2F..%2FCargo.toml", None);
        check("a\\b", None);
        check("a%5Cb", None);
        check("%2Fetc%2Fpasswd", None);
        check("/etc/passwd", None);
        check("..", None);
    }
}
