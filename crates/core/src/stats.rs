//! Balance statistics: how much each side is quoted.
//!
//! This module knows nothing about Leptos, `web_sys` or the DOM.

/// One side's share of the quotes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SideBalance {
    pub quotes: usize,
    pub words: usize,
}

/// Counts words the way a reader would: runs of letters or digits, with inner apostrophes and
/// hyphens kept inside the word ("don’t", "al-Qaeda").
pub fn count_words(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '‑')))
        .filter(|token| token.chars().any(char::is_alphanumeric))
        .count()
}

/// The balance per side for the given quotes, each given as `(side index, quote text)`.
pub fn balance<'a>(side_count: usize, quotes: impl IntoIterator<Item = (usize, &'a str)>) -> Vec<SideBalance> {
    let mut sides = vec![SideBalance::default(); side_count];
    for (side, text) in quotes {
        if let Some(entry) = sides.get_mut(side) {
            entry.quotes += 1;
            entry.words += count_words(text);
        }
    }
    sides
}

/// Each side's share of the quoted words in whole per cent, for the meter's bars.
pub fn word_shares(sides: &[SideBalance]) -> Vec<u32> {
    let total: usize = sides.iter().map(|s| s.words).sum();
    sides.iter().map(|s| (s.words * 100 + total / 2).checked_div(total).unwrap_or(0) as u32).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(side_count: usize, quotes: &[(usize, &str)], expect: &[(usize, usize, u32)]) {
        let sides = balance(side_count, quotes.iter().copied());
        let shares = word_shares(&sides);
        let got: Vec<(usize, usize, u32)> = sides.iter().zip(shares).map(|(s, p)| (s.quotes, s.words, p)).collect();
        assert_eq!(got, expect, "balance of {quotes:?}");
    }

    #[test]
    fn balance_cases() {
        check(2, &[], &[(0, 0, 0), (0, 0, 0)]);
        check(2, &[(0, "one two three"), (1, "four")], &[(1, 3, 75), (1, 1, 25)]);
        check(3, &[(0, "a b"), (0, "c"), (2, "d e f")], &[(2, 3, 50), (0, 0, 0), (1, 3, 50)]);
        // Apostrophes and hyphens stay inside words; punctuation and dashes separate them.
        check(1, &[(0, "I don’t think it’s asking too much")], &[(1, 7, 100)]);
        check(1, &[(0, "al-Qaeda – linked, “barbarism.”")], &[(1, 3, 100)]);
        check(1, &[(0, "350 attacks… 12th of September")], &[(1, 5, 100)]);
        // An out-of-range side is ignored rather than trusted.
        check(1, &[(5, "ignored")], &[(0, 0, 0)]);
    }
}
