//! The harness keeps a passed test's browser for the next test (`harness::run_with`). These
//! tests show that the next test gets it as a new browser would be: nothing stored, no other
//! tab, no emulated media, no script added to new pages, no earlier log.

use e2e::harness::{ensure, open, run_one_after_another, site};
use serde_json::json;

#[test]
fn a_kept_browser_brings_nothing_of_one_test_to_the_next() {
    run_one_after_another(
        |s| {
            open(s, "/")?;
            s.js(
                "localStorage.setItem('leak', '1'); sessionStorage.setItem('leak', '1');
                 document.cookie = 'leak=1'; console.error('leak from the first test');
                 window.open(location.href, '_blank');",
                vec![],
            )?;
            ensure(s.window_handles()? == 2, "the first test's second tab did not open")?;
            s.emulate_media(&[("prefers-color-scheme", "dark")])?;
            s.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": "window.__leak = 1;" }))?;
            s.goto(&site()?.url("/?again=1"))?;
            let dirty = s.js(
                "return [localStorage.getItem('leak'), window.__leak, matchMedia('(prefers-color-scheme: dark)').matches]",
                vec![],
            )?;
            ensure(dirty == json!(["1", 1, true]), format!("the first test's changes did not take: {dirty}"))
        },
        |s| {
            let logged = s.log("browser")?;
            ensure(logged.is_empty(), format!("the last test's console messages came along: {logged:?}"))?;
            open(s, "/")?;
            let seen = s.js(
                "return { local: localStorage.getItem('leak'), session: sessionStorage.getItem('leak'),
                          cookie: document.cookie, script: window.__leak === undefined ? null : window.__leak,
                          dark: matchMedia('(prefers-color-scheme: dark)').matches }",
                vec![],
            )?;
            ensure(
                seen == json!({ "local": null, "session": null, "cookie": "", "script": null, "dark": false }),
                format!("the kept browser still holds the last test's state: {seen}"),
            )?;
            let tabs = s.window_handles()?;
            ensure(tabs == 1, format!("{tabs} tabs are open, not 1"))
        },
    );
}
