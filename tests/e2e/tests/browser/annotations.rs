//! Share / Embed → Download annotations saves the very document `counterpoint annotations` prints
//! for the same article and target. Saves a screenshot of the dialog under `target/screenshots/`.

use std::path::Path;
use std::process::Command;

use e2e::harness::{ensure, open, project_root, run, screenshot_dir, WAIT};
use e2e::webdriver::{Result, Session};
use serde_json::{json, Value};

/// `counterpoint annotations FILE [--target URL]`'s stdout as JSON, from the binary
/// `COUNTERPOINT_BIN` names, else built and run by Cargo.
fn cli_annotations(file: &Path, target: Option<&str>) -> Result<Value> {
    let mut command = match std::env::var("COUNTERPOINT_BIN") {
        Ok(bin) => Command::new(bin),
        Err(_) => {
            let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()));
            cargo.args(["run", "--quiet", "-p", "counterpoint-cli", "--bin", "counterpoint", "--"]);
            cargo
        }
    };
    command.current_dir(project_root()).arg("annotations").arg(file);
    if let Some(target) = target {
        command.args(["--target", target]);
    }
    let output = command.output().map_err(|e| format!("cannot run counterpoint: {e}"))?;
    ensure(output.status.success(), format!("counterpoint annotations: {}", String::from_utf8_lossy(&output.stderr)))?;
    serde_json::from_slice(&output.stdout).map_err(|e| format!("counterpoint annotations printed no JSON: {e}"))
}

/// Opens Share / Embed, clicks Download annotations and returns the file name, the Blob's type
/// and the document the app handed to the download link.
fn download(s: &Session) -> Result<(String, String, Value)> {
    // Keep the Blob and the link's file name, and let the download go on as usual.
    s.js(
        "window.__downloads = [];
         const createUrl = URL.createObjectURL;
         URL.createObjectURL = blob => { window.__blob = blob; return createUrl.call(URL, blob); };
         const click = HTMLAnchorElement.prototype.click;
         HTMLAnchorElement.prototype.click = function () { window.__downloads.push(this.download); return click.call(this); };",
        vec![],
    )?;
    s.click(&s.find(".share-button")?)?;
    s.wait_for("the dialog", "return document.querySelector('.share-dialog').open", WAIT)?;
    s.click(&s.find("#download-annotations")?)?;
    let saved = s.js_async(
        "const done = arguments[arguments.length - 1];
         const blob = window.__blob;
         if (!blob) { done(null); return; }
         blob.text().then(t => done({ name: window.__downloads.at(-1), type: blob.type, text: t }));",
        vec![],
    )?;
    ensure(!saved.is_null(), "no Blob was handed to a download link")?;
    let status = s.js("return document.querySelector('.annotation-export .copy-status').textContent", vec![])?;
    let name = saved["name"].as_str().unwrap_or_default().to_owned();
    ensure(status == json!(format!("Saved {name}")), format!("status {status}"))?;
    let document = serde_json::from_str(saved["text"].as_str().unwrap_or_default()).map_err(|e| e.to_string())?;
    Ok((name, saved["type"].as_str().unwrap_or_default().to_owned(), document))
}

fn ensure_same(app: &Value, cli: &Value) -> Result<()> {
    ensure(app["type"] == json!("AnnotationCollection"), format!("the app saved {}", app["type"]))?;
    ensure(app == cli, format!("the app's document differs from the command line's:\napp: {app:#}\ncli: {cli:#}"))
}

#[test]
fn the_built_in_article_downloads_what_the_command_line_prints() {
    run(|s| {
        open(s, "/")?;
        let (name, mime, app) = download(s)?;
        ensure(
            name == "russia-accuses-the-us-of-supporting-terror-groups-in-syria.annotations.jsonld",
            format!("file name {name}"),
        )?;
        ensure(mime == "application/ld+json;profile=\"http://www.w3.org/ns/anno.jsonld\"", format!("type {mime}"))?;
        let seed = project_root().join("public/articles/russia-us-syria-2016.json");
        let cli = cli_annotations(&seed, None)?;
        // The seed names no page: both target the name made from its text.
        let source = &app["first"]["items"][0]["target"]["source"];
        ensure(source.as_str().is_some_and(|s| s.starts_with("urn:uuid:")), format!("target {source}"))?;
        let items = app["first"]["items"].as_array().map_or(0, Vec::len);
        ensure(items >= 9, format!("{items} annotations"))?;
        ensure_same(&app, &cli)
    });
}

#[test]
fn an_opened_article_downloads_what_the_command_line_prints_for_its_page() {
    run(|s| {
        open(s, "/")?;
        let file = project_root().join("tests/data/three-sides.json");
        s.send_keys(&s.find("#file-input")?, &file.to_string_lossy())?;
        s.wait_for(
            "the three-sided article",
            "return (document.querySelector('.masthead h1') || {}).textContent === 'City budget: schools, roads and the unions'",
            WAIT,
        )?;
        let (name, _, app) = download(s)?;
        ensure(name == "city-budget-schools-roads-and-the-unions.annotations.jsonld", format!("file name {name}"))?;
        let hint = s.js("return document.querySelector('.annotation-export .share-hint').textContent", vec![])?;
        ensure(hint.as_str().is_some_and(|h| h.contains("on https://example.org/budget.")), format!("hint {hint}"))?;
        let cli = cli_annotations(&file, Some("https://example.org/budget"))?;
        ensure(app["total"] == json!(4), format!("total {}", app["total"]))?;
        ensure_same(&app, &cli)?;
        s.screenshot(&screenshot_dir().join("share-annotations.png"))
    });
}
