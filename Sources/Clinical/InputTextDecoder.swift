import Foundation

/// Turns input bytes into text, refusing binary data: NUL bytes or bytes that are not UTF-8.
/// A leading UTF-8 byte order mark is dropped.
enum InputTextDecoder {
    private static let expected = "expected a ddx case, a phenopacket, JSON Lines or plain UTF-8 text"

    static func decode(_ data: Data, at location: InputLocation) throws(CaseInputError) -> String {
        if data.starts(with: CaseLoader.gzipSignature) {
            throw location.error(
                .binaryData, "gzip-compressed data; give the file's path instead, or decompress it first (gzip -dc)")
        }
        if let offset = nulOffset(in: data) {
            throw location.error(.binaryData, "binary data (NUL byte at byte \(offset)); \(expected)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let offset = invalidUTF8Offset(in: data).map { " at byte \($0)" } ?? ""
            throw location.error(.binaryData, "binary data (invalid UTF-8\(offset)); \(expected)")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    private static func nulOffset(in data: Data) -> Int? {
        data.withUnsafeBytes { buffer -> Int? in
            guard let base = buffer.baseAddress, let hit = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
    }

    private static func invalidUTF8Offset(in data: Data) -> Int? {
        data.withUnsafeBytes { buffer -> Int? in
            var parser = Unicode.UTF8.ForwardParser()
            var bytes = buffer.makeIterator()
            var offset = 0
            while true {
                switch parser.parseScalar(from: &bytes) {
                case .valid(let scalar): offset += scalar.count
                case .emptyInput: return nil
                case .error: return offset
                }
            }
        }
    }
}
