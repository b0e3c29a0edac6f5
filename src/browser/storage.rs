//! `localStorage`, for the authoring view's autosaved draft.
//!
//! Every function fails softly: a browser without storage (private mode, a full quota, storage
//! disabled) loses only the autosave, never the page. `save_item` says why it failed, so the view
//! can tell the user that the draft is not being kept.

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored value for `key`, if any.
pub fn load_item(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`.
pub fn save_item(key: &str, value: &str) -> Result<(), String> {
    let storage = local_storage().ok_or("this browser does not allow local storage")?;
    storage
        .set_item(key, value)
        .map_err(|_| format!("the browser refused to store {} KB (its storage is full or limited)", value.len() / 1000))
}

pub fn remove_item(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}
