import ArgumentParser
import Foundation
import Knowledge
import Service

/// `ddx kb`: build and inspect the knowledge base.
struct KnowledgeBaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Build or describe the knowledge base.",
        subcommands: [Build.self, Info.self])

    /// `ddx kb build --obo FILE --hpoa FILE`.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the knowledge base from your own HPO release files.",
            discussion: """
                Takes hp.obo and phenotype.hpoa from any HPO release (the official release assets) \
                and replaces $DDX_HOME/kb.sqlite, so a new monthly release needs no new code.
                """)

        @Option(help: "The release's hp.obo.") var obo: String
        @Option(help: "The release's phenotype.hpoa.") var hpoa: String

        func run() throws {
            let directory = DataDirectory()
            try directory.prepare()
            for path in [obo, hpoa] where !FileManager.default.fileExists(atPath: path) {
                throw CommandFailure("\(path): no such file")
            }
            let summary = try KnowledgeBuilder().build(
                ontologyFile: URL(fileURLWithPath: obo), annotationFile: URL(fileURLWithPath: hpoa),
                into: directory.knowledgeBase, log: { Terminal.note($0) })
            Terminal.note(
                "built \(directory.knowledgeBase.path): \(summary.info.hpoRelease), \(summary.terms) terms, "
                    + "\(summary.diseases) diseases, \(summary.annotations) annotations"
                    + (summary.unknownTerms > 0 ? " (\(summary.unknownTerms) rows with unknown terms skipped)" : ""))
        }
    }

    /// `ddx kb info`.
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the knowledge base's release, source checksums and counts.")

        @Option(help: "text or json.") var format: OutputFormat = .text

        func run() throws {
            let workspace = Workspace()
            if !workspace.isReady { try workspace.setUpKnowledgeBase(force: false) }
            let url = workspace.directory.knowledgeBase
            let info = try KnowledgeStore.info(at: url)
            let counts = try KnowledgeStore.counts(at: url)
            switch format {
            case .json:
                let object: [String: Any] = [
                    "path": url.path, "hpo_release": info.hpoRelease, "annotation_version": info.annotationVersion,
                    "schema_version": info.schemaVersion, "built_at": info.builtAt, "sha256": info.checksums,
                    "counts": counts,
                ]
                Terminal.output(try JSONText.encode(object))
            case .text:
                Terminal.output("knowledge base  \(url.path)")
                Terminal.output("HPO release     \(info.hpoRelease)")
                Terminal.output("annotations     \(info.annotationVersion)")
                Terminal.output("schema          \(info.schemaVersion)")
                Terminal.output("built           \(info.builtAt)")
                for (file, checksum) in info.checksums.sorted(by: { $0.key < $1.key }) {
                    Terminal.output("sha256          \(checksum)  \(file)")
                }
                for (table, count) in counts.sorted(by: { $0.key < $1.key }) {
                    let label = table.padding(toLength: max(16, table.count + 1), withPad: " ", startingAt: 0)
                    Terminal.output("\(label)\(count)")
                }
            }
        }
    }
}
