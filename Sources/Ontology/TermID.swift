import Foundation

/// The numeric part of an HPO identifier: `HP:0001166` is `TermID(1166)`.
///
/// HPO ids are always `HP:` followed by seven digits, so an integer is an exact,
/// compact key that sorts in the ontology's own order.
public struct TermID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The number after `HP:`.
    public let rawValue: Int32

    public init(_ rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// Parses `HP:0001166` (also `HP_0001166`, as in OBO PURLs), ignoring surrounding spaces.
    /// Returns nil for anything else.
    public init?(_ text: some StringProtocol) {
        var bytes = Substring(text).utf8[...]
        while bytes.first == UInt8(ascii: " ") || bytes.first == UInt8(ascii: "\t") { bytes.removeFirst() }
        while bytes.last == UInt8(ascii: " ") || bytes.last == UInt8(ascii: "\t") { bytes.removeLast() }
        guard bytes.count == 10, bytes.starts(with: "HP".utf8) else { return nil }
        let separator = bytes[bytes.index(bytes.startIndex, offsetBy: 2)]
        guard separator == UInt8(ascii: ":") || separator == UInt8(ascii: "_") else { return nil }
        var value: Int32 = 0
        for byte in bytes.dropFirst(3) {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int32(byte - UInt8(ascii: "0"))
        }
        self.rawValue = value
    }

    /// `HP:` and seven digits.
    public var description: String {
        let digits = String(rawValue)
        return "HP:" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    public static func < (lhs: TermID, rhs: TermID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = TermID(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an HPO id (HP:0000000)")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
