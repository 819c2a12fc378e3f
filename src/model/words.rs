//! Numbers in the words of messages: "1 review", "3 reviews", "the 31st
//! birthday".

/// `n` and the noun, plural unless `n` is 1: "1 site", "3 sites". Nouns
/// here all take an "s".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// 1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, …, 21st, 22nd, ….
pub fn ordinal(n: u8) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn birthdays_are_written_as_ordinals() {
        let words: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 25, 31, 101, 111, 112]
            .into_iter()
            .map(ordinal)
            .collect();
        assert_eq!(
            words,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "25th",
                "31st", "101st", "111th", "112th"
            ]
        );
    }

    #[test]
    fn counts_are_plural_except_for_one() {
        assert_eq!(count(0, "site"), "0 sites");
        assert_eq!(count(1, "site"), "1 site");
        assert_eq!(count(2, "QA checklist"), "2 QA checklists");
    }
}
