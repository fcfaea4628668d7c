import Service
import Testing

/// Numbers are written as Swift's `description` writes them (shortest round-trip form), whole
/// numbers without a fraction; values rounded to three decimals take a faster path that must
/// give the same text.
@Suite struct JSONWriterNumberTests {
    private func written(_ value: Double) -> String {
        var writer = JSONWriter()
        writer.write(double: value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func threeDecimalValuesAreWrittenAsSwiftDescribesThem() {
        var generator = SystemRandomNumberGenerator()
        for scale in [1.0, 10, 1_000, 1e6, 1e8] {
            for _ in 0..<2_000 {
                let value = (Double.random(in: -scale...scale, using: &generator) * 1000).rounded() / 1000
                guard value != value.rounded() else { continue }
                #expect(written(value) == "\(value)", "\(value)")
            }
        }
        for value in [0.001, -0.001, 0.1, 0.5, 1.25, -3.075, 12.3, 999_999_999.999, 0.009, 2.01] {
            #expect(written(value) == "\(value)")
        }
    }

    @Test func otherValuesFallBackToTheirDescription() {
        for value in [0.0001, 1e-7, 0.1 + 0.2, 1.0 / 3, 1e9 + 0.5, 123_456_789_012.5, -2.0e-5] {
            #expect(written(value) == "\(value)")
        }
        #expect(written(3) == "3")
        #expect(written(-0.0) == "0")
        #expect(written(.infinity) == "null")
    }

    @Test func integersAreWrittenAsStringWritesThem() {
        for value in [0, 7, -7, 10, 1_000_000, -987_654_321, Int.max, Int.min] {
            var writer = JSONWriter()
            writer.write(integer: value)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
        }
        for value in [-1e14, 42.0, -3.0, 999_999_999_999_999] {
            #expect(written(value) == String(Int64(value)))
        }
    }

    @Test func roundingToThousandthsWritesWhatRoundingFirstWrites() {
        func rounded(_ value: Double) -> String {
            var writer = JSONWriter()
            writer.write(roundingToThousandths: value)
            return String(decoding: writer.bytes, as: UTF8.self)
        }
        var generator = SystemRandomNumberGenerator()
        for scale in [0.01, 1.0, 30, 1_000, 1e6, 1e9, 1e12] {
            for _ in 0..<2_000 {
                let value = Double.random(in: -scale...scale, using: &generator)
                #expect(rounded(value) == written((value * 1000).rounded() / 1000), "\(value)")
            }
        }
        let special = [
            0, -0.0, 0.000_4, -0.000_4, 0.000_5, 12, -12, 7.900_4, 0.895_49, 999_999_999.999_4, 999_999_999.999_6,
            -999_999_999.999_6, 1e12, .nan, .infinity, -.infinity,
        ]
        for value in special {
            #expect(rounded(value) == written((value * 1000).rounded() / 1000), "\(value)")
        }
    }
}
