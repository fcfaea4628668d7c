import Ontology

/// One phenotype finding of a patient: an HPO term observed or explicitly excluded.
public struct Finding: Sendable, Equatable, Hashable, Codable {
    /// Observed in the patient, or stated as absent.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case present
        case absent
    }

    public var id: TermID
    public var status: Status

    public init(id: TermID, status: Status) {
        self.id = id
        self.status = status
    }
}
