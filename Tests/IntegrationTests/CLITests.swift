import Foundation
import Testing

/// End-to-end tests of the `ddx` command line: the built executable run as a subprocess on the
/// example cases in `Cases/` and on bad inputs generated in a temporary directory.
///
/// Every run of a debug `ddx` that ranks loads the knowledge base (seconds), so the suite keeps
/// to about two dozen runs; Swift Testing runs the tests in parallel, ``CLIRunner`` caps how
/// many processes run at once.
@Suite struct CLITests {
    static let cases = RealData.packageRoot.appendingPathComponent("Cases")
    static let marfan = cases.appendingPathComponent("marfan.json").path
    static let holtOram = cases.appendingPathComponent("holt-oram.phenopacket.json").path
    static let batch = cases.appendingPathComponent("batch.jsonl").path

    /// Runs `ddx arguments`, a command that loads the knowledge base (set up first if missing).
    private func ddx(_ arguments: String..., stdin: URL? = nil) async throws -> CLIRunner.Outcome {
        try await CLIRunner.run(arguments, stdin: stdin, loadsKnowledgeBase: true)
    }

    // MARK: - rank

    @Test func ranksADDXCaseAsJSON() async throws {
        let run = try await ddx("rank", Self.marfan, "--format", "json")
        #expect(run.status == 0, "\(run.summary)")
        #expect(run.stderrLines.isEmpty, "\(run.summary)")
        #expect(run.stdoutLines.count == 1, "one JSON object, on one line")
        let result = try run.json()
        #expect(result["case_id"] as? String == "example-marfan")
        #expect(result["knowledge_base"] as? String == "hp/releases/2025-01-16")
        #expect((result["model"] as? String)?.isEmpty == false)
        #expect(result["warnings"] is [Any])
        let differential = try Self.differential(of: result)
        #expect(differential.count == 10)
        #expect(differential.compactMap { $0["rank"] as? Int } == Array(1...10))
        let scores = differential.compactMap { ($0["score"] as? NSNumber)?.doubleValue }
        #expect(scores.count == 10)
        #expect(scores == scores.sorted(by: >), "entries sorted by rank are sorted by score")
        for entry in differential {
            let id = try #require(entry["id"] as? String)
            #expect(["OMIM:", "ORPHA:", "DECIPHER:"].contains { id.hasPrefix($0) }, "id \(id)")
            #expect((entry["name"] as? String)?.isEmpty == false, "name of \(id)")
            #expect(entry["evidence"] is [String: Any], "evidence of \(id)")
        }
        let top3 = differential.prefix(3).compactMap { $0["id"] as? String }
        #expect(top3.contains("OMIM:154700") || top3.contains("ORPHA:558"), "Marfan syndrome in the top 3: \(top3)")
    }

    /// A phenopacket, with `--top 3`.
    @Test func ranksAPhenopacketWithTop() async throws {
        let run = try await ddx("rank", Self.holtOram, "--top", "3", "--format", "json")
        #expect(run.status == 0, "\(run.summary)")
        #expect(run.stderrLines.isEmpty, "\(run.summary)")
        let result = try run.json()
        #expect(result["case_id"] as? String == "example-holt-oram")
        let differential = try Self.differential(of: result)
        #expect(differential.compactMap { $0["rank"] as? Int } == [1, 2, 3])
        let ids = differential.compactMap { $0["id"] as? String }
        #expect(ids.contains("OMIM:142900"), "Holt-Oram syndrome in the top 3: \(ids)")
    }

    /// The text table, reading the case from stdin (`-`).
    @Test func printsATableForAPersonFromStdin() async throws {
        let run = try await ddx("rank", "-", "--top", "5", stdin: URL(fileURLWithPath: Self.holtOram))
        #expect(run.status == 0, "\(run.summary)")
        #expect(run.stderrLines.isEmpty, "\(run.summary)")
        #expect(run.stdout.contains("Holt-Oram syndrome"))
        #expect(run.stdout.contains("OMIM:142900"))
        #expect(run.stdout.contains("hp/releases/2025-01-16"))
        #expect(!run.stdout.hasPrefix("{"), "text, not JSON")
        let ranked = run.stdoutLines.filter { $0.range(of: #"^\s*[1-5]\s"#, options: .regularExpression) != nil }
        #expect(ranked.count == 5, "one row per candidate:\n\(run.stdout)")
    }

    @Test func ranksABatchInInputOrder() async throws {
        let run = try await ddx("rank", Self.batch, "--top", "3", "--format", "json")
        #expect(run.status == 0, "\(run.summary)")
        #expect(run.stderrLines.isEmpty, "\(run.summary)")
        let results = try run.jsonLines()
        #expect(results.compactMap { $0["case_id"] as? String } == ["batch-1", "batch-2", "batch-3"])
        for result in results { #expect(try Self.differential(of: result).count == 3) }
    }

    /// A malformed line in the middle: the others are ranked in order, stderr names the line,
    /// the exit code is 1.
    @Test func ranksTheGoodLinesOfABatchAroundABadOne() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var lines = try String(contentsOfFile: Self.batch, encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        try #require(lines.count == 3)
        lines.insert(#"{"id": "broken", "findings": [{"id": "HP:0001166", }"#, at: 2)
        let file = try scratch.write("mixed.jsonl", lines.joined(separator: "\n") + "\n")

        let run = try await ddx("rank", file.path, "--top", "2", "--format", "json")
        #expect(run.status == 1, "\(run.summary)")
        let results = try run.jsonLines()
        #expect(results.compactMap { $0["case_id"] as? String } == ["batch-1", "batch-2", "batch-3"])
        let naming = run.stderrLines.filter { $0.contains("mixed.jsonl:3:") }
        #expect(naming.count == 1, "one line names the bad line 3:\n\(run.stderr)")
        #expect(naming.first?.hasPrefix("ddx: error: ") == true)
        #expect(naming.first?.lowercased().contains("malformed json") == true)
        #expect(naming.first?.contains("line 1,") == false, "the parser's own line 1 would contradict line 3")
        for other in [1, 2, 4] {
            #expect(!run.stderr.contains("mixed.jsonl:\(other):"), "good line \(other) reported:\n\(run.stderr)")
        }
        #expect(run.stderrLines.allSatisfy { $0.hasPrefix("ddx: ") })
    }

    /// Only ids the release does not know: not an input error — ddx answers, and says in
    /// `warnings` that the findings were skipped and the ranking carries no information.
    @Test func answersWithWarningsWhenNoIdIsKnown() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try scratch.write(
            "unknown.json",
            #"{"id": "unknown-ids", "findings": [{"id": "HP:9999999"}, {"id": "HP:9999998", "status": "absent"}]}"#)
        let run = try await ddx("rank", file.path, "--top", "3", "--format", "json")
        #expect(run.status == 0, "\(run.summary)")
        #expect(!run.stderr.contains("error"), "\(run.summary)")
        let result = try run.json()
        #expect(result["case_id"] as? String == "unknown-ids")
        let warnings = try #require(result["warnings"] as? [String])
        #expect(warnings.contains { $0.contains("HP:9999999") })
        #expect(warnings.contains { $0.contains("HP:9999998") })
        #expect(warnings.contains { $0.contains("no observed findings") }, "\(warnings)")
        #expect(try Self.differential(of: result).count <= 3)
    }

    // MARK: - Bad input

    /// Inputs ddx must refuse with exit code 1, one line on stderr naming the file, and no result.
    enum BadInput: String, CaseIterable, Sendable {
        case malformedJSON, truncated, empty, binary, corruptGzip, findingsAsString, numericStatus,
            nonexistent, directory

        /// Creates the input in `scratch` and returns its path.
        func make(in scratch: Scratch) throws -> String {
            switch self {
            case .malformedJSON: return try scratch.write("malformed.json", #"{"findings": [oops]}"#).path
            case .truncated:
                let whole = try Data(contentsOf: URL(fileURLWithPath: CLITests.marfan))
                return try scratch.write("truncated.json", whole.prefix(whole.count / 2)).path
            case .empty: return try scratch.write("empty.json", Data()).path
            case .binary:
                var generator = SystemRandomNumberGenerator()
                var bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
                for index in stride(from: 0, to: bytes.count, by: 97) { bytes[index] = 0 }
                return try scratch.write("random.bin", Data(bytes)).path
            case .corruptGzip:
                // A gzip header (deflate, no flags) followed by bytes that are not deflate data.
                let header: [UInt8] = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03]
                return try scratch.write("cases.jsonl.gz", Data(header) + Data(repeating: 0xff, count: 64)).path
            case .findingsAsString: return try scratch.write("string.json", #"{"findings": "HP:0001166"}"#).path
            case .numericStatus:
                return try scratch.write("status.json", #"{"findings": [{"id": "HP:0001166", "status": 5}]}"#).path
            case .nonexistent: return scratch.url.appendingPathComponent("no-such-case.json").path
            case .directory:
                let directory = scratch.url.appendingPathComponent("a-directory")
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                return directory.path
            }
        }

        /// Words the error line must contain (lowercased).
        var expected: [String] {
            switch self {
            case .malformedJSON: ["malformed json"]
            case .truncated: ["truncated"]
            case .empty: ["empty"]
            case .binary: ["binary"]
            case .corruptGzip: ["gzip could not decompress"]
            case .findingsAsString: ["findings", "expected an array"]
            case .numericStatus: ["findings[0].status", "number 5"]
            case .nonexistent: ["no such file"]
            case .directory: ["directory"]
            }
        }
    }

    @Test(arguments: BadInput.allCases)
    func refusesBadInput(_ input: BadInput) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try input.make(in: scratch)
        let run = try await CLIRunner.run(["rank", path, "--format", "json"])
        Self.expectOneLineFailure(run, naming: URL(fileURLWithPath: path).lastPathComponent, saying: input.expected)
    }

    /// A 100 MB single line is refused by its size, without being held in memory (the time it
    /// takes is a benchmark's business, not a test's).
    @Test func refusesAHundredMegabyteLine() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.url.appendingPathComponent("huge.json")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        let finding = Data(#"{"id": "HP:0001166", "status": "present"}, "#.utf8)
        var chunk = Data(capacity: 1 << 20)
        while chunk.count < 1 << 20 { chunk.append(finding) }
        try handle.write(contentsOf: Data(#"{"findings": ["#.utf8))
        for _ in 0..<100 { try handle.write(contentsOf: chunk) }
        try handle.write(contentsOf: Data(#"{"id": "HP:0001166"}]}"#.utf8))
        try handle.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        try #require(size > 100_000_000)

        let run = try await CLIRunner.run(["rank", file.path, "--format", "json"])
        Self.expectOneLineFailure(run, naming: "huge.json", saying: ["size limit"])
    }

    // MARK: - Usage

    @Test(arguments: [
        (["rank", "Cases/marfan.json", "--frobnicate"], "--frobnicate"),
        (["rank", "Cases/marfan.json", "--top", "0"], "--top"),
        (["rank", "Cases/marfan.json", "--top", "-1"], "--top must be at least 1"),
        (["rank", "Cases/marfan.json", "--model", "nosuch"], "nosuch"),
        (["rank"], "<input>"),
    ])
    func reportsUsageErrors(_ arguments: [String], _ named: String) async throws {
        let run = try await CLIRunner.run(arguments)
        #expect(run.status == 2, "\(run.summary)")
        #expect(run.stdout.isEmpty, "\(run.summary)")
        let first = try #require(run.stderrLines.first)
        #expect(first.hasPrefix("Error:") && first.contains(named), "\(run.summary)")
        #expect(run.stderr.contains("Usage: ddx rank"), "\(run.summary)")
    }

    @Test(arguments: [
        (["serve", "--listen", "127.example.org:7411"], "not a loopback address"),
        (["serve", "--listen", "127.0.0.1:7411", "--token", ""], "--token must not be empty"),
        (["serve", "--idle-timeout", "1e10"], "--idle-timeout must be at most"),
    ])
    func refusesUnsafeServeSettings(_ arguments: [String], _ message: String) async throws {
        let run = try await CLIRunner.run(arguments)
        #expect(run.status == 2, "\(run.summary)")
        #expect(run.stderrLines.first?.contains(message) == true, "\(run.summary)")
    }

    @Test func printsHelp() async throws {
        let run = try await CLIRunner.run(["--help"])
        #expect(run.status == 0, "\(run.summary)")
        #expect(run.stderr.isEmpty, "\(run.summary)")
        Self.expectCleanWrapping(run)
        for word in ["USAGE: ddx", "rank", "eval", "normalize", "setup", "kb", "phenopacket", "DDX_HOME"] {
            #expect(run.stdout.contains(word), "ddx --help mentions \(word):\n\(run.stdout)")
        }
    }

    @Test func printsRankHelpDescribingInputs() async throws {
        let run = try await CLIRunner.run(["rank", "--help"])
        #expect(run.status == 0, "\(run.summary)")
        #expect(run.stderr.isEmpty, "\(run.summary)")
        Self.expectCleanWrapping(run)
        let help = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")  // undo the wrapping
        for word in [
            "USAGE: ddx rank", "ddx case", "Phenopacket", "JSON Lines", "stdin", "--top", "--model", "--format",
        ] {
            #expect(help.contains(word), "ddx rank --help mentions \(word):\n\(run.stdout)")
        }
    }

    // MARK: - kb info, eval, normalize

    @Test func describesTheKnowledgeBase() async throws {
        let run = try await ddx("kb", "info", "--format", "json")
        #expect(run.status == 0, "\(run.summary)")
        let info = try run.json()
        #expect(info["hpo_release"] as? String == "hp/releases/2025-01-16")
        let checksums = try #require(info["sha256"] as? [String: String])
        #expect(checksums.keys.sorted() == ["hp.obo", "phenotype.hpoa"])
        for (file, checksum) in checksums {
            #expect(checksum.range(of: "^[0-9a-f]{64}$", options: .regularExpression) != nil, "\(file): \(checksum)")
        }
        // The pinned release's files (PinnedRelease.hpo20250116).
        #expect(checksums["hp.obo"] == "6b77de067eecc838319ce7650ed5bab0f92a502eabb160e6bc7c0238bc1548c5")
        #expect(checksums["phenotype.hpoa"] == "8180403e2f5de0d8f41890e587d95077ce7f8bb8228d5d7b29dd358b70f0938c")
        let counts = try #require(info["counts"] as? [String: Int])
        #expect((counts["disease"] ?? counts["diseases"]) == 12_687, "\(counts)")
    }

    /// `batch.jsonl` has two cases with a truth and one without, which is left out and said so.
    @Test func evaluatesACaseSet() async throws {
        let run = try await ddx("eval", Self.batch, "--model", "baseline", "--format", "json", "--bootstrap", "200")
        #expect(run.status == 0, "\(run.summary)")
        let report = try run.json()
        #expect(report["cases"] as? Int == 2)
        #expect(report["evaluable"] as? Int == 2)
        #expect(report["without_truth"] as? Int == 1)
        #expect(
            run.stderrLines.contains { $0.hasPrefix("ddx: warning: 1 case") && $0.contains("no truth") },
            "\(run.stderr)")
        let arms = try #require(report["arms"] as? [[String: Any]])
        #expect(arms.count == 1)
        let arm = try #require(arms.first)
        #expect(arm["name"] as? String == "model:baseline")
        #expect(arm["n"] as? Int == 2)
        let topk = try #require(arm["topk"] as? [String: Double])
        let ks = ["1", "3", "5", "10"]
        #expect(Set(ks).isSubset(of: topk.keys), "\(topk)")
        let fractions = ks.compactMap { topk[$0] }
        #expect(fractions.allSatisfy { (0...1).contains($0) } && fractions == fractions.sorted(), "\(topk)")
        let intervals = try #require(arm["ci95"] as? [String: [Double]])
        for k in ["1", "10"] {
            let interval = try #require(intervals[k], "ci95 for top-\(k)")
            #expect(
                interval.count == 2 && 0 <= interval[0] && interval[0] <= interval[1] && interval[1] <= 1, "\(interval)"
            )
        }
        #expect(report["comparisons"] is [Any])
    }

    /// An alternate id and an obsolete id become the release's primary terms, with warnings.
    @Test func normalizesAlternateAndObsoleteIDs() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // In HPO 2025-01-16: HP:0004715 is an alt_id of HP:0000003 (Multicystic kidney dysplasia);
        // HP:0000057 is obsolete, replaced_by HP:0008665 (Clitoral hypertrophy).
        let file = try scratch.write(
            "old-ids.json",
            #"{"id": "old-ids", "findings": [{"id": "HP:0004715"}, {"id": "HP:0000057", "status": "absent"}, "#
                + #"{"id": "HP:0001166", "status": "present"}]}"#)
        let run = try await ddx("normalize", file.path, "--format", "json")
        #expect(run.status == 0, "\(run.summary)")
        let normalized = try run.json()
        #expect(normalized["id"] as? String == "old-ids")
        let findings = try #require(normalized["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["id"] as? String } == ["HP:0000003", "HP:0008665", "HP:0001166"])
        #expect(findings.compactMap { $0["status"] as? String } == ["present", "absent", "present"])
        let warnings = try #require(normalized["warnings"] as? [String])
        #expect(warnings.contains { $0.contains("HP:0004715") && $0.contains("HP:0000003") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("HP:0000057") && $0.contains("HP:0008665") }, "\(warnings)")
    }

    // MARK: - Helpers

    private static func differential(of result: [String: Any]) throws -> [[String: Any]] {
        try #require(result["differential"] as? [[String: Any]], "differential of \(result["case_id"] ?? "?")")
    }

    /// Help paragraphs are wrapped greedily at the 80 columns ``CLIRunner`` sets (lines of at most
    /// 79 characters): an unindented line followed by more of its paragraph leaves no room for the
    /// next word. A hard line break in the source text, re-wrapped, leaves a stray short line.
    private static func expectCleanWrapping(_ run: CLIRunner.Outcome, sourceLocation: SourceLocation = #_sourceLocation)
    {
        let lines = run.stdout.components(separatedBy: "\n")
        for (line, next) in zip(lines, lines.dropFirst()) {
            guard let first = line.first, !first.isWhitespace, let start = next.first, !start.isWhitespace else {
                continue
            }
            let word = next.prefix { !$0.isWhitespace }
            #expect(
                line.count + 1 + word.count >= 80, "ragged wrap at \"\(line)\" / \"\(next)\"",
                sourceLocation: sourceLocation)
        }
    }

    /// Exit code 1, exactly one `ddx: error:` line on stderr naming the file and the problem,
    /// and nothing on stdout.
    private static func expectOneLineFailure(
        _ run: CLIRunner.Outcome, naming file: String, saying words: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(run.status == 1, "\(run.summary)", sourceLocation: sourceLocation)
        #expect(run.stderrLines.count == 1, "one line on stderr:\n\(run.stderr)", sourceLocation: sourceLocation)
        let line = run.stderrLines.first ?? ""
        #expect(line.hasPrefix("ddx: error: "), "\(line)", sourceLocation: sourceLocation)
        #expect(line.contains(file), "names \(file): \(line)", sourceLocation: sourceLocation)
        for word in words {
            #expect(line.lowercased().contains(word), "says \(word): \(line)", sourceLocation: sourceLocation)
        }
        #expect(line.count < 400, "short: \(line)", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, "no result on stdout: \(run.stdout.prefix(200))", sourceLocation: sourceLocation)
    }
}
