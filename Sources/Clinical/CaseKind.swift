/// The formats a case can arrive in.
public enum CaseKind: String, Sendable, Equatable, CaseIterable {
    /// A ddx case object (`findings` and/or `text`).
    case ddxCase = "ddx-case"
    /// A GA4GH Phenopacket v2 object.
    case phenopacket
    /// A free-text clinical vignette.
    case text

    /// The kind of a JSON object, judged by its keys: `findings` or `text` make a ddx case;
    /// `phenotypicFeatures`, or `subject` with `metaData`, make a phenopacket. Nil otherwise.
    public init?(detecting object: [String: Any]) {
        if object["phenotypicFeatures"] != nil || (object["subject"] != nil && object["metaData"] != nil) {
            self = .phenopacket
        } else if object["findings"] != nil || object["text"] != nil {
            self = .ddxCase
        } else {
            return nil
        }
    }
}
