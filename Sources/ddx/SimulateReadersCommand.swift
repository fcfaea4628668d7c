import ArgumentParser
import Clinical
import Evaluation
import Foundation
import Ranking
import Service

/// `ddx simulate-readers SET`: a SYNTHETIC reader study (readers as noisy rankers) to exercise
/// `ddx eval --readers`; see ``ReaderSimulator`` for the model.
struct SimulateReadersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate-readers",
        abstract: "Write a SYNTHETIC reader-response CSV (simulated readers) for exercising ddx eval --readers.",
        discussion: """
            Each simulated reader is a noisy ranker built on a weaker model's list (--knowledge, \
            default resnik) who, with some probability, does not know the true disease; assisted, the \
            reader also weighs the assisting model's top 10 (--assistant, default fff). One reader per \
            case, cases dealt out in turn; conditions unassisted and assisted. The file name, the reader \
            ids and every report made from it say SYNTHETIC: it is not evidence about clinicians.
            """)

    @Argument(help: "Case set (a file or a manifest).") var set: String
    @Option(help: "Number of simulated readers.") var readers = 10
    @Option(help: "Seed of the simulation.") var seed: UInt64 = 1
    @Option(help: "Ranker whose list stands for a reader's own knowledge.") var knowledge: ModelName = .resnik
    @Option(help: "Ranker that assists the readers.") var assistant: ModelName = .default
    @Option(help: "CSV to write; its name gets a SYNTHETIC- prefix unless it says synthetic.") var output: String

    func validate() throws {
        guard readers >= 1 else { throw ValidationError("--readers must be positive") }
    }

    func run() throws {
        let (input, _) = try CaseSetSource(path: set).read()
        for error in input.errors { Terminal.error(error.description) }
        let workspace = Workspace()
        let index = try workspace.loadIndex()
        let ingestor = Workspace().ingestor(for: index.knowledgeBase)
        let cases = input.cases.map(ingestor.ingest).filter { $0.truth != nil }
        let own = try workspace.ranker(knowledge, index: index)
        let helper = try workspace.ranker(assistant, index: index)
        var progress = ProgressBar(total: cases.count, label: "simulating readers")
        var lists: [ReaderSimulator.CaseLists] = []
        for (done, patient) in cases.enumerated() {
            lists.append(
                .init(
                    caseID: patient.id, truth: patient.truth ?? "",
                    knowledge: own.rank(patient, top: 50).entries.map(\.diseaseID),
                    assistant: helper.rank(patient, top: 10).entries.map(\.diseaseID)))
            progress.update(done + 1)
        }
        let names = Dictionary(index.knowledgeBase.diseases.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = ReaderSimulator(readers: readers, seed: seed).responses(for: lists, names: names)
        var url = URL(fileURLWithPath: output)
        if !url.lastPathComponent.lowercased().contains("synthetic") {
            url = url.deletingLastPathComponent().appendingPathComponent("SYNTHETIC-" + url.lastPathComponent)
        }
        let text =
            (["reader_id,case_id,condition,rank,diagnosis"]
            + rows.map { row in
                [row.readerID, row.caseID, row.condition, String(row.rank), row.diagnosis].map(Self.quoted)
                    .joined(separator: ",")
            }).joined(separator: "\n") + "\n"
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure("\(url.path): cannot write: \(error.localizedDescription)")
        }
        Terminal.note(
            "SYNTHETIC reader responses: \(rows.count) rows, \(cases.count) cases, \(readers) readers → \(url.path)")
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
