import ArgumentParser
import Foundation
import Ranking
import Service

/// `ddx bench postings`: how much the exact candidate stage reads per case, and how much
/// sharing work between a case's terms could save (Evaluation/fff.md).
struct PostingsBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postings",
        abstract: "Count the posting entries the exact candidate stage walks per case.",
        discussion: """
            For each case of CASES: the posting entries the baseline's exact stage walks (every \
            present and absent term through each ancestor of information content >= 1), those \
            through general ancestors (below --general-cut), the distinct ancestors and their \
            entries walked once each, and the entries when terms with the same general \
            ancestors share them. Prints the means per case. A count, not a timing: it is the \
            same on any machine.
            """)

    @Argument(help: "Cases (ddx cases or phenopackets, JSON Lines, may be gzip-compressed).")
    var cases: String
    @Option(help: "Use at most this many cases.") var limit = 200
    @Option(help: "Ancestors less informative than this are general (default: the exact stage's).")
    var generalCut: Float = PostingWalk.defaultGeneralCut
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        let workspace = Workspace()
        if !workspace.isReady { try workspace.setUpKnowledgeBase(force: false) }
        let index = PhenotypeIndex(knowledgeBase: try workspace.loadKnowledgeBase())
        let ingestor = workspace.ingestor(for: index.knowledgeBase)
        let patients = try CaseSource(path: cases).read().cases.prefix(limit).map(ingestor.ingest)
        guard !patients.isEmpty else { throw CommandFailure("\(cases): no cases") }
        let walks = patients.map {
            PostingWalk(query: CaseQuery($0, ontology: index.ontology), index: index, generalCut: generalCut)
        }
        func mean(_ value: (PostingWalk) -> Int) -> Double {
            Double(walks.reduce(0) { $0 + value($1) }) / Double(walks.count)
        }
        let figures: [(key: String, label: String, value: Double)] = [
            ("entries", "posting entries walked", mean(\.entries)),
            ("general_entries", "of them through general ancestors", mean(\.generalEntries)),
            ("distinct_ancestors", "distinct informative ancestors", mean(\.distinctAncestors)),
            ("distinct_entries", "their entries, each list walked once", mean(\.distinctEntries)),
            ("general_sets", "distinct sets of general ancestors", mean(\.generalSets)),
            ("shared_general_entries", "entries with general sets shared", mean(\.sharedGeneralEntries)),
            ("general_rows", "dense rows read instead (distinct frontiers)", mean(\.generalRows)),
        ]
        let generalTerms = PostingWalk.generalTermCount(index: index, generalCut: generalCut)
        let rowMegabytes = Double(generalTerms * index.diseaseCount * MemoryLayout<Float>.size) / 1e6
        switch format {
        case .json:
            var report: [String: Any] = [
                "cases": walks.count, "general_cut": Double(generalCut), "general_terms": generalTerms,
                "general_row_megabytes": (rowMegabytes * 10).rounded() / 10,
            ]
            for figure in figures { report[figure.key] = (figure.value * 10).rounded() / 10 }
            Terminal.output(try JSONText.encode(report))
        case .text:
            Terminal.output(
                "general terms (information content 1 to \(generalCut)): \(generalTerms), a dense row each: "
                    + String(format: "%.1f MB", rowMegabytes))
            Terminal.output("\(walks.count) cases; general: information content below \(generalCut); per case:")
            for figure in figures {
                let value = String(format: "%.1f", figure.value)
                Terminal.output("  \(figure.label):" + value.leftPadded(to: 50 - figure.label.count))
            }
        }
    }
}
