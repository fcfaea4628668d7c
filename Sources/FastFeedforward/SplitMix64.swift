/// Steele, Lea and Flood's SplitMix64: a Weyl sequence (add the golden-ratio constant) passed
/// through a 64-bit finaliser. Used only to expand one seed into xoshiro's 256-bit state, as
/// xoshiro's authors recommend, so that similar seeds give unrelated states.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
