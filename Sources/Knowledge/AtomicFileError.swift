/// A file that could not be put in place, and why (the system's reason).
public struct AtomicFileError: Error, Equatable, CustomStringConvertible {
    /// The path the file was meant to take.
    public let path: String
    /// Why it could not, in the system's words.
    public let reason: String

    public var description: String { "cannot write \(path): \(reason)" }
}
