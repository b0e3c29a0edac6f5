//! The browser entry point: install the panic hook, then mount the app.

fn main() {
    counterpoint::browser::panic::install();
    leptos::mount::mount_to_body(counterpoint::ui::App);
}
