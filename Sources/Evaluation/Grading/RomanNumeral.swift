/// Reads Roman numerals in disease names as Arabic ones ("type IIID" → "3d").
enum RomanNumeral {
    private static let values: [Character: Int] = ["i": 1, "v": 5, "x": 10]

    /// The Arabic form of `word` when it is a Roman numeral made of i, v and x (1…39). A single
    /// letter (i, v, x), or a numeral with a trailing subtype letter a–d, counts only after a
    /// word such as "type" (`afterNumberedWord`), so "x linked" stays as it is.
    static func arabic(_ word: String, afterNumberedWord: Bool) -> String? {
        guard let first = word.utf8.first,
            first == UInt8(ascii: "i") || first == UInt8(ascii: "v") || first == UInt8(ascii: "x")
        else { return nil }
        var numeral = Substring(word)
        var suffix = ""
        if afterNumberedWord, word.count > 1, let last = word.last, "abcd".contains(last) {
            numeral = word.dropLast()
            suffix = String(last)
        }
        guard !numeral.isEmpty, numeral.allSatisfy({ values[$0] != nil }) else { return nil }
        guard numeral.count > 1 || afterNumberedWord else { return nil }
        guard let value = parse(numeral), value < 40 else { return nil }
        return String(value) + suffix
    }

    private static func parse(_ numeral: Substring) -> Int? {
        let digits = numeral.compactMap { values[$0] }
        var total = 0
        for (index, digit) in digits.enumerated() {
            if index + 1 < digits.count, digit < digits[index + 1] { total -= digit } else { total += digit }
        }
        // Only canonical spellings: writing the value back must give the same letters.
        return canonical(total) == String(numeral) ? total : nil
    }

    private static func canonical(_ value: Int) -> String {
        guard value > 0 else { return "" }
        let tens = String(repeating: "x", count: value / 10)
        let units = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"][value % 10]
        return tens + units
    }
}
