import ConceptRecognition
import Foundation
import Knowledge
import Ontology
import Service
import Testing

@Suite struct DictionaryCacheTests {
    /// A miniature knowledge base: three phenotype terms, no diseases.
    static func knowledgeBase(builtAt: String = "2026-11-30T00:00:00Z") -> KnowledgeBase {
        let ontology = Ontology(
            release: "toy",
            terms: [
                Term(id: TermID(1), name: "All"),
                Term(id: TermID(118), name: "Phenotypic abnormality", parents: [TermID(1)]),
                Term(
                    id: TermID(1250), name: "Seizure", synonyms: [Synonym(text: "Fits", scope: .exact)],
                    parents: [TermID(118)]),
                Term(id: TermID(2650), name: "Scoliosis", parents: [TermID(118)]),
            ])
        let info = KnowledgeBaseInfo(
            hpoRelease: "toy", annotationVersion: "toy", checksums: ["hp.obo": "abc"], builtAt: builtAt)
        return KnowledgeBase(info: info, ontology: ontology, diseases: [], annotations: [])
    }

    /// A fresh, empty folder for one test.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ddx-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func buildsAndSavesWhenMissingThenReadsTheSavedFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = DictionaryCache(file: folder.appendingPathComponent("concepts.dictionary"))
        let first = cache.dictionary(for: Self.knowledgeBase())
        #expect(first.outcome == .rebuilt(reason: "no cached dictionary"))
        let second = cache.dictionary(for: Self.knowledgeBase())
        #expect(second.outcome == .loaded)
        #expect(second.dictionary == first.dictionary)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["concepts.dictionary"])
    }

    @Test func rebuildsAndRewritesADamagedFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("concepts.dictionary")
        try Data([0x00, 0xFF, 0x13, 0x37]).write(to: file)
        let cache = DictionaryCache(file: file)
        let rebuilt = cache.dictionary(for: Self.knowledgeBase())
        guard case .rebuilt = rebuilt.outcome else {
            Issue.record("expected a rebuild, got \(rebuilt.outcome)")
            return
        }
        #expect(cache.dictionary(for: Self.knowledgeBase()).outcome == .loaded)
        let recognizer = ConceptRecognizer(dictionary: rebuilt.dictionary)
        #expect(recognizer.analyse("fits and scoliosis").mentions.map(\.id.rawValue) == [1250, 2650])
    }

    @Test func rebuildsForAnotherKnowledgeBase() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = DictionaryCache(file: folder.appendingPathComponent("concepts.dictionary"))
        _ = cache.dictionary(for: Self.knowledgeBase(builtAt: "earlier"))
        let outcome = cache.dictionary(for: Self.knowledgeBase(builtAt: "later")).outcome
        guard case .rebuilt(let reason) = outcome else {
            Issue.record("expected a rebuild, got \(outcome)")
            return
        }
        #expect(reason.contains("built from knowledge base"))
        #expect(cache.dictionary(for: Self.knowledgeBase(builtAt: "later")).outcome == .loaded)
    }

    @Test func stillGivesADictionaryWhenTheFileCannotBeWritten() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let cache = DictionaryCache(file: blocker.appendingPathComponent("concepts.dictionary"))
        let result = cache.dictionary(for: Self.knowledgeBase())
        guard case .unsaved = result.outcome else {
            Issue.record("expected an unsaved build, got \(result.outcome)")
            return
        }
        #expect(!result.dictionary.entries.isEmpty)
    }
}
