import Testing

@testable import FastFeedforward

@Suite struct RandomGeneratorTests {
    @Test func splitMix64MatchesPublishedOutputForSeedZero() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func xoshiroIsDeterministicAndSeedSensitive() {
        var a = Xoshiro256StarStar(seed: 2024)
        var b = Xoshiro256StarStar(seed: 2024)
        var c = Xoshiro256StarStar(seed: 2025)
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
    }

    @Test func unitFloatsStayInTheHalfOpenUnitInterval() {
        var generator = Xoshiro256StarStar(seed: 3)
        let values = (0..<2000).map { _ in generator.nextUnitFloat() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = values.reduce(0, +) / Float(values.count)
        #expect(abs(mean - 0.5) < 0.05)
    }
}
