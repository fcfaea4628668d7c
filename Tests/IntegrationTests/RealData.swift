import Clinical
import Foundation
import Knowledge
import Ranking

/// The real HPO release and the shared development data, loaded once for all integration
/// tests. The release is fetched by the project's own set-up (the only network use of the
/// test suite) into `$DDX_HOME` (default `~/.cache/ddx`), like `ddx setup`.
enum RealData {
    /// Root of the package, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/data` beside the package.
    static let sharedData = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")

    static let phenopackets = sharedData.appendingPathComponent("phenopacket-store/phenopackets-dev.jsonl.gz")

    static var hasSharedData: Bool { FileManager.default.fileExists(atPath: phenopackets.path) }

    /// The knowledge base of the pinned release, set up on first use.
    static let knowledgeBase: Result<KnowledgeBase, any Error> = Result {
        let directory = DataDirectory()
        if !FileManager.default.fileExists(atPath: directory.knowledgeBase.path) {
            try ReleaseFetcher(directory: directory).fetch { print("set-up: \($0)") }
            _ = try KnowledgeBuilder().build(
                ontologyFile: directory.ontologyFile, annotationFile: directory.annotationFile,
                into: directory.knowledgeBase
            ) { print("set-up: \($0)") }
        }
        return try KnowledgeStore.load(from: directory.knowledgeBase)
    }

    static let index: Result<PhenotypeIndex, any Error> = knowledgeBase.map(PhenotypeIndex.init)

    /// The development phenopackets, decompressed with the system's gzip.
    static let developmentCases: Result<[PatientCase], any Error> = Result {
        try decompressingPhenopackets { try CaseLoader().load(from: $0, source: phenopackets.path).cases }
    }

    /// What `read` makes of the development phenopackets' JSON Lines, decompressed by the
    /// system's gzip.
    static func decompressingPhenopackets<Result>(_ read: (FileHandle) throws -> Result) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", phenopackets.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let result = try read(pipe.fileHandleForReading)
        process.waitUntilExit()
        return result
    }

    /// A fixed, evenly spread subset of the development cases (every `stride`-th case).
    static func spreadSample(stride: Int) throws -> [PatientCase] {
        let all = try developmentCases.get()
        return Swift.stride(from: 0, to: all.count, by: stride).map { all[$0] }
    }
}
