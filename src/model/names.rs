//! Names compared as a person reads them: typing "zoe" finds "Zoë", and
//! "Łukasz" sorts among the Ls rather than after Z.
//!
//! TODO: this is a plain fold, not the Unicode collation algorithm; it is
//! right for names in Latin script and keeps other scripts in code-point
//! order after them.

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

/// `text` lower-cased, with accents removed and letters written with a
/// stroke or ligature spelt out, for searching and sorting; never shown.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.nfd().filter(|&c| !is_combining_mark(c)) {
        match spelt_out(c) {
            Some(letters) => folded.push_str(letters),
            None => folded.extend(c.to_lowercase()),
        }
    }
    folded
}

/// Letters that canonical decomposition leaves whole.
fn spelt_out(c: char) -> Option<&'static str> {
    Some(match c {
        'Ł' | 'ł' => "l",
        'Ø' | 'ø' => "o",
        'Đ' | 'đ' | 'Ð' | 'ð' => "d",
        'Ħ' | 'ħ' => "h",
        'ı' => "i",
        'ß' | 'ẞ' => "ss",
        'Æ' | 'æ' => "ae",
        'Œ' | 'œ' => "oe",
        'Þ' | 'þ' => "th",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_strokes_and_case_fold_away() {
        assert_eq!(fold("Zoë"), "zoe");
        assert_eq!(fold("Siân Ó Briain"), "sian o briain");
        assert_eq!(fold("Łukasz Wójcik"), "lukasz wojcik");
        assert_eq!(fold("Øyvind Straße"), "oyvind strasse");
        assert_eq!(fold("Cæcilie"), "caecilie");
        // Already decomposed input folds the same as composed.
        assert_eq!(fold("Zoe\u{308}"), "zoe");
    }

    #[test]
    fn names_sort_by_their_letters_not_their_code_points() {
        let mut names = vec!["Zoë", "Łukasz", "Adam", "Ávila", "lewis", "Zoe"];
        names.sort_by_cached_key(|name| (fold(name), *name));
        assert_eq!(names, ["Adam", "Ávila", "lewis", "Łukasz", "Zoe", "Zoë"]);
    }

    #[test]
    fn other_scripts_are_kept_not_dropped() {
        assert_eq!(fold("Ἀλέξανδρος"), "αλεξανδρος");
        assert_eq!(fold("Ёлка"), "елка");
        assert_eq!(fold("李小龍"), "李小龍");
    }
}
