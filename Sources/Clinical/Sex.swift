/// The patient's sex as a case states it.
public enum Sex: String, Sendable, Codable, CaseIterable {
    case female
    case male
    case other
    case unknown

    /// Accepts ddx spellings (`female`) and Phenopacket enum names (`FEMALE`, `OTHER_SEX`,
    /// `UNKNOWN_SEX`), case-insensitively.
    public init?(lenient text: String) {
        switch text.lowercased() {
        case "female", "f": self = .female
        case "male", "m": self = .male
        case "other", "other_sex": self = .other
        case "unknown", "unknown_sex", "": self = .unknown
        default: return nil
        }
    }
}
