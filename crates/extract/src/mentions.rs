//! Reads the noun phrase that names a speaker next to a cue: a pronoun, a person with an
//! optional title, an organisation or a description such as "the Russian top diplomat".

use super::lexicon::{self, Gender};
use super::tokens::{Doc, Kind};
use super::words;
use super::Span;

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum MentionKind {
    Pronoun { word: String, gender: Gender },
    Person { name: String, role: Option<String>, gender: Gender },
    Organisation { name: String },
    Description { text: String, head: String, country: Option<&'static str> },
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mention {
    pub span: Span,
    /// The token range of the phrase, end exclusive.
    pub tokens: (usize, usize),
    pub kind: MentionKind,
}

/// The longest noun phrase the backward and forward scans take, in tokens.
const MAX_PHRASE: usize = 16;

pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .or_else(|| word.strip_suffix('’'))
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(word)
}

fn is_possessive(word: &str) -> bool {
    strip_possessive(word).len() != word.len()
}

/// Reads the subject that ends right before token `end` ("Lavrov" in "Lavrov said"). Of two
/// people named as joint subjects ("Sens. John McCain (Ariz.) and Lindsey O. Graham (S.C.)
/// said"), the first named speaks for both.
pub(crate) fn subject_before(doc: &Doc, end: usize, floor: usize) -> Option<Mention> {
    let mention = single_subject_before(doc, end, floor)?;
    let mention = named_before_relative(doc, mention, end, floor);
    let MentionKind::Person { .. } = mention.kind else {
        return Some(mention);
    };
    let m0 = mention.tokens.0;
    if m0 < floor + 2 || !doc.is_word(m0 - 1) || doc.lower(m0 - 1) != "and" {
        return Some(mention);
    }
    let mut first_end = m0 - 1;
    if doc.is_punct(first_end - 1, ')') {
        match skip_parenthesis_back(doc, first_end - 1, floor) {
            Some(open) => first_end = open,
            None => return Some(mention),
        }
    }
    let first_start = phrase_start_back(doc, first_end, floor);
    let first = (first_start < first_end && doc.is_capitalized(first_end - 1))
        .then(|| classify(doc, first_start, first_end, None))
        .flatten();
    match first {
        Some(Mention { kind: kind @ MentionKind::Person { .. }, span, .. }) => {
            Some(Mention { span, tokens: (first_start, mention.tokens.1), kind })
        }
        _ => Some(mention),
    }
}

/// Reads "Walt Kerchinski, 84, a retired steelworker who said": a description with an article
/// that a relative clause follows without a comma stands in apposition to the name before it
/// (an age between commas may come between), and the name speaks.
fn named_before_relative(doc: &Doc, mention: Mention, end: usize, floor: usize) -> Mention {
    let (m0, m1) = mention.tokens;
    // "Kirk & Dunne, a Leeds engineering firm, which concluded": an organisation's aside ends
    // with a comma before "which".
    let which = m1 + 2 == end && doc.is_punct(m1, ',') && doc.lower(m1 + 1) == "which";
    let relative = which || m1 + 1 == end && doc.is_word(m1) && doc.lower(m1) == "who";
    let described = matches!(mention.kind, MentionKind::Description { .. })
        && doc.is_word(m0)
        && (words::INDEFINITE_ARTICLES.contains(doc.lower(m0)) || words::ARTICLES.contains(doc.lower(m0)));
    if !relative || !described || m0 < floor + 2 || !doc.is_punct(m0 - 1, ',') {
        return mention;
    }
    let aged = m0 > floor + 3 && is_number(doc, m0 - 2) && doc.is_punct(m0 - 3, ',');
    let name_end = if aged { m0 - 3 } else { m0 - 1 };
    let name_start = phrase_start_back(doc, name_end, floor);
    let named = (name_start < name_end && doc.is_capitalized(name_end - 1))
        .then(|| classify(doc, name_start, name_end, Some((m0, m1))))
        .flatten();
    match named {
        Some(person @ Mention { kind: MentionKind::Person { .. }, .. }) => person,
        Some(organisation @ Mention { kind: MentionKind::Organisation { .. }, .. }) if which => organisation,
        _ => mention,
    }
}

fn single_subject_before(doc: &Doc, end: usize, floor: usize) -> Option<Mention> {
    let mut t = end;
    let mut skipped = 0;
    while t > floor && skipped < 5 {
        let word = doc.lower(t - 1);
        let skip = if !doc.is_word(t - 1) {
            0
        } else if lexicon::is_auxiliary(word) {
            1
        } else {
            time_words_back(doc, t, floor)
        };
        if skip == 0 {
            break;
        }
        t -= skip;
        skipped += 1;
    }
    // "Koster, who won the NRA's endorsement — a rarity for a Democrat — said": skip the aside.
    if t > floor + 1 && doc.is_punct(t - 1, '—') {
        let low = t.saturating_sub(24).max(floor);
        let open = (low..t - 1).rev().take_while(|u| doc.outside(*u)).find(|u| doc.is_punct(*u, '—'));
        if let Some(open) = open {
            t = open;
        }
    }
    // "Cruz (who famously told …)" and "Kasich, who never endorsed Trump, said": the subject
    // stands before the relative pronoun. So does a firm before "which" ("Kirk & Dunne, a
    // Leeds engineering firm, which concluded that"), after a comma.
    let which = t > floor + 2 && doc.is_word(t - 1) && doc.lower(t - 1) == "which" && doc.is_punct(t - 2, ',');
    if t > floor + 1 && doc.is_word(t - 1) && (doc.lower(t - 1) == "who" || which) {
        t -= 1;
        if doc.is_punct(t - 1, '(') || doc.is_punct(t - 1, ',') {
            t -= 1;
        }
    }
    let mut appositive = None;
    if t > floor && doc.is_punct(t - 1, ')') {
        t = skip_parenthesis_back(doc, t - 1, floor)?;
        if let Some(short) = initials_of_foreign_name(doc, t, floor) {
            return Some(short);
        }
    }
    if t > floor && doc.is_punct(t - 1, ',') {
        let open = matching_comma_back(doc, t - 1, floor)?;
        appositive = Some((open + 1, t - 1));
        t = open;
        if t > floor && doc.is_punct(t - 1, ')') {
            t = skip_parenthesis_back(doc, t - 1, floor)?;
            if let Some(short) = initials_of_foreign_name(doc, t, floor) {
                return Some(short);
            }
        }
        // "Dr. Marcus Adeyemi, a curator in Drumheller, Alberta, who was not involved, called":
        // the relative clause after a place that closes an aside tells of the person before it.
        let relative = doc.is_word(open + 1) && matches!(doc.lower(open + 1), "who" | "whose");
        if relative && t > floor + 2 && doc.is_punct(t - 2, ',') && lexicon::is_place(doc.lower(t - 1)) {
            let open = matching_comma_back(doc, t - 2, floor)?;
            appositive = Some((open + 1, t - 2));
            t = open;
        }
        // "Ivory Coast’s cocoa regulator, known as the CCC, said": the name the aside gives speaks.
        let close = appositive.map_or(open, |(_, b)| b);
        let known_as = open + 3 < close && doc.lower(open + 1) == "known" && doc.lower(open + 2) == "as";
        if known_as {
            let first = if doc.lower(open + 3) == "the" { open + 4 } else { open + 3 };
            let named = first < close
                && (first..close).all(|u| doc.is_word(u) && doc.outside(u) && doc.is_capitalized(u))
                && close - first <= 4;
            if named {
                if let Some(mention) = classify(doc, first, close, None) {
                    return Some(mention);
                }
            }
        }
        // "Hollister Markets, which has 210 stores in Ohio, Indiana and Kentucky, said": a list of
        // places that ends a relative clause belongs to the clause; the subject stands before it.
        let places = appositive.is_some_and(|(a, _)| lexicon::is_place(doc.lower(a)))
            && t > floor
            && lexicon::is_place(doc.lower(t - 1));
        if places {
            let low = t.saturating_sub(30).max(floor);
            let clause = (low + 1..t).rev().take_while(|u| doc.outside(*u)).find(|u| {
                doc.is_punct(*u, ',') && doc.is_word(u + 1) && matches!(doc.lower(u + 1), "which" | "who" | "whose")
            });
            if let Some(comma) = clause {
                appositive = Some((comma + 1, t - 1));
                t = comma;
            }
        }
        // "Emma Hughes, 34, who commutes from Brighton, said": an age between commas after a
        // full name that opens the sentence is an aside too.
        let full_name_opens = t >= floor + 4
            && doc.is_capitalized(t - 3)
            && doc.is_capitalized(t - 4)
            && (t - 4 == floor || !doc.is_word(t - 5));
        // "Dlamini’s son, Sibusiso, 27, who handles the deliveries, said": after a relative's
        // noun owned by a name, the first name between commas is the speaker, and the age after
        // it an aside. ("Her sister, Jess, 31," is left to the relative's noun, which finds the
        // family's surname.)
        let relative_named = t >= floor + 6
            && doc.is_word(t - 3)
            && doc.is_capitalized(t - 3)
            && doc.is_punct(t - 4, ',')
            && doc.is_word(t - 5)
            && words::KIN_NOUNS.contains(doc.lower(t - 5))
            && doc.is_word(t - 6)
            && doc.is_capitalized(t - 6)
            && is_possessive(doc.lower(t - 6))
            && !lexicon::is_pronoun(strip_possessive(doc.lower(t - 6)));
        if (full_name_opens || relative_named) && is_number(doc, t - 1) && doc.is_punct(t - 2, ',') {
            t -= 2;
            if relative_named {
                appositive = Some((t - 1, t));
                t -= 2;
            }
        }
    }
    let start = phrase_start_back(doc, t, floor);
    // "Clinton, campaigning in Columbus, Ohio, said": a name after "in" or "at" is a place or an
    // object; the subject stands before the comma that opens the aside.
    // "Mary Hill, of Silver Spring, Md., said": ", of" opens a hometown aside the same way.
    let hometown = start > floor + 1 && doc.lower(start - 1) == "of" && doc.is_punct(start - 2, ',');
    let after_preposition = start > floor
        && start < t
        && doc.is_word(start - 1)
        && (lexicon::is_preposition(doc.lower(start - 1)) || hometown);
    // "in Columbus, Ohio," is one place; "at the Pentagon, Laura Seal," names the speaker.
    let place_aside = appositive.is_some_and(|(a, b)| {
        b == a + 1 && (lexicon::is_place(doc.lower(a)) || doc.is_capitalized(a) && doc.lower(a).ends_with('.'))
    });
    // "The Brexit minister in the Lords, Lord Marlow, said": what follows "in" is where the
    // speaker works; the name between the commas is the speaker.
    if after_preposition && !place_aside {
        let named = appositive
            .filter(|(a, _)| opens_a_name(doc, *a))
            .and_then(|(a, b)| classify(doc, a, b, None).filter(|m| m.tokens == (a, b)));
        if let Some(person @ Mention { kind: MentionKind::Person { .. }, .. }) = named {
            return Some(person);
        }
    }
    if after_preposition && (appositive.is_none() || place_aside) {
        // "Keith Olander, 60, of Silver Spring, Md., said": an age between commas is an aside too.
        let before_aside = matching_comma_back(doc, start - 1, floor)
            .map(|comma| match comma.checked_sub(2) {
                Some(c) if c > floor && doc.is_punct(c, ',') && is_number(doc, comma - 1) => c,
                _ => comma,
            })
            .and_then(|comma| subject_before(doc, comma, floor));
        if before_aside.is_some() {
            return before_aside;
        }
        // "One Twitter user in Beaufort wrote", "The Weather Service office in Newport wrote":
        // the phrase before "in" speaks, not the place after it. ("Officials at the
        // International Monetary Fund said": an organisation after it speaks for them.)
        let preposition = start - 1;
        let inner = phrase_start_back(doc, preposition, floor);
        let organisation_after = (start..t).any(|u| lexicon::is_org_head(doc.lower(u)));
        if appositive.is_none() && inner < preposition && !organisation_after {
            if let Some(mention) = classify(doc, inner, preposition, None) {
                return Some(mention);
            }
        }
        // "engineers from Lima had promised", "a sign painter in Bowman added": a lowercase word
        // before the preposition heads the subject; one capitalized word after it is a place.
        let lowercase_before = start + 1 == t
            && preposition > floor
            && doc.is_word(preposition - 1)
            && doc.outside(preposition - 1)
            && !doc.is_capitalized(preposition - 1);
        if appositive.is_none() && lowercase_before && !organisation_after {
            return None;
        }
    }
    // "One builder in Colorado, responding to the survey, wrote": with a lowercase aside after
    // the place, the description that opens the clause before "in" speaks.
    let lowercase_aside = appositive.is_some_and(|(a, _)| doc.is_word(a) && !doc.is_capitalized(a));
    // "The council’s letter to residents, delivered by hand, said": the document speaks, not
    // whom it was sent to.
    let document_to = lowercase_aside
        && start > floor + 2
        && doc.is_word(start - 1)
        && words::OBJECT_PREPOSITIONS.contains(doc.lower(start - 1))
        && doc.is_word(start - 2)
        && !doc.is_capitalized(start - 2)
        && words::SOURCE_DOCUMENTS.contains(doc.lower(start - 2));
    if document_to {
        let noun = start - 2;
        return Some(document_mention(doc, noun));
    }
    // "A study commissioned by Fáilte Ireland and published in March described the valley as":
    // the document speaks, not whoever commissioned, wrote or published it.
    // "by the tourism board", "by Fáilte Ireland": a few words of the author's name before.
    let low = start.saturating_sub(4).max(floor);
    let by = (low + 1..=start)
        .rev()
        .take_while(|u| doc.is_word(u - 1) && doc.outside(u - 1))
        .find(|u| doc.lower(u - 1) == "by")
        .unwrap_or(start);
    let document_by = appositive.is_none()
        && by > floor + 3
        && doc.is_word(by - 1)
        && doc.lower(by - 1) == "by"
        && doc.is_word(by - 2)
        && !doc.is_capitalized(by - 2)
        && doc.lower(by - 2).ends_with("ed")
        && doc.is_word(by - 3)
        && !doc.is_capitalized(by - 3)
        && words::SOURCE_DOCUMENTS.contains(doc.lower(by - 3));
    if document_by {
        let noun = by - 3;
        return Some(document_mention(doc, noun));
    }
    if after_preposition && !place_aside && lowercase_aside && start < t && start > floor + 1 {
        let preposition = start - 1;
        let role = doc.is_word(preposition - 1)
            && (lexicon::is_role_head(doc.lower(preposition - 1)) || is_agent_noun(doc.lower(preposition - 1)));
        let mut inner = preposition - 1;
        while role && inner > floor && preposition - inner < 5 && doc.is_word(inner - 1) && doc.outside(inner - 1) {
            let w = doc.lower(inner - 1);
            if lexicon::is_pronoun(w) || lexicon::is_preposition(w) || lexicon::is_cue(w) || lexicon::is_finite_verb(w)
            {
                break;
            }
            inner -= 1;
        }
        let opens = inner == floor || !doc.is_word(inner - 1);
        if role && opens {
            let described = classify(doc, inner, preposition, None);
            if let Some(mention @ Mention { kind: MentionKind::Description { .. }, .. }) = described {
                return Some(mention);
            }
            // "One constituency caseworker in the Midlands, who did not want to be named, said":
            // a person named by what they do, before the place, speaks, not the place.
            if doc.is_word(inner) && words::INDEFINITE_ARTICLES.contains(doc.lower(inner)) {
                return Some(described_by_noun(doc, inner, preposition));
            }
        }
    }
    if start == t && appositive.is_none() {
        if let Some(described) = described_before_place(doc, t, floor) {
            return Some(described);
        }
    }
    if start == t {
        if let Some((a, b)) = appositive {
            // "The lawsuit, filed in June, says": an aside that opens with a verb names no one.
            // "One juror, a retired nurse, said": the person before the aside speaks.
            return classify(doc, a, b, None)
                .filter(|m| opens_a_name(doc, a) && matches!(m.kind, MentionKind::Person { .. }))
                .or_else(|| unlisted_noun_subject(doc, t, floor));
        }
        return pronoun_at(doc, t.checked_sub(1).filter(|p| *p >= floor)?)
            .or_else(|| unlisted_noun_subject(doc, t, floor));
    }
    if appositive.is_none() {
        if let Some(owner) = spokesperson_owner(doc, start, t, floor) {
            return Some(owner);
        }
    }
    // "A reporter asked": a role noun that heads no description in the lists still names a
    // person by its ending.
    let Some(main) = classify(doc, start, t, appositive) else {
        return appositive
            .filter(|(a, _)| opens_a_name(doc, *a))
            .and_then(|(a, b)| classify(doc, a, b, None))
            .or_else(|| unlisted_noun_subject(doc, t, floor));
    };
    // "a bank teller in Lacey, Wash., who took part in the study, said": one abbreviated word
    // after a comma is a state after its city, not the speaker.
    let abbreviated_place =
        t == start + 1 && start > floor && doc.is_punct(start - 1, ',') && doc.lower(start).ends_with('.');
    if abbreviated_place && matches!(main.kind, MentionKind::Person { .. }) {
        return None;
    }
    // "Sen. Richard Burr, the Republican chairman of the committee, which is …, said": the
    // description stands in apposition to the name before it, which is the speaker.
    // "Lana Cordeiro, Quebec director of Unifor, the union …, said": an office held in an
    // organisation ("director of Unifor") after a comma describes the name before it too.
    let office_of = (start..t.saturating_sub(1))
        .any(|u| lexicon::is_role_noun(doc.lower(u)) && !doc.is_capitalized(u) && doc.lower(u + 1) == "of");
    // "Don Stewart, a spokesman for Senate Majority Leader Mitch McConnell, R-Ky., said": the
    // person named after "a spokesman for" is whom the speaker works for, not the speaker.
    let serves = (start + 1..t)
        .find(|u| words::SERVING_PREPOSITIONS.contains(doc.lower(*u)))
        .filter(|_| lexicon::is_determiner(doc.lower(start)))
        .filter(|p| *p > start + 1 && (start + 1..*p).all(|u| lexicon::is_role_noun(doc.lower(u))))
        .filter(|p| lexicon::is_role_head(doc.lower(p - 1)));
    // "Asked about Governor Ruth Mills, the senator said": a description that is not set off
    // by a comma after it as well is the subject itself, not an aside.
    if (matches!(main.kind, MentionKind::Description { .. } | MentionKind::Organisation { .. })
        && lexicon::is_determiner(doc.lower(start))
        || office_of
        || serves.is_some())
        && start > floor + 1
        && doc.is_punct(start - 1, ',')
        && doc.is_punct(t, ',')
    {
        let name_start = phrase_start_back(doc, start - 1, floor);
        // "In a statement read to the court by Ms Ryan, his mother, Aoife Brennan, said": a name
        // after a preposition belongs to the opening phrase; it is nobody's subject.
        let object = name_start > floor
            && doc.is_word(name_start - 1)
            && (lexicon::is_preposition(doc.lower(name_start - 1)) || matches!(doc.lower(name_start - 1), "by" | "to"));
        let named = (name_start < start - 1 && !object)
            .then(|| classify(doc, name_start, start - 1, Some((start, t))))
            .flatten();
        if let Some(person @ Mention { kind: MentionKind::Person { .. }, .. }) = named {
            return Some(person);
        }
    }
    if let Some(p) = serves.filter(|_| matches!(main.kind, MentionKind::Person { .. })) {
        let words: Vec<&str> = (start..p).map(|u| doc.lower(u)).collect();
        let kind = MentionKind::Description {
            text: phrase_text(doc, start, p),
            head: doc.lower(p - 1).to_string(),
            country: country_of_words(&words),
        };
        return Some(Mention {
            span: Span::new(doc.tokens[start].start(), doc.tokens[p - 1].end()),
            tokens: (start, t),
            kind,
        });
    }
    // "Metro Transit, which runs the buses, said": "which", not "who", follows an organisation.
    if let MentionKind::Person { name, role: None, .. } = &main.kind {
        if appositive.is_some_and(|(a, _)| doc.is_word(a) && words::RELATIVE_THINGS.contains(doc.lower(a))) {
            let kind = MentionKind::Organisation { name: name.clone() };
            return Some(Mention { kind, ..main });
        }
    }
    Some(appositive_name(doc, main, appositive).unwrap_or_else(|m| m))
}

/// Reads "the prime minister's official spokesman", "the mayor's spokeswoman": an unnamed
/// spokesperson (the phrase from `start` to `end` ends in one, all in lowercase) for an owner
/// named in the possessive right before speaks for that owner, whom the mention names.
fn spokesperson_owner(doc: &Doc, start: usize, end: usize, floor: usize) -> Option<Mention> {
    let unnamed = end > start
        && words::SPOKES_ROLES.contains(doc.lower(end - 1))
        && (start..end).all(|u| doc.is_word(u) && !doc.is_capitalized(u));
    let owner_last = start.checked_sub(1).filter(|o| unnamed && *o >= floor && doc.is_word(*o) && doc.outside(*o))?;
    let word = doc.lower(owner_last);
    let bare = strip_possessive(word);
    if bare.len() == word.len() || !(doc.is_capitalized(owner_last) || lexicon::is_role_noun(bare)) {
        return None;
    }
    let owner_start = phrase_start_back(doc, owner_last, floor);
    let owner = classify(doc, owner_start, owner_last + 1, None)?;
    let strip = |text: &str| strip_possessive(text).to_string();
    let kind = match owner.kind {
        MentionKind::Description { text, head, country } => {
            MentionKind::Description { text: strip(&text), head, country }
        }
        MentionKind::Organisation { name } => MentionKind::Organisation { name: strip(&name) },
        MentionKind::Person { name, role, gender } => MentionKind::Person { name: strip(&name), role, gender },
        MentionKind::Pronoun { .. } => return None,
    };
    let span = Span::new(
        doc.tokens[owner_start].start(),
        doc.tokens[owner_last].end() - (word.chars().count() - bare.chars().count()),
    );
    Some(Mention { span, tokens: (owner_start, end), kind })
}

/// A noun in lowercase that names a person by what they do, by its ending: "caseworker",
/// "trooper", "goaltender", "nurses", "pharmacist", "librarian", "gunman", "linemen". The role lists name the common
/// ones; this reads the rest.
/// The document named by the lowercase noun at `noun` ("the letter", "a study"), speaking as
/// itself.
pub(crate) fn document_mention(doc: &Doc, noun: usize) -> Mention {
    Mention {
        span: Span::new(doc.tokens[noun].start(), doc.tokens[noun].end()),
        tokens: (noun, noun + 1),
        kind: MentionKind::Organisation { name: doc.lower(noun).to_string() },
    }
}

pub(crate) fn is_agent_noun(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    word.len() >= 5
        && word.chars().all(|c| c.is_ascii_lowercase())
        && (["er", "or", "ist", "ian", "man", "woman"].iter().any(|end| singular.ends_with(end))
            || word.ends_with("men"))
        && !words::SOURCE_DOCUMENTS.contains(word)
        && !words::SPEECH_MEDIA.contains(word)
        && !lexicon::is_org_head(word)
        && !lexicon::is_sentence_function_word(word)
        && !words::TIME_ADVERBS.contains(word)
}

/// A description whose head is its last word, which no list knows: "a caseworker", "the nurses".
fn described_by_noun(doc: &Doc, start: usize, end: usize) -> Mention {
    let words: Vec<&str> = (start..end).map(|u| doc.lower(u)).collect();
    Mention {
        span: Span::new(doc.tokens[start].start(), doc.tokens[end - 1].end()),
        tokens: (start, end),
        kind: MentionKind::Description {
            text: phrase_text(doc, start, end),
            head: doc.lower(end - 1).to_string(),
            country: country_of_words(&words),
        },
    }
}

/// Reads "the trooper said", "a caseworker said", "the nurses said", "the jury foreman": an
/// article, or "one", perhaps one lowercase modifier, and a person named by what they do
/// (`is_agent_noun`) right before the verb.
fn unlisted_noun_subject(doc: &Doc, t: usize, floor: usize) -> Option<Mention> {
    let noun = t.checked_sub(1).filter(|n| *n > floor && doc.is_word(*n) && doc.outside(*n))?;
    let is_article = |u: usize| {
        doc.is_word(u) && (words::ARTICLES.contains(doc.lower(u)) || words::INDEFINITE_ARTICLES.contains(doc.lower(u)))
    };
    // "The jury foreman, who …, said", "a local fisherman said": one lowercase modifier between.
    let modified = noun > floor + 1
        && !is_article(noun - 1)
        && doc.is_word(noun - 1)
        && doc.outside(noun - 1)
        && !doc.is_capitalized(noun - 1)
        && !lexicon::is_sentence_function_word(doc.lower(noun - 1))
        && is_article(noun - 2);
    // "FDA reviewers said", "NTSB investigators said": an organisation's initials before a
    // plural noun for people, opening the clause, name those people.
    let initials = noun > floor
        && doc.is_word(noun - 1)
        && doc.outside(noun - 1)
        && is_initials(doc, noun - 1)
        && doc.lower(noun).ends_with('s')
        && is_agent_noun(doc.lower(noun))
        && (noun - 1 == floor || !doc.is_word(noun - 2) || is_article(noun - 2));
    if initials {
        let start = if noun - 1 > floor && is_article(noun - 2) { noun - 2 } else { noun - 1 };
        return Some(described_by_noun(doc, start, t));
    }
    let article = if modified { noun - 2 } else { noun - 1 };
    let fits = is_article(article)
        && (is_agent_noun(doc.lower(noun)) || !modified && doc.lower(article) == "the" && titled_before(doc, noun));
    fits.then(|| described_by_noun(doc, article, t))
}

/// Reads "FDA reviewers" forward from `a`: an organisation's initials and a plural noun for
/// people, which name those people.
pub(crate) fn people_of_initials(doc: &Doc, a: usize) -> Option<Mention> {
    let fits = doc.is_word(a)
        && doc.outside(a)
        && is_initials(doc, a)
        && doc.is_word(a + 1)
        && doc.lower(a + 1).ends_with('s')
        && is_agent_noun(doc.lower(a + 1));
    fits.then(|| described_by_noun(doc, a, a + 2))
}

/// Tells whether the word at `t` is an organisation's initials: two to six capital letters.
fn is_initials(doc: &Doc, t: usize) -> bool {
    let word = &doc.chars[doc.tokens[t].start()..doc.tokens[t].end()];
    (2..=6).contains(&word.len()) && word.iter().all(char::is_ascii_uppercase)
}

/// How far back (in tokens) `titled_before` looks for the title before a name.
const TITLE_REACH: usize = 4000;

/// Tells whether the lowercase noun at `noun` was written before as a title right before a full
/// name ("Provost Michael Tarrant", "Quarterback Jalen Ruiz"): "the provost said" then names that
/// person, though no list knows the word.
fn titled_before(doc: &Doc, noun: usize) -> bool {
    let word = doc.lower(noun);
    if !word.chars().all(|c| c.is_ascii_lowercase()) || lexicon::is_sentence_function_word(word) {
        return false;
    }
    (noun.saturating_sub(TITLE_REACH)..noun.saturating_sub(2)).any(|u| {
        doc.is_capitalized(u)
            && doc.lower(u) == word
            && doc.outside(u)
            && (u + 1..u + 3).all(|v| doc.is_word(v) && doc.is_capitalized(v) && doc.outside(v))
    })
}

/// Reads "one respondent in the fabricated metals industry said": a role noun, then "in", "at" or
/// "from" and a few lowercase words that end at the verb.
fn described_before_place(doc: &Doc, t: usize, floor: usize) -> Option<Mention> {
    let mut u = t;
    while u > floor + 1 && t - u < 6 {
        let w = u - 1;
        if !doc.is_word(w) || !doc.outside(w) || doc.is_capitalized(w) || lexicon::is_pronoun(doc.lower(w)) {
            return None;
        }
        if matches!(doc.lower(w), "in" | "at" | "from") && w < t - 1 {
            if !(doc.is_word(w - 1) && lexicon::is_role_head(doc.lower(w - 1))) {
                return None;
            }
            // The phrase opens the clause ("told supporters in a video posted …" does not).
            let start = phrase_start_back(doc, w, floor);
            if start > floor && doc.is_word(start - 1) {
                return None;
            }
            return classify(doc, start, w, None).filter(|m| matches!(m.kind, MentionKind::Description { .. }));
        }
        u = w;
    }
    None
}

/// Tells whether an aside that opens at `a` may name someone: it opens with a capital, an
/// article or a title ("Lord Marlow", "the party's leader"), not with a verb or a preposition
/// ("filed in June", "obtained by the Tacoma Daily Record").
fn opens_a_name(doc: &Doc, a: usize) -> bool {
    doc.is_word(a)
        && (doc.is_capitalized(a) || lexicon::is_determiner(doc.lower(a)) || lexicon::is_role_noun(doc.lower(a)))
}

fn is_number(doc: &Doc, t: usize) -> bool {
    doc.is_word(t) && doc.chars[doc.tokens[t].start()..doc.tokens[t].end()].iter().all(char::is_ascii_digit)
}

/// Prefers a name in apposition to a title: "The Kremlin’s spokesman, Dmitry Peskov, said".
fn appositive_name(doc: &Doc, main: Mention, appositive: Option<(usize, usize)>) -> Result<Mention, Mention> {
    if matches!(main.kind, MentionKind::Person { .. }) {
        return Err(main);
    }
    // "The Kasi Business Forum, which represents businesses in Gauteng, said": an aside that
    // opens with a relative word, not a name, a title or an article, names no one.
    let Some((a, b)) = appositive.filter(|(a, b)| a < b && opens_a_name(doc, *a)) else {
        return Err(main);
    };
    let Some(Mention { kind: MentionKind::Person { name, role, gender }, span, tokens }) = classify(doc, a, b, None)
    else {
        return Err(main);
    };
    if tokens.0 != a || tokens.1 != b {
        return Err(main);
    }
    let title = doc.text(main.span.start, main.span.end);
    // "Dlamini’s son, Sibusiso,": a first name alone after a relative of someone named in the
    // possessive carries that family's surname.
    let (m0, m1) = main.tokens;
    let family = (b == a + 1 && m1 == m0 + 2 && doc.is_capitalized(m0) && is_possessive(doc.lower(m0)))
        .then(|| doc.text(doc.tokens[m0].start(), doc.tokens[m0].end()))
        .filter(|_| words::KIN_NOUNS.contains(doc.lower(m0 + 1)));
    let name = match family {
        Some(owner) => format!("{} {}", doc.text(doc.tokens[a].start(), doc.tokens[a].end()), strip_possessive(&owner)),
        None => name,
    };
    let role = role.or_else(|| Some(lexicon::strip_article(&title).to_string()));
    Ok(Mention { span, tokens, kind: MentionKind::Person { name, role, gender } })
}

/// Counts the tokens of a time phrase that ends right before `t` ("on Sunday", "Tuesday night",
/// "last week"), so that "Obama on Sunday said" finds Obama.
fn time_words_back(doc: &Doc, t: usize, floor: usize) -> usize {
    let word = doc.lower(t - 1);
    let day = |w: &str| lexicon::is_day(w) || lexicon::is_period(w);
    let mut n = if day(word) {
        1
    } else if words::DAY_PARTS.contains(word) && t >= floor + 2 && day(doc.lower(t - 2)) {
        2
    } else {
        return 0;
    };
    if t > floor + n && doc.is_word(t - n - 1) && words::TIME_OPENERS.contains(doc.lower(t - n - 1)) {
        n += 1;
    }
    n
}

fn pronoun_at(doc: &Doc, t: usize) -> Option<Mention> {
    if !doc.is_word(t) || !doc.outside(t) {
        return None;
    }
    let word = doc.lower(t);
    if !lexicon::is_pronoun(word) {
        return None;
    }
    let gender = match word {
        "he" => Gender::Male,
        "she" => Gender::Female,
        _ => Gender::Unknown,
    };
    let token = doc.tokens[t];
    Some(Mention {
        span: Span::new(token.start(), token.end()),
        tokens: (t, t + 1),
        kind: MentionKind::Pronoun { word: word.to_string(), gender },
    })
}

/// "The Bureau Interprofessionnel des Vins de Bourgogne (BIVB), the trade body, said": initials
/// in brackets after a name whose capitalized words are joined by a particle of another language
/// ("des", "de", "du") are what the organisation is called; the name's last words alone are no
/// one. `open` is the bracket's token.
fn initials_of_foreign_name(doc: &Doc, open: usize, floor: usize) -> Option<Mention> {
    let short = open + 1;
    if !doc.is_punct(open + 2, ')') || !doc.is_word(short) {
        return None;
    }
    let text = doc.text(doc.tokens[short].start(), doc.tokens[short].end());
    if !(2..=6).contains(&text.chars().count()) || !text.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let mut first = open;
    let mut particle = false;
    while first > floor + 1 && open - first < 10 && doc.outside(first - 1) {
        let u = first - 1;
        // "The Food and Environmental Hygiene Department (FEHD)", "Carrick Tire & Rubber (CTR)":
        // "and" or an ampersand between capitals joins one name.
        let joins = (doc.is_punct(u, '&')
            || doc.is_word(u)
                && (words::COORDINATORS.contains(doc.lower(u)) || words::ORG_NAME_JOINERS.contains(doc.lower(u))))
            && doc.is_capitalized(u - 1);
        if doc.is_word(u) && doc.is_capitalized(u) || joins {
            first = u;
        } else if doc.is_word(u) && words::NAME_PARTICLES.contains(doc.lower(u)) && doc.is_capitalized(u - 1) {
            particle = true;
            first = u;
        } else {
            break;
        }
    }
    let capitals = (first..open).filter(|u| doc.is_capitalized(*u)).count();
    // "The U.S. Consumer Product Safety Commission (CPSC)": initials that spell the capitals of
    // the name's last two or more words (small words such as "and" and "of" aside) stand for it.
    let letters: Vec<char> = (first..open)
        .filter(|u| doc.is_word(*u) && doc.is_capitalized(*u) && !words::TITLE_SMALL_WORDS.contains(doc.lower(*u)))
        .filter_map(|u| doc.chars.get(doc.tokens[u].start()).copied())
        .collect();
    let short_letters: Vec<char> = text.chars().collect();
    let spelled = letters.len() >= short_letters.len() && letters.ends_with(&short_letters);
    (particle && capitals >= 3 || spelled).then(|| Mention {
        span: Span::new(doc.tokens[short].start(), doc.tokens[short].end()),
        tokens: (short, short + 1),
        kind: MentionKind::Organisation { name: text.to_string() },
    })
}

fn skip_parenthesis_back(doc: &Doc, close: usize, floor: usize) -> Option<usize> {
    let low = close.saturating_sub(MAX_PHRASE).max(floor);
    (low..close).rev().find(|u| doc.is_punct(*u, '('))
}

/// Finds the comma that opens an appositive ("Lavrov, the foreign minister, said").
fn matching_comma_back(doc: &Doc, comma: usize, floor: usize) -> Option<usize> {
    let low = comma.saturating_sub(25).max(floor);
    for u in (low..comma).rev() {
        let token = doc.tokens[u];
        // "a patient group that organized a campaign called “Time Is Brain” ahead of the
        // meeting,": a short name in capitals in quote marks stays inside the aside.
        let name = |k: u32| title_passage(doc, k as usize);
        let titled = match token.kind {
            Kind::Open(k) | Kind::Close(k) => name(k),
            Kind::Break => false,
            _ => token.quote.is_some_and(name),
        };
        if titled {
            continue;
        }
        if token.quote.is_some() || matches!(token.kind, Kind::Open(_) | Kind::Close(_) | Kind::Break) {
            return None;
        }
        if token.kind == Kind::Punct(',') {
            return Some(u);
        }
    }
    None
}

/// Tells whether the quoted passage `k` is a short name in capitals ("Time Is Brain"), every
/// word capitalized and no punctuation at its end.
fn title_passage(doc: &Doc, k: usize) -> bool {
    let Some(span) = doc.spans.get(k) else {
        return false;
    };
    let text = &doc.chars[span.content.start..span.content.end];
    let words: Vec<&[char]> = text.split(|c| c.is_whitespace()).collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| w.first().is_some_and(|c| c.is_uppercase()))
        && text.last().is_some_and(|c| c.is_alphanumeric())
}

/// Walks back over the words of a name or title and returns the first token of the phrase.
fn phrase_start_back(doc: &Doc, end: usize, floor: usize) -> usize {
    let mut start = end;
    while start > floor && end - start < MAX_PHRASE {
        let u = start - 1;
        // "the Ministry of Economy, Trade and Industry": a comma in a list of capitalized words
        // after an org head and "of", which "and" ends, stays inside the name.
        let in_name =
            doc.is_punct(u, ',') && start < end && doc.is_capitalized(start) && org_list_comma(doc, u, end, floor);
        if in_name {
            start = u;
            continue;
        }
        if !doc.is_word(u) || !doc.outside(u) {
            break;
        }
        let word = doc.lower(u);
        if start == end && lexicon::is_pronoun(word) {
            break;
        }
        if lexicon::is_determiner(word) {
            let inner = u > floor + 1
                && lexicon::is_connector(doc.lower(u - 1))
                && (doc.is_capitalized(u - 2) || lexicon::is_role_noun(doc.lower(u - 2)));
            if inner && start < end {
                start = u - 1;
                continue;
            }
            if start < end {
                start = u;
            }
            break;
        }
        if doc.is_capitalized(u) {
            // "May" in "Theresa May" is a name; only a function word that opens the phrase is not.
            let opens_phrase = u == floor || !doc.is_capitalized(u - 1);
            if lexicon::is_sentence_function_word(word) && opens_phrase {
                break;
            }
            start = u;
            continue;
        }
        // "A Department of Health and Social Care spokesman": "and" inside an organisation's
        // name after "of" joins the name.
        if word == "and" && start < end && doc.is_capitalized(start) && inside_org_of_name(doc, u, floor) {
            start = u;
            continue;
        }
        let joins_title = lexicon::is_connector(word)
            && word != "and"
            && start < end
            && u > floor
            && (doc.is_capitalized(u - 1) || lexicon::is_role_noun(doc.lower(u - 1)));
        // "a hospital spokeswoman", "an airport spokesman": one lowercase modifier between the
        // article and the role.
        let modifier = start < end
            && lexicon::is_role_noun(doc.lower(start))
            && u > floor
            && doc.is_word(u - 1)
            && words::ARTICLES.contains(doc.lower(u - 1));
        if lexicon::is_role_noun(word) || lexicon::is_org_head(word) || joins_title || modifier {
            start = u;
            continue;
        }
        break;
    }
    while start < end && (lexicon::is_connector(doc.lower(start)) || doc.lower(start) == "and") {
        start += 1;
    }
    start
}

/// Tells whether the tokens from `a` to `end` are a list of capitalized words that closes with
/// "and" ("Economy, Trade and Industry"), as in an organisation's name after "of".
fn listed_name_words(doc: &Doc, a: usize, end: usize) -> bool {
    end >= a + 5
        && end - a <= 9
        && doc.lower(end - 2) == "and"
        && doc.is_capitalized(end - 1)
        && (a..end - 2).all(|w| {
            if (w - a).is_multiple_of(2) {
                doc.is_word(w) && doc.is_capitalized(w)
            } else {
                doc.is_punct(w, ',')
            }
        })
        && doc.is_word(end - 3)
}

/// Tells whether the comma at `comma` stands in a list of capitalized words that names an
/// organisation ("the Ministry of Economy, Trade and Industry"): capitalized words and commas
/// before it go back to "of" after a capitalized org head, and "and" and a capitalized word come
/// after it before `end`.
fn org_list_comma(doc: &Doc, comma: usize, end: usize, floor: usize) -> bool {
    let closes = (comma + 1..end.saturating_sub(1))
        .take(4)
        .any(|u| doc.is_word(u) && doc.lower(u) == "and" && doc.is_capitalized(u + 1));
    closes && inside_org_of_name(doc, comma, floor)
}

/// Tells whether the "and" (or the comma) at `and` stands inside a name such as "Department of
/// Health and Social Care": capitalized words, and commas between them, before it go back to "of"
/// after a capitalized org head.
fn inside_org_of_name(doc: &Doc, and: usize, floor: usize) -> bool {
    let mut u = and;
    while u > floor + 2
        && and - u < 8
        && (doc.is_word(u - 1) && doc.is_capitalized(u - 1) || u < and && doc.is_punct(u - 1, ','))
    {
        u -= 1;
    }
    u < and
        && u > floor + 1
        && doc.is_word(u - 1)
        && doc.lower(u - 1) == "of"
        && doc.is_capitalized(u - 2)
        && lexicon::is_org_head(doc.lower(u - 2))
}

/// Reads the speaker named after a cue ("said Sen. Bob Corker, a member of …").
pub(crate) fn object_after(doc: &Doc, begin: usize, ceiling: usize) -> Option<Mention> {
    let mut s = begin;
    if s < ceiling && doc.lower(s) == "to" {
        s += 1;
    }
    s = skip_document_words(doc, s, ceiling);
    if let Some(described) = one_of_them_described(doc, s, ceiling) {
        return Some(described);
    }
    if s < ceiling {
        if let Some(pronoun) = pronoun_at(doc, s) {
            return Some(pronoun);
        }
    }
    let mut e = s;
    // Where a parenthesis skipped inside the name opened, and the word after it.
    let mut paren: Option<(usize, usize)> = None;
    while e < ceiling && e - s < MAX_PHRASE {
        if !doc.is_word(e) || !doc.outside(e) {
            if doc.is_punct(e, '(') {
                match (e..ceiling.min(e + MAX_PHRASE)).find(|u| doc.is_punct(*u, ')')) {
                    Some(close) if close + 1 < ceiling && doc.is_word(close + 1) => {
                        paren = Some((e, close + 1));
                        e = close + 1;
                        continue;
                    }
                    _ => break,
                }
            }
            break;
        }
        let word = doc.lower(e);
        let after_connector = e == s || lexicon::is_connector(doc.lower(e - 1));
        if lexicon::is_determiner(word) && after_connector {
            e += 1;
            continue;
        }
        let date = words::MONTHS.contains(word)
            && e + 1 < ceiling
            && doc.is_word(e + 1)
            && doc.chars.get(doc.tokens[e + 1].start()).is_some_and(char::is_ascii_digit);
        if date {
            // "Chuka Umunna (@ChukaUmunna) June 24": the name ends before the handle.
            if let Some((open, _)) = paren.filter(|p| p.1 == e) {
                e = open;
            }
            break;
        }
        if doc.is_capitalized(e) || lexicon::is_role_noun(word) || lexicon::is_org_head(word) {
            e += 1;
            continue;
        }
        if e == s && title_before_full_name(doc, e, ceiling) {
            e += 1;
            continue;
        }
        // "The study’s authors", "the company’s lawyers": a lowercase owner between the article
        // and a role noun.
        let owner = is_possessive(word)
            && e > s
            && lexicon::is_determiner(doc.lower(e - 1))
            && e + 1 < ceiling
            && doc.is_word(e + 1)
            && lexicon::is_role_noun(doc.lower(e + 1));
        if owner {
            e += 1;
            continue;
        }
        let next_fits = e + 1 < ceiling
            && doc.is_word(e + 1)
            && (doc.is_capitalized(e + 1)
                || lexicon::is_determiner(doc.lower(e + 1))
                || lexicon::is_role_noun(doc.lower(e + 1)));
        if lexicon::is_connector(word) && word != "and" && e > s && next_fits {
            e += 1;
            continue;
        }
        // "Ursula von der Leyen": particles between the parts of a name.
        let in_name = |u: usize| doc.is_word(u) && (doc.is_capitalized(u) || lexicon::is_name_particle(doc.lower(u)));
        if lexicon::is_name_particle(word) && e > s && in_name(e - 1) && e + 1 < ceiling && in_name(e + 1) {
            e += 1;
            continue;
        }
        break;
    }
    while e > s && (lexicon::is_connector(doc.lower(e - 1)) || lexicon::is_determiner(doc.lower(e - 1))) {
        e -= 1;
    }
    if e == s {
        return agent_after(doc, s, ceiling);
    }
    // "Trump's" in "described Trump's comments" owns the next noun; it names no speaker.
    if is_possessive(doc.lower(e - 1)) {
        return None;
    }
    if let Some(named) = name_after_description(doc, s, e, ceiling) {
        return Some(named);
    }
    let appositive = appositive_after(doc, e, ceiling);
    classify(doc, s, e, appositive)
}

/// Reads "said one of them, a security consultant working on the case": one of a group named
/// before, then an appositive brought in by "a" or "an" that says who the one is. The speaker is
/// the appositive's noun for a person, not the group ("them").
fn one_of_them_described(doc: &Doc, s: usize, ceiling: usize) -> Option<Mention> {
    let word_at = |u: usize| u < ceiling && doc.is_word(u) && doc.outside(u);
    let fits = word_at(s + 4)
        && doc.lower(s) == "one"
        && doc.lower(s + 1) == "of"
        && words::OBJECT_PRONOUNS.contains(doc.lower(s + 2))
        && doc.is_punct(s + 3, ',')
        && words::INDEFINITE_ARTICLES.contains(doc.lower(s + 4));
    if !fits {
        return None;
    }
    let article = s + 4;
    // The last noun for a person in the next few words: "consultant", not "security".
    let noun = (article + 1..article + 4).take_while(|u| word_at(*u) && !doc.is_capitalized(*u)).filter(|u| {
        let word = doc.lower(*u);
        is_agent_noun(word) || lexicon::is_role_head(word)
    });
    let noun = noun.last()?;
    Some(described_by_noun(doc, article, noun + 1))
}

/// Reads "wrote one reader in Tacoma", "said a juror": an article, or "one", and a person named
/// by what they do (`is_agent_noun`) after the cue.
fn agent_after(doc: &Doc, s: usize, ceiling: usize) -> Option<Mention> {
    let article = doc.is_word(s) && (words::INDEFINITE_ARTICLES.contains(doc.lower(s)) || doc.lower(s) == "the");
    let noun = s + 1;
    let fits = article && noun < ceiling && doc.is_word(noun) && doc.outside(noun) && is_agent_noun(doc.lower(noun));
    fits.then(|| described_by_noun(doc, s, noun + 1))
}

/// Tells whether the lowercase word at `t` is a title the lists do not know, right before a
/// full name: "goaltender" in "said goaltender Mikko Rantala", "trooper" in "said trooper Dana
/// Cole". A function word, a time word or a pronoun never is ("said Tuesday", "told reporters").
fn title_before_full_name(doc: &Doc, t: usize, ceiling: usize) -> bool {
    let word = doc.lower(t);
    let full_name =
        t + 2 < ceiling && (t + 1..t + 3).all(|u| doc.is_word(u) && doc.outside(u) && doc.is_capitalized(u));
    full_name
        && !doc.is_capitalized(t)
        && word.chars().all(char::is_alphabetic)
        && !lexicon::is_sentence_function_word(word)
        && !lexicon::is_preposition(word)
        && !lexicon::is_pronoun(word)
        && !lexicon::is_cue(word)
        && !lexicon::is_connector(word)
        && !lexicon::is_auxiliary(word)
        && !words::TIME_ADVERBS.contains(word)
        && !lexicon::is_non_name_capital(word)
}

/// Reads "The Brexit minister in the Lords, Lord Marlow, urged …": a description with an office
/// in lowercase, then a personal name set off by commas, is that person.
fn name_after_description(doc: &Doc, s: usize, e: usize, ceiling: usize) -> Option<Mention> {
    if !doc.is_punct(e, ',') || !(s..e).any(|u| !doc.is_capitalized(u) && lexicon::is_role_noun(doc.lower(u))) {
        return None;
    }
    let first = e + 1;
    let mut end = first;
    while end < ceiling && end - first < 4 && doc.is_word(end) && doc.outside(end) && doc.is_capitalized(end) {
        end += 1;
    }
    // "said Yorkshire’s captain, Adam Fenwick.": the name may also end the clause.
    let closes = end == ceiling || end < ceiling && doc.is_punct(end, '.');
    if end == first || end > ceiling || !(closes || end < ceiling && doc.is_punct(end, ',')) {
        return None;
    }
    let mention = classify(doc, first, end, None)?;
    let MentionKind::Person { name, role, gender } = mention.kind else {
        return None;
    };
    let role = role.or_else(|| Some(lexicon::strip_article(&phrase_text(doc, s, e)).to_string()));
    // The phrase runs through the comma that closes the name, so the verb follows it.
    let through = if closes { end } else { end + 1 };
    Some(Mention { span: mention.span, tokens: (s, through), kind: MentionKind::Person { name, role, gender } })
}

/// Skips "a statement from" in "according to a statement from the Kremlin".
fn skip_document_words(doc: &Doc, s: usize, ceiling: usize) -> usize {
    if s + 2 >= ceiling || !lexicon::is_determiner(doc.lower(s)) {
        return s;
    }
    let noun = words::SPEECH_MEDIA.contains(doc.lower(s + 1));
    let link = words::MEDIA_LINKS.contains(doc.lower(s + 2));
    if !(noun && link) {
        return s;
    }
    let mut t = s + 3;
    if t < ceiling && doc.lower(t) == "by" {
        t += 1;
    }
    t
}

fn appositive_after(doc: &Doc, e: usize, ceiling: usize) -> Option<(usize, usize)> {
    if !doc.is_punct(e, ',') {
        return None;
    }
    let first = e + 1;
    if !doc.is_word(first) || !lexicon::is_determiner(doc.lower(first)) {
        return None;
    }
    let mut end = first;
    while end < ceiling && end - first < 20 {
        let token = doc.tokens[end];
        if token.quote.is_some() || !matches!(token.kind, Kind::Word | Kind::Punct('-')) {
            break;
        }
        end += 1;
    }
    Some((first, end))
}

/// Decides what a phrase names and splits a person's title from the name.
fn classify(doc: &Doc, start: usize, end: usize, appositive: Option<(usize, usize)>) -> Option<Mention> {
    let span = Span::new(doc.tokens[start].start(), doc.tokens[end - 1].end());
    // "Others warned", "Four years ago": a quantifier or a spelled-out number alone names no one.
    if end == start + 1 && words::QUANTIFIERS.contains(strip_possessive(doc.lower(start))) {
        return None;
    }
    if let Some(mention) = person_of(doc, start, end, span) {
        return Some(mention);
    }
    if let Some(mention) = candidate_of_campaign(doc, start, end, span) {
        return Some(mention);
    }
    // "The Confederation of British Industry", "the Department of Homeland Security": an org head
    // before "of" and a few capitalized words that end the phrase name an organisation.
    let org_of = (start..end.saturating_sub(2)).any(|u| {
        doc.is_capitalized(u)
            && lexicon::is_org_head(doc.lower(u))
            && words::ORG_NAME_JOINERS.contains(doc.lower(u + 1))
            && end - (u + 2) <= 3 + usize::from(end - (u + 2) > 2 && inside_org_of_name(doc, end - 3, start))
            && (u + 2..end).all(|w| doc.is_capitalized(w) || w == end - 3 && doc.lower(w) == "and")
            || listed_name_words(doc, u + 2, end)
    });
    // "A Department of Health and Social Care spokesman": a spokesman for a department named
    // in full speaks for the department.
    let last = doc.lower(end - 1);
    if end > start + 3 && lexicon::is_role_head(last) && !doc.is_capitalized(end - 1) {
        let mut first = start;
        while first < end - 1 && lexicon::is_determiner(doc.lower(first)) {
            first += 1;
        }
        let named = first + 2 < end - 1
            && doc.is_capitalized(first)
            && lexicon::is_org_head(doc.lower(first))
            && doc.lower(first + 1) == "of"
            && (first + 2..end - 1).all(|w| doc.is_capitalized(w) || doc.lower(w) == "and")
            && doc.is_capitalized(end - 2);
        if named {
            let text = phrase_text(doc, first, end - 1);
            return Some(Mention {
                span,
                tokens: (start, end),
                kind: MentionKind::Organisation { name: canonical_org(&text) },
            });
        }
    }
    if org_of {
        let text = phrase_text(doc, start, end);
        return Some(Mention {
            span,
            tokens: (start, end),
            kind: MentionKind::Organisation { name: canonical_org(&text) },
        });
    }
    let name_start = name_run_start(doc, start, end);
    // "the Fed said", "the Pentagon said": "the" and one capitalized word name an institution;
    // so do "the" and capitalized words none of which is a first name ("the Western Isles").
    let the_one_word = name_start == start + 1
        && doc.lower(start) == "the"
        && (end == start + 2
            || (name_start..end).all(|u| {
                lexicon::first_name_gender(doc.lower(u)) == Gender::Unknown
                    && lexicon::honorific_gender(doc.lower(u)) == Gender::Unknown
                    && !lexicon::is_role_noun(doc.lower(u))
            }));
    // "S&P Global Ratings", "AT&T Mobility": an abbreviation joined by "&" opens a company's
    // name, which the capitalized words after it go on; no person is named so.
    let ampersand = name_start > start
        && doc.is_capitalized(name_start - 1)
        && doc.lower(name_start - 1).contains('&')
        && !is_possessive(doc.lower(name_start - 1));
    if ampersand && name_start < end {
        let text = phrase_text(doc, name_start - 1, end);
        return Some(Mention {
            span,
            tokens: (start, end),
            kind: MentionKind::Organisation { name: canonical_org(&text) },
        });
    }
    // "JAMA Pediatrics said", "NBC News said": initials opening the phrase and one capitalized
    // word that is neither a first name nor a title name a publication or a company; a person's
    // title has a noun between the initials and the name ("FBI Director Comey").
    let initials_and_word = name_start == start + 1
        && end == name_start + 1
        && is_initials(doc, start)
        && lexicon::first_name_gender(doc.lower(name_start)) == Gender::Unknown
        && !lexicon::is_role_noun(strip_possessive(doc.lower(name_start)));
    if initials_and_word {
        let text = phrase_text(doc, start, end);
        return Some(Mention {
            span,
            tokens: (start, end),
            kind: MentionKind::Organisation { name: canonical_org(&text) },
        });
    }
    if name_start < end && !the_one_word {
        return Some(person(doc, start, name_start, end, appositive, span));
    }
    let words: Vec<&str> = (start..end).map(|t| strip_possessive(doc.lower(t))).collect();
    // "one longtime adviser to Republican presidential campaigns": the head is the role before
    // the first connector, not a word in what follows it.
    let first_head = words.iter().position(|w| lexicon::is_role_head(w));
    let cut = first_head
        .and_then(|h| words[h..].iter().position(|w| lexicon::is_connector(w)).map(|c| c + h))
        .unwrap_or(words.len());
    let head = words[..cut].iter().rev().find(|w| lexicon::is_role_head(w)).map(|w| w.to_string());
    let org = words.iter().any(|w| lexicon::is_org_head(w));
    let place = words.len() <= 3 && country_of_words(&words).is_some() && !is_possessive(doc.lower(end - 1));
    let text = phrase_text(doc, start, end);
    if let Some(head) = head.filter(|_| !org || !doc.is_capitalized(end - 1)) {
        return Some(Mention {
            span,
            tokens: (start, end),
            kind: MentionKind::Description { text, head, country: country_of_words(&words) },
        });
    }
    if org || place || doc.is_capitalized(end - 1) {
        return Some(Mention {
            span,
            tokens: (start, end),
            kind: MentionKind::Organisation { name: canonical_org(&text) },
        });
    }
    None
}

/// Reads "Kettering's campaign said": a campaign speaks for the candidate named in it, so the
/// possessive name before the campaign noun is the speaker.
fn candidate_of_campaign(doc: &Doc, start: usize, end: usize, span: Span) -> Option<Mention> {
    if end < start + 2 || !words::CAMPAIGN_NOUNS.contains(doc.lower(end - 1)) {
        return None;
    }
    let owner = end - 2;
    if !is_possessive(doc.lower(owner)) {
        return None;
    }
    let name_start = name_run_start(doc, start, end - 1);
    if name_start > owner || (name_start..=owner).any(|u| !doc.is_capitalized(u) || lexicon::is_org_head(doc.lower(u)))
    {
        return None;
    }
    let text = doc.text(doc.tokens[name_start].start(), doc.tokens[owner].end());
    let name = strip_possessive(&text).to_string();
    let gender = (name_start..=owner)
        .map(|u| lexicon::first_name_gender(doc.lower(u)))
        .find(|g| *g != Gender::Unknown)
        .unwrap_or(Gender::Unknown);
    Some(Mention { span, tokens: (start, end), kind: MentionKind::Person { name, role: None, gender } })
}

/// Reads "Jessica Thornbury of Harlow Capital Partners" and "John Smith of the Brookings
/// Institution": a personal name of two or more words before "of" names the speaker, and what
/// follows "of" is where they work, not who speaks. A title before "of" ("Secretary of State John
/// Kerry", "Bank of America") is no name.
fn person_of(doc: &Doc, start: usize, end: usize, span: Span) -> Option<Mention> {
    let of = (start + 2..end.saturating_sub(1)).find(|u| doc.is_word(*u) && doc.lower(*u) == "of")?;
    let name_start = name_run_start(doc, start, of);
    let plain_name = (name_start..of).all(|u| {
        let word = strip_possessive(doc.lower(u));
        !lexicon::is_role_noun(word) && !lexicon::is_org_head(word) && !lexicon::is_role_head(word)
    });
    let after = doc.is_capitalized(of + 1) || lexicon::is_determiner(doc.lower(of + 1)) && doc.is_capitalized(of + 2);
    if of - name_start < 2 || !plain_name || !after {
        return None;
    }
    let mut mention = person(doc, start, name_start, of, Some((of + 1, end)), span);
    mention.tokens = (start, end);
    Some(mention)
}

/// Finds where the personal name at the end of a phrase begins (end when there is none).
fn name_run_start(doc: &Doc, start: usize, end: usize) -> usize {
    let mut s = end;
    let mut suffix = false;
    if end > start && words::NAME_SUFFIXES.contains(doc.lower(end - 1)) {
        s -= 1;
        suffix = true;
    }
    let name_end = s;
    let mut particles = 0;
    while s > start && name_end - s < 3 + particles {
        let u = s - 1;
        let word = doc.lower(u);
        // "Staffan de Mistura", "Ursula von der Leyen": a lowercase particle inside a name.
        let particle = lexicon::is_name_particle(word)
            && s < name_end
            && u > start
            && (doc.is_capitalized(u - 1) || lexicon::is_name_particle(doc.lower(u - 1)));
        if particle && !doc.is_capitalized(u) {
            particles += 1;
            s = u;
            continue;
        }
        let acronym = doc.chars[doc.tokens[u].start()..doc.tokens[u].end()]
            .iter()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
            && doc.tokens[u].end() - doc.tokens[u].start() > 1;
        let fits = doc.is_capitalized(u)
            && !acronym
            && !is_possessive(word)
            && !lexicon::is_determiner(word)
            // "Bill" heads "the Senate bill" but is also a first name before a surname.
            && (!lexicon::is_non_name_capital(word) || word == "bill" && s < name_end)
            && !(lexicon::is_sentence_function_word(word) && (u == start || !doc.is_capitalized(u - 1)));
        if !fits {
            break;
        }
        s = u;
    }
    // A name starts with a capital, not with a particle.
    while s < name_end && !doc.is_capitalized(s) {
        s += 1;
    }
    if s == name_end {
        return end;
    }
    if suffix && s == name_end {
        return end;
    }
    s
}

fn person(
    doc: &Doc,
    start: usize,
    name_start: usize,
    end: usize,
    appositive: Option<(usize, usize)>,
    span: Span,
) -> Mention {
    let name = doc.text(doc.tokens[name_start].start(), doc.tokens[end - 1].end());
    // "President-elect Donald Trump": a title the lists do not know may open the name run, so
    // the first word of the name with a known gender tells it.
    let mut gender = (name_start..end)
        .map(|u| lexicon::first_name_gender(doc.lower(u)))
        .find(|g| *g != Gender::Unknown)
        .unwrap_or(Gender::Unknown);
    let mut role_start = start;
    while role_start < name_start {
        let word = doc.lower(role_start);
        let honorific = lexicon::honorific_gender(word);
        if honorific != Gender::Unknown {
            gender = honorific;
        }
        let dropped = lexicon::is_determiner(word)
            || honorific != Gender::Unknown
            || (lexicon::is_sentence_function_word(word) && doc.is_capitalized(role_start))
            || lexicon::is_non_name_capital(word) && lexicon::is_day(word);
        if !dropped {
            break;
        }
        role_start += 1;
    }
    let mut role =
        (role_start < name_start).then(|| phrase_text(doc, role_start, name_start)).filter(|r| is_role_text(r));
    if role.is_none() {
        role = appositive.map(|(a, b)| phrase_text(doc, a, b)).filter(|r| is_role_text(r));
    }
    let role = role.map(|r| lexicon::strip_article(&r).to_string());
    Mention { span, tokens: (start, end), kind: MentionKind::Person { name, role, gender } }
}

/// A role must contain an office, an institution or a country to be worth keeping.
fn is_role_text(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        let w = strip_possessive(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'));
        lexicon::is_role_noun(w) || lexicon::is_org_head(w) || lexicon::country_of_word(w).is_some()
    })
}

fn phrase_text(doc: &Doc, start: usize, end: usize) -> String {
    // An empty phrase (an appositive between adjacent commas, say) has no text.
    if end <= start || end > doc.tokens.len() {
        return String::new();
    }
    doc.text(doc.tokens[start].start(), doc.tokens[end - 1].end())
}

/// Names a country-like organisation the same way wherever it appears ("the U.S." → "United States").
pub(crate) fn canonical_org(text: &str) -> String {
    let bare = lexicon::strip_article(text.trim());
    let lower = bare.to_lowercase();
    let country = words::ORG_ALIASES.contains(&lower).then(|| lexicon::country_of_word(&lower)).flatten();
    match country {
        Some(country) if written_as_alias(bare, &lower) => country.to_string(),
        _ => bare.to_string(),
    }
}

/// Tells whether `text` is written as an org alias is: in capitals when the alias has three
/// letters or fewer ("US", "U.N."), with a capital initial otherwise ("America").
fn written_as_alias(text: &str, lower: &str) -> bool {
    if lower.chars().filter(|c| c.is_alphabetic()).count() <= 3 {
        return text == lower.to_uppercase();
    }
    let mut chars = lower.chars();
    chars.next().is_some_and(|first| text.strip_prefix(first.to_ascii_uppercase()) == Some(chars.as_str()))
}

/// The leftmost country a list of lowercase words points to.
pub(crate) fn country_of_words(words: &[&str]) -> Option<&'static str> {
    for (i, word) in words.iter().enumerate() {
        let word = strip_possessive(word);
        if let Some(next) = words.get(i + 1) {
            if let Some(country) = lexicon::country_of_bigram(word, strip_possessive(next)) {
                return Some(country);
            }
        }
        if let Some(country) = lexicon::country_of_word(word) {
            return Some(country);
        }
    }
    None
}

/// The leftmost country named in a free text such as a role.
pub(crate) fn country_of_text(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '-' | ';' | ':'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '’' && c != '\''))
        .map(|w| w.trim_end_matches('.').trim_end_matches(['’', '\'']))
        .filter(|w| !w.is_empty())
        .collect();
    let dotted: Vec<String> = words
        .iter()
        .map(|w| if w.contains('.') && !w.ends_with('.') { format!("{w}.") } else { w.to_string() })
        .collect();
    let refs: Vec<&str> = dotted.iter().map(String::as_str).collect();
    country_of_words(&refs)
}
