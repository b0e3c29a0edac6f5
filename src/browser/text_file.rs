//! Text files in and out: reading a dropped or chosen `.txt` file, and saving text as a download.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The first file of a drop or a file input, if any.
pub fn first_file(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files?.get(0)
}

/// Reads a file as UTF-8 text (the browser replaces invalid bytes): the text, and the same text as
/// the page's own string.
pub async fn read_text(file: &web_sys::File) -> Result<(String, JsValue), String> {
    let text = JsFuture::from(file.text()).await.map_err(|_| format!("cannot read {}", file.name()))?;
    let rust = text.as_string().ok_or_else(|| format!("{} is not text", file.name()))?;
    Ok((rust, text))
}

/// Offers `text` as a download named `file_name`: a Blob, an object URL and a clicked
/// `<a download>`, with the URL released right after.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let attempt = || -> Result<(), JsValue> {
        let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
        web_sys::Url::revoke_object_url(&url)?;
        Ok(())
    };
    attempt().map_err(|e| e.as_string().unwrap_or_else(|| "the browser refused the download".to_owned()))
}
