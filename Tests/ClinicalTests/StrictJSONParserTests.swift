import Foundation
import Ontology
import Statistics
import Testing

@testable import Clinical

/// The fast parser must give exactly what `JSONSerialization` gives, or give up.
@Suite struct StrictJSONParserTests {
    /// Text the fast parser reads; each must come out as `JSONSerialization` reads it.
    static let plain: [String] = [
        #"{}"#,
        #" {"a": [], "b": {}, "c": [[], [{}]]} "#,
        "\t{\r\n\"id\" :\n\"case-1\" , \"n\":null}\n",
        #"{"phenotypicFeatures": [{"type": {"id": "HP:0001166", "label": "Arachnodactyly"}, "excluded": true}]}"#,
        #"{"t": true, "f": false, "n": null, "list": [true, false, null, "x", 1, {"k": []}]}"#,
        #"{"escapes": "q\" b\\ s\/ \b\f\n\r\t end", "u": "\u00e9\u0041\u20AC\uFFFF", "pair": "\uD83D\uDE00!"}"#,
        #"{"\u0000": "nul in a key", "zero": "a\u0000b"}"#,
        "{\"raw\": \"é € 😀 Ärger 日本語\", \"mid\": \"x\u{FEFF}y\", \"afterText\": \"ab\\ncd\"}",
        #"{"a": 1, "a": 2, "b": {"c": 1, "c": [3]}}"#,
        #"{"\u00e9": 1, "e\u0301": 2, "é": 3}"#,
        #"{"ints": [0, -0, 7, -7, 2147483647, 2147483648, -2147483649, 123456789012345678]}"#,
        #"{"big": [12345678901234567890, 18446744073709551616, 123456789012345678901, -9223372036854775808]}"#,
        #"{"reals": [1.5, -0.0, 10.0, 0.1, 1e5, 1E5, 1e+5, 2.5e-3, -1.25E-10, 1.7976931348623157e308]}"#,
        #"{"repeated": [3, 3, 3.0, 3.0, 1e2, 1e2]}"#,
        "{\"deep\": " + String(repeating: "[", count: 400) + String(repeating: "]", count: 400) + "}",
    ]

    /// Text the fast parser leaves to `JSONSerialization` (which may accept or reject it).
    static let unsupported: [String] = [
        "", "   ", "[]", "[{}]", "3", "\"text\"", "null",
        #"{"a": 1,}"#, #"{"a": [1, 2,]}"#, #"{"a" 1}"#, #"{a: 1}"#, #"{'a': 1}"#, #"{"a": 1} x"#, #"{"a": 1}}"#,
        #"{"a": 1"#, #"{"a": "open}"#, #"{"a": tru}"#, #"{"a": nul}"#, #"{"a": True}"#,
        #"{"a": 01}"#, #"{"a": -}"#, #"{"a": 1.}"#, #"{"a": .5}"#, #"{"a": +1}"#, #"{"a": 1e}"#, #"{"a": 1e400}"#,
        #"{"a": NaN}"#, #"{"a": 0x10}"#,
        "{\"a\": \"tab\there\"}", "{\"a\": \"line\nbreak\"}",
        #"{"a": "\x"}"#, #"{"a": "\u12"}"#, #"{"a": "\u12G4"}"#, #"{"a": "\uD800"}"#, #"{"a": "\uD800x"}"#,
        #"{"a": "\uD800\u0041"}"#, #"{"a": "\uDC00"}"#,
        "{\"a\": \"\u{FEFF}starts with a byte order mark\"}", "{\"\u{FEFF}key\": 1}",
        "{\"a\": \"\\n\u{FEFF}after an escape\"}",
        "{\"deep\": " + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}",
        "{} // comment",
    ]

    @Test func readsPlainJSONAsJSONSerializationDoes() throws {
        for text in Self.plain {
            let fast = try #require(StrictJSONParser.object(in: text), "gave up on \(text)")
            let reference = try JSONSerialization.jsonObject(with: Data(text.utf8))
            #expect(Self.canonical(fast) == Self.canonical(reference), "\(text)")
        }
    }

    @Test func leavesEverythingElseToJSONSerialization() {
        for text in Self.unsupported {
            #expect(StrictJSONParser.object(in: text) == nil, "\(text)")
        }
    }

    @Test func agreesWithJSONSerializationOnRandomDocuments() throws {
        var random = SplitMix64(seed: 2024)
        for _ in 0..<300 {
            let text = Self.randomObject(depth: 0, using: &random)
            let fast = try #require(StrictJSONParser.object(in: text), "gave up on \(text)")
            let reference = try JSONSerialization.jsonObject(with: Data(text.utf8))
            #expect(Self.canonical(fast) == Self.canonical(reference), "\(text)")
        }
    }

    @Test func malformedLinesStillGetJSONSerializationsErrors() {
        let input = try? Fixtures.load(
            #"{"id": "a", "findings": ["HP:0001166"]}"# + "\n" + #"{"id": "b", "findings": [],}"# + "\n"
                + #"{"id": "c", "findings": ["HP:0001166"] x}"# + "\n")
        let entries = input?.entries ?? []
        #expect(entries.count == 3)
        #expect(entries.first?.patientCase?.id == "a")
        #expect(entries.dropFirst().first?.patientCase?.id == "b")  // JSONSerialization allows the comma
        #expect(entries.last?.error?.kind == .malformedJSON)
        #expect(entries.last?.error?.reason.hasPrefix("malformed JSON: ") == true)
    }

    @Test func nullIsTreatedAsMissingHoweverItIsWrapped() throws {
        let wrapped: Any? = NSNull()
        let object: [String: Any] = [
            "id": NSNull(), "sex": wrapped as Any, "findings": ["HP:0001166"], "text": NSNull(),
        ]
        let patientCase = try DDXCaseReader().read(object, at: InputLocation(source: "cases.jsonl", line: 4))
        #expect(patientCase.id == "cases.jsonl:4")
        #expect(patientCase.sex == .unknown)
        #expect(patientCase.text == nil)
    }

    @Test func idsAndAgesAreTrimmedAsBefore() throws {
        let patientCase = try DDXCaseReader().read(
            try Fixtures.object(
                #"{"id": "\u00a0 case-9 \n", "age": " P3Y\t", "findings": [" HP:0001166 ", "HP_0001250"]}"#),
            at: InputLocation(source: "case.json"))
        #expect(patientCase.id == "case-9")
        #expect(patientCase.age == "P3Y")
        #expect(patientCase.presentTerms == [TermID(1166), TermID(1250)])

        for bad in ["HP:000116", "HP:00011666", "HP:000116a", "hp:0001166", "HP:0001166\u{0301}", "HP:٠٠٠١١٦٦"] {
            let error = try Fixtures.readError(DDXCaseReader(), #"{"findings": ["\#(bad)"]}"#)
            #expect(error?.kind == .invalidTermID, "\(bad)")
        }
    }

    /// Strings are scanned eight bytes at a time: a quote, backslash or control character at
    /// any offset of a word, in strings of any length, must still be found.
    @Test func findsSpecialBytesAtEveryOffsetOfAWord() throws {
        for length in 0..<20 {
            let plain = String(repeating: "a", count: length)
            for special in [#"\""#, #"\\"#, #"\n"#, #"\u0041"#, "é", "😀"] {
                for offset in 0...length {
                    let value = String(plain.prefix(offset)) + special + String(plain.dropFirst(offset))
                    let text = #"{"k": ""# + value + #"", "after": 1}"#
                    let fast = try #require(StrictJSONParser.object(in: text), "gave up on \(text)")
                    let reference = try JSONSerialization.jsonObject(with: Data(text.utf8))
                    #expect(Self.canonical(fast) == Self.canonical(reference), "\(text)")
                }
            }
            for control in ["\t", "\n", "\u{1F}"] {
                let text = #"{"k": ""# + plain + control + #""}"#
                #expect(StrictJSONParser.object(in: text) == nil, "a raw control character in \(text)")
            }
            #expect(StrictJSONParser.object(in: #"{"k": ""# + plain) == nil, "an unterminated string")
        }
    }

    /// Many repeated keys and values, non-ASCII ones among them, and strings of every length
    /// around two words at the very end of the text (where fewer than eight bytes are left).
    @Test func repeatedAndTrailingStringsComeBackUnchanged() throws {
        var members: [String] = []
        for number in 0..<300 {
            let text = String(repeating: "é", count: number % 3) + String(repeating: "k", count: number % 19)
            let value = "\"\(text)\(number % 7)\""
            members.append("\"\(number)\(text)\": [\(value), \(value), {\"\(text)\": \(value)}]")
        }
        var texts = ["{" + members.joined(separator: ", ") + "}"]
        for length in 0...18 {
            let tail = String(repeating: "t", count: length)
            texts.append(#"{"\#(tail)": "\#(tail)", "a": "\#(tail)"}"#)
            texts.append(#"{"\#(tail)":"\#(tail)"}"#)
        }
        for text in texts {
            let fast = try #require(StrictJSONParser.object(in: text), "gave up on \(text)")
            let reference = try JSONSerialization.jsonObject(with: Data(text.utf8))
            #expect(Self.canonical(fast) == Self.canonical(reference), "\(text)")
        }
    }

    @Test func escapedAndUnescapedStringsGiveTheSameValue() throws {
        let escaped = try #require(
            StrictJSONParser.object(in: #"{"\u0069d": "\u0048P:0001166 \u00e9\ud83d\ude00 a long tail\/"}"#))
        let plain = try #require(StrictJSONParser.object(in: #"{"id": "HP:0001166 é😀 a long tail/"}"#))
        #expect(Self.canonical(escaped) == Self.canonical(plain))
    }

    @Test func sharedBooleansAndRepeatedKeysReadAsJSONSerializationReadsThem() throws {
        let text = #"{"a": true, "b": [true, false, true], "c": false, "k": 1, "k": true, "k": "last", "z": {"k": 2}}"#
        let fast = try #require(StrictJSONParser.object(in: text))
        let reference = try JSONSerialization.jsonObject(with: Data(text.utf8))
        #expect(Self.canonical(fast) == Self.canonical(reference))
        #expect(fast["k"] as? String == "last")
        #expect(JSONFields.boolean(try #require(fast["a"])) == true)
        #expect(JSONFields.boolean(try #require(fast["c"])) == false)
    }

    @Test func booleansAreToldApartFromNumbersAndNullFromOtherValues() {
        #expect(JSONFields.boolean(NSNumber(value: true)) == true)
        #expect(JSONFields.boolean(NSNumber(value: false)) == false)
        #expect(JSONFields.boolean(NSNumber(value: 1)) == nil)
        #expect(JSONFields.boolean(NSNumber(value: 0.0)) == nil)
        #expect(JSONFields.boolean("true") == nil)
        #expect(JSONFields.isNull(NSNull()))
        let wrapped: Any? = NSNull()
        #expect(JSONFields.isNull(wrapped as Any))
        for value: Any in ["", NSNumber(value: 0), [String: Any](), [Any](), [NSNull()]] {
            #expect(!JSONFields.isNull(value), "\(value)")
        }
    }

    // MARK: - Helpers

    /// A description that tells apart every difference that matters: number types, scalars.
    static func canonical(_ value: Any) -> String {
        if type(of: value) is NSNull.Type { return "null" }
        if let number = value as? NSNumber {
            return "\(type(of: number))(\(String(cString: number.objCType)) \(number.stringValue))"
        }
        if let text = value as? String { return "\"\(text.unicodeScalars.map { String($0.value, radix: 16) })\"" }
        if let array = value as? [Any] { return "[" + array.map(canonical).joined(separator: ",") + "]" }
        if let object = value as? [String: Any] {
            let members = object.map { "\(canonical($0.key)):\(canonical($0.value))" }.sorted()
            return "{" + members.joined(separator: ",") + "}"
        }
        return "?\(type(of: value))"
    }

    private static let pieces = [
        "a", "Z", " ", "é", "€", "😀", "日", "\\n", "\\\"", "\\\\", "\\/", "\\t", "\\u00e9", "\\u20ac", "\\ud83d\\ude00",
        "\\u0000", "\u{FEFF}", "HP:0001166",
    ]
    private static let numbers = ["0", "-1", "42", "3.25", "-0.5", "1e3", "2E-2", "99999999999", "0.000001"]

    private static func randomString(using random: inout SplitMix64) -> String {
        var text = "\""
        var previous = ""
        for _ in 0..<Int(random.next() % 6) {
            var piece = pieces[Int(random.next() % UInt64(pieces.count))]
            if piece == "\u{FEFF}" && (previous.isEmpty || previous.hasPrefix("\\")) {
                piece = "b"  // left to JSONSerialization, tested above
            }
            text += piece
            previous = piece
        }
        return text + "\""
    }

    private static func randomValue(depth: Int, using random: inout SplitMix64) -> String {
        switch random.next() % (depth > 4 ? 5 : 7) {
        case 0, 4: return randomString(using: &random)
        case 1: return numbers[Int(random.next() % UInt64(numbers.count))]
        case 2: return ["true", "false"][Int(random.next() % 2)]
        case 3: return "null"
        case 5:
            let count = Int(random.next() % 4)
            let space = random.next() % 2 == 0 ? "" : " \n"
            let elements = (0..<count).map { _ in space + randomValue(depth: depth + 1, using: &random) }
            return "[" + elements.joined(separator: ",") + space + "]"
        default: return randomObject(depth: depth + 1, using: &random)
        }
    }

    static func randomObject(depth: Int, using random: inout SplitMix64) -> String {
        let count = Int(random.next() % 5)
        let members = (0..<count).map { _ in
            randomString(using: &random) + (random.next() % 2 == 0 ? ":" : " :\t")
                + randomValue(depth: depth, using: &random)
        }
        return "{" + members.joined(separator: ",") + "}"
    }
}
