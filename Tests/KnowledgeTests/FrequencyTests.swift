import Knowledge
import Testing

@Suite struct FrequencyTests {
    @Test(arguments: [
        ("HP:0040280", 1.0), ("HP:0040281", 0.895), ("HP:0040282", 0.545), ("HP:0040283", 0.17),
        ("HP:0040284", 0.025), ("HP:0040285", 0.0), ("3/8", 0.375), ("0/2", 0.0), ("17%", 0.17), ("100%", 1.0),
    ])
    func parsesEachNotation(text: String, value: Double) throws {
        let frequency = try #require(Frequency(text))
        #expect(abs(frequency.value - value) < 1e-12)
        #expect(frequency.text == text)
    }

    @Test(arguments: ["", "HP:0000118", "5/0", "9/4", "-3/4", "120%", "often"])
    func refusesWhatItCannotRead(text: String) {
        #expect(Frequency(text) == nil)
    }
}
