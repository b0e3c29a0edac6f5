//! Property tests: the parser, validator, anchorer, explorer and extractor never panic, whatever
//! they are given, and their outputs keep their invariants.
//!
//! Inputs come from a seeded generator, so a failure names the case that reproduces it. Plain
//! `cargo test` runs a few hundred cases per property; `cargo xtask fuzz` runs the long campaign
//! by setting `COUNTERPOINT_FUZZ_CASES`.

use counterpoint_core::anchor::Anchorer;
use counterpoint_core::explorer::Explorer;
use counterpoint_core::offsets::cp_len;
use counterpoint_core::validate::load_article;
use serde_json::{json, Value};

fn cases() -> u64 {
    std::env::var("COUNTERPOINT_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300)
}

/// xorshift64*: tiny, fast and reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Characters that stress the anchorer: marks, spaces, invisibles, astral, combining, RTL.
const TRICKY: &[&str] = &[
    "a",
    "b",
    " ",
    "  ",
    "\u{a0}",
    "\u{ad}",
    "\u{200b}",
    "\u{feff}",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "‘",
    "«",
    "»",
    "„",
    "…",
    "...",
    "–",
    "-",
    "\n",
    "\t",
    "😀",
    "👩‍👩‍👧",
    "e\u{301}",
    "\u{301}",
    "שלום",
    "مرحبا",
    "\u{202e}",
    "<",
    ">",
    "&",
    "\\",
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "0",
    "\u{0}",
    "said",
    "Lavrov",
    " said.",
    "\u{fffd}",
];

fn tricky_text(rng: &mut Rng, max_pieces: usize) -> String {
    (0..rng.below(max_pieces)).map(|_| *rng.pick(TRICKY)).collect()
}

fn random_json(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth > 4 { 4 } else { 7 }) {
        0 => Value::Null,
        1 => json!(rng.below(3) == 0),
        2 => json!(rng.next() as i64 % 1000),
        3 => json!(tricky_text(rng, 8)),
        4 | 5 => (0..rng.below(4)).map(|_| random_json(rng, depth + 1)).collect(),
        _ => {
            let keys = ["id", "text", "speaker", "side", "sides", "quotes", "body", "title", "kind", "topics", "x"];
            let map = (0..rng.below(5)).map(|_| (rng.pick(&keys).to_string(), random_json(rng, depth + 1))).collect();
            Value::Object(map)
        }
    }
}

/// The seed article with one random change: a field removed, retyped or given tricky text.
fn mutated_seed(rng: &mut Rng) -> Value {
    let mut value: Value = serde_json::from_str(counterpoint_core::seed::SEED_JSON).expect("seed parses");
    for _ in 0..=rng.below(3) {
        // Walk down to a random node, remembering the way as a JSON pointer.
        let mut pointer = String::new();
        let mut target = &value;
        for _ in 0..rng.below(4) {
            match target {
                Value::Object(map) if !map.is_empty() => {
                    let key = map.keys().nth(rng.below(map.len())).cloned().unwrap_or_default();
                    pointer.push('/');
                    pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                    target = &map[&key];
                }
                Value::Array(items) if !items.is_empty() => {
                    let i = rng.below(items.len());
                    pointer.push_str(&format!("/{i}"));
                    target = &items[i];
                }
                _ => break,
            }
        }
        let replacement = match rng.below(3) {
            0 => json!(tricky_text(rng, 12)),
            1 => random_json(rng, 2),
            _ => Value::Null,
        };
        if let Some(node) = value.pointer_mut(&pointer) {
            *node = replacement;
        }
    }
    value
}

/// Loads `input`; when it is an article, every quote's span and highlight must stay in bounds.
fn check_article_invariants(input: &str) {
    let report = load_article(input);
    let Some(article) = report.article else {
        assert!(report.errors().next().is_some(), "no article and no error for {input:.200}");
        return;
    };
    let explorer = Explorer::new(article);
    for (q, anchor) in explorer.anchors.iter().enumerate() {
        if let Some(span) = anchor.span {
            let len = cp_len(&explorer.article.body[span.paragraph]);
            assert!(span.start <= span.end && span.end <= len, "quote {q} span {span:?} outside {len}");
        }
    }
    for p in 0..explorer.article.body.len() {
        let segments = explorer.segments(p, |_| true);
        let joined: String = segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, explorer.article.body[p], "segments must rebuild the paragraph");
    }
}

#[test]
fn arbitrary_bytes_never_panic_the_loader() {
    let mut rng = Rng(0x5eed_0001);
    for _ in 0..cases() {
        let bytes: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
        check_article_invariants(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn arbitrary_json_never_panics_the_validator() {
    let mut rng = Rng(0x5eed_0002);
    for _ in 0..cases() {
        check_article_invariants(&random_json(&mut rng, 0).to_string());
    }
}

#[test]
fn mutated_articles_validate_or_anchor_within_bounds() {
    let mut rng = Rng(0x5eed_0003);
    for _ in 0..cases() {
        check_article_invariants(&mutated_seed(&mut rng).to_string());
    }
}

#[test]
fn anchoring_tricky_text_stays_in_bounds_and_finds_exact_copies() {
    let mut rng = Rng(0x5eed_0004);
    for _ in 0..cases() {
        let body: Vec<String> = (0..=rng.below(3)).map(|_| tricky_text(&mut rng, 30)).collect();
        let anchorer = Anchorer::new(&body);
        for _ in 0..4 {
            // Half the time the quote is a real slice of a paragraph, so it must be found.
            let p = rng.below(body.len());
            let chars: Vec<char> = body[p].chars().collect();
            let (from, to) = (rng.below(chars.len() + 1), rng.below(chars.len() + 1));
            let (from, to) = (from.min(to), from.max(to));
            let slice: String = chars[from..to].iter().collect();
            let quote = if rng.below(2) == 0 { slice.clone() } else { tricky_text(&mut rng, 6) };
            let anchor = anchorer.anchor(&quote, None, None);
            for span in anchor.span.iter().chain(anchor.near.as_ref().map(|n| &n.span)) {
                let len = cp_len(&body[span.paragraph]);
                assert!(span.start <= span.end && span.end <= len, "{quote:?} in {body:?}: {span:?}");
            }
            let visible = slice.chars().any(|c| c.is_alphanumeric());
            if quote == slice && visible && !slice.contains('\n') {
                assert!(anchor.span.is_some(), "{slice:?} is in {:?} but was not found", body[p]);
            }
        }
    }
}

#[test]
fn extraction_never_panics_and_spans_stay_in_bounds() {
    let mut rng = Rng(0x5eed_0005);
    for _ in 0..cases() {
        let text = tricky_text(&mut rng, 80);
        let extraction = counterpoint_extract::extract(&text);
        let len = cp_len(&text);
        for quote in &extraction.quotes {
            assert!(quote.span.start <= quote.span.end && quote.span.end <= len, "{text:?}: {:?}", quote.span);
        }
        let article = counterpoint_extract::to_article(&text, &extraction, None);
        // What the extractor builds, the validator and explorer accept without panicking.
        check_article_invariants(&serde_json::to_string(&article).expect("serialises"));
    }
}
