import BinaryFormat

extension ModelFormatError: ByteReadFailure {
    /// A read past the end of the payload or a string that is not UTF-8, as ``malformed(offset:reason:)``.
    public init(_ problem: ByteReadProblem) {
        switch problem {
        case .endOfData(let offset, let needed, let available):
            self = .malformed(offset: offset, reason: "needs \(needed) more bytes, \(available) left")
        case .invalidUTF8(let offset):
            self = .malformed(offset: offset, reason: "a string is not valid UTF-8")
        }
    }
}
