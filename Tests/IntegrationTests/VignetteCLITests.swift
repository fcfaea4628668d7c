import Foundation
import Knowledge
import Testing

/// `ddx normalize` and `ddx rank` on free text, end to end, and bad text.
@Suite struct VignetteCLITests {
    static let marfan = RealData.packageRoot.appendingPathComponent("Cases/marfan.txt").path

    private func ddx(_ arguments: String...) async throws -> CLIRunner.Outcome {
        try await CLIRunner.run(arguments, loadsKnowledgeBase: true)
    }

    @Test func normalizesAVignetteWithProvenanceAndFamilyHistory() async throws {
        let run = try await ddx("normalize", Self.marfan, "--format", "json")
        #expect(run.status == 0, "\(run.summary)")
        let result = try run.json()
        let findings = try #require(result["findings"] as? [[String: Any]])
        let statuses = Dictionary(
            uniqueKeysWithValues: findings.compactMap { finding in
                (finding["id"] as? String).map { ($0, finding["status"] as? String ?? "") }
            })
        #expect(statuses["HP:0001166"] == "present")
        #expect(statuses["HP:0001083"] == "present")
        #expect(statuses["HP:0001250"] == "absent")
        let arachnodactyly = try #require(findings.first { $0["id"] as? String == "HP:0001166" })
        let span = try #require((arachnodactyly["spans"] as? [[String: Any]])?.first)
        #expect(span["text"] as? String == "arachnodactyly")
        #expect(span["synonym"] as? String == "Arachnodactyly")
        let family = try #require(result["family_history"] as? [[String: Any]])
        #expect(family.first?["id"] as? String == "HP:0002647")
        #expect(family.first?["relative"] as? String == "father")
        #expect(result["age"] as? String == "P17Y")
        #expect(result["sex"] as? String == "male")
    }

    @Test func explainsFindingsAsText() async throws {
        let run = try await ddx("normalize", Self.marfan, "--format", "text")
        #expect(run.status == 0, "\(run.summary)")
        #expect(run.stdout.contains("“dislocation of the lens”"))
        #expect(run.stdout.contains("negated by “no”"))
    }

    @Test func ranksAVignette() async throws {
        let run = try await ddx("rank", Self.marfan, "--format", "json", "--model", "baseline")
        #expect(run.status == 0, "\(run.summary)")
        let differential = try #require(try run.json()["differential"] as? [[String: Any]])
        #expect(differential.prefix(5).contains { $0["id"] as? String == "OMIM:154700" })
    }

    /// A private data directory that borrows the real `kb.sqlite` (a symbolic link), so the
    /// dictionary cache is written there and not in the shared one.
    @Test func cachesTheDictionaryAndRebuildsADamagedCache() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let home = DataDirectory(root: scratch.url)
        try FileManager.default.createSymbolicLink(
            at: home.knowledgeBase, withDestinationURL: DataDirectory().knowledgeBase)
        let environment = ["DDX_HOME": scratch.url.path]
        let first = try await CLIRunner.run(
            ["normalize", Self.marfan, "--format", "json"], loadsKnowledgeBase: true, environment: environment)
        #expect(first.status == 0, "\(first.summary)")
        let written = try Data(contentsOf: home.conceptDictionary)
        #expect(written.starts(with: Array("DDXCDICT".utf8)))

        try Data(written.prefix(written.count / 2)).write(to: home.conceptDictionary)
        let second = try await CLIRunner.run(
            ["normalize", Self.marfan, "--format", "json"], loadsKnowledgeBase: true, environment: environment)
        #expect(second.status == 0, "\(second.summary)")
        #expect(second.stdout == first.stdout)
        #expect(try Data(contentsOf: home.conceptDictionary) == written, "rewritten whole")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
        #expect(leftovers.sorted() == ["concepts.dictionary", "kb.sqlite"])
    }

    @Test func answersTextWithoutPhenotypesWithAWarning() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let stopWords = try scratch.write("stop.txt", "the of and with was there is a\n")
        let run = try await ddx("normalize", stopWords.path, "--format", "json")
        #expect(run.status == 0, "\(run.summary)")
        let warnings = try #require(try run.json()["warnings"] as? [String])
        #expect(warnings.contains("no phenotype concepts recognised in the text"))

        let mixed = try scratch.write("mixed.txt", "Пациент 発作 مريض with scoliosis and ataxia 🙂\n")
        let mixedRun = try await ddx("normalize", mixed.path, "--format", "json")
        #expect(mixedRun.status == 0, "\(mixedRun.summary)")
        let ids = try #require(try mixedRun.json()["findings"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids == ["HP:0002650", "HP:0001251"])
    }
}
