//! Scores the extractor against hand-labelled passages.
//!
//! A quote is found when a predicted span overlaps the gold span by at least half of the longer
//! of the two. It is right end to end when, in addition, the gold speaker (a surname or an
//! organisation name) appears in the predicted speaker's name.
//!
//! Paraphrases are scored on their own: `quote`, `end_to_end` and `direct` count direct and
//! partial quotes only (gold and predicted), as the held-out benchmark does, and `paraphrase`
//! and `paraphrase_end_to_end` match paraphrase gold against predicted paraphrases.
//!
//! The dev set is a text file of cases:
//!
//! ```text
//! ### case-name
//! The passage, one or more paragraphs.
//! ---
//! direct | Lavrov | Yes we are … Syrian army
//! partial | Power | the key factor … terrorists
//! paraphrase | Lavrov | the ceasefire had failed
//! ```
//!
//! The gold span is the first occurrence of the text, or, with " … ", runs from the first
//! occurrence of the left part to the end of the next occurrence of the right part. A case
//! named with a trailing `!xfail` is a known failure: it is scored but not asserted.

use serde::Serialize;

use super::{extract, Extraction, Span};
use counterpoint_core::model::QuoteKind;

const DEV_FILES: &[(&str, &str)] = &[
    ("attribution.txt", include_str!("../../../tests/data/extract/attribution.txt")),
    ("marks.txt", include_str!("../../../tests/data/extract/marks.txt")),
    ("speakers.txt", include_str!("../../../tests/data/extract/speakers.txt")),
    ("partials.txt", include_str!("../../../tests/data/extract/partials.txt")),
    ("news.txt", include_str!("../../../tests/data/extract/news.txt")),
    ("articles.txt", include_str!("../../../tests/data/extract/articles.txt")),
    ("blind.txt", include_str!("../../../tests/data/extract/blind.txt")),
    ("blind2.txt", include_str!("../../../tests/data/extract/blind2.txt")),
    ("blind3.txt", include_str!("../../../tests/data/extract/blind3.txt")),
    ("blind4.txt", include_str!("../../../tests/data/extract/blind4.txt")),
    ("blind5.txt", include_str!("../../../tests/data/extract/blind5.txt")),
    ("blind6.txt", include_str!("../../../tests/data/extract/blind6.txt")),
    ("blind7.txt", include_str!("../../../tests/data/extract/blind7.txt")),
    ("blind8.txt", include_str!("../../../tests/data/extract/blind8.txt")),
    ("blind9.txt", include_str!("../../../tests/data/extract/blind9.txt")),
    ("blind10.txt", include_str!("../../../tests/data/extract/blind10.txt")),
    ("blind11.txt", include_str!("../../../tests/data/extract/blind11.txt")),
    ("blind12.txt", include_str!("../../../tests/data/extract/blind12.txt")),
    ("blind13.txt", include_str!("../../../tests/data/extract/blind13.txt")),
    ("blind14.txt", include_str!("../../../tests/data/extract/blind14.txt")),
    ("blind15.txt", include_str!("../../../tests/data/extract/blind15.txt")),
    ("blind16.txt", include_str!("../../../tests/data/extract/blind16.txt")),
    ("blind17.txt", include_str!("../../../tests/data/extract/blind17.txt")),
    ("blind18.txt", include_str!("../../../tests/data/extract/blind18.txt")),
    ("blind19.txt", include_str!("../../../tests/data/extract/blind19.txt")),
    ("blind20.txt", include_str!("../../../tests/data/extract/blind20.txt")),
    ("blind21.txt", include_str!("../../../tests/data/extract/blind21.txt")),
    ("blind22.txt", include_str!("../../../tests/data/extract/blind22.txt")),
    ("paraphrase.txt", include_str!("../../../tests/data/extract/paraphrase.txt")),
    ("rules.txt", include_str!("../../../tests/data/extract/rules.txt")),
];

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoldQuote {
    pub span: Span,
    pub kind: QuoteKind,
    /// A surname or organisation name that the predicted speaker must contain.
    pub speaker: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DevCase {
    pub name: String,
    pub text: String,
    pub gold: Vec<GoldQuote>,
    pub known_failure: bool,
}

/// Counts behind precision and recall.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Score {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Score) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.correct += other.correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// What went wrong in one case, in words a reader can act on.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CaseReport {
    pub name: String,
    pub known_failure: bool,
    pub missed: Vec<String>,
    pub wrong_speaker: Vec<String>,
    pub extra: Vec<String>,
}

impl CaseReport {
    pub fn passed(&self) -> bool {
        self.missed.is_empty() && self.wrong_speaker.is_empty() && self.extra.is_empty()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Evaluation {
    /// Direct and partial quotes found, whatever their speaker.
    pub quote: Score,
    /// Direct and partial quotes found with the right speaker.
    pub end_to_end: Score,
    /// Quote score counting only direct gold quotes and direct predictions.
    pub direct: Score,
    /// Paraphrases found, whatever their speaker.
    pub paraphrase: Score,
    /// Paraphrases found with the right speaker.
    pub paraphrase_end_to_end: Score,
    pub cases: Vec<CaseReport>,
}

impl Evaluation {
    fn add(&mut self, other: Evaluation) {
        self.quote.add(other.quote);
        self.end_to_end.add(other.end_to_end);
        self.direct.add(other.direct);
        self.paraphrase.add(other.paraphrase);
        self.paraphrase_end_to_end.add(other.paraphrase_end_to_end);
        self.cases.extend(other.cases);
    }
}

/// A case being read: its name, passage lines and expectation lines with line numbers.
struct PendingCase<'a> {
    name: String,
    text: Vec<&'a str>,
    expect: Vec<(usize, &'a str)>,
    in_expect: bool,
}

/// Parses the dev-set format described in the module documentation.
pub fn parse_dev_set(source: &str) -> Result<Vec<DevCase>, String> {
    let mut cases = Vec::new();
    let mut current: Option<PendingCase> = None;
    for (n, line) in source.lines().enumerate() {
        if let Some(name) = line.strip_prefix("### ") {
            if let Some(case) = current.take() {
                cases.push(finish_case(case)?);
            }
            current = Some(PendingCase {
                name: name.trim().to_string(),
                text: Vec::new(),
                expect: Vec::new(),
                in_expect: false,
            });
            continue;
        }
        let Some(case) = current.as_mut() else {
            continue;
        };
        if line.trim() == "---" && !case.in_expect {
            case.in_expect = true;
        } else if case.in_expect {
            if !line.trim().is_empty() && !line.starts_with("//") {
                case.expect.push((n + 1, line));
            }
        } else {
            case.text.push(line);
        }
    }
    if let Some(case) = current.take() {
        cases.push(finish_case(case)?);
    }
    Ok(cases)
}

fn finish_case(case: PendingCase) -> Result<DevCase, String> {
    let text = case.text.join("\n").trim_matches('\n').to_string();
    let (name, known_failure) = match case.name.strip_suffix("!xfail") {
        Some(n) => (n.trim().to_string(), true),
        None => (case.name.clone(), false),
    };
    let gold = case
        .expect
        .iter()
        .map(|(n, line)| parse_gold(&text, line).map_err(|e| format!("case {name}, line {n}: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(DevCase { name, text, gold, known_failure })
}

/// Parses one `kind | speaker | text` line against the case text.
pub fn parse_gold(text: &str, line: &str) -> Result<GoldQuote, String> {
    let parts: Vec<&str> = line.splitn(3, '|').map(str::trim).collect();
    let [kind, speaker, quoted] = parts[..] else {
        return Err(format!("expected `kind | speaker | text`, found {line:?}"));
    };
    let kind = match kind {
        "direct" => QuoteKind::Direct,
        "partial" => QuoteKind::Partial,
        "paraphrase" => QuoteKind::Paraphrase,
        other => return Err(format!("unknown kind {other:?}")),
    };
    let span = locate(text, quoted).ok_or_else(|| format!("text {quoted:?} not found in the passage"))?;
    let speaker = (speaker != "-").then(|| speaker.to_string());
    Ok(GoldQuote { span, kind, speaker })
}

/// Finds a gold text ("left … right" or a plain substring) as a code-point span.
fn locate(text: &str, quoted: &str) -> Option<Span> {
    let (left, right) = match quoted.split_once(" … ") {
        Some((l, r)) => (l, Some(r)),
        None => (quoted, None),
    };
    let start = text.find(left)?;
    let end = match right {
        Some(r) => start + left.len() + text[start + left.len()..].find(r)? + r.len(),
        None => start + left.len(),
    };
    let to_chars = |byte: usize| text[..byte].chars().count();
    Some(Span::new(to_chars(start), to_chars(end)))
}

fn found(gold: &Span, predicted: &Span) -> bool {
    let longer = gold.len().max(predicted.len());
    longer > 0 && predicted.overlap(gold) * 2 >= longer
}

fn speaker_right(gold: &GoldQuote, ex: &Extraction, predicted: usize) -> bool {
    let Some(expected) = &gold.speaker else {
        return true;
    };
    let name = ex.quotes[predicted].speaker.and_then(|s| ex.speakers.get(s)).map(|s| s.name.to_lowercase());
    name.is_some_and(|n| n.contains(&expected.to_lowercase()))
}

/// Scores one text; the evaluation holds one case report.
pub fn evaluate_text(name: &str, text: &str, gold: &[GoldQuote]) -> Evaluation {
    let ex = extract(text);
    let mut report = CaseReport { name: name.to_string(), ..CaseReport::default() };
    let is_paraphrase = |k: QuoteKind| k == QuoteKind::Paraphrase;
    let quotes: Vec<&GoldQuote> = gold.iter().filter(|g| !is_paraphrase(g.kind)).collect();
    let paraphrases: Vec<&GoldQuote> = gold.iter().filter(|g| is_paraphrase(g.kind)).collect();
    let predicted: Vec<usize> = (0..ex.quotes.len()).filter(|i| !is_paraphrase(ex.quotes[*i].kind)).collect();
    let predicted_paraphrases: Vec<usize> =
        (0..ex.quotes.len()).filter(|i| is_paraphrase(ex.quotes[*i].kind)).collect();
    let mut direct = Score {
        gold: gold.iter().filter(|g| g.kind == QuoteKind::Direct).count(),
        predicted: predicted.iter().filter(|i| ex.quotes[**i].kind == QuoteKind::Direct).count(),
        correct: 0,
    };
    let (quote, end_to_end) = match_kind(text, &ex, &quotes, &predicted, "", &mut report, &mut |g, i| {
        if g.kind == QuoteKind::Direct && ex.quotes[i].kind == QuoteKind::Direct {
            direct.correct += 1;
        }
    });
    let (paraphrase, paraphrase_end_to_end) =
        match_kind(text, &ex, &paraphrases, &predicted_paraphrases, "paraphrase: ", &mut report, &mut |_, _| {});
    Evaluation { quote, end_to_end, direct, paraphrase, paraphrase_end_to_end, cases: vec![report] }
}

/// Matches gold quotes to predictions (indices into `ex.quotes`) one to one, greatest overlap
/// first, and returns the (found, end-to-end) scores; `tag` starts each line of the report.
fn match_kind(
    text: &str,
    ex: &Extraction,
    gold: &[&GoldQuote],
    predicted: &[usize],
    tag: &str,
    report: &mut CaseReport,
    on_match: &mut dyn FnMut(&GoldQuote, usize),
) -> (Score, Score) {
    let snippet = |s: &Span| -> String { text.chars().skip(s.start).take(s.len().min(60)).collect() };
    let mut used = vec![false; ex.quotes.len()];
    let mut quote = Score { gold: gold.len(), predicted: predicted.len(), correct: 0 };
    let mut e2e = quote;
    for g in gold {
        let best = predicted
            .iter()
            .copied()
            .filter(|i| !used[*i] && found(&g.span, &ex.quotes[*i].span))
            .max_by_key(|i| ex.quotes[*i].span.overlap(&g.span));
        let Some(i) = best else {
            report.missed.push(format!("{tag}{}", snippet(&g.span)));
            continue;
        };
        used[i] = true;
        quote.correct += 1;
        on_match(g, i);
        if speaker_right(g, ex, i) {
            e2e.correct += 1;
        } else {
            let got = ex.quotes[i].speaker.and_then(|s| ex.speakers.get(s)).map(|s| s.name.as_str());
            report.wrong_speaker.push(format!(
                "{tag}{:?}: expected {:?}, got {:?}",
                snippet(&g.span),
                g.speaker.as_deref().unwrap_or("-"),
                got.unwrap_or("nobody")
            ));
        }
    }
    for &i in predicted {
        if !used[i] {
            report.extra.push(format!("{tag}{}", snippet(&ex.quotes[i].span)));
        }
    }
    (quote, e2e)
}

/// Runs every case and sums the scores.
pub fn evaluate(cases: &[DevCase]) -> Evaluation {
    let mut evaluation = Evaluation::default();
    for case in cases {
        let mut one = evaluate_text(&case.name, &case.text, &case.gold);
        for report in &mut one.cases {
            report.known_failure = case.known_failure;
        }
        evaluation.add(one);
    }
    evaluation
}

/// The dev set shipped under `tests/data/extract/`.
pub fn dev_set() -> Result<Vec<DevCase>, String> {
    let mut cases = Vec::new();
    for (file, source) in DEV_FILES {
        cases.extend(parse_dev_set(source).map_err(|e| format!("{file}: {e}"))?);
    }
    Ok(cases)
}

/// The floors the dev set's figures must not fall below (`tests/data/extract/floors.txt`).
pub const FLOORS: &str = include_str!("../../../tests/data/extract/floors.txt");

/// The figures below their floor, each in words; an error names the floors line it cannot read.
/// Floors are `figure value` lines (`quotes.f1 0.77`); `#` starts a comment.
pub fn below_floors(ev: &Evaluation, floors: &str) -> Result<Vec<String>, String> {
    let mut below = Vec::new();
    for (n, line) in floors.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = || format!("floors line {}: {line:?}", n + 1);
        let (figure, value) = line.split_once(char::is_whitespace).ok_or_else(|| format!("{}: no value", at()))?;
        let floor: f64 = value.trim().parse().map_err(|_| format!("{}: the value is not a number", at()))?;
        let (score, measure) = figure.split_once('.').ok_or_else(|| format!("{}: not score.measure", at()))?;
        let score = match score {
            "quotes" => ev.quote,
            "direct" => ev.direct,
            "end_to_end" => ev.end_to_end,
            "paraphrase" => ev.paraphrase,
            "paraphrase_end_to_end" => ev.paraphrase_end_to_end,
            _ => return Err(format!("{}: unknown score {score:?}", at())),
        };
        let actual = match measure {
            "precision" => score.precision(),
            "recall" => score.recall(),
            "f1" => score.f1(),
            _ => return Err(format!("{}: unknown measure {measure:?}", at())),
        };
        // The report prints three decimals; a figure equal to its floor at that precision passes.
        if (actual * 1000.0).round() < (floor * 1000.0).round() {
            below.push(format!("{figure} is {actual:.3}, below its floor {floor:.3}"));
        }
    }
    Ok(below)
}

/// Cases marked as known failures that pass now: their mark can go.
pub fn passing_known_failures(ev: &Evaluation) -> Vec<&str> {
    ev.cases.iter().filter(|c| c.known_failure && c.passed()).map(|c| c.name.as_str()).collect()
}

/// Scores the dev set for the CLI: the aggregate numbers and the failing cases, then the figures
/// below their floors and the known failures that pass now; and whether every figure is at or
/// above its floor.
pub fn dev_set_check() -> (String, bool) {
    let cases = match dev_set() {
        Ok(cases) => cases,
        Err(e) => return (format!("cannot read the dev set: {e}\n"), false),
    };
    let ev = evaluate(&cases);
    let mut out = report(&cases, &ev);
    out += &by_file();
    for name in passing_known_failures(&ev) {
        out += &format!("known failure passes now: {name} (remove its !xfail mark)\n");
    }
    match below_floors(&ev, FLOORS) {
        Ok(below) if below.is_empty() => {
            out += "every figure is at or above its floor (tests/data/extract/floors.txt)\n";
            (out, true)
        }
        Ok(below) => {
            for line in below {
                out += &format!("below floor: {line}\n");
            }
            (out, false)
        }
        Err(e) => (out + &format!("cannot read the floors: {e}\n"), false),
    }
}

/// One line per dev-set file: quotes and end-to-end P/R/F1, quotes emitted per true quote and the
/// share of found quotes whose speaker is right, the figures the held-out benchmark reports.
fn by_file() -> String {
    let mut out = String::from(
        "by file (quotes P/R/F1 | end to end P/R/F1 | emitted per true quote | speaker right among found)\n",
    );
    for (file, source) in DEV_FILES {
        let Ok(cases) = parse_dev_set(source) else {
            continue;
        };
        let ev = evaluate(&cases);
        let (q, e) = (ev.quote, ev.end_to_end);
        out += &format!(
            "  {file:<16} {:.3} / {:.3} / {:.3} | {:.3} / {:.3} / {:.3} | {:.2} | {:.3}\n",
            q.precision(),
            q.recall(),
            q.f1(),
            e.precision(),
            e.recall(),
            e.f1(),
            ratio(q.predicted, q.gold),
            ratio(e.correct, q.correct),
        );
    }
    out
}

fn report(cases: &[DevCase], ev: &Evaluation) -> String {
    let line = |label: &str, s: &Score| {
        format!(
            "{label:<12} precision {:.3}  recall {:.3}  F1 {:.3}  (gold {}, predicted {}, correct {})\n",
            s.precision(),
            s.recall(),
            s.f1(),
            s.gold,
            s.predicted,
            s.correct
        )
    };
    let mut out = format!("dev set: {} cases\n", cases.len());
    out += &line("quotes", &ev.quote);
    out += &line("direct", &ev.direct);
    out += &line("end-to-end", &ev.end_to_end);
    out += &line("paraphrase", &ev.paraphrase);
    out += &line("para e2e", &ev.paraphrase_end_to_end);
    for case in ev.cases.iter().filter(|c| !c.passed()) {
        let tag = if case.known_failure { " (known failure)" } else { "" };
        out += &format!("case {}{tag}\n", case.name);
        for m in &case.missed {
            out += &format!("  missed: {m}\n");
        }
        for w in &case.wrong_speaker {
            out += &format!("  speaker: {w}\n");
        }
        for x in &case.extra {
            out += &format!("  extra: {x}\n");
        }
    }
    out
}
