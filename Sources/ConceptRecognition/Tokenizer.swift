/// Splits text into words, numbers and punctuation marks.
///
/// Letters (any script, with their combining marks) and digits make words; hyphens,
/// apostrophes, slashes and all other marks separate them, so `X-linked` is `X`, `-`,
/// `linked`. A decimal number (`8.1`) stays one token. A blank line is kept as a `\n`
/// punctuation token, so paragraphs end clauses.
public struct Tokenizer: Sendable {
    public init() {}

    /// The tokens of `text`, with offsets counted from `offset`.
    public func tokens(of text: Substring, offset: Int = 0) -> [Token] {
        let scalars = text.unicodeScalars
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 6)
        var index = scalars.startIndex
        var position = offset
        var newlines = 0
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if Self.isWordScalar(scalar) {
                let start = index
                let startPosition = position
                let isNumber = Self.isDigit(scalar)
                var allNumeric = isNumber
                index = scalars.index(after: index)
                position += 1
                while index < scalars.endIndex {
                    let next = scalars[index]
                    if Self.isWordScalar(next) || Self.isMark(next) {
                        allNumeric = allNumeric && Self.isDigit(next)
                        index = scalars.index(after: index)
                        position += 1
                        continue
                    }
                    let after = scalars.index(after: index)
                    if isNumber, next == "." || next == ",", after < scalars.endIndex, Self.isDigit(scalars[after]) {
                        index = after
                        position += 1
                        continue
                    }
                    break
                }
                let kind: Token.Kind = allNumeric ? .number : .word
                tokens.append(
                    Token(kind: kind, text: String(scalars[start..<index]), start: startPosition, end: position))
                newlines = 0
                continue
            }
            if scalar == "\n" {
                newlines += 1
                if newlines == 2 {
                    tokens.append(Token(kind: .punctuation, text: "\n", start: position, end: position + 1))
                }
            } else if !scalar.properties.isWhitespace && !Self.isMark(scalar) {
                tokens.append(Token(kind: .punctuation, text: String(scalar), start: position, end: position + 1))
                newlines = 0
            }
            index = scalars.index(after: index)
            position += 1
        }
        return tokens
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x30 && value <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        guard !scalar.isASCII else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
