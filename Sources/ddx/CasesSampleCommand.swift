import ArgumentParser
import Clinical
import Evaluation
import Foundation
import Knowledge
import Service

/// `ddx cases sample --from FILE --size N --seed S`: draws a seeded case set and writes its
/// manifest (case ids, source name and SHA-256, seed, filters), never the cases themselves.
struct CasesSampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Draw a seeded sample of cases with a truth and write it as a manifest.",
        discussion: """
            The cases are shuffled with the seed (xoshiro256**, Fisher–Yates) and taken in that order \
            when they pass the filters. The manifest names the source by its path relative to the \
            manifest and by its SHA-256; `ddx eval MANIFEST` reads the cases from the source at run \
            time and refuses a source whose checksum differs. Progress and the path written go to stderr.
            """)

    @Option(help: "Source of cases with truths (JSON Lines of phenopackets or ddx cases, gzip allowed).")
    var from: String
    @Option(help: "Number of cases.") var size = 302
    @Option(help: "Seed of the shuffle.") var seed: UInt64 = 1
    @Flag(help: "At most one case per diagnosis.") var distinctDiagnoses = false
    @Flag(help: "Only cases whose publication is not cited by the knowledge base for their own diagnosis.")
    var nonCircular = false
    @Flag(name: .customLong("in-kb"), help: "Only cases whose diagnosis the knowledge base has.") var inKB = false
    @Option(help: "Where to write the manifest (default: Cases/sets/<name>.json).") var output: String?
    @Option(help: "Name of the set, used for the default output file.") var name: String?

    func validate() throws {
        guard size >= 1 else { throw ValidationError("--size must be positive") }
    }

    func run() throws {
        let input = try CaseSource(path: from).read()
        for error in input.errors { Terminal.error(error.description) }
        let knowledgeBase = try Workspace().loadKnowledgeBase()
        let ingestor = Workspace().ingestor(for: knowledgeBase)
        let facts = input.cases.filter { $0.truth != nil }.map {
            CaseFacts(patient: ingestor.ingest($0), knowledgeBase: knowledgeBase)
        }
        let filters = CaseSetManifest.Filters(
            distinctDiagnoses: distinctDiagnoses, nonCircular: nonCircular, inKnowledgeBase: inKB)
        let ids = CaseSampler(size: size, seed: seed, filters: filters).sample(facts)
        if ids.count < size { Terminal.warning("only \(ids.count) cases pass the filters (asked for \(size))") }
        let destination = URL(fileURLWithPath: output ?? "Cases/sets/\(name ?? defaultName).json").standardizedFileURL
        let source = URL(fileURLWithPath: from).standardizedFileURL
        let manifest = CaseSetManifest(
            source: .init(
                name: Self.dataName(of: source),
                path: Self.relativePath(from: destination.deletingLastPathComponent(), to: source),
                sha256: try FileChecksum.sha256(of: source)),
            seed: seed, filters: filters, knowledgeBase: knowledgeBase.version, caseIDs: ids)
        do {
            try FileManager.default.createDirectory(
                at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manifest.encoded().write(to: destination)
        } catch {
            throw CommandFailure("\(destination.path): cannot write the manifest: \(error.localizedDescription)")
        }
        Terminal.note("\(ids.count) cases of \(facts.count) with a truth → \(destination.path)")
        if !input.errors.isEmpty { throw ExitCode(1) }
    }

    private var defaultName: String {
        let stem = URL(fileURLWithPath: from).lastPathComponent.split(separator: ".").first.map(String.init) ?? "cases"
        var parts = [stem, String(size), "seed\(seed)"]
        if nonCircular { parts.append("non-circular") }
        if inKB { parts.append("in-kb") }
        if distinctDiagnoses { parts.append("distinct") }
        return parts.joined(separator: "-")
    }

    /// The path inside the shared data folder (`phenopacket-store/…`), else the file name.
    static func dataName(of source: URL) -> String {
        let path = source.path
        if let range = path.range(of: "/shared/data/") { return String(path[range.upperBound...]) }
        return source.lastPathComponent
    }

    /// `target` relative to the folder `base` (both absolute).
    static func relativePath(from base: URL, to target: URL) -> String {
        let baseParts = base.standardizedFileURL.pathComponents
        let targetParts = target.standardizedFileURL.pathComponents
        var common = 0
        while common < min(baseParts.count, targetParts.count), baseParts[common] == targetParts[common] { common += 1 }
        let up = Array(repeating: "..", count: baseParts.count - common)
        return (up + targetParts[common...]).joined(separator: "/")
    }
}
