//! `counterpoint publish ARTICLE.json --out DIR [--site SITE]`: a ready-to-host folder with that
//! article built in and pre-rendered, and its single offline file, from the already-built app.
//!
//! It needs no Trunk and no wasm toolchain: it copies the built site (`dist/site` by default),
//! pre-renders the article with `counterpoint-render` (the app's own components, built natively by
//! `cargo xtask dist`), writes the page and then `counterpoint.html`. An invalid article gets the
//! diagnostics of `validate` and exit code 1, and nothing is written: the folder is assembled
//! beside DIR and only replaces it once everything succeeded.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::out::outln;
use counterpoint_core::validate::load_article;

#[derive(Debug, PartialEq)]
pub struct PublishArgs {
    pub article: PathBuf,
    pub out: PathBuf,
    pub site: PathBuf,
}

impl PublishArgs {
    pub fn parse(args: &[String]) -> Result<PublishArgs, String> {
        let (mut article, mut out, mut site) = (None, None, PathBuf::from("dist/site"));
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) if name.starts_with("--") => (name, Some(value.to_owned())),
                _ => (arg.as_str(), None),
            };
            let mut value = || inline.clone().or_else(|| iter.next().cloned()).ok_or(format!("{name} needs a value"));
            match name {
                "--out" => out = Some(PathBuf::from(value()?)),
                "--site" => site = PathBuf::from(value()?),
                other if other.starts_with("--") => return Err(format!("unknown option {other}")),
                _ if article.is_none() => article = Some(PathBuf::from(arg)),
                _ => return Err("publish takes one article".to_owned()),
            }
        }
        Ok(PublishArgs {
            article: article.ok_or("publish needs an article")?,
            out: out.ok_or("publish needs --out DIR")?,
            site,
        })
    }
}

pub fn publish(args: &PublishArgs) -> ExitCode {
    let file = args.article.display().to_string();
    let (_, errors, lines) = super::load_file(&file);
    for line in &lines {
        outln!("{line}");
    }
    if errors > 0 {
        eprintln!("counterpoint: {file} has errors; nothing was written");
        return ExitCode::FAILURE;
    }
    match write_site(args) {
        Ok(()) => {
            outln!(
                "{}: the hosted folder, and {} to open from disk",
                args.out.display(),
                args.out.join("counterpoint.html").display()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("counterpoint: {message}; nothing was written");
            ExitCode::FAILURE
        }
    }
}

fn write_site(args: &PublishArgs) -> Result<(), String> {
    if !counterpoint_site::replaceable(&args.out) {
        return Err(format!(
            "{} holds files that are not a published article; choose an empty or new folder",
            args.out.display()
        ));
    }
    let index = std::fs::read_to_string(args.site.join("index.html")).map_err(|e| {
        format!(
            "{}: {e} (no built app there: run this in the project's folder after `cargo xtask dist`, \
             or name the built site with --site DIR)",
            args.site.join("index.html").display()
        )
    })?;
    let json = std::fs::read_to_string(&args.article).map_err(|e| format!("{}: {e}", args.article.display()))?;
    let article = load_article(&json).article.ok_or("the article did not load")?;
    let rendered = render(&args.article)?;
    // The data block holds the article as the format defines it, whatever the file's layout.
    let canonical = serde_json::to_string(&article).map_err(|e| e.to_string())?;
    let page = counterpoint_site::publish_page(&index, &canonical, &article.title, &rendered)?;

    let staging = sibling(&args.out, "publishing")?;
    let _ = std::fs::remove_dir_all(&staging);
    let result = (|| {
        counterpoint_site::copy_dir(&args.site, &staging)?;
        std::fs::write(staging.join("index.html"), page).map_err(|e| e.to_string())?;
        counterpoint_site::single_file(&staging, &staging.join("counterpoint.html"))?;
        replace_dir(&staging, &args.out)
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

/// Runs `counterpoint-render` on the article: its pre-rendered copies and text.
fn render(article: &Path) -> Result<counterpoint_site::Prerendered, String> {
    let renderer = find_renderer().ok_or(
        "counterpoint-render is missing: `cargo xtask dist` builds it into the project's target/debug; \
             run this command from the project's target folder, or put counterpoint-render on PATH",
    )?;
    let output = std::process::Command::new(&renderer)
        .arg(article)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", renderer.display()))?;
    if !output.status.success() {
        return Err(format!("{} failed: {}", renderer.display(), String::from_utf8_lossy(&output.stderr).trim()));
    }
    counterpoint_site::Prerendered::from_json(&output.stdout)
}

/// `counterpoint-render` next to this executable, in the other Cargo profile's folder, or on PATH.
fn find_renderer() -> Option<PathBuf> {
    let name = format!("counterpoint-render{}", std::env::consts::EXE_SUFFIX);
    let exe_dir = std::env::current_exe().ok()?.parent()?.to_path_buf();
    let mut candidates = vec![exe_dir.join(&name)];
    if let Some(target) = exe_dir.parent() {
        candidates.extend(["debug", "release"].map(|profile| target.join(profile).join(&name)));
    }
    if let Some(path) = std::env::var_os("PATH") {
        candidates.extend(std::env::split_paths(&path).map(|dir| dir.join(&name)));
    }
    candidates.into_iter().find(|p| p.is_file())
}

/// A fresh path beside `dir`, on the same file system, so the final rename is atomic.
fn sibling(dir: &Path, purpose: &str) -> Result<PathBuf, String> {
    let name = dir.file_name().ok_or(format!("{} is not a folder name", dir.display()))?;
    Ok(dir.with_file_name(format!(".{}.{purpose}-{}", name.to_string_lossy(), std::process::id())))
}

/// Puts `staging` where `out` is: an existing `out` is set aside first and removed only after.
fn replace_dir(staging: &Path, out: &Path) -> Result<(), String> {
    if !out.exists() {
        return std::fs::rename(staging, out).map_err(|e| format!("{}: {e}", out.display()));
    }
    let old = sibling(out, "old")?;
    std::fs::rename(out, &old).map_err(|e| format!("{}: {e}", out.display()))?;
    if let Err(e) = std::fs::rename(staging, out) {
        // Put the old folder back: the user keeps what they had.
        let _ = std::fs::rename(&old, out);
        return Err(format!("{}: {e}", out.display()));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn arguments() {
        let parsed = PublishArgs::parse(&args(&["a.json", "--out", "site", "--site=built"])).unwrap();
        assert_eq!(parsed, PublishArgs { article: "a.json".into(), out: "site".into(), site: "built".into() });
        assert_eq!(PublishArgs::parse(&args(&["a.json", "--out=o"])).unwrap().site, PathBuf::from("dist/site"));
        assert!(PublishArgs::parse(&args(&["a.json"])).unwrap_err().contains("--out"));
        assert!(PublishArgs::parse(&args(&["--out", "o"])).unwrap_err().contains("article"));
        assert!(PublishArgs::parse(&args(&["a.json", "b.json", "--out", "o"])).is_err());
        assert!(PublishArgs::parse(&args(&["a.json", "--out"])).unwrap_err().contains("needs a value"));
    }
}
