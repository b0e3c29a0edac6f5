//! The "Share / Embed" dialog: a link to the current view, an iframe snippet, the snippet with
//! the script that sizes the frame, and the article's quotes as W3C Web Annotations to download.
//! A native `<dialog>`, so Escape, focus and the backdrop behave as the browser's own.

use leptos::html;
use leptos::prelude::*;

use super::Ctx;
use crate::annotations::{annotations, file_name};
use crate::browser::clipboard::copy_field;
use crate::browser::page::Embedding;
use crate::browser::text_file::download_text;
use crate::embed::{PageUrl, Theme};

/// The Web Annotation media type (JSON-LD with the model's profile).
const ANNOTATION_MIME: &str = "application/ld+json;profile=\"http://www.w3.org/ns/anno.jsonld\"";

/// `text` while the dialog is open (`shown`), and nothing while it is closed.
fn while_shown(shown: RwSignal<bool>, text: impl Fn() -> String + Send + Sync + 'static) -> Signal<String> {
    Signal::derive(move || match shown.get() {
        true => text(),
        false => String::new(),
    })
}

#[component]
pub fn Share() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let embedding = expect_context::<Embedding>();
    let dialog = NodeRef::<html::Dialog>::new();
    let title = move || ctx.explorer.with(|ex| ex.article.title.clone());
    // The embed's colours start as this page's and are chosen for the page it goes into.
    let theme = RwSignal::new(embedding.options.with_value(|o| o.theme));
    // The link and the code are written while the dialog is open: a filter, a selection or a new
    // article changes the route, and nobody reads them until the dialog shows.
    let shown = RwSignal::new(false);
    let link = while_shown(shown, move || ctx.page_url(&embedding).share_link(&ctx.nav.route.get()));
    let snippet = while_shown(shown, move || {
        ctx.page_url(&embedding).iframe_snippet(&ctx.nav.route.get(), theme.get(), &title())
    });
    let with_script = while_shown(shown, move || {
        ctx.page_url(&embedding).snippet_with_script(&ctx.nav.route.get(), theme.get(), &title())
    });
    let open = move |_| {
        if let Some(dialog) = dialog.get() {
            shown.set(true);
            let _ = dialog.show_modal();
        }
    };
    view! {
        <button type="button" class="share-button" aria-haspopup="dialog" on:click=open>
            "Share / Embed"
        </button>
        <dialog
            node_ref=dialog
            class="share-dialog"
            aria-labelledby="share-heading"
            on:close=move |_| shown.set(false)
        >
            <h2 id="share-heading">"Share or embed this view"</h2>
            <p class="share-hint">"The link and the code keep the current view, filters and selected quote."</p>
            <Show when=move || !ctx.portable.get()>
                <p class="share-warning" role="note">
                    "This article was opened from a file, a paste or a message, so a link cannot bring it back: "
                    "the link and the code below show the built-in article. Publish the article’s JSON at a URL "
                    "and open it with ?src= to share it."
                </p>
            </Show>
            <CopyField id="share-link" label="Link to this view" rows=2 value=link/>
            {if embedding.url.with_value(PageUrl::is_local_file) {
                view! {
                    <p class="share-warning share-offline" role="note">
                        "This copy of Counterpoint is a file on this computer, so the link works only here, and "
                        "no other page can embed it. To embed it in a story, host the app on a web server "
                        "(counterpoint publish makes a ready-to-host folder) and copy the embed code from there."
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <EmbedTheme theme/>
                    <CopyField id="share-iframe" label="Embed code (iframe)" rows=4 value=snippet/>
                    <CopyField id="share-script" label="Embed code with automatic height" rows=5 value=with_script/>
                }
                .into_any()
            }}
            <ExportAnnotations/>
            <form method="dialog" class="share-close">
                <button type="submit">"Close"</button>
            </form>
        </dialog>
    }
}

/// The embed code's colours: the reader's system setting, or always light or dark to match the
/// story's page (`?theme=` in the code).
#[component]
fn EmbedTheme(theme: RwSignal<Theme>) -> impl IntoView {
    let choices = [
        (Theme::Auto, "auto", "Follow the reader’s system"),
        (Theme::Light, "light", "Always light"),
        (Theme::Dark, "dark", "Always dark"),
    ];
    view! {
        <fieldset class="embed-theme">
            <legend>"Colours of the embed"</legend>
            {choices
                .into_iter()
                .map(|(choice, value, label)| {
                    view! {
                        <label>
                            <input
                                type="radio"
                                name="embed-theme"
                                value=value
                                prop:checked=move || theme.get() == choice
                                on:change=move |_| theme.set(choice)
                            />
                            {label}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// Downloads the anchored quotes as a W3C Web Annotation collection, the document
/// `counterpoint annotations` prints for the same article: annotation tools can then show who said
/// what on the article's own page.
#[component]
fn ExportAnnotations() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (status, set_status) = signal(String::new());
    let target = move || {
        ctx.explorer.with(|ex| match &ex.article.source.url {
            Some(url) => format!("on {url}."),
            None => "on the article’s text: it names no page of its own.".to_owned(),
        })
    };
    let download = move |_| {
        let (name, json) =
            ctx.explorer.with_untracked(|ex| (file_name(&ex.article.title), annotations(ex, None).to_json()));
        set_status.set(match download_text(&name, ANNOTATION_MIME, &json) {
            Ok(()) => format!("Saved {name}"),
            Err(err) => err,
        });
    };
    view! {
        <section class="annotation-export" aria-labelledby="annotation-heading">
            <h3 id="annotation-heading">"Annotations"</h3>
            <p class="share-hint">
                "Each quote as a W3C Web Annotation (JSON-LD) with its speaker, side and topics, for annotation tools, "
                {target}
            </p>
            <div class="copy-row">
                <button type="button" id="download-annotations" class="copy-button" on:click=download>
                    "Download annotations"
                </button>
                <span class="copy-status" role="status" aria-live="polite">{status}</span>
            </div>
        </section>
    }
}

/// A read-only field with a Copy button and a status that screen readers announce.
#[component]
fn CopyField(id: &'static str, label: &'static str, rows: u32, value: Signal<String>) -> impl IntoView {
    let field = NodeRef::<html::Textarea>::new();
    let (status, set_status) = signal(String::new());
    let copy = move |_| {
        let Some(field) = field.get() else {
            return;
        };
        set_status.set(if copy_field(&field) { "Copied".to_owned() } else { "Press Ctrl+C to copy".to_owned() });
    };
    view! {
        <div class="copy-field">
            <label for=id>{label}</label>
            <textarea id=id node_ref=field rows=rows readonly spellcheck="false" prop:value=move || value.get()></textarea>
            <div class="copy-row">
                <button type="button" class="copy-button" data-copy=id on:click=copy>"Copy"</button>
                <span class="copy-status" role="status" aria-live="polite">{status}</span>
            </div>
        </div>
    }
}
