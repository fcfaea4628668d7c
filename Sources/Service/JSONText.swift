/// One-line JSON with sorted keys, for output that scripts and tests compare: the same text
/// `JSONSerialization` writes with `.sortedKeys` and `.withoutEscapingSlashes`, much faster
/// (see ``JSONWriter``).
public enum JSONText {
    /// The value as JSON; throws for what JSON cannot hold (a non-finite number, a value of
    /// another type than strings, numbers, booleans, arrays, objects and `NSNull`).
    public static func encode(_ object: Any) throws -> String {
        try encode { $0.write(object) }
    }

    /// What `write` writes, as text: for renderings that write typed values in key order
    /// themselves (like `RankOutput.write(_:to:)`). Throws, as encoding a value does, when it
    /// wrote something JSON cannot hold.
    public static func encode(_ write: (inout JSONWriter) -> Void) throws -> String {
        var writer = JSONWriter()
        write(&writer)
        if let problem = writer.problem { throw EncodingError(description: problem) }
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The value as JSON, never failing: a non-finite number becomes `null`, a value of another
    /// type its description (for answers that must go out whatever they hold, like the daemon's).
    public static func line(_ object: Any) -> String {
        var writer = JSONWriter()
        writer.write(object)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// A value JSON cannot hold.
    public struct EncodingError: Error, CustomStringConvertible {
        public let description: String
    }
}
