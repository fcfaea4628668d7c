/// What went wrong reading bytes, in terms of bytes; each format turns it into its own error
/// (see ``ByteReadFailure``).
public enum ByteReadProblem: Equatable, Sendable {
    /// A read at `offset` needed `needed` bytes but only `available` were left.
    case endOfData(offset: Int, needed: Int, available: Int)
    /// The string whose length prefix starts at `offset` is not valid UTF-8.
    case invalidUTF8(offset: Int)
}
