import Testing

@testable import Clinical

@Suite struct CaseInputErrorTests {
    @Test func descriptionNamesSourceLineAndField() {
        let error = CaseInputError(
            source: "case.json", line: 3, field: "findings[2].status", kind: .invalidStatus,
            reason: "expected \"present\" or \"absent\", got \"maybe\"")
        #expect(error.description == #"case.json:3: findings[2].status: expected "present" or "absent", got "maybe""#)
    }

    @Test func descriptionLeavesOutWhatIsUnknown() {
        let error = CaseInputError(source: "<stdin>", kind: .emptyInput, reason: "the input is empty")
        #expect(error.description == "<stdin>: the input is empty")
    }

    @Test func descriptionIsOneLine() {
        let error = CaseInputError(source: "a.json", kind: .malformedJSON, reason: "first\nsecond")
        #expect(!error.description.contains("\n"))
        #expect(error.description == "a.json: first second")
    }

    @Test func namesALoneSurrogateEscapeInsteadOfATruncation() throws {
        #expect(JSONObjectParser.loneSurrogate(in: #"{"text": "a \ud800 b"}"#) == #"\ud800"#)
        #expect(JSONObjectParser.loneSurrogate(in: #"{"text": "\uDC00"}"#) == #"\uDC00"#)
        #expect(JSONObjectParser.loneSurrogate(in: #"{"text": "\ud83e\udde0 \u00e9"}"#) == nil)
        #expect(JSONObjectParser.loneSurrogate(in: #"{"text": "\\ud800"}"#) == nil, "an escaped backslash")
        let location = InputLocation(source: "cases.jsonl", line: 2)
        let error = #expect(throws: CaseInputError.self) {
            try JSONObjectParser.object(from: #"{"id": "w", "text": "lone \ud800 seizures"}"#, at: location)
        }
        #expect(error?.description.contains("half of a UTF-16 surrogate pair") == true)
    }

    @Test func locationMakesFallbackIDsFromFileNameAndLine() {
        #expect(InputLocation(source: "data/cases.jsonl", line: 7).fallbackCaseID == "cases.jsonl:7")
        #expect(InputLocation(source: "/tmp/case.json").fallbackCaseID == "case.json")
        #expect(InputLocation(source: "<stdin>", line: 2).fallbackCaseID == "<stdin>:2")
    }
}
