/// Why a case input, or one entry of a batch, could not be read.
///
/// Its ``description`` is one line a person can act on, shaped like a compiler diagnostic:
/// `case.json:3: findings[2].status: expected "present" or "absent", got "maybe"`.
public struct CaseInputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What kind of problem it is, for callers that branch on it.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The file could not be opened or read.
        case unreadable
        /// No bytes, or only whitespace.
        case emptyInput
        /// NUL bytes or bytes that are not UTF-8.
        case binaryData
        /// A document or line over the size limit.
        case tooLarge
        /// Text that starts like JSON but does not parse.
        case malformedJSON
        /// JSON that parses but is not shaped like a case.
        case wrongType
        /// A case with nothing to rank on, or a required field left out.
        case missingContent
        /// An id that is not `HP:` and seven digits.
        case invalidTermID
        /// A finding status other than present or absent.
        case invalidStatus
        /// A sex other than female, male, other or unknown.
        case invalidSex
        /// An age that is not an ISO 8601 duration.
        case invalidAge
    }

    /// File name as the user gave it, or `<stdin>`.
    public var source: String
    /// 1-based line of a JSON Lines batch; nil for a whole document.
    public var line: Int?
    /// Path of the offending field inside the case, e.g. `findings[2].status`.
    public var field: String?
    public var kind: Kind
    /// What is wrong, in words.
    public var reason: String

    public init(source: String, line: Int? = nil, field: String? = nil, kind: Kind, reason: String) {
        self.source = source
        self.line = line
        self.field = field
        self.kind = kind
        self.reason = reason
    }

    /// `source[:line]: [field: ]reason`, on one line.
    public var description: String {
        var text = source
        if let line { text += ":\(line)" }
        text += ": "
        if let field, !field.isEmpty { text += field + ": " }
        return text + Self.singleLine(reason)
    }

    private static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
