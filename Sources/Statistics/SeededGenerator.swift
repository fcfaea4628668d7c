/// A deterministic, seedable `RandomNumberGenerator`: xoshiro256** 1.0 by David Blackman and
/// Sebastiano Vigna, with its 256-bit state filled from a 64-bit seed by ``SplitMix64``.
///
/// The same seed yields the same stream on every platform and toolchain, so anything drawn from
/// it (a bootstrap interval, a shuffled case order) is reproducible. It is not suitable for
/// cryptography.
///
/// ```swift
/// var generator = SeededGenerator(seed: 42)
/// let index = generator.next(below: 302)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Creates a generator whose state is four successive outputs of `SplitMix64(seed: seed)`.
    ///
    /// Every seed, including zero, gives a valid (never all-zero) state.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        self.init(state: (mixer.next(), mixer.next(), mixer.next(), mixer.next()))
    }

    /// Creates a generator from a raw xoshiro256 state, as used by the reference test vectors.
    ///
    /// - Precondition: Not all four words are zero (the all-zero state only ever yields zero).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(
            state.0 | state.1 | state.2 | state.3 != 0,
            "xoshiro256** state must not be all zero"
        )
        (s0, s1, s2, s3) = state
    }

    /// Returns the next 64 random bits and advances the state.
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotateLeft(s3, by: 45)
        return result
    }

    /// Returns a uniformly distributed integer in `0..<upperBound`.
    ///
    /// Uses Lemire's multiply-and-reject method (one 64-bit draw in all but a vanishing share of
    /// calls). It is written out here, rather than taken from the standard library, so that the
    /// numbers drawn for a given seed can never change with the toolchain.
    ///
    /// - Precondition: `upperBound > 0`.
    public mutating func next(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "upperBound must be positive")
        let bound = UInt64(upperBound)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return Int(product.high)
    }

    @inline(__always)
    private static func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }
}
