import Clinical
import Foundation
import Knowledge
import Ontology
import Service
import TestFixtures
import Testing

/// `ddx normalize --format json` and the daemon's `normalize` answer: one line of JSON with
/// sorted keys, findings labelled and, from text, their spans and context.
@Suite struct NormalizedCaseOutputTests {
    private let knowledgeBase: KnowledgeBase
    private let ingestor: CaseIngestor
    private let output: NormalizedCaseOutput

    init() throws {
        knowledgeBase = try ToyRelease.knowledgeBase()
        ingestor = CaseIngestor(knowledgeBase: knowledgeBase)
        output = NormalizedCaseOutput(knowledgeBase: knowledgeBase)
    }

    private func text(_ patient: PatientCase) throws -> String {
        let ingested = ingestor.ingestDetailed(patient)
        return try JSONText.encode { output.write(ingested, to: &$0) }
    }

    private func object(_ patient: PatientCase) throws -> [String: Any] {
        let data = Data(try text(patient).utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private static let stated = PatientCase(
        id: "stated \"1\"",
        findings: [Finding(id: TermID(1250), status: .present), Finding(id: TermID(518), status: .absent)],
        age: "P4Y", sex: .male, truth: "OMIM:100002")

    private static let narrative = "A boy with fits. There is no clouding of the lens. His brother has seizures."

    @Test func aCaseWithNothingStatedHasNoAgeAndNoTruth() throws {
        let result = try object(PatientCase(id: "nothing"))
        #expect(result.keys.sorted() == ["family_history", "findings", "id", "knowledge_base", "sex", "warnings"])
        #expect(result["sex"] as? String == "unknown")
        #expect(result["knowledge_base"] as? String == knowledgeBase.version)
        #expect((result["findings"] as? [Any])?.isEmpty == true)
        #expect((result["family_history"] as? [Any])?.isEmpty == true)
    }

    @Test func statedFindingsAreLabelledWithoutSpans() throws {
        let result = try object(Self.stated)
        #expect(
            result.keys.sorted() == [
                "age", "family_history", "findings", "id", "knowledge_base", "sex", "truth", "warnings",
            ])
        #expect(result["id"] as? String == "stated \"1\"")
        #expect(result["age"] as? String == "P4Y")
        #expect(result["sex"] as? String == "male")
        #expect(result["truth"] as? [String: String] == ["id": "OMIM:100002"])
        let findings = try #require(result["findings"] as? [[String: String]])
        #expect(
            findings == [
                ["id": "HP:0001250", "label": "Seizure", "status": "present"],
                ["id": "HP:0000518", "label": "Cataract", "status": "absent"],
            ])
    }

    @Test func findingsReadFromTextCarryTheirSpans() throws {
        let result = try object(PatientCase(id: "text", text: Self.narrative))
        let findings = try #require(result["findings"] as? [[String: Any]])
        let seizure = try #require(findings.first { $0["id"] as? String == "HP:0001250" })
        #expect(seizure["status"] as? String == "present")
        let seizureSpan = try #require((seizure["spans"] as? [[String: Any]])?.first)
        #expect(seizureSpan["text"] as? String == "fits")
        #expect(seizureSpan["synonym"] as? String == "Fits")
        #expect(seizureSpan["negation"] == nil)
        let cataract = try #require(findings.first { $0["id"] as? String == "HP:0000518" })
        #expect(cataract["status"] as? String == "absent")
        let cataractSpan = try #require((cataract["spans"] as? [[String: Any]])?.first)
        #expect(cataractSpan["negation"] is String)
        for span in [seizureSpan, cataractSpan] { try expectOffsets(of: span) }
    }

    @Test func findingsOfRelativesGoToTheFamilyHistory() throws {
        let result = try object(PatientCase(id: "text", text: Self.narrative))
        let family = try #require((result["family_history"] as? [[String: Any]])?.first)
        #expect(family["id"] as? String == "HP:0001250")
        #expect(family["label"] as? String == "Seizure")
        #expect(family["relative"] as? String == "brother")
        let span = try #require((family["spans"] as? [[String: Any]])?.first)
        #expect(span["text"] as? String == "seizures")
        try expectOffsets(of: span)
    }

    @Test func theTextIsOneCanonicalLine() throws {
        for patient in [Self.stated, PatientCase(id: "text\n", text: Self.narrative)] {
            let streamed = try text(patient)
            #expect(!streamed.contains("\n"))
            // Written back from its parse with sorted keys, the text is unchanged.
            #expect(try JSONText.encode(try object(patient)) == streamed)
        }
    }

    /// The span's offsets (in Unicode scalars) select its text in the narrative.
    private func expectOffsets(of span: [String: Any]) throws {
        let start = try #require(span["start"] as? Int)
        let end = try #require(span["end"] as? Int)
        let scalars = Array(Self.narrative.unicodeScalars)
        try #require(0 <= start && start < end && end <= scalars.count)
        let selected = String(String.UnicodeScalarView(scalars[start..<end]))
        #expect(selected == span["text"] as? String)
    }
}
