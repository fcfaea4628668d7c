import Foundation
import Testing

/// `ddx eval --readers`, `--report` and case-set manifests, run as a user would, on the example
/// batch (`Cases/batch.jsonl`: batch-1 is Holt-Oram syndrome OMIM:142900, batch-2 Marfan
/// syndrome OMIM:154700, batch-3 has no truth).
@Suite struct EvalReaderCLITests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "ddx-eval-cli-\(UUID().uuidString)")

    private func ddx(_ arguments: String...) async throws -> CLIRunner.Outcome {
        try await CLIRunner.run(arguments, loadsKnowledgeBase: true)
    }

    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func gradesReaderListsRefusesBadRowsAndStillReports() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = [
            "reader_id,case_id,condition,rank,diagnosis",
            "r1,batch-1,unassisted,1,Marfan syndrome",
            "r1,batch-1,unassisted,2,holt oram syndrome",
            "r1,batch-2,unassisted,1,OMIM:154700",
            "r1,batch-1,assisted,1,ORPHA:392",
            "r1,batch-2,assisted,1,\"Syndrome, Marfan\"",
            "r1,batch-9,assisted,1,OMIM:154700",
            "r1,batch-2,assisted,0,OMIM:154700",
            "r1,batch-2,assisted,1,OMIM:1",
            "r1,batch-2,assisted",
            "r2,batch-2,assisted,2,a puzzling syndrome",
        ]
        var bytes = Array((rows.joined(separator: "\r\n") + "\r\n").utf8)
        bytes += Array("r2,batch-2,assisted,3,".utf8) + [0xFF, 0xFE] + Array("\r\n".utf8)
        let responses = try write("responses.csv", bytes)
        let report = folder.appendingPathComponent("report").path
        let run = try await ddx(
            "eval", CLITests.batch, "--model", "baseline", "--readers", responses, "--format", "json", "--bootstrap",
            "200",
            "--study", folder.appendingPathComponent("study.sqlite").path, "--report", report)
        #expect(run.status == 1, "\(run.summary)")
        for (line, reason) in [
            (7, "unknown case id"), (8, "rank 0 is outside"), (9, "rank 1 is given twice"), (10, "missing column"),
            (12, "bad encoding"),
        ] {
            #expect(run.stderrLines.contains { $0.contains("responses.csv:\(line): \(reason)") }, "\(run.stderr)")
        }
        let json = try run.json()
        let arms = try #require(json["arms"] as? [[String: Any]])
        #expect(arms.map { $0["name"] as? String } == ["model:baseline", "readers:unassisted", "readers:assisted"])
        #expect(arms[1]["n"] as? Int == 2)
        #expect((arms[1]["topk"] as? [String: Double])?["1"] == 0.5)
        #expect((arms[1]["topk"] as? [String: Double])?["3"] == 1.0)
        #expect(arms[2]["n"] as? Int == 3)  // r1 on both cases, r2 on batch-2
        #expect((arms[2]["topk"] as? [String: Double])?["1"] == 0.6667)  // fractions are rounded to 4 places
        #expect(arms[2]["pending_answers"] as? Int == 1)
        let comparisons = try #require(json["comparisons"] as? [[String: Any]])
        #expect(comparisons.count == 6)
        let readers = try #require(
            comparisons.first { $0["a"] as? String == "readers:unassisted" && $0["k"] as? Int == 1 })
        #expect(readers["b"] as? String == "readers:assisted")
        #expect(readers["a_only"] as? Int == 0 && readers["b_only"] as? Int == 1)
        for name in ["report.json", "report.md", "report.html", "adjudication.csv"] {
            #expect(FileManager.default.fileExists(atPath: "\(report)/\(name)"), "\(name) written")
        }
        let adjudication = try String(contentsOfFile: "\(report)/adjudication.csv", encoding: .utf8)
        #expect(adjudication.contains("a puzzling syndrome,,1,batch-2,OMIM:154700"))
    }

    @Test func aManifestIsResolvedAgainstItsSourceAndCheckedBySHA256() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("cases.jsonl")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: CLITests.batch), to: source)
        let manifest = folder.appendingPathComponent("sets/two.json").path
        let sample = try await ddx(
            "cases", "sample", "--from", source.path, "--size", "5", "--seed", "3", "--output", manifest)
        #expect(sample.status == 0, "\(sample.summary)")
        let written = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: manifest))) as? [String: Any])
        #expect((written["case_ids"] as? [String])?.sorted() == ["batch-1", "batch-2"])
        #expect((written["source"] as? [String: Any])?["path"] as? String == "../cases.jsonl")
        let eval = try await ddx("eval", manifest, "--model", "baseline", "--format", "json", "--bootstrap", "200")
        #expect(eval.status == 0, "\(eval.summary)")
        #expect(try eval.json()["evaluable"] as? Int == 2)
        try Data("{\"id\": \"batch-9\", \"findings\": [], \"truth\": \"OMIM:1\"}\n".utf8).write(
            to: source, options: .atomic)
        let changed = try await ddx("eval", manifest, "--model", "baseline")
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("has SHA-256"), "\(changed.stderr)")
    }
}
