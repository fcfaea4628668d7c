import Foundation
import Knowledge
import Ontology
import TestFixtures
import Testing

@Suite struct KnowledgeStoreTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ddx-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The toy release's hp.obo and phenotype.hpoa, written into `folder`.
    private func toyReleaseFiles(in folder: URL) throws -> (obo: URL, hpoa: URL) {
        let obo = folder.appendingPathComponent("hp.obo")
        let hpoa = folder.appendingPathComponent("phenotype.hpoa")
        try ToyRelease.obo.write(to: obo, atomically: true, encoding: .utf8)
        try ToyRelease.hpoa.write(to: hpoa, atomically: true, encoding: .utf8)
        return (obo, hpoa)
    }

    @Test func buildsFromFilesAndLoadsTheSameKnowledge() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (obo, hpoa) = try toyReleaseFiles(in: folder)
        let store = folder.appendingPathComponent("kb.sqlite")

        let summary = try KnowledgeBuilder().build(ontologyFile: obo, annotationFile: hpoa, into: store) { _ in }
        #expect(summary.terms == 16)
        #expect(summary.diseases == 4)

        let loaded = try KnowledgeStore.load(from: store)
        let expected = try ToyRelease.knowledgeBase()
        #expect(loaded.version == "hp/releases/toy")
        #expect(loaded.ontology.terms == expected.ontology.terms)
        #expect(loaded.diseases == expected.diseases)
        #expect(loaded.annotationsByDisease == expected.annotationsByDisease)
        #expect(loaded.info.checksums["hp.obo"] == (try FileChecksum.sha256(of: obo)))
        #expect(loaded.info.schemaVersion == KnowledgeStore.schemaVersion)
        #expect(try KnowledgeStore.counts(at: store)["annotation"] == 10)
    }

    @Test func rebuildingOverAnExistingStoreReplacesIt() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (obo, hpoa) = try toyReleaseFiles(in: folder)
        let store = folder.appendingPathComponent("kb.sqlite")
        _ = try KnowledgeBuilder().build(ontologyFile: obo, annotationFile: hpoa, into: store) { _ in }
        _ = try KnowledgeBuilder().build(ontologyFile: obo, annotationFile: hpoa, into: store) { _ in }
        #expect(try KnowledgeStore.load(from: store).diseases.count == 4)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func reportsAMissingStore() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("ddx-none-\(UUID()).sqlite")
        #expect(throws: KnowledgeStoreError.self) { try KnowledgeStore.load(from: missing) }
    }

    @Test func checksumsMatchAKnownValue() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("abc.txt")
        try Data("abc".utf8).write(to: file)
        #expect(try FileChecksum.sha256(of: file) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func dataDirectoryHonoursDDXHome() {
        let directory = DataDirectory(environment: ["DDX_HOME": "/tmp/somewhere", "HOME": "/root"])
        #expect(directory.knowledgeBase.path == "/tmp/somewhere/kb.sqlite")
        #expect(DataDirectory(environment: ["HOME": "/home/a"]).root.path == "/home/a/.cache/ddx")
    }
}
