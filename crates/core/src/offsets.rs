//! The one home for text offsets.
//!
//! Offsets in the article model, the anchors and the extractor are Unicode code points. UTF-8 byte
//! offsets (Rust strings) and UTF-16 offsets (the DOM) are derived here and nowhere else.

/// Number of code points in `s`.
pub fn cp_len(s: &str) -> usize {
    s.chars().count()
}

/// Byte offset of code point `cp` in `s`, clamped to the end of the string.
pub fn cp_to_byte(s: &str, cp: usize) -> usize {
    s.char_indices().nth(cp).map_or(s.len(), |(byte, _)| byte)
}

/// The substring between two code-point offsets, clamped to the string.
pub fn slice_cp(s: &str, start: usize, end: usize) -> &str {
    let start_byte = cp_to_byte(s, start);
    let end_byte = start_byte + cp_to_byte(&s[start_byte..], end.saturating_sub(start));
    &s[start_byte..end_byte]
}

/// UTF-16 offset (as the DOM counts) of code point `cp` in `s`.
pub fn cp_to_utf16(s: &str, cp: usize) -> usize {
    s.chars().take(cp).map(char::len_utf16).sum()
}

/// Code-point offset of UTF-16 offset `unit` in `s`. An offset inside a surrogate pair rounds down.
pub fn utf16_to_cp(s: &str, unit: usize) -> usize {
    let mut units = 0;
    for (cp, ch) in s.chars().enumerate() {
        units += ch.len_utf16();
        if units > unit {
            return cp;
        }
    }
    cp_len(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn astral_and_combining_characters() {
        // "e" + combining acute, then an astral emoji, then plain text.
        let s = "e\u{301}😀ab";
        assert_eq!(cp_len(s), 5);
        assert_eq!(slice_cp(s, 2, 3), "😀");
        assert_eq!(slice_cp(s, 0, 2), "e\u{301}");
        assert_eq!(slice_cp(s, 3, 99), "ab");
        assert_eq!(cp_to_utf16(s, 3), 4);
        assert_eq!(utf16_to_cp(s, 4), 3);
        assert_eq!(utf16_to_cp(s, 3), 2);
        assert_eq!(utf16_to_cp(s, 99), 5);
        assert_eq!(cp_to_byte(s, 2), 3);
    }
}
