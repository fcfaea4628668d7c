import Clinical
import Foundation
import Ranking

/// A ranker that answers at once (or after `delay`), listing the toy diseases in a fixed
/// order, so server tests exercise the protocol, not ranking.
struct StubRanker: Ranker {
    var modelVersion = "stub-1"
    var knowledgeBaseVersion = "hp/releases/toy"
    var delay: Duration = .zero

    static let diseases = ["OMIM:100001", "OMIM:100002", "OMIM:100003", "ORPHA:4000"]

    func rank(_ patient: PatientCase, top: Int) -> Differential {
        if delay > .zero {
            Thread.sleep(
                forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
        }
        let entries = Self.diseases.prefix(top).enumerated().map { offset, id in
            DifferentialEntry(
                rank: offset + 1, diseaseID: id, name: id, score: Double(10 - offset), evidence: Evidence())
        }
        return Differential(
            caseID: patient.id, entries: Array(entries), knowledgeBase: knowledgeBaseVersion, model: modelVersion,
            warnings: patient.warnings)
    }

    func rank(of diseaseID: String, in patient: PatientCase) -> Int? {
        Self.diseases.firstIndex(of: diseaseID).map { $0 + 1 }
    }
}
