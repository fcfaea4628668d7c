import Clinical
import Ontology

/// A case's findings as term positions of the ontology, ready for scoring.
public struct CaseQuery: Sendable, Equatable {
    /// Observed terms, without duplicates and without terms implied by a more specific
    /// observed term (an ancestor of another observed term adds no information).
    public var present: [Int32]
    /// Excluded terms, without duplicates.
    public var absent: [Int32]
    /// Ids the ontology does not know; they are left out of scoring.
    public var unknown: [TermID]

    public init(present: [Int32], absent: [Int32], unknown: [TermID] = []) {
        self.present = present
        self.absent = absent
        self.unknown = unknown
    }

    public init(_ patient: PatientCase, ontology: Ontology) {
        var present: [Int32] = []
        var absent: [Int32] = []
        var unknown: [TermID] = []
        for finding in patient.findings {
            guard let position = ontology.position(of: finding.id), !ontology.terms[Int(position)].isObsolete else {
                unknown.append(finding.id)
                continue
            }
            switch finding.status {
            case .present: present.append(position)
            case .absent: absent.append(position)
            }
        }
        present = present.sortedUnique()
        var implied: [Int32] = []
        for term in present {
            implied.append(contentsOf: ontology.ancestorIndices[Int(term)].dropFirst())
        }
        implied = implied.sortedUnique()
        let keptAbsent = absent.sortedUnique().filter { !present.sortedContains($0) && !implied.sortedContains($0) }
        self.present = present.filter { !implied.sortedContains($0) }
        // An excluded term below another excluded term says nothing more.
        self.absent = keptAbsent.filter { term in
            !ontology.ancestorIndices[Int(term)].dropFirst().contains { keptAbsent.sortedContains($0) }
        }
        self.unknown = unknown
    }
}
