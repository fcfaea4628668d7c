import Foundation
import Service
import Testing

@Suite struct JSONTextTests {
    /// What Foundation writes with the same options: the reference the fast writer must match.
    private func foundation(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    @Test func writesWhatFoundationWritesForTheValuesCommandsBuild() throws {
        let object: [String: Any] = [
            "case_id": "PMID_1/Family \"A\" – II:1",
            "differential": [
                ["rank": 1, "id": "OMIM:154700", "name": "Marfan syndrome", "score": 3.25],
                ["rank": 2, "id": "ORPHA:558", "name": "Ünïcödé 症候群 🧬", "score": 0.1],
            ],
            "warnings": [String](),
            "flags": [true, false],
            "missing": NSNull(),
            "numbers": [0, -7, 1.0, -2.5, 0.333, 123_456_789, 1e-7, 12.0],
            "controls": "tab\there\nnew line\r\u{08}\u{0C}\u{01}\\",
            "nested": ["b": ["z": 1, "a": [String: Any]()], "a": [Any]()],
        ]
        #expect(try JSONText.encode(object) == (try foundation(object)))
    }

    @Test func writesParsedJSONBackUnchanged() throws {
        let text = #"{"flag":true,"id":1,"off":false,"ratio":1.5,"text":"x","zero":0}"#
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        #expect(try JSONText.encode(parsed) == text)
        #expect(try JSONText.encode(parsed) == (try foundation(parsed)))
    }

    @Test func sortsKeysAndKeepsSlashes() throws {
        #expect(try JSONText.encode(["b": 1, "a": "x/y"]) == #"{"a":"x/y","b":1}"#)
    }

    @Test func refusesWhatJSONCannotHold() {
        #expect(throws: JSONText.EncodingError.self) { try JSONText.encode(["score": Double.nan]) }
        #expect(throws: JSONText.EncodingError.self) { try JSONText.encode(["when": Date()]) }
    }
}
