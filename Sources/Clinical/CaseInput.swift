/// Everything one case input held: a single case, or the entries of a JSON Lines batch in
/// input order, failed lines included so a caller can report them and go on with the rest.
public struct CaseInput: Sendable {
    /// How the input was laid out.
    public enum Layout: Sendable, Equatable {
        /// One document: a ddx case, a phenopacket or free text.
        case document
        /// JSON Lines: one case object per non-blank line.
        case batch
    }

    /// File name as the user gave it, or `<stdin>`.
    public var source: String
    public var layout: Layout
    public var entries: [CaseEntry]

    public init(source: String, layout: Layout, entries: [CaseEntry]) {
        self.source = source
        self.layout = layout
        self.entries = entries
    }

    /// The cases read, in input order.
    public var cases: [PatientCase] { entries.compactMap(\.patientCase) }

    /// The entries that failed, in input order.
    public var errors: [CaseInputError] { entries.compactMap(\.error) }

    /// True for a plain-text vignette, which carries `text` but no findings yet.
    public var isFreeText: Bool { layout == .document && entries.first?.kind == .text }
}
