import Foundation
import Ontology

/// How often a disease shows a feature, as phenotype.hpoa states it.
///
/// The file uses three notations: an HPO frequency term (`HP:0040283`, "Occasional"),
/// a count of patients (`3/8`) or a percentage (`17%`). ``value`` maps each to one number
/// in 0...1; frequency terms map to the midpoint of the range their definition gives.
public struct Frequency: Sendable, Equatable, Hashable {
    /// The text as it stood in the file.
    public let text: String
    /// The frequency as a fraction in 0...1.
    public let value: Double

    /// Parses the hpoa notation; nil for empty or unreadable text.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Frequency.parse(trimmed) else { return nil }
        self.text = trimmed
        self.value = value
    }

    /// A frequency already parsed, as the knowledge base store keeps it.
    init(text: String, value: Double) {
        self.text = text
        self.value = value
    }

    /// HPO frequency subontology terms and the midpoint of the range each defines.
    public static let termValues: [TermID: Double] = [
        TermID(40280): 1.0,  // Obligate: 100%
        TermID(40281): 0.895,  // Very frequent: 80-99%
        TermID(40282): 0.545,  // Frequent: 30-79%
        TermID(40283): 0.17,  // Occasional: 5-29%
        TermID(40284): 0.025,  // Very rare: 1-4%
        TermID(40285): 0.0,  // Excluded: 0%
    ]

    private static func parse(_ text: String) -> Double? {
        if let term = TermID(text) { return termValues[term] }
        if text.hasSuffix("%"), let percent = Double(text.dropLast()), (0...100).contains(percent) {
            return percent / 100
        }
        let parts = text.split(separator: "/")
        if parts.count == 2, let n = Double(parts[0]), let m = Double(parts[1]), m > 0, n >= 0, n <= m {
            return n / m
        }
        return nil
    }
}
