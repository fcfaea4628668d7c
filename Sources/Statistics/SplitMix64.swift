/// Sebastiano Vigna's SplitMix64 generator: a 64-bit counter advanced by the golden-ratio
/// increment and passed through a bijective mixing function.
///
/// Its main use here is to expand one 64-bit seed into the 256-bit state of
/// ``SeededGenerator``, as the xoshiro authors recommend, but it is a complete (if small-state)
/// `RandomNumberGenerator` in its own right. Every seed, including zero, is valid.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The counter; advanced by `0x9E3779B97F4A7C15` before each output.
    public private(set) var state: UInt64

    /// Creates a generator whose counter starts at `seed`.
    public init(seed: UInt64) {
        self.state = seed
    }

    /// Advances the counter and returns its mixed value.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
