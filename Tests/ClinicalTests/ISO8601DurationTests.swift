import Testing

@testable import Clinical

@Suite struct ISO8601DurationTests {
    @Test(arguments: ["P34Y", "P3M", "P1Y6M", "P2W", "P10D", "P1Y2M3DT4H5M6S", "PT12H", "P1.5Y", "P0D"])
    func acceptsDurations(_ text: String) {
        #expect(ISO8601Duration.isValid(text))
    }

    @Test(arguments: [
        "", "34", "34Y", "P", "PT", "P1YT", "P1Y2", "P6M1Y", "P1Y1Y", "p34y", "P-1Y", "P 1Y", "P1.5Y6M",
        "P1..5Y", "P.5Y", "P1Z", "PY",
    ])
    func rejectsOtherText(_ text: String) {
        #expect(!ISO8601Duration.isValid(text))
    }
}
