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
        var present: Set<Int32> = []
        var absent: Set<Int32> = []
        var unknown: [TermID] = []
        for finding in patient.findings {
            guard let position = ontology.position(of: finding.id), !ontology.terms[Int(position)].isObsolete else {
                unknown.append(finding.id)
                continue
            }
            switch finding.status {
            case .present: present.insert(position)
            case .absent: absent.insert(position)
            }
        }
        var implied: Set<Int32> = []
        for term in present {
            implied.formUnion(ontology.ancestorIndices[Int(term)].dropFirst())
        }
        let keptAbsent = absent.subtracting(present).subtracting(implied)
        self.present = present.subtracting(implied).sorted()
        // An excluded term below another excluded term says nothing more.
        self.absent = keptAbsent.filter { term in
            !ontology.ancestorIndices[Int(term)].dropFirst().contains { keptAbsent.contains($0) }
        }.sorted()
        self.unknown = unknown
    }
}
