//! Filters, search and the balance meter.

use leptos::prelude::*;

use super::{disclosure_button, side_style, Ctx};
use crate::stats::word_shares;

#[component]
pub fn Toolbar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let on_search = move |ev: leptos::ev::Event| {
        let mut route = ctx.nav.route.get_untracked();
        route.search = event_target_value(&ev);
        // Typing should not add a history entry per keystroke.
        ctx.nav.replace(&route);
    };
    let more_open = RwSignal::new(false);
    view! {
        <section class="toolbar" aria-label="Filters">
            <div class="search">
                <label for="search">"Search quotes"</label>
                <input
                    id="search"
                    type="search"
                    placeholder="Search quotes"
                    prop:value=move || ctx.nav.route.with(|r| r.search.clone())
                    on:input=on_search
                />
            </div>
            // On a phone the filters and the balance fold away behind one button, so the positions
            // start on the first screen; on wider screens they are always shown.
            {disclosure_button("button filters-toggle", "toolbar-more", "Filters and balance", more_open)}
            <div id="toolbar-more" class="toolbar-more" class:open=move || more_open.get()>
                <SideFilters/>
                <SpeakerFilters/>
                <Balance/>
            </div>
        </section>
    }
}

#[component]
fn SideFilters() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let ex = ctx.explorer.get();
        let buttons = ex
            .article
            .sides
            .iter()
            .enumerate()
            .map(|(i, side)| {
                let id = side.id.clone();
                let ex_for_click = ex.clone();
                let shown = move || !ctx.is_side_hidden(i);
                view! {
                    <button
                        type="button"
                        class="toggle side-toggle"
                        data-side=id.clone()
                        style=side_style(&ex, Some(i))
                        aria-pressed=move || shown().to_string()
                        on:click=move |_| {
                            let mut route = ctx.nav.route.get_untracked();
                            let ids: Vec<&str> = ex_for_click.article.sides.iter().map(|s| s.id.as_str()).collect();
                            route.toggle_side(&id, &ids);
                            ctx.nav.navigate(&route);
                        }
                    >
                        {side.label.clone()}
                    </button>
                }
            })
            .collect_view();
        view! {
            <fieldset class="filter sides">
                <legend>"Sides"</legend>
                {buttons}
            </fieldset>
        }
    }
}

#[component]
fn SpeakerFilters() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let ex = ctx.explorer.get();
        let buttons = ex
            .article
            .speakers
            .iter()
            .map(|speaker| {
                let id = speaker.id.clone();
                let side = ex.article.sides.iter().position(|s| s.id == speaker.side);
                let shown = {
                    let id = id.clone();
                    move || ctx.nav.route.with(|r| !r.hidden_speakers.contains(&id))
                };
                // A speaker whose quotes are all on hidden sides is hidden too, whatever their own
                // toggle says.
                let side_hidden = {
                    let (ex, id) = (ex.clone(), id.clone());
                    move || ctx.filters.with(|r| ex.is_speaker_hidden_by_sides(&id, r))
                };
                let side_label =
                    side.and_then(|i| ex.article.sides.get(i)).map(|s| s.label.clone()).unwrap_or_default();
                let title = {
                    let side_hidden = side_hidden.clone();
                    move || side_hidden().then(|| format!("Hidden with the side {side_label}"))
                };
                let pressed = {
                    let side_hidden = side_hidden.clone();
                    move || (shown() && !side_hidden()).to_string()
                };
                view! {
                    <button
                        type="button"
                        class="toggle speaker-toggle"
                        data-speaker=id.clone()
                        style=side_style(&ex, side)
                        aria-pressed=pressed
                        disabled=side_hidden
                        title=title
                        on:click=move |_| {
                            let mut route = ctx.nav.route.get_untracked();
                            route.toggle_speaker(&id);
                            ctx.nav.navigate(&route);
                        }
                    >
                        {speaker.name.clone()}
                    </button>
                }
            })
            .collect_view();
        view! {
            <fieldset class="filter speakers">
                <legend>"Speakers"</legend>
                {buttons}
            </fieldset>
        }
    }
}

/// Per side: the number of quotes and the words quoted, as a small bar.
#[component]
fn Balance() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let ex = ctx.explorer.get();
        let route = ctx.filters.get();
        // The visibility the filters already worked out, not a second pass over every quote.
        let sides = ctx.visibility.with(|visible| ex.balance_of(visible));
        // With filters on, the meter counts only what is shown, and says so.
        let filtered = !route.search.trim().is_empty()
            || !route.hidden_speakers.is_empty()
            || (0..ex.article.sides.len()).any(|s| ex.is_side_hidden(s, &route));
        let heading = if filtered { "Balance of the quotes shown" } else { "Balance" };
        let shares = word_shares(&sides);
        let rows = sides
            .iter()
            .zip(shares)
            .enumerate()
            .map(|(i, (b, share))| {
                let label = ex.article.sides[i].label.clone();
                let quotes = if b.quotes == 1 { "1 quote".to_owned() } else { format!("{} quotes", b.quotes) };
                let words = if b.words == 1 { "1 word".to_owned() } else { format!("{} words", b.words) };
                view! {
                    <li class="balance-row" data-side=ex.article.sides[i].id.clone() style=side_style(&ex, Some(i))>
                        <span class="balance-label">{label}</span>
                        <span class="balance-numbers">{format!("{quotes} · {words} ({share}%)")}</span>
                        <span class="balance-bar" aria-hidden="true">
                            <span class="balance-fill" style=format!("width:{share}%")></span>
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="balance" aria-label="Balance of quotes">
                <h2 class="balance-title">{heading}</h2>
                <ul>{rows}</ul>
            </section>
        }
    }
}
