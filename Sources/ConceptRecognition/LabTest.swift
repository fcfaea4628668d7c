import Ontology

/// A laboratory test ddx reads from text: its names, the units it accepts (with the factor to
/// its canonical unit), its adult reference range and the HPO terms for values below and above.
public struct LabTest: Sendable {
    /// Names as they appear in notes, lower case (`hemoglobin`, `hb`).
    public var names: [String]
    /// The unit ranges are given in, as written for people.
    public var canonicalUnit: String
    /// Normalised unit (see ``LabUnits/normalize(_:)``) → factor to the canonical unit.
    public var units: [String: Double]
    public var low: Double?
    public var high: Double?
    public var lowTerm: TermID?
    public var highTerm: TermID?

    public init(
        _ names: [String], unit canonicalUnit: String, units: [String: Double], low: Double? = nil,
        high: Double? = nil, lowTerm: Int32? = nil, highTerm: Int32? = nil
    ) {
        self.names = names
        self.canonicalUnit = canonicalUnit
        self.units = units
        self.low = low
        self.high = high
        self.lowTerm = lowTerm.map(TermID.init)
        self.highTerm = highTerm.map(TermID.init)
    }
}

/// Unit spellings and their normal form.
public enum LabUnits {
    /// Lower case, `µ`/`μ` → `u`, `×`/`*` → `x`, superscript digits → `^` digits, no spaces.
    public static func normalize(_ unit: String) -> String {
        var result = ""
        for scalar in unit.lowercased().unicodeScalars {
            switch scalar {
            case "µ", "μ": result += "u"
            case "×", "*": result += "x"
            case "⁹": result += "^9"
            case "³": result += "^3"
            case "¹": result += "^1"
            case "²": result += "^2"
            case " ": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result.replacingOccurrences(of: "^^", with: "^")
    }

    static let perLitre9: [String: Double] = [
        "x10^9/l": 1, "10^9/l": 1, "x109/l": 1, "g/l": 1, "k/ul": 1, "x10^3/ul": 1, "10^3/ul": 1, "x10^3/mm^3": 1,
        "x10^3/mm3": 1, "/ul": 0.001, "/mm^3": 0.001, "/mm3": 0.001, "cells/ul": 0.001, "cells/mm3": 0.001,
    ]
    static let millimolar: [String: Double] = ["mmol/l": 1, "meq/l": 1, "mm": 1]
    static let enzyme: [String: Double] = ["u/l": 1, "iu/l": 1, "units/l": 1, "ukat/l": 60]
}
