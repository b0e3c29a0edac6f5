//! Word lists that stand in for a part-of-speech tagger.
//!
//! Every lookup takes a lowercase word. The lists are small on purpose: a word missing here makes
//! the extractor miss an attribution, while a wrong word here makes it invent one.

/// Speech verbs and other cues that introduce reported speech.
pub(crate) fn is_cue(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "say"
            | "saying"
            | "told"
            | "tells"
            | "telling"
            | "added"
            | "adds"
            | "adding"
            | "stated"
            | "stating"
            | "noted"
            | "notes"
            | "noting"
            | "argued"
            | "argues"
            | "arguing"
            | "insisted"
            | "insists"
            | "insisting"
            | "claimed"
            | "claims"
            | "claiming"
            | "accused"
            | "accuses"
            | "accusing"
            | "warned"
            | "warns"
            | "warning"
            | "wrote"
            | "writes"
            | "writing"
            | "tweeted"
            | "tweets"
            | "asked"
            | "asks"
            | "explained"
            | "explains"
            | "explaining"
            | "declared"
            | "declares"
            | "declaring"
            | "announced"
            | "announces"
            | "suggested"
            | "suggests"
            | "suggesting"
            | "acknowledged"
            | "acknowledges"
            | "admitted"
            | "admits"
            | "conceded"
            | "concedes"
            | "continued"
            | "continues"
            | "replied"
            | "replies"
            | "responded"
            | "responds"
            | "remarked"
            | "observed"
            | "called"
            | "calls"
            | "calling"
            | "described"
            | "describes"
            | "describing"
            | "urged"
            | "urges"
            | "predicted"
            | "predicts"
            | "promised"
            | "promises"
            | "vowed"
            | "vows"
            | "pledged"
            | "charged"
            | "charges"
            | "contended"
            | "contends"
            | "maintained"
            | "maintains"
            | "asserted"
            | "asserts"
            | "stressed"
            | "stresses"
            | "stressing"
            | "emphasized"
            | "emphasised"
            | "complained"
            | "complains"
            | "joked"
            | "jokes"
            | "quipped"
            | "recalled"
            | "recalls"
            | "revealed"
            | "reveals"
            | "revealing"
            | "countered"
            | "counters"
            | "retorted"
            | "blasted"
            | "slammed"
            | "criticized"
            | "criticised"
            | "denounced"
            | "lamented"
            | "laments"
            | "boasted"
            | "bragged"
            | "mused"
            | "posted"
            | "shouted"
            | "yelled"
            | "demanded"
            | "demands"
            | "wondered"
            | "concluded"
            | "reiterated"
            | "confirmed"
            | "confirms"
            | "denied"
            | "denies"
            | "labeled"
            | "labelled"
            | "dubbed"
            | "branded"
            | "according"
            | "agreed"
            | "agrees"
            | "testified"
            | "tweeting"
            | "pointed"
            | "cautioned"
            | "conceding"
            | "acknowledging"
            | "announcing"
            | "praised"
            | "mocked"
            | "thundered"
            | "snapped"
            | "scoffed"
            | "sighed"
            | "whispered"
            | "explain"
            | "insist"
            | "warn"
            | "argue"
    )
}

/// Cues that say the speaker of this quote is the speaker of the previous one.
pub(crate) fn is_continuation_cue(word: &str) -> bool {
    matches!(word, "added" | "adds" | "adding" | "continued" | "continues" | "continuing")
}

/// Cues that put the speaker after them ("according to X").
pub(crate) fn is_reversed_only_cue(word: &str) -> bool {
    word == "according"
}

/// Words that may stand between a subject and its cue ("Trump has also said").
pub(crate) fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "has"
            | "had"
            | "have"
            | "also"
            | "later"
            | "then"
            | "previously"
            | "would"
            | "will"
            | "once"
            | "again"
            | "further"
            | "repeatedly"
            | "recently"
            | "reportedly"
            | "publicly"
            | "privately"
            | "simply"
            | "only"
            | "is"
            | "was"
            | "were"
            | "are"
            | "flatly"
            | "bluntly"
            | "angrily"
            | "quickly"
            | "frequently"
            | "often"
            | "even"
            | "sharply"
            | "loudly"
            | "quietly"
            | "firmly"
            | "has since"
            | "since"
            | "had earlier"
            | "earlier"
            | "directly"
            | "explicitly"
            | "famously"
            | "already"
            | "first"
            | "subsequently"
            | "last"
            | "just"
    )
}

pub(crate) fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "this"
            | "that"
            | "these"
            | "those"
            | "another"
            | "one"
            | "two"
            | "three"
            | "several"
            | "many"
            | "some"
    )
}

/// Lowercase words that may sit inside a noun phrase naming a speaker.
pub(crate) fn is_connector(word: &str) -> bool {
    matches!(word, "of" | "to" | "for" | "and" | "de" | "von" | "van" | "al" | "bin")
}

/// Nouns for people by office or function; they make a description a speaker.
pub(crate) fn is_role_noun(word: &str) -> bool {
    matches!(
        word,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "spokespeople"
            | "secretary"
            | "minister"
            | "ministers"
            | "diplomat"
            | "diplomats"
            | "envoy"
            | "ambassador"
            | "official"
            | "officials"
            | "aide"
            | "aides"
            | "adviser"
            | "advisers"
            | "advisor"
            | "advisors"
            | "senator"
            | "sen."
            | "rep."
            | "representative"
            | "congressman"
            | "congresswoman"
            | "governor"
            | "gov."
            | "president"
            | "vice"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "director"
            | "leader"
            | "leaders"
            | "candidate"
            | "nominee"
            | "mayor"
            | "chief"
            | "commander"
            | "general"
            | "gen."
            | "lt."
            | "col."
            | "manager"
            | "strategist"
            | "pollster"
            | "analyst"
            | "analysts"
            | "expert"
            | "experts"
            | "lawmaker"
            | "lawmakers"
            | "member"
            | "members"
            | "attorney"
            | "lawyer"
            | "prosecutor"
            | "judge"
            | "justice"
            | "speaker"
            | "whip"
            | "premier"
            | "chancellor"
            | "prime"
            | "foreign"
            | "press"
            | "campaign"
            | "source"
            | "sources"
            | "officer"
            | "head"
            | "founder"
            | "ceo"
            | "executive"
            | "counsel"
            | "staffer"
            | "organizer"
            | "activist"
            | "activists"
            | "economist"
            | "historian"
            | "professor"
            | "researcher"
            | "correspondent"
            | "reporter"
            | "editor"
            | "host"
            | "anchor"
            | "witness"
            | "voter"
            | "voters"
            | "supporter"
            | "supporters"
            | "critic"
            | "critics"
            | "surrogate"
            | "deputy"
            | "senior"
            | "top"
            | "former"
            | "acting"
            | "assistant"
            | "lady"
            | "mate"
            | "running"
            | "editorial"
            | "counterpart"
            | "colleague"
            | "ally"
            | "allies"
            | "rival"
            | "opponent"
            | "challenger"
            | "incumbent"
            | "representatives"
            | "group"
            | "groups"
            | "organizers"
            | "residents"
            | "protesters"
            | "democrats"
            | "republicans"
            | "senators"
            | "governors"
            | "hopeful"
            | "republican"
            | "democrat"
            | "democratic"
            | "presidential"
            | "white"
            | "house"
            | "state"
            | "department"
            | "ministry"
            | "administration"
            | "government"
            | "un"
            | "national"
            | "security"
            | "defense"
            | "defence"
            | "intelligence"
            | "military"
            | "army"
            | "navy"
            | "party"
            | "committee"
            | "council"
            | "senate"
            | "congress"
            | "gop"
            | "mr."
            | "mrs."
            | "ms."
            | "dr."
            | "prof."
            | "ranking"
            | "majority"
            | "minority"
            | "attorney-general"
            | "secretary-general"
            | "vice-president"
            | "co-chair"
            | "regional"
            | "local"
            | "federal"
            | "top-ranking"
            | "high-ranking"
            | "longtime"
            | "veteran"
            | "independent"
            | "libertarian"
            | "conservative"
            | "liberal"
            | "progressive"
            | "moderate"
            | "freshman"
    )
}

/// Role nouns that name a person (as opposed to modifiers such as "senior" or "press").
pub(crate) fn is_role_head(word: &str) -> bool {
    matches!(
        word,
        "ally"
            | "allies"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "secretary"
            | "minister"
            | "diplomat"
            | "envoy"
            | "ambassador"
            | "official"
            | "officials"
            | "aide"
            | "adviser"
            | "advisor"
            | "senator"
            | "representative"
            | "congressman"
            | "congresswoman"
            | "governor"
            | "president"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "director"
            | "leader"
            | "candidate"
            | "nominee"
            | "mayor"
            | "chief"
            | "commander"
            | "general"
            | "manager"
            | "strategist"
            | "pollster"
            | "analyst"
            | "expert"
            | "lawmaker"
            | "member"
            | "attorney"
            | "lawyer"
            | "prosecutor"
            | "judge"
            | "whip"
            | "premier"
            | "chancellor"
            | "source"
            | "sources"
            | "officer"
            | "head"
            | "founder"
            | "ceo"
            | "executive"
            | "counsel"
            | "staffer"
            | "activist"
            | "economist"
            | "professor"
            | "witness"
            | "critic"
            | "surrogate"
            | "speaker"
            | "experts"
            | "analysts"
            | "lawmakers"
            | "aides"
            | "advisers"
            | "diplomats"
            | "leaders"
            | "critics"
    )
}

/// Groups of role heads that may name the same office ("top diplomat" for a foreign minister).
pub(crate) fn role_synonyms(head: &str) -> &'static [&'static str] {
    match head {
        "diplomat" | "diplomats" => &["diplomat", "foreign minister", "secretary of state", "ambassador", "envoy"],
        "envoy" | "ambassador" => &["ambassador", "envoy", "representative to the"],
        "spokesman" | "spokeswoman" | "spokesperson" => {
            &["spokesman", "spokeswoman", "spokesperson", "press secretary"]
        }
        "senator" => &["senator", "sen."],
        "congressman" | "congresswoman" | "representative" => {
            &["congressman", "congresswoman", "representative", "rep."]
        }
        "governor" => &["governor", "gov."],
        "nominee" | "candidate" => &["nominee", "candidate"],
        "chairman" | "chairwoman" | "chair" => &["chairman", "chairwoman", "chair"],
        "president" => &["president"],
        "minister" => &["minister"],
        "secretary" => &["secretary"],
        "general" => &["general", "gen."],
        _ => &[],
    }
}

/// Capitalized words that are not part of a person's name.
pub(crate) fn is_non_name_capital(word: &str) -> bool {
    is_role_noun(word)
        || is_org_head(word)
        || is_place(word)
        || matches!(
            word,
            "united"
                | "states"
                | "nations"
                | "kingdom"
                | "union"
                | "republic"
                | "european"
                | "north"
                | "south"
                | "east"
                | "west"
                | "middle"
                | "new"
                | "affairs"
                | "relations"
                | "services"
                | "armed"
                | "justice"
                | "treasury"
                | "homeland"
                | "judiciary"
                | "oversight"
                | "appropriations"
                | "energy"
                | "commerce"
                | "health"
                | "human"
                | "education"
                | "labor"
                | "transportation"
                | "interior"
                | "agriculture"
                | "veterans"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "january"
                | "february"
                | "march"
                | "july"
                | "september"
                | "october"
                | "november"
                | "december"
                | "jan."
                | "feb."
                | "aug."
                | "sept."
                | "oct."
                | "nov."
                | "dec."
                | "today"
                | "yesterday"
                | "tomorrow"
                | "twitter"
                | "facebook"
                | "cnn"
                | "fox"
                | "msnbc"
                | "nbc"
                | "abc"
                | "cbs"
                | "npr"
                | "nation"
                | "world"
                | "international"
                | "general"
                | "attorney"
                | "assembly"
                | "supreme"
                | "court"
                | "federal"
                | "reserve"
                | "central"
                | "bank"
                | "city"
                | "county"
                | "district"
                | "governor"
                | "capitol"
                | "hill"
                | "street"
                | "foreign"
                | "office"
                | "ministry"
                | "affair"
                | "islamic"
                | "state"
        )
        || country_of_word(word).is_some()
}

/// Heads of organisation names ("State Department", "Foreign Ministry", "the Kremlin").
pub(crate) fn is_org_head(word: &str) -> bool {
    matches!(
        word,
        "department"
            | "act"
            | "bill"
            | "amendment"
            | "treaty"
            | "accord"
            | "initiative"
            | "resolution"
            | "doctrine"
            | "ministry"
            | "kremlin"
            | "pentagon"
            | "committee"
            | "council"
            | "agency"
            | "office"
            | "commission"
            | "administration"
            | "party"
            | "campaign"
            | "congress"
            | "senate"
            | "court"
            | "bureau"
            | "service"
            | "organization"
            | "organisation"
            | "association"
            | "institute"
            | "foundation"
            | "group"
            | "network"
            | "university"
            | "center"
            | "centre"
            | "fund"
            | "bank"
            | "company"
            | "corp."
            | "inc."
            | "government"
            | "embassy"
            | "mission"
            | "coalition"
            | "alliance"
            | "nato"
            | "fbi"
            | "cia"
            | "nsa"
            | "dnc"
            | "rnc"
            | "gop"
            | "police"
            | "army"
            | "military"
            | "navy"
            | "duma"
            | "parliament"
            | "cabinet"
            | "board"
            | "union"
            | "coalition,"
            | "un"
            | "u.n."
            | "eu"
            | "who"
            | "imf"
            | "opec"
            | "house"
            | "spokesmen"
            | "regime"
            | "ministries"
            | "kremlin’s"
            | "kremlin's"
            | "times"
            | "post"
            | "journal"
            | "press"
    )
}

/// US states and cities that often stand where a name could ("a rally in Grand Rapids").
pub(crate) fn is_place(word: &str) -> bool {
    matches!(
        word,
        "alabama"
            | "alaska"
            | "arizona"
            | "arkansas"
            | "california"
            | "colorado"
            | "connecticut"
            | "delaware"
            | "florida"
            | "georgia"
            | "hawaii"
            | "idaho"
            | "illinois"
            | "indiana"
            | "iowa"
            | "kansas"
            | "kentucky"
            | "louisiana"
            | "maine"
            | "maryland"
            | "massachusetts"
            | "michigan"
            | "minnesota"
            | "mississippi"
            | "missouri"
            | "montana"
            | "nebraska"
            | "nevada"
            | "hampshire"
            | "jersey"
            | "mexico"
            | "york"
            | "carolina"
            | "dakota"
            | "ohio"
            | "oklahoma"
            | "oregon"
            | "pennsylvania"
            | "rhode"
            | "tennessee"
            | "texas"
            | "utah"
            | "vermont"
            | "virginia"
            | "wisconsin"
            | "wyoming"
            | "aleppo"
            | "chicago"
            | "philadelphia"
            | "boston"
            | "atlanta"
            | "miami"
            | "denver"
            | "cleveland"
            | "detroit"
            | "phoenix"
            | "vegas"
            | "orlando"
            | "tampa"
            | "raleigh"
            | "dallas"
            | "houston"
            | "seattle"
            | "portland"
            | "milwaukee"
            | "pittsburgh"
            | "scranton"
            | "reno"
            | "manhattan"
            | "brooklyn"
            | "queens"
            | "iowa’s"
            | "ankara"
            | "istanbul"
            | "homs"
            | "idlib"
            | "mosul"
            | "raqqa"
            | "geneva"
            | "vienna"
            | "munich"
            | "grand"
            | "rapids"
            | "springs"
            | "beach"
            | "county"
            | "valley"
            | "island"
            | "airport"
            | "hotel"
            | "arena"
            | "square"
            | "avenue"
            | "road"
    )
}

pub(crate) fn is_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "they" | "we" | "i" | "it")
}

/// Capitalized words that start sentences without naming anyone.
pub(crate) fn is_sentence_function_word(word: &str) -> bool {
    matches!(
        word,
        "but"
            | "and"
            | "or"
            | "so"
            | "yet"
            | "however"
            | "meanwhile"
            | "still"
            | "now"
            | "then"
            | "later"
            | "when"
            | "while"
            | "after"
            | "before"
            | "in"
            | "on"
            | "at"
            | "as"
            | "if"
            | "because"
            | "since"
            | "although"
            | "though"
            | "also"
            | "there"
            | "here"
            | "this"
            | "that"
            | "these"
            | "those"
            | "what"
            | "which"
            | "who"
            | "why"
            | "how"
            | "where"
            | "instead"
            | "indeed"
            | "even"
            | "asked"
            | "speaking"
            | "separately"
            | "earlier"
            | "last"
            | "with"
            | "from"
            | "by"
            | "during"
            | "for"
            | "to"
            | "of"
            | "not"
            | "no"
            | "yes"
            | "both"
            | "all"
            | "nor"
            | "said"
            | "says"
            | "furthermore"
            | "moreover"
            | "finally"
            | "ultimately"
            | "previously"
            | "once"
            | "until"
            | "unless"
            | "despite"
            | "after all"
            | "overall"
            | "again"
            | "only"
            | "just"
            | "thus"
            | "hence"
            | "therefore"
            | "otherwise"
            | "likewise"
            | "similarly"
            | "notably"
            | "asked about"
            | "according"
            | "every"
            | "each"
            | "many"
            | "most"
            | "some"
            | "few"
            | "other"
            | "such"
            | "perhaps"
            | "maybe"
            | "whether"
            | "do"
            | "does"
            | "did"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "i"
            | "we"
            | "you"
            | "he"
            | "she"
            | "it"
            | "they"
            | "my"
            | "your"
            | "about"
            | "over"
            | "under"
            | "into"
            | "adding"
            | "saying"
            | "noting"
    )
}

/// Honorifics that tell a person's gender.
pub(crate) fn honorific_gender(word: &str) -> Gender {
    match word {
        "mr." | "mr" | "sir" | "lord" => Gender::Male,
        "mrs." | "mrs" | "ms." | "ms" | "miss" | "madam" | "dame" | "lady" => Gender::Female,
        _ => Gender::Unknown,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Gender {
    Male,
    Female,
    #[default]
    Unknown,
}

/// Guesses gender from a first name; a short list of common names is enough to break ties.
pub(crate) fn first_name_gender(word: &str) -> Gender {
    const FEMALE: &[&str] = &[
        "hillary",
        "samantha",
        "nancy",
        "elizabeth",
        "susan",
        "sarah",
        "kellyanne",
        "michelle",
        "nikki",
        "condoleezza",
        "madeleine",
        "maria",
        "marie",
        "mary",
        "anne",
        "ann",
        "angela",
        "theresa",
        "jennifer",
        "jill",
        "karen",
        "kate",
        "katie",
        "catherine",
        "kathleen",
        "kirsten",
        "amy",
        "claire",
        "dianne",
        "diane",
        "patty",
        "barbara",
        "lisa",
        "linda",
        "laura",
        "melania",
        "ivanka",
        "chelsea",
        "debbie",
        "donna",
        "huma",
        "jen",
        "hope",
        "loretta",
        "sally",
        "janet",
        "carly",
        "tulsi",
        "kamala",
        "elise",
        "martha",
        "maxine",
        "nina",
        "olga",
        "irina",
        "svetlana",
        "natalia",
        "natalya",
        "maria",
        "julia",
        "emily",
        "emma",
        "rachel",
        "rebecca",
        "heather",
        "jessica",
        "stephanie",
        "nicole",
        "christine",
        "victoria",
        "valentina",
        "federica",
        "marine",
        "ségolène",
        "ursula",
        "christina",
        "alexandra",
        "brenda",
        "deborah",
        "dana",
        "helen",
        "joni",
        "lindsey",
        "shelley",
        "tammy",
        "virginia",
        "wendy",
        "zoe",
        "grace",
        "jane",
        "joan",
        "judy",
    ];
    const MALE: &[&str] = &[
        "donald",
        "barack",
        "bill",
        "john",
        "sergei",
        "vladimir",
        "vitaly",
        "bernie",
        "mike",
        "michael",
        "paul",
        "mitch",
        "ted",
        "marco",
        "jeb",
        "ben",
        "chris",
        "joe",
        "tim",
        "mark",
        "david",
        "james",
        "robert",
        "richard",
        "william",
        "thomas",
        "charles",
        "george",
        "peter",
        "steve",
        "stephen",
        "dmitry",
        "dmitri",
        "ash",
        "ashton",
        "josh",
        "eric",
        "reince",
        "corey",
        "jason",
        "kevin",
        "rand",
        "harry",
        "chuck",
        "adam",
        "brian",
        "matt",
        "jim",
        "jeff",
        "bob",
        "frank",
        "jack",
        "tom",
        "newt",
        "rudy",
        "rudolph",
        "jared",
        "sean",
        "stephen",
        "bashar",
        "recep",
        "benjamin",
        "xi",
        "francois",
        "françois",
        "boris",
        "ban",
        "antonio",
        "staffan",
        "ahmed",
        "mohammed",
        "muhammad",
        "ali",
        "hassan",
        "sergey",
        "alexei",
        "alexander",
        "andrei",
        "igor",
        "viktor",
        "yuri",
        "nikolai",
        "pyotr",
        "petro",
        "angus",
        "brent",
        "carl",
        "dan",
        "daniel",
        "dick",
        "ed",
        "edward",
        "gary",
        "greg",
        "henry",
        "jerry",
        "jon",
        "larry",
        "martin",
        "nick",
        "patrick",
        "ron",
        "ronald",
        "sam",
        "scott",
        "tony",
        "walter",
        "mitt",
        "jeffrey",
        "howard",
        "kenneth",
        "ken",
        "jacob",
        "philip",
        "raymond",
        "rex",
        "rick",
        "roger",
        "russell",
        "samuel",
        "sergio",
        "timothy",
        "victor",
        "wayne",
        "zbigniew",
    ];
    if FEMALE.contains(&word) {
        Gender::Female
    } else if MALE.contains(&word) {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// Abbreviations whose final period does not end a sentence.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "sen"
            | "rep"
            | "gov"
            | "lt"
            | "gen"
            | "col"
            | "sgt"
            | "capt"
            | "cmdr"
            | "adm"
            | "maj"
            | "st"
            | "jr"
            | "sr"
            | "prof"
            | "rev"
            | "hon"
            | "pres"
            | "sec"
            | "amb"
            | "atty"
            | "supt"
            | "mass"
            | "calif"
            | "fla"
            | "ga"
            | "ill"
            | "pa"
            | "va"
            | "wash"
            | "conn"
            | "ky"
            | "tenn"
            | "tex"
            | "ariz"
            | "mich"
            | "minn"
            | "wis"
            | "ala"
            | "ark"
            | "colo"
            | "del"
            | "ind"
            | "kan"
            | "la"
            | "md"
            | "miss"
            | "mo"
            | "mont"
            | "neb"
            | "nev"
            | "okla"
            | "ore"
            | "vt"
            | "wyo"
            | "jan"
            | "feb"
            | "aug"
            | "sept"
            | "sep"
            | "oct"
            | "nov"
            | "dec"
            | "vs"
            | "etc"
            | "inc"
            | "co"
            | "corp"
            | "ltd"
            | "dept"
            | "no"
            | "gens"
            | "reps"
            | "sens"
            | "ft"
            | "mt"
            | "n.y"
            | "n.j"
            | "d.c"
            | "n.c"
            | "s.c"
            | "n.h"
            | "r.i"
            | "w.va"
            | "n.m"
            | "n.d"
            | "s.d"
    )
}

/// A country (or bloc) that a word points to: nationality, country, capital or institution.
pub(crate) fn country_of_word(word: &str) -> Option<&'static str> {
    let country = match word {
        "us" | "u.s." | "usa" | "u.s.a." | "america" | "american" | "americans" | "washington" | "pentagon"
        | "congress" | "senate" | "fbi" | "cia" | "nsa" | "sen." | "rep." | "sen" | "rep" | "republican"
        | "republicans" | "democrat" | "democrats" | "democratic" | "gop" | "capitol" | "congressman"
        | "congresswoman" | "senator" | "dnc" | "rnc" => "United States",
        "russia" | "russian" | "russians" | "moscow" | "kremlin" | "duma" | "soviet" | "kremlin’s" | "kremlin's" => {
            "Russia"
        }
        "china" | "chinese" | "beijing" => "China",
        "britain" | "british" | "uk" | "u.k." | "london" | "england" | "english" | "scotland" => "United Kingdom",
        "france" | "french" | "paris" | "élysée" | "elysee" => "France",
        "germany" | "german" | "germans" | "berlin" | "bundestag" => "Germany",
        "syria" | "syrian" | "syrians" | "damascus" => "Syria",
        "iran" | "iranian" | "iranians" | "tehran" => "Iran",
        "iraq" | "iraqi" | "iraqis" | "baghdad" => "Iraq",
        "israel" | "israeli" | "israelis" | "jerusalem" | "knesset" => "Israel",
        "palestinian" | "palestinians" | "ramallah" | "gaza" => "Palestine",
        "turkey" | "turkish" | "ankara" => "Turkey",
        "ukraine" | "ukrainian" | "ukrainians" | "kiev" | "kyiv" => "Ukraine",
        "japan" | "japanese" | "tokyo" => "Japan",
        "india" | "indian" | "delhi" => "India",
        "pakistan" | "pakistani" | "islamabad" => "Pakistan",
        "afghanistan" | "afghan" | "kabul" => "Afghanistan",
        "mexico" | "mexican" | "mexicans" => "Mexico",
        "canada" | "canadian" | "ottawa" => "Canada",
        "saudi" | "riyadh" => "Saudi Arabia",
        "egypt" | "egyptian" | "cairo" => "Egypt",
        "cuba" | "cuban" | "havana" => "Cuba",
        "venezuela" | "venezuelan" | "caracas" => "Venezuela",
        "brazil" | "brazilian" | "brasilia" => "Brazil",
        "italy" | "italian" | "rome" => "Italy",
        "spain" | "spanish" | "madrid" => "Spain",
        "poland" | "polish" | "warsaw" => "Poland",
        "pyongyang" => "North Korea",
        "seoul" => "South Korea",
        "eu" | "brussels" => "European Union",
        "un" | "u.n." => "United Nations",
        "nato" => "NATO",
        "qatar" | "qatari" | "doha" => "Qatar",
        "jordan" | "jordanian" | "amman" => "Jordan",
        "lebanon" | "lebanese" | "beirut" | "hezbollah" => "Lebanon",
        "australia" | "australian" | "canberra" => "Australia",
        "greece" | "greek" | "athens" => "Greece",
        "kurdish" | "kurds" => "Kurdistan",
        _ => return None,
    };
    Some(country)
}

/// Two-word names of countries and US institutions.
pub(crate) fn country_of_bigram(first: &str, second: &str) -> Option<&'static str> {
    let country = match (first, second) {
        ("united", "states") | ("white", "house") | ("state", "department") => "United States",
        ("united", "kingdom") | ("downing", "street") => "United Kingdom",
        ("united", "nations") => "United Nations",
        ("european", "union") => "European Union",
        ("north", "korea") | ("north", "korean") | ("north", "koreans") => "North Korea",
        ("south", "korea") | ("south", "korean") => "South Korea",
        ("saudi", "arabia") => "Saudi Arabia",
        ("new", "zealand") => "New Zealand",
        _ => return None,
    };
    Some(country)
}
