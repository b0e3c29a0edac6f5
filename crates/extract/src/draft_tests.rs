//! Native tests of the draft: every edit the authoring view offers, and the article it builds.

use counterpoint_core::anchor::{anchor_article, AnchorStatus};
use counterpoint_core::validate::load_article;

use counterpoint_core::draft::{Bound, Draft, DraftQuote};
use counterpoint_core::model::{Article, QuoteKind};

use super::{extract_draft, set_paraphrases, starts_with_quote_mark, DraftExtraction, CONTEXT_BYTES, SLICE_BYTES};
use counterpoint_core::text::{is_quote_mark, Span};

/// Extracts direct and partial quotes, as the authoring view does by default.
fn extract_draft_plain(text: &str) -> Draft {
    extract_draft(text, false)
}

const SEED: &str = include_str!("../../../tests/data/russia-us-syria-2016.txt");

fn seed() -> Draft {
    extract_draft_plain(SEED)
}

fn speaker_id(draft: &Draft, name: &str) -> String {
    match draft.speakers.iter().find(|s| s.name.contains(name)) {
        Some(s) => s.id.clone(),
        None => panic!("no speaker {name} in {:?}", draft.speakers),
    }
}

/// Builds the article, checks it loads without errors and that every quote is found exactly
/// once in the body (a split quote piece by piece), and returns it.
fn check_article(draft: &Draft) -> Article {
    let article = draft.to_article();
    let json = serde_json::to_string(&article).unwrap_or_default();
    let report = load_article(&json);
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == counterpoint_core::validate::Severity::Error)
        .map(|d| d.message.clone())
        .collect();
    assert!(errors.is_empty(), "the draft's article has errors: {errors:?}");
    for (quote, anchor) in article.quotes.iter().zip(anchor_article(&article)) {
        // A split quote ("A … B") is found piece by piece; any other quote as written, once.
        let expected = if quote.text.contains(" … ") { AnchorStatus::Elided } else { AnchorStatus::Exact };
        assert_eq!(anchor.status, expected, "quote {} ({:?}) is not found once", quote.id, quote.text);
    }
    article
}

#[test]
fn the_seed_becomes_a_draft_with_its_speakers_and_sides() {
    let draft = seed();
    assert_eq!(draft.title, "Russia accuses the US of supporting terror groups in Syria");
    for name in ["Lavrov", "Power", "Churkin"] {
        let id = speaker_id(&draft, name);
        assert!(draft.quote_count(&id) > 0, "{name} has no quotes");
    }
    let side = |name: &str| draft.speaker(&speaker_id(&draft, name)).map(|s| draft.side_label(&s.side));
    assert_eq!(side("Lavrov").as_deref(), Some("Russia"));
    assert_eq!(side("Churkin").as_deref(), Some("Russia"));
    assert_eq!(side("Power").as_deref(), Some("United States"));
    let article = check_article(&draft);
    assert!(article.quotes.len() >= 9, "only {} quotes", article.quotes.len());
    assert!(article.quotes.iter().any(|q| q.text.contains("not counterterrorism it is barbarism")));
}

#[test]
fn a_draft_round_trips_through_json_exactly() {
    let mut draft = seed();
    let lavrov = speaker_id(&draft, "Lavrov");
    draft.rename_speaker(&lavrov, "Sergey Lavrov");
    draft.add_topic("Ceasefire");
    let json = draft.to_json();
    assert_eq!(Draft::from_json(&json), Some(draft));
    assert_eq!(Draft::from_json("{\"version\":99}"), None);
    assert_eq!(Draft::from_json("not json"), None);
}

#[test]
fn renaming_and_merging_speakers() {
    let mut draft = seed();
    let power = speaker_id(&draft, "Power");
    assert!(draft.rename_speaker(&power, "  Ambassador Power "));
    assert!(!draft.rename_speaker(&power, "   "), "an empty name is refused");
    assert!(!draft.rename_speaker("nobody", "X"));
    let article = check_article(&draft);
    assert!(article.speakers.iter().any(|s| s.id == power && s.name == "Ambassador Power"));

    let lavrov = speaker_id(&draft, "Lavrov");
    let churkin = speaker_id(&draft, "Churkin");
    let total = draft.quote_count(&lavrov) + draft.quote_count(&churkin);
    assert!(draft.merge_speakers(&churkin, &lavrov));
    assert_eq!(draft.quote_count(&lavrov), total);
    assert!(draft.speaker(&churkin).is_none());
    assert!(!draft.merge_speakers(&lavrov, &lavrov), "a speaker cannot merge into itself");
    check_article(&draft);
}

#[test]
fn sides_are_created_renamed_and_assigned() {
    let mut draft = seed();
    let power = speaker_id(&draft, "Power");
    let un = draft.add_side("United Nations").unwrap_or_default();
    assert_eq!(un, "united-nations");
    assert_eq!(draft.add_side(" "), None);
    assert!(draft.rename_side(&un, "The UN"));
    assert!(draft.set_speaker_side(&power, &un));
    assert!(!draft.set_speaker_side(&power, "no-such-side"));
    let first = draft.quotes[0].id.clone();
    let us = draft.sides.iter().find(|s| s.label == "United States").map(|s| s.id.clone()).unwrap_or_default();
    assert!(draft.set_quote_side(&first, Some(&us)));
    let article = check_article(&draft);
    assert!(article.sides.iter().any(|s| s.id == un && s.label == "The UN"));
    assert!(article.speakers.iter().any(|s| s.id == power && s.side == un));
    assert_eq!(article.quotes[0].side.as_deref(), Some(us.as_str()));
    assert!(draft.set_quote_side(&first, None));
    assert_eq!(draft.to_article().quotes[0].side, None);
}

#[test]
fn spans_are_corrected_within_the_text_and_quotes_deleted() {
    let mut draft = extract_draft_plain("“We will not leave,” the minister said on Monday.\n");
    assert_eq!(draft.quotes.len(), 1);
    let id = draft.quotes[0].id.clone();
    assert_eq!(draft.quote_text(&draft.quotes[0]), "We will not leave,");
    assert!(draft.nudge_quote(&id, Bound::End, -1));
    assert_eq!(draft.quote_text(&draft.quotes[0]), "We will not leave");
    assert!(draft.nudge_quote(&id, Bound::Start, 3));
    assert_eq!(draft.quote_text(&draft.quotes[0]), "will not leave");
    assert!(!draft.nudge_quote(&id, Bound::Start, -100), "a span cannot start before the text");
    assert!(!draft.nudge_quote(&id, Bound::End, 1000), "a span cannot run past the text");
    assert!(!draft.set_quote_span(&id, 5, 5), "a span cannot be empty");
    let article = check_article(&draft);
    assert_eq!(article.quotes[0].text, "will not leave");
    assert!(draft.delete_quote(&id));
    assert!(!draft.delete_quote(&id));
    assert!(draft.to_article().quotes.is_empty());
}

#[test]
fn topics_group_quotes_in_the_article() {
    let mut draft = seed();
    let ceasefire = draft.add_topic("Ceasefire").unwrap_or_default();
    let again = draft.add_topic("Ceasefire").unwrap_or_default();
    assert_ne!(ceasefire, again, "topic ids stay unique");
    assert!(draft.rename_topic(&again, "Arms"));
    let first = draft.quotes[0].id.clone();
    assert!(draft.toggle_quote_topic(&first, &ceasefire));
    assert!(!draft.toggle_quote_topic(&first, "no-such-topic"));
    let article = check_article(&draft);
    assert_eq!(article.quotes[0].topics, vec![ceasefire.clone()]);
    assert!(article.quotes[1].topics == vec!["other".to_owned()], "a quote without a topic goes to Other");
    assert!(article.topics.iter().any(|t| t.id == "other"));
    assert!(draft.toggle_quote_topic(&first, &ceasefire));
    assert!(draft.quotes[0].topics.is_empty());
    // With no topics at all, everything is under one "All quotes" topic.
    let plain = seed().to_article();
    assert_eq!(plain.topics.len(), 1);
    assert_eq!(plain.topics[0].label, "All quotes");
}

#[test]
fn new_text_keeps_the_users_names_sides_and_topics() {
    let mut draft = seed();
    let power = speaker_id(&draft, "Power");
    draft.rename_speaker(&power, "Amb. Samantha Power");
    let un = draft.add_side("UN").unwrap_or_default();
    draft.set_speaker_side(&power, &un);
    draft.add_topic("Aid");
    let next = draft.carry_over(extract_draft_plain(&format!("{SEED}\nShe added: “We will not stop.”\n")));
    let again = next.speaker(&power).cloned();
    assert_eq!(again.as_ref().map(|s| s.name.as_str()), Some("Amb. Samantha Power"));
    assert_eq!(again.map(|s| s.side), Some(un));
    assert_eq!(next.topics, draft.topics);
    check_article(&next);
}

#[test]
fn segments_cover_the_text_with_nested_quotes() {
    let mut draft = Draft { text: "abcdefghij".to_owned(), ..Draft::default() };
    let quote = |id: &str, start, end| DraftQuote {
        id: id.to_owned(),
        start,
        end,
        kind: QuoteKind::Direct,
        speaker: String::new(),
        side: None,
        topics: Vec::new(),
        gaps: Vec::new(),
        speaker_edited: false,
        span_edited: false,
    };
    draft.quotes = vec![quote("inner", 3, 5), quote("outer", 2, 8)];
    let got: Vec<(usize, usize, Vec<usize>)> = draft.segments().into_iter().map(|(s, q)| (s.start, s.end, q)).collect();
    assert_eq!(got, vec![(0, 2, vec![]), (2, 3, vec![1]), (3, 5, vec![1, 0]), (5, 8, vec![1]), (8, 10, vec![])],);
}

#[test]
fn empty_and_odd_text_never_panics() {
    for text in ["", "   ", "“", "\"\"\"", "a\n\n\n“b", "«»", "“unclosed quote, he said."] {
        let draft = extract_draft_plain(text);
        check_article(&draft);
        draft.segments();
    }
}

/// A long text is extracted in slices cut at blank lines: every copy of the seed yields the
/// same quotes at shifted offsets, and the speakers are not repeated per slice.
#[test]
fn a_long_text_is_extracted_in_slices_with_the_same_quotes() {
    let one = seed();
    let copies = SLICE_BYTES / SEED.len() + 2;
    let text = vec![SEED; copies].join("\n\n");
    let mut job = DraftExtraction::new(&text);
    let mut steps = 0;
    let mut last = 0.0;
    while !job.step() {
        steps += 1;
        assert!(job.progress() > last && job.progress() < 1.0);
        last = job.progress();
    }
    assert!(steps >= 1, "one slice for {} bytes", text.len());
    let draft = job.finish();
    assert_eq!(draft.quotes.len(), one.quotes.len() * copies);
    assert_eq!(draft.speakers.len(), one.speakers.len());
    let texts = |d: &Draft| {
        let chars: Vec<char> = d.text.chars().collect();
        d.quotes.iter().map(|q| chars[q.start..q.end].iter().collect()).collect::<Vec<String>>()
    };
    let repeat = |v: Vec<String>| (0..copies).flat_map(|_| v.clone()).collect::<Vec<_>>();
    assert_eq!(texts(&draft), repeat(texts(&one)));
    let names = |d: &Draft| d.quotes.iter().map(|q| d.speaker(&q.speaker).map(|s| s.name.clone())).collect::<Vec<_>>();
    let names_once = names(&one);
    assert_eq!(names(&draft), (0..copies).flat_map(|_| names_once.clone()).collect::<Vec<_>>());
}

/// A pronoun just past a slice cut finds the speaker named just before it, and a bare surname
/// slices later joins the full name: the slices read as one text.
#[test]
fn speakers_carry_across_slice_cuts() {
    // Not ASCII, so a mix-up of bytes and code points in the offsets shows.
    const FILLER: &str = "Les pourparlers à Genève ont continué tard dans la nuit.\n\n";
    const NAMED: &str = "Secretary of State John Kerry met European foreign ministers in Brussels on Monday.";
    let mut text = String::new();
    while text.len() + NAMED.len() < SLICE_BYTES + 2 {
        text.push_str(FILLER);
    }
    text.push_str(NAMED);
    text.push_str("\n\nAsked about the ceasefire, he said: “We will not give up on it.”\n\n");
    while text.len() < 3 * SLICE_BYTES {
        text.push_str(FILLER);
    }
    text.push_str("“The door is still open,” Kerry said.\n");
    let mut job = DraftExtraction::new(&text);
    assert!(!job.step());
    assert_eq!(Some(job.byte), text.find("Asked about"), "the first slice ends right after the paragraph naming Kerry");
    while !job.step() {}
    let draft = job.finish();
    let chars: Vec<char> = draft.text.chars().collect();
    let said: Vec<(String, String)> = draft
        .quotes
        .iter()
        .map(|q| {
            let name = draft.speaker(&q.speaker).map(|s| s.name.clone()).unwrap_or_default();
            (chars[q.start..q.end].iter().collect(), name)
        })
        .collect();
    assert_eq!(
        said,
        vec![
            ("We will not give up on it.".to_owned(), "John Kerry".to_owned()),
            ("The door is still open,".to_owned(), "John Kerry".to_owned()),
        ]
    );
    assert_eq!(draft.speakers.len(), 1, "{:?}", draft.speakers);
}

/// Paraphrases come and go with their switch, and every other quote and edit stays as it was.
#[test]
fn paraphrases_are_switched_on_and_off_without_losing_edits() {
    const TEXT: &str = "Lavrov said the ceasefire had failed.\n\n“We are ready to talk,” Kerry said.\n";
    let mut draft = extract_draft_plain(TEXT);
    assert!(!draft.paraphrases);
    assert_eq!(draft.quotes.len(), 1, "{:?}", draft.quotes);
    let kerry = speaker_id(&draft, "Kerry");
    assert!(draft.rename_speaker(&kerry, "John Kerry"));
    let topic = draft.add_topic("Talks").unwrap_or_default();
    let quote = draft.quotes[0].id.clone();
    assert!(draft.toggle_quote_topic(&quote, &topic));
    let before = draft.quotes.clone();

    set_paraphrases(&mut draft, true);
    let paraphrase = draft.quotes.iter().find(|q| q.kind == QuoteKind::Paraphrase).cloned();
    let Some(paraphrase) = paraphrase else {
        panic!("no paraphrase in {:?}", draft.quotes);
    };
    assert_eq!(draft.quote_text(&paraphrase), "the ceasefire had failed");
    assert_eq!(draft.speaker(&paraphrase.speaker).map(|s| s.name.as_str()), Some("Lavrov"));
    assert!(draft.quotes.iter().any(|q| *q == before[0]), "the edited quote changed: {:?}", draft.quotes);
    assert_eq!(draft.speaker(&kerry).map(|s| s.name.as_str()), Some("John Kerry"));
    let json = draft.to_json();
    assert_eq!(Draft::from_json(&json).as_ref(), Some(&draft), "the switch is saved with the draft");
    check_article(&draft);

    set_paraphrases(&mut draft, false);
    assert_eq!(draft.quotes, before);
    assert!(draft.speakers.iter().all(|s| !s.name.contains("Lavrov")), "{:?}", draft.speakers);
    assert_eq!(draft.speaker(&kerry).map(|s| s.name.as_str()), Some("John Kerry"));
}

/// A bare surname joined to a full name in an earlier slice does not pull in another person of
/// that surname: "Clinton" is Hillary Clinton, and Bill Clinton stays himself.
#[test]
fn a_surname_across_slices_does_not_merge_two_people() {
    const FILLER: &str = "The campaign moved on to Ohio later in the week.\n\n";
    let mut text = String::from("“We will win,” Hillary Clinton said.\n\n");
    for said in ["“We will win big,” Clinton said.\n\n", "“She will win,” Bill Clinton said.\n\n"] {
        let target = text.len() + SLICE_BYTES + CONTEXT_BYTES;
        while text.len() < target {
            text.push_str(FILLER);
        }
        text.push_str(said);
    }
    let draft = extract_draft_plain(&text);
    let names: Vec<String> =
        draft.quotes.iter().filter_map(|q| draft.speaker(&q.speaker).map(|s| s.name.clone())).collect();
    assert_eq!(names, ["Hillary Clinton", "Hillary Clinton", "Bill Clinton"]);
    assert_eq!(draft.speakers.len(), 2, "{:?}", draft.speakers);
}

/// The mark scanner and the slice cuts know the quote marks of `text::is_quote_mark`, no more
/// and no fewer.
#[test]
fn the_extractor_knows_the_one_set_of_quote_marks() {
    let mut buf = [0u8; 8];
    for c in char::MIN..=char::MAX {
        let expected = is_quote_mark(c);
        assert_eq!(crate::marks::is_quote_glyph(c), expected, "the mark scanner on {c:?} (U+{:04X})", c as u32);
        let paragraph = c.encode_utf8(&mut buf);
        assert_eq!(starts_with_quote_mark(paragraph), expected, "a slice cut before {c:?} (U+{:04X})", c as u32);
    }
}

/// A single low mark (‚, German and Polish style) opens a quote the way the double one („) does.
#[test]
fn a_low_single_mark_opens_a_quote() {
    for text in ["The minister said: „We are leaving.“\n", "The minister said: ‚We are leaving.‘\n"] {
        let draft = extract_draft_plain(text);
        let texts: Vec<String> = draft.quotes.iter().map(|q| draft.quote_text(q)).collect();
        assert_eq!(texts, ["We are leaving."], "in {text:?}");
    }
}

/// An extraction of a whole text builds the article its draft builds: sides and speakers in the
/// order their first quotes come, the pieces of a quote over several paragraphs under its own id.
/// In this story (paraphrases on) the extractor lists France's speaker before Syria's, while
/// Syria's speaker speaks first; the sides come in reading order, so the third side's colour
/// is the same wherever the article was built.
#[test]
fn an_extraction_builds_the_article_of_its_draft() {
    let cases = crate::dev_set().unwrap_or_default();
    for name in ["blind5-afp-5", "blind-long-multi-paragraph-straight", "article-partial-quotes-in-paraphrase"] {
        let Some(case) = cases.iter().find(|c| c.name == name) else {
            panic!("no dev case {name}");
        };
        for paraphrases in [false, true] {
            let ex = crate::extract(&case.text);
            let ex = if paraphrases { ex } else { ex.without_paraphrases() };
            let draft = extract_draft(&case.text, paraphrases);
            assert_eq!(crate::to_article(&case.text, &ex, None), check_article(&draft), "{name}");
        }
    }
    let case = cases.iter().find(|c| c.name == "blind5-afp-5").cloned().unwrap_or_else(|| panic!("no blind5-afp-5"));
    let labels: Vec<String> = extract_draft(&case.text, true).sides.iter().map(|s| s.label.clone()).collect();
    assert_eq!(labels, ["Syria", "France", "Unassigned"]);
}

/// A text the extractor reads as one slice gives the same draft whole (`draft_from_extraction`)
/// as slice by slice (`extract_draft`), and one person's quotes never go to another person of the
/// same surname the extractor kept apart ("Michelle Obama" and "Obama").
#[test]
fn speakers_the_extractor_keeps_apart_stay_apart() {
    let cases = crate::dev_set().unwrap_or_default();
    let Some(case) = cases.iter().find(|c| c.name == "article-partial-quotes-in-paraphrase") else {
        panic!("no dev case article-partial-quotes-in-paraphrase");
    };
    let draft = extract_draft_plain(&case.text);
    assert_eq!(draft, super::draft_from_extraction(&case.text, &crate::extract(&case.text).without_paraphrases()));
    let who = |words: &str| {
        let quote = draft.quotes.iter().find(|q| draft.quote_text(q).contains(words));
        quote.and_then(|q| draft.speaker(&q.speaker)).map(|s| s.name.clone())
    };
    assert_eq!(who("not normal").as_deref(), Some("Michelle Obama"));
}

/// A quote mark the quote's own words pair with stays; one without a partner in the piece (the
/// mark that reopens a quote in a new paragraph) goes.
#[test]
fn an_article_quote_keeps_the_marks_it_quotes_within() {
    let text = "“People ask for ‘the Big Brother book,’” Priya Nandan said.\n\n\
                “Every day,” she added. “Every single day.\n\n“They come back.”\n";
    let draft = extract_draft_plain(text);
    let article = check_article(&draft);
    let texts: Vec<&str> = article.quotes.iter().map(|q| q.text.as_str()).collect();
    assert!(texts.contains(&"People ask for ‘the Big Brother book,’"), "{texts:?}");
    assert!(texts.contains(&"They come back."), "{texts:?}");
}
/// A quote has the same side colour in the authoring view (`side_colors` of the draft's sides,
/// as `ui/author.rs` colours it) as in the explorer of the article the draft builds, also with a
/// third and fourth side the user adds and a quote given a side of its own.
#[test]
fn a_side_has_one_colour_in_the_draft_and_the_explorer() {
    use counterpoint_core::explorer::Explorer;
    use counterpoint_core::palette::{side_colors, NO_SIDE};
    let mut draft = seed();
    let un = draft.add_side("United Nations").unwrap_or_default();
    let syria = draft.add_side("Syria").unwrap_or_default();
    assert!(draft.set_speaker_side(&speaker_id(&draft, "Churkin"), &un));
    let last = draft.quotes.last().map(|q| q.id.clone()).unwrap_or_default();
    assert!(draft.set_quote_side(&last, Some(&syria)));
    assert!(draft.sides.len() >= 4, "{:?}", draft.sides);
    let colors = side_colors(&draft.sides);
    let in_draft = |side: Option<&str>| {
        side.and_then(|s| draft.sides.iter().position(|x| x.id == s)).map_or(NO_SIDE, |i| colors[i])
    };
    let explorer = Explorer::new(check_article(&draft));
    for quote in &draft.quotes {
        let index = explorer.quote_index(&quote.id);
        let shown = index.and_then(|q| explorer.side_of(q)).map_or(NO_SIDE, |s| explorer.side_color(s));
        assert_eq!(shown, in_draft(draft.side_of_quote(quote)), "quote {}", quote.id);
    }
    let sides: Vec<_> = draft.quotes.iter().filter_map(|q| draft.side_of_quote(q)).collect();
    assert!([un.as_str(), syria.as_str()].iter().all(|s| sides.contains(s)), "the added sides have quotes");
}

/// A split quote (“A,” X said. “B.”) is one quote with the attribution as a gap: its article
/// text is "A … B", it anchors piece by piece, and it covers the parts and not the gap.
#[test]
fn a_split_quote_is_one_article_quote_over_its_gap() {
    let text = "Talks\n\n“We will not leave,” Lavrov said. “Not now, not ever.”\n\nThe end of it.";
    let at = |s: &str| text[..text.find(s).unwrap()].chars().count();
    let mut draft = Draft { text: text.to_owned(), ..Draft::default() };
    let (start, end) = (at("We will"), at("”\n\nThe end"));
    let gap = Span::new(at(",” Lavrov") + 1, at("Not now"));
    draft.quotes = vec![DraftQuote {
        id: "q1".to_owned(),
        start,
        end,
        kind: QuoteKind::Direct,
        speaker: String::new(),
        side: None,
        topics: Vec::new(),
        gaps: vec![gap],
        speaker_edited: false,
        span_edited: false,
    }];
    assert_eq!(draft.quote_text(&draft.quotes[0]), "We will not leave … Not now, not ever.");
    let article = draft.to_article();
    assert_eq!(article.quotes.len(), 1);
    assert_eq!(article.quotes[0].text, "We will not leave … Not now, not ever.");
    let anchors = anchor_article(&article);
    assert_eq!(anchors[0].status, AnchorStatus::Elided);
    assert_eq!(anchors[0].gaps.len(), 1);
    // The authoring view's runs: the gap is covered by no quote.
    let covered: Vec<(String, bool)> = draft
        .segments()
        .into_iter()
        .map(|(s, q)| (text.chars().skip(s.start).take(s.end - s.start).collect(), !q.is_empty()))
        .filter(|(_, covered)| *covered)
        .collect();
    assert_eq!(covered, [("We will not leave,".to_owned(), true), ("Not now, not ever.".to_owned(), true)]);
    // A span moved past the gap loses it.
    assert!(draft.set_quote_span("q1", at("Not now"), end));
    assert!(draft.quotes[0].gaps.is_empty());
}

/// Three quotes of three people, for the tests of a text edited after corrections.
const THREE: &str = "Talks resume in Geneva\n\n“We will not leave the talks,” Lavrov said on Monday.\n\n\
                     “The door is still open,” Kerry said.\n\n“Nobody here wants a war,” Price said.\n";

/// The quote whose words contain `words`.
fn quote_with<'a>(draft: &'a Draft, words: &str) -> &'a DraftQuote {
    match draft.quotes.iter().find(|q| draft.quote_text(q).contains(words)) {
        Some(q) => q,
        None => panic!("no quote with {words:?} in {:?}", draft.quotes),
    }
}

fn speaker_of(draft: &Draft, words: &str) -> String {
    let quote = quote_with(draft, words);
    draft.speaker(&quote.speaker).map(|s| s.name.clone()).unwrap_or_default()
}

/// `text` with `from` replaced by `to` once.
fn edited(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} is not in the text");
    text.replacen(from, to, 1)
}

/// The user's corrections of each quote survive typing elsewhere in the text: topics, a quote's
/// own side, a speaker the user chose, a moved span, a deleted quote.
#[test]
fn a_text_edit_keeps_each_quotes_corrections() {
    let mut draft = extract_draft_plain(THREE);
    assert_eq!(draft.quotes.len(), 3, "{:?}", draft.quotes);
    let talks = draft.add_topic("Talks").unwrap_or_default();
    let war = draft.add_topic("War").unwrap_or_default();
    let un = draft.add_side("UN").unwrap_or_default();
    let leave = quote_with(&draft, "not leave").id.clone();
    let door = quote_with(&draft, "door is").id.clone();
    let war_quote = quote_with(&draft, "wants a war").id.clone();
    assert!(draft.toggle_quote_topic(&leave, &talks));
    assert!(draft.toggle_quote_topic(&door, &talks));
    assert!(draft.toggle_quote_topic(&door, &war));
    assert!(draft.set_quote_side(&door, Some(&un)));
    let lavrov = speaker_id(&draft, "Lavrov");
    assert!(draft.set_quote_speaker(&door, &lavrov));
    // "We will not leave the talks," → "will not leave the talks"
    assert!(draft.nudge_quote(&leave, Bound::Start, 3));
    assert!(draft.nudge_quote(&leave, Bound::End, -1));
    assert!(draft.delete_quote(&war_quote));

    // One character typed before the first quote.
    let text = edited(THREE, "Geneva", "Geneva!");
    let next = draft.carry_over(extract_draft_plain(&text));
    let texts: Vec<String> = next.quotes.iter().map(|q| next.quote_text(q)).collect();
    assert_eq!(texts, ["will not leave the talks", "The door is still open,"], "the deleted quote came back");
    let leave = quote_with(&next, "not leave");
    assert_eq!(leave.topics, std::slice::from_ref(&talks));
    assert!(leave.span_edited);
    let door = quote_with(&next, "door is");
    assert_eq!(door.topics, [talks.clone(), war.clone()]);
    assert_eq!(door.side.as_deref(), Some(un.as_str()));
    assert_eq!(speaker_of(&next, "door is"), "Lavrov", "the speaker the user chose");
    assert_eq!(next.deleted.len(), 1);
    check_article(&next);

    // A paragraph added at the end: its quote is new, the rest stays as it was.
    let again = next.carry_over(extract_draft_plain(&format!("{text}\nShe added: “We will stay.”\n")));
    let texts: Vec<String> = again.quotes.iter().map(|q| again.quote_text(q)).collect();
    assert_eq!(texts, ["will not leave the talks", "The door is still open,", "We will stay."]);
    assert_eq!(quote_with(&again, "door is").topics, [talks, war]);
    assert!(quote_with(&again, "We will stay").topics.is_empty());
    // A stored draft keeps it all.
    assert_eq!(Draft::from_json(&again.to_json()), Some(again));
}

/// An attribution the edit changes ("Price said" → "Ortiz said") takes the new extraction, and
/// the quote keeps its topic; a speaker the user chose stays chosen.
#[test]
fn a_changed_attribution_takes_the_new_extraction() {
    let mut draft = extract_draft_plain(THREE);
    let topic = draft.add_topic("War").unwrap_or_default();
    let war = quote_with(&draft, "wants a war").id.clone();
    assert!(draft.toggle_quote_topic(&war, &topic));
    let next = draft.carry_over(extract_draft_plain(&edited(THREE, "Price said", "Ortiz said")));
    assert_eq!(speaker_of(&next, "wants a war"), "Ortiz");
    assert_eq!(quote_with(&next, "wants a war").topics, [topic]);
    assert!(next.speakers.iter().all(|s| s.name != "Price"), "{:?}", next.speakers);

    // The user had put the quote under Kerry: that stands, whoever the text names.
    let kerry = speaker_id(&draft, "Kerry");
    assert!(draft.set_quote_speaker(&war, &kerry));
    let next = draft.carry_over(extract_draft_plain(&edited(THREE, "Price said", "Ortiz said")));
    assert_eq!(speaker_of(&next, "wants a war"), "Kerry");
    assert_eq!(speaker_of(&next, "door is"), "Kerry");
}

/// Speakers merged by the user stay merged after an edit, and a renamed speaker the user picked
/// for a quote is found by its extracted name.
#[test]
fn merged_speakers_stay_merged_after_an_edit() {
    let mut draft = extract_draft_plain(THREE);
    let kerry = speaker_id(&draft, "Kerry");
    let price = speaker_id(&draft, "Price");
    assert!(draft.rename_speaker(&kerry, "John Kerry"));
    assert!(draft.merge_speakers(&price, &kerry));
    let next = draft.carry_over(extract_draft_plain(&format!("{THREE}\n")));
    assert_eq!(speaker_of(&next, "wants a war"), "John Kerry");
    assert!(next.speakers.iter().all(|s| s.name != "Price"), "{:?}", next.speakers);
    check_article(&next);
}

/// An edit inside a quote: a word added keeps the quote's edits; words replaced at its start
/// leave it without a place, and no other quote's edits land on it.
#[test]
fn an_edit_inside_a_quote_carries_only_its_own_edits() {
    let mut draft = extract_draft_plain(THREE);
    let talks = draft.add_topic("Talks").unwrap_or_default();
    let un = draft.add_side("UN").unwrap_or_default();
    let leave = quote_with(&draft, "not leave").id.clone();
    let door = quote_with(&draft, "door is").id.clone();
    assert!(draft.toggle_quote_topic(&leave, &talks));
    assert!(draft.set_quote_side(&leave, Some(&un)));
    let price = speaker_id(&draft, "Price");
    assert!(draft.set_quote_speaker(&door, &price));

    let next = draft.carry_over(extract_draft_plain(&edited(THREE, "not leave", "not ever leave")));
    let moved = quote_with(&next, "not ever leave");
    assert_eq!((moved.topics.clone(), moved.side.clone()), (vec![talks.clone()], Some(un.clone())));
    assert_eq!(speaker_of(&next, "not ever leave"), "Lavrov");
    assert_eq!(speaker_of(&next, "door is"), "Price");

    let next = draft.carry_over(extract_draft_plain(&edited(THREE, "We will not leave the talks", "Go home")));
    let replaced = quote_with(&next, "Go home");
    assert!(replaced.topics.is_empty() && replaced.side.is_none(), "{replaced:?}");
    assert_eq!(speaker_of(&next, "Go home"), "Lavrov");
    assert!(quote_with(&next, "door is").topics.is_empty());
    assert_eq!(speaker_of(&next, "door is"), "Price");
}

/// `set_text` moves the quotes with the edit at once, so a draft between typing and extraction
/// keeps them, and the extraction is carried over as from the text before.
#[test]
fn typing_then_extracting_keeps_the_corrections() {
    let mut draft = extract_draft_plain(THREE);
    let topic = draft.add_topic("Talks").unwrap_or_default();
    let door = quote_with(&draft, "door is").id.clone();
    assert!(draft.toggle_quote_topic(&door, &topic));
    let text = edited(THREE, "Talks resume", "Talks resumed");
    draft.set_text(text.clone());
    assert!(draft.stale);
    assert_eq!(quote_with(&draft, "door is").topics, std::slice::from_ref(&topic));
    assert_eq!(draft.quotes.len(), 3);
    let next = draft.carry_over(extract_draft_plain(&text));
    assert!(!next.stale);
    assert_eq!(quote_with(&next, "door is").topics, [topic]);
}

/// Every speaker given a side of the user's: the article has no "Unassigned" side; a side the
/// user added stays without quotes; removing a side sends its speakers back to "Unassigned".
#[test]
fn unassigned_is_exported_only_when_used_and_sides_are_removed() {
    let mut draft = extract_draft_plain(THREE);
    let ids: Vec<String> = draft.speakers.iter().map(|s| s.id.clone()).collect();
    let pro = draft.add_side("Pro").unwrap_or_default();
    let con = draft.add_side("Con").unwrap_or_default();
    assert!(draft.sides.iter().any(|s| s.id == "unassigned"), "{:?}", draft.sides);
    for id in &ids {
        assert!(draft.set_speaker_side(id, &pro));
    }
    let article = check_article(&draft);
    let labels: Vec<&str> = article.sides.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["Pro", "Con"]);

    assert!(draft.set_quote_side(&draft.quotes[0].id.clone(), Some(&con)));
    assert!(draft.remove_side(&pro));
    assert!(!draft.remove_side(&pro));
    assert!(!draft.remove_side("unassigned"));
    assert!(draft.speakers.iter().all(|s| s.side == "unassigned"));
    assert!(draft.remove_side(&con));
    assert!(draft.quotes.iter().all(|q| q.side.is_none()));
    let article = check_article(&draft);
    assert_eq!(article.sides.iter().map(|s| s.label.as_str()).collect::<Vec<_>>(), ["Unassigned"]);
}
