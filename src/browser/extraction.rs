//! The extraction worker, seen from the page: `start_extraction` runs one extraction in a fresh
//! Web Worker with its own wasm module (`crates/worker`), and `ExtractionJob::cancel` ends it.
//!
//! The app never links the extractor, so a reader never downloads it: the worker's files are
//! fetched the first time someone extracts. Hosted, the worker is Trunk's
//! `counterpoint-worker_loader.js` next to the page. In the offline single file there is no file
//! to fetch: the page carries the worker's glue and its wasm (gzip + base64) in two data blocks,
//! and the worker starts from a `blob:` URL of the glue and unpacks the wasm itself.
//!
//! Each extraction gets its own worker, so cancelling is `terminate()`, immediate even in the
//! middle of a slice, and nothing of an old extraction can reach a newer one.
//!
//! `start_collection` does the same with the collections worker (`counterpoint-collections`),
//! which opens a collection and builds its Coverage view; only people who open a collection
//! download it.

use std::cell::RefCell;
use std::rc::Rc;

use counterpoint_core::worker::{
    CollectionReply, CollectionRequest, ExtractRequest, Reply, Texts, WorkerReply, WorkerRequest,
    INLINE_COLLECTIONS_GLUE_ID, INLINE_COLLECTIONS_WASM_ID, INLINE_GLUE_ID, INLINE_WASM_ID,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker scripts Trunk writes next to the page (worker files are not content-hashed), and the
/// single file's data blocks that carry each worker instead: extraction, then collections.
const EXTRACTION: (&str, &str, &str) = ("./counterpoint-worker_loader.js", INLINE_GLUE_ID, INLINE_WASM_ID);
const COLLECTIONS: (&str, &str, &str) =
    ("./counterpoint-collections_loader.js", INLINE_COLLECTIONS_GLUE_ID, INLINE_COLLECTIONS_WASM_ID);
/// Runs after the inlined glue: the first message is the packed wasm, which it unpacks and starts.
/// A start that fails says so, instead of leaving the page waiting.
const INLINE_BOOT: &str = "\nself.onmessage = async (e) => {\n  self.onmessage = null;\n  try {\n    \
    const gz = Uint8Array.from(atob(e.data), (c) => c.charCodeAt(0));\n    \
    const bytes = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream(\"gzip\"))).arrayBuffer();\n    \
    await wasm_bindgen({ module_or_path: bytes });\n  } catch (err) {\n    \
    self.postMessage(JSON.stringify({ type: \"failed\", job: 0, message: \"the worker could not start: \" + err }));\n  }\n};\n";

/// A running extraction; dropping it does not stop it, `cancel` does.
pub struct ExtractionJob {
    worker: web_sys::Worker,
    // Kept alive for as long as the worker may answer.
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl ExtractionJob {
    /// Stops the worker at once; no reply arrives after this.
    pub fn cancel(&self) {
        self.worker.terminate();
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
    }
}

/// Starts extracting `text` (a JS string: a long text crosses to the worker without a conversion
/// on the page's thread) in a new worker. `on_reply` gets every `Progress`, then one `Done` or
/// `Failed`; a worker that cannot start at all reports `Failed` too.
pub fn start_extraction(
    job: u64,
    text: JsValue,
    paraphrases: bool,
    on_reply: impl FnMut(WorkerReply) + 'static,
) -> Result<ExtractionJob, String> {
    let header = WorkerRequest::Extract(ExtractRequest { job, paraphrases });
    start_job(EXTRACTION, job, &header, vec![text], on_reply)
}

/// Opens a collection in a new worker: `document` is the collection's JSON (empty for articles
/// opened together) and `texts` the texts of `request.sources` that could be had, in order. The
/// worker answers one `Collection` (or `Failed`).
pub fn start_collection(
    request: CollectionRequest,
    document: &str,
    texts: &[String],
    on_reply: impl FnMut(CollectionReply) + 'static,
) -> Result<ExtractionJob, String> {
    let job = request.job;
    let mut payload = vec![JsValue::from_str(document)];
    payload.extend(texts.iter().map(|t| JsValue::from_str(t)));
    start_job(COLLECTIONS, job, &WorkerRequest::Collection(request), payload, on_reply)
}

/// Starts a worker of `module` and posts `[header, payload…]` once it is ready. Its replies are
/// read as `R`.
fn start_job<R: Reply + 'static>(
    (url, glue_id, wasm_id): (&str, &str, &str),
    job: u64,
    header: &WorkerRequest,
    payload: Vec<JsValue>,
    on_reply: impl FnMut(R) + 'static,
) -> Result<ExtractionJob, String> {
    let document = web_sys::window().and_then(|w| w.document());
    let inline = document.as_ref().and_then(|d| {
        let glue = d.get_element_by_id(glue_id)?.text_content()?;
        let wasm = d.get_element_by_id(wasm_id)?.text_content()?;
        Some((glue, wasm))
    });
    let (worker, blob_url) = match &inline {
        Some((glue, _)) => inline_worker(glue)?,
        None => (web_sys::Worker::new(url).map_err(|e| describe("cannot start the worker", &e))?, None),
    };

    let on_reply = Rc::new(RefCell::new(on_reply));
    let header = serde_json::to_string(header).unwrap_or_default();
    // The text is posted once the worker says it is ready: a message sent while the offline
    // worker is still unpacking its wasm would find no handler.
    let pending = RefCell::new(Some(payload));
    let port = worker.clone();
    let reply_to = on_reply.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        // A string is a header alone; an array is a header and the texts beside it.
        let data = event.data();
        let (head, texts) = match data.dyn_ref::<js_sys::Array>() {
            Some(parts) => (parts.get(0).as_string().unwrap_or_default(), held_texts(parts.clone())),
            None => (data.as_string().unwrap_or_default(), Texts::default()),
        };
        let reply = R::from_message(&head, texts).unwrap_or_else(|message| R::failed(job, message));
        if reply.is_ready() {
            // The worker has its script by now.
            if let Some(url) = &blob_url {
                let _ = web_sys::Url::revoke_object_url(url);
            }
            if let Some(payload) = pending.borrow_mut().take() {
                let request = js_sys::Array::new();
                request.push(&JsValue::from_str(&header));
                for part in &payload {
                    request.push(part);
                }
                if let Err(err) = port.post_message(&request) {
                    (reply_to.borrow_mut())(R::failed(job, describe("cannot reach the worker", &err)));
                }
            }
            return;
        }
        (reply_to.borrow_mut())(reply);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        let message = event
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "the worker could not be loaded".to_owned());
        (on_reply.borrow_mut())(R::failed(job, message));
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    if let Some((_, wasm)) = inline {
        if let Err(err) = worker.post_message(&JsValue::from_str(&wasm)) {
            worker.terminate();
            return Err(describe("cannot start the extraction worker", &err));
        }
    }
    Ok(ExtractionJob { worker, _on_message: on_message, _on_error: on_error })
}

thread_local! {
    /// The messages whose texts the page still holds, by key (see `held_texts`).
    static HELD: RefCell<std::collections::HashMap<u64, js_sys::Array>> = RefCell::new(Default::default());
}

/// The texts after a message's header, left as the message's JavaScript strings: each is copied
/// into the app's memory only when it is read, and all are let go with the last copy of what
/// reads them.
fn held_texts(message: js_sys::Array) -> Texts {
    /// Its key in `HELD`; dropping it lets the message go.
    struct Held(u64);
    impl Held {
        fn text(&self, i: usize) -> Option<String> {
            let i = u32::try_from(i + 1).ok()?;
            HELD.with(|messages| messages.borrow().get(&self.0).and_then(|m| m.get(i).as_string()))
        }
    }
    impl Drop for Held {
        fn drop(&mut self) {
            let _ = HELD.try_with(|held| held.borrow_mut().remove(&self.0));
        }
    }
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    let key = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let len = message.length().saturating_sub(1) as usize;
    HELD.with(|held| held.borrow_mut().insert(key, message));
    let held = Held(key);
    // The closure owns `held` (not a copy of its key), so the message stays while it does.
    Texts::new(len, move |i| held.text(i))
}

/// A worker from the inlined glue, through a `blob:` URL (the single file's policy allows
/// `worker-src blob:`).
fn inline_worker(glue: &str) -> Result<(web_sys::Worker, Option<String>), String> {
    let parts = js_sys::Array::of2(&JsValue::from_str(glue), &JsValue::from_str(INLINE_BOOT));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| describe("cannot start the extraction worker", &e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|e| describe("cannot start the extraction worker", &e))?;
    let worker = web_sys::Worker::new(&url).map_err(|e| describe("cannot start the extraction worker", &e))?;
    Ok((worker, Some(url)))
}

fn describe(what: &str, err: &JsValue) -> String {
    let detail = err
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_default();
    if detail.is_empty() {
        what.to_owned()
    } else {
        format!("{what}: {detail}")
    }
}
