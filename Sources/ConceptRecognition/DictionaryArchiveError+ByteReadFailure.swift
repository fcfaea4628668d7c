import BinaryFormat

extension DictionaryArchiveError: ByteReadFailure {
    /// Any short or malformed read: ``truncated``.
    public init(_ problem: ByteReadProblem) {
        self = .truncated
    }
}
