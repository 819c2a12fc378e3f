//! The sample's random number generator, written out here so that no crate
//! update can change which register a seed names.

/// SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit counter stepped by
/// the golden ratio and scrambled by two multiply-xorshift rounds. Tiny,
/// fast and good enough for made-up data; written out here so that a seed
/// names the same register for ever.
pub(super) struct Rng(u64);

impl Rng {
    /// A generator whose stream is fixed by `seed`.
    pub(super) fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`, or 0 when `n` is 0. The modulo bias is far too
    /// small to matter for sample data.
    pub(super) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next() % n as u64) as usize
    }

    /// A number in `low..=high`.
    pub(super) fn range(&mut self, low: i64, high: i64) -> i64 {
        let width = (high - low).max(0) as u64 + 1;
        low + (self.next() % width) as i64
    }

    /// True `percent` times in a hundred.
    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// One of `items`, or the default when there are none.
    pub(super) fn pick<T: Copy + Default>(&mut self, items: &[T]) -> T {
        let index = self.below(items.len());
        items.get(index).copied().unwrap_or_default()
    }
}
