//! The authoring view: paste an article or drop a `.txt` file, see the quotes the extractor
//! finds, correct speakers, sides, spans and topics, then open the result in the explorer or
//! download it as article JSON.
//!
//! All logic lives in `draft::Draft`; this component only calls its methods. The draft is saved
//! to `localStorage` after every change and restored when the view opens. Extraction runs in the
//! extraction worker (`browser::extraction`), so the page keeps answering while a long text is
//! read, and the reader's app never carries the extractor.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::extraction::{start_extraction, ExtractionJob};
use crate::browser::{storage, text_file};
use crate::draft::{Bound, Draft, DraftQuote};
use crate::palette::{side_colors, SideColor, NO_SIDE};
use crate::text::slug;
use crate::validate::load_article;
use counterpoint_core::worker::{assemble, WorkerReply};

/// Where the draft lives in `localStorage`.
const DRAFT_KEY: &str = "counterpoint.draft.v1";

/// How long typing pauses before extraction runs. It also lets the browser paint the
/// "Extracting…" state before the work starts.
const EXTRACT_DELAY: Duration = Duration::from_millis(120);

/// Long drafts list only this many quotes for editing; every quote is still highlighted.
const MAX_LISTED_QUOTES: usize = 300;

#[derive(Clone, Copy)]
struct Author {
    draft: RwSignal<Draft>,
    extracting: RwSignal<bool>,
    /// How much of the text the running extraction has done, from 0 to 1.
    progress: RwSignal<f64>,
    /// What the last extraction found, or why something failed.
    status: RwSignal<String>,
    /// Bumped by every text change, so only the latest scheduled extraction runs.
    generation: StoredValue<u64>,
    /// The running extraction, so a newer text, a discard or Cancel can stop it.
    job: StoredValue<Option<ExtractionJob>, LocalStorage>,
    /// The text as the page gave it (a JS string), so a long text is handed to the worker without
    /// being converted on the page's thread again; `None` when the text came from elsewhere.
    page_text: StoredValue<Option<wasm_bindgen::JsValue>, LocalStorage>,
    /// What the running extraction is for.
    running: StoredValue<Option<Finish>>,
    /// The quotes the running extraction has sent so far (`WorkerReply::Quotes`).
    received: StoredValue<Vec<DraftQuote>>,
}

/// What a finished extraction does to the draft.
#[derive(Clone, Copy, PartialEq)]
enum Finish {
    /// A fresh extraction of new text: keep the user's edits (`Draft::carry_over`).
    Replace,
    /// The paraphrase switch turned on: add the paraphrases alone (`Draft::add_paraphrases`).
    AddParaphrases,
}

impl Author {
    /// Applies one edit; the autosave effect stores the result.
    fn edit(&self, change: impl FnOnce(&mut Draft) -> bool) {
        self.draft.update(|d| {
            change(d);
        });
    }

    /// Takes new text at once (so it is saved) and extracts it after a short pause. `page_text`
    /// is the same text as the page holds it, when it does.
    fn set_text(&self, text: String, page_text: Option<wasm_bindgen::JsValue>) {
        self.page_text.set_value(page_text);
        // The quotes move with the edit until extraction finds them again (`Draft::set_text`).
        self.draft.update(|d| d.set_text(text));
        self.schedule_extraction();
    }

    fn schedule_extraction(&self) {
        let this = *self;
        let generation = self.next_generation();
        self.extracting.set(true);
        self.progress.set(0.0);
        set_timeout(
            move || {
                // The view may have closed meanwhile.
                if this.generation.try_get_value() == Some(generation) {
                    let paraphrases = this.draft.with_untracked(|d| d.paraphrases);
                    this.extract(generation, paraphrases, Finish::Replace);
                }
            },
            EXTRACT_DELAY,
        );
    }

    /// A new generation: whatever runs for an older one stops and its replies are ignored.
    fn next_generation(&self) -> u64 {
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.stop_worker();
        generation
    }

    fn stop_worker(&self) {
        if let Some(job) = self.job.try_update_value(Option::take).flatten() {
            job.cancel();
        }
    }

    /// After an extraction stopped without its result: one that was adding paraphrases leaves
    /// them off, and the switch shows that again.
    fn stopped(&self) {
        self.extracting.set(false);
        if self.running.try_update_value(Option::take).flatten() == Some(Finish::AddParaphrases) {
            self.draft.update(|d| d.paraphrases = false);
        }
    }

    /// Stops the running extraction and keeps the text and every edit.
    fn cancel(&self) {
        self.next_generation();
        self.stopped();
        self.status.set("Extraction cancelled. The text is kept; edit it to find the quotes again.".to_owned());
    }

    /// Extracts the draft's text in the worker, which reports its progress slice by slice.
    fn extract(self, generation: u64, paraphrases: bool, finish: Finish) {
        let text = self
            .page_text
            .get_value()
            .unwrap_or_else(|| self.draft.with_untracked(|d| wasm_bindgen::JsValue::from_str(&d.text)));
        self.extracting.set(true);
        self.progress.set(0.0);
        self.running.set_value(Some(finish));
        self.received.set_value(Vec::new());
        let on_reply = move |reply: WorkerReply| {
            if self.generation.try_get_value() != Some(generation) {
                return;
            }
            match reply {
                // An extraction's worker never opens a collection.
                WorkerReply::Ready | WorkerReply::Collection { .. } => {}
                WorkerReply::Progress { done, .. } => self.progress.set(done),
                WorkerReply::Quotes { quotes, .. } => self.received.update_value(|r| r.extend(quotes)),
                WorkerReply::Done { draft, ms, .. } => {
                    // Its work is done: the worker and its memory go.
                    self.stop_worker();
                    self.running.set_value(None);
                    let quotes = self.received.try_update_value(std::mem::take).unwrap_or_default();
                    self.finish(assemble(quotes, draft), ms, finish);
                }
                WorkerReply::Failed { message, .. } => {
                    self.stop_worker();
                    self.stopped();
                    self.status.set(format!("Extraction failed: {message}. The text is kept."));
                }
            }
        };
        match start_extraction(generation, text, paraphrases, on_reply) {
            Ok(job) => self.job.set_value(Some(job)),
            Err(err) => {
                self.stopped();
                self.status.set(format!("Extraction failed: {err}. The text is kept."));
            }
        }
    }

    fn finish(&self, mut fresh: Draft, ms: f64, finish: Finish) {
        self.draft.update(|d| {
            // The worker leaves the text out of its reply; it is the text it was given.
            fresh.text = d.text.clone();
            match finish {
                Finish::Replace => *d = d.carry_over(fresh),
                Finish::AddParaphrases => d.add_paraphrases(&fresh),
            }
        });
        let summary = self.draft.with_untracked(|d| {
            format!(
                "Found {} quotes by {} speakers in {} characters ({ms:.0} ms).",
                d.quotes.len(),
                d.speakers.len(),
                d.text.chars().count()
            )
        });
        self.extracting.set(false);
        self.status.set(summary);
    }

    /// The paraphrase switch: off takes them out at once; on extracts them in the worker.
    fn set_paraphrases(&self, on: bool) {
        if self.running.get_value() == Some(Finish::AddParaphrases) {
            // Only paraphrases were being added: switching off again just stops that.
            self.cancel();
            return;
        }
        if self.extracting.get_untracked() {
            // An extraction of new text is running: it starts again with the new choice.
            self.draft.update(|d| d.paraphrases = on);
            let generation = self.next_generation();
            self.extract(generation, on, Finish::Replace);
            return;
        }
        if !on {
            self.draft.update(Draft::remove_paraphrases);
            return;
        }
        let generation = self.next_generation();
        self.extract(generation, true, Finish::AddParaphrases);
    }
}

/// Where "Open in explorer" sends a valid article's JSON: the reader's app, which runs in another
/// wasm module and loads this view only when someone opens it (`src/bin/author.rs`).
#[derive(Clone, Copy)]
struct Opener(StoredValue<Box<dyn Fn(String)>, LocalStorage>);

/// The authoring view. `open` gets the JSON of the article the draft makes when the user opens it
/// in the explorer; the draft has been checked by then, and its problems are shown here instead.
#[component]
pub fn Author(open: Box<dyn Fn(String)>) -> impl IntoView {
    provide_context(Opener(StoredValue::new_local(open)));
    let restored = storage::load_item(DRAFT_KEY).and_then(|json| Draft::from_json(&json));
    let author = Author {
        draft: RwSignal::new(restored.unwrap_or_default()),
        extracting: RwSignal::new(false),
        progress: RwSignal::new(0.0),
        status: RwSignal::new(String::new()),
        generation: StoredValue::new(0),
        job: StoredValue::new_local(None),
        page_text: StoredValue::new_local(None),
        running: StoredValue::new(None),
        received: StoredValue::new(Vec::new()),
    };
    // A view closed mid-extraction stops its worker.
    on_cleanup(move || author.stop_worker());
    // A tab that closed between typing and extraction left text whose quotes are not found yet.
    if author.draft.with_untracked(|d| !d.is_empty() && (d.quotes.is_empty() || d.stale)) {
        author.schedule_extraction();
    }
    let save_error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let result = author.draft.with(|d| {
            if d.is_empty() && d.speakers.is_empty() {
                storage::remove_item(DRAFT_KEY);
                Ok(())
            } else {
                // A draft too long to keep is not stored, and an older one stored before it would
                // come back in its place after a reload: that one goes.
                d.autosave_json()
                    .inspect_err(|_| storage::remove_item(DRAFT_KEY))
                    .and_then(|json| storage::save_item(DRAFT_KEY, &json))
            }
        });
        save_error.set(result.err());
    });
    provide_context(author);

    let text = Memo::new(move |_| author.draft.with(|d| d.text.clone()));
    let read_file = move |file: Option<web_sys::File>| {
        let Some(file) = file else {
            return;
        };
        author.extracting.set(true);
        leptos::task::spawn_local(async move {
            match text_file::read_text(&file).await {
                Ok((text, page_text)) => author.set_text(text, Some(page_text)),
                Err(err) => {
                    author.extracting.set(false);
                    author.status.set(err);
                }
            }
        });
    };
    let has_text = move || author.draft.with(|d| !d.is_empty());

    view! {
        // Its heading is the page's (the masthead's, see `Masthead`).
        <section class="author" aria-labelledby="author-heading">
            <div class="author-input">
                <label for="author-text">"Article text"</label>
                <p class="hint">
                    "Paste a news article or drop a .txt file here. Quotes are found as you paste; "
                    "changing the text finds them again and keeps your corrections: speaker names and sides, "
                    "and each quote’s topics, side, speaker and span, and the quotes you deleted stay deleted."
                </p>
                <textarea
                    id="author-text"
                    rows="10"
                    spellcheck="false"
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        // The value once as Rust text for the draft, and once as the page's own
                        // string for the worker.
                        let page_text = ev.target().and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok());
                        author.set_text(event_target_value(&ev), page_text)
                    }
                    on:dragover=move |ev: web_sys::DragEvent| ev.prevent_default()
                    on:drop=move |ev: web_sys::DragEvent| {
                        ev.prevent_default();
                        read_file(text_file::first_file(ev.data_transfer().and_then(|d| d.files())));
                    }
                ></textarea>
                <label class="file-pick">
                    "Or open a .txt file: "
                    <input
                        type="file"
                        accept=".txt,text/plain"
                        on:change=move |ev| {
                            let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                            read_file(text_file::first_file(input.and_then(|i| i.files())));
                        }
                    />
                </label>
                <label class="paraphrase-switch">
                    <input
                        type="checkbox"
                        id="author-paraphrases"
                        prop:checked=move || author.draft.with(|d| d.paraphrases)
                        on:change=move |ev| {
                            author.set_paraphrases(event_target_checked(&ev));
                        }
                    />
                    " Also find reported speech without quote marks (“Lavrov said the truce had failed”)"
                </label>
                <p
                    class="author-status"
                    role="status"
                    aria-live="polite"
                    data-state=move || if author.extracting.get() { "extracting" } else { "idle" }
                >
                    {move || {
                        author
                            .extracting
                            .get()
                            .then(|| {
                                let percent = move || format!("{:.0}", author.progress.get() * 100.0);
                                view! {
                                    <progress
                                        aria-label="Extracting quotes"
                                        max="100"
                                        prop:value=percent
                                    ></progress>
                                    " Extracting… "
                                    <span class="author-progress">{percent}"%"</span>
                                    " "
                                    <button type="button" id="author-cancel" on:click=move |_| author.cancel()>
                                        "Cancel"
                                    </button>
                                }
                            })
                    }}
                    {move || (!author.extracting.get()).then(|| author.status.get())}
                </p>
                {move || save_error.get().map(|e| view! { <p class="save-error" role="alert">"Not autosaved: "{e}</p> })}
            </div>
            {move || has_text().then(|| view! { <Editor/> })}
        </section>
    }
}

/// Everything below the text box, shown once there is text.
#[component]
fn Editor() -> impl IntoView {
    view! {
        <Actions/>
        <h3>"Quotes in the text"</h3>
        <Preview/>
        <Speakers/>
        <Sides/>
        <Topics/>
        <Quotes/>
    }
}

#[component]
fn Actions() -> impl IntoView {
    let opener = expect_context::<Opener>();
    let author = expect_context::<Author>();
    let problems = RwSignal::new(Vec::<String>::new());
    let confirming = RwSignal::new(false);
    let open = move |_| {
        let article = author.draft.with_untracked(Draft::to_article);
        let Ok(json) = serde_json::to_string(&article) else {
            return;
        };
        let report = load_article(&json);
        if report.article.is_some() {
            problems.set(Vec::new());
            opener.0.with_value(|open| open(json));
        } else {
            problems.set(report.diagnostics.iter().map(|d| d.message.clone()).collect());
        }
    };
    let download = move |_| {
        let (article, title) = author.draft.with_untracked(|d| (d.to_article(), d.title.clone()));
        let Ok(json) = serde_json::to_string_pretty(&article) else {
            return;
        };
        let name = format!("{}.json", if title.is_empty() { "article".to_owned() } else { slug(&title) });
        if let Err(err) = text_file::download_text(&name, "application/json", &json) {
            problems.set(vec![err]);
        }
    };
    let discard = move |_| {
        confirming.set(false);
        author.next_generation();
        author.running.set_value(None);
        author.page_text.set_value(None);
        author.extracting.set(false);
        author.status.set("The draft was discarded.".to_owned());
        author.draft.set(Draft::default());
    };
    view! {
        <div class="author-actions">
            <label class="title-field">
                "Title "
                <input
                    id="author-title"
                    type="text"
                    prop:value=move || author.draft.with(|d| d.title.clone())
                    on:change=move |ev| author.edit(|d| {
                        d.set_title(&event_target_value(&ev));
                        true
                    })
                />
            </label>
            <button type="button" id="author-open" on:click=open>"Open in explorer"</button>
            <button type="button" id="author-download" on:click=download>"Download JSON"</button>
            <button type="button" id="author-discard" class="danger" on:click=move |_| confirming.set(true)>
                "Discard draft"
            </button>
            {move || {
                confirming
                    .get()
                    .then(|| {
                        view! {
                            <div class="confirm" role="alertdialog" aria-labelledby="discard-question">
                                <p id="discard-question">"Discard this draft? The text and every correction are deleted."</p>
                                <button type="button" id="discard-yes" class="danger" on:click=discard>
                                    "Discard"
                                </button>
                                <button type="button" id="discard-no" on:click=move |_| confirming.set(false)>
                                    "Keep the draft"
                                </button>
                            </div>
                        }
                    })
            }}
            {move || {
                let list = problems.get();
                (!list.is_empty())
                    .then(|| {
                        view! {
                            <ul class="problems" role="alert">
                                {list.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                            </ul>
                        }
                    })
            }}
        </div>
    }
}

/// The side colour properties for a quote of `side`; `colors` is `side_colors(&draft.sides)`, the
/// colours the explorer gives the same sides.
fn side_style(draft: &Draft, colors: &[SideColor], side: Option<&str>) -> String {
    let index = side.and_then(|s| draft.sides.iter().position(|x| x.id == s));
    index.and_then(|i| colors.get(i)).copied().unwrap_or(NO_SIDE).css()
}

/// The text with every quote highlighted; nested quotes are nested marks.
#[component]
fn Preview() -> impl IntoView {
    let author = expect_context::<Author>();
    move || {
        author.draft.with(|d| {
            // Until the new text's extraction comes, its quotes are the old ones moved with the
            // edit, kept for `carry_over` but not drawn: marking tens of thousands of them again
            // at each keystroke would hold the page while the worker extracts.
            if d.stale {
                return view! { <div id="author-preview" class="author-preview" lang="en">{d.text.clone()}</div> }
                    .into_any();
            }
            let chars: Vec<char> = d.text.chars().collect();
            let colors = side_colors(&d.sides);
            let runs = d
                .segments()
                .into_iter()
                .map(|(span, quotes)| {
                    let mut inner = chars[span.start..span.end].iter().collect::<String>().into_any();
                    for &q in quotes.iter().rev() {
                        let quote = &d.quotes[q];
                        let side = d.side_of_quote(quote);
                        let who = d.speaker(&quote.speaker).map_or_else(String::new, |s| s.name.clone());
                        inner = view! {
                            <mark
                                data-quote-id=quote.id.clone()
                                data-side=side.unwrap_or("none").to_owned()
                                style=side_style(d, &colors, side)
                                title=who
                            >
                                {inner}
                            </mark>
                        }
                        .into_any();
                    }
                    inner
                })
                .collect_view();
            view! { <div id="author-preview" class="author-preview" lang="en">{runs}</div> }.into_any()
        })
    }
}

/// `<option>`s for every side, with `selected` on the current one.
fn side_options(draft: &Draft, current: Option<&str>) -> impl IntoView {
    draft
        .sides
        .iter()
        .map(|s| {
            let selected = current == Some(s.id.as_str());
            view! { <option value=s.id.clone() selected=selected>{s.label.clone()}</option> }
        })
        .collect_view()
}

#[component]
fn Speakers() -> impl IntoView {
    let author = expect_context::<Author>();
    let rows = move || {
        author.draft.with(|d| {
            d.speakers
                .iter()
                .map(|s| {
                    let id = s.id.clone();
                    let (rename, role, side, merge) = (id.clone(), id.clone(), id.clone(), id.clone());
                    let others = d
                        .speakers
                        .iter()
                        .filter(|o| o.id != s.id)
                        .map(|o| view! { <option value=o.id.clone()>{o.name.clone()}</option> })
                        .collect_view();
                    view! {
                        <tr data-speaker=id.clone()>
                            <td>
                                <input
                                    class="speaker-name"
                                    type="text"
                                    aria-label="Name"
                                    prop:value=s.name.clone()
                                    on:change=move |ev| author.edit(|d| d.rename_speaker(&rename, &event_target_value(&ev)))
                                />
                            </td>
                            <td>
                                <input
                                    class="speaker-role"
                                    type="text"
                                    aria-label="Role"
                                    prop:value=s.role.clone().unwrap_or_default()
                                    on:change=move |ev| author.edit(|d| d.set_speaker_role(&role, &event_target_value(&ev)))
                                />
                            </td>
                            <td>
                                <select
                                    class="speaker-side"
                                    aria-label="Side"
                                    on:change=move |ev| author.edit(|d| d.set_speaker_side(&side, &event_target_value(&ev)))
                                >
                                    {side_options(d, Some(&s.side))}
                                </select>
                            </td>
                            <td class="suggested">{s.suggested_side.clone().unwrap_or_else(|| "—".to_owned())}</td>
                            <td class="count">{d.quote_count(&s.id)}</td>
                            <td>
                                <select
                                    class="speaker-merge"
                                    aria-label="Merge into"
                                    on:change=move |ev| author.edit(|d| d.merge_speakers(&merge, &event_target_value(&ev)))
                                >
                                    <option value="" selected=true>"Merge into…"</option>
                                    {others}
                                </select>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <h3>"Speakers"</h3>
        <div class="table-scroll">
            <table class="speakers-table">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Role"</th>
                        <th scope="col">"Side"</th>
                        <th scope="col">"Suggested"</th>
                        <th scope="col">"Quotes"</th>
                        <th scope="col">"Merge"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A list of renamable labels with a field to add one more; used for sides and topics. An item
/// marked removable has a "Remove" button.
fn label_list(
    kind: &'static str,
    items: Vec<(String, String, bool)>,
    rename: impl Fn(&str, &str) + Copy + 'static,
    add: impl Fn(&str) + Copy + 'static,
    remove: impl Fn(&str) + Copy + 'static,
) -> impl IntoView {
    let new_label = RwSignal::new(String::new());
    let rows = items
        .into_iter()
        .map(|(id, label, removable)| {
            let key = id.clone();
            let gone = id.clone();
            let name = format!("Remove {} {label}", kind.to_lowercase());
            view! {
                <li data-id=key>
                    <input
                        type="text"
                        aria-label=format!("{kind} name")
                        prop:value=label
                        on:change=move |ev| rename(&id, &event_target_value(&ev))
                    />
                    {removable
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="remove-label danger"
                                    aria-label=name
                                    on:click=move |_| remove(&gone)
                                >
                                    "Remove"
                                </button>
                            }
                        })}
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="label-list">{rows}</ul>
        <form
            class="add-label"
            on:submit=move |ev| {
                ev.prevent_default();
                add(&new_label.get_untracked());
                new_label.set(String::new());
            }
        >
            <input
                type="text"
                placeholder=format!("New {}", kind.to_lowercase())
                aria-label=format!("New {}", kind.to_lowercase())
                prop:value=move || new_label.get()
                on:input=move |ev| new_label.set(event_target_value(&ev))
            />
            <button type="submit">{format!("Add {}", kind.to_lowercase())}</button>
        </form>
    }
}

#[component]
fn Sides() -> impl IntoView {
    let author = expect_context::<Author>();
    let items = Memo::new(move |_| {
        author.draft.with(|d| {
            d.sides.iter().map(|s| (s.id.clone(), s.label.clone(), d.can_remove_side(&s.id))).collect::<Vec<_>>()
        })
    });
    let rename = move |id: &str, label: &str| author.edit(|d| d.rename_side(id, label));
    let add = move |label: &str| author.edit(|d| d.add_side(label).is_some());
    let remove = move |id: &str| author.edit(|d| d.remove_side(id));
    view! {
        <section class="sides-editor">
            <h3>"Sides"</h3>
            {move || label_list("Side", items.get(), rename, add, remove)}
        </section>
    }
}

#[component]
fn Topics() -> impl IntoView {
    let author = expect_context::<Author>();
    let items = Memo::new(move |_| {
        author.draft.with(|d| d.topics.iter().map(|t| (t.id.clone(), t.label.clone(), false)).collect::<Vec<_>>())
    });
    let rename = move |id: &str, label: &str| author.edit(|d| d.rename_topic(id, label));
    let add = move |label: &str| author.edit(|d| d.add_topic(label).is_some());
    let remove = |_: &str| {};
    view! {
        <section class="topics-editor">
            <h3>"Topics"</h3>
            <p class="hint">"Quotes without a topic appear under “Other quotes”."</p>
            {move || label_list("Topic", items.get(), rename, add, remove)}
        </section>
    }
}

/// One row per quote: its words, speaker, side, topics, span corrections and delete.
#[component]
fn Quotes() -> impl IntoView {
    let author = expect_context::<Author>();
    let rows = move || {
        author.draft.with(|d| {
            let colors = side_colors(&d.sides);
            d.quotes
                .iter()
                .take(MAX_LISTED_QUOTES)
                .map(|q| {
                    let id = q.id.clone();
                    let (speaker, side, del) = (id.clone(), id.clone(), id.clone());
                    let speakers = d
                        .speakers
                        .iter()
                        .map(|s| {
                            let selected = s.id == q.speaker;
                            view! { <option value=s.id.clone() selected=selected>{s.name.clone()}</option> }
                        })
                        .collect_view();
                    let topics = d
                        .topics
                        .iter()
                        .map(|t| {
                            let (quote, topic) = (id.clone(), t.id.clone());
                            view! {
                                <label class="topic-check">
                                    <input
                                        type="checkbox"
                                        data-topic=t.id.clone()
                                        prop:checked=q.topics.contains(&t.id)
                                        on:change=move |_| author.edit(|d| d.toggle_quote_topic(&quote, &topic))
                                    />
                                    {t.label.clone()}
                                </label>
                            }
                        })
                        .collect_view();
                    let nudge = |bound: Bound, delta: isize, label: &'static str, hint: &'static str| {
                        let quote = id.clone();
                        view! {
                            <button
                                type="button"
                                class="nudge"
                                aria-label=hint
                                title=hint
                                on:click=move |_| author.edit(|d| d.nudge_quote(&quote, bound, delta))
                            >
                                {label}
                            </button>
                        }
                    };
                    view! {
                        <li class="quote-row" data-quote-id=id.clone() style=side_style(d, &colors, d.side_of_quote(q))>
                            <p class="quote-words">
                                <span class="kind">{format!("{:?}", q.kind).to_lowercase()}</span>
                                " "
                                <q>{d.quote_text(q)}</q>
                            </p>
                            <div class="quote-controls">
                                <label>
                                    "Speaker "
                                    <select
                                        class="quote-speaker"
                                        on:change=move |ev| author.edit(|d| d.set_quote_speaker(&speaker, &event_target_value(&ev)))
                                    >
                                        {speakers}
                                    </select>
                                </label>
                                <label>
                                    "Side "
                                    <select
                                        class="quote-side"
                                        on:change=move |ev| {
                                            let value = event_target_value(&ev);
                                            author.edit(|d| d.set_quote_side(&side, Some(value.as_str()).filter(|v| !v.is_empty())))
                                        }
                                    >
                                        <option value="" selected=q.side.is_none()>"Speaker’s side"</option>
                                        {side_options(d, q.side.as_deref())}
                                    </select>
                                </label>
                                <span class="span-edit" role="group" aria-label="Correct the span">
                                    "Start "
                                    {nudge(Bound::Start, -1, "◀", "Start one character earlier")}
                                    {nudge(Bound::Start, 1, "▶", "Start one character later")}
                                    " End "
                                    {nudge(Bound::End, -1, "◀", "End one character earlier")}
                                    {nudge(Bound::End, 1, "▶", "End one character later")}
                                </span>
                                <button
                                    type="button"
                                    class="delete-quote danger"
                                    on:click=move |_| author.edit(|d| d.delete_quote(&del))
                                >
                                    "Delete"
                                </button>
                            </div>
                            <div class="quote-topics">{topics}</div>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let more = move || {
        let count = author.draft.with(|d| d.quotes.len());
        (count > MAX_LISTED_QUOTES).then(|| {
            view! {
                <p class="hint">{format!("Showing the first {MAX_LISTED_QUOTES} of {count} quotes for editing.")}</p>
            }
        })
    };
    view! {
        <h3>"Quotes"</h3>
        {more}
        <ol class="quote-list">{rows}</ol>
    }
}
