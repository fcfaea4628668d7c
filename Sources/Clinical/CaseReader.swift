/// Turns one parsed JSON object of some case format into a ``PatientCase``.
///
/// Readers check shapes and syntax (HPO id form, sex, age) but do not resolve ids against the
/// ontology: findings keep the raw ``TermID``s the input used, and ``CaseNormalizer`` resolves
/// them. Problems that do not stop the case go into ``PatientCase/warnings``.
public protocol CaseReader: Sendable {
    /// The format this reader understands.
    var kind: CaseKind { get }

    /// Reads a case from a JSON object as `JSONSerialization` returns it.
    ///
    /// - Parameter location: where the object came from; names errors and the fallback id.
    func read(_ object: [String: Any], at location: InputLocation) throws(CaseInputError) -> PatientCase
}
