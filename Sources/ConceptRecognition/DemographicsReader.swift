import Clinical
import Foundation

/// Reads the patient's age and sex where a vignette states them: `34-year-old`, `3 months
/// old`, `aged 12 years`, `newborn`, `in his fifties`; `woman`, `boy`, or pronouns used
/// consistently. Reads only the opening of a text, where vignettes introduce the patient.
struct DemographicsReader {
    /// Scalars of the opening read for demographics.
    let openingLength = 4000

    private static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    ]
    private static let decades: [String: Int] = [
        "teens": 13, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
        "eighties": 80, "nineties": 90,
    ]
    private static let units = "(years?|yrs?|months?|mos?|weeks?|wks?|days?)"
    private static let number =
        "(\\d{1,3}(?:\\.\\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        + "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
    private static let patterns: [NSRegularExpression] = [
        "\\b\(number)[\\s-]*\(units)[\\s-]*old\\b",
        "\\baged?\\s+\(number)\\s*\(units)",
        "\\bin\\s+(?:his|her|their)\\s+(?:early\\s+|mid-?\\s*|late\\s+)?(teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b",
        "\\b(newborn|neonate)\\b",
    ].compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    /// Words near which an age is stated.
    private static let ageCues: Set<String> = Set(["old", "aged", "age", "newborn", "neonate"]).union(decades.keys)

    /// Age as an ISO 8601 duration and the phrase it came from. The patterns run only on short
    /// windows around cue words (`old`, `aged`, `fifties` …) of the opening tokens.
    func age(in text: String, tokens: [Token]) -> (duration: String, evidence: String)? {
        let scalars = text.unicodeScalars
        for (index, token) in tokens.prefix(800).enumerated()
        where token.kind == .word && Self.ageCues.contains(token.text.lowercased()) {
            let first = tokens[max(0, index - 6)].start
            let last = tokens[min(tokens.count - 1, index + 4)].end
            guard let lower = scalars.index(scalars.startIndex, offsetBy: first, limitedBy: scalars.endIndex),
                let upper = scalars.index(lower, offsetBy: last - first, limitedBy: scalars.endIndex)
            else { continue }
            if let found = age(in: String(text[lower..<upper])) { return found }
        }
        return nil
    }

    /// Age as an ISO 8601 duration and the phrase it came from, the earliest of the patterns.
    func age(in text: String) -> (duration: String, evidence: String)? {
        let opening = String(text.unicodeScalars.prefix(openingLength))
        let range = NSRange(opening.startIndex..., in: opening)
        var best: (location: Int, duration: String, evidence: String)?
        for (kind, pattern) in Self.patterns.enumerated() {
            guard let match = pattern.firstMatch(in: opening, range: range),
                let whole = Range(match.range, in: opening)
            else { continue }
            if let current = best, current.location <= match.range.location { continue }
            let groups = (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: opening) }
                .map { opening[$0].lowercased() }
            guard let duration = duration(kind: kind, groups: groups) else { continue }
            best = (match.range.location, duration, String(opening[whole]))
        }
        return best.map { ($0.duration, $0.evidence) }
    }

    private func duration(kind: Int, groups: [String]) -> String? {
        switch kind {
        case 0, 1:
            guard groups.count == 2 else { return nil }
            let value = Double(groups[0]) ?? Double(Self.numberWords[groups[0]] ?? -1)
            guard value >= 0 else { return nil }
            let unit = groups[1].first ?? "y"
            return Self.iso(value: value, unit: unit)
        case 2:
            return groups.first.flatMap { Self.decades[$0] }.map { "P\($0)Y" }
        default:
            return "P0D"
        }
    }

    private static func iso(value: Double, unit: Character) -> String {
        let whole = value.rounded(.down) == value
        switch unit {
        case "m": return whole ? "P\(Int(value))M" : "P\(Int((value * 30).rounded()))D"
        case "w": return whole ? "P\(Int(value))W" : "P\(Int((value * 7).rounded()))D"
        case "d": return "P\(Int(value.rounded()))D"
        default: return whole ? "P\(Int(value))Y" : "P\(Int((value * 12).rounded()))M"
        }
    }

    private static let femaleNouns: Set<String> = ["woman", "girl", "female", "lady", "women", "girls"]
    private static let maleNouns: Set<String> = ["man", "boy", "male", "gentleman", "men", "boys"]
    private static let femalePronouns: Set<String> = ["she", "her", "herself"]
    private static let malePronouns: Set<String> = ["he", "his", "him", "himself"]

    /// Sex from the first noun that names it, else from pronouns used only one way (twice or more).
    func sex(in tokens: [Token]) -> (sex: Sex, evidence: String)? {
        var female = 0
        var male = 0
        for (index, token) in tokens.prefix(800).enumerated() where token.kind == .word && !token.isAcronym {
            let word = token.text.lowercased()
            let previous = index > 0 ? tokens[index - 1].text.lowercased() : ""
            let describesRelative = ContextCues.relatives.contains(previous)
            if !describesRelative, Self.femaleNouns.contains(word) { return (.female, token.text) }
            if !describesRelative, Self.maleNouns.contains(word) { return (.male, token.text) }
            if Self.femalePronouns.contains(word) { female += 1 }
            if Self.malePronouns.contains(word) { male += 1 }
        }
        if female >= 2 && male == 0 { return (.female, "she/her") }
        if male >= 2 && female == 0 { return (.male, "he/his") }
        return nil
    }
}
