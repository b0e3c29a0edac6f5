//! The authoring view on the release build, in headless Chromium: paste the seed text, see the
//! quotes and speakers, rename a speaker, reload, open the draft in the explorer, download it
//! and discard it. Screenshots go to `target/screenshots/`.

use e2e::harness::{ensure, open, project_root, run, screenshot_dir, set_author_text, site_with, wait_author, WAIT};
use e2e::server::ServerOptions;
use e2e::webdriver::{Result, Session};
use serde_json::{json, Value};

const DRAFT_KEY: &str = "counterpoint.draft.v1";

fn seed_text() -> Result<String> {
    let path = project_root().join("tests/data/russia-us-syria-2016.txt");
    std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Puts `text` in the text box as a paste would, and waits until extraction has finished.
fn paste(s: &Session, text: &str) -> Result<()> {
    set_author_text(s, text)?;
    wait_extracted(s)
}

fn wait_extracted(s: &Session) -> Result<()> {
    s.wait_for(
        "extraction to finish",
        "const st = document.querySelector('.author-status');
         return st && st.dataset.state === 'idle' && document.querySelector('#author-preview') !== null;",
        WAIT,
    )
    .map(drop)
}

/// The values of the speaker name fields, in table order.
fn speaker_names(s: &Session) -> Result<Vec<String>> {
    let names =
        s.js("return [...document.querySelectorAll('.speakers-table .speaker-name')].map(i => i.value)", vec![])?;
    Ok(names.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)).collect())
}

fn stored_draft(s: &Session) -> Result<Value> {
    let raw = s.js("return localStorage.getItem(arguments[0])", vec![json!(DRAFT_KEY)])?;
    Ok(raw.as_str().and_then(|r| serde_json::from_str(r).ok()).unwrap_or(Value::Null))
}

/// Sets a field's value and fires `change`, as a user editing it and leaving it would.
fn change(s: &Session, selector: &str, value: &str) -> Result<()> {
    let done = s.js(
        "const el = document.querySelector(arguments[0]); if (!el) return false;
         el.value = arguments[1]; el.dispatchEvent(new Event('change', { bubbles: true })); return true;",
        vec![json!(selector), json!(value)],
    )?;
    ensure(done == json!(true), format!("no field {selector}"))
}

#[test]
fn pasting_the_seed_highlights_quotes_and_lists_lavrov_power_and_churkin() {
    run(|s| {
        open(s, "/#view=author")?;
        // The page's heading is the authoring view's, not the title of the article open elsewhere.
        let heading = s.js(
            "const h = document.querySelector('.masthead h1'); \
             return [h.textContent, document.querySelector('section.author').getAttribute('aria-labelledby') === h.id]",
            vec![],
        )?;
        ensure(heading == json!(["Author an article", true]), format!("the Author view's heading: {heading}"))?;
        paste(s, &seed_text()?)?;
        let marks = s.js("return document.querySelectorAll('#author-preview mark[data-quote-id]').length", vec![])?;
        ensure(marks.as_u64().unwrap_or(0) >= 9, format!("only {marks} highlights"))?;
        let barbarism = s.js(
            "return [...document.querySelectorAll('#author-preview mark')].some(m => m.textContent.includes('not counterterrorism it is barbarism'))",
            vec![],
        )?;
        ensure(barbarism == json!(true), "Power's barbarism quote is not highlighted")?;
        let names = speaker_names(s)?;
        for who in ["Lavrov", "Power", "Churkin"] {
            ensure(names.iter().any(|n| n.contains(who)), format!("{who} is not in the speakers table: {names:?}"))?;
        }
        // The suggested sides are there for the user to accept or change.
        let sides = s.js(
            "return [...document.querySelectorAll('.speakers-table .suggested')].map(c => c.textContent)",
            vec![],
        )?;
        ensure(
            sides.to_string().contains("Russia") && sides.to_string().contains("United States"),
            format!("sides {sides}"),
        )?;
        s.screenshot(&screenshot_dir().join("author.png"))
    });
}

#[test]
fn text_pasted_into_an_empty_draft_comes_back_after_a_reload_before_its_quotes_are_found() {
    run(|s| {
        open(s, "/#view=author")?;
        let text = seed_text()?;
        // Pasted, and the tab reloaded in the same moment: before the worker has answered.
        set_author_text(s, &text)?;
        s.js("window.__before_reload = true; location.reload();", vec![])?;
        s.wait_for(
            "the reloaded authoring view",
            "const t = document.querySelector('#author-text'); return !window.__before_reload && t !== null",
            WAIT,
        )?;
        let restored = s.js("return document.querySelector('#author-text').value", vec![])?;
        ensure(
            restored.as_str() == Some(text.as_str()),
            format!("the pasted text did not come back: {} characters", restored.as_str().map_or(0, str::len)),
        )?;
        // Its quotes are then found, as for text typed after a reload.
        wait_extracted(s)?;
        let marks = s.js("return document.querySelectorAll('#author-preview mark[data-quote-id]').length", vec![])?;
        ensure(marks.as_u64().unwrap_or(0) >= 9, format!("{marks} highlights after the reload"))
    });
}

#[test]
fn a_renamed_speaker_and_the_text_survive_a_reload() {
    run(|s| {
        let seed = seed_text()?;
        open(s, "/#view=author")?;
        paste(s, &seed)?;
        let power = s.js(
            "const row = [...document.querySelectorAll('.speakers-table tr[data-speaker]')].find(r => r.querySelector('.speaker-name').value.includes('Power'));
             return row && row.dataset.speaker;",
            vec![],
        )?;
        let power = power.as_str().ok_or("no row for Power")?.to_owned();
        change(s, &format!("tr[data-speaker='{power}'] .speaker-name"), "Ambassador Samantha Power")?;
        s.wait_for(
            "the rename to be saved",
            &format!("return (localStorage.getItem({}) || '').includes('Ambassador Samantha Power')", json!(DRAFT_KEY)),
            WAIT,
        )?;
        s.js("location.reload()", vec![])?;
        open(s, "/#view=author")?;
        wait_extracted(s)?;
        let names = speaker_names(s)?;
        ensure(names.iter().any(|n| n == "Ambassador Samantha Power"), format!("after reload: {names:?}"))?;
        let text = s.js("return document.querySelector('#author-text').value", vec![])?;
        ensure(text.as_str() == Some(seed.as_str()), "the text changed across the reload")?;
        let marks = s.js("return document.querySelectorAll('#author-preview mark').length", vec![])?;
        ensure(marks.as_u64().unwrap_or(0) >= 9, format!("{marks} highlights after reload"))
    });
}

#[test]
fn open_in_explorer_shows_the_draft_in_compare_and_read() {
    run(|s| {
        open(s, "/#view=author")?;
        paste(s, &seed_text()?)?;
        s.click(&s.find("#author-open")?)?;
        s.wait_for("the Compare view", "return document.querySelector('.compare .quote-card') !== null", WAIT)?;
        let hash = s.js("return location.hash", vec![])?;
        ensure(hash.as_str().is_some_and(|h| h.contains("view=compare")), format!("hash {hash}"))?;
        let cards = s.js(
            "return [...document.querySelectorAll('.compare .quote-card')].map(c => c.textContent).join('\\n')",
            vec![],
        )?;
        let cards = cards.as_str().unwrap_or_default();
        ensure(cards.contains("barbarism"), "Power's quote is not in Compare")?;
        ensure(cards.contains("Lavrov") && cards.contains("Churkin"), "speakers missing from Compare")?;
        let title = s.js("return document.querySelector('.masthead h1').textContent", vec![])?;
        ensure(title == json!("Russia accuses the US of supporting terror groups in Syria"), format!("title {title}"))?;
        s.click(&s.find(".view-tab[href*='view=read']")?)?;
        s.wait_for("the Read view", "return document.querySelectorAll('#article-text mark').length >= 9", WAIT)?;
        Ok(())
    });
}

#[test]
fn download_json_saves_article_format_v1() {
    run(|s| {
        open(s, "/#view=author")?;
        paste(s, &seed_text()?)?;
        // Keep the Blob the app hands to the download link, then read it back.
        s.js(
            "const original = URL.createObjectURL;
             URL.createObjectURL = blob => { window.__downloaded = blob; return original.call(URL, blob); };",
            vec![],
        )?;
        s.click(&s.find("#author-download")?)?;
        let text = s.js_async(
            "const done = arguments[arguments.length - 1];
             const blob = window.__downloaded;
             if (!blob) { done(null); return; }
             blob.text().then(t => done({ type: blob.type, text: t }));",
            vec![],
        )?;
        ensure(text["type"] == json!("application/json"), format!("blob type {}", text["type"]))?;
        let article: Value =
            serde_json::from_str(text["text"].as_str().unwrap_or_default()).map_err(|e| e.to_string())?;
        ensure(article["format_version"] == json!(1), "not format v1")?;
        let quotes = article["quotes"].as_array().map_or(0, Vec::len);
        ensure(quotes >= 9, format!("{quotes} quotes in the download"))?;
        let speakers = article["speakers"].to_string();
        ensure(speakers.contains("Sergei Lavrov") && speakers.contains("Churkin"), format!("speakers {speakers}"))
    });
}

#[test]
fn discarding_the_draft_asks_first() {
    run(|s| {
        open(s, "/#view=author")?;
        paste(s, &seed_text()?)?;
        s.wait_for("the autosave", &format!("return localStorage.getItem({}) !== null", json!(DRAFT_KEY)), WAIT)?;
        s.click(&s.find("#author-discard")?)?;
        ensure(stored_draft(s)? != Value::Null, "the draft went before the user confirmed")?;
        s.click(&s.find("#discard-no")?)?;
        let kept = s.js("return document.querySelector('#author-text').value.length", vec![])?;
        ensure(kept.as_u64().unwrap_or(0) > 1000, "keeping the draft lost the text")?;
        ensure(stored_draft(s)? != Value::Null, "keeping the draft removed the autosave")?;
        s.click(&s.find("#author-discard")?)?;
        s.click(&s.find("#discard-yes")?)?;
        s.wait_for(
            "the empty draft",
            &format!(
                "return document.querySelector('#author-text').value === '' && localStorage.getItem({}) === null",
                json!(DRAFT_KEY)
            ),
            WAIT,
        )?;
        Ok(())
    });
}

#[test]
fn pasted_markup_stays_text() {
    run(|s| {
        open(s, "/#view=author")?;
        paste(s, "“<img src=x onerror=window.__pwned=1> is <b>bold</b>,” the minister said.\n")?;
        let found = s.js(
            "return [document.querySelectorAll('.author img, .author b').length, window.__pwned === 1,
                     document.querySelector('#author-preview').textContent.includes('<b>bold</b>')]",
            vec![],
        )?;
        ensure(found == json!([0, false, true]), format!("markup was parsed: {found}"))
    });
}

#[test]
fn opening_a_txt_file_extracts_its_quotes() {
    run(|s| {
        open(s, "/#view=author")?;
        let path = project_root().join("tests/data/russia-us-syria-2016.txt");
        // WebDriver types a path into a file input as a user picking the file would.
        s.send_keys(&s.find(".file-pick input[type=file]")?, &path.to_string_lossy())?;
        s.wait_for(
            "the file's quotes",
            "return document.querySelectorAll('#author-preview mark').length >= 9 && document.querySelector('#author-text').value.length > 1000",
            WAIT,
        )?;
        let names = speaker_names(s)?;
        ensure(names.iter().any(|n| n.contains("Lavrov")), format!("speakers {names:?}"))
    });
}

/// A multi-megabyte paste is extracted in slices: the page records every value the progress
/// bar shows, and one of them lies strictly between the start and the end.
#[test]
fn a_long_paste_shows_progress_while_it_is_extracted() {
    run(|s| {
        let seed = seed_text()?;
        let text = vec![seed.as_str(); 4_000_000 / seed.len()].join("\n\n");
        open(s, "/#view=author")?;
        s.js(
            "window.__progress = [];
             const status = document.querySelector('.author-status');
             const record = () => {
               const bar = status.querySelector('progress');
               if (bar && bar.getClientRects().length > 0) window.__progress.push(bar.value);
             };
             new MutationObserver(record).observe(status, { subtree: true, childList: true, characterData: true });",
            vec![],
        )?;
        paste(s, &text)?;
        let seen = s.js("return window.__progress", vec![])?;
        let midway = seen.as_array().into_iter().flatten().filter_map(Value::as_f64).any(|v| v > 0.0 && v < 100.0);
        ensure(midway, format!("the progress bar never showed a value between 0 and 100: {seen}"))?;
        let marks = s.js("return document.querySelectorAll('#author-preview mark').length", vec![])?;
        ensure(marks.as_u64().unwrap_or(0) > 1000, format!("only {marks} highlights"))
    });
}

/// The id of the speaker row whose name contains `name`.
fn speaker_row(s: &Session, name: &str) -> Result<String> {
    let id = s.js(
        "const row = [...document.querySelectorAll('.speakers-table tr[data-speaker]')]
           .find(r => r.querySelector('.speaker-name').value.includes(arguments[0]));
         return row ? row.dataset.speaker : null;",
        vec![json!(name)],
    )?;
    id.as_str().map(str::to_owned).ok_or(format!("no speaker row for {name}"))
}

/// The ids of the quotes listed for editing whose speaker is `speaker`.
fn quotes_of(s: &Session, speaker: &str) -> Result<Vec<String>> {
    let ids = s.js(
        "return [...document.querySelectorAll('.quote-list .quote-row')]
           .filter(r => r.querySelector('.quote-speaker').value === arguments[0]).map(r => r.dataset.quoteId)",
        vec![json!(speaker)],
    )?;
    Ok(ids.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)).collect())
}

/// Types a label into the "New side" or "New topic" form of `section` and submits it.
fn add_label(s: &Session, section: &str, label: &str) -> Result<()> {
    let done = s.js(
        "const form = document.querySelector(arguments[0] + ' .add-label'); if (!form) return false;
         const input = form.querySelector('input');
         input.value = arguments[1]; input.dispatchEvent(new Event('input', { bubbles: true }));
         form.requestSubmit(); return true;",
        vec![json!(section), json!(label)],
    )?;
    ensure(done == json!(true), format!("no form in {section}"))?;
    s.wait_for(
        "the new label",
        &format!(
            "return [...document.querySelectorAll({} + ' .label-list input')].some(i => i.value === {})",
            json!(section),
            json!(label)
        ),
        WAIT,
    )
    .map(drop)
}

/// Waits for Compare after "Open in explorer" and returns, for each card, its quote id, side,
/// topic row and speaker line.
fn compare_cards(s: &Session) -> Result<Vec<Value>> {
    s.click(&s.find("#author-open")?)?;
    s.wait_for("the Compare view", "return document.querySelector('.compare .quote-card') !== null", WAIT)?;
    let cards = s.js(
        "return [...document.querySelectorAll('.compare .quote-card')].map(c => ({
           id: c.dataset.quoteId, side: c.dataset.side,
           topic: c.closest('.topic-row') ? c.closest('.topic-row').dataset.topic : null,
           who: c.querySelector('.who').textContent }))",
        vec![],
    )?;
    Ok(cards.as_array().cloned().unwrap_or_default())
}

fn card<'a>(cards: &'a [Value], id: &str) -> Result<&'a Value> {
    cards.iter().find(|c| c["id"] == json!(id)).ok_or(format!("no card {id} in Compare"))
}

#[test]
fn a_new_renamed_side_takes_a_speaker_into_its_column() {
    run(|s| {
        open(s, "/#view=author")?;
        paste(s, &seed_text()?)?;
        add_label(s, ".sides-editor", "Neutral")?;
        change(s, ".sides-editor .label-list li[data-id='neutral'] input", "Observers")?;
        let churkin = speaker_row(s, "Churkin")?;
        change(s, &format!("tr[data-speaker='{churkin}'] .speaker-side"), "neutral")?;
        let quotes = quotes_of(s, &churkin)?;
        ensure(!quotes.is_empty(), "Churkin has no quotes")?;
        let sides = s.js(
            "return arguments[0].map(id => document.querySelector(`#author-preview mark[data-quote-id='${id}']`).dataset.side)",
            vec![json!(quotes)],
        )?;
        ensure(sides.as_array().is_some_and(|a| a.iter().all(|v| v == "neutral")), format!("highlights {sides}"))?;
        let cards = compare_cards(s)?;
        let heads = s.js("return [...document.querySelectorAll('.side-head')].map(h => h.textContent)", vec![])?;
        ensure(heads.to_string().contains("Observers"), format!("side columns {heads}"))?;
        for id in &quotes {
            let c = card(&cards, id)?;
            ensure(c["side"] == json!("neutral"), format!("Churkin's quote {id} is in {c}"))?;
        }
        Ok(())
    });
}

#[test]
fn one_quote_moves_to_another_side_and_into_a_new_topic() {
    run(|s| {
        open(s, "/#view=author")?;
        paste(s, &seed_text()?)?;
        let lavrov = speaker_row(s, "Lavrov")?;
        let quotes = quotes_of(s, &lavrov)?;
        let (moved, kept) = match quotes.as_slice() {
            [a, b, ..] => (a.clone(), b.clone()),
            _ => return Err(format!("Lavrov has {} quotes", quotes.len())),
        };
        let side = s.js(
            &format!("return document.querySelector(\"tr[data-speaker='{lavrov}'] .speaker-side\").value"),
            vec![],
        )?;
        let side = side.as_str().ok_or("no side for Lavrov")?.to_owned();
        let other = if side == "united-states" { "russia" } else { "united-states" };
        change(s, &format!(".quote-row[data-quote-id='{moved}'] .quote-side"), other)?;
        add_label(s, ".topics-editor", "Ceasefire")?;
        s.click(&s.find(&format!(".quote-row[data-quote-id='{moved}'] input[data-topic='ceasefire']"))?)?;
        let marks = s.js(
            "return arguments[0].map(id => document.querySelector(`#author-preview mark[data-quote-id='${id}']`).dataset.side)",
            vec![json!([moved, kept])],
        )?;
        ensure(marks == json!([other, side]), format!("highlight sides {marks}"))?;
        let cards = compare_cards(s)?;
        let (m, k) = (card(&cards, &moved)?, card(&cards, &kept)?);
        ensure(m["side"] == json!(other) && m["topic"] == json!("ceasefire"), format!("moved quote {m}"))?;
        ensure(k["side"] == json!(side) && k["topic"] != json!("ceasefire"), format!("other quote {k}"))
    });
}

#[test]
fn merging_two_speakers_gives_their_quotes_one_name() {
    run(|s| {
        open(s, "/#view=author")?;
        paste(s, &seed_text()?)?;
        let (power, churkin) = (speaker_row(s, "Power")?, speaker_row(s, "Churkin")?);
        let moved = quotes_of(s, &churkin)?;
        change(s, &format!("tr[data-speaker='{churkin}'] .speaker-merge"), &power)?;
        let names = speaker_names(s)?;
        ensure(!names.iter().any(|n| n.contains("Churkin")), format!("Churkin is still listed: {names:?}"))?;
        let now = quotes_of(s, &power)?;
        ensure(moved.iter().all(|q| now.contains(q)), format!("Power's quotes {now:?} lack {moved:?}"))?;
        let cards = compare_cards(s)?;
        for id in &moved {
            let c = card(&cards, id)?;
            ensure(c["who"].as_str().is_some_and(|w| w.contains("Power")), format!("merged quote {c}"))?;
        }
        Ok(())
    });
}

/// Reported speech without quote marks is off by default; the switch adds it as paraphrases,
/// saves the choice with the draft, and Compare shows them as paraphrases.
#[test]
fn the_paraphrase_switch_adds_reported_speech() {
    run(|s| {
        open(s, "/#view=author")?;
        paste(s, "Lavrov said the truce had failed.\n\n“We are ready to talk,” Kerry said.\n")?;
        let rows = "return document.querySelectorAll('.quote-list .quote-row').length";
        ensure(s.js(rows, vec![])? == json!(1), "a paraphrase was listed with the switch off")?;
        s.click(&s.find("#author-paraphrases")?)?;
        s.wait_for("the paraphrase to be listed", &format!("{rows} === 2"), WAIT)?;
        ensure(stored_draft(s)?["paraphrases"] == json!(true), "the switch is not saved with the draft")?;
        ensure(speaker_names(s)?.iter().any(|n| n == "Lavrov"), "Lavrov is not in the speakers table")?;
        let cards = compare_cards(s)?;
        ensure(cards.len() == 2, format!("Compare shows {} cards", cards.len()))?;
        let paraphrase = s.js(
            "const p = document.querySelector('.compare .quote-card .quote-text.paraphrase');
             return p && p.textContent;",
            vec![],
        )?;
        ensure(paraphrase == json!("the truce had failed"), format!("the paraphrase card reads {paraphrase}"))
    });
}

/// Three quotes of three people, for the test of a text edited after corrections.
const THREE: &str = "Talks resume in Geneva\n\n“We will not leave the talks,” Lavrov said on Monday.\n\n\
                     “The door is still open,” Kerry said.\n\n“Nobody here wants a war,” Price said.\n";

/// The id of the quote row whose words contain `words`.
fn quote_row(s: &Session, words: &str) -> Result<String> {
    let id = s.js(
        "const row = [...document.querySelectorAll('.quote-list .quote-row')]
           .find(r => r.querySelector('.quote-words q').textContent.includes(arguments[0]));
         return row ? row.dataset.quoteId : null;",
        vec![json!(words)],
    )?;
    id.as_str().map(str::to_owned).ok_or(format!("no quote row with {words:?}"))
}

/// Bug: typing one character in the text wiped every quote's topics and the speakers the user
/// had chosen. They stay, in the page and in the saved draft.
#[test]
fn typing_in_the_text_keeps_quote_topics_and_chosen_speakers() {
    run(|s| {
        open(s, "/#view=author")?;
        paste(s, THREE)?;
        add_label(s, ".topics-editor", "Talks")?;
        let door = quote_row(s, "door is")?;
        s.click(&s.find(&format!(".quote-row[data-quote-id='{door}'] input[data-topic='talks']"))?)?;
        let lavrov = speaker_row(s, "Lavrov")?;
        let war = quote_row(s, "wants a war")?;
        change(s, &format!(".quote-row[data-quote-id='{war}'] .quote-speaker"), &lavrov)?;
        s.wait_for(
            "the corrections to be saved",
            &format!("return (localStorage.getItem({}) || '').includes('speaker_edited')", json!(DRAFT_KEY)),
            WAIT,
        )?;
        // One character typed into the headline, as a keystroke changes the text box.
        s.js(
            "const t = document.querySelector('#author-text'); t.value = t.value.replace('Geneva', 'Geneva!');
             t.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![],
        )?;
        wait_extracted(s)?;
        let text = s.js("return document.querySelector('#author-text').value", vec![])?;
        ensure(text.as_str().is_some_and(|t| t.contains("Geneva!")), "the text did not change")?;
        let door = quote_row(s, "door is")?;
        let ticked = s.js(
            &format!("return document.querySelector(\".quote-row[data-quote-id='{door}'] input[data-topic='talks']\").checked"),
            vec![],
        )?;
        ensure(ticked == json!(true), "the quote lost its topic")?;
        let war = quote_row(s, "wants a war")?;
        let who = s.js(
            &format!("return document.querySelector(\".quote-row[data-quote-id='{war}'] .quote-speaker\").value"),
            vec![],
        )?;
        ensure(who == json!(lavrov), format!("the chosen speaker went back: {who}"))?;
        let stored = stored_draft(s)?;
        ensure(stored["text"].as_str().is_some_and(|t| t.contains("Geneva!")), "the edit is not saved")?;
        let quotes = stored["quotes"].as_array().cloned().unwrap_or_default();
        ensure(quotes.iter().any(|q| q["topics"] == json!(["talks"])), format!("saved quotes {quotes:?}"))
    });
}

/// Bug: with every speaker on a real side, Compare still showed an empty "Unassigned" column.
/// It is gone, and a side can be removed.
#[test]
fn no_unassigned_column_when_every_speaker_has_a_side_and_a_side_is_removed() {
    run(|s| {
        open(s, "/#view=author")?;
        paste(s, THREE)?;
        // The extraction left a speaker unassigned, so the draft has that side.
        s.find(".sides-editor li[data-id='unassigned']")?;
        add_label(s, ".sides-editor", "Pro")?;
        let speakers = s.js(
            "return [...document.querySelectorAll('.speakers-table tr[data-speaker]')].map(r => r.dataset.speaker)",
            vec![],
        )?;
        let speakers: Vec<String> =
            speakers.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)).collect();
        ensure(!speakers.is_empty(), "no speakers")?;
        for id in &speakers {
            change(s, &format!("tr[data-speaker='{id}'] .speaker-side"), "pro")?;
        }
        add_label(s, ".sides-editor", "Observers")?;
        compare_cards(s)?;
        let heads = s.js("return [...document.querySelectorAll('.side-head')].map(h => h.textContent)", vec![])?;
        let heads = heads.to_string();
        ensure(!heads.contains("Unassigned"), format!("side columns {heads}"))?;
        ensure(heads.contains("Observers"), format!("a side the user added is kept: {heads}"))?;

        s.click(&s.find(".view-tab[href*='view=author']")?)?;
        wait_extracted(s)?;
        let remove = s.find(".sides-editor button[aria-label='Remove side Observers']")?;
        s.click(&remove)?;
        s.wait_for(
            "the side to go",
            "return ![...document.querySelectorAll('.sides-editor .label-list input')].some(i => i.value === 'Observers')",
            WAIT,
        )?;
        let unassigned =
            s.js("return document.querySelector(\".sides-editor li[data-id='unassigned'] button\")", vec![])?;
        ensure(unassigned.is_null(), "Unassigned has a Remove button")?;
        compare_cards(s)?;
        let heads = s.js("return [...document.querySelectorAll('.side-head')].map(h => h.textContent)", vec![])?;
        ensure(!heads.to_string().contains("Observers"), format!("side columns {heads}"))
    });
}

/// The requests for the authoring module's wasm, at any address (a retry adds `?attempt=N`).
fn author_wasm_requests(requests: &[String]) -> usize {
    requests.iter().filter(|r| r.starts_with("/counterpoint-author_bg.wasm")).count()
}

/// A reader never downloads the authoring view: the page's first view fetches nothing of its
/// module, which comes when someone opens Author, once, however often they come back to it.
#[test]
fn the_authoring_module_is_fetched_only_when_author_is_first_opened() {
    run(|s| {
        let server = site_with(ServerOptions::default())?;
        s.goto(&server.url("/"))?;
        s.wait_for("the quotes", "return document.querySelector('.compare .quote-card') !== null", WAIT)?;
        // The page has started and answered a filter: everything a reader uses has loaded.
        s.js("document.querySelector('.side-toggle[data-side=us]').click()", vec![])?;
        s.wait_for(
            "the filter",
            "return document.querySelector('.side-toggle[data-side=us]').getAttribute('aria-pressed') === 'false'",
            WAIT,
        )?;
        let early: Vec<String> = server.requests().into_iter().filter(|r| r.contains("author")).collect();
        ensure(early.is_empty(), format!("the reader's page fetched the authoring module: {early:?}"))?;
        s.click(&s.find(".view-tab[href*='view=author']")?)?;
        wait_author(s)?;
        let requests = server.requests();
        ensure(
            requests.iter().any(|r| r == "/author-boot.js") && author_wasm_requests(&requests) == 1,
            format!("opening Author did not fetch its module once: {requests:?}"),
        )?;
        // Away and back: the view is mounted again from the module already there.
        s.click(&s.find(".view-tab[href*='view=compare']")?)?;
        s.wait_for("Compare", "return document.querySelector('.compare .quote-card') !== null", WAIT)?;
        s.click(&s.find(".view-tab[href*='view=author']")?)?;
        wait_author(s)?;
        let requests = server.requests();
        ensure(author_wasm_requests(&requests) == 1, format!("the module was fetched again: {requests:?}"))
    });
}

/// A module that cannot load (here a broken wasm, as a half-finished upload would leave) gives a
/// message that says so, keeps the draft saved in the browser, and loads when tried again.
#[test]
fn an_authoring_module_that_cannot_load_says_so_keeps_the_draft_and_loads_on_a_retry() {
    run(|s| {
        let server = site_with(ServerOptions::default())?;
        s.goto(&server.url("/#view=author"))?;
        wait_author(s)?;
        let text = "The mayor spoke. “We will rebuild the bridge,” Mayor Ann Okafor said.";
        paste(s, text)?;
        let saved = stored_draft(s)?;
        ensure(saved["text"] == json!(text), format!("the draft was not saved: {saved}"))?;

        server.route("/counterpoint-author_bg.wasm", "application/wasm", b"not a wasm module".to_vec());
        s.goto(&server.url("/?reload=1#view=author"))?;
        s.wait_for("the failure", "return document.querySelector('.author-failed[role=alert]') !== null", WAIT)?;
        let message = s.js("return document.querySelector('.author-failed').textContent", vec![])?;
        let message = message.as_str().unwrap_or_default();
        ensure(
            message.contains("The authoring tools could not be loaded:") && message.contains("Your draft is kept."),
            format!("the message: {message}"),
        )?;
        ensure(stored_draft(s)? == saved, "the saved draft changed while the module failed")?;
        // The rest of the app still works.
        let tabs = s.js("return document.querySelectorAll('.view-tab').length", vec![])?;
        ensure(tabs.as_u64().unwrap_or(0) >= 3, format!("{tabs} view tabs"))?;

        server.unroute("/counterpoint-author_bg.wasm");
        s.click(&s.find("#author-retry")?)?;
        wait_author(s)?;
        let restored = s.js("return document.querySelector('#author-text').value", vec![])?;
        ensure(restored == json!(text), format!("the draft after the retry: {restored}"))?;
        ensure(
            s.js("return document.querySelector('.author-failed') === null", vec![])? == json!(true),
            "the failure message stayed",
        )
    });
}

/// Leaving Author while its module is on its way, and coming back, waits for the same load: the
/// module is fetched once and the view shows.
#[test]
fn leaving_author_while_its_module_loads_and_coming_back_fetches_it_once() {
    run(|s| {
        let server =
            site_with(ServerOptions { slow: vec![("counterpoint-author_bg".to_owned(), 1500)], ..Default::default() })?;
        s.goto(&server.url("/"))?;
        s.wait_for("the quotes", "return document.querySelector('.compare .quote-card') !== null", WAIT)?;
        s.js("location.hash = '#view=author'", vec![])?;
        s.wait_for("the loading line", "return document.querySelector('.author-loading[role=status]') !== null", WAIT)?;
        s.js("location.hash = '#view=compare'", vec![])?;
        s.wait_for("Compare", "return document.querySelector('.author-loading') === null", WAIT)?;
        s.js("location.hash = '#view=author'", vec![])?;
        wait_author(s)?;
        let requests = server.requests();
        ensure(author_wasm_requests(&requests) == 1, format!("the module was fetched more than once: {requests:?}"))?;
        let views = s.js("return document.querySelectorAll('section.author').length", vec![])?;
        ensure(views == json!(1), format!("{views} authoring views on the page"))
    });
}
