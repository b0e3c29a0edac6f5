//! Turns speaker mentions into clusters of one person or organisation each, resolves pronouns
//! and descriptions, and suggests a side for every cluster.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use super::attribution::{is_possessive_word, Attributed, Event, Found};
use super::lexicon::{self, Gender};
use super::mentions::{country_of_text, subject_before, Mention, MentionKind};
use super::tokens::{Doc, Kind};
use super::words;
use super::{Span, SpeakerCluster};
use counterpoint_core::model::QuoteKind;

/// A titled person named anywhere in the text, used to complete bare surnames and descriptions.
struct Entity {
    at: usize,
    span: Span,
    name: String,
    role: Option<String>,
    /// The role in lowercase, made when a description first compares it.
    role_lower: OnceCell<String>,
    gender: Gender,
    /// A bare name guessed from "Rubio spoke …" at the start of a sentence; a weak antecedent.
    bare: bool,
    /// Named as the subject of a clause someone reports ("Kessel said Nana Pearl was drawn from
    /// life"): spoken of, so no pronoun after it stands for it.
    spoken_of: bool,
}

/// A possible antecedent for a pronoun: a cue's subject or a named person.
struct Candidate {
    at: usize,
    mention: Mention,
    weak: bool,
    /// The subject of a cue, not only a name in the text.
    speaks: bool,
    /// The gender of the pronoun its cue addresses ("told her"), which it does not stand for.
    addressed: Option<Gender>,
    /// A name spoken of in someone's reported clause (`Entity::spoken_of`).
    spoken_of: bool,
}

/// How many named people a description looks over on each side for a fitting title.
const DESCRIPTION_WINDOW: usize = 200;

/// The candidates that stand before `at`; candidates are sorted by position.
fn before(events: &[Candidate], at: usize) -> &[Candidate] {
    &events[..events.partition_point(|e| e.at < at)]
}

/// How many earlier events a pronoun looks back over.
const PRONOUN_LOOKBACK: usize = 40;

pub(crate) struct Resolved {
    pub clusters: Vec<SpeakerCluster>,
    /// The speaker of each direct or partial quote.
    pub speakers: Vec<Option<usize>>,
    /// The speaker of each paraphrase.
    pub paraphrases: Vec<Option<usize>>,
}

#[derive(Default)]
struct Builder {
    clusters: Vec<SpeakerCluster>,
    genders: Vec<Gender>,
    by_key: HashMap<String, usize>,
    /// Organisation clusters by the initials of their name ("imf" for International Monetary Fund).
    by_initials: HashMap<String, usize>,
    /// The cluster a bare surname last referred to.
    by_surname: HashMap<String, usize>,
    /// The full name a bare surname stood for when last read alone ("Vesely" for Katerina
    /// Vesely), which it goes on standing for after a relative of that surname comes in.
    bare_surnames: HashMap<String, String>,
    /// The head noun of each description cluster, for "the spokesman" after "a spokesman".
    description_heads: HashMap<String, usize>,
    entities: Vec<Entity>,
    entity_by_key: HashMap<String, Vec<usize>>,
    /// Named people who are subjects of cues, in text order: (position, name, role, gender).
    person_events: Vec<(usize, String, Option<String>, Gender)>,
    /// The cluster of each antecedent candidate once resolved.
    memo: Vec<Option<Option<usize>>>,
    /// Descriptions that are subjects of cues, in text order: (position, text, head, country),
    /// for "the source said" after "A source at the regulator said".
    description_events: Vec<(usize, String, String, Option<&'static str>)>,
    /// Named organisations that are subjects of cues, in text order: (position, name).
    organisation_events: Vec<(usize, String)>,
    /// Where each sentence starts, in code points.
    sentence_starts: Vec<usize>,
    /// Definite descriptions with no title to match ("the prime minister"), by their lowercase
    /// text, and the person each first stood for.
    definite_people: HashMap<String, usize>,
    /// Organisations named with their initials in brackets whose name has no org head ("United
    /// Steelworkers (USW)"), in text order: (position, initials).
    unkinded: Vec<(usize, String)>,
    /// Nouns no list has that head a description of a quote's speaker ("the gunman"), with where
    /// the text first names someone so ("a gunman", "the gunman"), for `description`.
    unnamed_uses: HashMap<String, usize>,
    /// Two-word names outside quotes ("Lydia Greer") by the key of their surname, read only when
    /// a relative is described ("his wife said"), for `relative`.
    family_names: HashMap<String, Vec<(usize, String)>>,
    /// Those of them set beside a relative's noun ("Her mother, Denise Monroe"), in text order:
    /// (position, name, noun).
    named_relatives: Vec<(usize, String, String)>,
    /// First names set alone beside a possessive relative's noun ("Her son, Jaylen, 9,"), in text
    /// order: (position, first name).
    first_named_relatives: Vec<(usize, String)>,
    /// The speaker of the question a pronoun's quote answers, whom `antecedent` skips once.
    asker: Option<usize>,
    /// Whether each quote ends in a question mark, for an answer that follows it.
    questions: Vec<bool>,
    /// Full names with a description in an aside right after them ("Dante Morales, the
    /// mission’s principal investigator,"), in text order: (position, name, the description's
    /// lowercase words after its article or owner, gender).
    appositives: Vec<(usize, String, Vec<String>, Gender)>,
    /// Organisations named in full anywhere ("The Judicial Crisis Network"), in text order:
    /// (position, name, head noun), for "the group said".
    organisations: Vec<(usize, String, String)>,
}

/// How far back (in code points) "the group" looks for the organisation it stands for.
const ORGANISATION_WINDOW: usize = 3000;

/// How far back (in code points) a first name alone may go for the one full name with that first
/// name (`given_name_full_name`), past `ORGANISATION_WINDOW`.
const FIRST_NAME_REACH: usize = 4 * ORGANISATION_WINDOW;

pub(crate) fn resolve(doc: &Doc, found: &Attributed) -> Resolved {
    let mut builder = Builder {
        sentence_starts: doc.sentences.iter().filter_map(|s| doc.tokens.get(s.0)).map(|t| t.start()).collect(),
        ..Builder::default()
    };
    builder.collect_entities(doc);
    builder.note_short_names(doc);
    builder.person_events = found
        .events
        .iter()
        .filter_map(|e| match &e.mention.kind {
            MentionKind::Person { name, role, gender } => Some((e.at, name.clone(), role.clone(), *gender)),
            _ => None,
        })
        .collect();
    builder.organisation_events = found
        .events
        .iter()
        .filter_map(|e| match &e.mention.kind {
            MentionKind::Organisation { name } if name.starts_with(char::is_uppercase) => Some((e.at, name.clone())),
            _ => None,
        })
        .collect();
    builder.description_events = found
        .events
        .iter()
        .filter_map(|e| match &e.mention.kind {
            MentionKind::Description { text, head, country } => Some((e.at, text.clone(), head.clone(), *country)),
            _ => None,
        })
        .collect();
    // "Her son, Jaylen, 9,": a first name alone beside a possessive relative's noun.
    for t in 3..doc.tokens.len().saturating_sub(1) {
        let alone = doc.is_word(t)
            && doc.is_capitalized(t)
            && doc.outside(t)
            && doc.is_punct(t - 1, ',')
            && doc.is_punct(t + 1, ',')
            && words::KIN_NOUNS.contains(doc.lower(t - 2))
            && words::POSSESSIVE_DETERMINERS.contains(doc.lower(t - 3));
        if alone {
            let first = doc.text(doc.tokens[t].start(), doc.tokens[t].end());
            builder.first_named_relatives.push((doc.tokens[t].start(), first));
        }
    }
    let quotes = &found.quotes;
    let kin = |m: &Mention| matches!(&m.kind, MentionKind::Description { head, .. } if words::KIN_NOUNS.contains(head));
    if quotes.iter().any(|q| q.mention.as_ref().is_some_and(kin)) {
        for t in 1..doc.tokens.len() {
            let pair = doc.is_capitalized(t - 1)
                && doc.is_capitalized(t)
                && doc.outside(t - 1)
                && doc.outside(t)
                && !(t >= 2 && doc.is_capitalized(t - 2) && doc.outside(t - 2))
                && !(doc.is_capitalized(t + 1) && doc.outside(t + 1));
            if pair && !lexicon::is_sentence_function_word(doc.lower(t - 1)) {
                let name = doc.text(doc.tokens[t - 1].start(), doc.tokens[t].end());
                let name = name.strip_suffix("’s").or_else(|| name.strip_suffix("'s")).unwrap_or(&name).to_string();
                let at = doc.tokens[t - 1].start();
                // "Her mother, Denise Monroe,": the relative the name is set beside.
                let kin = (t >= 3 && doc.is_punct(t - 2, ',') && words::KIN_NOUNS.contains(doc.lower(t - 3)))
                    .then(|| doc.lower(t - 3).to_string());
                if let Some(kin) = kin {
                    builder.named_relatives.push((at, name.clone(), kin));
                }
                // "Luis and Carmen Ortega": a lone first name joined by "and" to a full name
                // shares its surname.
                let lone = |u: usize| doc.is_capitalized(u) && doc.outside(u) && doc.is_word(u);
                if t >= 3 && doc.lower(t - 2) == "and" && lone(t - 3) && !(t >= 4 && lone(t - 4)) {
                    let first = doc.text(doc.tokens[t - 3].start(), doc.tokens[t - 3].end());
                    if !lexicon::is_sentence_function_word(doc.lower(t - 3)) {
                        let surname = name.split(' ').next_back().unwrap_or("");
                        let partner = format!("{first} {surname}");
                        builder
                            .family_names
                            .entry(person_key(&name))
                            .or_default()
                            .push((doc.tokens[t - 3].start(), partner));
                    }
                }
                builder.family_names.entry(person_key(&name)).or_default().push((at, name));
            }
        }
    }
    let unlisted: HashSet<&str> = quotes
        .iter()
        .filter_map(|q| match q.mention.as_ref().map(|m| &m.kind) {
            Some(MentionKind::Description { head, .. }) if !lexicon::is_role_noun(head) => Some(head.as_str()),
            _ => None,
        })
        .collect();
    if !unlisted.is_empty() {
        let article = |u: usize| doc.is_word(u) && matches!(doc.lower(u), "a" | "an" | "the");
        for t in 1..doc.tokens.len() {
            if !(doc.is_word(t) && doc.outside(t) && unlisted.contains(doc.lower(t))) {
                continue;
            }
            // "the gunman", "the jury foreman": an article, perhaps one lowercase modifier between.
            let modified = t >= 2 && doc.is_word(t - 1) && !doc.is_capitalized(t - 1) && article(t - 2);
            if article(t - 1) || modified {
                builder.unnamed_uses.entry(doc.lower(t).to_string()).or_insert(doc.tokens[t - 1].start());
            }
        }
    }
    builder.questions = quotes
        .iter()
        .map(|q| {
            let end = q.parts.last().map_or(q.span.end, |p| p.end);
            doc.chars[..end].iter().rev().find(|c| !c.is_whitespace()).is_some_and(|c| *c == '?')
        })
        .collect();
    // "The Federal Reserve said …" then "the central bank said": a generic head that names no
    // organisation of its own kind stands for the organisation that spoke last nearby.
    let mut last_named_org: Option<(usize, usize)> = None;
    let mut speakers: Vec<Option<usize>> = Vec::with_capacity(quotes.len());
    for q in quotes {
        let for_named = q
            .mention
            .as_ref()
            .and_then(|m| speaks_for_named(doc, m).or_else(|| spoken_for_before(doc, &found.events, m)));
        let mut cluster = match for_named {
            Some(org) => Some(builder.organisation(&org)),
            None => q.mention.as_ref().and_then(|m| builder.cluster_for(m, q.span.start)),
        };
        if let (Some(c), Some(Mention { kind: MentionKind::Organisation { name }, span, .. })) = (cluster, &q.mention) {
            let head = name.rsplit(' ').next().unwrap_or(name);
            // "The union, which represents 4,000 nurses, said …" then "the union said": a
            // description introduced in its own right nearby stands for no organisation named
            // before it.
            let introduced = |since: usize| {
                let from = found.events.partition_point(|e| e.at < since);
                found.events[from..].iter().take_while(|e| e.at < span.start).any(|e| {
                    let end = e.mention.tokens.1;
                    matches!(&e.mention.kind, MentionKind::Organisation { name: n } if n == name)
                        && doc.is_punct(end, ',')
                        && doc.is_word(end + 1)
                        && words::RELATIVE_THINGS.contains(doc.lower(end + 1))
                })
            };
            let generic = builder.clusters[c].name == *name
                && !name.chars().any(char::is_uppercase)
                && lexicon::is_org_head(head)
                && !words::SOURCE_DOCUMENTS.contains(head)
                && !words::LEGAL_SIDES.contains(head)
                && !introduced(span.start.saturating_sub(ORGANISATION_WINDOW));
            if let Some((_, org)) = last_named_org.filter(|(at, _)| generic && q.span.start - at <= ORGANISATION_WINDOW)
            {
                cluster = Some(org);
            } else if generic {
                // "Metro Transit, which runs the buses, said in a statement …" then "the agency
                // said": with no organisation of its kind named, "the agency" is the organisation
                // named last as a speaker nearby.
                let company = || {
                    words::COMPANY_DESCRIPTIONS
                        .contains(head)
                        .then(|| builder.company_named_as_person(q.span.start))
                        .flatten()
                };
                if let Some(org) = builder.speaking_organisation(q.span.start).or_else(company) {
                    cluster = Some(builder.organisation(&org));
                }
            }
        }
        if let Some(c) = cluster {
            let named = builder.clusters[c].is_organisation && builder.clusters[c].name.starts_with(char::is_uppercase);
            if named {
                last_named_org = Some((q.span.start, c));
            }
        }
        speakers.push(cluster);
    }
    let candidates = builder.candidates(&found.events);
    builder.memo = vec![None; candidates.len()];
    let groups = link_groups(quotes, &found.events);
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, root) in groups.iter().enumerate() {
        members.entry(*root).or_default().push(i);
    }
    let mut roots: Vec<usize> = members.keys().copied().collect();
    roots.sort_unstable();
    for root in roots {
        let group = &members[&root];
        let named = group.iter().find_map(|i| speakers[*i]);
        let chosen = named.or_else(|| builder.fallback(group[0], quotes, &speakers, &candidates));
        for &i in group {
            if speakers[i].is_none() {
                speakers[i] = chosen;
            }
        }
    }
    builder.answer_questions(quotes, &mut speakers);
    builder.suggest_sides(quotes, &speakers, doc);
    let paraphrases = builder.paraphrase_speakers(doc, &found.paraphrases, quotes, &candidates);
    builder.finish(speakers, paraphrases)
}

/// Joins quotes that share a speaker by convention: "She added", "Adding,", split quotes and
/// quote paragraphs that continue the previous one. A quote paragraph does not continue the
/// previous quote when someone named speaks between them ("“…,” Cramer said.¶Asked about Trump,
/// Whitecloud said she was not worried. “We’ve outlasted …”"). `events` are in text order.
fn link_groups(quotes: &[Found], events: &[Event]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    for i in 1..quotes.len() {
        let q = &quotes[i];
        let p = &quotes[i - 1];
        let near = q.paragraph.saturating_sub(p.paragraph) <= 1;
        let someone_between = || {
            let from = events.partition_point(|e| e.at < p.span.end);
            events.get(from).is_some_and(|e| e.at < q.span.start)
        };
        let continues_direct = q.mention.is_none()
            && q.kind == QuoteKind::Direct
            && p.kind == QuoteKind::Direct
            && (q.paragraph == p.paragraph || q.paragraph == p.paragraph + 1)
            && (q.paragraph == p.paragraph || !someone_between());
        if near && (q.link_prev || continues_direct) {
            let a = find(&mut parent, i);
            let b = find(&mut parent, i - 1);
            parent[a.max(b)] = a.min(b);
        }
    }
    (0..quotes.len()).map(|i| find(&mut parent, i)).collect()
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The org head of a capitalized run "Department of Transportation" or "Commission on
/// Environmental Quality" that ends at `t`: a capitalized org head followed by "of", "for" or
/// "on" within the run.
fn head_before_joiner(doc: &Doc, t: usize) -> Option<usize> {
    let mut u = t;
    while u > 1 && t - u < 6 {
        u -= 1;
        if !doc.is_word(u) || !doc.outside(u) {
            return None;
        }
        let word = doc.lower(u);
        if words::ORG_NAME_JOINERS.contains(word) {
            let head = u - 1;
            let fits = doc.is_word(head) && doc.is_capitalized(head) && lexicon::is_org_head(doc.lower(head));
            return fits.then_some(head);
        }
        if !doc.is_capitalized(u) {
            return None;
        }
    }
    None
}

/// The head of an organisation's name that ends at `t` before a short name in brackets, which
/// is a word that is not an abbreviation of a place ("Department" in "the Department for
/// Environment, Food and Rural Affairs (Defra)").
fn bracketed_short_name(doc: &Doc, t: usize) -> Option<String> {
    let short = doc.lower(t + 2);
    if short.len() < 3 || short.contains(['.', '-']) || !doc.is_capitalized(t + 2) {
        return None;
    }
    let mut u = t;
    for _ in 0..10 {
        let word = doc.is_word(u) && doc.outside(u);
        let joins = word
            && (doc.is_capitalized(u)
                || words::ORG_NAME_JOINERS.contains(doc.lower(u))
                || words::COORDINATORS.contains(doc.lower(u)));
        if !(joins || doc.is_punct(u, ',')) {
            return None;
        }
        if word
            && doc.is_capitalized(u)
            && lexicon::is_org_head(doc.lower(u))
            && !words::LAW_HEADS.contains(doc.lower(u))
        {
            let before = u.checked_sub(1);
            let opens = before.is_none_or(|b| !doc.is_word(b) || !doc.is_capitalized(b) || doc.lower(b) == "the");
            return opens.then(|| doc.lower(u).to_string());
        }
        u = u.checked_sub(1)?;
    }
    None
}

/// "A spokesperson for Northfield Systems said": the capitalized name after "for" that follows
/// an unnamed spokesperson's mention, which speaks through them.
fn speaks_for_named(doc: &Doc, mention: &Mention) -> Option<String> {
    let MentionKind::Description { text, head, .. } = &mention.kind else {
        return None;
    };
    if !words::SPOKES_ROLES.contains(head.as_str()) || text.contains(" for ") {
        return None;
    }
    named_after_for(doc, mention.tokens)
}

/// "A spokesperson for Northfield Systems" in the tokens of a mention: the capitalized name after
/// a spokesperson and "for".
fn named_after_for(doc: &Doc, (first, end): (usize, usize)) -> Option<String> {
    let at = (first + 1..end).find(|u| doc.is_word(*u) && doc.lower(*u) == "for")?;
    if !words::SPOKES_ROLES.contains(doc.lower(at - 1)) {
        return None;
    }
    let mut start = at + 1;
    if doc.is_word(start) && doc.lower(start) == "the" {
        start += 1;
    }
    let named = start < end
        && (start..end).all(|u| doc.is_word(u) && doc.is_capitalized(u) && !lexicon::is_role_noun(doc.lower(u)))
        && lexicon::first_name_gender(doc.lower(start)) == Gender::Unknown;
    named.then(|| doc.text(doc.tokens[start].start(), doc.tokens[end - 1].end()).to_string())
}

/// "A spokeswoman for Brightwater said …" then "the spokeswoman said": the organisation named
/// after the latest unnamed spokesperson "for" it nearby, whom the definite one goes back to.
fn spoken_for_before(doc: &Doc, events: &[Event], mention: &Mention) -> Option<String> {
    let MentionKind::Description { text, head, .. } = &mention.kind else {
        return None;
    };
    if !words::SPOKES_ROLES.contains(head.as_str()) || !text.to_lowercase().starts_with("the ") {
        return None;
    }
    let at = mention.span.start;
    let end = events.partition_point(|e| e.at < at);
    events[..end].iter().rev().take_while(|e| at - e.at <= ORGANISATION_WINDOW).find_map(|e| {
        let (first, _) = e.mention.tokens;
        let introduced = doc.is_word(first + 1)
            && words::INDEFINITE_ARTICLES.contains(doc.lower(first))
            && doc.lower(first + 1) == head;
        introduced.then(|| named_after_for(doc, e.mention.tokens)).flatten()
    })
}

/// The head of a description set off after the name that ends at `t`, when it is an
/// organisation's head: "firm" in "PricewaterhouseCoopers, the accounting firm that …".
fn organisation_appositive<'a>(doc: &'a Doc<'a>, t: usize) -> Option<&'a str> {
    if !doc.is_punct(t + 1, ',') || !doc.is_word(t + 2) || !words::ARTICLES.contains(doc.lower(t + 2)) {
        return None;
    }
    for u in t + 3..t + 8 {
        if !doc.is_word(u) || !doc.outside(u) || doc.is_capitalized(u) {
            return None;
        }
        let word = doc.lower(u);
        let ends = doc.tokens.get(u + 1).is_some_and(|n| matches!(n.kind, Kind::Punct(_)))
            || doc.is_word(u + 1) && words::RELATIVE_WORDS.contains(doc.lower(u + 1));
        if ends {
            return lexicon::is_org_head(word).then_some(word);
        }
        if lexicon::is_determiner(word) || lexicon::is_connector(word) || lexicon::is_preposition(word) {
            return None;
        }
    }
    None
}

/// A name in two to six capitals ("IMF", "GTR").
/// The first token of the capitalized name of up to eight words that ends at token `t`, not before
/// token `floor`, without a leading function word ("The"). "The Food and Environmental Hygiene
/// Department": "and" or an ampersand between capitals joins one name.
fn capitalized_name_start(doc: &Doc, t: usize, floor: usize) -> usize {
    let mut start = t;
    while start > floor && t - start < 8 && doc.outside(start - 1) {
        let u = start - 1;
        let joins = (words::ORG_NAME_JOINERS.contains(doc.lower(u))
            || doc.is_punct(u, '&')
            || doc.is_word(u) && words::COORDINATORS.contains(doc.lower(u)))
            && u > 0
            && doc.is_capitalized(u - 1);
        if !doc.is_capitalized(u) && !joins {
            break;
        }
        start = u;
    }
    while start < t && lexicon::is_sentence_function_word(doc.lower(start)) {
        start += 1;
    }
    start
}

fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.chars().count()) && name.chars().all(|c| c.is_ascii_uppercase())
}

/// The initials of an organisation's name in two or more capitalized words, lowercase
/// ("International Monetary Fund" → "imf"); small words such as "of" and "The" are skipped.
fn initials(name: &str) -> Option<String> {
    let capitals: Vec<char> = name
        .split_whitespace()
        .filter(|w| !words::TITLE_SMALL_WORDS.contains(&w.to_lowercase()))
        .map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect::<Option<Vec<char>>>()?;
    (capitals.len() >= 2).then(|| capitals.iter().flat_map(|c| c.to_lowercase()).collect())
}

/// "National Water Authority" for "ANA": the name's last capitalized words, one for each letter
/// of initials that do not spell them (initials of the name in another language).
fn translated_name(full: &str, short: &str) -> Option<String> {
    let letters = short.chars().count();
    if !is_acronym(short) || initials(full).is_some_and(|i| i == short.to_lowercase()) {
        return None;
    }
    let words: Vec<&str> = full.split_whitespace().collect();
    let last = words.get(words.len().checked_sub(letters)?..)?;
    let plain = |w: &&str| w.starts_with(char::is_uppercase) && !is_possessive_word(w);
    last.iter().all(plain).then(|| last.join(" "))
}

/// The rest of `name` after an owner's possessive first word ("National Water Authority" in
/// "Peru’s National Water Authority"), if it opens with one.
fn after_owner(name: &str) -> Option<&str> {
    name.split_once(' ').filter(|(owner, _)| is_possessive_word(owner)).map(|(_, rest)| rest)
}

fn person_key(name: &str) -> String {
    let last =
        name.split_whitespace().rev().find(|w| !words::NAME_SUFFIXES.contains(&w.to_lowercase())).unwrap_or(name);
    let lower = last.to_lowercase();
    let bare = lower.strip_suffix("’s").or_else(|| lower.strip_suffix("'s")).unwrap_or(&lower);
    format!("p:{bare}")
}

fn compatible(a: Gender, b: Gender) -> bool {
    a == Gender::Unknown || b == Gender::Unknown || a == b
}

impl Builder {
    /// Records every titled or full personal name outside quotes.
    fn collect_entities(&mut self, doc: &Doc) {
        let mut lowercase_words: Option<HashSet<&str>> = None;
        for t in 0..doc.tokens.len() {
            let ends_run =
                doc.is_capitalized(t) && doc.outside(t) && !(doc.is_capitalized(t + 1) && doc.outside(t + 1));
            // "Frostline Creamery Chief Executive Tom Haldane": a company's name that runs on into
            // its officer's title and name is a company too, which "the company" later stands for.
            if !ends_run
                && doc.is_capitalized(t)
                && doc.outside(t)
                && t > 0
                && doc.is_capitalized(t - 1)
                && words::COMPANY_HEADS.contains(doc.lower(t))
                && lexicon::is_role_noun(doc.lower(t + 1))
            {
                self.name_organisation(doc, t, t);
            }
            if !ends_run {
                continue;
            }
            // "Kettering's campaign": "the campaign" that speaks later speaks for Kettering.
            if doc.is_word(t + 1) && words::CAMPAIGN_NOUNS.contains(doc.lower(t + 1)) {
                let word = doc.text(doc.tokens[t].start(), doc.tokens[t].end());
                let owner = word.strip_suffix("’s").or_else(|| word.strip_suffix("'s"));
                if let Some(owner) = owner.filter(|o| !o.is_empty()) {
                    let head = doc.lower(t + 1).to_string();
                    self.organisations.push((doc.tokens[t].start(), owner.to_string(), head));
                }
            }
            // "Govia Thameslink Railway (GTR)": the initials in brackets name the same organisation,
            // which is then named by both, whichever of them speaks.
            if doc.is_punct(t + 1, '(') && doc.is_word(t + 2) && doc.is_punct(t + 3, ')') {
                let short = doc.text(doc.tokens[t + 2].start(), doc.tokens[t + 2].end());
                let start = capitalized_name_start(doc, t, 1);
                let mut full = doc.text(doc.tokens[start].start(), doc.tokens[t].end());
                // "The U.S. Consumer Product Safety Commission (CPSC)": initials that spell the
                // name's last words only name those words.
                let lower_short = short.to_lowercase();
                while is_acronym(&short) && initials(&full).is_none_or(|i| i != lower_short) {
                    match full.split_once(' ') {
                        Some((_, rest)) if initials(rest).is_some_and(|i| lower_short.ends_with(&i)) => {
                            full = rest.to_string();
                        }
                        _ => break,
                    }
                }
                // "Members of United Steelworkers (USW)": initials in brackets after a name with no
                // org head (whose capitals they need not spell out) name an organisation of no
                // known kind.
                let first = short.chars().next().unwrap_or(' ');
                // (The name's words after its last "and" only: "Centers for Disease Control and
                // Prevention (CDC)" says its kind.)
                let joined = |u: usize| doc.is_punct(u, '&') || words::COORDINATORS.contains(doc.lower(u));
                let plain = (start..=t).rev().take_while(|u| !joined(*u)).last().unwrap_or(t);
                let headless = (plain..=t).all(|u| !lexicon::is_org_head(doc.lower(u)))
                    && (plain..=t).any(|u| doc.is_capitalized(u) && doc.chars[doc.tokens[u].start()] == first);
                if is_acronym(&short) && headless {
                    self.unkinded.push((doc.tokens[start].start(), short.to_string()));
                }
                if is_acronym(&short) && initials(&full).is_some_and(|i| i == short.to_lowercase()) {
                    self.organisation(&full);
                    self.organisation(&short);
                    // "… (FEHD)" then "the department said": the initials are what the name's
                    // head later stands for.
                    let head = doc.lower(t);
                    if lexicon::is_org_head(head) {
                        let head = head.to_string();
                        self.organisations.push((doc.tokens[t + 2].start(), short.to_string(), head));
                    }
                } else if let Some(trimmed) = translated_name(&full, &short) {
                    // "Peru's National Water Authority (ANA)": initials of the name in its own
                    // language, one letter for each of the name's last capitalized words, name
                    // the same organisation.
                    let i = self.organisation(&trimmed);
                    self.by_initials.insert(short.to_lowercase(), i);
                    self.organisation(&short);
                    let head = doc.lower(t);
                    if lexicon::is_org_head(head) {
                        let head = head.to_string();
                        self.organisations.push((doc.tokens[t + 2].start(), short.to_string(), head));
                    }
                } else if let Some(head) = bracketed_short_name(doc, t) {
                    // "The Department for Environment, Food and Rural Affairs (Defra)": the short
                    // name in brackets is what "the department" later stands for.
                    self.organisations.push((doc.tokens[t + 2].start(), short.to_string(), head));
                }
            }
            // "Institutional Shareholder Services Inc., or ISS, the proxy adviser,": initials after
            // ", or" name the organisation before them, which is then named by both.
            self.or_initials(doc, t);
            // "PricewaterhouseCoopers, the accounting firm that …": a name in apposition to a
            // description whose head is an organisation's head is an organisation of that kind,
            // which "the firm" later stands for.
            if let Some(head) = organisation_appositive(doc, t) {
                let mut start = t;
                while start > 0 && t - start < 6 && doc.is_capitalized(start - 1) && doc.outside(start - 1) {
                    start -= 1;
                }
                while start < t && lexicon::is_sentence_function_word(doc.lower(start)) {
                    start += 1;
                }
                let name = doc.text(doc.tokens[start].start(), doc.tokens[t].end());
                self.organisations.push((doc.tokens[start].start(), name.to_string(), head.to_string()));
                continue;
            }
            // "the home-sharing company StayNest", "the utility Cascadia Power": a name right after
            // a lowercase description of its kind is an organisation of that kind, which "the
            // company" later stands for.
            let mut run_start = t;
            while run_start > 0 && t - run_start < 4 && doc.is_capitalized(run_start - 1) && doc.outside(run_start - 1)
            {
                run_start -= 1;
            }
            if run_start > 1
                && doc.is_word(run_start - 1)
                && doc.outside(run_start - 1)
                && !doc.is_capitalized(run_start - 1)
                && (words::COMPANY_DESCRIPTIONS.contains(doc.lower(run_start - 1))
                    || words::GENERIC_ORG_HEADS.contains(doc.lower(run_start - 1)))
                && !lexicon::is_sentence_function_word(doc.lower(run_start))
                && (run_start..=t).all(|u| !lexicon::is_role_noun(doc.lower(u)))
                && lexicon::first_name_gender(doc.lower(run_start)) == Gender::Unknown
            {
                let name = doc.text(doc.tokens[run_start].start(), doc.tokens[t].end());
                let name = name.strip_suffix("’s").or_else(|| name.strip_suffix("'s")).unwrap_or(&name);
                let head = doc.lower(run_start - 1).to_string();
                self.organisations.push((doc.tokens[run_start].start(), name.to_string(), head));
                continue;
            }
            // Laws and treaties have org-like heads but never speak: "the group" is not the Act.
            // "The Harwood Institute's consumer sentiment index": a possessive head names the
            // organisation too.
            let lower = doc.lower(t);
            let lower = lower.strip_suffix("’s").or_else(|| lower.strip_suffix("'s")).unwrap_or(lower);
            let document = words::LAW_HEADS.contains(lower);
            let org_head = lexicon::is_org_head(lower)
                || words::NEWSPAPER_HEADS.contains(lower)
                || words::COMPANY_HEADS.contains(lower);
            if org_head && !document && t > 0 && doc.is_capitalized(t - 1) {
                self.name_organisation(doc, t, t);
                // "her own label, Caprock Records,": a name that ends in a company's head is
                // no person for a pronoun to stand for.
                continue;
            }
            // "the state Department of Transportation", "the Royal College of Emergency Medicine":
            // an org head before "of" makes the whole run an organisation, not a person.
            if !org_head {
                if let Some(head) = head_before_joiner(doc, t) {
                    self.name_organisation(doc, t, head);
                    continue;
                }
            }
            // "the National Energy Regulator of South Africa": a run before "of" and a capitalized
            // word that holds a word never in a person's name ("Energy") names an institution.
            let joined = doc.is_word(t + 1)
                && words::ORG_NAME_JOINERS.contains(doc.lower(t + 1))
                && doc.is_word(t + 2)
                && doc.is_capitalized(t + 2);
            if joined && (run_start..=t).any(|u| words::NON_NAME_CAPITALS.contains(doc.lower(u))) {
                continue;
            }
            let sentence_start = doc.sentences[doc.tokens[t].sentence as usize].0;
            // Only full names and names that open a sentence are worth reading.
            let long_run = t > 0 && doc.is_capitalized(t - 1);
            let after_comma = t > 0 && doc.is_punct(t - 1, ',');
            let after_cue = t > 0 && doc.is_word(t - 1) && words::ADDRESSING_VERBS.contains(doc.lower(t - 1));
            // "told Reuters", "told The Telegraph": an outlet addressed is not a person.
            let outlet = words::NEWS_OUTLETS.contains(doc.lower(t)) || words::NEWSPAPER_HEADS.contains(doc.lower(t));
            if after_cue && outlet || outlet && t > 1 && words::ADDRESSING_VERBS.contains(doc.lower(t - 2)) {
                continue;
            }
            if !long_run && !after_comma && !after_cue && t != sentence_start {
                continue;
            }
            // "a bank teller in Lacey, Wash., who …": one abbreviated word after a comma is a
            // state after its city, never a person.
            if !long_run && after_comma && doc.lower(t).ends_with('.') {
                continue;
            }
            let Some(mention) = subject_before(doc, t + 1, sentence_start) else {
                continue;
            };
            let MentionKind::Person { name, role, gender } = mention.kind else {
                continue;
            };
            // "avoid State Highway 146", "Interstate 95", "Room 101": a name right before a number
            // names a road or a place, not a person.
            let numbered =
                doc.is_word(t + 1) && doc.chars.get(doc.tokens[t + 1].start()).is_some_and(char::is_ascii_digit);
            let names_an_organisation = doc.is_word(t + 1) && lexicon::is_org_head(doc.lower(t + 1)) || numbered;
            // "through the Aspen Flats trailer park": a name between "the" and a lowercase noun
            // names a place or a thing, not a person.
            let m0 = mention.tokens.0;
            // "replaced the minor-league Mud Hens in his affections": a lowercase modifier may
            // stand between "the" and the name.
            // "gave her a Kodak Brownie camera": "a" or "an" before the name does the same.
            let article = |u: usize| matches!(doc.lower(u), "the" | "a" | "an");
            let modified = m0 > 1
                && article(m0 - 2)
                && doc.is_word(m0 - 1)
                && !doc.is_capitalized(m0 - 1)
                && !lexicon::is_role_noun(doc.lower(m0 - 1));
            let after_the = article(m0) || m0 > 0 && article(m0 - 1) || modified;
            let attributive = after_the
                && role.is_none()
                && doc.is_word(t + 1)
                && doc.outside(t + 1)
                && !doc.is_capitalized(t + 1)
                && !is_verb_like(doc, t + 1)
                && !lexicon::is_connector(doc.lower(t + 1));
            if names_an_organisation || attributive {
                continue;
            }
            let bare = !name.contains(' ') && role.is_none();
            let clause_start = mention.tokens.0 == sentence_start
                || doc.is_punct(mention.tokens.0 - 1, ',')
                || (doc.is_word(mention.tokens.0 - 1)
                    && words::CLAUSE_START_WORDS.contains(doc.lower(mention.tokens.0 - 1)));
            let addressee = mention.tokens.0 > 0
                && doc.is_word(mention.tokens.0 - 1)
                && words::ADDRESSING_VERBS.contains(doc.lower(mention.tokens.0 - 1));
            // "Backstage, he told reporters": a word opening the sentence before a comma and a
            // pronoun is an introduction, not a name.
            let introduces_pronoun = doc.is_word(t + 2) && lexicon::is_pronoun(doc.lower(t + 2));
            let subject = addressee
                || clause_start
                    && (is_verb_like(doc, t + 1)
                        || (mention.tokens.0 == sentence_start && doc.is_punct(t + 1, ',') && !introduces_pronoun));
            if bare && !subject {
                continue;
            }
            // "Boring does not win many rallies" after "a government that is boring": a word
            // that opens a sentence and is written in lowercase elsewhere is no name.
            if bare && mention.tokens.0 == sentence_start && mention.tokens.1 == t + 1 {
                let lowercase = lowercase_words.get_or_insert_with(|| {
                    (0..doc.tokens.len())
                        .filter(|u| doc.is_word(*u) && !doc.is_capitalized(*u))
                        .map(|u| doc.lower(u))
                        .collect::<HashSet<&str>>()
                });
                if lowercase.contains(doc.lower(t)) {
                    continue;
                }
            }
            let after_preposition = mention.tokens.0 > 0
                && doc.is_word(mention.tokens.0 - 1)
                && words::OBJECT_PREPOSITIONS.contains(doc.lower(mention.tokens.0 - 1));
            if after_preposition && role.is_none() {
                continue;
            }
            // "who had spent the evening needling President Trump and ribbing Matt Damon", "for
            // playing the politician Selina Meyer": the name after a verb in "-ing" is its object.
            let after_gerund = mention.tokens.0 > 0 && {
                let before = mention.tokens.0 - 1;
                let word = doc.lower(before);
                doc.is_word(before) && !doc.is_capitalized(before) && word.len() > 5 && word.ends_with("ing")
            };
            if after_gerund && !is_verb_like(doc, t + 1) {
                continue;
            }
            // "Sofia Lindgren, an Arctic campaigner for Greenpeace Nordic, was …": the name after
            // a role and "for" in an aside is where the person works, not a second person.
            let mut name_start = t;
            while name_start > mention.tokens.0.max(1) && doc.is_capitalized(name_start - 1) {
                name_start -= 1;
            }
            let workplace = name_start > 1
                && matches!(doc.lower(name_start - 1), "for" | "at" | "of" | "with")
                && !doc.is_capitalized(name_start - 2)
                && lexicon::is_role_noun(doc.lower(name_start - 2));
            if workplace {
                continue;
            }
            let key = person_key(&name);
            if !bare {
                self.entity_by_key.entry(key).or_default().push(self.entities.len());
            }
            // "Dante Morales, the mission’s principal investigator, …": the description in an aside
            // right after a full name, for "the principal investigator said" later.
            if !bare && role.is_none() && doc.is_punct(t + 1, ',') && doc.is_word(t + 2) {
                let opener = doc.lower(t + 2);
                let owner = doc.is_capitalized(t + 2) && is_possessive_word(opener);
                if opener == "the" || owner || words::POSSESSIVE_DETERMINERS.contains(opener) {
                    let mut end = t + 3;
                    while end < doc.tokens.len() && end < t + 10 && doc.is_word(end) && doc.outside(end) {
                        end += 1;
                    }
                    if end > t + 3 && doc.is_punct(end, ',') {
                        let words: Vec<String> = (t + 3..end).map(|u| doc.lower(u).to_string()).collect();
                        self.appositives.push((mention.span.start, name.clone(), words, gender));
                    }
                }
            }
            // "Kessel has always said Nana Pearl was drawn from life": a name that opens the clause
            // a subject before the verb reports, with its own verb after it, is spoken of. Not a
            // name with a first name of known gender: "Police said John Smith was arrested" names
            // someone a "he told reporters" after it may well mean.
            let m0 = mention.tokens.0;
            let cue = if m0 > 0 && doc.lower(m0 - 1) == "that" { m0 - 1 } else { m0 };
            let spoken_of = gender == Gender::Unknown
                && cue >= 2
                && doc.is_word(cue - 1)
                && lexicon::reporting_verb(doc.lower(cue - 1)) == Some(lexicon::Reports::Clause)
                && doc.is_word(cue - 2)
                && doc.outside(cue - 2)
                && doc.is_word(t + 1)
                && (lexicon::is_finite_verb(doc.lower(t + 1)) || lexicon::is_auxiliary(doc.lower(t + 1)));
            self.entities.push(Entity {
                at: mention.span.start,
                span: mention.span,
                name,
                role,
                role_lower: OnceCell::new(),
                gender,
                bare,
                spoken_of,
            });
        }
    }

    /// "Halvorsen Foods Inc agreed to buy Brightwater Dairy Co … Halvorsen Chief Executive Marcus
    /// Engqvist said … The company said": a company named in full is named again by its first
    /// word alone, and "the company" stands for the one named last, by either name. Records each
    /// later mention by the first word, outside quotes, as a mention of the company.
    fn note_short_names(&mut self, doc: &Doc) {
        let mut by_first: HashMap<String, (usize, String, String)> = HashMap::new();
        for (at, name, head) in &self.organisations {
            let Some((first, _)) = name.split_once(' ') else { continue };
            let first = first.to_lowercase();
            if words::COMPANY_HEADS.contains(head) && !lexicon::is_non_name_capital(&first) {
                by_first.entry(first).or_insert_with(|| (*at, name.clone(), head.clone()));
            }
        }
        if by_first.is_empty() {
            // (Kept in text order all the same: "… (FEHD)" comes after its name's start.)
            self.organisations.sort_by_key(|o| o.0);
            return;
        }
        let mut again = Vec::new();
        for t in 0..doc.tokens.len() {
            if !doc.is_capitalized(t) || !doc.outside(t) {
                continue;
            }
            let word = doc.lower(t);
            let word = word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")).unwrap_or(word);
            let at = doc.tokens[t].start();
            if let Some((_, name, head)) = by_first.get(word).filter(|o| o.0 < at) {
                again.push((at, name.clone(), head.clone()));
            }
        }
        self.organisations.extend(again);
        self.organisations.sort_by_key(|o| o.0);
    }

    /// Cue subjects and named people in text order.
    fn candidates(&self, events: &[Event]) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = events
            .iter()
            .map(|e| Candidate {
                at: e.at,
                mention: e.mention.clone(),
                weak: false,
                speaks: true,
                addressed: e.addressed,
                spoken_of: false,
            })
            .collect();
        out.extend(self.entities.iter().map(|e| Candidate {
            at: e.at,
            mention: Mention {
                span: e.span,
                tokens: (0, 0),
                kind: MentionKind::Person { name: e.name.clone(), role: e.role.clone(), gender: e.gender },
            },
            weak: e.bare,
            speaks: false,
            addressed: None,
            spoken_of: e.spoken_of,
        }));
        out.sort_by_key(|c| c.at);
        out
    }

    /// The full mention of a name: for a bare surname the nearest earlier full mention (else
    /// the first later one); for a full name only a mention of the same name.
    fn entity_for(&self, key: &str, name: &str, at: usize) -> Option<&Entity> {
        let list = self.entity_by_key.get(key)?;
        let single = !name.contains(' ');
        let fits = |e: &&Entity| single || e.name.eq_ignore_ascii_case(name);
        let end = list.partition_point(|i| self.entities[*i].at <= at);
        // "Katerina Vesely … Vesely said … her father, Pavel Vesely, … Vesely said": a surname
        // alone keeps standing for whom it stood for before, not for the relative named since.
        let established = self.bare_surnames.get(key).filter(|_| single).and_then(|full| {
            list[..end].iter().rev().map(|i| &self.entities[*i]).find(|e| e.name.eq_ignore_ascii_case(full))
        });
        if established.is_some() {
            return established;
        }
        // "said Ray Kowalski, the local's president … Dana Kowalski, who is not related … Kowalski
        // said": a surname alone, never read before, stands for the first person of that name.
        let first = list[..end].iter().map(|i| &self.entities[*i]).find(|e| single && e.name.contains(' '));
        if first.is_some() {
            return first;
        }
        let before = list[..end].iter().rev().map(|i| &self.entities[*i]).find(fits);
        before.or_else(|| list[end..].iter().map(|i| &self.entities[*i]).find(fits))
    }

    fn cluster_for(&mut self, mention: &Mention, at: usize) -> Option<usize> {
        match &mention.kind {
            MentionKind::Pronoun { .. } => None,
            MentionKind::Person { name, role, gender } => match self.newspaper(name, at) {
                Some(paper) => Some(self.organisation(&paper)),
                // "National Water Authority (ANA)" named before, then "Peru's National Water
                // Authority said": a title word read before the name is part of the organisation's
                // name.
                None => match role.as_ref().and_then(|r| self.titled_organisation(r, name)) {
                    Some(i) => Some(i),
                    None => Some(self.person(name, role.clone(), *gender, at)),
                },
            },
            MentionKind::Organisation { name } => {
                if let Some(paper) = self.newspaper(name, at) {
                    return Some(self.organisation(&paper));
                }
                // "the company", and "the Massachusetts-based company": a lowercase head after
                // modifiers joined by hyphens.
                let (modifiers, head) = name.rsplit_once(' ').unwrap_or(("", name));
                let generic = head.chars().all(|c| c.is_lowercase())
                    && modifiers.split_whitespace().all(|w| w.contains('-') || w.chars().all(char::is_lowercase))
                    && (modifiers.is_empty() || lexicon::is_org_head(head));
                // "Members of United Steelworkers (USW) …" then "the union said": with no
                // organisation of that kind named, one named with its initials in brackets whose
                // name says no kind is of any kind but a company's.
                let unkinded = || {
                    let end = self.unkinded.partition_point(|o| o.0 < at);
                    let latest = self.unkinded[..end].last().filter(|o| at - o.0 <= 2 * ORGANISATION_WINDOW);
                    latest.filter(|_| !words::COMPANY_DESCRIPTIONS.contains(head)).map(|o| o.1.clone())
                };
                let named = generic.then(|| self.named_organisation(head, at).or_else(unkinded)).flatten();
                // "the campaign said" after "Kettering's campaign": the candidate speaks.
                if let Some(candidate) = named.as_deref().filter(|_| words::CAMPAIGN_NOUNS.contains(name)) {
                    let candidate = candidate.to_string();
                    let gender = lexicon::first_name_gender(&candidate.to_lowercase());
                    return Some(self.person(&candidate, None, gender, at));
                }
                Some(self.organisation(named.as_deref().unwrap_or(name)))
            }
            MentionKind::Description { text, head, country } => {
                if let Some(org) = self.spoken_for(text, head, at) {
                    return Some(self.organisation(&org));
                }
                Some(self.description(text, head, *country, at))
            }
        }
    }

    /// "A spokesperson for Northfield Systems", "a spokesman for the department" (after "the
    /// Department for … (Defra)"): an unnamed holder of a role that speaks for an organisation is
    /// that organisation speaking.
    fn spoken_for(&self, text: &str, head: &str, at: usize) -> Option<String> {
        if !words::SPOKES_ROLES.contains(head) {
            return None;
        }
        let Some((_, rest)) = text.split_once(" for ") else {
            // "Bayer, which makes Bayer Aspirin, said …" then "A company spokesman said": the
            // company of that kind named last, else the one that spoke last nearby.
            let kind = text.to_lowercase().split_whitespace().rev().nth(1)?.to_string();
            if !words::COMPANY_DESCRIPTIONS.contains(&kind) {
                return None;
            }
            return self.named_organisation(&kind, at).or_else(|| self.speaking_organisation(at));
        };
        let rest = rest.trim_end_matches([',', '.']);
        let bare = rest.strip_prefix("the ").or_else(|| rest.strip_prefix("The ")).unwrap_or(rest);
        if bare.starts_with(char::is_uppercase) {
            return Some(bare.to_string());
        }
        if bare.contains(' ') || !lexicon::is_org_head(bare) {
            return None;
        }
        // "Hebridean Sea Link said …. A spokeswoman for the company said": as for "a company
        // spokeswoman", with no company named by a company's head, the one that spoke last.
        self.named_organisation(bare, at).or_else(|| {
            words::COMPANY_DESCRIPTIONS
                .contains(bare)
                .then(|| self.speaking_organisation(at).or_else(|| self.company_named_as_person(at)))
                .flatten()
        })
    }

    /// Finds or creates the cluster of a person. Full names key clusters, so "Michelle Obama"
    /// and "President Obama" stay apart; a bare surname joins its nearest full mention.
    fn person(&mut self, name: &str, role: Option<String>, gender: Gender, at: usize) -> usize {
        let knighted = self.knighted_full_name(name, at).or_else(|| self.given_name_full_name(name, at));
        let name = knighted.as_deref().unwrap_or(name);
        let surname = person_key(name);
        let (mut full, mut role, mut gender) = (name.to_string(), role, gender);
        if let Some(entity) = self.entity_for(&surname, name, at) {
            if entity.name.split_whitespace().count() > full.split_whitespace().count() {
                full = entity.name.clone();
            }
            role = role.or_else(|| entity.role.clone());
            if gender == Gender::Unknown {
                gender = entity.gender;
            }
            if !name.contains(' ') {
                self.bare_surnames.insert(surname.clone(), entity.name.clone());
            }
        }
        if gender == Gender::Unknown {
            // "Sir Michael Wilshaw" is a man by his honorific, "Hillary Clinton" a woman by her name.
            gender = full.split_whitespace().next().map_or(Gender::Unknown, |w| {
                let word = w.to_lowercase();
                match lexicon::honorific_gender(&word) {
                    Gender::Unknown => lexicon::first_name_gender(&word),
                    known => known,
                }
            });
        }
        let full_key = format!("p:{}", full.to_lowercase());
        let multi = full.contains(' ');
        let bare_cluster =
            self.by_key.get(&surname).copied().filter(|i| !self.clusters[*i].name.contains(' ')).filter(|i| {
                match (&self.clusters[*i].role, &role) {
                    // "President Obama" is not "First lady Michelle Obama".
                    (Some(old), Some(new)) => new.to_lowercase().contains(&old.to_lowercase()),
                    (Some(_), None) => false,
                    (None, _) => true,
                }
            });
        let existing = match self.by_key.get(&full_key).copied() {
            Some(i) => Some(i),
            None if multi => bare_cluster,
            None => self.by_surname.get(&surname).copied(),
        };
        let i = match existing {
            Some(i) => {
                let cluster = &mut self.clusters[i];
                if multi && !cluster.name.contains(' ') {
                    cluster.name = full;
                }
                if cluster.role.is_none() {
                    cluster.role = role;
                }
                if self.genders[i] == Gender::Unknown {
                    self.genders[i] = gender;
                }
                add_alias(cluster, name);
                self.by_key.insert(full_key, i);
                i
            }
            None => {
                let mut cluster =
                    SpeakerCluster { name: full, role, aliases: Vec::new(), is_organisation: false, side: None };
                add_alias(&mut cluster, name);
                self.push(full_key, cluster, gender)
            }
        };
        self.by_surname.insert(surname, i);
        i
    }

    /// "7-year-old Mateo Alvarez … “…,” Mateo said": one name that is nobody's surname but the
    /// first name of a full name written before stands for that full name, the nearest one.
    fn given_name_full_name(&self, name: &str, at: usize) -> Option<String> {
        if name.contains(' ') || self.entity_by_key.contains_key(&person_key(name)) {
            return None;
        }
        let end = self.entities.partition_point(|e| e.at < at);
        let fits = |e: &&Entity| {
            let mut words = e.name.split_whitespace();
            !e.bare && words.next() == Some(name) && words.next().is_some() && e.name.split_whitespace().count() == 2
        };
        let nearby = self.entities[..end].iter().rev().take_while(|e| at - e.at <= ORGANISATION_WINDOW).find(fits);
        if let Some(e) = nearby {
            return Some(e.name.clone());
        }
        // "Eli Kruse, a senior, won …" at the top of a long story, then "Eli said" at its end: further
        // back, the full name counts when it is the only one with that first name there.
        let mut further = self.entities[..end]
            .iter()
            .rev()
            .take_while(|e| at - e.at <= FIRST_NAME_REACH)
            .filter(fits)
            .map(|e| e.name.as_str());
        if let Some(first) = further.next() {
            return further.all(|other| other == first).then(|| first.to_string());
        }
        // "Tamika Greer … Her son, Jaylen, 9, … “…,” Jaylen said": a first name set alone beside
        // a relative's noun takes the surname of the full name written just before it.
        let split = self.first_named_relatives.partition_point(|r| r.0 < at);
        let (named_at, _) = self.first_named_relatives[..split]
            .iter()
            .rev()
            .take_while(|r| at - r.0 <= ORGANISATION_WINDOW)
            .find(|r| r.1 == name)?;
        let before = self.entities.partition_point(|e| e.at < *named_at);
        let owner = self.entities[..before]
            .iter()
            .rev()
            .take_while(|e| named_at - e.at <= ORGANISATION_WINDOW)
            .find(|e| !e.bare && e.name.split_whitespace().count() == 2)?;
        let surname = owner.name.split_whitespace().last()?;
        Some(format!("{name} {surname}"))
    }

    /// "Sir Michael" and "Dame Judi" use the first name: the full name ("Sir Michael Wilshaw")
    /// is the nearest earlier full mention with that first name.
    fn knighted_full_name(&self, name: &str, at: usize) -> Option<String> {
        let (title, first) = name.split_once(' ')?;
        if first.contains(' ') || !matches!(title.to_lowercase().as_str(), "sir" | "dame") {
            return None;
        }
        let given = |full: &str| {
            let mut words = full.split_whitespace().skip_while(|w| w.eq_ignore_ascii_case(title));
            words.next() == Some(first) && words.next().is_some()
        };
        let end = self.entities.partition_point(|e| e.at < at);
        self.entities[..end].iter().rev().find(|e| !e.bare && given(&e.name)).map(|e| e.name.clone())
    }

    /// Records the organisation whose capitalized name ends at token `t` ("Judicial Crisis Network"),
    /// with the head noun at token `head`.
    fn name_organisation(&mut self, doc: &Doc, t: usize, head: usize) {
        let mut start = t;
        while start > 0 && t - start < 8 {
            let u = start - 1;
            // "Carrick Tire & Rubber Co.": an ampersand between capitals joins one name.
            let ampersand = doc.is_punct(u, '&') && u > 0 && doc.is_capitalized(u - 1);
            let joins = ampersand
                || doc.is_word(u)
                    && doc.outside(u)
                    && (doc.is_capitalized(u)
                        || (words::ORG_NAME_JOINERS.contains(doc.lower(u)) && u > 0 && doc.is_capitalized(u - 1)));
            if !joins || lexicon::is_sentence_function_word(doc.lower(u)) && doc.is_capitalized(u) {
                break;
            }
            start = u;
        }
        if doc.lower(start) == "the" {
            start += 1;
        }
        if start < t {
            let name = doc.text(doc.tokens[start].start(), doc.tokens[t].end());
            let name = name.strip_suffix("’s").or_else(|| name.strip_suffix("'s")).unwrap_or(&name);
            let head = doc.lower(head);
            let head = head.strip_suffix("’s").or_else(|| head.strip_suffix("'s")).unwrap_or(head);
            self.organisations.push((doc.tokens[start].start(), name.to_string(), head.to_string()));
        }
    }

    /// "Institutional Shareholder Services Inc., or ISS,": the name of two or more capitalized
    /// words that ends at token `t` and the initials after ", or" that spell it (a company's
    /// "Inc." aside) are one organisation, named by both.
    fn or_initials(&mut self, doc: &Doc, t: usize) {
        let comma = if doc.is_punct(t + 1, '.') { t + 2 } else { t + 1 };
        if !doc.is_punct(comma, ',') || !doc.is_word(comma + 1) || doc.lower(comma + 1) != "or" {
            return;
        }
        if !doc.is_word(comma + 2) || !doc.is_punct(comma + 3, ',') {
            return;
        }
        let short = doc.text(doc.tokens[comma + 2].start(), doc.tokens[comma + 2].end()).to_string();
        if !is_acronym(&short) {
            return;
        }
        let start = capitalized_name_start(doc, t, 0);
        let full = doc.text(doc.tokens[start].start(), doc.tokens[comma - 1].end()).to_string();
        let lower_short = short.to_lowercase();
        let Some(spelled) = initials(&full) else { return };
        let company = spelled.len() == lower_short.len() + 1 && words::COMPANY_HEADS.contains(doc.lower(t));
        if spelled != lower_short && !(company && spelled.starts_with(&lower_short)) {
            return;
        }
        let i = self.organisation(&full);
        self.by_initials.entry(lower_short).or_insert(i);
        self.organisation(&short);
    }

    /// "The group said": the organisation of that kind named last before `at`, if any.
    fn named_organisation(&self, generic: &str, at: usize) -> Option<String> {
        let any = words::GENERIC_ORG_HEADS.contains(generic);
        // "The company said": a company named by its full name ("Energy Transfer Partners").
        let company = words::COMPANY_DESCRIPTIONS.contains(generic);
        let named = self.organisations[..self.organisations.partition_point(|o| o.0 < at)]
            .iter()
            .rev()
            .take_while(|o| at - o.0 <= ORGANISATION_WINDOW)
            .find(|o| {
                o.2 == generic
                    || !words::CAMPAIGN_NOUNS.contains(&o.2) && (any || company && words::COMPANY_HEADS.contains(&o.2))
            })?;
        // "Hollister Markets said on Twitter that it had pulled every Frostline product. “…,” the
        // chain wrote.": a company named after another company as the subject of a cue, in the
        // same sentence, is what that company spoke of; "the company" stands for the one that spoke.
        if company && named.2 != generic {
            let sentence = |p: usize| self.sentence_starts.partition_point(|s| *s <= p);
            let here = |p: usize| p < named.0 && sentence(p) == sentence(named.0);
            let spoke = |name: &str| {
                self.organisation_events.iter().any(|e| here(e.0) && e.1 == name)
                    || self.person_events.iter().any(|e| here(e.0) && e.1 == name)
            };
            let speaker = self
                .organisations
                .iter()
                .find(|o| here(o.0) && o.1 != named.1 && words::COMPANY_HEADS.contains(&o.2) && spoke(&o.1));
            if let Some((_, name, _)) = speaker {
                return Some(name.clone());
            }
        }
        Some(named.1.clone())
    }

    /// "The paper wrote", "its editorial board said", "the News wrote": the newspaper named last
    /// before `at` (of that name for "the News"), which speaks for itself in an editorial.
    fn newspaper(&self, name: &str, at: usize) -> Option<String> {
        let words: Vec<&str> = name
            .split_whitespace()
            .filter(|w| !matches!(w.to_lowercase().as_str(), "the" | "its" | "their" | "this" | "our"))
            .collect();
        let last = words.last()?.to_lowercase();
        let described =
            words.iter().all(|w| !w.starts_with(char::is_uppercase)) && words::NEWSPAPER_DESCRIPTIONS.contains(&last);
        let capitalized = words.iter().all(|w| w.starts_with(char::is_uppercase));
        let by_name = capitalized && words::NEWSPAPER_HEADS.contains(&last);
        if !described && !by_name {
            return None;
        }
        // "the News" and "The Dallas Morning News" read as "Morning News" stand for the newspaper
        // whose full name ends so.
        let short = words.join(" ");
        let named = self.organisations[..self.organisations.partition_point(|o| o.0 <= at)]
            .iter()
            .rev()
            .take_while(|o| at - o.0 <= ORGANISATION_WINDOW)
            .find(|o| words::NEWSPAPER_HEADS.contains(&o.2) && (described || o.1.ends_with(&short)))
            .map(|o| o.1.clone());
        // "this newspaper wrote" in an editorial signed "By The Clarion Editorial Board": with no
        // newspaper named nearby, the paper that signs the piece speaks for itself.
        named.or_else(|| described.then(|| self.own_newspaper(at)).flatten())
    }

    /// The newspaper or editorial board named last before `at` ("By the Sentinel Editorial
    /// Board"), as the newspaper's name without its board.
    fn own_newspaper(&self, at: usize) -> Option<String> {
        let (_, name, head) = self.organisations[..self.organisations.partition_point(|o| o.0 <= at)]
            .iter()
            .rev()
            .find(|o| words::NEWSPAPER_HEADS.contains(&o.2) || words::NEWSPAPER_DESCRIPTIONS.contains(&o.2))?;
        if words::NEWSPAPER_HEADS.contains(head) {
            return Some(name.clone());
        }
        // "Sentinel Editorial Board": the words before the description name the paper.
        let paper: Vec<&str> = name
            .split_whitespace()
            .take_while(|w| !words::NEWSPAPER_DESCRIPTIONS.contains(&w.to_lowercase()))
            .collect();
        (!paper.is_empty()).then(|| paper.join(" "))
    }

    /// The organisation named before whose name is a title and a name read as a person's.
    fn titled_organisation(&self, role: &str, name: &str) -> Option<usize> {
        let role = after_owner(role).unwrap_or(role);
        self.by_key.get(&format!("o:{} {}", role, name).to_lowercase()).copied()
    }

    fn organisation(&mut self, name: &str) -> usize {
        let key = format!("o:{}", name.to_lowercase());
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        // "Peru's National Water Authority (ANA) said": the name after its owner's possessive,
        // named before, is the same organisation.
        if let Some(&i) = after_owner(name).and_then(|rest| self.by_key.get(&format!("o:{}", rest.to_lowercase()))) {
            return i;
        }
        // "The International Monetary Fund" and "the IMF" are one speaker, named by both:
        // "International Monetary Fund (IMF)".
        let acronym = is_acronym(name).then(|| name.to_lowercase());
        // "The Federal Aviation Administration inspected …" then "the FAA said": initials stand
        // for the organisation named in full anywhere before, brackets or not.
        if let Some(a) = acronym.as_ref().filter(|a| !self.by_initials.contains_key(*a)) {
            let full = self.organisations.iter().rev().find(|o| initials(&o.1).as_ref() == Some(a));
            if let Some(full) = full.map(|o| o.1.clone()) {
                self.organisation(&full);
            }
        }
        let initials = initials(name);
        let same = match (&acronym, &initials) {
            (Some(a), _) => self.by_initials.get(a).copied(),
            (None, Some(i)) => self.by_key.get(&format!("o:{i}")).copied(),
            (None, None) => None,
        };
        if let Some(i) = same {
            let cluster = &mut self.clusters[i];
            let (full, short) = if acronym.is_some() {
                (cluster.name.clone(), name)
            } else {
                (name.to_string(), cluster.name.as_str())
            };
            if !full.ends_with(')') {
                let both = format!("{full} ({short})");
                let old = std::mem::replace(&mut cluster.name, both);
                add_alias(cluster, &old);
            }
            add_alias(&mut self.clusters[i], name);
            self.by_key.insert(key, i);
            if let Some(i2) = initials {
                self.by_initials.insert(i2, i);
            }
            return i;
        }
        let cluster = SpeakerCluster {
            name: name.to_string(),
            role: None,
            aliases: Vec::new(),
            is_organisation: true,
            side: None,
        };
        let i = self.push(key, cluster, Gender::Unknown);
        if let Some(initials) = initials {
            self.by_initials.insert(initials, i);
        }
        i
    }

    /// Resolves "the Russian top diplomat" to the person whose title fits, nearest first.
    fn description(&mut self, text: &str, head: &str, country: Option<&'static str>, at: usize) -> usize {
        // Words such as "Virginia" in "the Virginia senator" must appear in the matched title.
        let qualifiers: Vec<String> = text
            .split_whitespace()
            .filter(|w| w.starts_with(char::is_uppercase))
            .map(|w| {
                let lower = w.to_lowercase();
                lower.trim_end_matches("’s").trim_end_matches("'s").to_string()
            })
            .filter(|w| {
                lexicon::country_of_word(w).is_none() && !lexicon::is_determiner(w) && !lexicon::is_role_noun(w)
            })
            .collect();
        let fits = |role: &str, lower: &str| {
            let qualified = qualifiers.iter().all(|q| lower.contains(q.as_str()));
            let office =
                qualified && (lower.contains(head) || lexicon::role_synonyms(head).iter().any(|s| lower.contains(s)));
            // The country is read only for a fitting office: reading it is the costly part.
            office && country.is_none_or(|a| country_of_text(role).is_none_or(|b| a == b))
        };
        let plural = head.ends_with('s');
        // "airport spokesman Perry Cooper said …" then "a hospital spokeswoman said": "a" brings
        // in someone new, not anyone named before.
        let indefinite = text.split(' ').next().is_some_and(|w| words::INDEFINITE_ARTICLES.contains(&w.to_lowercase()));
        let matched = (!plural)
            .then(|| {
                let split = self.entities.partition_point(|e| e.at <= at);
                // "Provost Michael Tarrant" is "the provost", though no list knows the title.
                let titled = |e: &Entity| {
                    e.role.is_none()
                        && e.name.split(' ').count() >= 3
                        && e.name.split(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(head))
                };
                let fitting = |e: &&Entity| {
                    e.role.as_deref().is_some_and(|role| fits(role, e.role_lower.get_or_init(|| role.to_lowercase())))
                        || titled(e)
                };
                let earlier =
                    self.entities[..split].iter().rev().take(DESCRIPTION_WINDOW).filter(|_| !indefinite).find(fitting);
                earlier.or_else(|| self.entities[split..].iter().take(DESCRIPTION_WINDOW).find(fitting))
            })
            .flatten()
            .map(|e| (e.name.clone(), e.role.clone(), e.gender, e.at));
        if let Some((name, role, gender, entity_at)) = matched {
            let i = self.person(&name, role, gender, entity_at);
            add_alias(&mut self.clusters[i], text);
            return i;
        }
        if let Some(i) = self.relative(text, head, at) {
            add_alias(&mut self.clusters[i], text);
            return i;
        }
        if let Some(i) = self.family_group(text, head, at) {
            return i;
        }
        let bare = lexicon::strip_article(text);
        let definite = bare.len() != text.len() && text.to_lowercase().starts_with("the ");
        if definite {
            // "Dante Morales, the mission’s principal investigator, …" then "the principal
            // investigator said": the person named with that description in an aside before.
            let wanted: Vec<String> = bare.to_lowercase().split_whitespace().map(str::to_string).collect();
            let end = self.appositives.partition_point(|a| a.0 < at);
            let named = self.appositives[..end]
                .iter()
                .rev()
                .take_while(|a| at - a.0 <= ORGANISATION_WINDOW)
                .find(|a| !plural && a.2.last() == wanted.last() && a.2.ends_with(&wanted))
                .map(|a| (a.0, a.1.clone(), a.3));
            if let Some((named_at, name, gender)) = named {
                let i = self.person(&name, None, gender, named_at);
                add_alias(&mut self.clusters[i], text);
                return i;
            }
            if let Some(&i) = self.description_heads.get(head) {
                add_alias(&mut self.clusters[i], text);
                return i;
            }
            // "A source at the regulator, who asked not to be named, said …" then "the source
            // said": an unnamed person introduced by "a" or "one" is the one "the" goes back to.
            if let Some((first_at, first, country)) = self.introduced_description(head, at) {
                let i = self.description(&first, head, country, first_at);
                add_alias(&mut self.clusters[i], text);
                return i;
            }
            // With no title to match, "the senator" is the nearest named speaker before it. A
            // person only named in its own sentence ("Asked about Governor Ruth Mills, the
            // senator said") is whom it speaks of.
            let split = self.person_events.partition_point(|e| e.0 < at);
            let speaker = split.checked_sub(1).map(|i| self.person_events[i].clone());
            let own_sentence =
                self.sentence_starts[..self.sentence_starts.partition_point(|s| *s <= at)].last().copied().unwrap_or(0);
            let named = self.entities[..self.entities.partition_point(|e| e.at < own_sentence)]
                .last()
                .map(|e| (e.at, e.name.clone(), e.role.clone(), e.gender));
            let previous = match (speaker, named) {
                (Some(s), Some(n)) => Some(if n.0 > s.0 { n } else { s }),
                (s, n) => s.or(n),
            };
            // "the prime minister said" went to Hartley, the speaker before it; "the prime
            // minister's official spokesman" later, after a backbencher without that title spoke,
            // still stands for Hartley.
            let key = bare.to_lowercase();
            let titled = |role: &Option<String>| role.as_ref().is_some_and(|r| r.to_lowercase().contains(head));
            if let Some(&i) =
                self.definite_people.get(&key).filter(|_| !previous.as_ref().is_some_and(|p| titled(&p.2)))
            {
                add_alias(&mut self.clusters[i], text);
                return i;
            }
            // "the gunman demanded money … “…,” the gunman said": a noun no list has, used
            // before for someone unnamed, goes on naming that one, not the speaker before it.
            let unnamed = self.unnamed_uses.get(head).is_some_and(|first| *first < at);
            let title = lexicon::is_role_noun(head) || !unnamed;
            if let Some((_, name, role, gender)) = previous.filter(|_| !plural && title) {
                let i = self.person(&name, role, gender, at);
                add_alias(&mut self.clusters[i], text);
                if lexicon::is_role_noun(head) {
                    self.definite_people.insert(key, i);
                }
                return i;
            }
        }
        let key = format!("d:{}", bare.to_lowercase());
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        let cluster = SpeakerCluster {
            name: bare.to_string(),
            role: None,
            aliases: vec![text.to_string()],
            is_organisation: false,
            side: country.map(str::to_string),
        };
        let i = self.push(key, cluster, Gender::Unknown);
        self.description_heads.insert(head.to_string(), i);
        i
    }

    /// "“…,” Tyler Brandt said. … “…,” his brother said": a relative described by a possessive
    /// is the name set beside that relative's noun nearby ("Her mother, Denise Monroe,"), else
    /// one who spoke nearby as that relative ("His wife, Ana, said"), else the person named
    /// nearby with the surname of the one who spoke last, other than that one, nearest first.
    fn relative(&mut self, text: &str, head: &str, at: usize) -> Option<usize> {
        let possessive =
            text.split(' ').next().is_some_and(|w| words::POSSESSIVE_DETERMINERS.contains(&w.to_lowercase()));
        if !possessive || !words::KIN_NOUNS.contains(head) {
            return None;
        }
        // "Her mother, Denise Monroe, spoke …. “…,” her mother said": the name set beside that
        // relative's noun nearby.
        let end = self.named_relatives.partition_point(|r| r.0 < at);
        let beside = self.named_relatives[..end]
            .iter()
            .rev()
            .take_while(|r| at - r.0 <= ORGANISATION_WINDOW)
            .find(|r| r.2 == head)
            .map(|r| (r.0, r.1.clone()));
        if let Some((named_at, name)) = beside {
            let gender = lexicon::first_name_gender(&name.split(' ').next().unwrap_or("").to_lowercase());
            return Some(self.person(&name, None, gender, named_at));
        }
        let split = self.person_events.partition_point(|e| e.0 < at);
        let (spoke_at, spoke, _, _) = self.person_events[..split].last()?;
        if at - spoke_at > ORGANISATION_WINDOW {
            return None;
        }
        // "His wife, Ana, said …. “…,” his wife said": one who spoke nearby as that relative.
        let as_relative = self.person_events[..split]
            .iter()
            .rev()
            .take_while(|e| at - e.0 <= ORGANISATION_WINDOW)
            .find(|e| e.2.as_ref().is_some_and(|r| r.to_lowercase().split_whitespace().any(|w| w == head)))
            .cloned();
        if let Some((named_at, name, role, gender)) = as_relative {
            return Some(self.person(&name, role, gender, named_at));
        }
        let key = person_key(spoke);
        let full = self.entity_for(&key, spoke, *spoke_at).map_or(spoke.clone(), |e| e.name.clone());
        let kin = self
            .family_names
            .get(&key)
            .and_then(|names| {
                names
                    .iter()
                    .filter(|(_, name)| !name.eq_ignore_ascii_case(&full) && !name.eq_ignore_ascii_case(spoke))
                    .min_by_key(|(named_at, _)| named_at.abs_diff(at))
            })
            .cloned();
        // "Dante Morales … Carmen Morales, a geochemist, … “…,” his wife said", with someone of
        // another name between: the nearest name before, within the paragraph's reach, that shares
        // its surname with another full name before it.
        let shared = || {
            self.family_names
                .values()
                .filter(|names| {
                    names.iter().filter(|(p, _)| *p < at).map(|(_, n)| n.to_lowercase()).collect::<HashSet<_>>().len()
                        >= 2
                })
                .flat_map(|names| names.iter().filter(|(p, _)| *p < at && at - *p <= ORGANISATION_WINDOW / 10))
                .filter(|(_, name)| !name.eq_ignore_ascii_case(&full) && !name.eq_ignore_ascii_case(spoke))
                .max_by_key(|(p, _)| *p)
                .cloned()
        };
        let (named_at, name) = kin.or_else(shared)?;
        let gender = lexicon::first_name_gender(&name.split(' ').next().unwrap_or("").to_lowercase());
        Some(self.person(&name, None, gender, named_at))
    }

    /// "But the twins said …": relatives named only by "the" and a plural kin noun are the family
    /// whose surname at least two people named nearby before share, the latest named first
    /// ("the Kruse twins").
    fn family_group(&mut self, text: &str, head: &str, at: usize) -> Option<usize> {
        let definite = text.split(' ').next().is_some_and(|w| w.eq_ignore_ascii_case("the"));
        if !definite || text.split(' ').count() != 2 || !head.ends_with('s') || !words::KIN_NOUNS.contains(head) {
            return None;
        }
        let nearby = |p: usize| p < at && at - p <= ORGANISATION_WINDOW;
        let (_, name) = self
            .family_names
            .values()
            .filter(|names| {
                let distinct: HashSet<String> =
                    names.iter().filter(|(p, _)| nearby(*p)).map(|(_, n)| n.to_lowercase()).collect();
                distinct.len() >= 2
            })
            .filter_map(|names| names.iter().filter(|(p, _)| nearby(*p)).max_by_key(|(p, _)| *p))
            .max_by_key(|(p, _)| *p)?;
        let surname = name.split_whitespace().last()?;
        let group = format!("{surname} {head}");
        let key = format!("d:{}", group.to_lowercase());
        if let Some(&i) = self.by_key.get(&key) {
            return Some(i);
        }
        let cluster = SpeakerCluster {
            name: group,
            role: None,
            aliases: vec![text.to_string()],
            is_organisation: false,
            side: None,
        };
        Some(self.push(key, cluster, Gender::Unknown))
    }

    /// The named organisation that spoke last before `at`, nearby.
    fn speaking_organisation(&self, at: usize) -> Option<String> {
        let end = self.organisation_events.partition_point(|e| e.0 < at);
        let (org_at, name) = self.organisation_events[..end].last()?;
        (at - org_at <= ORGANISATION_WINDOW).then(|| name.clone())
    }

    /// "Cascade Power said crews had restored service … the utility said": with no company named
    /// as one, the latest speaker nearby whose name reads as a person's but has no first name, no
    /// title and no gender is the company.
    fn company_named_as_person(&self, at: usize) -> Option<String> {
        let end = self.person_events.partition_point(|e| e.0 < at);
        let (named_at, name, role, gender) = self.person_events[..end].last()?;
        // "Amazon said …" then "the retailer said": one word no full name ends in is a name too.
        let unknown = role.is_none()
            && *gender == Gender::Unknown
            && (name.contains(' ') || !self.entity_by_key.contains_key(&person_key(name)))
            && name.split_whitespace().all(|w| lexicon::first_name_gender(&w.to_lowercase()) == Gender::Unknown);
        (unknown && at - named_at <= ORGANISATION_WINDOW / 2).then(|| name.clone())
    }

    /// The latest indefinite description ("a source", "one mother") with head `head` that speaks
    /// before `at`, nearby.
    fn introduced_description(&self, head: &str, at: usize) -> Option<(usize, String, Option<&'static str>)> {
        let end = self.description_events.partition_point(|e| e.0 < at);
        self.description_events[..end]
            .iter()
            .rev()
            .take_while(|e| at - e.0 <= ORGANISATION_WINDOW)
            .find(|e| {
                let article = e.1.split(' ').next().unwrap_or("").to_lowercase();
                e.2 == head && words::INDEFINITE_ARTICLES.contains(&article)
            })
            .map(|e| (e.0, e.1.clone(), e.3))
    }

    fn push(&mut self, key: String, cluster: SpeakerCluster, gender: Gender) -> usize {
        let i = self.clusters.len();
        self.clusters.push(cluster);
        self.genders.push(gender);
        self.by_key.insert(key, i);
        i
    }

    /// A speaker for a group of quotes that names nobody: a pronoun's antecedent, else the
    /// previous speaker nearby.
    fn fallback(
        &mut self,
        first: usize,
        quotes: &[Found],
        speakers: &[Option<usize>],
        events: &[Candidate],
    ) -> Option<usize> {
        let quote = &quotes[first];
        let at = quote.span.start;
        if let Some(Mention { kind: MentionKind::Pronoun { word, gender }, span, .. }) = &quote.mention {
            // "Drummond put it to him: ‘Whose fault is that?’ ‘…,’ he replied.": the one who
            // answers a question quoted just before is not the one who asked it.
            let asker = (first > 0 && quote.cue.as_ref().is_some_and(|(cue, _)| words::REPLY_VERBS.contains(cue)))
                .then(|| first - 1)
                .filter(|p| quote.paragraph.saturating_sub(quotes[*p].paragraph) <= 1)
                .filter(|p| self.questions.get(*p).copied().unwrap_or(false))
                .and_then(|p| speakers[p]);
            // "He told KMOX Radio: “…”": a pronoun stands for someone named before the pronoun
            // itself, not for the addressee between it and the quote.
            self.asker = asker;
            return self.antecedent(word, *gender, at.min(span.start), quote.paragraph, quotes, events);
        }
        let nearby =
            || (0..first).rev().take(50).take_while(|p| quote.paragraph.saturating_sub(quotes[*p].paragraph) <= 1);
        // "“A,” Mrs. Clinton said, after Mr. Trump accused her of “acid washed” emails. “B.”": a
        // direct quote with no attribution goes on from the direct quote before it in its
        // paragraph, not from a partial quote in that quote's reporting clause.
        let direct_before = (quote.kind == QuoteKind::Direct)
            .then(|| {
                nearby()
                    .take_while(|p| quotes[*p].paragraph == quote.paragraph)
                    .find(|p| quotes[*p].kind == QuoteKind::Direct)
                    .filter(|d| (d + 1..first).all(|p| quotes[p].kind == QuoteKind::Partial))
                    .and_then(|p| speakers[p].map(|s| (p, s)))
            })
            .flatten();
        let previous = direct_before.or_else(|| nearby().find_map(|p| speakers[p].map(|s| (p, s))));
        let end = before(events, at).len();
        let nearest = (end.saturating_sub(PRONOUN_LOOKBACK)..end).rev().find(|i| !events[*i].weak);
        if let Some((p, speaker)) = previous {
            // Someone who speaks after the previous quote, in a later paragraph, says the quote
            // that follows (see `link_groups`).
            let after = quotes[p].span.end;
            let since = (end.saturating_sub(PRONOUN_LOOKBACK)..end)
                .rev()
                .take_while(|i| events[*i].at > after)
                .find(|i| events[*i].speaks)
                .filter(|_| quotes[p].paragraph < quote.paragraph);
            if let Some(cluster) = since.and_then(|i| self.candidate_cluster(events, i)) {
                return Some(cluster);
            }
            return Some(speaker);
        }
        self.candidate_cluster(events, nearest?)
    }

    /// The cluster of a candidate, computed once.
    fn candidate_cluster(&mut self, events: &[Candidate], i: usize) -> Option<usize> {
        if let Some(known) = self.memo.get(i).copied().flatten() {
            return known;
        }
        let cluster = self.cluster_for(&events[i].mention, events[i].at);
        if let Some(slot) = self.memo.get_mut(i) {
            *slot = Some(cluster);
        }
        cluster
    }

    fn antecedent(
        &mut self,
        word: &str,
        gender: Gender,
        at: usize,
        paragraph: u32,
        quotes: &[Found],
        events: &[Candidate],
    ) -> Option<usize> {
        let asker = self.asker.take();
        // "we wrote" in the writer's own voice: an editorial board speaks for its newspaper.
        if word == "we" {
            if let Some(paper) = self.own_newspaper(at) {
                return Some(self.organisation(&paper));
            }
        }
        // "He", "she" (the pronouns with a gender) and "I" stand for a person.
        let wants_person = gender != Gender::Unknown || word == "i";
        let end = before(events, at).len();
        let window: Vec<usize> = (end.saturating_sub(PRONOUN_LOOKBACK)..end).rev().collect();
        let order = window;
        for &e in &order {
            if events[e].spoken_of {
                continue;
            }
            let Some(i) = self.candidate_cluster(events, e) else {
                continue;
            };
            let person = !self.clusters[i].is_organisation;
            // "a Nashville executive who once told her to …": whoever told "her" is not "she".
            let addressee =
                gender != Gender::Unknown && self.genders[i] == Gender::Unknown && events[e].addressed == Some(gender);
            if (person == wants_person || word == "i")
                && compatible(self.genders[i], gender)
                && !addressee
                && asker != Some(i)
            {
                if self.genders[i] == Gender::Unknown {
                    self.genders[i] = gender;
                }
                return Some(i);
            }
        }
        // A forward reference: "She added, “…” … Samantha Power said."
        let next_quote = quotes.partition_point(|q| q.span.start <= at);
        let paragraph_end =
            quotes[next_quote..].iter().find(|q| q.paragraph > paragraph).map_or(usize::MAX, |q| q.span.start);
        let start = before(events, at + 1).len();
        let later: Vec<usize> = (start..events.len().min(start + PRONOUN_LOOKBACK))
            .filter(|i| events[*i].at < paragraph_end && !events[*i].weak)
            .collect();
        for e in later {
            let Some(i) = self.candidate_cluster(events, e) else {
                continue;
            };
            if !self.clusters[i].is_organisation && compatible(self.genders[i], gender) {
                return Some(i);
            }
        }
        None
    }

    /// "“Whose handwriting is on this check?” Cho asked.¶“Mine.”¶“And who signed it?”": in an
    /// exchange of paragraphs with no cue, the one who answers a question is not its asker but
    /// the person who spoke last before the asker, and the next question is the asker's again.
    fn answer_questions(&self, quotes: &[Found], speakers: &mut [Option<usize>]) {
        let uncued = |i: usize| {
            let q = &quotes[i];
            q.mention.is_none() && q.kind == QuoteKind::Direct && i > 0 && q.paragraph == quotes[i - 1].paragraph + 1
        };
        let asked = |i: usize| self.questions.get(i).copied().unwrap_or(false);
        // A question put to someone ("Cho asked"), not one said aloud ("said Maria Lopez"),
        // after which the next paragraph goes on in the same voice.
        let put = |i: usize| quotes[i].cue.as_ref().is_some_and(|(cue, _)| words::ASKING_VERBS.contains(cue));
        for i in 1..quotes.len() {
            if !uncued(i) {
                continue;
            }
            if asked(i - 1) && put(i - 1) && !asked(i) {
                let asker = speakers[i - 1];
                let answerer = (i.saturating_sub(12)..i - 1)
                    .rev()
                    .filter_map(|p| speakers[p])
                    .find(|s| Some(*s) != asker && !self.clusters[*s].is_organisation);
                if let Some(answerer) = answerer.filter(|_| asker.is_some()) {
                    speakers[i] = Some(answerer);
                }
            } else if asked(i) && i >= 2 && asked(i - 2) && put(i - 2) && !asked(i - 1) && uncued(i - 1) {
                speakers[i] = speakers[i - 2];
            }
        }
    }

    /// Suggests a side from the role, the name, the aliases and finally from a partial quote
    /// that a person's full quote repeats ("the United States called it “barbarism”").
    fn suggest_sides(&mut self, quotes: &[Found], speakers: &[Option<usize>], doc: &Doc) {
        for cluster in &mut self.clusters {
            if cluster.side.is_none() {
                cluster.side = side_from_names(cluster);
            }
        }
        for (i, quote) in quotes.iter().enumerate() {
            if quote.kind != QuoteKind::Partial {
                continue;
            }
            let Some(side) = speakers[i].and_then(|c| self.clusters[c].side.clone()) else {
                continue;
            };
            let window = i.saturating_sub(4)..(i + 5).min(quotes.len());
            for j in window {
                let Some(c) = speakers[j] else { continue };
                if quotes[j].kind != QuoteKind::Direct || self.clusters[c].side.is_some() {
                    continue;
                }
                let full = doc.text(quotes[j].span.start, quotes[j].span.end).to_lowercase();
                let repeats = quote.marked.iter().any(|m| {
                    let fragment = doc.text(m.start, m.end).to_lowercase();
                    fragment.chars().count() >= 4 && full.contains(fragment.trim_end_matches(['.', ',']))
                });
                if repeats {
                    self.clusters[c].side = Some(side.clone());
                }
            }
        }
    }

    /// Resolves the speakers of paraphrases once every quote has its speaker, so that the
    /// quotes' speakers, clusters and sides come out exactly as without them: a cluster that a
    /// paraphrase finds is used as it is, and one it creates goes after the others.
    fn paraphrase_speakers(
        &mut self,
        doc: &Doc,
        paraphrases: &[Found],
        quotes: &[Found],
        candidates: &[Candidate],
    ) -> Vec<Option<usize>> {
        if paraphrases.is_empty() {
            return Vec::new();
        }
        let settled = self.clusters.clone();
        let speakers = paraphrases
            .iter()
            .map(|p| {
                // The mention, not the span, marks the place: in "He told Clinton the plan …"
                // the span starts after a name that is not the speaker.
                let mention = p.mention.as_ref()?;
                let at = mention.span.start;
                match &mention.kind {
                    MentionKind::Pronoun { word, gender } => {
                        self.antecedent(word, *gender, at, p.paragraph, quotes, candidates)
                    }
                    _ => match speaks_for_named(doc, mention) {
                        Some(org) => Some(self.organisation(&org)),
                        None => self.cluster_for(mention, at),
                    },
                }
            })
            .collect();
        // Names, roles and aliases read from paraphrases must not change the quotes' speakers.
        self.clusters[..settled.len()].clone_from_slice(&settled);
        for cluster in &mut self.clusters[settled.len()..] {
            if cluster.side.is_none() {
                cluster.side = side_from_names(cluster);
            }
        }
        speakers
    }

    /// Drops clusters that only appeared through unquoted cues and renumbers the rest: the
    /// speakers of quotes first, in text order, then those only paraphrases have.
    fn finish(self, speakers: Vec<Option<usize>>, paraphrases: Vec<Option<usize>>) -> Resolved {
        let mut renumber = vec![usize::MAX; self.clusters.len()];
        let mut clusters = Vec::new();
        for c in speakers.iter().chain(&paraphrases).flatten() {
            if renumber[*c] == usize::MAX {
                renumber[*c] = clusters.len();
                clusters.push(self.clusters[*c].clone());
            }
        }
        let speakers = speakers.into_iter().map(|s| s.map(|c| renumber[c])).collect();
        let paraphrases = paraphrases.into_iter().map(|s| s.map(|c| renumber[c])).collect();
        Resolved { clusters, speakers, paraphrases }
    }
}

/// A side from the role, the organisation's name or an alias ("Russian Foreign Minister").
fn side_from_names(cluster: &SpeakerCluster) -> Option<String> {
    let from_role = cluster.role.as_deref().and_then(country_of_text);
    let from_name = cluster.is_organisation.then(|| country_of_text(&cluster.name)).flatten();
    let from_alias = || cluster.aliases.iter().find_map(|a| country_of_text(a));
    from_role.or(from_name).or_else(from_alias).map(str::to_string)
}

/// Tells whether the token after a bare name reads like a verb ("Rubio spoke", "Rubio said",
/// "Rubio has"): a finite verb, a regular inflection, or one of `verb_like_extras` ("Rubio himself").
fn is_verb_like(doc: &Doc, t: usize) -> bool {
    if !doc.is_word(t) || doc.is_capitalized(t) {
        return false;
    }
    let word = doc.lower(t);
    let inflected = word.ends_with("ed") || (word.ends_with('s') && !word.ends_with("ss"));
    let irregular = lexicon::is_finite_verb(word) || words::VERB_LIKE_EXTRAS.contains(word);
    (inflected || irregular) && !lexicon::is_connector(word) && !lexicon::is_determiner(word)
}

fn add_alias(cluster: &mut SpeakerCluster, alias: &str) {
    if alias != cluster.name && !cluster.aliases.iter().any(|a| a == alias) {
        cluster.aliases.push(alias.to_string());
    }
}
