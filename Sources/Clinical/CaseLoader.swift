import Foundation

/// Reads a case input — a file, `-` for stdin, or bytes — and tells its kind by content,
/// never by file extension:
///
/// - several non-blank lines, the first starting with `{`, and either the first a JSON object
///   on its own or the second and third (if any) so: a JSON Lines batch; each line is read
///   separately and a bad line fails only its entry;
/// - otherwise one document: text starting with `{` (or `[`) must be a JSON object, a ddx
///   case or a phenopacket; any other UTF-8 text is a free-text vignette.
///
/// No document or line may be longer than ``sizeLimit``: input is streamed in chunks, so a
/// longer one is counted (never held beyond the limit) and reported as `tooLarge`.
public struct CaseLoader: Sendable {
    /// 64 MiB.
    public static let defaultSizeLimit = 64 * 1024 * 1024
    /// The first two bytes of gzip-compressed data. The loader reads text; callers that take
    /// files decompress them first (with the system's gzip).
    public static let gzipSignature = Data([0x1F, 0x8B])

    /// The most bytes one document, or one line of a batch, may have.
    public var sizeLimit: Int
    /// How many bytes are read at a time.
    var chunkSize = 1 << 20

    public init(sizeLimit: Int = CaseLoader.defaultSizeLimit) {
        self.sizeLimit = sizeLimit
    }

    /// Reads the file at `path`, or stdin when `path` is `-`.
    public func load(path: String) throws(CaseInputError) -> CaseInput {
        if path == "-" { return try load(from: .standardInput, source: "<stdin>") }
        let handle = try Self.open(path)
        defer { try? handle.close() }
        return try load(from: handle, source: path)
    }

    /// Reads everything `handle` delivers; `source` names it in errors and fallback ids.
    public func load(from handle: FileHandle, source: String) throws(CaseInputError) -> CaseInput {
        let chunkSize = self.chunkSize
        return try load(source: source) { () throws(CaseInputError) -> Data? in
            do {
                return try handle.read(upToCount: chunkSize)
            } catch {
                throw CaseInputError(
                    source: source, kind: .unreadable, reason: "cannot read: \(error.localizedDescription)")
            }
        }
    }

    /// Reads input already in memory (a test fixture, a request body).
    public func load(_ data: Data, source: String) throws(CaseInputError) -> CaseInput {
        var offset = data.startIndex
        let chunkSize = self.chunkSize
        return try load(source: source) { () -> Data? in
            let end = data.index(offset, offsetBy: min(chunkSize, data.endIndex - offset))
            defer { offset = end }
            return data[offset..<end]
        }
    }

    /// Reads one case object that is already parsed, choosing the reader by its keys
    /// (for a request that embeds the case).
    public func readCase(_ object: [String: Any], at location: InputLocation) throws(CaseInputError) -> PatientCase {
        try Self.reader(for: object, at: location).read(object, at: location)
    }

    /// The reader for an object's format, or a `missingContent` error naming the keys it has.
    public static func reader(for object: [String: Any], at location: InputLocation) throws(CaseInputError)
        -> any CaseReader
    {
        switch CaseKind(detecting: object) {
        case .phenopacket: return PhenopacketReader()
        case .ddxCase: return DDXCaseReader()
        case .text, nil:
            let keys = object.keys.sorted().prefix(6).map { "\"\($0)\"" }.joined(separator: ", ")
            throw location.error(
                .missingContent,
                "not a case: a ddx case needs \"findings\" or \"text\", a phenopacket \"phenotypicFeatures\""
                    + " (keys found: \(keys.isEmpty ? "none" : keys))")
        }
    }

    // MARK: - Layout

    private func load(source: String, chunks: @escaping LineScanner.ChunkSource) throws(CaseInputError) -> CaseInput {
        var scanner = LineScanner(limit: sizeLimit, chunks: chunks)
        var head: [ScannedLine] = []
        guard let first = try scanner.nextNonBlank(collectingInto: &head) else {
            throw CaseInputError(
                source: source, kind: .emptyInput,
                reason: "the input is empty; expected a ddx case, a phenopacket, JSON Lines or plain text")
        }
        if let bytes = first.bytes {
            _ = try InputTextDecoder.decode(bytes, at: InputLocation(source: source, line: first.number))
        }
        guard first.firstVisibleByte == UInt8(ascii: "{"),
            let second = try scanner.nextNonBlank(collectingInto: &head)
        else { return try readDocument(source: source, head: head, rest: &scanner) }
        if Self.isObjectLine(first) {
            return readBatch(source: source, head: [first, second], rest: &scanner)
        }
        // A bad first line of a batch, or the first line of a pretty-printed document whose
        // second line happens to be a whole object ({"findings": [ / {…} / ]}): a batch goes on
        // with objects, a document closes what its first line opened.
        guard Self.isObjectLine(second) else { return try readDocument(source: source, head: head, rest: &scanner) }
        guard let third = try scanner.nextNonBlank(collectingInto: &head) else {
            return readBatch(source: source, head: [first, second], rest: &scanner)
        }
        if Self.isObjectLine(third) {
            return readBatch(source: source, head: [first, second, third], rest: &scanner)
        }
        return try readDocument(source: source, head: head, rest: &scanner)
    }

    private static func isObjectLine(_ line: ScannedLine) -> Bool {
        guard let bytes = line.bytes,
            let text = try? InputTextDecoder.decode(bytes, at: InputLocation(source: ""))
        else { return false }
        return JSONObjectParser.isObject(text)
    }

    // MARK: - JSON Lines

    private func readBatch(source: String, head: [ScannedLine], rest: inout LineScanner) -> CaseInput {
        var entries = head.map { entry(for: $0, source: source) }
        do {
            while let line = try rest.next() {
                guard !line.isBlank else { continue }
                entries.append(entry(for: line, source: source))
            }
        } catch {
            entries.append(CaseEntry(location: InputLocation(source: source), kind: nil, result: .failure(error)))
        }
        return CaseInput(source: source, layout: .batch, entries: entries)
    }

    private func entry(for line: ScannedLine, source: String) -> CaseEntry {
        let location = InputLocation(source: source, line: line.number)
        var kind: CaseKind?
        let result = Result { () throws(CaseInputError) -> PatientCase in
            let object = try lineObject(line, at: location)
            kind = CaseKind(detecting: object)
            return try readCase(object, at: location)
        }
        return CaseEntry(location: location, kind: kind, result: result)
    }

    private func lineObject(_ line: ScannedLine, at location: InputLocation) throws(CaseInputError) -> [String: Any] {
        guard let bytes = line.bytes else { throw tooLarge("the line is \(line.byteCount) bytes", at: location) }
        let text = try InputTextDecoder.decode(bytes, at: location)
        guard text.first(where: { !$0.isWhitespace }) == "{" else {
            throw location.error(
                .wrongType,
                "expected a JSON object on each line of a JSON Lines batch, got \(JSONFields.quoted(text, limit: 30))")
        }
        return try JSONObjectParser.object(from: text, at: location, pruning: .patientCase)
    }

    // MARK: - One document

    private func readDocument(source: String, head: [ScannedLine], rest: inout LineScanner) throws(CaseInputError)
        -> CaseInput
    {
        let location = InputLocation(source: source)
        var document = Data()
        for line in head { try append(line, to: &document, at: location) }
        while let line = try rest.next() { try append(line, to: &document, at: location) }
        let text = try InputTextDecoder.decode(document, at: location)
        return CaseInput(source: source, layout: .document, entries: [try documentEntry(text, at: location)])
    }

    private func append(_ line: ScannedLine, to document: inout Data, at location: InputLocation) throws(CaseInputError)
    {
        let separator = line.number == 1 ? 0 : 1
        guard let bytes = line.bytes, document.count + separator + bytes.count <= sizeLimit else {
            let size = line.bytes == nil ? "is \(line.byteCount) bytes" : "has more bytes than that"
            throw tooLarge("the document \(size)", at: location)
        }
        if separator == 1 { document.append(0x0A) }
        document.append(bytes)
    }

    private func documentEntry(_ text: String, at location: InputLocation) throws(CaseInputError) -> CaseEntry {
        switch text.first(where: { !$0.isWhitespace }) {
        case "{", "[":
            let object = try JSONObjectParser.object(from: text, at: location, pruning: .patientCase)
            let patientCase = try readCase(object, at: location)
            return CaseEntry(location: location, kind: CaseKind(detecting: object), result: .success(patientCase))
        default:
            let vignette = PatientCase(
                id: location.fallbackCaseID, text: text.trimmingCharacters(in: .whitespacesAndNewlines))
            return CaseEntry(location: location, kind: .text, result: .success(vignette))
        }
    }

    // MARK: - Helpers

    private func tooLarge(_ what: String, at location: InputLocation) -> CaseInputError {
        location.error(
            .tooLarge, "\(what), over the size limit of \(Self.describe(bytes: sizeLimit)) per document or line")
    }

    private static func describe(bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    private static func open(_ path: String) throws(CaseInputError) -> FileHandle {
        var isDirectory: ObjCBool = false
        let files = FileManager.default
        guard files.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CaseInputError(source: path, kind: .unreadable, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw CaseInputError(source: path, kind: .unreadable, reason: "is a directory, not a case file")
        }
        guard files.isReadableFile(atPath: path), let handle = FileHandle(forReadingAtPath: path) else {
            throw CaseInputError(source: path, kind: .unreadable, reason: "cannot open the file (permission denied?)")
        }
        return handle
    }
}
