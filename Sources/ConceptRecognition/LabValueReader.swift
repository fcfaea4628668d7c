import Foundation
import Ontology

/// Reads laboratory values (`hemoglobin 8.1 g/dL`, `platelets of 40 ×10⁹/L`) and turns values
/// outside the adult reference range into HPO findings. A value without a unit, or with a unit
/// ddx does not know for that test, gives a warning and no finding: ddx does not guess.
struct LabValueReader {
    /// The tests' names as one pattern: name, up to 25 non-numeric characters, number, unit.
    /// A number joined to a word by a hyphen is part of a name, not a value (`glucose
    /// 6-phosphatase`, `hemoglobin 2,3-diphosphoglycerate`).
    private static let pattern: NSRegularExpression? = {
        let names = LabCatalogue.tests.flatMap(\.names).sorted { $0.count > $1.count }
            .map(NSRegularExpression.escapedPattern(for:))
        let expression =
            "(?<![\\p{L}\\d])(" + names.joined(separator: "|")
            + ")(?![\\p{L}])[^\\d.;\\n]{0,25}?(\\d+(?:[.,]\\d+)?)(?![.,]?\\d)(?!-\\p{L})[ \\t]*([^\\s,;()]*)"
        return try? NSRegularExpression(pattern: expression, options: [.caseInsensitive])
    }()
    private static let testsByName: [String: LabTest] = {
        var map: [String: LabTest] = [:]
        for test in LabCatalogue.tests { for name in test.names where map[name] == nil { map[name] = test } }
        return map
    }()

    /// First words of the tests' names: only a number shortly after one is worth a look.
    private static let firstWords: Set<String> = Set(
        LabCatalogue.tests.flatMap(\.names).compactMap { Tokenizer().tokens(of: $0[...]).first?.text.lowercased() })

    struct Reading {
        var mention: ConceptMention?
        var warning: String?
    }

    /// Lab readings in a passage: the pattern runs only on short windows that start at a test
    /// name's first word followed within eight tokens by a number, so plain prose costs little.
    func readings(in passage: Passage, text: Substring, offset: Int) -> [Reading] {
        var readings: [Reading] = []
        let scalars = text.unicodeScalars
        var cursor = scalars.startIndex
        var cursorOffset = offset
        var coveredUntil = offset
        for index in 0..<passage.count where Self.firstWords.contains(passage.lower[index]) {
            let token = passage.tokens[index]
            guard token.start >= coveredUntil,
                let number = (index + 1..<min(passage.count, index + 9)).first(where: {
                    passage.tokens[$0].kind == .number
                })
            else { continue }
            let windowEnd = passage.tokens[number].end + 30
            guard let lower = scalars.index(cursor, offsetBy: token.start - cursorOffset, limitedBy: scalars.endIndex)
            else { break }
            cursor = lower
            cursorOffset = token.start
            let upper =
                scalars.index(lower, offsetBy: windowEnd - token.start, limitedBy: scalars.endIndex)
                ?? scalars.endIndex
            readings += self.readings(in: text[lower..<upper], offset: token.start).prefix(1)
            coveredUntil = passage.tokens[number].end
        }
        return readings
    }

    /// Lab readings in `text`, with offsets counted from `offset` (Unicode scalars).
    func readings(in text: Substring, offset: Int) -> [Reading] {
        guard let pattern = Self.pattern else { return [] }
        let string = String(text)
        var readings: [Reading] = []
        var scalarCursor = string.startIndex
        var scalarOffset = offset
        for match in pattern.matches(in: string, range: NSRange(string.startIndex..., in: string)) {
            guard let whole = Range(match.range, in: string), let nameRange = Range(match.range(at: 1), in: string),
                let valueRange = Range(match.range(at: 2), in: string),
                let test = Self.testsByName[string[nameRange].lowercased()]
            else { continue }
            let unitText = Range(match.range(at: 3), in: string).map { String(string[$0]) } ?? ""
            let value = Double(string[valueRange].replacingOccurrences(of: ",", with: ".")) ?? .nan
            scalarOffset += string.unicodeScalars.distance(from: scalarCursor, to: whole.lowerBound)
            scalarCursor = whole.lowerBound
            let start = scalarOffset
            let end = start + string.unicodeScalars.distance(from: whole.lowerBound, to: whole.upperBound)
            readings.append(
                reading(
                    test, name: String(string[nameRange]), value: value, unit: unitText, text: String(string[whole]),
                    start: start, end: end))
        }
        return readings
    }

    private func reading(
        _ test: LabTest, name: String, value: Double, unit: String, text: String, start: Int, end: Int
    ) -> Reading {
        let trimmedUnit = unit.trimmingCharacters(in: CharacterSet(charactersIn: ".:"))
        let normalized = LabUnits.normalize(trimmedUnit)
        guard !value.isNaN else { return Reading() }
        guard let factor = test.units[normalized] else {
            let said =
                trimmedUnit.isEmpty || trimmedUnit.allSatisfy(\.isLetter) && !trimmedUnit.contains("/")
                ? "no unit" : "unit \"\(trimmedUnit)\""
            return Reading(
                warning: "\(name) \(Self.format(value)) (\(said)): not interpreted; give it in \(test.canonicalUnit)")
        }
        let canonical = value * factor
        let finding: (TermID, String)?
        if let low = test.low, let term = test.lowTerm, canonical < low {
            finding = (term, "\(test.names[0]) below \(Self.format(low)) \(test.canonicalUnit)")
        } else if let high = test.high, let term = test.highTerm, canonical > high {
            finding = (term, "\(test.names[0]) above \(Self.format(high)) \(test.canonicalUnit)")
        } else {
            finding = nil
        }
        guard let (term, rule) = finding else { return Reading() }
        return Reading(
            mention: ConceptMention(
                id: term, start: start, end: end, matchedText: text.trimmingCharacters(in: .whitespaces), synonym: rule,
                source: .labValue))
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2g", value)
    }
}
