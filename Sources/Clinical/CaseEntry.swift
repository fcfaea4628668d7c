/// One case of an input — the only one of a document, or one line of a JSON Lines batch —
/// read or failed.
public struct CaseEntry: Sendable {
    /// Where the entry is: the input's name and, in a batch, its line.
    public var location: InputLocation
    /// The format the entry was read as; nil when it could not be told.
    public var kind: CaseKind?
    public var result: Result<PatientCase, CaseInputError>

    public init(location: InputLocation, kind: CaseKind?, result: Result<PatientCase, CaseInputError>) {
        self.location = location
        self.kind = kind
        self.result = result
    }

    /// The case, when it was read.
    public var patientCase: PatientCase? {
        guard case .success(let patientCase) = result else { return nil }
        return patientCase
    }

    /// The reason it was not, when it failed.
    public var error: CaseInputError? {
        guard case .failure(let error) = result else { return nil }
        return error
    }
}
