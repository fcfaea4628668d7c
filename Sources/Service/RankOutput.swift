import Foundation
import Ontology
import Ranking

/// The JSON and text renderings of a differential (SPEC: `ddx rank --format json`).
public struct RankOutput: Sendable {
    public let ontology: Ontology

    public init(ontology: Ontology) {
        self.ontology = ontology
    }

    public func json(_ differential: Differential) -> [String: Any] {
        [
            "case_id": differential.caseID,
            "differential": differential.entries.map(entry),
            "knowledge_base": differential.knowledgeBase,
            "model": differential.model,
            "warnings": differential.warnings,
            "disclaimer": "decision support, not a diagnosis",
        ]
    }

    private func entry(_ entry: DifferentialEntry) -> [String: Any] {
        [
            "rank": entry.rank, "id": entry.diseaseID, "name": entry.name,
            "score": rounded(entry.score),
            "evidence": [
                "for": entry.evidence.supporting.map(match),
                "against": entry.evidence.against.map(conflict),
                "pertinent_negatives": entry.evidence.pertinentNegatives.map(match),
            ] as [String: Any],
        ]
    }

    private func match(_ match: FindingMatch) -> [String: Any] {
        var object: [String: Any] = [
            "finding": match.query.description, "finding_label": label(match.query),
            "disease_term": match.diseaseTerm.description, "disease_term_label": label(match.diseaseTerm),
            "common_ancestor": match.commonAncestor.description, "weight": rounded(match.weight),
        ]
        if let frequency = match.frequency { object["frequency"] = rounded(frequency) }
        return object
    }

    private func conflict(_ conflict: FindingConflict) -> [String: Any] {
        var object: [String: Any] = [
            "finding": conflict.query.description, "finding_label": label(conflict.query),
            "disease_term": conflict.diseaseTerm.description, "disease_term_label": label(conflict.diseaseTerm),
            "kind": conflict.kind.rawValue, "weight": rounded(conflict.weight),
        ]
        if let frequency = conflict.frequency { object["frequency"] = rounded(frequency) }
        return object
    }

    private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// A table for a person at a terminal.
    public func text(_ differential: Differential, findings: (present: Int, absent: Int)) -> String {
        var lines = [
            "Case \(differential.caseID): \(findings.present) observed, \(findings.absent) excluded findings",
            "Knowledge base \(differential.knowledgeBase) · model \(differential.model) · decision support, not a diagnosis",
            "",
            " #  Score  Disease",
        ]
        for entry in differential.entries {
            let rank = String(entry.rank).leftPadded(to: 2)
            let score = String(format: "%.2f", entry.score).leftPadded(to: 6)
            lines.append("\(rank) \(score)  \(entry.name) (\(entry.diseaseID))")
            let support = entry.evidence.supporting.prefix(4).map { match in
                match.query == match.diseaseTerm
                    ? "\(label(match.query))" : "\(label(match.query)) ~ \(label(match.diseaseTerm))"
            }
            if !support.isEmpty { lines.append("           for: " + support.joined(separator: "; ")) }
            let against = entry.evidence.against.prefix(3).map { conflict in
                conflict.kind == .excludedButExpected
                    ? "no \(label(conflict.query))"
                        + (conflict.frequency.map { String(format: " (seen in %.0f%%)", $0 * 100) } ?? "")
                    : "\(label(conflict.query)) (disease: NOT \(label(conflict.diseaseTerm)))"
            }
            if !against.isEmpty { lines.append("       against: " + against.joined(separator: "; ")) }
            let pertinent = entry.evidence.pertinentNegatives.prefix(3).map { "no \(label($0.query))" }
            if !pertinent.isEmpty { lines.append("    considered: " + pertinent.joined(separator: "; ")) }
        }
        for warning in differential.warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n")
    }

    private func label(_ id: TermID) -> String { ontology.name(of: id) ?? id.description }
}
