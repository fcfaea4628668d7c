import ArgumentParser
import ConceptRecognition
import Foundation
import Knowledge
import Ontology
import Service

/// `ddx eval-concepts CORPUS.jsonl`: how well the text recognizer finds gold HPO mentions.
struct EvalConceptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-concepts",
        abstract: "Score the free-text concept recognizer against a corpus of gold HPO mentions.",
        discussion: """
            CORPUS is JSON Lines, one document per line: {"id", "source", "text", "annotations": \
            [{"start", "end", "mention", "hpo", "negated"}]} (offsets in Unicode characters). Gold \
            ids are mapped through alt_ids and obsolete replacements first. Reports micro \
            precision, recall and F1 per source and overall, at mention level (a prediction is \
            right when a gold mention of the same term overlaps it) and document level (unique \
            ids per document; predicted ids are all findings, any status, plus family history), \
            and negation accuracy over matched mentions.
            """)

    @Argument(help: "Gold corpus (JSON Lines).") var corpus: String
    @Option(help: "text or json.") var format: OutputFormat = .text
    @Flag(inversion: .prefixedNo, help: "Match RELATED synonyms too (on by default; measured precise).")
    var related = true
    @Flag(help: "Also match NARROW synonyms (to measure their precision).") var narrow = false
    @Option(help: "List the N most often missed and spurious terms (text format).") var errors = 0
    @Option(help: "Read the corpus this many times more, untimed scores, to measure speed on stderr.")
    var speedRepeats = 0

    func run() throws {
        let documents = try ConceptCorpusReader(path: corpus).read()
        let knowledgeBase = try Workspace().loadKnowledgeBase()
        let ontology = knowledgeBase.ontology
        let started = Date()
        let options = ConceptDictionary.Options(includeRelated: related, includeNarrow: narrow)
        let recognizer = ConceptRecognizer(ontology: ontology, options: options)
        let loadSeconds = Date().timeIntervalSince(started)
        var bySource: [String: DocumentScore] = [:]
        var total = DocumentScore()
        var warnings = 0
        let recognitionStart = Date()
        for document in documents {
            let gold = document.annotations.compactMap { annotation -> GoldMention? in
                guard let id = primary(annotation.id, ontology) else {
                    warnings += 1
                    return nil
                }
                return GoldMention(start: annotation.start, end: annotation.end, id: id, negated: annotation.negated)
            }
            let score = DocumentScore(predicted: recognizer.analyse(document.text).mentions, gold: gold)
            bySource[document.source, default: DocumentScore()] += score
            total += score
        }
        let seconds = Date().timeIntervalSince(recognitionStart)
        if speedRepeats > 0 { measureSpeed(recognizer, documents) }
        if warnings > 0 { Terminal.warning("\(warnings) gold ids are not terms of \(ontology.release); left out") }
        Terminal.note(
            String(
                format: "dictionary built in %.2f s; %d documents read in %.2f s", loadSeconds, documents.count, seconds
            ))
        switch format {
        case .json: Terminal.output(try JSONText.encode(json(total, bySource, documents.count)))
        case .text: Terminal.output(text(total, bySource, ontology))
        }
    }

    /// Recognition throughput on the corpus texts, wall clock and process CPU time.
    private func measureSpeed(_ recognizer: ConceptRecognizer, _ documents: [ConceptCorpusDocument]) {
        let bytes = documents.reduce(0) { $0 + $1.text.utf8.count } * speedRepeats
        let wallStart = Date()
        let cpuStart = clock()
        var mentions = 0
        for _ in 0..<speedRepeats {
            for document in documents { mentions += recognizer.analyse(document.text).mentions.count }
        }
        let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
        let wall = Date().timeIntervalSince(wallStart)
        let megabytes = Double(bytes) / 1_000_000
        Terminal.note(
            String(
                format: "speed, %d separate documents: %.1f MB, %d mentions: %.2f s CPU (%.2f MB/s), %.2f s wall",
                documents.count * speedRepeats, megabytes, mentions, cpu, megabytes / cpu, wall))
        let joined = String(
            repeating: documents.map(\.text).joined(separator: "\n\n") + "\n\n", count: speedRepeats)
        let joinedCPUStart = clock()
        let joinedStart = Date()
        let joinedMentions = recognizer.analyse(joined).mentions.count
        let joinedCPU = Double(clock() - joinedCPUStart) / Double(CLOCKS_PER_SEC)
        let joinedMegabytes = Double(joined.utf8.count) / 1_000_000
        Terminal.note(
            String(
                format: "speed, one text: %.1f MB, %d mentions: %.2f s CPU (%.2f MB/s), %.2f s wall",
                joinedMegabytes, joinedMentions, joinedCPU, joinedMegabytes / joinedCPU,
                Date().timeIntervalSince(joinedStart)))
    }

    private func primary(_ id: TermID, _ ontology: Ontology) -> TermID? {
        switch ontology.resolve(id) {
        case .current: id
        case .alternate(of: let primary): primary
        case .replaced(by: let replacement): replacement
        case .obsolete, .unknown: nil
        }
    }

    private func json(_ total: DocumentScore, _ bySource: [String: DocumentScore], _ count: Int) -> [String: Any] {
        func scores(_ score: DocumentScore) -> [String: Any] {
            func counts(_ counts: ScoreCounts) -> [String: Any] {
                [
                    "precision": counts.precision, "recall": counts.recall, "f1": counts.f1,
                    "tp": counts.truePositives, "fp": counts.falsePositives, "fn": counts.falseNegatives,
                ]
            }
            return [
                "mention": counts(score.mentions), "document": counts(score.documents),
                "negation": ["pairs": score.negationPairs, "accuracy": score.negationAccuracy],
            ]
        }
        return ["documents": count, "overall": scores(total), "sources": bySource.mapValues(scores)]
    }

    private func text(_ total: DocumentScore, _ bySource: [String: DocumentScore], _ ontology: Ontology) -> String {
        let header =
            "source".padding(toLength: 36, withPad: " ", startingAt: 0)
            + "  mention P    R    F1    document P    R    F1    negation acc (pairs)"
        var lines = [header]
        func row(_ name: String, _ score: DocumentScore) -> String {
            let m = score.mentions
            let d = score.documents
            return name.padding(toLength: 36, withPad: " ", startingAt: 0)
                + String(
                    format: "  %.3f  %.3f  %.3f     %.3f  %.3f  %.3f     %.3f (%d)", m.precision, m.recall, m.f1,
                    d.precision, d.recall, d.f1, score.negationAccuracy, score.negationPairs)
        }
        for (source, score) in bySource.sorted(by: { $0.key < $1.key }) { lines.append(row(source, score)) }
        lines.append(row("all", total))
        if errors > 0 {
            for (title, ids) in [("most often missed", total.missed), ("most often spurious", total.spurious)] {
                lines.append("\(title):")
                let counts = Dictionary(ids.map { ($0, 1) }, uniquingKeysWith: +)
                for (id, count) in counts.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).prefix(errors) {
                    lines.append("  \(count)  \(id)  \(ontology.name(of: id) ?? "?")")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
