//! Helpers shared by the store's tests.

/// A small deterministic generator (xorshift): the same seed gives the same texts.
pub(super) struct Xorshift(pub u64);

impl Xorshift {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}
