import Clinical

/// Splits cases by publication, never by case: every case of one paper lands on the same side,
/// so a model is never validated on patients whose siblings it was trained on.
///
/// The side is a stable hash of the first PMID (or of the case id when a case cites none),
/// so the split does not depend on the order or the number of cases.
public struct PublicationSplit: Sendable, Equatable {
    /// Share of publications on the validation side, in 0...1.
    public var validationShare: Double
    /// Changes which publications go where.
    public var salt: UInt64

    public init(validationShare: Double = 0.1, salt: UInt64 = 0) {
        self.validationShare = validationShare
        self.salt = salt
    }

    /// The key cases are grouped by: the first PMID, else the case id.
    public static func publication(of patient: PatientCase) -> String {
        patient.references.first { $0.hasPrefix("PMID:") } ?? patient.id
    }

    public func isValidation(_ patient: PatientCase) -> Bool {
        let hash = Self.fnv1a(Self.publication(of: patient), salt: salt)
        return Double(hash % 10_000) / 10_000 < validationShare
    }

    /// (training, validation), each in input order.
    public func split(_ cases: [PatientCase]) -> (training: [PatientCase], validation: [PatientCase]) {
        var training: [PatientCase] = []
        var validation: [PatientCase] = []
        for patient in cases {
            if isValidation(patient) { validation.append(patient) } else { training.append(patient) }
        }
        return (training, validation)
    }

    /// FNV-1a, 64-bit: a hash that is the same on every machine and every run.
    static func fnv1a(_ text: String, salt: UInt64) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ salt
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
