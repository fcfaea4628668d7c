import Statistics
import Testing

@testable import FastFeedforward

@Suite struct RandomGeneratorTests {
    @Test func xoshiroIsDeterministicAndSeedSensitive() {
        var a = SeededGenerator(seed: 2024)
        var b = SeededGenerator(seed: 2024)
        var c = SeededGenerator(seed: 2025)
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
    }

    @Test func unitFloatsStayInTheHalfOpenUnitInterval() {
        var generator = SeededGenerator(seed: 3)
        let values = (0..<2000).map { _ in generator.nextUnitFloat() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = values.reduce(0, +) / Float(values.count)
        #expect(abs(mean - 0.5) < 0.05)
    }
}
