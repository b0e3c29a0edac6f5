//! The pre-rendered page: the article is in the HTML before any script, readable without
//! JavaScript, taken over by the app with no flash, no layout shift and a quiet console; another
//! address never shows the built-in article first; and `counterpoint publish` makes the same for
//! any article.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use e2e::harness::{ensure, http_get, project_root, run, run_with, seed_article, site, site_with, unescape_html, WAIT};
use e2e::server::{Server, ServerOptions};
use e2e::webdriver::{Result, Session};
use serde_json::{json, Value};

/// The hosted policy from the README.
const HOSTED_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'";

fn quote_texts(article: &Value) -> Vec<String> {
    article["quotes"].as_array().into_iter().flatten().filter_map(|q| q["text"].as_str().map(str::to_owned)).collect()
}

/// Checks that raw HTML holds the article's title and every quote, as text.
fn check_raw_html(html: &str, article: &Value) -> Result<()> {
    let text = unescape_html(html);
    let title = article["title"].as_str().unwrap_or_default();
    ensure(text.contains(title), format!("the raw page lacks the title {title:?}"))?;
    for quote in quote_texts(article) {
        ensure(text.contains(&quote), format!("the raw page lacks the quote {quote:?}"))?;
    }
    ensure(html.contains("data-prerendered"), "the raw page has no pre-rendered app")?;
    // No script holds the parser, so the pre-rendered article is in the DOM as soon as it
    // arrives; the guard holds only the first paint, so nothing else shows first.
    for tag in html.split("<script").skip(1).map(|rest| &rest[..rest.find('>').unwrap_or(rest.len())]) {
        ensure(
            tag.contains(" async")
                || tag.contains(" defer")
                || tag.contains("type=\"module\"")
                || tag.contains("type=\"application/json\""),
            format!("a script blocks the parser: <script{tag}>"),
        )?;
        if tag.contains("prerender-guard.js") {
            ensure(tag.contains("blocking=\"render\""), "the guard does not hold the first paint")?;
        }
    }
    ensure(html.contains("prerender-guard.js"), "the raw page has no guard")
}

fn console(s: &Session) -> Result<Vec<Value>> {
    Ok(s.log("browser")?
        .into_iter()
        .filter(|e| e["level"] == json!("SEVERE") || e["level"] == json!("WARNING"))
        .collect())
}

#[test]
fn the_raw_page_holds_the_seed_title_and_every_quote() {
    let outcome = (|| {
        let html = http_get(&site()?.url("/"))?;
        check_raw_html(&html, &seed_article()?)?;
        // Readers without JavaScript get the article text too.
        ensure(
            html.contains("id=\"article-text-static\""),
            "the raw page has no article text for readers without JavaScript",
        )
    })();
    if let Err(err) = outcome {
        panic!("{err}");
    }
}

#[test]
fn without_javascript_the_page_shows_the_positions_and_the_text() {
    run_with(&["--blink-settings=scriptEnabled=false"], false, |s| {
        s.goto_raw(&site()?.url("/"))?;
        let seed = seed_article()?;
        let title = s.js("return document.querySelector('.masthead h1').textContent", vec![])?;
        ensure(title == seed["title"], format!("the title is {title}"))?;
        // Every quote is on the page twice: in its question's cell, and highlighted in the text.
        let shown = s.js(
            "const seen = (sel) => [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length).map(e => e.dataset.quoteId);
             return { cards: seen('.compare .quote-card'), marks: [...new Set(seen('#article-text-static mark[data-quote-id]'))],
                      speakers: [...document.querySelectorAll('.compare .quote-card .who')].map(e => e.textContent),
                      rows: [...document.querySelectorAll('.compare .topic')].map(e => e.textContent) };",
            vec![],
        )?;
        let ids: Vec<Value> = seed["quotes"].as_array().into_iter().flatten().map(|q| q["id"].clone()).collect();
        for id in &ids {
            ensure(shown["cards"].as_array().is_some_and(|c| c.contains(id)), format!("no card for {id}: {shown}"))?;
            ensure(
                shown["marks"].as_array().is_some_and(|m| m.contains(id)),
                format!("{id} is not highlighted: {shown}"),
            )?;
        }
        ensure(shown["speakers"].to_string().contains("Sergei Lavrov"), format!("speakers: {}", shown["speakers"]))?;
        let topics = seed["topics"].as_array().map_or(0, Vec::len);
        ensure(shown["rows"].as_array().map_or(0, Vec::len) >= topics, format!("questions: {}", shown["rows"]))?;
        s.screenshot(&e2e::harness::screenshot_dir().join("no-javascript.png"))
    });
}

#[test]
fn the_app_takes_over_without_a_shift_a_flash_or_a_console_message() {
    run(|s| {
        // Before the page's own scripts: count layout shifts and note each frame whether the
        // article is on screen.
        s.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "
                window.__shift = 0; window.__blank = 0; window.__frames = 0; window.__seen = false;
                window.__shifts = [];
                new PerformanceObserver((l) => {
                    for (const e of l.getEntries()) {
                        if (e.hadRecentInput) continue;
                        window.__shift += e.value;
                        // What moved, for the failure message.
                        window.__shifts.push({ at: Math.round(e.startTime), value: e.value, moved: (e.sources || []).map((s) =>
                            (s.node && s.node.nodeType === 1 ? s.node.tagName + '.' + s.node.className : String(s.node && s.node.nodeName))
                            + ' ' + JSON.stringify([s.previousRect.y, s.currentRect.y])) });
                    }
                }).observe({ type: 'layout-shift', buffered: true });
                const frame = () => {
                    const h1 = document.querySelector('.masthead h1');
                    window.__frames++;
                    const shown = !!h1 && h1.getClientRects().length > 0;
                    // Once the article has been on screen, it must stay there through the takeover.
                    if (window.__seen && !shown) window.__blank++;
                    window.__seen = window.__seen || shown;
                    if (window.__frames < 600) requestAnimationFrame(frame);
                };
                requestAnimationFrame(frame);" }),
        )?;
        s.goto(&site()?.url("/"))?;
        s.wait_for(
            "the live app",
            "return document.querySelector('.app:not([data-prerendered]) .compare .quote-card') !== null",
            WAIT,
        )?;
        std::thread::sleep(Duration::from_millis(500));
        let seen = s.js(
            "return { shift: window.__shift, shifts: window.__shifts, blank: window.__blank, frames: window.__frames,
                      seen: window.__seen }",
            vec![],
        )?;
        ensure(seen["seen"] == json!(true), format!("the article was never on screen: {seen}"))?;
        ensure(seen["blank"] == json!(0), format!("frames without the article: {seen}"))?;
        ensure(seen["shift"].as_f64() == Some(0.0), format!("layout shift while the app took over: {seen}"))?;
        let copies = s.js("return document.querySelectorAll('.app').length", vec![])?;
        ensure(copies == json!(1), format!("{copies} copies of the app after the takeover"))?;
        // The live app works: a click opens the quote in the text.
        s.click(&s.find(".compare .quote-card[data-quote-id='power-war']")?)?;
        s.wait_for(
            "the quote in the text",
            "return document.querySelector('#article-text mark.selected[data-quote-id=\"power-war\"]') !== null",
            WAIT,
        )?;
        let messages = console(s)?;
        ensure(messages.is_empty(), format!("console errors or warnings: {messages:?}"))
    });
}

#[test]
fn an_embed_shows_its_own_pre_rendered_chrome_before_the_app_runs() {
    run(|s| {
        // Before the page's own scripts: note each frame which pre-rendered copy is on screen.
        s.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "
                window.__copies = [];
                const frame = () => {
                    for (const copy of document.querySelectorAll('.app[data-prerendered]')) {
                        if (!copy.getClientRects().length || getComputedStyle(copy).visibility === 'hidden') continue;
                        const which = copy.hasAttribute('data-embedded') ? 'embedded' : 'full';
                        if (!window.__copies.includes(which)) window.__copies.push(which);
                    }
                    if (document.querySelector('.app[data-prerendered]') || !document.body) requestAnimationFrame(frame);
                };
                requestAnimationFrame(frame);" }),
        )?;
        let server = site_with(ServerOptions::default())?;
        // Throttled, so the pre-rendered page is on screen for many frames before the wasm runs.
        s.cdp("Network.enable", json!({}))?;
        s.cdp(
            "Network.emulateNetworkConditions",
            json!({ "offline": false, "latency": 150, "downloadThroughput": 200000, "uploadThroughput": 100000 }),
        )?;
        s.goto(&server.url("/?embed=1&childId=cp-1#view=compare"))?;
        let copies = s.js("return window.__copies", vec![])?;
        ensure(copies == json!(["embedded"]), format!("pre-rendered copies on screen for ?embed=1: {copies}"))?;
        s.goto(&server.url("/"))?;
        let copies = s.js("return window.__copies", vec![])?;
        ensure(copies == json!(["full"]), format!("pre-rendered copies on screen for the plain page: {copies}"))?;
        let live = s.js("return document.querySelectorAll('.app').length", vec![])?;
        ensure(live == json!(1), format!("{live} copies of the app after the takeover"))
    });
}

/// Records, from the first frame, whether the built-in article's title is ever on screen.
const WATCH_SEED: &str = "
    window.__sawSeed = false; window.__frames = 0;
    const frame = () => {
        window.__frames++;
        for (const h of document.querySelectorAll('h1')) {
            const style = getComputedStyle(h);
            if (h.textContent === SEED && h.getClientRects().length && style.visibility !== 'hidden') window.__sawSeed = true;
        }
        requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);";

#[test]
fn another_address_never_shows_the_built_in_article_first() {
    run(|s| {
        let seed_title = seed_article()?["title"].as_str().unwrap_or_default().to_owned();
        let server = site_with(ServerOptions::default())?;
        let other =
            std::fs::read_to_string(project_root().join("tests/data/three-sides.json")).map_err(|e| e.to_string())?;
        // A slow article: the page must show that it is loading, not the built-in one.
        server.route("/slow/three.json", "application/json", other.clone());
        s.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": format!("const SEED = {};{WATCH_SEED}", json!(seed_title)) }),
        )?;
        for address in ["/?src=slow/three.json", "/#view=read", "/#quote=power-war", "/?embed=1"] {
            s.goto(&server.url(address))?;
            let wanted = if address.contains("src=") {
                "return document.querySelector('.masthead h1') && document.querySelector('.masthead h1').textContent.startsWith('City budget')"
            } else {
                "return document.querySelector('.app main') !== null && document.querySelector('.app[data-prerendered]') === null"
            };
            s.wait_for(address, wanted, WAIT)?;
            std::thread::sleep(Duration::from_millis(300));
            let seen = s.js("return { saw: window.__sawSeed, frames: window.__frames }", vec![])?;
            ensure(seen["frames"].as_u64().unwrap_or(0) > 0, format!("{address}: no frame sampled"))?;
            if address.contains("src=") {
                ensure(seen["saw"] == json!(false), format!("{address}: the built-in article was on screen first"))?;
            }
        }
        Ok(())
    });
}

#[test]
fn another_address_says_it_is_opening_until_the_app_runs() {
    run(|s| {
        // Before the page's own scripts: note, each frame until the app runs, what the page says.
        s.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "
                window.__waiting = [];
                let parsed = false;
                const frame = () => {
                    const copies = [...document.querySelectorAll('.app[data-prerendered]')];
                    // Until the copies are parsed, wait; once the app has removed them, stop.
                    if (!copies.length) return parsed ? undefined : requestAnimationFrame(frame);
                    parsed = true;
                    const said = getComputedStyle(document.body, '::before').content;
                    const laidOut = copies.filter(c => c.getClientRects().length).length;
                    window.__waiting.push({ said, laidOut });
                    requestAnimationFrame(frame);
                };
                requestAnimationFrame(frame);" }),
        )?;
        let server = site_with(ServerOptions::default())?;
        let other =
            std::fs::read_to_string(project_root().join("tests/data/three-sides.json")).map_err(|e| e.to_string())?;
        server.route("/three.json", "application/json", other);
        // Throttled, so the page waits for the app's code for many frames.
        s.cdp("Network.enable", json!({}))?;
        s.cdp(
            "Network.emulateNetworkConditions",
            json!({ "offline": false, "latency": 150, "downloadThroughput": 200000, "uploadThroughput": 100000 }),
        )?;
        s.goto(&server.url("/?src=three.json"))?;
        s.wait_for(
            "the other article",
            "return document.querySelector('.masthead h1') && document.querySelector('.masthead h1').textContent.startsWith('City budget')",
            WAIT,
        )?;
        let frames = s.js("return window.__waiting", vec![])?;
        let frames = frames.as_array().cloned().unwrap_or_default();
        ensure(frames.len() > 1, format!("{} frames sampled before the app ran", frames.len()))?;
        // Every frame said so, and laid out neither hidden copy of the built-in article.
        for frame in &frames {
            ensure(
                frame["said"].as_str().is_some_and(|said| said.contains("Opening")),
                format!("a frame before the app ran did not say it was opening: {frame}"),
            )?;
            ensure(frame["laidOut"] == json!(0), format!("a hidden copy was laid out: {frame}"))?;
        }
        // Once the app runs, the message is gone.
        let after = s.js("return getComputedStyle(document.body, '::before').content", vec![])?;
        ensure(after == json!("none"), format!("after the app started the page still says {after}"))
    });
}

/// `cargo run -p counterpoint-cli -- publish …`, as a newsroom would run it (the debug build,
/// next to the `counterpoint-render` that `cargo xtask dist` built).
fn publish(article: &Path, out: &Path) -> Result<std::process::Output> {
    Command::new(env!("CARGO"))
        .args(["run", "--quiet", "-p", "counterpoint-cli", "--bin", "counterpoint", "--", "publish"])
        .arg(article)
        .arg("--out")
        .arg(out)
        .arg("--site")
        .arg(project_root().join("dist/site"))
        .current_dir(project_root())
        .output()
        .map_err(|e| format!("cannot run counterpoint publish: {e}"))
}

fn temp_dir(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("counterpoint-publish-{}-{name}", std::process::id()))
}

#[test]
fn publish_makes_a_pre_rendered_site_and_a_single_file_for_another_article() {
    run(|s| {
        let article_path = project_root().join("tests/data/three-sides.json");
        let article: Value = serde_json::from_str(&std::fs::read_to_string(&article_path).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
        let out = temp_dir("site");
        let _ = std::fs::remove_dir_all(&out);
        let output = publish(&article_path, &out)?;
        ensure(output.status.success(), format!("publish failed: {}", String::from_utf8_lossy(&output.stderr)))?;

        // Hosted under a sub-path with the hosted policy: pre-rendered, then working.
        let server = Server::start(
            &out,
            0,
            ServerOptions {
                mount: "/stories/budget/".to_owned(),
                headers: vec![("Content-Security-Policy".to_owned(), HOSTED_CSP.to_owned())],
                ..Default::default()
            },
        )
        .map_err(|e| e.to_string())?;
        let html = http_get(&server.url("/stories/budget/"))?;
        check_raw_html(&html, &article)?;
        s.goto(&server.url("/stories/budget/"))?;
        s.wait_for(
            "its own article",
            "return document.querySelector('.app:not([data-prerendered]) .masthead h1') !== null",
            WAIT,
        )?;
        let title = s.js("return document.querySelector('.masthead h1').textContent", vec![])?;
        ensure(title == article["title"], format!("the published page shows {title}"))?;
        let sides = s.js("return [...document.querySelectorAll('.side-head')].map(e => e.textContent)", vec![])?;
        ensure(sides == json!(["Mayor", "Council", "Union"]), format!("sides: {sides}"))?;
        s.goto(&server.url("/stories/budget/#view=read&quote=park-freeze"))?;
        s.wait_for(
            "the quote in the text",
            "return document.querySelector('#article-text mark.selected[data-quote-id=\"park-freeze\"]') !== null",
            WAIT,
        )?;
        let messages = console(s)?;
        ensure(messages.is_empty(), format!("console errors or warnings: {messages:?}"))?;
        let requests = server.requests();
        ensure(
            requests.iter().all(|r| r.starts_with("/stories/budget/")),
            format!("a request left the sub-path: {requests:?}"),
        )?;

        // Its single file, from disk, with no request at all (reading the log empties it first).
        s.log("performance")?;
        s.goto(&format!("file://{}", out.join("counterpoint.html").display()))?;
        let title = s.wait_for(
            "the single file's article",
            "const h = document.querySelector('.app:not([data-prerendered]) .masthead h1'); return h && h.textContent",
            WAIT,
        )?;
        ensure(title == article["title"], format!("the single file shows {title}"))?;
        let network: Vec<String> = s
            .log("performance")?
            .into_iter()
            .filter_map(|e| {
                let m: Value = serde_json::from_str(e["message"].as_str().unwrap_or("{}")).unwrap_or_default();
                (m["message"]["method"] == json!("Network.requestWillBeSent"))
                    .then(|| m["message"]["params"]["request"]["url"].as_str().unwrap_or_default().to_owned())
            })
            .filter(|u| u.starts_with("http"))
            .collect();
        ensure(network.is_empty(), format!("the published single file made requests: {network:?}"))?;
        let _ = std::fs::remove_dir_all(&out);
        Ok(())
    });
}

#[test]
fn publish_refuses_an_invalid_article_and_leaves_the_folder_alone() {
    let outcome = (|| -> Result<()> {
        let out = temp_dir("kept");
        std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
        std::fs::write(out.join("mine.txt"), "the newsroom's own file").map_err(|e| e.to_string())?;
        let broken = temp_dir("broken.json");
        std::fs::write(&broken, "{\"format_version\": 1,\n \"title\": }").map_err(|e| e.to_string())?;
        let output = publish(&broken, &out)?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        ensure(output.status.code() == Some(1), format!("exit code {:?}", output.status.code()))?;
        ensure(stdout.contains(":2:"), format!("no line and column in {stdout:?}"))?;
        let listing = |dir: &Path| -> Result<Vec<std::ffi::OsString>> {
            Ok(std::fs::read_dir(dir)
                .map_err(|e| e.to_string())?
                .filter_map(|e| e.ok())
                .map(|e| e.file_name())
                .collect())
        };
        ensure(listing(&out)? == vec![std::ffi::OsString::from("mine.txt")], "the folder changed")?;
        // A valid article is not published over a folder of someone's own files either.
        let output = publish(&project_root().join("tests/data/three-sides.json"), &out)?;
        let stderr = String::from_utf8_lossy(&output.stderr);
        ensure(output.status.code() == Some(1), format!("publishing over other files: {:?}", output.status.code()))?;
        ensure(stderr.contains("not a published article"), format!("no reason given: {stderr:?}"))?;
        ensure(listing(&out)? == vec![std::ffi::OsString::from("mine.txt")], "the folder changed")?;
        let _ = std::fs::remove_dir_all(&out);
        let _ = std::fs::remove_file(&broken);
        Ok(())
    })();
    if let Err(err) = outcome {
        panic!("{err}");
    }
}
