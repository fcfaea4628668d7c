import NIOCore

/// What the line decoder passes on: a complete line, or word that a line went over the limit.
public enum LineFrame: Sendable, Equatable {
    /// One line without its newline (and without a carriage return before it).
    case line(ByteBuffer)
    /// A line passed the length limit after `bytes` bytes; the rest of it is being skipped.
    case overlong(bytes: Int)
}
