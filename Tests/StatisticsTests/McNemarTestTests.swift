import Foundation
import Statistics
import Testing

// Expected p-values from SciPy 1.17: `binomtest(min(n1, n2), n1 + n2, 0.5).pvalue` below 25
// discordant pairs, `chi2.sf((|n1 − n2| − 1)² / (n1 + n2), 1)` from 25 up.

@Test(arguments: [
    (5, 2, 2.0, 0.453125),
    (0, 10, 0.0, 0.001953125),
    (2, 9, 2.0, 0.0654296875),
    (10, 14, 10.0, 0.5412561893463135),
    (24, 0, 0.0, 1.1920928955078125e-07),
    (3, 3, 3.0, 1.0),
    (12, 12, 12.0, 1.0),
    (0, 1, 0.0, 1.0),
    (1, 0, 0.0, 1.0),
])
func exactBinomialBelowTwentyFiveDiscordantPairs(aOnly: Int, bOnly: Int, statistic: Double, p: Double) {
    let test = McNemarTest(aOnly: aOnly, bOnly: bOnly)
    #expect(test.method == .exactBinomial)
    #expect(test.statistic == statistic)
    #expect(isClose(test.pValue, p), "p = \(test.pValue), expected \(p)")
    #expect(test.aOnly == aOnly && test.bOnly == bOnly)
}

@Test(arguments: [
    (13, 12, 0.0, 1.0),
    (20, 5, 7.84, 0.005110260660855866),
    (30, 12, 6.880952380952381, 0.008711912962379598),
    (12, 30, 6.880952380952381, 0.008711912962379598),
    (13, 13, 0.038461538461538464, 0.8445192674729399),
    (100, 80, 2.0055555555555555, 0.1567238679451147),
    (40, 0, 38.025, 6.984393061522137e-10),
    (500, 300, 49.50125, 1.982453687656055e-12),
    (2000, 1500, 71.14314285714286, 3.322253787885593e-17),
])
func chiSquareFromTwentyFiveDiscordantPairs(aOnly: Int, bOnly: Int, statistic: Double, p: Double) {
    let test = McNemarTest(aOnly: aOnly, bOnly: bOnly)
    #expect(test.method == .chiSquare)
    #expect(isClose(test.statistic, statistic, absolute: 1e-12, relative: 1e-12))
    #expect(isClose(test.pValue, p), "p = \(test.pValue), expected \(p)")
}

@Test func noDiscordantPairs() {
    let test = McNemarTest(aOnly: 0, bOnly: 0)
    #expect(test.statistic == 0)
    #expect(test.pValue == 1)
    #expect(test.discordant == 0)
}

@Test func thresholdIsTwentyFive() {
    #expect(McNemarTest(aOnly: 24, bOnly: 0).method == .exactBinomial)
    #expect(McNemarTest(aOnly: 25, bOnly: 0).method == .chiSquare)
    #expect(McNemarTest(aOnly: 12, bOnly: 12).method == .exactBinomial)
    #expect(McNemarTest(aOnly: 13, bOnly: 12).method == .chiSquare)
}

@Test func pairedOutcomesCountOnlyDiscordantPairs() {
    // Pairs: (T,T) ×3, (F,F) ×4, (T,F) ×5, (F,T) ×2.
    let a =
        [true, true, true, false, false, false, false] + Array(repeating: true, count: 5)
        + [false, false]
    let b =
        [true, true, true, false, false, false, false] + Array(repeating: false, count: 5)
        + [true, true]
    let test = McNemarTest(aCorrect: a, bCorrect: b)
    #expect(test.aOnly == 5)
    #expect(test.bOnly == 2)
    #expect(test == McNemarTest(aOnly: 5, bOnly: 2))
    #expect(McNemarTest(pairs: zip(a, b).map { ($0, $1) }) == test)
    #expect(isClose(test.pValue, 0.453125))
}

@Test func swappingArmsKeepsTheTestAndSwapsCounts() {
    let forward = McNemarTest(aOnly: 30, bOnly: 12)
    let backward = McNemarTest(aOnly: 12, bOnly: 30)
    #expect(forward.pValue == backward.pValue)
    #expect(forward.statistic == backward.statistic)
    #expect(backward.aOnly == 12 && backward.bOnly == 30)
}

@Test func encodesWithContractKeys() throws {
    let data = try JSONEncoder().encode(McNemarTest(aOnly: 5, bOnly: 2))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(Set(object.keys) == ["statistic", "p", "a_only", "b_only", "method"])
    #expect(object["a_only"] as? Int == 5)
    #expect(object["b_only"] as? Int == 2)
    #expect(object["method"] as? String == "exact-binomial")
    let decoded = try JSONDecoder().decode(McNemarTest.self, from: data)
    #expect(decoded == McNemarTest(aOnly: 5, bOnly: 2))
}
