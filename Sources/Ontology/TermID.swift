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

    /// Parses `HP:0001166` (also `HP_0001166`, as in OBO PURLs). Returns nil for anything else.
    public init?(_ text: some StringProtocol) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count == 10, trimmed.hasPrefix("HP:") || trimmed.hasPrefix("HP_") else {
            return nil
        }
        let digits = trimmed.dropFirst(3)
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int32(digits) else {
            return nil
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
