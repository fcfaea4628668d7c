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

    @Test func writesEveryIntegerTypeCommandsUse() throws {
        let object: [String: Any] = ["a": UInt64(7), "b": Int64(-3), "c": Int32(2), "d": UInt32(5), "e": UInt(9)]
        #expect(try JSONText.encode(object) == #"{"a":7,"b":-3,"c":2,"d":5,"e":9}"#)
    }

    @Test func sortsKeysAndKeepsSlashes() throws {
        #expect(try JSONText.encode(["b": 1, "a": "x/y"]) == #"{"a":"x/y","b":1}"#)
    }

    @Test func refusesWhatJSONCannotHold() {
        #expect(throws: JSONText.EncodingError.self) { try JSONText.encode(["score": Double.nan]) }
        #expect(throws: JSONText.EncodingError.self) { try JSONText.encode(["when": Date()]) }
    }
}

@Suite struct JSONTextLineTests {
    @Test func writesWhatJSONSerializationReadsBack() throws {
        let value: [String: Any] = [
            "b": 1, "a": "quote \" backslash \\ newline \n tab \t bell \u{07} é", "c": [true, false, NSNull()],
            "d": 2.5, "e": 3.0, "f": ["nested": ["x": -7]], "g": Double.infinity,
        ]
        let text = JSONText.line(value)
        #expect(text.hasPrefix(#"{"a":"#))
        #expect(text.contains(#""e":3,"#))
        #expect(text.contains(#""g":null"#))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["a"] as? String == value["a"] as? String)
        #expect(parsed["d"] as? Double == 2.5)
        #expect(((parsed["f"] as? [String: Any])?["nested"] as? [String: Any])?["x"] as? Int == -7)
        #expect((parsed["c"] as? [Any])?.count == 3)
    }

    @Test func writesParsedNumbersAsTheyWere() throws {
        let parsed = try JSONSerialization.jsonObject(with: Data("[7, -1.25, true, 12345678901]".utf8))
        #expect(JSONText.line(parsed) == "[7,-1.25,true,12345678901]")
    }
}
