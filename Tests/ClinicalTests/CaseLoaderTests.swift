import Foundation
import Ontology
import Testing

@testable import Clinical

@Suite struct CaseLoaderTests {
    @Test func detectsAPrettyPrintedDDXCase() throws {
        let input = try Fixtures.load(
            """

            {
              "id": "case-1",
              "findings": [
                {"id": "HP:0001166", "status": "present"}
              ]
            }

            """, source: "case.txt")
        #expect(input.layout == .document)
        #expect(input.entries.count == 1)
        #expect(input.entries.first?.kind == .ddxCase)
        #expect(input.cases.first?.id == "case-1")
        #expect(input.cases.first?.presentTerms == [TermID(1166)])
    }

    @Test func detectsAPhenopacketByItsKeys() throws {
        let input = try Fixtures.load(PhenopacketReaderTests.marfan, source: "marfan.jsonl")
        #expect(input.layout == .document)
        #expect(input.entries.first?.kind == .phenopacket)
        #expect(input.cases.first?.truth == "OMIM:154700")

        let bare = try Fixtures.load(#"{"subject": {"sex": "MALE"}, "metaData": {}}"#, source: "bare.json")
        #expect(bare.entries.first?.kind == .phenopacket)
        #expect(bare.cases.first?.warnings.count == 1)
    }

    @Test func readsAJSONLinesBatchInOrderSkippingBlankLines() throws {
        let lines = [
            #"{"id": "a", "findings": [{"id": "HP:0001166", "status": "present"}]}"#,
            "",
            #"{"phenotypicFeatures": [{"type": {"id": "HP:0001083"}}]}"#,
            "   ",
            #"{"text": "A tall woman with long fingers."}"#,
        ]
        let input = try Fixtures.load(lines.joined(separator: "\n") + "\n", source: "data/cases.jsonl")
        #expect(input.layout == .batch)
        #expect(input.entries.map(\.location.line) == [1, 3, 5])
        #expect(input.entries.map(\.kind) == [.ddxCase, .phenopacket, .ddxCase])
        #expect(input.cases.map(\.id) == ["a", "cases.jsonl:3", "cases.jsonl:5"])
        #expect(input.errors.isEmpty)
    }

    @Test func keepsGoingPastBadLines() throws {
        let lines = [
            #"{"id": "a", "findings": ["HP:0001166"]}"#,
            #"{"id": "b", "findings": [{"id": "HP:0001166", "status": "maybe"}]}"#,
            #"{"id": "c", "findings": ["HP:0001166"#,
            "not json at all",
            #"{"id": "e", "findings": ["HP:0002650"]}"#,
        ]
        let input = try Fixtures.load(lines.joined(separator: "\n"), source: "cases.jsonl")
        #expect(input.layout == .batch)
        #expect(input.cases.map(\.id) == ["a", "e"])
        #expect(input.errors.map(\.line) == [2, 3, 4])
        #expect(input.errors.map(\.kind) == [.invalidStatus, .malformedJSON, .wrongType])
        #expect(input.errors.first?.description.hasPrefix("cases.jsonl:2: findings[0].status: ") == true)
    }

    @Test func aBadFirstLineStillMakesABatch() throws {
        let text = "{\"id\": \"a\", \"findings\": [\n{\"id\": \"b\", \"findings\": [\"HP:0001166\"]}\n"
        let input = try Fixtures.load(text, source: "cases.jsonl")
        #expect(input.layout == .batch)
        #expect(input.errors.map(\.line) == [1])
        #expect(input.cases.map(\.id) == ["b"])
    }

    @Test func aPrettyPrintedCaseWhoseSecondLineIsAnObjectStaysOneDocument() throws {
        let text = "{\"id\": \"p\", \"findings\": [\n{\"id\": \"HP:0001166\", \"status\": \"present\"}\n]}\n"
        let input = try Fixtures.load(text, source: "pretty.json")
        #expect(input.layout == .document)
        #expect(input.errors.isEmpty)
        #expect(input.cases.map(\.id) == ["p"])
    }

    @Test func readsOtherTextAsAFreeTextVignette() throws {
        let input = try Fixtures.load(
            "\n  A 34-year-old woman with long fingers and lens dislocation.\n", source: "vignette.json")
        #expect(input.isFreeText)
        #expect(input.entries.first?.kind == .text)
        let vignette = try #require(input.cases.first)
        #expect(vignette.text == "A 34-year-old woman with long fingers and lens dislocation.")
        #expect(vignette.findings.isEmpty)
        #expect(vignette.id == "vignette.json")
    }

    @Test func textWithAJSONLineInsideIsStillText() throws {
        let input = try Fixtures.load("Findings as recorded:\n{\"id\": \"x\", \"text\": \"y\"}\n", source: "notes.txt")
        #expect(input.layout == .document)
        #expect(input.isFreeText)
        #expect(input.cases.first?.text?.hasPrefix("Findings as recorded:") == true)
    }

    @Test func aByteOrderMarkDoesNotHideABatch() throws {
        let text = "\u{FEFF}" + #"{"id": "a", "text": "x"}"# + "\n" + #"{"id": "b", "text": "y"}"#
        let input = try Fixtures.load(text, source: "cases.jsonl")
        #expect(input.layout == .batch)
        #expect(input.cases.map(\.id) == ["a", "b"])
    }

    @Test func malformedJSONIsAnErrorNotText() throws {
        let error = try #require(Fixtures.loadError("{\n  \"id\": \"a\",\n  \"findings\": maybe\n}"))
        #expect(error.kind == .malformedJSON)
        #expect(error.line == nil)
        #expect(error.reason.contains("line 3, column 15"))
        #expect(error.reason.contains("maybe"))
        #expect(!error.description.contains("\n"))
    }

    @Test func truncatedJSONSaysSo() throws {
        let error = try #require(Fixtures.loadError(#"{"id": "a", "findings": [{"id": "HP:0001166""#))
        #expect(error.kind == .malformedJSON)
        #expect(error.reason.contains("truncated"))
    }

    @Test func aJSONArrayIsNotACase() throws {
        let error = try #require(Fixtures.loadError(#"[{"id": "a", "text": "x"}]"#))
        #expect(error.kind == .wrongType)
        #expect(error.reason.contains("got an array"))
        #expect(error.reason.contains("JSON Lines"))
    }

    @Test func anObjectOfNoKnownKindNamesItsKeys() throws {
        let error = try #require(Fixtures.loadError(#"{"id": "a", "symptoms": ["fever"]}"#))
        #expect(error.kind == .missingContent)
        #expect(error.reason.contains(#""symptoms""#))
    }

    @Test(arguments: ["", "   \n\n\t\n"])
    func emptyInputIsAnError(_ text: String) throws {
        let error = try #require(Fixtures.loadError(text, source: "<stdin>"))
        #expect(error.kind == .emptyInput)
        #expect(error.description.hasPrefix("<stdin>: "))
    }

    @Test func nulBytesAreBinaryData() throws {
        let error = try #require(
            Fixtures.loadError(Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x0A, 0x41]), source: "x.zip"))
        #expect(error.kind == .binaryData)
        #expect(error.reason.contains("NUL byte at byte 4"))
    }

    @Test func gzipDataSaysWhatItIs() throws {
        let error = try #require(
            Fixtures.loadError(Data([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]), source: "<stdin>"))
        #expect(error.kind == .binaryData)
        #expect(error.reason.hasPrefix("gzip-compressed data"))
    }

    @Test func invalidUTF8IsBinaryData() throws {
        let error = try #require(
            Fixtures.loadError(Data("A woman with ".utf8) + Data([0xFF, 0xFE]) + Data(" fingers".utf8)))
        #expect(error.kind == .binaryData)
        #expect(error.reason.contains("invalid UTF-8 at byte 13"))
    }

    @Test func aByteOrderMarkIsIgnored() throws {
        let input = try Fixtures.load("\u{FEFF}" + #"{"id": "bom", "text": "x"}"#)
        #expect(input.cases.first?.id == "bom")
    }

    @Test func linesAcrossChunkBoundariesAreKeptWhole() throws {
        var loader = CaseLoader()
        loader.chunkSize = 7
        let text = #"{"id": "a", "findings": ["HP:0001166"]}"# + "\r\n" + #"{"id": "b", "text": "x"}"#
        let input = try loader.load(Data(text.utf8), source: "cases.jsonl")
        #expect(input.cases.map(\.id) == ["a", "b"])
    }

    @Test func readsFilesByPath() throws {
        let url = try Fixtures.temporaryFile(
            "cases.jsonl", Data((#"{"findings": ["HP:0001166"]}"# + "\n" + #"{"text": "x"}"#).utf8))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let input = try CaseLoader().load(path: url.path)
        #expect(input.source == url.path)
        #expect(input.cases.map(\.id) == ["cases.jsonl:1", "cases.jsonl:2"])
    }

    @Test func reportsFilesThatCannotBeRead() throws {
        let missing = Fixtures.temporaryURL("missing.json").path
        #expect(throws: CaseInputError(source: missing, kind: .unreadable, reason: "no such file")) {
            try CaseLoader().load(path: missing)
        }
        let directory = FileManager.default.temporaryDirectory.path
        let error = try #require(throws: CaseInputError.self) { try CaseLoader().load(path: directory) }
        #expect(error.kind == .unreadable)
        #expect(error.reason.contains("directory"))
    }

    @Test func readsAnEmbeddedObject() throws {
        let object = try Fixtures.object(#"{"phenotypicFeatures": [{"type": {"id": "HP:0001166"}}]}"#)
        let patientCase = try CaseLoader().readCase(object, at: InputLocation(source: "request"))
        #expect(patientCase.presentTerms == [TermID(1166)])
        #expect(patientCase.id == "request")
    }
}
