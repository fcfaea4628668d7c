import Ontology
import Testing

@testable import Clinical

@Suite struct DDXCaseReaderTests {
    let reader = DDXCaseReader()
    let location = InputLocation(source: "case.json")

    @Test func readsTheSpecExample() throws {
        let object = try Fixtures.object(
            """
            {"id": "case-1", "age": "P34Y", "sex": "female",
             "findings": [{"id": "HP:0001166", "status": "present"},
                          {"id": "HP:0001083", "status": "absent"}],
             "text": "optional free-text vignette",
             "truth": {"id": "OMIM:154700"}}
            """)
        let patientCase = try reader.read(object, at: location)
        #expect(patientCase.id == "case-1")
        #expect(patientCase.age == "P34Y")
        #expect(patientCase.sex == .female)
        #expect(
            patientCase.findings == [
                Finding(id: TermID(1166), status: .present), Finding(id: TermID(1083), status: .absent),
            ])
        #expect(patientCase.text == "optional free-text vignette")
        #expect(patientCase.truth == "OMIM:154700")
        #expect(patientCase.warnings.isEmpty)
    }

    @Test func acceptsPlainTruthBareIDsAndMissingStatus() throws {
        let object = try Fixtures.object(
            """
            {"findings": ["HP:0001166", {"id": "HP:0002650"}, {"id": "HP:0001250", "status": "ABSENT"}],
             "truth": "ORPHA:558"}
            """)
        let patientCase = try reader.read(object, at: InputLocation(source: "cases.jsonl", line: 4))
        #expect(patientCase.truth == "ORPHA:558")
        #expect(patientCase.presentTerms == [TermID(1166), TermID(2650)])
        #expect(patientCase.absentTerms == [TermID(1250)])
        #expect(patientCase.id == "cases.jsonl:4")
        #expect(patientCase.sex == .unknown)
        #expect(patientCase.age == nil)
    }

    @Test func acceptsNumericIDsNullsAndReferences() throws {
        let object = try Fixtures.object(
            #"{"id": 17, "age": null, "sex": null, "text": "tall, long fingers", "references": ["PMID:1"]}"#)
        let patientCase = try reader.read(object, at: location)
        #expect(patientCase.id == "17")
        #expect(patientCase.findings.isEmpty)
        #expect(patientCase.references == ["PMID:1"])
    }

    @Test func warnsAboutACaseWithNothingToRank() throws {
        let patientCase = try reader.read(try Fixtures.object(#"{"id": "x", "findings": []}"#), at: location)
        #expect(patientCase.warnings.count == 1)
        #expect(patientCase.warnings.first?.contains("x") == true)
    }

    @Test func reportsABadStatusWithItsPathAndLine() throws {
        let json =
            #"{"findings": [{"id": "HP:0001166"}, {"id": "HP:0001083"}, {"id": "HP:0002650", "status": "maybe"}]}"#
        let error = try #require(try Fixtures.readError(reader, json, at: InputLocation(source: "case.json", line: 3)))
        #expect(error.kind == .invalidStatus)
        #expect(error.description == #"case.json:3: findings[2].status: expected "present" or "absent", got "maybe""#)
    }

    @Test func reportsABadHPOID() throws {
        let error = try #require(
            try Fixtures.readError(reader, #"{"findings": [{"id": "HP:12", "status": "present"}]}"#))
        #expect(error.kind == .invalidTermID)
        #expect(error.field == "findings[0].id")
        #expect(error.reason.contains("\"HP:12\""))
    }

    @Test func reportsAMissingFindingID() throws {
        let error = try #require(try Fixtures.readError(reader, #"{"findings": [{"status": "present"}]}"#))
        #expect(error.kind == .missingContent)
        #expect(error.field == "findings[0].id")
    }

    @Test func reportsABadSex() throws {
        let error = try #require(try Fixtures.readError(reader, #"{"sex": "woman", "text": "x"}"#))
        #expect(error.kind == .invalidSex)
        #expect(error.description == #"case.json: sex: expected female, male, other or unknown, got "woman""#)
    }

    @Test(arguments: [#""34""#, "34", #""P34""#, #""34 years""#])
    func reportsABadAge(_ age: String) throws {
        let error = try #require(try Fixtures.readError(reader, #"{"age": \#(age), "text": "x"}"#))
        #expect(error.kind == .invalidAge)
        #expect(error.field == "age")
        #expect(error.reason.contains("ISO 8601"))
    }

    @Test func reportsWrongTypesWithWhatWasFound() throws {
        let notArray = try #require(try Fixtures.readError(reader, #"{"findings": "HP:0001166"}"#))
        #expect(notArray.kind == .wrongType)
        #expect(notArray.description == #"case.json: findings: expected an array, got "HP:0001166""#)

        let notObject = try #require(try Fixtures.readError(reader, #"{"findings": [42]}"#))
        #expect(notObject.field == "findings[0]")
        #expect(notObject.reason.contains("the number 42"))

        let boolStatus = try #require(
            try Fixtures.readError(reader, #"{"findings": [{"id": "HP:0001166", "status": true}]}"#))
        #expect(boolStatus.field == "findings[0].status")
        #expect(boolStatus.reason == "expected a string, got true")

        let badTruth = try #require(try Fixtures.readError(reader, #"{"text": "x", "truth": 154700}"#))
        #expect(badTruth.field == "truth")
        #expect(badTruth.kind == .wrongType)
    }

    @Test func requiresFindingsOrText() throws {
        let error = try #require(try Fixtures.readError(reader, #"{"id": "x", "text": "   ", "age": "P1Y"}"#))
        #expect(error.kind == .missingContent)
        #expect(error.reason.contains("findings"))
        #expect(error.reason.contains("text"))
    }
}
