import Foundation

/// The usual shape of a request line, found without building any values: one object whose
/// members are `jsonrpc` ("2.0"), `method`, `params` (an object), `id` (a whole number or a
/// string without escapes) and optionally `token`, each once, in any order, with nothing else.
///
/// It lets the daemon recognise a request whose params it answered before from the bytes
/// alone (``AnswerCache``). It does not check the params object itself: only a params span
/// byte-identical to one that was read in full and answered is ever answered from its bytes.
/// Every other line — batches, notifications, other members, escapes, numbers with a fraction
/// or an exponent, repeated members — is not recognised and is read in full as before.
struct PlainRequest: Equatable {
    /// The id as the response echoes it (`7`, `"a-1"`), exactly as the line wrote it.
    var id: String
    var method: String
    /// Where the params object lies in the line.
    var params: Range<Int>
    /// The top-level `token` member, if any.
    var token: String?

    /// The request in `bytes`, or nil when the line is not of this shape.
    static func scan(_ bytes: UnsafeRawBufferPointer) -> PlainRequest? {
        var cursor = Cursor(bytes: bytes)
        guard cursor.take(.openBrace) else { return nil }
        var fields = Fields()
        repeat {
            guard let key = cursor.plainString(), cursor.take(.colon), fields.read(key, from: &cursor) else {
                return nil
            }
        } while cursor.take(.comma)
        guard cursor.take(.closeBrace), cursor.atEnd else { return nil }
        return fields.request
    }

    /// The members read so far; each may appear once.
    private struct Fields {
        var version: String?
        var id: String?
        var method: String?
        var params: Range<Int>?
        var token: String?

        mutating func read(_ key: String, from cursor: inout Cursor) -> Bool {
            switch key {
            case "jsonrpc" where version == nil:
                version = cursor.plainString()
                return version != nil
            case "method" where method == nil:
                method = cursor.plainString()
                return method != nil
            case "id" where id == nil:
                id = cursor.plainID()
                return id != nil
            case "params" where params == nil:
                params = cursor.objectSpan()
                return params != nil
            case "token" where token == nil:
                token = cursor.plainString()
                return token != nil
            default:
                return false
            }
        }

        var request: PlainRequest? {
            guard version == "2.0", let id, let method, let params else { return nil }
            return PlainRequest(id: id, method: method, params: params, token: token)
        }
    }
}

/// A read position in a line, for ``PlainRequest``.
private struct Cursor {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    var atEnd: Bool {
        mutating get {
            skipWhitespace()
            return position == bytes.count
        }
    }

    /// Skips whitespace, then takes `byte` if it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// A string of printable ASCII without escapes, so that JSON writes it back byte for byte.
    mutating func plainString() -> String? {
        guard let span = plainStringSpan() else { return nil }
        return String(
            decoding: UnsafeRawBufferPointer(rebasing: bytes[(span.lowerBound + 1)..<(span.upperBound - 1)]),
            as: UTF8.self)
    }

    /// An id as its JSON text: a plain string with its quotes, or a whole number written the
    /// way the daemon writes one back (no plus, no leading zero, no `-0`, at most 15 digits).
    mutating func plainID() -> String? {
        skipWhitespace()
        let span = position < bytes.count && bytes[position] == .quote ? plainStringSpan() : plainIntegerSpan()
        return span.map { String(decoding: UnsafeRawBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
    }

    /// An object, from its opening brace to the brace that closes it (strings skipped, so
    /// braces inside them do not count). The object's content is not checked.
    mutating func objectSpan() -> Range<Int>? {
        guard take(.openBrace) else { return nil }
        let start = position - 1
        var depth = 1
        Self.structural.withUnsafeBufferPointer { structural in
            while depth > 0, position < bytes.count {
                let byte = bytes[position]
                position += 1
                guard structural[Int(byte)] else { continue }
                switch byte {
                case .quote:
                    guard let end = closingQuote(from: position) else { return }
                    position = end + 1
                case .openBrace, .openBracket: depth += 1
                default: depth -= 1
                }
            }
        }
        return depth == 0 ? start..<position : nil
    }

    /// Quotes, braces and brackets: what matters when skipping over a value.
    private static let structural: [Bool] = (0...255).map { byte in
        [.quote, .openBrace, .closeBrace, .openBracket, .closeBracket].contains(UInt8(byte))
    }

    /// The offset of the quote that ends a string whose content starts at `offset`: the first
    /// quote not escaped by an odd number of backslashes.
    private func closingQuote(from offset: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var searchFrom = offset
        while searchFrom < bytes.count {
            guard let found = memchr(base + searchFrom, Int32(UInt8.quote), bytes.count - searchFrom) else {
                return nil
            }
            let quote = base.distance(to: UnsafeRawPointer(found))
            var backslashes = 0
            while quote - backslashes - 1 >= offset, bytes[quote - backslashes - 1] == .backslash { backslashes += 1 }
            if backslashes % 2 == 0 { return quote }
            searchFrom = quote + 1
        }
        return nil
    }

    private mutating func plainStringSpan() -> Range<Int>? {
        guard take(.quote) else { return nil }
        let start = position - 1
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == .quote { return start..<position }
            guard byte >= 0x20, byte < 0x7F, byte != .backslash else { return nil }
        }
        return nil
    }

    private mutating func plainIntegerSpan() -> Range<Int>? {
        let start = position
        if position < bytes.count, bytes[position] == .minus { position += 1 }
        let digitsStart = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            position += 1
        }
        let digits = position - digitsStart
        guard (1...15).contains(digits) else { return nil }
        let leadingZero = bytes[digitsStart] == UInt8(ascii: "0")
        guard !leadingZero || (digits == 1 && digitsStart == start) else { return nil }
        return start..<position
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }
}

extension UInt8 {
    fileprivate static let openBrace = UInt8(ascii: "{")
    fileprivate static let closeBrace = UInt8(ascii: "}")
    fileprivate static let openBracket = UInt8(ascii: "[")
    fileprivate static let closeBracket = UInt8(ascii: "]")
    fileprivate static let quote = UInt8(ascii: "\"")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let comma = UInt8(ascii: ",")
    fileprivate static let minus = UInt8(ascii: "-")
}
