import Clinical
import ConceptRecognition
import Foundation
import Ontology
import Service
import Testing

/// The text recognizer over the real HPO release: phrases clinicians write, the ingestor seam,
/// and a floor under the development corpus's document-level F1.
@Suite struct ConceptRecognitionRealDataTests {
    static let recognizer: Result<ConceptRecognizer, any Error> = RealData.knowledgeBase.map {
        ConceptRecognizer(ontology: $0.ontology)
    }
    static let corpus = RealData.sharedData.appendingPathComponent("text/concepts-dev.jsonl")

    func ids(_ text: String) throws -> Set<String> {
        Set(try Self.recognizer.get().analyse(text).mentions.map(\.id.description))
    }

    @Test func readsPhrasesAsCliniciansWriteThem() throws {
        #expect(try ids("The child had seizures and hypotonia.") == ["HP:0001250", "HP:0001252"])
        #expect(try ids("kidney anomalies") == ["HP:0000077"])
        #expect(try ids("a ventricular septal defect (VSD); the VSD closed") == ["HP:0001629"])
        #expect(try ids("Long, thin fingers").contains("HP:0100807"))
        #expect(try ids("oedema of the feet").contains("HP:0000969"))
    }

    @Test func feedsTextFindingsThroughTheIngestor() throws {
        let knowledgeBase = try RealData.knowledgeBase.get()
        let ingestor = CaseIngestor(knowledgeBase: knowledgeBase, recognizer: try Self.recognizer.get())
        let text = "A 34-year-old woman with ectopia lentis and no seizures. Her brother had cataracts."
        let ingested = ingestor.ingestDetailed(PatientCase(id: "t", text: text))
        let findings = Dictionary(
            uniqueKeysWithValues: ingested.patientCase.findings.map { ($0.id.description, $0.status) })
        #expect(findings == ["HP:0001083": .present, "HP:0001250": .absent])
        #expect(ingested.familyHistory.map(\.id.description) == ["HP:0000518"])
        #expect(ingested.familyHistory.first?.relative == "brother")
        #expect(ingested.patientCase.age == "P34Y")
        #expect(ingested.patientCase.sex == .female)
        let stated = ingestor.ingest(PatientCase(id: "s", age: "P2Y", sex: .male, text: text))
        #expect(stated.age == "P2Y" && stated.sex == .male, "an explicit age and sex are never overridden")
    }

    @Test func theRealDictionaryReadsBackFromItsArchiveUnchanged() throws {
        let dictionary = try Self.recognizer.get().dictionary
        let archive = DictionaryArchive.encode(dictionary, knowledgeBase: "real")
        let decoded = try DictionaryArchive.decode(archive, knowledgeBase: "real")
        #expect(decoded == dictionary)
        #expect(decoded.entries.count > 30_000)
    }

    @Test func warnsWhenTextNamesNoPhenotype() throws {
        let knowledgeBase = try RealData.knowledgeBase.get()
        let ingestor = CaseIngestor(knowledgeBase: knowledgeBase, recognizer: try Self.recognizer.get())
        let patient = ingestor.ingest(PatientCase(id: "t", text: "the of and with"))
        #expect(patient.findings.isEmpty)
        #expect(patient.warnings == ["no phenotype concepts recognised in the text"])
    }

    /// A floor, well below the measured 0.77 (Evaluation/concepts.md), that catches regressions.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus.path), "needs ../shared/data"))
    func scoresTheDevelopmentCorpusAboveAFloor() throws {
        let ontology = try RealData.knowledgeBase.get().ontology
        let recognizer = try Self.recognizer.get()
        var total = DocumentScore()
        let lines = try String(contentsOf: Self.corpus, encoding: .utf8).split(separator: "\n")
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let text = try #require(object["text"] as? String)
            let annotations = try #require(object["annotations"] as? [[String: Any]])
            let gold = annotations.compactMap { annotation -> GoldMention? in
                guard let hpo = annotation["hpo"] as? String, let id = TermID(hpo),
                    let start = annotation["start"] as? Int, let end = annotation["end"] as? Int
                else { return nil }
                let primary: TermID? =
                    switch ontology.resolve(id) {
                    case .current: id
                    case .alternate(of: let primary): primary
                    case .replaced(by: let replacement): replacement
                    default: nil
                    }
                return primary.map { GoldMention(start: min(start, end), end: max(start, end), id: $0) }
            }
            total += DocumentScore(predicted: recognizer.analyse(text).mentions, gold: gold)
        }
        #expect(lines.count == 130)
        #expect(total.documents.f1 > 0.72, "document-level F1 \(total.documents.f1)")
        #expect(total.documents.precision > 0.80, "document-level precision \(total.documents.precision)")
    }
}
