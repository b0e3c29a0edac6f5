//! Collections on the release build, in headless Chromium: the example opened by `?src=`, every
//! view of it, deep links in and Back out, three files dropped at once, a collection with broken
//! articles, the single offline file and an embed.

use e2e::harness::{
    drop_files, ensure, http_get, open, paste_text, run, screenshot_dir, seed_article, single_file, site, WAIT,
};
use e2e::webdriver::{Result, Session};
use serde_json::{json, Value};

const EXAMPLE: &str = "/?src=articles/un-aleppo-2016-collection.json";
const EXAMPLE_TITLE: &str = "The Security Council on Aleppo, 25 September 2016, in three reports";
const WIRE_TITLE: &str = "West accuses Russia of ‘barbarism’ in Aleppo at emergency U.N. session";
const MOSCOW_TITLE: &str =
    "Churkin: Bringing peace to Syria ‘almost an impossible task’ as US fails to rein in armed groups";

fn wait_coverage(s: &Session, title: &str) -> Result<()> {
    let script = format!(
        "const h = document.querySelector('#coverage-title'); return !!document.querySelector('main .coverage[data-built]') && !!h && h.textContent === {}",
        json!(title)
    );
    s.wait_for(&format!("the Coverage view of {title:?}"), &script, WAIT).map(drop)
}

fn wait_title(s: &Session, expected: &str) -> Result<()> {
    let script = format!("return (document.querySelector('.masthead h1') || {{}}).textContent === {}", json!(expected));
    s.wait_for(&format!("the title {expected:?}"), &script, WAIT).map(drop)
}

fn js(s: &Session, script: &str) -> Result<Value> {
    s.js(script, vec![])
}

/// Each outlet row of "Outlets by sides": its id and, per side, "quotes · words".
fn rows(s: &Session) -> Result<Value> {
    js(
        s,
        "return [...document.querySelectorAll('.by-sides tbody tr')].map(tr => [tr.dataset.outlet,
           ...[...tr.querySelectorAll('.side-cell')].map(td => td.dataset.side + ': ' + td.querySelector('.cell-numbers').textContent)])",
    )
}

#[test]
fn the_example_collection_opens_by_src_with_every_view_and_deep_links() {
    run(|s| {
        open(s, EXAMPLE)?;
        wait_coverage(s, EXAMPLE_TITLE)?;
        ensure(s.current_url()?.ends_with("#view=coverage"), "the address says the Coverage view")?;
        // The wire's UK-and-France side is left out on purpose (`"west": null`): the example opens
        // with no warning for readers to puzzle over, and still says what was left out.
        s.wait_for("the status", "return document.querySelector('.load-status.opened') !== null", WAIT)?;
        let status = js(s, "return document.querySelector('.load-status.opened .status-heading').textContent")?;
        ensure(status == json!(format!("Opened “{EXAMPLE_TITLE}”.")), format!("the example opens saying {status}"))?;
        let partial = js(s, "return document.querySelector('.load-status.opened').classList.contains('partial')")?;
        ensure(partial == json!(false), "a collection that opened whole is shown as partly opened")?;
        let note = js(s, "return document.querySelector('.by-sides tr[data-outlet=wire] .outlet-note').textContent")?;
        ensure(note.as_str().is_some_and(|n| n.contains("not compared")), format!("the wire's note: {note}"))?;
        // Outlets by sides: three outlets, both sides each, the Moscow report's own side ids mapped.
        let rows = rows(s)?;
        ensure(
            rows == json!([
                ["seed", "ru: 11 quotes · 384 words", "us: 5 quotes · 123 words"],
                ["wire", "ru: 3 quotes · 63 words", "us: 3 quotes · 102 words"],
                ["moscow", "ru: 7 quotes · 245 words", "us: 2 quotes · 49 words"]
            ]),
            format!("outlets by sides: {rows}"),
        )?;
        let meter =
            js(s, "return document.querySelector('.by-sides tr[data-outlet=wire] .meter').getAttribute('aria-label')")?;
        ensure(meter == json!("Quoted words: Russia 38%, United States 62%"), format!("the wire's balance: {meter}"))?;

        // Questions by outlets: the gaps where an outlet quoted one side only.
        let gaps = js(
            s,
            "return [...document.querySelectorAll('.question')].map(q => q.dataset.topic + ':' +
               [...q.querySelectorAll('td.gap')].map(td => td.closest('tr').dataset.outlet + '/' + td.dataset.side).join(','))",
        )?;
        ensure(
            gaps == json!(["isil:wire/ru", "ceasefire:seed/us,wire/us,moscow/us", "civilians:", "peace:"]),
            format!("gaps per question: {gaps}"),
        )?;
        let gap_text = js(s, "return document.querySelector('td.gap').textContent")?;
        ensure(gap_text == json!("no statement"), format!("a gap reads {gap_text}"))?;

        // The same statement across outlets.
        let everywhere = js(s, "return document.querySelectorAll('.statement[data-outlets=\"3\"]').length")?;
        ensure(everywhere.as_u64() >= Some(2), format!("{everywhere} statements are in all three reports"))?;
        let barbarism = js(
            s,
            "const st = [...document.querySelectorAll('.statement')].find(st => st.textContent.includes('not counterterrorism'));
             return st && [st.querySelector('.statement-who strong').textContent, st.querySelector('.statement-count').textContent]",
        )?;
        ensure(
            barbarism == json!(["Samantha Power", "Quoted by 3 of 3 outlets"]),
            format!("the barbarism statement: {barbarism}"),
        )?;
        // Lavrov's truce, translated differently in Moscow: the differing words are marked in both.
        let truce = js(
            s,
            "const st = [...document.querySelectorAll('.statement')].find(st => st.querySelector('.wording[data-outlet=moscow]')
               && st.textContent.includes('meaningless'));
             if (!st) return null;
             const marked = o => [...st.querySelectorAll(`.wording[data-outlet=${o}] mark.differs`)].map(m => m.textContent.trim());
             return [marked('seed'), marked('moscow')]",
        )?;
        let seed_marks = truce[0].as_array().cloned().unwrap_or_default();
        let moscow_marks = truce[1].as_array().cloned().unwrap_or_default();
        ensure(
            seed_marks.iter().any(|m| m.as_str().is_some_and(|m| m.contains("senseless")))
                && moscow_marks.iter().any(|m| m.as_str().is_some_and(|m| m.contains("meaningless")))
                && moscow_marks.iter().any(|m| m.as_str().is_some_and(|m| m.contains("Castello"))),
            format!("the truce's marked words: {truce}"),
        )?;
        // Power's airstrikes, cut by the wire: a gap where its last sentence was, and who left it out.
        let cut = js(
            s,
            "const st = [...document.querySelectorAll('.statement')].find(st => st.textContent.includes('150 airstrikes'));
             return st && [st.querySelectorAll('.wording[data-outlet=wire] .gap-mark').length,
                           st.querySelector('.statement-missing').textContent]",
        )?;
        ensure(
            cut[0].as_u64() >= Some(1) && cut[1] == json!("Left out by A Moscow outlet (example)."),
            format!("the cut airstrikes statement: {cut}"),
        )?;
        s.set_window_size(1280, 4200)?;
        s.screenshot(&screenshot_dir().join("coverage.png"))?;
        s.set_window_size(1280, 900)?;

        // A statement's outlet opens that article in Read at that quote, and Back returns.
        let link = s.find(".statement .wording[data-outlet=moscow] figcaption a")?;
        s.click(&link)?;
        wait_title(s, MOSCOW_TITLE)?;
        s.wait_for(
            "the quote selected in Read",
            "return location.hash.includes('view=read') && location.hash.includes('article=moscow')
               && !!document.querySelector('#article-text mark.selected')",
            WAIT,
        )?;
        let bar = js(s, "return [...document.querySelectorAll('.outlet-bar li a')].map(a => [a.textContent, a.getAttribute('aria-current')])")?;
        ensure(
            bar == json!([
                ["The built-in report", null],
                ["A wire service (example)", null],
                ["A Moscow outlet (example)", "page"]
            ]),
            format!("the outlet bar: {bar}"),
        )?;
        s.back()?;
        wait_coverage(s, EXAMPLE_TITLE)?;

        // A cell opens the outlet in Read at that side's first quote, with that side alone.
        s.click(&s.find(".by-sides tr[data-outlet=wire] .side-cell[data-side=us] a")?)?;
        wait_title(s, WIRE_TITLE)?;
        s.wait_for(
            "the wire in Read at the US side's first quote, the US side alone",
            "return location.hash.includes('show=us')
               && !!document.querySelector('#article-text mark.selected[data-quote-id=\"power-barbarism\"]')",
            WAIT,
        )?;
        // Compare of the wire: its third side (UK and France) is there, in the article's own terms.
        s.click(&s.find(".view-tab[href*='view=compare']")?)?;
        s.wait_for(
            "Compare with the wire's three sides",
            "return document.querySelectorAll('main .compare .side-head').length === 3",
            WAIT,
        )?;
        s.click(&s.find(".back-to-coverage")?)?;
        wait_coverage(s, EXAMPLE_TITLE)?;

        // Deep links: straight to one article's quote, and straight to Coverage.
        open(s, &format!("{EXAMPLE}#article=wire&quote=power-airstrikes"))?;
        wait_title(s, WIRE_TITLE)?;
        s.wait_for(
            "the linked quote selected",
            "return document.querySelector('#article-text mark.selected[data-quote-id=\"power-airstrikes\"]') !== null",
            WAIT,
        )?;
        open(s, &format!("{EXAMPLE}#view=coverage"))?;
        wait_coverage(s, EXAMPLE_TITLE)?;
        // No errors, and no warning from the workers' start (such as wasm-bindgen's "using
        // deprecated parameters for the initialization function").
        let log = s.log("browser")?;
        let errors: Vec<&Value> = log.iter().filter(|e| e["level"] == json!("SEVERE")).collect();
        ensure(errors.is_empty(), format!("console errors: {errors:?}"))?;
        let deprecated: Vec<&Value> =
            log.iter().filter(|e| e["message"].as_str().is_some_and(|m| m.contains("deprecated"))).collect();
        ensure(deprecated.is_empty(), format!("console warnings: {deprecated:?}"))
    });
}

fn example_file(name: &str) -> Result<String> {
    http_get(&site()?.url(&format!("/articles/{name}")))
}

#[test]
fn articles_dropped_together_while_an_address_is_still_coming_stay() {
    run(|s| {
        let mut late = seed_article()?;
        late["title"] = json!("Came late");
        site()?.route("/late/article.json", "application/json", late.to_string());
        // The address answers after 6 s, well after the app starts even on a busy machine.
        let opened = std::time::Instant::now();
        open(s, "/?src=late%2Farticle.json%3Fdelay_ms%3D6000")?;
        s.wait_for("the app", "return document.querySelector('.load-status.loading') !== null", WAIT)?;
        let wire = example_file("un-aleppo-2016-wire.json")?;
        let moscow = example_file("un-aleppo-2016-moscow.json")?;
        drop_files(s, &[("wire.json", wire), ("moscow.json", moscow)])?;
        wait_coverage(s, "2 articles opened together")?;
        // After the address would have answered, what the reader dropped is still shown.
        std::thread::sleep(std::time::Duration::from_millis(7500).saturating_sub(opened.elapsed()));
        let title = js(
            s,
            "return document.querySelector('#coverage-title') && document.querySelector('#coverage-title').textContent",
        )?;
        ensure(
            title == json!("2 articles opened together"),
            format!("the address replaced the dropped articles: {title}"),
        )?;
        let masthead = js(
            s,
            "return document.querySelector('.masthead h1') && document.querySelector('.masthead h1').textContent",
        )?;
        ensure(masthead != json!("Came late"), "the late address opened")
    });
}

#[test]
fn three_article_files_dropped_at_once_are_compared_and_a_collection_finds_its_files() {
    run(|s| {
        open(s, "/")?;
        let seed = example_file("russia-us-syria-2016.json")?;
        let wire = example_file("un-aleppo-2016-wire.json")?;
        let moscow = example_file("un-aleppo-2016-moscow.json")?;
        drop_files(s, &[("seed.json", seed.clone()), ("wire.json", wire.clone()), ("moscow.json", moscow.clone())])?;
        wait_coverage(s, "3 articles opened together")?;
        // Without a collection to map them, each article's sides are compared by id.
        let heads = js(s, "return [...document.querySelectorAll('.by-sides thead th')].map(th => th.textContent)")?;
        ensure(
            heads
                == json!([
                    "Outlet",
                    "Russia",
                    "United States",
                    "UK and France",
                    "Russia",
                    "US and allies",
                    "Balance of quoted words"
                ]),
            format!("the sides of three dropped articles: {heads}"),
        )?;
        let outlets =
            js(s, "return [...document.querySelectorAll('.by-sides tbody tr')].map(tr => tr.dataset.outlet)")?;
        ensure(outlets == json!(["seed", "wire", "moscow"]), format!("outlets: {outlets}"))?;
        // The collection dropped with its articles takes them by name, with its side map.
        let collection = example_file("un-aleppo-2016-collection.json")?;
        drop_files(
            s,
            &[
                ("un-aleppo-2016-collection.json", collection),
                ("russia-us-syria-2016.json", seed),
                ("un-aleppo-2016-wire.json", wire),
                ("un-aleppo-2016-moscow.json", moscow),
            ],
        )?;
        wait_coverage(s, EXAMPLE_TITLE)?;
        let heads = js(s, "return [...document.querySelectorAll('.by-sides thead th')].map(th => th.textContent)")?;
        ensure(
            heads == json!(["Outlet", "Russia", "United States", "Balance of quoted words"]),
            format!("sides: {heads}"),
        )?;
        // It is in the recent list, inline, and reopens after a reload.
        s.goto(&site()?.url("/"))?;
        s.wait_for("the recent list", "return document.querySelectorAll('.recent-item').length >= 2", WAIT)?;
        s.js(
            "[...document.querySelectorAll('.recent-open')].find(b => b.textContent.includes('three reports')).click()",
            vec![],
        )?;
        wait_coverage(s, EXAMPLE_TITLE)?;
        let rows = js(s, "return document.querySelectorAll('.by-sides tbody tr').length")?;
        ensure(rows == json!(3), format!("the recent collection has {rows} outlets"))
    });
}

#[test]
fn a_collection_of_many_articles_by_address_keeps_each_in_its_place() {
    // More articles than the page asks for in one task (10), one of them missing at the start of
    // the second ten; each article has a title of its own. The page reads each article, and the
    // inline copy, from the worker's answer only when it uses it: each must still be its own.
    run(|s| {
        let server = site()?;
        let seed: Value =
            serde_json::from_str(&example_file("russia-us-syria-2016.json")?).map_err(|e| e.to_string())?;
        let ids: Vec<String> = (0..23).map(|i| format!("o{i}")).collect();
        for id in ids.iter().filter(|id| *id != "o10") {
            let mut article = seed.clone();
            article["title"] = json!(format!("Report {id}"));
            server.route(&format!("/many-col/{id}.json"), "application/json", article.to_string());
        }
        let articles: Vec<Value> = ids
            .iter()
            .map(|id| json!({ "id": id, "outlet": format!("Outlet {id}"), "src": format!("{id}.json") }))
            .collect();
        let collection = json!({
            "kind": "collection", "format_version": 1, "title": "Twenty-three outlets",
            "sides": [{ "id": "ru", "label": "Russia" }, { "id": "us", "label": "United States" }],
            "articles": articles
        });
        server.route("/many-col/c.json", "application/json", collection.to_string());
        open(s, "/?src=many-col/c.json")?;
        wait_coverage(s, "Twenty-three outlets")?;
        let rows = js(s, "return [...document.querySelectorAll('.by-sides tbody tr')].map(tr => tr.dataset.outlet)")?;
        let opened: Vec<&String> = ids.iter().filter(|id| *id != "o10").collect();
        ensure(rows == json!(opened), format!("the opened outlets: {rows}"))?;
        let broken = js(s, "return [...document.querySelectorAll('.broken-outlet')].map(li => li.dataset.outlet)")?;
        ensure(broken == json!(["o10"]), format!("the missing article: {broken}"))?;
        // The articles after the missing one are each shown as their own.
        for id in ["o9", "o11", "o22"] {
            s.js(&format!("location.hash = '#view=compare&article={id}'"), vec![])?;
            wait_title(s, &format!("Report {id}"))?;
        }
        // The recent list keeps the collection with every article inline.
        s.wait_for(
            "the collection in the recent list",
            "const list = JSON.parse(localStorage.getItem('counterpoint:recent:list') || '{\"entries\":[]}');
             const entry = list.entries.find(e => e.title === 'Twenty-three outlets');
             const json = entry && localStorage.getItem('counterpoint:recent:article:' + entry.id) || '';
             return ['Report o0', 'Report o9', 'Report o11', 'Report o22'].every(t => json.includes(t))",
            WAIT,
        )
        .map(drop)
    });
}

#[test]
fn a_broken_article_is_listed_with_its_errors_and_the_others_open() {
    run(|s| {
        let server = site()?;
        let seed = example_file("russia-us-syria-2016.json")?;
        server.route("/broken-col/seed.json", "application/json", seed);
        server.route("/broken-col/bad.json", "application/json", "{ \"format_version\": 1,\n  \"title\": 7 }");
        let collection = json!({
            "kind": "collection", "format_version": 1, "title": "Two good, three broken",
            "sides": [{ "id": "ru", "label": "Russia" }, { "id": "us", "label": "United States" }],
            "articles": [
                { "id": "seed", "src": "seed.json" },
                { "id": "bad", "src": "bad.json" },
                { "id": "gone", "src": "gone.json" },
                { "id": "inline-bad", "article": { "format_version": 1, "title": "x" } },
                { "id": "seed-again", "outlet": "Same again", "src": "seed.json" }
            ]
        });
        server.route("/broken-col/c.json", "application/json", collection.to_string());
        open(s, "/?src=broken-col/c.json")?;
        wait_coverage(s, "Two good, three broken")?;
        let broken = js(
            s,
            "return [...document.querySelectorAll('.broken-outlet')].map(li => [li.dataset.outlet,
               ...[...li.querySelectorAll('code')].map(c => c.textContent)])",
        )?;
        let text = broken.to_string();
        ensure(
            broken.as_array().map(Vec::len) == Some(3)
                && text.contains("$.title: error: expected a non-empty string, found a number (7)")
                && text.contains("$.articles[2].src: error: could not open \\\"gone.json\\\"")
                && text.contains("404")
                && text.contains("$.articles[3].article.source: error: required field is missing"),
            format!("the broken articles: {broken}"),
        )?;
        let rows = js(s, "return [...document.querySelectorAll('.by-sides tbody tr')].map(tr => tr.dataset.outlet)")?;
        ensure(rows == json!(["seed", "seed-again"]), format!("the opened outlets: {rows}"))?;
        // The same article twice: every statement is in both.
        let count = js(s, "return document.querySelector('.statement .statement-count').textContent")?;
        ensure(count == json!("Quoted by 2 of 2 outlets"), format!("statements: {count}"))?;
        let status = js(s, "return document.querySelector('.load-status').textContent")?;
        ensure(
            status.as_str().is_some_and(|t| t.contains("Opened “Two good, three broken”") && t.contains("gone.json")),
            format!("the status: {status}"),
        )?;
        // The broken articles' errors are counted as errors, not as warnings.
        let heading = js(
            s,
            "return { text: document.querySelector('.load-status .status-heading').textContent,
                      errors: document.querySelectorAll('.load-status .problem.error').length,
                      warnings: document.querySelectorAll('.load-status .problem.warning').length }",
        )?;
        // Partly opened: not shown as a plain success.
        let partial = js(s, "return document.querySelector('.load-status.opened').classList.contains('partial')")?;
        ensure(partial == json!(true), "a collection with broken articles is styled as a success")?;
        let (errors, text) = (heading["errors"].as_u64().unwrap_or(0), heading["text"].as_str().unwrap_or(""));
        ensure(
            errors >= 3 && heading["warnings"] == json!(0) && text.contains(&format!("with {errors} errors.")),
            format!("the status heading: {heading}"),
        )?;
        // A link to a broken article's quote shows the first article that opened, and says so.
        open(s, "/?src=broken-col/c.json#view=read&article=bad&quote=q1")?;
        let seed_title = "Russia accuses the US of supporting terror groups in Syria";
        wait_title(s, seed_title)?;
        let current = js(s, "return document.querySelector('.outlet-bar a[aria-current]').textContent")?;
        ensure(
            current == json!("Unattributed news report (seed text, outlet not named)"),
            format!("current outlet: {current}"),
        )?;
        let notice = js(s, "return (document.querySelector('.quote-notice') || {}).textContent || ''")?;
        ensure(notice.as_str().is_some_and(|n| n.contains("no quote “q1”")), format!("the notice: {notice}"))
    });
}

#[test]
fn the_single_file_opens_the_example_collection_offline() {
    run(|s| {
        let file = single_file();
        ensure(file.exists(), format!("{} is missing: run `cargo xtask dist`", file.display()))?;
        s.goto(&format!("file://{}", file.display()))?;
        s.wait_for("the app", "return document.querySelector('.app:not([data-prerendered]) main') !== null", WAIT)?;
        s.click(&s.find(".example-link")?)?;
        wait_coverage(s, EXAMPLE_TITLE)?;
        let rows = js(s, "return document.querySelectorAll('.by-sides tbody tr').length")?;
        ensure(rows == json!(3), format!("{rows} outlets offline"))?;
        let differs = js(s, "return document.querySelectorAll('.wordings mark.differs').length")?;
        ensure(differs.as_u64() > Some(0), "no differing words offline")?;
        let network =
            js(s, "return performance.getEntriesByType('resource').map(e => e.name).filter(n => /^https?:/.test(n))")?;
        ensure(network == json!([]), format!("the single file made requests: {network}"))
    });
}

#[test]
fn an_embedded_collection_shows_coverage_and_sizes_its_frame() {
    run(|s| {
        let app = site()?.url("");
        let host = e2e::harness::site_with(e2e::server::ServerOptions::default())?;
        host.route(
            "/host.html",
            "text/html; charset=utf-8",
            format!(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Host</title></head><body style=\"margin:0\">\
                 <iframe id=\"cp\" data-counterpoint src=\"{app}/?embed=1&src=articles/un-aleppo-2016-collection.json#view=coverage\" \
                 title=\"Counterpoint\" style=\"width:100%;height:150px;border:0\"></iframe>\
                 <script src=\"{app}/embed.js\"></script></body></html>"
            ),
        );
        s.goto(&host.url("/host.html"))?;
        s.wait_for("the frame", "return document.getElementById('cp') !== null", WAIT)?;
        s.switch_to_frame(&s.find("#cp")?)?;
        wait_coverage(s, EXAMPLE_TITLE)?;
        let embedded = js(
            s,
            "return document.querySelector('.app.embedded') !== null && document.querySelector('.brand') === null",
        )?;
        ensure(embedded == json!(true), "the collection is not shown with the embedded chrome")?;
        let content = js(s, "return document.body.getBoundingClientRect().height")?.as_f64().unwrap_or(0.0);
        s.switch_to_top()?;
        let script =
            format!("return Math.abs(document.getElementById('cp').getBoundingClientRect().height - {content}) <= 2");
        s.wait_for("the frame to take the Coverage view's height", &script, WAIT)?;
        ensure(content > 800.0, format!("the Coverage view is only {content} px tall"))
    });
}

/// The example collection with its three articles inline, as a paste or a message carries it.
fn inline_example() -> Result<Value> {
    let parse = |name: &str| -> Result<Value> {
        serde_json::from_str(&example_file(name)?).map_err(|e| format!("{name}: {e}"))
    };
    let mut collection = parse("un-aleppo-2016-collection.json")?;
    if let Some(entries) = collection["articles"].as_array_mut() {
        for entry in entries {
            let src = entry["src"].as_str().unwrap_or_default().to_owned();
            entry["article"] = parse(&src)?;
            entry.as_object_mut().map(|e| e.remove("src"));
        }
    }
    Ok(collection)
}

#[test]
fn a_pasted_collection_opens_and_one_given_by_address_says_how_to_open_it() {
    run(|s| {
        open(s, "/")?;
        paste_text(s, &inline_example()?.to_string())?;
        wait_coverage(s, EXAMPLE_TITLE)?;
        let rows = js(s, "return document.querySelectorAll('.by-sides tbody tr').length")?;
        ensure(rows == json!(3), format!("{rows} outlets pasted"))?;
        // Pasted with its articles by address, the page cannot fetch them: it says what to do.
        paste_text(s, &example_file("un-aleppo-2016-collection.json")?)?;
        let failed = s.wait_for(
            "the failure",
            "const f = document.querySelector('.load-status.failed'); return f ? f.textContent : null",
            WAIT,
        )?;
        ensure(
            failed.as_str().is_some_and(|t| {
                t.contains("$.articles[0].src") && t.contains("open the collection from its address (?src=)")
            }),
            format!("the failure says {failed}"),
        )?;
        // The collection on screen stays.
        let rows = js(s, "return document.querySelectorAll('.by-sides tbody tr').length")?;
        ensure(rows == json!(3), "the open collection was lost")?;
        // A single article pasted after it replaces it: its Compare view, no Coverage tab left.
        let seed = example_file("un-aleppo-2016-wire.json")?;
        paste_text(s, &seed)?;
        wait_title(s, WIRE_TITLE)?;
        s.wait_for(
            "the article's Compare view",
            "return !!document.querySelector('main .compare') && location.hash === '#view=compare'
               && !document.querySelector('.view-tab[href*=\"view=coverage\"]') && !document.querySelector('.outlet-bar')",
            WAIT,
        )
        .map(drop)
    });
}

#[test]
fn a_collection_sent_by_message_opens_in_an_embed() {
    run(|s| {
        let app = site()?.url("");
        let host = e2e::harness::site_with(e2e::server::ServerOptions::default())?;
        let origin = host.url("");
        host.route(
            "/host.html",
            "text/html; charset=utf-8",
            format!(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Host</title></head><body>\
                 <script>window.got = []; addEventListener('message', e => {{ if (e.data && e.data.type) got.push(e.data); }});</script>\
                 <iframe id=\"cp\" src=\"{app}/?embed=1&parent_origin={origin}\" title=\"Counterpoint\" \
                 style=\"width:100%;height:600px;border:0\"></iframe></body></html>"
            ),
        );
        s.goto(&host.url("/host.html"))?;
        s.wait_for("counterpoint:ready", "return window.got.some(m => m.type === 'counterpoint:ready')", WAIT)?;
        s.js(
            "document.getElementById('cp').contentWindow.postMessage({ type: 'counterpoint:load', article: arguments[0] }, '*')",
            vec![inline_example()?],
        )?;
        s.wait_for(
            "the collection's loaded event",
            &format!(
                "return window.got.some(m => m.type === 'counterpoint:loaded' && m.title === {})",
                json!(EXAMPLE_TITLE)
            ),
            WAIT,
        )?;
        s.switch_to_frame(&s.find("#cp")?)?;
        wait_coverage(s, EXAMPLE_TITLE)?;
        let statements = js(s, "return document.querySelectorAll('.statement').length")?;
        ensure(statements.as_u64() >= Some(3), format!("{statements} statements in the embed"))?;
        // The collection is announced once, with every article's quotes; going to one of its
        // articles is not another load.
        let quotes: usize = inline_example()?["articles"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| a["article"]["quotes"].as_array().map_or(0, Vec::len))
            .sum();
        s.click(&s.find(".statement figcaption a, .statement .statement-outlets a")?)?;
        s.wait_for("the quote in Read", "return !!document.querySelector('#article-text mark.selected')", WAIT)?;
        s.switch_to_top()?;
        s.js_async(
            "const done = arguments[arguments.length - 1];
             requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)))",
            vec![],
        )?;
        let loaded =
            js(s, "return window.got.filter(m => m.type === 'counterpoint:loaded').map(m => [m.title, m.quotes])")?;
        let seed_title = loaded[0][0].clone();
        ensure(
            loaded == json!([[seed_title, loaded[0][1]], [EXAMPLE_TITLE, quotes]]),
            format!("the loaded events: {loaded}"),
        )
    });
}

#[test]
fn a_collection_fetches_the_collections_worker_and_not_the_extractor() {
    run(|s| {
        let server = e2e::harness::site_with(e2e::server::ServerOptions::default())?;
        s.goto(&server.url(EXAMPLE))?;
        wait_coverage(s, EXAMPLE_TITLE)?;
        let requests = server.requests();
        let workers: Vec<&String> = requests
            .iter()
            .filter(|r| r.contains("counterpoint-worker") || r.contains("counterpoint-collections"))
            .collect();
        ensure(
            workers.iter().any(|r| r.ends_with("counterpoint-collections_bg.wasm"))
                && !workers.iter().any(|r| r.contains("counterpoint-worker")),
            format!("the workers fetched: {workers:?}"),
        )
    });
}
