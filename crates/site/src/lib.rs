//! The post-build steps Trunk has no option for, shared by `cargo xtask dist` and
//! `counterpoint publish`.
//!
//! - `externalize_loader`: Trunk writes its loader as an inline module script in `index.html`. A
//!   hosted policy of `script-src 'self' 'wasm-unsafe-eval'` blocks inline scripts, so the loader
//!   moves into `loader-<hash>.js` next to the other hashed files.
//! - `modernize_worker_loaders`: the workers' loader shims call wasm-bindgen's init with an object,
//!   as it asks, instead of Trunk's deprecated string form and its console warning.
//! - `single_file`: `dist/counterpoint.html`, one file with the glue, the wasm (gzip + base64,
//!   unpacked with `DecompressionStream`), the CSS and so the built-in article inlined. It makes no
//!   requests, so it works from `file://`, and its CSP allows only its own script, by hash. The
//!   extraction worker's glue and wasm go in as two data blocks, which the app turns into a
//!   `blob:` worker when someone extracts (`src/browser/extraction.rs`). The authoring view's
//!   module goes in as its glue, in a script of its own that starts it only when asked
//!   (`counterpointAuthorBoot`, see `src/browser/author_module.rs`), and its wasm as a data block.

use std::io::Write;
use std::path::Path;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use flate2::write::GzEncoder;
use flate2::Compression;
use sha2::{Digest, Sha256};

const INLINE_MODULE: &str = "<script type=\"module\">";

/// The extraction worker's files, which Trunk names after the binary without a hash.
const WORKER_GLUE: &str = "counterpoint-worker.js";
const WORKER_WASM: &str = "counterpoint-worker_bg.wasm";
/// The collections worker's files, likewise.
const COLLECTIONS_GLUE: &str = "counterpoint-collections.js";
const COLLECTIONS_WASM: &str = "counterpoint-collections_bg.wasm";
/// The authoring view's module, which Trunk builds as a worker (unhashed) with web glue.
const AUTHOR_GLUE: &str = "counterpoint-author.js";
const AUTHOR_WASM: &str = "counterpoint-author_bg.wasm";
/// The data block that carries the authoring module's wasm in the single file.
const AUTHOR_WASM_ID: &str = "counterpoint-author-wasm";
/// The start-up script that keeps the pre-rendered article from flashing (`public/`).
const GUARD: &str = "prerender-guard.js";

/// The policy the hosted `dist/site` needs (README, "Content-Security-Policy").
pub const HOSTED_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'";

/// Moves Trunk's inline loader out of `site/index.html` into a hashed file.
pub fn externalize_loader(site: &Path) -> Result<(), String> {
    let index_path = site.join("index.html");
    let index = read(&index_path)?;
    let Some((before, script, after)) = split_element(&index, INLINE_MODULE, "</script>") else {
        // Already external: nothing inline is left to move.
        return Ok(());
    };
    let name = format!("loader-{}.js", &hex(&Sha256::digest(script.as_bytes()))[..16]);
    write(&site.join(&name), script.as_bytes())?;
    let index = format!("{before}<script type=\"module\" src=\"./{name}\"></script>{after}");
    if index.contains("<script>") || index.contains(INLINE_MODULE) {
        return Err("index.html still has an inline script after moving the loader".to_owned());
    }
    write(&index_path, index.as_bytes())
}

/// Rewrites the workers' loader shims, which Trunk writes as `wasm_bindgen("./x_bg.wasm")`, to
/// the form wasm-bindgen asks for, `wasm_bindgen({ module_or_path: "./x_bg.wasm" })`: the old
/// form logs "using deprecated parameters for the initialization function" in every worker.
pub fn modernize_worker_loaders(site: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(site).map_err(|e| format!("{}: {e}", site.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with("_loader.js")) {
            let shim = read(&path)?;
            if let Some(modern) = modern_loader(&shim) {
                write(&path, modern.as_bytes())?;
            }
        }
    }
    Ok(())
}

/// `shim` with its `wasm_bindgen("…")` call given an object; `None` when it has no such call.
fn modern_loader(shim: &str) -> Option<String> {
    const CALL: &str = "wasm_bindgen(\"";
    let start = shim.find(CALL)?;
    let url_start = start + CALL.len();
    let url_end = url_start + shim[url_start..].find("\")")?;
    let url = &shim[url_start..url_end];
    Some(format!("{}wasm_bindgen({{ module_or_path: \"{url}\" }}){}", &shim[..start], &shim[url_end + 2..]))
}

/// Joins the page's stylesheets, one per component as Trunk copies them, into one hashed
/// `app-<hash>.css` in their order, so the first paint waits on one request instead of eight.
pub fn bundle_css(site: &Path) -> Result<(), String> {
    const LINK: &str = "<link rel=\"stylesheet\" href=\"./";
    let index_path = site.join("index.html");
    let index = read(&index_path)?;
    let mut css = String::new();
    let mut kept = String::new();
    let mut rest = index.as_str();
    let mut first_link = None;
    while let Some(start) = rest.find(LINK) {
        let name = attribute_after(&rest[start..], LINK).ok_or("a stylesheet link without a name")?.to_owned();
        let end = start + rest[start..].find('>').ok_or("an unclosed stylesheet link")? + 1;
        kept.push_str(&rest[..start]);
        first_link.get_or_insert(kept.len());
        css.push_str(&format!("/* {name} */\n"));
        css.push_str(&read(&site.join(&name))?);
        css.push('\n');
        std::fs::remove_file(site.join(&name)).map_err(|e| format!("{name}: {e}"))?;
        rest = &rest[end..];
        // The line break after each link goes with it.
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    kept.push_str(rest);
    let Some(at) = first_link else {
        return Ok(());
    };
    let name = format!("app-{}.css", &hex(&Sha256::digest(css.as_bytes()))[..16]);
    write(&site.join(&name), css.as_bytes())?;
    let page = format!("{}<link rel=\"stylesheet\" href=\"./{name}\">\n{}", &kept[..at], &kept[at..]);
    write(&index_path, page.as_bytes())
}

/// What readers without JavaScript read first in the `<noscript>` note; the article text follows.
const NOSCRIPT_NOTE: &str = "<p class=\"noscript-note\">Without JavaScript this page shows the positions \
     above and the article below; filters, search and other articles need JavaScript.</p>";

/// What `counterpoint-render` writes: the app's first view, the same with the embedded chrome,
/// and the article text for readers without JavaScript.
pub struct Prerendered {
    pub app: String,
    pub embedded: String,
    pub text: String,
}

impl Prerendered {
    /// Reads `counterpoint-render`'s JSON output.
    pub fn from_json(json: &[u8]) -> Result<Prerendered, String> {
        let value: serde_json::Value =
            serde_json::from_slice(json).map_err(|e| format!("counterpoint-render wrote no page: {e}"))?;
        let part =
            |key: &str| value[key].as_str().map(str::to_owned).ok_or(format!("counterpoint-render wrote no {key}"));
        let page = Prerendered { app: part("app")?, embedded: part("embedded")?, text: part("text")? };
        let marked = page.app.contains("data-prerendered") && page.embedded.contains("data-embedded");
        if !marked || [&page.app, &page.embedded, &page.text].iter().any(|p| p.contains("<script")) {
            return Err("the pre-rendered HTML is not what counterpoint-render writes".to_owned());
        }
        Ok(page)
    }

    /// The body's pre-rendered part: both copies of the app, and the `<noscript>` text.
    fn body(&self) -> String {
        format!("{}\n{}\n<noscript>{NOSCRIPT_NOTE}{}</noscript>", self.app, self.embedded, self.text)
    }
}

/// Writes the pre-rendered copies of the app into the page's body before the `<noscript>`
/// element, and the article text into that element with a note, so the page shows the article
/// before any script and without JavaScript at all.
pub fn insert_prerender(site: &Path, page: &Prerendered) -> Result<(), String> {
    let index_path = site.join("index.html");
    let index = read(&index_path)?;
    if index.contains("data-prerendered") {
        return Err("index.html is already pre-rendered; build it again first".to_owned());
    }
    let (before, _, after) =
        split_element(&index, "<noscript>", "</noscript>").ok_or("index.html has no <noscript> element")?;
    write(&index_path, format!("{before}{}{after}", page.body()).as_bytes())
}

use counterpoint_core::collection;
/// The element the app reads its built-in article from.
pub use counterpoint_core::embed::BUILTIN_ARTICLE_ID;
use counterpoint_core::embed::{EXAMPLE_COLLECTION_ID, EXAMPLE_COLLECTION_PATH};
use counterpoint_core::worker::{
    INLINE_COLLECTIONS_GLUE_ID, INLINE_COLLECTIONS_WASM_ID, INLINE_GLUE_ID, INLINE_WASM_ID,
};

/// Makes a built `index.html` the page of another article: its pre-rendered copies (from
/// `counterpoint-render`) replace the built-in article's, the article JSON goes in as a data
/// block the app opens as its built-in article, and the title names the article.
pub fn publish_page(index: &str, article_json: &str, title: &str, page: &Prerendered) -> Result<String, String> {
    if index.contains(&format!("id=\"{BUILTIN_ARTICLE_ID}\"")) {
        return Err("that site is a published article already; publish from the built app (dist/site)".to_owned());
    }
    let start = index
        .find("<div data-prerendered")
        .ok_or("the built index.html is not pre-rendered; run `cargo xtask dist`")?;
    let end = index[start..]
        .find("</noscript>")
        .map(|e| start + e + "</noscript>".len())
        .ok_or("the built index.html has no <noscript> text")?;
    // JSON cannot contain a raw `<` outside strings; inside them `\u003c` reads the same, so the
    // block can never close its element early.
    let data = article_json.replace('<', "\\u003c");
    let page = format!(
        "{}<script type=\"application/json\" id=\"{BUILTIN_ARTICLE_ID}\">{data}</script>\n{}{}",
        &index[..start],
        page.body(),
        &index[end..]
    );
    // One line, as `<title>` and the single file's head expect.
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let escaped = title.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    Ok(page.replacen("<title>Counterpoint</title>", &format!("<title>{escaped} · Counterpoint</title>"), 1))
}

/// Sizes of the single file, for the report.
pub struct Sizes {
    pub raw: usize,
    pub gzip: usize,
}

/// Writes `out` from the built `site`: Trunk's page with its links replaced by inline content.
pub fn single_file(site: &Path, out: &Path) -> Result<Sizes, String> {
    let index = read(&site.join("index.html"))?;
    let loader_name = attribute_after(&index, "<script type=\"module\" src=\"./")
        .ok_or("index.html has no external loader; run the build first")?;
    let loader = read(&site.join(loader_name))?;
    let glue_name = attribute_after(&loader, "from './").ok_or("the loader imports no glue")?;
    let glue = read(&site.join(glue_name))?;
    let wasm_name = attribute_after(&loader, "module_or_path: './").ok_or("the loader names no wasm")?;
    let wasm = std::fs::read(site.join(wasm_name)).map_err(|e| format!("{wasm_name}: {e}"))?;
    let guard = read(&site.join(GUARD))?;
    // The body as built: the pre-rendered app and the `<noscript>` text.
    let body = split_element(&index, "<body>", "</body>").map(|(_, body, _)| body.trim()).unwrap_or_default();

    // The page's own head lines (viewport, description, title, icon) stay as they are; the charset
    // comes first and the policy right after it, before any script.
    let head: Vec<&str> = index
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("<meta name") || l.starts_with("<title>") || l.starts_with("<link rel=\"icon\""))
        .collect();
    let mut css = String::new();
    let mut rest = index.as_str();
    while let Some(start) = rest.find("<link rel=\"stylesheet\" href=\"./") {
        rest = &rest[start..];
        let name = attribute_after(rest, "<link rel=\"stylesheet\" href=\"./").unwrap_or_default();
        css.push_str(&read(&site.join(name))?);
        css.push('\n');
        rest = &rest[1..];
    }
    if !glue.contains("__wbg_init as default") {
        return Err(format!("{glue_name}: the glue no longer exports __wbg_init; update crates/site/src/lib.rs"));
    }
    let worker_glue = read(&site.join(WORKER_GLUE))?;
    let worker_wasm = std::fs::read(site.join(WORKER_WASM)).map_err(|e| format!("{WORKER_WASM}: {e}"))?;
    let collections_glue = read(&site.join(COLLECTIONS_GLUE))?;
    let collections_wasm =
        std::fs::read(site.join(COLLECTIONS_WASM)).map_err(|e| format!("{COLLECTIONS_WASM}: {e}"))?;
    let author_glue = read(&site.join(AUTHOR_GLUE))?;
    let author_wasm = std::fs::read(site.join(AUTHOR_WASM)).map_err(|e| format!("{AUTHOR_WASM}: {e}"))?;
    if !author_glue.contains("__wbg_init as default") || !author_glue.contains("function mount_author(") {
        return Err(format!(
            "{AUTHOR_GLUE}: the glue no longer has __wbg_init and mount_author; update crates/site/src/lib.rs"
        ));
    }
    if glue.contains("</script")
        || guard.contains("</script")
        || author_glue.contains("</script")
        || worker_glue.contains("</script")
        || worker_glue.contains("<!--")
        || collections_glue.contains("</script")
        || collections_glue.contains("<!--")
        || css.contains("</style")
    {
        return Err("the glue or the CSS would close its inline element early".to_owned());
    }

    let example = example_collection(site)?.replace('<', "\\u003c");

    // The glue declares `wasm` itself, so the unpacking uses names of its own.
    let script = format!(
        "{glue}\n\
         // Unpack the inlined wasm (gzip + base64) without a single request.\n\
         const counterpointPacked = document.getElementById(\"counterpoint-wasm\").textContent;\n\
         const counterpointGzip = Uint8Array.from(atob(counterpointPacked), (c) => c.charCodeAt(0));\n\
         const counterpointWasm = await new Response(\n\
           new Blob([counterpointGzip]).stream().pipeThrough(new DecompressionStream(\"gzip\"))\n\
         ).arrayBuffer();\n\
         await __wbg_init({{ module_or_path: counterpointWasm }});\n"
    );
    // The authoring module starts only when someone opens Author, as the hosted page's
    // `author-boot.js` does, and ends the same way.
    let author_script = format!(
        "{author_glue}\n\
         window.counterpointAuthorBoot = async () => {{\n\
           try {{\n\
             const packed = document.getElementById(\"{AUTHOR_WASM_ID}\").textContent;\n\
             const gzip = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));\n\
             const bytes = await new Response(\n\
               new Blob([gzip]).stream().pipeThrough(new DecompressionStream(\"gzip\"))\n\
             ).arrayBuffer();\n\
             await __wbg_init({{ module_or_path: bytes }});\n\
             window.counterpointAuthor = {{ mount: mount_author, unmount: unmount_author }};\n\
             dispatchEvent(new CustomEvent(\"counterpoint:author\", {{ detail: null }}));\n\
           }} catch (err) {{\n\
             dispatchEvent(new CustomEvent(\"counterpoint:author\", {{ detail: String((err && err.message) || err) }}));\n\
           }}\n\
         }};\n"
    );
    let policy = single_file_csp(&[&guard, &script, &author_script]);
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />\n{}\n\
         <script>{guard}</script>\n\
         <style>\n{css}</style>\n\
         <script type=\"application/octet-stream\" id=\"counterpoint-wasm\" data-encoding=\"gzip+base64\">{}</script>\n\
         <script type=\"text/plain\" id=\"{INLINE_GLUE_ID}\">{worker_glue}</script>\n\
         <script type=\"application/octet-stream\" id=\"{INLINE_WASM_ID}\" data-encoding=\"gzip+base64\">{}</script>\n\
         <script type=\"text/plain\" id=\"{INLINE_COLLECTIONS_GLUE_ID}\">{collections_glue}</script>\n\
         <script type=\"application/octet-stream\" id=\"{INLINE_COLLECTIONS_WASM_ID}\" data-encoding=\"gzip+base64\">{}</script>\n\
         <script type=\"application/octet-stream\" id=\"{AUTHOR_WASM_ID}\" data-encoding=\"gzip+base64\">{}</script>\n\
         <script type=\"module\">{author_script}</script>\n\
         <script type=\"module\">{script}</script>\n\
         <script type=\"application/json\" id=\"{EXAMPLE_COLLECTION_ID}\">{example}</script>\n\
         </head>\n<body>\n{body}\n</body>\n</html>\n",
        head.join("\n"),
        BASE64.encode(&gzip(&wasm)?),
        BASE64.encode(&gzip(&worker_wasm)?),
        BASE64.encode(&gzip(&collections_wasm)?),
        BASE64.encode(&gzip(&author_wasm)?),
    );
    write(out, html.as_bytes())?;
    Ok(Sizes { raw: html.len(), gzip: gzip(html.as_bytes())?.len() })
}

/// The example collection with its articles inline, from the built site's copy.
pub fn example_collection(site: &Path) -> Result<String, String> {
    let path = site.join(EXAMPLE_COLLECTION_PATH);
    let dir = path.parent().ok_or("no folder for the example")?;
    let spec = collection::load_spec(&read(&path)?)
        .spec
        .ok_or_else(|| format!("{}: not a valid collection", path.display()))?;
    let texts: Vec<(String, String)> = spec
        .articles
        .iter()
        .filter_map(|e| e.src.clone())
        .map(|src| read(&dir.join(&src)).map(|text| (src, text)))
        .collect::<Result<_, _>>()?;
    let opened = collection::Collection::open(&spec, |src| match texts.iter().find(|(s, _)| s == src) {
        Some((_, text)) => collection::Fetched::Text(text),
        None => collection::Fetched::Failed("missing".to_owned()),
    });
    if opened.opened() != opened.outlets.len() {
        return Err(format!("{}: an article of the example does not open", path.display()));
    }
    Ok(opened.to_inline_json())
}

/// The single file's policy: nothing from anywhere, its own scripts by hash, wasm compilation, the
/// extraction worker from a `blob:` URL, its inline styles and the `data:` icon. The data blocks
/// are not script, so they need no hash.
pub fn single_file_csp(scripts: &[&str]) -> String {
    let hashes: Vec<String> =
        scripts.iter().map(|script| format!("'sha256-{}'", BASE64.encode(Sha256::digest(script.as_bytes())))).collect();
    format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; worker-src blob:; style-src 'unsafe-inline'; img-src data:; base-uri 'none'",
        hashes.join(" ")
    )
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

/// Splits `text` around the first element that starts with `open`, returning the text before it,
/// its content and the text after it.
fn split_element<'a>(text: &'a str, open: &str, close: &str) -> Option<(&'a str, &'a str, &'a str)> {
    let start = text.find(open)?;
    let content_start = start + open.len();
    let end = content_start + text[content_start..].find(close)?;
    Some((&text[..start], &text[content_start..end], &text[end + close.len()..]))
}

/// The file name that follows `prefix`, up to the closing quote.
fn attribute_after<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let start = text.find(prefix)? + prefix.len();
    let end = start + text[start..].find(['"', '\''])?;
    Some(&text[start..end])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Whether `dir` is a folder `publish` may replace: missing, empty, or an earlier publish (its
/// page carries a built-in article). Anything else may be someone's own files.
pub fn replaceable(dir: &Path) -> bool {
    let Ok(mut entries) = std::fs::read_dir(dir) else {
        return !dir.exists();
    };
    if entries.next().is_none() {
        return true;
    }
    std::fs::read_to_string(dir.join("index.html"))
        .is_ok_and(|index| index.contains(&format!("id=\"{BUILTIN_ARTICLE_ID}\"")))
}

/// Copies the folder `from` into `to`, recursively, creating `to`. Hidden entries (a name
/// starting with a dot: Trunk's `.stage` of a build in progress, an editor's files) are not part
/// of a site and stay behind.
pub fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target).map_err(|e| format!("{}: {e}", target.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copying_a_site_leaves_hidden_entries_behind() {
        let root = std::env::temp_dir().join(format!("counterpoint-site-copy-{}", std::process::id()));
        let (from, to) = (root.join("site"), root.join("out"));
        let _ = std::fs::remove_dir_all(&root);
        let write = |path: &Path| {
            std::fs::create_dir_all(path.parent().unwrap_or(&root)).and_then(|()| std::fs::write(path, "x")).is_ok()
        };
        assert!(write(&from.join("index.html")) && write(&from.join("articles/a.json")));
        assert!(write(&from.join(".stage/app.css")) && write(&from.join("articles/.a.json.swp")));
        assert_eq!(copy_dir(&from, &to), Ok(()));
        assert!(to.join("index.html").is_file() && to.join("articles/a.json").is_file());
        assert!(!to.join(".stage").exists() && !to.join("articles/.a.json.swp").exists());
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn elements_and_attributes() {
        let page = "<head><script type=\"module\">run();</script><link></head>";
        assert_eq!(split_element(page, INLINE_MODULE, "</script>"), Some(("<head>", "run();", "<link></head>")));
        assert_eq!(attribute_after("import init from './app-1.js';", "from './"), Some("app-1.js"));
        assert_eq!(attribute_after("no quote", "from './"), None);
    }

    #[test]
    fn renderer_output_reads_back() {
        let json = r#"{"app":"<div data-prerendered class=\"app\">a\u00e9\\n</div>","embedded":"<div data-prerendered data-embedded>\n</div>","text":"t"}"#;
        let page = Prerendered::from_json(json.as_bytes()).unwrap();
        assert_eq!(page.app, "<div data-prerendered class=\"app\">a\u{e9}\\n</div>");
        assert_eq!(page.embedded, "<div data-prerendered data-embedded>\n</div>");
        assert_eq!(page.text, "t");
        assert!(Prerendered::from_json(br#"{"app":"<div>","embedded":"","text":""}"#).is_err());
        assert!(Prerendered::from_json(br#"{"app":"<div data-prerendered><script>"#).is_err());
    }

    #[test]
    fn worker_loaders_pass_an_object() {
        let shim = "importScripts(\"./w.js\");wasm_bindgen(\"./w_bg.wasm\");";
        assert_eq!(
            modern_loader(shim).as_deref(),
            Some("importScripts(\"./w.js\");wasm_bindgen({ module_or_path: \"./w_bg.wasm\" });")
        );
        // Already modern, or not a shim: left alone.
        assert_eq!(modern_loader("importScripts(\"./w.js\");wasm_bindgen({ module_or_path: \"./w_bg.wasm\" });"), None);
        assert_eq!(modern_loader("run();"), None);
    }

    #[test]
    fn the_policy_hashes_the_script() {
        // `echo -n 'a' | openssl dgst -sha256 -binary | base64`
        assert!(single_file_csp(&["a"]).contains("'sha256-ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs='"));
    }
}
