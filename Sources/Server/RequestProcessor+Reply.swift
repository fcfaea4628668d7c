import NIOCore

extension RequestProcessor {
    /// What a line came to: the response (none when none is owed) and how many answers it holds.
    public struct Reply: Sendable {
        /// The response line, newline included, in pieces to be written one after another (an
        /// answer from the cache is written from memory, not copied); empty when none is owed.
        public var pieces: [ByteBuffer]
        public var answers: Int

        init(_ bytes: [UInt8]?, answers: Int) {
            self.answers = answers
            guard let bytes else {
                pieces = []
                return
            }
            var line = ByteBuffer()
            line.reserveCapacity(bytes.count + 1)
            line.writeBytes(bytes)
            line.writeInteger(UInt8(ascii: "\n"))
            pieces = [line]
        }

        init(pieces: [ByteBuffer], answers: Int) {
            self.pieces = pieces
            self.answers = answers
        }

        /// The response line as UTF-8 JSON, without its newline; nil when none is owed.
        public var bytes: [UInt8]? {
            guard !pieces.isEmpty else { return nil }
            var line = pieces.flatMap { $0.readableBytesView }
            line.removeLast()
            return line
        }

        /// The response line as text.
        public var text: String? { bytes.map { String(decoding: $0, as: UTF8.self) } }
    }
}
