import Clinical
import ConceptRecognition
import Ontology

/// Turns the recognizer's mentions into case findings: one per term, in text order.
enum TextFindings {
    /// The patient's findings: present when any mention of the term is not negated.
    static func patientFindings(_ analysis: TextAnalysis) -> [Finding] {
        var order: [TermID] = []
        var present: [TermID: Bool] = [:]
        for mention in analysis.patientMentions {
            if present[mention.id] == nil { order.append(mention.id) }
            present[mention.id] = (present[mention.id] ?? false) || !mention.context.isNegated
        }
        return order.map { Finding(id: $0, status: present[$0] == true ? .present : .absent) }
    }

    /// The relatives' findings: one per term, with the first relative named.
    static func familyHistory(_ analysis: TextAnalysis) -> [FamilyFinding] {
        var result: [FamilyFinding] = []
        var positions: [TermID: Int] = [:]
        for mention in analysis.familyMentions {
            let status: Finding.Status = mention.context.isNegated ? .absent : .present
            if let position = positions[mention.id] {
                if status == .present { result[position].status = .present }
                continue
            }
            positions[mention.id] = result.count
            result.append(FamilyFinding(id: mention.id, relative: mention.context.relative ?? "family", status: status))
        }
        return result
    }
}
