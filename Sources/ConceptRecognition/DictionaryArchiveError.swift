/// Why a cached concept dictionary cannot be used; each case means "build it again".
public enum DictionaryArchiveError: Error, Equatable, CustomStringConvertible {
    /// Not a ddx concept dictionary file.
    case notAnArchive
    /// Written by another version of the format or of the dictionary builder.
    case formatVersion(found: UInt32, expected: UInt32)
    /// Built by a builder whose normalisation, stop words or abbreviations differ.
    case recipe
    /// Built from another knowledge base.
    case knowledgeBase(found: String, expected: String)
    /// Built with other synonym options.
    case options
    /// The bytes do not add up to their checksum.
    case checksum
    /// The file ends before its contents do, or a value lies outside its range.
    case truncated

    public var description: String {
        switch self {
        case .notAnArchive: "not a ddx concept dictionary"
        case .formatVersion(let found, let expected): "format version \(found), expected \(expected)"
        case .recipe: "built by a different dictionary builder"
        case .knowledgeBase(let found, let expected): "built from knowledge base \(found), not \(expected)"
        case .options: "built with other synonym options"
        case .checksum: "checksum mismatch (damaged file)"
        case .truncated: "truncated or malformed"
        }
    }
}
