import Evaluation
import Foundation
import Testing

@Suite struct AdjudicationStoreTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ddx-adj-\(UUID().uuidString)")

    @Test func theAdjudicationFileRoundTripsAndRefusesUnreadableDecisions() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = AdjudicationFile(path: folder.appendingPathComponent("adjudication.csv").path)
        try file.write([
            .init(
                answer: "von Recklinghausen, \"classic\"", decision: "", count: 3, exampleCase: "c1",
                exampleTruth: "OMIM:1"),
            .init(answer: "blue", decision: "wrong"),
        ])
        var (rows, errors) = file.read()
        #expect(errors.isEmpty)
        #expect(rows.map(\.answer) == ["von Recklinghausen, \"classic\"", "blue"])
        #expect(rows.map(\.count) == [3, 0])
        var text = try String(contentsOfFile: file.path, encoding: .utf8)
        text += "green,maybe,1,,,\n"
        try text.write(toFile: file.path, atomically: true, encoding: .utf8)
        (rows, errors) = file.read()
        #expect(rows.count == 2)
        #expect(errors.map(\.line) == [4])
        #expect(Adjudications.Decision(text: " Orphanet:558 ") == .disease("ORPHA:558"))
        #expect(Adjudications.Decision(text: "WRONG") == .wrong)
        #expect(Adjudications.Decision(text: "") == nil)
    }

    @Test func aStudyKeepsResponsesGradingsAndAdjudications() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("study.sqlite").path
        let responses = [
            ReaderResponse(readerID: "r1", caseID: "c1", condition: "assisted", rank: 1, diagnosis: "OMIM:1", line: 2),
            ReaderResponse(readerID: "r1", caseID: "c1", condition: "assisted", rank: 2, diagnosis: "x", line: 3),
        ]
        do {
            let store = try StudyStore(path: path)
            try store.replaceResponses(responses, source: "r.csv")
            try store.saveGradings([(responses[0], .exactID), (responses[1], .pending)], truths: ["c1": "OMIM:1"])
            try store.saveAdjudications([(key: "x", answer: "x", decision: .wrong)])
        }
        let reopened = try StudyStore(path: path)
        #expect(try reopened.responses() == responses)
        #expect(try reopened.responsesSource() == "r.csv")
        #expect(try reopened.gradeCounts() == ["exact_id": 1, "pending": 1])
        #expect(try reopened.adjudications().decisions["x"] == .wrong)
        try reopened.replaceResponses(Array(responses.prefix(1)), source: "s.csv")
        #expect(try reopened.responses().count == 1)
        #expect(try reopened.gradeCounts().isEmpty)
    }
}
