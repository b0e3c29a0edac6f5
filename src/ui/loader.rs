//! Ways to open an article or a collection: a file (or several at once), a drop anywhere, a
//! paste (dialog or Ctrl/Cmd+V), `?src=`, and the recent list. Every failure is reported with
//! where and what, and the article on screen stays.
//!
//! A collection's articles given by address (`src`) are fetched relative to the collection's own
//! address; from files, they are the files dropped or chosen with it, by name. Several article
//! files at once become a collection of their own (`collection::collect`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Ctx;
use crate::browser::drop_paste::{use_drop_and_paste, Incoming};
use crate::browser::extraction::{start_collection, ExtractionJob};
use crate::browser::fetch::{fetch_text, resolve, src_param};
use crate::browser::file_reader::{read_text, FileRead};
use crate::browser::{recent_store, yield_to_input};
use crate::collection;
use crate::embed::{EXAMPLE_COLLECTION_ID, EXAMPLE_COLLECTION_PATH};
use crate::recent::RecentList;
use crate::text::plural;
use crate::validate::{too_large, Location, Report, Severity, MAX_INPUT_BYTES};
use crate::worker::{CollectionReply, CollectionRequest, OpenedCollection};

/// One problem as the panel shows it.
#[derive(Clone, Debug, PartialEq)]
struct Problem {
    severity: Severity,
    location: String,
    message: String,
    excerpt: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    /// Something is loading; `progress` is the fraction done when known.
    Loading {
        what: String,
        progress: Option<f64>,
        cancellable: bool,
    },
    Failed {
        what: String,
        problems: Vec<Problem>,
        more: usize,
    },
    /// Opened; `problems` are warnings, and the errors of a collection's articles that did not
    /// open.
    Opened {
        title: String,
        problems: Vec<Problem>,
        remembered: bool,
    },
}

fn problems(report: &Report, severity: Severity) -> Vec<Problem> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .map(|d| Problem {
            severity: d.severity,
            location: match &d.location {
                Location::Text { line, column } => format!("line {line}, column {column}"),
                Location::Path(path) => path.clone(),
                Location::Input => String::new(),
            },
            message: d.message.clone(),
            excerpt: d.excerpt.clone(),
        })
        .collect()
}

/// A load that Cancel can stop.
enum InFlight {
    File(FileRead),
    Fetch(web_sys::AbortController),
}

#[derive(Clone, Copy)]
struct LoaderCtx {
    ctx: Ctx,
    status: RwSignal<Status>,
    recent: RwSignal<RecentList>,
}

impl LoaderCtx {
    /// Validates and opens `json` from `what` (a file name, "pasted text", a URL). On success it is
    /// remembered in the recent list; on failure the current article stays and the panel says why.
    /// Returns whether the article opened.
    fn open(&self, what: &str, json: &str) -> bool {
        self.open_with(what, json, &[], UNRESOLVED_ALONE)
    }

    /// Opens `json`; when it is a collection, its `src` articles are the `texts` of that name
    /// (`Err` when fetching it failed), and any other is reported with `unresolved`.
    fn open_with(&self, what: &str, json: &str, texts: &[(String, Result<String, String>)], unresolved: &str) -> bool {
        self.open_from(what, json, texts, unresolved, false)
    }

    /// Opens `json` as [`open_with`](Self::open_with) does; `from_src`: it is the `?src=`
    /// article itself, whose end, opened or not, is the end of the page's wait for it. Anything
    /// else that opens stops a `?src=` still on its way (`drop_src`); what fails to open leaves
    /// it coming.
    fn open_from(
        &self,
        what: &str,
        json: &str,
        texts: &[(String, Result<String, String>)],
        unresolved: &str,
        from_src: bool,
    ) -> bool {
        if json.len() > MAX_INPUT_BYTES {
            self.fail_from(what, vec![problem_of(too_large(json.len()))], from_src);
            return false;
        }
        if collection::looks_like_collection(json) {
            return self.open_collection(what, None, json, texts, unresolved, from_src);
        }
        let report = self.ctx.open_json(json);
        if report.article.is_some() {
            let _ = drop_src();
        }
        if from_src || report.article.is_some() {
            self.ctx.awaiting_src.set(false);
        }
        let Some(article) = report.article.as_ref() else {
            if from_src {
                self.ctx.src_failure.set(Some(report.errors().map(ToString::to_string).collect()));
            }
            let more = report.more;
            self.status.set(Status::Failed {
                what: what.to_owned(),
                problems: problems(&report, Severity::Error),
                more,
            });
            return false;
        };
        self.status.set(Status::Opened {
            title: article.title.clone(),
            problems: problems(&report, Severity::Warning),
            remembered: true,
        });
        // Remember the article with each quote's place as a hint, so reopening it skips the search.
        let explorer = self.ctx.explorer.get_untracked();
        let json = json.to_owned();
        self.remember_later(article.title.clone(), article.source.name.clone(), move || {
            serde_json::to_string(&explorer.hinted_article()).unwrap_or(json)
        });
        true
    }

    /// Opens a collection in the worker (`open_in_worker`); the status shows it opening, then
    /// what opened and every problem. `portable`: it is the `?src=` collection, which the
    /// address can bring back.
    fn open_collection(
        &self,
        what: &str,
        together: Option<String>,
        document: &str,
        texts: &[(String, Result<String, String>)],
        unresolved: &str,
        portable: bool,
    ) -> bool {
        self.status.set(Status::Loading { what: what.to_owned(), progress: None, cancellable: false });
        // The reader's own collection takes over from a `?src=` still on its way at once: the
        // worker takes a while, and the address arriving meanwhile would end this job.
        let took_over = !portable && drop_src();
        let loader = *self;
        let what = what.to_owned();
        // Stopped by what opened meanwhile (a parent's `load`): the status no longer says it opens.
        let dropped = {
            let what = what.clone();
            move || loader.end_loading(&what)
        };
        open_in_worker(together, document, texts, unresolved, dropped, move |result| match result {
            Ok(opened) => {
                loader.ctx.awaiting_src.set(false);
                let title = opened.title.clone();
                let count = opened.outlets.iter().filter(|o| o.article.is_some()).count();
                // A broken article is listed with its errors; the others are open.
                let listed = Report { article: None, diagnostics: opened.diagnostics.clone(), more: 0 };
                let mut listed_problems = problems(&listed, Severity::Error);
                listed_problems.extend(problems(&listed, Severity::Warning));
                let opened = std::sync::Arc::new(opened);
                loader.ctx.open_collection(opened.clone());
                loader.ctx.portable.set(portable);
                loader.status.set(Status::Opened { title: title.clone(), problems: listed_problems, remembered: true });
                // Its inline copy is read then, not now.
                loader.remember_later(title, format!("Collection · {count} articles"), move || opened.inline_json());
            }
            Err(diagnostics) => {
                if portable {
                    loader.end_src_wait(|| diagnostics.iter().map(ToString::to_string).collect());
                } else if took_over {
                    // The address it stopped will not come: the page waits no more.
                    loader.ctx.awaiting_src.set(false);
                }
                let failed = Report { article: None, diagnostics, more: 0 };
                loader.status.set(Status::Failed { what, problems: problems(&failed, Severity::Error), more: 0 });
            }
        });
        true
    }

    /// Adds what just opened to the recent list, in a task of its own: printing, hashing and
    /// storing a large article's copy takes a while, and the view (and the reader's first clicks)
    /// come first. The status says
    /// so if the browser would not store it.
    fn remember_later(&self, title: String, label: String, json: impl FnOnce() -> String + 'static) {
        let loader = *self;
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(0).await;
            yield_to_input::quiet().await;
            let recent = loader.recent.get_untracked();
            let stored = recent_store::remember(&recent, &title, &label, &json()).await;
            if stored.is_none() {
                // Only if the status still tells of this one.
                loader.status.update(|status| {
                    if let Status::Opened { title: shown, remembered, .. } = status {
                        if *shown == title {
                            *remembered = false;
                        }
                    }
                });
            }
            loader.recent.set(stored.unwrap_or_else(recent_store::load));
        });
    }

    /// The page no longer waits for a `?src=`; if it still was, this is why that did not open
    /// (`Ctx::src_failure`, for an embed's parent).
    fn end_src_wait(&self, why: impl FnOnce() -> Vec<String>) {
        if self.ctx.awaiting_src.get_untracked() {
            self.ctx.src_failure.set(Some(why()));
        }
        self.ctx.awaiting_src.set(false);
    }

    /// Clears a status that still tells of `what` loading, once that load has ended without
    /// anything to say: cancelled, or overtaken by something else opening.
    fn end_loading(&self, what: &str) {
        if self.status.with_untracked(|s| matches!(s, Status::Loading { what: loading, .. } if loading == what)) {
            self.status.set(Status::Idle);
        }
    }

    /// Says why `what` did not open. A `?src=` still on its way keeps coming.
    fn fail(&self, what: &str, problems: Vec<Problem>) {
        self.fail_from(what, problems, false);
    }

    /// Says why `what` did not open; `from_src`: it was the `?src=`, and the page waits no more.
    fn fail_from(&self, what: &str, problems: Vec<Problem>, from_src: bool) {
        if from_src {
            self.end_src_wait(|| problems.iter().map(|p| format!("{what}: {}", p.message)).collect());
        }
        self.status.set(Status::Failed { what: what.to_owned(), problems, more: 0 });
    }

    fn fail_message(&self, what: &str, message: String) {
        self.fail(what, vec![problem_of_message(message)]);
    }

    /// Says why the `?src=` did not open, and ends the page's wait for it.
    fn fail_src(&self, what: &str, message: String) {
        self.fail_from(what, vec![problem_of_message(message)], true);
    }
}

/// How many of a collection's articles `fetch_sources` asks for in one task.
const FETCHES_PER_TASK: usize = 10;

/// Fetches the articles a collection at `base` gives by address, each relative to `base`, all at
/// once; one that fails is kept with why, so that it is listed and the others open. The requests
/// start [`FETCHES_PER_TASK`] at a time, a task each, so 50 of them do not hold the page at once.
async fn fetch_sources(
    base: &str,
    json: &str,
    controller: &web_sys::AbortController,
) -> Vec<(String, Result<String, String>)> {
    use wasm_bindgen::JsValue;
    let names = collection::sources(json);
    let all = js_sys::Array::new();
    for (i, src) in names.iter().enumerate() {
        if i > 0 && i % FETCHES_PER_TASK == 0 {
            gloo_timers::future::TimeoutFuture::new(0).await;
        }
        let target = crate::browser::fetch::resolve_against(src, base);
        let controller = controller.clone();
        all.push(&wasm_bindgen_futures::future_to_promise(async move {
            let result = match target {
                Ok(url) => {
                    fetch_text(&url, &controller).await.map_err(|why| why.unwrap_or_else(|| "cancelled".to_owned()))
                }
                Err(why) => Err(why),
            };
            // Each settles with [whether it was fetched, the text or why not].
            let (ok, text) = match result {
                Ok(text) => (true, text),
                Err(why) => (false, why),
            };
            Ok(js_sys::Array::of2(&JsValue::from_bool(ok), &JsValue::from_str(&text)).into())
        }));
    }
    let settled = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all(&all)).await;
    let settled = js_sys::Array::from(&settled.unwrap_or_else(|_| js_sys::Array::new().into()));
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let pair = js_sys::Array::from(&settled.get(i as u32));
            let text = pair.get(1).as_string().unwrap_or_else(|| "it could not be fetched".to_owned());
            (name, if pair.get(0).is_truthy() { Ok(text) } else { Err(text) })
        })
        .collect()
}

thread_local! {
    /// The worker opening a collection; a newer collection stops an older one.
    static COLLECTION_JOB: std::cell::RefCell<Option<ExtractionJob>> = const { std::cell::RefCell::new(None) };
    /// The job whose answer may still be shown; 0 when none may.
    static CURRENT_JOB: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// What that job does if it is stopped before its answer is shown.
    static ON_DROPPED: std::cell::RefCell<Option<Box<dyn FnOnce()>>> = const { std::cell::RefCell::new(None) };
}

/// Forgets what the current job would do if stopped; `call`: it was stopped, so do it.
fn end_current_job(call: bool) {
    let dropped = ON_DROPPED.with(|d| d.borrow_mut().take());
    if let Some(dropped) = dropped.filter(|_| call) {
        dropped();
    }
}

/// Opens a collection in the app's worker, where validation, statement matching and the Coverage
/// view's building live (`core::worker::open_collection`), so the reader's wasm carries none of
/// them. `document` is the collection's JSON, or empty with `together` (a title) for articles
/// opened together; `texts` are what its `src` names could be read as. Either `done` runs once,
/// or `dropped` does, when a newer job or an article opened meanwhile stops this one.
pub(crate) fn open_in_worker(
    together: Option<String>,
    document: &str,
    texts: &[(String, Result<String, String>)],
    unresolved: &str,
    dropped: impl FnOnce() + 'static,
    done: impl FnOnce(Result<OpenedCollection, Vec<crate::validate::Diagnostic>>) + 'static,
) {
    static NEXT_JOB: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    let job = NEXT_JOB.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let sources = texts.iter().map(|(name, text)| (name.clone(), text.as_ref().err().cloned())).collect();
    let had: Vec<String> = texts.iter().filter_map(|(_, text)| text.as_ref().ok().cloned()).collect();
    let request = CollectionRequest { job, together, sources, unresolved: unresolved.to_owned() };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = done.clone();
    let started = start_collection(request, document, &had, move |reply| {
        let result = match reply {
            CollectionReply::Collection { job: answered, result } if answered == job => result.map(|opened| *opened),
            CollectionReply::Failed { message, .. } => Err(vec![crate::validate::Diagnostic {
                severity: Severity::Error,
                location: Location::Input,
                message,
                excerpt: None,
            }]),
            _ => return,
        };
        // Its work is done: the worker goes, and nothing more comes from it.
        COLLECTION_JOB.with(|current| current.borrow().as_ref().map(ExtractionJob::cancel));
        let done = finish.borrow_mut().take();
        if let Some(done) = done {
            // Reading the answer was this task; showing it is the next one, unless something
            // else opened in between.
            leptos::task::spawn_local(async move {
                gloo_timers::future::TimeoutFuture::new(0).await;
                if CURRENT_JOB.with(std::cell::Cell::get) == job {
                    end_current_job(false);
                    done(result);
                }
            });
        }
    });
    CURRENT_JOB.with(|current| current.set(job));
    let older = ON_DROPPED.with(|d| d.borrow_mut().replace(Box::new(dropped)));
    if let Some(older) = older {
        older();
    }
    match started {
        Ok(started) => COLLECTION_JOB.with(|current| {
            if let Some(old) = current.replace(Some(started)) {
                old.cancel();
            }
        }),
        Err(message) => {
            end_current_job(false);
            cancel_collection_job();
            let diagnostic = crate::validate::Diagnostic {
                severity: Severity::Error,
                location: Location::Input,
                message,
                excerpt: None,
            };
            let done = done.borrow_mut().take();
            if let Some(done) = done {
                done(Err(vec![diagnostic]));
            }
        }
    }
}

thread_local! {
    /// What stops the `?src=` on its way, if one is.
    static SRC_FETCH: std::cell::RefCell<Option<web_sys::AbortController>> = const { std::cell::RefCell::new(None) };
}

/// Stops the `?src=` still on its way, because something else opened first (a parent's `load`, a
/// file, a paste): it can then never replace what the reader or the parent opened, and the status
/// no longer says it is coming.
/// Returns whether one was on its way.
pub(crate) fn drop_src() -> bool {
    let controller = SRC_FETCH.with(|f| f.take());
    if let Some(controller) = &controller {
        controller.abort();
    }
    controller.is_some()
}

/// Stops a collection still being opened, so that it cannot replace what opens now.
pub(crate) fn cancel_collection_job() {
    CURRENT_JOB.with(|current| current.set(0));
    COLLECTION_JOB.with(|current| current.borrow().as_ref().map(ExtractionJob::cancel));
    end_current_job(true);
}

/// What an article opened alone says of a collection's `src` it cannot have.
const UNRESOLVED_ALONE: &str =
    "it is given by address: open the collection from its address (?src=), or drop the article files together with it";

fn problem_of_message(message: String) -> Problem {
    Problem { severity: Severity::Error, location: String::new(), message, excerpt: None }
}

fn problem_of(d: crate::validate::Diagnostic) -> Problem {
    Problem { severity: d.severity, location: String::new(), message: d.message, excerpt: None }
}

#[component]
pub fn Loader() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let loader = LoaderCtx { ctx, status: RwSignal::new(Status::Idle), recent: RwSignal::new(RecentList::default()) };
    // The read or fetch in progress, kept so that Cancel can abort it.
    let current_read = StoredValue::new_local(None::<InFlight>);
    // The `?src=` address, once it is being opened.
    let src_url = StoredValue::new(None::<String>);
    // Something else opened first (a parent's `load`, a file, a paste; each stops the `?src=`
    // still on its way with `drop_src`): the status no longer says the address is coming, even
    // when what was coming was a collection already in the worker (`cancel_collection_job`).
    Effect::new(move |_| {
        if !loader.ctx.awaiting_src.get() {
            if let Some(url) = src_url.get_value() {
                loader.end_loading(&url);
            }
        }
    });
    // Whether `controller` is what Cancel would stop now, and if so, forgets it.
    let done_with = move |controller: &web_sys::AbortController| {
        current_read.update_value(|in_flight| {
            if matches!(in_flight, Some(InFlight::Fetch(c)) if c == controller) {
                *in_flight = None;
            }
        });
    };

    let open_file = move |file: web_sys::File| {
        let name = file.name();
        let size = file.size() as usize;
        // Refuse oversized files before reading a byte of them.
        if size > MAX_INPUT_BYTES {
            return loader.fail(&name, vec![problem_of(too_large(size))]);
        }
        loader.status.set(Status::Loading { what: name.clone(), progress: Some(0.0), cancellable: true });
        let done_name = name.clone();
        let read = read_text(
            &file,
            move |fraction| {
                loader.status.update(|s| {
                    if let Status::Loading { progress, .. } = s {
                        *progress = Some(fraction);
                    }
                })
            },
            move |result| {
                current_read.set_value(None);
                match result {
                    Ok(text) => drop(loader.open(&done_name, &text)),
                    Err(Some(message)) => loader.fail_message(&done_name, message),
                    Err(None) => loader.status.set(Status::Idle),
                }
            },
        );
        match read {
            Ok(read) => current_read.set_value(Some(InFlight::File(read))),
            Err(message) => loader.fail_message(&name, message),
        }
    };

    // Several files at once: a collection with its articles, or articles to compare.
    let open_files = move |files: Vec<web_sys::File>| {
        if files.len() == 1 {
            return open_file(files.into_iter().next().expect("one file"));
        }
        if let Some(big) = files.iter().find(|f| f.size() as usize > MAX_INPUT_BYTES) {
            return loader.fail(&big.name(), vec![problem_of(too_large(big.size() as usize))]);
        }
        let what = format!("{} files", files.len());
        loader.status.set(Status::Loading { what: what.clone(), progress: None, cancellable: false });
        leptos::task::spawn_local(async move {
            let mut texts: Vec<(String, Result<String, String>)> = Vec::new();
            for file in &files {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                let text = text
                    .ok()
                    .and_then(|t| t.as_string())
                    .ok_or_else(|| "the file could not be read as text".to_owned());
                texts.push((file.name(), text));
            }
            let collections: Vec<usize> = (0..texts.len())
                .filter(|&i| texts[i].1.as_deref().is_ok_and(collection::looks_like_collection))
                .collect();
            match collections.as_slice() {
                [one] => {
                    let (name, text) = texts.remove(*one);
                    let text = text.unwrap_or_default();
                    loader.open_with(&name, &text, &texts, "it was not among the files opened with the collection");
                }
                [] => {
                    let title = format!("{} articles opened together", texts.len());
                    loader.open_collection(&what, Some(title), "", &texts, "it could not be read", false);
                }
                _ => loader
                    .fail_message(&what, "open one collection at a time: these files hold more than one".to_owned()),
            }
        });
    };

    let dragging = use_drop_and_paste(move |incoming| match incoming {
        Incoming::Files(files) => open_files(files),
        Incoming::Text(text) => drop(loader.open("pasted text", &text)),
    });

    // Startup: the recent list, a crash-restore request, then `?src=`.
    Effect::new(move |_| {
        let recent = recent_store::load();
        let restore = recent_store::take_restore_request()
            .then(|| recent.entries.first().and_then(|e| Some((e.title.clone(), recent_store::article(&e.id)?))))
            .flatten();
        loader.recent.set(recent);
        if let Some((title, json)) = restore {
            crate::browser::fetch::drop_early();
            loader.open(&title, &json);
            return;
        }
        let Some(src) = src_param() else {
            loader.ctx.awaiting_src.set(false);
            return;
        };
        match resolve(&src) {
            Err(message) => loader.fail_src(&src, message),
            Ok(url) => {
                let Ok(controller) = web_sys::AbortController::new() else {
                    return loader.fail_src(&url, "this browser cannot fetch articles".to_owned());
                };
                loader.status.set(Status::Loading { what: url.clone(), progress: None, cancellable: true });
                current_read.set_value(Some(InFlight::Fetch(controller.clone())));
                SRC_FETCH.with(|f| f.replace(Some(controller.clone())));
                src_url.set_value(Some(url.clone()));
                leptos::task::spawn_local(async move {
                    let mut result = fetch_text(&url, &controller).await;
                    // Its articles by address are relative to the collection's own; Cancel still
                    // stops them. The page waits until the worker has opened it.
                    let mut texts = Vec::new();
                    if let Ok(text) = result.as_ref() {
                        if collection::looks_like_collection(text) {
                            texts = fetch_sources(&url, text, &controller).await;
                        }
                    }
                    if controller.signal().aborted() {
                        result = Err(None);
                    }
                    done_with(&controller);
                    // Dropped (`drop_src`) when something else opened first.
                    let dropped = SRC_FETCH.with(|f| {
                        let mine = f.borrow().as_ref() == Some(&controller);
                        if mine {
                            f.replace(None);
                        }
                        !mine
                    });
                    match result {
                        _ if dropped => loader.end_loading(&url),
                        Err(None) => {
                            loader.end_src_wait(|| vec![format!("{url}: cancelled")]);
                            loader.end_loading(&url);
                        }
                        // An article from `?src=` can be shared: the link carries its address.
                        Ok(text) if collection::looks_like_collection(&text) => {
                            loader.open_collection(&url, None, &text, &texts, "it could not be fetched", true);
                        }
                        Ok(text) => {
                            if loader.open_from(&url, &text, &[], UNRESOLVED_ALONE, true) {
                                loader.ctx.portable.set(true);
                            }
                        }
                        Err(Some(message)) => loader.fail_src(&url, message),
                    }
                });
            }
        }
    });

    let file_input = NodeRef::<leptos::html::Input>::new();
    let on_file_chosen = {
        move |_| {
            let Some(input) = file_input.get() else {
                return;
            };
            let files = input.files().map(|list| crate::browser::drop_paste::files_of(&list)).unwrap_or_default();
            if !files.is_empty() {
                open_files(files);
            }
            // Choosing the same file again must fire `change` again.
            input.set_value("");
        }
    };
    let cancel = move |_| {
        current_read.with_value(|in_flight| match in_flight {
            Some(InFlight::File(read)) => read.cancel(),
            Some(InFlight::Fetch(controller)) => controller.abort(),
            None => {}
        })
    };

    // The single offline file carries the example inline, since it cannot fetch it.
    let open_example = move |ev: leptos::ev::MouseEvent| {
        let inline = document().get_element_by_id(EXAMPLE_COLLECTION_ID).and_then(|e| e.text_content());
        if let Some(json) = inline {
            ev.prevent_default();
            loader.open("the example collection", &json);
        }
    };

    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let paste_area = NodeRef::<leptos::html::Textarea>::new();
    let open_dialog = move |_| {
        if let Some(dialog) = dialog.get() {
            let _ = dialog.show_modal();
        }
    };
    let open_pasted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = paste_area.get().map(|t| t.value()).unwrap_or_default();
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
        loader.open("pasted text", &text);
    };

    view! {
        <section class="loader" aria-label="Open an article">
            <div class="loader-actions" id="loader-actions">
                <input
                    id="file-input"
                    class="visually-hidden"
                    type="file"
                    accept=".json,application/json"
                    multiple
                    node_ref=file_input
                    on:change=on_file_chosen
                />
                <label for="file-input" class="button">"Open file…"</label>
                <button type="button" class="button" on:click=open_dialog>"Paste JSON…"</button>
                <RecentMenu loader/>
                <a class="button example-link" href=format!("?src={EXAMPLE_COLLECTION_PATH}") on:click=open_example>
                    "Example: one meeting, three reports"
                </a>
                <span class="hint">"or drop a .json file anywhere, or press Ctrl+V"</span>
            </div>
            <StatusPanel status=loader.status cancel/>
            <dialog class="paste-dialog" node_ref=dialog aria-labelledby="paste-title">
                <form method="dialog" on:submit=open_pasted>
                    <h2 id="paste-title">"Paste article JSON"</h2>
                    <textarea id="paste-text" node_ref=paste_area rows="12" aria-label="Article JSON" spellcheck="false"></textarea>
                    <div class="dialog-buttons">
                        <button type="button" class="button" on:click=move |_| { if let Some(d) = dialog.get() { d.close(); } }>"Cancel"</button>
                        <button type="submit" class="button primary">"Open"</button>
                    </div>
                </form>
            </dialog>
            <div class="drop-target" class:active=move || dragging.get() aria-hidden="true">
                <p>"Drop the article’s .json file to open it"</p>
            </div>
        </section>
    }
}

#[component]
fn RecentMenu(loader: LoaderCtx) -> impl IntoView {
    move || {
        let entries = loader.recent.get().entries;
        if entries.is_empty() {
            return None;
        }
        let items = entries
            .into_iter()
            .map(|entry| {
                let (open_id, remove_id) = (entry.id.clone(), entry.id.clone());
                let label = format!("Remove “{}” from recent articles", entry.title);
                view! {
                    <li class="recent-item" data-recent-id=entry.id.clone()>
                        <button
                            type="button"
                            class="recent-open"
                            on:click=move |ev| {
                                close_menu(&ev);
                                let Some(e) = loader.recent.get_untracked().get(&open_id).cloned() else {
                                    return;
                                };
                                match recent_store::article(&open_id) {
                                    Some(json) => drop(loader.open(&e.title, &json)),
                                    // Its copy went (the browser's storage was cleared): the
                                    // entry goes too, and the status says why.
                                    None => {
                                        loader.recent.set(recent_store::forget(&loader.recent.get_untracked(), &open_id));
                                        loader.fail(&e.title, vec![Problem {
                                            severity: Severity::Error,
                                            location: String::new(),
                                            message: "this browser no longer keeps its copy; open the article's file or address again".to_owned(),
                                            excerpt: None,
                                        }]);
                                    }
                                }
                            }
                        >
                            <span class="recent-title">{entry.title}</span>
                            <span class="recent-source">{entry.source}</span>
                        </button>
                        <button
                            type="button"
                            class="recent-remove"
                            aria-label=label
                            on:click=move |_| {
                                loader.recent.set(recent_store::forget(&loader.recent.get_untracked(), &remove_id));
                            }
                        >
                            "×"
                        </button>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <details class="recent">
                <summary class="button">"Recent"</summary>
                <ul class="recent-list">{items}</ul>
            </details>
        })
    }
}

/// Closes the `<details>` menu that contains the event's target.
fn close_menu(ev: &leptos::ev::MouseEvent) {
    let details = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("details").ok().flatten());
    if let Some(details) = details {
        let _ = details.remove_attribute("open");
    }
}

#[component]
fn StatusPanel(
    status: RwSignal<Status>,
    cancel: impl Fn(leptos::ev::MouseEvent) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    move || match status.get() {
        Status::Idle => None,
        Status::Loading { what, progress, cancellable } => {
            let percent = progress.map(|p| (p * 100.0).round() as u32);
            let cancel = cancel.clone();
            Some(
                view! {
                    <div class="load-status loading" role="status">
                        <span class="spinner" aria-hidden="true"></span>
                        <span>{format!("Opening {what}…")}</span>
                        {percent.map(|p| view! { <progress max="100" value=p.to_string()>{format!("{p}%")}</progress> })}
                        {cancellable.then(|| view! { <button type="button" class="button" on:click=cancel.clone()>"Cancel"</button> })}
                    </div>
                }
                .into_any(),
            )
        }
        Status::Failed { what, problems, more } => {
            let count = problems.len() + more;
            // `what` is written as it came (an address, a file name), never recapitalised.
            let heading = if count == 1 {
                format!("Could not open {what}: 1 problem")
            } else {
                format!("Could not open {what}: {count} problems")
            };
            Some(
                view! {
                    <div class="load-status failed" role="alert">
                        <p class="status-heading">{heading}</p>
                        <p class="status-note">"Nothing on the page was replaced."</p>
                        <ProblemList problems/>
                        {(more > 0).then(|| view! { <p class="more">{format!("and {more} more")}</p> })}
                        <button type="button" class="button" on:click=move |_| status.set(Status::Idle)>"Dismiss"</button>
                    </div>
                }
                .into_any(),
            )
        }
        Status::Opened { title, problems, remembered } => {
            let note = if remembered { "" } else { " It is too large to keep in the recent list." };
            // A line that stands for an article's further problems counts as those problems.
            let count = |severity| {
                problems
                    .iter()
                    .filter(|p| p.severity == severity)
                    .map(|p| collection::problems_counted(&p.message))
                    .sum::<usize>()
            };
            let counts: Vec<String> =
                [(count(Severity::Error), "error", "errors"), (count(Severity::Warning), "warning", "warnings")]
                    .into_iter()
                    .filter(|&(n, _, _)| n > 0)
                    .map(|(n, one, many)| plural(n, one, many))
                    .collect();
            let summary = if counts.is_empty() {
                format!("Opened “{title}”.{note}")
            } else {
                format!("Opened “{title}” with {}.{note}", counts.join(" and "))
            };
            // Some of it did not open (a collection's broken article): not shown as a success.
            let partial = count(Severity::Error) > 0;
            Some(
                view! {
                    <div class="load-status opened" class:partial=partial role="status">
                        <p class="status-heading">{summary}</p>
                        <ProblemList problems/>
                        <button type="button" class="button" on:click=move |_| status.set(Status::Idle)>"Dismiss"</button>
                    </div>
                }
                .into_any(),
            )
        }
    }
}

#[component]
fn ProblemList(problems: Vec<Problem>) -> impl IntoView {
    let items = problems
        .into_iter()
        .map(|p| {
            let level = if p.severity == Severity::Error { "error" } else { "warning" };
            view! {
                <li class=format!("problem {level}")>
                    {(!p.location.is_empty()).then(|| view! { <code class="problem-where">{p.location}</code> })}
                    <span class="problem-message">{p.message}</span>
                    {p.excerpt.map(|e| view! { <pre class="problem-excerpt">{e}</pre> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="problems">{items}</ul> }
}
