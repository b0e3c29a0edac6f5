// Starts the authoring view's own wasm module, the first time someone opens Author (the reader's
// app never loads it otherwise; see src/browser/author_module.rs). Trunk builds the module as
// counterpoint-author.js and counterpoint-author_bg.wasm next to this file. This script's own query
// (?attempt=N, when an earlier attempt failed) is passed on, so a retry fetches the module anew.
const again = new URL(import.meta.url).search;
try {
  const author = await import("./counterpoint-author.js" + again);
  await author.default({ module_or_path: new URL("./counterpoint-author_bg.wasm" + again, import.meta.url) });
  window.counterpointAuthor = { mount: author.mount_author, unmount: author.unmount_author };
  dispatchEvent(new CustomEvent("counterpoint:author", { detail: null }));
} catch (err) {
  dispatchEvent(new CustomEvent("counterpoint:author", { detail: String(err && err.message || err) }));
}
