//! The post-build steps Trunk has no option for.
//!
//! - `externalize_loader`: Trunk writes its loader as an inline module script in `index.html`. A
//!   hosted policy of `script-src 'self' 'wasm-unsafe-eval'` blocks inline scripts, so the loader
//!   moves into `loader-<hash>.js` next to the other hashed files.
//! - `single_file`: `dist/counterpoint.html`, one file with the glue, the wasm (gzip + base64,
//!   unpacked with `DecompressionStream`), the CSS and so the built-in article inlined. It makes no
//!   requests, so it works from `file://`, and its CSP allows only its own script, by hash.

use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;
use sha2::{Digest, Sha256};

const INLINE_MODULE: &str = "<script type=\"module\">";

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
        return Err(format!("{glue_name}: the glue no longer exports __wbg_init; update xtask/src/dist.rs"));
    }
    if glue.contains("</script") || css.contains("</style") {
        return Err("the glue or the CSS would close its inline element early".to_owned());
    }

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
    let policy = single_file_csp(&script);
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />\n{}\n\
         <style>\n{css}</style>\n\
         <script type=\"application/octet-stream\" id=\"counterpoint-wasm\" data-encoding=\"gzip+base64\">{}</script>\n\
         <script type=\"module\">{script}</script>\n\
         </head>\n<body>\n<noscript>Counterpoint needs JavaScript and WebAssembly to show the article.</noscript>\n</body>\n</html>\n",
        head.join("\n"),
        e2e::base64::encode(&gzip(&wasm)?),
    );
    write(out, html.as_bytes())?;
    Ok(Sizes { raw: html.len(), gzip: gzip(html.as_bytes())?.len() })
}

/// The single file's policy: nothing from anywhere, its one module script by hash, wasm
/// compilation, its inline styles and the `data:` icon. The `application/octet-stream` block is
/// data, not script, so it needs no hash.
pub fn single_file_csp(script: &str) -> String {
    let hash = e2e::base64::encode(&Sha256::digest(script.as_bytes()));
    format!(
        "default-src 'none'; script-src 'sha256-{hash}' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_and_attributes() {
        let page = "<head><script type=\"module\">run();</script><link></head>";
        assert_eq!(split_element(page, INLINE_MODULE, "</script>"), Some(("<head>", "run();", "<link></head>")));
        assert_eq!(attribute_after("import init from './app-1.js';", "from './"), Some("app-1.js"));
        assert_eq!(attribute_after("no quote", "from './"), None);
    }

    #[test]
    fn the_policy_hashes_the_script() {
        // `echo -n 'a' | openssl dgst -sha256 -binary | base64`
        assert!(single_file_csp("a").contains("'sha256-ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs='"));
    }
}
