//! Reads a user's file as text with progress, and can be cancelled.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, FileReader, ProgressEvent};

/// A read in progress. Dropping it does not cancel; call [`FileRead::cancel`].
pub struct FileRead {
    reader: FileReader,
    // The callbacks must live as long as the read.
    _callbacks: Vec<Closure<dyn FnMut(ProgressEvent)>>,
}

impl FileRead {
    pub fn cancel(&self) {
        self.reader.abort();
    }
}

/// Starts reading `file` as UTF-8 text. `on_progress` gets the fraction read (0 to 1); `on_done`
/// gets the text, or a message saying why it could not be read (`None` when cancelled).
pub fn read_text(
    file: &File,
    on_progress: impl Fn(f64) + 'static,
    on_done: impl Fn(Result<String, Option<String>>) + 'static,
) -> Result<FileRead, String> {
    let reader = FileReader::new().map_err(|_| "this browser cannot read files".to_owned())?;
    let on_done = std::rc::Rc::new(on_done);
    let progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |ev: ProgressEvent| {
        if ev.length_computable() && ev.total() > 0.0 {
            on_progress(ev.loaded() / ev.total());
        }
    });
    let done = {
        let on_done = on_done.clone();
        let reader = reader.clone();
        Closure::<dyn FnMut(ProgressEvent)>::new(move |_: ProgressEvent| {
            match reader.result().ok().and_then(|v| v.as_string()) {
                Some(text) => on_done(Ok(text)),
                None => on_done(Err(Some("the file could not be read as text".to_owned()))),
            }
        })
    };
    let failed = {
        let on_done = on_done.clone();
        Closure::<dyn FnMut(ProgressEvent)>::new(move |_: ProgressEvent| {
            on_done(Err(Some("the browser could not read the file (was it moved or deleted?)".to_owned())));
        })
    };
    let aborted = Closure::<dyn FnMut(ProgressEvent)>::new(move |_: ProgressEvent| on_done(Err(None)));
    reader.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    reader.set_onload(Some(done.as_ref().unchecked_ref()));
    reader.set_onerror(Some(failed.as_ref().unchecked_ref()));
    reader.set_onabort(Some(aborted.as_ref().unchecked_ref()));
    reader.read_as_text(file).map_err(|_| "the file could not be opened".to_owned())?;
    Ok(FileRead { reader, _callbacks: vec![progress, done, failed, aborted] })
}
