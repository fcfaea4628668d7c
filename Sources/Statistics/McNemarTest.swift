import Foundation

/// McNemar's test for two paired arms scored right/wrong on the same items.
///
/// Only discordant pairs matter: `aOnly` (n₁) pairs that arm `a` gets right and `b` wrong, and
/// `bOnly` (n₂) the reverse. As in the ddx interface contract:
///
/// - n₁ + n₂ ≥ 25: the continuity-corrected statistic (|n₁ − n₂| − 1)² / (n₁ + n₂), with `p` its
///   upper tail under χ² with 1 degree of freedom, `erfc(√(statistic / 2))`.
/// - 0 < n₁ + n₂ < 25: the exact two-sided binomial test, `p = min(1, 2 · P[X ≤ min(n₁, n₂)])` for
///   X ~ Binomial(n₁ + n₂, ½), with statistic min(n₁, n₂).
/// - n₁ + n₂ = 0: no evidence either way, statistic 0 and `p = 1` (reported as exact).
///
/// Note that the corrected statistic is (0 − 1)² / (n₁ + n₂) > 0, not 0, when n₁ = n₂ ≥ 13;
/// this is the formula as specified.
///
/// Encodes with the keys of the contract's `comparisons` entries: `statistic`, `p`, `a_only`,
/// `b_only`, plus `method`.
///
/// ```swift
/// let test = McNemarTest(aOnly: 30, bOnly: 12)
/// test.method     // .chiSquare
/// test.pValue     // ≈ 0.00898
/// ```
public struct McNemarTest: Sendable, Hashable, Codable {
    /// How the p-value was obtained.
    public enum Method: String, Sendable, Hashable, Codable {
        /// Continuity-corrected χ² with 1 degree of freedom (n₁ + n₂ ≥ 25).
        case chiSquare = "chi-square"
        /// Exact two-sided binomial test (n₁ + n₂ < 25).
        case exactBinomial = "exact-binomial"
    }

    /// The smallest number of discordant pairs for which the χ² approximation is used.
    public static let chiSquareMinimumDiscordant = 25

    /// The χ² statistic, or min(n₁, n₂) for the exact test.
    public let statistic: Double
    /// The two-sided p-value, in [0, 1].
    public let pValue: Double
    /// n₁: pairs only arm `a` gets right.
    public let aOnly: Int
    /// n₂: pairs only arm `b` gets right.
    public let bOnly: Int
    /// Which regime produced ``statistic`` and ``pValue``.
    public let method: Method

    /// The number of discordant pairs, n₁ + n₂.
    public var discordant: Int { aOnly + bOnly }

    /// Runs the test on discordant counts.
    ///
    /// - Precondition: Both counts are non-negative.
    public init(aOnly: Int, bOnly: Int) {
        precondition(aOnly >= 0 && bOnly >= 0, "counts must be non-negative")
        self.aOnly = aOnly
        self.bOnly = bOnly
        let total = aOnly + bOnly
        if total >= Self.chiSquareMinimumDiscordant {
            let excess = Double(abs(aOnly - bOnly) - 1)
            let statistic = excess * excess / Double(total)
            self.statistic = statistic
            self.pValue = min(1, erfc((statistic / 2).squareRoot()))
            self.method = .chiSquare
        } else {
            let smaller = min(aOnly, bOnly)
            self.statistic = Double(smaller)
            self.pValue = min(1, 2 * Self.binomialHalfCDF(smaller, trials: total))
            self.method = .exactBinomial
        }
    }

    /// Runs the test on paired outcomes: element `i` of `aCorrect` and of `bCorrect` say whether
    /// each arm got item `i` right.
    ///
    /// - Precondition: Both collections have the same count.
    public init(aCorrect: some Collection<Bool>, bCorrect: some Collection<Bool>) {
        precondition(aCorrect.count == bCorrect.count, "paired outcomes must have equal counts")
        var aOnly = 0
        var bOnly = 0
        for (a, b) in zip(aCorrect, bCorrect) where a != b {
            if a { aOnly += 1 } else { bOnly += 1 }
        }
        self.init(aOnly: aOnly, bOnly: bOnly)
    }

    /// Runs the test on `(a correct, b correct)` pairs.
    public init(pairs: some Sequence<(Bool, Bool)>) {
        var aOnly = 0
        var bOnly = 0
        for (a, b) in pairs where a != b {
            if a { aOnly += 1 } else { bOnly += 1 }
        }
        self.init(aOnly: aOnly, bOnly: bOnly)
    }

    /// P[X ≤ successes] for X ~ Binomial(trials, ½).
    ///
    /// Sums binomial coefficients, which is exact in `Double` for the fewer-than-25 trials this
    /// type uses it for; `trials = 0` gives 1.
    static func binomialHalfCDF(_ successes: Int, trials: Int) -> Double {
        var coefficient = 1.0  // C(trials, i)
        var sum = 0.0
        for i in 0...min(successes, trials) {
            sum += coefficient
            coefficient = coefficient * Double(trials - i) / Double(i + 1)
        }
        return sum * Double(sign: .plus, exponent: -trials, significand: 1)
    }

    private enum CodingKeys: String, CodingKey {
        case statistic
        case pValue = "p"
        case aOnly = "a_only"
        case bOnly = "b_only"
        case method
    }
}
