//! Reported speech without quote marks: "Lavrov said the ceasefire had failed.", "The ceasefire
//! failed, Lavrov said." and "According to Lavrov, the ceasefire failed."
//!
//! Only sentences that say plainly who speaks are read: a statement ending in a full stop, with no
//! quote marks, whose reporting verb has a speaker for its subject at the start of the sentence,
//! closes the sentence after a comma, or whose "According to X," opens it. Anything less plain is
//! left alone: a missed paraphrase costs less than an invented one. The span is the reported
//! clause, without "that", the addressee ("told reporters") or the time and place ("on Tuesday",
//! "in a statement").
//!
//! Every check looks at the tokens of one sentence, a bounded number of times.

use super::attribution::{token_span, trimmed_content, Cue, Found};
use super::lexicon::{self, Gender, Reports};
use super::mentions::{object_after, Mention, MentionKind};
use super::tokens::{Doc, Kind};
use super::words;
use super::Span;
use counterpoint_core::model::QuoteKind;

/// How many tokens an opening phrase ("In an interview with CNN on Tuesday,") may take.
const MAX_INTRO: usize = 16;
/// How many words may follow a closing attribution ("…, he said in a statement on Tuesday.").
const MAX_TAIL: usize = 10;
/// How many tokens an appositive after a closing attribution may take.
const MAX_APPOSITIVE: usize = 25;
/// How far "that" may stand after the verb behind a place or medium ("said in a statement
/// released by his office that").
const THAT_REACH: usize = 12;

/// Tells cheaply whether a sentence may hold a paraphrase at all: it needs a cue, or a dateline
/// that hides "According" from the cues ("WASHINGTON — According to …").
#[inline]
pub(crate) fn may_hold(doc: &Doc, s0: usize, cues: &[Cue]) -> bool {
    if !cues.is_empty() {
        return true;
    }
    let Some(first) = doc.tokens.get(s0).filter(|t| t.kind == Kind::Word) else {
        return false;
    };
    let caps = |i: usize| doc.chars.get(i).is_some_and(|c| c.is_uppercase());
    caps(first.start()) && caps(first.start() + 1)
}

/// The paraphrase of one sentence (token range `s0..s1`) whose cues are `cues`, if it has one.
pub(crate) fn paraphrase(doc: &Doc, s0: usize, s1: usize, cues: &[Cue]) -> Option<Found> {
    let stop = (s0..s1).rev().find(|t| doc.tokens[*t].kind != Kind::Break)?;
    // Questions, exclamations, headlines and bylines do not end in a full stop.
    if !doc.is_punct(stop, '.') {
        return None;
    }
    let start = opening(doc, s0, stop);
    let according_first = doc.is_word(start) && doc.lower(start) == "according" && doc.lower(start + 1) == "to";
    let reporting = cues.iter().any(|c| {
        !c.participle && (c.word == "according" || c.mention.is_some() && lexicon::reporting_verb(&c.word).is_some())
    });
    if !according_first && !reporting {
        return None;
    }
    // A sentence that holds a quoted passage is a direct or partial quote; ";" and ":" join
    // clauses the reported content may or may not run into.
    let plain = (s0..stop).all(|t| {
        let token = doc.tokens[t];
        token.quote.is_none()
            && match token.kind {
                Kind::Word => true,
                Kind::Punct(c) => !matches!(c, '?' | '!' | ';' | ':'),
                _ => false,
            }
    });
    if !plain {
        return None;
    }
    let closing = closing(doc, start, stop, cues);
    let opening = if according_first { according(doc, start, stop) } else { subject_first(doc, start, stop, cues) };
    let (span, (cue, cue_span), mention) = match (closing, opening) {
        (Some(found), None) | (None, Some(found)) => found,
        // Two attributions in one sentence: which words belong to whom is anyone's guess.
        _ => return None,
    };
    Some(Found {
        span,
        parts: vec![span],
        pieces: vec![span],
        marked: Vec::new(),
        kind: QuoteKind::Paraphrase,
        cue: Some((cue, cue_span)),
        mention: Some(mention),
        link_prev: false,
        paragraph: doc.tokens[s0].paragraph,
        passage: None,
    })
}

type Reading = (Span, (String, Span), Mention);

/// Where the sentence proper starts: after a dateline ("WASHINGTON (AP) —") and a linking word
/// ("But", "However,").
fn opening(doc: &Doc, s0: usize, stop: usize) -> usize {
    let mut u = s0;
    let all_caps = |t: usize| {
        let token = doc.tokens[t];
        token.end() - token.start() > 1 && doc.chars[token.start()..token.end()].iter().all(|c| !c.is_lowercase())
    };
    if doc.is_word(s0) && all_caps(s0) {
        let dash = (s0..stop.min(s0 + 10)).find(|t| doc.is_punct(*t, '—'));
        let dateline = dash.is_some_and(|d| {
            (s0..d).all(|t| doc.is_capitalized(t) || matches!(doc.tokens[t].kind, Kind::Punct(',' | '(' | ')' | '.')))
        });
        if let Some(d) = dash.filter(|_| dateline) {
            u = d + 1;
        }
    }
    let linking = doc.is_capitalized(u) && words::LINKING_WORDS.contains(doc.lower(u));
    if linking {
        u += 1;
        if doc.is_punct(u, ',') {
            u += 1;
        }
    }
    u
}

/// "The ceasefire failed, Lavrov said." and "…, said Lavrov." and "…, according to Lavrov."
fn closing(doc: &Doc, start: usize, stop: usize, cues: &[Cue]) -> Option<Reading> {
    let cue = cues.last().filter(|c| !c.participle && c.t > start + 1)?;
    let (comma, mention, block_end) = if cue.word == "according" {
        if !doc.is_punct(cue.t - 1, ',') || doc.lower(cue.t + 1) != "to" {
            return None;
        }
        let m = object_after(doc, cue.t + 1, stop).filter(|m| m.tokens.0 >= cue.t + 2)?;
        let end = m.tokens.1;
        (cue.t - 1, m, end)
    } else {
        lexicon::reporting_verb(&cue.word)?;
        if doc.is_punct(cue.t - 1, ',') {
            let m = object_after(doc, cue.t + 1, stop).filter(|m| m.tokens.0 == cue.t + 1)?;
            let end = m.tokens.1;
            (cue.t - 1, m, end)
        } else {
            let m = cue.mention.as_ref()?;
            let (a, b) = m.tokens;
            // "…, the Kremlin’s spokesman, Dmitry Peskov, said." has more attribution before the comma.
            let plain = b <= cue.t
                && a > start
                && doc.is_punct(a - 1, ',')
                && !doc.is_punct(b, ',')
                && (cue.word != "say" || b == cue.t);
            if !plain || !plain_verb(doc, b, cue.t) {
                return None;
            }
            (a - 1, m.clone(), cue.t + 1)
        }
    };
    if !speaker_like(&mention) || !tail_ok(doc, block_end, stop) {
        return None;
    }
    // Another cue inside the content makes it someone else's words, or a relative clause.
    if cues.iter().any(|c| c.t < comma) {
        return None;
    }
    if participle_aside_only(doc, start, comma) {
        return None;
    }
    let span = clause(doc, start, comma)?;
    Some((span, (cue.word.clone(), token_span(doc, cue.t, cue.t + 1)), mention))
}

/// "An internal memo, written in May and obtained by the Daily News, warned the council": words
/// before a comma that are a noun phrase and an aside opening with a past participle, with no
/// verb before the aside, are the verb's subject, not a reported clause.
fn participle_aside_only(doc: &Doc, start: usize, end: usize) -> bool {
    let Some(comma) = (start + 1..end).find(|t| doc.is_punct(*t, ',')) else {
        return false;
    };
    let opener = comma + 1;
    let participle = opener < end && doc.is_word(opener) && {
        let w = doc.lower(opener);
        w.ends_with("ed") || w.ends_with("en")
    };
    participle
        && (start + 1..comma).all(|t| !doc.is_word(t) || !finite_at(doc, t))
        && (opener + 1..end).all(|t| !doc.is_punct(t, ','))
}

/// "According to Lavrov, the ceasefire failed."
fn according(doc: &Doc, start: usize, stop: usize) -> Option<Reading> {
    let mention = object_after(doc, start + 1, stop).filter(|m| m.tokens.0 >= start + 2 && speaker_like(m))?;
    let mut p = mention.tokens.1;
    if !doc.is_punct(p, ',') {
        return None;
    }
    p += 1;
    // "According to John Smith, a spokesman for the agency, the plan …"
    if doc.is_word(p) && words::ARTICLES.contains(doc.lower(p)) {
        let end = (p + 1..stop.min(p + 12)).find(|u| !doc.is_word(*u));
        let titled = |u: usize| lexicon::is_role_noun(doc.lower(u)) || lexicon::is_org_head(doc.lower(u));
        if let Some(comma) = end.filter(|c| doc.is_punct(*c, ',') && (p..*c).any(titled)) {
            p = comma + 1;
        }
    }
    let span = clause(doc, p, content_end(doc, p, stop))?;
    Some((span, ("according".to_string(), token_span(doc, start, start + 1)), mention))
}

/// "Lavrov said (that) …", "Lavrov told reporters (that) …", "Lavrov warned that …".
fn subject_first(doc: &Doc, start: usize, stop: usize, cues: &[Cue]) -> Option<Reading> {
    let (i, cue) = cues.iter().enumerate().find(|(_, c)| {
        !c.participle && lexicon::reporting_verb(&c.word).is_some_and(|r| r != Reports::Closing) && c.mention.is_some()
    })?;
    let reports = lexicon::reporting_verb(&cue.word)?;
    let mention = cue.mention.as_ref()?;
    // The mention must be the verb's own subject, not one shared with an earlier verb ("called
    // it X and said …") nor an object after it.
    if mention.tokens.1 > cue.t || cue.first != mention.tokens.0 {
        return None;
    }
    if !subject_position(doc, start, mention) || !speaker_like(mention) || !plain_verb(doc, mention.tokens.1, cue.t) {
        return None;
    }
    // "Experts say", not "would say" or "to say".
    if cue.word == "say" && mention.tokens.1 != cue.t {
        return None;
    }
    let from = complement(doc, cue.t, stop, reports, &cue.word)?;
    let mut end = content_end(doc, from, stop);
    for c in cues[i + 1..].iter().filter(|c| c.t >= from && c.first < end) {
        // A later verb whose subject stands before the clause is anyone's guess.
        let before = c.first.checked_sub(1).filter(|b| b + 1 >= from)?;
        // The same speaker goes on: "…, adding that …" ends the first clause.
        if c.participle && doc.is_punct(before, ',') {
            end = before;
            break;
        }
        // A second speaker joined to the first ("…, Smith said", "… and Clinton argued …").
        let joined =
            doc.is_punct(before, ',') || doc.is_word(before) && words::CLAUSE_JOINERS.contains(doc.lower(before));
        if joined {
            return None;
        }
    }
    let span = clause(doc, from, end)?;
    Some((span, (cue.word.clone(), token_span(doc, cue.t, cue.t + 1)), mention.clone()))
}

/// Tells whether the speaker mention opens the sentence, possibly after an opening phrase ("On
/// Tuesday, Trump said") or a title in apposition ("The Kremlin’s spokesman, Dmitry Peskov,
/// said").
fn subject_position(doc: &Doc, start: usize, mention: &Mention) -> bool {
    let a = mention.tokens.0;
    if a == start {
        return true;
    }
    if a < start + 2 || !doc.is_punct(a - 1, ',') || a - 1 - start > MAX_INTRO {
        return false;
    }
    let comma = a - 1;
    let words_only = (start..comma).all(|t| doc.is_word(t) || doc.is_punct(t, '-'));
    let first = doc.lower(start);
    let intro = lexicon::is_intro_word(first);
    let title = (lexicon::is_determiner(first) || doc.is_capitalized(start))
        && doc.is_punct(mention.tokens.1, ',')
        && matches!(mention.kind, MentionKind::Person { .. });
    words_only && (intro || title)
}

/// Tells whether the words right before the verb leave it a plain statement: not passive ("is
/// said to be"), not in a relative clause ("who said"), not negated.
fn plain_verb(doc: &Doc, from: usize, verb: usize) -> bool {
    let mut u = verb;
    while u > from && doc.is_word(u - 1) && lexicon::is_auxiliary(doc.lower(u - 1)) {
        if words::BE_FORMS.contains(doc.lower(u - 1)) {
            return false;
        }
        u -= 1;
    }
    let before = u.checked_sub(1).filter(|p| doc.is_word(*p)).map(|p| doc.lower(p));
    !before.is_some_and(|b| words::NOT_PLAIN_BEFORE_VERB.contains(b))
}

/// A person, a description, an organisation by name, "he" or "she"; not "it", "they" or "I", not
/// a quantifier ("Others") and not a document ("the report").
fn speaker_like(mention: &Mention) -> bool {
    let (name, named) = match &mention.kind {
        // "They" is too often people the text never names as speakers: only "he" and "she",
        // the pronouns with a gender, are taken.
        MentionKind::Pronoun { gender, .. } => return *gender != Gender::Unknown,
        MentionKind::Person { name, .. } => (name, true),
        MentionKind::Description { text, .. } => (text, true),
        MentionKind::Organisation { name } => {
            let named = name.starts_with(char::is_uppercase) || name.split_whitespace().any(lexicon::is_org_head);
            (name, named)
        }
    };
    // "Others said", "Some said": a quantifier names no one.
    let vague = words::QUANTIFIERS.contains(&name.to_ascii_lowercase());
    named && !vague
}

/// What may follow a closing attribution before the full stop: nothing, an appositive (", a
/// spokesman for the agency") or a few words of time, place or medium ("in a statement").
fn tail_ok(doc: &Doc, from: usize, stop: usize) -> bool {
    if from >= stop {
        return from == stop;
    }
    if doc.is_punct(from, ',') {
        let first = from + 1;
        let opens = doc.is_word(first)
            && (lexicon::is_determiner(doc.lower(first))
                || doc.is_capitalized(first)
                || lexicon::is_role_noun(doc.lower(first)));
        return opens
            && stop - from <= MAX_APPOSITIVE
            && (first..stop).all(|t| {
                if doc.is_word(t) {
                    let w = doc.lower(t);
                    !lexicon::is_cue(w) && !words::RELATIVE_WORDS.contains(w)
                } else {
                    matches!(doc.tokens[t].kind, Kind::Punct(',' | '-' | '(' | ')'))
                }
            });
    }
    stop - from <= MAX_TAIL
        && (from..stop).all(|t| {
            doc.is_word(t) && {
                let w = doc.lower(t);
                w != "that" && !lexicon::is_finite_verb(w) && !lexicon::is_pronoun(w) && !lexicon::is_cue(w)
            }
        })
}

/// Where the reported clause starts after the verb: past the addressee of "told", a time
/// ("on Tuesday"), a place or medium that ends in "that" or a pronoun subject ("in a statement
/// that", "at the rally he"), and "that".
fn complement(doc: &Doc, verb: usize, stop: usize, reports: Reports, word: &str) -> Option<usize> {
    let mut p = verb + 1;
    if words::ADDRESSING_VERBS.contains(word) {
        p = addressee_end(doc, p, stop)?;
    }
    p = skip_time(doc, p, stop);
    if p >= stop || !doc.is_word(p) {
        return None;
    }
    let next = doc.lower(p);
    if next == "that" {
        return Some(p + 1);
    }
    if words::AFTER_VERB_PREPOSITIONS.contains(next) {
        // The clause starts after "that", or at a subject pronoun with its verb ("told reporters
        // on Air Force One he was not worried").
        // After "told Congress to", a pronoun starts an adverbial clause ("to pass the bill before
        // he leaves"), not the reported one.
        let only_that = next == "to" || (word.starts_with("tol") && doc.is_word(p + 1) && doc.lower(p + 1) == "to");
        let mut words = (p + 1..stop.min(p + THAT_REACH)).take_while(|u| doc.is_word(*u));
        return words.find_map(|u| match doc.lower(u) {
            "that" => Some(u + 1),
            // A subject pronoun; "I" is too rarely the reported clause's subject.
            w if w != "i" && lexicon::is_pronoun(w) && !only_that && doc.is_word(u + 1) && finite_at(doc, u + 1) => {
                Some(u)
            }
            _ => None,
        });
    }
    (reports == Reports::Clause).then_some(p)
}

/// Skips the one told: "reporters", "the crowd", "him", "CNN", "the Senate Armed Services Committee".
fn addressee_end(doc: &Doc, p: usize, stop: usize) -> Option<usize> {
    if !doc.is_word(p) {
        return None;
    }
    let word = doc.lower(p);
    if words::OBJECT_PRONOUNS.contains(word) || lexicon::is_addressee(word) {
        return Some(p + 1);
    }
    if lexicon::is_determiner(word) {
        if let Some(q) =
            (p + 1..stop.min(p + 4)).take_while(|q| doc.is_word(*q)).find(|q| lexicon::is_addressee(doc.lower(*q)))
        {
            return Some(q + 1);
        }
    }
    let object =
        object_after(doc, p, stop).filter(|m| m.tokens.0 == p && !matches!(m.kind, MentionKind::Pronoun { .. }))?;
    Some(object.tokens.1)
}

/// Skips a time after the verb: "Tuesday", "on Tuesday night", "last week", "earlier".
fn skip_time(doc: &Doc, mut p: usize, stop: usize) -> usize {
    while p < stop && doc.is_word(p) {
        let w = doc.lower(p);
        let next = if doc.is_word(p + 1) { doc.lower(p + 1) } else { "" };
        if lexicon::is_day(w) {
            p += if words::DAY_PARTS.contains(next) { 2 } else { 1 };
        } else if w == "on" && lexicon::is_day(next)
            || words::RELATIVE_TIME_WORDS.contains(w) && (lexicon::is_day(next) || lexicon::is_period(next))
        {
            p += 2;
        } else if words::TIME_ADVERBS.contains(w) {
            p += 1;
        } else {
            break;
        }
    }
    p
}

/// Where the reported content ends: at the full stop, or where a comma opens a contrast, a new
/// subject or a source (", but the court disagreed", ", and he did so on Tuesday", ", according
/// to a person familiar with the matter").
fn content_end(doc: &Doc, from: usize, stop: usize) -> usize {
    let cut = |t: usize| {
        if !doc.is_punct(t, ',') || !doc.is_word(t + 1) {
            return false;
        }
        let next = if doc.is_word(t + 2) { doc.lower(t + 2) } else { "" };
        match doc.lower(t + 1) {
            "and" => lexicon::is_pronoun(next),
            word => words::CONTENT_CUT_WORDS.contains(word),
        }
    };
    (from..stop).find(|t| cut(*t)).unwrap_or(stop)
}

/// The reported clause between tokens `a` and `b`, if the words read as one: it starts like a
/// subject, has at least three words and a finite verb.
fn clause(doc: &Doc, a: usize, b: usize) -> Option<Span> {
    if a >= b || !doc.is_word(a) {
        return None;
    }
    let first = doc.lower(a);
    let not_a_subject = lexicon::opens_no_clause(first);
    if not_a_subject || lexicon::is_finite_verb(first) {
        return None;
    }
    let words = (a..b).filter(|t| doc.is_word(*t)).count();
    if words < 3 {
        return None;
    }
    let finite = (a + 1..b).any(|t| doc.is_word(t) && finite_at(doc, t));
    if !finite {
        return None;
    }
    trimmed_content(doc, a, b)
}

/// A verb form: an auxiliary or common past tense, a regular past ("failed"), or a present
/// after a pronoun or a name ("he opposes", "Russia supports").
fn finite_at(doc: &Doc, t: usize) -> bool {
    let w = doc.lower(t);
    if lexicon::is_finite_verb(w) || w.len() > 4 && w.ends_with("ed") {
        return true;
    }
    let present = w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("’s") && !w.ends_with("'s");
    present && doc.is_word(t - 1) && (doc.is_capitalized(t - 1) || words::PRESENT_SUBJECTS.contains(doc.lower(t - 1)))
}
