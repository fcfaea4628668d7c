/// Checks the ISO 8601 durations cases use for age: `P34Y`, `P3M`, `P1Y6M`, `P2W`, `P10D`,
/// `P1Y2M3DT4H`.
///
/// Designators must come in order (`Y M W D`, then after `T`: `H M S`), each at most once,
/// each after a number; at least one is required. Only the last number may carry a fraction
/// (`P1.5Y`), as ISO 8601 allows.
public enum ISO8601Duration {
    private static let dateDesignators: [Character] = ["Y", "M", "W", "D"]
    private static let timeDesignators: [Character] = ["H", "M", "S"]

    /// True when `text` is a well-formed duration.
    public static func isValid(_ text: String) -> Bool {
        guard text.hasPrefix("P") else { return false }
        let body = text.dropFirst()
        let halves = body.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let date = components(of: halves[0], designators: dateDesignators)
        guard let date else { return false }
        guard halves.count == 2 else { return !date.isEmpty && fractionIsLast(date) }
        guard let time = components(of: halves[1], designators: timeDesignators), !time.isEmpty else {
            return false
        }
        return fractionIsLast(date + time)
    }

    /// The numbers of `<number><designator>` components in order, or nil when malformed,
    /// repeated or out of order.
    private static func components(of text: Substring, designators: [Character]) -> [Substring]? {
        var numbers: [Substring] = []
        var nextDesignator = 0
        var start = text.startIndex
        for index in text.indices where text[index].isLetter {
            let number = text[start..<index]
            guard isNumber(number),
                let position = designators[nextDesignator...].firstIndex(of: text[index])
            else { return nil }
            numbers.append(number)
            nextDesignator = position + 1
            start = text.index(after: index)
        }
        return start == text.endIndex ? numbers : nil
    }

    /// Digits, optionally with one `.` or `,` followed by more digits.
    private static func isNumber(_ text: Substring) -> Bool {
        let pieces = text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        return (1...2).contains(pieces.count)
            && pieces.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    private static func fractionIsLast(_ numbers: [Substring]) -> Bool {
        numbers.dropLast().allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
