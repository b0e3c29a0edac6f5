//! Links each quoted passage to a cue and a speaker mention, sentence by sentence.
//!
//! A sentence here is counted outside quotes, so "“A. B,” Lavrov said." is one sentence with
//! one passage and one cue. Whole quoted sentences become direct quotes, and the two halves of a
//! split quote one direct quote; each fragment inside paraphrase becomes a partial quote whose
//! span is its quoted words. A sentence with no passage may be a paraphrase (see `paraphrase`).

use super::lexicon;
use super::mentions::{
    is_agent_noun, object_after, people_of_initials, strip_possessive, subject_before, Mention, MentionKind,
};
use super::paraphrase;
use super::tokens::{Doc, Kind};
use super::words;
use super::Span;
use counterpoint_core::model::QuoteKind;

/// A cue word with the speaker it introduces.
#[derive(Clone, Debug)]
pub(crate) struct Cue {
    pub t: usize,
    pub word: String,
    pub mention: Option<Mention>,
    /// A participle such as "Adding," that has no subject of its own.
    pub participle: bool,
    /// First and last token of cue plus mention, inclusive.
    pub first: usize,
    pub last: usize,
}

/// A quote before its speaker is resolved.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    /// The quoted words; a split quote (“A,” X said. “B.”) runs from the start of A to the end of B.
    pub span: Span,
    /// The parts of a split quote, A and B; otherwise the span alone.
    pub parts: Vec<Span>,
    /// One piece per paragraph of a multi-paragraph quote, for every part.
    pub pieces: Vec<Span>,
    /// The words between quote marks.
    pub marked: Vec<Span>,
    pub kind: QuoteKind,
    pub cue: Option<(String, Span)>,
    pub mention: Option<Mention>,
    /// The cue says this quote continues the previous speaker ("She added", "Adding,").
    pub link_prev: bool,
    pub paragraph: u32,
    /// The quoted passage of a direct quote (its last one, after a split quote is joined).
    pub passage: Option<usize>,
}

/// A speaker named as the subject of a cue anywhere, quoted or not.
#[derive(Clone, Debug)]
pub(crate) struct Event {
    pub at: usize,
    pub mention: Mention,
    /// The gender of a pronoun the cue addresses ("who once told her to …"): the speaker is
    /// not the person that pronoun stands for.
    pub addressed: Option<lexicon::Gender>,
}

#[derive(Default)]
pub(crate) struct Attributed {
    /// Direct and partial quotes, in text order.
    pub quotes: Vec<Found>,
    /// Reported speech without quote marks, in text order; kept apart so that resolving them
    /// cannot change the speakers of the quotes.
    pub paraphrases: Vec<Found>,
    pub events: Vec<Event>,
}

/// How far (in tokens) a cue may stand from the quote it introduces.
const AFTER_GAP: usize = 12;
const BEFORE_GAP: usize = 8;

pub(crate) fn attribute(doc: &Doc) -> Attributed {
    let mut out = Attributed::default();
    let mut next_passage = 0;
    for si in 0..doc.sentences.len() {
        let (s0, s1) = doc.sentences[si];
        let first = next_passage;
        while next_passage < doc.spans.len() && doc.span_open[next_passage] < s1 {
            next_passage += 1;
        }
        let passages: Vec<usize> =
            (first..next_passage).filter(|k| doc.span_open[*k] != usize::MAX && !names_a_work(doc, *k)).collect();
        let cues = cues_in(doc, s0, s1);
        for cue in &cues {
            let speaks =
                |m: &&Mention| !is_pronoun(m) && !speaks_for_someone(m, &cue.word) && !unnamed_asker(doc, cue, m);
            if let Some(mention) = cue.mention.as_ref().filter(speaks) {
                let addressed = (words::ADDRESSING_VERBS.contains(&cue.word) && doc.is_word(cue.t + 1))
                    .then(|| match doc.lower(cue.t + 1) {
                        "her" => Some(lexicon::Gender::Female),
                        "him" => Some(lexicon::Gender::Male),
                        _ => None,
                    })
                    .flatten();
                out.events.push(Event { at: mention.span.start, mention: mention.clone(), addressed });
            }
        }
        if passages.is_empty() {
            let speech: Vec<Cue>;
            let cues = if cues.iter().any(|c| words::FINDING_VERBS.contains(&c.word)) {
                speech = cues.iter().filter(|c| !words::FINDING_VERBS.contains(&c.word)).cloned().collect();
                &speech
            } else {
                &cues
            };
            if paraphrase::may_hold(doc, s0, cues) {
                out.paraphrases.extend(paraphrase::paraphrase(doc, s0, s1, cues));
            }
        }
        let mut partials = Vec::new();
        for &k in &passages {
            if is_direct(doc, k, s0, &cues) {
                let quote = direct_quote(doc, k, si, &cues);
                // “Moonlight” won best picture: a title in capitals that nobody says is not a quote.
                // "the residents’ campaign ‘Hold the Line at Wrenham’, said": a title after a
                // naming noun is a name even when a cue follows.
                let titled = names_a_title(doc, k, None) && !answers_a_question(doc, k);
                // "whose catchphrase, “Not in my kitchen, you don’t,” ended up on mugs": a quote
                // set beside a naming noun that nobody is said to speak names the thing. "According
                // to the museum" later in the sentence cites a fact, not the words.
                let cited = quote.cue.as_ref().is_some_and(|(word, _)| lexicon::is_reversed_only_cue(word));
                let beside_name = after_naming_noun(doc, k) && (quote.mention.is_none() || cited) && !quote.link_prev;
                let named = after_naming_noun(doc, k) || quote_follows(doc, k);
                if titled && (quote.mention.is_none() && !quote.link_prev || named)
                    || beside_name
                    || named_by_noun(doc, k)
                    || thing_named(doc, k)
                {
                    continue;
                }
                out.quotes.push(quote);
            } else {
                partials.push(k);
            }
        }
        out.quotes.extend(partial_quotes(doc, &partials, s0, &cues));
    }
    for q in &mut out.quotes {
        if q.mention.as_ref().zip(q.cue.as_ref()).is_some_and(|(m, (word, _))| speaks_for_someone(m, word)) {
            // "A report released Monday by the Lansing Policy Center found …" before "the report
            // said": the document speaks for the organisation that published it.
            let publisher = q.mention.as_ref().and_then(|m| publisher_before(doc, m));
            // "according to a consultant's report released Monday" before "the report said": with
            // no author named, the report cited earlier speaks.
            let cited = || q.mention.as_ref().and_then(|m| cited_before(&out.events, m));
            let speaker = publisher.or_else(cited);
            if speaker.is_none() && q.mention.as_ref().is_some_and(|m| speaks_as_itself(doc, &out.events, m)) {
                continue;
            }
            q.cue = q.cue.take().filter(|_| speaker.is_some());
            q.mention = speaker;
        }
    }
    out.quotes.sort_by_key(|q| q.span.start);
    join_split_quotes(doc, &mut out.quotes);
    join_run_ons(doc, &mut out.quotes);
    out
}

/// Tells whether the quote `k` is a paragraph of its own right after a paragraph whose quote
/// asks a question: "“Whose handwriting is on this check?” Cho asked.¶“Mine.”" is an answer,
/// not a title, though every word of it is capitalized.
fn answers_a_question(doc: &Doc, k: usize) -> bool {
    let (open, close) = (doc.span_open[k], doc.span_close[k]);
    let alone = (open == 0 || matches!(doc.tokens[open - 1].kind, Kind::Break))
        && doc.tokens.get(close + 1).is_none_or(|t| matches!(t.kind, Kind::Break));
    let Some(prev) = k.checked_sub(1) else {
        return false;
    };
    let asked = doc.span_close[prev] != usize::MAX
        && doc.tokens[doc.span_close[prev]].paragraph + 1 == doc.tokens[open].paragraph
        && doc.chars[..doc.spans[prev].content.end].iter().rev().find(|c| !c.is_whitespace()) == Some(&'?');
    alone && asked
}

/// Joins a quote left open at the end of a paragraph to the quote that reopens it in the next
/// paragraph when it has no attribution of its own: “A.¶“B,” she said. is one quote from A to B,
/// said by her. A part with its own attribution, or the second half of a split quote (“A,” she
/// said. “B.¶“C.”), stays a quote of its own, and the next paragraph's part, with none of its
/// own, continues her quote as another quote (one quote per paragraph; `speakers` gives it the
/// same speaker). Runs after `join_split_quotes`, so a quote here may be a joined split quote.
fn join_run_ons(doc: &Doc, quotes: &mut Vec<Found>) {
    let mut joined: Vec<Found> = Vec::with_capacity(quotes.len());
    for mut b in quotes.drain(..) {
        let runs_into_b = |a: &Found| {
            let Some(ka) = a.passage else {
                return false;
            };
            doc.spans[ka].runs_on
                && doc.spans.get(ka + 1).is_some_and(|next| next.content.start == b.span.start)
                && a.kind == QuoteKind::Direct
                && b.kind == QuoteKind::Direct
                && a.mention.is_none()
                && !a.link_prev
        };
        if let Some(a) = joined.pop_if(|a| runs_into_b(a)) {
            b.span = Span::new(a.span.start, b.span.end);
            b.parts[0] = Span::new(a.span.start, b.parts[0].end);
            b.marked[0] = Span::new(a.span.start, b.marked[0].end);
            let mut pieces = a.pieces;
            pieces.append(&mut b.pieces);
            b.pieces = pieces;
        }
        joined.push(b);
    }
    *quotes = joined;
}

/// Joins the halves of a split quote, “A,” X said. “B.”, into one quote from A to B: B opens
/// in the paragraph where A closes, the words between them are A's reporting clause and nothing
/// more (one sentence, no other quote mark), and B has no attribution of its own. After a
/// finished A ("“A.” She added, “B.”") a clause that ends in a comma or colon introduces B and
/// is not A's, so the two stay apart.
fn join_split_quotes(doc: &Doc, quotes: &mut Vec<Found>) {
    let mut joined: Vec<Found> = Vec::with_capacity(quotes.len());
    for b in quotes.drain(..) {
        // “A,” said X, who rates the stock “hold.” “B.”: a one-word term quoted in the clause
        // between the halves is no quote of its own, and the halves still join.
        let term_between = match &joined[..] {
            [.., a, term] => {
                term.kind == QuoteKind::Partial
                    && a.span.end <= term.span.start
                    && term.span.end <= b.span.start
                    && passage_at(doc, term.span).is_some_and(|k| is_quoted_term(doc, k))
                    && continues_split(doc, a, &b)
            }
            _ => false,
        };
        if term_between {
            joined.pop();
        }
        if let Some(a) = joined.last_mut().filter(|a| continues_split(doc, a, &b)) {
            a.span = Span::new(a.span.start, b.span.end);
            a.parts.extend(b.parts);
            a.pieces.extend(b.pieces);
            a.marked.extend(b.marked);
            a.passage = b.passage;
            continue;
        }
        joined.push(b);
    }
    *quotes = joined;
}

fn continues_split(doc: &Doc, a: &Found, b: &Found) -> bool {
    let (Some(ka), Some(kb)) = (a.passage, b.passage) else {
        return false;
    };
    if a.kind != QuoteKind::Direct || b.kind != QuoteKind::Direct {
        return false;
    }
    let (close, open) = (doc.span_close[ka], doc.span_open[kb]);
    if open <= close + 1 || doc.tokens[close].paragraph != doc.tokens[open].paragraph {
        return false;
    }
    // A's cue stands between the halves, and B's is none or the same one. A cue whose speaker the
    // extractor cannot read ("the letter said") still makes the words between a reporting clause.
    let reported = match (&a.cue, &a.mention) {
        (Some((_, cue)), Some(_)) => {
            let between = doc.tokens[close].end() <= cue.start && cue.end <= doc.tokens[open].start();
            between && (b.mention.is_none() || b.cue.as_ref().is_some_and(|(_, c)| c == cue))
        }
        (None, None) => {
            b.mention.is_none()
                && (close + 1..open).any(|t| doc.is_word(t) && !doc.is_capitalized(t) && lexicon::is_cue(doc.lower(t)))
        }
        _ => false,
    };
    if !reported {
        return false;
    }
    let sentence = doc.tokens[close].sentence;
    // A title quoted inside the clause ("one of the “La La Land” producers") does not break it.
    let title_mark = |t: usize| match doc.tokens[t].kind {
        Kind::Open(k) | Kind::Close(k) => names_a_title(doc, k as usize, None),
        _ => false,
    };
    let term_mark = |t: usize| match doc.tokens[t].kind {
        Kind::Open(k) | Kind::Close(k) => is_quoted_term(doc, k as usize),
        _ => false,
    };
    let one_clause = (close + 1..open)
        .all(|t| (!is_mark(doc, t) || title_mark(t) || term_mark(t)) && doc.tokens[t].sentence == sentence);
    if !one_clause {
        return false;
    }
    let a_finished =
        doc.chars.get(doc.spans[ka].content.end.wrapping_sub(1)).is_some_and(|c| matches!(c, '.' | '?' | '!'));
    let introduces_b = doc.is_punct(open - 1, ',') || doc.is_punct(open - 1, ':');
    !(a_finished && introduces_b)
}

/// The passage whose quoted words are `span` (passages are in text order).
fn passage_at(doc: &Doc, span: Span) -> Option<usize> {
    let k = doc.spans.partition_point(|p| p.content.start < span.start);
    doc.spans.get(k).is_some_and(|p| p.content == span).then_some(k)
}

/// A one-word term in quote marks, such as a stock rating ("rates the stock “hold.”"): one
/// lowercase word, not introduced by a cue ("called it “pathetic”" quotes someone).
fn is_quoted_term(doc: &Doc, k: usize) -> bool {
    let content = doc.spans[k].content;
    let words = &doc.chars[content.start..content.end];
    let open = doc.span_open[k];
    let cued = open > 0
        && doc.is_word(open - 1)
        && (lexicon::is_cue(doc.lower(open - 1)) || words::NAMING_CUES.contains(doc.lower(open - 1)));
    words.len() <= 24
        && words.first().is_some_and(|c| c.is_lowercase())
        && !words.iter().any(|c| c.is_whitespace())
        && !cued
}

/// A passage that names a work, a sign or a slogan: in capitals right after a word such as
/// "book", "headlined" or "read" ("a sign that read “I’m With Her”"). After "the novel" a quote
/// in lower case ("the novel “is about …”") is still speech about it.
fn names_a_work(doc: &Doc, k: usize) -> bool {
    let open = doc.span_open[k];
    let capital = doc.chars.get(doc.spans[k].content.start).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    // "sang the school song, “Takanose no Sora,”": a comma may stand after the title word.
    let before = if open > 1 && doc.is_punct(open - 1, ',') { open - 2 } else { open.wrapping_sub(1) };
    let titled = capital
        && open > 0
        && doc.is_word(before)
        && !doc.is_capitalized(before)
        && words::TITLE_WORDS.contains(doc.lower(before));
    // "placards reading “No power, no peace” and “Eskom, give us light”": a passage joined by
    // "and" or "or" to one that names a work or a sign names another.
    titled
        || capital
            && k > 0
            && open > 1
            && doc.is_word(open - 1)
            && words::COORDINATORS.contains(doc.lower(open - 1))
            && doc.span_close[k - 1] == open - 2
            && names_a_work(doc, k - 1)
}

/// "a letter-writing campaign called “Time Is Brain”", "a group named “Mothers for Safe
/// Streets”": a title in capitals right after "called" or "named" that follows an article and a
/// few lowercase words (a thing so named, not someone calling) is a name.
fn thing_named(doc: &Doc, k: usize) -> bool {
    let open = doc.span_open[k];
    if open < 3 || !doc.is_word(open - 1) || !matches!(doc.lower(open - 1), "called" | "named" | "dubbed") {
        return false;
    }
    let low = open.saturating_sub(5);
    let plain = |u: &usize| doc.outside(*u) && (doc.is_word(*u) || doc.is_punct(*u, '-'));
    let article = (low..open - 1)
        .rev()
        .take_while(plain)
        .find(|u| doc.is_word(*u) && matches!(doc.lower(*u), "a" | "an" | "the"));
    article.is_some_and(|a| {
        a + 1 < open - 1
            && (a + 1..open - 1).all(|u| {
                let w = doc.lower(u);
                !doc.is_word(u)
                    || !doc.is_capitalized(u)
                        && !lexicon::is_pronoun(w)
                        && !lexicon::is_auxiliary(w)
                        && !lexicon::is_cue(w)
                        && !words::BE_FORMS.contains(w)
            })
    }) && names_a_title(doc, k, None)
}

/// "especially the “Sora e-Drive” hybrid": a short name in capitals between an article and the
/// lowercase noun it modifies is a name, not speech.
fn names_before_noun(doc: &Doc, k: usize) -> bool {
    let open = doc.span_open[k];
    let close = doc.span_close[k];
    let content = doc.spans[k].content;
    let text = &doc.chars[content.start..content.end];
    let short = text.split(|c| c.is_whitespace()).count() <= 4;
    let capital = text.first().is_some_and(|c| c.is_uppercase());
    let ends_plain = text.last().is_some_and(|c| c.is_alphanumeric());
    short
        && capital
        && ends_plain
        && open > 0
        && doc.is_word(open - 1)
        && matches!(doc.lower(open - 1), "a" | "an" | "the")
        && doc.is_word(close + 1)
        && doc.outside(close + 1)
        && !doc.is_capitalized(close + 1)
        && {
            let w = doc.lower(close + 1);
            !lexicon::is_auxiliary(w)
                && !lexicon::is_cue(w)
                && !words::BE_FORMS.contains(w)
                && !lexicon::is_connector(w)
                && !lexicon::is_preposition(w)
                && !words::COORDINATORS.contains(w)
        }
}

/// "A reporter asked, “…?” “No,” she said.": someone unnamed who asks the quoted question is not
/// whom the pronoun of the answer stands for ("a nurse, who asked not to be named," may be).
fn unnamed_asker(doc: &Doc, cue: &Cue, mention: &Mention) -> bool {
    let asks_quoted = matches!(cue.word.as_str(), "asked" | "asks")
        && (doc.is_punct(cue.t + 1, ',') || doc.is_punct(cue.t + 1, ':'))
        && doc.tokens.get(cue.t + 2).is_some_and(|x| matches!(x.kind, Kind::Open(_)));
    asks_quoted
        && matches!(&mention.kind, MentionKind::Description { text, .. }
            if text.split(' ').next().is_some_and(|w| words::INDEFINITE_ARTICLES.contains(&w.to_lowercase())))
}

fn is_pronoun(mention: &Mention) -> bool {
    matches!(mention.kind, MentionKind::Pronoun { .. })
}

/// Finds the cues of one sentence and reads the speaker each one introduces.
pub(crate) fn cues_in(doc: &Doc, s0: usize, s1: usize) -> Vec<Cue> {
    let mut cues: Vec<Cue> = Vec::new();
    for t in s0..s1 {
        if !doc.is_word(t) || !doc.outside(t) {
            continue;
        }
        let word = doc.lower(t);
        // "Koster shot back", "fired back": a verb that reports speech only with "back".
        // "Police fired back at the gunmen" is not speech: "back" must end the clause.
        let back = t + 1 < s1
            && doc.lower(t + 1) == "back"
            && words::BACK_VERBS.contains(word)
            && (t + 2 >= s1 || !doc.is_word(t + 2) || doc.lower(t + 2) == "that");
        let after_close =
            t > s0 && is_close(doc, t - 1) || t > s0 + 1 && doc.is_punct(t - 1, ',') && is_close(doc, t - 2);
        // "“The answer is that we have invested —” Brevik began": a verb that reports speech
        // only right after the quote, its subject between.
        let after_quote = t > s0 + 1
            && words::AFTER_QUOTE_CUES.contains(word)
            && doc.is_capitalized(t - 1)
            && (is_close(doc, t - 2) || t > s0 + 2 && doc.is_capitalized(t - 2) && is_close(doc, t - 3));
        if let Some(mention) = as_one_put_it(doc, s0, t) {
            cues.push(Cue {
                t,
                word: word.to_string(),
                first: mention.tokens.0 - 1,
                last: t + 1,
                mention: Some(mention),
                participle: false,
            });
            continue;
        }
        if let Some((q, mention)) = quoted_as_saying(doc, s0, t) {
            cues.push(Cue { t, word: word.to_string(), first: q, last: t, mention: Some(mention), participle: false });
            continue;
        }
        // "The bulletin read: “…”": a document that reads out the quote after a colon speaks.
        let reads_out = matches!(word, "read" | "reads")
            && (doc.is_punct(t + 1, ':') || doc.is_punct(t + 1, ','))
            && doc.tokens.get(t + 2).is_some_and(|x| matches!(x.kind, Kind::Open(_)));
        // "One email, sent by Huma Abedin, read:": a document set off by an aside is read by
        // `intro_attribution`, which finds who sent it.
        if let Some(m) = reads_out.then(|| document_subject(doc, t, s0)).flatten().filter(|m| m.tokens.1 == t) {
            cues.push(Cue {
                t,
                word: word.to_string(),
                first: m.tokens.0,
                last: t,
                mention: Some(m),
                participle: false,
            });
            continue;
        }
        if !lexicon::is_cue(word) && !back && !after_quote {
            // "the study found", "the survey showed": what a document finds is what it says,
            // unless someone else reports it ("Perez said the report showed …"). Only quotes take
            // such a cue: `attribute` keeps it from paraphrases.
            let reported = cues.iter().any(|c| c.mention.is_some());
            if words::FINDING_VERBS.contains(word) && !doc.is_capitalized(t) && !reported {
                if let Some(m) = document_subject(doc, t, s0).or_else(|| document_author(doc, t, s0)) {
                    let first = m.tokens.0;
                    cues.push(Cue { t, word: word.to_string(), mention: Some(m), participle: false, first, last: t });
                }
            }
            continue;
        }
        if doc.is_capitalized(t) && t != s0 && !after_close {
            continue;
        }
        if word == "according" && (t + 1 >= s1 || doc.lower(t + 1) != "to") {
            continue;
        }
        // After "the" or "Trump's", "claims" and "comments" are nouns.
        // "a letter that told her": "that" before a past tense is a relative pronoun.
        let relative = t > s0 && doc.lower(t - 1) == "that" && (lexicon::is_finite_verb(word) || word.ends_with("ed"));
        let noun = t > s0
            && doc.is_word(t - 1)
            && !relative
            && (lexicon::is_determiner(doc.lower(t - 1)) || is_possessive_word(doc.lower(t - 1)));
        if noun {
            continue;
        }
        let participle =
            word.ends_with("ing") && word != "according" && (t == s0 || doc.is_punct(t - 1, ',') || after_close);
        if participle {
            let inherited = if t == s0 {
                None
            } else {
                cues.iter()
                    .rev()
                    .take(8)
                    .find_map(|c| c.mention.clone())
                    .or_else(|| sentence_subject(doc, s0, t))
                    .or_else(|| pronoun_after_time_phrase(doc, s0, t))
                    .or_else(|| opening_document(doc, s0, t))
            };
            cues.push(Cue { t, word: word.to_string(), mention: inherited, participle: true, first: t, last: t });
            continue;
        }
        if let Some(shared) = coordinated_subject(doc, t, s0, &cues) {
            cues.push(Cue { t, word: word.to_string(), mention: Some(shared), participle: false, first: t, last: t });
            continue;
        }
        let reversed = lexicon::is_reversed_only_cue(word) || after_close || t == s0;
        let mention = if reversed {
            object_after(doc, t + 1, s1).or_else(|| document_source(doc, t + 1, s1))
        } else {
            // "One OPEC delegate told Reuters": after "told" comes the addressee, never the speaker.
            let addressing = words::ADDRESSING_VERBS.contains(word);
            // "The statement said the policy “remains accommodative”": a document speaks.
            subject_before(doc, t, s0)
                .or_else(|| document_subject(doc, t, s0))
                .or_else(|| document_that(doc, t, s0))
                .or_else(|| {
                    // "Kessel has always said Nana Pearl was drawn from life": a name with its own verb
                    // after it is the subject of the reported clause, not the speaker.
                    let own_verb = |m: &Mention| {
                        let v = m.tokens.1;
                        v < s1
                            && doc.is_word(v)
                            && (lexicon::is_finite_verb(doc.lower(v)) || lexicon::is_auxiliary(doc.lower(v)))
                    };
                    object_after(doc, t + 1, s1).filter(|m| {
                        !addressing
                            && matches!(m.kind, MentionKind::Person { .. } | MentionKind::Organisation { .. })
                            && !own_verb(m)
                    })
                })
        };
        let Some(mention) = mention else {
            continue;
        };
        // "Crabbe wanted to know whether the prime minister agreed that …": speech asked about
        // is no one's speech; the one who asks speaks.
        if !reversed
            && mention.tokens.0 > s0
            && doc.is_word(mention.tokens.0 - 1)
            && doc.lower(mention.tokens.0 - 1) == "whether"
        {
            continue;
        }
        // "Grassley said he had told Garland that …": the pronoun in reported speech is the
        // reporter named just before in the same sentence.
        let mention = match (&mention.kind, cues.last().and_then(|c| c.mention.as_ref())) {
            (
                MentionKind::Pronoun { gender, .. },
                Some(earlier @ Mention { kind: MentionKind::Person { gender: g, .. }, .. }),
            ) if !reversed
                && (*g == *gender || *g == lexicon::Gender::Unknown)
                && *gender != lexicon::Gender::Unknown
                && !names_between(doc, earlier.tokens.1, mention.tokens.0) =>
            {
                Mention { tokens: mention.tokens, span: mention.span, kind: earlier.kind.clone() }
            }
            _ => mention,
        };
        let mention = another_of_the_kind(doc, s0, &mention).unwrap_or(mention);
        let mention = plural_subject_of_they(doc, s0, &mention).unwrap_or(mention);
        let mention = document_before_it(doc, s0, &mention).unwrap_or(mention);
        // "He thanked …, Reince Priebus, whom he called “a superstar.”": the pronoun after
        // "whom" is the one that opens the sentence, not the name "whom" stands for.
        let mention = match &mention.kind {
            MentionKind::Pronoun { word: pronoun, .. }
                if mention.tokens.0 > s0 && doc.lower(mention.tokens.0 - 1) == "whom" =>
            {
                let opening = object_after(doc, s0, mention.tokens.0).filter(|m| {
                    m.tokens.0 == s0 && matches!(&m.kind, MentionKind::Pronoun { word, .. } if word == pronoun)
                });
                match opening {
                    Some(m) => Mention { tokens: mention.tokens, span: m.span, kind: m.kind },
                    None => mention,
                }
            }
            _ => mention,
        };
        let first = t.min(mention.tokens.0);
        let last = t.max(mention.tokens.1.saturating_sub(1));
        cues.push(Cue { t, word: word.to_string(), mention: Some(mention), participle: false, first, last });
    }
    cues
}

/// Reads "the company quoted Korhonen as saying", "was quoted as saying": whoever is quoted
/// speaks, not whoever quotes them. Returns the token of "quoted" and the one quoted.
fn quoted_as_saying(doc: &Doc, s0: usize, t: usize) -> Option<(usize, Mention)> {
    if doc.lower(t) != "saying" || t < s0 + 2 || doc.lower(t - 1) != "as" {
        return None;
    }
    let q = (t.saturating_sub(10).max(s0)..t - 1)
        .rev()
        .find(|u| doc.is_word(*u) && doc.outside(*u) && matches!(doc.lower(*u), "quoted" | "quotes" | "quoting"))?;
    let object = match doc.lower(q + 1) {
        "him" => Some(("he", lexicon::Gender::Male)),
        "her" => Some(("she", lexicon::Gender::Female)),
        _ => None,
    };
    let mention = if q + 1 == t - 1 {
        subject_before(doc, q, s0)?
    } else if let Some((word, gender)) = object.filter(|_| q + 2 == t - 1) {
        let kind = MentionKind::Pronoun { word: word.to_string(), gender };
        Mention { span: token_span(doc, q + 1, q + 2), tokens: (q + 1, q + 2), kind }
    } else {
        // "quoted Rosa Ortiz, the chief executive, as saying": an aside may follow the name.
        let aside = |m: &Mention| doc.is_punct(m.tokens.1, ',') && doc.is_punct(t - 2, ',');
        object_after(doc, q + 1, t - 1).filter(|m| m.tokens.1 == t - 1 || aside(m))?
    };
    Some((q, mention))
}

/// Reads "as she later put it", "as she liked to tell it", "as one analyst put it": with "put" or
/// "tell" and "it" after it, the one named after "as" a few words before is speaking.
fn as_one_put_it(doc: &Doc, s0: usize, t: usize) -> Option<Mention> {
    let telling = matches!(doc.lower(t), "put" | "puts" | "tell" | "tells" | "told")
        && doc.is_word(t + 1)
        && doc.lower(t + 1) == "it"
        && doc.outside(t);
    if !telling {
        return None;
    }
    let at = (s0.max(t.saturating_sub(6))..t).rev().find(|u| doc.is_word(*u) && doc.lower(*u) == "as")?;
    object_after(doc, at + 1, t).filter(|m| m.tokens.0 == at + 1)
}

/// Reads "“…,” wrote one respondent, a nurse in Geelong. Another, a retiree in Perth, said …": a
/// sentence that opens with "Another," before its subject's description speaks of another person
/// of the kind "one" brought in just before ("another respondent").
fn another_of_the_kind(doc: &Doc, s0: usize, mention: &Mention) -> Option<Mention> {
    if doc.lower(s0) != "another" || !doc.is_punct(s0 + 1, ',') || mention.tokens.0 <= s0 + 1 {
        return None;
    }
    let paragraph = doc.tokens[s0].paragraph;
    let one = (s0.saturating_sub(80)..s0).rev().take_while(|u| doc.tokens[*u].paragraph == paragraph).find(|u| {
        doc.is_word(*u) && doc.lower(*u) == "one" && doc.is_word(u + 1) && lexicon::is_role_head(doc.lower(u + 1))
    })?;
    let head = doc.lower(one + 1).to_string();
    let token = doc.tokens[s0];
    Some(Mention {
        span: Span::new(token.start(), token.end()),
        tokens: (s0, mention.tokens.1),
        kind: MentionKind::Description { text: format!("another {head}"), head, country: None },
    })
}

/// "The study’s authors were more careful; the test, they wrote, “…”", "Researchers at Stanford
/// tracked 2,000 teenagers. “…,” they wrote.": "they" stands for the people that open its
/// sentence, or the sentence before it in the paragraph.
fn plural_subject_of_they(doc: &Doc, s0: usize, mention: &Mention) -> Option<Mention> {
    if !matches!(&mention.kind, MentionKind::Pronoun { word, .. } if word == "they") || mention.tokens.0 < s0 {
        return None;
    }
    let sentence = doc.tokens[s0].sentence as usize;
    let paragraph = doc.tokens[s0].paragraph;
    let before = sentence.checked_sub(1).map(|p| doc.sentences[p]).filter(|p| doc.tokens[p.0].paragraph == paragraph);
    // "FDA reviewers were not persuaded. They wrote that …": "they" that opens its sentence
    // stands for the people of the sentence before.
    let own = (mention.tokens.0 > s0).then_some((s0, mention.tokens.0));
    own.into_iter().chain(before).find_map(|(a, b)| {
        let subject = people_of_initials(doc, a).or_else(|| sentence_subject(doc, a, b))?;
        let people = matches!(&subject.kind, MentionKind::Description { head, .. } if head.ends_with('s'));
        people.then_some(Mention { span: mention.span, tokens: mention.tokens, kind: subject.kind })
    })
}

/// Reads "A petition started by the Friends has gathered 11,000 signatures. It calls the plan
/// “…”": "It" opening a sentence stands for the document that opens the sentence before (an
/// article, at most two lowercase modifiers and a document noun), not for whoever spoke last.
fn document_before_it(doc: &Doc, s0: usize, mention: &Mention) -> Option<Mention> {
    let MentionKind::Pronoun { word, .. } = &mention.kind else {
        return None;
    };
    if word != "it" || mention.tokens.0 != s0 {
        return None;
    }
    let si = doc.sentences.partition_point(|s| s.0 < s0).checked_sub(1)?;
    let (p0, p1) = doc.sentences[si];
    let article = p0 < p1 && doc.is_word(p0) && lexicon::is_determiner(doc.lower(p0));
    if !article || !(p0 + 1..s0).all(|u| doc.outside(u)) {
        return None;
    }
    let noun = (p0 + 1..(p0 + 4).min(p1))
        .take_while(|u| doc.is_word(*u) && !doc.is_capitalized(*u))
        .find(|u| words::SOURCE_DOCUMENTS.contains(doc.lower(*u)))?;
    Some(super::mentions::document_mention(doc, noun))
}

/// Tells whether a capitalized word outside quotes stands between two token positions, as
/// "Fiorina" does in "Kasich said Fiorina deserved a spot, and she told reporters …".
fn names_between(doc: &Doc, from: usize, to: usize) -> bool {
    (from..to).any(|u| doc.is_capitalized(u) && doc.outside(u))
}

/// The subject at the start of a sentence ("Donald Trump on Monday seized on …, telling"),
/// after any dateline ("RALEIGH, N.C. (AP) —").
fn sentence_subject(doc: &Doc, s0: usize, t: usize) -> Option<Mention> {
    let dash = (s0..t.min(s0 + 10)).find(|u| doc.is_punct(*u, '—'));
    let mut start = dash.map_or(s0, |d| d + 1);
    // "But it cut its forecast, and warned …": a linking word opens the sentence, not its subject.
    if start < t && doc.is_capitalized(start) && words::LINKING_WORDS.contains(doc.lower(start)) {
        start += 1;
    }
    // "Within minutes, he pivoted …": an opening phrase before a comma is not the subject. A
    // pronoun that opens the sentence is ("He interrupted the moderators, Anderson Cooper …").
    if doc.is_word(start)
        && lexicon::is_sentence_function_word(doc.lower(start))
        && !lexicon::is_pronoun(doc.lower(start))
    {
        if let Some(comma) = (start..t.min(start + 8)).find(|u| doc.is_punct(*u, ',')) {
            start = comma + 1;
        }
    }
    // "Late Saturday, Judge Ann M. Donnelly ordered …, finding that …": a time phrase before a
    // comma is not the subject either.
    if let Some(comma) = (start..t.min(start + 4)).find(|u| doc.is_punct(*u, ',')) {
        let time = (start..comma).all(|u| doc.is_word(u))
            && (start..comma).any(|u| lexicon::is_day(doc.lower(u)))
            && (start..comma).all(|u| {
                let word = doc.lower(u);
                lexicon::is_day(word) || words::TIME_OPENERS.contains(word) || words::DAY_PARTS.contains(word)
            });
        if time {
            start = comma + 1;
        }
    }
    let mention = object_after(doc, start, t)?;
    let fits = matches!(
        mention.kind,
        MentionKind::Person { .. } | MentionKind::Organisation { .. } | MentionKind::Description { .. }
    );
    (fits && mention.tokens.0 == start).then_some(mention)
}

/// The pronoun subject after an opening time phrase ("Four years ago, we endorsed …, calling
/// him “…”"): the participle's speaker.
fn pronoun_after_time_phrase(doc: &Doc, s0: usize, t: usize) -> Option<Mention> {
    let comma = (s0..t.min(s0 + 6)).find(|u| doc.is_punct(*u, ','))?;
    if comma == s0 || doc.lower(comma - 1) != "ago" {
        return None;
    }
    object_after(doc, comma + 1, t).filter(|m| is_pronoun(m) && m.tokens.0 == comma + 1)
}

/// The subject a coordinated cue shares with the previous one ("called her X and said …").
fn coordinated_subject(doc: &Doc, t: usize, s0: usize, cues: &[Cue]) -> Option<Mention> {
    let mut u = t;
    while u > s0 && doc.is_word(u - 1) && lexicon::is_auxiliary(doc.lower(u - 1)) {
        u -= 1;
    }
    let joined = u > s0 && doc.is_word(u - 1) && words::COORDINATORS.contains(doc.lower(u - 1));
    if !joined {
        return None;
    }
    // "Sen. Mark Kirk (R-Ill.), who …, met with Garland and said": with no cue before, the
    // verbs share the sentence subject, which may be a pronoun ("But it cut …, and warned").
    cues.last().and_then(|c| c.mention.clone()).or_else(|| sentence_subject(doc, s0, u - 1)).or_else(|| {
        let start = if doc.is_capitalized(s0) && words::LINKING_WORDS.contains(doc.lower(s0)) { s0 + 1 } else { s0 };
        object_after(doc, start, u - 1).filter(|m| is_pronoun(m) && m.tokens.0 == start)
    })
}

/// Reads a document as a source: "according to the report", "according to court records".
fn document_source(doc: &Doc, from: usize, s1: usize) -> Option<Mention> {
    let mut t = from;
    if t < s1 && doc.is_word(t) && doc.lower(t) == "to" {
        t += 1;
    }
    let start = t;
    while t < s1 && t - start < 4 && doc.is_word(t) && !doc.is_capitalized(t) {
        let word = doc.lower(t);
        let noun = words::SOURCE_DOCUMENTS.contains(word);
        t += 1;
        if noun {
            let span = Span::new(doc.tokens[start].start(), doc.tokens[t - 1].end());
            let name = doc.text(doc.tokens[start].start(), doc.tokens[t - 1].end());
            return Some(Mention {
                span,
                tokens: (start, t),
                kind: MentionKind::Organisation { name: super::mentions::canonical_org(&name) },
            });
        }
    }
    None
}

/// A document that says something for its author ("the statement said", "the letter said"):
/// the quote is found, and its speaker is the author, read from the text around it as for a
/// quote with no cue. A document that finds something ("the study found") or that the writer
/// cites ("according to the report") is its own speaker.
fn speaks_for_someone(mention: &Mention, cue: &str) -> bool {
    let MentionKind::Organisation { name } = &mention.kind else {
        return false;
    };
    !words::FINDING_VERBS.contains(cue)
        && cue != "according"
        && name.split_whitespace().last().is_some_and(|w| words::SOURCE_DOCUMENTS.contains(w))
        && name.chars().all(|c| !c.is_uppercase())
}

/// Tells whether a document that speaks with no author or citation found speaks as itself
/// rather than for whoever spoke before it. It does when named alone or described in its own
/// sentence ("The council’s letter to residents, delivered by hand, said", "The lawsuit, filed in
/// June, says"), and when nobody who spoke just before could have issued it ("A study
/// commissioned by the county … “…,” the report said"). It does not when someone reports on it
/// in the same sentence ("Winthrop said the data described"), after an organisation that spoke
/// nearby ("the IMF said in the outlook … the report said"), after a person who spoke through it
/// ("In a letter to The Times, Dr Mark Porter wrote … the letter said"), or when it is a
/// statement, which always carries the voice of whoever issued it.
fn speaks_as_itself(doc: &Doc, events: &[Event], mention: &Mention) -> bool {
    let MentionKind::Organisation { name } = &mention.kind else {
        return false;
    };
    let noun = name.split_whitespace().last().unwrap_or(name);
    if words::VOICED_DOCUMENTS.contains(noun) {
        return false;
    }
    let (first, end) = mention.tokens;
    // "He told colleagues in a memo posted online:": a document after a preposition is how
    // someone spoke, not who.
    if first > 0 && doc.is_word(first - 1) && lexicon::is_preposition(doc.lower(first - 1)) {
        return false;
    }
    if end - first == 1 || doc.is_punct(end, ',') {
        return true;
    }
    let earlier = &events[..events.partition_point(|e| e.at < mention.span.start)];
    let Some(previous) = earlier.last() else {
        return true;
    };
    let sentence = doc.tokens[first].sentence;
    let at = doc.tokens[previous.mention.tokens.0];
    if at.sentence == sentence {
        return false;
    }
    if doc.tokens[first].paragraph - at.paragraph > 2 {
        return true;
    }
    match previous.mention.kind {
        MentionKind::Organisation { .. } => false,
        MentionKind::Person { .. } | MentionKind::Description { .. } => {
            // "The White House released Trump’s letter to Comey. In it, the president says": the
            // document is named in the speaker's sentence or the one before it.
            let (p0, p1) = doc.sentences[at.sentence as usize];
            let from = at.sentence.checked_sub(1).map_or(p0, |s| doc.sentences[s as usize].0);
            !(from..p1).any(|u| doc.is_word(u) && strip_possessive(doc.lower(u)) == noun)
        }
        MentionKind::Pronoun { .. } => true,
    }
}

/// The organisation or person that published the document a mention names, read from an earlier
/// sentence nearby: the same document noun, then "by" and a capitalized name within a few words.
fn publisher_before(doc: &Doc, mention: &Mention) -> Option<Mention> {
    let MentionKind::Organisation { name } = &mention.kind else {
        return None;
    };
    let noun = name.split_whitespace().last()?;
    let at = mention.tokens.0;
    let paragraph = doc.tokens[at].paragraph;
    let low = at.saturating_sub(150);
    let earlier = (low..at).rev().take_while(|u| paragraph - doc.tokens[*u].paragraph <= 2);
    let mut named_before = false;
    let found = earlier.filter(|u| doc.is_word(*u) && doc.outside(*u) && doc.lower(*u) == noun).find_map(|u| {
        named_before = true;
        let end = sentence_end(doc, u);
        if let Some(issuer) = issuer_of(doc, u) {
            return Some(issuer);
        }
        let by = (u + 1..end.min(u + 8)).find(|v| doc.is_word(*v) && doc.lower(*v) == "by")?;
        let m = object_after(doc, by + 1, end)?;
        // "a report by the Lansing Policy Center", "a study by Anne Ruiz": an author as well.
        let named = doc.is_capitalized(m.tokens.1 - 1)
            && matches!(m.kind, MentionKind::Organisation { .. } | MentionKind::Person { .. });
        named.then_some(m)
    });
    found.or_else(|| (!named_before).then(|| issuer_just_before(doc, at)).flatten())
}

/// Reads "The weather service issued a warning for the county. The bulletin read:": with the
/// document not named before, whoever issued something in the sentence just before, in the same
/// paragraph, issued it; as in `issuer_of`, one capitalized word is no name.
fn issuer_just_before(doc: &Doc, at: usize) -> Option<Mention> {
    let sentence = doc.tokens[at].sentence as usize;
    let (p0, p1) = doc.sentences[sentence.checked_sub(1)?];
    if doc.tokens[p0].paragraph != doc.tokens[at].paragraph {
        return None;
    }
    let verb = (p0..p1).find(|v| doc.is_word(*v) && doc.outside(*v) && words::ISSUING_VERBS.contains(doc.lower(*v)))?;
    let m = subject_before(doc, verb, p0)?;
    match m.kind {
        MentionKind::Person { ref name, .. } if m.tokens.0 == p0 && name.contains(' ') => Some(m),
        MentionKind::Organisation { .. } if m.tokens.0 == p0 && doc.is_capitalized(m.tokens.1 - 1) => Some(m),
        // "The weather service issued": lowercase modifiers between the article and the head.
        MentionKind::Organisation { .. }
            if lexicon::is_determiner(doc.lower(p0))
                && (p0 + 1..m.tokens.0).all(|u| doc.is_word(u) && !doc.is_capitalized(u)) =>
        {
            let span = Span::new(doc.tokens[p0 + 1].start(), m.span.end);
            let name = doc.text(span.start, span.end);
            Some(Mention { span, tokens: (p0, m.tokens.1), kind: MentionKind::Organisation { name } })
        }
        _ => None,
    }
}

/// Reads "The Brennan Center released a study on Monday": the named subject of a verb that
/// issues the document at `noun` ("released", "published"), a few words before it.
fn issuer_of(doc: &Doc, noun: usize) -> Option<Mention> {
    let s0 = doc.sentences[doc.tokens[noun].sentence as usize].0;
    let verb = (noun.saturating_sub(4).max(s0)..noun)
        .rev()
        .find(|v| doc.is_word(*v) && words::ISSUING_VERBS.contains(doc.lower(*v)))?;
    let between = (verb + 1..noun).all(|v| doc.is_word(v) && !doc.is_capitalized(v));
    let m = subject_before(doc, verb, s0).filter(|_| between)?;
    // "Tenants filed a complaint": one capitalized word that opens the sentence is no name.
    let named = doc.is_capitalized(m.tokens.1 - 1)
        && match &m.kind {
            MentionKind::Organisation { .. } => true,
            MentionKind::Person { name, .. } => name.contains(' '),
            _ => false,
        };
    named.then_some(m)
}

/// The document with the same noun that an earlier cue cited as a source ("according to a
/// consultant's report"), nearby: what "the report said" goes back to when no author is named.
fn cited_before(events: &[Event], mention: &Mention) -> Option<Mention> {
    let MentionKind::Organisation { name } = &mention.kind else {
        return None;
    };
    let noun = name.split_whitespace().last()?;
    let at = mention.span.start;
    let end = events.partition_point(|e| e.at < at);
    events[..end]
        .iter()
        .rev()
        .take_while(|e| at - e.at <= CITED_WINDOW)
        .find(|e| match &e.mention.kind {
            MentionKind::Organisation { name: cited } => cited != name && cited.split_whitespace().last() == Some(noun),
            _ => false,
        })
        .map(|e| e.mention.clone())
}

/// How far back (in code points) "the report said" looks for the report cited before.
const CITED_WINDOW: usize = 3000;

/// Reads a document that opens the sentence before `t` ("The report acknowledged …, noting"),
/// for a participle with no other subject.
fn opening_document(doc: &Doc, s0: usize, t: usize) -> Option<Mention> {
    let noun = (s0 + 1..t.min(s0 + 4)).find(|u| doc.is_word(*u) && words::SOURCE_DOCUMENTS.contains(doc.lower(*u)))?;
    document_subject(doc, noun + 1, s0).filter(|m| m.tokens.0 == s0)
}

/// Reads a document as the subject right before `t`: "the study", "the new report", "a 2016
/// survey" (a determiner, at most two modifiers, a document noun).
fn document_subject(doc: &Doc, t: usize, s0: usize) -> Option<Mention> {
    // "The lawsuit, filed in June, says": an aside in lowercase between commas stands between
    // the document and its verb.
    let t = match t.checked_sub(1).filter(|c| *c > s0 && doc.is_punct(*c, ',')) {
        Some(comma) => {
            let low = comma.saturating_sub(12).max(s0);
            let open = (low..comma)
                .rev()
                .take_while(|u| doc.outside(*u) && !is_mark(doc, *u))
                .find(|u| doc.is_punct(*u, ','))?;
            let lowercase = doc.is_word(open + 1) && !doc.is_capitalized(open + 1);
            lowercase.then_some(open)?
        }
        None => t,
    };
    let lowercase = |u: usize| !doc.is_capitalized(u) || words::DAYS.contains(doc.lower(u));
    let noun = t.checked_sub(1).filter(|u| *u >= s0 && doc.is_word(*u) && lowercase(*u))?;
    // "The fiscal plan tabled with the budget warns": a participle and a few lowercase words
    // after the document stand between it and its verb.
    let noun = if words::SOURCE_DOCUMENTS.contains(doc.lower(noun)) {
        noun
    } else {
        // "A forensic audit commissioned by the township and entered into evidence Monday found":
        // two participles and a weekday may stand there too.
        let low = t.saturating_sub(12).max(s0 + 1);
        let described = (low..t).rev().take_while(|u| doc.is_word(*u) && doc.outside(*u) && lowercase(*u));
        let participle = described
            .filter(|p| doc.lower(*p).ends_with("ed") || words::ISSUING_VERBS.contains(doc.lower(*p)))
            .last()
            .filter(|p| words::SOURCE_DOCUMENTS.contains(doc.lower(p - 1)))?;
        participle - 1
    };
    // "The committee’s own summary describes": an owner's name may stand for the determiner.
    let low = noun.saturating_sub(3).max(s0);
    let start = (low..noun)
        .rev()
        .find(|u| doc.is_word(*u) && (lexicon::is_determiner(doc.lower(*u)) || is_possessive_word(doc.lower(*u))))?;
    if !(start + 1..noun).all(|u| doc.is_word(u) && doc.outside(u)) {
        return None;
    }
    let span = Span::new(doc.tokens[start].start(), doc.tokens[noun].end());
    let name = doc.text(span.start, span.end);
    Some(Mention {
        span,
        tokens: (start, noun + 1),
        kind: MentionKind::Organisation { name: super::mentions::canonical_org(&name) },
    })
}

/// Reads "a rejection letter from a newspaper syndicate that told her": a document a few plain
/// words before "that" right before the verb is the one that speaks.
fn document_that(doc: &Doc, t: usize, s0: usize) -> Option<Mention> {
    let that = t.checked_sub(1).filter(|u| *u > s0 && doc.is_word(*u) && doc.lower(*u) == "that")?;
    let low = that.saturating_sub(8).max(s0);
    let noun = (low..that)
        .rev()
        .take_while(|u| doc.is_word(*u) && doc.outside(*u))
        .find(|u| !doc.is_capitalized(*u) && words::SOURCE_DOCUMENTS.contains(doc.lower(*u)))?;
    Some(super::mentions::document_mention(doc, noun))
}

/// Reads "A survey of 1,350 owners released Tuesday by the Pemberton Institute found": the
/// organisation named after "by", right before the finding verb, speaks for its document.
fn document_author(doc: &Doc, t: usize, s0: usize) -> Option<Mention> {
    let Some(mention) = subject_before(doc, t, s0).filter(|m| m.tokens.1 == t) else {
        // "A 2017 study by his group found": an author in a few lowercase words the text does not
        // name leaves the document speaking as itself.
        let low = t.saturating_sub(4).max(s0 + 1);
        let by = (low..t)
            .rev()
            .take_while(|u| doc.is_word(*u) && doc.outside(*u) && !doc.is_capitalized(*u))
            .find(|u| doc.lower(*u) == "by")?;
        return unnamed_author_document(doc, s0, by);
    };
    let by = mention.tokens.0.checked_sub(1).filter(|u| *u > s0 && doc.is_word(*u) && doc.lower(*u) == "by")?;
    match mention.kind {
        // "A report released in March by the Nagano Prefectural Government found": the
        // organisation's document, named by both ("Nagano Prefectural Government report").
        MentionKind::Organisation { name } => {
            let document = document_before(doc, s0, by)?;
            let noun = doc.lower(document);
            Some(Mention { kind: MentionKind::Organisation { name: format!("{name} {noun}") }, ..mention })
        }
        MentionKind::Description { .. } => unnamed_author_document(doc, s0, by),
        _ => None,
    }
}

/// The document named before "by" at `by`: the nearest lowercase document word.
fn document_before(doc: &Doc, s0: usize, by: usize) -> Option<usize> {
    (s0..by)
        .rev()
        .find(|u| doc.is_word(*u) && !doc.is_capitalized(*u) && words::SOURCE_DOCUMENTS.contains(doc.lower(*u)))
}

/// The document before "by" at `by` as the speaker, when its author is not named.
fn unnamed_author_document(doc: &Doc, s0: usize, by: usize) -> Option<Mention> {
    document_before(doc, s0, by).map(|document| super::mentions::document_mention(doc, document))
}

/// Whether `word` ends in a possessive "’s" or "'s" ("Peru’s").
pub(crate) fn is_possessive_word(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s")
}

fn is_close(doc: &Doc, t: usize) -> bool {
    matches!(doc.tokens[t].kind, Kind::Close(_))
}

fn is_mark(doc: &Doc, t: usize) -> bool {
    matches!(doc.tokens[t].kind, Kind::Open(_) | Kind::Close(_))
}

/// A quote is direct when it starts like a sentence where a sentence or a quote may start.
fn is_direct(doc: &Doc, k: usize, s0: usize, cues: &[Cue]) -> bool {
    let content = doc.spans[k].content;
    let Some(&first) = doc.chars.get(content.start) else {
        return false;
    };
    let starts_like_sentence = first.is_uppercase() || first.is_ascii_digit() || matches!(first, '[' | '…' | '.' | '(');
    let open = doc.span_open[k];
    if !starts_like_sentence {
        return continues_split_quote(doc, open, cues);
    }
    if open == s0 {
        return true;
    }
    let prev = open - 1;
    match doc.tokens[prev].kind {
        Kind::Punct(':' | ',' | '—' | ';') | Kind::Close(_) | Kind::Break => true,
        // "said Harry Reid, D-Nev. “They should …”": a word that keeps its period (an
        // abbreviation) may end the sentence before the quote.
        Kind::Word => {
            cues.binary_search_by_key(&prev, |c| c.t).is_ok()
                || doc.chars.get(doc.tokens[prev].end().wrapping_sub(1)) == Some(&'.')
        }
        _ => false,
    }
}

/// The second half of “A,” X said, “b.” starts in lowercase but is still a direct quote.
fn continues_split_quote(doc: &Doc, open: usize, cues: &[Cue]) -> bool {
    if open < 2 || !doc.is_punct(open - 1, ',') {
        return false;
    }
    let low = open.saturating_sub(16);
    let Some(close) = (low..open).rev().find(|t| is_mark(doc, *t)).filter(|t| is_close(doc, *t)) else {
        return false;
    };
    let trailing_comma = |t: usize| match doc.tokens[t].kind {
        Kind::Close(k) => doc.chars.get(doc.spans[k as usize].content.end.wrapping_sub(1)) == Some(&','),
        _ => false,
    };
    (trailing_comma(close) || doc.is_punct(close + 1, ','))
        && cues_between(cues, close, open).iter().any(|c| c.first > close && c.last < open && c.mention.is_some())
}

/// How far a cue's speaker phrase may reach from the cue word, in tokens.
const PHRASE_REACH: usize = 40;

/// The cues whose word lies strictly between two tokens; cues are sorted by position, so a
/// long sentence with many quotes stays linear.
fn cues_between(cues: &[Cue], a: usize, b: usize) -> &[Cue] {
    let lo = cues.partition_point(|c| c.t <= a);
    let hi = cues.partition_point(|c| c.t < b);
    &cues[lo..hi.max(lo)]
}

fn no_marks_between(doc: &Doc, a: usize, b: usize) -> bool {
    (a + 1..b).all(|t| !is_mark(doc, t))
}

fn direct_quote(doc: &Doc, k: usize, si: usize, cues: &[Cue]) -> Found {
    let span = &doc.spans[k];
    let open = doc.span_open[k];
    let close = doc.span_close[k];
    let after = cues_between(cues, close, close + AFTER_GAP + PHRASE_REACH)
        .iter()
        .find(|c| c.first > close && c.first - close <= AFTER_GAP && no_marks_between(doc, close, c.first));
    let before = cues_between(cues, open.saturating_sub(BEFORE_GAP + PHRASE_REACH), open)
        .iter()
        .rev()
        .find(|c| c.last < open && open - c.last <= BEFORE_GAP && no_marks_between(doc, c.last, open));
    let last_char = doc.chars.get(span.content.end.wrapping_sub(1)).copied();
    let trails = matches!(last_char, Some(',' | '?' | '!' | '—' | '-' | '…'));
    let named = |c: &&Cue| c.mention.is_some();
    let chosen = match (after.filter(named), before) {
        (Some(a), _) if trails => Some(a),
        (_, Some(b)) if b.mention.is_some() => Some(b),
        (Some(a), _) => Some(a),
        (None, Some(b)) => Some(b),
        (None, None) => None,
    };
    // "“…—” Brevik began, before Marsh cut him off: “…”": a person whose own clause runs from
    // after the cue to the colon that opens the quote speaks it, not the cue's speaker.
    let s0 = doc.sentences[si].0;
    let colon_intro = chosen
        .filter(|c| c.last < open && open > s0 + 1 && doc.is_punct(open - 1, ':'))
        .and_then(|c| subject_intro(doc, s0, open - 1).filter(|(_, m)| c.last < m.tokens.0));
    let continues = |c: &Cue| lexicon::is_continuation_cue(&c.word) && c.mention.as_ref().is_none_or(is_pronoun);
    let link_prev = after.is_some_and(continues) || before.is_some_and(continues);
    let mut found = Found {
        span: span.content,
        parts: vec![span.content],
        pieces: span.pieces.clone(),
        marked: vec![span.content],
        kind: QuoteKind::Direct,
        cue: chosen.map(|c| (c.word.clone(), token_span(doc, c.t, c.t + 1))),
        mention: chosen.and_then(|c| c.mention.clone()),
        link_prev,
        paragraph: doc.tokens[open].paragraph,
        passage: Some(k),
    };
    if let Some((cue, mention)) = colon_intro {
        found.cue = Some(cue);
        found.mention = Some(mention);
        found.link_prev = false;
        return found;
    }
    if found.mention.is_none() && !link_prev && trails {
        if let Some((cue, mention)) = unknown_verb_after(doc, close, si) {
            found.cue = Some(cue);
            found.mention = Some(mention);
        }
    }
    if found.mention.is_none() && !link_prev {
        if let Some((cue, mention)) = verbless_attribution(doc, k, si) {
            found.cue = Some(cue);
            found.mention = Some(mention);
        }
    }
    found
}

/// Reads “…,” he interjected: a speaker and a past-tense or present verb missing from the
/// cue list, right after a quote that ends in a comma.
fn unknown_verb_after(doc: &Doc, close: usize, si: usize) -> Option<((String, Span), Mention)> {
    let (_, s1) = doc.sentences[si];
    let mut t = close + 1;
    if doc.is_punct(t, ',') {
        t += 1;
    }
    let mention = object_after(doc, t, s1)?;
    let verb = mention.tokens.1;
    if verb >= s1 || !doc.is_word(verb) || doc.is_capitalized(verb) || mention.tokens.0 != t {
        return None;
    }
    let word = doc.lower(verb);
    let verb_like =
        (word.ends_with("ed") || word.ends_with('s')) && !lexicon::is_connector(word) && !lexicon::is_auxiliary(word);
    verb_like.then(|| ((word.to_string(), token_span(doc, verb, verb + 1)), mention))
}

pub(crate) fn token_span(doc: &Doc, a: usize, b: usize) -> Span {
    Span::new(doc.tokens[a].start(), doc.tokens[b - 1].end())
}

/// Attribution without a speech verb: "— Name" after the quote, "Name: “…”", "From X:" before
/// it, or a short "X said." sentence right after it.
fn verbless_attribution(doc: &Doc, k: usize, si: usize) -> Option<((String, Span), Mention)> {
    let open = doc.span_open[k];
    let close = doc.span_close[k];
    let mut t = close + 1;
    if doc.tokens.get(t).is_some_and(|x| x.kind == Kind::Break) {
        t += 1;
    }
    if doc.is_punct(t, '—') || doc.is_punct(t, '-') {
        let ceiling = sentence_end(doc, t + 1);
        if let Some(m) = object_after(doc, t + 1, ceiling).filter(is_named) {
            return Some((("—".to_string(), token_span(doc, t, t + 1)), m));
        }
    }
    let (s0, _) = doc.sentences[si];
    if open > s0 && doc.is_punct(open - 1, ':') {
        return intro_attribution(doc, s0.max(open.saturating_sub(20)), open - 1)
            .or_else(|| subject_intro(doc, s0, open - 1))
            .or_else(|| person_before_colon(doc, s0, open - 1))
            .or_else(|| pronoun_before_colon(doc, s0, open - 1));
    }
    if open == s0 && si > 0 {
        let (p0, p1) = doc.sentences[si - 1];
        let colon = (p0..p1).rev().find(|u| doc.tokens[*u].kind != Kind::Break)?;
        if doc.is_punct(colon, ':') {
            return intro_attribution(doc, p0.max(colon.saturating_sub(20)), colon);
        }
    }
    following_attribution(doc, k, si)
}

fn is_named(m: &Mention) -> bool {
    !matches!(m.kind, MentionKind::Pronoun { .. })
}

fn sentence_end(doc: &Doc, t: usize) -> usize {
    let Some(token) = doc.tokens.get(t) else {
        return doc.tokens.len();
    };
    doc.sentences.get(token.sentence as usize).map_or(doc.tokens.len(), |s| s.1)
}

/// Reads "From Chairwoman X:" or "X wrote on Twitter:" before a colon.
fn intro_attribution(doc: &Doc, a: usize, colon: usize) -> Option<((String, Span), Mention)> {
    let cues = cues_in(doc, a, colon);
    if let Some(cue) = cues.iter().rev().find(|c| c.mention.is_some()) {
        let mention = cue.mention.clone()?;
        return Some(((cue.word.clone(), token_span(doc, cue.t, cue.t + 1)), mention));
    }
    let mut s = a;
    let mut cue = ":".to_string();
    while s < colon && doc.is_word(s) && words::COLON_INTRO_WORDS.contains(doc.lower(s)) {
        if doc.lower(s) == "from" {
            cue = "from".to_string();
        }
        s += 1;
    }
    let mention = object_after(doc, s, colon).filter(is_named)?;
    if mention.tokens.1 + 2 < colon {
        return None;
    }
    Some(((cue, token_span(doc, colon, colon + 1)), mention))
}

/// Reads "Marcus Whitby, a former Fed economist, put it this way: “…”": a person who opens the
/// sentence, then a short lowercase predicate with no cue that runs to the colon.
fn subject_intro(doc: &Doc, s0: usize, colon: usize) -> Option<((String, Span), Mention)> {
    let mut p = colon;
    while p > s0 && colon - p < 5 && doc.is_word(p - 1) && !doc.is_capitalized(p - 1) {
        p -= 1;
    }
    if p == colon || p == s0 {
        return None;
    }
    // "Strand, whose own campaign motto is “Finish the Job,” put it this way: “…”": an aside
    // that ends in quote marks stands between the name that opens the sentence and the predicate.
    if is_close(doc, p - 1) {
        let mention = object_after(doc, s0, p).filter(|m| {
            m.tokens.0 == s0
                && matches!(m.kind, MentionKind::Person { .. })
                && doc.is_punct(m.tokens.1, ',')
                && (m.tokens.1..p).all(|u| !doc.is_word(u) || !doc.outside(u) || !lexicon::is_cue(doc.lower(u)))
        })?;
        return Some(((":".to_string(), token_span(doc, colon, colon + 1)), mention));
    }
    if !(doc.is_punct(p - 1, ',') || doc.is_capitalized(p - 1)) {
        return None;
    }
    let mention = subject_before(doc, p, s0)?;
    // "The leader of its main union, Héctor Salinas, was blunt: “…”": the name in apposition to
    // a description that opens the sentence is the person the colon introduces. A noun no list
    // has names a person by its ending ("The programme's presenter, Alison Drummond, put it to
    // him: “…”").
    let m0 = mention.tokens.0;
    let described = m0 > s0 + 1
        && doc.is_punct(m0 - 1, ',')
        && lexicon::is_determiner(doc.lower(s0))
        && (s0..m0 - 1).any(|u| lexicon::is_role_head(doc.lower(u)) || is_agent_noun(doc.lower(u)))
        && (s0..m0 - 1).all(|u| {
            doc.is_word(u) && doc.outside(u) && !lexicon::is_cue(doc.lower(u)) && !lexicon::is_finite_verb(doc.lower(u))
        });
    // "When Lindell went past his time, Farrow cut in: “…”", "… Brevik began, before Marsh cut
    // him off: “…”": the one who breaks in speaks after the colon, wherever the clause stands.
    let interrupts = (p..colon).any(|u| words::INTERRUPTING_VERBS.contains(doc.lower(u)))
        && m0 > s0
        && (doc.is_punct(m0 - 1, ',') || lexicon::is_sentence_function_word(doc.lower(m0 - 1)));
    let opens = m0 == s0 || described || interrupts;
    (opens && matches!(mention.kind, MentionKind::Person { .. }))
        .then(|| ((":".to_string(), token_span(doc, colon, colon + 1)), mention))
}

/// Reads "Councilman Everett Nakashima, who opposes the plan, put the choice in terms voters will
/// understand: “…”" and "In a tweet Tuesday night, Trump blamed Democrats: “…”": the person who
/// is the sentence's subject, after any opening phrase, and a predicate with no cue up to the
/// colon.
fn person_before_colon(doc: &Doc, s0: usize, colon: usize) -> Option<((String, Span), Mention)> {
    let mention = sentence_subject(doc, s0, colon).filter(|m| {
        (matches!(m.kind, MentionKind::Person { .. }) || someone_new(doc, m))
            && colon - m.tokens.1 <= 20
            && (m.tokens.1..colon).all(|u| !doc.is_word(u) || doc.outside(u) && !lexicon::is_cue(doc.lower(u)))
    })?;
    Some(((":".to_string(), token_span(doc, colon, colon + 1)), mention))
}

/// Reads "He was blunt: “…”", "She put it simply: “…”": "he" or "she" opens the sentence and a
/// few lowercase words with no cue run to the colon; the pronoun speaks, as after "he said".
fn pronoun_before_colon(doc: &Doc, s0: usize, colon: usize) -> Option<((String, Span), Mention)> {
    let short = colon > s0 + 1 && colon - s0 <= 6;
    let predicate = (s0 + 1..colon).all(|u| doc.is_word(u) && doc.outside(u) && !doc.is_capitalized(u));
    if !short || !predicate || !doc.is_word(s0) || !matches!(doc.lower(s0), "he" | "she") {
        return None;
    }
    let mention = object_after(doc, s0, colon).filter(|m| m.tokens == (s0, s0 + 1) && is_pronoun(m))?;
    Some(((":".to_string(), token_span(doc, colon, colon + 1)), mention))
}

/// "An official at the regional transport office gave a blunt verdict:", "One commuter, who
/// had waited since dawn, summed it up:": a person brought in by "a", "an" or "one" and a noun
/// that names people, who is someone new and the one the colon introduces.
fn someone_new(doc: &Doc, m: &Mention) -> bool {
    let MentionKind::Description { head, .. } = &m.kind else {
        return false;
    };
    let (first, _) = m.tokens;
    let opens = doc.is_word(first) && words::INDEFINITE_ARTICLES.contains(doc.lower(first));
    opens && (lexicon::is_role_head(head) || is_agent_noun(head))
}

/// Reads a short attribution sentence right after the quote: "“It is over.” Trump said."
fn following_attribution(doc: &Doc, k: usize, si: usize) -> Option<((String, Span), Mention)> {
    let &(n0, n1) = doc.sentences.get(si + 1)?;
    if n1 - n0 > 12 || doc.tokens[n0].paragraph != doc.tokens[doc.span_open[k]].paragraph {
        return None;
    }
    if (n0..n1).any(|t| is_mark(doc, t)) {
        return None;
    }
    let cue = cues_in(doc, n0, n1).into_iter().find(|c| !c.participle && c.first == n0)?;
    let mention = cue.mention.clone().filter(is_named)?;
    Some(((cue.word, token_span(doc, cue.t, cue.t + 1)), mention))
}

/// Groups fragments by the cue that introduces them; each fragment is a partial quote of its group's speaker.
fn partial_quotes(doc: &Doc, passages: &[usize], s0: usize, cues: &[Cue]) -> Vec<Found> {
    let mut groups: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    for &k in passages {
        let open = doc.span_open[k];
        // The so-called “Biden rule”: a term the writer distances, never anyone's words.
        if open > s0 && doc.is_word(open - 1) && doc.lower(open - 1) == "so-called" {
            continue;
        }
        let close = doc.span_close[k];
        let upto = cues.partition_point(|c| c.t < open);
        let from = cues.partition_point(|c| c.t <= close);
        let before = cues[..upto].iter().rposition(|c| c.last < open && (c.mention.is_some() || c.participle));
        // "According to a complaint, the gunman demanded money and fired after Malhotra “reached
        // below the counter.”": a cue whose clause a second predicate ends before the quote does
        // not govern it; the "according to" that opens the sentence does.
        let before = before.map(|b| {
            let ended = (cues[b].last + 1..open).any(|t| second_predicate(doc, t));
            let opening =
                cues[..b].iter().position(|c| c.word == "according" && c.first <= s0 + 1 && c.mention.is_some());
            match opening {
                Some(a) if ended => a,
                _ => b,
            }
        });
        // "He said the union had warned for years that … “…”": the organisation a person reports
        // on, named only by "the" and its kind, is reported by that person.
        let before = before.map(|b| reporter_of_organisation(doc, cues, b).unwrap_or(b));
        let cue = before
            .or_else(|| cues[from..].iter().position(|c| c.first > close && c.mention.is_some()).map(|i| i + from));
        match groups.last_mut() {
            Some((c, ks)) if *c == cue && cue.is_some() => {
                // A quote after a second predicate ("… and has scheduled a hearing titled “…”")
                // is not part of the reported content, nor speech of that cue.
                let after_predicate = (doc.span_close[ks[ks.len() - 1]] + 1..open).any(|t| second_predicate(doc, t));
                if after_predicate {
                    groups.push((None, vec![k]));
                } else {
                    ks.push(k);
                }
            }
            _ => groups.push((cue, vec![k])),
        }
    }
    groups
        .into_iter()
        .flat_map(|(cue, ks)| {
            let word = cue.map(|c| cues[c].word.as_str());
            // "McCrory blasts ‘Democratic judges’": a headline that names who speaks quotes them.
            // "Ex-treasurer tells jury she ‘borrowed’ …" names no one.
            let name_word = |w: &str| {
                let lower = w.to_lowercase();
                let head = lower.rsplit('-').next().unwrap_or(&lower);
                w.starts_with(char::is_uppercase) && !lexicon::is_role_noun(head) && !is_agent_noun(head)
            };
            let first_open = ks.first().map(|k| doc.span_open[*k]);
            let named = || {
                let subject = match cue {
                    Some(c) => cues[c].mention.clone(),
                    None => first_open.and_then(|open| sentence_subject(doc, s0, open)),
                };
                subject.is_some_and(|m| match &m.kind {
                    MentionKind::Person { name, .. } | MentionKind::Organisation { name } => {
                        name.split_whitespace().any(name_word)
                    }
                    _ => false,
                })
            };
            let ks: Vec<usize> = ks
                .into_iter()
                .filter(|k| {
                    !names_a_title(doc, *k, word)
                        && !thing_named(doc, *k)
                        && !names_before_noun(doc, *k)
                        && !named_by_noun(doc, *k)
                        && !named_by_term_verb(doc, *k)
                        && !glosses_a_term(doc, *k)
                        && (!headline_scare_quote(doc, *k) || named())
                })
                .collect();
            match cue {
                _ if ks.is_empty() => Vec::new(),
                Some(c) => partial_quote(doc, &ks, Some(&cues[c])),
                None => uncued_partial(doc, &ks, s0).unwrap_or_default(),
            }
        })
        .collect()
}

/// The cue before `b` whose person reports what `b`'s organisation said, when `b`'s speaker is
/// only "the" and an organisation's kind inside that person's reported clause: "He said the union
/// had warned that …" gives "He", as "the union" is the one the speaker spoke for.
fn reporter_of_organisation(doc: &Doc, cues: &[Cue], b: usize) -> Option<usize> {
    let mention = cues[b].mention.as_ref()?;
    let (start, end) = mention.tokens;
    let generic = end == start + 2
        && doc.lower(start) == "the"
        && !doc.is_capitalized(start + 1)
        && lexicon::is_org_head(doc.lower(start + 1));
    if !generic {
        return None;
    }
    let a = b.checked_sub(1)?;
    let reporter = &cues[a];
    let person = matches!(reporter.mention.as_ref()?.kind, MentionKind::Pronoun { .. } | MentionKind::Person { .. });
    let reports = lexicon::reporting_verb(&reporter.word) == Some(lexicon::Reports::Clause);
    let inside =
        reporter.last < start && !(reporter.last + 1..start).any(|t| second_predicate(doc, t) || !doc.outside(t));
    (person && reports && inside).then_some(a)
}

/// Tells whether the quote `k` is one or two words in the headline (`Doc::headline_end`) that
/// does not end with a quote mark: "Ex-treasurer tells jury she ‘borrowed’ $1.2 million" is the
/// desk's shorthand, and the words come back with their speaker in the story.
fn headline_scare_quote(doc: &Doc, k: usize) -> bool {
    let open = doc.span_open[k];
    let end = doc.headline_end;
    if open >= end || doc.tokens[open].paragraph != 0 {
        return false;
    }
    let content = doc.spans[k].content;
    let short = doc.chars[content.start..content.end].split(|c| c.is_whitespace()).count() <= 2;
    let last = doc.chars[..doc.tokens[end - 1].end()].iter().rev().find(|c| !c.is_whitespace());
    short && !matches!(last, Some('’' | '\''))
}

/// The quote `k` follows a naming noun, with or without a comma: "its campaign, “Beat the Peak.”".
fn after_naming_noun(doc: &Doc, k: usize) -> bool {
    let open = doc.span_open[k];
    let Some(mut b) = open.checked_sub(1) else {
        return false;
    };
    if doc.is_punct(b, ',') && b > 0 {
        b -= 1;
        // "a motto painted above the door, “…”": a participle and a few lowercase words may
        // follow the noun before the comma.
        let low = b.saturating_sub(5);
        let participle = (low..=b)
            .rev()
            .take_while(|u| doc.is_word(*u) && doc.outside(*u) && !doc.is_capitalized(*u))
            .find(|u| *u > 0 && doc.lower(*u).ends_with("ed") && words::NAMING_NOUNS.contains(doc.lower(u - 1)));
        if let Some(p) = participle {
            b = p - 1;
        }
    }
    doc.is_word(b) && words::NAMING_NOUNS.contains(doc.lower(b))
}

/// "described by the term “genkai shuraku,” or “marginal villages,”": a quote after "or" right
/// after a named term is its gloss, a term too.
fn glosses_a_term(doc: &Doc, k: usize) -> bool {
    let open = doc.span_open[k];
    k > 0
        && open > 2
        && doc.is_word(open - 1)
        && doc.lower(open - 1) == "or"
        && (doc.span_close[k - 1] == open - 2 || doc.span_close[k - 1] == open - 3 && doc.is_punct(open - 2, ','))
        && (named_by_noun(doc, k - 1) || named_by_term_verb(doc, k - 1))
}

/// "advertises the Halo with the tagline “It just understands.”": a short quote right after a
/// naming noun, with no comma between, is the name, whatever its case.
fn named_by_noun(doc: &Doc, k: usize) -> bool {
    let content = doc.spans[k].content;
    let short = doc.chars[content.start..content.end].split(|c| c.is_whitespace()).count() <= 6;
    let open = doc.span_open[k];
    short && open > 0 && !doc.is_punct(open - 1, ',') && after_naming_noun(doc, k)
}

/// "Growers call such a storm “l’orage blanc”", "which locals call the “ice highway.”": a quote
/// a few plain words after a verb of naming in its base form is a term. After a determiner
/// ("a call with analysts", "the call was “…”", "told the same call that …") the word is a
/// noun, and the quote may be speech.
fn named_by_term_verb(doc: &Doc, k: usize) -> bool {
    // "She likes to call it “a once-in-a-generation chance to fix …”": a term is a few words; a
    // longer quote after the verb is someone's words.
    let content = doc.spans[k].content;
    if doc.chars[content.start..content.end].split(|c| c.is_whitespace()).count() > TERM_WORDS {
        return false;
    }
    let open = doc.span_open[k];
    let low = open.saturating_sub(5);
    let Some(verb) = (low..open)
        .rev()
        .take_while(|u| doc.is_word(*u) && doc.outside(*u))
        .find(|u| !doc.is_capitalized(*u) && words::TERM_VERBS.contains(doc.lower(*u)))
    else {
        return false;
    };
    // "told the same call that the company had “…”": a clause after "that" is what was said.
    let noun = verb > 0
        && doc.is_word(verb - 1)
        && (lexicon::is_determiner(doc.lower(verb - 1)) || is_possessive_word(doc.lower(verb - 1)));
    !noun && (verb + 1..open).all(|u| !words::BE_FORMS.contains(doc.lower(u)) && doc.lower(u) != "that")
}

/// The most words a quoted term after a verb of naming has (`named_by_term_verb`).
const TERM_WORDS: usize = 8;

/// Tells whether another quote opens right after the quote `k` closes: in "called “Porch Light”
/// “the only thing in the newspaper …”" the second is what the first, a title, is called.
fn quote_follows(doc: &Doc, k: usize) -> bool {
    doc.span_open.get(k + 1).is_some_and(|open| *open == doc.span_close[k] + 1)
}

/// Tells title-case fragments such as the “Gang of Eight” bill or NBC’s “Meet the Press” from
/// speech; only a naming cue ("called her “Crooked Hillary”") makes them a quote.
fn names_a_title(doc: &Doc, k: usize, cue: Option<&str>) -> bool {
    if cue.is_some_and(|c| words::NAMING_CUES.contains(c)) && !quote_follows(doc, k) {
        return false;
    }
    let content = doc.spans[k].content;
    let text: String = doc.chars[content.start..content.end].iter().collect();
    let fragment: Vec<&str> = text.split_whitespace().collect();
    fragment.len() <= 10
        && fragment.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || words::TITLE_SMALL_WORDS.contains(w.trim_end_matches('.'))
        })
}

/// A fragment with no speech verb: "Clinton, standing beside him, thanked the senator for
/// “energizing” young voters" takes the sentence subject and its verb. Short fragments with no
/// subject are scare quotes ("“alt-right” groups marched") and are not quotes of anyone.
fn uncued_partial(doc: &Doc, ks: &[usize], s0: usize) -> Option<Vec<Found>> {
    let first_open = doc.span_open[ks[0]];
    // "hoped for a “clean” stopgap": one quoted word between an article and its noun is a
    // term, not speech.
    let scare_word = ks.len() == 1 && {
        let content = doc.spans[ks[0]].content;
        let close = doc.span_close[ks[0]];
        !doc.chars[content.start..content.end].iter().any(|c| c.is_whitespace())
            && first_open > s0
            && doc.is_word(first_open - 1)
            && words::ARTICLES.contains(doc.lower(first_open - 1))
            && doc.is_word(close + 1)
            && !doc.is_capitalized(close + 1)
    };
    // "drew a line to Orwell’s “newspeak” and “doublethink,”", "blames his ‘inexperience’": single
    // quoted words owned by someone are that person's terms, not anyone's speech.
    let single_words = ks.iter().all(|k| {
        let content = doc.spans[*k].content;
        !doc.chars[content.start..content.end].iter().any(|c| c.is_whitespace())
    });
    let owned = first_open > s0 && doc.is_word(first_open - 1) && {
        let before = doc.lower(first_open - 1);
        is_possessive_word(before) || words::POSSESSIVE_DETERMINERS.contains(before)
    };
    if scare_word || single_words && owned {
        return None;
    }
    if let Some(cue) = subject_verb(doc, s0, first_open) {
        return Some(partial_quote(doc, ks, Some(&cue)));
    }
    // Fragments after "so-called" never reach here: `partial_quotes` drops them first.
    let short = ks.iter().all(|k| {
        let content = doc.spans[*k].content;
        doc.chars[content.start..content.end].split(|c| c.is_whitespace()).count() <= 3
    });
    if short {
        return None;
    }
    Some(partial_quote(doc, ks, None))
}

/// The sentence subject and the verb after it, read as a cue.
fn subject_verb(doc: &Doc, s0: usize, limit: usize) -> Option<Cue> {
    let mention = sentence_subject(doc, s0, limit)?;
    let mut t = mention.tokens.1;
    if doc.is_punct(t, ',') {
        t = (t + 1..limit.min(t + 16)).find(|u| doc.is_punct(*u, ','))? + 1;
    }
    let after_subject = t;
    while t < limit && doc.is_word(t) && lexicon::is_auxiliary(doc.lower(t)) {
        t += 1;
    }
    // "Abernathy has little patience for talk about “retraining”": after an auxiliary used as
    // the main verb ("has", "is"), a past participle or cue ("has long called") must follow
    // within a few words, else nothing here is said.
    if t > after_subject {
        let participle = |u: &usize| {
            doc.is_word(*u)
                && !doc.is_capitalized(*u)
                && (doc.lower(*u).ends_with("ed")
                    || lexicon::is_cue(doc.lower(*u))
                    || lexicon::is_finite_verb(doc.lower(*u)))
        };
        t = (t..limit.min(t + 3)).find(participle)?;
    }
    let verb = t < limit && doc.is_word(t) && !doc.is_capitalized(t) && !lexicon::is_connector(doc.lower(t));
    if !verb {
        return None;
    }
    Some(Cue {
        t,
        word: doc.lower(t).to_string(),
        first: mention.tokens.0,
        last: t,
        mention: Some(mention),
        participle: false,
    })
}

/// One partial quote per fragment, each the quoted words alone, sharing the cue and speaker of
/// their group: "he is “surprised and troubled” by …" quotes "surprised and troubled".
fn partial_quote(doc: &Doc, ks: &[usize], cue: Option<&Cue>) -> Vec<Found> {
    let link_prev = cue.is_some_and(|c| {
        let continues = lexicon::is_continuation_cue(&c.word) && c.mention.as_ref().is_some_and(is_pronoun);
        continues || (c.participle && c.mention.is_none())
    });
    ks.iter()
        .map(|&k| {
            let content = doc.spans[k].content;
            Found {
                span: content,
                parts: vec![content],
                pieces: doc.spans[k].pieces.clone(),
                marked: vec![content],
                kind: QuoteKind::Partial,
                cue: cue.map(|c| (c.word.clone(), token_span(doc, c.t, c.t + 1))),
                mention: cue.and_then(|c| c.mention.clone()),
                link_prev,
                paragraph: doc.tokens[doc.span_open[k]].paragraph,
                passage: None,
            }
        })
        .collect()
}

/// Tells whether token `t` starts a second predicate of the subject ("… “a big win” and renewed
/// his pledge", "… and has scheduled a hearing"), which is not reported content.
fn second_predicate(doc: &Doc, t: usize) -> bool {
    doc.is_word(t)
        && words::COORDINATORS.contains(doc.lower(t))
        && doc.is_word(t + 1)
        && !doc.is_capitalized(t + 1)
        && (doc.lower(t + 1).ends_with("ed")
            || lexicon::is_cue(doc.lower(t + 1))
            || words::PREDICATE_AUXILIARIES.contains(doc.lower(t + 1))
                && doc.is_word(t + 2)
                && !doc.is_capitalized(t + 2))
}

/// Turns a token range into a character span without connectors or punctuation at its ends.
pub(crate) fn trimmed_content(doc: &Doc, a: usize, mut b: usize) -> Option<Span> {
    while b > a {
        let t = b - 1;
        let trailing = match doc.tokens[t].kind {
            Kind::Punct(_) | Kind::Break => true,
            Kind::Word => words::TRAILING_WORDS.contains(doc.lower(t)),
            _ => false,
        };
        if !trailing {
            break;
        }
        b = t;
    }
    if b <= a {
        return None;
    }
    let mut start = doc.tokens[a].start();
    let mut end = doc.tokens[b - 1].end();
    let strip = |c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '—') || counterpoint_core::text::is_quote_mark(c)
    };
    while start < end && strip(doc.chars[start]) {
        start += 1;
    }
    while end > start && strip(doc.chars[end - 1]) {
        end -= 1;
    }
    (start < end).then(|| Span::new(start, end))
}
