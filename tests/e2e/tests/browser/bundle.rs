//! What the reader's wasm carries, read from the names the release build keeps before wasm-opt
//! (`target/wasm32-unknown-unknown/wasm-release/counterpoint-app.wasm`, Rust's mangled names in
//! its `name` section). A reader pays for every byte of it before the first interaction, so the
//! code only authors and collections need lives in modules of their own (ARCHITECTURE.md): the
//! authoring view in `counterpoint-author`, the extractor in `counterpoint-worker`, and statement
//! matching and the Coverage view in `counterpoint-collections`.

use e2e::harness::{ensure, project_root};
use e2e::webdriver::Result;

/// The functions' names in a wasm module's `name` section, concatenated as they are stored.
fn function_names(wasm: &[u8]) -> Result<String> {
    fn leb(bytes: &[u8], at: &mut usize) -> Result<usize> {
        let (mut value, mut shift) = (0usize, 0);
        loop {
            let byte = *bytes.get(*at).ok_or("the module ends inside a number")?;
            *at += 1;
            value |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
        }
    }
    ensure(wasm.starts_with(b"\0asm"), "not a wasm module")?;
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = leb(wasm, &mut at)?;
        let end = at + size;
        if id == 0 {
            let mut inner = at;
            let length = leb(wasm, &mut inner)?;
            if wasm.get(inner..inner + length) == Some(b"name".as_slice()) {
                inner += length;
                while inner < end {
                    let (kind, size) = (wasm[inner], {
                        inner += 1;
                        leb(wasm, &mut inner)?
                    });
                    if kind == 1 {
                        let mut names = String::new();
                        let mut at = inner;
                        for _ in 0..leb(wasm, &mut at)? {
                            leb(wasm, &mut at)?;
                            let length = leb(wasm, &mut at)?;
                            names.push_str(&String::from_utf8_lossy(&wasm[at..at + length]));
                            names.push('\n');
                            at += length;
                        }
                        return Ok(names);
                    }
                    inner += size;
                }
            }
        }
        at = end;
    }
    Err("the module has no function names".to_owned())
}

#[test]
fn the_readers_wasm_carries_neither_the_authoring_view_nor_the_collections_code() -> Result<()> {
    let path = project_root().join("target/wasm32-unknown-unknown/wasm-release/counterpoint-app.wasm");
    let wasm = std::fs::read(&path).map_err(|e| format!("{}: {e} (run `cargo xtask dist`)", path.display()))?;
    let names = function_names(&wasm)?;
    let count = |part: &str| names.lines().filter(|n| n.contains(part)).count();
    // The reader's own code is there, by name: the check reads what it thinks it reads.
    for present in ["12counterpoint2ui7compare", "12counterpoint2ui4read", "17counterpoint_core8explorer"] {
        ensure(count(present) > 0, format!("no function of {present} in {}", path.display()))?;
    }
    for absent in [
        "12counterpoint2ui6author",
        "17counterpoint_core5draft",
        "21counterpoint_extract",
        "17counterpoint_core10statements",
        "17counterpoint_core13coverage_view",
    ] {
        ensure(count(absent) == 0, format!("the reader's wasm has {} functions of {absent}", count(absent)))?;
    }
    Ok(())
}
