//! A generator of large news-like text for throughput benchmarks.

const PEOPLE: &[(&str, &str)] = &[
    ("Sen. Elizabeth Warren", "Warren"),
    ("Russian Foreign Minister Sergei Lavrov", "Lavrov"),
    ("White House press secretary Josh Earnest", "Earnest"),
    ("Republican nominee Donald Trump", "Trump"),
    ("Democratic nominee Hillary Clinton", "Clinton"),
    ("House Speaker Paul Ryan", "Ryan"),
    ("U.S. Ambassador to the United Nations Samantha Power", "Power"),
];

const SAYINGS: &[&str] = &[
    "We will not stand by while civilians are bombed",
    "This is a matter for the voters, not for the courts",
    "I have said it before and I will say it again: the deal is dead",
    "Nobody in this town believes the numbers",
    "The ceasefire collapsed because the other side refused to pull back",
];

const FILLER: &[&str] = &[
    "The debate over the budget dragged on into the night as lawmakers traded accusations.",
    "Officials in Moscow and Washington have met three times since the summer.",
    "Polls released on Tuesday showed the race tightening in several swing states.",
    "The committee is expected to vote on the measure next week.",
];

/// Returns about `mb` megabytes of generated articles with every common quote pattern.
pub fn bench_text(mb: usize) -> String {
    let target = mb.max(1) * 1_000_000;
    let mut out = String::with_capacity(target + 4096);
    let mut seed: u64 = 0x2016;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    while out.len() < target {
        let (full, short) = PEOPLE[next(PEOPLE.len())];
        let (_, other) = PEOPLE[next(PEOPLE.len())];
        let a = SAYINGS[next(SAYINGS.len())];
        let b = SAYINGS[next(SAYINGS.len())];
        // Real articles carry about one quote per 500 to 800 characters; three plain sentences
        // per quote keep the generated text close to that density.
        for _ in 0..3 {
            out.push_str(FILLER[next(FILLER.len())]);
            out.push(' ');
        }
        match next(5) {
            0 => out.push_str(&format!("“{a},” {full} said. “{b}.”\n\n")),
            1 => out.push_str(&format!("{full} told reporters: “{a}.”\n\n")),
            2 => out.push_str(&format!(
                "{short} said the plan was ‘{}’ and warned of “{}.”\n\n",
                &b[..b.len().min(20)].trim(),
                a.to_lowercase()
            )),
            3 => out.push_str(&format!("\"{a},\" said {full}, a critic of {other}.\n\n")),
            _ => out.push_str(&format!("She added, “{a}.” {short} did not elaborate.\n\n")),
        }
    }
    out
}
