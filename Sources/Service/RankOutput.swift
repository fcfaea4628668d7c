import Foundation
import Ontology
import Ranking

/// The JSON and text renderings of a differential (SPEC: `ddx rank --format json`).
public struct RankOutput: Sendable {
    public let ontology: Ontology
    /// The ontology's labels as JSON, built once here rather than per answer.
    private let labels: TermLabels

    /// Sets up the renderings for `ontology`. This escapes every label of the ontology once (a
    /// few milliseconds), so make one per ontology and keep it, not one per differential.
    public init(ontology: Ontology) {
        self.ontology = ontology
        self.labels = TermLabels(ontology: ontology)
    }

    /// Writes the rank object as one line of JSON, with the keys of every object in sorted order
    /// and numbers rounded to three decimals.
    public func write(_ differential: Differential, to writer: inout JSONWriter) {
        writer.reserveCapacity(writer.bytes.count + Self.estimatedSize(of: differential))
        writer.write(raw: "{\"case_id\":")
        writer.write(string: differential.caseID)
        writer.write(raw: ",\"differential\":")
        writer.write(elements: differential.entries) { writer, entry in write(entry, to: &writer) }
        writer.write(raw: ",\"disclaimer\":\"decision support, not a diagnosis\",\"knowledge_base\":")
        writer.write(string: differential.knowledgeBase)
        writer.write(raw: ",\"model\":")
        writer.write(string: differential.model)
        writer.write(raw: ",\"warnings\":")
        writer.write(strings: differential.warnings)
        writer.write(raw: "}")
    }

    /// About the bytes `differential` takes as JSON (a little more, usually), so the writer
    /// grows once.
    private static func estimatedSize(of differential: Differential) -> Int {
        differential.entries.reduce(256) { size, entry in
            let evidence = entry.evidence
            let items = evidence.supporting.count + evidence.against.count + evidence.pertinentNegatives.count
            return size + 256 + entry.name.utf8.count + 320 * items
        }
    }

    private func write(_ entry: DifferentialEntry, to writer: inout JSONWriter) {
        writer.write(raw: "{\"evidence\":{\"against\":")
        writer.write(elements: entry.evidence.against) { writer, conflict in write(conflict, to: &writer) }
        writer.write(raw: ",\"for\":")
        writer.write(elements: entry.evidence.supporting) { writer, match in write(match, to: &writer) }
        writer.write(raw: ",\"pertinent_negatives\":")
        writer.write(elements: entry.evidence.pertinentNegatives) { writer, match in write(match, to: &writer) }
        writer.write(raw: "},\"id\":")
        writer.write(string: entry.diseaseID)
        writer.write(raw: ",\"name\":")
        writer.write(string: entry.name)
        writer.write(raw: ",\"rank\":")
        writer.write(integer: entry.rank)
        writer.write(raw: ",\"score\":")
        writer.write(roundingToThousandths: entry.score)
        writer.write(raw: "}")
    }

    private func write(_ match: FindingMatch, to writer: inout JSONWriter) {
        writeItem(
            commonAncestor: match.commonAncestor, diseaseTerm: match.diseaseTerm, finding: match.query,
            frequency: match.frequency, kind: nil, weight: match.weight, to: &writer)
    }

    private func write(_ conflict: FindingConflict, to writer: inout JSONWriter) {
        writeItem(
            commonAncestor: nil, diseaseTerm: conflict.diseaseTerm, finding: conflict.query,
            frequency: conflict.frequency, kind: conflict.kind, weight: conflict.weight, to: &writer)
    }

    /// The bytes of the keys and punctuation of an evidence item, and some.
    private static let itemKeysCount = 160

    /// One item of an evidence list, its members in key order: the common ancestor (a
    /// match's), the disease term and the finding with their labels, the frequency, the kind
    /// (a conflict's) and the weight. Hundreds go into an answer, so each is assembled and
    /// written in one append; an item with a number the assembly declines (not finite, or a
    /// billion or more) is written member by member instead. A term the ontology does not
    /// know is labelled with its id.
    private func writeItem(
        commonAncestor: TermID?, diseaseTerm: TermID, finding: TermID, frequency: Double?,
        kind: FindingConflict.Kind?, weight: Double, to writer: inout JSONWriter
    ) {
        let diseaseLabel = labels.span(of: diseaseTerm)
        let findingLabel = labels.span(of: finding)
        // Three ids, and two labels that may be ids too (terms the ontology does not know).
        let maxCount =
            Self.itemKeysCount + 5 * ByteCursor.maxTermCount + 2 * ByteCursor.maxNumberCount
            + (diseaseLabel?.count ?? 0) + (findingLabel?.count ?? 0)
        labels.withTable { table in
            let diseaseText = diseaseLabel.map { UnsafeBufferPointer(rebasing: table[$0]) }
            let findingText = findingLabel.map { UnsafeBufferPointer(rebasing: table[$0]) }
            let assembled = writer.write(assemblingUnlessDeclined: maxCount) { cursor in
                Self.appendTerms(
                    commonAncestor: commonAncestor, diseaseTerm: diseaseTerm, diseaseLabel: diseaseText,
                    finding: finding, findingLabel: findingText, to: &cursor)
                if let frequency {
                    cursor.append(raw: ",\"frequency\":")
                    guard cursor.append(roundingToThousandths: frequency) else { return false }
                }
                if let kind { Self.appendKind(kind, to: &cursor) }
                cursor.append(raw: ",\"weight\":")
                guard cursor.append(roundingToThousandths: weight) else { return false }
                cursor.append(raw: "}")
                return true
            }
            guard !assembled else { return }
            writer.write(assembling: maxCount) { cursor in
                Self.appendTerms(
                    commonAncestor: commonAncestor, diseaseTerm: diseaseTerm, diseaseLabel: diseaseText,
                    finding: finding, findingLabel: findingText, to: &cursor)
            }
            if let frequency {
                writer.write(raw: ",\"frequency\":")
                writer.write(roundingToThousandths: frequency)
            }
            if let kind { writer.write(assembling: 64) { Self.appendKind(kind, to: &$0) } }
            writer.write(raw: ",\"weight\":")
            writer.write(roundingToThousandths: weight)
            writer.write(raw: "}")
        }
    }

    /// `{`, then the common ancestor (when given), the disease term and the finding with their labels.
    private static func appendTerms(
        commonAncestor: TermID?, diseaseTerm: TermID, diseaseLabel: UnsafeBufferPointer<UInt8>?, finding: TermID,
        findingLabel: UnsafeBufferPointer<UInt8>?, to cursor: inout ByteCursor
    ) {
        if let commonAncestor {
            cursor.append(raw: "{\"common_ancestor\":")
            cursor.append(term: commonAncestor)
            cursor.append(raw: ",\"disease_term\":")
        } else {
            cursor.append(raw: "{\"disease_term\":")
        }
        cursor.append(term: diseaseTerm)
        cursor.append(raw: ",\"disease_term_label\":")
        cursor.append(label: diseaseLabel, of: diseaseTerm)
        cursor.append(raw: ",\"finding\":")
        cursor.append(term: finding)
        cursor.append(raw: ",\"finding_label\":")
        cursor.append(label: findingLabel, of: finding)
    }

    /// The `kind` member of a conflict: its raw value, a snake-case name that needs no escaping.
    private static func appendKind(_ kind: FindingConflict.Kind, to cursor: inout ByteCursor) {
        var name = kind.rawValue
        cursor.append(raw: ",\"kind\":\"")
        name.withUTF8 { cursor.append($0) }
        cursor.append(raw: "\"")
    }

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
            if !pertinent.isEmpty { lines.append("   counted for: " + pertinent.joined(separator: "; ")) }
        }
        for warning in differential.warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n")
    }

    private func label(_ id: TermID) -> String { ontology.name(of: id) ?? id.description }
}
