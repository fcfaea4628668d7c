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
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var index = 0
        var newlines = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if Self.isWordScalar(scalar) {
                let start = index
                let isNumber = Self.isDigit(scalar)
                index += 1
                while index < scalars.count {
                    let next = scalars[index]
                    if Self.isWordScalar(next) || Self.isMark(next) {
                        index += 1
                    } else if isNumber, next == "." || next == ",", index + 1 < scalars.count,
                        Self.isDigit(scalars[index + 1])
                    {
                        index += 2
                    } else {
                        break
                    }
                }
                var word = String.UnicodeScalarView()
                word.append(contentsOf: scalars[start..<index])
                let kind: Token.Kind = isNumber && word.allSatisfy(Self.isNumeric) ? .number : .word
                tokens.append(Token(kind: kind, text: String(word), start: offset + start, end: offset + index))
                newlines = 0
                continue
            }
            if scalar == "\n" {
                newlines += 1
                if newlines == 2 {
                    tokens.append(Token(kind: .punctuation, text: "\n", start: offset + index, end: offset + index + 1))
                }
            } else if !scalar.properties.isWhitespace && !Self.isMark(scalar) {
                tokens.append(
                    Token(kind: .punctuation, text: String(scalar), start: offset + index, end: offset + index + 1))
                newlines = 0
            }
            index += 1
        }
        return tokens
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || scalar == "." || scalar == ","
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        guard !scalar.isASCII else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
