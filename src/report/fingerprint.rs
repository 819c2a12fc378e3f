//! A short fingerprint of a printed document's content.
//!
//! Every text run and tick mark in the body of a document is fed, in
//! order, to a 64-bit FNV-1a hash; the footer (page numbers, print date,
//! the fingerprint itself) is left out, and so are the words that change
//! when a copy is signed (a checklist's status and the names and dates of
//! its sign-off). The first 8 hex digits are printed in the footer of
//! every page. The same data prints with the same fingerprint on any day,
//! before and after signing, and a copy whose content was edited after
//! printing almost certainly shows a different one when reprinted, so a
//! signed paper copy can be matched to the record it came from. A QA check
//! keeps the fingerprint of its signed copy for that comparison.
//!
//! FNV-1a is not a cryptographic hash: it tells copies apart, it does not
//! stop a forger. That is all a paper form needs.

/// FNV-1a, 64-bit.
#[derive(Clone, Copy, Debug)]
pub struct Fingerprint(u64);

const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

impl Default for Fingerprint {
    fn default() -> Self {
        Self(OFFSET_BASIS)
    }
}

impl Fingerprint {
    /// Feeds bytes to the hash.
    pub fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(PRIME);
        }
    }

    /// Feeds a piece of text followed by a separator, so "ab" + "c" and
    /// "a" + "bc" hash differently.
    pub fn write_str(&mut self, text: &str) {
        self.write(text.as_bytes());
        self.write(&[0x1f]);
    }

    /// The full 64-bit value.
    pub fn value(self) -> u64 {
        self.0
    }

    /// The first 8 hex digits, as printed.
    pub fn short(self) -> String {
        format!("{:08x}", self.0 >> 32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_published_fnv1a_test_vectors() {
        let hash = |text: &str| {
            let mut f = Fingerprint::default();
            f.write(text.as_bytes());
            f.value()
        };
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash("foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn separates_pieces_and_prints_eight_digits() {
        let mut one = Fingerprint::default();
        one.write_str("ab");
        one.write_str("c");
        let mut two = Fingerprint::default();
        two.write_str("a");
        two.write_str("bc");
        assert_ne!(one.value(), two.value());
        assert_eq!(one.short().len(), 8);
    }
}
