import Foundation

/// Splits a stream of byte chunks into lines without ever holding more than one chunk plus
/// one line of at most `limit` bytes: longer lines are counted, not kept.
struct LineScanner {
    /// Supplies the next chunk of input; nil or empty at the end.
    typealias ChunkSource = () throws(CaseInputError) -> Data?

    /// How many leading bytes of each line are kept for a look at how it starts.
    static let leadLength = 64

    let limit: Int
    private let nextChunk: ChunkSource
    private var pending = Data()
    private var atEnd = false
    private var lineCount = 0

    init(limit: Int, chunks: @escaping ChunkSource) {
        self.limit = limit
        self.nextChunk = chunks
    }

    /// The next line, or nil after the last one.
    mutating func next() throws(CaseInputError) -> ScannedLine? {
        var line: Data? = Data()
        var lead = Data()
        var byteCount = 0
        while true {
            if pending.isEmpty {
                guard try refill() else {
                    return byteCount > 0 ? finish(line, byteCount: byteCount, lead: lead) : nil
                }
            }
            let newline = Self.newlineIndex(in: pending)
            let piece = pending[..<(newline ?? pending.endIndex)]
            byteCount += piece.count
            if lead.count < Self.leadLength { lead.append(piece.prefix(Self.leadLength - lead.count)) }
            if byteCount > limit { line = nil } else { line?.append(piece) }
            guard let newline else {
                pending = Data()
                continue
            }
            pending = pending[pending.index(after: newline)...]
            return finish(line, byteCount: byteCount, lead: lead)
        }
    }

    /// The next line that is not blank, appending every line read (blank ones too) to `lines`.
    mutating func nextNonBlank(collectingInto lines: inout [ScannedLine]) throws(CaseInputError) -> ScannedLine? {
        while let line = try next() {
            lines.append(line)
            if !line.isBlank { return line }
        }
        return nil
    }

    private mutating func refill() throws(CaseInputError) -> Bool {
        guard !atEnd, let chunk = try nextChunk(), !chunk.isEmpty else {
            atEnd = true
            return false
        }
        pending = chunk
        return true
    }

    private mutating func finish(_ line: Data?, byteCount: Int, lead: Data) -> ScannedLine {
        lineCount += 1
        return ScannedLine(number: lineCount, bytes: line, byteCount: byteCount, lead: lead)
    }

    private static func newlineIndex(in data: Data) -> Data.Index? {
        data.withUnsafeBytes { buffer -> Data.Index? in
            guard let base = buffer.baseAddress, let hit = memchr(base, 0x0A, buffer.count) else { return nil }
            return data.startIndex + base.distance(to: UnsafeRawPointer(hit))
        }
    }
}
