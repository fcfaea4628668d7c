/// One token of a text: a word, a number or a single punctuation mark, with its place.
///
/// Offsets count Unicode scalars from the start of the analysed text (end exclusive), the
/// way most annotation corpora count characters.
public struct Token: Sendable, Equatable {
    /// What the token is made of.
    public enum Kind: Sendable, Equatable {
        case word
        case number
        case punctuation
    }

    public var kind: Kind
    /// The token exactly as written.
    public var text: String
    /// Offset of the first scalar.
    public var start: Int
    /// Offset after the last scalar.
    public var end: Int

    public init(kind: Kind, text: String, start: Int, end: Int) {
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
    }

    /// True for `.`, `!`, `?` and `;`: marks that end a sentence or an independent clause.
    public var endsClause: Bool {
        kind == .punctuation && (text == "." || text == "!" || text == "?" || text == ";" || text == "\n")
    }

    /// True when every letter is upper case and there are at least two (`VSD`, `IUGR`).
    public var isAcronym: Bool {
        guard kind == .word else { return false }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var upper = 0
            for byte in text.utf8 {
                if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { return false }
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { upper += 1 }
            }
            return upper >= 2
        }
        var letters = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isLowercase { return false }
            if scalar.properties.isUppercase { letters += 1 }
        }
        return letters >= 2
    }
}
