//! Native tests. Every dev-set case and the seed article go through one `check` helper; the
//! dev set under `tests/data/extract/` names each hard case (split quotes, reversed order,
//! multi-paragraph quotes, unbalanced marks, every kind of mark, apostrophes, nesting,
//! brackets and ellipses, verbless attribution, organisations, pronouns and descriptions).

use super::*;
use counterpoint_core::model::QuoteKind;

const SEED: &str = include_str!("../../../tests/data/russia-us-syria-2016.txt");
const SEED_GOLD: &str = include_str!("../../../tests/data/extract/seed.expect");

/// Runs one case and fails with a readable list of what went wrong and what was extracted.
fn check(case: &DevCase) {
    let ev = eval::evaluate_text(&case.name, &case.text, &case.gold);
    let report = &ev.cases[0];
    assert!(report.passed(), "case {} failed: {report:#?}\nextracted:\n{}", case.name, describe(&case.text));
}

/// One line per extracted quote, for failure messages.
fn describe(text: &str) -> String {
    let ex = extract(text);
    let mut out = String::new();
    for q in &ex.quotes {
        let words: String = text.chars().skip(q.span.start).take(q.span.len()).collect();
        let who = q.speaker.map(|s| ex.speakers[s].name.clone());
        out += &format!("  {:?} cue={:?} speaker={who:?}: {words}\n", q.kind, q.cue);
    }
    out
}

fn seed_case() -> DevCase {
    let gold = SEED_GOLD
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("//"))
        .map(|l| eval::parse_gold(SEED, l))
        .collect::<Result<Vec<_>, _>>();
    match gold {
        Ok(gold) => DevCase { name: "seed".into(), text: SEED.into(), gold, known_failure: false },
        Err(e) => panic!("seed gold: {e}"),
    }
}

fn case(text: &str, gold: &[&str]) -> DevCase {
    let gold = gold.iter().map(|l| eval::parse_gold(text, l)).collect::<Result<Vec<_>, _>>();
    match gold {
        Ok(gold) => DevCase { name: "inline".into(), text: text.into(), gold, known_failure: false },
        Err(e) => panic!("{e}"),
    }
}

/// Words are looked up one token at a time, so "has since" and "had earlier" work as runs of
/// single auxiliaries between the subject and its cue.
#[test]
fn auxiliary_runs_between_subject_and_cue() {
    let cases: &[(&str, &[&str])] = &[
        ("“We will not back down,” Trump has since said.", &["direct | Trump | We will not back down,"]),
        ("Sanders had earlier told reporters: “The deal is dead.”", &["direct | Sanders | The deal is dead."]),
        (
            "Clinton has also repeatedly said “the plan will fail” in speeches.",
            &["partial | Clinton | the plan will fail"],
        ),
    ];
    for (text, gold) in cases {
        check(&case(text, gold));
    }
}

#[test]
fn seed_article_quotes_and_speakers() {
    check(&seed_case());
}

#[test]
fn seed_article_clusters_and_sides() {
    let ex = extract(SEED);
    let speaker = |name: &str| ex.speakers.iter().find(|s| s.name == name);
    let lavrov = speaker("Sergei Lavrov").expect("Lavrov is a speaker");
    assert_eq!(lavrov.role.as_deref(), Some("Russian Foreign Minister"));
    assert!(lavrov.aliases.iter().any(|a| a == "the Russian top diplomat"));
    assert_eq!(lavrov.side.as_deref(), Some("Russia"));
    let churkin = speaker("Vitaly Churkin").expect("Churkin is a speaker");
    assert_eq!(churkin.role.as_deref(), Some("Russian Ambassador to the UN"));
    assert_eq!(churkin.side.as_deref(), Some("Russia"));
    let power = speaker("Samantha Power").expect("Power is a speaker");
    assert_eq!(power.side.as_deref(), Some("United States"));
    let direct = ex.quotes.iter().filter(|q| q.kind == QuoteKind::Direct).count();
    assert_eq!(direct, 6);
}

#[test]
fn seed_article_builds_a_valid_article() {
    let ex = extract(SEED);
    let article = to_article(SEED, &ex, None);
    assert_eq!(article.title, "Russia accuses the US of supporting terror groups in Syria");
    assert!(!article.body.iter().any(|p| p == "image"));
    let sides: Vec<&str> = article.sides.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(sides, ["Russia", "United States"]);
    for quote in &article.quotes {
        let found = article.body.iter().filter(|p| p.contains(&quote.text)).count();
        assert!(found >= 1, "quote text not in body: {}", quote.text);
        assert!(found == 1 || quote.prefix.is_some(), "repeated text needs a prefix");
        assert!(article.speakers.iter().any(|s| s.id == quote.speaker));
    }
    let power = article.speakers.iter().find(|s| s.name == "Samantha Power");
    assert_eq!(power.map(|s| s.side.as_str()), Some("united-states"));
}

#[test]
fn dev_set_cases() {
    let cases = match dev_set() {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    assert!(cases.len() >= 40, "the dev set has {} cases", cases.len());
    for case in cases.iter().filter(|c| !c.known_failure) {
        check(case);
    }
}

#[test]
fn the_dev_set_stays_at_or_above_its_floors() {
    let cases = dev_set().unwrap_or_else(|e| panic!("{e}"));
    let ev = evaluate(&cases);
    assert_eq!(below_floors(&ev, FLOORS), Ok(Vec::new()), "a figure fell below its floor");
}

#[test]
fn floors_name_what_falls_short_and_what_they_cannot_read() {
    let ev = Evaluation {
        quote: Score { gold: 10, predicted: 10, correct: 8 },
        end_to_end: Score { gold: 10, predicted: 10, correct: 6 },
        ..Evaluation::default()
    };
    assert_eq!(below_floors(&ev, "# a comment\n\nquotes.precision 0.8\nquotes.recall 0.80"), Ok(Vec::new()));
    assert_eq!(
        below_floors(&ev, "quotes.f1 0.8\nend_to_end.f1 0.7"),
        Ok(vec!["end_to_end.f1 is 0.600, below its floor 0.700".to_owned()])
    );
    for (floors, wanted) in [
        ("quotes.f1", "floors line 1: \"quotes.f1\": no value"),
        ("# x\nquotes.f1 high", "floors line 2: \"quotes.f1 high\": the value is not a number"),
        ("speakers.f1 0.5", "unknown score \"speakers\""),
        ("quotes.accuracy 0.5", "unknown measure \"accuracy\""),
    ] {
        let err = below_floors(&ev, floors).expect_err(floors);
        assert!(err.contains(wanted), "{floors:?}: {err}");
    }
}

#[test]
fn a_known_failure_that_passes_is_reported() {
    let failing =
        CaseReport { name: "still-bad".into(), known_failure: true, missed: vec!["x".into()], ..CaseReport::default() };
    let fixed = CaseReport { name: "fixed".into(), known_failure: true, ..CaseReport::default() };
    let fine = CaseReport { name: "fine".into(), ..CaseReport::default() };
    let ev = Evaluation { cases: vec![failing, fixed, fine], ..Evaluation::default() };
    assert_eq!(passing_known_failures(&ev), ["fixed"]);
}

#[test]
fn multi_paragraph_quote_becomes_one_quote_per_paragraph_in_the_article() {
    let text = "He spoke at length. “First part.\n\n“Second part.\n\n“Third part,” Sen. Ben Sasse said.";
    check(&case(text, &["direct | Sasse | First part. … Third part,"]));
    let ex = extract(text);
    let article = to_article(text, &ex, Some("Title"));
    let texts: Vec<&str> = article.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["First part.", "Second part.", "Third part,"]);
}

#[test]
fn repeated_quote_text_gets_a_prefix() {
    let text = "“No,” Trump said.\n\n“No,” Clinton said.";
    let ex = extract(text);
    let article = to_article(text, &ex, Some("Title"));
    assert_eq!(article.quotes.len(), 2);
    assert!(article.quotes.iter().all(|q| q.prefix.is_some() || q.text != "No,"));
}

#[test]
fn spans_json_names_speakers_not_pronouns() {
    let text = "Sen. Elizabeth Warren spoke first. “We will fight,” she said.";
    let spans = to_spans_json(&extract(text));
    let quote = &spans["quotes"][0];
    assert_eq!(quote["start"], 36);
    assert_eq!(quote["end"], 50);
    assert_eq!(quote["speaker"], "Elizabeth Warren");
    assert_eq!(quote["kind"], "direct");
}

#[test]
fn spans_json_lists_the_parts_of_a_split_quote() {
    let text = "“We will appeal,” McCrory said. “The ruling is wrong.” “No,” Cooper said.";
    let spans = to_spans_json(&extract(text));
    let split = &spans["quotes"][0];
    // `start` and `end` run from the first part to the last, as old readers expect.
    assert_eq!((split["start"].as_u64(), split["end"].as_u64()), (Some(1), Some(53)));
    assert_eq!(split["parts"], serde_json::json!([{ "start": 1, "end": 16 }, { "start": 33, "end": 53 }]));
    assert_eq!(split["speaker"], "McCrory");
    let single = &spans["quotes"][1];
    assert_eq!(single["parts"], serde_json::json!([{ "start": 56, "end": 59 }]));
}

#[test]
fn offsets_are_code_points() {
    let text = "Zoë’s café — “Ça va,” said Sen. Bob Corker.";
    let ex = extract(text);
    let q = &ex.quotes[0];
    let words: String = text.chars().skip(q.span.start).take(q.span.len()).collect();
    assert_eq!(words, "Ça va,");
}

#[test]
fn apostrophes_never_open_quotes() {
    for text in [
        "Russia’s envoy rejected the US’ plan and the states’ demands, and didn’t say more.",
        "It was the ’90s. Rock ’n’ roll.",
        "The 6'2\" senator's staff didn't comment.",
    ] {
        assert!(extract(text).quotes.is_empty(), "{text}");
    }
}

#[test]
fn odd_input_never_panics() {
    let mut seed: u64 = 7;
    let alphabet: Vec<char> = "“”‘’\"'«»„ \n.,:;—-[]…abcXYZ said he She".chars().collect();
    for _ in 0..300 {
        let text: String = (0..80)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                alphabet[(seed >> 33) as usize % alphabet.len()]
            })
            .collect();
        let ex = extract(&text);
        let len = text.chars().count();
        assert!(ex.quotes.iter().all(|q| q.span.start <= q.span.end && q.span.end <= len));
        let _ = to_article(&text, &ex, None);
        let _ = to_spans_json(&ex);
    }
    for text in ["", "“", "”", "\"", "'", "\n\n\n", "“unclosed", "x said:"] {
        let _ = to_article(text, &extract(text), None);
    }
}

#[test]
fn bench_text_is_news_like() {
    let text = bench_text(1);
    assert!(text.len() >= 1_000_000);
    let ex = extract(&text);
    assert!(ex.quotes.len() > 1000);
    assert!(ex.quotes.iter().all(|q| q.speaker.is_some()));
}

#[test]
fn dev_set_format_errors_name_the_line() {
    let error = parse_dev_set("### a\nSome text.\n---\ndirect | X | missing words\n");
    assert_eq!(error, Err("case a, line 4: text \"missing words\" not found in the passage".to_string()));
}

#[test]
fn windows_line_endings_split_paragraphs() {
    let text = "Headline without a stop\r\n“We will win,” Trump said.\r\n\r\n“We will not,” Clinton said.\r\n";
    check(&case(text, &["direct | Trump | We will win,", "direct | Clinton | We will not,"]));
    let article = to_article(text, &extract(text), None);
    assert_eq!(article.title, "Headline without a stop");
    assert_eq!(article.body.len(), 2);
}

#[test]
fn one_huge_sentence_stays_linear() {
    // No full stops and no line breaks: everything is one sentence and one paragraph.
    let unit = "“we will win,” Trump said, and Clinton called it “nonsense” while he told them: “No” ";
    let text = unit.repeat(20_000);
    let ex = extract(&text);
    assert!(ex.quotes.len() >= 40_000);
    let article = to_article(&text, &ex, Some("Stress"));
    assert!(article.quotes.len() >= 40_000);
}

/// The text of each paraphrase with its cue and speaker.
fn paraphrases(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let ex = extract(text);
    ex.quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Paraphrase)
        .map(|q| {
            let words: String = text.chars().skip(q.span.start).take(q.span.len()).collect();
            (words, q.cue.clone(), q.speaker.map(|s| ex.speakers[s].name.clone()))
        })
        .collect()
}

#[test]
fn paraphrase_patterns() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "Sen. Elizabeth Warren said that the bank should have been broken up.",
            "the bank should have been broken up",
            "said",
            "Elizabeth Warren",
        ),
        ("Warren said Tuesday the bank had misled its customers.", "the bank had misled its customers", "said", "Warren"),
        (
            "Secretary of State John Kerry told reporters on Monday that the talks would resume.",
            "the talks would resume",
            "told",
            "John Kerry",
        ),
        ("John Kerry told the crowd the talks would resume.", "the talks would resume", "told", "John Kerry"),
        ("The Kremlin denied that its jets had struck the convoy.", "its jets had struck the convoy", "denied", "Kremlin"),
        (
            "Mitch McConnell warned that a shutdown would hurt families.",
            "a shutdown would hurt families",
            "warned",
            "Mitch McConnell",
        ),
        (
            "Sergei Lavrov arrived on Friday. He insisted that the truce was holding.",
            "the truce was holding",
            "insisted",
            "Sergei Lavrov",
        ),
        (
            "Samantha Power spoke on Sunday. The bombing amounted to barbarism, she said.",
            "The bombing amounted to barbarism",
            "said",
            "Samantha Power",
        ),
        ("The talks have failed, said Sen. Rand Paul.", "The talks have failed", "said", "Rand Paul"),
        (
            "According to Sen. John McCain, the administration has no strategy.",
            "the administration has no strategy",
            "according",
            "John McCain",
        ),
        (
            "The convoy was struck by jets, according to Pentagon spokesman Peter Cook.",
            "The convoy was struck by jets",
            "according",
            "Peter Cook",
        ),
        (
            "WASHINGTON (AP) — On Tuesday, Paul Ryan said the budget would pass.",
            "the budget would pass",
            "said",
            "Paul Ryan",
        ),
        (
            "Russian Foreign Minister Sergei Lavrov landed in Geneva. The Russian top diplomat said the sides had agreed.",
            "the sides had agreed",
            "said",
            "Sergei Lavrov",
        ),
    ];
    for (text, words, cue, speaker) in cases {
        let found = paraphrases(text);
        let expected = vec![(words.to_string(), Some(cue.to_string()), Some(speaker.to_string()))];
        assert_eq!(found, expected, "{text}\n{}", describe(text));
    }
}

#[test]
fn no_paraphrase_without_a_plain_attribution() {
    for text in [
        // Quote marks make it a direct or partial quote.
        "Trump said the election was “rigged” against him.",
        "“We will win,” Trump said, adding that the polls were wrong.",
        // "said" that reports nobody's words.
        "The so-called Islamic State has lost territory. The said agreement expired.",
        "The senator is said to be considering a run. It is said that the castle is haunted.",
        "Trump was told that the polls were wrong.",
        "Trump said Tuesday. Clinton said in a statement. He said nothing about it. He said goodbye to his staff.",
        // Questions and headlines.
        "Did Trump say the election was rigged? Who said the plan would work?",
        "Trump says the election is rigged against him\n\nHe spoke in Ohio.",
        // No speaker, or a reporting verb in a relative clause or under negation.
        "The report said the economy grew by 2 percent. Others said they would come around.",
        "The senator who said the bill would fail voted for it. Officials, who said jets hit it, gave no details.",
        "As Trump said, the economy is booming. Trump never said the vote was rigged.",
        "Trump told his aides to prepare for a long campaign.",
        // Two attributions in one sentence.
        "Clinton said the deal was bad, Trump said.",
        "The plan, he said, would fail within a month.",
    ] {
        assert!(paraphrases(text).is_empty(), "{text}\n{}", describe(text));
    }
}

#[test]
fn without_paraphrases_drops_them_and_the_speakers_only_they_have() {
    let text = "Sen. Rand Paul said the talks had failed. “We need a deal,” Sen. Bob Corker said. \
                Corker added that the vote would come soon.";
    let all = extract(text);
    assert_eq!(all.quotes.iter().filter(|q| q.kind == QuoteKind::Paraphrase).count(), 2);
    let names: Vec<&str> = all.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Bob Corker", "Rand Paul"], "the quotes' speakers come first");
    let quotes = all.clone().without_paraphrases();
    assert_eq!(quotes.quotes.len(), 1);
    assert_eq!(quotes.quotes[0].kind, QuoteKind::Direct);
    assert_eq!(quotes.quotes[0].speaker, Some(0));
    let names: Vec<&str> = quotes.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Bob Corker"]);
    let spans = to_spans_json(&quotes);
    assert_eq!(spans["quotes"].as_array().map(Vec::len), Some(1));
    let article = to_article(text, &all, Some("Title"));
    let kinds: Vec<QuoteKind> = article.quotes.iter().map(|q| q.kind).collect();
    assert_eq!(kinds, [QuoteKind::Paraphrase, QuoteKind::Direct, QuoteKind::Paraphrase]);
}

#[test]
fn odd_word_sequences_never_panic() {
    let words = [
        "said",
        "says",
        "say",
        "told",
        "warned",
        "that",
        "according",
        "to",
        "According",
        "Trump",
        "Sen.",
        "Bob",
        "he",
        "she",
        "they",
        "the",
        "a",
        "spokesman",
        "reporters",
        "on",
        "Tuesday",
        "in",
        "statement",
        "who",
        "is",
        "was",
        "would",
        "fail",
        "plan",
        ",",
        ".",
        ".",
        "—",
        "WASHINGTON",
        "(AP)",
        "But",
        "adding",
        "and",
        "“",
        "”",
        "?",
        "\n\n",
        "Others",
        "police",
        "him",
        "the",
        "deal",
        "had",
        "failed",
    ];
    let mut seed: u64 = 11;
    let mut paraphrases = 0;
    for _ in 0..2000 {
        let mut text = String::new();
        for _ in 0..24 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push_str(words[(seed >> 33) as usize % words.len()]);
            text.push(' ');
        }
        let ex = extract(&text);
        let len = text.chars().count();
        assert!(ex.quotes.iter().all(|q| q.span.start <= q.span.end && q.span.end <= len), "{text}");
        assert!(ex.quotes.iter().all(|q| q.speaker.is_none_or(|s| s < ex.speakers.len())), "{text}");
        paraphrases += ex.quotes.iter().filter(|q| q.kind == QuoteKind::Paraphrase).count();
        let quotes = ex.clone().without_paraphrases();
        assert!(quotes.quotes.iter().all(|q| q.speaker.is_none_or(|s| s < quotes.speakers.len())), "{text}");
        let _ = to_article(&text, &ex, None);
    }
    assert!(paraphrases > 0, "the sequences never read as a paraphrase");
}

/// Checks each case's quotes and speakers with the dev set's scoring.
fn check_all(cases: &[(&str, &[&str])]) {
    for (text, gold) in cases {
        check(&case(text, gold));
    }
}

/// A document that speaks with no author found speaks as itself, unless it is a statement or
/// someone who spoke just before issued it; an aside that opens with a verb names no one.
#[test]
fn documents_speak_as_themselves_unless_someone_issued_them() {
    check_all(&[
        (
            "The lawsuit, filed in March, says the fee is “an unlawful tax on renters.”",
            &["partial | lawsuit | an unlawful tax on renters."],
        ),
        (
            "A memo from the agency, obtained by the Riverside Gazette, warned that the budget was “badly underfunded.”",
            &["partial | memo | badly underfunded."],
        ),
        (
            "A study commissioned by the city from Larkin Analytics is the basis for the plan. The report projects \
             900 new jobs. “Most of these jobs would have existed anyway,” the report said.",
            &["direct | report | Most of these jobs would have existed anyway,"],
        ),
        (
            "The Central Bank of Ireland said in its quarterly bulletin that growth would slow.\n\n\
             “Housing supply remains well below demand,” the report said.",
            &["direct | Central Bank | Housing supply remains well below demand,", "paraphrase | Central Bank | growth would slow"],
        ),
        (
            "Orvane Foods said in a statement that it would cut 300 jobs.\n\n\
             “These decisions are never easy,” the statement said.",
            &["direct | Orvane | These decisions are never easy,", "paraphrase | Orvane | it would cut 300 jobs"],
        ),
    ]);
}

/// Initials stand for the organisation named in full, in brackets or anywhere before; a name
/// before a number is a road, not a person; a lowercase title the lists do not know may stand
/// before a full name after the cue.
#[test]
fn acronyms_roads_and_unknown_titles() {
    check_all(&[
        (
            "The Texas Commission on Environmental Quality (TCEQ) sent a monitoring unit. “Our staff will share \
             readings as soon as they are available,” a spokesman for the commission said.",
            &["direct | TCEQ | Our staff will share readings as soon as they are available,"],
        ),
        (
            "Inspectors from the Federal Aviation Administration visited the plant on Monday.\n\n\
             “We found no violations,” the FAA said.",
            &["direct | Federal Aviation | We found no violations,"],
        ),
        (
            "Sgt. Mark Cole urged drivers to avoid State Highway 146 near the plant. “Let the trucks through,” he said.",
            &["direct | Cole | Let the trucks through,"],
        ),
        (
            "“We never stopped skating,” said goaltender Mikko Rantala, who stopped 41 shots.",
            &["direct | Rantala | We never stopped skating,"],
        ),
    ]);
}

/// "The spokeswoman" goes back to "a spokeswoman for" an organisation; a person who opens a
/// sentence speaks the quote after its colon; "the company" is the company named last, by its
/// full name or its first word, and a name that ends in an industry is a company.
#[test]
fn spokespeople_colons_and_the_company() {
    check_all(&[
        (
            "A spokeswoman for Brightwater said the jobs would stay. “Our plants are what they are buying,” the \
             spokeswoman said.",
            &[
                "direct | Brightwater | Our plants are what they are buying,",
                "paraphrase | Brightwater | the jobs would stay",
            ],
        ),
        (
            "Councilman Everett Nakashima, who opposes the plan, put the choice in terms voters will understand: \
             “For that money you could fix every road in the county.”",
            &["direct | Nakashima | For that money you could fix every road in the county."],
        ),
        (
            "“Families are counting on this,” said Ohio Gov. John Kasich.

             In a tweet Tuesday night, Trump blamed Democrats: “They want open borders and crime!”",
            &["direct | Kasich | Families are counting on this,", "direct | Trump | They want open borders and crime!"],
        ),
        (
            "Halvorsen Foods Inc agreed to buy Brightwater Dairy Co on Monday.\n\n\
             Halvorsen will pay $38.50 a share. “Frozen is still a good business,” Halvorsen Chief Executive Marcus \
             Engqvist said.\n\n\
             “We expect the deal to add to earnings,” the company said in a statement.",
            &[
                "direct | Engqvist | Frozen is still a good business,",
                "direct | Halvorsen | We expect the deal to add to earnings,",
            ],
        ),
        (
            "A fire broke out at the Tessaro Chemical plant on Friday.\n\n\
             “We deeply regret the impact this fire has had on our neighbors,” the company said in a statement.",
            &["direct | Tessaro | We deeply regret the impact this fire has had on our neighbors,"],
        ),
    ]);
}

/// A description introduced in its own right ("The union, which …") is not the organisation
/// that spoke before; "they" stands for the people that open its sentence or the one before;
/// a person named by what they do, in words no list has, speaks for themselves.
#[test]
fn unions_authors_and_unlisted_people() {
    check_all(&[
        (
            "“The river is rising,” the National Weather Service said.\n\n\
             The union, which represents 4,000 nurses, said the offer was an insult. “Nurses deserve better than \
             this,” the union said in a statement.",
            &[
                "direct | National Weather Service | The river is rising,",
                "direct | union | Nurses deserve better than this,",
                "paraphrase | union | the offer was an insult",
            ],
        ),
        (
            "Veridian paid for the study. The study’s authors were more careful; the test, they wrote, “is not \
             ready for use outside of research settings.”",
            &["partial | authors | is not ready for use outside of research settings."],
        ),
        (
            "Researchers at Stanford University tracked 2,000 teenagers for a year. “Sleep was the strongest \
             predictor,” they wrote.",
            &["direct | researchers | Sleep was the strongest predictor,"],
        ),
        (
            "One constituency caseworker in the Midlands, who did not want to be named, said her office had taken \
             ‘more passport calls in June than in the whole of last year’.",
            &["partial | caseworker | more passport calls in June than in the whole of last year"],
        ),
        (
            "Trooper Dale Hicks stopped the car on Route 9.\n\n“The driver was not cooperative,” the trooper said.",
            &["direct | Hicks | The driver was not cooperative,"],
        ),
    ]);
}

/// A person only mentioned in the reporting clause does not speak: "Asked about Governor Ruth
/// Mills, the senator said" is the senator named before.
#[test]
fn people_mentioned_in_the_reporting_clause() {
    check_all(&[(
        "Sen. Tom Udall spoke to reporters after the vote.\n\n\
         Asked about Governor Ruth Mills, the senator said: “She has been a good partner.”",
        &["direct | Udall | She has been a good partner."],
    )]);
}

/// A document speaks for whoever issued it ("released", "published"), not for whoever obtained
/// it; with no issuer named it speaks as itself.
#[test]
fn documents_speak_for_who_issued_them() {
    check_all(&[
        (
            "The Brennan Center for Justice published a study on Monday. “Purges remain a serious threat,” the \
             study said.",
            &["direct | Brennan Center | Purges remain a serious threat,"],
        ),
        (
            "The Associated Press obtained the memo on Friday. “Staffing levels are unsafe,” the memo said.",
            &["direct | memo | Staffing levels are unsafe,"],
        ),
        (
            "Tenants filed a complaint with the state in May. “The landlord has refused every repair,” the \
             complaint says.",
            &["direct | complaint | The landlord has refused every repair,"],
        ),
    ]);
}

/// People named by what they do after the cue or before an aside ("wrote one reader", "one
/// juror, a retired nurse, said"); "a hospital spokeswoman" is someone new, whom "she" then
/// stands for; "the coach" is the coach named before; "the utility" is the company that spoke
/// before under a name no list reads as a company's.
#[test]
fn readers_jurors_spokeswomen_coaches_and_utilities() {
    check_all(&[
        (
            "“No power, no heat, three kids. Send help,” wrote one reader in Tacoma.",
            &["direct | reader | No power, no heat, three kids. Send help,"],
        ),
        (
            "“The evidence is overwhelming,” prosecutor Dana Whitfield said.\n\n\
             “It was not an easy decision,” one juror, a retired nurse, said outside the courthouse.",
            &["direct | Whitfield | The evidence is overwhelming,", "direct | juror | It was not an easy decision,"],
        ),
        (
            "“Check with your airline,” airport spokesman Perry Cooper said.\n\n\
             Harborview Medical Center was running on generators, a hospital spokeswoman said. “Patient care has \
             not been affected,” she said.",
            &[
                "direct | Cooper | Check with your airline,",
                "direct | hospital spokeswoman | Patient care has not been affected,",
                "paraphrase | hospital spokeswoman | Harborview Medical Center was running on generators",
            ],
        ),
        (
            "“We wanted it more,” said midfielder Diego Chara.\n\n\
             Coach Giovanni Savarese was pleased. “The boys never stopped running,” the coach said.",
            &["direct | Chara | We wanted it more,", "direct | Savarese | The boys never stopped running,"],
        ),
        (
            "Cascade Power said crews had restored service to about 60,000 customers.\n\n\
             “We know this is hard,” the utility said in a statement.",
            &[
                "direct | Cascade Power | We know this is hard,",
                "paraphrase | Cascade Power | crews had restored service to about 60,000 customers",
            ],
        ),
    ]);
}

/// An age between commas after a full name that opens the sentence is an aside; an organisation
/// named with "for" ("the Department for Transport") is one name.
#[test]
fn ages_and_departments_for() {
    check_all(&[
        (
            "Emma Hughes, 34, who commutes from Brighton, said: ‘I have lost count of the days I have missed.’",
            &["direct | Hughes | I have lost count of the days I have missed."],
        ),
        (
            "The Department for Transport said in a statement: ‘We are disappointed that the RMT has chosen to \
             strike.’",
            &["direct | Department for Transport | We are disappointed that the RMT has chosen to strike."],
        ),
    ]);
}

/// "The Cambridge, Massachusetts-based company" is the company named before, as "the company" is.
#[test]
fn described_companies_with_modifiers() {
    check_all(&[(
        "Moderna Inc, which is developing a rival shot, expects its own data later this month.\n\n\
         “We are encouraged by the news,” the Cambridge, Massachusetts-based company said.",
        &["direct | Moderna | We are encouraged by the news,"],
    )]);
}

/// "A company spokesman" speaks for the company named or heard last.
#[test]
fn company_spokespeople() {
    check_all(&[(
        "Bayer, which makes Bayer Aspirin, said it was reviewing the findings. A company spokesman said: \
         “Aspirin remains an important treatment for many patients.”",
        &[
            "direct | Bayer | Aspirin remains an important treatment for many patients.",
            "paraphrase | Bayer | it was reviewing the findings",
        ],
    )]);
}

/// "X cut in:", "before Y cut him off:": the one who breaks in speaks after the colon, though
/// another clause or another speaker's cue stands before; "“…—” Brevik began" is speech.
#[test]
fn interruptions_before_a_colon() {
    check_all(&[
        (
            "Chairwoman Linda Farrow held speakers to three minutes each. When Gary Lindell, a dairy farmer, went \
             past his time, Farrow cut in: “Sir, your time is up.”",
            &["direct | Farrow | Sir, your time is up."],
        ),
        (
            "Sen. Carolyn Marsh pressed Tom Brevik, the airline’s chief executive, on its software. “The answer is \
             that we have invested —” Brevik began, before Marsh cut him off: “Yes or no, Mr. Brevik.”",
            &["direct | Brevik | The answer is that we have invested —", "direct | Marsh | Yes or no, Mr. Brevik."],
        ),
    ]);
}

/// "The museum said", "the cooperative said": the organisation of that kind named before; a
/// name joined by "&" ("Carrick Tire & Rubber Co.") is one company.
#[test]
fn museums_cooperatives_and_ampersand_companies() {
    check_all(&[
        (
            "It was described in the journal Current Biology by a team from the Bitterroot Museum of Natural \
             History in Missoula.\n\n“This is the most complete skull found in Montana in a decade,” the museum \
             said in a news release.",
            &["direct | Bitterroot Museum | This is the most complete skull found in Montana in a decade,"],
        ),
        (
            "Northstate Electric Cooperative cut power to about 14,000 customers. “We will restore service as soon \
             as it is safe to do so,” the cooperative said in a statement.",
            &["direct | Northstate Electric Cooperative | We will restore service as soon as it is safe to do so,"],
        ),
        (
            "About 1,800 workers walked off the job at Carrick Tire & Rubber Co.’s plant on Monday. The local \
             rejected what the company called its “last, best and final offer” on Sunday night.",
            &["partial | Carrick | last, best and final offer"],
        ),
    ]);
}

/// An event ("the U.S. Open") and a province after a town ("Drumheller, Alberta, who …") are no
/// person: the player and the curator speak.
#[test]
fn events_and_provinces_are_no_speakers() {
    check_all(&[
        (
            "Katerina Vesely lost in the first round of the U.S. Open on Tuesday.\n\n“People ask me about that match \
             point more than anything else,” she said.",
            &["direct | Vesely | People ask me about that match point more than anything else,"],
        ),
        (
            "Dr. Marcus Adeyemi, a curator at the Royal Tyrrell Museum of Palaeontology in Drumheller, Alberta, who \
             was not involved in the research, called the skull “a beautiful specimen.”",
            &["partial | Adeyemi | a beautiful specimen."],
        ),
    ]);
}

/// "A reporter asked, “…?”": the reporter asks, and the pronoun of the answer is not the reporter.
#[test]
fn a_reporter_asks_and_the_player_answers() {
    check_all(&[(
        "Serena Williams lost in the third round on Tuesday.\n\nA reporter asked, “Are you thinking about \
         retirement?”\n\n“No. I have a lot of tennis left,” she said.",
        &[
            "direct | reporter | Are you thinking about retirement?",
            "direct | Williams | No. I have a lot of tennis left,",
        ],
    )]);
}

/// A bare surname goes on standing for whom it stood for, after a relative of the same surname is
/// named: "Vesely said" is still the player, and "she" after it too.
#[test]
fn a_surname_keeps_its_person_after_a_relative_comes_in() {
    check_all(&[(
        "Katerina Vesely announced her retirement on Tuesday.\n\n“I am ready,” Vesely said.\n\nHer father, Pavel \
         Vesely, who has coached her since she was 6, stood at the back of the room.\n\n“The airports,” Vesely \
         said.\n\nAsked about her coach, Vesely smiled. “He will be the strict one,” she said.",
        &[
            "direct | Katerina Vesely | I am ready,",
            "direct | Katerina Vesely | The airports,",
            "direct | Katerina Vesely | He will be the strict one,",
        ],
    )]);
}

/// A social-media handle names the one who posts, before a colon or after "tweeted"; the "@" of
/// an e-mail address is no handle.
#[test]
fn handles_name_who_posts() {
    check_all(&[
        (
            "The weather service posted a warning on Twitter.\n\n@NWSBayArea: “Winds will gust to 60 mph tonight. \
             Stay indoors.”",
            &["direct | @NWSBayArea | Winds will gust to 60 mph tonight. Stay indoors."],
        ),
        (
            "“This is the worst storm in a decade,” tweeted @stormchaser99, a local meteorologist.",
            &["direct | @stormchaser99 | This is the worst storm in a decade,"],
        ),
        (
            "“Write to us at tips@example.org,” the station’s editor, Dana Ruiz, said.",
            &["direct | Ruiz | Write to us at tips@example.org,"],
        ),
    ]);
}

/// "as she liked to tell it", "as one analyst put it": the one after "as" speaks; a name after "a"
/// before a lowercase noun ("a Kodak Brownie camera") is a thing, not whom "she" stands for.
#[test]
fn as_one_put_it_and_names_of_things() {
    check_all(&[
        (
            "Ruth Castellanos was born in 1933. Her father gave her a Kodak Brownie camera when she was 11, “to keep \
             her out of the kitchen,” as she liked to tell it.",
            &["partial | Castellanos | to keep her out of the kitchen,"],
        ),
        (
            "Stocks rose again on Friday. The market, as one analyst put it, is “priced for perfection.”",
            &["partial | analyst | priced for perfection."],
        ),
    ]);
}

/// A surname alone, never read before, stands for the first person of that name, not for the
/// one "not related" named since.
#[test]
fn a_surname_first_read_stands_for_the_first_of_that_name() {
    check_all(&[(
        "“We didn’t want this,” said Ray Kowalski, the local’s president.\n\nOn the picket line, Dana Kowalski, \
         44, who is not related to the local’s president, held a sign.\n\n“Ask me Friday,” \
         Kowalski said.",
        &["direct | Ray Kowalski | We didn’t want this,", "direct | Ray Kowalski | Ask me Friday,"],
    )]);
}

/// "The station's host, Mary Kidd, put it to him: “…?”": a description no list has ("host" is
/// listed, "presenter", "interviewer" are read by their ending) opens the sentence before the
/// name; the one who answers the question ("he replied") is not the one who asked it.
#[test]
fn a_presenter_asks_and_the_guest_replies() {
    check_all(&[(
        "Paul Fenwick, the airline’s chief executive, appeared on the breakfast programme.\n\n\
         “We have ordered new aircraft,” Mr Fenwick said.\n\n\
         The programme’s interviewer, Joan Pryde, put it to him: “When will they arrive?”\n\n\
         “Not before next spring,” he replied.",
        &[
            "direct | Fenwick | We have ordered new aircraft,",
            "direct | Pryde | When will they arrive?",
            "direct | Fenwick | Not before next spring,",
        ],
    )]);
}

/// "A spokeswoman for the company" is the company that spoke last, as "a company spokeswoman" is;
/// "the mayor's spokesman" and "the prime minister's official spokesman" speak for whom the
/// possessive names; "the prime minister", read as the named speaker before it, goes on standing
/// for that one after someone without the title speaks.
#[test]
fn spokespeople_for_the_company_and_for_an_owner() {
    check_all(&[
        (
            "Kestrel Sea Link said on Monday that two sailings had been cancelled. A spokesman for the company \
             said: “We are sorry for the disruption.”",
            &[
                "direct | Kestrel Sea Link | We are sorry for the disruption.",
                "paraphrase | Kestrel Sea Link | two sailings had been cancelled",
            ],
        ),
        (
            "Mayor Dana Whitcombe unveiled the plan in March.\n\n\
             The mayor’s spokesman said the timetable was “ambitious but achievable.”",
            &["partial | Whitcombe | ambitious but achievable."],
        ),
        (
            "Helen Garvey had a difficult afternoon at the dispatch box.\n\n“The figures speak for themselves,” \
             the prime minister said.\n\n“They do, and they say you have failed,” said Lara Bell, the opposition \
             leader.\n\nLater the prime minister’s official spokesman called the figures “a blip.”",
            &[
                "direct | Garvey | The figures speak for themselves,",
                "direct | Bell | They do, and they say you have failed,",
                "partial | Garvey | a blip.",
            ],
        ),
    ]);
}

/// "Hale wanted to know whether the minister agreed that …": speech asked about is no one's, and
/// the one who asks speaks; "the paper quoted Ortiz as saying", "Ortiz was quoted as saying": the
/// one quoted speaks.
#[test]
fn asked_about_speech_and_quoted_as_saying() {
    check_all(&[
        (
            "Sir John Hale, the member for Bexley, wanted to know whether the minister agreed that Bexley was \
             “the finest town in Kent.”",
            &["partial | Hale | the finest town in Kent."],
        ),
        (
            "Lumen Devices unveiled its new tablet, the Slate, on Tuesday. A news release quoted Rosa Ortiz, the \
             chief executive, as saying the Slate was “the lightest we have ever made.”",
            &["partial | Ortiz | the lightest we have ever made."],
        ),
        (
            "Councilman Jim Park spoke at the meeting. Park was quoted as saying the deal was “a win for the city.”",
            &["partial | Park | a win for the city."],
        ),
    ]);
}

/// "her son texted her:", "The advisory read:": texts and e-mails are speech, and a document that
/// reads out a quote speaks for whoever issued something just before; a relative ("his wife
/// said") is the name set beside that relative's noun ("Her mother, Denise Monroe,"), or one who
/// spoke as that relative, or the one of the family's surname named nearby who did not just speak,
/// and with none named, the relative speaks as such.
#[test]
fn texts_bulletins_and_relatives() {
    check_all(&[
        (
            "Gina Morales waited at the shelter all night.\n\nAt 2 a.m. her daughter texted her: “I am safe. \
             The power is out.”",
            &["direct | daughter | I am safe. The power is out."],
        ),
        (
            "The Coast Guard issued a warning for the bay on Sunday. The advisory read: “Small craft should remain \
             in port.”",
            &["direct | Coast Guard | Small craft should remain in port."],
        ),
        (
            "Both Harlan Voss and Edith Voss have sung with the choir for 30 years.\n\n“It keeps us young,” \
             Harlan Voss said.\n\n“It keeps him young,” his wife said.",
            &["direct | Harlan Voss | It keeps us young,", "direct | Edith Voss | It keeps him young,"],
        ),
        (
            "Tom Reyes lost his house in the fire. “Everything is gone,” Reyes said.\n\nHis wife, Ana, said the \
             family would rebuild. “We are alive,” his wife said.",
            &[
                "direct | Tom Reyes | Everything is gone,",
                "direct | Ana | We are alive,",
                "paraphrase | Ana | the family would rebuild",
            ],
        ),
        (
            "Kayla Monroe, 19, died in the crash.\n\nHer mother, Denise Monroe, spoke outside the courthouse. \
             “She was my whole world,” her mother said.",
            &["direct | Denise Monroe | She was my whole world,"],
        ),
    ]);
}

/// "the gunman": a noun read by its "-man" ending names a person, and, used before for someone
/// unnamed ("the gunman", "the jury foreman"), goes on naming that one rather than the named
/// speaker before it; "the provost" is
/// the person written before with that title before a full name ("Provost Anne Lister"), though
/// no list knows it.
#[test]
fn gunmen_and_titles_no_list_has() {
    check_all(&[
        (
            "“We are asking for the public’s help,” Lt. Carla Nunez said.\n\nThe gunman entered the store at \
             9 p.m. A clerk heard the gunman say, “Nobody move,” before he fled.",
            &["direct | Nunez | We are asking for the public’s help,", "direct | gunman | Nobody move,"],
        ),
        (
            "“We are confident,” said Assistant District Attorney Lena Ortiz.\n\nThe jury foreman, who asked not \
             to be named, left quickly. “It was hard,” the foreman said.",
            &["direct | Ortiz | We are confident,", "direct | foreman | It was hard,"],
        ),
        (
            "The cuts were announced by Provost Anne Lister in May.\n\nSam Ortega, a sophomore, shouted from the \
             back. “You never asked us,” he said.\n\n“We did ask, and we listened,” the provost said.",
            &["direct | Ortega | You never asked us,", "direct | Lister | We did ask, and we listened,"],
        ),
    ]);
}

/// "the Northern Highlands": "the" and capitalized words none of which is a first name, a title or
/// an honorific name a place or an institution, never a person "he" could stand for.
#[test]
fn names_after_the_are_no_people() {
    check_all(&[(
        "Rail services resumed on Monday.\n\nA Caledonian Transit spokesman said new trains for the Northern \
         Highlands had been ordered. “We are working to restore services,” he said.",
        &[
            "direct | Caledonian Transit | We are working to restore services,",
            "paraphrase | Caledonian Transit | new trains for the Northern Highlands had been ordered",
        ],
    )]);
}

/// "Members of United Carworkers (UCW)" then "the union said": initials in brackets after a name
/// with no org head, which their capitals need not spell out, are of any kind but a company's;
/// "the spending plan released with the budget warns": a participle and its words may stand
/// between a document and its verb.
#[test]
fn unions_by_their_initials_and_documents_with_participles() {
    check_all(&[
        (
            "Members of United Carworkers (UCW) walked out at midnight.\n\nThe union said in a statement that \
             talks had failed. “Our members have waited long enough,” the statement said.",
            &["direct | UCW | Our members have waited long enough,", "paraphrase | UCW | talks had failed"],
        ),
        (
            "The province will spend more on schools. The spending plan released with the budget warns of \
             “hard choices in the years ahead.”",
            &["partial | plan | hard choices in the years ahead."],
        ),
    ]);
}

/// "the retailer", "the site": kinds of company, which stand for the company of that kind named
/// before ("the discount retailer Pennywise", "the listings site Homeview"), else for a speaker
/// named in one word no full name ends in ("Amazon said"), not for the person who spoke last.
#[test]
fn retailers_and_sites_are_companies() {
    check_all(&[
        (
            "“Shoppers are nervous,” said Dana Moss, an economist at Hillcrest Bank.\n\nShares of the discount \
             retailer Pennywise fell 8 percent. “Our customers are watching every dollar,” the retailer said.",
            &["direct | Moss | Shoppers are nervous,", "direct | Pennywise | Our customers are watching every dollar,"],
        ),
        (
            "“Rents are rising,” said Dana Moss, an economist.\n\nThe listings site Homefind, which tracks asking \
             prices, found the same. The site said in its report that gains were “slowing, but only a little.”",
            &["direct | Moss | Rents are rising,", "partial | Homefind | slowing, but only a little."],
        ),
        (
            "“Prices will rise,” said Dana Moss, an economist.\n\nAmazon said it would hire 100,000 workers. \
             “We are growing,” the retailer said.",
            &[
                "direct | Moss | Prices will rise,",
                "direct | Amazon | We are growing,",
                "paraphrase | Amazon | it would hire 100,000 workers",
            ],
        ),
    ]);
}

/// "According to the lawsuit, the driver ran the light and struck Perez after she “had every right
/// to cross.”": a cue whose clause a second predicate ends before the quote does not govern it;
/// the "according to" that opens the sentence does.
#[test]
fn according_to_governs_past_a_second_predicate() {
    check_all(&[(
        "According to the lawsuit, the driver warned pedestrians and sped up after Perez stepped off the curb \
         with “every right to cross.”",
        &["partial | lawsuit | every right to cross."],
    )]);
}

/// "Westgate Markets, which has 90 stores in Ohio, Indiana and Kentucky, said …": a list of places
/// that ends a relative clause belongs to the clause, so the company before it is the subject and
/// "the chain" (a kind of company) stands for it, not for a state.
#[test]
fn places_listed_in_a_relative_clause_are_not_the_subject() {
    check_all(&[(
        "Westgate Markets, which has 90 stores in Ohio, Indiana and Kentucky, said it had pulled the bars. \
         “Bring them back for a refund,” the chain wrote.",
        &[
            "direct | Westgate Markets | Bring them back for a refund,",
            "paraphrase | Westgate Markets | it had pulled the bars",
        ],
    )]);
}

/// "Northwind Creamery Chief Executive Tom Hale": a company's name that runs on into its
/// officer's title is recorded as a company, so a later "the company said" stands for it; and a
/// company named inside what another company said, in that sentence, does not take "the chain"
/// from the company that spoke.
#[test]
fn company_before_an_officers_title_and_companies_spoken_of() {
    check_all(&[
        (
            "Northwind Creamery Chief Executive Tom Hale posted a video on Friday. “We failed them,” Hale said.\n\n\
             On Saturday, in a notice posted on its website, the company said the bars “may contain peanuts.”",
            &["direct | Hale | We failed them,", "partial | Northwind | may contain peanuts."],
        ),
        (
            "Northwind Foods Chief Executive Tom Hale apologized on Friday.\n\nWestgate Markets said on Twitter \
             that it had pulled every Northwind product from its shelves. “Bring them back for a refund,” the chain \
             wrote.",
            &[
                "direct | Westgate | Bring them back for a refund,",
                "paraphrase | Westgate Markets | it had pulled every Northwind product from its shelves",
            ],
        ),
    ]);
}

/// "Dana Kirk, the mission’s principal investigator, …" then "the principal investigator said:":
/// a definite description stands for the person named with it in an aside before, even when
/// someone else spoke in between, and so does its last noun alone ("the engineer").
#[test]
fn definite_description_named_in_an_aside_before() {
    check_all(&[
        (
            "Dana Kirk, the mission’s principal investigator, wiped her eyes. “Ten years of work,” Kirk said.\n\n\
             Maria Lopez, a geologist at Hale University, was more careful. “We will see,” Lopez said.\n\n\
             Asked what she expected to find, the principal investigator said: “Ice, and a lot of it.”",
            &[
                "direct | Kirk | Ten years of work,",
                "direct | Lopez | We will see,",
                "direct | Kirk | Ice, and a lot of it.",
            ],
        ),
        (
            "Tom Reyes, the county’s chief engineer, presented the plan. “It holds,” Reyes said.\n\n\
             Ann Pike, who lives by the bridge, was not convinced. “I have seen the cracks,” Pike said.\n\n\
             “The cracks are cosmetic,” the engineer said.",
            &[
                "direct | Reyes | It holds,",
                "direct | Pike | I have seen the cracks,",
                "direct | Reyes | The cracks are cosmetic,",
            ],
        ),
    ]);
}

/// "One employee, who asked not to be named, told reporters:": "employee" names a person (a people
/// noun), so an anonymous employee speaks, not a heading's capitalized word before.
#[test]
fn employees_speak() {
    check_all(&[
        (
            "Staff warned of leaks\n\nOne Tidewell employee, who asked not to be named, told reporters: “We saw the \
             leaks every week.”",
            &["direct | employee | We saw the leaks every week."],
        ),
        ("“Nobody listened to us,” one employee said.", &["direct | employee | Nobody listened to us,"]),
    ]);
}

/// "Dana Kirk … Lucia Kirk, a chemist on the team, … “…,” his wife said", with someone of another
/// name speaking in between: the relative is the nearest name just before that shares its surname
/// with another full name before it.
#[test]
fn relative_named_just_before_after_another_speaker() {
    check_all(&[(
        "Tomas Kirk, who led the team, wiped his eyes. “Twelve years,” Kirk said.\n\n\
         Maria Lopez, a geologist at Hale University, was more careful. “We will see,” Lopez said.\n\n\
         Lucia Kirk, a chemist on the team, had spent the week there too. “He has not slept since Sunday,” his wife \
         said.",
        &[
            "direct | Kirk | Twelve years,",
            "direct | Lopez | We will see,",
            "direct | Lucia Kirk | He has not slept since Sunday,",
        ],
    )]);
}

/// "A study commissioned by the tourism board described the valley as “…”": a document followed by
/// a participle in "-ed" and "by" speaks, not whoever commissioned or published it.
#[test]
fn document_commissioned_by_someone_speaks() {
    check_all(&[(
        "A study commissioned by the tourism board described the Shannon Valley as “the quietest corner of the \
         west”.",
        &["partial | study | the quietest corner of the west"],
    )]);
}

/// "Ghana’s cocoa regulator, known as the GCB, said …": the name an aside gives after "known as"
/// is the cue's subject; an aside with no capitalized name after "known as" is not.
#[test]
fn name_given_after_known_as_speaks() {
    check_all(&[
        (
            "Ann Pike, a grower, said prices were low.\n\nGhana’s cocoa regulator, known as the GCB, said on Monday \
             that the harvest was “on track”.",
            &["partial | GCB | on track", "paraphrase | Pike | prices were low"],
        ),
        (
            "The regulator, known as a cautious body, said the harvest was “on track”.",
            &["partial | regulator | on track"],
        ),
    ]);
}

/// "7-year-old Tobias Wren … “…,” Tobias said": a single name that is nobody's surname but the
/// first name of a full name before stands for that full name; one that is a surname still
/// stands for its person.
#[test]
fn first_name_alone_stands_for_the_full_name() {
    check_all(&[
        (
            "While we watched, 9-year-old Tobias Wren and his father stopped by.\n\n“I found a book about \
             trains,” Tobias said.",
            &["direct | Wren | I found a book about trains,"],
        ),
        (
            "Grace Tobias, a neighbor, and Tobias Wren, 9, stopped by.\n\n“We come every day,” Tobias said.",
            &["direct | Grace Tobias | We come every day,"],
        ),
    ]);
}

/// "An inspector from the regional transport office gave a short verdict: “…”": someone new
/// brought in by "a", "an" or "one" and a noun for people, who opens the sentence, speaks the
/// quote after its colon, not the organisation that spoke before.
#[test]
fn someone_new_before_a_colon_speaks() {
    check_all(&[(
        "The Harbour Authority said the pier would reopen in May. An inspector from the regional transport \
         office gave a short verdict: “The pilings are rotten. Nobody should walk on them.”",
        &[
            "direct | inspector | The pilings are rotten. Nobody should walk on them.",
            "paraphrase | Harbour Authority | the pier would reopen in May",
        ],
    )]);
}

/// "A 2019 survey by her team found …": a document whose author is not named speaks as
/// itself; "A review published last year by the Ashford County Council found …": one named
/// after "by" is named with its document ("Ashford County Council review"), so both the
/// council and the review are right.
#[test]
fn document_by_its_author_speaks() {
    check_all(&[
        (
            "Nora Lind, an agronomist at the Western Farm Institute, has counted hives for years. A 2019 survey by \
             her team found that colonies had fallen “by a third since 2010.”",
            &["partial | survey | by a third since 2010."],
        ),
        (
            "A report released in May by the Ashford County Council found the bridge “unsafe for heavy lorries.”",
            &["partial | Ashford County Council report | unsafe for heavy lorries."],
        ),
    ]);
}

/// "Fishermen along the coast call such a fog “the grey wall”": the quoted words a few words
/// after a verb of naming in its base form are a term; "the call was “…”" still quotes.
#[test]
fn term_after_a_naming_verb_is_no_quote() {
    check_all(&[
        (
            "Fishermen along the coast call such a fog “the grey wall”, because nothing shows through it. \
             Planners call towns like Eastport “harbor deserts.”",
            &[],
        ),
        (
            "Lena Ortiz, the harbor master, said the call was “a routine check.” Her deputy, Sam Reyes, told \
             the same call that the pier was “safe for now.”",
            &["partial | Ortiz | a routine check.", "partial | Reyes | safe for now."],
        ),
    ]);
}

/// "the crowd sang “Blaydon Races”", "sang the club song, “Old Ground,”", "what planners know by
/// the term “kampung kota,” or “urban villages,”": a title after a verb of singing or after a
/// title noun and a comma, and a term with its gloss after "or", are not quotes.
#[test]
fn songs_and_glossed_terms_are_no_quotes() {
    check_all(&[(
        "Through the evening the home fans sang “Blaydon Races” at every corner. At the end the players sang the \
         club song, “Old Ground,” with them. Half the city lives in what planners call settlements, known by the \
         term “kampung kota,” or “urban villages,” where lanes are too narrow for cars.",
        &[],
    )]);
}

/// "the ad says: “…”", "The council’s own summary describes the cut as “…”": ads, menus and
/// summaries are documents that speak as themselves, and an owner's name may open the
/// document's phrase.
#[test]
fn ads_and_summaries_speak() {
    check_all(&[(
        "Over footage of a shuttered library, the ad says: “Mark Ellison closed your library. Now he wants your \
         vote.”\n\nEllison spokeswoman Dana Ruiz said the claim was unfair. The Finance Committee’s own summary \
         describes the change as “a deferral of $3.1 million to the next fiscal year.”",
        &[
            "direct | ad | Mark Ellison closed your library. Now he wants your vote.",
            "partial | summary | a deferral of $3.1 million to the next fiscal year.",
            "paraphrase | Ruiz | the claim was unfair",
        ],
    )]);
}

/// "The Instituto Nacional de Estadística (INE), the statistics office, said …": initials in
/// brackets after a name joined by a particle of another language are the organisation's name,
/// which "the office" later stands for too.
#[test]
fn initials_after_a_foreign_name_speak() {
    check_all(&[(
        "The Instituto Nacional de Estadística (INE), the country’s statistics office, said output had risen and \
         that the figures were “better than expected.”\n\n“The recovery is broad,” the statistics office said in \
         a statement.",
        &["partial | INE | better than expected.", "direct | INE | The recovery is broad,"],
    )]);
}

/// "Our waiter, who did not give his name, told us …", "said the captain": captains, skippers, pilots,
/// controllers, servers and waiters are people named by their role (words/role_nouns.txt,
/// role_heads.txt).
#[test]
fn captains_pilots_and_servers_are_roles() {
    check_all(&[(
        "Ruth Hale reviewed the place in 2019. Our waiter, who did not give his name, told us the fish had been \
         “caught this morning off the point.”",
        &["partial | waiter | caught this morning off the point."],
    )]);
}

/// "“We dropped too many catches,” said Kent’s captain, Tom Ashby. “That cost us.”":
/// the name set after a description that ends the inverted clause is the speaker.
#[test]
fn name_after_description_ending_the_clause_speaks() {
    check_all(&[(
        "Kent were 90 for six before Dan Pryce and Ollie Marsh held them up for two hours.\n\n“We dropped too many \
         catches,” said Kent’s captain, Tom Ashby. “That cost us.”",
        &["direct | Ashby | We dropped too many catches, … That cost us."],
    )]);
}

/// "The Fisheries and Marine Resources Department (FMRD) said …" then "the department said": an
/// organisation's name keeps the words before its "and", and the initials in brackets that spell
/// it (or its last words, after "the U.S.") name it, whichever of them speaks.
#[test]
fn initials_after_a_name_joined_by_and_speak() {
    check_all(&[
        (
            "The Fisheries and Marine Resources Department (FMRD), which licenses the island’s trawlers, said \
             the catch limit would be cut “by about a third” next year.\n\nIn a paper sent to the assembly, the \
             department described the cut as “painful but unavoidable”.\n\n“Without it there will be no cod left \
             to argue about,” the department said in a statement.",
            &[
                "partial | FMRD | by about a third",
                "partial | FMRD | painful but unavoidable",
                "direct | FMRD | Without it there will be no cod left to argue about,",
            ],
        ),
        (
            "The U.S. Federal Aviation Administration (FAA) fined the airline $1.2 million on Monday, saying its refund \
             process had been “deliberately slow.”",
            &["partial | FAA | deliberately slow."],
        ),
    ]);
}

/// "Consolidated Freight Lines Inc., or CFL, the region’s largest hauler, said …": initials after
/// ", or" that spell the name before them (its "Inc." aside) name it too.
#[test]
fn initials_after_or_speak() {
    check_all(&[(
        "Consolidated Freight Lines Inc., or CFL, the region’s largest hauler, raised its rates by 8 percent, \
         saying in a filing that fuel costs had become “impossible to absorb.”",
        &["partial | CFL | impossible to absorb."],
    )]);
}

/// "Walt Kerchinski, 84, a retired steelworker who said he had eaten there “…”": a description
/// that "who" follows without a comma stands beside the name before it (an age may come
/// between), and the name speaks.
#[test]
fn name_before_a_description_with_who_speaks() {
    check_all(&[
        (
            "Among the first in line was Walt Kerchinski, 84, a retired steelworker who said he had eaten there \
             “six days a week since the Eisenhower administration.”",
            &["partial | Kerchinski | six days a week since the Eisenhower administration."],
        ),
        (
            "The loudest voice belonged to Maria Ochoa, the union’s treasurer who said the deal was “a betrayal of \
             every member.”",
            &["partial | Ochoa | a betrayal of every member."],
        ),
    ]);
}

/// "Dlamini’s son, Sibusiso, 27, who handles the deliveries, said …" then "he said": a first name
/// between commas after a relative of someone named in the possessive speaks, with that family's
/// surname, and the age after it is an aside.
#[test]
fn relative_named_by_first_name_speaks() {
    check_all(&[(
        "“We open at four,” said Nomvula Dlamini, who runs the bakery.\n\n“The ovens are old,” said Dr Ayanda \
         Khumalo, an economist.\n\nDlamini’s son, Sibusiso, 27, who handles the bakery’s deliveries, said the \
         family had priced a generator.\n\n“My mother says we will buy one when Eskom pays for it,” he said.",
        &[
            "direct | Dlamini | We open at four,",
            "direct | Khumalo | The ovens are old,",
            "paraphrase | Dlamini | the family had priced a generator",
            "direct | Dlamini | My mother says we will buy one when Eskom pays for it,",
        ],
    )]);
}

/// "An official at the Ministry of Economy, Trade and Industry, who asked not to be named, said":
/// a list of capitalized words closed by "and" after an org head and "of" is one organisation's
/// name, never a speaker of its own ("Trade").
#[test]
fn listed_words_of_an_organisations_name_speak_for_no_one() {
    check_all(&[
        (
            "An official at the Ministry of Economy, Trade and Industry, who asked not to be named, said the \
             ministry was “in close contact with industry.”\n\n“Chips are a security question now,” the official \
             said.",
            &[
                "partial | official | in close contact with industry.",
                "direct | official | Chips are a security question now,",
            ],
        ),
        (
            "The Ministry of Agriculture, Forestry and Fisheries said the ban was “temporary.”",
            &["partial | Ministry of Agriculture, Forestry and Fisheries | temporary."],
        ),
    ]);
}

/// "The Kasi Business Forum, which represents businesses in Gauteng, said": an aside that opens
/// with a relative word names no one; a place at its end does not speak.
#[test]
fn relative_aside_names_no_one() {
    check_all(&[(
        "The Kasi Business Forum, which represents about 3 000 township businesses in Gauteng, said in a \
         statement that small traders were being “pushed off a cliff”.",
        &["partial | Kasi | pushed off a cliff"],
    )]);
}

/// "Its chairperson, Mandla Mthembu, said … He was blunt: “…”": "he" or "she" opening a short
/// clause with no cue before a colon speaks the quote after it, as "he said" would.
#[test]
fn pronoun_before_a_colon_speaks() {
    check_all(&[(
        "Its chairperson, Mandla Mthembu, said the forum would write to the regulator. He was blunt: “We are \
         not asking for a miracle.”",
        &[
            "paraphrase | Mthembu | the forum would write to the regulator",
            "direct | Mthembu | We are not asking for a miracle.",
        ],
    )]);
}

/// "the National Energy Regulator of South Africa": capitals before "of" and a capitalized word
/// that hold a word never in a person's name ("Energy") name an institution, and a continent is a
/// place, so neither is anybody a pronoun stands for.
#[test]
fn institution_before_of_is_nobody_a_pronoun_stands_for() {
    check_all(&[(
        "Its chairperson, Mandla Mthembu, said the forum would write to the National Energy Regulator of South \
         Africa (Nersa). He was blunt: “We are not asking for a miracle.”",
        &[
            "paraphrase | Mthembu | the forum would write to the National Energy Regulator of South Africa (Nersa)",
            "direct | Mthembu | We are not asking for a miracle.",
        ],
    )]);
}

/// "In a statement read to the court by Ms Ryan, his mother, Aoife Brennan, said:": a name after
/// a preposition belongs to the opening phrase, so the description after it is the subject and
/// the name in apposition to it speaks.
#[test]
fn name_after_a_preposition_is_no_subject() {
    check_all(&[(
        "In a statement read to the court by Ms Ryan, his mother, Aoife Brennan, said:\n\n“Cian went to \
         Australia to see the world.”",
        &["direct | Brennan | Cian went to Australia to see the world."],
    )]);
}

/// "FDA reviewers were not persuaded. In briefing documents …, they wrote that “…”": an
/// organisation's initials before a plural noun for people name those people, who speak as a
/// subject and whom "they" in the next sentence stands for.
#[test]
fn people_named_by_initials_speak() {
    check_all(&[
        (
            "The drug missed its goal. FDA reviewers were not persuaded. In \
             briefing documents posted on Tuesday, they wrote that the results were “exploratory and \
             inconsistent.”",
            &["partial | reviewers | exploratory and inconsistent."],
        ),
        (
            "The drug missed its goal. FDA reviewers were not persuaded. They \
             wrote that the results were “exploratory and inconsistent.”",
            &["partial | reviewers | exploratory and inconsistent."],
        ),
        (
            "NTSB investigators said the rail had been “cracked for months.”",
            &["partial | NTSB investigators | cracked for months."],
        ),
    ]);
}

/// Names in quote marks that nobody says: a title after "a campaign called", a name between an
/// article and the noun it modifies, and a sign joined by "and" to another sign.
#[test]
fn names_called_modifying_or_joined_to_a_sign_are_no_quotes() {
    check_all(&[
        (
            "The foundation, which organized a letter-writing campaign called “Time Is Brain” last spring, has \
             many members. “We will keep fighting,” its director said.",
            &["direct | director | We will keep fighting,"],
        ),
        (
            "Tanabe said buyers of the “Sora e-Drive” hybrid had been told to expect delivery “sometime after \
             Golden Week.”",
            &["partial | Tanabe | sometime after Golden Week."],
        ),
        (
            "Residents marched to the depot carrying placards reading “No power, no peace” and “Eskom, give us \
             light”.",
            &[],
        ),
    ]);
}

/// "An internal memo, written in May and obtained by the Daily News, warned the council": a noun
/// phrase and an aside that opens with a past participle, before a comma and a verb, are the
/// verb's subject, not a clause the one after the verb reported.
#[test]
fn participle_aside_before_a_verb_is_no_paraphrase() {
    check_all(&[(
        "An internal memo from the city attorney’s office, written in May and obtained by the Daily News, warned \
         the council before the vote.",
        &[],
    )]);
}

/// "The train belonged to Coteau Northern Railway … In a statement, the railroad said …": a
/// railroad or railway heads a company's name, and "the railroad" stands for the one named last.
#[test]
fn the_railroad_stands_for_the_railway_named() {
    check_all(&[(
        "The train belonged to Coteau Northern Railway, which hauls crude to the Midwest. In a statement, the \
         railroad said it had sent “hazardous materials specialists” to the scene.\n\n“Our first priority is \
         safety,” the statement said.",
        &["partial | Coteau | hazardous materials specialists", "direct | Coteau | Our first priority is safety,"],
    )]);
}

/// "Lunaris Semiconductor, the Taiwanese chipmaker …, said …" after "Kaminari Motors": a name
/// that ends in "Semiconductor" is a company, which "the company said" then stands for.
#[test]
fn a_semiconductor_maker_is_a_company() {
    check_all(&[(
        "Kaminari Motors halted two plants. Lunaris Semiconductor, the Taiwanese chipmaker that supplies \
         Kaminari, said its factories were “at more than 100% of capacity.”\n\n“We understand the pain of our \
         customers,” the company said.",
        &[
            "partial | Lunaris | at more than 100% of capacity.",
            "direct | Lunaris | We understand the pain of our customers,",
        ],
    )]);
}

/// "The Bellweather Huntington’s Foundation, a patient group that organized a campaign called
/// “Time Is Brain” ahead of the meeting, said …": a short name in capitals in quote marks stays
/// inside the aside, and the name before the aside speaks.
#[test]
fn quoted_name_inside_an_aside_keeps_the_subject() {
    check_all(&[(
        "The Bellweather Huntington’s Foundation, a patient group that organized a letter-writing campaign \
         called “Time Is Brain” ahead of the meeting, said in a statement that the vote was “a gut punch.”",
        &["partial | Bellweather | a gut punch."],
    )]);
}

#[test]
fn only_a_headline_has_scare_quotes() {
    let words = |text: &str, ex: &Extraction| -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        ex.quotes.iter().map(|q| chars[q.span.start..q.span.end].iter().collect()).collect()
    };
    // A headline's one quoted word, its speaker unnamed there, is the desk's shorthand.
    let story = "Mayor vows to block ‘unworkable’ plan for the river\n\nThe mayor said the plan was “unworkable” and \
                 that she would veto it.";
    assert_eq!(words(story, &extract(story)), ["unworkable"]);
    // Read from a slice that does not start the text, the same first line is the story's.
    assert_eq!(words(story, &extract_from(story, false)).len(), 2);
    // A text of one paragraph has no headline, whatever it ends with.
    let wire = "The mayor said the plan was “unworkable” and that she would veto it (Reporting by Jo Lee)";
    assert_eq!(words(wire, &extract(wire)), ["unworkable"]);
    // Nor is a lede that ends with a colon one.
    let lede = "The mayor called the plan “unworkable” and added a warning for the council:\n\n“We will not pay.”";
    assert_eq!(words(lede, &extract(lede)).len(), 2);
}

/// "Three engineers who inspected the bridge said … “…,” said one of them, a structural
/// consultant hired by the county": the appositive after "one of them" says who speaks, not the
/// group the pronoun stands for.
#[test]
fn one_of_them_is_the_appositive() {
    check_all(&[(
        "Three engineers who inspected the bridge said the cables had corroded.\n\n“The bolts were rusted \
         through. Nobody had looked at them in years,” said one of them, a structural consultant hired by \
         the county, who asked not to be named.",
        &["direct | consultant | The bolts were rusted through. Nobody had looked at them in years,"],
    )]);
}

/// "Ines Valdez, a spokeswoman for the nurses’ union, … She said the union had long warned that
/// the wards were “…”": the union a person reports on, named only by "the union", is reported by
/// that person; the organisation named before does not speak there.
#[test]
fn the_organisation_reported_by_a_person_is_that_person() {
    check_all(&[(
        "The Regional Health Board said it was “reviewing staffing levels.”\n\nInes Valdez, a spokeswoman for \
         the Hollis nurses’ union, said shifts had been cut. She said the union had long warned that the wards \
         were “one flu season away from collapse.”",
        &[
            "partial | Health | reviewing staffing levels.",
            "paraphrase | Valdez | shifts had been cut",
            "partial | Valdez | one flu season away from collapse.",
        ],
    )]);
}

/// "… hired Brennan Associates, a Bristol surveying firm, which concluded that the roof was “…”":
/// the firm named before its aside and "which" speaks, not the subject of the sentence.
#[test]
fn the_firm_before_which_speaks() {
    check_all(&[(
        "The parish council voted to sell the hall.\n\nThe Save the Hall group hired Brennan Associates, a \
         Bristol surveying firm, which concluded that the roof was “sound for another forty years.”",
        &["partial | Brennan | sound for another forty years."],
    )]);
}

/// "A petition started by parents has 4,000 names. It calls the cuts “…”": "It" opening a
/// sentence is the document that opens the sentence before, not the organisation that spoke last.
#[test]
fn it_after_a_document_is_that_document() {
    check_all(&[(
        "Harlow Borough Council said the library would close in May because of “a funding gap.”\n\nA petition \
         started by parents has gathered 4,000 names. It calls the closure “a betrayal of every child in \
         town.”",
        &["partial | Harlow | a funding gap.", "partial | petition | a betrayal of every child in town."],
    )]);
}

/// "An audit ordered by the district and released Friday found that the accounts were “…”": a
/// document, two participles and a weekday before "found", speaks as itself.
#[test]
fn an_audit_released_on_a_weekday_finds() {
    check_all(&[(
        "Marta Lindqvist ran the district’s payroll for a decade.\n\nAn audit ordered by the district and \
         released Friday found that the accounts were “riddled with duplicate payments.”",
        &["partial | audit | riddled with duplicate payments."],
    )]);
}

/// "Tomas Reyes, a sophomore, won the 400 meters. …(a long story)… “…,” Tomas said": a first name
/// alone, far from the full name, stands for that full name when no other full name before it
/// shares the first name.
#[test]
fn a_first_name_far_from_its_full_name() {
    let filler = "The meet ran late because of rain, and the crowd stayed under umbrellas in the stands. ".repeat(40);
    let text = format!(
        "Tomas Reyes, a sophomore at Eastfield, won the 400 meters in 48.9 seconds.\n\n{filler}\n\n“I just \
         wanted to beat my own time,” Tomas said."
    );
    check_all(&[(&text, &["direct | Reyes | I just wanted to beat my own time,"])]);
}

/// "Maya Ortiz and her sister, Lena Ortiz, … The sisters laughed. “…,” they said": relatives named
/// only by "the" and a plural kin noun are the family whose surname the people named before share.
#[test]
fn the_sisters_are_the_family() {
    check_all(&[(
        "Maya Ortiz scored twice in the final. Her sister, Lena Ortiz, kept a clean sheet.\n\nThe sisters \
         laughed when asked about the bus ride home. “Nobody is allowed to sing,” they said.",
        &["direct | Ortiz | Nobody is allowed to sing,"],
    )]);
}

/// "Feld said Captain Mallow was based on her uncle. “…,” she said": a name that opens a clause
/// someone reports, with its own verb after it, is spoken of; neither the cue nor a pronoun
/// after it goes to that name.
#[test]
fn a_name_in_a_reported_clause_is_spoken_of() {
    check_all(&[
        (
            "Iris Feld drew the comic for 30 years.\n\nFeld said Captain Mallow was based on her uncle.\n\n“He \
             really did wear an eyepatch to church,” she said.",
            &[
                "paraphrase | Feld | Captain Mallow was based on her uncle",
                "direct | Feld | He really did wear an eyepatch to church,",
            ],
        ),
        (
            "Iris Feld drew the comic for 30 years.\n\nFeld has always said Captain Mallow was based on her \
             uncle.\n\n“He really did wear an eyepatch to church,” she said.",
            &["direct | Feld | He really did wear an eyepatch to church,"],
        ),
        (
            "Police said John Smith was arrested on Tuesday at his home.\n\n“I did nothing wrong,” he told \
             reporters outside the courthouse.",
            &[
                "paraphrase | Police | John Smith was arrested on Tuesday at his home",
                "direct | Smith | I did nothing wrong,",
            ],
        ),
    ]);
}

/// "… the residents of Harwick Township. “…,” she said": a township, a borough or a village is a
/// place, not a person a pronoun could stand for.
#[test]
fn a_township_is_no_person() {
    check_all(&[(
        "The defense rested on Friday. Mara Quist was asked whether she wished to address the residents of \
         Harwick Township.\n\n“I let every one of you down,” she said.",
        &["direct | Quist | I let every one of you down,"],
    )]);
}

/// "He likes to call it “the best deal this county has signed in a generation.”": a quote of
/// more than a few words after a verb of naming is someone's words, not a term.
#[test]
fn a_long_quote_after_call_is_speech() {
    check_all(&[(
        "Commissioner Dale Benton has backed the stadium plan since spring. He likes to call it “the best deal \
         this county has signed in a generation.”",
        &["partial | Benton | the best deal this county has signed in a generation."],
    )]);
}

/// "“Who opened the account?” Ruiz asked.¶“Me.”¶“And who closed it?”": a paragraph of its own
/// after a question is an answer, not a title, though its one word is capitalized; it is the
/// answerer's (who spoke before the asker), and the next uncued question is the asker's again.
#[test]
fn an_answer_paragraph_after_a_question() {
    check_all(&[(
        "“I kept the ledger for six years,” Tomlin testified.\n\n“Mr. Tomlin, who opened the account?” Ruiz \
         asked.\n\n“Me.”\n\n“And who closed it?”\n\n“My brother did,” Tomlin said.",
        &[
            "direct | Tomlin | I kept the ledger for six years,",
            "direct | Ruiz | Mr. Tomlin, who opened the account?",
            "direct | Tomlin | Me.",
            "direct | Ruiz | And who closed it?",
            "direct | Tomlin | My brother did,",
        ],
    )]);
    // A question said aloud asks no one: the next paragraph goes on in the same voice.
    check_all(&[(
        "Grocery prices rose again in March.\n\n“It is the rent, then the food,” said Tom Reyes, a \
         landlord.\n\n“How are families supposed to afford this?” said Maria Lopez, a mother of \
         three.\n\n“We’re already cutting back.”",
        &[
            "direct | Reyes | It is the rent, then the food,",
            "direct | Lopez | How are families supposed to afford this?",
            "direct | Lopez | We’re already cutting back.",
        ],
    )]);
}

/// "its biggest hit has a chorus, “Hold the line and hold your own,” that crowds sing", "a slogan
/// stitched across the banner, “Never Again the Flood,”": a quote set beside a naming noun, perhaps
/// with a participle phrase between, names the thing and is nobody's speech.
#[test]
fn a_quote_beside_a_naming_noun_is_a_name() {
    check_all(&[
        (
            "The band formed in 2009. Its biggest hit has a chorus, “Hold the line and hold your own,” that \
             crowds sing back at every show.",
            &[],
        ),
        (
            "The march began at noon behind a slogan stitched across the banner, “Never Again the Flood,” and \
             the organiser, Rhea Lund, said turnout was “beyond anything we hoped for.”",
            &["partial | Lund | beyond anything we hoped for."],
        ),
    ]);
}

/// A headline (the first paragraph, with no full stop) that quotes one or two words and names
/// nobody ("Parents vow to fight ‘reckless’ school merger") is the desk's scare quote; one that
/// names who speaks ("Hadley slams ‘reckless’ merger") quotes them.
#[test]
fn a_headline_scare_quote_names_nobody() {
    check_all(&[
        (
            "Parents vow to fight ‘reckless’ school merger\n\nParents in Dunmore packed the hall on Monday. “We \
             were never asked,” said Orla Hayes, a mother of three.",
            &["direct | Hayes | We were never asked,"],
        ),
        (
            "Hadley slams ‘reckless’ school merger\n\nCouncillor Ben Hadley said the plan had been rushed.",
            &["partial | Hadley | reckless", "paraphrase | Hadley | the plan had been rushed"],
        ),
    ]);
}

/// "… and a 1962 memo from the studio that told him that audiences wanted “heroes, not
/// hand-wringing.”": "that" before a past tense is a relative pronoun, and the document a few
/// words before it speaks.
#[test]
fn a_document_that_told_speaks() {
    check_all(&[(
        "The archive holds his scripts, his notebooks and a 1962 memo from the studio that told him that \
         audiences wanted “heroes, not hand-wringing.”",
        &["partial | memo | heroes, not hand-wringing."],
    )]);
}

/// "the critic Mona Reyes called “Harbor Lights” “the finest thing on network television.”": the
/// title right before the quote it is called is a title, not a quote of its own.
#[test]
fn a_title_called_something_stays_a_title() {
    check_all(&[(
        "Reviewers were unkind at first. In 1994 the critic Mona Reyes called “Harbor Lights” “the finest thing \
         on network television.”",
        &["partial | Reyes | the finest thing on network television."],
    )]);
}

/// "its slogan, “Built to Outlast,” appeared on billboards and, according to the company, on
/// 40,000 lunchboxes": "according to" later in the sentence cites a fact, and the quote beside
/// the naming noun is still the slogan.
#[test]
fn according_to_does_not_speak_a_slogan() {
    check_all(&[(
        "The brand was launched in 1978, and its slogan, “Built to last, built for you,” appeared on billboards \
         and, according to the company, on 40,000 lunchboxes.",
        &[],
    )]);
}

/// "Luis and Carmen Ortega were in the car. … Her husband added: “…”": a lone first name joined by
/// "and" to a full name shares its surname, so the relative is that one.
#[test]
fn first_name_joined_to_a_full_name_shares_the_surname() {
    check_all(&[(
        "Luis and Carmen Ortega were in the third car. Carmen Ortega, a home health aide, said she had \
         been late four times.\n\n“My patients are waiting,” she said.\n\nHer husband added: “We ate lunch in the car.”",
        &[
            "paraphrase | Carmen Ortega | she had been late four times",
            "direct | Carmen Ortega | My patients are waiting,",
            "direct | Luis Ortega | We ate lunch in the car.",
        ],
    )]);
}

/// "JAMA Pediatrics said": initials and one capitalized word that is no first name and no title
/// name a publication, not a person called by the word after the initials.
#[test]
fn initials_and_one_word_name_an_organisation() {
    check_all(&[(
        "The study was published on Monday.\n\nIn an editor’s note, JAMA Pediatrics said it had published the \
         paper early “because many school boards are setting calendars now.”",
        &["partial | JAMA Pediatrics | because many school boards are setting calendars now."],
    )]);
}

/// "Peru's National Water Authority (ANA) said": initials in brackets that spell the name in its
/// own language, one letter for each of the name's last words, name the same organisation, also
/// when the name is given with its owner's possessive and opens with a title word ("National").
#[test]
fn initials_of_a_translated_name_name_the_organisation() {
    check_all(&[(
        "Peru’s National Water Authority (ANA) said in a statement that the lake was ‘fully operational’.",
        &["partial | ANA | fully operational"],
    )]);
}

/// "He said that engineers from Lima had promised …": one capitalized word after a preposition
/// that follows a lowercase word is a place, not the subject of the cue, so "he" after it is still
/// the speaker named before.
#[test]
fn one_word_after_a_preposition_is_no_speaker() {
    check_all(&[(
        "‘Nobody listens to us,’ the district mayor, Rufino Cáceres, said in Spanish.\n\nHe said that engineers \
         from Lima had promised in 2017 to lower the lake. ‘They sat in my office,’ he said.",
        &[
            "direct | Cáceres | Nobody listens to us,",
            "paraphrase | Cáceres | engineers from Lima had promised in 2017 to lower the lake",
            "direct | Cáceres | They sat in my office,",
        ],
    )]);
}

/// "Tamika Greer … Her son, Jaylen, 9, … “…,” Jaylen said": a first name set alone beside a
/// possessive relative's noun takes the surname of the full name written just before it.
#[test]
fn first_name_beside_a_relative_takes_the_family_surname() {
    check_all(&[(
        "“The bus can’t wait,” said Tamika Greer, who has lived there for nine years.\n\nHer son, Jaylen, 9, \
         keeps a book in the car.\n\n“I read a whole chapter yesterday,” Jaylen said.",
        &["direct | Tamika Greer | The bus can’t wait,", "direct | Jaylen Greer | I read a whole chapter yesterday,"],
    )]);
}
